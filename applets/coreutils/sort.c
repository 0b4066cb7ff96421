/* sort: sort, merge or check lines of text files.
 * POSIX sort (-b -d -f -i -n -r -k -t -u -c -m -o) with the GNU options -g -h -M -R -V -s
 * -z -C -S -T --parallel --random-source --sort --check, in the C locale (bytes compare
 * as unsigned chars). Equal keys fall back to a whole-line comparison unless -s or -u.
 * Input that does not fit in the -S budget is sorted in runs written to temporary files,
 * then merged. Up to --parallel (default: the CPUs, at most 8) threads sort in memory,
 * except for -g and translated non-text keys. Deviations: -R orders by a 64-bit hash,
 * not GNU's MD5; --debug, --files0-from, --batch-size and --compress-program are not
 * implemented and are rejected.
 */

/*== applet
applet sort /usr/bin errexit=2
options b(ignore-leading-blanks)d(dictionary-order)f(ignore-case)g(general-numeric-sort)h(human-numeric-sort)i(ignore-nonprinting)M(month-sort)n(numeric-sort)R(random-sort)r(reverse)V(version-sort)k(key)*t(field-separator)*u(unique)s(stable)c C (check)? m(merge)o(output)*z(zero-terminated)S(buffer-size):T(temporary-directory)* (parallel): (random-source): (sort):
config SORT
	bool "sort"
	default y
	help
	  Sort lines of text files, merge sorted files, or check that a file is sorted.
usage [-bdfghiMnRrVsuzcCm] [-k KEYDEF]... [-t SEP] [-o FILE] [-S SIZE] [-T DIR] [FILE]...
Write the sorted concatenation of FILEs (standard input if none, or -).

	-b	Ignore leading blanks of keys
	-d	Dictionary order: compare only blanks and letters and digits
	-f	Fold lower case to upper case
	-g	Compare as general numbers (floating point, inf, nan)
	-h	Compare as human-readable numbers (2K 1G)
	-i	Ignore nonprinting characters
	-M	Compare month names (JAN < ... < DEC)
	-n	Compare as numbers
	-R	Random order, equal keys together
	-r	Reverse the result of comparisons
	-V	Compare as version numbers
	--sort=WORD	general-numeric -g, human-numeric -h, month -M, numeric -n,
		random -R, version -V
	-k F[.C][OPTS][,F[.C][OPTS]]	Key from field F char C to field F char C;
		OPTS are letters of bdfghiMnRrV, for this key only
	-t SEP	Fields are separated by SEP, not by runs of blanks
	-s	Stable: no last-resort comparison of whole lines
	-u	Output only the first line of each run of equal keys
	-c	Check that input is sorted; report the first disorder
	-C	Like -c, silently
	--check[=quiet|silent|diagnose-first]	-C or -c
	-m	Merge files that are already sorted
	-o FILE	Write to FILE (it may be an input)
	-z	Lines end with NUL, not newline
	-S SIZE	Memory for sorting: a number of KiB, or with suffix b K M G T %
	-T DIR	Temporary files in DIR, not $TMPDIR or /tmp
	--parallel=N	Sort with at most N threads
	--random-source=FILE	Seed -R from FILE
==*/

#include "libbb.h"
#include "flags/sort.h"
#include <pthread.h>
#include <time.h>

enum { KT_TEXT, KT_NUM, KT_GNUM, KT_HUM, KT_MON, KT_VER, KT_RAND };
enum { CHUNK_MAX = 8 << 20, CHUNK_MIN = 4096, IOBUF = 128 * 1024, MERGE_WAY = 32 };
#define NO_END SIZE_MAX

struct key {
	size_t sword, schar;	/* 0-based field and char offset of the start */
	size_t eword, echar;	/* 0-based end field (NO_END: end of line), chars (0: all) */
	bool skips, skipe;	/* -b at the start, at the end */
	bool translate;		/* -f */
	const bool *ignore;	/* -d or -i table, or NULL */
	int type;
	bool reverse;
	bool any;		/* some ordering option given for this key */
	char types[8];		/* the type letters given, to find clashes */
};

/* pfx orders lines by their first key as far as it can (equal: look at the lines):
 * the first 8 bytes, big-endian and zero-padded, of a plain line or text key, or the
 * rank of a number for -n. koff/klen cache where the first key is (NO_CACHE: not). */
struct line {
	const char *p;
	size_t len;
	uint64_t pfx;
	uint32_t koff, klen;
};
#define NO_CACHE UINT32_MAX
enum { PFX_NONE, PFX_TEXT, PFX_NUM };

struct chunk {
	struct chunk *next;
	size_t cap;
	char data[];
};

struct reader {
	int fd;
	const char *name;
	char *buf;
	size_t cap, start, end;
	bool eof;
	const char *p;		/* the current line */
	size_t len;
};

struct outbuf {
	int fd;
	const char *name;
	char *buf;
	size_t n;
};

GLOBALS(
	char delim;
	int tab;		/* -t character, or -1 */
	struct key gkey;
	struct key *keys;
	size_t nkeys;
	bool plain;		/* no key, no ordering option: byte order fast path */
	int pfx_mode;		/* what line.pfx holds for a keyed sort */
	bool zero_by_line;	/* -n keys that are zero: pfx holds the line's prefix */
	uint64_t seed[2];
	bool nondict[256], nonprint[256];
	char *sa, *sb;		/* scratch copies for -g and translated keys */
	size_t sacap, sbcap;
	size_t limit, mem;	/* -S budget and memory held by chunks and records */
	struct chunk *chunks;	/* newest first */
	size_t used;		/* bytes used in the newest chunk */
	struct line *lines;
	size_t nlines, lcap;
	struct line *tmp;
	size_t tcap;
	int *runs;
	size_t nruns, rcap;
	const char *tmpdir;
	const char *out;	/* -o */
	unsigned threads;	/* for sorting in memory */
	int status;
);

static bool is_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

static bool is_digit(unsigned char c)
{
	return (unsigned)(c - '0') < 10u;
}

static bool is_alpha(unsigned char c)
{
	return (unsigned)((c | 0x20) - 'a') < 26u;
}

/* ---- Locating keys ---- */

