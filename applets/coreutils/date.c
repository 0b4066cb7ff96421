/* date: print or set the system date and time.
 * POSIX date with GNU's options (-d, -f, -s, -r, -u, -I, -R, --rfc-3339) and format
 * flags (%N, %:z, %::z, %:::z, %q, %P and the - _ 0 ^ # flags with widths), and
 * BusyBox's -D (a strptime format for -d and -s; unlike BusyBox the whole string must
 * match). Dates for -d, -f and -s are read by bb_parse_date (libbb/parse_date.c), then
 * if it fails in BusyBox's forms [[CC]YY]MMDDhhmm[.ss] and [[CC]YY.]MM.DD-hh:mm[:ss],
 * then as the MMDDhhmm[[CC]YY][.ss] operand.
 * Deviations: no --debug, no one-letter military zones in date strings.
 */

/*== applet
applet date /bin
options d(date): f(file): s(set): u(utc)(universal) r(reference): I(iso-8601)? R(rfc-email)(rfc-2822) (rfc-3339): {FEATURE_DATE_STRPTIME}D:{}
config DATE
	bool "date"
	default y
	help
	  Print the date and time in a given format, or set the system clock.

config FEATURE_DATE_STRPTIME
	bool "Support -D FORMAT (input format for -d and -s)"
	default y
	depends on DATE
usage [OPTION]... [+FORMAT] | [MMDDhhmm[[CC]YY][.ss]]
Print the date and time (now, or as given by -d, -f or -r) in FORMAT, or set the
system clock (-s, or a MMDDhhmm[[CC]YY][.ss] operand).

	-d STRING	Print the time STRING describes ("2024-01-02 03:04", "@SECONDS",
		"next monday", "1 day ago"...) instead of now
	-f FILE	Like -d for each line of FILE (- is standard input)
	-r FILE	Print the last modification time of FILE
	-s STRING	Set the clock to the time STRING describes
	-u	Print or set Coordinated Universal Time
	-I[FMT]	ISO 8601 output, FMT is date (default), hours, minutes, seconds or ns
	-R	RFC 5322 output: Mon, 02 Jan 2024 03:04:05 +0000
	--rfc-3339=FMT	RFC 3339 output, FMT is date, seconds or ns
{FEATURE_DATE_STRPTIME}	-D FMT	Read -d and -s STRINGs with strptime(3) format FMT
==*/

#include "libbb.h"
#include "flags/date.h"
#include <time.h>

GLOBALS(
	int status;
);

#define CONVERSIONS "aAbBcCdDeFgGhHIjklmMnNpPqrRsStTuUVwWxXyYzZ%"
#define DEFAULT_FORMAT "%a %b %e %H:%M:%S %Z %Y"

/* A number padded GNU's way: the width includes the sign; pad is '0', ' ' or 0 (none). */
static void put_number(long long v, int width, char pad, bool sign)
{
	char digits[24];
	int n = snprintf(digits, sizeof(digits), "%llu",
			 v < 0 ? -(unsigned long long)v : (unsigned long long)v);
	int signs = v < 0 || sign;
	int fill = pad && width > n + signs ? width - n - signs : 0;

	if (pad == ' ')
		printf("%*s", fill, "");
	if (signs)
		putchar(v < 0 ? '-' : '+');
	for (int i = 0; pad == '0' && i < fill; i++)
		putchar('0');
	fputs(digits, stdout);
}

static void put_string(const char *s, int width, char pad, int change_case)
{
	int n = strlen(s);

	for (int i = n; pad && i < width; i++)
		putchar(pad == '0' ? '0' : ' ');
	for (; *s; s++)
		putchar(change_case > 0 ? toupper(*s) : change_case < 0 ? tolower(*s) : *s);
}

/* %N as GNU: the width is the number of digits (truncated, or padded on the right);
 * "_" turns trailing zeros into blanks, "-" with a width drops them. */
