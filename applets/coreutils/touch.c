/* touch: change file access and modification times, creating files that do not exist.
 * POSIX touch with GNU's -d STRING (libbb/parse_date.c), -h, --time=WORD, --no-create
 * and "-" meaning standard output. -d with -r counts from the reference file's times,
 * as GNU does. Not supported: GNU's ignored -f, and the obsolete first-operand date.
 */

/*== applet
applet touch /bin
options a c(no-create) d(date): t: r(reference): h(no-dereference) m (time):
config TOUCH
	bool "touch"
	default y
	help
	  Update the access and modification times of files, creating missing ones.
usage [-acm] [-h] [-d STRING | -t STAMP | -r FILE] [--time=WORD] FILE...
Set the access and modification times of FILEs to now (or the given time), creating
empty files for those that do not exist. A FILE of - means standard output.

	-a	Change only the access time
	-m	Change only the modification time
	-c, --no-create	Do not create files
	-h	Change a symbolic link itself, not its target (implies -c)
	-d STRING	Use the time STRING describes ("2024-01-02 03:04", "@SECONDS"...)
	-t STAMP	Use the time [[CC]YY]MMDDhhmm[.ss]
	-r FILE	Use FILE's times
	--time=WORD	Change only atime (WORD is atime, access or use) or mtime (mtime, modify)
==*/

#include "libbb.h"
#include "flags/touch.h"
#include <time.h>

GLOBALS(
	int status;
);

/* Two decimal digits at s. */
static int two(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

/* [[CC]YY]MMDDhhmm[.ss] in local time. */
static bool parse_stamp(const char *s, const struct timespec *now, struct timespec *ts)
{
	const char *dot = strchr(s, '.');
	size_t len = dot ? (size_t)(dot - s) : strlen(s);
	struct tm tm;

	if (strspn(s, "0123456789") != len || (len != 8 && len != 10 && len != 12) ||
	    (dot && (strlen(dot) != 3 || strspn(dot + 1, "0123456789") != 2)))
		return false;
	localtime_r(&now->tv_sec, &tm);
	if (len == 12)
		tm.tm_year = two(s) * 100 + two(s + 2) - 1900, s += 4;
	else if (len == 10)
		tm.tm_year = two(s) + (two(s) < 69 ? 100 : 0), s += 2;
	tm.tm_mon = two(s) - 1;
	tm.tm_mday = two(s + 2);
	tm.tm_hour = two(s + 4);
	tm.tm_min = two(s + 6);
	tm.tm_sec = dot ? two(dot + 1) : 0;
	if (tm.tm_sec > 60 || tm.tm_hour > 23 || tm.tm_min > 59)
		return false;
	struct tm want = tm;
	tm.tm_isdst = -1;
	errno = 0;
	ts->tv_sec = mktime(&tm);
	ts->tv_nsec = 0;
	if (ts->tv_sec == (time_t)-1 && errno)
		return false;
	/* Feb 30 is not Mar 1; a leap second (:60) is the next minute */
	return want.tm_sec == 60 || (tm.tm_mday == want.tm_mday && tm.tm_mon == want.tm_mon);
}

/* Which times to change, from -a, -m and --time. */
static void choose_times(struct timespec ts[2])
{
	bool atime = FLAG(a), mtime = FLAG(m);

	if (FLAG(time)) {
		static const char *const words[] = { "atime", "access", "use", "mtime", "modify" };
		size_t n = strlen(G.time);
		int i;
		for (i = 0; i < 5; i++)
			if (n && !strncmp(words[i], G.time, n))
				break;
		if (i == 5) {
			bb_error_msg("invalid argument '%s' for '--time'\nValid arguments are:\n"
				     "  - 'atime', 'access', 'use'\n  - 'mtime', 'modify'", G.time);
			bb_show_usage();
		}
		if (i < 3)
			atime = true;
		else
			mtime = true;
	}
	if (atime && !mtime)
		ts[1].tv_nsec = UTIME_OMIT;
	if (mtime && !atime)
		ts[0].tv_nsec = UTIME_OMIT;
}

/* The times to set, from -d, -t, -r or now. */
static void get_times(struct timespec ts[2])
{
	struct timespec base[2];
	struct stat st;

	if (!!FLAG(t) + !!(FLAG(d) || FLAG(r)) > 1) {
		bb_error_msg("cannot specify times from more than one source");
		bb_show_usage();
	}
	ts[0].tv_nsec = ts[1].tv_nsec = UTIME_NOW;
	clock_gettime(CLOCK_REALTIME, &base[0]);
	base[1] = base[0];
	if (FLAG(r)) {
		if ((FLAG(h) ? lstat : stat)(G.r, &st))
			bb_perror_msg_and_die("failed to get attributes of '%s'", G.r);
		ts[0] = base[0] = st.st_atim;
		ts[1] = base[1] = st.st_mtim;
	}
	if (FLAG(t) && !parse_stamp(G.t, &base[0], &ts[0]))
		bb_error_msg_and_die("invalid date format '%s'", G.t);
	if (FLAG(d)) {
		for (int i = 0; i < 2; i++)
			if (bb_parse_date(G.d, &base[i], &ts[i]))
				bb_error_msg_and_die("invalid date format '%s'", G.d);
	}
	if (FLAG(t))
		ts[1] = ts[0];
}

static void touch_file(const char *file, const struct timespec ts[2])
{
	int fd = -1, open_err = 0, r;

	if (!strcmp(file, "-")) {
		r = futimens(STDOUT_FILENO, ts);
	} else {
		if (!FLAG(c) && !FLAG(h)) {
			fd = open(file, O_WRONLY | O_CREAT | O_NONBLOCK | O_NOCTTY, 0666);
			open_err = errno;
		}
		if (fd >= 0) {
			r = futimens(fd, ts);
			close(fd);
		} else {
			r = utimensat(AT_FDCWD, file, ts, FLAG(h) ? AT_SYMLINK_NOFOLLOW : 0);
		}
	}
	if (!r || (FLAG(c) && errno == ENOENT))
		return;
	G.status = 1;
	if (fd < 0 && open_err && open_err != EISDIR) {
		errno = open_err;
		bb_perror_msg("cannot touch '%s'", file);
	} else {
		bb_perror_msg("setting times of '%s'", file);
	}
}

int touch_main(int argc, char **argv)
{
	struct timespec ts[2];

	if (argc < 2) {
		bb_error_msg("missing file operand");
		bb_show_usage();
	}
	get_times(ts);
	choose_times(ts);
	for (int i = 1; i < argc; i++)
		touch_file(argv[i], ts);
	return G.status;
}
