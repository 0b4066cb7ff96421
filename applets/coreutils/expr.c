/* expr: evaluate an expression. POSIX expr (| & = > >= < <= != + - * / % : and
 * parentheses) with the GNU extensions == match substr index length and + TOKEN, GNU's
 * messages and exit statuses (1 for a null or zero result, 2 for bad expressions).
 * The right side of | and & is parsed but not evaluated when the left decides.
 * Integers have any number of digits, as in GNU. Deviation: length, index and substr
 * count bytes, not characters; operands nested over 2000 deep are an error (GNU runs out
 * of stack). The argv is parsed here: operands look like options.
 */

/*== applet
applet expr /usr/bin errexit=2
config EXPR
	bool "expr"
	default y
	help
	  Evaluate an expression: arithmetic, comparisons, string functions.
usage EXPRESSION
Print the value of EXPRESSION. Operators, loosest binding first:

	A | B	A if it is neither null nor 0, otherwise B
	A & B	A if neither A nor B is null or 0, otherwise 0
	A < B, A <= B, A = B, A != B, A >= B, A > B
		Comparison, numeric if both are integers: 1 or 0
	A + B, A - B	Sum, difference
	A * B, A / B, A % B	Product, quotient, remainder
	STRING : REGEXP	Anchored BRE match: the \(group\), or the length matched
	match STRING REGEXP	STRING : REGEXP
	substr STRING POS LEN	LEN characters of STRING from POS (the first is 1)
	index STRING CHARS	Position of the first of CHARS in STRING, or 0
	length STRING	Length of STRING
	+ TOKEN	TOKEN as a string, even a keyword or operator
	( EXPRESSION )	Grouping
Exit status: 0, 1 if the result is null or 0, 2 for a bad expression or an error.
==*/

#include "libbb.h"
#include "flags/expr.h"
#include <regex.h>

struct chunk {
	struct chunk *next;
	char s[];
};

GLOBALS(
	char **args;
	int pos;
	int depth;	/* of nested operands, bounded so that no argv can exhaust the stack */
	struct chunk *mem;	/* every string made, freed at the end */
);

static char *new_string(size_t len)
{
	struct chunk *c = xmalloc(sizeof(*c) + len + 1);

	c->next = G.mem;
	G.mem = c;
	return c->s;
}

static char *number(long long n)
{
	char *s = new_string(3 * sizeof(n));

	sprintf(s, "%lld", n);
	return s;
}

static NORETURN void syntax(const char *fmt, const char *arg)
{
	char *msg = xasprintf("syntax error: %s", fmt), *q = xmalloc_c_escaped(arg);

	bb_error_msg(msg, q);
	free(q);
	free(msg);
	xfunc_die();
}

static bool is_integer(const char *s)
{
	s += *s == '-';
	return *s && s[strspn(s, "0123456789")] == '\0';
}

static bool is_null(const char *s)
{
	s += *s == '-' && s[1];
	return !*s || s[strspn(s, "0")] == '\0';
}

/* Compare two integers written in decimal, of any length. */
static int int_compare(const char *a, const char *b)
{
	bool na = *a == '-', nb = *b == '-';
	size_t la, lb;
	int c;

	a += na;
	b += nb;
	a += strspn(a, "0");
	b += strspn(b, "0");
	if (!*a && !*b)
		return 0;
	if (na != nb)
		return na ? -1 : 1;
	la = strlen(a);
	lb = strlen(b);
	c = la != lb ? (la < lb ? -1 : 1) : strcmp(a, b);
	return na ? -c : c;
}

static const char *next_token(void)
{
	return G.args[G.pos];
}

static bool take(const char *op)
{
	const char *t = next_token();

	if (t && !strcmp(t, op)) {
		G.pos++;
		return true;
	}
	return false;
}

static char *copy_of(const char *s, size_t n)
{
	char *r = new_string(n);

	memcpy(r, s, n);
	r[n] = '\0';
	return r;
}

static const char *match(const char *s, const char *pattern, bool eval)
{
	regex_t re;
	regmatch_t m[2];
	const char *r;
	int err;

	if (!eval)
		return "0";
	err = regcomp(&re, pattern, 0);
	if (err) {
		char buf[128];
		regerror(err, &re, buf, sizeof(buf));
		bb_error_msg_and_die("%s", buf);
	}
	if (!regexec(&re, s, 2, m, 0) && m[0].rm_so == 0) {
		if (re.re_nsub == 0)
			r = number(m[0].rm_eo);
		else if (m[1].rm_so >= 0)
			r = copy_of(s + m[1].rm_so, m[1].rm_eo - m[1].rm_so);
		else
			r = "";
	} else {
		r = re.re_nsub ? "" : "0";
	}
	regfree(&re);
	return r;
}

