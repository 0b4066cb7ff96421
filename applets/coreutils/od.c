/* od: dump files in octal and other formats.
 * POSIX od (-A -j -N -t -v and the old -b -c -d -o -s -x) with GNU's extensions: -w,
 * --endian, the z suffix, the letters -B -D -e -F -f -h -H -i -I -l -L -O -X, 0x and
 * suffixed counts, and GNU's column widths, padding and '*' suppression. Floats are
 * printed in the shortest form that reads back as the same value, as GNU does.
 * Deviations: formats given by the old letters are shown after those of -t, in the
 * order of the usage text (GNU keeps command-line order); no -S, and --traditional takes
 * no LABEL operand; an OFFSET "1." is decimal 1 as POSIX says (GNU rejects it); -c shows
 * bytes, not multibyte characters (we run in the C locale).
 */

/*== applet
applet od /usr/bin
options A(address-radix):t(format)*j(skip-bytes):N(read-bytes):v(output-duplicates)w(width)? {FEATURE_OD_ENDIAN} (endian): {} (traditional) abBcdDeFfhHiIlLoOsxX
config OD
	bool "od"
	default y
	help
	  Dump files in octal, decimal, hexadecimal, character or floating point form.

config FEATURE_OD_ENDIAN
	bool "Support --endian"
	default y
	depends on OD
	help
	  Read multi-byte values as big or little endian, whatever the machine.
usage [-bcdosxv] [-A RADIX] [-j BYTES] [-N BYTES] [-t TYPE]... [-w[BYTES]] [FILE]...
   or: od [-bcdosx] [--traditional] [FILE] [[+]OFFSET[.][b]]
Write the bytes of the FILEs (standard input if none, or -), taken as one input, in
octal or the formats given, 16 bytes a line, each line prefixed by its offset.

	-A RADIX	Offsets in d(ecimal), o(ctal, the default), x (hex) or n(one)
	-j BYTES	Skip BYTES bytes first
	-N BYTES	Dump at most BYTES bytes
	-t TYPE	Format: a (named char), c (char or escape), d, o, u, x (signed,
		octal, unsigned, hex) with a size 1, 2, 4, 8, C, S, I or L,
		f with 4, 8, 16, F, D or L; a z suffix appends the printable text
	-v	Print every line ('*' marks repeated lines otherwise)
	-w[BYTES]	BYTES a line (32 when not given)
{FEATURE_OD_ENDIAN}	--endian=big|little	Byte order of the values
	--traditional	Take a second operand as the OFFSET, and at most one FILE
	-a -b -c	-t a, -t o1, -t c
	-d -D -s	-t u2, -t u4, -t d2
	-o -O -B	-t o2, -t o4, -t o2
	-x -h -X -H	-t x2, -t x2, -t x4, -t x4
	-i -I -l -L	-t dI, -t dL, -t dL, -t dL
	-f -e -F	-t fF, -t fD, -t fD
BYTES may be 0x hex, and have a suffix: b (512), kB (1000), K (1024), MB, M, ...
Without the options above that take a value and -v -w, an OFFSET operand that starts
with + (or, after a FILE, a digit) skips bytes first: octal, 0x hex, decimal with a
'.'; a b suffix multiplies by 512, B by 1024.
==*/

#include "libbb.h"
#include "flags/od.h"
#include <float.h>

enum { T_NAMED, T_CHAR, T_SIGNED, T_UNSIGNED, T_OCTAL, T_HEX, T_FLOAT };

struct fmt {
	uint8_t type, size;
	bool trailer;
	int width;		/* of a field, without padding */
	int pad;		/* the line's spare columns, spread over its fields */
};

GLOBALS(
	struct fmt *fmts;
	unsigned nfmts;
	size_t bpb;		/* bytes per line */
	char radix;
	bool big_endian;
	char **files;
	int fd;
	bool status;
	unsigned long long limit;
	bool limited;
	bool opened;		/* some file could be opened */
	unsigned long long skip;
);

static const char named[][4] = {
	"nul", "soh", "stx", "etx", "eot", "enq", "ack", "bel", "bs", "ht", "nl", "vt", "ff",
	"cr", "so", "si", "dle", "dc1", "dc2", "dc3", "dc4", "nak", "syn", "etb", "can", "em",
	"sub", "esc", "fs", "gs", "rs", "us", "sp",
};

