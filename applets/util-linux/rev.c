/* rev: reverse the characters of each line.
 * util-linux rev, with its -0. Deviation: bytes are reversed, not characters, as in the
 * C locale whatever the locale says (util-linux reverses multibyte characters in UTF-8
 * locales); a NUL byte is kept in place in the line rather than ending it.
 */

/*== applet
applet rev /usr/bin
options 0(zero)
config REV
	bool "rev"
	default y
	help
	  Print each line with its characters in reverse order.
usage [-0] [FILE]...
Reverse the characters of each line of FILEs (standard input if none, or -).

	-0	Lines end with NUL, not newline
==*/

#include "libbb.h"
#include "flags/rev.h"

static void rev_line(char *line, size_t len)
{
	for (size_t i = 0, j = len; i + 1 < j--; i++) {
		char t = line[i];
		line[i] = line[j];
		line[j] = t;
	}
	fwrite(line, 1, len, stdout);
}

static void rev_file(FILE *in, char delim)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	while ((n = getdelim(&line, &cap, delim, in)) > 0) {
		bool ended = line[n - 1] == delim;
		rev_line(line, n - ended);
		if (ended)
			putchar(delim);
	}
	free(line);
}

int rev_main(int argc, char **argv)
{
	char *stdin_only[] = { (char *)"-", NULL };
	char delim = FLAG(0) ? '\0' : '\n';
	int status = 0;

	for (argv = argc > 1 ? argv + 1 : stdin_only; *argv; argv++) {
		FILE *in = strcmp(*argv, "-") ? fopen(*argv, "r") : stdin;
		if (!in) {
			bb_perror_msg("cannot open %s", *argv);
			status = 1;
			continue;
		}
		rev_file(in, delim);
		if (fclose_if_not_stdin(in, *argv))
			status = 1;
	}
	return status;
}
