/* split: split a file into pieces.
 * POSIX split (-l -b -a, [FILE [PREFIX]]) with GNU's -C -n -d -x -e -t -u, --verbose,
 * --additional-suffix, --numeric-suffixes[=FROM], --hex-suffixes[=FROM] and GNU's
 * file names: without -a (and -n, FROM) the suffixes grow when they would run out
 * (xyz is followed by xzaaa). -n needs a regular file, as in GNU. Output goes straight
 * to the files, so -u changes nothing. No --filter.
 */

/*== applet
applet split /usr/bin
options a(suffix-length): (additional-suffix): b(bytes): C(line-bytes): d (numeric-suffixes)? x (hex-suffixes)? e(elide-empty-files) l(lines): n(number): t(separator): u(unbuffered) (verbose)
config SPLIT
	bool "split"
	default y
	help
	  Split a file into pieces of a number of lines or bytes, or into a number
	  of pieces.
usage [-l N|-b SIZE|-C SIZE|-n CHUNKS] [-a N] [-dxeu] [-t SEP] [FILE [PREFIX]]
Write FILE (standard input if none, or -) in pieces to files PREFIXaa, PREFIXab, ...
(PREFIX is x if not given), 1000 lines to a file.

	-l N	N lines (records) to a file
	-b SIZE	SIZE bytes to a file
	-C SIZE	At most SIZE bytes of whole lines to a file (a longer line is cut)
	-n CHUNKS	N: N files of the same size; K/N: the Kth of them to standard
		output; l/N, l/K/N: the same without cutting lines; r/N, r/K/N:
		lines dealt to N files in turn
	-a N	Suffixes of N letters (default 2)
	--additional-suffix=SUF	Append SUF to the file names
	-d	Numeric suffixes (--numeric-suffixes=FROM: from FROM)
	-x	Hexadecimal suffixes (--hex-suffixes=FROM: from FROM)
	-e	With -n, create no empty files
	-t SEP	Records end with the character SEP (\0: NUL), not newline
	-u	Write without buffering (always the case here)
	--verbose	Say which file is being created
SIZE may have a suffix: b (512), kB (1000), K (1024), MB, M, GB, G, ...
==*/

#include "libbb.h"
#include "flags/split.h"

enum { BUFSZ = 64 * 1024 };

GLOBALS(
	const char *prefix;
	char *own_prefix;	/* prefix, when grown */
	const char *alphabet;
	size_t base;		/* letters in alphabet */
	size_t suflen;
	size_t *digits;		/* the suffix, as indices into alphabet */
	bool started;
	bool widen;		/* grow the suffix when it would run out */
	char *name;
	int out;
	char delim;
	struct stat in_st;
	/* buffered input */
	int in;
	char *buf;
	size_t pos, len;
	bool eof;
);

static void close_out(void)
{
	if (G.out > STDOUT_FILENO && close(G.out) < 0)
		bb_perror_msg_and_die("%s", G.name);
	G.out = -1;
}

static void next_name(void)
{
	if (G.started) {
		size_t i = G.suflen;
		for (;;) {
			if (i == 0)
				bb_error_msg_and_die("output file suffixes exhausted");
			i--;
			if (++G.digits[i] < G.base)
				break;
			G.digits[i] = 0;
		}
		/* GNU: when the first letter would become the last of the alphabet, it
		 * joins the prefix and the suffix gets one more letter */
		if (G.widen && G.digits[0] == G.base - 1) {
			char *p = xasprintf("%s%c", G.prefix, G.alphabet[G.base - 1]);
			free(G.own_prefix);
			G.prefix = G.own_prefix = p;
			G.suflen++;
			G.digits = xrealloc(G.digits, G.suflen * sizeof(*G.digits));
			memset(G.digits, 0, G.suflen * sizeof(*G.digits));
		}
	}
	G.started = true;
	free(G.name);
	G.name = xmalloc(strlen(G.prefix) + G.suflen + (FLAG(additional_suffix) ?
			 strlen(G.additional_suffix) : 0) + 1);
	char *p = stpcpy(G.name, G.prefix);
	for (size_t i = 0; i < G.suflen; i++)
		*p++ = G.alphabet[G.digits[i]];
	strcpy(p, FLAG(additional_suffix) ? G.additional_suffix : "");
}

