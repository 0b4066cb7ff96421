/* lines.h: fast line input and buffered output for the line filters (cut, uniq, paste,
 * comm, join). Static functions in a header, included by each applet file, as
 * tabstops.h: each applet keeps its own copy when the others are configured out.
 * Lines have any length and may hold NUL bytes; a line is valid until the next call. */
#ifndef LINES_H
#define LINES_H

enum { LINES_BUFSZ = 128 * 1024 };

struct lin {
	int fd;
	const char *name;	/* for messages; "-" is standard input */
	char *buf;
	size_t cap, start, end;
	bool eof;
	int err;		/* errno of a read error, reported by lin_close() */
	char delim;
};

struct lout {
	char *buf;
	size_t n;
};

/* Open name ("-" is standard input) or warn and return false. */
static inline bool lin_open(struct lin *l, const char *name, char delim)
{
	memset(l, 0, sizeof(*l));
	l->name = name;
	l->delim = delim;
	l->fd = open_or_warn_stdin(name);
	if (l->fd < 0)
		return false;
	l->cap = LINES_BUFSZ;
	l->buf = xmalloc(l->cap);
	return true;
}

/* The next line without its delimiter; false at the end (or after a read error).
 * *had_delim (may be NULL) tells whether the line ended with the delimiter. */
static inline bool lin_next(struct lin *l, char **p, size_t *len, bool *had_delim)
{
	for (;;) {
		char *s = l->buf + l->start;
		char *nl = memchr(s, l->delim, l->end - l->start);
		ssize_t n;

		if (nl || (l->eof && l->start < l->end)) {
			*p = s;
			*len = nl ? (size_t)(nl - s) : l->end - l->start;
			l->start = nl ? (size_t)(nl + 1 - l->buf) : l->end;
			if (had_delim)
				*had_delim = nl != NULL;
			return true;
		}
		if (l->eof)
			return false;
		if (l->start) {
			memmove(l->buf, s, l->end - l->start);
			l->end -= l->start;
			l->start = 0;
		}
		if (l->end == l->cap) {
			l->cap *= 2;
			l->buf = xrealloc(l->buf, l->cap);
		}
		n = safe_read(l->fd, l->buf + l->end, l->cap - l->end);
		if (n <= 0) {
			l->eof = true;
			if (n < 0)
				l->err = errno;
		} else {
			l->end += n;
		}
	}
}

/* Close (unless stdin) and free; returns -1 after reporting a read error. */
static inline int lin_close(struct lin *l)
{
	int err = l->err;

	if (l->fd > STDIN_FILENO)
		close(l->fd);
	free(l->buf);
	l->buf = NULL;
	if (!err)
		return 0;
	errno = err;
	bb_perror_msg("%s", l->name);
	return -1;
}

static inline void lout_flush(struct lout *o)
{
	xwrite(STDOUT_FILENO, o->buf, o->n);
	o->n = 0;
}

static inline void lout_put(struct lout *o, const void *p, size_t n)
{
	if (!o->buf)
		o->buf = xmalloc(LINES_BUFSZ);
	if (o->n + n > LINES_BUFSZ) {
		lout_flush(o);
		if (n > LINES_BUFSZ) {
			xwrite(STDOUT_FILENO, p, n);
			return;
		}
	}
	memcpy(o->buf + o->n, p, n);
	o->n += n;
}

static inline void lout_char(struct lout *o, char c)
{
	if (o->buf && o->n < LINES_BUFSZ)
		o->buf[o->n++] = c;
	else
		lout_put(o, &c, 1);
}

static inline void lout_done(struct lout *o)
{
	if (o->buf)
		lout_flush(o);
	free(o->buf);
	o->buf = NULL;
}

#endif
