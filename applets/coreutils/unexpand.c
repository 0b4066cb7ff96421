/* unexpand: convert spaces to tabs.
 * POSIX unexpand (-a, -t N, -t LIST, which implies -a) with GNU's --first-only, the /N
 * and +N list forms and GNU's rule that a lone space before a tab stop stays a space
 * unless more blanks follow. Columns are bytes (the C locale).
 * Deviation: the historical -N is -t N, so it implies -a (GNU's -N does not).
 * -f is --first-only, as in BusyBox (GNU has no -f).
 */

/*== applet
applet unexpand /usr/bin
options a(all) f(first-only) t(tabs)* ~t
config UNEXPAND
	bool "unexpand"
	default y
	help
	  Convert leading spaces (or all of them) to tabs.
usage [-af] [-t N|LIST] [FILE]...
Convert the blanks at the start of each line of each FILE (standard input if none,
or -) to tabs.

	-a	All blanks, not only leading ones
	-f	Only leading blanks, even with -t (--first-only)
	-t N	Tab stops every N columns, not 8 (implies -a)
	-t LIST	Tab stops at the columns listed (commas or blanks between); a last
		/N continues every N columns, a last +N every N after the last stop
==*/

#include "libbb.h"
#include "flags/unexpand.h"
#include "tabstops.h"

GLOBALS(
	struct tabstops tabs;
	bool all;
	char *pending;		/* blanks not written yet */
	size_t npending, cap;
);

static void pend(int c)
{
	if (G.npending == G.cap) {
		G.cap = G.cap ? 2 * G.cap : 64;
		G.pending = xrealloc(G.pending, G.cap);
	}
	G.pending[G.npending++] = c;
}

static void unexpand_file(FILE *in)
{
	unsigned long long col = 0, next = 0;
	bool convert = true, prev_blank = false, lone_blank = false;
	int c;

	do {
		bool blank;
		c = getc(in);
		blank = c == ' ' || c == '\t';
		if (convert && blank) {
			next = tabstops_next(&G.tabs, col);
			if (!next)
				convert = false;	/* past the last stop */
		}
		if (convert && blank) {
			if (c == '\t') {
				col = next;
				if (G.npending)
					G.pending[0] = '\t';
			} else {
				col++;
				if (!(prev_blank && col == next)) {
					if (col == next)
						lone_blank = true;
					pend(c);
					prev_blank = true;
					continue;
				}
				c = '\t';
				if (G.npending)
					G.pending[0] = '\t';
			}
			G.npending = lone_blank;
		} else if (c == '\b') {
			col -= col > 0;
		} else if (c != EOF) {
			col++;
		}
		if (G.npending) {
			if (G.npending > 1 && lone_blank)
				G.pending[0] = '\t';
			fwrite(G.pending, 1, G.npending, stdout);
			G.npending = 0;
			lone_blank = false;
		}
		prev_blank = blank;
		convert &= G.all || blank;
		if (c == EOF)
			break;
		putchar(c);
		if (c == '\n') {
			col = 0;
			convert = true;
			prev_blank = lone_blank = false;
		}
	} while (1);
}

int unexpand_main(int argc, char **argv)
{
	tabstops_parse(&G.tabs, G.t);
	G.all = (FLAG(a) || FLAG(t)) && !FLAG(f);
	int status = for_each_file(argc, argv, unexpand_file);
	free(G.tabs.stops);
	free(G.pending);
	return status;
}
