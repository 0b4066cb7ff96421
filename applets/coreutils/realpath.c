/* realpath: print canonical file names. GNU realpath: -e -m -L -P -s -q -z,
 * --relative-to=DIR and --relative-base=DIR.
 */

/*== applet
applet realpath /usr/bin nofork
options e(canonicalize-existing)m(canonicalize-missing)L(logical)P(physical)q(quiet)s(strip)(no-symlinks)z(zero) (relative-to): (relative-base): [-em] [-LP]
config REALPATH
	bool "realpath"
	default y
	help
	  Print the absolute name of files, without symlinks, "." or "..".
usage [-emLPqsz] [--relative-to=DIR] [--relative-base=DIR] FILE...
Print the canonical absolute name of each FILE: no symlinks, ".", ".." or repeated
"/". Every component but the last must exist.

	-e	Every component must exist
	-m	No component need exist
	-L	Resolve ".." before symlinks
	-P	Resolve symlinks as they come (the default)
	-q	Report no errors
	-s, --no-symlinks	Do not expand symlinks
	-z	End each name with NUL, not newline
	--relative-to=DIR	Print names relative to DIR
	--relative-base=DIR	Print names below DIR relative to it, others absolute
==*/

#include "libbb.h"
#include "flags/realpath.h"

GLOBALS(
	unsigned mode;
	int status;
);

/* The canonical name, or NULL after a message (unless -q). */
static char *canonical(const char *name)
{
	char *res = xmalloc_canonicalize(name, G.mode);

	if (!res) {
		int err = errno;
		if (!FLAG(q)) {
			char *q = xmalloc_quote_name(name);
			errno = err;
			bb_perror_msg("%s", q);
			free(q);
		}
		G.status = 1;
	}
	return res;
}

int realpath_main(int argc, char **argv)
{
	char *to = NULL, *base = NULL;

	need_operands(argc, argv, 1, -1);
	G.mode = (FLAG(e) ? CANON_EXISTING : FLAG(m) ? CANON_MISSING : CANON_ALL_BUT_LAST) |
		 (FLAG(L) ? CANON_LOGICAL : 0) | (FLAG(s) ? CANON_NOLINKS : 0);
	if (FLAG(relative_to) && !(to = canonical(G.relative_to)))
		return 1;
	if (FLAG(relative_base) && !(base = canonical(G.relative_base))) {
		free(to);
		return 1;
	}
	if (to && base && !path_is_under(to, base)) {
		/* GNU: then neither applies */
		free(to);
		free(base);
		to = base = NULL;
	}
	for (int i = 1; i < argc; i++) {
		char *res = canonical(argv[i]);
		const char *dir = to ? to : base;
		if (!res)
			continue;
		if (dir && (!base || path_is_under(res, base))) {
			char *rel = xmalloc_relative_path(res, dir);
			free(res);
			res = rel;
		}
		fputs(res, stdout);
		putchar(FLAG(z) ? '\0' : '\n');
		free(res);
	}
	free(to);
	free(base);
	return G.status;
}
