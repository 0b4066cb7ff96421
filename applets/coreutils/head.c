/* head: print the first lines or bytes of files.
 * POSIX head (-n, and the historical -NUM) with the GNU options -c -q -v -z, size
 * suffixes and negative counts ("all but the last N"). Like GNU, a seekable input is
 * left positioned just after the last byte printed, so the next reader of a shared
 * descriptor continues there. Deviation: -NUM takes no letter after it (GNU: -5c).
 */

/*== applet
applet head /usr/bin
options n(lines): {FEATURE_FANCY_HEAD} c(bytes):q(quiet)(silent)v(verbose)z(zero-terminated) {} ~n [-nc] [-qv]
config HEAD
	bool "head"
	default y
	help
	  Print the first 10 lines of files.

config FEATURE_FANCY_HEAD
	bool "Enable -c, -q, -v, -z and negative counts"
	default y
	depends on HEAD
usage [-n [-]NUM] [-c [-]NUM] [-qvz] [FILE]...
Print the first 10 lines of each FILE (standard input if none, or -) to standard output,
with a ==> FILE <== header before each one if there are several.

	-n NUM	Print the first NUM lines (-NUM is the same)
{FEATURE_FANCY_HEAD}	-n -NUM	Print all but the last NUM lines
{FEATURE_FANCY_HEAD}	-c NUM	Print the first NUM bytes
{FEATURE_FANCY_HEAD}	-c -NUM	Print all but the last NUM bytes
{FEATURE_FANCY_HEAD}	-q	Never print headers
{FEATURE_FANCY_HEAD}	-v	Always print headers
{FEATURE_FANCY_HEAD}	-z	Lines end with NUL, not newline
{FEATURE_FANCY_HEAD}NUM may have a suffix: b (512), kB (1000), K (1024), MB, M, GB, G, ...
==*/

#include "libbb.h"
#include "flags/head.h"

enum { BUFSZ = 64 * 1024 };

GLOBALS(
	unsigned long long count;
	bool all_but;		/* a negative count: all but the last count lines/bytes */
	bool bytes;
	char delim;
);

/* [-]DIGITS[SUFFIX], as GNU: the limits are those of its unsigned and off_t counts. */
static void parse_count(const char *s, const char *what)
{
	int err;

	G.all_but = ENABLE_FEATURE_FANCY_HEAD && *s == '-';
	s += G.all_but;
	err = bb_strtoull(s, 10, ENABLE_FEATURE_FANCY_HEAD ? size_suffixes : NULL, 0,
			  G.all_but ? LLONG_MAX : ULLONG_MAX, &G.count);
	if (err == ERANGE)
		bb_error_msg_and_die("invalid number of %s: '%s': %s", what, s,
				     "Value too large for defined data type");	/* glibc's words */
	if (err)
		bb_error_msg_and_die("invalid number of %s: '%s'", what, s);
}

static int head_bytes(int fd, unsigned long long n)
{
	char buf[BUFSZ];

	while (n) {
		ssize_t len = safe_read(fd, buf, n < BUFSZ ? n : BUFSZ);
		if (len <= 0)
			return len;
		xwrite(STDOUT_FILENO, buf, len);
		n -= len;
	}
	return 0;
}

/* Reads ahead a buffer at a time, then gives what follows the last line back to a
 * seekable input. */
static int head_lines(int fd, unsigned long long n)
{
	char buf[BUFSZ];

	while (n) {
		ssize_t len = safe_read(fd, buf, BUFSZ);
		const char *p = buf, *end, *nl;
		if (len <= 0)
			return len;
		end = buf + len;
		while (n && (nl = memchr(p, G.delim, end - p)) != NULL) {
			p = nl + 1;
			n--;
		}
		if (n)
			p = end;
		xwrite(STDOUT_FILENO, buf, p - buf);
		if (p != end)
			lseek(fd, p - end, SEEK_CUR);
	}
	return 0;
}

static size_t count_delims(const char *p, const char *end)
{
	size_t n = 0;

	while ((p = memchr(p, G.delim, end - p)) != NULL) {
		p++;
		n++;
	}
	return n;
}

/* The input held back by elide_tail(): a queue of blocks; units are bytes for -c,
 * delimiters for -n. */