static void open_out(void)
{
	struct stat st;

	close_out();
	next_name();
	if (FLAG(verbose))
		printf("creating file '%s'\n", G.name);
	fflush(stdout);
	if (!stat(G.name, &st) && st.st_ino == G.in_st.st_ino && st.st_dev == G.in_st.st_dev &&
	    S_ISREG(st.st_mode))
		bb_error_msg_and_die("'%s' would overwrite input; aborting", G.name);
	G.out = xopen3(G.name, O_WRONLY | O_CREAT | O_TRUNC, 0666);
}

/* Fill the input buffer if it is empty; false at EOF. */
static bool fill(void)
{
	ssize_t n;

	if (G.pos < G.len)
		return true;
	if (G.eof)
		return false;
	n = safe_read(G.in, G.buf, BUFSZ);
	if (n < 0)
		bb_perror_msg_and_die("read error");
	G.pos = 0;
	G.len = n;
	G.eof = n == 0;
	return n > 0;
}

/* Copy up to n bytes of input to the output (or drop them if fd < 0), stopping after
 * a delimiter if to_delim; returns the bytes copied. */
static unsigned long long copy(int fd, unsigned long long n, bool to_delim, bool *hit)
{
	unsigned long long done = 0;

	*hit = false;
	while (done < n && fill()) {
		size_t k = G.len - G.pos;
		if (k > n - done)
			k = n - done;
		if (to_delim) {
			char *d = memchr(G.buf + G.pos, G.delim, k);
			if (d) {
				k = d - (G.buf + G.pos) + 1;
				*hit = true;
			}
		}
		if (fd >= 0)
			xwrite(fd, G.buf + G.pos, k);
		G.pos += k;
		done += k;
		if (*hit)
			break;
	}
	return done;
}

/* -l and -b: each file gets n lines or bytes; a new file only when there is data. */
static void split_units(unsigned long long n, bool lines)
{
	bool hit;

	for (;;) {
		unsigned long long left = n;
		if (!fill())
			return;
		open_out();
		while (left && fill()) {
			if (lines) {
				copy(G.out, ULLONG_MAX, true, &hit);
				left -= hit;
			} else {
				left -= copy(G.out, left, false, &hit);
			}
		}
	}
}

/* -C: as many whole lines as fit in n bytes; a longer line is cut into n-byte pieces. */
static void split_line_bytes(size_t n)
{
	size_t cap = n < BUFSZ ? n + 1 : BUFSZ;
	char *hold = xmalloc(cap);
	size_t have = 0;

	for (;;) {
		while (have <= n && fill()) {
			size_t k = G.len - G.pos;
			if (k > n + 1 - have)
				k = n + 1 - have;
			if (have + k > cap) {
				cap = have + k > cap * 2 ? have + k : cap * 2;
				hold = xrealloc(hold, cap);
			}
			memcpy(hold + have, G.buf + G.pos, k);
			G.pos += k;
			have += k;
		}
		if (!have)
			break;
		size_t take = have <= n ? have : n;
		if (have > n) {
			char *d = NULL;
			for (size_t i = n; i-- > 0;)
				if (hold[i] == G.delim) {
					d = hold + i;
					break;
				}
			if (d)
				take = d - hold + 1;
		}
		open_out();
		xwrite(G.out, hold, take);
		memmove(hold, hold + take, have - take);
		have -= take;
	}
	free(hold);
}