static const char type_letters[] = "acduoxf";

/* widths of d, u, o, x for sizes 1, 2, 4, 8 */
static const uint8_t int_widths[4][4] = {
	{ 4, 6, 11, 20 }, { 3, 5, 10, 20 }, { 3, 6, 11, 22 }, { 2, 4, 8, 16 },
};

static bool host_big_endian(void)
{
	const uint16_t one = 1;

	return *(const uint8_t *)&one == 0;
}

static void add_fmt(int type, int size, bool trailer)
{
	struct fmt *f;
	int lg = size == 1 ? 0 : size == 2 ? 1 : size == 4 ? 2 : 3;

	G.fmts = xrealloc(G.fmts, (G.nfmts + 1) * sizeof(*G.fmts));
	f = &G.fmts[G.nfmts++];
	f->type = type;
	f->size = size;
	f->trailer = trailer;
	f->pad = 0;
	if (type <= T_CHAR)
		f->width = 3;
	else if (type == T_FLOAT)
		f->width = size == 4 ? 15 : size == 8 ? 24 : 29;
	else
		f->width = int_widths[type - T_SIGNED][lg];
}

static int size_letter(int type, char c)
{
	if (type == T_FLOAT)
		return c == 'F' ? (int)sizeof(float) : c == 'D' ? (int)sizeof(double) :
		       c == 'L' ? (int)sizeof(long double) : 0;
	return c == 'C' ? 1 : c == 'S' ? (int)sizeof(short) : c == 'I' ? (int)sizeof(int) :
	       c == 'L' ? (int)sizeof(long) : 0;
}

static void parse_type(const char *s)
{
	const char *spec = s;

	while (*s) {
		const char *p = strchr(type_letters, *s);
		int type, size;
		if (!p || !*p)
			bb_error_msg_and_die("invalid character '%c' in type string '%s'", *s, spec);
		type = p - type_letters;
		type = type == 0 ? T_NAMED : type == 1 ? T_CHAR : type == 2 ? T_SIGNED :
		       type == 3 ? T_UNSIGNED : type == 4 ? T_OCTAL : type == 5 ? T_HEX : T_FLOAT;
		const char *start = s++;
		size = type <= T_CHAR ? 1 : type == T_FLOAT ? (int)sizeof(double) : (int)sizeof(int);
		if (type > T_CHAR) {
			if (isdigit(*s)) {
				unsigned long n = 0;
				while (isdigit(*s)) {
					n = n * 10 + (*s++ - '0');
					if (n > 1000)
						n = 1000;
				}
				size = n;
			} else if (*s && size_letter(type, *s)) {
				size = size_letter(type, *s++);
			}
			if (type == T_FLOAT ? size != sizeof(float) && size != sizeof(double) &&
					      size != sizeof(long double)
					    : size != 1 && size != 2 && size != 4 && size != 8) {
				int len = s - start;
				bb_error_msg_and_die("invalid type string '%.*s';\nthis system doesn't "
						     "provide a %d-byte %s type", len, start, size,
						     type == T_FLOAT ? "floating point" : "integral");
			}
		}
		add_fmt(type, size, *s == 'z');
		s += *s == 'z';
	}
}

static unsigned long long parse_bytes(const char *s, char opt)
{
	unsigned long long n;
	const char *digits = s;
	int base = 10;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		digits = s + 2;
		base = 16;
	} else if (s[0] == '0' && s[1]) {
		base = 8;
	}
	if (!isxdigit(*digits) || bb_strtoull(digits, base, size_suffixes, 0, ULLONG_MAX, &n)) {
		char *end;
		strtoull(digits, &end, base);
		bb_error_msg_and_die("invalid %s-%c argument '%s'",
				     isxdigit(*digits) && errno == EINVAL && end != digits ?
				     "suffix in " : "", opt, s);
	}
	return n;
}

/* The old [+]OFFSET[.][b] operand, as GNU reads it; false if s is not one. */
static bool old_offset(const char *s, unsigned long long *off)
{
	int base = 8;
	char *end;

	s += *s == '+';
	if (!isdigit(*s))
		return false;
	if (strchr(s, '.'))
		base = 10;
	else if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		base = 16;
	errno = 0;
	*off = strtoull(s, &end, base);
	if (base == 10 && *end == '.')
		end++;
	if (*end == 'b' || *end == 'B') {
		unsigned long long mult = *end++ == 'b' ? 512 : 1024;
		if (*off > ULLONG_MAX / mult)
			errno = ERANGE;
		*off *= mult;
	}
	return !errno && !*end;
}

