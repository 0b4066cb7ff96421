/* dd: copy a file block by block, converting it. POSIX dd with the GNU operands and
 * flags scripts use: iseek/oseek, conv=fsync,fdatasync,excl,nocreat,sparse, iflag/oflag,
 * status=, a "B" in count/skip/seek meaning bytes, and GNU's statistics (also printed
 * on SIGUSR1). Parses its own argv. Not implemented (rejected as invalid):
 * conv=ascii,ebcdic,ibm and the flags nocache, text, binary. Deviation:
 * a flag meaningless on its side (iflag=seek_bytes, oflag=skip_bytes) is rejected, where
 * GNU ignores it.
 * With bs= each block read is written as it is (a short read gives a short write);
 * otherwise the input is reblocked into obs-sized writes.
 */

/*== applet
applet dd /bin
config DD
	bool "dd"
	default y
	help
	  Copy a file block by block, optionally converting it.

config FEATURE_DD_BLOCK
	bool "Fixed-length records: conv=block, conv=unblock, cbs="
	default y
	depends on DD

config FEATURE_DD_STATUS
	bool "Statistics: status=, SIGUSR1, status=progress"
	default y
	depends on DD
usage [OPERAND]...
Copy standard input (or if=FILE) to standard output (or of=FILE), block by block.

	if=FILE	Read FILE instead of standard input
	of=FILE	Write FILE instead of standard output (created, truncated)
	bs=N	Read and write N bytes at a time; a short read gives a short write
	ibs=N	Read N bytes at a time (default 512)
	obs=N	Write N bytes at a time (default 512)
	count=N	Copy only N input blocks
	skip=N	Skip N input blocks first (iseek=N is the same)
	seek=N	Skip N output blocks first (oseek=N is the same)
{FEATURE_DD_BLOCK}	cbs=N	Record size for conv=block and conv=unblock
	conv=LIST	Comma-separated conversions:
		notrunc	Do not truncate the output file
		noerror	Go on after read errors
		sync	Pad every input block to ibs with NUL bytes
		fsync	Sync data and metadata of the output at the end
		fdatasync	Sync the output's data at the end
		excl	Fail if the output file exists
		nocreat	Do not create the output file
		ucase	Change lowercase letters to uppercase
		lcase	Change uppercase letters to lowercase
		swab	Swap each pair of bytes
		sparse	Seek over output blocks of NUL bytes rather than write them
{FEATURE_DD_BLOCK}		block	Make each line a record of cbs bytes (cut, or padded with spaces)
{FEATURE_DD_BLOCK}		unblock	Make each cbs bytes a line, without trailing spaces
	iflag=LIST	Input flags: fullblock (fill each input block), count_bytes,
		skip_bytes (count= and skip= are in bytes), and the open flags
	oflag=LIST	Output flags: seek_bytes (seek= is in bytes), append, and the open flags
		Open flags: direct dsync sync nonblock noatime noctty nofollow directory
{FEATURE_DD_STATUS}	status=WHICH	none: no statistics; noxfer: only the record counts;
{FEATURE_DD_STATUS}		progress: also the bytes copied, every second
N may be NxM (a product) and have a suffix: c (1), w (2), b (512), kB (1000), K (1024),
MB, M, GB, G... A B in count=, skip= or seek= makes it a byte count.
{FEATURE_DD_STATUS}SIGUSR1 prints the statistics and dd goes on.
==*/

#include "libbb.h"
#include "flags/dd.h"
#include <time.h>

enum {	/* conv= */
	C_NOTRUNC = 1 << 0, C_NOERROR = 1 << 1, C_SYNC = 1 << 2, C_FSYNC = 1 << 3,
	C_FDATASYNC = 1 << 4, C_EXCL = 1 << 5, C_NOCREAT = 1 << 6, C_UCASE = 1 << 7,
	C_LCASE = 1 << 8, C_SWAB = 1 << 9, C_SPARSE = 1 << 10, C_BLOCK = 1 << 11,
	C_UNBLOCK = 1 << 12,
};
static const char conv_names[] = "notrunc\0noerror\0sync\0fsync\0fdatasync\0excl\0nocreat\0"
	"ucase\0lcase\0swab\0sparse\0block\0unblock\0";

