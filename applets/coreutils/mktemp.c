/* mktemp: create a temporary file or directory with a unique name. GNU mktemp:
 * -d -q -u -t -p DIR --tmpdir[=DIR] --suffix=SUFF. The last run of X's in TEMPLATE
 * (at least 3) is replaced by random letters and digits; files are created with
 * O_EXCL and mode 0600, directories with mode 0700.
 */

/*== applet
applet mktemp /bin nofork
options d(directory)q(quiet)u(dry-run)p:t (tmpdir)? (suffix):
config MKTEMP
	bool "mktemp"
	default y
	help
	  Create a temporary file or directory with a unique name and print it.
usage [-dqtu] [-p DIR] [--tmpdir[=DIR]] [--suffix=SUFF] [TEMPLATE]
Create a file (or directory) named TEMPLATE with its last run of at least three
X's replaced, and print its name. Without TEMPLATE: tmp.XXXXXXXXXX in $TMPDIR or /tmp.

	-d	Create a directory, not a file
	-q	Say nothing when the file cannot be created
	-u	Create nothing, only print a name (unsafe)
	-p DIR	TEMPLATE is relative to DIR (if DIR is empty: $TMPDIR, else /tmp)
	--tmpdir[=DIR]	The same
	-t	TEMPLATE is a name in $TMPDIR, else in the -p DIR, else in /tmp
	--suffix=SUFF	Append SUFF to TEMPLATE, which must end in X
==*/

#include "libbb.h"
#include "flags/mktemp.h"

GLOBALS();

/* Fill the n bytes at x with random letters and digits. */
static void randomize(char *x, size_t n)
{
	static const char chars[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
	unsigned char r[16];

	while (n) {
		size_t k = n < sizeof(r) ? n : sizeof(r);
		bb_random_bytes(r, k);
		for (size_t i = 0; i < k; i++)
			*x++ = chars[r[i] % 62];
		n -= k;
	}
}

/* Create (or with -u, find a free name for) path, its n X's at x; -1 with errno. */
static int create(char *path, char *x, size_t n)
{
	/* enough tries to find a name when nearly all of them are taken */
	unsigned long tries = n >= 4 ? 62UL * 62 * 62 * 62 : 62UL * 62 * 62;
	struct stat st;

	while (tries--) {
		int fd;
		randomize(x, n);
		if (FLAG(u)) {
			if (lstat(path, &st))
				return 0;	/* free, or nothing to tell: GNU prints it */
			continue;
		}
		if (FLAG(d)) {
			if (mkdir(path, 0700) == 0)
				return 0;
		} else {
			fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0600);
			if (fd >= 0) {
				close(fd);
				return 0;
			}
		}
		if (errno != EEXIST)
			return -1;
	}
	errno = EEXIST;
	return -1;
}

/* The directory for -p/--tmpdir/-t, or NULL when TEMPLATE is used as it is. */
static const char *directory(bool implied)
{
	const char *env = getenv("TMPDIR"), *dir = FLAG(p) ? G.p : G.tmpdir;

	if (env && !*env)
		env = NULL;
	if (dir && !*dir)
		dir = NULL;
	if (FLAG(t))
		return env ? env : dir ? dir : "/tmp";
	if (FLAG(p) || FLAG(tmpdir) || implied)
		return dir ? dir : env ? env : "/tmp";
	return NULL;
}

int mktemp_main(int argc, char **argv)
{
	const char *tmpl = argc > 1 ? argv[1] : "tmp.XXXXXXXXXX", *suffix, *dir;
	char *path, *x;
	size_t n, slen;

	if (argc > 2) {
		bb_error_msg("too many templates");
		bb_show_usage();
	}
	if (FLAG(suffix)) {
		size_t len = strlen(tmpl);
		if (!len || tmpl[len - 1] != 'X')
			bb_error_msg_and_die("with --suffix, template '%s' must end in X", tmpl);
		suffix = G.suffix;
	} else {
		const char *last = strrchr(tmpl, 'X');
		suffix = last ? last + 1 : tmpl + strlen(tmpl);
	}
	if (strchr(suffix, '/'))
		bb_error_msg_and_die("invalid suffix '%s', contains directory separator", suffix);
	dir = directory(argc < 2);
	if (dir && FLAG(t) && strchr(tmpl, '/'))
		bb_error_msg_and_die("invalid template, '%s', contains directory separator", tmpl);
	if (dir && !FLAG(t) && *tmpl == '/')
		bb_error_msg_and_die("invalid template, '%s'; with --tmpdir, it may not be absolute",
				     tmpl);
	/* path = [DIR/]TEMPLATE without its suffix, then SUFF */
	slen = FLAG(suffix) ? 0 : strlen(suffix);
	for (n = 0; n < strlen(tmpl) - slen && tmpl[strlen(tmpl) - slen - 1 - n] == 'X'; n++)
		continue;
	if (n < 3)
		bb_error_msg_and_die("too few X's in template '%s'", tmpl);
	{
		char *t = xstrndup(tmpl, strlen(tmpl) - slen);
		char *head = dir ? concat_path_file(dir, t) : t;
		path = xasprintf("%s%s", head, suffix);
		x = path + strlen(head) - n;
		if (head != t)
			free(head);
		free(t);
	}
	if (create(path, x, n)) {
		if (!FLAG(q)) {
			int err = errno;
			memset(x, 'X', n);
			errno = err;
			bb_perror_msg("failed to create %s via template '%s'",
				      FLAG(d) ? "directory" : "file", path);
		}
		free(path);
		return 1;
	}
	puts(path);
	free(path);
	return 0;
}
