/* walk.c: tests of walk_tree() on trees built in a temporary directory. */
#include "libbb.h"
#include "unittest.h"
#include <sys/wait.h>

/* The open fds (if a walk kept hundreds open, this would still tell). */
static int count_fds(void)
{
	int n = 0;

	for (int fd = 0; fd < 256; fd++)
		n += fcntl(fd, F_GETFD) >= 0;
	return n;
}

/* ---- small trees: every callback logged as one line ---- */

struct log {
	char buf[4096];		/* "\nD top\nF top/f1\nP top\nE top/x 13\n..." */
	size_t len;
	size_t prefix;		/* length of "tmpdir/", left out of the logged paths */
	int tmpfd;
	unsigned flags;		/* of the walk, to stat the entries alike */
	const char *skip_dir;	/* answer WALK_SKIP for this directory */
	const char *stop_at;	/* answer WALK_STOP at this path */
	void (*hook)(struct walk *w, struct log *lg);
	int bad;		/* callbacks whose path, name, dirfd or st did not agree */
};

static void check_entry(const struct walk *w, struct log *lg)
{
	size_t plen = strlen(w->path), nlen = strlen(w->name);
	int nofollow = lg->flags & WALK_FOLLOW_ALL ? 0 : AT_SYMLINK_NOFOLLOW;
	struct stat st;

	if (w->depth == 0) {
		lg->bad += w->dirfd != AT_FDCWD || strcmp(w->name, w->path) != 0;
		return;
	}
	lg->bad += nlen >= plen || w->path[plen - nlen - 1] != '/' ||
		strcmp(w->path + plen - nlen, w->name) != 0;
	if (w->kind != WALK_FILE && w->kind != WALK_DIR_PRE)
		return;	/* a directory that cannot be reopened has no dirfd to report */
	if (fstatat(w->dirfd, w->name, &st, nofollow) < 0)
		lg->bad += !S_ISLNK(w->st.st_mode);	/* a dangling link under -L */
	else if (w->st.st_ino)			/* 0: WALK_NOSTAT gave the type only */
		lg->bad += st.st_ino != w->st.st_ino || st.st_dev != w->st.st_dev;
}

static const char *errname(int err)
{
	return err == ELOOP ? "ELOOP" : err == ESTALE ? "ESTALE" : err == EACCES ? "EACCES" :
		err == ENOENT ? "ENOENT" : err == ENOTDIR ? "ENOTDIR" : "other";
}

static int record(struct walk *w)
{
	struct log *lg = w->arg;
	const char *rel = w->path + lg->prefix;
	size_t room = sizeof(lg->buf) - lg->len;
	int n;

	check_entry(w, lg);
	if (w->kind == WALK_ERROR)
		n = snprintf(lg->buf + lg->len, room, "E %s %s\n", rel, errname(w->err));
	else
		n = snprintf(lg->buf + lg->len, room, "%c %s\n", "FDP"[w->kind], rel);
	if (n > 0 && (size_t)n < room)
		lg->len += n;
	if (lg->hook)
		lg->hook(w, lg);
	if (lg->stop_at && !strcmp(rel, lg->stop_at))
		return WALK_STOP;
	if (w->kind == WALK_DIR_PRE && lg->skip_dir && !strcmp(rel, lg->skip_dir))
		return WALK_SKIP;
	return WALK_CONTINUE;
}

/* Walk tmp/rel, logging. Returns what walk_tree returned. */
static int walk_log(struct log *lg, const char *tmp, const char *rel, unsigned flags)
{
	char path[PATH_MAX];
	int fds = count_fds(), r;

	snprintf(path, sizeof(path), "%s/%s", tmp, rel);
	strcpy(lg->buf, "\n");
	lg->len = 1;
	lg->prefix = strlen(tmp) + 1;
	lg->flags = flags;
	lg->bad = 0;
	r = walk_tree(path, flags, record, lg);
	CHECK(count_fds() == fds);
	CHECK(lg->bad == 0);
	return r;
}

/* Where "\nline\n" is in the log, or -1. */
static long at(const struct log *lg, const char *line)
{
	char pat[256];
	const char *p;

	snprintf(pat, sizeof(pat), "\n%s\n", line);
	p = strstr(lg->buf, pat);
	return p ? p - lg->buf : -1;
}