static const char *key_begin(const char *p, const char *lim, const struct key *k)
{
	size_t n = k->sword;

	if (G.tab >= 0) {
		while (p < lim && n--) {
			const char *q = memchr(p, G.tab, lim - p);
			p = q ? q + 1 : lim;
		}
	} else {
		while (p < lim && n--) {
			while (p < lim && is_blank(*p))
				p++;
			while (p < lim && !is_blank(*p))
				p++;
		}
	}
	if (k->skips)
		while (p < lim && is_blank(*p))
			p++;
	return (size_t)(lim - p) < k->schar ? lim : p + k->schar;
}

static const char *key_limit(const char *p, const char *lim, const struct key *k)
{
	size_t n = k->eword + (k->echar == 0);

	if (k->eword == NO_END)
		return lim;
	if (G.tab >= 0) {
		while (p < lim && n--) {
			const char *q = memchr(p, G.tab, lim - p);
			p = q ? q : lim;
			if (p < lim && (n || k->echar))
				p++;
		}
	} else {
		while (p < lim && n--) {
			while (p < lim && is_blank(*p))
				p++;
			while (p < lim && !is_blank(*p))
				p++;
		}
	}
	if (k->echar) {
		if (k->skipe)
			while (p < lim && is_blank(*p))
				p++;
		p = (size_t)(lim - p) < k->echar ? lim : p + k->echar;
	}
	return p;
}

/* ---- Comparisons of one key ---- */

struct num {
	bool neg;
	const char *ip, *fp;	/* integer digits without leading zeros, fraction digits */
	size_t il, fl;		/* fl excludes trailing zeros */
};

static void parse_num(const char *p, const char *e, struct num *n)
{
	while (p < e && is_blank(*p))
		p++;
	n->neg = p < e && *p == '-';
	p += n->neg;
	while (p < e && *p == '0')
		p++;
	n->ip = p;
	while (p < e && is_digit(*p))
		p++;
	n->il = p - n->ip;
	n->fp = p;
	n->fl = 0;
	if (p < e && *p == '.') {
		n->fp = ++p;
		while (p < e && is_digit(*p))
			p++;
		while (p > n->fp && p[-1] == '0')
			p--;
		n->fl = p - n->fp;
	}
}

static int num_compare(const char *a, const char *ae, const char *b, const char *be)
{
	struct num x, y;
	int sx, sy, d;
	size_t m;

	parse_num(a, ae, &x);
	parse_num(b, be, &y);
	sx = (x.il || x.fl) ? (x.neg ? -1 : 1) : 0;
	sy = (y.il || y.fl) ? (y.neg ? -1 : 1) : 0;
	if (sx != sy || !sx)
		return sx - sy;
	if (x.il != y.il)
		d = x.il < y.il ? -1 : 1;
	else if ((d = memcmp(x.ip, y.ip, x.il)) == 0) {
		m = x.fl < y.fl ? x.fl : y.fl;
		d = memcmp(x.fp, y.fp, m);
		if (!d)
			d = (x.fl > m) - (y.fl > m);
	}
	return sx < 0 ? -d : d;
}

/* The -h unit of a number: 0, or the index of its suffix in KMGTPEZYRQ (k too). */
static int unit_order(const char *p, const char *e)
{
	static const char units[] = "KMGTPEZYRQ";
	bool neg, digit = false;
	const char *u;

	while (p < e && is_blank(*p))
		p++;
	neg = p < e && *p == '-';
	p += neg;
	for (; p < e && is_digit(*p); p++)
		digit |= *p != '0';
	if (p < e && *p == '.')
		for (p++; p < e && is_digit(*p); p++)
			digit |= *p != '0';
	if (!digit || p == e || !*p)
		return 0;
	u = *p == 'k' ? units : strchr(units, *p);
	if (!u)
		return 0;
	return neg ? -(int)(u - units + 1) : (int)(u - units + 1);
}

static int month_of(const char *p, const char *e)
{
	static const char names[] = "JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC";
	char m[3];

	while (p < e && is_blank(*p))
		p++;
	if (e - p < 3)
		return 0;
	for (int i = 0; i < 3; i++)
		m[i] = toupper((unsigned char)p[i]);
	for (int i = 0; i < 12; i++)
		if (!memcmp(m, names + 3 * i, 3))
			return i + 1;
	return 0;
}

static char *scratch(char **buf, size_t *cap, const char *p, size_t n)
{
	if (n + 1 > *cap) {
		*cap = n + 64;
		free(*buf);
		*buf = xmalloc(*cap);
	}
	memcpy(*buf, p, n);
	(*buf)[n] = '\0';
	return *buf;
}

/* x and y are NUL-terminated copies of the keys. */
static int gnum_compare(const char *x, const char *y)
{
	char *xe, *ye;
	long double u = strtold(x, &xe), v = strtold(y, &ye);
	bool ea = xe == x, eb = ye == y;

	if (ea || eb)
		return eb - ea;
	if (u < v)
		return -1;
	if (u > v)
		return 1;
	if (u == v)
		return 0;
	if (v == v)
		return -1;
	return u == u;
}

/* Version order rank of a non-digit: '~' first, then the end, letters, other bytes. */
static int ver_rank(const char *p, size_t i, size_t n)
{
	unsigned char c;

	if (i >= n)
		return 0;
	c = p[i];
	if (is_digit(c))
		return 0;
	if (is_alpha(c))
		return c;
	return c == '~' ? -1 : c + 256;
}

/* Alternating non-digit and digit parts; digit parts compare as numbers. */
static int ver_parts(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = 0, j = 0;

	while (i < an || j < bn) {
		int first = 0;
		while ((i < an && !is_digit(a[i])) || (j < bn && !is_digit(b[j]))) {
			int x = ver_rank(a, i, an), y = ver_rank(b, j, bn);
			if (x != y)
				return x - y;
			i++;
			j++;
		}
		while (i < an && a[i] == '0')
			i++;
		while (j < bn && b[j] == '0')
			j++;
		while (i < an && j < bn && is_digit(a[i]) && is_digit(b[j])) {
			if (!first)
				first = (unsigned char)a[i] - (unsigned char)b[j];
			i++;
			j++;
		}
		if (i < an && is_digit(a[i]))
			return 1;
		if (j < bn && is_digit(b[j]))
			return -1;
		if (first)
			return first;
	}
	return 0;
}

