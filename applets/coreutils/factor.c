/* factor: print the prime factors of numbers. GNU coreutils factor, with -h as in
 * GNU 9.2 (2^2 3). Trial division by small numbers, then Miller-Rabin with the bases
 * that are exact below 2^64 and Pollard's rho with Brent's cycle finding, all in
 * Montgomery arithmetic built from 32-bit halves (no 128-bit type needed).
 * Deviation: numbers are limited to 64 bits (GNU also factors larger ones).
 */

/*== applet
applet factor /usr/bin
options h(exponents)
config FACTOR
	bool "factor"
	default y
	help
	  Print the prime factors of numbers.
usage [-h] [NUMBER]...
Print the prime factors of each NUMBER (from standard input if none), up to 2^64-1.

	-h, --exponents	Print repeated factors as p^e
==*/

#include "libbb.h"
#include "flags/factor.h"

typedef unsigned long long u64;

enum { TRIAL_LIMIT = 10000, MAX_FACTORS = 64 };

/* Arithmetic modulo an odd m in Montgomery form, R = 2^64. */
struct mont {
	u64 m;
	u64 inv;	/* m^-1 mod R */
	u64 one;	/* R mod m */
};

GLOBALS(
	u64 factors[MAX_FACTORS];
	int count;
	int status;
);

/* High 64 bits of a * b, the low ones in *lo. */
static u64 mul_hi(u64 a, u64 b, u64 *lo)
{
	u64 al = (uint32_t)a, ah = a >> 32, bl = (uint32_t)b, bh = b >> 32;
	u64 ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
	u64 mid = (ll >> 32) + (uint32_t)lh + (uint32_t)hl;

	*lo = (mid << 32) | (uint32_t)ll;
	return hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
}

/* a * b / R mod m, for a, b < m */
static u64 mulredc(const struct mont *M, u64 a, u64 b)
{
	u64 lo, h = mul_hi(a, b, &lo), t = lo * M->inv, tl, mh = mul_hi(t, M->m, &tl);

	return h >= mh ? h - mh : h - mh + M->m;
}

static u64 addmod(u64 a, u64 b, u64 m)
{
	return a >= m - b ? a - (m - b) : a + b;
}

static void mont_init(struct mont *M, u64 m)
{
	u64 inv = m;	/* right to 3 bits for odd m; each step doubles that */

	for (int i = 0; i < 5; i++)
		inv *= 2 - m * inv;
	M->m = m;
	M->inv = inv;
	M->one = (0 - m) % m;
}

static u64 to_mont(const struct mont *M, u64 x)
{
	u64 r = x % M->m;

	for (int i = 0; i < 64; i++)
		r = addmod(r, r, M->m);
	return r;
}

static u64 mont_pow(const struct mont *M, u64 b, u64 e)
{
	u64 r = M->one;

	for (; e; e >>= 1) {
		if (e & 1)
			r = mulredc(M, r, b);
		b = mulredc(M, b, b);
	}
	return r;
}

/* Miller-Rabin with the first 12 primes as bases: exact for n < 2^64 (n odd, > 37). */
static bool is_prime(u64 n)
{
	static const unsigned char bases[] = { 2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37 };
	struct mont M;
	u64 d = n - 1, minus_one;
	int s = 0;

	mont_init(&M, n);
	minus_one = n - M.one;
	while (!(d & 1))
		d >>= 1, s++;
	for (size_t i = 0; i < sizeof(bases); i++) {
		u64 x = mont_pow(&M, to_mont(&M, bases[i]), d);
		int r;
		if (x == M.one || x == minus_one)
			continue;
		for (r = 1; r < s; r++) {
			x = mulredc(&M, x, x);
			if (x == minus_one)
				break;
		}
		if (r == s)
			return false;
	}
	return true;
}

static u64 gcd(u64 a, u64 b)
{
	while (b) {
		u64 t = a % b;
		a = b;
		b = t;
	}
	return a;
}

