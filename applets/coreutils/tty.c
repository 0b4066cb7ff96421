/* tty: print the name of the terminal on standard input. POSIX tty, with GNU's -s
 * (kept although POSIX dropped it) and GNU's exit statuses: 1 not a terminal, 2 bad
 * usage, 3 write error.
 */

/*== applet
applet tty /usr/bin errexit=2
options s(silent)(quiet)
config TTY
	bool "tty"
	default y
	help
	  Print the name of the terminal connected to standard input.
usage [-s]
Print the file name of the terminal on standard input, or "not a tty".

	-s	Print nothing, only set the exit status
==*/

#include "libbb.h"
#include "flags/tty.h"

GLOBALS();

int tty_main(int argc, char **argv)
{
	const char *name;

	need_operands(argc, argv, 0, 0);
	xfunc_error_retval = 3;
	if (FLAG(s))
		return !isatty(STDIN_FILENO);
	name = ttyname(STDIN_FILENO);
	puts(name ? name : "not a tty");
	return !name;
}
