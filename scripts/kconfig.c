/* kconfig: a Kconfig-language configurator for every config target except the
 * interactive menuconfig. Host tool, C99 + POSIX, no dependencies beyond libc.
 *
 *   kconfig MODE KCONFIG_FILE
 *       MODE: defconfig allnoconfig allyesconfig allbareconfig randconfig
 *             oldconfig olddefconfig
 *   kconfig autoconf KCONFIG_FILE OUTPUT_HEADER
 *
 * Environment: KCONFIG_CONFIG (default ".config"), srctree (base of relative
 * `source` paths), KCONFIG_SEED (randconfig).
 *
 * Values follow the Linux kernel's kconfig restricted to y/n: tristate is bool,
 * m is never produced; a default of m means y, while a bare m in a condition is
 * n (the kernel reads it as "m && MODULES" and there are no modules). Each value is computed lazily and cached per
 * "generation"; any change to a user value bumps the generation, which is simpler
 * than tracking who depends on whom and fast enough for a few thousand symbols.
 */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

enum sym_type { T_UNKNOWN, T_BOOL, T_INT, T_HEX, T_STRING };
enum expr_op { E_SYM, E_CONST, E_NOT, E_AND, E_OR, E_EQ, E_NE, E_LT, E_LE, E_GT, E_GE };
enum menu_kind { M_ROOT, M_CONFIG, M_MENU, M_CHOICE, M_COMMENT, M_IF };

struct symbol;
struct menu;

struct expr {
	enum expr_op op;
	struct expr *l, *r;
	struct symbol *sym;	/* E_SYM */
	char *str;		/* E_CONST */
};

/* One list type serves prompts, defaults, ranges and reverse (select) deps. */
struct prop {
	struct prop *next;
	char *text;		/* prompt */
	struct expr *val;	/* default value, range low bound */
	struct expr *val2;	/* range high bound */
	struct symbol *sym;	/* choice default, or the selecting symbol */
	struct expr *cond;	/* the `if` part */
	struct menu *node;	/* definition whose dependencies also apply */
};

struct symbol {
	char *name;		/* NULL for an anonymous choice */
	struct symbol *hnext;
	enum sym_type type;
	int defined, is_choice;
	struct prop *prompts, *defaults, *ranges, *rev;
	struct symbol *choice;	/* the choice this symbol is a member of */
	struct symbol **members;
	int nmembers;
	/* user value: from .config, a mode, or an answer */
	int has_user, user_tri;
	char *user_str;
	struct symbol *user_sel;
	/* cached results, valid while the matching *gen equals cur_gen */
	unsigned vgen, cgen, sgen;
	int vbusy, cbusy, sbusy, warned;
	int vis, tri, write, written;
	char *str;
	struct symbol *sel;
};

struct menu {
	enum menu_kind kind;
	struct symbol *sym;
	char *text;		/* menu / comment title */
	char *help;
	struct expr *dep;	/* own `depends on`, or the `if` condition */
	struct expr *visible_if;
	struct expr *full_dep;	/* dep && every enclosing block's dep */
	struct expr *vis_chain;	/* every enclosing menu's `visible if` */
	struct menu *parent, *child, *last, *next;
	const char *file;
	int line;
};

#define HSIZE 1024
static struct symbol *htab[HSIZE];
static struct symbol **all_syms;	/* defined symbols, in definition order */
static int nsyms, csyms;
static char **file_names;		/* kept so node->file stays valid */
static int nfiles;
static struct menu root = { .kind = M_ROOT };
static char *main_title;
static unsigned cur_gen = 1;
static const char *srctree;

/* ---- utilities ---- */

static void die(const char *fmt, ...)
{
	va_list ap;

	fputs("kconfig: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void perr(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		die("out of memory");
	return p;
}

static void *xcalloc(size_t n)
{
	void *p = xmalloc(n);

	memset(p, 0, n);
	return p;
}

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die("out of memory");
	return p;
}

static char *xstrdup(const char *s)
{
	return strcpy(xmalloc(strlen(s) + 1), s);
}

struct buf {
	char *p;
	size_t len, cap;
};

static void bputn(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->p = xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void bputs(struct buf *b, const char *s)
{
	bputn(b, s, strlen(s));
}

static void bprintf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	char small[256];
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < (int)sizeof(small)) {
		bputn(b, small, n);
		return;
	}
	char *big = xmalloc(n + 1);
	va_start(ap, fmt);
	vsnprintf(big, n + 1, fmt, ap);
	va_end(ap);
	bputn(b, big, n);
	free(big);
}

/* Returns NULL with errno set if the file cannot be read. */
static char *slurp(const char *path, size_t *lenp)
{
	FILE *f = fopen(path, "rb");
	struct buf b = { 0 };
	char tmp[8192];
	size_t n;

	if (!f)
		return NULL;
	bputn(&b, "", 0);
	while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
		bputn(&b, tmp, n);
	if (ferror(f)) {
		int e = errno;
		fclose(f);
		free(b.p);
		errno = e ? e : EIO;
		return NULL;
	}
	fclose(f);
	if (lenp)
		*lenp = b.len;
	return b.p;
}

static void write_file(const char *path, const struct buf *b)
{
	size_t len = strlen(path) + 5;
	char *tmp = xmalloc(len);
	FILE *f;

	snprintf(tmp, len, "%s.tmp", path);
	f = fopen(tmp, "wb");
	if (!f)
		die("cannot create %s: %s", tmp, strerror(errno));
	if (fwrite(b->p, 1, b->len, f) != b->len || fclose(f) != 0) {
		unlink(tmp);
		die("cannot write %s: %s", tmp, strerror(errno));
	}
	if (rename(tmp, path) != 0)
		die("cannot rename %s to %s: %s", tmp, path, strerror(errno));
	free(tmp);
}

/* Leaves an unchanged file alone so make sees no new timestamp. keep_old saves
 * the previous content as PATH.old, the way the kernel keeps .config.old. */
static void update_file(const char *path, const struct buf *b, int keep_old)
{
	size_t oldlen;
	char *old = slurp(path, &oldlen);

	if (old && oldlen == b->len && !memcmp(old, b->p, b->len)) {
		free(old);
		return;
	}
	if (old && keep_old) {
		size_t len = strlen(path) + 5;
		char *oldpath = xmalloc(len);
		struct buf ob = { old, oldlen, oldlen + 1 };

		snprintf(oldpath, len, "%s.old", path);
		write_file(oldpath, &ob);
		free(oldpath);
	}
	free(old);
	write_file(path, b);
}

/* ---- symbols and expressions ---- */

