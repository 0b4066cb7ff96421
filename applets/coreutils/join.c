/* join: join lines of two sorted files on a common field. POSIX join (-1 -2 -a -e -o -t
 * -v, -j) with GNU's -i, -z, -o auto, --header, --check-order, --nocheck-order and GNU's
 * order warnings. Keys compare as bytes (C locale). As GNU, an empty -t makes the whole
 * line the key, and -e also stands for empty fields.
 */

/*== applet
applet join /usr/bin
options a* e: i(ignore-case) j: o* t* v* 1: 2: z(zero-terminated) (check-order) (nocheck-order) (header)
config JOIN
	bool "join"
	default y
	help
	  Join the lines of two sorted files that have equal join fields.
usage [-iz] [-a N] [-v N] [-e STR] [-o LIST] [-t C] [-j F] [-1 F] [-2 F] FILE1 FILE2
For each pair of lines of FILE1 and FILE2 with equal join fields, print the join
field and the other fields of both lines. FILE1 or FILE2 may be - (standard input).

	-a N	Also print the unpaired lines of file N (1 or 2)
	-v N	Print only the unpaired lines of file N
	-e STR	Print STR for missing or empty fields
	-o LIST	Print the fields N.F (or 0, the join field) of LIST, separated by
		commas or blanks; auto: as many fields as the first lines have
	-t C	Fields are separated by C, not runs of blanks
	-i	Ignore case in keys
	-j F	Join on field F of both files
	-1 F	Join on field F of FILE1
	-2 F	Join on field F of FILE2
	-z	Lines end with NUL, not newline
	--header	The first lines are headers: join them without checks
	--check-order	Fail if an input is not sorted
	--nocheck-order	Do not check the order
==*/

#include "libbb.h"
#include "flags/join.h"
#include "lines.h"

struct fld {
	size_t off, len;
};

struct jline {
	char *buf;
	size_t len, cap;
	struct fld *f;
	size_t nf, fcap;
};

struct jfile {
	struct lin in;
	const char *name;
	size_t jf;		/* 0-based join field */
	unsigned long long lineno;
	struct jline cur;	/* the next line to handle */
	bool has_cur;
	struct jline *grp;	/* the run of lines with the current key */
	size_t ngrp, gcap;
	char *pk;		/* key of the last line read, for the order check */
	size_t pkl, pkcap;
	bool has_pk, warned;
	bool unpaired;		/* -a or -v */
};

struct spec {
	int file;		/* 0: the join field */
	size_t field;
};

GLOBALS(
	int tab;		/* -t byte, or -1 for runs of blanks */
	char eol;
	struct spec *specs;
	size_t nspecs;
	bool autofmt;
	size_t autonf[2];
	bool seen_unpairable;
	struct lout out;
	struct jfile f[2];
);

/* With -z, newlines inside records separate fields too. */
static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || (c == '\n' && G.eol == '\0');
}

static void add_field(struct jline *l, size_t off, size_t len)
{
	if (l->nf == l->fcap) {
		l->fcap = l->fcap ? 2 * l->fcap : 8;
		l->f = xrealloc(l->f, l->fcap * sizeof(*l->f));
	}
	l->f[l->nf].off = off;
	l->f[l->nf++].len = len;
}

/* As GNU, leading blanks are skipped but a separator (a run of blanks, or the -t byte)
 * at the end of the line leaves one more, empty field. */
static void split(struct jline *l)
{
	const char *p = l->buf, *e = p + l->len;

	l->nf = 0;
	if (G.tab < 0)
		while (p < e && is_blank(*p))
			p++;
	while (p < e) {
		const char *s = p;
		if (G.tab >= 0) {
			p = memchr(p, G.tab, e - p);
			if (!p)
				p = e;
		} else {
			while (p < e && !is_blank(*p))
				p++;
		}
		add_field(l, s - l->buf, p - s);
		if (p == e)
			break;
		if (G.tab >= 0)
			p++;
		else
			while (p < e && is_blank(*p))
				p++;
		if (p == e)
			add_field(l, l->len, 0);
	}
}

static void key_of(const struct jline *l, size_t jf, const char **k, size_t *kl)
{
	if (jf < l->nf) {
		*k = l->buf + l->f[jf].off;
		*kl = l->f[jf].len;
	} else {
		*k = "";
		*kl = 0;
	}
}

static int keycmp(const char *a, size_t al, const char *b, size_t bl)
{
	size_t m = al < bl ? al : bl;
	int d;

	if (FLAG(i)) {
		for (size_t i = 0; i < m; i++) {
			d = toupper((unsigned char)a[i]) - toupper((unsigned char)b[i]);
			if (d)
				return d;
		}
		d = 0;
	} else {
		d = memcmp(a, b, m);
	}
	return d ? d : (al > bl) - (al < bl);
}

