/* sync: flush cached writes to storage. GNU sync: with FILE operands, -d (fdatasync
 * each file), -f (syncfs the file system holding each file), or fsync each file.
 */

/*== applet
applet sync /bin nofork
options d(data)f(file-system)
config SYNC
	bool "sync"
	default y
	help
	  Write all buffered file system blocks (or those of some files) to disk.
usage [-d|-f] [FILE]...
Write cached data to persistent storage: all of it, or that of the FILEs.

	-d	Sync only the data of the FILEs, not metadata not needed to read it
	-f	Sync the file systems that hold the FILEs
==*/

#include "libbb.h"
#include "flags/sync.h"

GLOBALS();

/* A file opened for syncing: read-only normally, write-only if that is all we may do. */
static int open_to_sync(const char *name)
{
	int fd = open(name, O_RDONLY | O_NONBLOCK | O_NOCTTY);

	if (fd < 0 && (errno == EACCES || errno == EISDIR))
		fd = open(name, O_WRONLY | O_NONBLOCK | O_NOCTTY);
	return fd;
}

static int sync_one(const char *name)
{
	int fd = open_to_sync(name), rc;

	if (fd < 0) {
		bb_perror_msg("error opening '%s'", name);
		return 1;
	}
	if (FLAG(f))
		rc = syncfs(fd);
	else if (FLAG(d))
		rc = fdatasync(fd);
	else
		rc = fsync(fd);
	if (rc)
		bb_perror_msg("error syncing '%s'", name);
	close(fd);
	return rc != 0;
}

int sync_main(int argc, char **argv)
{
	int status = 0;

	if (FLAG(d) && FLAG(f))
		bb_error_msg_and_die("cannot specify both --data and --file-system");
	if (argc < 2) {
		if (FLAG(d))
			bb_error_msg_and_die("--data needs at least one argument");
		sync();
		return 0;
	}
	for (int i = 1; i < argc; i++)
		status |= sync_one(argv[i]);
	return status;
}