static void put_nanoseconds(long ns, int width, char flag)
{
	char buf[16];
	int n = width && width < 9 ? width : 9;

	snprintf(buf, sizeof(buf), "%09ld", ns);
	if (flag == '_' || (flag == '-' && width))
		while (n > 1 && buf[n - 1] == '0')
			n--;
	fwrite(buf, 1, n, stdout);
	for (int i = n; flag != '-' && i < (width ? width : 9); i++)
		putchar(flag == '_' ? ' ' : '0');
}

/* +hh:mm, +hh:mm:ss, or with three colons the shortest of +hh, +hh:mm, +hh:mm:ss. */
static void zone_string(long off, int colons, char *buf)
{
	long a = off < 0 ? -off : off;
	char sign = off < 0 ? '-' : '+';

	if (colons == 2 || (colons == 3 && a % 60))
		sprintf(buf, "%c%02ld:%02ld:%02ld", sign, a / 3600, a / 60 % 60, a % 60);
	else if (colons == 1 || a % 3600)
		sprintf(buf, "%c%02ld:%02ld", sign, a / 3600, a / 60 % 60);
	else
		sprintf(buf, "%c%02ld", sign, a / 3600);
}

/* The value, default width and default pad of a numeric conversion; false if c is not
 * one. */
static bool numeric(char c, const struct tm *tm, const struct timespec *ts, long long *v,
		    int *width, char *pad)
{
	static const char convs[] =  "dejHIklmMSuwyYCsqgGUVW";
	static const char widths[] = "2232222222112421124222";	/* the default of each */
	const char *p = strchr(convs, c);
	long long year = tm->tm_year + 1900LL;
	char buf[16], fmt[3] = { '%', c, 0 };

	if (!c || !p)
		return false;
	*width = widths[p - convs] - '0';
	*pad = c == 'e' || c == 'k' || c == 'l' ? ' ' : '0';
	switch (c) {
	case 'd': case 'e': *v = tm->tm_mday; break;
	case 'j': *v = tm->tm_yday + 1; break;
	case 'H': case 'k': *v = tm->tm_hour; break;
	case 'I': case 'l': *v = (tm->tm_hour + 11) % 12 + 1; break;
	case 'm': *v = tm->tm_mon + 1; break;
	case 'M': *v = tm->tm_min; break;
	case 'S': *v = tm->tm_sec; break;
	case 'u': *v = tm->tm_wday ? tm->tm_wday : 7; break;
	case 'w': *v = tm->tm_wday; break;
	case 'y': *v = llabs(year % 100); break;	/* as GNU: -1199 is 99 */
	case 'Y': *v = year; break;
	case 'C': *v = year / 100; break;
	case 's': *v = ts->tv_sec; break;
	case 'q': *v = tm->tm_mon / 3 + 1; break;
	default:	/* the ISO week numbers: left to the libc */
		fmt[1] = c == 'g' ? 'G' : c;
		strftime(buf, sizeof(buf), fmt, tm);
		*v = atoll(buf);
		if (c == 'g')
			*v = llabs(*v % 100);
	}
	return true;
}

/* One conversion after its flags, width and colons. */
static void put_conv(char c, const struct tm *tm, const struct timespec *ts, char flag,
		     int width, int colons, int change_case)
{
	char buf[64], fmt[3] = { '%', c, 0 };
	long long v;
	int w;
	char pad;

	if (numeric(c, tm, ts, &v, &w, &pad)) {
		if (flag)
			pad = flag == '-' ? 0 : flag == '_' ? ' ' : '0';
		put_number(v, width ? width : w, pad, false);
		return;
	}
	pad = flag == '-' ? 0 : flag == '0' ? '0' : ' ';
	switch (c) {
	case 'N':
		put_nanoseconds(ts->tv_nsec, width, flag);
		return;
	case 'z':
		if (!colons) {
			long off = tm->tm_gmtoff;
			long hhmm = off / 3600 * 100 + off / 60 % 60;
			put_number(hhmm, width ? width : 5, flag == '-' ? 0 : flag == '_' ? ' ' : '0', true);
			return;
		}
		zone_string(tm->tm_gmtoff, colons, buf);
		break;
	case 'n': strcpy(buf, "\n"); break;
	case 't': strcpy(buf, "\t"); break;
	case '%': strcpy(buf, "%"); break;
	case 'D':	/* the libc's years before 1000 are not GNU's */
		snprintf(buf, sizeof(buf), "%02d/%02d/%02lld", tm->tm_mon + 1, tm->tm_mday,
			 llabs((tm->tm_year + 1900LL) % 100));
		break;
	case 'F':
		snprintf(buf, sizeof(buf), "%04lld-%02d-%02d", tm->tm_year + 1900LL,
			 tm->tm_mon + 1, tm->tm_mday);
		break;
	case 'P':
		strftime(buf, sizeof(buf), "%p", tm);
		change_case = -1;
		break;
	default:
		if (!strftime(buf, sizeof(buf), fmt, tm))
			buf[0] = 0;
		if (change_case == 2)	/* '#': names upper-cased, am/pm and zones lowered */
			change_case = strchr("pZ", c) ? -1 : strchr("aAbBh", c) ? 1 : 0;
	}
	put_string(buf, width, pad, change_case == 2 ? 0 : change_case);
}