static int cmp_lines(const struct jline *a, const struct jline *b)
{
	const char *ka, *kb;
	size_t la, lb;

	key_of(a, G.f[0].jf, &ka, &la);
	key_of(b, G.f[1].jf, &kb, &lb);
	return keycmp(ka, la, kb, lb);
}

static void check_order(struct jfile *f, const struct jline *l)
{
	const char *k;
	size_t kl;

	key_of(l, f->jf, &k, &kl);
	if (f->has_pk && !f->warned && !FLAG(nocheck_order) &&
	    (FLAG(check_order) || G.seen_unpairable) && keycmp(f->pk, f->pkl, k, kl) > 0) {
		lout_flush(&G.out);	/* as GNU, the output so far comes first */
		bb_error_msg("%s:%llu: is not sorted: %.*s", f->name, f->lineno,
			     l->len > INT_MAX ? INT_MAX : (int)l->len, l->buf);
		if (FLAG(check_order)) {
			lout_done(&G.out);
			xfunc_die();
		}
		f->warned = true;
	}
	if (kl > f->pkcap) {
		f->pkcap = kl * 2;
		free(f->pk);
		f->pk = xmalloc(f->pkcap);
	}
	memcpy(f->pk, k, kl);
	f->pkl = kl;
	f->has_pk = true;
}

static bool read_line(struct jfile *f, struct jline *l)
{
	char *p;
	size_t len;

	if (!lin_next(&f->in, &p, &len, NULL))
		return false;
	if (len >= l->cap) {	/* >=: an empty first line gets a buffer too (memcpy) */
		l->cap = len * 2 + 16;
		free(l->buf);
		l->buf = xmalloc(l->cap);
	}
	memcpy(l->buf, p, len);
	l->len = len;
	f->lineno++;
	split(l);
	check_order(f, l);
	return true;
}

static void advance(struct jfile *f)
{
	f->has_cur = read_line(f, &f->cur);
}

/* ---- Output ---- */

static void put_sep(bool *first)
{
	if (!*first)
		lout_char(&G.out, G.tab >= 0 ? G.tab : ' ');
	*first = false;
}

static void put_field(const struct jline *l, size_t n, bool *first)
{
	put_sep(first);
	if (l && n < l->nf && l->f[n].len)
		lout_put(&G.out, l->buf + l->f[n].off, l->f[n].len);
	else if (G.e)
		lout_put(&G.out, G.e, strlen(G.e));
}

/* The other fields of a line: all of them, or as many as -o auto says. */
static void put_rest(const struct jline *l, int file, bool *first)
{
	size_t jf = G.f[file].jf;
	size_t nf = G.autofmt ? G.autonf[file] : l ? l->nf : 0;

	for (size_t i = 0; i < nf; i++)
		if (i != jf)
			put_field(l, i, first);
}

/* Print a joined line; a or b is NULL for an unpaired line. */
static void prjoin(const struct jline *a, const struct jline *b)
{
	bool first = true;

	if (G.nspecs) {
		for (size_t i = 0; i < G.nspecs; i++) {
			const struct spec *s = &G.specs[i];
			if (s->file == 0)
				put_field(a ? a : b, a ? G.f[0].jf : G.f[1].jf, &first);
			else
				put_field(s->file == 1 ? a : b, s->field, &first);
		}
	} else {
		put_field(a ? a : b, a ? G.f[0].jf : G.f[1].jf, &first);
		if (a || G.autofmt)
			put_rest(a, 0, &first);
		if (b || G.autofmt)
			put_rest(b, 1, &first);
	}
	lout_char(&G.out, G.eol);
}

static void unpaired(int i)
{
	struct jfile *f = &G.f[i];

	if (f->unpaired)
		prjoin(i == 0 ? &f->cur : NULL, i == 1 ? &f->cur : NULL);
}

/* Move cur and the following lines with its key into grp; cur becomes the next line. */
static void read_group(struct jfile *f)
{
	struct jline t;

	f->ngrp = 0;
	do {
		if (f->ngrp == f->gcap) {
			f->gcap = f->gcap ? 2 * f->gcap : 4;
			f->grp = xrealloc(f->grp, f->gcap * sizeof(*f->grp));
			memset(f->grp + f->ngrp, 0, (f->gcap - f->ngrp) * sizeof(*f->grp));
		}
		t = f->grp[f->ngrp];
		f->grp[f->ngrp++] = f->cur;
		f->cur = t;
		advance(f);
	} while (f->has_cur && (f == &G.f[0] ? cmp_lines(&f->cur, &f->grp[0])
					     : cmp_lines(&f->grp[0], &f->cur)) == 0);
}

/* ---- Options ---- */

static size_t field_number(const char *s)
{
	unsigned long long v;

	if (bb_strtoull(s, 10, NULL, 1, SIZE_MAX, &v))
		bb_error_msg_and_die("invalid field number: '%s'", s);
	return v - 1;
}

