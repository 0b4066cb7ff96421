/* echo: write arguments to standard output.
 * POSIX echo with the GNU/bash/BusyBox options -n -e -E; escapes are off unless -e
 * (POSIX's XSI echo always interprets them; scripts written for GNU expect -e).
 * Parses its own argv: an argument is an option only if it consists of -[neE]...,
 * so "echo -x" and "echo --" print themselves.
 * -e knows bash's \u and \U: up to 4 or 8 hex digits, always written as UTF-8 (bash uses
 * the locale's charset), kept as they are beyond U+10FFFF (bash writes 5- and 6-byte forms).
 */

/*== applet
applet echo /bin nofork
config ECHO
	bool "echo"
	default y
	help
	  Print the arguments, separated by spaces, and a newline.

config FEATURE_FANCY_ECHO
	bool "Enable -n, -e and -E"
	default y
	depends on ECHO
usage [-neE] [ARG]...
Print ARGs separated by spaces, then a newline.

{FEATURE_FANCY_ECHO}	-n	No trailing newline
{FEATURE_FANCY_ECHO}	-e	Interpret backslash escapes: \\ \a \b \c (stop) \e \f \n \r \t \v
{FEATURE_FANCY_ECHO}		\0NNN or \NNN (octal) \xHH (hex)
{FEATURE_FANCY_ECHO}		\uHHHH \UHHHHHHHH (Unicode character as UTF-8)
{FEATURE_FANCY_ECHO}	-E	Do not interpret backslash escapes (default)
==*/

#include "libbb.h"
#include "flags/echo.h"

/* Value of up to max digits of base at *p (advancing it); -1 if there are none. */
static int escape_number(const char **p, int base, int max)
{
	int value = 0, n = 0;

	while (n < max) {
		int c = tolower(**p), d = isdigit(c) ? c - '0' : isxdigit(c) ? c - 'a' + 10 : 99;
		if (d >= base)
			break;
		value = value * base + d;
		(*p)++;
		n++;
	}
	return n ? value : -1;
}

/* Print s with -e escapes; returns false after \c, which ends all output. */
static bool print_escaped(const char *s)
{
	static const char from[] = "abefnrtv\\", to[] = "\a\b\033\f\n\r\t\v\\";

	while (*s) {
		int c = *s++, n;
		const char *e;
		char buf[4];
		if (c != '\\' || !*s) {
			putchar(c);
			continue;
		}
		c = *s++;
		if (c == 'c')
			return false;
		if ((e = strchr(from, c)) && c) {
			putchar(to[e - from]);
		} else if (c >= '0' && c <= '7') {
			/* \0NNN and, as GNU echo, \NNN: up to 3 octal digits after 0 or 1-7 */
			int v;
			s -= c != '0';
			v = escape_number(&s, 8, 3);
			putchar(v < 0 ? 0 : v & 0xff);
		} else if (c == 'x' && (c = escape_number(&s, 16, 2)) >= 0) {
			putchar(c);
		} else if ((c == 'u' || c == 'U') && (n = utf8_escape(buf, &s, c == 'u' ? 4 : 8))) {
			fwrite(buf, 1, n, stdout);
		} else {
			putchar('\\');
			s--;	/* not an escape: print both characters */
		}
	}
	return true;
}

int echo_main(int argc UNUSED, char **argv)
{
	bool newline = true, escapes = false;

	while (ENABLE_FEATURE_FANCY_ECHO && *++argv && argv[0][0] == '-' && argv[0][1] &&
	       !argv[0][strspn(*argv + 1, "neE") + 1]) {
		for (const char *p = *argv + 1; *p; p++) {
			if (*p == 'n')
				newline = false;
			else
				escapes = *p == 'e';
		}
	}
	if (!ENABLE_FEATURE_FANCY_ECHO)
		argv++;
	for (bool first = true; *argv; argv++, first = false) {
		if (!first)
			putchar(' ');
		if (!escapes)
			fputs(*argv, stdout);
		else if (!print_escaped(*argv))
			return 0;
	}
	if (newline)
		putchar('\n');
	return 0;
}