/* The operands after the options: FILEs, or as POSIX says [FILE] [[+]OFFSET]. */
static void set_files(int argc, char **argv)
{
	bool modern = FLAG(A) || FLAG(j) || FLAG(N) || FLAG(t) || FLAG(v) || FLAG(w) ||
		(ENABLE_FEATURE_OD_ENDIAN && FLAG(endian));
	bool trad = FLAG(traditional);
	unsigned long long off;

	argc--, argv++;
	if (!modern || trad) {
		if (argc == 1 && (trad || argv[0][0] == '+') && old_offset(argv[0], &off)) {
			G.skip = off;
			argc = 0;
		} else if (argc == 2 && (trad || argv[1][0] == '+' || isdigit(argv[1][0])) &&
			   old_offset(argv[1], &off)) {
			G.skip = off;
			argc = 1;
		}
		if (trad && argc > 1) {
			bb_error_msg("extra operand '%s'", argv[1]);
			bb_error_msg("compatibility mode supports at most one file");
			bb_show_usage();
		}
	}
	argv[argc] = NULL;
	if (!argc)	/* standard input: the applet name's slot holds "-" */
		*--argv = (char *)"-";
	G.files = argv;
}

/* The next input file, or false at the end of the list. */
static bool next_file(void)
{
	while (*G.files) {
		const char *name = *G.files++;
		G.fd = open_or_warn_stdin(name);
		if (G.fd >= 0) {
			G.opened = true;
			return true;
		}
		G.status = 1;
	}
	G.fd = -1;
	return false;
}

static void close_file(void)
{
	if (G.fd > STDIN_FILENO)
		close(G.fd);
	G.fd = -1;
}

/* Read up to len bytes of the combined input. */
static size_t read_input(char *buf, size_t len)
{
	size_t got = 0;

	while (got < len && (G.fd >= 0 || next_file())) {
		ssize_t n = safe_read(G.fd, buf + got, len - got);
		if (n > 0) {
			got += n;
			continue;
		}
		if (n < 0) {
			bb_perror_msg("%s", G.files[-1]);
			G.status = 1;
		}
		close_file();
	}
	return got;
}

static void skip_input(unsigned long long n)
{
	char buf[4096];

	while (n && (G.fd >= 0 || next_file())) {
		struct stat st;
		off_t pos;
		if (!fstat(G.fd, &st) && S_ISREG(st.st_mode) &&
		    (pos = lseek(G.fd, 0, SEEK_CUR)) >= 0 && st.st_size > pos) {
			unsigned long long left = st.st_size - pos;
			if (left <= n) {
				n -= left;
				close_file();
			} else {
				lseek(G.fd, n, SEEK_CUR);
				n = 0;
			}
			continue;
		}
		size_t got = read_input(buf, n < sizeof(buf) ? n : sizeof(buf));
		if (!got)
			break;
		n -= got;
	}
	if (n)
		bb_error_msg_and_die("cannot skip past end of combined input");
}

static void print_address(unsigned long long addr, char after)
{
	if (G.radix == 'n')
		return;
	printf(G.radix == 'd' ? "%07llu" : G.radix == 'x' ? "%06llx" : "%07llo", addr);
	if (after)
		putchar(after);
}

static unsigned long long load_uint(const unsigned char *p, int size)
{
	unsigned long long v = 0;

	for (int i = 0; i < size; i++) {
		int k = G.big_endian ? i : size - 1 - i;
		v = v << 8 | p[k];
	}
	return v;
}

/* The value of a size-byte float at p, in the machine's order, into out. */
static void load_raw(const unsigned char *p, int size, void *out)
{
	bool swap = ENABLE_FEATURE_OD_ENDIAN && G.big_endian != host_big_endian();

	for (int i = 0; i < size; i++)
		((unsigned char *)out)[i] = p[swap ? size - 1 - i : i];
}