static void parse_chunks(const char *s, char *mode, unsigned long long *k, unsigned long long *n)
{
	const char *slash, *nstr = s;
	unsigned long long v;

	*mode = 0;
	*k = 0;
	if ((s[0] == 'l' || s[0] == 'r') && s[1] == '/') {
		*mode = s[0];
		nstr = s += 2;
	}
	slash = strchr(s, '/');
	if (slash) {
		char *kstr = xstrndup(s, slash - s);
		int err = bb_strtoull(kstr, 10, NULL, 1, ULLONG_MAX, &v);
		if (err)
			die_bad_number("chunk number", kstr, err);
		free(kstr);
		*k = v;
		nstr = slash + 1;
	}
	int err = bb_strtoull(nstr, 10, size_suffixes, 1, ULLONG_MAX, &v);
	if (err)
		die_bad_number("number of chunks", nstr, err);
	*n = v;
	if (*k > *n)
		bb_error_msg_and_die("invalid chunk number: '%llu': Numerical result out of range",
				     *k);
}

/* -n N, K/N, l/N, l/K/N over size bytes of a regular file. */
static void split_chunks(char mode, unsigned long long k, unsigned long long n,
			 unsigned long long size)
{
	unsigned long long chunk = size / n ? size / n : 1, done = 0;
	bool hit;

	for (unsigned long long i = 1; i <= n; i++) {
		/* with fewer bytes than chunks, as GNU: a byte each, then empty ones */
		unsigned long long end = i == n || i > size / chunk ? size : i * chunk;
		bool mine = !k || k == i;
		int fd = -1;
		if (mine && k)
			fd = STDOUT_FILENO;
		if (mine && !k && !(FLAG(e) && done >= end)) {
			open_out();
			fd = G.out;
		}
		if (done < end) {
			done += copy(fd, end - done, false, &hit);
			if (mode == 'l' && done == end && i < n && G.buf[G.pos - 1] != G.delim)
				done += copy(fd, ULLONG_MAX, true, &hit);
		}
		if (k == i)
			break;
	}
}

/* -n r/N, r/K/N: line i goes to file i % N. */
static void split_round_robin(unsigned long long k, unsigned long long n)
{
	int *fds = NULL;
	char **names = NULL;
	bool hit;

	if (!k) {
		fds = xmalloc(n * sizeof(*fds));
		names = xzalloc(n * sizeof(*names));
		for (unsigned long long i = 0; i < n; i++) {
			fds[i] = -1;
			if (!FLAG(e)) {
				open_out();
				fds[i] = G.out;
				names[i] = xstrdup(G.name);
				G.out = -1;
			}
		}
	}
	for (unsigned long long i = 0; fill(); i = (i + 1) % n) {
		int fd = -1;
		if (k)
			fd = i == k - 1 ? STDOUT_FILENO : -1;
		else {
			if (fds[i] < 0) {
				open_out();
				fds[i] = G.out;
				names[i] = xstrdup(G.name);
				G.out = -1;
			}
			fd = fds[i];
		}
		copy(fd, ULLONG_MAX, true, &hit);
	}
	for (unsigned long long i = 0; !k && i < n; i++) {
		if (fds[i] >= 0 && close(fds[i]) < 0)
			bb_perror_msg_and_die("%s", names[i]);
		free(names[i]);
	}
	free(fds);
	free(names);
}

static unsigned long long parse_size(const char *s, const char *what, bool sfx)
{
	unsigned long long v;
	int err = bb_strtoull(s, 10, sfx ? size_suffixes : NULL, 1, ULLONG_MAX, &v);

	if (err)
		bb_error_msg_and_die("invalid number of %s: '%s'%s", what, s,
				     err == ERANGE ? ": Numerical result out of range" : "");
	return v;
}

