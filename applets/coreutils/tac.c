/* tac: print files last line (record) first.
 * GNU tac (-b -r -s). A regular file is read backwards, a block at a time, with pread;
 * other input is held in memory. An empty separator means NUL, as in GNU.
 * Deviation: with -r the matches are found from the start of the input, leftmost
 * longest (GNU searches backwards, so '[0-9]*' can split "33" in two), and a match never
 * spans a NUL byte; the regular expression is a POSIX basic one.
 */

/*== applet
applet tac /usr/bin
options b(before)s(separator): {FEATURE_TAC_REGEX} r(regex) {}
config TAC
	bool "tac"
	default y
	help
	  Print files with their lines in reverse order.

config FEATURE_TAC_REGEX
	bool "Support -r (the separator is a regular expression)"
	default y
	depends on TAC
usage [-b] [-s SEP] [-r] [FILE]...
Write each FILE (standard input if none, or -) to standard output, last line first.

	-b	The separator comes before each record, not after
	-s SEP	Records end with SEP, not newline
{FEATURE_TAC_REGEX}	-r	SEP is a basic regular expression
==*/

#include "libbb.h"
#include "flags/tac.h"
#include <regex.h>

enum { BUFSZ = 64 * 1024 };

GLOBALS(
	const char *sep;
	size_t seplen;
	regex_t re;
	size_t olen;		/* bytes waiting in obuf */
	char obuf[BUFSZ];	/* short records gathered into one fwrite */
);

static void flush_out(void)
{
	if (G.olen)
		fwrite(G.obuf, 1, G.olen, stdout);
	G.olen = 0;
}

static void out(const char *p, size_t n)
{
	if (G.olen + n > sizeof(G.obuf)) {
		flush_out();
		if (n > sizeof(G.obuf) / 2) {
			fwrite(p, 1, n, stdout);
			return;
		}
	}
	memcpy(G.obuf + G.olen, p, n);
	G.olen += n;
}

/* The last separator in buf[0..limit), or -1. */
static ssize_t last_sep(const char *buf, size_t limit)
{
	if (limit < G.seplen)
		return -1;
	for (size_t n = limit - G.seplen + 1; n > 0;) {
		const char *p = memrchr(buf, G.sep[0], n);
		if (!p)
			break;
		n = p - buf;
		if (G.seplen == 1 || !memcmp(p, G.sep, G.seplen))
			return n;
	}
	return -1;
}

/* Records of buf[0..len) in reverse order, separators given by their offsets. */
static void print_reversed(const char *buf, size_t len, const size_t *seps, size_t n)
{
	size_t end = len;

	for (size_t i = n; i-- > 0;) {
		size_t b = seps[2 * i] + (FLAG(b) ? 0 : seps[2 * i + 1]);
		out(buf + b, end - b);
		end = b;
	}
	out(buf, end);
}

/* -r: find every match, leftmost longest, from the start. */
static void tac_regex(const char *buf, size_t len)
{
	size_t *seps = NULL, n = 0, cap = 0, pos = 0;

	while (pos < len) {
		regmatch_t m;
		const char *s = buf + pos;
		size_t slen = strnlen(s, len - pos);
		char *str = xstrndup(s, slen);
		int eflags = 0;
		size_t at = 0;
		while (at <= slen && !regexec(&G.re, str + at, 1, &m, eflags)) {
			size_t ms = at + m.rm_so, me = at + m.rm_eo;
			if (me == ms) {	/* an empty match separates nothing */
				at = me + 1;
				eflags = REG_NOTBOL;
				if (at > slen)
					break;
				continue;
			}
			if (n == cap) {
				cap = cap ? 2 * cap : 64;
				seps = xrealloc(seps, cap * 2 * sizeof(*seps));
			}
			seps[2 * n] = pos + ms;
			seps[2 * n + 1] = me - ms;
			n++;
			at = me;
			eflags = REG_NOTBOL;
		}
		free(str);
		pos += slen + 1;	/* past the NUL */
	}
	print_reversed(buf, len, seps, n);
	free(seps);
}

