/* test, [: evaluate a conditional expression. POSIX test with the XSI -a -o ( ) !
 * extensions (! binds tighter than -a, -a tighter than -o), plus what GNU and bash add:
 * == -ef -nt -ot -G -O -k, bash's < and > (byte order), GNU's "-l STRING" as an operand of
 * integer comparisons. Integers compare exactly at any length, as in GNU 9.
 * Deviations from GNU, following POSIX and bash: with three arguments -a and -o are binary
 * primaries ("test -x -a -y" is true); beyond four arguments an unknown -X, or a unary
 * operator with nothing after it, is a plain string, and parentheses nest (at most 1000
 * deep, so that no command line can exhaust the stack). [ --help is not special.
 */

/*== applet
applet test /usr/bin nofork errexit=2
applet [ /usr/bin nofork main=test_main config=TEST errexit=2
config TEST
	bool "test and ["
	default y
	help
	  Evaluate a conditional expression: file types and permissions, string and
	  integer comparisons. Exit status 0 if true, 1 if false, 2 on error.
usage EXPRESSION  or  [ EXPRESSION ]
Exit with status 0 if EXPRESSION is true, 1 if it is false, 2 on error.

	( EXPR )	EXPR
	! EXPR	EXPR is false
	EXPR1 -a EXPR2	Both are true
	EXPR1 -o EXPR2	Either is true
	STRING	STRING is not empty
	-n STRING	STRING is not empty
	-z STRING	STRING is empty
	S1 = S2, S1 == S2	The strings are equal
	S1 != S2	The strings differ
	S1 < S2, S1 > S2	S1 sorts before, after S2 (byte values)
	N1 -eq N2	Integers are equal; also -ne -lt -le -gt -ge
		(-l STRING stands for the length of STRING)
	F1 -ef F2	Same device and inode
	F1 -nt F2	F1 is newer than F2, or exists while F2 does not
	F1 -ot F2	F1 is older than F2, or F2 exists while F1 does not
	-e FILE	FILE exists
	-f FILE	Regular file
	-d FILE	Directory
	-b FILE, -c FILE	Block, character device
	-p FILE, -S FILE	Named pipe, socket
	-h FILE, -L FILE	Symbolic link
	-s FILE	Size is not zero
	-r FILE, -w FILE, -x FILE	Readable, writable, executable by us
	-u FILE, -g FILE, -k FILE	Set-user-ID, set-group-ID, sticky bit set
	-O FILE, -G FILE	Owned by our effective user, group
	-t FD	FD is a terminal
==*/

#include "libbb.h"
#include "flags/test.h"

/* The arguments being parsed: argv[0..n), pos the next one. */
struct expr {
	char **argv;
	int n, pos;
	int depth;	/* of parentheses, bounded so that no argv can exhaust the stack */
};
enum { MAX_DEPTH = 1000 };

NORETURN static void missing_argument(const struct expr *e)
{
	bb_error_msg_and_die("missing argument after '%s'", e->argv[e->n - 1]);
}

/* The digits of an integer operand, [blanks][+|-]digits[blanks], without leading zeros. */
static const char *integer_digits(const char *s, bool *negative, size_t *len)
{
	const char *p = s, *digits;

	while (isblank(*p))
		p++;
	*negative = *p == '-';
	p += *p == '-' || *p == '+';
	digits = p;
	while (isdigit(*p))
		p++;
	*len = p - digits;
	while (isblank(*p))
		p++;
	if (!*len || *p)
		bb_error_msg_and_die("invalid integer '%s'", s);
	while (*len > 1 && *digits == '0')
		digits++, (*len)--;
	if (*digits == '0')
		*negative = false;	/* -0 is 0 */
	return digits;
}

static int integer_compare(const char *a, const char *b)
{
	bool neg_a, neg_b;
	size_t len_a, len_b;
	const char *da = integer_digits(a, &neg_a, &len_a);
	const char *db = integer_digits(b, &neg_b, &len_b);
	int c;

	if (neg_a != neg_b)
		return neg_a ? -1 : 1;
	c = len_a != len_b ? (len_a < len_b ? -1 : 1) : memcmp(da, db, len_a);
	return neg_a ? -c : c;
}

