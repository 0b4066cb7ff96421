/* tail: print the last lines or bytes of files.
 * POSIX tail (-c -n with + forms, -f, the historical -NUM and +NUM) with the GNU options
 * -F --follow[=name|descriptor] --retry --pid -s -q -v -z and size suffixes. A regular
 * file is read backwards from its end; a pipe keeps only what may be in the tail.
 * Following polls (every -s seconds, default 1; on Linux inotify ends the wait early
 * when a followed file changes), so a renamed and recreated file is reported as replaced. Deviation: -NUM takes no letter after it.
 */

/*== applet
applet tail /usr/bin
options n(lines):c(bytes):q(quiet)(silent)v(verbose)z(zero-terminated) {FEATURE_TAIL_FOLLOW} f (follow)? F s(sleep-interval): (pid): (retry) {} ~n [-nc] [-qv]
config TAIL
	bool "tail"
	default y
	help
	  Print the last 10 lines of files.

config FEATURE_TAIL_FOLLOW
	bool "Follow growing files (-f, -F, --retry, --pid, -s)"
	default y
	depends on TAIL
usage [-n [+]NUM] [-c [+]NUM] [-qvz] [-fF] [-s SEC] [--pid PID] [--retry] [FILE]...
Print the last 10 lines of each FILE (standard input if none, or -), with a
==> FILE <== header before each one if there are several.

	-n NUM	Print the last NUM lines (-NUM is the same)
	-n +NUM	Print from line NUM on (+NUM is the same)
	-c NUM	Print the last NUM bytes
	-c +NUM	Print from byte NUM on
	-q	Never print headers
	-v	Always print headers
	-z	Lines end with NUL, not newline
{FEATURE_TAIL_FOLLOW}	-f	Then print data appended to the files, until killed
{FEATURE_TAIL_FOLLOW}	--follow[=name|descriptor]	-f; name: reopen a FILE renamed or recreated
{FEATURE_TAIL_FOLLOW}	-F	--follow=name --retry
{FEATURE_TAIL_FOLLOW}	-s SEC	Check the files every SEC seconds (default 1)
{FEATURE_TAIL_FOLLOW}	--pid PID	Stop following once process PID is gone
{FEATURE_TAIL_FOLLOW}	--retry	Keep trying to open a FILE that is missing
NUM may have a suffix: b (512), kB (1000), K (1024), MB, M, GB, G, ...
==*/

#include "libbb.h"
#include "flags/tail.h"
#include <time.h>
#ifdef __linux__
#include <poll.h>
#include <sys/inotify.h>
#endif

enum { BUFSZ = 64 * 1024 };

struct tfile {
	const char *name;	/* as given; "-" is standard input */
	int fd;
	dev_t dev;
	ino_t ino;
	bool seen;		/* has been opened once */
	int wd;			/* inotify watch of the name, or -1 */
};

GLOBALS(
	unsigned long long count;
	bool from_start;	/* +NUM */
	bool bytes;
	char delim;
	bool headers;
	int status;
	int last;		/* index of the file whose data was printed last, or -1 */
	bool by_name;
	struct tfile *files;
	int nfiles;
);

static const char *display_name(const char *name)
{
	return strcmp(name, "-") ? name : "standard input";
}

static void header(int i)
{
	if (G.headers && G.last != i) {
		char *h = xasprintf("%s==> %s <==\n", G.last == -2 ? "" : "\n",
				    display_name(G.files[i].name));
		xwrite_str(STDOUT_FILENO, h);
		free(h);
	}
	G.last = i;
}

static void parse_count(const char *s, const char *what)
{
	G.from_start = *s == '+';
	s += *s == '+' || *s == '-';
	if (bb_strtoull(s, 10, size_suffixes, 0, ULLONG_MAX, &G.count))
		bb_error_msg_and_die("invalid number of %s: '%s'", what, s);
}

/* Copy fd to stdout until EOF; returns -1 on a read error. */
static int copy_rest(int fd)
{
	char buf[BUFSZ];
	ssize_t n;

	while ((n = safe_read(fd, buf, sizeof(buf))) > 0)
		xwrite(STDOUT_FILENO, buf, n);
	return n;
}

