/* io.c: reads and writes that survive EINTR and short transfers; opening files. */
#include "libbb.h"

ssize_t safe_read(int fd, void *buf, size_t count)
{
	ssize_t n;
	do
		n = read(fd, buf, count);
	while (n < 0 && errno == EINTR);
	return n;
}

ssize_t safe_write(int fd, const void *buf, size_t count)
{
	ssize_t n;
	do
		n = write(fd, buf, count);
	while (n < 0 && errno == EINTR);
	return n;
}

/* Returns the bytes read; fewer than count only at EOF. -1 if an error came first. */
ssize_t full_read(int fd, void *buf, size_t count)
{
	size_t total = 0;

	while (total < count) {
		ssize_t n = safe_read(fd, (char *)buf + total, count - total);
		if (n < 0)
			return total ? (ssize_t)total : -1;
		if (n == 0)
			break;
		total += n;
	}
	return total;
}

ssize_t full_write(int fd, const void *buf, size_t count)
{
	size_t total = 0;

	while (total < count) {
		ssize_t n = safe_write(fd, (const char *)buf + total, count - total);
		if (n < 0)
			return -1;
		total += n;
	}
	return total;
}

void xwrite(int fd, const void *buf, size_t count)
{
	if (full_write(fd, buf, count) < 0)
		bb_perror_msg_and_die("write error");
}

void xwrite_str(int fd, const char *s)
{
	xwrite(fd, s, strlen(s));
}

int xopen3(const char *path, int flags, mode_t mode)
{
	int fd = open(path, flags, mode);
	if (fd < 0)
		bb_perror_msg_and_die("can't open '%s'", path);
	return fd;
}

int xopen(const char *path, int flags)
{
	return xopen3(path, flags, 0666);
}

int open_or_warn(const char *path, int flags)
{
	int fd = open(path, flags, 0666);
	if (fd < 0)
		bb_perror_msg("%s", path);
	return fd;
}

int open_or_warn_stdin(const char *path)
{
	return strcmp(path, "-") ? open_or_warn(path, O_RDONLY) : STDIN_FILENO;
}

FILE *fopen_or_warn_stdin(const char *path)
{
	FILE *fp;

	if (!strcmp(path, "-"))
		return stdin;
	fp = fopen(path, "r");
	if (!fp)
		bb_perror_msg("%s", path);
	return fp;
}

FILE *xfopen(const char *path, const char *mode)
{
	FILE *fp = fopen(path, mode);
	if (!fp)
		bb_perror_msg_and_die("can't open '%s'", path);
	return fp;
}

int fclose_if_not_stdin(FILE *fp, const char *path)
{
	int err = ferror(fp);

	if (fp == stdin)
		clearerr(fp);
	else if (fclose(fp))
		err = 1;
	if (!err)
		return 0;
	bb_perror_msg("%s", path);
	return -1;
}

void xdup2(int from, int to)
{
	if (dup2(from, to) != to)
		bb_perror_msg_and_die("can't duplicate file descriptor");
}

off_t bb_copyfd_eof(int from, int to)
{
	char buf[64 * 1024];
	off_t total = 0;
	ssize_t n;

	while ((n = safe_read(from, buf, sizeof(buf))) > 0) {
		xwrite(to, buf, n);
		total += n;
	}
	return n < 0 ? -1 : total;
}

char *xmalloc_fgetline(FILE *fp)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n = getline(&line, &cap, fp);

	if (n < 0) {
		if (errno == ENOMEM)
			bb_error_msg_and_die("out of memory");
		free(line);
		return NULL;
	}
	if (n && line[n - 1] == '\n')
		line[n - 1] = 0;
	return line;
}