struct block {
	struct block *next;
	size_t len, units;
	char data[BUFSZ];
};

/* At EOF: print the first units lines or bytes of the queue; returns the bytes left. */
static unsigned long long print_blocks(const struct block *b, unsigned long long units)
{
	unsigned long long left = 0;

	for (; b; b = b->next) {
		size_t part = b->len;
		if (units <= b->units) {
			if (G.bytes) {
				part = units;
			} else {
				const char *p = b->data;
				for (unsigned long long i = 0; i < units; i++)
					p = (const char *)memchr(p, G.delim, b->data + b->len - p) + 1;
				part = p - b->data;
			}
		}
		units -= part == b->len ? b->units : units;
		xwrite(STDOUT_FILENO, b->data, part);
		left += b->len - part;
	}
	return left;
}

/* All but the last lines or bytes of any input, a pipe too. Only what may belong to
 * that tail is held, in blocks: the oldest one is printed as soon as the blocks after
 * it hold the whole tail. */
static int elide_tail(int fd)
{
	struct block *head = NULL, *tail = NULL, *b;
	unsigned long long held = 0, units;
	char last = G.delim;
	ssize_t len;

	for (;;) {
		if (!tail || tail->len == BUFSZ) {
			b = xmalloc(sizeof(*b));
			b->next = NULL;
			b->len = b->units = 0;
			*(tail ? &tail->next : &head) = b;
			tail = b;
		}
		len = safe_read(fd, tail->data + tail->len, BUFSZ - tail->len);
		if (len <= 0)
			break;
		units = G.bytes ? (size_t)len :
			count_delims(tail->data + tail->len, tail->data + tail->len + len);
		tail->len += len;
		tail->units += units;
		held += units;
		last = tail->data[tail->len - 1];
		/* with lines, the line ending at the first delimiter after head is in the tail */
		while (head != tail && held - head->units >= G.count + !G.bytes) {
			xwrite(STDOUT_FILENO, head->data, head->len);
			held -= head->units;
			b = head;
			head = head->next;
			free(b);
		}
	}
	if (len == 0) {
		/* an unterminated last line counts as a line */
		units = held + (!G.bytes && last != G.delim);
		units = print_blocks(head, units > G.count ? units - G.count : 0);
		if (units)
			lseek(fd, -(off_t)units, SEEK_CUR);
	}
	while (head) {
		b = head;
		head = head->next;
		free(b);
	}
	return len;
}

static int head_fd(int fd)
{
	struct stat st;
	off_t pos;

	if (!G.all_but)
		return G.bytes ? head_bytes(fd, G.count) : head_lines(fd, G.count);
	/* a regular file's size says where to stop without reading ahead */
	if (G.bytes && !fstat(fd, &st) && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (pos = lseek(fd, 0, SEEK_CUR)) >= 0) {
		unsigned long long left = st.st_size > pos ? st.st_size - pos : 0;
		return head_bytes(fd, left > G.count ? left - G.count : 0);
	}
	return elide_tail(fd);
}

int head_main(int argc, char **argv)
{
	char *stdin_only[] = { (char *)"-", NULL };
	bool headers = FLAG(v) || (argc > 2 && !FLAG(q));
	bool first = true;
	int status = 0;

	G.bytes = FLAG(c);
	G.delim = FLAG(z) ? '\0' : '\n';
	if (G.bytes)
		parse_count(G.c, "bytes");
	else
		parse_count(FLAG(n) ? G.n : "10", "lines");
	for (argv = argc > 1 ? argv + 1 : stdin_only; *argv; argv++) {
		bool is_stdin = !strcmp(*argv, "-");
		const char *name = is_stdin ? "standard input" : *argv;
		int fd = is_stdin ? STDIN_FILENO : open(*argv, O_RDONLY);
		if (fd < 0) {
			bb_perror_msg("cannot open '%s' for reading", *argv);
			status = 1;
			continue;
		}
		if (headers) {
			char *header = xasprintf("%s==> %s <==\n", first ? "" : "\n", name);
			xwrite_str(STDOUT_FILENO, header);
			free(header);
			first = false;
		}
		if (head_fd(fd) < 0) {
			bb_perror_msg("error reading '%s'", name);
			status = 1;
		}
		if (!is_stdin)
			close(fd);
	}
	return status;
}