int split_main(int argc, char **argv)
{
	const char *file = "-", *from = NULL;
	int ways = !!FLAG(l) + !!FLAG(b) + !!FLAG(C) + !!FLAG(n);
	unsigned long long from_n = 0;

	if (argc > 3)
		bb_error_msg_and_die("extra operand '%s'", argv[3]);
	if (ways > 1)
		bb_error_msg_and_die("cannot split in more than one way");
	if (argc > 1)
		file = argv[1];
	G.prefix = argc > 2 ? argv[2] : "x";
	G.out = -1;
	G.delim = '\n';
	if (FLAG(t)) {
		if (!strcmp(G.t, "\\0"))
			G.delim = '\0';
		else if (!G.t[0])
			bb_error_msg_and_die("empty record separator");
		else if (G.t[1])
			bb_error_msg_and_die("multi-character separator '%s'", G.t);
		else
			G.delim = G.t[0];
	}
	G.alphabet = "abcdefghijklmnopqrstuvwxyz";
	if (FLAG(d) || FLAG(numeric_suffixes)) {
		G.alphabet = "0123456789";
		from = FLAG(numeric_suffixes) ? G.numeric_suffixes : NULL;
	}
	if (FLAG(x) || FLAG(hex_suffixes)) {
		G.alphabet = "0123456789abcdef";
		from = FLAG(hex_suffixes) ? G.hex_suffixes : NULL;
	}
	G.base = strlen(G.alphabet);
	G.suflen = 2;
	if (FLAG(a)) {
		unsigned long long v;
		if (bb_strtoull(G.a, 10, NULL, 0, 1 << 20, &v))
			bb_error_msg_and_die("invalid suffix length: '%s'", G.a);
		if (v)
			G.suflen = v;
	}
	if (from) {
		if (strspn(from, G.base == 16 ? "0123456789abcdefABCDEF" : "0123456789") !=
		    strlen(from) || !*from ||
		    bb_strtoull(from, G.base, NULL, 0, ULLONG_MAX, &from_n))
			bb_error_msg_and_die("invalid number: '%s'", from);
	}
	G.widen = !FLAG(a) && !FLAG(n) && !from;
	G.digits = xzalloc((G.suflen + 1) * sizeof(*G.digits));
	for (size_t i = G.suflen; i-- > 0; from_n /= G.base)
		G.digits[i] = from_n % G.base;
	if (from_n)
		bb_error_msg_and_die("numerical suffix start value is too large for the suffix length");
	if (!FLAG(a) && FLAG(n)) {
		/* enough letters for every chunk */
		unsigned long long n = 0, k, cap;
		size_t need = 0;
		char mode;
		parse_chunks(G.n, &mode, &k, &n);
		for (cap = 1; cap < n; cap *= G.base)
			need++;
		if (need > G.suflen) {
			G.suflen = need;
			G.digits = xrealloc(G.digits, (G.suflen + 1) * sizeof(*G.digits));
			memset(G.digits, 0, (G.suflen + 1) * sizeof(*G.digits));
		}
	}

	G.in = strcmp(file, "-") ? open(file, O_RDONLY) : STDIN_FILENO;
	if (G.in < 0)
		bb_perror_msg_and_die("cannot open '%s' for reading", file);
	fstat(G.in, &G.in_st);
	G.buf = xmalloc(BUFSZ);
	if (FLAG(n)) {
		char mode;
		unsigned long long k, n;
		parse_chunks(G.n, &mode, &k, &n);
		if (mode == 'r') {
			split_round_robin(k, n);
		} else {
			off_t pos = lseek(G.in, 0, SEEK_CUR);
			if (!S_ISREG(G.in_st.st_mode) || pos < 0)
				bb_error_msg_and_die("%s: cannot determine file size", file);
			split_chunks(mode, k, n,
				     G.in_st.st_size > pos ? (unsigned long long)(G.in_st.st_size - pos) : 0);
		}
	} else if (FLAG(b)) {
		split_units(parse_size(G.b, "bytes", true), false);
	} else if (FLAG(C)) {
		unsigned long long v = parse_size(G.C, "bytes", true);
		split_line_bytes(v > SIZE_MAX / 2 ? SIZE_MAX / 2 : v);
	} else {
		split_units(FLAG(l) ? parse_size(G.l, "lines", false) : 1000, true);
	}
	close_out();
	if (G.in > STDIN_FILENO)
		close(G.in);
	free(G.buf);
	free(G.digits);
	free(G.name);
	free(G.own_prefix);
	return 0;
}
