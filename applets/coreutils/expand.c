/* expand: convert tabs to spaces.
 * POSIX expand (-t N, -t LIST) with GNU's -i, the /N and +N list forms and the
 * historical -N / -N,M. Columns are bytes (the C locale); a backspace moves back one.
 */

/*== applet
applet expand /usr/bin
options i(initial)t(tabs)* ~t
config EXPAND
	bool "expand"
	default y
	help
	  Convert tabs to spaces.
usage [-i] [-t N|LIST] [FILE]...
Convert tabs in each FILE (standard input if none, or -) to spaces.

	-i	Only the tabs before the first non-blank of each line
	-t N	Tab stops every N columns, not 8
	-t LIST	Tab stops at the columns listed (commas or blanks between); a last
		/N continues every N columns, a last +N every N after the last stop
==*/

#include "libbb.h"
#include "flags/expand.h"
#include "tabstops.h"

GLOBALS(
	struct tabstops tabs;
);

static void expand_file(FILE *in)
{
	unsigned long long col = 0;
	bool convert = true;
	int c;

	while ((c = getc(in)) != EOF) {
		if (c == '\t' && convert) {
			unsigned long long next = tabstops_next(&G.tabs, col);
			if (!next)
				next = col + 1;
			while (col < next) {
				putchar(' ');
				col++;
			}
			continue;
		}
		putchar(c);
		if (c == '\n') {
			col = 0;
			convert = true;
			continue;
		}
		if (c == '\b')
			col -= col > 0;
		else
			col++;
		if (FLAG(i) && c != ' ' && c != '\t')
			convert = false;
	}
}

int expand_main(int argc, char **argv)
{
	tabstops_parse(&G.tabs, G.t);
	int status = for_each_file(argc, argv, expand_file);
	free(G.tabs.stops);
	return status;
}
