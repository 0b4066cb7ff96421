/* printf: format and print data. POSIX printf plus the GNU coreutils and bash extensions:
 * \e \uHHHH \UHHHHHHHH (always as UTF-8), %q (GNU's quoting in the C locale), 'c char
 * constants, intmax_t integers and long double floats, GNU's messages and exit status.
 * Deviations from GNU: as in bash, %b and %q take a width and precision, and flags other
 * than '-' are ignored for %s %c %b %q instead of rejected; \u and \U accept characters
 * below U+00A0 (bash does, GNU follows C99's rule for identifiers and rejects them);
 * 'c gives the code point of a UTF-8 character when LC_ALL, LC_CTYPE or LANG names a
 * UTF-8 locale, else one byte; %b's \u and \U take up to 4 and 8 digits (bash); bash's
 * %(FMT)T; \c keeps an earlier error status; --help and --version are formats like any
 * other.
 */

/*== applet
applet printf /usr/bin nofork
config PRINTF
	bool "printf"
	default y
	help
	  Format and print data, like the C printf function.
usage FORMAT [ARGUMENT]...
Print ARGUMENTs according to FORMAT, reusing FORMAT while arguments remain.

FORMAT is printed as is, except for escapes and conversions. Escapes:
	\\ \" \a \b \c (stop all output) \e \f \n \r \t \v
	\NNN (octal) \xHH (hex) \uHHHH \UHHHHHHHH (Unicode character as UTF-8)
Conversions: %[FLAGS][WIDTH][.PRECISION]C, FLAGS from -+ #0' and WIDTH or PRECISION *
taken from the next argument. C is one of:
	d i	Signed decimal integer
	o u x X	Unsigned octal, decimal, hexadecimal integer
	f F e E g G a A	Floating point number
	c	First character of the argument
	s	The argument as is
	b	The argument with escapes interpreted (\0NNN for octal)
	q	The argument quoted for reuse as shell input
	(FMT)T	The time given in seconds since 1970 (none or -1: now), as
		strftime(3) FMT has it (empty: %X)
	%	A percent sign
Numbers may be decimal, 0x hex or 0 octal; 'c or "c gives the value of character c.
Missing arguments count as empty strings or 0.
==*/

#include "libbb.h"
#include "flags/printf.h"
#include <inttypes.h>
#include <time.h>

GLOBALS(
	char **args;	/* the arguments not used yet */
	int status;
	bool stop;	/* \c seen: no more output at all */
);

/* Where escaped or quoted text goes: counted always, printed only while emit is set and
 * fewer than max bytes went out (precision of %b and %q). */
struct sink {
	size_t len, max;
	bool emit;
	bool stop;	/* \c was reached */
};

static void put(struct sink *s, int c)
{
	if (s->emit && s->len < s->max)
		putchar(c);
	s->len++;
}

static void put_str(struct sink *s, const char *str)
{
	while (*str)
		put(s, *str++);
}

/* Value of up to max digits of base at *p, advancing it; -1 if there are none. */
static long long digits_value(const char **p, int base, int max)
{
	long long value = 0;
	int n = 0;

	for (; n < max; n++, (*p)++) {
		int c = tolower(**p);
		int d = isdigit(c) ? c - '0' : isxdigit(c) ? c - 'a' + 10 : 99;
		if (d >= base)
			break;
		value = value * base + d;
	}
	return n ? value : -1;
}

static void put_utf8(struct sink *s, long long cp)
{
	char buf[4];
	int n = utf8_encode(buf, (unsigned)cp);

	for (int i = 0; i < n; i++)
		put(s, (unsigned char)buf[i]);
}

/* One escape; p points after the backslash. In %b arguments octal is \0NNN or \NNN, in the
 * format \NNN with the 0 counting as a digit. Returns where the text continues. */