/* A positive integer operand of substr, or 0 for anything else. */
static unsigned long long position(const char *s)
{
	unsigned long long n;

	if (!is_integer(s) || *s == '-')
		return 0;
	return bb_strtoull(s, 10, NULL, 0, ULLONG_MAX, &n) ? ULLONG_MAX : n;
}

static const char *substr(const char *s, const char *p, const char *l)
{
	size_t len = strlen(s);
	unsigned long long pos = position(p), n = position(l);

	if (pos == 0 || pos > len || n == 0)
		return "";
	if (n > len - (pos - 1))
		n = len - (pos - 1);
	return copy_of(s + pos - 1, n);
}

static const char *parse_or(bool eval);

enum { MAX_DEPTH = 2000 };

static const char *operand(bool eval);

static const char *primary(bool eval)
{
	const char *r;

	if (++G.depth > MAX_DEPTH)
		bb_error_msg_and_die("expression nested too deeply");
	r = operand(eval);
	G.depth--;
	return r;
}

static const char *operand(bool eval)
{
	const char *t = next_token(), *a, *b, *c;

	if (!t)
		syntax("missing argument after '%s'", G.args[G.pos - 1]);
	G.pos++;
	if (!strcmp(t, "(")) {
		a = parse_or(eval);
		if (!next_token())
			syntax("expecting ')' after '%s'", G.args[G.pos - 1]);
		if (!take(")"))
			syntax("expecting ')' instead of '%s'", next_token());
		return a;
	}
	if (!strcmp(t, ")"))
		syntax("unexpected ')'%s", "");
	if (!strcmp(t, "+")) {
		if (!next_token())
			syntax("missing argument after '%s'", t);
		return G.args[G.pos++];
	}
	if (!strcmp(t, "length")) {
		a = primary(eval);
		return number(strlen(a));
	}
	if (!strcmp(t, "match")) {
		a = primary(eval);
		return match(a, primary(eval), eval);
	}
	if (!strcmp(t, "index")) {
		a = primary(eval);
		b = primary(eval);
		return number(a[strcspn(a, b)] ? strcspn(a, b) + 1 : 0);
	}
	if (!strcmp(t, "substr")) {
		a = primary(eval);
		b = primary(eval);
		c = primary(eval);
		return substr(a, b, c);
	}
	return t;
}

static const char *parse_colon(bool eval)
{
	const char *l = primary(eval);

	while (take(":"))
		l = match(l, primary(eval), eval);
	return l;
}

/* Integers of any size: a sign and decimal digits without leading zeros. */
struct big {
	bool neg;
	const char *d;
	size_t n;	/* 0 for zero */
};

static struct big to_big(const char *s)
{
	struct big b;

	if (!is_integer(s))
		bb_error_msg_and_die("non-integer argument");
	b.neg = *s == '-';
	s += b.neg;
	s += strspn(s, "0");
	b.d = s;
	b.n = strlen(s);
	b.neg &= b.n > 0;
	return b;
}

static int mag_compare(const char *a, size_t na, const char *b, size_t nb)
{
	if (na != nb)
		return na < nb ? -1 : 1;
	return memcmp(a, b, na);
}

/* The digits r[0..n), leading zeros dropped, with a sign, as a new string. */
static const char *big_string(bool neg, const char *r, size_t n)
{
	char *out;

	while (n && *r == '0')
		r++, n--;
	if (!n)
		return "0";
	out = new_string(n + 1);
	out[0] = '-';
	memcpy(out + neg, r, n);
	out[n + neg] = '\0';
	return out;
}

/* |a| + |b| or |a| - |b| (|a| >= |b|) into the digits r[0..n), n = a.n + 1 */
static void mag_add_sub(struct big a, struct big b, bool sub, char *r, size_t n)
{
	int carry = 0;

	for (size_t i = 0; i < n; i++) {
		int d = (i < a.n ? a.d[a.n - 1 - i] - '0' : 0);
		int e = (i < b.n ? b.d[b.n - 1 - i] - '0' : 0);
		d = sub ? d - e - carry : d + e + carry;
		carry = sub ? d < 0 : d > 9;
		r[n - 1 - i] = '0' + (d + 10) % 10;
	}
}

static const char *big_add(struct big a, struct big b)
{
	char *r;
	bool sub = a.neg != b.neg;

	if (mag_compare(a.d, a.n, b.d, b.n) < 0) {
		struct big t = a;
		a = b;
		b = t;
	}
	r = xmalloc(a.n + 1);
	mag_add_sub(a, b, sub, r, a.n + 1);
	a.d = big_string(a.neg, r, a.n + 1);
	free(r);
	return a.d;
}