static void put_time(const char *fmt, const struct timespec *ts)
{
	struct tm tm;

	if (!localtime_r(&ts->tv_sec, &tm)) {
		bb_error_msg("time '%lld' is out of range", (long long)ts->tv_sec);
		G.status = 1;
		return;
	}
	for (const char *p = fmt; *p; p++) {
		const char *start = p;
		char flag = 0;
		int width = 0, colons = 0, change_case = 0;

		if (*p != '%') {
			putchar(*p);
			continue;
		}
		for (p++; *p && strchr("-_0^#", *p); p++) {
			if (*p == '^')
				change_case = 1;
			else if (*p == '#')
				change_case = change_case ? change_case : 2;
			else
				flag = *p;
		}
		for (; isdigit(*p); p++)
			width = width < 100000 ? width * 10 + (*p - '0') : width;
		for (; *p == ':' && colons < 3; p++)
			colons++;
		if (*p == 'E' || *p == 'O')
			p++;
		/* not a conversion (or "%5%"): printed as it is */
		if (!*p || !strchr(CONVERSIONS, *p) || (colons && *p != 'z') ||
		    (*p == '%' && flag)) {
			fwrite(start, 1, p - start + (*p != 0), stdout);
			if (!*p)
				break;
			continue;
		}
		put_conv(*p, &tm, ts, flag, width, colons, change_case);
	}
	putchar('\n');
}

/* The time tm's fields name, in the local zone, if they are in range and the day exists. */
static bool local_time(struct tm *tm, struct timespec *ts)
{
	struct tm want = *tm;

	if (tm->tm_mon < 0 || tm->tm_mon > 11 || tm->tm_mday < 1 || tm->tm_mday > 31 ||
	    tm->tm_hour > 23 || tm->tm_min > 59 || tm->tm_sec > 60)
		return false;
	tm->tm_isdst = -1;
	ts->tv_sec = mktime(tm);
	ts->tv_nsec = 0;
	return tm->tm_mday == want.tm_mday && tm->tm_mon == want.tm_mon;
}

/* A year of 2 digits (1969-2068) or 4, as a tm_year. */
static int tm_year(int y, int len)
{
	return len == 2 ? y + (y < 69 ? 100 : 0) : y - 1900;
}

/* Digits at s: 8, 10 or 12 of them then NUL or .ss; returns the count, or 0. */
static size_t digit_form(const char *s)
{
	const char *dot = strchr(s, '.');
	size_t len = dot ? (size_t)(dot - s) : strlen(s);

	for (size_t i = 0; i < len; i++)
		if (!isdigit(s[i]))
			return 0;
	if ((len != 8 && len != 10 && len != 12) ||
	    (dot && (strlen(dot) != 3 || !isdigit(dot[1]) || !isdigit(dot[2]))))
		return 0;
	return len;
}