static int count(const struct log *lg, char kind)
{
	int n = 0;

	for (const char *p = lg->buf; (p = strchr(p, '\n')) && p[1]; p++)
		n += p[1] == kind;
	return n;
}

static bool ends_with(const struct log *lg, const char *line)
{
	size_t n = strlen(line);

	return lg->len >= n + 2 && lg->buf[lg->len - n - 2] == '\n' &&
		!strncmp(lg->buf + lg->len - n - 1, line, n);
}

static bool before(const struct log *lg, const char *a, const char *b)
{
	return at(lg, a) >= 0 && at(lg, b) >= 0 && at(lg, a) < at(lg, b);
}

static void mkdirs(int dirfd, const char *const *paths)
{
	for (; *paths; paths++)
		CHECK(mkdirat(dirfd, *paths, 0755) == 0);
}

static void touch(int dirfd, const char *path)
{
	int fd = openat(dirfd, path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);

	CHECK(fd >= 0);
	close(fd);
}

/* rm -r as walk_tree's users will do it. */
static int unlink_entry(struct walk *w)
{
	int *errors = w->arg;

	if (w->kind == WALK_FILE)
		*errors += unlinkat(w->dirfd, w->name, 0) < 0;
	else if (w->kind == WALK_DIR_POST)
		*errors += unlinkat(w->dirfd, w->name, AT_REMOVEDIR) < 0;
	else if (w->kind == WALK_ERROR)
		(*errors)++;
	return WALK_CONTINUE;
}

static void remove_tree(const char *tmp, const char *rel)
{
	char path[PATH_MAX];
	int errors = 0;

	snprintf(path, sizeof(path), "%s/%s", tmp, rel);
	CHECK(walk_tree(path, WALK_POSTORDER | WALK_NOSTAT, unlink_entry, &errors) == 0);
	CHECK(errors == 0);
	CHECK(access(path, F_OK) < 0 && errno == ENOENT);
}