static const char *put_escape(struct sink *s, const char *p, bool in_arg)
{
	static const char from[] = "\\\"abefnrtv", to[] = "\\\"\a\b\033\f\n\r\t\v";
	const char *e, *after = p + 1;
	int c = (unsigned char)*p;
	long long v;

	if (!c) {	/* a trailing backslash is printed */
		put(s, '\\');
		return p;
	}
	if (c == 'c') {
		s->stop = true;
		return p + 1;
	}
	if ((e = strchr(from, c))) {
		put(s, to[e - from]);
		return p + 1;
	}
	if (c >= '0' && c <= '7') {
		p += in_arg && c == '0';
		v = digits_value(&p, 8, 3);
		put(s, v < 0 ? 0 : v);
		return p;
	}
	p = after;
	if (in_arg && (c == 'u' || c == 'U')) {
		/* as echo -e (and bash's %b): up to 4 or 8 digits, no complaints */
		char buf[4];
		int n = utf8_escape(buf, &p, c == 'u' ? 4 : 8);
		for (int i = 0; i < n; i++)
			put(s, (unsigned char)buf[i]);
		if (n)
			return p;
	} else if (c == 'x' || c == 'u' || c == 'U') {
		int n = c == 'x' ? 2 : c == 'u' ? 4 : 8;
		v = digits_value(&p, 16, n);
		/* \x takes 1 or 2 digits, \u exactly 4 and \U exactly 8 */
		if (v < 0 || (c != 'x' && p - after != n))
			bb_error_msg_and_die("missing hexadecimal number in escape");
		if (c == 'x') {
			put(s, v);
			return p;
		}
		if (v >= 0xd800 && v <= 0xdfff)
			bb_error_msg_and_die("invalid universal character name \\%c%0*llx", c, n, v);
		if (v <= 0x10ffff) {
			put_utf8(s, v);
			return p;
		}
		p = after;	/* beyond Unicode: printed as it is, as GNU does */
	}
	/* not an escape: both characters are printed */
	put(s, '\\');
	put(s, c);
	return after;
}

/* The argument of %b. */
static void put_escaped_arg(struct sink *s, const char *arg)
{
	while (*arg && !s->stop) {
		if (*arg == '\\')
			arg = put_escape(s, arg + 1, true);
		else
			put(s, *arg++);
	}
}

/* Whether *p, a character of arg, can stay unquoted: # and ~ only after the start, { and }
 * when not alone. */
static bool quote_safe(const char *arg, const char *p)
{
	return isalnum(*p) || strchr("%+,-./:@]_", *p) || (p != arg && strchr("#~", *p)) ||
	       (strchr("{}", *p) && arg[1]);
}

/* When GNU %q prefers "..." to '...': the string has a single quote and nothing that is
 * special between double quotes. */
static bool double_quotable(const char *arg)
{
	bool quote = false;

	for (const char *p = arg; *p; p++) {
		if (*p == '\'')
			quote = true;
		else if (!isalnum(*p) && !strchr(" %+,-./:@]_", *p) &&
			 !(p == arg && strchr("#~", *p)))
			return false;
	}
	return quote;
}

/* The argument of %q: as is if nothing needs quoting, else in single quotes, with control
 * and non-ASCII bytes in $'...' pieces. */
static void put_quoted_arg(struct sink *s, const char *arg)
{
	static const char ctrl[] = "\a\b\f\n\r\t\v", ctrl_names[] = "abfnrtv";
	bool quoted = true, in_dollar = false;
	const char *p;

	for (p = arg; *p && quote_safe(arg, p); p++)
		continue;
	if (*arg && !*p) {
		put_str(s, arg);
		return;
	}
	if (double_quotable(arg)) {
		put(s, '"');
		put_str(s, arg);
		put(s, '"');
		return;
	}
	put(s, '\'');
	for (p = arg; *p; p++) {
		int c = (unsigned char)*p;
		const char *e;
		if (c < 32 || c >= 127) {
			if (!in_dollar)
				put_str(s, quoted ? "'$'" : "$'");
			quoted = false;
			in_dollar = true;
			put(s, '\\');
			if ((e = strchr(ctrl, c))) {
				put(s, ctrl_names[e - ctrl]);
			} else {
				put(s, '0' + (c >> 6));
				put(s, '0' + (c >> 3 & 7));
				put(s, '0' + (c & 7));
			}
			continue;
		}
		if (in_dollar)
			put(s, '\'');
		in_dollar = false;
		if (c == '\'') {
			put_str(s, quoted ? "'\\''" : "\\''");
		} else {
			if (!quoted)
				put(s, '\'');
			put(s, c);
		}
		quoted = true;
	}
	if (quoted || in_dollar)
		put(s, '\'');
}

/* %b and %q: padded to width, cut at precision (-1: none), without a heap buffer. */
static void put_padded(const char *arg, int conv, bool left, int width, int prec)
{
	struct sink s = { 0, SIZE_MAX, false, false };
	size_t shown;
	/* a missing argument prints nothing, even for %q (GNU) */
	void (*fn)(struct sink *, const char *) =
		conv == 'q' && arg ? put_quoted_arg : put_escaped_arg;

	if (!arg)
		arg = "";
	if (width) {
		fn(&s, arg);
		shown = prec >= 0 && s.len > (size_t)prec ? (size_t)prec : s.len;
		width = (size_t)width > shown ? width - (int)shown : 0;
	}
	if (!left)
		printf("%*s", width, "");
	s = (struct sink){ 0, prec >= 0 ? (size_t)prec : SIZE_MAX, true, false };
	fn(&s, arg);
	if (left)
		printf("%*s", width, "");
	G.stop = s.stop;
}

