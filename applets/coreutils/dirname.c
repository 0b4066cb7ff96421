/* dirname: print the directory part of path names.
 * POSIX dirname, several operands and -z as in GNU. As GNU on Linux, a leading "//"
 * is not a distinct root: "//a" gives "/".
 */

/*== applet
applet dirname /usr/bin nofork
options z(zero)
config DIRNAME
	bool "dirname"
	default y
	help
	  Strip the last component from file names.
usage [-z] NAME...
Print each NAME without its last component and trailing slashes: "." if NAME
has no slash, "/" if only the root is left.

	-z	End each output line with NUL instead of newline
==*/

#include "libbb.h"
#include "flags/dirname.h"

/* Does not modify name: the strings of a NOFORK run belong to the caller. */
static void print_dirname(const char *name)
{
	size_t len = strlen(name);

	while (len > 0 && name[len - 1] == '/')
		len--;
	while (len > 0 && name[len - 1] != '/')
		len--;
	while (len > 0 && name[len - 1] == '/')
		len--;
	if (len)
		fwrite(name, 1, len, stdout);
	else
		putchar(name[0] == '/' ? '/' : '.');
	putchar(FLAG(z) ? '\0' : '\n');
}

int dirname_main(int argc, char **argv)
{
	need_operands(argc, argv, 1, -1);
	while (*++argv)
		print_dirname(*argv);
	return 0;
}