static const char *big_mul(struct big a, struct big b)
{
	size_t n = a.n + b.n;
	unsigned long long *acc = xzalloc((n + 1) * sizeof(*acc));
	char *r = xmalloc(n + 1);
	const char *out;

	for (size_t i = 0; i < a.n; i++)
		for (size_t j = 0; j < b.n; j++)
			acc[i + j + 1] += (a.d[i] - '0') * (b.d[j] - '0');
	for (size_t k = n - 1; k > 0; k--) {
		acc[k - 1] += acc[k] / 10;
		acc[k] %= 10;
	}
	for (size_t k = 0; k < n; k++)
		r[k] = '0' + acc[k];
	out = big_string(a.neg != b.neg, r, n);
	free(acc);
	free(r);
	return out;
}

/* Quotient (rounded toward zero) or remainder (with the sign of a), b not zero. */
static const char *big_div(struct big a, struct big b, bool want_rem)
{
	char *q = xmalloc(a.n + 1), *rem = xmalloc(b.n + 2);
	size_t nr = 0;
	const char *out;

	for (size_t i = 0; i < a.n; i++) {
		int digit = 0;
		if (nr || a.d[i] != '0')
			rem[nr++] = a.d[i];
		while (mag_compare(rem, nr, b.d, b.n) >= 0) {
			struct big x = { false, rem, nr };
			mag_add_sub(x, b, true, rem, nr);
			while (nr && rem[0] == '0')
				memmove(rem, rem + 1, --nr);
			digit++;
		}
		q[i] = '0' + digit;
	}
	out = want_rem ? big_string(a.neg, rem, nr) : big_string(a.neg != b.neg, q, a.n);
	free(q);
	free(rem);
	return out;
}

static const char *arith(const char *a, char op, const char *b, bool eval)
{
	struct big x, y;

	if (!eval)
		return "0";
	x = to_big(a);
	y = to_big(b);
	switch (op) {
	case '+':
		return big_add(x, y);
	case '-':
		y.neg = !y.neg && y.n;
		return big_add(x, y);
	case '*':
		return big_mul(x, y);
	}
	if (!y.n)
		bb_error_msg_and_die("division by zero");
	return big_div(x, y, op == '%');
}

static bool is_one_of(const char *t, const char *ops)
{
	return t && t[0] && !t[1] && strchr(ops, t[0]);
}

static const char *parse_mul(bool eval)
{
	const char *l = parse_colon(eval);
	const char *t;

	while (is_one_of(t = next_token(), "*/%")) {
		G.pos++;
		l = arith(l, *t, parse_colon(eval), eval);
	}
	return l;
}

static const char *parse_add(bool eval)
{
	const char *l = parse_mul(eval);
	const char *t;

	while (is_one_of(t = next_token(), "+-")) {
		G.pos++;
		l = arith(l, *t, parse_mul(eval), eval);
	}
	return l;
}

/* Index of t in the comparison operators, or -1. */
static int comparison(const char *t)
{
	static const char ops[][3] = { "<", "<=", "=", "==", "!=", ">=", ">" };

	for (int i = 0; t && i < (int)ARRAY_SIZE(ops); i++)
		if (!strcmp(t, ops[i]))
			return i;
	return -1;
}

static const char *parse_cmp(bool eval)
{
	const char *l = parse_add(eval), *r;
	int op, c;

	while ((op = comparison(next_token())) >= 0) {
		G.pos++;
		r = parse_add(eval);
		if (!eval)
			continue;
		c = is_integer(l) && is_integer(r) ? int_compare(l, r) : strcoll(l, r);
		switch (op) {
		case 0: c = c < 0; break;
		case 1: c = c <= 0; break;
		case 2: case 3: c = c == 0; break;
		case 4: c = c != 0; break;
		case 5: c = c >= 0; break;
		default: c = c > 0; break;
		}
		l = c ? "1" : "0";
	}
	return l;
}

static const char *parse_and(bool eval)
{
	const char *l = parse_cmp(eval), *r;

	while (take("&")) {
		r = parse_cmp(eval && !is_null(l));
		if (is_null(l) || is_null(r))
			l = "0";
	}
	return l;
}

static const char *parse_or(bool eval)
{
	const char *l = parse_and(eval), *r;

	while (take("|")) {
		r = parse_and(eval && is_null(l));
		if (is_null(l))
			l = is_null(r) ? "0" : r;
	}
	return l;
}

int expr_main(int argc, char **argv)
{
	const char *r;
	int status;

	if (argc == 2 && !strcmp(argv[1], "--help")) {
		show_usage_of(current_applet, stdout);
		return 0;
	}
	G.args = argv;
	G.pos = 1 + (argv[1] && !strcmp(argv[1], "--"));
	if (!next_token()) {
		bb_error_msg("missing operand");
		bb_show_usage();
	}
	r = parse_or(true);
	if (next_token())
		syntax("unexpected argument '%s'", next_token());
	status = is_null(r);
	puts(r);
	while (G.mem) {
		struct chunk *c = G.mem;
		G.mem = c->next;
		free(c);
	}
	return status;
}
