/*== part of ash ==*/
/* input.c: where the parser's characters come from. A string, or an fd read in chunks;
 * an fd the shell shares with the commands it runs (a pipe or terminal on stdin) is read
 * one byte at a time so that nothing past the current command is consumed. Alias text
 * is pushed in front of the source. */
#include "sh.h"

void input_init_string(struct input *in, const char *s, size_t len)
{
	memset(in, 0, sizeof(*in));
	in->buf = xstrndup(s, len);
	in->len = len;
	in->fd = -1;
	in->lineno = 1;
}

void input_init_fd(struct input *in, int fd)
{
	memset(in, 0, sizeof(*in));
	in->fd = fd;
	in->lineno = 1;
	/* stdin that cannot seek back: take no more than we use */
	in->byte_at_a_time = fd == STDIN_FILENO && lseek(fd, 0, SEEK_CUR) < 0;
}

void input_free(struct input *in)
{
	while (in->pushed) {
		struct pushed_text *p = in->pushed;
		in->pushed = p->next;
		free(p->text);
		free(p->alias);
		free(p);
	}
	free(in->buf);
	in->buf = NULL;
}

static bool input_fill(struct input *in)
{
	ssize_t n;
	size_t want = in->byte_at_a_time ? 1 : 4096;

	if (in->fd < 0 || in->eof)
		return false;
	if (in->prompt && (in->len == 0 || in->buf[in->len - 1] == '\n'))
		in->prompt(in, in->pos != 0);
	if (in->pos == in->len)
		in->pos = in->len = 0;
	if (in->cap - in->len < want + 1) {
		in->cap = in->len + want + 4096;
		in->buf = xrealloc(in->buf, in->cap);
	}
	n = safe_read(in->fd, in->buf + in->len, want);
	if (n <= 0) {
		in->eof = true;
		return false;
	}
	in->len += n;
	return true;
}

int input_getc(struct input *in)
{
	while (in->pushed) {
		struct pushed_text *p = in->pushed;
		if (p->text[p->pos])
			return (unsigned char)p->text[p->pos++];
		/* the end of an alias is a blank (whether the next word is an alias is
		 * the parser's business); the alias stays active until the character
		 * after that blank is read, so that its last word is not expanded by
		 * the same alias again (alias a=b b=a) */
		if (p->alias && !p->done) {
			p->done = true;
			return ' ';
		}
		in->pushed = p->next;
		free(p->text);
		free(p->alias);
		free(p);
	}
	if (in->pos == in->len && !input_fill(in))
		return -1;
	return (unsigned char)in->buf[in->pos++];
}

void input_push(struct input *in, const char *text, const char *alias)
{
	struct pushed_text *p = xzalloc(sizeof(*p));
	p->text = xstrdup(text);
	p->alias = alias ? xstrdup(alias) : NULL;
	p->next = in->pushed;
	in->pushed = p;
}

bool input_alias_active(struct input *in, const char *alias)
{
	for (struct pushed_text *p = in->pushed; p; p = p->next)
		if (p->alias && !strcmp(p->alias, alias))
			return true;
	return false;
}

void input_sync(struct input *in)
{
	if (in->fd < 0 || in->pos == in->len || in->byte_at_a_time)
		return;
	if (lseek(in->fd, -(off_t)(in->len - in->pos), SEEK_CUR) >= 0)
		in->pos = in->len = 0;
}
