/* walk.c: walk_tree(), the depth-first directory walker behind cp -r, rm -r, du, find,
 * chmod -R, chown -R and ls -R.
 *
 * No recursion: one frame per directory being walked, on an explicit stack. When a
 * directory is entered all its entries are read into memory (one buffer shared by every
 * frame and used as a stack too) and its DIR is closed at once; the frame keeps only an
 * O_DIRECTORY fd. Only the deepest WALK_FDS frames keep that fd: shallower ones are closed
 * on the way down and reopened on the way up through "..", and the reopened directory must
 * have the device and inode recorded on entry, so a directory moved during the walk is
 * never taken for the one we left. Everything is done relative to directory fds, which
 * leaves depth and path length unbounded.
 */
#include "libbb.h"

enum { WALK_FDS = 16 };	/* directory fds kept open, whatever the depth */

struct frame {
	size_t next;		/* offset of the next entry to visit in walker.names */
	size_t end;		/* end of this directory's entries: [d_type][name]\0 ... */
	size_t pathlen;		/* length of this directory's path in walker.path */
	size_t nameoff;		/* where its last component starts there */
	dev_t dev;
	ino_t ino;
	int fd;			/* -1 while closed to bound the open fds */
	int hnext;		/* next frame in the same loop-check bucket, or -1 */
	bool pinned;		/* its child was entered through a symlink: that child's ".."
				 * is elsewhere, so this fd must stay open */
};

struct walker {
	struct walk w;
	int (*fn)(struct walk *w);
	unsigned flags;
	const char *start;
	dev_t dev;		/* of the starting point, for WALK_XDEV */
	bool have_stat;		/* w.st is complete, not only the type from d_type */
	struct frame *frames;
	int top;		/* index of the deepest frame, -1 when none */
	size_t frames_cap;	/* in bytes, as the other capacities */
	char *names;
	size_t names_cap;
	char *path;
	size_t path_cap, pathlen, nameoff;
	int *buckets;		/* WALK_FOLLOW_ALL: the frames by dev/ino, to detect loops */
	unsigned nbuckets;
};

static void *grow(void *buf, size_t *cap, size_t need)
{
	if (need > *cap) {
		*cap += need + 256;
		buf = xrealloc(buf, *cap);
	}
	return buf;
}

static int call(struct walker *W, enum walk_kind kind, int err)
{
	int r;

	W->w.kind = kind;
	W->w.err = err;
	W->w.path = W->path;
	r = W->fn(&W->w);
	return r == WALK_SKIP && kind == WALK_DIR_PRE ? WALK_SKIP :
		r == WALK_STOP ? WALK_STOP : WALK_CONTINUE;
}

/* ---- loop detection: a hash of the frames' dev/ino, chained through the frames ---- */

static unsigned bucket(const struct walker *W, dev_t dev, ino_t ino)
{
	return ((unsigned)ino * 2654435761u ^ (unsigned)dev) & (W->nbuckets - 1);
}

/* Frames leave in the reverse order they came, so a leaving frame heads its chain. */
static void hash_add(struct walker *W, int i)
{
	struct frame *f = &W->frames[i];
	unsigned b = bucket(W, f->dev, f->ino);

	f->hnext = W->buckets[b];
	W->buckets[b] = i;
}

static void hash_del(struct walker *W, int i)
{
	W->buckets[bucket(W, W->frames[i].dev, W->frames[i].ino)] = W->frames[i].hnext;
}

static void hash_push(struct walker *W)
{
	if ((unsigned)W->top >= W->nbuckets) {
		W->nbuckets = W->nbuckets ? 2 * W->nbuckets : 64;
		W->buckets = xrealloc(W->buckets, W->nbuckets * sizeof(int));
		memset(W->buckets, 0xff, W->nbuckets * sizeof(int));
		for (int i = 0; i < W->top; i++)
			hash_add(W, i);
	}
	hash_add(W, W->top);
}

static bool is_ancestor(const struct walker *W, dev_t dev, ino_t ino)
{
	if (!W->nbuckets)
		return false;
	for (int i = W->buckets[bucket(W, dev, ino)]; i >= 0; i = W->frames[i].hnext)
		if (W->frames[i].dev == dev && W->frames[i].ino == ino)
			return true;
	return false;
}

/* ---- the stack of directories ---- */

static void close_frame(struct frame *f)
{
	if (f->fd >= 0 && !f->pinned) {
		close(f->fd);
		f->fd = -1;
	}
}

/* Read all entries of the directory open on fd to the names buffer, from offset at.
 * Returns 0 with *end set, or an errno. */
