/* chmod: change file mode bits.
 * POSIX chmod (-R, octal and symbolic modes as libbb/mode.c takes them) with the GNU
 * options -c -f -v --reference and long names. Parses its own argv, as GNU does, because
 * a mode such as -w or -755 looks like an option; a mode given that way is checked against
 * the umask: if the umask kept bits from being cleared, chmod says so and fails. With -R,
 * symbolic links met in the walk are not followed (those named as operands are).
 */

/*== applet
applet chmod /bin
config CHMOD
	bool "chmod"
	default y
	help
	  Change the permission bits of files.
usage [-Rcfv] MODE[,MODE]... FILE...  or  chmod [-Rcfv] --reference=RFILE FILE...
Change the mode of each FILE to MODE: an octal number, or [ugoa]*[-+=][rwxXst]* or
[ugoa]*[-+=][ugo], several separated by commas.

	-R, --recursive	Also change the files in directories, not following symlinks
	-c, --changes	Report each file whose mode changes
	-f, --silent, --quiet	Keep quiet about most errors
	-v, --verbose	Report each file processed
	--reference=RFILE	Use RFILE's mode
==*/

#include "libbb.h"
#include "flags/chmod.h"

GLOBALS(
	bool recursive;
	bool changes;
	bool silent;
	bool verbose;
	bool surprises;		/* the mode came as an option: report what the umask kept */
	char *mode;
	const char *reference;
	mode_t ref_mode;
	mode_t mask;
	int status;
);

static void describe(const char *what, const char *name, mode_t old, mode_t new)
{
	char a[11], b[11];

	bb_mode_string(old, a);
	bb_mode_string(new, b);
	if (old == new)
		printf("mode of '%s' retained as %04o (%s)\n", name, (unsigned)old, a + 1);
	else
		printf("%smode of '%s' changed from %04o (%s) to %04o (%s)\n", what, name,
		       (unsigned)old, a + 1, (unsigned)new, b + 1);
}

static void surprise(const char *name, const struct stat *st, mode_t new)
{
	mode_t naive = bb_parse_mode_umask(G.mode, st->st_mode, S_ISDIR(st->st_mode), 0);
	char a[11], b[11];

	if (!(new & ~naive))
		return;
	bb_mode_string(new, a);
	bb_mode_string(naive, b);
	bb_error_msg("%s: new permissions are %s, not %s", name, a + 1, b + 1);
	G.status = 1;
}

static void change(const char *name, int dirfd, const char *rel, const struct stat *st)
{
	mode_t old = st->st_mode & 07777, new;

	new = G.reference ? G.ref_mode :
		(mode_t)bb_parse_mode_umask(G.mode, st->st_mode, S_ISDIR(st->st_mode), G.mask);
	if (fchmodat(dirfd, rel, new, 0) < 0) {
		if (!G.silent)
			bb_perror_msg("changing permissions of '%s'", name);
		if (G.verbose)
			describe("failed to change ", name, old, new == old ? new ^ 1 : new);
		G.status = 1;
		return;
	}
	if (G.verbose || (G.changes && old != new))
		describe("", name, old, new);
	if (G.surprises)
		surprise(name, st, new);
}

static void cannot_access(const char *name, int err, bool dangling)
{
	G.status = 1;
	if (G.silent)
		return;
	if (dangling) {
		bb_error_msg("cannot operate on dangling symlink '%s'", name);
	} else {
		errno = err;
		bb_perror_msg("cannot access '%s'", name);
	}
}

static int visit(struct walk *w)
{
	if (w->kind == WALK_DIR_POST)
		return WALK_CONTINUE;
	if (w->kind == WALK_ERROR) {
		if (S_ISDIR(w->st.st_mode)) {
			G.status = 1;
			errno = w->err;
			if (!G.silent)
				bb_perror_msg("cannot read directory '%s'", w->path);
		} else {
			cannot_access(w->path, w->err, false);
		}
		return WALK_CONTINUE;
	}
	if (S_ISLNK(w->st.st_mode)) {
		if (w->depth == 0)
			cannot_access(w->path, ENOENT, true);
		else if (G.verbose)
			printf("neither symbolic link '%s' nor referent has been changed\n", w->path);
		return WALK_CONTINUE;
	}
	change(w->path, w->dirfd, w->name, &w->st);
	return WALK_CONTINUE;
}

