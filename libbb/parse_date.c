/* parse_date.c: the date strings GNU date -d takes, for date and touch.
 *
 * A string is a sequence of items, each optional, in any order:
 *   @SECONDS[.FRAC]                 alone: seconds since the epoch
 *   YYYY-MM-DD, MM/DD[/YYYY], YYYY/MM/DD, YYYYMMDD, "Jan 2 [2024]", "2 Jan [2024]",
 *     17-Jun-1992
 *   HH:MM[:SS[.FRAC]] [am|pm], "3pm", a bare number of up to 4 digits (HHMM)
 *   a zone: UTC, GMT, Z, CET, PST and other names GNU knows, the local zone's names,
 *     +HHMM, -HH:MM, UTC+1;
 *     or TZ="Area/City" before everything else: the rest is read in that zone
 *   a day of the week, maybe after an ordinal: "monday", "next friday", "last sun"
 *   relative items: [+-]N UNIT [ago], "next week", "last year", now, today, yesterday,
 *   tomorrow; UNIT is year, month, fortnight, week, day, hour, minute, min, second, sec
 *     (plural or not)
 * Blanks, commas and comments in parentheses separate items. An absolute date without
 * a time means midnight; a string of only relative items counts from now. A date with
 * a day of the week ignores the day. Deviations from GNU: no one-letter military
 * zones, no ISO week dates, and a signed number after a time is a relative item when
 * a unit follows ("10:00 +2 days"), where GNU takes "+2" as a zone; a YYYYMMDD number
 * of more than 9 digits is rejected (GNU reads a year of 6 digits or more).
 */

#include "libbb.h"
#include <strings.h>
#include <time.h>

struct pdate {
	const char *s;
	long year, mon, mday;		/* mon 1..12 */
	long hour, min, sec, nsec;
	long zone;			/* seconds east of UTC */
	long dow, dow_ord;
	long long rel[6];		/* years, months, days, hours, minutes, seconds */
	int last_rel;			/* unit of the last relative item, for "ago"; -1 */
	long long last_amount;		/* and what it added */
	bool have_date, have_year, have_time, have_zone, have_dow, have_rel;
	bool too_far;			/* a relative item beyond any representable time */
};

enum { R_YEAR, R_MON, R_DAY, R_HOUR, R_MIN, R_SEC };

static const char month_names[12][4] = {
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
};
static const char day_names[7][4] = { "sun", "mon", "tue", "wed", "thu", "fri", "sat" };

struct word {
	char name[10];
	int8_t kind;	/* W_ORD, W_UNIT, W_ZONE or W_REL */
	int8_t index;	/* unit index, or day shift for W_REL */
	int16_t value;	/* ordinal, unit multiplier, zone offset in minutes */
};
enum { W_ORD, W_UNIT, W_REL };

static const struct word words[] = {
	{ "last", W_ORD, 0, -1 }, { "this", W_ORD, 0, 0 }, { "next", W_ORD, 0, 1 },
	{ "first", W_ORD, 0, 1 }, { "third", W_ORD, 0, 3 }, { "fourth", W_ORD, 0, 4 },
	{ "fifth", W_ORD, 0, 5 }, { "sixth", W_ORD, 0, 6 }, { "seventh", W_ORD, 0, 7 },
	{ "eighth", W_ORD, 0, 8 }, { "ninth", W_ORD, 0, 9 }, { "tenth", W_ORD, 0, 10 },
	{ "eleventh", W_ORD, 0, 11 }, { "twelfth", W_ORD, 0, 12 },
	{ "year", W_UNIT, R_YEAR, 1 }, { "month", W_UNIT, R_MON, 1 },
	{ "fortnight", W_UNIT, R_DAY, 14 }, { "week", W_UNIT, R_DAY, 7 },
	{ "day", W_UNIT, R_DAY, 1 }, { "hour", W_UNIT, R_HOUR, 1 },
	{ "minute", W_UNIT, R_MIN, 1 }, { "min", W_UNIT, R_MIN, 1 },
	{ "second", W_UNIT, R_SEC, 1 }, { "sec", W_UNIT, R_SEC, 1 },
	{ "now", W_REL, 0, 0 }, { "today", W_REL, 0, 0 },
	{ "yesterday", W_REL, -1, 0 }, { "tomorrow", W_REL, 1, 0 },
};