static const char *next_arg(void)
{
	return *G.args ? *G.args++ : NULL;
}

/* GNU's complaints about what strto* could not convert; the value is still used. */
/* The messages are GNU's; spelled out because the libcs word strerror() differently
 * and disagree on errno for an empty string (which is 0, without complaint). */
static void check_number(const char *arg, const char *end)
{
	if (end == arg && *arg)
		bb_error_msg("'%s': expected a numeric value", arg);
	else if (errno == ERANGE)
		bb_error_msg("'%s': Numerical result out of range", arg);
	else if (*end)
		bb_error_msg("'%s': value not completely converted", arg);
	else
		return;
	G.status = 1;
}

/* 'c and "c stand for the value of the character c: its code point if the locale is UTF-8
 * and c is a valid multibyte character, else the value of its first byte (GNU and bash
 * both). Returns -1 if arg is not that form. */
static long char_constant(const char *arg)
{
	unsigned cp = (unsigned char)arg[1];
	int len = 0;

	if ((*arg != '\'' && *arg != '"') || !arg[1])
		return -1;
	if (cp >= 0x80 && locale_is_utf8(NULL))
		len = utf8_decode(arg + 1, &cp);
	len += !len;
	if (arg[1 + len])
		bb_error_msg("warning: %s: character(s) following character constant have been "
			     "ignored", arg + 1 + len);
	return cp;
}

/* A numeric argument, for a signed ('d'), unsigned ('u') or floating ('f') conversion. */
union number {
	intmax_t i;
	uintmax_t u;
	long double f;
};

static union number number_arg(const char *arg, char type)
{
	union number n = { 0 };
	char *end;
	long c;

	if (!arg)
		return n;
	c = char_constant(arg);
	if (c >= 0) {
		if (type == 'f')
			n.f = c;
		else
			n.i = c;
		return n;
	}
	errno = 0;
	if (type == 'd')
		n.i = strtoimax(arg, &end, 0);
	else if (type == 'u')
		n.u = strtoumax(arg, &end, 0);
	else
		n.f = strtold(arg, &end);
	check_number(arg, end);
	return n;
}

/* A * width or precision from the next argument. */
static int star_arg(const char *what)
{
	const char *arg = next_arg();
	intmax_t v = number_arg(arg, 'd').i;

	if (v < INT_MIN || v > INT_MAX)
		bb_error_msg_and_die("invalid %s: '%s'", what, arg);
	return v;
}

/* Digits of a width or precision in the format. */
static int format_number(const char **f, const char *what)
{
	const char *start = *f;
	long long v = 0;

	while (isdigit(**f)) {
		v = v * 10 + *(*f)++ - '0';
		if (v > INT_MAX)
			bb_error_msg_and_die("invalid %s: '%.*s'", what,
					     (int)strspn(start, "0123456789"), start);
	}
	return v;
}

static const char flag_chars[] = "-+ #0'";
enum { LEFT_JUSTIFY = 1 };	/* the bit of '-' in flag_chars */

/* %(FMT)T: the time arg (seconds since the epoch; none or -1: now, and -2 too: bash's time
 * the shell started is not known here) as strftime's FMT (empty: %X) has it, padded to
 * width and cut at prec (-1: none), as %s would be. */
static void print_time(const char *fmt, int len, bool left, int width, int prec,
		       const char *arg)
{
	time_t t = arg ? (time_t)number_arg(arg, 'd').i : -1;
	/* a space at the end tells an empty result (0) from one that does not fit */
	char *f = len ? xasprintf("%.*s ", len, fmt) : xstrdup("%X "), *buf = NULL;
	size_t size = 128, n = 0;
	struct tm tm;

	if (t == -1 || t == -2)
		t = time(NULL);
	tzset();	/* TZ may have changed since the last call (a shell's builtin) */
	if (!localtime_r(&t, &tm)) {
		t = 0;	/* a year beyond int: bash shows the epoch */
		localtime_r(&t, &tm);
	}
	for (; !n && size <= (1 << 20); size *= 2) {
		free(buf);
		buf = xmalloc(size);
		n = strftime(buf, size, f, &tm);
	}
	buf[n ? n - 1 : 0] = 0;
	printf(left ? "%-*.*s" : "%*.*s", width, prec, buf);
	free(buf);
	free(f);
}