static bool is_terminal(const char *fd)
{
	bool negative;
	size_t len;
	const char *digits = integer_digits(fd, &negative, &len);

	return !negative && len < 10 && isatty(atoi(digits));
}

static bool is_unary_op(const char *s)
{
	return s[0] == '-' && s[1] && !s[2] && strchr("bcdefgGhkLnOprsStuwxz", s[1]);
}

static bool unary_test(int op, const char *arg)
{
	static const char access_ops[] = "rwx";
	static const int access_modes[] = { R_OK, W_OK, X_OK };
	struct stat st;
	const char *a;

	if (op == 'n' || op == 'z')
		return !*arg == (op == 'z');
	if (op == 't')
		return is_terminal(arg);
	if ((a = strchr(access_ops, op)))
		return !faccessat(AT_FDCWD, arg, access_modes[a - access_ops], AT_EACCESS);
	if ((op == 'h' || op == 'L') ? lstat(arg, &st) : stat(arg, &st))
		return false;
	switch (op) {
	case 'b': return S_ISBLK(st.st_mode);
	case 'c': return S_ISCHR(st.st_mode);
	case 'd': return S_ISDIR(st.st_mode);
	case 'f': return S_ISREG(st.st_mode);
	case 'h':
	case 'L': return S_ISLNK(st.st_mode);
	case 'p': return S_ISFIFO(st.st_mode);
	case 'S': return S_ISSOCK(st.st_mode);
	case 's': return st.st_size > 0;
	case 'g': return st.st_mode & S_ISGID;
	case 'u': return st.st_mode & S_ISUID;
	case 'k': return st.st_mode & S_ISVTX;
	case 'G': return st.st_gid == getegid();
	case 'O': return st.st_uid == geteuid();
	}
	return true;	/* -e */
}

/* The binary primaries, without -a and -o: string, integer, then file comparisons. */
static const char *const binary_ops[] = {
	"=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-ef", "-nt", "-ot",
};
enum { OP_SEQ, OP_SEQ2, OP_SNE, OP_SLT, OP_SGT, OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE,
       OP_EF, OP_NT, OP_OT };

static int binary_op(const char *s)
{
	for (unsigned i = 0; i < ARRAY_SIZE(binary_ops); i++)
		if (!strcmp(s, binary_ops[i]))
			return i;
	return -1;
}

static int mtime_compare(const struct stat *a, const struct stat *b)
{
	if (a->st_mtim.tv_sec != b->st_mtim.tv_sec)
		return a->st_mtim.tv_sec < b->st_mtim.tv_sec ? -1 : 1;
	return (a->st_mtim.tv_nsec > b->st_mtim.tv_nsec) - (a->st_mtim.tv_nsec < b->st_mtim.tv_nsec);
}

static bool file_test(const char *a, int op, const char *b)
{
	struct stat sa, sb;
	bool have_a = !stat(a, &sa), have_b = !stat(b, &sb);

	if (op == OP_EF)
		return have_a && have_b && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
	if (!have_a || !have_b)	/* an existing file is newer than a missing one */
		return op == OP_NT ? have_a : have_b;
	return mtime_compare(&sa, &sb) == (op == OP_NT ? 1 : -1);
}

static bool binary_test(const char *a, int op, const char *b)
{
	int c;

	if (op >= OP_EF)
		return file_test(a, op, b);
	c = op < OP_EQ ? strcmp(a, b) : integer_compare(a, b);
	switch (op) {
	case OP_SEQ:
	case OP_SEQ2:
	case OP_EQ: return c == 0;
	case OP_SNE:
	case OP_NE: return c != 0;
	case OP_SLT:
	case OP_LT: return c < 0;
	case OP_LE: return c <= 0;
	case OP_SGT:
	case OP_GT: return c > 0;
	}
	return c >= 0;	/* -ge */
}

/* "-l STRING OP N": the length of STRING as the left operand. */
static bool length_test(const char *s, int op, const char *b)
{
	char len[3 * sizeof(size_t) + 1];

	sprintf(len, "%zu", strlen(s));
	return binary_test(len, op, b);
}