/* Length without the file suffix, (\.[A-Za-z~][A-Za-z0-9~]*)* at the end. */
static size_t ver_prefix(const char *s, size_t n)
{
	size_t i = 0, len = 0;

	while (i < n) {
		len = ++i;
		while (i + 1 < n && s[i] == '.' && (is_alpha(s[i + 1]) || s[i + 1] == '~'))
			for (i += 2; i < n && (is_alpha(s[i]) || is_digit(s[i]) || s[i] == '~'); i++)
				;
	}
	return len;
}

static int ver_compare(const char *a, size_t an, const char *b, size_t bn)
{
	size_t ap, bp;
	int d;

	if (!an || !bn)
		return (an != 0) - (bn != 0);
	if (a[0] == '.' || b[0] == '.') {
		int x, y;
		if ((a[0] == '.') != (b[0] == '.'))
			return a[0] == '.' ? -1 : 1;
		x = an == 1 ? 1 : an == 2 && a[1] == '.' ? 2 : 3;
		y = bn == 1 ? 1 : bn == 2 && b[1] == '.' ? 2 : 3;
		if (x != y || x < 3)
			return x - y;
	}
	ap = ver_prefix(a, an);
	bp = ver_prefix(b, bn);
	d = ver_parts(a, ap, b, bp);
	if (d || (ap == an && bp == bn))
		return d;
	return ver_parts(a, an, b, bn);
}

static uint64_t mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

static uint64_t key_hash(const char *p, size_t n)
{
	uint64_t h = G.seed[0];

	for (; n >= 8; n -= 8, p += 8) {
		uint64_t w;
		memcpy(&w, p, 8);
		h = mix64(h ^ w) + G.seed[1];
	}
	for (; n; n--, p++)
		h = (h ^ (unsigned char)*p) * 0x100000001b3ULL;
	return mix64(h ^ G.seed[1]);
}

/* Bytes compared through -f and -d/-i, as unsigned chars. */
static int text_compare(const char *a, const char *ae, const char *b, const char *be,
			const struct key *k)
{
	static const bool none[256];
	const bool *ign = k->ignore ? k->ignore : none;

	if (!k->ignore && !k->translate) {
		size_t al = ae - a, bl = be - b;
		int d = memcmp(a, b, al < bl ? al : bl);
		return d ? d : (al > bl) - (al < bl);
	}
	for (;;) {
		int x, y;
		while (a < ae && ign[(unsigned char)*a])
			a++;
		while (b < be && ign[(unsigned char)*b])
			b++;
		if (a == ae || b == be)
			return (a < ae) - (b < be);
		x = (unsigned char)*a++;
		y = (unsigned char)*b++;
		if (k->translate) {
			x = toupper(x);
			y = toupper(y);
		}
		if (x != y)
			return x - y;
	}
}

/* A NUL-terminated copy of a key, through -f and -d/-i; *n becomes its length. */
static char *key_copy(char **buf, size_t *cap, const char *p, size_t *n, const struct key *k)
{
	char *c = scratch(buf, cap, p, *n);
	size_t j = 0;

	for (size_t i = 0; i < *n; i++) {
		unsigned char ch = p[i];
		if (k->ignore && k->ignore[ch])
			continue;
		c[j++] = k->translate ? toupper(ch) : ch;
	}
	c[j] = '\0';
	*n = j;
	return c;
}

static int one_key(const char *a, const char *ae, const char *b, const char *be,
		   const struct key *k)
{
	size_t al = ae > a ? ae - a : 0, bl = be > b ? be - b : 0;
	int d;

	if (k->type == KT_TEXT)
		return text_compare(a, a + al, b, b + bl, k);
	if (k->type == KT_GNUM || k->translate || k->ignore) {
		a = key_copy(&G.sa, &G.sacap, a, &al, k);
		b = key_copy(&G.sb, &G.sbcap, b, &bl, k);
	}
	switch (k->type) {
	case KT_NUM:
		return num_compare(a, a + al, b, b + bl);
	case KT_GNUM:
		return gnum_compare(a, b);
	case KT_HUM:
		d = unit_order(a, a + al) - unit_order(b, b + bl);
		return d ? d : num_compare(a, a + al, b, b + bl);
	case KT_MON:
		return month_of(a, a + al) - month_of(b, b + bl);
	case KT_VER:
		return ver_compare(a, al, b, bl);
	default: {
		uint64_t x = key_hash(a, al), y = key_hash(b, bl);
		if (x != y)
			return x < y ? -1 : 1;
		d = memcmp(a, b, al < bl ? al : bl);
		return d ? d : (al > bl) - (al < bl);
	}
	}
}

/* num_rank() (below) marks the ranks that say the numbers are equal. */
static bool rank_exact(uint64_t r)
{
	switch (r >> 62) {
	case 3:
		return !(r & 1);
	case 1:
		return r & 1;
	default:
		return true;
	}
}

static int key_result(const struct key *k, int d)
{
	return k->reverse ? (d < 0 ? 1 : -1) : d;
}

/* Compare by the keys from number first on, then (unless -s or -u) whole lines. */
static int compare_from(const char *a, size_t al, const char *b, size_t bl, size_t first)
{
	int d;

	for (size_t i = first; i < G.nkeys; i++) {
		const struct key *k = &G.keys[i];
		const char *ae = a + al, *be = b + bl;
		const char *ka = key_begin(a, ae, k), *kb = key_begin(b, be, k);
		d = one_key(ka, key_limit(a, ae, k), kb, key_limit(b, be, k), k);
		if (d)
			return key_result(k, d);
	}
	if (G.nkeys && (FLAG(s) || FLAG(u)))
		return 0;
	d = memcmp(a, b, al < bl ? al : bl);
	if (!d)
		d = (al > bl) - (al < bl);
	return G.gkey.reverse ? -d : d;
}

static int compare(const char *a, size_t al, const char *b, size_t bl)
{
	return compare_from(a, al, b, bl, 0);
}

/* Byte order of a and b whose text prefixes are equal: the first 8 bytes are. */
static int after_prefix(const char *a, size_t al, const char *b, size_t bl)
{
	size_t m = al < bl ? al : bl;
	int d = m > 8 ? memcmp(a + 8, b + 8, m - 8) : 0;

	return d ? d : (al > bl) - (al < bl);
}