/* +NUM: skip NUM-1 lines or bytes, then copy the rest. */
static int tail_from_start(int fd)
{
	unsigned long long skip = G.count ? G.count - 1 : 0;
	char buf[BUFSZ];
	ssize_t n;

	if (G.bytes && skip && lseek(fd, skip, SEEK_CUR) >= 0)
		skip = 0;
	while (skip) {
		const char *p, *end;
		n = safe_read(fd, buf, sizeof(buf));
		if (n <= 0)
			return n;
		p = buf;
		end = buf + n;
		if (G.bytes) {
			size_t k = skip < (unsigned long long)n ? skip : (size_t)n;
			p += k;
			skip -= k;
		} else {
			while (skip && (p = memchr(p, G.delim, end - p)) != NULL) {
				p++;
				skip--;
			}
			if (!p)
				p = end;
		}
		xwrite(STDOUT_FILENO, p, end - p);
	}
	return copy_rest(fd);
}

/* Where the last G.count lines of buf start (a last line without its delimiter counts). */
static size_t lines_start(const char *buf, size_t len, unsigned long long *need)
{
	const char *p;

	while ((p = memrchr(buf, G.delim, len)) != NULL) {
		len = p - buf;
		if ((*need)-- == 0)
			return len + 1;
	}
	return 0;
}

/* A regular file: read backwards from the end. */
static int tail_seekable(int fd, off_t start, off_t size)
{
	char *buf;
	off_t pos = size;
	unsigned long long need = G.count;
	size_t off = 0;

	if (G.bytes) {
		pos = size - start > (off_t)G.count ? size - (off_t)G.count : start;
		if (lseek(fd, pos, SEEK_SET) < 0)
			return -1;
		return copy_rest(fd);
	}
	if (!need) {
		lseek(fd, size, SEEK_SET);
		return 0;
	}
	buf = xmalloc(BUFSZ);
	/* the delimiter ending the last line is not a line start */
	if (pos > start && pread(fd, buf, 1, pos - 1) == 1 && buf[0] == G.delim)
		need++;
	need--;
	while (pos > start) {
		size_t len = pos - start > BUFSZ ? BUFSZ : pos - start;
		pos -= len;
		if (pread(fd, buf, len, pos) != (ssize_t)len) {
			free(buf);
			return -1;
		}
		off = lines_start(buf, len, &need);
		if (off)
			break;
	}
	free(buf);
	if (lseek(fd, pos + off, SEEK_SET) < 0)
		return -1;
	return copy_rest(fd);
}

struct block {
	struct block *next;
	size_t len, units;
	char data[BUFSZ];
};

/* A pipe: hold blocks while what follows them may not hold the whole tail. */
static int tail_stream(int fd)
{
	struct block *head = NULL, *tail = NULL, *b;
	unsigned long long held = 0;
	ssize_t n;
	size_t total = 0;
	char *all, *p;

	for (;;) {
		if (!tail || tail->len == BUFSZ) {
			b = xzalloc(sizeof(*b));
			*(tail ? &tail->next : &head) = b;
			tail = b;
		}
		n = safe_read(fd, tail->data + tail->len, BUFSZ - tail->len);
		if (n <= 0)
			break;
		size_t units = n;
		if (!G.bytes) {
			units = 0;
			for (const char *q = tail->data + tail->len, *e = q + n;
			     (q = memchr(q, G.delim, e - q)) != NULL; q++)
				units++;
		}
		tail->len += n;
		tail->units += units;
		held += units;
		while (head != tail && held - head->units >= G.count + !G.bytes) {
			held -= head->units;
			b = head;
			head = head->next;
			free(b);
		}
	}
	for (b = head; b; b = b->next)
		total += b->len;
	p = all = xmalloc(total + 1);
	while (head) {
		memcpy(p, head->data, head->len);
		p += head->len;
		b = head;
		head = head->next;
		free(b);
	}
	if (n == 0) {
		size_t start;
		if (G.bytes) {
			start = total > G.count ? total - G.count : 0;
		} else {
			unsigned long long need = G.count - 1 + (total && all[total - 1] == G.delim);
			start = G.count ? lines_start(all, total, &need) : total;
		}
		xwrite(STDOUT_FILENO, all + start, total - start);
	}
	free(all);
	return n;
}

static int tail_fd(int fd)
{
	struct stat st;
	off_t start;

	if (G.from_start)
		return tail_from_start(fd);
	if (!fstat(fd, &st) && S_ISREG(st.st_mode) && (start = lseek(fd, 0, SEEK_CUR)) >= 0 &&
	    st.st_size >= start)
		return tail_seekable(fd, start, st.st_size);
	return tail_stream(fd);
}

