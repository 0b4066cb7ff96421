/* tr: translate, squeeze or delete bytes. POSIX tr (-c -d -s, classes, [=c=], [c*n],
 * ranges, escapes) with GNU's -C (same as -c here: bytes, not characters), -t and long
 * options, in the C locale. As GNU, a short SET2 is padded with its last byte.
 * Deviation: a set may expand to at most 64 MiB (repeat counts beyond that are refused).
 */

/*== applet
applet tr /usr/bin
options ^c(complement)C d(delete)s(squeeze-repeats)t(truncate-set1)
config TR
	bool "tr"
	default y
	help
	  Translate, squeeze or delete bytes read from standard input.
usage [-cCdst] SET1 [SET2]
Copy standard input to standard output, translating bytes of SET1 into those of SET2,
squeezing or deleting them.

	-c, -C	Use the complement of SET1 (every byte not in it, in order)
	-d	Delete the bytes of SET1
	-s	Squeeze runs of one byte of the last SET given into one
	-t	Truncate SET1 to the length of SET2
SETs are strings of bytes with \NNN (octal), \\ \a \b \f \n \r \t \v, ranges a-z,
[:alnum:] [:alpha:] [:blank:] [:cntrl:] [:digit:] [:graph:] [:lower:] [:print:]
[:punct:] [:space:] [:upper:] [:xdigit:], [=c=] (the byte c), [c*N] (N times c;
N octal with a leading 0) and, in SET2, [c*] (c as often as needed to match SET1).
==*/

#include "libbb.h"
#include "flags/tr.h"

enum { BUFSZ = 128 * 1024, SET_MAX = 64 << 20 };

struct set {
	unsigned char *s;
	size_t len, cap;
	size_t fill_at;		/* where the first [c*] goes, or SIZE_MAX */
	unsigned char fill_c;
	bool ends_in_class;
	size_t upper_at[8], lower_at[8];	/* starts of [:upper:] / [:lower:] */
	int nupper, nlower;
};

GLOBALS(
	unsigned char map[256];
	bool del[256], sq[256];
);

static const char *const class_names[] = { "alnum", "alpha", "blank", "cntrl", "digit",
	"graph", "lower", "print", "punct", "space", "upper", "xdigit" };

static bool in_class(int cls, int c)
{
	switch (cls) {
	case 0: return isalnum(c);
	case 1: return isalpha(c);
	case 2: return c == ' ' || c == '\t';
	case 3: return iscntrl(c);
	case 4: return isdigit(c);
	case 5: return isgraph(c);
	case 6: return islower(c);
	case 7: return isprint(c);
	case 8: return ispunct(c);
	case 9: return isspace(c);
	case 10: return isupper(c);
	default: return isxdigit(c);
	}
}

static void put(struct set *st, int c, size_t n)
{
	if (n > SET_MAX - st->len)
		bb_error_msg_and_die("set too large");
	if (st->len + n > st->cap) {
		st->cap = (st->len + n) * 2;
		st->s = xrealloc(st->s, st->cap);
	}
	memset(st->s + st->len, c, n);
	st->len += n;
	st->ends_in_class = false;
}

/* One byte of the set string, with backslash escapes; advances *pp. */
static int get_byte(const char **pp)
{
	const char *p = *pp;
	int c = (unsigned char)*p++;

	if (c == '\\') {
		if (!*p) {
			bb_error_msg("warning: an unescaped backslash at end of string is not "
				     "portable");
		} else if (*p >= '0' && *p <= '7') {
			c = 0;
			for (int i = 0; i < 3 && *p >= '0' && *p <= '7' && c * 8 + *p - '0' < 256; i++)
				c = c * 8 + *p++ - '0';
		} else {
			const char *e = strchr("a\ab\bf\fn\nr\rt\tv\v", *p);
			c = e && (e - "a\ab\bf\fn\nr\rt\tv\v") % 2 == 0 ? e[1] : (unsigned char)*p;
			p++;
		}
	}
	*pp = p;
	return c;
}