enum {	/* iflag= and oflag= beyond the open flags */
	F_FULLBLOCK = 1 << 0, F_COUNT_BYTES = 1 << 1, F_SKIP_BYTES = 1 << 2,
	F_SEEK_BYTES = 1 << 3, F_INPUT_ONLY = F_FULLBLOCK | F_COUNT_BYTES | F_SKIP_BYTES,
};
static const char flag_names[] = "fullblock\0count_bytes\0skip_bytes\0seek_bytes\0"
	"append\0direct\0dsync\0sync\0nonblock\0noatime\0noctty\0nofollow\0directory\0";
static const int open_flags[] = {
	O_APPEND, O_DIRECT, O_DSYNC, O_SYNC, O_NONBLOCK, O_NOATIME, O_NOCTTY, O_NOFOLLOW,
	O_DIRECTORY,
};

enum { ST_DEFAULT, ST_NONE, ST_NOXFER, ST_PROGRESS };

GLOBALS(
	const char *in_name, *out_name;	/* NULL: standard input / output */
	int ifd, ofd;
	size_t ibs, obs, bs, cbs;
	unsigned long long count, skip, seek;
	bool has_count, has_bs;
	bool direct;			/* each block read is written as it is */
	unsigned conv, iflags, oflags;	/* conv bits; F_ bits */
	int iopen, oopen;		/* O_ flags */
	int level;
	volatile sig_atomic_t got_usr1;
	unsigned long long in_full, in_part, out_full, out_part, bytes;
	struct timespec start;
	time_t next_progress;
	int progress_len;
	char *obuf, *ibuf_mem, *obuf_mem;	/* the buffers; the _mem pointers for free() */
	size_t olen;
	int saved;			/* conv=swab: the odd byte kept for the next block, or -1 */
	bool last_was_seek;		/* conv=sparse */
	size_t partial_warned;		/* size of the last short read, for the warning */
	bool warn_partial;
	size_t col;			/* conv=block/unblock: place in the current record */
	size_t spaces;			/* conv=unblock: spaces held back */
	unsigned long long truncated;	/* conv=block: lines cut to cbs */
	int status;
);

static const char *in_display(void)
{
	return G.in_name ? G.in_name : "standard input";
}

static const char *out_display(void)
{
	return G.out_name ? G.out_name : "standard output";
}

/* ---- Statistics ---- */

/* n in the style of GNU's "1.0 kB" / "977 KiB" (autoscaled, rounded to nearest, ties to
 * even); returns false, writing plain digits, if n needs no prefix. */
static bool human_size(unsigned long long n, unsigned base, char *buf, size_t size)
{
	static const char prefixes[] = "kMGTPEZY";
	unsigned tenths = 0, rounding = 0, exponent = 0;
	bool point = false;

	while (n >= base && exponent < 8) {
		unsigned r10 = (n % base) * 10 + tenths;
		unsigned r2 = (r10 % base) * 2 + (rounding >> 1);
		n /= base;
		tenths = r10 / base;
		rounding = r2 < base ? (r2 + rounding) != 0 : 2 + (base < r2 + rounding);
		exponent++;
	}
	if (exponent && n < 10) {
		if (2 < rounding + (tenths & 1) && ++tenths == 10) {
			n++;
			tenths = 0;
		}
		if (n < 10) {
			point = true;
			rounding = 0;
		}
	}
	if (!point && 5 < tenths + (0 < rounding + (n & 1))) {
		n++;
		if (exponent && n == base && exponent < 8) {
			exponent++;
			n = 1;
			point = true;
			tenths = 0;
		}
	}
	if (!exponent) {
		snprintf(buf, size, "%llu", n);
		return false;
	}
	if (point)
		snprintf(buf, size, "%llu.%u %c%sB", n, tenths, base == 1024 && exponent == 1 ? 'K' :
			 prefixes[exponent - 1], base == 1024 ? "i" : "");
	else
		snprintf(buf, size, "%llu %c%sB", n, base == 1024 && exponent == 1 ? 'K' :
			 prefixes[exponent - 1], base == 1024 ? "i" : "");
	return true;
}

static double elapsed(void)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - G.start.tv_sec) + (now.tv_nsec - G.start.tv_nsec) / 1e9;
}

