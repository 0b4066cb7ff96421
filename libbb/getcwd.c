/* getcwd.c: the current directory's name, however long. */
#include "libbb.h"

/* Prepend "/name" of dir fd's entry in its parent; returns the parent's fd or -1.
 * For names longer than the kernel's getcwd() limit (a page), which musl's getcwd()
 * cannot go beyond, as glibc's can. */
static int prepend_name(int fd, char **path, size_t *len)
{
	struct stat self, parent, st;
	int up = openat(fd, "..", O_RDONLY | O_DIRECTORY);
	DIR *dir;
	struct dirent *d;

	if (up < 0 || fstat(fd, &self) || fstat(up, &parent))
		goto fail;
	if (self.st_dev == parent.st_dev && self.st_ino == parent.st_ino) {
		close(up);
		return -2;	/* the root */
	}
	dir = fdopendir(dup(up));
	if (!dir)
		goto fail;
	while ((d = readdir(dir))) {
		size_t n = strlen(d->d_name);
		if (d->d_ino != self.st_ino || fstatat(up, d->d_name, &st, AT_SYMLINK_NOFOLLOW) ||
		    st.st_dev != self.st_dev || st.st_ino != self.st_ino)
			continue;
		*path = xrealloc(*path, *len + n + 2);
		memmove(*path + n + 1, *path, *len + 1);
		(*path)[0] = '/';
		memcpy(*path + 1, d->d_name, n);
		*len += n + 1;
		closedir(dir);
		return up;
	}
	closedir(dir);
	errno = ENOENT;
fail:
	if (up >= 0)
		close(up);
	return -1;
}

/* Walk up through ".." from the current directory; returns 0 or -1 with errno. */
static int walk_up(char **path, size_t *len)
{
	int fd = open(".", O_RDONLY | O_DIRECTORY), next = -1, err;

	**path = 0;
	while (fd >= 0 && (next = prepend_name(fd, path, len)) >= 0) {
		close(fd);
		fd = next;
	}
	err = errno;
	if (fd >= 0)
		close(fd);
	errno = err;
	return next == -2 ? 0 : -1;
}

char *xmalloc_getcwd(void)
{
	size_t size = PATH_MAX, len = 0;
	char *path = xmalloc(size);
	int err;

	while (!getcwd(path, size)) {
		if (errno == ERANGE) {
			size *= 2;
			path = xrealloc(path, size);
			continue;
		}
		/* too long for the kernel, and the libc does not walk up itself (musl) */
		if (errno == ENAMETOOLONG && walk_up(&path, &len) == 0)
			return path;
		err = errno;
		free(path);
		errno = err;
		return NULL;
	}
	return path;
}
