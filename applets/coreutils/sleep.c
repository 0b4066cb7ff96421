/* sleep: wait for an amount of time.
 * POSIX sleep with GNU's extensions: several intervals that add up, decimal fractions,
 * the suffixes s m h d and "inf"/"infinity". Deviation: GNU also takes what strtod()
 * takes (1e3, 0x10); here an interval is decimal, computed exactly to the nanosecond.
 */

/*== applet
applet sleep /bin
options
config SLEEP
	bool "sleep"
	default y
	help
	  Pause for a time given in seconds, minutes, hours or days.
usage NUMBER[SUFFIX]...
Wait for the sum of the intervals. A NUMBER may have a decimal fraction (0.5) or be
"inf" or "infinity" (wait forever); SUFFIX is s (seconds, the default), m (minutes),
h (hours) or d (days).
==*/

#include "libbb.h"
#include "flags/sleep.h"
#include <strings.h>
#include <time.h>

#define NSEC_PER_SEC 1000000000ULL

struct interval {
	unsigned long long sec;	/* saturates at ULLONG_MAX: as good as forever */
	unsigned long long nsec;
};

static unsigned long long add_sat(unsigned long long a, unsigned long long b)
{
	return a > ULLONG_MAX - b ? ULLONG_MAX : a + b;
}

static unsigned long long mul_sat(unsigned long long a, unsigned long long b)
{
	return b && a > ULLONG_MAX / b ? ULLONG_MAX : a * b;
}

static void add_interval(struct interval *sum, const struct interval *iv)
{
	sum->nsec += iv->nsec;
	sum->sec = add_sat(add_sat(sum->sec, iv->sec), sum->nsec / NSEC_PER_SEC);
	sum->nsec %= NSEC_PER_SEC;
}

/* Digits with an optional fraction, at least one digit; a fraction finer than a
 * nanosecond rounds up. Returns the end, or NULL. */
static const char *parse_decimal(const char *s, struct interval *iv)
{
	unsigned long long scale = NSEC_PER_SEC;
	bool digits = false, rest = false;

	for (; isdigit(*s); s++, digits = true)
		iv->sec = add_sat(mul_sat(iv->sec, 10), *s - '0');
	if (*s == '.') {
		for (s++; isdigit(*s); s++, digits = true) {
			scale /= 10;
			iv->nsec += (*s - '0') * scale;
			rest |= !scale && *s != '0';
		}
		iv->nsec += rest;
	}
	return digits ? s : NULL;
}

static bool parse_interval(const char *arg, struct interval *iv)
{
	static const char suffixes[] = "smhd";
	static const unsigned mult[] = { 1, 60, 60 * 60, 24 * 60 * 60 };
	const char *s = arg, *sfx;
	unsigned long long frac;

	memset(iv, 0, sizeof(*iv));
	while (isspace(*s))
		s++;
	s += *s == '+';
	if (!strncasecmp(s, "inf", 3)) {
		iv->sec = ULLONG_MAX;
		s += strncasecmp(s, "infinity", 8) ? 3 : 8;
	} else if (!(s = parse_decimal(s, iv))) {
		return false;
	}
	if (!*s)
		return true;
	sfx = strchr(suffixes, *s);
	if (!sfx || s[1])
		return false;
	frac = iv->nsec * mult[sfx - suffixes];
	iv->sec = add_sat(mul_sat(iv->sec, mult[sfx - suffixes]), frac / NSEC_PER_SEC);
	iv->nsec = frac % NSEC_PER_SEC;
	return true;
}

/* nanosleep() in chunks a time_t surely holds, resuming after signals. */
static void sleep_for(struct interval *iv)
{
	while (iv->sec || iv->nsec) {
		struct timespec ts;
		ts.tv_sec = iv->sec > INT_MAX ? INT_MAX : iv->sec;
		ts.tv_nsec = iv->nsec;
		iv->sec -= ts.tv_sec;
		iv->nsec = 0;
		while (nanosleep(&ts, &ts))
			if (errno != EINTR)
				bb_perror_msg_and_die("cannot read realtime clock");
	}
}

int sleep_main(int argc UNUSED, char **argv)
{
	struct interval sum = { 0, 0 }, iv;
	bool bad = false;

	need_operands(argc, argv, 1, -1);
	while (*++argv) {
		if (!parse_interval(*argv, &iv)) {
			bb_error_msg("invalid time interval '%s'", *argv);
			bad = true;
		}
		add_interval(&sum, &iv);
	}
	if (bad)
		bb_show_usage();
	sleep_for(&sum);
	return 0;
}