static int open_file(struct tfile *f, bool quiet)
{
	struct stat st;

	f->fd = strcmp(f->name, "-") ? open(f->name, O_RDONLY) : STDIN_FILENO;
	if (f->fd < 0) {
		if (!quiet)
			bb_perror_msg("cannot open '%s' for reading", f->name);
		return -1;
	}
	if (!fstat(f->fd, &st)) {
		f->dev = st.st_dev;
		f->ino = st.st_ino;
	}
	f->seen = true;
	return 0;
}

static void close_file(struct tfile *f)
{
	if (f->fd > STDIN_FILENO)
		close(f->fd);
	f->fd = -1;
}

/* -F: reopen a name now pointing elsewhere, give up a name gone. */
static void check_name(struct tfile *f)
{
	struct stat st;

	if (stat(f->name, &st) < 0) {
		if (f->fd >= 0) {
			bb_perror_msg("'%s' has become inaccessible", f->name);
			close_file(f);
		}
		return;
	}
	if (f->fd >= 0 && st.st_dev == f->dev && st.st_ino == f->ino)
		return;
	bool was_open = f->fd >= 0;
	close_file(f);
	if (open_file(f, true) == 0)
		bb_error_msg("'%s' has %s;  following new file", f->name,
			     was_open ? "been replaced" : "appeared");
}

/* Print what has been appended to f; returns true if there was something. */
static bool poll_file(int i)
{
	struct tfile *f = &G.files[i];
	struct stat st;
	off_t pos;
	char buf[BUFSZ];
	ssize_t n;
	bool any = false;

	if (f->fd < 0)
		return false;
	if (!fstat(f->fd, &st) && S_ISREG(st.st_mode) && (pos = lseek(f->fd, 0, SEEK_CUR)) >= 0 &&
	    st.st_size < pos) {
		bb_error_msg("%s: file truncated", display_name(f->name));
		lseek(f->fd, 0, SEEK_SET);
	}
	while ((n = safe_read(f->fd, buf, sizeof(buf))) > 0) {
		header(i);
		xwrite(STDOUT_FILENO, buf, n);
		any = true;
	}
	if (n < 0) {
		bb_perror_msg("error reading '%s'", display_name(f->name));
		close_file(f);
	}
	return any;
}

#ifdef __linux__
/* Print what the files inotify names in buf (n bytes of events) got, in event order. */
static void poll_events(const char *buf, ssize_t n)
{
	struct inotify_event ev;

	for (ssize_t at = 0; at + (ssize_t)sizeof(ev) <= n; at += sizeof(ev) + ev.len) {
		memcpy(&ev, buf + at, sizeof(ev));
		for (int i = 0; i < G.nfiles; i++)
			if (G.files[i].wd == ev.wd && (ev.mask & IN_MODIFY))
				poll_file(i);
	}
}
#endif

/* Sleep for ts, less if inotify (ino >= 0) reports a change to a followed file. */
static void wait_change(int ino, const struct timespec *ts)
{
#ifdef __linux__
	if (ino >= 0) {
		struct pollfd pfd = { .fd = ino, .events = POLLIN };
		double ms = (double)ts->tv_sec * 1000 + ts->tv_nsec / 1000000;
		char buf[4096] __attribute__((aligned(8)));
		ssize_t n;

		for (int i = 0; i < G.nfiles; i++)	/* again: a name may be a new file */
			G.files[i].wd = !strcmp(G.files[i].name, "-") ? -1 :
				inotify_add_watch(ino, G.files[i].name, IN_MODIFY | IN_ATTRIB |
						  IN_MOVE_SELF | IN_DELETE_SELF);
		if (poll(&pfd, 1, ms > INT_MAX ? INT_MAX : (int)ms) > 0)
			while ((n = read(ino, buf, sizeof(buf))) > 0)
				poll_events(buf, n);
		return;
	}
#endif
	(void)ino;
	nanosleep(ts, NULL);
}

