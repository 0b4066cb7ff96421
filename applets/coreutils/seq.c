/* seq: print a sequence of numbers. GNU coreutils seq: -f -s -w, decimal, hex and
 * exponent forms, GNU's rules for the default precision and width. Nonnegative integer
 * operands are counted exactly in decimal strings of any length (fast, no rounding);
 * anything else is computed in long double as FIRST + i * INCREMENT.
 * Options are parsed here because negative numbers are operands (seq -1 1).
 * Deviations: huge integers are exact with any INCREMENT (GNU 9.1 rounds them in long
 * double when INCREMENT is over 200) and FIRST > LAST prints nothing (GNU 9.1 prints
 * FIRST when the two differ in length); a sequence stops when adding INCREMENT no
 * longer changes the number.
 */

/*== applet
applet seq /usr/bin
config SEQ
	bool "seq"
	default y
	help
	  Print a sequence of numbers.
usage [-w] [-f FORMAT] [-s SEP] [FIRST [INCREMENT]] LAST
Print numbers from FIRST (default 1) to LAST, counting by INCREMENT (default 1).

	-f, --format=FORMAT	printf floating point FORMAT for each number (%e %f %g %a)
	-s, --separator=SEP	Put SEP between numbers (default newline)
	-w, --equal-width	Pad with leading zeros to the same width
==*/

#include "libbb.h"
#include "flags/seq.h"
#include <math.h>

struct num {
	long double v;
	int prec;	/* digits after the point as written; -1 when not decimal */
	int intw;	/* width of the part before the point, exponent applied */
};

GLOBALS(
	const char *fmt;	/* -f, or NULL */
	const char *sep;
	bool width;		/* -w */
	char *buf;		/* the number being formatted */
	size_t cap;
	char *obuf;		/* output of the integer loop */
	size_t olen;
);

enum { OBUF = 32 * 1024 };

static void out(const char *s, size_t n)
{
	if (G.olen + n > OBUF) {
		fwrite(G.obuf, 1, G.olen, stdout);
		G.olen = 0;
		if (n > OBUF) {
			fwrite(s, 1, n, stdout);
			return;
		}
	}
	memcpy(G.obuf + G.olen, s, n);
	G.olen += n;
}

static NORETURN void bad_usage(const char *fmt, const char *arg)
{
	bb_error_msg(fmt, arg);
	bb_show_usage();
}

/* The operand's value, and its precision and width the way GNU sees them. */
static void scan_num(const char *s, struct num *n)
{
	char *end;
	const char *p = s, *dot, *e;
	int frac;
	long x = 0;

	errno = 0;
	n->v = strtold(s, &end);
	if (end == s || *end)
		bad_usage("invalid floating point argument: '%s'", s);
	if (isnan(n->v))
		bad_usage("invalid 'not-a-number' argument: '%s'", s);
	n->prec = -1;
	n->intw = 0;
	if (strpbrk(s, "xX") || !isfinite(n->v))
		return;
	while (isspace(*p) || *p == '+')
		p++;
	dot = strchr(p, '.');
	e = strpbrk(p, "eE");
	if (!e)
		e = p + strlen(p);
	else
		x = strtol(e + 1, NULL, 10);
	if (!dot || dot > e)
		dot = e;
	frac = dot < e ? e - dot - 1 : 0;
	n->intw = dot - p;
	if (n->intw == 0 || !isdigit(dot[-1]))
		n->intw++;	/* .5 is printed 0.5 */
	if (x > 0) {
		n->intw += x;
		frac = frac > x ? frac - x : 0;
	} else if (x < 0) {
		frac += x < -INT_MAX / 2 ? INT_MAX / 2 : -x;
	}
	n->prec = frac;
}

static int field_width(const struct num *n, int prec)
{
	return n->intw + (prec ? prec + 1 : 0);
}

/* Check a -f format: one floating point conversion; return it with an L added. */
static char *long_double_format(const char *f)
{
	const char *p = f, *conv = NULL;
	char *out;

	for (; (p = strchr(p, '%')); p++) {
		if (p[1] == '%') {
			p++;
			continue;
		}
		if (conv)
			bb_error_msg_and_die("format '%s' has too many %% directives", f);
		p += 1 + strspn(p + 1, "-+ #0'");
		p += strspn(p, "0123456789");
		if (*p == '.')
			p += 1 + strspn(p + 1, "0123456789");
		if (*p == 'L')
			p++;
		if (!*p)
			bb_error_msg_and_die("format '%s' ends in %%", f);
		if (!strchr("aAeEfFgG", *p))
			bb_error_msg_and_die("format '%s' has unknown %%%c directive", f, *p);
		conv = p;
	}
	if (!conv)
		bb_error_msg_and_die("format '%s' has no %% directive", f);
	if (conv[-1] == 'L')
		return xstrdup(f);
	out = xasprintf("%.*sL%s", (int)(conv - f), f, conv);
	return out;
}

