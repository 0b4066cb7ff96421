/* copy.c: the engine behind rm, cp, mv and install: removing a tree, copying one (with
 * the file data, special files, symlinks, hard links and attributes), and the prompts
 * they share.
 *
 * Both walks go through walk_tree(), so they have no depth limit, hold a bounded number
 * of fds and never follow a symlink they were not asked to; every change is made
 * relative to the directory fd the walker holds open (unlinkat, openat, mkdirat...).
 */
#include "libbb.h"
#include <sys/time.h>
#include <sys/sysmacros.h>

const char *bb_file_type(const struct stat *st)
{
	mode_t m = st->st_mode;

	if (S_ISREG(m))
		return st->st_size ? "regular file" : "regular empty file";
	if (S_ISDIR(m))
		return "directory";
	if (S_ISLNK(m))
		return "symbolic link";
	if (S_ISCHR(m))
		return "character special file";
	if (S_ISBLK(m))
		return "block special file";
	if (S_ISFIFO(m))
		return "fifo";
	if (S_ISSOCK(m))
		return "socket";
	return "weird file";
}

bool bb_ask(const char *fmt, ...)
{
	va_list ap;
	int c, first;

	fflush(stdout);
	fprintf(stderr, "%s: ", applet_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fflush(stderr);
	first = c = getchar();
	while (c != EOF && c != '\n')
		c = getchar();
	return first == 'y' || first == 'Y';
}

/* ---- removing ---- */

struct remover {
	unsigned flags;
	int status;
	unsigned char *kept;	/* per depth: something inside that directory was kept */
	size_t nkept;
};

static unsigned char *kept_at(struct remover *r, int depth)
{
	if ((size_t)depth >= r->nkept) {
		size_t old = r->nkept;
		r->nkept = 2 * depth + 16;
		r->kept = xrealloc(r->kept, r->nkept);
		memset(r->kept + old, 0, r->nkept - old);
	}
	return &r->kept[depth];
}

/* Something at depth was not removed: its directories cannot be removed either. */
static void keep(struct remover *r, int depth)
{
	if (depth > 0)
		*kept_at(r, depth - 1) = 1;
}

static void rm_failed(struct remover *r, struct walk *w, int err)
{
	errno = err;
	bb_perror_msg("cannot remove '%s'", w->path);
	r->status = -1;
	keep(r, w->depth);
}

bool bb_dir_is_empty(int dirfd, const char *name)
{
	int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	DIR *dir = fd < 0 ? NULL : fdopendir(fd);
	struct dirent *de;
	bool empty = true;

	if (!dir) {
		if (fd >= 0)
			close(fd);
		return false;
	}
	while (empty && (de = readdir(dir)) != NULL)
		empty = de->d_name[0] == '.' && (!de->d_name[1] ||
						  (de->d_name[1] == '.' && !de->d_name[2]));
	closedir(dir);
	return empty;
}

bool bb_is_directory(const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return false;
	errno = ENOTDIR;
	return S_ISDIR(st.st_mode);
}

const char *take_target_operand(int *argc, char **argv, const char *tdir, bool no_tdir)
{
	if (tdir && no_tdir) {
		bb_error_msg("cannot combine --target-directory (-t) and --no-target-directory (-T)");
		bb_show_usage();
	}
	if (*argc < 2 || (*argc < 3 && !tdir)) {
		if (*argc < 2)
			bb_error_msg("missing file operand");
		else
			bb_error_msg("missing destination file operand after '%s'", argv[1]);
		bb_show_usage();
	}
	if (no_tdir && *argc > 3) {
		bb_error_msg("extra operand '%s'", argv[3]);
		bb_show_usage();
	}
	return tdir ? tdir : argv[--*argc];
}

static int rm_dir(struct remover *r, struct walk *w)
{
	if (unlinkat(w->dirfd, w->name, AT_REMOVEDIR) < 0) {
		rm_failed(r, w, errno);
		return WALK_SKIP;
	}
	if (r->flags & RM_VERBOSE)
		printf("removed directory '%s'\n", w->path);
	return WALK_SKIP;
}

static int rm_dir_pre(struct remover *r, struct walk *w)
{
	bool ask = r->flags & RM_INTERACTIVE;

	if (!(r->flags & RM_RECURSIVE)) {
		if (!(r->flags & RM_DIR)) {
			rm_failed(r, w, EISDIR);
			return WALK_SKIP;
		}
		if (ask && !bb_ask("remove directory '%s'? ", w->path))
			return WALK_SKIP;
		return rm_dir(r, w);
	}
	*kept_at(r, w->depth) = 0;
	if (!ask)
		return WALK_CONTINUE;
	if (bb_dir_is_empty(w->dirfd, w->name)) {
		if (bb_ask("remove directory '%s'? ", w->path))
			return rm_dir(r, w);
	} else if (bb_ask("descend into directory '%s'? ", w->path)) {
		return WALK_CONTINUE;
	}
	keep(r, w->depth);
	return WALK_SKIP;
}

static int rm_file(struct remover *r, struct walk *w)
{
	if (r->flags & RM_INTERACTIVE) {
		if (!bb_ask("remove %s '%s'? ", bb_file_type(&w->st), w->path)) {
			keep(r, w->depth);
			return WALK_CONTINUE;
		}
	} else if (!(r->flags & RM_FORCE) && !S_ISLNK(w->st.st_mode) && isatty(STDIN_FILENO) &&
		   faccessat(w->dirfd, w->name, W_OK, AT_EACCESS) < 0 && errno == EACCES) {
		if (!bb_ask("remove write-protected %s '%s'? ", bb_file_type(&w->st), w->path)) {
			keep(r, w->depth);
			return WALK_CONTINUE;
		}
	}
	if (unlinkat(w->dirfd, w->name, 0) < 0)
		rm_failed(r, w, errno);
	else if (r->flags & RM_VERBOSE)
		printf("removed '%s'\n", w->path);
	return WALK_CONTINUE;
}

static int rm_visit(struct walk *w)
{
	struct remover *r = w->arg;

	switch (w->kind) {
	case WALK_ERROR:
		if (w->depth == 0 && w->err == ENOENT && (r->flags & RM_FORCE))
			return WALK_CONTINUE;
		rm_failed(r, w, w->err);
		return WALK_CONTINUE;
	case WALK_DIR_PRE:
		return rm_dir_pre(r, w);
	case WALK_DIR_POST:
		if (*kept_at(r, w->depth)) {
			keep(r, w->depth);
			return WALK_CONTINUE;
		}
		if ((r->flags & RM_INTERACTIVE) &&
		    !bb_ask("remove directory '%s'? ", w->path)) {
			keep(r, w->depth);
			return WALK_CONTINUE;
		}
		return rm_dir(r, w);
	default:
		return rm_file(r, w);
	}
}

int remove_path(const char *path, unsigned flags)
{
	struct remover r = { .flags = flags };
	unsigned wflags = WALK_POSTORDER;

	/* the types from readdir are enough unless a prompt names a file's type */
	if (!(flags & RM_INTERACTIVE) && ((flags & RM_FORCE) || !isatty(STDIN_FILENO)))
		wflags |= WALK_NOSTAT;
	if (walk_tree(path, wflags, rm_visit, &r) < 0)
		r.status = -1;
	free(r.kept);
	return r.status;
}

/* ---- making directories ---- */

/* 1: dir was made, 0: it was there already, -1: it cannot be made (errno). */
static int make_dir(const char *dir, mode_t mode)
{
	struct stat st;

	if (stat(dir, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return 0;
		errno = EEXIST;
		return -1;
	}
	if (mkdir(dir, mode) == 0)
		return 1;
	if (errno == EEXIST && stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
		return 0;	/* made meanwhile by someone else */
	return -1;
}

int make_directories(const char *path, mode_t mode, bool leading_only,
		     void (*made)(const char *dir, void *arg), void *arg)
{
	char *dir = xstrdup(path), *p = dir;
	int ret = 0;

	for (;;) {
		char save;
		int r;

		while (*p == '/')
			p++;
		p += strcspn(p, "/");
		if (!*p && leading_only)
			break;
		save = *p;
		*p = 0;
		r = make_dir(dir, save ? 0777 : mode);
		if (r < 0) {
			bb_perror_msg("cannot create directory '%s'", dir);
			ret = -1;
			break;
		}
		if (r > 0 && made)
			made(dir, arg);
		*p = save;
		if (!save)
			break;
	}
	free(dir);
	return ret;
}

/* ---- copying ---- */

enum { COPY_BUFSIZE = 128 * 1024 };

struct copy_link {
	dev_t dev;
	ino_t ino;
	char *dest;
};

struct copy_dir {
	bool created;	/* made by us: its mode is set when its contents are done */
};

/* The state of one copy_path() call, passed to the walk callback. */
struct copy_walk {
	struct copier *c;
	const char *src, *dst;
	size_t srclen;
	char *dpath;
	size_t dpath_cap;
	struct copy_dir *dirs;	/* per depth */
	size_t ndirs;
	bool root_known;	/* root_dev/ino: the top destination directory */
	dev_t root_dev;
	ino_t root_ino;
};

static void copy_fail(struct copier *c)
{
	c->status = -1;
}

/* The destination of the walk's current entry: dst followed by what follows src. */
static const char *dest_of(struct copy_walk *cw, const char *path)
{
	const char *rest = path + cw->srclen;
	size_t dlen = strlen(cw->dst), rlen = strlen(rest);
	bool slash = *rest && *rest != '/' && dlen && cw->dst[dlen - 1] != '/';

	if (dlen + slash + rlen + 1 > cw->dpath_cap) {
		cw->dpath_cap = dlen + rlen + 64;
		cw->dpath = xrealloc(cw->dpath, cw->dpath_cap);
	}
	memcpy(cw->dpath, cw->dst, dlen);
	if (slash)
		cw->dpath[dlen++] = '/';
	memcpy(cw->dpath + dlen, rest, rlen + 1);
	return cw->dpath;
}

static struct copy_dir *dir_at(struct copy_walk *cw, int depth)
{
	if ((size_t)depth >= cw->ndirs) {
		cw->ndirs = 2 * depth + 16;
		cw->dirs = xrealloc(cw->dirs, cw->ndirs * sizeof(*cw->dirs));
	}
	return &cw->dirs[depth];
}

static const char *find_link(struct copier *c, const struct stat *st)
{
	for (size_t i = 0; i < c->nlinks; i++)
		if (c->links[i].ino == st->st_ino && c->links[i].dev == st->st_dev)
			return c->links[i].dest;
	return NULL;
}

static void add_link(struct copier *c, const struct stat *st, const char *dest)
{
	if (c->nlinks % 64 == 0)
		c->links = xrealloc(c->links, (c->nlinks + 64) * sizeof(*c->links));
	c->links[c->nlinks++] = (struct copy_link){ st->st_dev, st->st_ino, xstrdup(dest) };
}

void copier_free(struct copier *c)
{
	for (size_t i = 0; i < c->nlinks; i++)
		free(c->links[i].dest);
	free(c->links);
	c->links = NULL;
	c->nlinks = 0;
}

/* Ownership, mode and times of dest (not followed) from st, as c->flags ask. fd is an
 * open descriptor of dest or -1. Failing to give away a file is no error unless asked. */
static void set_attrs(struct copier *c, int fd, const char *dest, const struct stat *st,
		      bool created)
{
	bool link = S_ISLNK(st->st_mode), chmod_it = !link &&
		((c->flags & CP_PRESERVE_MODE) || created);
	mode_t mode = st->st_mode & 07777;
	struct stat cur;
	/* what needs no change is left alone: chown and chmod cost inode writes */
	bool have = ((c->flags & CP_PRESERVE_OWNER) || chmod_it) &&
		(fd >= 0 ? fstat(fd, &cur) : lstat(dest, &cur)) == 0;

	if ((c->flags & CP_PRESERVE_OWNER) &&
	    !(have && cur.st_uid == st->st_uid && cur.st_gid == st->st_gid)) {
		int r = fd >= 0 ? fchown(fd, st->st_uid, st->st_gid) :
			lchown(dest, st->st_uid, st->st_gid);
		have = false;	/* a chown may have cleared set-id bits */
		if (r < 0) {
			if (errno != EPERM && errno != EINVAL) {
				bb_perror_msg("failed to preserve ownership for '%s'", dest);
				copy_fail(c);
			}
			mode &= ~(S_ISUID | S_ISGID);
		}
	}
	if (chmod_it) {
		if (!(c->flags & CP_PRESERVE_MODE))
			mode &= ~c->umask & 0777;
		if (!(have && (cur.st_mode & 07777) == mode) &&
		    (fd >= 0 ? fchmod(fd, mode) : chmod(dest, mode)) < 0) {
			bb_perror_msg("preserving permissions for '%s'", dest);
			copy_fail(c);
		}
	}
	if (c->flags & CP_PRESERVE_TIME) {
		struct timespec ts[2] = { st->st_atim, st->st_mtim };
		if ((fd >= 0 ? futimens(fd, ts) :
		     utimensat(AT_FDCWD, dest, ts, AT_SYMLINK_NOFOLLOW)) < 0) {
			bb_perror_msg("preserving times for '%s'", dest);
			copy_fail(c);
		}
	}
}

/* Copy len bytes at off (to EOF if len < 0) with copy_file_range, or pread/pwrite
 * where the kernel cannot. Returns 0, or -1 with errno and *wr set for a write error. */
static int copy_range(struct copier *c, int sfd, int dfd, off_t off, off_t len, bool *wr)
{
	char *buf = NULL;
	int ret = 0;

	while (len != 0) {
		size_t want = len < 0 || len > (off_t)(1 << 30) ? (size_t)1 << 30 : (size_t)len;
		ssize_t n;

		if (!c->no_cfr) {
			off_t in = off, out = off;
			n = copy_file_range(sfd, &in, dfd, &out, want, 0);
			if (n < 0 && (errno == EXDEV || errno == EINVAL || errno == ENOSYS ||
				      errno == EOPNOTSUPP || errno == EBADF || errno == EPERM)) {
				c->no_cfr = true;
				continue;
			}
			if (n < 0) {
				*wr = errno == ENOSPC || errno == EDQUOT || errno == EFBIG;
				ret = -1;
				break;
			}
		} else {
			if (!buf)
				buf = xmalloc(COPY_BUFSIZE);
			n = pread(sfd, buf, want < COPY_BUFSIZE ? want : COPY_BUFSIZE, off);
			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0) {
				ret = -1;
				break;
			}
			for (ssize_t done = 0; done < n;) {
				ssize_t w = pwrite(dfd, buf + done, n - done, off + done);
				if (w < 0 && errno == EINTR)
					continue;
				if (w < 0) {
					*wr = true;
					ret = -1;
					goto out;
				}
				done += w;
			}
		}
		if (n == 0)
			break;
		off += n;
		if (len > 0)
			len -= n;
	}
out:
	free(buf);
	return ret;
}

/* A sparse regular file: copy only its data, leaving holes as holes. */
static int copy_sparse(struct copier *c, int sfd, int dfd, off_t size, bool *wr)
{
	off_t data = 0, hole;

	while (data < size) {
		data = lseek(sfd, data, SEEK_DATA);
		if (data < 0) {
			if (errno == ENXIO)
				break;	/* only a hole is left */
			return copy_range(c, sfd, dfd, 0, -1, wr);
		}
		hole = lseek(sfd, data, SEEK_HOLE);
		if (hole < 0)
			hole = size;
		if (copy_range(c, sfd, dfd, data, hole - data, wr) < 0)
			return -1;
		data = hole;
	}
	if (ftruncate(dfd, size) < 0) {
		*wr = true;
		return -1;
	}
	return 0;
}

/* Anything that is not a regular file: read until EOF. */
static int copy_stream(int sfd, int dfd, bool *wr)
{
	char *buf = xmalloc(COPY_BUFSIZE);
	ssize_t n;

	while ((n = safe_read(sfd, buf, COPY_BUFSIZE)) > 0) {
		if (full_write(dfd, buf, n) != n) {
			*wr = true;
			break;
		}
	}
	free(buf);
	return n == 0 ? 0 : -1;
}

static int open_dest(struct copier *c, const char *dest, const struct stat *st, bool exists)
{
	mode_t mode = st->st_mode & 0777;
	int fd;

	fd = open(dest, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
	if (fd < 0 && exists && (c->flags & CP_FORCE) && unlink(dest) == 0) {
		exists = false;
		fd = open(dest, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
	}
	if (fd < 0) {
		if (exists)
			bb_perror_msg("cannot open '%s' for writing", dest);
		else
			bb_perror_msg("cannot create regular file '%s'", dest);
	}
	return fd;
}

static int copy_regular(struct copier *c, struct walk *w, const char *dest, bool exists,
			bool follow)
{
	int sfd, dfd, r;
	bool wr = false;
	struct stat st;

	sfd = openat(w->dirfd, w->name, O_RDONLY | O_CLOEXEC | (follow ? 0 : O_NOFOLLOW));
	if (sfd < 0 || fstat(sfd, &st) < 0) {
		bb_perror_msg("cannot open '%s' for reading", w->path);
		if (sfd >= 0)
			close(sfd);
		return -1;
	}
	dfd = open_dest(c, dest, &st, exists);
	if (dfd < 0) {
		close(sfd);
		return -1;
	}
	if (!S_ISREG(st.st_mode))
		r = copy_stream(sfd, dfd, &wr);
	else if (st.st_size > 0 && (off_t)st.st_blocks * 512 < st.st_size)
		r = copy_sparse(c, sfd, dfd, st.st_size, &wr);
	else
		r = copy_range(c, sfd, dfd, 0, -1, &wr);
	if (r < 0)
		bb_perror_msg(wr ? "error writing '%s'" : "error reading '%s'",
			      wr ? dest : w->path);
	close(sfd);
	if (r == 0)
		set_attrs(c, dfd, dest, &st, false);	/* open() applied the umask */
	if (close(dfd) < 0 && r == 0) {
		bb_perror_msg("error writing '%s'", dest);
		r = -1;
	}
	return r;
}

/* Make dest the same kind of non-regular file as w (symlink, fifo, device, socket). */
static int copy_special(struct copier *c, struct walk *w, const char *dest)
{
	const struct stat *st = &w->st;

	if (S_ISLNK(st->st_mode)) {
		size_t cap = st->st_size > 0 ? (size_t)st->st_size + 1 : 256;
		char *target;
		ssize_t n;

		for (;;) {
			target = xmalloc(cap);
			n = readlinkat(w->dirfd, w->name, target, cap);
			if (n < 0 || (size_t)n < cap)
				break;
			free(target);
			cap *= 2;
		}
		if (n < 0) {
			bb_perror_msg("cannot read symbolic link '%s'", w->path);
			free(target);
			return -1;
		}
		target[n] = 0;
		n = symlink(target, dest);
		free(target);
		if (n < 0) {
			bb_perror_msg("cannot create symbolic link '%s'", dest);
			return -1;
		}
	} else if (mknod(dest, st->st_mode & (S_IFMT | 0777), st->st_rdev) < 0) {
		bb_perror_msg(S_ISFIFO(st->st_mode) ? "cannot create fifo '%s'" :
			      "cannot create special file '%s'", dest);
		return -1;
	}
	set_attrs(c, -1, dest, st, false);
	return 0;
}

static void say_copied(struct copier *c, const char *src, const char *dest, bool dir)
{
	if (!(c->flags & CP_VERBOSE))
		return;
	if (!(c->flags & CP_MOVE))
		printf("'%s' -> '%s'\n", src, dest);
	else if (dir)
		printf("created directory '%s'\n", dest);
	else
		printf("copied '%s' -> '%s'\n", src, dest);
}

/* Link or symlink dest to the source, as cp -l and cp -s do. */
static int make_link(struct copier *c, struct walk *w, const char *dest, bool exists)
{
	bool sym = c->flags & CP_SYMLINK;

	for (;;) {
		int r = sym ? symlink(w->path, dest) :
			linkat(w->dirfd, w->name, AT_FDCWD, dest, 0);
		if (r == 0)
			return 0;
		if (errno != EEXIST || !exists || !(c->flags & CP_FORCE) ||
		    unlink(dest) < 0)
			break;
		exists = false;
	}
	if (sym)
		bb_perror_msg("cannot create symbolic link '%s' to '%s'", dest, w->path);
	else
		bb_perror_msg("cannot create hard link '%s' to '%s'", dest, w->path);
	return -1;
}

/* Decide about an existing destination: 1 to go on, 0 to skip, -1 for an error. */
static int existing_dest(struct copier *c, struct walk *w, const char *dest,
			 const struct stat *dst)
{
	struct stat followed;

	if (!(c->flags & CP_SYMLINK) &&
	    ((dst->st_dev == w->st.st_dev && dst->st_ino == w->st.st_ino) ||
	     (S_ISLNK(dst->st_mode) && !S_ISLNK(w->st.st_mode) && stat(dest, &followed) == 0 &&
	      followed.st_dev == w->st.st_dev && followed.st_ino == w->st.st_ino))) {
		if (c->flags & CP_HARDLINK)
			return 0;	/* already the link asked for */
		bb_error_msg("'%s' and '%s' are the same file", w->path, dest);
		return -1;
	}
	if (S_ISDIR(dst->st_mode)) {
		bb_error_msg("cannot overwrite directory '%s' with non-directory", dest);
		return -1;
	}
	if (c->flags & CP_NO_CLOBBER)
		return 0;
	if ((c->flags & CP_UPDATE) && (dst->st_mtim.tv_sec > w->st.st_mtim.tv_sec ||
				       (dst->st_mtim.tv_sec == w->st.st_mtim.tv_sec &&
					dst->st_mtim.tv_nsec >= w->st.st_mtim.tv_nsec)))
		return 0;
	if ((c->flags & CP_INTERACTIVE) && !bb_ask("overwrite '%s'? ", dest))
		return 0;
	return 1;
}

static int copy_file(struct copy_walk *cw, struct walk *w, bool follow)
{
	struct copier *c = cw->c;
	const char *dest = dest_of(cw, w->path), *prev;
	struct stat dst;
	bool exists = lstat(dest, &dst) == 0;
	bool linked = (c->flags & CP_PRESERVE_LINKS) && w->st.st_nlink > 1;
	int r;

	if (exists) {
		r = existing_dest(c, w, dest, &dst);
		if (r <= 0)
			return r;
	}
	if (c->flags & (CP_HARDLINK | CP_SYMLINK)) {
		r = make_link(c, w, dest, exists);
	} else if (linked && (prev = find_link(c, &w->st)) != NULL) {
		if (exists)
			unlink(dest);
		r = link(prev, dest);
		if (r < 0)
			bb_perror_msg("cannot create hard link '%s' to '%s'", dest, prev);
	} else if (S_ISREG(w->st.st_mode) ||
		   (!(c->flags & CP_RECURSIVE) && !S_ISLNK(w->st.st_mode))) {
		r = copy_regular(c, w, dest, exists, follow);
	} else {
		if (exists && unlink(dest) < 0) {
			bb_perror_msg("cannot remove '%s'", dest);
			return -1;
		}
		r = copy_special(c, w, dest);
	}
	if (r == 0 && linked && !find_link(c, &w->st))
		add_link(c, &w->st, dest);
	if (r == 0)
		say_copied(c, w->path, dest, false);
	return r;
}

static int copy_dir_pre(struct copy_walk *cw, struct walk *w)
{
	struct copier *c = cw->c;
	struct copy_dir *d;
	const char *dest;
	struct stat dst;

	if (!(c->flags & CP_RECURSIVE)) {
		bb_error_msg("-r not specified; omitting directory '%s'", w->path);
		return -1;
	}
	if (cw->root_known && w->st.st_dev == cw->root_dev && w->st.st_ino == cw->root_ino) {
		bb_error_msg("cannot copy a directory, '%s', into itself, '%s'", cw->src, cw->dst);
		return -1;
	}
	dest = dest_of(cw, w->path);
	d = dir_at(cw, w->depth);
	d->created = false;
	if (stat(dest, &dst) == 0) {
		if (!S_ISDIR(dst.st_mode)) {
			bb_error_msg("cannot overwrite non-directory '%s' with directory '%s'",
				     dest, w->path);
			return -1;
		}
	} else if (mkdir(dest, (w->st.st_mode & 0777) | S_IRWXU) < 0 || stat(dest, &dst) < 0) {
		bb_perror_msg("cannot create directory '%s'", dest);
		return -1;
	} else {
		d->created = true;
		say_copied(c, w->path, dest, true);
	}
	if (w->depth == 0) {
		cw->root_known = true;
		cw->root_dev = dst.st_dev;
		cw->root_ino = dst.st_ino;
	}
	return 0;
}

static int copy_visit(struct walk *w)
{
	struct copy_walk *cw = w->arg;
	struct copier *c = cw->c;
	bool follow = (c->flags & CP_DEREF) || (w->depth == 0 && (c->flags & CP_DEREF_ARGS));

	switch (w->kind) {
	case WALK_ERROR:
		errno = w->err;
		if (w->err == ELOOP && S_ISDIR(w->st.st_mode))
			bb_error_msg("'%s': directory causes a cycle", w->path);
		else if (S_ISDIR(w->st.st_mode))
			bb_perror_msg("cannot open directory '%s'", w->path);
		else
			bb_perror_msg("cannot stat '%s'", w->path);
		break;
	case WALK_DIR_PRE:
		if (copy_dir_pre(cw, w) == 0)
			return WALK_CONTINUE;
		break;
	case WALK_DIR_POST:
		set_attrs(c, -1, dest_of(cw, w->path), &w->st, dir_at(cw, w->depth)->created);
		return WALK_CONTINUE;
	default:
		if (follow && S_ISLNK(w->st.st_mode)) {
			/* dangling: the walker reported the link itself */
			errno = ENOENT;
			bb_perror_msg("cannot stat '%s'", w->path);
			break;
		}
		if (copy_file(cw, w, follow) >= 0)
			return WALK_CONTINUE;
		break;
	}
	copy_fail(c);
	return WALK_SKIP;
}

int copy_path(struct copier *c, const char *src, const char *dst)
{
	struct copy_walk cw = { .c = c, .src = src, .dst = dst, .srclen = strlen(src) };
	unsigned wflags = WALK_POSTORDER;
	int before = c->status, r;

	if (!c->umask_known) {
		c->umask = umask(0);
		umask(c->umask);
		c->umask_known = true;
	}
	if (c->flags & CP_DEREF)
		wflags |= WALK_FOLLOW_ALL;
	else if (c->flags & CP_DEREF_ARGS)
		wflags |= WALK_FOLLOW_ARGS;
	c->status = 0;
	walk_tree(src, wflags, copy_visit, &cw);
	free(cw.dpath);
	free(cw.dirs);
	r = c->status;
	if (before)
		c->status = before;
	return r;
}
