/* basename: print the last component of a path name, optionally without a suffix.
 * POSIX basename with the GNU options -a -s -z, which as in GNU must come before the
 * operands. As GNU on Linux, "//" gives "/".
 */

/*== applet
applet basename /usr/bin nofork
options ^a(multiple)s(suffix):z(zero)
config BASENAME
	bool "basename"
	default y
	help
	  Strip the directory part (and optionally a suffix) from file names.
usage NAME [SUFFIX] | -a NAME... | -s SUFFIX NAME...
Print NAME without its directory part and trailing slashes, and without SUFFIX
if NAME ends with it (but is not only it).

	-a	Every operand is a NAME (print each)
	-s SFX	Remove the suffix SFX (implies -a)
	-z	End each output line with NUL instead of newline
==*/

#include "libbb.h"
#include "flags/basename.h"

GLOBALS();

/* Does not modify name: the strings of a NOFORK run belong to the caller. */
static void print_basename(const char *name, const char *suffix)
{
	size_t len = strlen(name), start, slen;

	while (len > 1 && name[len - 1] == '/')
		len--;
	start = len;
	while (start > 0 && name[start - 1] != '/')
		start--;
	if (start == len && len)
		start--;	/* only slashes: "/" */
	slen = suffix ? strlen(suffix) : 0;
	if (slen && slen < len - start && !memcmp(name + len - slen, suffix, slen))
		len -= slen;
	fwrite(name + start, 1, len - start, stdout);
	putchar(FLAG(z) ? '\0' : '\n');
}

int basename_main(int argc, char **argv)
{
	need_operands(argc, argv, 1, FLAG(a) || FLAG(s) ? -1 : 2);
	if (!FLAG(a) && !FLAG(s)) {
		print_basename(argv[1], argv[2]);
		return 0;
	}
	while (*++argv)
		print_basename(*argv, G.s);
	return 0;
}
