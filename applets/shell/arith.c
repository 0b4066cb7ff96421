/*== part of ash ==*/
/* arith.c: shell arithmetic (POSIX XCU 2.6.4): signed 64-bit integers with every C
 * operator but the ones on pointers, assignment operators, ** (bash), constants in
 * decimal, 0x hex, 0 octal and base#digits. Overflow wraps around instead of being
 * undefined; division by zero is an error. */
#include "sh.h"

struct arith {
	const char *expr;	/* whole expression, for messages */
	const char *p;
	int noeval;		/* >0 in the branch of && || ?: that is not taken */
};
struct val {
	long long v;
	const char *name;	/* the variable this value came from (an lvalue) */
	size_t nlen;
};

/* Back to the (( )) or let that catches errors (arith_try): nothing is allocated while an
 * expression is parsed, so nothing leaks. */
NORETURN static void arith_fail(void)
{
	longjmp(*sh_G.arith_catch, 1);
}

NORETURN static void arith_error(struct arith *a, const char *msg)
{
	if (!sh_G.arith_catch)
		sh_fatal(sh_G.interactive ? 1 : 2, "arithmetic expression: %s: \"%s\"", msg, a->expr);
	sh_error("%s: arithmetic expression: %s: \"%s\"", sh_G.arith_who, msg, a->expr);
	arith_fail();
}

static void skip_blanks(struct arith *a)
{
	while (*a->p == ' ' || *a->p == '\t' || *a->p == '\n')
		a->p++;
}

/* Punctuation: ( ) ? : , ** (the binary operators are read by binop_at). */
static bool take(struct arith *a, const char *op)
{
	size_t n = strlen(op);
	skip_blanks(a);
	if (strncmp(a->p, op, n))
		return false;
	a->p += n;
	return true;
}

static long long parse_number(struct arith *a, const char *s, size_t n, bool *ok)
{
	unsigned long long v = 0;
	int base = 10;
	size_t i = 0;
	const char *hash = memchr(s, '#', n);

	*ok = true;
	if (hash) {
		base = 0;
		for (const char *q = s; q < hash; q++) {
			if (!isdigit(*q) || base > 64) {
				*ok = false;
				return 0;
			}
			base = base * 10 + (*q - '0');
		}
		if (base < 2 || base > 64) {
			*ok = false;
			return 0;
		}
		i = hash - s + 1;
		if (i == n)
			*ok = false;
	} else if (n > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		i = 2;
		if (n == 2)
			*ok = false;
	} else if (s[0] == '0') {
		base = 8;
	}
	for (; i < n; i++) {
		int c = s[i], d;
		if (isdigit(c))
			d = c - '0';
		else if (c >= 'a' && c <= 'z')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'Z')
			d = base <= 36 ? c - 'A' + 10 : c - 'A' + 36;
		else if (c == '@')
			d = 62;
		else if (c == '_')
			d = 63;
		else
			d = 99;
		if (d >= base) {
			*ok = false;
			return 0;
		}
		v = v * base + d;
	}
	(void)a;
	return (long long)v;
}

/* Most values are plain decimal numbers: no need to parse them as expressions. */
static bool decimal_value(const char *v, long long *r)
{
	const char *d = v + (*v == '-');
	unsigned long long u = 0;

	if (*d == '0' ? d[1] != 0 : !*d)
		return false;
	for (; *d; d++) {
		if (!isdigit(*d))
			return false;
		u = u * 10 + (*d - '0');
	}
	*r = *v == '-' ? (long long)(0ULL - u) : (long long)u;
	return true;
}

static long long var_number(struct arith *a, const char *name, size_t n)
{
	char *nm = xstrndup(name, n);
	const char *v = var_get_ref(nm);
	long long r;

	free(nm);
	if (!v && SHOPT(OPT_u))
		sh_fatal(2, "%.*s: unbound variable", (int)n, name);
	if (!v || !*v)
		return 0;
	if (decimal_value(v, &r))
		return r;
	/* a variable's value is an expression itself (x=y, y=3) */
	if (++sh_G.arith_depth > 100) {
		sh_G.arith_depth = 0;
		arith_error(a, "expression recursion level exceeded");
	}
	/* evaluate a copy: the expression may assign the variable (x='x=5') */
	size_t len = strlen(v);
	char small[128], *copy = len < sizeof(small) ? small : xstrdup(v);
	memcpy(copy, v, len + 1);
	r = arith_eval(copy);
	if (copy != small)
		free(copy);
	sh_G.arith_depth--;
	return r;
}

