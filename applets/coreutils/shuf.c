/* shuf: print a random permutation of lines. GNU coreutils shuf: -e -i -n -o -r -z and
 * --random-source, GNU's messages. With -n and no -r lines are sampled from the input
 * as it is read (reservoir sampling), so only COUNT lines are kept; -i picks from its
 * range without building it when COUNT is small. The order for a given random source
 * differs from GNU's.
 */

/*== applet
applet shuf /usr/bin
options e(echo) i(input-range)* n(head-count)* o(output): r(repeat) z(zero-terminated) (random-source):
config SHUF
	bool "shuf"
	default y
	help
	  Print the lines of a file, or numbers, in random order.
usage [-erz] [-i LO-HI] [-n COUNT] [-o FILE] [--random-source=FILE] [FILE | ARG...]
Print the lines of FILE (standard input if none, or -) in random order.

	-e, --echo	Shuffle the ARGs instead of lines
	-i, --input-range=LO-HI	Shuffle the numbers LO to HI
	-n, --head-count=COUNT	Print at most COUNT lines
	-o, --output=FILE	Write to FILE, opened once the input is read
	-r, --repeat	Pick lines with replacement: forever, or COUNT times
	-z, --zero-terminated	Lines end with NUL, not newline
	--random-source=FILE	Take the random bytes from FILE
==*/

#include "libbb.h"
#include "flags/shuf.h"

typedef unsigned long long u64;

struct line {
	char *s;
	size_t len;
};

/* index -> value pairs of a permutation that are not the identity */
struct slot {
	u64 key, val;
	bool used;
};

GLOBALS(
	FILE *src;
	char delim;
	u64 count;	/* -n, or all */
	struct line *lines;
	size_t nlines, cap;
	char *data;	/* the whole input, when it is kept */
	struct slot *map;
	size_t mapcap;
);

/* A random number of nbytes bytes (1 to 8). */
static u64 random_bytes(int nbytes)
{
	unsigned char b[8];
	u64 r = 0;

	if (G.src) {
		if (fread(b, 1, nbytes, G.src) != (size_t)nbytes) {
			if (ferror(G.src))
				bb_perror_msg_and_die("%s", G.random_source);
			bb_error_msg_and_die("'%s': end of file", G.random_source);
		}
	} else {
		bb_random_bytes(b, nbytes);
	}
	for (int i = 0; i < nbytes; i++)
		r = r << 8 | b[i];
	return r;
}

/* uniform in [0, n), n > 0, from as few bytes as cover n - 1 */
static u64 random_below(u64 n)
{
	int nbytes = 1;
	u64 max, top, r;

	if (n == 1)
		return 0;
	while (nbytes < 8 && (n - 1) >> (8 * nbytes))
		nbytes++;
	max = nbytes == 8 ? ULLONG_MAX : (1ULL << (8 * nbytes)) - 1;
	top = max - (max % n + 1) % n;	/* values above it would bias the result */
	do
		r = random_bytes(nbytes);
	while (r > top);
	return r % n;
}

static void put_line(const struct line *l)
{
	fwrite(l->s, 1, l->len, stdout);
	putchar(G.delim);
}

static void add_line(char *s, size_t len)
{
	if (G.nlines == G.cap)
		G.lines = xrealloc(G.lines, (G.cap = G.cap * 2 + 64) * sizeof(*G.lines));
	G.lines[G.nlines].s = s;
	G.lines[G.nlines++].len = len;
}

/* Keep all of fd, split into lines (a last one without its end counts). */
static void read_all(int fd, const char *name)
{
	size_t len = 0, cap = 0;
	ssize_t n;
	char *p, *end;

	do {
		if (cap - len < 4096)
			G.data = xrealloc(G.data, cap = cap * 2 + 65536);
		n = safe_read(fd, G.data + len, cap - len);
		if (n < 0)
			bb_perror_msg_and_die("%s", name);
		len += n;
	} while (n > 0);
	for (p = G.data, end = p + len; p < end;) {
		char *e = memchr(p, G.delim, end - p);
		if (!e)
			e = end;
		add_line(p, e - p);
		p = e + 1;
	}
}