/* top/{f1, a/{f2, b/{f3, up -> ../..}}, c/, l -> a, dangling -> nowhere} */
static void test_small(const char *tmp, int tmpfd)
{
	struct log lg = { .tmpfd = tmpfd };

	mkdirs(tmpfd, ARGS_OF("top", "top/a", "top/a/b", "top/c"));
	touch(tmpfd, "top/f1");
	touch(tmpfd, "top/a/f2");
	touch(tmpfd, "top/a/b/f3");
	CHECK(symlinkat("a", tmpfd, "top/l") == 0);
	CHECK(symlinkat("nowhere", tmpfd, "top/dangling") == 0);
	CHECK(symlinkat("../..", tmpfd, "top/a/b/up") == 0);

	/* pre-order only, symlinks reported as themselves */
	CHECK(walk_log(&lg, tmp, "top", 0) == 0);
	CHECK(count(&lg, 'D') == 4 && count(&lg, 'F') == 6 && count(&lg, 'P') == 0 &&
	      count(&lg, 'E') == 0);
	CHECK(at(&lg, "D top") == 0);
	CHECK(before(&lg, "D top/a", "F top/a/f2") && before(&lg, "D top/a/b", "F top/a/b/f3"));
	CHECK(at(&lg, "F top/l") >= 0 && at(&lg, "F top/dangling") >= 0);
	CHECK(at(&lg, "F top/a/b/up") >= 0);

	/* post-order: after everything inside, the start last */
	CHECK(walk_log(&lg, tmp, "top", WALK_POSTORDER) == 0);
	CHECK(count(&lg, 'D') == 4 && count(&lg, 'F') == 6 && count(&lg, 'P') == 4);
	CHECK(before(&lg, "F top/a/b/f3", "P top/a/b") && before(&lg, "P top/a/b", "P top/a"));
	CHECK(before(&lg, "F top/a/f2", "P top/a") && before(&lg, "D top/c", "P top/c"));
	CHECK(ends_with(&lg, "P top"));

	/* a trailing slash is not doubled */
	CHECK(walk_log(&lg, tmp, "top/", WALK_POSTORDER) == 0);
	CHECK(at(&lg, "D top/") == 0 && at(&lg, "F top/a/f2") >= 0 && at(&lg, "P top/") > 0);

	/* WALK_SKIP: neither the contents nor the post-order call */
	lg.skip_dir = "top/a";
	CHECK(walk_log(&lg, tmp, "top", WALK_POSTORDER) == 0);
	CHECK(at(&lg, "D top/a") >= 0 && at(&lg, "P top/a") < 0 && at(&lg, "D top/a/b") < 0);
	CHECK(!strstr(lg.buf, "top/a/") && at(&lg, "P top") >= 0 && at(&lg, "P top/c") >= 0);
	lg.skip_dir = NULL;

	/* WALK_STOP: nothing after it */
	lg.stop_at = "top/a/b";
	CHECK(walk_log(&lg, tmp, "top", WALK_POSTORDER) == -1);
	CHECK(ends_with(&lg, "D top/a/b") && at(&lg, "P top") < 0);
	lg.stop_at = "top/a/f2";
	CHECK(walk_log(&lg, tmp, "top", 0) == -1);
	CHECK(ends_with(&lg, "F top/a/f2"));
	lg.stop_at = NULL;

	/* WALK_FOLLOW_ALL: l is a/ again, a dangling link stays a link, up loops to top */
	CHECK(walk_log(&lg, tmp, "top", WALK_FOLLOW_ALL | WALK_POSTORDER) == 0);
	CHECK(before(&lg, "D top/l", "F top/l/f2") && before(&lg, "F top/l/b/f3", "P top/l"));
	CHECK(at(&lg, "F top/dangling") >= 0);
	CHECK(at(&lg, "E top/a/b/up ELOOP") >= 0 && at(&lg, "E top/l/b/up ELOOP") >= 0);
	CHECK(!strstr(lg.buf, "up/") && count(&lg, 'E') == 2);
	CHECK(count(&lg, 'D') == 6 && count(&lg, 'P') == 6);

	/* the loop through a plain directory entry, once a link was followed: start in a */
	CHECK(walk_log(&lg, tmp, "top/a", WALK_FOLLOW_ALL) == 0);
	CHECK(at(&lg, "D top/a/b/up") >= 0 && at(&lg, "E top/a/b/up/a ELOOP") >= 0);
	CHECK(at(&lg, "D top/a/b/up/l") < 0 && at(&lg, "E top/a/b/up/l ELOOP") >= 0);

	/* WALK_FOLLOW_ARGS: only the starting point is followed */
	CHECK(walk_log(&lg, tmp, "top/l", WALK_FOLLOW_ARGS) == 0);
	CHECK(at(&lg, "D top/l") == 0 && at(&lg, "F top/l/b/up") >= 0 && count(&lg, 'D') == 2);
	CHECK(walk_log(&lg, tmp, "top/l", 0) == 0);
	CHECK(!strcmp(lg.buf, "\nF top/l\n"));

	/* WALK_NOSTAT: the types are right (the rest may be left empty) */
	CHECK(walk_log(&lg, tmp, "top", WALK_NOSTAT) == 0);
	CHECK(count(&lg, 'D') == 4 && count(&lg, 'F') == 6);

	/* a file, and a missing path, as the starting point */
	CHECK(walk_log(&lg, tmp, "top/f1", WALK_POSTORDER) == 0);
	CHECK(!strcmp(lg.buf, "\nF top/f1\n"));
	CHECK(walk_log(&lg, tmp, "top/none", WALK_POSTORDER) == 0);
	CHECK(!strcmp(lg.buf, "\nE top/none ENOENT\n"));

	remove_tree(tmp, "top");
}

/* ---- changes behind the walker's back ---- */

/* On the way into top/a/b: put a symlink to top/t in its place. */
static void swap_for_link(struct walk *w, struct log *lg)
{
	(void)lg;
	if (w->kind == WALK_DIR_PRE && !strcmp(w->name, "b")) {
		CHECK(renameat(w->dirfd, "b", w->dirfd, "b.old") == 0);
		CHECK(symlinkat("../t", w->dirfd, "b") == 0);
	}
}