static int compare_lines(const struct line *x, const struct line *y)
{
	int d;

	if (x->pfx != y->pfx) {
		d = x->pfx < y->pfx ? -1 : 1;
		if (G.plain)
			return G.gkey.reverse ? -d : d;
		return key_result(&G.keys[0], d);
	}
	if (G.plain) {
		d = after_prefix(x->p, x->len, y->p, y->len);
		return G.gkey.reverse ? -d : d;
	}
	if (x->klen == NO_CACHE || y->klen == NO_CACHE)
		return compare(x->p, x->len, y->p, y->len);
	if (G.pfx_mode == PFX_TEXT) {
		d = after_prefix(x->p + x->koff, x->klen, y->p + y->koff, y->klen);
		if (d)
			return key_result(&G.keys[0], d);
		return compare_from(x->p, x->len, y->p, y->len, 1);
	}
	if (G.pfx_mode == PFX_NUM && rank_exact(x->pfx))	/* equal numbers */
		return compare_from(x->p, x->len, y->p, y->len, 1);
	d = one_key(x->p + x->koff, x->p + x->koff + x->klen, y->p + y->koff,
		    y->p + y->koff + y->klen, &G.keys[0]);
	if (d)
		return key_result(&G.keys[0], d);
	return compare_from(x->p, x->len, y->p, y->len, 1);
}

/* ---- Sorting in memory: a stable merge sort with a half-size buffer ---- */

/* Merge the sorted a[0..h) and a[h..n); tmp holds h records. */
static void merge_halves(struct line *a, size_t h, size_t n, struct line *tmp)
{
	size_t i = 0, j = h, k = 0;

	if (compare_lines(&a[h - 1], &a[h]) <= 0)
		return;
	memcpy(tmp, a, h * sizeof(*a));
	while (i < h && j < n)
		a[k++] = compare_lines(&a[j], &tmp[i]) < 0 ? a[j++] : tmp[i++];
	memcpy(a + k, tmp + i, (h - i) * sizeof(*a));
}

static void merge_sort(struct line *a, size_t n, struct line *tmp)
{
	size_t h;

	if (n <= 8) {
		for (size_t i = 1; i < n; i++) {
			struct line v = a[i];
			size_t j;
			for (j = i; j > 0 && compare_lines(&a[j - 1], &v) > 0; j--)
				a[j] = a[j - 1];
			a[j] = v;
		}
		return;
	}
	h = n / 2;
	merge_sort(a, h, tmp);
	merge_sort(a + h, n - h, tmp);
	merge_halves(a, h, n, tmp);
}

struct sort_job {
	struct line *a, *tmp;
	size_t n;
	unsigned threads;
};

/* Sort a job's lines: halves by two threads (each with its part of tmp), then merged. */
static void *sort_part(void *arg)
{
	struct sort_job *j = arg;
	size_t h = j->n / 2;
	struct sort_job first = { j->a, j->tmp, h, j->threads / 2 };
	struct sort_job second = { j->a + h, j->tmp + h / 2, j->n - h, j->threads - j->threads / 2 };
	pthread_t t;

	if (j->threads < 2 || j->n < 1 << 16 || pthread_create(&t, NULL, sort_part, &first)) {
		merge_sort(j->a, j->n, j->tmp);
		return NULL;
	}
	sort_part(&second);
	pthread_join(t, NULL);
	merge_halves(j->a, h, j->n, j->tmp);
	return NULL;
}

/* ---- Output ---- */

static void out_flush(struct outbuf *o)
{
	if (o->n && full_write(o->fd, o->buf, o->n) < 0)
		bb_perror_msg_and_die("write failed: %s", o->name);
	o->n = 0;
}

static void out_line(struct outbuf *o, const char *p, size_t len)
{
	if (o->n + len + 1 > IOBUF) {
		out_flush(o);
		if (len + 1 > IOBUF) {
			if (full_write(o->fd, p, len) < 0)
				bb_perror_msg_and_die("write failed: %s", o->name);
			len = 0;
		}
	}
	memcpy(o->buf + o->n, p, len);
	o->n += len;
	o->buf[o->n++] = G.delim;
}

static void out_init(struct outbuf *o, int fd, const char *name)
{
	o->fd = fd;
	o->name = name;
	o->buf = xmalloc(IOBUF);
	o->n = 0;
}

static void out_done(struct outbuf *o)
{
	out_flush(o);
	free(o->buf);
}

static void write_sorted(struct outbuf *o)
{
	const struct line *last = NULL;

	for (size_t i = 0; i < G.nlines; i++) {
		const struct line *l = &G.lines[i];
		if (FLAG(u) && last && compare_lines(last, l) == 0)
			continue;
		out_line(o, l->p, l->len);
		last = l;
	}
}

/* ---- Reading input into chunks of memory ---- */

static size_t record_mem(size_t n)
{
	return n * sizeof(struct line) * 3 / 2;
}

static uint64_t text_prefix(const char *p, size_t len)
{
	const unsigned char *u = (const unsigned char *)p;
	uint64_t pfx = 0;

	if (len >= 8)
		return (uint64_t)u[0] << 56 | (uint64_t)u[1] << 48 | (uint64_t)u[2] << 40 |
		       (uint64_t)u[3] << 32 | (uint64_t)u[4] << 24 | (uint64_t)u[5] << 16 |
		       (uint64_t)u[6] << 8 | u[7];
	for (size_t i = 0; i < 8; i++)
		pfx = pfx << 8 | (i < len ? u[i] : 0);
	return pfx;
}

/* A rank that never contradicts num_compare(): sign, number of integer digits, the
 * first 13 significant digits, then a bit set when digits were left out (clear in
 * negative ranks, which are complemented). Equal exact ranks are equal numbers. Zero
 * is 2 << 62 and the ranks up to 3 << 62 are free (for zero keys ranked by lines). */
static uint64_t num_rank(const char *p, const char *e)
{
	struct num n;
	uint64_t il, d = 0, mag;
	int k = 0;

	parse_num(p, e, &n);
	if (!n.il && !n.fl)
		return 2ULL << 62;
	il = n.il < 0xffff ? n.il : 0xffff;
	for (size_t i = 0; i < n.il && k < 13; i++, k++)
		d = d * 10 + (n.ip[i] - '0');
	for (size_t i = 0; i < n.fl && k < 13; i++, k++)
		d = d * 10 + (n.fp[i] - '0');
	for (; k < 13; k++)
		d *= 10;
	mag = il << 45 | d << 1 | (n.il + n.fl > 13 || il == 0xffff);
	return n.neg ? 1ULL << 62 | ((1ULL << 62) - 1 - mag) : 3ULL << 62 | mag;
}

