/* fsync: flush the cached writes of files to storage. BusyBox fsync: -d uses
 * fdatasync (data only). A file that cannot be opened or synced is reported, and the
 * others are still synced.
 */

/*== applet
applet fsync /bin nofork
options d
config FSYNC
	bool "fsync"
	default y
	help
	  Write the buffered blocks of files to disk.
usage [-d] FILE...
Write the cached data and metadata of each FILE to persistent storage.

	-d	Sync only the data, not metadata not needed to read it (fdatasync)
==*/

#include "libbb.h"
#include "flags/fsync.h"

GLOBALS();

int fsync_main(int argc, char **argv)
{
	int status = 0;

	if (argc < 2)
		bb_show_usage();
	for (int i = 1; i < argc; i++) {
		int fd = open(argv[i], O_RDONLY | O_NONBLOCK | O_NOCTTY);
		if (fd < 0) {
			bb_perror_msg("%s", argv[i]);
			status = 1;
			continue;
		}
		if (FLAG(d) ? fdatasync(fd) : fsync(fd)) {
			bb_perror_msg("%s", argv[i]);
			status = 1;
		}
		close(fd);
	}
	return status;
}