/* "X bytes (Y kB, Z KiB) copied, T s, R MB/s", as GNU words it. */
static int format_transfer(char *buf, size_t size, bool progress)
{
	static const char prefixes[] = "kMGTPEZY";
	char si[32], iec[32], rate[32];
	double secs = elapsed(), v;
	int exponent = 1, len;

	if (secs > 0) {
		v = G.bytes / secs / 1000;
		while (v >= 1000 && exponent < 8) {
			v /= 1000;
			exponent++;
		}
		if (snprintf(rate, sizeof(rate), "%.1f", v) > 4)
			snprintf(rate, sizeof(rate), "%.0f", v);
		len = strlen(rate);
		snprintf(rate + len, sizeof(rate) - len, " %cB/s", prefixes[exponent - 1]);
	} else {
		strcpy(rate, "Infinity B/s");
	}
	len = snprintf(buf, size, "%llu byte%s ", G.bytes, G.bytes == 1 ? "" : "s");
	if (human_size(G.bytes, 1000, si, sizeof(si))) {
		if (human_size(G.bytes, 1024, iec, sizeof(iec)))
			len += snprintf(buf + len, size - len, "(%s, %s) ", si, iec);
		else
			len += snprintf(buf + len, size - len, "(%s) ", si);
	}
	len += snprintf(buf + len, size - len, progress ? "copied, %.0f s, %s" : "copied, %g s, %s",
			secs, rate);
	return len;
}

static void print_stats(void)
{
	char buf[256];
	int len = 0;

	if (G.level == ST_NONE)
		return;
	if (G.progress_len) {
		buf[len++] = '\n';
		G.progress_len = 0;
	}
	len += snprintf(buf + len, sizeof(buf) - len, "%llu+%llu records in\n%llu+%llu records out\n",
			G.in_full, G.in_part, G.out_full, G.out_part);
	if (G.truncated)
		len += snprintf(buf + len, sizeof(buf) - len, "%llu truncated record%s\n",
				G.truncated, G.truncated == 1 ? "" : "s");
	if (G.level != ST_NOXFER) {
		len += format_transfer(buf + len, sizeof(buf) - len - 1, false);
		buf[len++] = '\n';
	}
	full_write(STDERR_FILENO, buf, len);
}

static void print_progress(void)
{
	char buf[256];
	int len;

	buf[0] = '\r';
	len = 1 + format_transfer(buf + 1, sizeof(buf) - 1, true);
	/* blank out the rest of a longer previous line */
	while (len <= G.progress_len && len < (int)sizeof(buf))
		buf[len++] = ' ';
	G.progress_len = len - 1;
	full_write(STDERR_FILENO, buf, len);
}

static void on_usr1(int sig UNUSED)
{
	G.got_usr1 = 1;
}

/* Called often: statistics asked for by SIGUSR1, and the progress line. */
static void check_stats(void)
{
	if (!ENABLE_FEATURE_DD_STATUS)
		return;
	if (G.got_usr1) {
		G.got_usr1 = 0;
		print_stats();
	}
	if (G.level == ST_PROGRESS) {
		struct timespec now;
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (now.tv_sec >= G.next_progress) {
			G.next_progress = now.tv_sec + 1;
			if (now.tv_sec > G.start.tv_sec || now.tv_nsec > G.start.tv_nsec)
				print_progress();
		}
	}
}

/* After an error message: the statistics, then exit 1. */
NORETURN static void die_with_stats(void)
{
	print_stats();
	xfunc_die();
}

/* ---- Operands ---- */

NORETURN static void bad_operand(const char *fmt, const char *what)
{
	bb_error_msg(fmt, what);
	bb_show_usage();
}

/* Multiplier of a size suffix (c w b, kKMGTPEZY with B or iB); 0 if invalid. */
static unsigned long long suffix_mult(const char *s, size_t len)
{
	static const char letters[] = "KMGTPEZY";
	const char *p;
	unsigned long long m = 1, base = 1024;

	if (len == 1 && (*s == 'c' || *s == 'w' || *s == 'b'))
		return *s == 'c' ? 1 : *s == 'w' ? 2 : 512;
	if (len == 0 || !*s || !(p = strchr(letters, *s == 'k' ? 'K' : *s)))
		return 0;
	if (len == 2 && s[1] == 'B')
		base = 1000;
	else if (!(len == 1 || (len == 3 && s[1] == 'i' && s[2] == 'B')))
		return 0;
	for (int i = 0; i <= p - letters; i++)
		m *= base;
	return m;
}

/* One factor: blanks and a "+" (then digits are needed), decimal digits and/or a
 * suffix (a bare suffix counts once). A "B" after the digits means bytes (count=,
 * skip=, seek=); GNU takes it in the first factor only. */
