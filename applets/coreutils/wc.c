/* wc: count lines, words, characters and bytes.
 * POSIX wc plus the GNU -L and long options, with GNU's column widths and word rules: a
 * word is a run of printable characters ended by white space (non-printable characters
 * neither start nor end one; in UTF-8 the no-break spaces end words too, unless
 * POSIXLY_CORRECT). -m counts characters of the LC_CTYPE locale (bytes in the C locale;
 * invalid sequences are not counted). No --files0-from.
 */

/*== applet
applet wc /usr/bin
options c(bytes)m(chars)l(lines)w(words)L(max-line-length)
config WC
	bool "wc"
	default y
	help
	  Count the lines, words, characters and bytes of files.

config FEATURE_WC_MULTIBYTE
	bool "Multibyte characters in -m -w -L (UTF-8 locales)"
	default y
	depends on WC
	help
	  Decode characters as the locale (LC_ALL, LC_CTYPE, LANG) says, so that
	  -m counts characters rather than bytes and -w and -L know which
	  characters are spaces and how wide each one is. Without it, every byte
	  is a character, as in the C locale.
usage [-cmlwL] [FILE]...
Print the line, word and byte counts of each FILE (standard input if none, or -), and a
total line if there is more than one FILE.

	-c	Count bytes
	-m	Count characters
	-l	Count lines
	-w	Count words
	-L	Print the width of the longest line

The counts are printed in the order lines, words, characters, bytes, width;
with no option: -lwc.
==*/

#include "libbb.h"
#include "flags/wc.h"
#include <locale.h>
#include <wchar.h>
#include <wctype.h>

enum { N_LINES, N_WORDS, N_CHARS, N_BYTES, N_WIDTH, N_COUNTS };

GLOBALS(
	unsigned long long total[N_COUNTS];
	unsigned shown;		/* bit i set: count i is printed */
	int width;		/* of every column */
	bool multibyte;
	bool nbsp_is_space;
);

/* The counts of one input, and where the scan is inside the current line, word and
 * multibyte character (all of which may straddle reads). */
struct wc_state {
	unsigned long long n[N_COUNTS];
	unsigned long long linepos;
	bool in_word;
	bool mb_pending;	/* mbs holds the start of a character */
	mbstate_t mbs;
};

static void end_line(struct wc_state *s)
{
	if (s->linepos > s->n[N_WIDTH])
		s->n[N_WIDTH] = s->linepos;
	s->linepos = 0;
}

static void end_word(struct wc_state *s)
{
	s->n[N_WORDS] += s->in_word;
	s->in_word = false;
}

static bool is_word_space(wint_t wc)
{
	if (iswspace(wc))
		return true;
	return G.nbsp_is_space && (wc == 0xa0 || wc == 0x2007 || wc == 0x202f || wc == 0x2060);
}

/* One character starting with a non-ASCII byte at p; returns where the next one starts.
 * An invalid byte is skipped uncounted; after an incomplete character, the byte that
 * broke it is looked at again on its own. */
static const unsigned char *count_multibyte(struct wc_state *s, const unsigned char *p,
					    const unsigned char *end)
{
	wchar_t wc;
	size_t len = mbrtowc(&wc, (const char *)p, end - p, &s->mbs);

	if (len == (size_t)-2) {
		s->mb_pending = true;
		return end;
	}
	if (len == (size_t)-1) {
		bool retry = s->mb_pending;
		memset(&s->mbs, 0, sizeof(s->mbs));
		s->mb_pending = false;
		return retry ? p : p + 1;
	}
	s->mb_pending = false;
	s->n[N_CHARS]++;
	if (iswprint(wc)) {
		int w = wcwidth(wc);
		if (w > 0)
			s->linepos += w;
		if (is_word_space(wc))
			end_word(s);
		else
			s->in_word = true;
	}
	return p + (len ? len : 1);
}

/* Everything but the byte count, for -w, -L, and -m in a multibyte locale. */
static void count_all(struct wc_state *s, const unsigned char *p, const unsigned char *end)
{
	while (s->mb_pending && p < end)
		p = count_multibyte(s, p, end);
	while (p < end) {
		unsigned c = *p;
		if (c >= 0x80 && G.multibyte) {
			p = count_multibyte(s, p, end);
			continue;
		}
		p++;
		s->n[N_CHARS]++;
		switch (c) {
		case '\n':
			s->n[N_LINES]++;
			/* fall through */
		case '\r':
		case '\f':
			end_line(s);
			end_word(s);
			break;
		case '\t':
			s->linepos += 8 - s->linepos % 8;
			end_word(s);
			break;
		case ' ':
			s->linepos++;
			/* fall through */
		case '\v':
			end_word(s);
			break;
		default:
			if (c > ' ' && c < 0x7f) {
				s->linepos++;
				s->in_word = true;
			}
		}
	}
}

/* Word-at-a-time: as fast as memchr between far-apart newlines, and much faster than
 * calling it per line when lines are short. */
typedef unsigned char bytes16 __attribute__((vector_size(16)));

static unsigned long long count_newlines(const unsigned char *p, const unsigned char *end)
{
	const bytes16 nl = { '\n', '\n', '\n', '\n', '\n', '\n', '\n', '\n',
			     '\n', '\n', '\n', '\n', '\n', '\n', '\n', '\n' };
	unsigned long long lines = 0;

	while (end - p >= 16) {
		/* per-byte counts of up to 255 vectors, summed across the bytes once */
		bytes16 acc = { 0 };
		for (int i = 0; i < 255 && end - p >= 16; i++, p += 16) {
			bytes16 v;
			memcpy(&v, p, 16);
			acc -= (bytes16)(v == nl);	/* a match is -1 in every bit */
		}
		for (int i = 0; i < 16; i++)
			lines += acc[i];
	}
	for (; p < end; p++)
		lines += *p == '\n';
	return lines;
}