/* A nontrivial factor of the odd composite n (Pollard's rho, Brent's variant). */
static u64 rho(u64 n)
{
	struct mont M;

	mont_init(&M, n);
	for (u64 c = M.one;; c = addmod(c, M.one, n)) {
		u64 y = to_mont(&M, 2), x = y, ys = y, q = M.one, g = 1;
		for (u64 r = 1; g == 1; r <<= 1) {
			x = y;
			for (u64 i = 0; i < r; i++)
				y = addmod(mulredc(&M, y, y), c, n);
			for (u64 k = 0; k < r && g == 1; k += 128) {
				ys = y;
				for (u64 i = 0; i < 128 && i < r - k; i++) {
					y = addmod(mulredc(&M, y, y), c, n);
					q = mulredc(&M, q, x > y ? x - y : y - x);
				}
				g = gcd(q, n);
			}
		}
		if (g == n) {	/* the batch overshot: retrace it one step at a time */
			do {
				ys = addmod(mulredc(&M, ys, ys), c, n);
				g = gcd(x > ys ? x - ys : ys - x, n);
			} while (g == 1);
		}
		if (g != n)
			return g;
	}
}

static void add_factor(u64 p)
{
	int i = G.count++;

	while (i > 0 && G.factors[i - 1] > p) {
		G.factors[i] = G.factors[i - 1];
		i--;
	}
	G.factors[i] = p;
}

/* n odd, no factor below TRIAL_LIMIT */
static void factor_large(u64 n)
{
	if (n < (u64)TRIAL_LIMIT * TRIAL_LIMIT || is_prime(n)) {
		add_factor(n);
	} else {
		u64 d = rho(n);
		factor_large(d);
		factor_large(n / d);
	}
}

static void factor(u64 n)
{
	static const unsigned char wheel[] = { 4, 2, 4, 2, 4, 6, 2, 6 };
	u64 d = 7;

	G.count = 0;
	for (unsigned p = 2; p <= 5; p += p == 2 ? 1 : 2)
		while (n % p == 0 && n > 1) {
			add_factor(p);
			n /= p;
		}
	for (int i = 0; d < TRIAL_LIMIT && d * d <= n; d += wheel[i++ & 7])
		while (n % d == 0) {
			add_factor(d);
			n /= d;
		}
	if (n > 1)
		factor_large(n);
}

static void print_factors(u64 n)
{
	printf("%llu:", n);
	for (int i = 0; i < G.count;) {
		int k = 1;
		if (FLAG(h))
			while (i + k < G.count && G.factors[i + k] == G.factors[i])
				k++;
		printf(k > 1 ? " %llu^%d" : " %llu", G.factors[i], k);
		i += k;
	}
	putchar('\n');
}

static void factor_arg(const char *s)
{
	const char *p = s;
	u64 n;

	p += strspn(p, " ");	/* GNU skips spaces only */
	p += *p == '+';
	if (!isdigit(*p) || bb_strtoull(p, 10, NULL, 0, ULLONG_MAX, &n)) {
		bool big = isdigit(*p) && errno == ERANGE;
		char *q = xmalloc_c_escaped(s);
		bb_error_msg(big ? "'%s' is too large" : "'%s' is not a valid positive integer", q);
		free(q);
		G.status = 1;
		return;
	}
	factor(n);
	print_factors(n);
}

static void factor_stdin(void)
{
	char *tok = NULL;
	size_t len = 0, cap = 0;
	int c;

	do {
		c = getchar();
		if (c == EOF || (isspace(c) && c)) {
			if (len) {
				tok[len] = '\0';
				factor_arg(tok);
				len = 0;
			}
			continue;
		}
		if (len + 1 >= cap)
			tok = xrealloc(tok, cap = cap * 2 + 32);
		tok[len++] = c;
	} while (c != EOF);
	free(tok);
}

int factor_main(int argc, char **argv)
{
	if (argc < 2)
		factor_stdin();
	while (*++argv)
		factor_arg(*argv);
	return G.status;
}