/* Zone names GNU knows, with their offsets in minutes east of UTC. */
static const struct zone {
	char name[5];
	int16_t minutes;
} zones[] = {
	{ "utc", 0 }, { "gmt", 0 }, { "ut", 0 }, { "z", 0 }, { "wet", 0 }, { "west", 60 },
	{ "bst", 60 }, { "art", -180 }, { "brt", -180 }, { "brst", -120 }, { "nst", -210 },
	{ "ndt", -150 }, { "ast", -240 }, { "adt", -180 }, { "clt", -240 }, { "clst", -180 },
	{ "est", -300 }, { "edt", -240 }, { "cst", -360 }, { "cdt", -300 }, { "mst", -420 },
	{ "mdt", -360 }, { "pst", -480 }, { "pdt", -420 }, { "akst", -540 }, { "akdt", -480 },
	{ "hst", -600 }, { "hast", -600 }, { "hadt", -540 }, { "sst", -660 }, { "wat", 60 },
	{ "cet", 60 }, { "cest", 120 }, { "met", 60 }, { "mez", 60 }, { "mest", 120 },
	{ "mesz", 120 }, { "eet", 120 }, { "eest", 180 }, { "cat", 120 }, { "sast", 120 },
	{ "eat", 180 }, { "msk", 180 }, { "msd", 240 }, { "ist", 330 }, { "sgt", 480 },
	{ "kst", 540 }, { "jst", 540 }, { "gst", 600 }, { "nzst", 720 }, { "nzdt", 780 },
};

/* Blanks, commas and (possibly nested) comments in parentheses, as in mail dates. */
static void skip_space(struct pdate *p)
{
	for (;;) {
		while (isspace(*p->s) || *p->s == ',')
			p->s++;
		if (*p->s != '(')
			return;
		for (int depth = 0; *p->s; p->s++) {
			depth += (*p->s == '(') - (*p->s == ')');
			if (!depth) {
				p->s++;
				break;
			}
		}
	}
}

/* Digits into *n (saturating far beyond any valid field); returns the digit count. */
static int get_num(const char **sp, long *n)
{
	const char *s = *sp;

	*n = 0;
	for (; isdigit(*s); s++)
		if (*n < 100000000)
			*n = *n * 10 + (*s - '0');
	int len = s - *sp;
	*sp = s;
	return len;
}

/* ".123" or ",123" after seconds: nanoseconds, extra digits truncated. */
static long get_frac(const char **sp)
{
	const char *s = *sp;
	long ns = 0, scale = 100000000;

	if ((*s != '.' && *s != ',') || !isdigit(s[1]))
		return 0;
	for (s++; isdigit(*s); s++, scale /= 10)
		ns += (*s - '0') * scale;
	*sp = s;
	return ns;
}

static bool set_date(struct pdate *p, long y, long m, long d, bool have_year)
{
	if (p->have_date || m < 1 || m > 12 || d < 1 || d > 31)
		return false;
	p->year = y, p->mon = m, p->mday = d;
	p->have_date = true;
	p->have_year = have_year;
	return true;
}

/* A two-digit year as POSIX says: 69..99 are 19xx, 00..68 are 20xx. */
static long full_year(long y, int len)
{
	if (len != 2)
		return y;
	return y + (y < 69 ? 2000 : 1900);
}

static bool set_time(struct pdate *p, long h, long m, long s, long ns)
{
	if (p->have_time || h > 23 || m > 59 || s > 59)
		return false;
	p->hour = h, p->min = m, p->sec = s, p->nsec = ns;
	p->have_time = true;
	return true;
}

/* The word at p->s (letters and dots), lower-cased into buf; its length, 0 if none. */
static size_t get_word(struct pdate *p, char *buf, size_t size)
{
	size_t n = 0, len = 0;
	const char *s = p->s;

	while (isalpha(*s) || (*s == '.' && len)) {
		if (*s != '.' && n + 1 < size)
			buf[n++] = tolower(*s);
		s++, len++;
	}
	buf[n] = 0;
	if (len >= size)	/* longer than any known word */
		buf[0] = '?', buf[1] = 0;
	p->s = s;
	return len;
}

static int month_index(const char *w)
{
	for (int i = 0; i < 12; i++) {
		static const char *const full[12] = {
			"january", "february", "march", "april", "may", "june", "july",
			"august", "september", "october", "november", "december"
		};
		if (!strcmp(w, month_names[i]) || !strcmp(w, full[i]) ||
		    (i == 8 && !strcmp(w, "sept")))
			return i + 1;
	}
	return 0;
}