static const char *format(const char *fmt, long double v)
{
	int n;

	while ((n = snprintf(G.buf, G.cap, fmt, v)) >= 0 && (size_t)n >= G.cap) {
		G.cap = n + 1;
		G.buf = xrealloc(G.buf, G.cap);
	}
	return G.buf;
}

/* Rounding may leave LAST just out of reach: x, the first number past it, is printed
 * if it prints as LAST would and differently from the number before it. */
static bool prints_as_last(const char *fmt, long double x, long double prev, long double last)
{
	char *s = xstrdup(format(fmt, x)), *end;
	long double v = strtold(s, &end);
	bool same = end != s && !*end && v == last && strcmp(s, format(fmt, prev));

	free(s);
	return same;
}

static void float_seq(const struct num *first, const struct num *step, const struct num *last)
{
	char *fmt;
	unsigned long long i;

	if (G.fmt) {
		fmt = long_double_format(G.fmt);
	} else {
		int prec = first->prec > step->prec ? first->prec : step->prec;
		if (first->prec < 0 || step->prec < 0 || (G.width && last->prec < 0)) {
			fmt = xstrdup("%Lg");
		} else {
			int w1 = field_width(first, prec), w2 = field_width(last, prec);
			fmt = xasprintf("%%0%d.%dLf", G.width ? (w1 > w2 ? w1 : w2) : 0, prec);
		}
	}
	for (i = 0;; i++) {
		long double x = i ? first->v + i * step->v : first->v;
		bool stop = x == last->v || x + step->v == x;	/* no progress: stop */
		if (step->v > 0 ? x > last->v : x < last->v) {
			if (i == 0 || !prints_as_last(fmt, x, first->v + (i - 1) * step->v, last->v))
				break;
			stop = true;
		}
		if (i)
			fputs(G.sep, stdout);
		fputs(format(fmt, x), stdout);
		if (stop) {
			i++;
			break;
		}
	}
	if (i)
		putchar('\n');
	free(fmt);
}

static bool all_digits(const char *s)
{
	return *s && s[strspn(s, "0123456789")] == '\0';
}

static const char *skip_zeros(const char *s)
{
	while (s[0] == '0' && s[1])
		s++;
	return s;
}

/* a <= b for digit strings without leading zeros */
static bool less_equal(const char *a, size_t alen, const char *b, size_t blen)
{
	return alen != blen ? alen < blen : memcmp(a, b, alen) <= 0;
}

/* FIRST, INCREMENT, LAST nonnegative integers: add in decimal, right-aligned in buf. */
static void string_seq(const char *first, const char *step, const char *last)
{
	size_t slen, llen, cap, len, pad = 0, seplen = strlen(G.sep);
	char *buf, *num;
	bool any = false;

	if (G.width) {
		size_t a = strlen(first), b = strlen(last);
		pad = a > b ? a : b;
	}
	first = skip_zeros(first);
	step = skip_zeros(step);
	last = skip_zeros(last);
	slen = strlen(step);
	llen = strlen(last);
	len = strlen(first);
	cap = (llen > len ? llen : len);
	cap = (cap > slen ? cap : slen) + 2 + pad;	/* room for one carry past the longest */
	buf = xmalloc(cap);
	G.obuf = xmalloc(OBUF);
	num = buf + cap - len;
	memcpy(num, first, len);
	while (less_equal(num, len, last, llen)) {
		size_t i, carry = 0;
		char *p;

		if (any)
			out(G.sep, seplen);
		for (i = len; i < pad; i++)
			out("0", 1);
		out(num, len);
		any = true;
		for (i = 0, p = buf + cap; i < slen || carry; i++) {
			int d = carry + (i < slen ? step[slen - 1 - i] - '0' : 0);
			--p;
			if (i < len)
				d += *p - '0';
			carry = d > 9;
			*p = '0' + d % 10;
		}
		if (i > len) {
			len = i;
			num = buf + cap - len;
			if (len > llen)
				break;
		}
	}
	if (any)
		out("\n", 1);
	fwrite(G.obuf, 1, G.olen, stdout);
	free(G.obuf);
	free(buf);
}

/* A nonnegative whole number written with a point or an exponent (1.5e1, 1e25) as
 * plain digits, so that it is counted exactly; NULL for anything else. */