/* [:class:], [=c=] or [c*n] at p (which points at '['); returns the end, or NULL. */
static const char *bracket(const char *p, struct set *st, bool set2)
{
	const char *e;

	if (p[1] == ':' && (e = strstr(p + 2, ":]")) != NULL) {
		size_t n = e - (p + 2);
		for (int i = 0; i < 12; i++) {
			if (strlen(class_names[i]) != n || memcmp(p + 2, class_names[i], n))
				continue;
			if (set2 && i != 6 && i != 10)
				bb_error_msg_and_die("when translating, the only character classes "
						     "that may appear in\nstring2 are 'upper' and "
						     "'lower'");
			if (i == 10 && st->nupper < 8)
				st->upper_at[st->nupper++] = st->len;
			if (i == 6 && st->nlower < 8)
				st->lower_at[st->nlower++] = st->len;
			for (int c = 0; c < 256; c++)
				if (in_class(i, c))
					put(st, c, 1);
			st->ends_in_class = true;
			return e + 2;
		}
		bb_error_msg_and_die("invalid character class '%.*s'", (int)n, p + 2);
	}
	if (p[1] == '=' && (e = strstr(p + 2, "=]")) != NULL && e > p + 2) {
		const char *q = p + 2;
		int c = get_byte(&q);
		if (q != e)
			bb_error_msg_and_die("%.*s: equivalence class operand must be a single "
					     "character", (int)(e - p - 2), p + 2);
		put(st, c, 1);
		return e + 2;
	}
	if (p[1] && p[1] != ']') {
		const char *q = p + 1;
		int c = get_byte(&q);
		if (*q == '*' && (e = strchr(q + 1, ']')) != NULL) {
			unsigned long long n = 0;
			char *end;
			q++;
			if (q == e || (*q == '0' && e == q + 1)) {
				if (!set2)
					bb_error_msg_and_die("the [c*] repeat construct may not "
							     "appear in string1");
				if (st->fill_at == SIZE_MAX) {
					st->fill_at = st->len;
					st->fill_c = c;
				}
				return e + 1;
			}
			errno = 0;
			if (*q >= '0' && *q <= '9')
				n = strtoull(q, &end, *q == '0' ? 8 : 10);
			if (*q < '0' || *q > '9' || end != e || errno)
				bb_error_msg_and_die("invalid repeat count '%.*s' in [c*n] construct",
						     (int)(e - q), q);
			if (n > SET_MAX)
				bb_error_msg_and_die("set too large");
			put(st, c, n);
			return e + 1;
		}
	}
	return NULL;
}

static void parse_set(const char *p, struct set *st, bool set2)
{
	memset(st, 0, sizeof(*st));
	st->fill_at = SIZE_MAX;
	while (*p) {
		int lo;
		const char *q;
		if (*p == '[' && (q = bracket(p, st, set2)) != NULL) {
			p = q;
			continue;
		}
		lo = get_byte(&p);
		if (*p == '-' && p[1]) {
			const char *r = p + 1;
			int hi = get_byte(&r);
			if (hi < lo)
				bb_error_msg_and_die("range-endpoints of '%.*s' are in reverse "
						     "collating sequence order", (int)(r - p + 1), p - 1);
			for (int c = lo; c <= hi; c++)
				put(st, c, 1);
			p = r;
			continue;
		}
		put(st, lo, 1);
	}
}

static void complement(struct set *st)
{
	bool in[256] = { false };
	struct set c;

	for (size_t i = 0; i < st->len; i++)
		in[st->s[i]] = true;
	memset(&c, 0, sizeof(c));
	c.fill_at = SIZE_MAX;
	for (int i = 0; i < 256; i++)
		if (!in[i])
			put(&c, i, 1);
	free(st->s);
	*st = c;
}

static bool has_class_at(const size_t *at, int n, size_t pos)
{
	for (int i = 0; i < n; i++)
		if (at[i] == pos)
			return true;
	return false;
}