/* A fixed separator, over data read backwards with pread (or all in memory). */
static int tac_fixed(int fd, const char *mem, off_t start, off_t size)
{
	char *buf = NULL;
	off_t bufstart = size;	/* buf holds the input's [bufstart, end) */
	size_t have = 0, limit = 0, end = 0, blk = BUFSZ;

	if (mem) {
		buf = (char *)mem;
		bufstart = 0;
		have = limit = end = size;
	}
	for (;;) {
		ssize_t p = last_sep(buf, limit);
		if (p >= 0) {
			size_t b = p + (FLAG(b) ? 0 : G.seplen);
			out(buf + b, end - b);
			end = b;
			limit = p;
			continue;
		}
		if (bufstart <= start) {
			out(buf, end);
			break;
		}
		/* read another block in front of what is left */
		off_t newstart = bufstart - start > (off_t)blk ? bufstart - (off_t)blk : start;
		size_t add = bufstart - newstart;
		char *nb = xmalloc(add + end + 1);
		if (pread(fd, nb, add, newstart) != (ssize_t)add) {
			free(nb);
			free(buf);
			return -1;
		}
		if (end)
			memcpy(nb + add, buf, end);
		free(buf);
		buf = nb;
		bufstart = newstart;
		end += add;
		limit += add;
		have = end;
		if (blk < have)
			blk = have;	/* a long record: grow geometrically */
	}
	if (!mem)
		free(buf);
	return 0;
}

static int tac_fd(int fd)
{
	struct stat st;
	off_t start;
	char *mem = NULL;
	size_t len = 0, cap = 0;
	ssize_t n;

	if (!(ENABLE_FEATURE_TAC_REGEX && FLAG(r)) && !fstat(fd, &st) && S_ISREG(st.st_mode) &&
	    (start = lseek(fd, 0, SEEK_CUR)) >= 0 && st.st_size >= start)
	{
		int ret = tac_fixed(fd, NULL, start, st.st_size);
		flush_out();
		return ret;
	}
	for (;;) {
		if (cap - len < BUFSZ) {
			cap = cap ? 2 * cap : BUFSZ;
			mem = xrealloc(mem, cap);
		}
		n = safe_read(fd, mem + len, cap - len);
		if (n <= 0)
			break;
		len += n;
	}
	if (n == 0) {
		if (ENABLE_FEATURE_TAC_REGEX && FLAG(r))
			tac_regex(mem, len);
		else
			tac_fixed(fd, mem, 0, len);
	}
	flush_out();
	free(mem);
	return n;
}

int tac_main(int argc, char **argv)
{
	char *stdin_only[] = { (char *)"-", NULL };
	int status = 0;

	G.sep = FLAG(s) ? G.s : "\n";
	G.seplen = *G.sep ? strlen(G.sep) : 1;	/* "" is the NUL ending it */
	if (ENABLE_FEATURE_TAC_REGEX && FLAG(r)) {
		int err = regcomp(&G.re, *G.sep ? G.sep : "\n", 0);
		if (err) {
			char msg[256];
			regerror(err, &G.re, msg, sizeof(msg));
			bb_error_msg_and_die("%s", msg);
		}
	}
	for (argv = argc > 1 ? argv + 1 : stdin_only; *argv; argv++) {
		bool is_stdin = !strcmp(*argv, "-");
		int fd = is_stdin ? STDIN_FILENO : open(*argv, O_RDONLY);
		if (fd < 0) {
			bb_perror_msg("failed to open '%s' for reading", *argv);
			status = 1;
			continue;
		}
		if (tac_fd(fd) < 0) {
			bb_perror_msg("%s: read error", is_stdin ? "standard input" : *argv);
			status = 1;
		}
		if (!is_stdin)
			close(fd);
	}
	if (ENABLE_FEATURE_TAC_REGEX && FLAG(r))
		regfree(&G.re);
	return status;
}
