/* cut: print selected bytes, characters or fields of each line.
 * POSIX cut (-b -c -f -d -s -n) with GNU's --complement, --output-delimiter, -z and long
 * options. Characters are bytes (C locale), so -c is -b and -n changes nothing.
 * As GNU, ranges that only touch (1-2,3-4) stay separate for --output-delimiter, and a
 * delimiter equal to the line terminator makes each file one record of line fields.
 */

/*== applet
applet cut /usr/bin
options b(bytes)*c(characters)*f(fields)*d(delimiter):s(only-delimited)n (complement) (output-delimiter):z(zero-terminated)
config CUT
	bool "cut"
	default y
	help
	  Print selected bytes, characters or fields of each line of files.
usage [-b LIST | -c LIST | -f LIST [-d DELIM] [-s]] [-nz] [--complement] [FILE]...
Print the selected parts of each line of FILEs (standard input if none, or -).

	-b LIST	Select these bytes
	-c LIST	Select these characters (bytes)
	-f LIST	Select these fields
	-d DELIM	Fields are separated by DELIM, not tab
	-s	With -f, skip lines that hold no delimiter
	-n	Ignored (characters are bytes)
	--complement	Select what LIST does not
	--output-delimiter=STR	Join the parts with STR
	-z	Lines end with NUL, not newline
LIST is N, N-M, N- or -M, separated by commas or blanks; counting starts at 1.
==*/

#include "libbb.h"
#include "flags/cut.h"
#include "lines.h"

struct range {
	size_t lo, hi;		/* 1-based, inclusive; hi SIZE_MAX: to the end */
};

GLOBALS(
	struct range *r;
	size_t nr;
	char delim, eol;
	const char *odelim;
	size_t odlen;
	bool fields;
	struct lout out;
);

static NORETURN void list_error(const char *fmt, const char *arg)
{
	bb_error_msg(fmt, arg);
	bb_show_usage();
}

static size_t list_number(const char **pp)
{
	const char *p = *pp, *s = p;
	unsigned long long v = 0;
	bool big = false;

	while (*p >= '0' && *p <= '9') {
		if (v > (SIZE_MAX - 1 - (*p - '0')) / 10)
			big = true;
		v = v * 10 + (*p++ - '0');
	}
	if (big) {
		char *num = xstrndup(s, p - s);
		list_error(G.fields ? "field number '%s' is too large"
				    : "byte/character offset '%s' is too large", num);
	}
	*pp = p;
	return v;
}

static int range_cmp(const void *a, const void *b)
{
	const struct range *x = a, *y = b;

	return x->lo < y->lo ? -1 : x->lo > y->lo;
}

static void add_range(size_t lo, size_t hi)
{
	G.r = xrealloc(G.r, (G.nr + 1) * sizeof(*G.r));
	G.r[G.nr].lo = lo;
	G.r[G.nr++].hi = hi;
}

static void parse_list(const char *s)
{
	const char *from1 = G.fields ? "fields are numbered from 1"
				     : "byte/character positions are numbered from 1";
	size_t n = 0;

	for (const char *p = s;;) {
		size_t lo = 1, hi = 0;
		bool dash = false, has_lo = false, has_hi = false;
		if (*p >= '0' && *p <= '9') {
			lo = list_number(&p);
			has_lo = true;
		}
		if (*p == '-') {
			dash = true;
			p++;
			if (*p >= '0' && *p <= '9') {
				hi = list_number(&p);
				has_hi = true;
			}
		}
		if (*p && *p != ',' && *p != ' ' && *p != '\t') {
			if (*p == '-' && dash)
				list_error(G.fields ? "invalid field range%s"
						    : "invalid byte or character range%s", "");
			list_error(G.fields ? "invalid field value '%s'"
					    : "invalid byte/character position '%s'", p);
		}
		if (dash && !has_lo && !has_hi)
			list_error("invalid range with no endpoint: %s", "-");
		if ((!has_lo && !dash) || (has_lo && lo == 0))
			list_error("%s", from1);
		if (!dash)
			hi = lo;
		else if (!has_hi)
			hi = SIZE_MAX;
		if (hi < lo)
			list_error("%s", "invalid decreasing range");
		add_range(lo, hi);
		if (!*p)
			break;
		p++;
	}
	qsort(G.r, G.nr, sizeof(*G.r), range_cmp);
	for (size_t i = 1; i < G.nr; i++) {
		if (G.r[n].hi != SIZE_MAX && G.r[i].lo > G.r[n].hi) {
			G.r[++n] = G.r[i];
		} else if (G.r[i].hi > G.r[n].hi) {
			G.r[n].hi = G.r[i].hi;
		}
	}
	G.nr = n + 1;
}

