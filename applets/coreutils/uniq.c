/* uniq: report or omit repeated lines. POSIX uniq (-c -d -u -f -s, INPUT and OUTPUT
 * operands) with GNU's -D/--all-repeated[=METHOD], --group[=METHOD], -i, -w, -z and long
 * options. Bytes compare as unsigned chars (C locale). Deviation: the historical -N and
 * +N forms of -f and -s are not accepted.
 */

/*== applet
applet uniq /usr/bin
options c(count)d(repeated)D (all-repeated)? u(unique)i(ignore-case)f(skip-fields):s(skip-chars):w(check-chars):z(zero-terminated) (group)?
config UNIQ
	bool "uniq"
	default y
	help
	  Print one line of each run of equal adjacent lines.
usage [-cdDuiz] [-f N] [-s N] [-w N] [--group[=METHOD]] [INPUT [OUTPUT]]
Write INPUT (standard input if none, or -) to OUTPUT (standard output) with each run
of equal adjacent lines written once.

	-c	Prefix each line with its number of repeats
	-d	Print only one line of each run of equal lines
	-D	Print every line of runs of equal lines
	--all-repeated[=METHOD]	-D, with runs separated: none, prepend or separate
	-u	Print only lines that are not repeated
	-i	Ignore case
	-f N	Skip N fields (runs of blanks, then non-blanks) before comparing
	-s N	Skip N bytes (after the fields) before comparing
	-w N	Compare at most N bytes
	-z	Lines end with NUL, not newline
	--group[=METHOD]	Print all lines, an empty line between runs: separate,
		prepend, append or both
==*/

#include "libbb.h"
#include "flags/uniq.h"
#include "lines.h"

enum { SEP_NONE, SEP_PREPEND, SEP_SEPARATE, SEP_APPEND, SEP_BOTH };

GLOBALS(
	unsigned long long skip_fields, skip_chars, check_chars;
	char eol;
	int sep;		/* for -D and --group */
	bool grouping;		/* --group */
	struct lout out;
	char *first;		/* the first line of the current run */
	size_t flen, fcap;
	unsigned long long count;
	bool any_group;		/* a run has been printed (for the separators) */
);

static void key_of(const char *p, size_t len, const char **kp, size_t *kl)
{
	const char *e = p + len;

	for (unsigned long long f = G.skip_fields; f && p < e; f--) {
		while (p < e && (*p == ' ' || *p == '\t'))
			p++;
		while (p < e && *p != ' ' && *p != '\t')
			p++;
	}
	p += (unsigned long long)(e - p) < G.skip_chars ? (size_t)(e - p) : G.skip_chars;
	*kp = p;
	*kl = e - p;
	if (FLAG(w) && *kl > G.check_chars)
		*kl = G.check_chars;
}

static bool same(const char *a, size_t al, const char *b, size_t bl)
{
	const char *ka, *kb;
	size_t la, lb;

	key_of(a, al, &ka, &la);
	key_of(b, bl, &kb, &lb);
	if (la != lb)
		return false;
	if (!FLAG(i))
		return !memcmp(ka, kb, la);
	for (size_t i = 0; i < la; i++)
		if (tolower((unsigned char)ka[i]) != tolower((unsigned char)kb[i]))
			return false;
	return true;
}

static void put_line(const char *p, size_t len)
{
	lout_put(&G.out, p, len);
	lout_char(&G.out, G.eol);
}

static void save_first(const char *p, size_t len)
{
	if (len > G.fcap) {
		G.fcap = len * 2;
		free(G.first);
		G.first = xmalloc(G.fcap);
	}
	memcpy(G.first, p, len);
	G.flen = len;
}

/* A run ends: print its first line as the options say. */
static void end_run(void)
{
	char num[32];

	if (!G.count || FLAG(D) || G.grouping)
		return;
	if ((FLAG(d) && G.count < 2) || (FLAG(u) && G.count > 1))
		return;
	if (FLAG(c)) {
		snprintf(num, sizeof(num), "%7llu ", G.count);
		lout_put(&G.out, num, strlen(num));
	}
	put_line(G.first, G.flen);
}