static unsigned hash(const char *s)
{
	unsigned h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h % HSIZE;
}

static struct symbol *sym_find(const char *name)
{
	struct symbol *s;

	for (s = htab[hash(name)]; s; s = s->hnext)
		if (!strcmp(s->name, name))
			return s;
	return NULL;
}

static struct symbol *sym_lookup(const char *name)
{
	struct symbol *s = sym_find(name);
	unsigned h = hash(name);

	if (s)
		return s;
	s = xcalloc(sizeof(*s));
	s->name = xstrdup(name);
	s->hnext = htab[h];
	htab[h] = s;
	return s;
}

static void sym_define(struct symbol *s)
{
	if (s->defined)
		return;
	s->defined = 1;
	if (nsyms == csyms) {
		csyms = csyms ? csyms * 2 : 256;
		all_syms = xrealloc(all_syms, csyms * sizeof(*all_syms));
	}
	all_syms[nsyms++] = s;
}

static struct expr *expr_new(enum expr_op op, struct expr *l, struct expr *r)
{
	struct expr *e = xcalloc(sizeof(*e));

	e->op = op;
	e->l = l;
	e->r = r;
	return e;
}

/* NULL stands for "always true", so conditions can be ANDed without checks. */
static struct expr *expr_and(struct expr *a, struct expr *b)
{
	if (!a)
		return b;
	if (!b)
		return a;
	return expr_new(E_AND, a, b);
}

static struct expr *sym_expr(struct symbol *s)
{
	struct expr *e = expr_new(E_SYM, NULL, NULL);

	e->sym = s;
	return e;
}

static struct expr *const_expr(const char *str)
{
	struct expr *e = expr_new(E_CONST, NULL, NULL);

	e->str = xstrdup(str);
	return e;
}

static void add_prop(struct prop **list, struct prop *p)
{
	while (*list)
		list = &(*list)->next;
	*list = p;
}

/* ---- lexer ---- */

enum tok_type {
	TK_END, TK_WORD, TK_STRING, TK_NOT, TK_AND, TK_OR, TK_EQ, TK_NE,
	TK_LT, TK_LE, TK_GT, TK_GE, TK_LPAREN, TK_RPAREN
};

struct token {
	enum tok_type type;
	char *text;
};

static struct token *toks;
static int ntok, ctok, tpos;
static const char *cur_file = "<command line>";
static int cur_line;

static void tok_push(enum tok_type type, const char *text, size_t len)
{
	if (ntok == ctok) {
		ctok = ctok ? ctok * 2 : 32;
		toks = xrealloc(toks, ctok * sizeof(*toks));
	}
	toks[ntok].type = type;
	toks[ntok].text = xmalloc(len + 1);
	memcpy(toks[ntok].text, text, len);
	toks[ntok].text[len] = '\0';
	ntok++;
}

static int is_word_char(int c)
{
	return isalnum(c) || c == '_' || c == '-' || c == '.' || c == '/';
}

static void tokenize(const char *s)
{
	static const struct { const char *op; enum tok_type type; } ops[] = {
		{ "&&", TK_AND }, { "||", TK_OR }, { "!=", TK_NE }, { "<=", TK_LE },
		{ ">=", TK_GE }, { "!", TK_NOT }, { "=", TK_EQ }, { "<", TK_LT },
		{ ">", TK_GT }, { "(", TK_LPAREN }, { ")", TK_RPAREN },
	};

	while (ntok)
		free(toks[--ntok].text);
	tpos = 0;
	while (*s) {
		size_t i;

		if (isspace((unsigned char)*s)) {
			s++;
			continue;
		}
		if (*s == '#')
			break;
		if (*s == '"' || *s == '\'') {
			char q = *s++;
			struct buf b = { 0 };

			bputn(&b, "", 0);
			while (*s && *s != q) {
				if (*s == '\\' && s[1])
					s++;
				bputn(&b, s++, 1);
			}
			if (!*s)
				perr(cur_file, cur_line, "unterminated string");
			s++;
			tok_push(TK_STRING, b.p, b.len);
			free(b.p);
			continue;
		}
		if (is_word_char((unsigned char)*s)) {
			const char *start = s;

			while (is_word_char((unsigned char)*s))
				s++;
			tok_push(TK_WORD, start, s - start);
			continue;
		}
		for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
			if (!strncmp(s, ops[i].op, strlen(ops[i].op)))
				break;
		if (i == sizeof(ops) / sizeof(ops[0])) {
			if (*s == '$')
				perr(cur_file, cur_line, "macros ($...) are not supported");
			perr(cur_file, cur_line, "invalid character '%c'", *s);
		}
		tok_push(ops[i].type, ops[i].op, strlen(ops[i].op));
		s += strlen(ops[i].op);
	}
}

static struct token *peek(void)
{
	static struct token end = { TK_END, "end of line" };

	return tpos < ntok ? &toks[tpos] : &end;
}

static int accept(enum tok_type type)
{
	if (peek()->type != type)
		return 0;
	tpos++;
	return 1;
}

static int accept_kw(const char *kw)
{
	if (peek()->type != TK_WORD || strcmp(peek()->text, kw))
		return 0;
	tpos++;
	return 1;
}

static const char *expect(enum tok_type type, const char *what)
{
	if (peek()->type != type)
		perr(cur_file, cur_line, "expected %s, found '%s'", what, peek()->text);
	return toks[tpos++].text;
}

/* ---- expression parser: || binds loosest, then &&, then !; comparisons
 * only join two operands, as in the kernel grammar ---- */

static struct expr *parse_or(void);
static int in_cond;	/* parsing a condition rather than a default value */

static struct expr *parse_operand(void)
{
	struct token *t = peek();
	const char *s = t->text;

	if (t->type == TK_STRING) {
		tpos++;
		return const_expr(s);
	}
	if (t->type != TK_WORD)
		perr(cur_file, cur_line, "expected a symbol or constant, found '%s'", s);
	tpos++;
	/* Numbers are constants here; the kernel makes them undefined symbols
	 * whose value is their name, which behaves the same. */
	if (!strcmp(s, "y") || !strcmp(s, "n") || !strcmp(s, "m") ||
	    isdigit((unsigned char)s[0]) || (s[0] == '-' && isdigit((unsigned char)s[1])))
		return const_expr(s);
	return sym_expr(sym_lookup(s));
}

static struct expr *parse_primary(void)
{
	static const enum expr_op cmp_op[] = {
		[TK_EQ] = E_EQ, [TK_NE] = E_NE, [TK_LT] = E_LT,
		[TK_LE] = E_LE, [TK_GT] = E_GT, [TK_GE] = E_GE,
	};
	struct expr *e;
	enum tok_type t;

