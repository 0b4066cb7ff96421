/* nl: number lines.
 * POSIX nl (-b -d -f -h -i -l -n -p -s -v -w, styles a t n pBRE, logical pages made of
 * header, body and footer sections, delimited by lines \:\:\:, \:\: and \:) with GNU's
 * long options and its rules: every section delimiter starts the numbering again unless
 * -p, -d with one character means that character and ':', an empty -d turns sections
 * off, a last line without a newline gets one. Bad option values are reported without
 * GNU's "Try 'nl --help'" line.
 */

/*== applet
applet nl /usr/bin
options b(body-numbering):d(section-delimiter):f(footer-numbering):h(header-numbering):i(line-increment):l(join-blank-lines):n(number-format):p(no-renumber)s(number-separator):v(starting-line-number):w(number-width):
config NL
	bool "nl"
	default y
	help
	  Number the lines of files.
usage [-p] [-b STYLE] [-h STYLE] [-f STYLE] [-d CC] [-i N] [-l N] [-n FORMAT] [-s SEP] [-v N] [-w N] [FILE]...
Write each FILE (standard input if none, or -) with line numbers added.

	-b STYLE	Number body lines by STYLE (default t)
	-h STYLE	Number header lines by STYLE (default n)
	-f STYLE	Number footer lines by STYLE (default n)
	-d CC	Section delimiter characters (default \:)
	-i N	Add N for each line (default 1)
	-l N	With -b a, count N empty lines in a row as one
	-n FORMAT	ln (left), rn (right, the default) or rz (right, zeros)
	-p	Do not start numbering again at each section
	-s SEP	Put SEP after the number (default a tab)
	-v N	First number of each section (default 1)
	-w N	Numbers take N columns (default 6)
STYLE is a (all lines), t (non-empty lines), n (none) or pBRE (lines matching BRE).
==*/

#include "libbb.h"
#include "flags/nl.h"
#include <regex.h>

enum { HEADER, BODY, FOOTER };

struct style {
	char kind;		/* 'a', 't', 'n' or 'p' */
	bool has_re;
	regex_t re;
};

GLOBALS(
	struct style styles[3];
	int section;
	long long number, start, incr;
	long long join, blanks;
	bool overflow;
	int width;
	const char *sep;
	const char *format;	/* "ln", "rn", "rz" */
	char *delim;		/* the delimiter of a footer; twice a body, thrice a header */
	size_t dlen;
	char *blank_prefix;	/* what an unnumbered line starts with */
);

static void parse_style(struct style *s, const char *arg, const char *what)
{
	s->kind = arg[0];
	if (arg[0] == 'a' || arg[0] == 't' || arg[0] == 'n')
		return;		/* as GNU, what follows the letter is ignored */
	if (arg[0] != 'p')
		bb_error_msg_and_die("invalid %s numbering style: '%s'", what, arg);
	int err = regcomp(&s->re, arg + 1, REG_NOSUB);
	if (err) {
		char msg[256];
		regerror(err, &s->re, msg, sizeof(msg));
		bb_error_msg_and_die("%s", msg);
	}
	s->has_re = true;
}

static long long parse_num(const char *arg, long long lo, long long hi, const char *what)
{
	long long v;
	int err = bb_strtoll(arg, 10, NULL, lo, hi, &v);

	if (err)
		die_bad_number(what, arg, err);
	return v;
}

/* Which section a delimiter line starts, or -1 if line is not one. */
static int delimiter(const char *line, size_t len)
{
	size_t n;

	if (!G.dlen || len % G.dlen || len / G.dlen > 3 || !len)
		return -1;
	for (n = 0; n < len; n += G.dlen)
		if (memcmp(line + n, G.delim, G.dlen))
			return -1;
	return len / G.dlen == 3 ? HEADER : len / G.dlen == 2 ? BODY : FOOTER;
}

static void print_number(void)
{
	const char *fmt = G.format[1] == 'z' ? "%0*lld%s" : G.format[0] == 'l' ? "%-*lld%s" :
			  "%*lld%s";

	if (G.overflow)
		bb_error_msg_and_die("line number overflow");
	printf(fmt, G.width, G.number, G.sep);
	if ((G.incr > 0 && G.number > LLONG_MAX - G.incr) ||
	    (G.incr < 0 && G.number < LLONG_MIN - G.incr))
		G.overflow = true;	/* an error only if another number is needed */
	else
		G.number += G.incr;
}

static bool wants_number(const char *line, size_t len)
{
	const struct style *s = &G.styles[G.section];

	switch (s->kind) {
	case 'a':
		if (G.join > 1) {
			if (len || ++G.blanks == G.join) {
				G.blanks = 0;
				return true;
			}
			return false;
		}
		return true;
	case 't':
		return len > 0;
	case 'p':
		return !regexec(&s->re, line, 0, NULL, 0);
	}
	return false;
}

static void nl_file(FILE *in)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	while ((n = getline(&line, &cap, in)) > 0) {
		size_t len = n - (line[n - 1] == '\n');
		int sect = delimiter(line, len);
		line[len] = '\0';
		if (sect >= 0) {
			G.section = sect;
			if (!FLAG(p)) {
				G.number = G.start;
				G.overflow = false;
			}
			putchar('\n');
			continue;
		}
		if (wants_number(line, len))
			print_number();
		else
			fputs(G.blank_prefix, stdout);
		fwrite(line, 1, len, stdout);
		putchar('\n');
	}
	free(line);
}

int nl_main(int argc, char **argv)
{
	parse_style(&G.styles[BODY], FLAG(b) ? G.b : "t", "body");
	parse_style(&G.styles[HEADER], FLAG(h) ? G.h : "n", "header");
	parse_style(&G.styles[FOOTER], FLAG(f) ? G.f : "n", "footer");
	G.format = FLAG(n) ? G.n : "rn";
	if (strcmp(G.format, "ln") && strcmp(G.format, "rn") && strcmp(G.format, "rz"))
		bb_error_msg_and_die("invalid line numbering format: '%s'", G.format);
	G.incr = FLAG(i) ? parse_num(G.i, LLONG_MIN, LLONG_MAX, "line number increment") : 1;
	G.join = FLAG(l) ? parse_num(G.l, 0, LLONG_MAX, "line number of blank lines") : 1;
	G.start = FLAG(v) ? parse_num(G.v, LLONG_MIN, LLONG_MAX, "starting line number") : 1;
	G.width = FLAG(w) ? parse_num(G.w, 1, INT_MAX, "line number field width") : 6;
	G.sep = FLAG(s) ? G.s : "\t";
	if (FLAG(d)) {
		G.dlen = strlen(G.d);
		G.delim = xasprintf("%s%s", G.d, G.dlen == 1 ? ":" : "");
		G.dlen = strlen(G.delim);
	} else {
		G.delim = xstrdup("\\:");
		G.dlen = 2;
	}
	G.blank_prefix = xmalloc((size_t)G.width + strlen(G.sep) + 1);
	memset(G.blank_prefix, ' ', (size_t)G.width + strlen(G.sep));
	G.blank_prefix[G.width + strlen(G.sep)] = '\0';
	G.section = BODY;
	G.number = G.start;
	int status = for_each_file(argc, argv, nl_file);
	for (int i = 0; i < 3; i++)
		if (G.styles[i].has_re)
			regfree(&G.styles[i].re);
	free(G.delim);
	free(G.blank_prefix);
	return status;
}
