/* printenv: print the environment, or the values of some variables.
 * GNU printenv (not in POSIX), with -0. Exit status 1 if a variable is not set, 2 for
 * bad usage or a write error, as GNU. Options must come before the names, as in GNU.
 */

/*== applet
applet printenv /usr/bin nofork errexit=2
options ^0(null)
config PRINTENV
	bool "printenv"
	default y
	help
	  Print all or part of the environment.
usage [-0] [NAME]...
Print the value of each environment variable NAME, or the whole environment as
NAME=VALUE lines. Exit with status 1 if a NAME is not set.

	-0	End each output line with NUL instead of newline
==*/

#include "libbb.h"
#include "flags/printenv.h"

/* Prints every entry for name (an environment may hold duplicates); false if none. */
static bool print_value(const char *name)
{
	size_t len = strlen(name);
	bool found = false;

	if (!len || strchr(name, '='))
		return false;
	for (char **e = environ; e && *e; e++) {
		if (!strncmp(*e, name, len) && (*e)[len] == '=') {
			fputs(*e + len + 1, stdout);
			putchar(FLAG(0) ? '\0' : '\n');
			found = true;
		}
	}
	return found;
}

int printenv_main(int argc UNUSED, char **argv)
{
	int status = 0;

	if (!argv[1]) {
		for (char **e = environ; e && *e; e++) {
			fputs(*e, stdout);
			putchar(FLAG(0) ? '\0' : '\n');
		}
	}
	while (*++argv)
		if (!print_value(*argv))
			status = 1;
	return status;	/* a write error makes it 2 (errexit), as GNU */
}
