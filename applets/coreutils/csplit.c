/* csplit: split a file into sections given by line numbers or regular expressions.
 * POSIX csplit (N, /RE/[OFFSET], %RE%[OFFSET], {N}, -f -k -n -s) with GNU's {*}, -b -z
 * --suppress-matched and long options; RE is a POSIX basic regular expression. The
 * input is held in memory. After an error the files written are removed unless -k.
 */

/*== applet
applet csplit /usr/bin
options b(suffix-format):f(prefix):k(keep-files)n(digits):s(quiet)(silent)z(elide-empty-files) (suppress-matched)
config CSPLIT
	bool "csplit"
	default y
	help
	  Split a file into sections given by line numbers or regular expressions.
usage [-ksz] [-f PREFIX] [-b FORMAT] [-n DIGITS] FILE PATTERN...
Write the sections of FILE (standard input if -) given by the PATTERNs to files xx00,
xx01, ..., and print the size of each.

	-f PREFIX	File names start with PREFIX, not xx
	-b FORMAT	Number files with printf FORMAT (one of %d %i %u %o %x %X)
	-n DIGITS	Number files with DIGITS digits, not 2
	-k	Keep the files written when there is an error
	-s	Do not print the sizes
	-z	Do not write empty files
	--suppress-matched	Leave out the lines that match
PATTERN is N (up to line N), /RE/[+-OFFSET] (up to the line matching RE, moved by
OFFSET lines), %RE%[+-OFFSET] (skip to it), {N} (the pattern before, N times more)
or {*} (the pattern before, as long as it matches).
==*/

#include "libbb.h"
#include "flags/csplit.h"
#include <regex.h>

GLOBALS(
	char *data;
	size_t *lines;		/* start of each line, plus the end */
	size_t nlines;
	char **made;		/* files written */
	size_t nmade;
	unsigned long index;	/* of the next file */
	const char *format;
	int digits;
	const char *prefix;
	size_t cur;		/* first line of the next section */
	size_t search;		/* where the next regular expression search starts */
	bool skip_first;	/* --suppress-matched: cur is a line to leave out */
);

struct pattern {
	const char *arg;
	bool is_re, skip;
	regex_t re;
	long long offset;
	unsigned long long line;
	unsigned long long repeat;	/* ULLONG_MAX: {*} */
};

static NORETURN void fail(const char *fmt, const char *arg, unsigned long long rep)
{
	char *msg = xasprintf(fmt, arg);

	if (rep)
		bb_error_msg("%s on repetition %llu", msg, rep);
	else
		bb_error_msg("%s", msg);
	free(msg);
	if (!FLAG(k))
		for (size_t i = 0; i < G.nmade; i++)
			unlink(G.made[i]);
	xfunc_die();
}

static void write_section(size_t to)
{
	size_t from = G.cur;
	char *name, *num;
	int fd;

	if (G.skip_first && from < to)
		from++;
	G.skip_first = false;
	size_t bytes = G.lines[to] - G.lines[from];
	G.cur = to;
	if (FLAG(z) && !bytes)
		return;
	num = FLAG(b) ? xasprintf(G.format, (unsigned)G.index) :
			xasprintf("%0*lu", G.digits, G.index);
	name = xasprintf("%s%s", G.prefix, num);
	free(num);
	G.index++;
	fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0666);
	if (fd < 0) {
		bb_perror_msg("%s", name);
		free(name);
		fail("%s", "", 0);
	}
	G.made = xrealloc(G.made, (G.nmade + 1) * sizeof(*G.made));
	G.made[G.nmade++] = name;
	if (full_write(fd, G.data + G.lines[from], bytes) != (ssize_t)bytes || close(fd) < 0) {
		bb_perror_msg("%s", name);
		fail("%s", "", 0);
	}
	if (!FLAG(s))
		printf("%zu\n", bytes);
}

static bool line_matches(const struct pattern *p, size_t i)
{
	size_t len = G.lines[i + 1] - G.lines[i];
	char *s;
	bool m;

	if (len && G.data[G.lines[i] + len - 1] == '\n')
		len--;
	s = xstrndup(G.data + G.lines[i], len);
	m = !regexec(&p->re, s, 0, NULL, 0);
	free(s);
	return m;
}

/* One use of p; false when {*} has run out of matches. */
static bool apply(const struct pattern *p, unsigned long long rep)
{
	if (!p->is_re) {
		unsigned long long target = p->line * (rep + 1);
		if (target > G.nlines || target / (rep + 1) != p->line) {
			write_section(G.nlines);
			fail("'%s': line number out of range", p->arg, rep);
		}
		write_section(target - 1);
		G.search = G.cur;
		G.skip_first = FLAG(suppress_matched);
		return true;
	}
	size_t i = G.search > G.cur ? G.search : G.cur;
	while (i < G.nlines && !line_matches(p, i))
		i++;
	if (i == G.nlines) {
		if (p->repeat == ULLONG_MAX && rep)
			return false;
		if (!p->skip)
			write_section(G.nlines);
		fail("'%s': match not found", p->arg, rep);
	}
	long long target = (long long)i + p->offset;
	if (target < (long long)G.cur || target > (long long)G.nlines) {
		if (!p->skip)	/* as GNU: what was read so far, or nothing if before */
			write_section(target < (long long)G.cur ? G.cur : G.nlines);
		fail("'%s': line number out of range", p->arg, rep);
	}
	if (p->skip) {
		G.cur = target;
		G.skip_first = false;
	} else {
		write_section(target);
	}
	G.search = target + 1;
	G.skip_first = FLAG(suppress_matched) && p->offset == 0;
	return true;
}