/* The shortest %g form that reads back as the same value. */
static void print_float(const unsigned char *p, int size, int width)
{
	char buf[64];

	if (size == sizeof(float)) {
		float x;
		load_raw(p, size, &x);
		for (int prec = (x < 0 ? -x : x) < FLT_MIN ? 1 : FLT_DIG; prec <= FLT_DIG + 3; prec++) {
			snprintf(buf, sizeof(buf), "%.*g", prec, x);
			if (strtof(buf, NULL) == x)
				break;
		}
	} else if (size == sizeof(double)) {
		double x;
		load_raw(p, size, &x);
		for (int prec = (x < 0 ? -x : x) < DBL_MIN ? 1 : DBL_DIG; prec <= DBL_DIG + 3; prec++) {
			snprintf(buf, sizeof(buf), "%.*g", prec, x);
			if (strtod(buf, NULL) == x)
				break;
		}
	} else {
		long double x = 0;
		load_raw(p, size, &x);
		for (int prec = (x < 0 ? -x : x) < LDBL_MIN ? 1 : LDBL_DIG; prec <= LDBL_DIG + 3; prec++) {
			snprintf(buf, sizeof(buf), "%.*Lg", prec, x);
			if (strtold(buf, NULL) == x)
				break;
		}
	}
	printf("%*s", width, buf);
}

static void print_field(const struct fmt *f, const unsigned char *p, int width)
{
	unsigned long long v;
	char buf[8];
	const char *s = buf;

	switch (f->type) {
	case T_NAMED:
		v = *p & 0x7f;
		s = v < 33 ? named[v] : v == 127 ? "del" : (buf[0] = v, buf[1] = 0, buf);
		printf("%*s", width, s);
		return;
	case T_CHAR:
		v = *p;
		if (v && strchr("\a\b\f\n\r\t\v", v)) {
			buf[0] = '\\';
			buf[1] = "abfnrtv"[strchr("\a\b\f\n\r\t\v", v) - "\a\b\f\n\r\t\v"];
			buf[2] = 0;
		} else if (!v) {
			s = "\\0";
		} else if (v >= ' ' && v < 127) {
			buf[0] = v;
			buf[1] = 0;
		} else {
			snprintf(buf, sizeof(buf), "%03o", (unsigned)v);
		}
		printf("%*s", width, s);
		return;
	case T_FLOAT:
		print_float(p, f->size, width);
		return;
	}
	v = load_uint(p, f->size);
	if (f->type == T_SIGNED) {
		long long sv = v;
		if (f->size < 8 && (v >> (f->size * 8 - 1)))
			sv = (long long)(v | ~0ULL << (f->size * 8));
		printf("%*lld", width, sv);
	} else {
		printf("%*llu", width, v);
	}
}

/* One line per format for n bytes at block (the last line may be short). */
static void print_block(unsigned long long addr, const unsigned char *block, size_t n)
{
	for (unsigned i = 0; i < G.nfmts; i++) {
		const struct fmt *f = &G.fmts[i];
		size_t fields = G.bpb / f->size, blank = (G.bpb - n) / f->size;
		int pad_left = f->pad;
		unsigned char tmp[16];

		if (i == 0)
			print_address(addr, 0);
		else if (G.radix != 'n')
			printf("%*s", G.radix == 'x' ? 6 : 7, "");
		for (size_t k = fields; k > blank; k--) {
			const unsigned char *p = block + (fields - k) * f->size;
			int next = (int)((long long)f->pad * (k - 1) / fields);
			int width = pad_left - next + f->width;
			if ((size_t)(p - block) + f->size > n) {
				memset(tmp, 0, sizeof(tmp));
				memcpy(tmp, p, n - (p - block));
				p = tmp;
			}
			if (f->type == T_HEX || f->type == T_OCTAL) {
				/* zero-filled to the field's width, then right-aligned */
				printf("%*s", width - f->width, "");
				printf(f->type == T_HEX ? "%0*llx" : "%0*llo", f->width,
				       load_uint(p, f->size));
			} else {
				print_field(f, p, width);
			}
			pad_left = next;
		}
		if (f->trailer) {
			printf("%*s  >", (int)(blank * f->width + pad_left), "");
			for (size_t k = 0; k < n; k++)
				putchar(block[k] >= ' ' && block[k] < 127 ? block[k] : '.');
			putchar('<');
		}
		putchar('\n');
	}
}

static size_t gcd(size_t a, size_t b)
{
	while (b) {
		size_t t = a % b;
		a = b;
		b = t;
	}
	return a;
}