/* Keep a uniform sample of G.count lines of in (reservoir sampling). */
static void read_sample(FILE *in, const char *name)
{
	char *buf = NULL, *copy;
	size_t cap = 0;
	ssize_t n;
	u64 seen = 0;

	while ((n = getdelim(&buf, &cap, G.delim, in)) > 0) {
		u64 j;
		n -= buf[n - 1] == G.delim;
		j = seen < G.count ? seen : random_below(seen + 1);
		seen++;
		if (j >= G.count)
			continue;
		copy = xmalloc(n + 1);
		memcpy(copy, buf, n);
		if (j == G.nlines) {
			add_line(copy, n);
		} else {
			free(G.lines[j].s);
			G.lines[j].s = copy;
			G.lines[j].len = n;
		}
	}
	free(buf);
	if (ferror(in))
		bb_perror_msg_and_die("%s", name);
}

static void print_permutation(void)
{
	u64 k = G.count < G.nlines ? G.count : G.nlines;

	for (u64 i = 0; i < k; i++) {
		u64 j = i + random_below(G.nlines - i);
		struct line t = G.lines[i];
		G.lines[i] = G.lines[j];
		G.lines[j] = t;
		put_line(&G.lines[i]);
	}
}

static void print_repeats(void)
{
	if (G.count && !G.nlines)
		bb_error_msg_and_die("no lines to repeat");
	for (u64 i = 0; i < G.count && !ferror(stdout); i += FLAG(n) != 0)
		put_line(&G.lines[random_below(G.nlines)]);
}

static struct slot *slot_of(u64 key)
{
	size_t h = (size_t)(key * 0x9e3779b97f4a7c15ULL) & (G.mapcap - 1);

	while (G.map[h].used && G.map[h].key != key)
		h = (h + 1) & (G.mapcap - 1);
	return &G.map[h];
}

static u64 value_at(u64 i)
{
	struct slot *s = slot_of(i);

	return s->used ? s->val : i;
}

static void set_value(u64 i, u64 v)
{
	struct slot *s = slot_of(i);

	s->used = true;
	s->key = i;
	s->val = v;
}

/* k numbers of lo..lo+range-1 without repeats: a Fisher-Yates shuffle that stores
 * only the places it has changed. */
static void print_range(u64 lo, u64 range)
{
	u64 k = G.count < range ? G.count : range;

	G.mapcap = 16;
	while (G.mapcap / 4 < k && G.mapcap < SIZE_MAX / 2 / sizeof(*G.map))
		G.mapcap *= 2;
	G.map = xzalloc(G.mapcap * sizeof(*G.map));
	for (u64 i = 0; i < k; i++) {
		u64 j = i + random_below(range - i), v = value_at(j);
		set_value(j, value_at(i));
		printf("%llu%c", lo + v, G.delim);
	}
}

/* 0, or the error: EINVAL or ERANGE */
static int parse_u64(const char *s, size_t len, u64 *out)
{
	char *copy = xstrndup(s, len), *p = copy + strspn(copy, " ");
	int err = *p == '-' ? EINVAL : bb_strtoull(p + (*p == '+'), 10, NULL, 0, ULLONG_MAX, out);

	free(copy);
	return err;
}

/* fmt has one '%s' for the value s[0..len), quoted, then extra */
static NORETURN void die_quoted(const char *fmt, const char *s, size_t len, const char *extra)
{
	char *v = xstrndup(s, len), *q = xmalloc_c_escaped(v);

	bb_error_msg(fmt, q, extra);
	free(q);
	free(v);
	xfunc_die();
}