/* On the way into top/a/b: put another directory in its place. */
static void swap_for_dir(struct walk *w, struct log *lg)
{
	(void)lg;
	if (w->kind == WALK_DIR_PRE && !strcmp(w->name, "b")) {
		CHECK(renameat(w->dirfd, "b", w->dirfd, "b.old") == 0);
		CHECK(mkdirat(w->dirfd, "b", 0755) == 0);
		CHECK(mkdirat(w->dirfd, "b/new", 0755) == 0);
	}
}

/* At the bottom of top/x/y/z/z/...: move y out of x, so that the ".." of y is not x. */
static void move_ancestor(struct walk *w, struct log *lg)
{
	if (w->kind == WALK_FILE && !strcmp(w->name, "bottom"))
		CHECK(renameat(lg->tmpfd, "top/x/y", lg->tmpfd, "top/y2") == 0);
}

static void restore_b(int tmpfd)
{
	CHECK(unlinkat(tmpfd, "top/a/b", AT_REMOVEDIR) == 0 || unlinkat(tmpfd, "top/a/b", 0) == 0);
	CHECK(renameat(tmpfd, "top/a/b.old", tmpfd, "top/a/b") == 0);
}

static void test_races(const char *tmp, int tmpfd)
{
	struct log lg = { .tmpfd = tmpfd };
	char path[64] = "top/x/y";

	mkdirs(tmpfd, ARGS_OF("top", "top/a", "top/a/b", "top/t"));
	touch(tmpfd, "top/a/b/f");
	touch(tmpfd, "top/t/secret");

	for (int nostat = 0; nostat <= 1; nostat++) {
		lg.hook = swap_for_link;
		CHECK(walk_log(&lg, tmp, "top", WALK_POSTORDER | (nostat ? WALK_NOSTAT : 0)) == 0);
		CHECK(at(&lg, "D top/a/b") >= 0 && at(&lg, "P top/a/b") < 0);
		CHECK(before(&lg, "D top/a/b", "E top/a/b ENOTDIR"));
		CHECK(!strstr(lg.buf, "top/a/b/") && at(&lg, "F top/t/secret") >= 0);
		CHECK(at(&lg, "P top/a") >= 0 && at(&lg, "P top") >= 0);
		restore_b(tmpfd);
	}

	lg.hook = swap_for_dir;
	CHECK(walk_log(&lg, tmp, "top", WALK_POSTORDER) == 0);
	CHECK(before(&lg, "D top/a/b", "E top/a/b ESTALE"));
	CHECK(!strstr(lg.buf, "top/a/b/") && at(&lg, "P top/a/b") < 0 && at(&lg, "P top") >= 0);
	CHECK(unlinkat(tmpfd, "top/a/b/new", AT_REMOVEDIR) == 0);
	restore_b(tmpfd);

	/* deeper than the fds kept open, so that x and y are reopened through ".." */
	mkdirs(tmpfd, ARGS_OF("top/x", "top/x/y"));
	for (int i = 0; i < 20; i++) {
		strcat(path, "/z");
		CHECK(mkdirat(tmpfd, path, 0755) == 0);
	}
	strcat(path, "/bottom");
	touch(tmpfd, path);
	lg.hook = move_ancestor;
	CHECK(walk_log(&lg, tmp, "top/x", WALK_POSTORDER) == -1);
	CHECK(at(&lg, "P top/x/y/z") >= 0 && at(&lg, "P top/x/y") < 0);
	CHECK(ends_with(&lg, "E top/x ESTALE"));
	CHECK(!strstr(lg.buf, "y2") && at(&lg, "P top/x") < 0);
	lg.hook = NULL;

	remove_tree(tmp, "top");
}