static void complement(void)
{
	struct range *old = G.r;
	size_t n = G.nr, next = 1;

	G.r = NULL;
	G.nr = 0;
	for (size_t i = 0; i < n; i++) {
		if (old[i].lo > next)
			add_range(next, old[i].lo - 1);
		if (old[i].hi == SIZE_MAX) {
			next = SIZE_MAX;
			break;
		}
		next = old[i].hi + 1;
	}
	if (next != SIZE_MAX)
		add_range(next, SIZE_MAX);
	free(old);
}

static void cut_bytes(const char *p, size_t len)
{
	bool first = true;

	for (size_t i = 0; i < G.nr && G.r[i].lo <= len; i++) {
		size_t hi = G.r[i].hi < len ? G.r[i].hi : len;
		if (!first && G.odelim)
			lout_put(&G.out, G.odelim, G.odlen);
		lout_put(&G.out, p + G.r[i].lo - 1, hi - G.r[i].lo + 1);
		first = false;
	}
	lout_char(&G.out, G.eol);
}

static void cut_fields(const char *p, size_t len)
{
	const char *end = p + len, *d = memchr(p, G.delim, len);
	size_t f = 1, ri = 0;
	bool first = true;

	if (!d) {
		if (!FLAG(s)) {
			lout_put(&G.out, p, len);
			lout_char(&G.out, G.eol);
		}
		return;
	}
	for (;;) {
		const char *fe = d ? d : end;
		while (ri < G.nr && G.r[ri].hi < f)
			ri++;
		if (ri == G.nr)
			break;
		if (G.r[ri].lo <= f) {
			if (!first)
				lout_put(&G.out, G.odelim, G.odlen);
			lout_put(&G.out, p, fe - p);
			first = false;
		}
		if (!d)
			break;
		p = d + 1;
		d = memchr(p, G.delim, end - p);
		f++;
	}
	lout_char(&G.out, G.eol);
}

static bool field_selected(size_t f)
{
	for (size_t i = 0; i < G.nr && G.r[i].lo <= f; i++)
		if (f <= G.r[i].hi)
			return true;
	return false;
}

/* The delimiter is the line terminator: as GNU, the whole file is one record whose
 * fields are its lines. A file without any terminator is an undelimited record; a
 * single terminated line counts as delimited, except that -s still drops it when
 * nothing of it is selected. */
static void cut_record(struct lin *in)
{
	char *p;
	size_t len, f = 0;
	bool had_delim = false, printed = false;

	while (lin_next(in, &p, &len, &had_delim)) {
		if (++f == 1 && !had_delim) {
			if (!FLAG(s)) {
				lout_put(&G.out, p, len);
				lout_char(&G.out, G.eol);
			}
			return;
		}
		if (field_selected(f)) {
			if (printed)
				lout_put(&G.out, G.odelim, G.odlen);
			lout_put(&G.out, p, len);
			printed = true;
		}
	}
	if (f && (printed || f > 1 || !FLAG(s)))
		lout_char(&G.out, G.eol);
}

int cut_main(int argc, char **argv)
{
	char *stdin_only[] = { (char *)"-", NULL };
	char **files = argc > 1 ? argv + 1 : stdin_only;
	int nlists = 0, status = 0;
	char **list = NULL;

	for (char ***l = (char **[]){ G.b, G.c, G.f }, ***e = l + 3; l < e; l++)
		for (char **a = *l; a && *a; a++) {
			nlists++;
			list = a;
		}
	if (!nlists)
		list_error("%s", "you must specify a list of bytes, characters, or fields");
	if (nlists > 1)
		list_error("%s", "only one list may be specified");
	G.fields = G.f != NULL;
	if (G.d && !G.fields)
		list_error("%s", "an input delimiter may be specified only when operating on "
				 "fields");
	if (FLAG(s) && !G.fields)
		list_error("%s", "suppressing non-delimited lines makes sense\n\tonly when "
				 "operating on fields");
	if (G.d && strlen(G.d) > 1)
		list_error("%s", "the delimiter must be a single character");
	G.delim = G.d ? G.d[0] : '\t';
	G.eol = FLAG(z) ? '\0' : '\n';
	parse_list(*list);
	if (FLAG(complement))
		complement();
	G.odelim = G.output_delimiter;
	if (!G.odelim && G.fields)
		G.odelim = &G.delim;
	/* as GNU, an empty --output-delimiter is a NUL byte */
	G.odlen = G.output_delimiter && *G.output_delimiter ? strlen(G.output_delimiter) : 1;
	for (; *files; files++) {
		struct lin in;
		char *p;
		size_t len;
		if (!lin_open(&in, *files, G.eol)) {
			status = 1;
			continue;
		}
		if (G.fields && G.delim == G.eol)
			cut_record(&in);
		while (lin_next(&in, &p, &len, NULL)) {
			if (G.fields)
				cut_fields(p, len);
			else
				cut_bytes(p, len);
		}
		if (lin_close(&in))
			status = 1;
	}
	lout_done(&G.out);
	return status;
}