	if (accept(TK_NOT))
		return expr_new(E_NOT, parse_primary(), NULL);
	if (accept(TK_LPAREN)) {
		e = parse_or();
		expect(TK_RPAREN, "')'");
		return e;
	}
	e = parse_operand();
	t = peek()->type;
	if (t < TK_EQ || t > TK_GE) {
		/* In conditions the kernel reads a bare m as "m && MODULES", and
		 * without modules that is n. */
		if (in_cond && e->op == E_CONST && !strcmp(e->str, "m"))
			e->str[0] = 'n';
		return e;
	}
	tpos++;
	return expr_new(cmp_op[t], e, parse_operand());
}

static struct expr *parse_and(void)
{
	struct expr *e = parse_primary();

	while (accept(TK_AND))
		e = expr_new(E_AND, e, parse_primary());
	return e;
}

static struct expr *parse_or(void)
{
	struct expr *e = parse_and();

	while (accept(TK_OR))
		e = expr_new(E_OR, e, parse_and());
	return e;
}

static struct expr *parse_cond(void)
{
	struct expr *e;

	in_cond = 1;
	e = parse_or();
	in_cond = 0;
	return e;
}

static struct expr *parse_if(void)
{
	return accept_kw("if") ? parse_cond() : NULL;
}

/* ---- Kconfig parser ---- */

static struct menu *cur_parent = &root;
static struct menu *cur_entry;	/* entry that takes attribute lines */

static struct menu *new_node(enum menu_kind kind)
{
	struct menu *m = xcalloc(sizeof(*m));

	m->kind = kind;
	m->parent = cur_parent;
	m->file = cur_file;
	m->line = cur_line;
	if (cur_parent->last)
		cur_parent->last->next = m;
	else
		cur_parent->child = m;
	cur_parent->last = m;
	return m;
}

static struct prop *new_prop(struct menu *node, struct expr *cond)
{
	struct prop *p = xcalloc(sizeof(*p));

	p->node = node;
	p->cond = cond;
	return p;
}

static struct menu *need_entry(const char *kw, unsigned kinds)
{
	if (!cur_entry || !(kinds & (1u << cur_entry->kind)))
		perr(cur_file, cur_line, "'%s' is not allowed here", kw);
	return cur_entry;
}

#define K(kind) (1u << (kind))

static void close_block(enum menu_kind kind, const char *kw, struct menu *base)
{
	if (cur_parent == base || cur_parent->kind != kind)
		perr(cur_file, cur_line, "'%s' without matching opener", kw);
	cur_parent = cur_parent->parent;
	cur_entry = NULL;
}

static void parse_file(const char *path, int depth);

static void parse_type(const char *kw, struct menu *m)
{
	static const struct { const char *kw; enum sym_type type; int def; } types[] = {
		{ "bool", T_BOOL, 0 }, { "tristate", T_BOOL, 0 }, { "int", T_INT, 0 },
		{ "hex", T_HEX, 0 }, { "string", T_STRING, 0 },
		{ "def_bool", T_BOOL, 1 }, { "def_tristate", T_BOOL, 1 },
	};
	struct symbol *s = m->sym;
	size_t i;

	for (i = 0; strcmp(types[i].kw, kw); i++)
		;
	if (s->type != T_UNKNOWN && s->type != types[i].type)
		perr(cur_file, cur_line, "'%s' redefined with a different type", s->name);
	if (s->is_choice && types[i].type != T_BOOL)
		perr(cur_file, cur_line, "a choice must be bool");
	s->type = types[i].type;
	if (types[i].def) {
		struct expr *val = parse_or();
		struct prop *p = new_prop(m, parse_if());

		p->val = val;
		add_prop(&s->defaults, p);
	} else if (peek()->type == TK_STRING) {
		char *text = xstrdup(expect(TK_STRING, "prompt"));
		struct prop *p = new_prop(m, parse_if());

		p->text = text;
		add_prop(&s->prompts, p);
	}
}

static struct symbol *enclosing_choice(struct menu *m)
{
	while (m->kind == M_IF)
		m = m->parent;
	return m->kind == M_CHOICE ? m->sym : NULL;
}