static int day_index(const char *w)
{
	static const char *const full[7] = {
		"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"
	};
	for (int i = 0; i < 7; i++)
		if (!strcmp(w, day_names[i]) || !strcmp(w, full[i]) ||
		    (i == 2 && !strcmp(w, "tues")) || (i == 3 && !strcmp(w, "wednes")) ||
		    (i == 4 && (!strcmp(w, "thur") || !strcmp(w, "thurs"))))
			return i;
	return -1;
}

/* A unit word with or without a plural s: the table entry, or NULL. */
static const struct word *find_word(const char *w)
{
	size_t n = strlen(w);

	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		const struct word *k = &words[i];
		size_t kn = strlen(k->name);
		if (!strcmp(w, k->name) ||
		    (k->kind == W_UNIT && n == kn + 1 && w[kn] == 's' && !strncmp(w, k->name, kn)))
			return k;
	}
	return NULL;
}

#define REL_MAX 100000000LL	/* keeps the sums in int fields of struct tm */

static void add_rel(struct pdate *p, int unit, long long n)
{
	p->rel[unit] += n;
	p->too_far |= p->rel[unit] > REL_MAX || p->rel[unit] < -REL_MAX;
	p->last_rel = unit;
	p->last_amount = n;
	p->have_rel = true;
}

/* A unit word after a number (or an ordinal): true if one was there. */
static bool rel_unit(struct pdate *p, long n)
{
	const char *save = p->s;
	char w[12];

	skip_space(p);
	if (get_word(p, w, sizeof(w))) {
		const struct word *k = find_word(w);
		if (k && k->kind == W_UNIT) {
			add_rel(p, k->index, (long long)n * k->value);
			return true;
		}
	}
	p->s = save;
	return false;
}

/* +HH, +HHMM (or +HMM), +HH:MM (blanks around the colon) after a sign; true if it was a
 * valid offset. */
static bool zone_offset(struct pdate *p, int sign)
{
	long h, m = 0;
	int len = get_num(&p->s, &h);
	const char *colon = p->s;

	while (isspace(*colon))
		colon++;
	if (*colon == ':' && len && len <= 2) {
		p->s = colon + 1;
		skip_space(p);
		if (!get_num(&p->s, &m))
			return false;
	} else if (len == 3 || len == 4) {
		m = h % 100, h /= 100;
	} else if (len > 2 || !len) {
		return false;
	}
	/* as GNU: the minutes are added as they are ("+0860" is +9:00), up to 24 hours */
	if (p->have_zone || h * 60 + m > 24 * 60)
		return false;
	p->zone = sign * (h * 3600 + m * 60);
	p->have_zone = true;
	return true;
}

/* A signed number: a relative item when a unit follows, else a zone offset. */
static bool signed_item(struct pdate *p)
{
	int sign = *p->s++ == '-' ? -1 : 1;
	const char *num;
	long n;

	skip_space(p);
	num = p->s;
	if (!isdigit(*num))	/* a sign alone is ignored, as GNU does */
		return true;
	get_num(&p->s, &n);
	if (rel_unit(p, sign * n))
		return true;
	p->s = num;
	return p->have_time && zone_offset(p, sign);
}

/* An optional am or pm after a time of 1 to 12 o'clock. */
static bool ampm(struct pdate *p)
{
	const char *save = p->s;
	char w[4];

	skip_space(p);
	if (get_word(p, w, sizeof(w)) && (!strcmp(w, "am") || !strcmp(w, "pm"))) {
		if (p->hour < 1 || p->hour > 12)
			return false;
		p->hour = p->hour % 12 + (w[0] == 'p' ? 12 : 0);
		return true;
	}
	p->s = save;
	return true;
}

/* HH:MM[:SS[.FRAC]] with p->s just after the colon. */
static bool clock_time(struct pdate *p, long h)
{
	long m, sec = 0, ns = 0;
	int len = get_num(&p->s, &m);

	if (!len || len > 2)
		return false;
	if (*p->s == ':') {
		p->s++;
		if (!get_num(&p->s, &sec))
			return false;
		ns = get_frac(&p->s);
	}
	return set_time(p, h, m, sec, ns) && ampm(p);
}

/* "-YYYY" after "17-Jun" or "Jun-17", or nothing. */
static bool dashed_year(struct pdate *p, long d, long m)
{
	long y;
	int len;

	if (*p->s != '-' || !isdigit(p->s[1]))
		return set_date(p, p->year, m, d, false);
	p->s++;
	len = get_num(&p->s, &y);
	return set_date(p, full_year(y, len), m, d, true);
}

