/* cat: copy files to standard output.
 * POSIX cat (-u is accepted; output is never buffered beyond one read anyway), with the
 * GNU options -n -b -s -v -e -t -A -E -T. Refuses to copy a regular file onto itself.
 */

/*== applet
applet cat /bin
options u {FEATURE_CAT_NUMBER} n(number)b(number-nonblank)s(squeeze-blank) {FEATURE_CAT_V} v(show-nonprinting)E(show-ends)T(show-tabs)e t A(show-all)
config CAT
	bool "cat"
	default y
	help
	  Concatenate files and print them on standard output.

config FEATURE_CAT_NUMBER
	bool "Number and squeeze lines (-n -b -s)"
	default y
	depends on CAT

config FEATURE_CAT_V
	bool "Show non-printing characters (-v -e -t -A -E -T)"
	default y
	depends on CAT
usage [-u] [-nbsvetAET] [FILE]...
Concatenate FILEs (standard input if none, or -) to standard output.

	-u	Ignored (output is not buffered)
{FEATURE_CAT_NUMBER}	-n	Number all output lines
{FEATURE_CAT_NUMBER}	-b	Number nonempty output lines
{FEATURE_CAT_NUMBER}	-s	Squeeze repeated empty lines into one
{FEATURE_CAT_V}	-v	Show control characters as ^X and high bytes as M-X
{FEATURE_CAT_V}	-E	Show $ at the end of each line
{FEATURE_CAT_V}	-T	Show tabs as ^I
{FEATURE_CAT_V}	-e	Same as -vE
{FEATURE_CAT_V}	-t	Same as -vT
{FEATURE_CAT_V}	-A	Same as -vET
==*/

#include "libbb.h"
#include "flags/cat.h"

GLOBALS(
	unsigned long line;	/* numbering continues across files, as in GNU cat */
	int blank_run;		/* empty lines seen in a row */
	bool at_line_start;
	bool show_v, show_ends, show_tabs;
);

static void put_visible(int c)
{
	if (c >= 128) {
		fputs("M-", stdout);
		c -= 128;
	}
	if (c < 32 || c == 127) {
		putchar_unlocked('^');
		c ^= 64;
	}
	putchar_unlocked(c);
}

/* The next line number as printf("%6lu\t") would, without printf's cost per line. */
static void put_line_number(void)
{
	char buf[sizeof(long) * 3 + 8];
	char *end = buf + sizeof(buf), *p = end;
	unsigned long n = ++G.line;

	*--p = '\t';
	do
		*--p = '0' + n % 10;
	while (n /= 10);
	while (end - p < 7)
		*--p = ' ';
	fwrite(p, 1, end - p, stdout);
}

/* The slow path, for any option that changes what is printed. */
static void cat_formatted(FILE *in)
{
	int c;

	while ((c = getc_unlocked(in)) != EOF) {
		if (G.at_line_start) {
			if (c == '\n' && ++G.blank_run > 1 && FLAG(s))
				continue;
			if (c != '\n')
				G.blank_run = 0;
			if (FLAG(b) ? c != '\n' : FLAG(n))
				put_line_number();
		}
		G.at_line_start = c == '\n';
		if (c == '\n') {
			if (G.show_ends)
				putchar_unlocked('$');
			putchar_unlocked('\n');
		} else if (c == '\t' && !G.show_tabs) {
			putchar_unlocked('\t');
		} else if (G.show_v || (c == '\t' && G.show_tabs)) {
			put_visible(c);
		} else {
			putchar_unlocked(c);
		}
	}
}

/* -n -b -s alone: whole lines at a time, as the numbering only looks at line starts. */
static void cat_numbered(FILE *in)
{
	char *buf = NULL;
	size_t cap = 0;
	ssize_t len;

	while ((len = getline(&buf, &cap, in)) > 0) {
		if (G.at_line_start) {
			bool empty = buf[0] == '\n';
			if (empty && ++G.blank_run > 1 && FLAG(s))
				continue;
			if (!empty)
				G.blank_run = 0;
			if (FLAG(b) ? !empty : FLAG(n))
				put_line_number();
		}
		G.at_line_start = buf[len - 1] == '\n';
		fwrite(buf, 1, len, stdout);
	}
	free(buf);
}

/* GNU cat's guard against "cat f >> f", which would grow f until the disk is full. */
static bool is_output_file(int fd, const struct stat *out)
{
	struct stat in;
	return S_ISREG(out->st_mode) && !fstat(fd, &in) && in.st_dev == out->st_dev &&
	       in.st_ino == out->st_ino && lseek(fd, 0, SEEK_CUR) < in.st_size;
}

int cat_main(int argc UNUSED, char **argv)
{
	char *stdin_only[] = { (char *)"-", NULL };
	struct stat out;
	int status = 0;

	G.show_v = FLAG(v) || FLAG(e) || FLAG(t) || FLAG(A);
	G.show_ends = FLAG(E) || FLAG(e) || FLAG(A);
	G.show_tabs = FLAG(T) || FLAG(t) || FLAG(A);
	G.at_line_start = true;
	if (fstat(STDOUT_FILENO, &out))
		out.st_mode = 0;
	for (argv = argv[1] ? argv + 1 : stdin_only; *argv; argv++) {
		int fd = open_or_warn_stdin(*argv);
		if (fd < 0) {
			status = 1;
			continue;
		}
		if (is_output_file(fd, &out)) {
			bb_error_msg("%s: input file is output file", *argv);
			status = 1;
		} else if (optflags & ~FLAG_u) {
			FILE *in = fd ? fdopen(fd, "r") : stdin;
			if (!in)
				bb_perror_msg_and_die("%s", *argv);
			if (G.show_v || G.show_ends || G.show_tabs)
				cat_formatted(in);
			else
				cat_numbered(in);
			fd = -1;	/* fclose closes it */
			if (fclose_if_not_stdin(in, *argv))
				status = 1;
		} else if (bb_copyfd_eof(fd, STDOUT_FILENO) < 0) {
			bb_perror_msg("%s", *argv);
			status = 1;
		}
		if (fd > 0)
			close(fd);
	}
	return status;
}