static void parse_statement(struct menu *base, int depth)
{
	const char *kw = expect(TK_WORD, "a keyword");
	struct menu *m;
	struct symbol *s;
	struct prop *p;

	if (!strcmp(kw, "config") || !strcmp(kw, "menuconfig")) {
		s = sym_lookup(expect(TK_WORD, "a symbol name"));
		if (s->is_choice)
			perr(cur_file, cur_line, "'%s' is already a choice", s->name);
		m = new_node(M_CONFIG);
		m->sym = s;
		sym_define(s);
		struct symbol *ch = enclosing_choice(cur_parent);
		if (ch && !s->choice) {
			s->choice = ch;
			ch->members = xrealloc(ch->members, (ch->nmembers + 1) * sizeof(s));
			ch->members[ch->nmembers++] = s;
		}
		cur_entry = m;
	} else if (!strcmp(kw, "choice")) {
		if (peek()->type == TK_WORD) {
			s = sym_lookup(expect(TK_WORD, "a name"));
			if (s->defined && !s->is_choice)
				perr(cur_file, cur_line, "'%s' is already a config", s->name);
			sym_define(s);
		} else {
			s = xcalloc(sizeof(*s));
			s->defined = 1;
		}
		s->is_choice = 1;
		s->type = T_BOOL;
		m = new_node(M_CHOICE);
		m->sym = s;
		cur_parent = cur_entry = m;
	} else if (!strcmp(kw, "menu")) {
		m = new_node(M_MENU);
		m->text = xstrdup(expect(TK_STRING, "a menu title"));
		cur_parent = cur_entry = m;
	} else if (!strcmp(kw, "comment")) {
		m = new_node(M_COMMENT);
		m->text = xstrdup(expect(TK_STRING, "a comment text"));
		cur_entry = m;
	} else if (!strcmp(kw, "if")) {
		m = new_node(M_IF);
		m->dep = parse_cond();
		cur_parent = m;
		cur_entry = NULL;
	} else if (!strcmp(kw, "endmenu")) {
		close_block(M_MENU, kw, base);
	} else if (!strcmp(kw, "endchoice")) {
		close_block(M_CHOICE, kw, base);
	} else if (!strcmp(kw, "endif")) {
		close_block(M_IF, kw, base);
	} else if (!strcmp(kw, "source")) {
		const char *rel = expect(TK_STRING, "a quoted path");
		struct buf b = { 0 };

		if (rel[0] != '/' && srctree && *srctree)
			bprintf(&b, "%s/", srctree);
		bputs(&b, rel);
		if (depth >= 32)
			perr(cur_file, cur_line, "'source' nested too deeply");
		if (tpos < ntok)
			perr(cur_file, cur_line, "unexpected '%s'", peek()->text);
		parse_file(b.p, depth + 1);
		free(b.p);
		cur_entry = NULL;
	} else if (!strcmp(kw, "mainmenu")) {
		free(main_title);
		main_title = xstrdup(expect(TK_STRING, "a title"));
	} else if (!strcmp(kw, "bool") || !strcmp(kw, "tristate") || !strcmp(kw, "int") ||
		   !strcmp(kw, "hex") || !strcmp(kw, "string") || !strcmp(kw, "def_bool") ||
		   !strcmp(kw, "def_tristate")) {
		parse_type(kw, need_entry(kw, K(M_CONFIG) | K(M_CHOICE)));
	} else if (!strcmp(kw, "prompt")) {
		m = need_entry(kw, K(M_CONFIG) | K(M_CHOICE));
		char *text = xstrdup(expect(TK_STRING, "a prompt"));
		p = new_prop(m, parse_if());
		p->text = text;
		add_prop(&m->sym->prompts, p);
	} else if (!strcmp(kw, "default")) {
		m = need_entry(kw, K(M_CONFIG) | K(M_CHOICE));
		if (m->kind == M_CHOICE) {
			s = sym_lookup(expect(TK_WORD, "a symbol"));
			p = new_prop(m, parse_if());
			p->sym = s;
		} else {
			struct expr *val = parse_or();
			p = new_prop(m, parse_if());
			p->val = val;
		}
		add_prop(&m->sym->defaults, p);
	} else if (!strcmp(kw, "depends")) {
		m = need_entry(kw, K(M_CONFIG) | K(M_CHOICE) | K(M_MENU) | K(M_COMMENT));
		if (!accept_kw("on"))
			perr(cur_file, cur_line, "expected 'on' after 'depends'");
		m->dep = expr_and(m->dep, parse_cond());
	} else if (!strcmp(kw, "select") || !strcmp(kw, "imply")) {
		m = need_entry(kw, K(M_CONFIG));
		s = sym_lookup(expect(TK_WORD, "a symbol"));
		p = new_prop(m, parse_if());
		p->sym = m->sym;
		if (kw[0] == 's')
			add_prop(&s->rev, p);
		else
			free(p);	/* imply is accepted but has no effect */
	} else if (!strcmp(kw, "range")) {
		m = need_entry(kw, K(M_CONFIG));
		struct expr *lo = parse_operand(), *hi = parse_operand();
		p = new_prop(m, parse_if());
		p->val = lo;
		p->val2 = hi;
		add_prop(&m->sym->ranges, p);
	} else if (!strcmp(kw, "visible")) {
		m = need_entry(kw, K(M_MENU));
		if (!accept_kw("if"))
			perr(cur_file, cur_line, "expected 'if' after 'visible'");
		m->visible_if = expr_and(m->visible_if, parse_cond());
	} else if (!strcmp(kw, "optional")) {
		need_entry(kw, K(M_CHOICE));
		perr(cur_file, cur_line, "optional choices are not supported");
	} else {
		perr(cur_file, cur_line, "unknown keyword '%s'", kw);
	}
	if (tpos < ntok)
		perr(cur_file, cur_line, "unexpected '%s'", peek()->text);
}

static int indent_of(const char *s)
{
	int col = 0;

	for (; *s == ' ' || *s == '\t'; s++)
		col = *s == '\t' ? (col / 8 + 1) * 8 : col + 1;
	return col;
}

static int is_blank(const char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	return !*s;
}

/* The first text line sets the indentation; the text ends at the first
 * non-blank line indented less than that. Returns the next line to parse. */
static int parse_help(char **lines, int i, int n, int kw_indent, struct menu *m)
{
	struct buf b = { 0 };
	int first = -1, blanks = 0;

	bputn(&b, "", 0);
	for (; i < n; i++) {
		const char *l = lines[i];
		int col = 0;

		if (is_blank(l)) {
			blanks++;
			continue;
		}
		if (indent_of(l) <= kw_indent || (first >= 0 && indent_of(l) < first))
			break;
		if (first < 0)
			first = indent_of(l);
		for (; blanks; blanks--)
			if (b.len)
				bputs(&b, "\n");
		while ((*l == ' ' || *l == '\t') && col < first) {
			col = *l == '\t' ? (col / 8 + 1) * 8 : col + 1;
			l++;
		}
		size_t len = strlen(l);
		while (len && isspace((unsigned char)l[len - 1]))
			len--;
		bputn(&b, l, len);
		bputs(&b, "\n");
	}
	free(m->help);
	m->help = b.p;
	return i;
}

static void parse_file(const char *path, int depth)
{
	const char *saved_file = cur_file;
	int saved_line = cur_line;
	struct menu *base = cur_parent;
	char *data, **lines = NULL, *p;
	int n = 0, i;

	data = slurp(path, NULL);
	if (!data) {
		if (depth)
			perr(cur_file, cur_line, "cannot open '%s': %s", path, strerror(errno));
		die("cannot open %s: %s", path, strerror(errno));
	}
	file_names = xrealloc(file_names, (nfiles + 1) * sizeof(*file_names));
	cur_file = file_names[nfiles++] = xstrdup(path);
	for (p = data; *p; n++) {
		char *nl = strchr(p, '\n');

		lines = xrealloc(lines, (n + 1) * sizeof(*lines));
		lines[n] = p;
		if (nl) {
			if (nl > p && nl[-1] == '\r')
				nl[-1] = '\0';
			*nl = '\0';
			p = nl + 1;
		} else {
			p += strlen(p);
		}
	}
	cur_entry = NULL;
	for (i = 0; i < n;) {
		struct buf lb = { 0 };
		int start = i;

		bputn(&lb, "", 0);
		for (;;) {
			size_t len = strlen(lines[i]);
			int cont = len && lines[i][len - 1] == '\\';

			bputn(&lb, lines[i++], len - cont);
			if (!cont || i >= n)
				break;
		}
		cur_line = start + 1;
		tokenize(lb.p);
		free(lb.p);
		if (!ntok)
			continue;
		if (toks[0].type == TK_WORD && (!strcmp(toks[0].text, "help") ||
						 !strcmp(toks[0].text, "---help---"))) {
			struct menu *m = need_entry(toks[0].text, K(M_CONFIG) | K(M_CHOICE));

			if (ntok > 1)
				perr(cur_file, cur_line, "unexpected '%s'", toks[1].text);
			i = parse_help(lines, i, n, indent_of(lines[start]), m);
			continue;
		}
		parse_statement(base, depth);
	}
	if (cur_parent != base) {
		static const char *const ends[] = {
			[M_MENU] = "endmenu", [M_CHOICE] = "endchoice", [M_IF] = "endif",
		};
		perr(cur_file, n, "missing '%s' for the block opened at line %d",
		     ends[cur_parent->kind], cur_parent->line);
	}
	free(lines);
	free(data);
	cur_file = saved_file;
	cur_line = saved_line;
	cur_entry = NULL;
}