static void make_map(struct set *s1, struct set *s2)
{
	for (int i = 0; i < 256; i++)
		G.map[i] = i;
	if (s2->fill_at != SIZE_MAX) {
		size_t n = s1->len > s2->len ? s1->len - s2->len : 0;
		struct set t = *s2;
		t.s = xmalloc(s2->len + n + 1);
		memcpy(t.s, s2->s, s2->fill_at);
		memset(t.s + s2->fill_at, s2->fill_c, n);
		memcpy(t.s + s2->fill_at + n, s2->s + s2->fill_at, s2->len - s2->fill_at);
		t.len = s2->len + n;
		free(s2->s);
		*s2 = t;
	}
	for (int i = 0; !FLAG(c) && !FLAG(C) && i < s2->nupper + s2->nlower; i++) {
		size_t at = i < s2->nupper ? s2->upper_at[i] : s2->lower_at[i - s2->nupper];
		if (!has_class_at(s1->upper_at, s1->nupper, at) &&
		    !has_class_at(s1->lower_at, s1->nlower, at))
			bb_error_msg_and_die("misaligned [:upper:] and/or [:lower:] construct");
	}
	if (FLAG(t) && s1->len > s2->len)
		s1->len = s2->len;
	if (s1->len > s2->len) {
		if (!s2->len)
			bb_error_msg_and_die("when not truncating set1, string2 must be non-empty");
		if (s2->ends_in_class)
			bb_error_msg_and_die("when translating with string1 longer than string2,\n"
					     "the latter string must not end with a character class");
		put(s2, s2->s[s2->len - 1], s1->len - s2->len);
	}
	for (size_t i = 0; i < s1->len; i++)
		G.map[s1->s[i]] = s2->s[i];
}

static NORETURN void operand_error(const char *fmt, const char *arg, const char *why)
{
	char *msg = xasprintf(fmt, arg);

	if (why)
		bb_error_msg("%s\n%s", msg, why);
	else
		bb_error_msg("%s", msg);
	free(msg);
	bb_show_usage();
}

static void check_operands(int n, char **argv)
{
	int need = FLAG(d) ? (FLAG(s) ? 2 : 1) : FLAG(s) ? 1 : 2;
	int max = FLAG(d) && !FLAG(s) ? 1 : 2;

	if (n == 0)
		operand_error("missing operand", NULL, NULL);
	if (n < need)
		operand_error("missing operand after '%s'", argv[n],
			      FLAG(d) ? "Two strings must be given when both deleting and "
					"squeezing repeats."
				      : "Two strings must be given when translating.");
	if (n > max)
		operand_error("extra operand '%s'", argv[max + 1],
			      FLAG(d) && !FLAG(s) ? "Only one string may be given when deleting "
						    "without squeezing repeats."
						  : NULL);
}

int tr_main(int argc, char **argv)
{
	struct set s1, s2 = { 0 };
	int n = argc - 1;
	bool translate, squeeze = FLAG(s);
	unsigned char *buf;
	int last = -1;
	ssize_t r;

	check_operands(n, argv);
	translate = n == 2 && !FLAG(d);
	parse_set(argv[1], &s1, false);
	if (FLAG(c) || FLAG(C))
		complement(&s1);
	if (n == 2)
		parse_set(argv[2], &s2, translate);
	if (translate)
		make_map(&s1, &s2);
	else
		for (int i = 0; i < 256; i++)
			G.map[i] = i;
	if (FLAG(d))
		for (size_t i = 0; i < s1.len; i++)
			G.del[s1.s[i]] = true;
	if (squeeze) {
		struct set *sq = n == 2 ? &s2 : &s1;
		for (size_t i = 0; i < sq->len; i++)
			G.sq[sq->s[i]] = true;
	}
	free(s1.s);
	free(s2.s);
	buf = xmalloc(BUFSZ);
	while ((r = safe_read(STDIN_FILENO, buf, BUFSZ)) > 0) {
		size_t o = 0;
		if (!FLAG(d) && !squeeze) {
			for (ssize_t i = 0; i < r; i++)
				buf[i] = G.map[buf[i]];
			o = r;
		} else {
			for (ssize_t i = 0; i < r; i++) {
				int c = buf[i];
				if (G.del[c])
					continue;
				c = G.map[c];
				if (c == last && G.sq[c])
					continue;
				buf[o++] = last = c;
			}
		}
		xwrite(STDOUT_FILENO, buf, o);
	}
	if (r < 0)
		bb_perror_msg_and_die("read error");
	free(buf);
	return 0;
}