static NORETURN void follow(double interval, long pid)
{
	struct timespec ts;
#ifdef __linux__
	int ino = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
#else
	int ino = -1;
#endif

	ts.tv_sec = (time_t)interval;
	ts.tv_nsec = (long)((interval - (double)ts.tv_sec) * 1e9);
	for (;;) {
		bool any = false, open_any = false;
		bool dead = pid && kill(pid, 0) < 0 && errno == ESRCH;
		for (int i = 0; i < G.nfiles; i++) {
			if (G.by_name && strcmp(G.files[i].name, "-"))
				check_name(&G.files[i]);
			else if (FLAG(retry) && !G.files[i].seen && G.files[i].fd < 0 &&
				 open_file(&G.files[i], true) == 0)
				bb_error_msg("'%s' has appeared;  following new file",
					     G.files[i].name);
			any |= poll_file(i);
			open_any |= G.files[i].fd >= 0;
		}
		if (!open_any && !FLAG(retry) && !G.by_name) {
			if (G.status)
				bb_error_msg_and_die("no files remaining");
			fflush_stdout_and_exit(0);	/* only pipes: nothing to follow */
		}
		if (dead)
			fflush_stdout_and_exit(G.status);
		if (!any)
			wait_change(ino, &ts);
	}
}

int tail_main(int argc, char **argv)
{
	char *stdin_only[] = { (char *)"-", NULL };
	bool following = ENABLE_FEATURE_TAIL_FOLLOW && (FLAG(f) || FLAG(F) || FLAG(follow));
	double interval = 1.0;
	long pid = 0;

	G.bytes = FLAG(c);
	G.delim = FLAG(z) ? '\0' : '\n';
	if (G.bytes)
		parse_count(G.c, "bytes");
	else
		parse_count(FLAG(n) ? G.n : "10", "lines");
	/* the historical "tail +NUM [FILE]" */
	if (!optflags && (argc == 2 || argc == 3) && argv[1][0] == '+' &&
	    strspn(argv[1] + 1, "0123456789") == strlen(argv[1] + 1) && argv[1][1]) {
		parse_count(argv[1], "lines");
		argv++;
		argc--;
	}
	if (ENABLE_FEATURE_TAIL_FOLLOW) {
		G.by_name = FLAG(F);
		if (FLAG(F))
			optflags |= FLAG_retry;
		if (FLAG(follow) && G.follow) {
			if (G.follow[0] && is_prefixed_with("name", G.follow))
				G.by_name = true;
			else if (!G.follow[0] || !is_prefixed_with("descriptor", G.follow))
				bb_error_msg_and_die("invalid argument '%s' for '--follow'", G.follow);
		}
		if (FLAG(s)) {
			char *end;
			interval = strtod(G.s, &end);
			if (!*G.s || *end || !(interval >= 0) || interval > 1e9)
				bb_error_msg_and_die("invalid number of seconds: '%s'", G.s);
		}
		if (FLAG(pid)) {
			long long v;
			if (bb_strtoll(G.pid, 10, NULL, 0, INT_MAX, &v))
				bb_error_msg_and_die("invalid PID: '%s'", G.pid);
			pid = v;
		}
		if (FLAG(retry) && !following)
			bb_error_msg("warning: --retry ignored; --retry is useful only when following");
		else if (FLAG(retry) && !G.by_name)
			bb_error_msg("warning: --retry only effective for the initial open");
		if (FLAG(pid) && !following)
			bb_error_msg("warning: PID ignored; --pid=PID is useful only when following");
	}
	char **names = argc > 1 ? argv + 1 : stdin_only;
	G.nfiles = argc > 1 ? argc - 1 : 1;
	G.files = xzalloc(G.nfiles * sizeof(*G.files));
	G.headers = FLAG(v) || (G.nfiles > 1 && !FLAG(q));
	G.last = -2;
	for (int i = 0; i < G.nfiles; i++) {
		struct tfile *f = &G.files[i];
		f->name = names[i];
		if (open_file(f, false) < 0) {
			G.status = 1;
			continue;
		}
		header(i);
		if (tail_fd(f->fd) < 0) {
			bb_perror_msg("error reading '%s'", display_name(f->name));
			G.status = 1;
		}
		struct stat st;
		if (!following || fstat(f->fd, &st) || !S_ISREG(st.st_mode))
			close_file(f);	/* a pipe's end is final */
	}
	if (following)
		follow(interval, pid);
	for (int i = 0; i < G.nfiles; i++)
		close_file(&G.files[i]);
	free(G.files);
	return G.status;
}