/* Pushes block dependencies down the tree, the way the kernel's menu_finalize
 * does: choice members also depend on the choice itself being visible. */
static void finalize(struct menu *m)
{
	struct menu *c;

	for (c = m->child; c; c = c->next) {
		struct expr *d = c->dep;

		if (m->kind == M_CHOICE)
			d = expr_and(d, sym_expr(m->sym));
		c->full_dep = expr_and(d, m->full_dep);
		c->vis_chain = m->kind == M_MENU ? expr_and(m->visible_if, m->vis_chain)
						 : m->vis_chain;
		if (c->kind == M_CONFIG && c->sym->type == T_UNKNOWN)
			perr(c->file, c->line, "config '%s' has no type", c->sym->name);
		if (c->kind == M_CONFIG && c->sym->choice && c->sym->type != T_BOOL)
			perr(c->file, c->line, "choice member '%s' must be bool", c->sym->name);
		finalize(c);
	}
}

static void check_selects(void)
{
	struct symbol *s;
	struct prop *p;
	int h;

	for (h = 0; h < HSIZE; h++)
		for (s = htab[h]; s; s = s->hnext)
			for (p = s->rev; p; p = p->next) {
				if (p->sym->type != T_BOOL)
					perr(p->node->file, p->node->line,
					     "'%s' is not bool and cannot select", p->sym->name);
				if (!s->defined)
					fprintf(stderr, "%s:%d: warning: '%s' selects undefined symbol '%s'\n",
						p->node->file, p->node->line, p->sym->name, s->name);
				else if (s->type != T_BOOL || s->is_choice)
					perr(p->node->file, p->node->line,
					     "'%s' selects '%s', which is not a bool", p->sym->name, s->name);
			}
}

/* ---- evaluation ---- */

static int expr_tri(struct expr *e);
static void sym_calc(struct symbol *s);

static void recursion_warning(struct symbol *s)
{
	if (!s->warned)
		fprintf(stderr, "kconfig: warning: recursive dependency involving '%s'\n",
			s->name ? s->name : "<choice>");
	s->warned = 1;
}

static int cond_ok(struct prop *p)
{
	return expr_tri(p->cond) && expr_tri(p->node->full_dep);
}

static int prompt_ok(struct prop *p)
{
	return cond_ok(p) && expr_tri(p->node->vis_chain);
}

static int sym_vis(struct symbol *s)
{
	struct prop *p;
	int v = 0;

	if (s->vgen == cur_gen)
		return s->vis;
	if (s->vbusy) {
		recursion_warning(s);
		return 0;
	}
	s->vbusy = 1;
	for (p = s->prompts; p && !v; p = p->next)
		v = prompt_ok(p);
	s->vbusy = 0;
	s->vis = v;
	s->vgen = cur_gen;
	return v;
}

static struct prop *active(struct prop *p)
{
	while (p && !cond_ok(p))
		p = p->next;
	return p;
}

static int rev_active(struct symbol *s)
{
	struct prop *p;

	for (p = s->rev; p; p = p->next) {
		sym_calc(p->sym);
		if (p->sym->tri && cond_ok(p))
			return 1;
	}
	return 0;
}

/* A visible choice always has exactly one member selected: the user's pick if
 * it is visible, else the first active default that is visible, else the first
 * visible member. */
static struct symbol *choice_sel(struct symbol *ch)
{
	struct symbol *sel = NULL;
	struct prop *p;
	int i;

	if (ch->sgen == cur_gen)
		return ch->sel;
	if (ch->sbusy) {
		recursion_warning(ch);
		return NULL;
	}
	ch->sbusy = 1;
	if (sym_vis(ch)) {
		if (ch->user_sel && sym_vis(ch->user_sel))
			sel = ch->user_sel;
		for (p = ch->defaults; p && !sel; p = p->next)
			if (cond_ok(p) && p->sym->choice == ch && sym_vis(p->sym))
				sel = p->sym;
		for (i = 0; i < ch->nmembers && !sel; i++)
			if (sym_vis(ch->members[i]))
				sel = ch->members[i];
	}
	ch->sbusy = 0;
	ch->sel = sel;
	ch->sgen = cur_gen;
	return sel;
}

static const char *expr_str(struct expr *e)
{
	if (e->op == E_CONST)
		return e->str;
	if (e->op != E_SYM)
		return expr_tri(e) ? "y" : "n";
	if (e->sym->is_choice)
		return sym_vis(e->sym) ? "y" : "n";
	if (e->sym->type == T_UNKNOWN)
		return e->sym->name;
	sym_calc(e->sym);
	if (e->sym->type == T_BOOL)
		return e->sym->tri ? "y" : "n";
	return e->sym->str;
}

/* Parses a value as the kernel's expr_parse_string does: bool as n=0 y=2,
 * int in decimal, hex in base 16, untyped constants in any C base. */
static int parse_num(const char *s, enum sym_type type, long long *v)
{
	char *end;

	if (type == T_BOOL) {
		*v = !strcmp(s, "n") ? 0 : !strcmp(s, "m") ? 1 : !strcmp(s, "y") ? 2 : -1;
		return 1;
	}
	if (type == T_STRING || !*s)
		return 0;
	errno = 0;
	if (type == T_HEX)
		*v = (long long)strtoull(s, &end, 16);
	else
		*v = strtoll(s, &end, type == T_INT ? 10 : 0);
	return !errno && !*end && isxdigit((unsigned char)end[-1]);
}

static enum sym_type expr_type(struct expr *e)
{
	if (e->op == E_CONST)
		return !strcmp(e->str, "y") || !strcmp(e->str, "n") || !strcmp(e->str, "m")
		       ? T_BOOL : T_UNKNOWN;
	return e->sym->type;
}

static int compare(struct expr *l, struct expr *r)
{
	const char *a = expr_str(l), *b = expr_str(r);
	enum sym_type ta = expr_type(l), tb = expr_type(r);
	long long x, y;

	if ((ta == T_STRING && tb == T_STRING) || !parse_num(a, ta, &x) || !parse_num(b, tb, &y))
		return strcmp(a, b);
	return (x > y) - (x < y);
}