static void parse_range(const char *s, u64 *lo, u64 *range)
{
	const char *dash = strchr(s, '-');
	u64 hi;

	if (!dash || parse_u64(s, dash - s, lo))
		die_quoted("invalid input range: '%s'%s", s, dash ? (size_t)(dash - s) : strlen(s), "");
	switch (parse_u64(dash + 1, strlen(dash + 1), &hi)) {
	case ERANGE:
		die_quoted("invalid input range: '%s': %s", dash + 1, strlen(dash + 1),
			   "Value too large for defined data type");	/* glibc's words */
	case 0:
		break;
	default:
		die_quoted("invalid input range: '%s'%s", dash + 1, strlen(dash + 1), "");
	}
	if ((hi < *lo && hi + 1 != *lo) || (*lo == 0 && hi == ULLONG_MAX))
		die_quoted("invalid input range: '%s'%s", s, strlen(s), "");
	*range = hi - *lo + 1;	/* 0 for LO = HI + 1 */
}

static NORETURN void usage_error(const char *fmt, const char *arg)
{
	bb_error_msg(fmt, arg);
	bb_show_usage();
}

int shuf_main(int argc, char **argv)
{
	u64 lo = 0, range = 0;
	int fd = -1;

	G.delim = FLAG(z) ? '\0' : '\n';
	G.count = ULLONG_MAX;
	for (char **n = G.n; n && *n; n++) {
		u64 c;
		if (parse_u64(*n, strlen(*n), &c))
			die_quoted("invalid line count: '%s'%s", *n, strlen(*n), "");
		if (c < G.count)
			G.count = c;
	}
	if (FLAG(e) && FLAG(i))
		usage_error("cannot combine -e and -i options%s", "");
	if (FLAG(i) && G.i[1])
		usage_error("multiple -i options specified%s", "");
	if (FLAG(i) && argc > 1)
		usage_error("extra operand '%s'", argv[1]);
	if (!FLAG(e) && argc > 2)
		usage_error("extra operand '%s'", argv[2]);
	if (FLAG(i))
		parse_range(G.i[0], &lo, &range);
	if (G.random_source && !(G.src = fopen(G.random_source, "r")))
		bb_perror_msg_and_die("%s", G.random_source);
	if (FLAG(e)) {
		for (int i = 1; i < argc; i++)
			add_line(argv[i], strlen(argv[i]));
	} else if (!FLAG(i) && G.count) {
		const char *name = argc > 1 ? argv[1] : "-";
		if (FLAG(n) && !FLAG(r)) {
			FILE *in = fopen_or_warn_stdin(name);
			if (!in)
				xfunc_die();
			read_sample(in, name);
			fclose_if_not_stdin(in, name);
		} else {
			fd = open_or_warn_stdin(name);
			if (fd < 0)
				xfunc_die();
			read_all(fd, name);
			if (fd != STDIN_FILENO)
				close(fd);
		}
	}
	if (G.o) {
		fd = open(G.o, O_WRONLY | O_CREAT | O_TRUNC, 0666);
		if (fd < 0)
			bb_perror_msg_and_die("%s", G.o);
		fflush(stdout);
		xdup2(fd, STDOUT_FILENO);
		close(fd);
	}
	if (FLAG(i)) {
		if (FLAG(r)) {
			if (G.count && !range)
				bb_error_msg_and_die("no lines to repeat");
			for (u64 i = 0; i < G.count && !ferror(stdout); i += FLAG(n) != 0)
				printf("%llu%c", lo + random_below(range), G.delim);
		} else {
			print_range(lo, range);
		}
	} else if (FLAG(r)) {
		print_repeats();
	} else {
		print_permutation();
	}
	if (FLAG(n) && !FLAG(r) && !FLAG(e))
		for (size_t i = 0; i < G.nlines; i++)
			free(G.lines[i].s);
	free(G.lines);
	free(G.data);
	free(G.map);
	if (G.src)
		fclose(G.src);
	return 0;
}