static char *digits_of(const char *s, const struct num *n)
{
	const char *p = s + strspn(s, " "), *dot, *e;
	size_t ilen, flen;
	long x;
	char *r;

	if (n->prec != 0 || n->v < 0 || n->v > 1e300L)
		return NULL;
	p += *p == '+';
	ilen = strspn(p, "0123456789");
	dot = p + ilen;
	flen = *dot == '.' ? strspn(dot + 1, "0123456789") : 0;
	e = dot + (*dot == '.') + flen;
	x = *e == 'e' || *e == 'E' ? strtol(e + 1, NULL, 10) : 0;
	if (ilen + flen == 0 || x < (long)flen || x > 300)
		return NULL;
	r = xmalloc(ilen + x + 1);
	memcpy(r, p, ilen);
	memcpy(r + ilen, dot + 1, flen);
	memset(r + ilen + flen, '0', x - flen);
	r[ilen + x] = '\0';
	return r;
}

/* Returns the index of the first operand. */
static int parse_args(char **argv)
{
	int i;

	G.sep = "\n";
	for (i = 1; argv[i] && argv[i][0] == '-' && argv[i][1]; i++) {
		char *a = argv[i], *val;
		if (!strcmp(a, "--")) {
			i++;
			break;
		}
		if (isdigit(a[1]) || a[1] == '.')
			break;	/* a negative number */
		if (a[1] == '-') {
			static const char *const longs[] = { "format", "separator", "equal-width", "help" };
			size_t n = strcspn(a + 2, "=");
			int k, found = -1, matches = 0;
			for (k = 0; k < 4; k++) {
				if (n && !strncmp(a + 2, longs[k], n)) {
					matches++;
					found = k;
					if (!longs[k][n]) {
						matches = 1;
						break;
					}
				}
			}
			if (matches > 1)
				bad_usage("option '%s' is ambiguous", a);
			if (found < 0)
				bad_usage("unrecognized option '%s'", a);
			val = a[2 + n] ? a + 3 + n : NULL;
			if (found >= 2 && val) {
				bb_error_msg("option '--%s' doesn't allow an argument", longs[found]);
				bb_show_usage();
			}
			if (found == 3) {
				show_usage_of(current_applet, stdout);
				fflush_stdout_and_exit(0);
			}
			if (found == 2) {
				G.width = true;
				continue;
			}
			if (!val && !(val = argv[++i]))
				bad_usage("option '%s' requires an argument", a);
			*(found ? &G.sep : &G.fmt) = val;
			continue;
		}
		for (a++; *a; a++) {
			if (*a == 'w') {
				G.width = true;
				continue;
			}
			if (*a != 'f' && *a != 's') {
				bb_error_msg("invalid option -- '%c'", *a);
				bb_show_usage();
			}
			val = a[1] ? a + 1 : argv[++i];
			if (!val) {
				bb_error_msg("option requires an argument -- '%c'", *a);
				bb_show_usage();
			}
			*(*a == 'f' ? &G.fmt : &G.sep) = val;
			break;
		}
	}
	return i;
}

int seq_main(int argc, char **argv)
{
	struct num n[3] = { { 1, 0, 1 }, { 1, 0, 1 }, { 0, 0, 0 } };
	const char *s[3] = { "1", "1", NULL };
	char *d[3] = { NULL, NULL, NULL };
	int i = parse_args(argv), ops = argc - i;

	if (ops < 1)
		bad_usage("missing operand%s", "");
	if (ops > 3)
		bad_usage("extra operand '%s'", argv[i + 3]);
	if (G.fmt && G.width)
		bad_usage("format string may not be specified when printing equal width strings%s", "");
	s[2] = argv[argc - 1];
	if (ops > 1)
		s[0] = argv[i];
	if (ops > 2)
		s[1] = argv[i + 1];
	for (int k = 0; k < 3; k++)
		if (k == 2 || ops > (k ? 2 : 1))
			scan_num(s[k], &n[k]);
	if (n[1].v == 0)
		bad_usage("invalid Zero increment value: '%s'", s[1]);
	if (!G.fmt && all_digits(s[0]) && all_digits(s[1]) && all_digits(s[2])) {
		string_seq(s[0], s[1], s[2]);
	} else if (!G.fmt && !G.width && (d[0] = digits_of(s[0], &n[0]))
		   && (d[1] = digits_of(s[1], &n[1])) && (d[2] = digits_of(s[2], &n[2]))) {
		string_seq(d[0], d[1], d[2]);
	} else {
		float_seq(&n[0], &n[1], &n[2]);
	}
	for (int k = 0; k < 3; k++)
		free(d[k]);
	free(G.buf);
	return 0;
}