static int expr_tri(struct expr *e)
{
	if (!e)
		return 1;
	switch (e->op) {
	case E_CONST:
		return !strcmp(e->str, "y") || !strcmp(e->str, "m");
	case E_SYM:
		if (e->sym->is_choice)
			return sym_vis(e->sym);
		if (e->sym->type != T_BOOL)
			return 0;
		sym_calc(e->sym);
		return e->sym->tri;
	case E_NOT:
		return !expr_tri(e->l);
	case E_AND:
		return expr_tri(e->l) && expr_tri(e->r);
	case E_OR:
		return expr_tri(e->l) || expr_tri(e->r);
	case E_EQ:
		return compare(e->l, e->r) == 0;
	case E_NE:
		return compare(e->l, e->r) != 0;
	case E_LT:
		return compare(e->l, e->r) < 0;
	case E_LE:
		return compare(e->l, e->r) <= 0;
	case E_GT:
		return compare(e->l, e->r) > 0;
	case E_GE:
		return compare(e->l, e->r) >= 0;
	}
	return 0;
}

static void set_str(struct symbol *s, const char *v)
{
	char *old = s->str;

	s->str = xstrdup(v);
	free(old);
}

/* A user value outside the first active range is ignored, as in the kernel
 * and Kconfiglib; a default is clamped into it (an empty one counts as 0). */
static int in_range(struct symbol *s, const char *v, int clamp)
{
	struct prop *r = active(s->ranges);
	long long x, lo, hi;
	char num[32];

	if (s->type == T_STRING || !r)
		return 1;
	if (!parse_num(v, s->type, &x))
		x = 0;
	if (!parse_num(expr_str(r->val), s->type, &lo) || !parse_num(expr_str(r->val2), s->type, &hi))
		return 1;
	if (x >= lo && x <= hi)
		return 1;
	if (clamp) {
		x = x < lo ? lo : hi;
		if (s->type == T_HEX)
			snprintf(num, sizeof(num), "0x%llx", (unsigned long long)x);
		else
			snprintf(num, sizeof(num), "%lld", x);
		set_str(s, num);
	}
	return 0;
}

static void sym_calc(struct symbol *s)
{
	struct prop *d;
	int vis;

	if (s->cgen == cur_gen || s->type == T_UNKNOWN || s->is_choice)
		return;
	if (s->cbusy) {
		recursion_warning(s);
		return;
	}
	s->cbusy = 1;
	s->tri = 0;
	set_str(s, "");
	vis = sym_vis(s);
	s->write = vis;
	if (s->type == T_BOOL) {
		if (s->choice) {
			/* as in Kconfiglib, selects and defaults of members do nothing */
			s->tri = vis && choice_sel(s->choice) == s;
		} else {
			if (vis && s->has_user) {
				s->tri = s->user_tri;
			} else if ((d = active(s->defaults))) {
				s->tri = expr_tri(d->val);
				s->write |= s->tri;
			}
			if (rev_active(s))
				s->tri = s->write = 1;
		}
	} else {
		if (vis && s->has_user && in_range(s, s->user_str, 0)) {
			set_str(s, s->user_str);
		} else {
			if ((d = active(s->defaults))) {
				set_str(s, expr_str(d->val));
				s->write = 1;
			}
			in_range(s, s->str, 1);
		}
	}
	s->cbusy = 0;
	s->cgen = cur_gen;
}

/* ---- .config reading ---- */

static void set_user_tri(struct symbol *s, int v)
{
	s->has_user = 1;
	s->user_tri = v;
	if (s->choice) {
		s->choice->has_user = 1;
		if (v)
			s->choice->user_sel = s;
	}
	cur_gen++;
}

static void set_user_str(struct symbol *s, const char *v)
{
	free(s->user_str);
	s->user_str = xstrdup(v);
	s->has_user = 1;
	cur_gen++;
}

static int valid_value(enum sym_type type, const char *v)
{
	long long x;

	if (type == T_HEX && v[0] == '0' && (v[1] == 'x' || v[1] == 'X'))
		v += 2;
	return parse_num(v, type, &x);
}

static void read_config(const char *path)
{
	char *data = slurp(path, NULL), *line, *next;
	int lineno = 0;

	if (!data) {
		if (errno != ENOENT)
			die("cannot read %s: %s", path, strerror(errno));
		return;
	}
	for (line = data; *line; line = next) {
		char *eq, *val, *end;
		struct symbol *s;

		next = line + strcspn(line, "\n");
		if (*next)
			*next++ = '\0';
		lineno++;
		end = line + strlen(line);
		while (end > line && isspace((unsigned char)end[-1]))
			*--end = '\0';
		if (!strncmp(line, "# CONFIG_", 9)) {
			size_t len = strlen(line);

			if (len < 20 || strcmp(line + len - 11, " is not set"))
				continue;
			line[len - 11] = '\0';
			s = sym_find(line + 9);
			if (!s || !s->defined || s->is_choice)
				fprintf(stderr, "%s:%d: warning: unknown symbol %s\n", path, lineno, line + 9);
			else if (s->type == T_BOOL)
				set_user_tri(s, 0);
			continue;
		}
		if (!*line || *line == '#')
			continue;
		eq = strchr(line, '=');
		if (strncmp(line, "CONFIG_", 7) || !eq) {
			fprintf(stderr, "%s:%d: warning: malformed line ignored\n", path, lineno);
			continue;
		}
		*eq = '\0';
		val = eq + 1;
		s = sym_find(line + 7);
		if (!s || !s->defined || s->is_choice) {
			fprintf(stderr, "%s:%d: warning: unknown symbol %s\n", path, lineno, line);
			continue;
		}
		if (s->type == T_BOOL && (!strcmp(val, "y") || !strcmp(val, "m") || !strcmp(val, "n"))) {
			set_user_tri(s, *val != 'n');
		} else if (s->type == T_INT || s->type == T_HEX) {
			/* the kernel writes "CONFIG_X=" for an int without a value */
			if (valid_value(s->type, val))
				set_user_str(s, val);
			else if (*val)
				fprintf(stderr, "%s:%d: warning: invalid value '%s' for %s\n",
					path, lineno, val, line);
		} else if (s->type == T_STRING && *val == '"') {
			char *r = val + 1, *w = val;

			while (*r && *r != '"') {
				if (*r == '\\' && r[1])
					r++;
				*w++ = *r++;
			}
			if (*r != '"' || r[1]) {
				fprintf(stderr, "%s:%d: warning: malformed string for %s\n", path, lineno, line);
				continue;
			}
			*w = '\0';
			set_user_str(s, val);
		} else {
			fprintf(stderr, "%s:%d: warning: invalid value '%s' for %s\n", path, lineno, val, line);
		}
	}
	free(data);
}

