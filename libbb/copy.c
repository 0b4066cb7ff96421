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