static int parse_factor(const char *s, size_t len, bool first, unsigned long long *out)
{
	unsigned long long n = 1, m;
	size_t i = 0;

	while (i < len && isspace(s[i]))
		i++;
	if (i < len && s[i] == '+')
		i++;
	if (i && (i == len || !isdigit(s[i])))
		return EINVAL;
	if (i < len && isdigit(s[i])) {
		size_t start = i;
		for (n = 0; i < len && isdigit(s[i]); i++) {
			if (n > (ULLONG_MAX - (s[i] - '0')) / 10)
				return ERANGE;
			n = n * 10 + (s[i] - '0');
		}
		if (first && len - i == 1 && s[i] == 'B' && i > start)
			i++;
	}
	if (i < len) {
		m = suffix_mult(s + i, len - i);
		if (!m)
			return EINVAL;
		if (n && m > ULLONG_MAX / n)
			return ERANGE;
		n *= m;
	}
	if (len == 0)
		return EINVAL;
	*out = n;
	return 0;
}

/* N or NxM (GNU takes one x only); dies on a bad number. Results are at most LLONG_MAX. */
static unsigned long long parse_number(const char *val)
{
	const char *x = strchr(val, 'x');
	unsigned long long n, m = 1;
	int err;

	err = parse_factor(val, x ? (size_t)(x - val) : strlen(val), true, &n);
	if (x) {
		if (x - val == 1 && *val == '0')
			bb_error_msg("warning: '0x' is a zero multiplier; use '00x' if that is intended");
		if (strchr(x + 1, 'x'))
			err = EINVAL;
		else if (!err)
			err = parse_factor(x + 1, strlen(x + 1), false, &m);
	}
	if (!err && ((m && n > ULLONG_MAX / m) || n * m > LLONG_MAX))
		err = ERANGE;
	if (err)
		die_bad_number("number", val, err == ERANGE ? EOVERFLOW : err);
	return n * m;
}

static size_t parse_block_size(const char *val)
{
	unsigned long long n = parse_number(val);

	if (n == 0 || n > SSIZE_MAX)
		bb_error_msg_and_die("invalid number: '%s'", val);
	return n;
}

/* Index of name (len bytes) in a NUL-separated list, or -1. */
static int word_index(const char *list, const char *name, size_t len)
{
	for (int i = 0; *list; i++, list += strlen(list) + 1)
		if (strlen(list) == len && !memcmp(list, name, len))
			return i;
	return -1;
}

/* conv= (flags == NULL) or iflag=/oflag= lists. */
static void parse_list(const char *val, unsigned *bits, int *oflags, bool input)
{
	const char *what = !oflags ? "invalid conversion: '%s'" :
		input ? "invalid input flag: '%s'" : "invalid output flag: '%s'";

	for (;;) {
		size_t len = strcspn(val, ",");
		int i = word_index(oflags ? flag_names : conv_names, val, len);
		if (!oflags && !ENABLE_FEATURE_DD_BLOCK && (1 << i) & (C_BLOCK | C_UNBLOCK))
			i = -1;
		if (oflags && i >= 0 && i < 4 && !!((1 << i) & F_INPUT_ONLY) != input)
			i = -1;
		if (oflags && i == 4 && input)
			i = -1;		/* append */
		if (i < 0) {
			char *bad = xstrndup(val, len);
			bad_operand(what, bad);
		}
		if (oflags && i >= 4)
			*oflags |= open_flags[i - 4];
		else
			*bits |= 1u << i;
		if (!val[len])
			break;
		val += len + 1;
	}
}

static void parse_operand(char *arg, bool *skip_b, bool *seek_b, bool *count_b)
{
	static const char keys[] = "if\0of\0bs\0ibs\0obs\0count\0skip\0iseek\0seek\0oseek\0"
		"conv\0iflag\0oflag\0status\0cbs\0";
	char *val = strchr(arg, '=');
	int k = val ? word_index(keys, arg, val - arg) : -1;

	if (k < 0 || (k == 13 && !ENABLE_FEATURE_DD_STATUS) || (k == 14 && !ENABLE_FEATURE_DD_BLOCK))
		bad_operand("unrecognized operand '%s'", arg);
	val++;
	switch (k) {
	case 0: G.in_name = val; break;
	case 1: G.out_name = val; break;
	case 2: G.bs = parse_block_size(val); G.has_bs = true; break;
	case 3: G.ibs = parse_block_size(val); break;
	case 4: G.obs = parse_block_size(val); break;
	case 5: G.count = parse_number(val); G.has_count = true; *count_b = strchr(val, 'B'); break;
	case 6: case 7: G.skip = parse_number(val); *skip_b = strchr(val, 'B'); break;
	case 8: case 9: G.seek = parse_number(val); *seek_b = strchr(val, 'B'); break;
	case 10: parse_list(val, &G.conv, NULL, false); break;
	case 11: parse_list(val, &G.iflags, &G.iopen, true); break;
	case 12: parse_list(val, &G.oflags, &G.oopen, false); break;
	case 14: G.cbs = parse_block_size(val); break;
	default:
		k = word_index("none\0noxfer\0progress\0", val, strlen(val));
		if (k < 0)
			bad_operand("invalid status level: '%s'", val);
		G.level = ST_NONE + k;
	}
}

