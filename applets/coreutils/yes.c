/* yes: print a line over and over until killed.
 * GNU yes (not in POSIX): the arguments joined by spaces, or "y". Writes many copies
 * per write() for speed; a write error (EPIPE too, when SIGPIPE is ignored) ends it
 * with status 1.
 */

/*== applet
applet yes /usr/bin
options
config YES
	bool "yes"
	default y
	help
	  Print a line (by default "y") repeatedly until killed.
usage [STRING]...
Print the STRINGs separated by spaces (or "y") on a line, over and over.
==*/

#include "libbb.h"
#include "flags/yes.h"

enum { WANTED_BUFSIZE = 8192 };

int yes_main(int argc UNUSED, char **argv)
{
	char *default_args[] = { (char *)"y", NULL };
	char **args = argv[1] ? argv + 1 : default_args;
	size_t line_len = 0, n;
	char *buf, *p;

	for (char **a = args; *a; a++)
		line_len += strlen(*a) + 1;
	/* as many whole lines as fit, and at least one however long it is */
	n = line_len < WANTED_BUFSIZE ? WANTED_BUFSIZE / line_len : 1;
	p = buf = xmalloc(n * line_len);
	for (char **a = args; *a; a++) {
		size_t len = strlen(*a);
		memcpy(p, *a, len);
		p += len;
		*p++ = a[1] ? ' ' : '\n';
	}
	for (size_t i = 1; i < n; i++)
		memcpy(buf + i * line_len, buf, line_len);
	for (;;)
		xwrite(STDOUT_FILENO, buf, n * line_len);
}