/* The month-name forms "Jan 2", "Jan 2, 2024" and "Jun-17-1992" (the name already read
 * as m); a year without the comma is left to number_item(). */
static bool month_item(struct pdate *p, long m)
{
	long d, y;
	int len;

	if (*p->s == '-' && isdigit(p->s[1])) {
		p->s++;
		get_num(&p->s, &d);
		return dashed_year(p, d, m);
	}
	while (isspace(*p->s))
		p->s++;
	if (!get_num(&p->s, &d) || !set_date(p, p->year, m, d, false))
		return false;
	while (isspace(*p->s))
		p->s++;
	if (*p->s == ',') {
		p->s++;
		skip_space(p);
		if (!(len = get_num(&p->s, &y)))
			return false;
		p->year = full_year(y, len);
		p->have_year = true;
	}
	return true;
}

/* YYYY-MM-DD[THH:MM[:SS[.FRAC]]] with p->s on the first '-'. */
static bool iso_date(struct pdate *p, long y, int len)
{
	long m, d, h;

	p->s++;
	if (!get_num(&p->s, &m) || *p->s++ != '-' || !get_num(&p->s, &d) ||
	    !set_date(p, full_year(y, len), m, d, true))
		return false;
	if ((*p->s != 'T' && *p->s != 't') || !isdigit(p->s[1]))
		return true;
	p->s++;
	get_num(&p->s, &h);
	return *p->s++ == ':' && clock_time(p, h);
}

/* MM/DD[/YYYY] or YYYY/MM/DD with p->s on the first '/'. */
static bool us_date(struct pdate *p, long m, int mlen)
{
	long d, y = p->year;
	int len;

	p->s++;
	if (!get_num(&p->s, &d))
		return false;
	if (*p->s != '/')
		return set_date(p, y, m, d, false);
	p->s++;
	if (!(len = get_num(&p->s, &y)))
		return false;
	if (mlen >= 3)	/* the year came first */
		return set_date(p, m, d, y, true);
	return set_date(p, full_year(y, len), m, d, true);
}

/* "2 Jan [2024]", the month already read. */
static bool day_month(struct pdate *p, long d, long m)
{
	const char *save;
	long y;
	int len;

	if (!set_date(p, p->year, m, d, false))
		return false;
	skip_space(p);
	save = p->s;
	len = get_num(&p->s, &y);
	if (len && *p->s != ':') {
		p->year = full_year(y, len);
		p->have_year = true;
	} else {
		p->s = save;
	}
	return true;
}

/* A number alone: a year, YYYYMMDD, HHMM or HH. */
static bool bare_number(struct pdate *p, long n, int len)
{
	/* after "Jan 2" or "1/2": a year if a time came first or it has 3 digits or more */
	if (p->have_date && !p->have_year && !p->have_rel && (p->have_time || len > 2)) {
		p->year = full_year(n, len);
		p->have_year = true;
		return true;
	}
	if (len > 4 && !p->have_date)	/* get_num saturated beyond 9 digits */
		return len <= 9 && set_date(p, n / 10000, n / 100 % 100, n % 100, true);
	if (len <= 4 && !p->have_time)
		return len <= 2 ? set_time(p, n, 0, 0, 0) : set_time(p, n / 100, n % 100, 0, 0);
	return false;
}

static bool number_item(struct pdate *p)
{
	long n;
	int len = get_num(&p->s, &n), m;
	const char *save;
	char w[12];

	if (*p->s == '-' && isalpha(p->s[1])) {	/* DD-Mon[-YYYY] */
		p->s++;
		get_word(p, w, sizeof(w));
		return (m = month_index(w)) && dashed_year(p, n, m);
	}
	if (*p->s == '-' && isdigit(p->s[1]))
		return iso_date(p, n, len);
	if (*p->s == '/')
		return us_date(p, n, len);
	if (*p->s == ':') {
		p->s++;
		return clock_time(p, n);
	}
	if (rel_unit(p, n))
		return true;
	save = p->s;
	skip_space(p);
	if (get_word(p, w, sizeof(w))) {
		if ((m = month_index(w)))
			return day_month(p, n, m);
		if (!strcmp(w, "am") || !strcmp(w, "pm")) {	/* "3pm" */
			p->s = save;
			return len <= 2 && set_time(p, n, 0, 0, 0) && ampm(p);
		}
	}
	p->s = save;
	return bare_number(p, n, len);
}