static void assign(struct arith *a, struct val *lv, long long v)
{
	char buf[24], *nm;
	if (!lv->name)
		arith_error(a, "assignment requires a variable");
	if (a->noeval)
		return;
	nm = xstrndup(lv->name, lv->nlen);
	if (var_set_ref(nm, fmt_num(buf, v)) < 0) {
		free(nm);
		if (sh_G.arith_catch)
			arith_fail();
		sh_exit(2);
	}
	free(nm);
}

static struct val parse_assign(struct arith *a);

static struct val parse_primary(struct arith *a)
{
	struct val r = { 0 };
	const char *s;

	skip_blanks(a);
	s = a->p;
	if (*s == '(') {
		a->p++;
		r = parse_assign(a);
		r.name = NULL;
		if (!take(a, ")"))
			arith_error(a, "missing ')'");
		return r;
	}
	if (isdigit(*s)) {
		bool ok;
		while (isalnum(*a->p) || *a->p == '#' || *a->p == '@' || *a->p == '_')
			a->p++;
		r.v = parse_number(a, s, a->p - s, &ok);
		if (!ok)
			arith_error(a, "invalid number");
		return r;
	}
	if (isalpha(*s) || *s == '_') {
		while (isalnum(*a->p) || *a->p == '_')
			a->p++;
		if (ENABLE_FEATURE_SH_ARRAYS && *a->p == '[') {
			/* an array element a[expr]: the subscript is evaluated when used */
			int depth = 0;
			do
				depth += (*a->p == '[') - (*a->p == ']');
			while (*++a->p && depth);
			if (depth)
				arith_error(a, "missing ']'");
		}
		r.name = s;
		r.nlen = a->p - s;
		skip_blanks(a);
		/* the old value of a plain x=... is not needed: not reading it lets
		 * x='x=5' work (only a real self-reference recurses) */
		if (!a->noeval && !(a->p[0] == '=' && a->p[1] != '='))
			r.v = var_number(a, s, r.nlen);
		if ((a->p[0] == '+' && a->p[1] == '+') || (a->p[0] == '-' && a->p[1] == '-')) {
			long long nv = a->p[0] == '+' ? (long long)((unsigned long long)r.v + 1)
						      : (long long)((unsigned long long)r.v - 1);
			a->p += 2;
			assign(a, &r, nv);
			r.name = NULL;
		}
		return r;
	}
	arith_error(a, *s ? "syntax error" : "missing operand");
}

/* Whether a name starts at p after blanks: ++x increments, ++1 is + +1 (bash). */
static bool names_follow(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n')
		p++;
	return isalpha(*p) || *p == '_';
}

static struct val parse_unary(struct arith *a)
{
	struct val r;

	skip_blanks(a);
	if (((a->p[0] == '+' && a->p[1] == '+') || (a->p[0] == '-' && a->p[1] == '-')) &&
	    names_follow(a->p + 2)) {
		bool inc = a->p[0] == '+';
		a->p += 2;
		r = parse_unary(a);
		if (!r.name)
			arith_error(a, "assignment requires a variable");
		r.v = inc ? (long long)((unsigned long long)r.v + 1)
			  : (long long)((unsigned long long)r.v - 1);
		assign(a, &r, r.v);
		r.name = NULL;
		return r;
	}
	if (*a->p == '-' || *a->p == '+' || *a->p == '!' || *a->p == '~') {
		char op = *a->p++;
		r = parse_unary(a);
		r.name = NULL;
		if (op == '-')
			r.v = (long long)(0ULL - (unsigned long long)r.v);
		else if (op == '!')
			r.v = !r.v;
		else if (op == '~')
			r.v = ~r.v;
		return r;
	}
	return parse_primary(a);
}

static long long ipow(long long b, long long e)
{
	unsigned long long r = 1, ub = (unsigned long long)b;
	while (e > 0) {
		if (e & 1)
			r *= ub;
		ub *= ub;
		e >>= 1;
	}
	return (long long)r;
}

static struct val parse_power(struct arith *a)
{
	struct val l = parse_unary(a);
	if (take(a, "**")) {
		struct val r = parse_power(a);
		if (r.v < 0 && !a->noeval)
			arith_error(a, "exponent less than 0");
		l.v = ipow(l.v, r.v);
		l.name = NULL;
	}
	return l;
}

static long long binop(struct arith *a, const char *op, long long l, long long r)
{
	unsigned long long ul = l, ur = r;
	switch (op[0]) {
	case '*': return op[1] == '*' ? ipow(l, r) : (long long)(ul * ur);
	case '/':
	case '%':
		if (r == 0) {
			if (a->noeval)
				return 0;
			arith_error(a, "division by zero");
		}
		if (r == -1)
			return op[0] == '/' ? (long long)(0ULL - ul) : 0;
		return op[0] == '/' ? l / r : l % r;
	case '+': return (long long)(ul + ur);
	case '-': return (long long)(ul - ur);
	case '<': return op[1] == '<' ? (long long)(ul << (r & 63)) : op[1] == '=' ? l <= r : l < r;
	case '>': return op[1] == '>' ? l >> (r & 63) : op[1] == '=' ? l >= r : l > r;
	case '&': return l & r;
	case '^': return l ^ r;
	case '|': return l | r;
	case '=': return l == r;
	case '!': return l != r;
	}
	return 0;
}