static void add_spec(const char *s, size_t n)
{
	char *item = xstrndup(s, n);
	struct spec sp = { 0, 0 };

	if (strcmp(item, "0")) {
		if ((item[0] != '1' && item[0] != '2') || item[1] != '.')
			bb_error_msg_and_die("invalid file number in field spec: '%s'", item);
		sp.file = item[0] - '0';
		sp.field = field_number(item + 2);
	}
	free(item);
	G.specs = xrealloc(G.specs, (G.nspecs + 1) * sizeof(*G.specs));
	G.specs[G.nspecs++] = sp;
}

static void parse_format(char **lists)
{
	for (; lists && *lists; lists++) {
		const char *p = *lists;
		if (!strcmp(p, "auto") && !G.nspecs && !G.autofmt) {
			G.autofmt = true;
			continue;
		}
		while (*p) {
			size_t n = strcspn(p, ", \t");
			if (n)
				add_spec(p, n);
			p += n;
			if (*p)
				p++;
		}
	}
}

static void parse_filenums(char **args, bool *pr)
{
	for (; args && *args; args++) {
		if (strcmp(*args, "1") && strcmp(*args, "2"))
			bb_error_msg_and_die("invalid field number: '%s'", *args);
		pr[**args - '1'] = true;
	}
}

static void options(void)
{
	bool pr[2] = { false, false };

	G.tab = -1;
	for (char **t = G.t; t && *t; t++) {
		const char *s = *t;
		int c;
		if (s[0] && s[1] && strcmp(s, "\\0"))
			bb_error_msg_and_die("multi-character tab '%s'", s);
		c = !s[0] ? '\n' : s[1] ? '\0' : (unsigned char)s[0];
		if (G.tab >= 0 && G.tab != c)
			bb_error_msg_and_die("incompatible tabs");
		G.tab = c;
	}
	G.f[0].jf = G.f[1].jf = 0;
	if (G.j)
		G.f[0].jf = G.f[1].jf = field_number(G.j);
	if (G.opt1)
		G.f[0].jf = field_number(G.opt1);
	if (G.opt2)
		G.f[1].jf = field_number(G.opt2);
	parse_filenums(G.a, pr);
	parse_filenums(G.v, pr);
	G.f[0].unpaired = pr[0];
	G.f[1].unpaired = pr[1];
	parse_format(G.o);
}

/* The rest of one file: printed if unpaired lines are, read anyway to check the order. */
static void finish(struct jfile *f, int i)
{
	bool check = !FLAG(nocheck_order) && !(G.f[0].warned && G.f[1].warned);

	while (f->has_cur && (f->unpaired || check)) {
		unpaired(i);
		if (f->warned && !f->unpaired)
			break;
		advance(f);
	}
}

static void free_file(struct jfile *f)
{
	free(f->cur.buf);
	free(f->cur.f);
	for (size_t i = 0; i < f->gcap; i++) {
		free(f->grp[i].buf);
		free(f->grp[i].f);
	}
	free(f->grp);
	free(f->pk);
}

int join_main(int argc, char **argv)
{
	int status = 0;

	need_operands(argc, argv, 2, 2);
	options();
	G.eol = FLAG(z) ? '\0' : '\n';
	for (int i = 0; i < 2; i++) {
		G.f[i].name = argv[i + 1];
		if (!lin_open(&G.f[i].in, argv[i + 1], G.eol))
			xfunc_die();
	}
	advance(&G.f[0]);
	advance(&G.f[1]);
	if (G.autofmt)
		for (int i = 0; i < 2; i++)
			G.autonf[i] = G.f[i].has_cur ? G.f[i].cur.nf : 0;
	if (FLAG(header) && (G.f[0].has_cur || G.f[1].has_cur)) {
		prjoin(G.f[0].has_cur ? &G.f[0].cur : NULL, G.f[1].has_cur ? &G.f[1].cur : NULL);
		for (int i = 0; i < 2; i++) {
			G.f[i].has_pk = false;
			if (G.f[i].has_cur)
				advance(&G.f[i]);
		}
	}
	while (G.f[0].has_cur && G.f[1].has_cur) {
		int d = cmp_lines(&G.f[0].cur, &G.f[1].cur);
		if (d) {
			int i = d > 0;
			G.seen_unpairable = true;
			unpaired(i);
			advance(&G.f[i]);
			continue;
		}
		read_group(&G.f[0]);
		read_group(&G.f[1]);
		if (!G.v)
			for (size_t a = 0; a < G.f[0].ngrp; a++)
				for (size_t b = 0; b < G.f[1].ngrp; b++)
					prjoin(&G.f[0].grp[a], &G.f[1].grp[b]);
	}
	finish(&G.f[0], 0);
	finish(&G.f[1], 1);
	lout_done(&G.out);
	for (int i = 0; i < 2; i++) {
		if (lin_close(&G.f[i].in))
			status = 1;
		free_file(&G.f[i]);
	}
	free(G.specs);
	if (G.f[0].warned || G.f[1].warned)
		bb_error_msg_and_die("input is not in sorted order");
	return status;
}
