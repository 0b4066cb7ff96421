/* numbers.c: strict number parsing with suffixes and ranges; human-readable sizes. */
#include "libbb.h"

const struct suffix_mult size_suffixes[] = {
	{ "b", 512 },
	{ "k", 1024ULL },
	{ "K", 1024ULL },
	{ "kB", 1000ULL },
	{ "KB", 1000ULL },
	{ "KiB", 1024ULL },
	{ "m", 1024ULL * 1024 },
	{ "M", 1024ULL * 1024 },
	{ "MB", 1000ULL * 1000 },
	{ "MiB", 1024ULL * 1024 },
	{ "G", 1024ULL * 1024 * 1024 },
	{ "GB", 1000ULL * 1000 * 1000 },
	{ "GiB", 1024ULL * 1024 * 1024 },
	{ "T", 1024ULL * 1024 * 1024 * 1024 },
	{ "TB", 1000ULL * 1000 * 1000 * 1000 },
	{ "TiB", 1024ULL * 1024 * 1024 * 1024 },
	{ "P", 1024ULL * 1024 * 1024 * 1024 * 1024 },
	{ "PB", 1000ULL * 1000 * 1000 * 1000 * 1000 },
	{ "PiB", 1024ULL * 1024 * 1024 * 1024 * 1024 },
	{ "E", 1024ULL * 1024 * 1024 * 1024 * 1024 * 1024 },
	{ "EB", 1000ULL * 1000 * 1000 * 1000 * 1000 * 1000 },
	{ "EiB", 1024ULL * 1024 * 1024 * 1024 * 1024 * 1024 },
	{ "", 0 }
};

/* Digits then an optional suffix; no sign, no spaces. Overflow is ERANGE. */
static int parse_magnitude(const char *s, int base, const struct suffix_mult *sfx,
			   unsigned long long *out)
{
	unsigned long long n;
	char *end;

	if (!isalnum(*s))
		return EINVAL;
	errno = 0;
	n = strtoull(s, &end, base);
	if (end == s)
		return EINVAL;
	if (errno)
		return errno;
	if (*end) {
		while (sfx && sfx->mult && strcmp(sfx->suffix, end))
			sfx++;
		if (!sfx || !sfx->mult)
			return EINVAL;
		if (n && sfx->mult > ULLONG_MAX / n)
			return ERANGE;
		n *= sfx->mult;
	}
	*out = n;
	return 0;
}

int bb_strtoull(const char *s, int base, const struct suffix_mult *sfx,
		unsigned long long lo, unsigned long long hi, unsigned long long *out)
{
	unsigned long long n;
	int err = parse_magnitude(*s == '+' ? s + 1 : s, base, sfx, &n);

	if (!err && (n < lo || n > hi))
		err = ERANGE;
	if (!err)
		*out = n;
	errno = err;
	return err;
}

int bb_strtoll(const char *s, int base, const struct suffix_mult *sfx,
	       long long lo, long long hi, long long *out)
{
	int neg = *s == '-';
	unsigned long long n;
	long long v;
	int err = parse_magnitude(s + (neg || *s == '+'), base, sfx, &n);

	if (!err && n > (unsigned long long)LLONG_MAX + neg)
		err = ERANGE;
	if (!err) {
		v = neg ? (long long)(0 - n) : (long long)n;
		if (v < lo || v > hi)
			err = ERANGE;
		else
			*out = v;
	}
	errno = err;
	return err;
}

unsigned long long xstrtoull_range_sfx(const char *s, int base, unsigned long long lo,
				       unsigned long long hi, const struct suffix_mult *sfx)
{
	unsigned long long n;
	int err = bb_strtoull(s, base, sfx, lo, hi, &n);

	if (err == ERANGE)
		bb_error_msg_and_die("number '%s' out of range", s);
	if (err)
		bb_error_msg_and_die("invalid number '%s'", s);
	return n;
}

long long xstrtoll_range(const char *s, long long lo, long long hi)
{
	long long n;
	int err = bb_strtoll(s, 10, NULL, lo, hi, &n);

	if (err == ERANGE)
		bb_error_msg_and_die("number '%s' out of range", s);
	if (err)
		bb_error_msg_and_die("invalid number '%s'", s);
	return n;
}

unsigned xatou(const char *s)
{
	return xstrtoull_range_sfx(s, 10, 0, UINT_MAX, NULL);
}

int xatoi_positive(const char *s)
{
	return xstrtoull_range_sfx(s, 10, 0, INT_MAX, NULL);
}

static unsigned long long ceil_ull(double x)
{
	unsigned long long i = x;
	return i + (x > (double)i);
}

char *human_readable(unsigned long long n, char *buf)
{
	static const char units[] = "KMGTPE";
	double v = n;
	int u = -1;

	if (n < 1024) {
		sprintf(buf, "%llu", n);
		return buf;
	}
	/* like GNU -h: powers of 1024, one decimal below 10, always rounding up */
	while (v >= 1024 && u < 5)
		v /= 1024, u++;
	if (v < 10) {
		unsigned long long tenths = ceil_ull(v * 10);
		if (tenths < 100) {
			sprintf(buf, "%llu.%llu%c", tenths / 10, tenths % 10, units[u]);
			return buf;
		}
	}
	unsigned long long whole = ceil_ull(v);
	if (whole >= 1024 && u < 5) {
		sprintf(buf, "1.0%c", units[u + 1]);
		return buf;
	}
	sprintf(buf, "%llu%c", whole, units[u]);
	return buf;
}
