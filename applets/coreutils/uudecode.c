/* uudecode: recreate a file from uuencode output. POSIX uudecode: the historical format
 * and "begin-base64"; the file gets the name and mode of the begin line unless -o names
 * another ("-" and /dev/stdout: standard output). Text before the begin line is skipped;
 * only the first encoded file is decoded. Deviations: the setuid, setgid and sticky bits
 * of the mode are dropped; input that ends before "end" or "====" is an error. */

/*== applet
applet uudecode /usr/bin
options o(output-file):
config UUDECODE
	bool "uudecode"
	default y
	help
	  Decode a file encoded by uuencode (historical or base64 format).
usage [-o OUTFILE] [FILE]
Decode the uuencoded FILE (standard input if none, or -) into the file its begin line
names, or OUTFILE.

	-o OUTFILE	Write to OUTFILE (- for standard output)
==*/

#include "libbb.h"
#include "flags/uudecode.h"

GLOBALS(
	FILE *in;
	int out;
	char *line;
	size_t cap;
);

/* The next line without its newline, or NULL at the end of the input. */
static char *next_line(void)
{
	ssize_t n = getline(&G.line, &G.cap, G.in);

	if (n <= 0)
		return NULL;
	if (G.line[n - 1] == '\n')
		G.line[--n] = 0;
	return G.line;
}

static NORETURN void short_file(void)
{
	bb_error_msg_and_die("short file");
}

/* A character of the historical format: ' ' and '`' are both zero. */
static unsigned uu_value(const char *s, size_t len, size_t i)
{
	return i < len ? (s[i] - ' ') & 63 : 0;
}

static void decode_historical(void)
{
	uint8_t buf[64];
	char *s;

	while ((s = next_line())) {
		size_t len = strlen(s), n = uu_value(s, len, 0), k = 0;
		if (!n)
			break;
		for (size_t i = 1; k < n; i += 4) {
			uint32_t v = uu_value(s, len, i) << 18 | uu_value(s, len, i + 1) << 12 |
				     uu_value(s, len, i + 2) << 6 | uu_value(s, len, i + 3);
			for (int j = 16; j >= 0 && k < n; j -= 8)
				buf[k++] = v >> j;
		}
		xwrite(G.out, buf, n);
	}
	if (!s || !(s = next_line()) || strcmp(s, "end"))
		short_file();
}

static void decode_base64(void)
{
	struct base_decoder d;
	uint8_t *buf = NULL;
	char *s;

	base_decoder_init(&d, 6, false);
	while ((s = next_line()) && strcmp(s, "====")) {
		size_t len = strlen(s);
		buf = xrealloc(buf, len + 8);
		xwrite(G.out, buf, base_decode(&d, buf, s, len));
		if (d.error)
			bb_error_msg_and_die("invalid input");
	}
	free(buf);
	if (!s)
		short_file();
	if (d.n)
		bb_error_msg_and_die("invalid input");
}

static int open_output(const char *name, mode_t mode)
{
	int fd;

	if (!strcmp(name, "-") || !strcmp(name, "/dev/stdout"))
		return STDOUT_FILENO;
	fd = xopen3(name, O_WRONLY | O_CREAT | O_TRUNC, mode);
	if (fchmod(fd, mode))
		bb_perror_msg_and_die("%s", name);
	return fd;
}

int uudecode_main(int argc, char **argv)
{
	const char *file = argc > 1 ? argv[1] : "-";
	bool base64 = false;
	char *s, *name, *end;
	unsigned long mode;

	if (argc > 2) {
		bb_error_msg("extra operand '%s'", argv[2]);
		bb_show_usage();
	}
	G.in = fopen_or_warn_stdin(file);
	if (!G.in)
		return 1;
	while ((s = next_line())) {
		if (is_prefixed_with(s, "begin-base64 "))
			base64 = true, s += 13;
		else if (is_prefixed_with(s, "begin "))
			s += 6;
		else
			continue;
		mode = strtoul(s, &end, 8);
		if (end != s && *end == ' ' && end[1])
			break;
	}
	if (!s)
		bb_error_msg_and_die("no 'begin' line");
	name = xstrdup(FLAG(o) ? G.o : end + 1);
	G.out = open_output(name, mode & 0777);
	if (base64)
		decode_base64();
	else
		decode_historical();
	if (G.out != STDOUT_FILENO && close(G.out))
		bb_perror_msg_and_die("%s", name);
	free(name);
	free(G.line);
	if (G.in != stdin)
		fclose(G.in);
	return 0;
}