/* -D and --group print lines as they come; the separators go before a run. */
static void run_line(const char *p, size_t len, bool new_run)
{
	if (G.grouping) {
		if (new_run && (G.any_group || G.sep == SEP_PREPEND || G.sep == SEP_BOTH))
			lout_char(&G.out, G.eol);
		G.any_group = true;
		put_line(p, len);
		return;
	}
	if (G.count == 2) {
		if ((G.sep == SEP_PREPEND) || (G.sep == SEP_SEPARATE && G.any_group))
			lout_char(&G.out, G.eol);
		G.any_group = true;
		if (!FLAG(u))	/* -D -u: all but the first line of each run */
			put_line(G.first, G.flen);
	}
	if (G.count >= 2)
		put_line(p, len);
}

static int parse_method(const char *arg, const char *opt, const char *const *names, int n)
{
	size_t l = strlen(arg);

	for (int i = 0; i < n; i++)
		if (l && !strncmp(arg, names[i], l))
			return i;
	bb_error_msg("invalid argument '%s' for '--%s'", arg, opt);
	bb_show_usage();
}

static unsigned long long parse_count(const char *s, const char *what)
{
	unsigned long long v;

	if (!s)
		return 0;
	if (bb_strtoull(s, 10, NULL, 0, ULLONG_MAX, &v) && errno != ERANGE)
		bb_error_msg_and_die("%s: invalid number of %s", s, what);
	return errno == ERANGE ? ULLONG_MAX : v;
}

static void options(void)
{
	static const char *const all[] = { "none", "prepend", "separate" };
	static const char *const grp[] = { "separate", "prepend", "append", "both" };
	static const int grp_sep[] = { SEP_SEPARATE, SEP_PREPEND, SEP_APPEND, SEP_BOTH };

	G.skip_fields = parse_count(G.f, "fields to skip");
	G.skip_chars = parse_count(G.s, "bytes to skip");
	G.check_chars = parse_count(G.w, "bytes to compare");
	if (FLAG(all_repeated)) {
		optflags |= FLAG_D;
		G.sep = G.all_repeated ? parse_method(G.all_repeated, "all-repeated", all, 3) : 0;
	}
	if (FLAG(group)) {
		G.grouping = true;
		G.sep = G.group ? grp_sep[parse_method(G.group, "group", grp, 4)] : SEP_SEPARATE;
	}
	if (G.grouping && (FLAG(c) || FLAG(d) || FLAG(D) || FLAG(u))) {
		bb_error_msg("--group is mutually exclusive with -c/-d/-D/-u");
		bb_show_usage();
	}
	if (FLAG(D) && FLAG(c)) {
		bb_error_msg("printing all duplicated lines and repeat counts is meaningless");
		bb_show_usage();
	}
}

int uniq_main(int argc, char **argv)
{
	const char *in = argc > 1 ? argv[1] : "-";
	struct lin l;
	char *p;
	size_t len;
	int status = 0;

	if (argc > 3) {
		bb_error_msg("extra operand '%s'", argv[3]);
		bb_show_usage();
	}
	options();
	G.eol = FLAG(z) ? '\0' : '\n';
	if (!lin_open(&l, in, G.eol))
		return 1;
	if (argc > 2 && strcmp(argv[2], "-")) {
		int fd = open(argv[2], O_WRONLY | O_CREAT | O_TRUNC, 0666);
		if (fd < 0)
			bb_perror_msg_and_die("%s", argv[2]);
		xdup2(fd, STDOUT_FILENO);
		close(fd);
	}
	while (lin_next(&l, &p, &len, NULL)) {
		bool new_run = !G.count || !same(G.first, G.flen, p, len);
		if (new_run) {
			end_run();
			save_first(p, len);
			G.count = 0;
		}
		G.count++;
		if (FLAG(D) || G.grouping)
			run_line(p, len, new_run);
	}
	end_run();
	if (G.grouping && G.any_group && (G.sep == SEP_APPEND || G.sep == SEP_BOTH))
		lout_char(&G.out, G.eol);
	if (lin_close(&l))
		status = 1;
	lout_done(&G.out);
	free(G.first);
	return status;
}