/* The %(FMT)T at start, with f at the '(': FMT ends at the ')' that matches it. */
static const char *time_conversion(const char *start, const char *f, unsigned flags,
				   int width, int prec)
{
	const char *fmt = ++f;

	for (int depth = 1; *f && (depth += (*f == '(') - (*f == ')')); f++)
		continue;
	if (!*f || f[1] != 'T')
		bb_error_msg_and_die("%.*s: invalid conversion specification",
				     (int)(f - start) + !!*f + (*f && f[1]), start);
	print_time(fmt, (int)(f - fmt), flags & LEFT_JUSTIFY, width, prec, next_arg());
	return f + 2;
}

/* Print one argument; flags has bit i set for flag_chars[i], prec is -1 if not given. */
static void print_conversion(int conv, unsigned flags, int width, int prec, const char *arg)
{
	char spec[16], *sp = spec;
	bool left = flags & LEFT_JUSTIFY;

	if (conv == 'b' || conv == 'q') {
		put_padded(arg, conv, left, width, prec);
	} else if (conv == 'c') {
		printf(left ? "%-*c" : "%*c", width, arg ? *arg : 0);
	} else if (conv == 's') {
		printf(left ? "%-*.*s" : "%*.*s", width, prec, arg ? arg : "");
	} else {
		*sp++ = '%';
		for (unsigned i = 0; flag_chars[i]; i++)
			if (flags & (1 << i))
				*sp++ = flag_chars[i];
		sp = stpcpy(sp, "*.*");
		*sp++ = strchr("diouxX", conv) ? 'j' : 'L';
		*sp++ = conv;
		*sp = 0;
		if (conv == 'd' || conv == 'i')
			printf(spec, width, prec, number_arg(arg, 'd').i);
		else if (strchr("ouxX", conv))
			printf(spec, width, prec, number_arg(arg, 'u').u);
		else
			printf(spec, width, prec, number_arg(arg, 'f').f);
	}
}

/* One conversion; f points at the '%'. Returns where the format continues. */
static const char *convert(const char *f)
{
	const char *start = f++, *e;
	unsigned flags = 0;
	int width, prec = -1, conv;
	bool modifier = false;

	if (*f == '%') {
		putchar('%');
		return f + 1;
	}
	for (; *f && (e = strchr(flag_chars, *f)); f++)
		flags |= 1 << (e - flag_chars);
	if (*f == '*') {
		f++;
		width = star_arg("field width");
	} else {
		width = format_number(&f, "field width");
	}
	if (*f == '.') {
		f++;
		if (*f == '*') {
			f++;
			prec = star_arg("precision");
			if (prec < 0)
				prec = -1;
		} else {
			prec = format_number(&f, "precision");
		}
	}
	for (; *f && strchr("hlLjzt", *f); f++)
		modifier = true;
	if (width < 0) {	/* a negative * width means left-justified */
		flags |= LEFT_JUSTIFY;
		width = width == INT_MIN ? INT_MAX : -width;
	}
	if (*f == '(')
		return time_conversion(start, f, flags, width, prec);
	conv = *f;
	if (!conv || !strchr("diouxXfFeEgGaAcsbq", conv) || (modifier && strchr("bq", conv)))
		bb_error_msg_and_die("%.*s: invalid conversion specification",
				     (int)(f - start) + !!conv, start);
	print_conversion(conv, flags, width, prec, next_arg());
	return f + 1;
}

/* One pass over the format. */
static void print_format(const char *f)
{
	struct sink out = { 0, SIZE_MAX, true, false };

	while (*f && !G.stop) {
		if (*f == '\\') {
			f = put_escape(&out, f + 1, false);
			G.stop = out.stop;
		} else if (*f == '%') {
			f = convert(f);
		} else {
			putchar(*f++);
		}
	}
}

int printf_main(int argc UNUSED, char **argv)
{
	const char *format;
	char **before;

	argv++;
	if (*argv && !strcmp(*argv, "--"))
		argv++;
	if (!*argv)
		bb_show_usage();
	format = *argv++;
	G.args = argv;
	do {
		before = G.args;
		print_format(format);
	} while (!G.stop && *G.args && G.args != before);
	if (!G.stop && *G.args)
		bb_error_msg("warning: ignoring excess arguments, starting with '%s'", *G.args);
	return G.status;
}
