/* mkdir: make directories.
 * POSIX mkdir (-p, -m) with GNU -v and long options. As POSIX says, a symbolic -m MODE
 * starts from a=rwx, and the result is the mode exactly (GNU differs when MODE sets the
 * sticky or set-id bits: mkdir -m o+t gives it 1755 under any umask). Names in messages
 * are quoted plainly ('a b'), not shell-escaped as GNU does for control characters.
 */

/*== applet
applet mkdir /bin nofork
options m(mode):p(parents)v(verbose)
config MKDIR
	bool "mkdir"
	default y
	help
	  Create directories.
usage [-pv] [-m MODE] DIRECTORY...
Create each DIRECTORY.

	-m MODE	Give the new directories MODE (as chmod takes it), not a=rwx minus the umask
	-p	Create missing parent directories too; a DIRECTORY that exists is no error
	-v	Print a message for each directory created
==*/

#include "libbb.h"
#include "flags/mkdir.h"

GLOBALS(
	mode_t mask;
);

static void created(const char *path)
{
	if (FLAG(v))
		printf("mkdir: created directory '%s'\n", path);
}

static bool is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* mkdir(2) with exactly mode: chmod when the umask or the special bits were in the way. */
static int make_one(const char *path, mode_t mode, bool exact)
{
	if (mkdir(path, mode & 0777) < 0)
		return -1;
	if (exact && ((mode & ~0777) || (mode & G.mask)) && chmod(path, mode) < 0) {
		bb_perror_msg("cannot set permissions of '%s'", path);
		return 1;
	}
	created(path);
	return 0;
}

/* One ancestor: created, or already a directory. */
static int parent_dir(const char *path, mode_t mode)
{
	if (mkdir(path, mode) == 0) {
		if ((mode & G.mask) && chmod(path, mode) < 0)
			bb_perror_msg("cannot set permissions of '%s'", path);
		created(path);
		return 0;
	}
	if (is_dir(path))
		return 0;
	if (errno == EEXIST)
		errno = ENOTDIR;
	bb_perror_msg("cannot create directory '%s'", path);
	return -1;
}

/* The missing ancestors of path, writable and searchable by their owner. */
static int make_parents(char *path)
{
	mode_t mode = (0777 & ~G.mask) | 0300;
	char *p = path, *slash, *next;

	while (*p == '/')
		p++;
	while ((slash = strchr(p, '/'))) {
		int r;

		for (next = slash; *next == '/'; next++)
			;
		if (!*next)
			break;
		*slash = 0;
		r = parent_dir(path, mode);
		*slash = '/';
		if (r < 0)
			return -1;
		p = next;
	}
	return 0;
}

int mkdir_main(int argc, char **argv)
{
	mode_t mode = 0777;
	int status = 0;

	need_operands(argc, argv, 1, -1);
	G.mask = umask(0);
	umask(G.mask);
	if (FLAG(m)) {
		int m = bb_parse_mode_umask(G.m, 0777, true, G.mask);
		if (m < 0)
			bb_error_msg_and_die("invalid mode '%s'", G.m);
		mode = m;
	}
	while (*++argv) {
		int r;

		if (FLAG(p) && make_parents(*argv) < 0) {
			status = 1;
			continue;
		}
		r = make_one(*argv, mode, FLAG(m));
		if (r < 0) {
			int err = errno;
			if (FLAG(p) && err == EEXIST && is_dir(*argv))
				continue;
			errno = err;
			bb_perror_msg("cannot create directory '%s'", *argv);
		}
		if (r)
			status = 1;
	}
	return status;
}