static int read_entries(struct walker *W, int fd, size_t at, size_t *end)
{
	struct dirent *de;
	DIR *dir;
	int dupfd = fcntl(fd, F_DUPFD_CLOEXEC, 0), err;

	if (dupfd < 0)
		return errno;
	dir = fdopendir(dupfd);
	if (!dir) {
		err = errno;
		close(dupfd);
		return err;
	}
	for (;;) {
		size_t len;

		errno = 0;
		de = readdir(dir);
		if (!de)
			break;
		if (de->d_name[0] == '.' && (!de->d_name[1] ||
					     (de->d_name[1] == '.' && !de->d_name[2])))
			continue;
		len = strlen(de->d_name) + 1;
		W->names = grow(W->names, &W->names_cap, at + 1 + len);
		W->names[at] = de->d_type;
		memcpy(W->names + at + 1, de->d_name, len);
		at += 1 + len;
	}
	err = errno;
	closedir(dir);
	*end = at;
	return err;
}

static void push(struct walker *W, int fd, const struct stat *st, size_t start, size_t end)
{
	int t = ++W->top;

	W->frames = grow(W->frames, &W->frames_cap, (t + 1) * sizeof(struct frame));
	W->frames[t] = (struct frame){
		.next = start, .end = end, .pathlen = W->pathlen, .nameoff = W->nameoff,
		.dev = st->st_dev, .ino = st->st_ino, .fd = fd, .hnext = -1,
	};
	if (t >= WALK_FDS)
		close_frame(&W->frames[t - WALK_FDS]);
	if (!(W->flags & WALK_FOLLOW_ALL))
		return;
	if (t > 0) {
		struct frame *parent = &W->frames[t - 1];
		struct stat up;

		parent->pinned = fstatat(fd, "..", &up, 0) < 0 || up.st_dev != parent->dev ||
			up.st_ino != parent->ino;
	}
	hash_push(W);
}

/* Reopen the closed parent of the deepest frame through "..", and make sure it is still
 * the directory we came from. */
static int reopen_parent(struct walker *W)
{
	struct frame *f = &W->frames[W->top], *p = f - 1;
	struct stat st;
	int fd = openat(f->fd, "..", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC), err;

	if (fd >= 0 && fstat(fd, &st) == 0 && st.st_dev == p->dev && st.st_ino == p->ino) {
		p->fd = fd;
		return 0;
	}
	err = fd < 0 ? errno : ESTALE;
	if (fd >= 0)
		close(fd);
	/* the directory that cannot be reopened: its dirfd is -1 if its parent is closed too */
	W->path[p->pathlen] = 0;
	W->w.name = W->top > 1 ? W->path + p->nameoff : W->start;
	W->w.dirfd = W->top > 1 ? p[-1].fd : AT_FDCWD;
	W->w.depth = W->top - 1;
	memset(&W->w.st, 0, sizeof(W->w.st));
	W->w.st.st_mode = S_IFDIR;
	call(W, WALK_ERROR, err);
	return -1;
}

/* All entries of the deepest directory were visited: go back up to its parent. */
static int leave(struct walker *W)
{
	struct walk *w = &W->w;
	int t = W->top;
	struct frame *f = &W->frames[t];
	bool post = W->flags & WALK_POSTORDER;

	if (t > 0 && f[-1].fd < 0 && reopen_parent(W) < 0)
		return WALK_STOP;
	if (post && ((W->flags & WALK_NOSTAT) || fstat(f->fd, &w->st) < 0)) {
		memset(&w->st, 0, sizeof(w->st));
		w->st.st_mode = S_IFDIR;
	}
	if (W->flags & WALK_FOLLOW_ALL)
		hash_del(W, t);
	close(f->fd);
	W->top--;
	if (t > 0)
		f[-1].pinned = false;
	if (!post)
		return WALK_CONTINUE;
	W->path[f->pathlen] = 0;
	w->name = t ? W->path + f->nameoff : W->start;
	w->dirfd = t ? f[-1].fd : AT_FDCWD;
	w->depth = t;
	return call(W, WALK_DIR_POST, 0);
}

/* ---- visiting one entry ---- */

/* Fill w->st for w->name, from d_type alone when WALK_NOSTAT allows it. */
static int stat_entry(struct walker *W, int d_type, bool follow)
{
	struct walk *w = &W->w;

	W->have_stat = !(W->flags & WALK_NOSTAT) || d_type == DT_UNKNOWN ||
		(follow && (d_type == DT_LNK || d_type == DT_DIR));
	if (!W->have_stat) {
		memset(&w->st, 0, sizeof(w->st));
		w->st.st_mode = DTTOIF(d_type);
		return 0;
	}
	if (fstatat(w->dirfd, w->name, &w->st, follow ? 0 : AT_SYMLINK_NOFOLLOW) == 0)
		return 0;
	/* a dangling symlink is reported as itself, as find -L does */
	if (follow && errno == ENOENT &&
	    fstatat(w->dirfd, w->name, &w->st, AT_SYMLINK_NOFOLLOW) == 0)
		return 0;
	memset(&w->st, 0, sizeof(w->st));
	return -1;
}

