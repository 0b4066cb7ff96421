/* cal: print a calendar of a month, three months or a year.
 * The traditional BSD layout that BusyBox cal prints (byte for byte, blank week rows
 * included), with util-linux's -3 and -s and month names ("cal feb 2024") added; the Julian calendar until September
 * 1752, when 2 September is followed by 14 September, and the Gregorian one after.
 * Today is shown in reverse video when standard output is a terminal.
 */

/*== applet
applet cal /usr/bin
options j m s [-ms] y 3 [!y3]
config CAL
	bool "cal"
	default y
	help
	  Print a calendar of a month or of a whole year.
usage [-jmsy3] [[MONTH] YEAR]
Print a calendar of this month, of MONTH of YEAR, or of all of YEAR. MONTH is a number
or a name (feb, February).

	-j	Number the days from 1 January (day of the year)
	-m	Weeks start on Monday
	-s	Weeks start on Sunday (the default)
	-y	Print the whole year
	-3	Print the previous, the current and the next month
==*/

#include "libbb.h"
#include "flags/cal.h"
#include <strings.h>
#include <time.h>

GLOBALS(
	struct tm today;
	bool tty;
);

#define BLANK_ROW_WIDTH 79	/* what BSD cal prints for an empty week row of a year */

static const char month_names[12][10] = {
	"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December"
};