/* As a user the permissions apply to: run in a child as nobody when we are root. */
static void unreadable_as_user(void)
{
	char tmp[] = "/tmp/walkuXXXXXX";
	struct log lg = { 0 };
	int tmpfd;

	if (!mkdtemp(tmp))
		return;
	tmpfd = open(tmp, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	lg.tmpfd = tmpfd;
	mkdirs(tmpfd, ARGS_OF("u", "u/none", "u/ronly", "u/xonly"));
	touch(tmpfd, "u/none/f");
	touch(tmpfd, "u/ronly/f");
	touch(tmpfd, "u/xonly/f");
	CHECK(fchmodat(tmpfd, "u/none", 0, 0) == 0);
	CHECK(fchmodat(tmpfd, "u/ronly", 0400, 0) == 0);
	CHECK(fchmodat(tmpfd, "u/xonly", 0100, 0) == 0);

	CHECK(walk_log(&lg, tmp, "u", WALK_POSTORDER) == 0);
	CHECK(before(&lg, "D u/none", "E u/none EACCES") && at(&lg, "P u/none") < 0);
	CHECK(before(&lg, "D u/xonly", "E u/xonly EACCES") && at(&lg, "P u/xonly") < 0);
	/* readable but not searchable: the names, not their inodes */
	CHECK(before(&lg, "D u/ronly", "E u/ronly/f EACCES"));
	CHECK(before(&lg, "E u/ronly/f EACCES", "P u/ronly"));
	CHECK(count(&lg, 'E') == 3 && count(&lg, 'F') == 0 && at(&lg, "P u") >= 0);

	CHECK(fchmodat(tmpfd, "u/none", 0755, 0) == 0);
	CHECK(fchmodat(tmpfd, "u/ronly", 0755, 0) == 0);
	CHECK(fchmodat(tmpfd, "u/xonly", 0755, 0) == 0);
	remove_tree(tmp, "u");
	close(tmpfd);
	CHECK(rmdir(tmp) == 0);
}

static void test_unreadable(void)
{
	pid_t pid;
	int status = 0;

	if (geteuid() != 0) {
		unreadable_as_user();
		return;
	}
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		if (setgid(65534) < 0 || setuid(65534) < 0)
			_exit(255);	/* no user to become: skipped */
		unit_failures = 0;
		unreadable_as_user();
		fflush(stdout);
		_exit(unit_failures > 100 ? 100 : unit_failures);
	}
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status));
	if (WIFEXITED(status) && WEXITSTATUS(status) != 255)
		unit_failures += WEXITSTATUS(status);
}

/* ---- WALK_XDEV: never below a directory of another filesystem than the start ---- */

struct xdev {
	dev_t dev;
	int bad, mounts, posts;
};

static int check_xdev(struct walk *w)
{
	struct xdev *x = w->arg;
	struct stat st;

	if (w->depth == 0)
		x->dev = w->st.st_dev;
	else if (w->kind != WALK_ERROR)
		x->bad += fstat(w->dirfd, &st) < 0 || st.st_dev != x->dev;
	if (w->kind == WALK_DIR_PRE && w->st.st_dev != x->dev)
		x->mounts++;
	if (w->kind == WALK_DIR_POST && w->st.st_dev != x->dev)
		x->posts++;
	return WALK_CONTINUE;
}

static void test_xdev(void)
{
	struct xdev x = { 0 };

	/* /dev usually has /dev/pts and /dev/shm mounted on it */
	CHECK(walk_tree("/dev", WALK_XDEV | WALK_POSTORDER, check_xdev, &x) == 0);
	CHECK(x.bad == 0 && x.mounts == x.posts);
}

/* ---- big trees: deep, and wide ---- */

struct counter {
	long files, dirs, posts, errors, calls;
	int max_depth, max_fds;
	size_t max_path;
	bool remove;
};

static int count_entry(struct walk *w)
{
	struct counter *c = w->arg;
	size_t len;

	if (w->kind == WALK_FILE) {
		c->files++;
		if (c->remove)
			c->errors += unlinkat(w->dirfd, w->name, 0) < 0;
	} else if (w->kind == WALK_DIR_PRE) {
		c->dirs++;
	} else if (w->kind == WALK_DIR_POST) {
		c->posts++;
		if (c->remove)
			c->errors += unlinkat(w->dirfd, w->name, AT_REMOVEDIR) < 0;
	} else {
		c->errors++;
	}
	if (w->depth > c->max_depth)
		c->max_depth = w->depth;
	len = strlen(w->path);
	if (len > c->max_path)
		c->max_path = len;
	if (++c->calls % 1000 == 0) {
		int n = count_fds();
		if (n > c->max_fds)
			c->max_fds = n;
	}
	return WALK_CONTINUE;
}

enum { DEEP = 100000, WIDE = 200000 };