/* A mount point is reported, its contents are not (find -xdev). */
static int other_fs(struct walker *W)
{
	return W->flags & WALK_POSTORDER ? call(W, WALK_DIR_POST, 0) : WALK_CONTINUE;
}

/* The directory w describes was announced: open it, read it and push its frame. */
static int enter(struct walker *W, bool follow)
{
	struct walk *w = &W->w;
	size_t start = W->top >= 0 ? W->frames[W->top].end : 0, end = start;
	struct stat st;
	int fd, err = 0;

	if ((W->flags & WALK_XDEV) && W->have_stat && w->st.st_dev != W->dev)
		return other_fs(W);
	fd = openat(w->dirfd, w->name,
		    O_RDONLY | O_DIRECTORY | O_CLOEXEC | (follow ? 0 : O_NOFOLLOW));
	if (fd < 0)
		return call(W, WALK_ERROR, errno);
	if (fstat(fd, &st) < 0)
		err = errno;
	else if (W->have_stat && (st.st_dev != w->st.st_dev || st.st_ino != w->st.st_ino))
		err = ESTALE;	/* replaced since it was announced */
	if (!err && (W->flags & WALK_XDEV) && st.st_dev != W->dev) {
		close(fd);
		return other_fs(W);
	}
	if (!err)
		err = read_entries(W, fd, start, &end);
	if (err) {
		close(fd);
		return call(W, WALK_ERROR, err);
	}
	push(W, fd, &st, start, end);
	return WALK_CONTINUE;
}

/* w->st was filled: call back, and go into a directory. */
static int visit(struct walker *W, bool follow)
{
	struct walk *w = &W->w;
	int r;

	if (!S_ISDIR(w->st.st_mode))
		return call(W, WALK_FILE, 0);
	if ((W->flags & WALK_FOLLOW_ALL) && is_ancestor(W, w->st.st_dev, w->st.st_ino))
		return call(W, WALK_ERROR, ELOOP);
	r = call(W, WALK_DIR_PRE, 0);
	if (r != WALK_CONTINUE)
		return r == WALK_STOP ? WALK_STOP : WALK_CONTINUE;
	return enter(W, follow);
}

/* Visit the next entry of the deepest directory, or leave it. */
static int step(struct walker *W)
{
	struct walk *w = &W->w;
	struct frame *f = &W->frames[W->top];
	bool follow = W->flags & WALK_FOLLOW_ALL;
	const char *name;
	size_t len, dirlen = f->pathlen;
	int d_type;

	if (f->next == f->end)
		return leave(W);
	d_type = (unsigned char)W->names[f->next];
	name = W->names + f->next + 1;
	len = strlen(name);
	f->next += len + 2;
	W->path = grow(W->path, &W->path_cap, dirlen + 1 + len + 1);
	W->nameoff = dirlen;
	if (W->path[dirlen - 1] != '/')
		W->path[W->nameoff++] = '/';
	memcpy(W->path + W->nameoff, name, len + 1);
	W->pathlen = W->nameoff + len;
	w->name = W->path + W->nameoff;
	w->dirfd = f->fd;
	w->depth = W->top + 1;
	if (stat_entry(W, d_type, follow) < 0)
		return call(W, WALK_ERROR, errno);
	return visit(W, follow);
}

int walk_tree(const char *path, unsigned flags, int (*fn)(struct walk *w), void *arg)
{
	struct walker W = { .fn = fn, .flags = flags, .start = path, .top = -1 };
	bool follow = flags & (WALK_FOLLOW_ALL | WALK_FOLLOW_ARGS);
	int r;

	W.pathlen = strlen(path);
	W.path = grow(NULL, &W.path_cap, W.pathlen + 1);
	memcpy(W.path, path, W.pathlen + 1);
	W.w.name = path;
	W.w.dirfd = AT_FDCWD;
	W.w.arg = arg;
	if (stat_entry(&W, DT_UNKNOWN, follow) < 0) {
		r = call(&W, WALK_ERROR, errno);
	} else {
		W.dev = W.w.st.st_dev;
		r = visit(&W, follow);
	}
	while (r != WALK_STOP && W.top >= 0)
		r = step(&W);
	for (int i = 0; i <= W.top; i++)
		if (W.frames[i].fd >= 0)
			close(W.frames[i].fd);
	free(W.frames);
	free(W.names);
	free(W.path);
	free(W.buckets);
	return r == WALK_STOP ? -1 : 0;
}