static void parse_pattern(struct pattern *p, const char *arg, unsigned long long *prev_line)
{
	p->arg = arg;
	if (arg[0] == '/' || arg[0] == '%') {
		const char *end = strrchr(arg + 1, arg[0]);
		char *re;
		if (!end)
			bb_error_msg_and_die("%s: closing delimiter '%c' missing", arg, arg[0]);
		p->is_re = true;
		p->skip = arg[0] == '%';
		if (end[1] && bb_strtoll(end[1] == '+' ? end + 2 : end + 1, 10, NULL,
					 LLONG_MIN / 2, LLONG_MAX / 2, &p->offset))
			bb_error_msg_and_die("'%s': integer expected after delimiter", arg);
		re = xstrndup(arg + 1, end - arg - 1);
		int err = regcomp(&p->re, re, REG_NOSUB);
		free(re);
		if (err) {
			char msg[256];
			regerror(err, &p->re, msg, sizeof(msg));
			bb_error_msg_and_die("%s: invalid regular expression: %s", arg, msg);
		}
		return;
	}
	if (!isdigit(arg[0]) || bb_strtoull(arg, 10, NULL, 0, ULLONG_MAX, &p->line))
		bb_error_msg_and_die("'%s': invalid pattern", arg);
	if (!p->line)
		bb_error_msg_and_die("%s: line number must be greater than zero", arg);
	if (p->line < *prev_line)
		bb_error_msg_and_die("line number '%s' is smaller than preceding line number, %llu",
				     arg, *prev_line);
	if (p->line == *prev_line)
		bb_error_msg("warning: line number '%s' is the same as preceding line number", arg);
	*prev_line = p->line;
}

static void check_format(const char *f)
{
	int convs = 0;

	for (const char *p = f; *p; p++) {
		if (*p != '%')
			continue;
		if (*++p == '%')
			continue;
		p += strspn(p, "-+ #0'");
		p += strspn(p, "0123456789");
		if (*p == '.') {
			p++;
			p += strspn(p, "0123456789");
		}
		if (!*p || !strchr("diouxX", *p))
			bb_error_msg_and_die("invalid conversion specifier in suffix: %.1s", *p ? p : "%");
		convs++;
	}
	if (convs != 1)
		bb_error_msg_and_die(convs ? "too many %% conversion specifications in suffix" :
				     "missing %% conversion specification in suffix");
}

static void read_input(const char *file)
{
	int fd = strcmp(file, "-") ? open(file, O_RDONLY) : STDIN_FILENO;
	size_t len = 0, cap = 0;
	ssize_t n;

	if (fd < 0)
		bb_perror_msg_and_die("cannot open '%s' for reading", file);
	for (;;) {
		if (cap - len < 65536) {
			cap = cap ? 2 * cap : 65536;
			G.data = xrealloc(G.data, cap);
		}
		n = safe_read(fd, G.data + len, cap - len);
		if (n < 0)
			bb_perror_msg_and_die("read error");
		if (!n)
			break;
		len += n;
	}
	if (fd)
		close(fd);
	size_t nl = 0;
	for (size_t i = 0; i < len; i++)
		nl += G.data[i] == '\n';
	G.lines = xmalloc((nl + 2) * sizeof(*G.lines));
	G.lines[0] = 0;
	for (size_t i = 0; i < len; i++)
		if (G.data[i] == '\n')
			G.lines[++G.nlines] = i + 1;
	if (len && G.data[len - 1] != '\n')
		G.lines[++G.nlines] = len;
}

int csplit_main(int argc, char **argv)
{
	struct pattern *pats;
	size_t npats = 0;
	unsigned long long prev_line = 0;

	need_operands(argc, argv, 2, -1);
	G.prefix = FLAG(f) ? G.f : "xx";
	G.digits = 2;
	if (FLAG(n)) {
		unsigned long long v;
		if (bb_strtoull(G.n, 10, NULL, 0, 100, &v))
			bb_error_msg_and_die("invalid number: '%s'", G.n);
		G.digits = v;
	}
	if (FLAG(b)) {
		check_format(G.b);
		G.format = G.b;
	}
	pats = xzalloc((argc - 2) * sizeof(*pats));
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i];
		if (a[0] == '{') {
			size_t l = strlen(a);
			unsigned long long v;
			if (!npats || a[l - 1] != '}')
				bb_error_msg_and_die("'%s': invalid pattern", a);
			char *num = xstrndup(a + 1, l - 2);
			if (!strcmp(num, "*"))
				v = ULLONG_MAX;
			else if (bb_strtoull(num, 10, NULL, 0, ULLONG_MAX - 1, &v))
				bb_error_msg_and_die("%s: invalid repeat count", a);
			free(num);
			pats[npats - 1].repeat = v;
			continue;
		}
		parse_pattern(&pats[npats++], a, &prev_line);
	}
	read_input(argv[1]);
	for (size_t i = 0; i < npats; i++)
		for (unsigned long long r = 0; r <= pats[i].repeat; r++)
			if (!apply(&pats[i], r) || (pats[i].repeat == ULLONG_MAX && r == ULLONG_MAX - 1))
				break;
	write_section(G.nlines);
	for (size_t i = 0; i < npats; i++)
		if (pats[i].is_re)
			regfree(&pats[i].re);
	for (size_t i = 0; i < G.nmade; i++)
		free(G.made[i]);
	free(G.made);
	free(pats);
	free(G.lines);
	free(G.data);
	return 0;
}