static int two(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

/* The MMDDhhmm[[CC]YY][.ss] operand. */
static bool posix_time(const char *s, const struct timespec *now, struct timespec *ts)
{
	struct tm tm;
	size_t len = digit_form(s);

	if (!len)
		return false;
	localtime_r(&now->tv_sec, &tm);
	tm.tm_mon = two(s) - 1, tm.tm_mday = two(s + 2);
	tm.tm_hour = two(s + 4), tm.tm_min = two(s + 6);
	if (len > 8)
		tm.tm_year = tm_year(len == 10 ? two(s + 8) : two(s + 8) * 100 + two(s + 10), len - 8);
	tm.tm_sec = s[len] ? two(s + len + 1) : 0;
	return local_time(&tm, ts);
}

/* Up to max digits at s (at least one) into *v; returns the end, or NULL. */
static const char *field(const char *s, int max, int *v, int *len)
{
	*v = 0;
	for (*len = 0; isdigit(s[*len]); ++*len) {
		if (*len == max)
			return NULL;
		*v = *v * 10 + (s[*len] - '0');
	}
	return *len ? s + *len : NULL;
}

/* BusyBox's -d forms, which GNU rejects: [[CC]YY]MMDDhhmm[.ss] (the year first; if that
 * is no date, the operand's MMDDhhmm[[CC]YY][.ss], as toybox reads it) and
 * [[CC]YY.]MM.DD-hh:mm[:ss]. */
static bool busybox_time(const char *s, const struct timespec *now, struct timespec *ts)
{
	struct tm tm;
	size_t len = digit_form(s);
	int v[6], l[6], n = 0;

	localtime_r(&now->tv_sec, &tm);
	tm.tm_sec = 0;
	if (len) {
		const char *p = s + len - 8;
		if (len > 8)
			tm.tm_year = tm_year(len == 10 ? two(s) : two(s) * 100 + two(s + 2), len - 8);
		tm.tm_mon = two(p) - 1, tm.tm_mday = two(p + 2);
		tm.tm_hour = two(p + 4), tm.tm_min = two(p + 6);
		tm.tm_sec = s[len] ? two(s + len + 1) : 0;
		return local_time(&tm, ts) || posix_time(s, now, ts);
	}
	for (; n < 3 && (s = field(s, n ? 2 : 4, &v[n], &l[n])) && *s == '.'; n++)
		s++;
	if (!s || *s != '-' || n < 1 || (n == 2 && l[0] != 2 && l[0] != 4) || l[n - 1] > 2)
		return false;
	if (n == 2)
		tm.tm_year = tm_year(v[0], l[0]);
	tm.tm_mon = v[n - 1] - 1, tm.tm_mday = v[n];
	if (!(s = field(s + 1, 2, &tm.tm_hour, &l[3])) || *s != ':' ||
	    !(s = field(s + 1, 2, &tm.tm_min, &l[4])))
		return false;
	if (*s == ':' && !(s = field(s + 1, 2, &tm.tm_sec, &l[5])))
		return false;
	return !*s && local_time(&tm, ts);
}

static bool read_date(const char *s, const struct timespec *now, struct timespec *ts)
{
	if (ENABLE_FEATURE_DATE_STRPTIME && FLAG(D)) {
		struct tm tm;
		localtime_r(&now->tv_sec, &tm);
		tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
		const char *end = strptime(s, G.D, &tm);
		while (end && isspace(*end))
			end++;
		if (!end || *end)
			return false;
		tm.tm_isdst = -1;
		ts->tv_sec = mktime(&tm);
		ts->tv_nsec = 0;
		return true;
	}
	return bb_parse_date(s, now, ts) == 0 || busybox_time(s, now, ts);
}

static void date_lines(const char *file, const char *fmt, const struct timespec *now)
{
	FILE *fp = fopen_or_warn_stdin(file);
	struct timespec ts;
	char *line;

	if (!fp)
		xfunc_die();
	while ((line = xmalloc_fgetline(fp))) {
		if (read_date(line, now, &ts)) {
			put_time(fmt, &ts);
		} else {
			bb_error_msg("invalid date '%s'", line);
			G.status = 1;
		}
		free(line);
	}
	if (fclose_if_not_stdin(fp, file))
		G.status = 1;
}

static void set_clock(const struct timespec *ts)
{
	if (clock_settime(CLOCK_REALTIME, ts)) {
		bb_perror_msg("cannot set date");
		G.status = 1;
	}
}

/* The argument of -I or --rfc-3339 (a unique prefix will do) as a format. */
static const char *named_format(const char *arg, const char *opt, const char *names,
				const char *const *formats)
{
	const char *n;
	int i;

	/* no name is a prefix of another, so the first match is the only one */
	for (i = 0, n = names; *n && *arg; i++, n += strlen(n) + 1)
		if (!strncmp(n, arg, strlen(arg)))
			return formats[i];
	bb_error_msg("invalid argument '%s' for '--%s'", arg, opt);
	fputs("Valid arguments are:\n", stderr);
	for (n = names; *n; n += strlen(n) + 1)
		fprintf(stderr, "  - '%s'\n", n);
	bb_show_usage();
}

static const char *output_format(const char *operand)
{
	static const char iso_names[] = "hours\0minutes\0date\0seconds\0ns\0";
	static const char *const iso[] = {
		"%Y-%m-%dT%H%:z", "%Y-%m-%dT%H:%M%:z", "%Y-%m-%d", "%Y-%m-%dT%H:%M:%S%:z",
		"%Y-%m-%dT%H:%M:%S,%N%:z"
	};
	static const char rfc_names[] = "date\0seconds\0ns\0";
	static const char *const rfc[] = {
		"%Y-%m-%d", "%Y-%m-%d %H:%M:%S%:z", "%Y-%m-%d %H:%M:%S.%N%:z"
	};
	int n = !!operand + !!FLAG(I) + !!FLAG(R) + !!FLAG(rfc_3339);

	if (n > 1)
		bb_error_msg_and_die("multiple output formats specified");
	if (operand)
		return operand + 1;
	if (FLAG(I))
		return G.I ? named_format(G.I, "iso-8601", iso_names, iso) : iso[2];
	if (FLAG(rfc_3339))
		return named_format(G.rfc_3339, "rfc-3339", rfc_names, rfc);
	if (FLAG(R))
		return "%a, %d %b %Y %H:%M:%S %z";
	return DEFAULT_FORMAT;
}

int date_main(int argc, char **argv)
{
	const char *fmt_arg = NULL, *set_arg = NULL, *fmt;
	struct timespec now, ts;

	if (argc > 2) {
		bb_error_msg("extra operand '%s'", argv[2]);
		bb_show_usage();
	}
	if (!!FLAG(d) + !!FLAG(f) + !!FLAG(r) > 1) {
		bb_error_msg("the options to specify dates for printing are mutually exclusive");
		bb_show_usage();
	}
	if (FLAG(s) && (FLAG(d) || FLAG(f) || FLAG(r))) {
		bb_error_msg("the options to print and set the time may not be used together");
		bb_show_usage();
	}
	if (argc == 2 && argv[1][0] == '+') {
		fmt_arg = argv[1];
	} else if (argc == 2) {
		if (FLAG(d) || FLAG(f) || FLAG(r) || FLAG(s)) {
			bb_error_msg("the argument '%s' lacks a leading '+';\n"
				     "when using an option to specify date(s), any non-option\n"
				     "argument must be a format string beginning with '+'", argv[1]);
			bb_show_usage();
		}
		set_arg = argv[1];
	}
	fmt = output_format(fmt_arg);
	if (FLAG(u))
		setenv("TZ", "UTC0", 1);
	tzset();
	clock_gettime(CLOCK_REALTIME, &now);
	ts = now;
	if (FLAG(f)) {
		date_lines(G.f, fmt, &now);
		return G.status;
	}
	if (FLAG(r)) {
		struct stat st;
		if (stat(G.r, &st))
			bb_perror_msg_and_die("%s", G.r);
		ts = st.st_mtim;
	} else if (FLAG(d) || FLAG(s)) {
		const char *s = FLAG(d) ? G.d : G.s;
		if (!read_date(s, &now, &ts))
			bb_error_msg_and_die("invalid date '%s'", s);
		if (FLAG(s))
			set_clock(&ts);
	} else if (set_arg) {
		if (!posix_time(set_arg, &now, &ts))
			bb_error_msg_and_die("invalid date '%s'", set_arg);
		set_clock(&ts);
	}
	put_time(fmt, &ts);
	return G.status;
}