/* Only bytes to count: a regular file's byte count is its size, if that can be trusted.
 * A size that is a multiple of the block size may be the placeholder of a /proc or /sys
 * file, so then only the whole blocks before the last one are skipped and the rest is
 * read. Returns true if *bytes is the whole count, false if the rest of fd must be read. */
static bool bytes_from_size(int fd, unsigned long long *bytes)
{
	struct stat st;
	off_t pos, skip_to;

	if (fstat(fd, &st) || !S_ISREG(st.st_mode) || st.st_size <= 0)
		return false;
	pos = lseek(fd, 0, SEEK_CUR);
	if (pos < 0 || pos >= st.st_size)
		return false;
	if (st.st_blksize <= 0 || st.st_size % st.st_blksize) {
		*bytes = st.st_size - pos;
		return true;
	}
	skip_to = (st.st_size - 1) / st.st_blksize * st.st_blksize;
	if (skip_to > pos && lseek(fd, skip_to, SEEK_SET) == skip_to)
		*bytes = skip_to - pos;
	return false;
}

/* Fills s from fd; returns -1 after a read error (s holds the counts up to it). */
static int count_fd(int fd, struct wc_state *s)
{
	unsigned char buf[64 * 1024];
	bool all = FLAG(w) || FLAG(L) || (FLAG(m) && G.multibyte);
	ssize_t len = 0;

	if (all || FLAG(l) || !bytes_from_size(fd, &s->n[N_BYTES])) {
		while ((len = safe_read(fd, buf, sizeof(buf))) > 0) {
			s->n[N_BYTES] += len;
			if (all)
				count_all(s, buf, buf + len);
			else if (FLAG(l))
				s->n[N_LINES] += count_newlines(buf, buf + len);
		}
	}
	end_line(s);
	end_word(s);
	if (!all)
		s->n[N_CHARS] = s->n[N_BYTES];
	return len < 0 ? -1 : 0;
}

static void print_counts(const unsigned long long *n, const char *name)
{
	const char *sep = "";

	for (int i = 0; i < N_COUNTS; i++) {
		if (!(G.shown & (1u << i)))
			continue;
		printf("%s%*llu", sep, G.width, n[i]);
		sep = " ";
	}
	if (name)
		printf(" %s", name);
	putchar('\n');
}

/* GNU's layout: one column width for all lines, wide enough for the total size of the
 * regular files, and at least 7 if some input is not a regular file (its size is
 * unknown). A lone count of a lone input is not padded. */
static int column_width(char **names, int count)
{
	unsigned long long size = 0;
	int width = 1, min = 1;

	if (count == 1 && !(G.shown & (G.shown - 1)))
		return 1;
	for (int i = 0; i < count; i++) {
		struct stat st;
		bool is_stdin = !names[i] || !strcmp(names[i], "-");
		if (is_stdin ? fstat(STDIN_FILENO, &st) : stat(names[i], &st))
			continue;
		if (S_ISREG(st.st_mode))
			size += st.st_size;
		else
			min = 7;
	}
	for (; size >= 10; size /= 10)
		width++;
	return width < min ? min : width;
}

/* The name in read error messages; GNU quotes names that need it, as this one. */
static const char *shown_name(const char *name)
{
	return name ? name : "'standard input'";
}

static int wc_file(const char *name)
{
	struct wc_state s;
	int fd = name && strcmp(name, "-") ? open(name, O_RDONLY) : STDIN_FILENO;
	int status = 0;

	if (fd < 0) {
		if (*name)
			bb_perror_msg("%s", name);
		else
			bb_error_msg("invalid zero-length file name");
		return 1;
	}
	memset(&s, 0, sizeof(s));
	if (count_fd(fd, &s)) {
		bb_perror_msg("%s", shown_name(name));
		status = 1;
	}
	if (fd != STDIN_FILENO)
		close(fd);
	print_counts(s.n, name);
	for (int i = 0; i < N_COUNTS; i++) {
		if (i == N_WIDTH)
			G.total[i] = G.total[i] > s.n[i] ? G.total[i] : s.n[i];
		else
			G.total[i] += s.n[i];
	}
	return status;
}

int wc_main(int argc, char **argv)
{
	char *stdin_only[] = { NULL };
	char **names = argc > 1 ? argv + 1 : stdin_only;
	int count = argc > 1 ? argc - 1 : 1;
	int status = 0;

	if (!(optflags & (FLAG_c | FLAG_m | FLAG_l | FLAG_w | FLAG_L)))
		optflags |= FLAG_l | FLAG_w | FLAG_c;
	G.shown = (FLAG(l) ? 1u << N_LINES : 0) | (FLAG(w) ? 1u << N_WORDS : 0) |
		  (FLAG(m) ? 1u << N_CHARS : 0) | (FLAG(c) ? 1u << N_BYTES : 0) |
		  (FLAG(L) ? 1u << N_WIDTH : 0);
	if (ENABLE_FEATURE_WC_MULTIBYTE && (FLAG(m) || FLAG(w) || FLAG(L))) {
		setlocale(LC_CTYPE, "");
		G.multibyte = MB_CUR_MAX > 1;
		G.nbsp_is_space = !getenv("POSIXLY_CORRECT");
	}
	G.width = column_width(names, count);
	for (int i = 0; i < count; i++)
		status |= wc_file(names[i]);
	if (count > 1)
		print_counts(G.total, "total");
	return status;
}