static bool unit_follows(struct pdate *p)
{
	const char *save = p->s;
	char w[12];
	const struct word *k;

	skip_space(p);
	get_word(p, w, sizeof(w));
	k = find_word(w);
	p->s = save;
	return k && k->kind == W_UNIT;
}

/* A zone name, maybe with an offset from it: "UTC+1", "GMT -05:00" (but "UTC -1 day"
 * is a relative item). */
static bool zone_name(struct pdate *p, long minutes)
{
	const char *q = p->s, *save = p->s;

	if (p->have_zone)
		return false;
	while (isspace(*q))
		q++;
	if ((*q == '+' || *q == '-') && isdigit(q[1])) {
		p->s = q + 1;
		if (zone_offset(p, *q == '-' ? -1 : 1) && !unit_follows(p)) {
			p->zone += minutes * 60;
			return true;
		}
		p->s = save;
	}
	p->zone = minutes * 60;
	p->have_zone = true;
	return true;
}

static bool word_item(struct pdate *p)
{
	char w[12];
	const struct word *k;
	int i;

	get_word(p, w, sizeof(w));
	if ((i = month_index(w)))
		return month_item(p, i);
	if ((i = day_index(w)) >= 0) {
		if (p->have_dow)
			return false;
		p->dow = i;
		p->have_dow = true;
		return true;
	}
	for (i = 0; i < (int)(sizeof(zones) / sizeof(zones[0])); i++)
		if (!strcmp(w, zones[i].name))
			return zone_name(p, zones[i].minutes);
	k = find_word(w);
	if (!k)	/* the local zone's own names, as date prints them, mean local time */
		return !strcasecmp(w, tzname[0]) || !strcasecmp(w, tzname[1]);
	switch (k->kind) {
	case W_REL:
		add_rel(p, R_DAY, k->index);
		p->last_rel = -1;	/* "tomorrow ago" is not a date */
		return true;
	case W_UNIT:
		add_rel(p, k->index, k->value);
		return true;
	}
	/* an ordinal: a unit or a day name follows */
	if (rel_unit(p, k->value))
		return true;
	skip_space(p);
	get_word(p, w, sizeof(w));
	if ((i = day_index(w)) < 0 || p->have_dow)
		return false;
	p->dow = i;
	p->dow_ord = k->value;
	p->have_dow = true;
	return true;
}

/* "ago" after a relative item negates that item. */
static bool ago(struct pdate *p)
{
	const char *save = p->s;
	char w[8];

	skip_space(p);
	if (get_word(p, w, sizeof(w)) && !strcmp(w, "ago")) {
		if (p->last_rel < 0)
			return false;
		p->rel[p->last_rel] -= 2 * p->last_amount;
		p->last_rel = -1;
		return true;
	}
	p->s = save;
	return true;
}

static bool parse_items(struct pdate *p)
{
	for (;;) {
		bool ok;
		skip_space(p);
		if (!*p->s)
			return true;
		p->last_rel = -1;
		if (isdigit(*p->s))
			ok = number_item(p);
		else if (*p->s == '+' || *p->s == '-')
			ok = signed_item(p);
		else if (isalpha(*p->s))
			ok = word_item(p);
		else
			ok = false;
		if (!ok || !ago(p))
			return false;
	}
}

static int parse_epoch(const char *s, struct timespec *ts)
{
	while (isspace(*s))
		s++;
	bool neg = *s == '-';
	long long sec = 0;
	long ns;

	s += neg || *s == '+';
	if (!isdigit(*s))
		return -1;
	for (; isdigit(*s); s++) {
		if (sec > (LLONG_MAX - 9) / 10)
			return -1;
		sec = sec * 10 + (*s - '0');
	}
	ns = get_frac(&s);
	while (isspace(*s))
		s++;
	if (*s)
		return -1;
	if (neg && ns)	/* -1.5 is 1.5 seconds before the epoch */
		sec++, ns = 1000000000 - ns;
	if ((time_t)(neg ? -sec : sec) != (neg ? -sec : sec))
		return -1;
	ts->tv_sec = neg ? -sec : sec;
	ts->tv_nsec = ns;
	return 0;
}