static void set_layout(void)
{
	size_t lcm = 1;
	int line = 0;

	for (unsigned i = 0; i < G.nfmts; i++)
		lcm = lcm / gcd(lcm, G.fmts[i].size) * G.fmts[i].size;
	if (FLAG(w)) {
		unsigned long long w = 32;
		if (G.w && (bb_strtoull(G.w, 10, NULL, 0, ULLONG_MAX, &w) || !*G.w))
			bb_error_msg_and_die("invalid -w argument '%s'", G.w);
		if (w == 0 || w % lcm || w > (1 << 20)) {
			bb_error_msg("warning: invalid width %llu; using %u instead", w, (unsigned)lcm);
			w = lcm;
		}
		G.bpb = w;
	} else {
		G.bpb = lcm < 16 ? lcm * (16 / lcm) : lcm;
	}
	for (unsigned i = 0; i < G.nfmts; i++) {
		int w = (G.fmts[i].width + 1) * (int)(G.bpb / G.fmts[i].size);
		if (w > line)
			line = w;
	}
	for (unsigned i = 0; i < G.nfmts; i++)
		G.fmts[i].pad = line - G.fmts[i].width * (int)(G.bpb / G.fmts[i].size);
}

static void dump(void)
{
	unsigned char *cur = xmalloc(G.bpb), *prev = xmalloc(G.bpb);
	unsigned long long addr = G.skip;
	bool have_prev = false, starred = false;

	while (!G.limited || G.limit) {
		size_t want = G.limited && G.limit < G.bpb ? G.limit : G.bpb;
		size_t n = read_input((char *)cur, want);
		if (!n)
			break;
		if (G.limited)
			G.limit -= n;
		if (n == G.bpb && have_prev && !FLAG(v) && !memcmp(cur, prev, n)) {
			if (!starred)
				puts("*");
			starred = true;
		} else {
			print_block(addr, cur, n);
			starred = false;
		}
		addr += n;
		if (n < G.bpb)
			break;
		unsigned char *t = prev;
		prev = cur;
		cur = t;
		have_prev = true;
	}
	if (G.opened)	/* as GNU: no offset at all when no input could be opened */
		print_address(addr, '\n');
	free(cur);
	free(prev);
}

int od_main(int argc, char **argv)
{
	static const char *const types[] = {
		"a", "o1", "c", "u2", "u4", "o2", "o4", "o2", "d2", "x2", "x2", "x4", "x4",
		"dI", "dL", "dL", "dL", "fF", "fD", "fD",
	};
	static const unsigned long long flags[] = {
		FLAG_a, FLAG_b, FLAG_c, FLAG_d, FLAG_D, FLAG_o, FLAG_O, FLAG_B, FLAG_s, FLAG_x,
		FLAG_h, FLAG_X, FLAG_H, FLAG_i, FLAG_I, FLAG_l, FLAG_L, FLAG_f, FLAG_e, FLAG_F,
	};

	G.radix = 'o';
	if (FLAG(A)) {
		if (!G.A[0] || G.A[1] || !strchr("doxn", G.A[0]))
			bb_error_msg_and_die("invalid output address radix '%s'; it must be one "
					     "character from [doxn]", G.A);
		G.radix = G.A[0];
	}
	if (ENABLE_FEATURE_OD_ENDIAN && FLAG(endian)) {
		if (is_prefixed_with("big", G.endian) && G.endian[0])
			G.big_endian = true;
		else if (!is_prefixed_with("little", G.endian) || !G.endian[0])
			bb_error_msg_and_die("invalid argument '%s' for '--endian'", G.endian);
	} else {
		G.big_endian = host_big_endian();
	}
	for (char **t = G.t; t && *t; t++)
		parse_type(*t);
	for (unsigned i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
		if (optflags & flags[i])
			parse_type(types[i]);
	if (!G.nfmts)
		parse_type("o2");
	if (FLAG(N)) {
		G.limit = parse_bytes(G.N, 'N');
		G.limited = true;
	}
	set_layout();
	if (FLAG(j))
		G.skip = parse_bytes(G.j, 'j');
	set_files(argc, argv);
	next_file();
	if (G.skip)
		skip_input(G.skip);
	dump();
	close_file();
	free(G.fmts);
	return G.status;
}
