/*== part of ash ==*/
/* misc.c: arenas, growable strings, error messages and exiting for the shell. */
#include "sh.h"

union arena_align {
	long long ll;
	long double ld;
	void *p;
};
struct arena_chunk {
	struct arena_chunk *next;
	size_t used, size;
	union arena_align data[];
};

struct arena *arena_new(void)
{
	struct arena *a = xzalloc(sizeof(*a));
	a->refs = 1;
	return a;
}

void *arena_alloc(struct arena *a, size_t n)
{
	struct arena_chunk *c = a->chunks;
	size_t align = sizeof(union arena_align);
	void *p;

	n = (n + align - 1) / align * align;
	if (!c || c->size - c->used < n) {
		size_t size = n > 4000 ? n : 4000;
		c = xmalloc(sizeof(*c) + size);
		c->size = size;
		c->used = 0;
		c->next = a->chunks;
		a->chunks = c;
	}
	p = (char *)c->data + c->used;
	c->used += n;
	memset(p, 0, n);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

void arena_unref(struct arena *a)
{
	if (!a || --a->refs > 0)
		return;
	while (a->chunks) {
		struct arena_chunk *c = a->chunks;
		a->chunks = c->next;
		free(c);
	}
	free(a);
}

static void sb_grow(struct sbuf *b, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		if (b->cap < 32)
			b->cap = 32;
		b->s = xrealloc(b->s, b->cap);
	}
}

void sb_addc(struct sbuf *b, int c)
{
	sb_grow(b, 1);
	b->s[b->len++] = c;
	b->s[b->len] = 0;
}

void sb_addn(struct sbuf *b, const char *s, size_t n)
{
	sb_grow(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = 0;
}

void sb_adds(struct sbuf *b, const char *s)
{
	sb_addn(b, s, strlen(s));
}

char *sb_take(struct sbuf *b)
{
	char *s = b->s ? b->s : xstrdup("");
	memset(b, 0, sizeof(*b));
	return s;
}

char *fmt_num(char buf[24], long long v)
{
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	char *p = buf + 23;

	*p = 0;
	do
		*--p = '0' + u % 10;
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	return p;
}

char *make_assignment(const char *name, size_t n, const char *value)
{
	size_t vl = strlen(value);
	char *s = xmalloc(n + vl + 2);

	memcpy(s, name, n);
	s[n] = '=';
	memcpy(s + n + 1, value, vl + 1);
	return s;
}

static const char *msg_source(void)
{
	if (sh_G.source_name)
		return sh_G.source_name;
	return sh_G.arg0 ? sh_G.arg0 : "sh";
}

/* The line number in messages, 0 for none */
static int msg_line(void)
{
	return (!sh_G.interactive || sh_G.source_name) && sh_G.lineno > 0 ? sh_G.lineno : 0;
}

/* What the shell's messages start with: "script: line 3: " */
static void msg_prefix(struct sbuf *b)
{
	sb_adds(b, msg_source());
	if (msg_line()) {
		char num[24];
		sb_adds(b, ": line ");
		sb_adds(b, fmt_num(num, msg_line()));
	}
	sb_adds(b, ": ");
}

void sb_add_quoted(struct sbuf *b, const char *s)
{
	static const char plain[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
				    "0123456789_./+,:=@%^-";

	if (*s && !s[strspn(s, plain)]) {
		sb_adds(b, s);
		return;
	}
	sb_addc(b, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			sb_adds(b, "'\\''");
		else
			sb_addc(b, *s);
	}
	sb_addc(b, '\'');
}

char *sh_msg_name(const char *name)
{
	struct sbuf b = { 0 };

	msg_prefix(&b);
	sb_adds(&b, name);
	return sb_take(&b);
}

/* Builtin applets run in loops, from the same lines each time: each name is made once. */
const char *sh_msg_name_kept(const char *name)
{
	const char *src = msg_source();
	size_t n = ARRAY_SIZE(sh_G.msg.e), k;
	int line = msg_line();

	if (!sh_G.msg.src || strcmp(sh_G.msg.src, src)) {
		for (k = 0; k < n; k++) {
			free(sh_G.msg.e[k].name);
			sh_G.msg.e[k].name = NULL;
		}
		free(sh_G.msg.src);
		sh_G.msg.src = xstrdup(src);
	}
	for (k = 0; k < n; k++)
		if (sh_G.msg.e[k].name && sh_G.msg.e[k].applet == name && sh_G.msg.e[k].line == line)
			return sh_G.msg.e[k].name;
	k = sh_G.msg.next++ % n;
	free(sh_G.msg.e[k].name);
	sh_G.msg.e[k].name = sh_msg_name(name);
	sh_G.msg.e[k].applet = name;
	sh_G.msg.e[k].line = line;
	return sh_G.msg.e[k].name;
}

static void sh_verror(const char *fmt, va_list ap)
{
	struct sbuf b = { 0 };
	char *msg;

	fflush(stdout);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	msg_prefix(&b);
	sb_adds(&b, msg ? msg : "out of memory");
	sb_addc(&b, '\n');
	full_write(STDERR_FILENO, b.s, b.len);
	free(b.s);
	free(msg);
}

void sh_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sh_verror(fmt, ap);
	va_end(ap);
}

void sh_fatal(int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sh_verror(fmt, ap);
	va_end(ap);
	sh_exit(status);
}

void sh_exit(int status)
{
	char *action = sh_G.traps[0];

	if (action && !sh_G.exiting) {
		sh_G.exiting = true;	/* exit inside the trap ends it */
		sh_G.traps[0] = NULL;
		sh_G.status = status;
		run_trap(action);
		free(action);
	}
	/* a forked child leaves the rest of exit()'s work (which touches memory shared
	 * with the parent copy-on-write) to the parent */
	if (sh_G.subshell && !die_jmp)
		_exit(fflush_stdout_status(status));
	fflush_stdout_and_exit(status);
}
