/* realpath.c: canonical file names for readlink -f/-e/-m and realpath, logical or
 * physical, with or without symlinks expanded; relative names between them. */
#include "libbb.h"

enum { MAX_LINKS = 40 };	/* as the kernel's limit: more is a loop */

char *xmalloc_readlink(const char *path)
{
	size_t cap = 128;
	char *buf = NULL;

	for (;;) {
		ssize_t n;
		buf = xrealloc(buf, cap);
		n = readlink(path, buf, cap);
		if (n < 0) {
			int err = errno;
			free(buf);
			errno = err;
			return NULL;
		}
		if ((size_t)n < cap) {
			buf[n] = '\0';
			return buf;
		}
		cap *= 2;
	}
}

struct canon {
	char *res;		/* resolved so far: "" is the root, else "/a/b" */
	size_t len, cap;
	char *rest;		/* what is left to resolve (malloced) */
};

static void push(struct canon *c, const char *name, size_t n)
{
	if (c->len + n + 2 > c->cap) {
		c->cap = (c->len + n + 2) * 2;
		c->res = xrealloc(c->res, c->cap);
	}
	c->res[c->len++] = '/';
	memcpy(c->res + c->len, name, n);
	c->len += n;
	c->res[c->len] = '\0';
}

static void pop(struct canon *c)
{
	while (c->len && c->res[--c->len] != '/')
		continue;
	c->res[c->len] = '\0';
}

/* Replace the rest by the link's target followed by what came after the link. */
static int expand_link(struct canon *c, const char *after)
{
	char *target = xmalloc_readlink(c->res);
	char *rest;

	if (!target)
		return -1;
	rest = xasprintf("%s%s%s", target, *after ? "/" : "", after);
	free(c->rest);
	c->rest = rest;
	if (*target == '/')
		c->len = 0;
	else
		pop(c);
	c->res[c->len] = '\0';
	free(target);
	return 0;
}

/* path (followed) is a directory, else -1 with errno. */
static int need_dir(const char *path)
{
	struct stat st;

	if (stat(path, &st))
		return -1;
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return -1;
	}
	return 0;
}

/* Check (and with links, expand) the component just pushed; -1 with errno on failure. */
static int check(struct canon *c, unsigned mode, bool last, char **p, int *links)
{
	unsigned exist = mode & 3;
	struct stat st;

	if (lstat(c->res, &st)) {
		if (exist == CANON_MISSING)
			return 0;
		if (errno == ENOENT && exist == CANON_ALL_BUT_LAST && (last || (mode & CANON_NOLINKS)))
			return 0;
		return -1;
	}
	if (S_ISLNK(st.st_mode) && !(mode & CANON_NOLINKS)) {
		size_t off = *p - c->rest;
		if (++*links > MAX_LINKS) {
			if (exist == CANON_MISSING)
				return 0;	/* a loop: as if the link were a file */
			errno = ELOOP;
			return -1;
		}
		if (expand_link(c, c->rest + off))
			return exist == CANON_MISSING ? 0 : -1;
		*p = c->rest;
		return 0;
	}
	if (exist == CANON_MISSING)
		return 0;
	if (last && **p == '/')	/* "name/" */
		return need_dir(c->res) && (errno != ENOENT || exist == CANON_EXISTING) ? -1 : 0;
	if (S_ISLNK(st.st_mode) && last && stat(c->res, &st) &&
	    (errno != ENOENT || exist == CANON_EXISTING))
		return -1;	/* unexpanded: the last link must lead somewhere */
	if (!last && !S_ISDIR(st.st_mode) && !S_ISLNK(st.st_mode)) {
		errno = ENOTDIR;
		return -1;
	}
	return 0;
}

static char *canonicalize(const char *path, unsigned mode)
{
	struct canon c = { xmalloc(64), 0, 64, NULL };
	int links = 0;
	char *p;

	c.res[0] = '\0';
	if (*path == '/') {
		c.rest = xstrdup(path);
	} else {
		char *cwd = xmalloc_getcwd();
		if (!cwd)
			goto fail;
		c.rest = xasprintf("%s/%s", cwd, path);
		free(cwd);
	}
	p = c.rest;
	while (*p) {
		size_t n;
		bool last;

		p += strspn(p, "/");
		n = strcspn(p, "/");
		if (n == 0)
			break;
		if (n <= 2 && p[0] == '.' && (n == 1 || p[1] == '.')) {
			/* unexpanded links: what "." or ".." follows must be a directory */
			if (c.len && (mode & CANON_NOLINKS) && (mode & 3) != CANON_MISSING &&
			    need_dir(c.res))
				goto fail;
			if (n == 2)
				pop(&c);
			p += n;
			continue;
		}
		push(&c, p, n);
		p += n;
		last = p[strspn(p, "/")] == '\0';
		if (!((mode & 3) == CANON_MISSING && (mode & CANON_NOLINKS)) &&
		    check(&c, mode, last, &p, &links))
			goto fail;
	}
	free(c.rest);
	if (c.len == 0)
		strcpy(c.res, "/");
	return c.res;
fail:
	{
		int err = errno;
		free(c.rest);
		free(c.res);
		errno = err;
		return NULL;
	}
}

char *xmalloc_canonicalize(const char *path, unsigned mode)
{
	char *lexical, *res;

	if (!*path) {
		errno = ENOENT;
		return NULL;
	}
	if (!(mode & CANON_LOGICAL))
		return canonicalize(path, mode);
	/* -L: ".." takes away the previous name before any symlink is expanded */
	lexical = canonicalize(path, (mode & 3) | CANON_NOLINKS);
	if (!lexical)
		return NULL;
	res = canonicalize(lexical, mode & ~CANON_LOGICAL);
	free(lexical);
	return res;
}

bool path_is_under(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	if (n == 1 && *dir == '/')
		return true;
	return !strncmp(path, dir, n) && (path[n] == '/' || path[n] == '\0');
}

char *xmalloc_relative_path(const char *path, const char *dir)
{
	size_t common = 0, i, ups = 0;
	char *res, *q;

	/* the longest common prefix that ends at a component boundary of both */
	for (i = 0;; i++) {
		bool pend = path[i] == '/' || path[i] == '\0';
		bool dend = dir[i] == '/' || dir[i] == '\0';
		if (pend && dend)
			common = i;
		if (path[i] != dir[i] || !path[i])
			break;
	}
	for (i = common; dir[i]; i++)
		if (dir[i] == '/' && dir[i + 1])
			ups++;
	path += common;
	path += *path == '/';
	res = q = xmalloc(ups * 3 + strlen(path) + 2);
	while (ups--) {
		memcpy(q, "../", 3);
		q += 3;
	}
	strcpy(q, path);
	if (q > res && !*path)
		q[-1] = '\0';	/* no trailing slash */
	if (!*res)
		strcpy(res, ".");
	return res;
}