static void test_deep(const char *tmp, int tmpfd)
{
	struct counter c = { 0 };
	char path[PATH_MAX];
	int fd, fds = count_fds();

	CHECK(mkdirat(tmpfd, "deep", 0755) == 0);
	fd = openat(tmpfd, "deep", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	for (int i = 0; i < DEEP && fd >= 0; i++) {
		int sub = -1;

		if (mkdirat(fd, "d", 0755) == 0)
			sub = openat(fd, "d", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		close(fd);
		fd = sub;
	}
	CHECK(fd >= 0);
	touch(fd, "bottom");
	close(fd);

	snprintf(path, sizeof(path), "%s/deep", tmp);
	CHECK(walk_tree(path, WALK_POSTORDER, count_entry, &c) == 0);
	CHECK(c.dirs == DEEP + 1 && c.posts == DEEP + 1 && c.files == 1 && c.errors == 0);
	CHECK(c.max_depth == DEEP + 1 && c.max_path == strlen(path) + 2 * DEEP + 7);
	CHECK(c.max_fds - fds <= 20);
	CHECK(count_fds() == fds);

	memset(&c, 0, sizeof(c));
	c.remove = true;
	CHECK(walk_tree(path, WALK_POSTORDER | WALK_NOSTAT, count_entry, &c) == 0);
	CHECK(c.dirs == DEEP + 1 && c.posts == DEEP + 1 && c.files == 1 && c.errors == 0);
	CHECK(c.max_fds - fds <= 20);
	CHECK(access(path, F_OK) < 0);
}

static void test_wide(const char *tmp, int tmpfd)
{
	struct counter c = { 0 };
	char path[PATH_MAX];
	int fd;

	CHECK(mkdirat(tmpfd, "wide", 0755) == 0);
	fd = openat(tmpfd, "wide", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	for (int i = 0; i < WIDE && fd >= 0; i++) {
		int f;

		snprintf(path, sizeof(path), "file%d", i);
		f = openat(fd, path, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
		if (f < 0) {
			CHECK(f >= 0);
			break;
		}
		close(f);
	}
	close(fd);

	snprintf(path, sizeof(path), "%s/wide", tmp);
	CHECK(walk_tree(path, 0, count_entry, &c) == 0);
	CHECK(c.files == WIDE && c.dirs == 1 && c.posts == 0 && c.errors == 0);
	memset(&c, 0, sizeof(c));
	c.remove = true;
	CHECK(walk_tree(path, WALK_POSTORDER | WALK_NOSTAT, count_entry, &c) == 0);
	CHECK(c.files == WIDE && c.dirs == 1 && c.posts == 1 && c.errors == 0);
	CHECK(access(path, F_OK) < 0);
}

static bool is_empty_dir(const char *path)
{
	DIR *dir = opendir(path);
	struct dirent *de;
	int n = 0;

	if (!dir)
		return false;
	while ((de = readdir(dir)))
		n += strcmp(de->d_name, ".") && strcmp(de->d_name, "..");
	closedir(dir);
	return n == 0;
}

/* $TMPDIR, else a tmpfs: 300 000 inodes made and removed on a disk can take half a
 * minute (mkdir and unlink are the cost, the walks take under a second). */
static char *make_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	char *tmp;

	if (!base || !*base)
		base = access("/dev/shm", W_OK | X_OK) == 0 ? "/dev/shm" : "/tmp";
	tmp = xasprintf("%s/walkXXXXXX", base);
	if (!mkdtemp(tmp)) {
		free(tmp);
		return NULL;
	}
	return tmp;
}

void test_walk(void)
{
	char *tmp;
	int tmpfd;

	test_unreadable();	/* first: it may fork, and the child should inherit nothing */
	tmp = make_tmpdir();
	if (!tmp) {
		CHECK(!"mkdtemp");
		return;
	}
	tmpfd = open(tmp, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	test_small(tmp, tmpfd);
	test_races(tmp, tmpfd);
	test_xdev();
	test_deep(tmp, tmpfd);
	test_wide(tmp, tmpfd);
	CHECK(is_empty_dir(tmp));
	close(tmpfd);
	CHECK(rmdir(tmp) == 0);
	free(tmp);
}
