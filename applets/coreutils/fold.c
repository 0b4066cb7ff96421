/* fold: wrap long lines to a width.
 * POSIX fold (-b -s -w) with GNU's long options and historical -N. Columns follow GNU:
 * a tab goes to the next multiple of 8, a backspace goes back one, a carriage return
 * to column 0; in the C locale every other byte is one column.
 */

/*== applet
applet fold /usr/bin
options b(bytes)s(spaces)w(width): ~w
config FOLD
	bool "fold"
	default y
	help
	  Wrap lines longer than a width.
usage [-bs] [-w WIDTH] [FILE]...
Wrap the lines of each FILE (standard input if none, or -) to 80 columns.

	-b	Count bytes, not columns
	-s	Break after the last blank that fits, when there is one
	-w WIDTH	Wrap at WIDTH columns (-WIDTH is the same)
==*/

#include "libbb.h"
#include "flags/fold.h"

GLOBALS(
	unsigned long long width;
	char *line;
	size_t len, cap;
);

static unsigned long long advance(unsigned long long col, int c)
{
	if (FLAG(b))
		return col + 1;
	if (c == '\b')
		return col - (col > 0);
	if (c == '\r')
		return 0;
	if (c == '\t')
		return col + 8 - col % 8;
	return col + 1;
}

static void flush_line(size_t n, bool newline)
{
	fwrite(G.line, 1, n, stdout);
	if (newline)
		putchar('\n');
	G.len -= n;
	memmove(G.line, G.line + n, G.len);
}

static void fold_file(FILE *in)
{
	unsigned long long col = 0;
	int c;

	G.len = 0;
	while ((c = getc(in)) != EOF) {
		if (c == '\n') {
			flush_line(G.len, true);
			col = 0;
			continue;
		}
		for (;;) {
			unsigned long long next = advance(col, c);
			if (next <= G.width)
				break;
			if (FLAG(s)) {
				size_t i = G.len;
				while (i > 0 && G.line[i - 1] != ' ' && G.line[i - 1] != '\t')
					i--;
				if (i > 0) {
					flush_line(i, true);
					col = 0;
					for (size_t k = 0; k < G.len; k++)
						col = advance(col, (unsigned char)G.line[k]);
					continue;
				}
			}
			if (G.len == 0) {	/* wider than the width by itself */
				col = next;
				goto store;
			}
			flush_line(G.len, true);
			col = 0;
		}
		col = advance(col, c);
store:
		if (G.len == G.cap) {
			G.cap = G.cap ? 2 * G.cap : 256;
			G.line = xrealloc(G.line, G.cap);
		}
		G.line[G.len++] = c;
	}
	flush_line(G.len, false);
}

int fold_main(int argc, char **argv)
{
	G.width = 80;
	if (FLAG(w)) {
		int err = bb_strtoull(G.w, 10, NULL, 0, ULLONG_MAX, &G.width);
		if (!err && G.width == 0)
			err = ERANGE;
		if (err)
			die_bad_number("number of columns", G.w, err);
	}
	int status = for_each_file(argc, argv, fold_file);
	free(G.line);
	return status;
}