static void parse_args(char **argv)
{
	bool skip_b = false, seek_b = false, count_b = false;

	if (*argv && !strcmp(*argv, "--"))
		argv++;
	for (; *argv; argv++) {
		if (**argv == '-' && (*argv)[1] && !strchr(*argv, '=')) {
			if ((*argv)[1] == '-')
				bad_operand("unrecognized option '%s'", *argv);
			bb_error_msg("invalid option -- '%c'", (*argv)[1]);
			bb_show_usage();
		}
		parse_operand(*argv, &skip_b, &seek_b, &count_b);
	}
	if (G.has_bs)
		G.ibs = G.obs = G.bs;	/* whatever the order of ibs= obs= bs= */
	if (skip_b)
		G.iflags |= F_SKIP_BYTES;
	if (count_b)
		G.iflags |= F_COUNT_BYTES;
	if (seek_b)
		G.oflags |= F_SEEK_BYTES;
	if ((G.conv & (C_LCASE | C_UCASE)) == (C_LCASE | C_UCASE))
		bb_error_msg_and_die("cannot combine lcase and ucase");
	if ((G.conv & (C_EXCL | C_NOCREAT)) == (C_EXCL | C_NOCREAT))
		bb_error_msg_and_die("cannot combine excl and nocreat");
	if ((G.conv & (C_BLOCK | C_UNBLOCK)) == (C_BLOCK | C_UNBLOCK))
		bb_error_msg_and_die("cannot combine block and unblock");
	if (!G.cbs)
		G.conv &= ~(C_BLOCK | C_UNBLOCK);	/* GNU: no cbs=, no effect */
}

/* ---- Input ---- */

/* Up to len bytes: one read, or with fullblock until len or EOF. -1 on an error. */
static ssize_t read_input(char *buf, size_t len)
{
	size_t got = 0;

	while (got < len) {
		ssize_t n = read(G.ifd, buf + got, len - got);
		if (n < 0) {
			if (errno == EINTR) {
				check_stats();
				continue;
			}
			if (got)
				break;	/* the error comes back on the next read */
			return -1;
		}
		if (n == 0)
			break;
		got += n;
		if (!(G.iflags & F_FULLBLOCK))
			break;
	}
	return got;
}

NORETURN static void read_failed(void)
{
	bb_perror_msg("error reading '%s'", in_display());
	die_with_stats();
}

/* GNU quotes a name in this message only when it needs quoting. */
static void cannot_skip(void)
{
	char *q = xmalloc_quote_name(in_display());

	bb_error_msg("%s: cannot skip to specified offset", q);
	free(q);
}

static void skip_input(char *buf)
{
	unsigned long long left = G.skip;
	bool too_far = false;
	struct stat st;
	off_t pos;

	if (!(G.iflags & F_SKIP_BYTES)) {
		too_far = left && G.ibs > ULLONG_MAX / left;
		left *= G.ibs;
	}
	too_far |= left > LLONG_MAX;
	if (too_far && lseek(G.ifd, 0, SEEK_CUR) >= 0) {
		/* seekable, but not that far: reading would never end on a device */
		char *q = xmalloc_quote_name(in_display());
		/* glibc's words for EOVERFLOW, whatever the libc */
		bb_error_msg("%s: cannot skip: Value too large for defined data type", q);
		free(q);
		die_with_stats();
	}
	if (!too_far && (pos = lseek(G.ifd, left, SEEK_CUR)) >= 0) {
		if (!fstat(G.ifd, &st) && S_ISREG(st.st_mode) && pos > st.st_size)
			cannot_skip();
		return;
	}
	if (too_far)
		left = ULLONG_MAX;	/* a pipe: read to its end */
	while (left) {
		ssize_t n = read_input(buf, left < G.ibs ? left : G.ibs);
		if (n < 0)
			read_failed();
		if (n == 0) {
			cannot_skip();
			return;
		}
		G.partial_warned = (size_t)n < G.ibs ? (size_t)n : 0;
		/* skip= counts blocks, however short the reads */
		left -= (G.iflags & F_SKIP_BYTES) || left < G.ibs ? (size_t)n : G.ibs;
	}
}