static void add_line(const char *p, size_t len)
{
	struct line *l;

	if (G.nlines == G.lcap) {
		G.mem -= record_mem(G.lcap);
		G.lcap = G.lcap ? G.lcap * 2 : 1024;
		G.lines = xrealloc(G.lines, G.lcap * sizeof(*G.lines));
		G.mem += record_mem(G.lcap);
	}
	l = &G.lines[G.nlines++];
	l->p = p;
	l->len = len;
	l->klen = NO_CACHE;
	l->pfx = 0;
	if (G.plain) {
		l->pfx = text_prefix(p, len);
	} else if (len < NO_CACHE) {
		const struct key *k = &G.keys[0];
		const char *kb = key_begin(p, p + len, k), *ke = key_limit(p, p + len, k);
		if (ke < kb)
			ke = kb;
		l->koff = kb - p;
		l->klen = ke - kb;
		if (G.pfx_mode == PFX_TEXT)
			l->pfx = text_prefix(kb, ke - kb);
		else if (G.pfx_mode == PFX_NUM)
			l->pfx = num_rank(kb, ke);
		/* zero keys rank by the line, when the whole line decides next */
		if (l->pfx == 2ULL << 62 && G.zero_by_line)
			l->pfx |= text_prefix(p, len) >> 2;
	}
}

static void sort_lines(void)
{
	size_t need = G.nlines / 2 + 1;
	struct sort_job job;

	if (need > G.tcap) {
		free(G.tmp);
		G.tcap = need;
		G.tmp = xmalloc(need * sizeof(*G.tmp));
	}
	job = (struct sort_job){ G.lines, G.tmp, G.nlines, G.threads };
	sort_part(&job);
}

static int make_temp(void)
{
	char *name = concat_path_file(G.tmpdir, "sortXXXXXX");
	int fd = mkstemp(name);

	if (fd < 0)
		bb_perror_msg_and_die("cannot create temporary file in '%s'", G.tmpdir);
	unlink(name);
	free(name);
	return fd;
}

static void add_run(int fd)
{
	if (G.nruns == G.rcap) {
		G.rcap = G.rcap ? 2 * G.rcap : 16;
		G.runs = xrealloc(G.runs, G.rcap * sizeof(*G.runs));
	}
	G.runs[G.nruns++] = fd;
}

static void free_chunks(void)
{
	struct chunk *c = G.chunks, *next;

	for (; c; c = next) {
		next = c->next;
		G.mem -= c->cap;
		free(c);
	}
	G.chunks = NULL;
}

/* Sort the lines held and write them to a new temporary file. */
static void spill(void)
{
	struct outbuf o;
	int fd = make_temp();

	sort_lines();
	out_init(&o, fd, "temporary file");
	write_sorted(&o);
	out_done(&o);
	add_run(fd);
	G.nlines = 0;
}

/* Start a new chunk holding the partial line p[0..n) of the newest one; spill first
 * when the budget would be exceeded. Chunks no line points into are freed. */
static void next_chunk(const char *p, size_t n)
{
	size_t cap = G.limit / 8;
	struct chunk *c;

	if (cap > CHUNK_MAX)
		cap = CHUNK_MAX;
	if (cap < CHUNK_MIN)
		cap = CHUNK_MIN;
	while (cap < 2 * n)
		cap *= 2;
	if (G.nlines && G.mem + cap > G.limit)
		spill();
	c = xmalloc(sizeof(*c) + cap);
	c->cap = cap;
	if (n)
		memcpy(c->data, p, n);
	if (!G.nlines)
		free_chunks();
	c->next = G.chunks;
	G.chunks = c;
	G.mem += cap;
	G.used = n;
}

static void read_fd(int fd, const char *name)
{
	size_t scan;

	if (!G.chunks)
		next_chunk(NULL, 0);
	scan = G.used;
	for (;;) {
		struct chunk *c = G.chunks;
		char *start = c->data + scan, *end, *nl;
		ssize_t r;

		if (G.used == c->cap) {
			next_chunk(c->data + scan, G.used - scan);
			scan = 0;
			continue;
		}
		r = safe_read(fd, c->data + G.used, c->cap - G.used);
		if (r < 0) {
			bb_perror_msg_and_die("read failed: %s", name);
		}
		if (r == 0)
			break;
		G.used += r;
		end = c->data + G.used;
		while ((nl = memchr(start, G.delim, end - start)) != NULL) {
			add_line(start, nl - start);
			start = nl + 1;
		}
		scan = start - c->data;
	}
	if (scan < G.used) {
		add_line(G.chunks->data + scan, G.used - scan);
		scan = G.used;
	}
}

/* ---- Reading sorted streams line by line (merge and check) ---- */

static void reader_init(struct reader *r, int fd, const char *name)
{
	memset(r, 0, sizeof(*r));
	r->fd = fd;
	r->name = name;
	r->cap = IOBUF;
	r->buf = xmalloc(r->cap);
}

/* The next line in r->p/r->len; false at the end. */
static bool reader_next(struct reader *r)
{
	for (;;) {
		char *nl = memchr(r->buf + r->start, G.delim, r->end - r->start);
		ssize_t n;

		if (nl) {
			r->p = r->buf + r->start;
			r->len = nl - r->p;
			r->start = nl + 1 - r->buf;
			return true;
		}
		if (r->eof) {
			if (r->start == r->end)
				return false;
			r->p = r->buf + r->start;
			r->len = r->end - r->start;
			r->start = r->end;
			return true;
		}
		if (r->start) {
			memmove(r->buf, r->buf + r->start, r->end - r->start);
			r->end -= r->start;
			r->start = 0;
		}
		if (r->end == r->cap) {
			r->cap *= 2;
			r->buf = xrealloc(r->buf, r->cap);
		}
		n = safe_read(r->fd, r->buf + r->end, r->cap - r->end);
		if (n < 0)
			bb_perror_msg_and_die("read failed: %s", r->name);
		if (n == 0)
			r->eof = true;
		r->end += n > 0 ? n : 0;
	}
}

