/* ln: make links between files.
 * POSIX ln (-s -f, -L -P) with the GNU options -n -v -T -t -r and long names. Hard links
 * are made to a symlink itself (-P) unless -L. -f removes the old name first, so it is
 * not atomic. Not supported: -b, -S, -i (rejected). Names in messages are quoted plainly.
 */

/*== applet
applet ln /bin
options s(symbolic)f(force)n(no-dereference)v(verbose)T(no-target-directory)t(target-directory):r(relative)L(logical)P(physical) [-LP] [!tT]
config LN
	bool "ln"
	default y
	help
	  Make hard or symbolic links.
usage [-sfnvrLP] [-T] TARGET LINK  or  ln [OPTIONS] TARGET... DIRECTORY  or  ln [OPTIONS] -t DIRECTORY TARGET...
Make LINK a new name for TARGET, or make links to TARGETs in DIRECTORY with the same
last names. With one TARGET and no LINK, make the link in the current directory.

	-s, --symbolic	Make symbolic links instead of hard links
	-f, --force	Replace existing files
	-n, --no-dereference	Treat a LINK that is a symlink to a directory as a plain file
	-v, --verbose	Print the name of each link made
	-T, --no-target-directory	LINK is never a DIRECTORY to make the link in
	-t, --target-directory=DIRECTORY	Make the links in DIRECTORY
	-r, --relative	With -s, make the link's contents relative to the link's directory
	-L, --logical	Make hard links to what a symlink TARGET points to
	-P, --physical	Make hard links to a symlink TARGET itself (the default)
==*/

#include "libbb.h"
#include "flags/ln.h"

GLOBALS();

/* path made absolute, symlinks resolved where it exists, "." and ".." taken out. */
static char *canonical(const char *path)
{
	char *res = xmalloc_canonicalize(path, CANON_MISSING);

	if (!res)
		bb_perror_msg_and_die("%s", path);
	return res;
}

/* target as a path relative to the directory the link link is in. */
static char *relative_target(const char *target, const char *link)
{
	char *copy = xstrdup(link), *slash = strrchr(copy, '/'), *dir, *to, *res;

	if (slash)
		slash[slash == copy] = 0;
	dir = canonical(slash ? copy : ".");
	to = canonical(target);
	res = xmalloc_relative_path(to, dir);
	free(copy);
	free(dir);
	free(to);
	return res;
}

static int link_failed(const char *target, const char *link, int err)
{
	errno = err;
	if (FLAG(s) && err != ENAMETOOLONG && *target)
		bb_perror_msg("failed to create symbolic link '%s'", link);
	else if (FLAG(s))
		bb_perror_msg("failed to create symbolic link '%s' -> '%s'", link, target);
	else if (err == EMLINK)
		bb_perror_msg("failed to create hard link to '%s'", target);
	else if (err == EEXIST || err == EDQUOT || err == ENOSPC || err == EROFS)
		bb_perror_msg("failed to create hard link '%s'", link);
	else
		bb_perror_msg("failed to create hard link '%s' => '%s'", link, target);
	return 1;
}

/* The directory holding path ("." if none), by device and inode. */
static int stat_parent(const char *path, struct stat *st)
{
	char *dir = xstrdup(path), *slash;
	int r;

	last_path_component(dir);	/* drops trailing slashes */
	slash = strrchr(dir, '/');
	if (slash)
		slash[slash == dir] = 0;
	r = stat(slash ? dir : ".", st);
	free(dir);
	return r;
}

/* Are a and b one directory entry? */
static bool same_entry(const char *a, const char *b)
{
	char *ca = xstrdup(a), *cb = xstrdup(b);
	struct stat da, db;
	bool same = !strcmp(last_path_component(ca), last_path_component(cb)) &&
		stat_parent(a, &da) == 0 && stat_parent(b, &db) == 0 &&
		da.st_dev == db.st_dev && da.st_ino == db.st_ino;

	free(ca);
	free(cb);
	return same;
}

/* Would removing the existing link remove target itself? Then -f must not. */
static bool same_file(const char *target, const char *link, const struct stat *lst)
{
	struct stat st;

	if ((FLAG(s) || FLAG(L) ? stat : lstat)(target, &st) < 0)
		return false;
	return st.st_dev == lst->st_dev && st.st_ino == lst->st_ino &&
		(st.st_nlink == 1 || same_entry(target, link));
}

static int make_link(const char *target, const char *link)
{
	struct stat st;
	char *rel = NULL;
	const char *contents = target;
	int r, err;

	if (!FLAG(s)) {
		if ((FLAG(L) ? stat : lstat)(target, &st) < 0) {
			bb_perror_msg("failed to access '%s'", target);
			return 1;
		}
		if (S_ISDIR(st.st_mode)) {
			bb_error_msg("%s: hard link not allowed for directory", target);
			return 1;
		}
	}
	if (FLAG(f) && lstat(link, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			bb_error_msg("%s: cannot overwrite directory", link);
			return 1;
		}
		if (same_file(target, link, &st)) {
			bb_error_msg("'%s' and '%s' are the same file", target, link);
			return 1;
		}
		if (unlink(link) < 0 && errno != ENOENT) {
			bb_perror_msg("cannot remove '%s'", link);
			return 1;
		}
	}
	if (FLAG(r))
		contents = rel = relative_target(target, link);
	r = FLAG(s) ? symlink(contents, link) :
		linkat(AT_FDCWD, target, AT_FDCWD, link, FLAG(L) ? AT_SYMLINK_FOLLOW : 0);
	err = errno;
	if (r < 0)
		r = link_failed(contents, link, err);
	else if (FLAG(v))
		printf("'%s' %s '%s'\n", link, FLAG(s) ? "->" : "=>", contents);
	free(rel);
	return r;
}

static int link_into(const char *target, const char *dir)
{
	char *copy = xstrdup(target), *link = concat_path_file(dir, last_path_component(copy));
	int r = make_link(target, link);

	free(link);
	free(copy);
	return r;
}

/* A directory to make links in: followed if it is a symlink, unless -n. */
static bool is_dir(const char *path)
{
	struct stat st;

	if (FLAG(n) && lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
		return false;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int ln_main(int argc, char **argv)
{
	int n = argc - 1, status = 0;
	const char *dir;

	if (FLAG(r) && !FLAG(s))
		bb_error_msg_and_die("cannot do --relative without --symbolic");
	if (n < 1) {
		bb_error_msg("missing file operand");
		bb_show_usage();
	}
	if (FLAG(T) && n != 2) {
		if (n < 2)
			bb_error_msg("missing destination file operand after '%s'", argv[1]);
		else
			bb_error_msg("extra operand '%s'", argv[3]);
		bb_show_usage();
	}
	if (FLAG(t)) {
		struct stat st;
		dir = G.t;
		if (stat(dir, &st) < 0)
			bb_perror_msg_and_die("failed to access '%s'", dir);
		if (!S_ISDIR(st.st_mode))
			bb_error_msg_and_die("target '%s' is not a directory", dir);
	} else if (n == 1) {
		dir = ".";
	} else if (FLAG(T) || (n == 2 && !is_dir(argv[2]))) {
		return make_link(argv[1], argv[2]);
	} else {
		struct stat st;
		dir = argv[n--];
		if (!is_dir(dir)) {
			if (stat(dir, &st) == 0)
				errno = ENOTDIR;
			bb_perror_msg_and_die("target '%s'", dir);
		}
	}
	for (int i = 1; i <= n; i++)
		status |= link_into(argv[i], dir);
	return status;
}