/* ---- Output ---- */

static bool all_zero(const char *p, size_t len)
{
	return len && !p[0] && !memcmp(p, p + 1, len - 1);
}

static void write_fully(const char *buf, size_t len)
{
	while (len) {
		ssize_t n = write(G.ofd, buf, len);
		if (n < 0) {
			if (errno == EINTR) {
				check_stats();
				continue;
			}
			/* O_DIRECT refuses a last short block: write it without */
			if (errno == EINVAL && (G.oopen & O_DIRECT)) {
				G.oopen &= ~O_DIRECT;
				if (fcntl(G.ofd, F_SETFL, fcntl(G.ofd, F_GETFL) & ~O_DIRECT) == 0)
					continue;
				errno = EINVAL;
			}
			/* GNU's words differ for a whole reblocked record */
			bb_perror_msg(!G.direct && len == G.obs ? "writing to '%s'" :
				      "error writing '%s'", out_display());
			die_with_stats();
		}
		buf += n;
		len -= n;
	}
}

/* One output record. */
static void write_block(const char *buf, size_t len)
{
	if ((G.conv & C_SPARSE) && all_zero(buf, len) && lseek(G.ofd, len, SEEK_CUR) >= 0)
		G.last_was_seek = true;
	else {
		write_fully(buf, len);
		G.last_was_seek = false;
	}
	if (len == G.obs)
		G.out_full++;
	else
		G.out_part++;
	G.bytes += len;
	check_stats();
}

/* Output data: written as it comes with bs=, else gathered into obs-sized blocks. */
static void output(const char *p, size_t len)
{
	if (G.direct) {
		if (len)
			write_block(p, len);
		return;
	}
	while (len) {
		size_t k = G.obs - G.olen < len ? G.obs - G.olen : len;
		if (G.olen == 0 && k == G.obs) {
			write_block(p, k);	/* a whole block: no copy */
		} else {
			memcpy(G.obuf + G.olen, p, k);
			G.olen += k;
			if (G.olen == G.obs) {
				write_block(G.obuf, G.olen);
				G.olen = 0;
			}
		}
		p += k;
		len -= k;
	}
}

static void seek_output(void)
{
	unsigned long long off = G.seek;
	bool too_far = false;
	int err;
	char *q;

	if (!(G.oflags & F_SEEK_BYTES)) {
		too_far = off && G.obs > ULLONG_MAX / off;
		off *= G.obs;
	}
	too_far |= off > LLONG_MAX;
	if (!off || (!too_far && lseek(G.ofd, off, SEEK_CUR) >= 0))
		return;
	err = errno;
	q = xmalloc_quote_name(out_display());
	errno = err;
	if (too_far)
		bb_error_msg("%s: cannot seek: Value too large for defined data type", q);
	else
		bb_perror_msg("%s: cannot seek", q);
	free(q);
	die_with_stats();
}

/* ---- Copying ---- */

/* conv=lcase/ucase/swab on a block at p (p[-1] is free for swab's carried byte). */
static char *convert(char *p, size_t *len)
{
	if (G.conv & (C_LCASE | C_UCASE)) {
		for (size_t i = 0; i < *len; i++)
			p[i] = G.conv & C_LCASE ? tolower(p[i]) : toupper(p[i]);
	}
	if (G.conv & C_SWAB) {
		if (G.saved >= 0) {
			*--p = G.saved;
			++*len;
			G.saved = -1;
		}
		if (*len & 1)
			G.saved = (unsigned char)p[--*len];
		for (size_t i = 0; i + 1 < *len; i += 2) {
			char c = p[i];
			p[i] = p[i + 1];
			p[i + 1] = c;
		}
	}
	return p;
}

/* n spaces of conv=block padding or of held-back conv=unblock spaces. */
static void output_spaces(size_t n)
{
	static const char sp[64] = "                                                                ";

	while (n) {
		size_t k = n < sizeof(sp) ? n : sizeof(sp);
		output(sp, k);
		n -= k;
	}
}