/* A binary or unary primary, or a string; a holds the left arguments still to parse. */
static bool simple_primary(struct expr *e, char **a, int left)
{
	int op;

	if (left >= 4 && !strcmp(a[0], "-l") && (op = binary_op(a[2])) >= OP_EQ && op < OP_EF) {
		e->pos += 4;
		return length_test(a[1], op, a[3]);
	}
	if (left >= 3 && (op = binary_op(a[1])) >= 0) {
		e->pos += 3;
		return binary_test(a[0], op, a[2]);
	}
	if (left >= 2 && is_unary_op(a[0])) {
		e->pos += 2;
		return unary_test(a[0][1], a[1]);
	}
	e->pos++;
	return *a[0];
}

static bool or_expr(struct expr *e);

/* ! EXPR, ( EXPR ), a binary or unary primary, or a string. */
static bool primary(struct expr *e)
{
	bool negate = false, v;
	char **a;
	int left;

	while (e->pos < e->n && !strcmp(e->argv[e->pos], "!")) {
		negate = !negate;
		e->pos++;
	}
	a = e->argv + e->pos;
	left = e->n - e->pos;
	if (left <= 0)
		missing_argument(e);
	if (!strcmp(a[0], "(")) {
		if (++e->depth > MAX_DEPTH)
			bb_error_msg_and_die("parentheses nested too deeply");
		e->pos++;
		v = or_expr(e);
		if (e->pos >= e->n)
			bb_error_msg_and_die("')' expected");
		if (strcmp(e->argv[e->pos], ")"))
			bb_error_msg_and_die("')' expected, found '%s'", e->argv[e->pos]);
		e->pos++;
		e->depth--;
		return v != negate;
	}
	return simple_primary(e, a, left) != negate;
}

static bool and_expr(struct expr *e)
{
	bool v = primary(e);

	while (e->pos < e->n && !strcmp(e->argv[e->pos], "-a")) {
		e->pos++;
		v = primary(e) && v;	/* the right side is parsed even when v is false */
	}
	return v;
}

static bool or_expr(struct expr *e)
{
	bool v = and_expr(e);

	while (e->pos < e->n && !strcmp(e->argv[e->pos], "-o")) {
		e->pos++;
		v = and_expr(e) || v;
	}
	return v;
}

/* POSIX fixes the meaning of up to four arguments; a holds n of them. */
static bool two_args(const struct expr *e, char **a)
{
	if (!strcmp(a[0], "!"))
		return !*a[1];
	if (a[0][0] == '-' && a[0][1] && !a[0][2]) {
		if (!is_unary_op(a[0]))
			bb_error_msg_and_die("'%s': unary operator expected", a[0]);
		return unary_test(a[0][1], a[1]);
	}
	missing_argument(e);
}

static bool three_args(const struct expr *e, char **a)
{
	int op = binary_op(a[1]);

	if (op >= 0)
		return binary_test(a[0], op, a[2]);
	if (!strcmp(a[1], "-a"))
		return *a[0] && *a[2];
	if (!strcmp(a[1], "-o"))
		return *a[0] || *a[2];
	if (!strcmp(a[0], "!"))
		return !two_args(e, a + 1);
	if (!strcmp(a[0], "(") && !strcmp(a[2], ")"))
		return *a[1];
	bb_error_msg_and_die("'%s': binary operator expected", a[1]);
}

static bool evaluate(struct expr *e)
{
	char **a = e->argv;
	bool v;

	switch (e->n) {
	case 0:
		return false;
	case 1:
		return *a[0];
	case 2:
		return two_args(e, a);
	case 3:
		return three_args(e, a);
	case 4:
		if (!strcmp(a[0], "!"))
			return !three_args(e, a + 1);
		if (!strcmp(a[0], "(") && !strcmp(a[3], ")"))
			return two_args(e, a + 1);
	}
	v = or_expr(e);
	if (e->pos < e->n)
		bb_error_msg_and_die("extra argument '%s'", a[e->pos]);
	return v;
}

int test_main(int argc, char **argv)
{
	struct expr e = { .argv = argv + 1, .n = argc - 1 };

	/* applet_name may be a shell's message prefix */
	if (applet_name_of(current_applet)[0] == '[') {
		if (argc < 2 || strcmp(argv[argc - 1], "]"))
			bb_error_msg_and_die("missing ']'");
		e.n--;
	}
	return !evaluate(&e);
}