static void reader_free(struct reader *r)
{
	free(r->buf);
	if (r->fd != STDIN_FILENO)
		close(r->fd);
}

/* ---- Merging ---- */

static bool heap_less(struct reader *r, const int *h, size_t i, size_t j)
{
	struct reader *x = &r[h[i]], *y = &r[h[j]];
	int d = compare(x->p, x->len, y->p, y->len);

	return d < 0 || (d == 0 && h[i] < h[j]);
}

static void heap_down(struct reader *r, int *h, size_t n, size_t i)
{
	for (;;) {
		size_t c = 2 * i + 1, m = i;
		int t;
		if (c < n && heap_less(r, h, c, m))
			m = c;
		if (c + 1 < n && heap_less(r, h, c + 1, m))
			m = c + 1;
		if (m == i)
			return;
		t = h[i];
		h[i] = h[m];
		h[m] = t;
		i = m;
	}
}

/* Merge n readers into o; with -u keep the first of each run of equal lines. */
static void merge_readers(struct reader *r, size_t n, struct outbuf *o)
{
	int *h = xmalloc(n * sizeof(*h));
	size_t hn = 0;
	char *last = NULL;
	size_t lastlen = 0, lastcap = 0;
	bool have_last = false;

	for (size_t i = 0; i < n; i++)
		if (reader_next(&r[i]))
			h[hn++] = i;
	for (size_t i = hn / 2; i-- > 0;)
		heap_down(r, h, hn, i);
	while (hn) {
		struct reader *t = &r[h[0]];
		if (!FLAG(u) || !have_last || compare(last, lastlen, t->p, t->len) != 0) {
			out_line(o, t->p, t->len);
			if (FLAG(u)) {
				if (t->len > lastcap) {
					lastcap = t->len * 2;
					free(last);
					last = xmalloc(lastcap);
				}
				memcpy(last, t->p, t->len);
				lastlen = t->len;
				have_last = true;
			}
		}
		if (!reader_next(t))
			h[0] = h[--hn];
		heap_down(r, h, hn, 0);
	}
	free(last);
	free(h);
}

/* Merge runs[from..from+n) into o. */
static void merge_group(size_t from, size_t n, struct outbuf *o)
{
	struct reader *r = xmalloc(n * sizeof(*r));

	for (size_t i = 0; i < n; i++) {
		lseek(G.runs[from + i], 0, SEEK_SET);
		reader_init(&r[i], G.runs[from + i], "temporary file");
	}
	merge_readers(r, n, o);
	for (size_t i = 0; i < n; i++)
		reader_free(&r[i]);
	free(r);
}

/* Merge the run files MERGE_WAY at a time, each group into a run that takes its place
 * (so equal lines keep their input order), until one merge writes the output. */
static void merge_runs(struct outbuf *final)
{
	while (G.nruns > MERGE_WAY) {
		size_t kept = 0;
		for (size_t i = 0; i < G.nruns; i += MERGE_WAY) {
			size_t n = G.nruns - i < MERGE_WAY ? G.nruns - i : MERGE_WAY;
			struct outbuf o;
			int fd = make_temp();
			out_init(&o, fd, "temporary file");
			merge_group(i, n, &o);
			out_done(&o);
			G.runs[kept++] = fd;
		}
		G.nruns = kept;
	}
	merge_group(0, G.nruns, final);
	G.nruns = 0;
}

/* ---- Options ---- */

static NORETURN void bad_key(const char *why, const char *spec)
{
	bb_error_msg_and_die("%s: invalid field specification '%s'", why, spec);
}

static const char *parse_count(const char *s, size_t *out, const char *what)
{
	char *end;
	unsigned long long v;

	if (!is_digit(*s))
		bb_error_msg_and_die("%s: invalid count at start of '%s'", what, s);
	errno = 0;
	v = strtoull(s, &end, 10);
	*out = (errno || v > SIZE_MAX - 1) ? SIZE_MAX - 1 : v;
	return end;
}

static const char type_letters[] = "ghMnRV";

static int type_of(char c)
{
	static const signed char types[] = { KT_GNUM, KT_HUM, KT_MON, KT_NUM, KT_RAND, KT_VER };
	const char *t = c ? strchr(type_letters, c) : NULL;

	return t ? types[t - type_letters] : -1;
}

/* Ordering letters, the type letters collected in types; returns where they end.
 * blank_end: 0 for the start of a key, 1 for its end, 2 for the global options. */
static const char *set_ordering(const char *s, struct key *k, int blank_end)
{
	for (;; s++) {
		switch (*s) {
		case 'b':
			if (blank_end != 1)
				k->skips = true;
			if (blank_end != 0)
				k->skipe = true;
			break;
		case 'd':
			k->ignore = G.nondict;
			break;
		case 'i':
			if (!k->ignore)
				k->ignore = G.nonprint;
			break;
		case 'f':
			k->translate = true;
			break;
		case 'r':
			k->reverse = true;
			break;
		default:
			if (type_of(*s) < 0)
				return s;
			if (!strchr(k->types, *s))
				strncat(k->types, s, 1);
			k->type = type_of(*s);
		}
		k->any = true;
	}
}

/* At most one of -g -h -M -n and one of -R -V -d -i per key; "-Mn" names the clash
 * as GNU does. */
static void check_key(const struct key *k)
{
	char buf[16], *p = buf;
	int n = 0;

	for (const char *t = k->types; *t; t++)
		n += !strchr("RV", *t);
	if (n + (strpbrk(k->types, "RV") || k->ignore) <= 1)
		return;
	*p++ = '-';
	if (k->ignore == G.nondict)
		*p++ = 'd';
	if (k->translate)
		*p++ = 'f';
	for (const char *o = "ghiMnRV"; *o; o++)
		if (*o == 'i' ? k->ignore == G.nonprint : strchr(k->types, *o) != NULL)
			*p++ = *o;
	*p = '\0';
	bb_error_msg_and_die("options '%s' are incompatible", buf);
}

