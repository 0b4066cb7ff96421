/* uuencode: encode a file for mailing. POSIX uuencode: the historical format (lines of
 * 45 bytes, '`' for zero) and -m base64 ("begin-base64", lines of 60 characters, "===="),
 * with the mode of INFILE, or 0666 less the umask for standard input. */

/*== applet
applet uuencode /usr/bin
options m(base64)
config UUENCODE
	bool "uuencode"
	default y
	help
	  Encode a file in the uuencode or base64 format with its name and mode.
usage [-m] [INFILE] REMOTENAME
Encode INFILE (standard input if none, or -) for uudecode to recreate as REMOTENAME.

	-m	Base64 (RFC 4648), not the historical encoding
==*/

#include "libbb.h"
#include "flags/uuencode.h"

enum { LINE = 45, BUFSZ = LINE * 1024 };

GLOBALS();

static char uu_char(unsigned v)
{
	return v ? v + ' ' : '`';
}

/* One line of the historical format for n (1..45) bytes; returns its length. */
static size_t uu_line(char *d, const uint8_t *s, size_t n)
{
	char *start = d;

	*d++ = uu_char(n);
	for (size_t i = 0; i < n; i += 3) {
		uint32_t v = (uint32_t)s[i] << 16 | (i + 1 < n ? s[i + 1] << 8 : 0) |
			     (i + 2 < n ? s[i + 2] : 0);
		*d++ = uu_char(v >> 18);
		*d++ = uu_char(v >> 12 & 63);
		*d++ = uu_char(v >> 6 & 63);
		*d++ = uu_char(v & 63);
	}
	*d++ = '\n';
	return d - start;
}

/* Encode whole chunks of full lines; at the end (last) the short line too. */
static size_t encode(char *out, const uint8_t *in, size_t n)
{
	char *d = out;

	for (size_t i = 0; i < n; i += LINE) {
		size_t k = n - i < LINE ? n - i : LINE;
		if (FLAG(m)) {
			d += base64_encode(d, in + i, k);
			*d++ = '\n';
		} else {
			d += uu_line(d, in + i, k);
		}
	}
	return d - out;
}

int uuencode_main(int argc, char **argv)
{
	const char *remote = argv[argc - 1];
	mode_t mode;
	uint8_t *in;
	char *out;
	size_t have = 0;
	ssize_t n;
	int fd = STDIN_FILENO;
	struct stat st;

	if (argc < 2 || argc > 3) {
		if (argc > 3)
			bb_error_msg("extra operand '%s'", argv[3]);
		bb_show_usage();
	}
	if (argc == 3) {
		fd = open_or_warn_stdin(argv[1]);
		if (fd < 0)
			return 1;
	}
	if (fd != STDIN_FILENO && !fstat(fd, &st)) {
		mode = st.st_mode & 0777;
	} else {
		mode = umask(0);
		umask(mode);
		mode = 0666 & ~mode;
	}
	out = xasprintf("begin%s %03o %s\n", FLAG(m) ? "-base64" : "", (unsigned)mode, remote);
	xwrite_str(STDOUT_FILENO, out);
	free(out);
	in = xmalloc(BUFSZ);
	out = xmalloc(BUFSZ / 3 * 4 + BUFSZ / LINE * 2 + 8);
	while ((n = safe_read(fd, in + have, BUFSZ - have)) > 0) {
		size_t whole;
		have += n;
		whole = have - have % LINE;
		xwrite(STDOUT_FILENO, out, encode(out, in, whole));
		memmove(in, in + whole, have - whole);
		have -= whole;
	}
	if (n < 0)
		bb_perror_msg_and_die("%s", argc == 3 ? argv[1] : "-");
	xwrite(STDOUT_FILENO, out, encode(out, in, have));
	xwrite_str(STDOUT_FILENO, FLAG(m) ? "====\n" : "`\nend\n");
	free(in);
	free(out);
	if (fd != STDIN_FILENO)
		close(fd);
	return 0;
}