/* Seconds since the epoch of tm's fields as UTC (timegm is not POSIX). */
static long long utc_seconds(const struct tm *tm)
{
	long long y = tm->tm_year + 1900LL, m = tm->tm_mon + 1;

	y += m / 12, m %= 12;	/* normalise month overflow */
	if (m <= 0)
		m += 12, y--;
	/* days from civil: shift the year to start in March */
	long long yy = y - (m <= 2);
	long long era = (yy >= 0 ? yy : yy - 399) / 400;
	long long yoe = yy - era * 400;
	long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + tm->tm_mday - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	long long days = era * 146097 + doe - 719468;
	return days * 86400 + tm->tm_hour * 3600LL + tm->tm_min * 60LL + tm->tm_sec;
}

static int days_in_month(long y, long m)
{
	static const uint8_t days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return days[m - 1] + (m == 2 && leap);
}

/* tm's fields, in the parsed zone or the local one, to seconds; false if out of range. */
static bool to_seconds(const struct pdate *p, struct tm *tm, time_t *t)
{
	if (p->have_zone) {
		long long s = utc_seconds(tm) - p->zone;
		*t = s;
		if ((long long)*t != s)
			return false;
		time_t local = s + p->zone;
		gmtime_r(&local, tm);	/* normalise the fields, still in that zone */
		return true;
	}
	tm->tm_isdst = -1;
	errno = 0;
	*t = mktime(tm);
	return !(*t == (time_t)-1 && errno);
}

/* TZ="ZONE" before a date: the rest is read with TZ set to ZONE. s is after TZ=". */
static int parse_in_zone(const char *s, const struct timespec *now, struct timespec *ts)
{
	char *zone = xmalloc(strlen(s) + 1), *z = zone;
	const char *old = getenv("TZ");
	char *saved = old ? xstrdup(old) : NULL;
	int r = -1;

	for (; *s && *s != '"'; s++) {
		if (*s == '\\' && (s[1] == '"' || s[1] == '\\'))
			s++;
		*z++ = *s;
	}
	*z = 0;
	if (*s == '"') {
		setenv("TZ", zone, 1);
		tzset();
		r = bb_parse_date(s + 1, now, ts);
		if (saved)
			setenv("TZ", saved, 1);
		else
			unsetenv("TZ");
		tzset();
	}
	free(saved);
	free(zone);
	return r;
}

int bb_parse_date(const char *s, const struct timespec *now, struct timespec *ts)
{
	struct pdate p;
	struct tm tm;
	time_t t;
	long long sec;

	while (isspace(*s))
		s++;
	if (*s == '@')
		return parse_epoch(s + 1, ts);
	if (is_prefixed_with(s, "TZ=\""))
		return parse_in_zone(s + 4, now, ts);
	memset(&p, 0, sizeof(p));
	p.s = s;
	p.last_rel = -1;
	t = now->tv_sec;
	localtime_r(&t, &tm);
	p.year = tm.tm_year + 1900L;
	if (!parse_items(&p) || p.too_far)
		return -1;
	if (p.have_date) {
		if (p.year < -100000 || p.year > 100000)
			return -1;
		tm.tm_year = p.year - 1900, tm.tm_mon = p.mon - 1, tm.tm_mday = p.mday;
		if (p.mday > days_in_month(p.year, p.mon))	/* Feb 30 */
			return -1;
	}
	ts->tv_nsec = now->tv_nsec;
	/* as GNU: the fields of local now are read in the zone given, if any */
	if (p.have_date || p.have_time || p.have_dow || !p.have_rel) {
		tm.tm_hour = p.hour, tm.tm_min = p.min, tm.tm_sec = p.sec;
		ts->tv_nsec = p.nsec;
	}
	if (!to_seconds(&p, &tm, &t))
		return -1;
	if (p.have_dow && !p.have_date) {
		long ord = p.dow_ord - (p.dow_ord > 0 && tm.tm_wday != p.dow);
		tm.tm_mday += (p.dow - tm.tm_wday + 7) % 7 + 7 * ord;
		if (!to_seconds(&p, &tm, &t))
			return -1;
	}
	if (p.rel[R_YEAR] || p.rel[R_MON] || p.rel[R_DAY]) {
		tm.tm_year += p.rel[R_YEAR];
		tm.tm_mon += p.rel[R_MON];
		tm.tm_mday += p.rel[R_DAY];
		if (!to_seconds(&p, &tm, &t))
			return -1;
	}
	sec = (long long)t + p.rel[R_HOUR] * 3600LL + p.rel[R_MIN] * 60LL + p.rel[R_SEC];
	ts->tv_sec = sec;
	return (long long)ts->tv_sec == sec ? 0 : -1;
}