static void parse_key(const char *spec, struct key *k)
{
	const char *s = spec;

	memset(k, 0, sizeof(*k));
	k->eword = NO_END;
	s = parse_count(s, &k->sword, "invalid number at field start");
	if (k->sword-- == 0)
		bad_key("field number is zero", spec);
	if (*s == '.') {
		s = parse_count(s + 1, &k->schar, "invalid number after '.'");
		if (k->schar-- == 0)
			bad_key("character offset is zero", spec);
	}
	s = set_ordering(s, k, 0);
	if (*s == ',') {
		s = parse_count(s + 1, &k->eword, "invalid number after ','");
		if (k->eword-- == 0)
			bad_key("field number is zero", spec);
		if (*s == '.')
			s = parse_count(s + 1, &k->echar, "invalid number after '.'");
		s = set_ordering(s, k, 1);
	}
	if (*s)
		bad_key("stray character in field spec", spec);
}

static void set_global(void)
{
	static const char *const words[] = { "general-numeric", "human-numeric", "month",
					     "numeric", "random", "version" };
	const unsigned long long flags[] = { FLAG(g), FLAG(h), FLAG(M), FLAG(n), FLAG(R), FLAG(V) };
	struct key *g = &G.gkey;
	char opts[16] = "";

	for (int i = 0; i < 6; i++)
		if (flags[i])
			strncat(opts, type_letters + i, 1);
	if (G.sort) {
		size_t n = strlen(G.sort);
		int i = 0;
		while (i < 6 && (!n || strncmp(G.sort, words[i], n)))
			i++;
		if (i == 6) {
			bb_error_msg("invalid argument '%s' for '--sort'", G.sort);
			bb_show_usage();
		}
		strncat(opts, type_letters + i, 1);
	}
	if (FLAG(b))
		strcat(opts, "b");
	if (FLAG(f))
		strcat(opts, "f");
	if (FLAG(d))
		strcat(opts, "d");
	if (FLAG(i))
		strcat(opts, "i");
	set_ordering(opts, g, 2);
	g->eword = NO_END;
	g->reverse = FLAG(r);
}

static void parse_tab(void)
{
	G.tab = -1;
	for (char **t = G.t; t && *t; t++) {
		int c = (unsigned char)**t;
		if (!c)
			bb_error_msg_and_die("empty tab");
		if ((*t)[1]) {
			if (strcmp(*t, "\\0"))
				bb_error_msg_and_die("multi-character tab '%s'", *t);
			c = 0;
		}
		if (G.tab >= 0 && G.tab != c)
			bb_error_msg_and_die("incompatible tabs");
		G.tab = c;
	}
}

static size_t parse_size(const char *s)
{
	char *end;
	unsigned long long v, mult = 1024;
	long pages = sysconf(_SC_PHYS_PAGES), psz = sysconf(_SC_PAGESIZE);
	double phys = pages > 0 && psz > 0 ? (double)pages * psz : 1e9;

	errno = 0;
	if (!is_digit(*s))
		bb_error_msg_and_die("invalid -S argument '%s'", s);
	v = strtoull(s, &end, 10);
	if (*end) {
		static const char units[] = "bKMGTPEZYRQ%";
		const char *u = strchr(units, *end);
		if (!u || end[1])
			bb_error_msg_and_die("invalid suffix in -S argument '%s'", s);
		if (*u == '%')
			return v > 100 ? (size_t)phys : (size_t)(phys * v / 100);
		mult = 1;
		for (const char *k = units; k < u; k++)
			mult = mult > ULLONG_MAX / 1024 ? ULLONG_MAX : mult * 1024;
	}
	if (errno || (v && mult > ULLONG_MAX / v) || v * mult > SIZE_MAX)
		return SIZE_MAX;
	return v * mult;
}

static size_t default_limit(void)
{
	long pages = sysconf(_SC_PHYS_PAGES), psz = sysconf(_SC_PAGESIZE);
	unsigned long long phys = pages > 0 && psz > 0 ? (unsigned long long)pages * psz : 0;
	unsigned long long lim = phys ? phys / 8 : 256ULL << 20;

	if (lim > SIZE_MAX / 4)	/* 32-bit: leave address space for the rest */
		lim = SIZE_MAX / 4;
	return lim < (64ULL << 20) ? 64ULL << 20 : lim;
}

static void init_seed(void)
{
	unsigned char b[16] = { 0 };
	int fd;

	if (G.random_source) {
		fd = open(G.random_source, O_RDONLY);
		if (fd < 0)
			bb_perror_msg_and_die("open failed: %s", G.random_source);
		ssize_t n = full_read(fd, b, sizeof(b));
		if (n < 0)
			bb_perror_msg_and_die("%s", G.random_source);
		/* as GNU, a source shorter than the 16 bytes the seed takes is an error */
		if (n < (ssize_t)sizeof(b))
			bb_error_msg_and_die("'%s': end of file",
					     xmalloc_c_escaped(G.random_source));
		close(fd);
	} else {
		fd = open("/dev/urandom", O_RDONLY);
		if (fd < 0 || full_read(fd, b, sizeof(b)) != sizeof(b)) {
			uint64_t t = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32);
			memcpy(b, &t, sizeof(t));
		}
		if (fd >= 0)
			close(fd);
	}
	memcpy(&G.seed[0], b, 8);
	memcpy(&G.seed[1], b + 8, 8);
	G.seed[0] = mix64(G.seed[0] + 1);
	G.seed[1] = mix64(G.seed[1] + 2);
}

static void setup_keys(void)
{
	size_t n = 0;
	struct key *g = &G.gkey;

	for (int c = 0; c < 256; c++) {
		G.nonprint[c] = !(c >= 0x20 && c < 0x7f);
		G.nondict[c] = !isalnum(c) && !is_blank(c);
	}
	parse_tab();
	set_global();
	while (G.k && G.k[n])
		n++;
	G.keys = xzalloc((n ? n : 1) * sizeof(*G.keys));
	for (size_t i = 0; i < n; i++) {
		struct key *k = &G.keys[i];
		parse_key(G.k[i], k);
		if (!k->any) {
			size_t sw = k->sword, sc = k->schar, ew = k->eword, ec = k->echar;
			*k = *g;
			k->sword = sw;
			k->schar = sc;
			k->eword = ew;
			k->echar = ec;
		}
	}
	if (!n && g->any) {
		G.keys[0] = *g;
		n = 1;
	}
	for (size_t i = 0; i < n; i++)
		check_key(&G.keys[i]);
	G.nkeys = n;
	G.plain = n == 0;
	if (n && G.keys[0].type == KT_TEXT && !G.keys[0].ignore && !G.keys[0].translate)
		G.pfx_mode = PFX_TEXT;
	else if (n && G.keys[0].type == KT_NUM)
		G.pfx_mode = PFX_NUM;
	G.zero_by_line = G.pfx_mode == PFX_NUM && n == 1 && !FLAG(s) && !FLAG(u) &&
			 G.keys[0].reverse == G.gkey.reverse;
	for (size_t i = 0; i < n; i++)
		if (G.keys[i].type == KT_RAND) {
			init_seed();
			break;
		}
}