/* The binary operator at p (not an assignment operator, not **): its precedence,
 * 1 (||) to 10 (* / %), or 0; *len gets its length. */
static int binop_at(const char *p, int *len)
{
	int c = p[0], d = c ? p[1] : 0;

	*len = 1;
	switch (c) {
	case '|':
	case '&':
		if (d == c) {
			*len = 2;
			return c == '|' ? 1 : 2;
		}
		return d == '=' ? 0 : c == '|' ? 3 : 5;
	case '^': return d == '=' ? 0 : 4;
	case '=':
	case '!':
		*len = 2;
		return d == '=' ? 6 : 0;
	case '<':
	case '>':
		if (d == c) {
			*len = 2;
			return p[2] == '=' ? 0 : 8;
		}
		*len = 1 + (d == '=');
		return 7;
	case '+':
	case '-': return d == '=' ? 0 : 9;	/* 0++1 is 0 + +1: a++ is taken already */
	case '*':
	case '/':
	case '%': return d == '=' || d == '*' ? 0 : 10;
	}
	return 0;
}

/* Precedence climbing over the operators of binop_at of precedence min and above;
 * && and || evaluate their right side only when it decides. */
static struct val parse_binary(struct arith *a, int min)
{
	struct val l = parse_power(a);

	for (;;) {
		int len, prec;
		skip_blanks(a);
		prec = binop_at(a->p, &len);
		if (!prec || prec < min)
			return l;
		char op[3] = { a->p[0], len == 2 ? a->p[1] : 0, 0 };
		a->p += len;
		bool skip = prec == 1 ? l.v != 0 : prec == 2 ? !l.v : false;
		a->noeval += skip;
		struct val r = parse_binary(a, prec + 1);
		a->noeval -= skip;
		if (prec <= 2)
			l.v = prec == 1 ? l.v || r.v : l.v && r.v;
		else
			l.v = binop(a, op, l.v, r.v);
		l.name = NULL;
	}
}

static struct val parse_cond(struct arith *a)
{
	struct val c = parse_binary(a, 1);
	if (take(a, "?")) {
		bool t = c.v != 0;
		a->noeval += !t;
		struct val x = parse_assign(a);
		a->noeval -= !t;
		if (!take(a, ":"))
			arith_error(a, "expecting ':'");
		a->noeval += t;
		struct val y = parse_cond(a);
		a->noeval -= t;
		c.v = t ? x.v : y.v;
		c.name = NULL;
	}
	return c;
}

/* The length of the assignment operator at p (= *= ... <<= >>=), or 0. */
static int assign_op_len(const char *p)
{
	if (p[0] == '=')
		return p[1] != '=';
	if ((p[0] == '<' || p[0] == '>') && p[1] == p[0])
		return p[2] == '=' ? 3 : 0;
	return p[0] && strchr("*/%+-&^|", p[0]) && p[1] == '=' ? 2 : 0;
}

static struct val parse_assign(struct arith *a)
{
	struct val l = parse_cond(a);
	int n;

	skip_blanks(a);
	n = assign_op_len(a->p);
	if (!n)
		return l;
	if (!l.name)
		arith_error(a, "assignment requires a variable");
	char op[3] = { a->p[0], n == 3 ? a->p[1] : 0, 0 };
	a->p += n;
	struct val r = parse_assign(a);
	long long v = n > 1 ? binop(a, op, l.v, r.v) : r.v;
	assign(a, &l, v);
	l.v = v;
	l.name = NULL;
	return l;
}

long long arith_eval(const char *expr)
{
	struct arith a = { .expr = expr, .p = expr };
	struct val v = { 0 };

	skip_blanks(&a);
	if (!*a.p)
		return 0;
	for (;;) {
		v = parse_assign(&a);
		if (!take(&a, ","))
			break;
	}
	skip_blanks(&a);
	if (*a.p)
		arith_error(&a, "syntax error");
	return v.v;
}

bool arith_try(const char *expr, const char *who, long long *out)
{
	jmp_buf jb;
	int depth = sh_G.arith_depth;
	bool ok;

	sh_G.arith_catch = &jb;
	sh_G.arith_who = who;
	if (setjmp(jb) == 0) {
		*out = arith_eval(expr);
		ok = true;
	} else {
		sh_G.arith_depth = depth;
		ok = false;
	}
	sh_G.arith_catch = NULL;
	return ok;
}
