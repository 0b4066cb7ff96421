/* rmdir: remove empty directories.
 * POSIX rmdir (-p) with GNU -v, --ignore-fail-on-non-empty and long options.
 */

/*== applet
applet rmdir /bin nofork
options p(parents)v(verbose) (ignore-fail-on-non-empty)
config RMDIR
	bool "rmdir"
	default y
	help
	  Remove empty directories.
usage [-pv] [--ignore-fail-on-non-empty] DIRECTORY...
Remove each DIRECTORY if it is empty.

	-p	Then remove its parents named in DIRECTORY, up to the first that fails
	-v	Print a message for each directory removed
	--ignore-fail-on-non-empty	Keep quiet about directories that are not empty
==*/

#include "libbb.h"
#include "flags/rmdir.h"

GLOBALS();

/* Remove path; parent says which message GNU gives. Returns 0, 1 for an ignored
 * non-empty directory, -1 after a message. */
static int remove_one(const char *path, bool parent)
{
	if (FLAG(v))
		printf("rmdir: removing directory, '%s'\n", path);
	if (rmdir(path) == 0)
		return 0;
	if (FLAG(ignore_fail_on_non_empty) && (errno == ENOTEMPTY || errno == EEXIST))
		return 1;
	bb_perror_msg(parent ? "failed to remove directory '%s'" : "failed to remove '%s'", path);
	return -1;
}

/* Cut the last component of path and the slashes before it; false if none is left. */
static bool cut_last(char *path)
{
	char *end = path + strlen(path);

	while (end > path && end[-1] == '/')
		end--;
	while (end > path && end[-1] != '/')
		end--;
	while (end > path && end[-1] == '/')
		end--;
	*end = 0;
	return end > path;
}

int rmdir_main(int argc, char **argv)
{
	int status = 0;

	need_operands(argc, argv, 1, -1);
	while (*++argv) {
		int r = remove_one(*argv, false);

		while (r == 0 && FLAG(p) && cut_last(*argv))
			r = remove_one(*argv, true);
		if (r < 0)
			status = 1;
	}
	return status;
}