/* Threads sort in memory unless a comparison needs the shared scratch buffers. */
static void set_threads(void)
{
	unsigned long long v = 8;
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);

	if (cpus > 0 && (unsigned long long)cpus < v)
		v = cpus;
	if (G.parallel) {
		if (bb_strtoull(G.parallel, 10, NULL, 0, ULLONG_MAX, &v)) {
			bb_error_msg("invalid --parallel argument '%s'", G.parallel);
			bb_show_usage();
		}
		if (!v)
			bb_error_msg_and_die("number in parallel must be nonzero");
	}
	G.threads = v > 64 ? 64 : v;
	for (size_t i = 0; i < G.nkeys; i++) {
		const struct key *k = &G.keys[i];
		if (k->type == KT_GNUM || (k->type != KT_TEXT && (k->translate || k->ignore)))
			G.threads = 1;
	}
}

/* ---- The three modes ---- */

static int check_sorted(char **files, int n)
{
	const char *name = files[0];
	struct reader r;
	char *prev = NULL;
	size_t plen = 0, pcap = 0, lineno = 0;
	int fd, status = 0;

	if (n > 1)
		bb_error_msg_and_die("extra operand '%s' not allowed with -c", files[1]);
	fd = strcmp(name, "-") ? open(name, O_RDONLY) : STDIN_FILENO;
	if (fd < 0)
		bb_perror_msg_and_die("cannot read: %s", name);
	reader_init(&r, fd, name);
	while (reader_next(&r)) {
		lineno++;
		if (lineno > 1) {
			int d = compare(prev, plen, r.p, r.len);
			if (d > 0 || (d == 0 && FLAG(u))) {
				if (!FLAG(C))
					bb_error_msg("%s:%zu: disorder: %.*s", name, lineno,
						     r.len > INT_MAX ? INT_MAX : (int)r.len, r.p);
				status = 1;
				break;
			}
		}
		if (r.len > pcap) {
			pcap = r.len * 2;
			free(prev);
			prev = xmalloc(pcap);
		}
		memcpy(prev, r.p, r.len);
		plen = r.len;
	}
	free(prev);
	reader_free(&r);
	return status;
}

static int open_input(const char *name)
{
	int fd = strcmp(name, "-") ? open(name, O_RDONLY) : STDIN_FILENO;

	if (fd < 0)
		bb_perror_msg_and_die("cannot read: %s", name);
	return fd;
}

/* The output file is one of the inputs: -m must then read everything first. */
static bool output_is_input(char **files, int n)
{
	struct stat so, si;

	if (!G.out || stat(G.out, &so))
		return false;
	for (int i = 0; i < n; i++)
		if (!stat(strcmp(files[i], "-") ? files[i] : "/dev/stdin", &si) &&
		    si.st_dev == so.st_dev && si.st_ino == so.st_ino)
			return true;
	return false;
}

static int open_output(void)
{
	int fd;

	if (!G.out)
		return STDOUT_FILENO;
	fd = open(G.out, O_WRONLY | O_CREAT | O_TRUNC, 0666);
	if (fd < 0)
		bb_perror_msg_and_die("open failed: %s", G.out);
	return fd;
}

static void merge_files(char **files, int n, struct outbuf *o)
{
	struct reader *r = xmalloc(n * sizeof(*r));

	for (int i = 0; i < n; i++)
		reader_init(&r[i], open_input(files[i]), files[i]);
	o->fd = open_output();
	merge_readers(r, n, o);
	for (int i = 0; i < n; i++)
		reader_free(&r[i]);
	free(r);
}

int sort_main(int argc, char **argv)
{
	char *stdin_only[] = { (char *)"-", NULL };
	char **files = argv + 1;
	int n = argc - 1;
	struct outbuf o;

	xfunc_error_retval = 2;
	G.delim = FLAG(z) ? '\0' : '\n';
	if (G.check) {
		size_t l = strlen(G.check);
		if (l && (!strncmp(G.check, "quiet", l) || !strncmp(G.check, "silent", l)))
			optflags |= FLAG_C;
		else if (!l || strncmp(G.check, "diagnose-first", l)) {
			bb_error_msg("invalid argument '%s' for '--check'", G.check);
			bb_show_usage();
		}
	}
	if (FLAG(check))
		optflags |= FLAG_c;
	for (char **o = G.o; o && *o; o++) {
		if (G.out && strcmp(G.out, *o))
			bb_error_msg_and_die("multiple output files specified");
		G.out = *o;
	}
	setup_keys();
	set_threads();
	if (!n) {
		files = stdin_only;
		n = 1;
	}
	if (FLAG(c) || FLAG(C))
		return check_sorted(files, n);
	G.tmpdir = G.T && G.T[0] ? G.T[0] : getenv("TMPDIR");
	if (!G.tmpdir || !*G.tmpdir)
		G.tmpdir = "/tmp";
	G.limit = G.S ? parse_size(G.S) : default_limit();
	if (G.limit < 2 * CHUNK_MIN)
		G.limit = 2 * CHUNK_MIN;
	out_init(&o, STDOUT_FILENO, G.out ? G.out : "standard output");
	if (FLAG(m) && !output_is_input(files, n)) {
		merge_files(files, n, &o);
	} else {
		for (int i = 0; i < n; i++) {
			int fd = open_input(files[i]);
			read_fd(fd, files[i]);
			if (fd != STDIN_FILENO)
				close(fd);
		}
		if (G.nruns && G.nlines)
			spill();
		o.fd = open_output();
		if (G.nruns) {
			merge_runs(&o);
		} else {
			sort_lines();
			write_sorted(&o);
		}
	}
	out_done(&o);
	if (G.out && close(o.fd))
		bb_perror_msg_and_die("write failed: %s", G.out);
	return G.status;
}