static bool is_leap(int y)
{
	return y <= 1752 ? y % 4 == 0 : (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const uint8_t days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return days[m] + (m == 1 && is_leap(y));
}

/* 0 for Sunday; m is 0..11. Julian calendar before 14 September 1752. */
static int weekday(int y, int m, int d)
{
	long a = (13 - m) / 12, yy = y + 4800 - a, mm = m + 1 + 12 * a - 3;
	long jdn = d + (153 * mm + 2) / 5 + 365 * yy + yy / 4;
	bool gregorian = y > 1752 || (y == 1752 && (m > 8 || (m == 8 && d >= 14)));

	jdn += gregorian ? -yy / 100 + yy / 400 - 32045 : -32083;
	return (jdn + 1) % 7;
}

static int day_of_year(int y, int m, int d)
{
	for (int i = 0; i < m; i++)
		d += month_days(y, i);
	return d;
}

/* The 6 weeks of a month: day numbers, 0 for blank cells. */
static void fill_month(int y, int m, int cells[42])
{
	int pos = (weekday(y, m, 1) - (FLAG(m) ? 1 : 0) + 7) % 7;

	memset(cells, 0, 42 * sizeof(*cells));
	for (int d = 1; d <= month_days(y, m); d++) {
		if (y == 1752 && m == 8 && d > 2 && d < 14)
			continue;
		cells[pos++] = FLAG(j) ? day_of_year(y, m, d) : d;
	}
}

static int week_width(void)
{
	return FLAG(j) ? 27 : 20;
}

static void put_headings(void)
{
	static const char names[] = "SuMoTuWeThFrSaSu";
	const char *p = names + (FLAG(m) ? 2 : 0);

	for (int i = 0; i < 7; i++, p += 2)
		printf("%s%s%.2s", i ? " " : "", FLAG(j) ? " " : "", p);
}

/* One week of a month appended to row: cells of 3 (or 4 with -j) columns. */
static char *put_week(char *row, const int *cells, int y, int m)
{
	for (int i = 0; i < 7; i++) {
		int n = cells[i], w = FLAG(j) ? 3 : 2;
		bool today = n && G.tty && G.today.tm_year + 1900 == y && G.today.tm_mon == m &&
			     (FLAG(j) ? G.today.tm_yday + 1 : G.today.tm_mday) == n;
		if (!n)
			row += sprintf(row, "%*s", w + 1, "");
		else if (today)
			row += sprintf(row, "%*s\033[7m%d\033[m ", w - 1 - (n > 9) - (n > 99), "", n);
		else
			row += sprintf(row, "%*d ", w, n);
	}
	return row;
}

/* Trailing blanks trimmed, except on a row that is all blank. */
static void put_row(char *row, int blank_width)
{
	char *end = row + strlen(row);

	while (end > row && end[-1] == ' ')
		end--;
	if (end == row)
		printf("%*s\n", blank_width, "");
	else
		printf("%.*s\n", (int)(end - row), row);
}

static void center(const char *s, int width, int sep)
{
	int pad = width - (int)strlen(s);

	printf("%*s%s%*s", pad / 2, "", s, pad / 2 + pad % 2 + sep, "");
}

static void one_month(int y, int m)
{
	int cells[42];
	char title[24], row[7 * 40];

	fill_month(y, m, cells);
	int len = sprintf(title, "%s %d", month_names[m], y);
	printf("%*s%s\n", (week_width() - len) / 2, "", title);
	put_headings();
	putchar('\n');
	for (int w = 0; w < 6; w++) {
		put_week(row, cells + 7 * w, y, m);
		put_row(row, 7 * (FLAG(j) ? 4 : 3));
	}
}

/* n months side by side from month m of year y; titled with the year when with_year. */
static void months_row(int y, int m, int n, bool with_year)
{
	int cells[3][42], ys[3], ms[3];
	char title[24], row[3 * 7 * 40];

	for (int i = 0; i < n; i++) {
		ys[i] = y + (m + i) / 12;
		ms[i] = (m + i) % 12;
		fill_month(ys[i], ms[i], cells[i]);
		if (with_year)
			sprintf(title, "%s %d", month_names[ms[i]], ys[i]);
		center(with_year ? title : month_names[ms[i]], week_width(), i < n - 1 ? 2 : 0);
	}
	putchar('\n');
	for (int i = 0; i < n; i++) {
		fputs(i ? "  " : "", stdout);
		put_headings();
	}
	putchar('\n');
	for (int w = 0; w < 6; w++) {
		char *p = row;
		for (int i = 0; i < n; i++) {
			p = put_week(p, cells[i] + 7 * w, ys[i], ms[i]);
			*p++ = ' ';
		}
		*p = 0;
		put_row(row, BLANK_ROW_WIDTH);
	}
}

static void one_year(int y)
{
	int per_row = FLAG(j) ? 2 : 3;
	char title[8];

	sprintf(title, "%d", y);
	center(title, per_row * week_width() + (per_row - 1) * 2, 0);
	fputs("\n\n", stdout);
	for (int m = 0; m < 12; m += per_row)
		months_row(y, m, per_row, false);
}

static unsigned get_number(const char *s, unsigned hi)
{
	unsigned long long n;

	if (bb_strtoull(s, 10, NULL, 1, hi, &n)) {
		if (errno == ERANGE)
			bb_error_msg_and_die("number %s is not in 1..%u range", s, hi);
		bb_error_msg_and_die("invalid number '%s'", s);
	}
	return n;
}

/* A month number, or as util-linux a month name or its first three letters or more. */
static int month_arg(const char *s)
{
	size_t n = strlen(s);

	for (int m = 0; n >= 3 && m < 12; m++)
		if (!strncasecmp(s, month_names[m], n))
			return m;
	return get_number(s, 12) - 1;
}

int cal_main(int argc, char **argv)
{
	time_t now = time(NULL);
	int y, m;

	localtime_r(&now, &G.today);
	G.tty = isatty(STDOUT_FILENO);
	y = G.today.tm_year + 1900;
	m = G.today.tm_mon;
	if (argc > 3)
		bb_show_usage();
	if (argc > 1)
		y = get_number(argv[argc - 1], 9999);
	if (argc > 2)
		m = month_arg(argv[1]);
	if (FLAG(y) || argc == 2)
		one_year(y);
	else if (FLAG(3) && (y > 1 || m > 0) && (y < 9999 || m < 11))
		months_row(y - (m == 0), (m + 11) % 12, 3, true);
	else
		one_month(y, m);
	return 0;
}
