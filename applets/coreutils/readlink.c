/* readlink: print the target of symbolic links, or canonical file names.
 * GNU readlink: -f -e -m -n -z -q -s -v. Errors are reported only with -v.
 */

/*== applet
applet readlink /usr/bin nofork
options f(canonicalize)e(canonicalize-existing)m(canonicalize-missing)n(no-newline)q(quiet)s(silent)v(verbose)z(zero) [-fem] [-qsv]
config READLINK
	bool "readlink"
	default y
	help
	  Print the target of symbolic links, or canonical file names (-f).
usage [-femnqsvz] FILE...
Print the target of each symbolic link FILE.

	-f	Print the canonical name: no symlinks, ".", ".." or repeated "/";
		every component but the last must exist
	-e	-f, and every component must exist
	-m	-f, but no component need exist
	-n	No newline (or NUL) after the name (if there is one FILE)
	-q, -s	Report no errors (the default)
	-v	Report errors
	-z	End each name with NUL, not newline
==*/

#include "libbb.h"
#include "flags/readlink.h"

GLOBALS();

int readlink_main(int argc, char **argv)
{
	unsigned mode = FLAG(e) ? CANON_EXISTING : FLAG(m) ? CANON_MISSING : CANON_ALL_BUT_LAST;
	bool canon = FLAG(f) || FLAG(e) || FLAG(m), newline = !FLAG(n);
	int status = 0;

	need_operands(argc, argv, 1, -1);
	if (!newline && argc > 2) {
		bb_error_msg("ignoring --no-newline with multiple arguments");
		newline = true;
	}
	for (int i = 1; i < argc; i++) {
		char *res = canon ? xmalloc_canonicalize(argv[i], mode) : xmalloc_readlink(argv[i]);
		if (!res) {
			if (FLAG(v)) {
				int err = errno;
				char *q = xmalloc_quote_name(argv[i]);
				errno = err;
				bb_perror_msg("%s", q);
				free(q);
			}
			status = 1;
			continue;
		}
		fputs(res, stdout);
		if (newline)
			putchar(FLAG(z) ? '\0' : '\n');
		free(res);
	}
	return status;
}