static void chmod_one(const char *name)
{
	struct stat st;

	if (G.recursive) {
		walk_tree(name, WALK_FOLLOW_ARGS, visit, NULL);
	} else if (stat(name, &st) == 0) {
		change(name, AT_FDCWD, name, &st);
	} else {
		int err = errno;
		cannot_access(name, err, err == ENOENT && lstat(name, &st) == 0 && S_ISLNK(st.st_mode));
	}
}

/* A word such as -w or -755 is a mode, as GNU takes it. */
static bool mode_like(const char *arg)
{
	return arg[0] == '-' && arg[1] && strchr("rwxXstugoa,+-=01234567", arg[1]);
}

static void add_mode(const char *m)
{
	char *old = G.mode;

	G.mode = old ? xasprintf("%s,%s", old, m) : xstrdup(m);
	free(old);
}

static void bad_option(const char *fmt, const char *what)
{
	bb_error_msg(fmt, what);
	bb_show_usage();
}

/* --name or --name=VALUE, unique abbreviations too. Returns the next argv index. */
static int long_option(char **argv, int i)
{
	static const char names[] = "recursive\0changes\0silent\0quiet\0verbose\0reference\0help\0";
	const char *arg = argv[i] + 2, *eq = strchr(arg, '='), *p, *hit = NULL;
	size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
	int found = 0;

	for (p = names; *p; p += strlen(p) + 1) {
		if (!strncmp(p, arg, len) && (hit = p, found++, strlen(p) == len)) {
			found = 1;
			break;
		}
	}
	if (!found)
		bad_option("unrecognized option '%s'", argv[i]);
	if (found > 1)
		bad_option("option '%s' is ambiguous", argv[i]);
	if (*hit == 'r' && hit[2] == 'f') {
		if (!eq && !argv[i + 1])
			bad_option("option '%s' requires an argument", "--reference");
		G.reference = eq ? eq + 1 : argv[++i];
		return i + 1;
	}
	if (eq)
		bad_option("option '--%s' doesn't allow an argument", hit);
	if (*hit == 'h') {
		show_usage_of(current_applet, stdout);
		fflush_stdout_and_exit(0);
	}
	*(*hit == 'r' ? &G.recursive : *hit == 'c' ? &G.changes : *hit == 'v' ? &G.verbose :
	  &G.silent) = true;
	return i + 1;
}

/* Options anywhere before "--"; the operands are moved to the front of argv. */
static int parse_args(char **argv)
{
	int n = 0, i = 1;
	bool dashdash = false;

	while (argv[i]) {
		char *arg = argv[i];

		if (dashdash || arg[0] != '-' || !arg[1]) {
			argv[n++] = arg;
			i++;
		} else if (!strcmp(arg, "--")) {
			dashdash = true;
			i++;
		} else if (arg[1] == '-') {
			i = long_option(argv, i);
		} else if (mode_like(arg)) {
			add_mode(arg);
			G.surprises = true;
			i++;
		} else {
			for (const char *c = arg + 1; *c; c++) {
				if (*c == 'R')
					G.recursive = true;
				else if (*c == 'c')
					G.changes = true;
				else if (*c == 'f')
					G.silent = true;
				else if (*c == 'v')
					G.verbose = true;
				else
					bad_option("invalid option -- '%s'", (char[]){ *c, 0 });
			}
			i++;
		}
	}
	argv[n] = NULL;
	return n;
}

int chmod_main(int argc UNUSED, char **argv)
{
	int n = parse_args(argv), first = 0;

	if (!G.mode && !G.reference && n > 0)
		add_mode(argv[first++]);
	if (first == n) {
		if (first)
			bb_error_msg("missing operand after '%s'", argv[0]);
		else
			bb_error_msg("missing operand");
		bb_show_usage();
	}
	if (G.reference) {
		struct stat st;
		if (stat(G.reference, &st) < 0)
			bb_perror_msg_and_die("failed to get attributes of '%s'", G.reference);
		G.ref_mode = st.st_mode & 07777;
	} else if (bb_parse_mode_umask(G.mode, 0, false, 0) < 0) {
		bb_error_msg("invalid mode: '%s'", G.mode);
		bb_show_usage();
	}
	G.mask = umask(0);
	umask(G.mask);
	for (int i = first; i < n; i++)
		chmod_one(argv[i]);
	free(G.mode);
	return G.status;
}