/* conv=block: each line becomes a record of cbs bytes, cut or padded with spaces. */
static void output_block(const char *p, size_t len)
{
	while (len) {
		const char *nl = memchr(p, '\n', len);
		size_t seg = nl ? (size_t)(nl - p) : len;
		size_t room = G.col < G.cbs ? G.cbs - G.col : 0;
		size_t k = seg < room ? seg : room;

		output(p, k);
		if (seg > room) {
			G.truncated += G.col <= G.cbs;	/* once a line */
			G.col = G.cbs + 1;
		} else {
			G.col += k;
		}
		if (!nl)
			break;
		output_spaces(room - k);
		G.col = 0;
		p = nl + 1;
		len -= seg + 1;
	}
}

/* conv=unblock: each cbs bytes become a line without its trailing spaces. */
static void output_unblock(const char *p, size_t len)
{
	while (len) {
		size_t k = G.cbs - G.col < len ? G.cbs - G.col : len, last = k;

		while (last && p[last - 1] == ' ')
			last--;
		if (last) {
			output_spaces(G.spaces);
			output(p, last);
			G.spaces = 0;
		}
		G.spaces += k - last;
		G.col += k;
		if (G.col == G.cbs) {
			output("\n", 1);
			G.col = G.spaces = 0;
		}
		p += k;
		len -= k;
	}
}

static void copy(char *ibuf)
{
	unsigned long long read_bytes = 0, blocks = 0;

	for (;;) {
		size_t want = G.ibs;
		ssize_t n;
		char *p;

		if (G.has_count) {
			if (G.iflags & F_COUNT_BYTES) {
				if (read_bytes >= G.count)
					break;
				if (G.count - read_bytes < want)
					want = G.count - read_bytes;
			} else if (blocks >= G.count) {
				break;
			}
		}
		n = read_input(ibuf, want);
		if (n < 0) {
			if (!(G.conv & C_NOERROR))
				read_failed();
			bb_perror_msg("error reading '%s'", in_display());
			G.status = 1;
			print_stats();
			lseek(G.ifd, want, SEEK_CUR);
			if (!(G.conv & C_SYNC))
				continue;
			n = 0;
			G.in_part++;
		} else if (n == 0) {
			break;
		} else if ((size_t)n == G.ibs) {
			G.in_full++;
		} else {
			G.in_part++;
		}
		if (n > 0 && G.partial_warned && G.warn_partial) {
			bb_error_msg("warning: partial read (%zu byte%s); suggest iflag=fullblock",
				     G.partial_warned, G.partial_warned == 1 ? "" : "s");
			G.warn_partial = false;
		}
		G.partial_warned = (size_t)n < G.ibs ? (size_t)n : 0;
		blocks++;
		read_bytes += n;
		if ((G.conv & C_SYNC) && (size_t)n < G.ibs) {
			/* padded with spaces for block and unblock */
			memset(ibuf + n, G.conv & (C_BLOCK | C_UNBLOCK) ? ' ' : 0, G.ibs - n);
			n = G.ibs;
		}
		{
			size_t len = n;
			p = convert(ibuf, &len);
			if (G.conv & C_BLOCK)
				output_block(p, len);
			else if (G.conv & C_UNBLOCK)
				output_unblock(p, len);
			else
				output(p, len);
		}
	}
}

static void open_files(void)
{
	if (G.in_name) {
		G.ifd = open(G.in_name, O_RDONLY | G.iopen);
		if (G.ifd < 0)
			bb_perror_msg_and_die("failed to open '%s'", G.in_name);
	} else if (G.iopen) {
		fcntl(STDIN_FILENO, F_SETFL, fcntl(STDIN_FILENO, F_GETFL) | G.iopen);
	}
	if (G.out_name) {
		int flags = O_WRONLY | G.oopen | (G.conv & C_NOCREAT ? 0 : O_CREAT) |
			(G.conv & C_EXCL ? O_EXCL : 0) | (G.seek || (G.conv & C_NOTRUNC) ? 0 : O_TRUNC);
		struct stat st;
		G.ofd = open(G.out_name, flags, 0666);
		if (G.ofd < 0)
			bb_perror_msg_and_die("failed to open '%s'", G.out_name);
		if (G.seek && !(G.conv & C_NOTRUNC) && !fstat(G.ofd, &st) && S_ISREG(st.st_mode)) {
			unsigned long long size = G.seek;
			if (!(G.oflags & F_SEEK_BYTES))
				size = size && G.obs > ULLONG_MAX / size ? ULLONG_MAX : size * G.obs;
			if (size > LLONG_MAX)
				bb_error_msg_and_die("offset too large: cannot truncate to a length of "
						     "seek=%llu (%zu-byte) blocks", G.seek, G.obs);
			if (ftruncate(G.ofd, size)) {
				/* GNU goes on: the seek that follows fails too, or not */
				bb_perror_msg("failed to truncate to %llu bytes in output file '%s'",
					      size, G.out_name);
				G.status = 1;
			}
		}
	} else {
		G.ofd = STDOUT_FILENO;
		if (G.oopen)
			fcntl(STDOUT_FILENO, F_SETFL, fcntl(STDOUT_FILENO, F_GETFL) | G.oopen);
	}
}

