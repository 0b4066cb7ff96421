/* base64, base32: encode or decode RFC 4648 base64 / base32. GNU coreutils base64 and
 * base32: -d, -i, -w COLS (0: one line, no newline at the end); decoding skips newlines
 * and fails on anything else outside the alphabet ("invalid input") unless -i. */

/*== applet
applet base64 /usr/bin
applet base32 /usr/bin main=base64_main
options d(decode) i(ignore-garbage) w(wrap):
config BASE64
	bool "base64"
	default y
	help
	  Encode or decode base64 (RFC 4648).

config BASE32
	bool "base32"
	default y
	help
	  Encode or decode base32 (RFC 4648).
usage [-di] [-w COLS] [FILE]
Encode FILE (standard input if none, or -) in base64 or base32, or decode it.

	-d	Decode
	-i	When decoding, skip characters outside the alphabet
	-w COLS	Break encoded lines after COLS characters (default 76, 0: never)
==*/

#include "libbb.h"
#include "flags/base64.h"

enum { BUFSZ = 60 * 1024 };	/* a multiple of 3 and of 5 */

GLOBALS(
	unsigned long long wrap;
	unsigned long long col;
	bool b32;
	uint8_t *in;
	char *out;
);

/* Write n encoded chars with a newline every G.wrap columns. */
static void put_wrapped(const char *s, size_t n)
{
	char *d = G.out;

	if (!G.wrap) {
		xwrite(STDOUT_FILENO, s, n);
		return;
	}
	while (n) {
		size_t k = G.wrap - G.col < n ? G.wrap - G.col : n;
		memcpy(d, s, k);
		d += k, s += k, n -= k;
		G.col += k;
		if (G.col == G.wrap) {
			*d++ = '\n';
			G.col = 0;
		}
	}
	xwrite(STDOUT_FILENO, G.out, d - G.out);
}

static size_t encode(char *dst, const uint8_t *src, size_t n)
{
	return G.b32 ? base32_encode(dst, src, n) : base64_encode(dst, src, n);
}

static int encode_fd(int fd)
{
	unsigned group = G.b32 ? 5 : 3;
	char *text = xmalloc(BUFSZ / 3 * 4 * 2);	/* 8/5 < 4/3 * 2 */
	size_t have = 0;
	ssize_t n;

	G.out = xmalloc(BUFSZ / 3 * 8 * 2);	/* the text with its newlines */
	while ((n = safe_read(fd, G.in + have, BUFSZ - have)) > 0) {
		size_t whole;
		have += n;
		whole = have - have % group;
		put_wrapped(text, encode(text, G.in, whole));
		memmove(G.in, G.in + whole, have - whole);
		have -= whole;
	}
	if (n == 0) {
		put_wrapped(text, encode(text, G.in, have));
		if (G.col)
			xwrite(STDOUT_FILENO, "\n", 1);
	}
	free(text);
	return n < 0 ? -1 : 0;
}

static int decode_fd(int fd)
{
	struct base_decoder d;
	ssize_t n = 0;

	G.out = xmalloc(BUFSZ + 8);
	base_decoder_init(&d, G.b32 ? 5 : 6, FLAG(i));
	while (!d.error && (n = safe_read(fd, G.in, BUFSZ)) > 0)
		xwrite(STDOUT_FILENO, G.out, base_decode(&d, (uint8_t *)G.out, (char *)G.in, n));
	if (d.error)
		return 1;
	if (n < 0)
		return -1;
	xwrite(STDOUT_FILENO, G.out, base_decode_end(&d, (uint8_t *)G.out));
	return d.error;
}

int base64_main(int argc, char **argv)
{
	const char *name = argc > 1 ? argv[1] : "-", *w;
	bool neg;
	int fd, r;

	if (argc > 2) {
		bb_error_msg("extra operand '%s'", argv[2]);
		bb_show_usage();
	}
	G.b32 = ENABLE_BASE32 && !strcmp(applet_name, "base32");
	G.wrap = 76;
	/* GNU: leading blanks, then a sign; -0 is 0 */
	w = G.w ? G.w + strspn(G.w, " \t\n\v\f\r") : "";
	neg = *w == '-' && isdigit(w[1]);
	if (FLAG(w) && bb_strtoull(w + neg, 10, NULL, 0, neg ? 0 : LLONG_MAX, &G.wrap)) {
		if (errno != ERANGE || neg)
			bb_error_msg_and_die("invalid wrap size: '%s'", G.w);
		G.wrap = 0;	/* GNU: beyond its intmax_t, no wrapping at all */
	}
	fd = open_or_warn_stdin(name);
	if (fd < 0)
		return 1;
	G.in = xmalloc(BUFSZ);
	r = FLAG(d) ? decode_fd(fd) : encode_fd(fd);
	if (r < 0)
		bb_perror_msg("read error");
	else if (r)
		bb_error_msg("invalid input");
	if (fd != STDIN_FILENO)
		close(fd);
	free(G.in);
	free(G.out);
	return r != 0;
}