/* ---- output ---- */

static void put_quoted(struct buf *b, const char *s, int c_escapes)
{
	bputs(b, "\"");
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			bprintf(b, "\\%c", *s);
		else if (c_escapes && *s == '\n')
			bputs(b, "\\n");
		else if (c_escapes && !isprint((unsigned char)*s))
			bprintf(b, "\\%03o", (unsigned char)*s);
		else
			bputn(b, s, 1);
	}
	bputs(b, "\"");
}

static int menu_visible(struct menu *m)
{
	if (m->kind == M_MENU)
		return expr_tri(m->full_dep) && expr_tri(m->visible_if);
	return m->kind == M_COMMENT && expr_tri(m->full_dep);
}

static int need_newline;

static void write_menu(struct buf *b, struct menu *m)
{
	struct menu *c;

	for (c = m->child; c; c = c->next) {
		struct symbol *s = c->sym;
		int vis = menu_visible(c);

		if (vis) {
			bprintf(b, "\n#\n# %s\n#\n", c->text);
			need_newline = 0;
		} else if (c->kind == M_CONFIG && !s->written) {
			sym_calc(s);
			if (s->write) {
				if (need_newline)
					bputs(b, "\n");
				need_newline = 0;
				s->written = 1;
				if (s->type == T_BOOL && s->tri)
					bprintf(b, "CONFIG_%s=y\n", s->name);
				else if (s->type == T_BOOL)
					bprintf(b, "# CONFIG_%s is not set\n", s->name);
				else if (s->type == T_STRING)
					bprintf(b, "CONFIG_%s=", s->name), put_quoted(b, s->str, 0), bputs(b, "\n");
				else
					bprintf(b, "CONFIG_%s=%s\n", s->name, s->str);
			}
		}
		write_menu(b, c);
		if (vis && c->kind == M_MENU) {
			bprintf(b, "# end of %s\n", c->text);
			need_newline = 1;
		}
	}
}

static void clear_written(void)
{
	int i;

	for (i = 0; i < nsyms; i++)
		all_syms[i]->written = 0;
}

static void write_config(const char *path)
{
	struct buf b = { 0 };

	bprintf(&b, "#\n# Automatically generated file; DO NOT EDIT.\n# %s\n#\n",
		main_title ? main_title : "Main menu");
	clear_written();
	need_newline = 0;
	write_menu(&b, &root);
	update_file(path, &b, 1);
	free(b.p);
}

static void write_header(struct buf *b, struct menu *m)
{
	struct menu *c;

	for (c = m->child; c; c = c->next) {
		struct symbol *s = c->sym;

		if (c->kind == M_CONFIG && !s->written) {
			s->written = 1;
			sym_calc(s);
			if (s->type == T_BOOL && s->tri) {
				bprintf(b, "#define CONFIG_%s 1\n#define ENABLE_%s 1\n", s->name, s->name);
			} else if (s->type == T_BOOL || !s->write ||
				   (s->type != T_STRING && !*s->str)) {
				/* unmet dependencies leave no value to define */
				bprintf(b, "#undef CONFIG_%s\n#define ENABLE_%s 0\n", s->name, s->name);
			} else {
				bprintf(b, "#define CONFIG_%s ", s->name);
				if (s->type == T_STRING)
					put_quoted(b, s->str, 1);
				else if (s->type == T_HEX && strncmp(s->str, "0x", 2) &&
					 strncmp(s->str, "0X", 2))
					bprintf(b, "0x%s", s->str);
				else
					bputs(b, s->str);
				bprintf(b, "\n#define ENABLE_%s 1\n", s->name);
			}
		}
		write_header(b, c);
	}
}

static void write_autoconf(const char *path)
{
	struct buf b = { 0 };

	bprintf(&b, "/*\n * Automatically generated C config by scripts/kconfig; DO NOT EDIT.\n"
		" * %s\n */\n#ifndef KCONFIG_AUTOCONF_H\n#define KCONFIG_AUTOCONF_H\n\n",
		main_title ? main_title : "Main menu");
	clear_written();
	write_header(&b, &root);
	bputs(&b, "\n#endif /* KCONFIG_AUTOCONF_H */\n");
	update_file(path, &b, 0);
	free(b.p);
}

/* ---- modes ---- */

static uint64_t rng_state;

static unsigned rnd(void)
{
	/* splitmix64: tiny, and the same sequence on every host for a seed */
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return (unsigned)((z ^ (z >> 31)) >> 32);
}

static void random_choices(struct menu *m)
{
	struct menu *c;

	for (c = m->child; c; c = c->next) {
		if (c->kind == M_CHOICE && sym_vis(c->sym)) {
			struct symbol *ch = c->sym, **vis = xmalloc((ch->nmembers + 1) * sizeof(*vis));
			int i, n = 0;

			for (i = 0; i < ch->nmembers; i++)
				if (sym_vis(ch->members[i]))
					vis[n++] = ch->members[i];
			if (n)
				set_user_tri(vis[rnd() % n], 1);
			free(vis);
		}
		random_choices(c);
	}
}

static const char *prompt_text(struct symbol *s)
{
	struct prop *p;

	for (p = s->prompts; p; p = p->next)
		if (prompt_ok(p))
			return p->text;
	return s->name ? s->name : "Choice";
}

static int input_eof;

static char *read_answer(void)
{
	static char line[512];
	size_t len;

	fflush(stdout);
	if (input_eof || !fgets(line, sizeof(line), stdin)) {
		input_eof = 1;
		putchar('\n');
		return NULL;
	}
	len = strlen(line);
	while (len && isspace((unsigned char)line[len - 1]))
		line[--len] = '\0';
	return line + strspn(line, " \t");
}

static void show_help(struct menu *m)
{
	printf("\n%s\n", m->help ? m->help : "There is no help available for this option.\n");
}

static struct menu *shown_menu;

static void show_menu_title(struct menu *m)
{
	while (m && m->kind != M_MENU)
		m = m->parent;
	if (m && m != shown_menu)
		printf("*\n* %s\n*\n", m->text);
	shown_menu = m;
}