/* Allocate len bytes after an aligned slack (swab's carried byte; O_DIRECT alignment). */
static char *alloc_buffer(size_t len, char **mem)
{
	size_t align = sysconf(_SC_PAGESIZE);
	void *p;

	if (len > SIZE_MAX - align || posix_memalign(&p, align, align + len))
		bb_error_msg_and_die("memory exhausted by buffer of size %zu bytes", len);
	*mem = p;
	return (char *)p + align;
}

static void finish_output(void)
{
	struct stat st;
	off_t pos;

	if (G.saved >= 0) {
		char c = G.saved;
		if (G.conv & C_BLOCK)
			output_block(&c, 1);
		else if (G.conv & C_UNBLOCK)
			output_unblock(&c, 1);
		else
			output(&c, 1);
	}
	if ((G.conv & C_BLOCK) && G.col && G.col < G.cbs)
		output_spaces(G.cbs - G.col);	/* a last line without newline */
	if ((G.conv & C_UNBLOCK) && G.col)
		output("\n", 1);
	if (G.olen)
		write_block(G.obuf, G.olen);
	if (G.last_was_seek && (pos = lseek(G.ofd, 0, SEEK_CUR)) >= 0 && !fstat(G.ofd, &st) &&
	    S_ISREG(st.st_mode) && pos > st.st_size && ftruncate(G.ofd, pos)) {
		bb_perror_msg("failed to truncate to %lld bytes in output file '%s'",
			      (long long)pos, out_display());
		die_with_stats();
	}
	if ((G.conv & C_FDATASYNC) && !(G.conv & C_FSYNC) && fdatasync(G.ofd) && errno != EINVAL) {
		bb_perror_msg("fdatasync failed for '%s'", out_display());
		G.status = 1;
	}
	if ((G.conv & C_FSYNC) && fsync(G.ofd) && errno != EINVAL) {
		bb_perror_msg("fsync failed for '%s'", out_display());
		G.status = 1;
	}
	if (G.out_name && close(G.ofd)) {
		bb_perror_msg("closing output file '%s'", out_display());
		G.status = 1;
	}
}

int dd_main(int argc UNUSED, char **argv)
{
	struct sigaction sa;
	char *ibuf;

	if (argv[1] && !strcmp(argv[1], "--help") && !argv[2]) {
		show_usage_of(current_applet, stdout);
		return 0;
	}
	G.ibs = G.obs = 512;
	G.saved = -1;
	G.ofd = STDOUT_FILENO;
	parse_args(argv + 1);
	/* GNU's hint: a short read from a pipe with bs= and count= loses data */
	G.direct = G.has_bs && !(G.conv & (C_SWAB | C_BLOCK | C_UNBLOCK));
	G.warn_partial = G.direct && (G.has_count || G.skip) && !(G.iflags & F_FULLBLOCK);
	if ((G.oopen & O_APPEND) && !(G.conv & C_NOTRUNC))
		bb_error_msg("you probably want conv=notrunc with oflag=append");
	open_files();
	if (ENABLE_FEATURE_DD_STATUS) {
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_usr1;	/* no SA_RESTART: a blocked read reports at once */
		sigaction(SIGUSR1, &sa, NULL);
	}
	clock_gettime(CLOCK_MONOTONIC, &G.start);
	G.next_progress = G.start.tv_sec + 1;
	ibuf = alloc_buffer(G.ibs, &G.ibuf_mem);
	if (!G.direct)
		G.obuf = alloc_buffer(G.obs, &G.obuf_mem);
	skip_input(ibuf);
	seek_output();
	copy(ibuf);
	finish_output();
	print_stats();
	free(G.ibuf_mem);
	free(G.obuf_mem);
	return G.status;
}
