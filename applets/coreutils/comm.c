/* comm: compare two sorted files line by line. POSIX comm (-1 -2 -3) with GNU's
 * --check-order, --nocheck-order, --output-delimiter, --total, -z and GNU's order
 * warnings. Lines compare as bytes (C locale).
 */

/*== applet
applet comm /usr/bin
options 1 2 3 (check-order) (nocheck-order) (output-delimiter): (total) z(zero-terminated)
config COMM
	bool "comm"
	default y
	help
	  Print the lines only in one, only in the other, or in both of two sorted files.
usage [-123z] [--check-order] [--nocheck-order] [--output-delimiter=STR] [--total] FILE1 FILE2
Print three columns: lines only in FILE1, lines only in FILE2, lines in both.
FILE1 or FILE2 may be - for standard input.

	-1	Suppress the first column
	-2	Suppress the second column
	-3	Suppress the third column
	--check-order	Fail if an input is not sorted
	--nocheck-order	Do not check the order
	--output-delimiter=STR	Separate the columns with STR, not tab
	--total	Print a summary line of counts
	-z	Lines end with NUL, not newline
==*/

#include "libbb.h"
#include "flags/comm.h"
#include "lines.h"

struct cfile {
	struct lin in;
	char *p;		/* the current line, or NULL at the end */
	size_t len;
	char *prev;		/* a copy of the previous line, for the order check */
	size_t plen, pcap;
	bool has_prev, warned;
};

GLOBALS(
	const char *odelim;
	size_t odlen;
	char eol;
	bool unpairable;	/* a line was only in one file */
	unsigned long long total[3];
	struct lout out;
	struct cfile f[2];
);

static int cmp(const char *a, size_t al, const char *b, size_t bl)
{
	int d = memcmp(a, b, al < bl ? al : bl);

	return d ? d : (al > bl) - (al < bl);
}

static void advance(int i)
{
	struct cfile *f = &G.f[i];

	if (f->p) {
		if (f->len > f->pcap) {
			f->pcap = f->len * 2;
			free(f->prev);
			f->prev = xmalloc(f->pcap);
		}
		memcpy(f->prev, f->p, f->len);
		f->plen = f->len;
		f->has_prev = true;
	}
	if (!lin_next(&f->in, &f->p, &f->len, NULL)) {
		f->p = NULL;
		return;
	}
	if (FLAG(nocheck_order) || f->warned || !f->has_prev)
		return;
	if (!FLAG(check_order) && !G.unpairable)
		return;
	if (cmp(f->prev, f->plen, f->p, f->len) > 0) {
		lout_flush(&G.out);	/* as GNU, the output so far comes first */
		bb_error_msg("file %d is not in sorted order", i + 1);
		if (FLAG(check_order)) {
			lout_done(&G.out);
			xfunc_die();
		}
		f->warned = true;
	}
}

static void column(int c, const char *p, size_t len)
{
	G.total[c]++;
	if ((c == 0 && FLAG(1)) || (c == 1 && FLAG(2)) || (c == 2 && FLAG(3)))
		return;
	if (c >= 1 && !FLAG(1))
		lout_put(&G.out, G.odelim, G.odlen);
	if (c == 2 && !FLAG(2))
		lout_put(&G.out, G.odelim, G.odlen);
	lout_put(&G.out, p, len);
	lout_char(&G.out, G.eol);
}

static void print_total(void)
{
	char buf[3 * 24];

	for (int i = 0; i < 3; i++) {
		snprintf(buf, sizeof(buf), "%llu", G.total[i]);
		lout_put(&G.out, buf, strlen(buf));
		lout_put(&G.out, G.odelim, G.odlen);
	}
	lout_put(&G.out, "total", 5);
	lout_char(&G.out, G.eol);
}

int comm_main(int argc, char **argv)
{
	int status = 0;

	need_operands(argc, argv, 2, 2);
	G.eol = FLAG(z) ? '\0' : '\n';
	G.odelim = G.output_delimiter ? G.output_delimiter : "\t";
	/* as GNU, an empty delimiter is a NUL byte */
	G.odlen = *G.odelim ? strlen(G.odelim) : 1;
	for (int i = 0; i < 2; i++)
		if (!lin_open(&G.f[i].in, argv[i + 1], G.eol))
			xfunc_die();
	advance(0);
	advance(1);
	while (G.f[0].p || G.f[1].p) {
		int d = !G.f[0].p ? 1 : !G.f[1].p ? -1
			: cmp(G.f[0].p, G.f[0].len, G.f[1].p, G.f[1].len);
		if (d) {
			int i = d > 0;
			G.unpairable = true;
			column(i, G.f[i].p, G.f[i].len);
			advance(i);
		} else {
			column(2, G.f[0].p, G.f[0].len);
			advance(0);
			advance(1);
		}
	}
	if (FLAG(total))
		print_total();
	lout_done(&G.out);
	for (int i = 0; i < 2; i++) {
		if (lin_close(&G.f[i].in))
			status = 1;
		free(G.f[i].prev);
	}
	if (G.f[0].warned || G.f[1].warned)
		bb_error_msg_and_die("input is not in sorted order");
	return status;
}