static void ask_symbol(struct menu *m)
{
	struct symbol *s = m->sym;
	char *a;

	sym_calc(s);
	if (s->type == T_BOOL && rev_active(s)) {
		set_user_tri(s, 1);	/* selected: n is not an option */
		return;
	}
	show_menu_title(m);
	for (;;) {
		sym_calc(s);
		printf("%s (%s) [", prompt_text(s), s->name);
		if (s->type == T_BOOL)
			printf("%s/?] (NEW) ", s->tri ? "Y/n" : "N/y");
		else
			printf("%s] (NEW) ", s->str);
		if (!(a = read_answer()))
			return;
		if (!strcmp(a, "?")) {
			show_help(m);
		} else if (s->type == T_BOOL) {
			if (!*a)
				set_user_tri(s, s->tri);
			else if (!strcasecmp(a, "y") || !strcasecmp(a, "yes") || !strcasecmp(a, "m"))
				set_user_tri(s, 1);
			else if (!strcasecmp(a, "n") || !strcasecmp(a, "no"))
				set_user_tri(s, 0);
			else
				continue;
			return;
		} else {
			char *old = xstrdup(s->str);

			set_user_str(s, *a ? a : old);
			free(old);
			if (s->type == T_STRING || valid_value(s->type, s->user_str)) {
				char *wanted = xstrdup(s->user_str);
				int ok;

				sym_calc(s);
				ok = !strcmp(wanted, s->str);
				free(wanted);
				if (ok)
					return;
				printf("Value out of range.\n");
			} else {
				printf("Invalid value.\n");
			}
			s->has_user = 0;
			cur_gen++;
		}
	}
}

static void ask_choice(struct menu *m)
{
	struct symbol *ch = m->sym, *sel, **vis = xmalloc((ch->nmembers + 1) * sizeof(*vis));
	int i, n = 0;
	char *a, *end;

	show_menu_title(m);
	for (i = 0; i < ch->nmembers; i++)
		if (sym_vis(ch->members[i]))
			vis[n++] = ch->members[i];
	for (;;) {
		sel = choice_sel(ch);
		printf("%s\n", prompt_text(ch));
		for (i = 0; i < n; i++)
			printf("%c %d. %s (%s)%s\n", vis[i] == sel ? '>' : ' ', i + 1,
			       prompt_text(vis[i]), vis[i]->name, vis[i]->has_user ? "" : " (NEW)");
		printf("choice[1-%d?]: ", n);
		if (!(a = read_answer()))
			break;
		if (!strcmp(a, "?")) {
			show_help(m);
			continue;
		}
		if (*a) {
			long k = strtol(a, &end, 10);

			if (*end || k < 1 || k > n)
				continue;
			sel = vis[k - 1];
		}
		for (i = 0; i < ch->nmembers; i++)
			set_user_tri(ch->members[i], ch->members[i] == sel);
		break;
	}
	free(vis);
}

static int choice_is_new(struct symbol *ch)
{
	int i;

	if (!ch->has_user)
		return 1;
	for (i = 0; i < ch->nmembers; i++)
		if (!ch->members[i]->has_user && sym_vis(ch->members[i]))
			return 1;
	return 0;
}

/* Walks the tree in menu order so that answers immediately affect which later
 * questions are visible. Returns how many new items were found. */
static int ask_new(struct menu *m, int interactive)
{
	struct menu *c;
	int count = 0;

	for (c = m->child; c && !input_eof; c = c->next) {
		struct symbol *s = c->sym;

		if (c->kind == M_CONFIG && !s->has_user && !s->choice && sym_vis(s)) {
			count++;
			if (interactive)
				ask_symbol(c);
			else
				fprintf(stderr, "kconfig: new symbol %s set to its default\n", s->name);
		} else if (c->kind == M_CHOICE && sym_vis(s) && choice_is_new(s)) {
			count++;
			if (interactive)
				ask_choice(c);
			else
				fprintf(stderr, "kconfig: new choice '%s' set to its default\n",
					prompt_text(s));
		}
		count += ask_new(c, interactive);
	}
	return count;
}

enum mode { DEFCONFIG, ALLNO, ALLYES, ALLBARE, RANDCONFIG, OLDCONFIG, OLDDEFCONFIG, AUTOCONF };

int main(int argc, char **argv)
{
	static const char *const modes[] = {
		"defconfig", "allnoconfig", "allyesconfig", "allbareconfig", "randconfig",
		"oldconfig", "olddefconfig", "autoconf",
	};
	const char *config = getenv("KCONFIG_CONFIG");
	enum mode mode;
	int i;

	for (mode = 0; mode <= AUTOCONF; mode++)
		if (argc > 1 && !strcmp(argv[1], modes[mode]))
			break;
	if (mode > AUTOCONF || argc != (mode == AUTOCONF ? 4 : 3)) {
		fprintf(stderr, "usage: kconfig MODE KCONFIG_FILE\n"
			"       MODE: defconfig allnoconfig allyesconfig allbareconfig randconfig\n"
			"             oldconfig olddefconfig\n"
			"       kconfig autoconf KCONFIG_FILE OUTPUT_HEADER\n");
		return 1;
	}
	if (!config || !*config)
		config = ".config";
	srctree = getenv("srctree");
	parse_file(argv[2], 0);
	while (ntok)
		free(toks[--ntok].text);
	finalize(&root);
	check_selects();

	if (mode >= OLDCONFIG)
		read_config(config);
	if (mode == AUTOCONF) {
		write_autoconf(argv[3]);
		return 0;
	}
	if (mode == RANDCONFIG) {
		const char *env = getenv("KCONFIG_SEED");
		char *end;

		if (env && *env) {
			errno = 0;
			rng_state = strtoull(env, &end, 0);
			if (errno || *end)
				die("invalid KCONFIG_SEED '%s'", env);
		} else {
			rng_state = (unsigned)time(NULL) ^ ((unsigned)getpid() << 16);
			fprintf(stderr, "KCONFIG_SEED=0x%llX\n", (unsigned long long)rng_state);
		}
	}
	/* Values of invisible symbols are ignored, so every bool can be set;
	 * choice members are left alone so that choices keep their defaults. */
	for (i = 0; mode >= ALLNO && mode <= RANDCONFIG && i < nsyms; i++) {
		struct symbol *s = all_syms[i];

		if (s->type != T_BOOL || s->is_choice || s->choice)
			continue;
		if (mode == ALLBARE)
			set_user_tri(s, strncmp(s->name, "FEATURE_", 8) != 0);
		else
			set_user_tri(s, mode == RANDCONFIG ? rnd() & 1 : mode != ALLNO);
	}
	if (mode == RANDCONFIG)
		random_choices(&root);
	if (mode == OLDCONFIG) {
		if (isatty(0))
			while (ask_new(&root, 1) && !input_eof)
				;
		else
			ask_new(&root, 0);
	}
	write_config(config);
	return 0;
}
