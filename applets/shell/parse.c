/*== part of ash ==*/
/* parse.c: the lexer and parser of the POSIX shell grammar (POSIX.1-2024 XCU 2.3, 2.10)
 * with the bash additions scripts use (function f, |&, &>, <<<, ;&, ;;&, $'...').
 * Words are kept as source text with their quotes: expand.c interprets them. A command
 * substitution is parsed when it is read, to find its end and report its syntax errors;
 * its text is parsed again when it runs. */
#include "sh.h"

enum tok {
	T_WORD, T_IONUM, T_NEWLINE, T_EOF, T_SEMI, T_DSEMI, T_SEMIAND, T_DSEMIAND, T_AMP,
	T_AND, T_OR, T_PIPE, T_PIPEAMP, T_LPAREN, T_RPAREN, T_LESS, T_GREAT, T_DGREAT,
	T_CLOBBER, T_LESSAND, T_GREATAND, T_LESSGREAT, T_DLESS, T_DLESSDASH, T_TLESS,
	T_ANDGREAT, T_ANDDGREAT,
};
static const char *const tok_text[] = {
	"", "", "newline", "end of file", ";", ";;", ";&", ";;&", "&", "&&", "||", "|", "|&",
	"(", ")", "<", ">", ">>", ">|", "<&", ">&", "<>", "<<", "<<-", "<<<", "&>", "&>>",
};

/* Shared by a parser and the parsers of the command substitutions inside it. */
struct lexer {
	struct input *in;
	int peek, peek2;	/* the next two characters; -2: none */
	struct sbuf capture;	/* the text read while inside $( ) */
	int capture_depth;
	jmp_buf *err;
	struct sbuf **words;	/* words being built, freed on a syntax error */
	int nwords, capwords;
	int depth;		/* of nested lists: bounded by the stack */
	size_t noecho;		/* characters given back to read again (subshells that began
				 * "((") that set -v has shown already */
	bool dbracket;		/* in [[ ]]: extglob forms are words */
	bool regex;		/* the word after =~: ( ) with blanks inside, and |, are its own */
};

struct parser {
	struct lexer *lx;
	struct arena *arena;
	bool have_tok;
	enum tok tok;
	char *word;		/* T_WORD / T_IONUM text (malloced) */
	int tok_line;
	struct redir *hd_first, **hd_last;	/* here-documents waiting for their bodies */
	char *alias_blank;	/* the last alias expanded ended in a blank: its name */
	bool alias_first;	/* the next word begins the text of such an expansion */
	/* bash reads NAME[subscript] whole, blanks and all, in a word where an assignment
	 * may be (a[i + 1]=x): args: a command name was read, so the words are arguments;
	 * redir_target: the next word follows a redirection operator. */
	bool args, redir_target;
	bool args_before;	/* args before the last word (an alias is read again) */
	bool subscript;		/* the word being read may hold such a subscript */
};

/* set -v: input is copied to stderr as it is read, ending with a newline. */
static void verbose_echo(struct input *in, int c)
{
	if (c >= 0) {
		full_write(STDERR_FILENO, (char[]){ (char)c }, 1);
		in->verbose_nl = c != '\n';
	} else if (in->verbose_nl) {
		full_write(STDERR_FILENO, "\n", 1);
		in->verbose_nl = false;
	}
}

static int lx_read(struct lexer *lx)
{
	int c = lx->peek2;

	if (c == -2)
		return input_getc(lx->in);
	lx->peek2 = -2;
	return c;
}

static int lx_getc(struct lexer *lx)
{
	int c = lx->peek;

	if (c != -2)
		lx->peek = -2;
	else
		c = lx_read(lx);
	if (c == '\n')
		lx->in->lineno++;
	if (lx->capture_depth && c >= 0)
		sb_addc(&lx->capture, c);
	if (lx->noecho && c >= 0)
		lx->noecho--;
	else if (SHOPT(OPT_v) && lx->in == sh_G.input)
		verbose_echo(lx->in, c);
	return c;
}

static int lx_peek(struct lexer *lx)
{
	if (lx->peek == -2) {
		lx->peek = lx_read(lx);
		if (lx->peek < 0 && SHOPT(OPT_v) && lx->in == sh_G.input)
			verbose_echo(lx->in, -1);
	}
	return lx->peek;
}

/* The next character once line continuations (backslash-newline) are taken out: where
 * they can split an operator, "$(" or "${" (POSIX 2.2.1). */
static int lx_peek_joined(struct lexer *lx)
{
	while (lx_peek(lx) == '\\') {
		if (lx->peek2 == -2)
			lx->peek2 = input_getc(lx->in);
		if (lx->peek2 != '\n')
			break;
		lx_getc(lx);
		lx_getc(lx);
	}
	return lx->peek;
}

NORETURN static void syntax_error(struct parser *p, const char *what)
{
	sh_G.lineno = p->tok_line ? p->tok_line : p->lx->in->lineno;
	if (what && (!strcmp(what, "end of file") || !strcmp(what, "newline") ||
		     !strcmp(what, "nesting too deep")))
		sh_error("syntax error: unexpected %s", what);
	else if (what)
		sh_error("syntax error: unexpected '%s'", what);
	else
		sh_error("syntax error: unexpected '%s'", p->word ? p->word : "");
	longjmp(*p->lx->err, 1);
}

/* A function may not take the name of a special builtin (POSIX 2.9.5). */
static char *function_name(struct parser *p, char *name)
{
	const struct builtin *b = builtin_lookup(name);

	if (b && (b->flags & BI_SPECIAL)) {
		sh_G.lineno = p->tok_line ? p->tok_line : p->lx->in->lineno;
		sh_error("`%s': not a valid identifier", name);
		longjmp(*p->lx->err, 1);
	}
	return name;
}

NORETURN static void eof_error(struct parser *p)
{
	p->tok_line = p->lx->in->lineno;
	syntax_error(p, "end of file");
}

static struct sbuf *word_open(struct lexer *lx)
{
	struct sbuf *b = xzalloc(sizeof(*b));
	if (lx->nwords == lx->capwords) {
		lx->capwords = lx->capwords * 2 + 8;
		lx->words = xrealloc(lx->words, lx->capwords * sizeof(*lx->words));
	}
	lx->words[lx->nwords++] = b;
	return b;
}

/* The word, moved into the arena: nothing to free when a syntax error jumps out. */
static char *word_close(struct parser *p, struct sbuf *b)
{
	char *s = arena_strndup(p->arena, b->s ? b->s : "", b->len);
	free(b->s);
	free(b);
	p->lx->nwords--;
	return s;
}

static void scan_dollar(struct parser *p, struct sbuf *b, bool dq);
static enum tok scan_op(struct lexer *lx, int c);
static struct node *parse_list(struct parser *p, bool top);
static enum tok peek_tok(struct parser *p);

static void scan_squote(struct parser *p, struct sbuf *b)
{
	int c;
	while ((c = lx_getc(p->lx)) != '\'') {
		if (c < 0)
			eof_error(p);
		sb_addc(b, c);
	}
	sb_addc(b, c);
}

static void scan_backquote(struct parser *p, struct sbuf *b)
{
	int c;
	while ((c = lx_getc(p->lx)) != '`') {
		if (c < 0)
			eof_error(p);
		sb_addc(b, c);
		if (c == '\\') {
			if ((c = lx_getc(p->lx)) < 0)
				eof_error(p);
			sb_addc(b, c);
		}
	}
	sb_addc(b, c);
}

static void scan_dquote(struct parser *p, struct sbuf *b)
{
	int c;
	while ((c = lx_getc(p->lx)) != '"') {
		if (c < 0)
			eof_error(p);
		if (c == '\\') {
			c = lx_getc(p->lx);
			if (c < 0)
				eof_error(p);
			if (c == '\n')
				continue;
			sb_addc(b, '\\');
			sb_addc(b, c);
		} else if (c == '$') {
			sb_addc(b, c);
			scan_dollar(p, b, true);
		} else if (c == '`') {
			sb_addc(b, c);
			scan_backquote(p, b);
		} else {
			sb_addc(b, c);
		}
	}
	sb_addc(b, c);
}

/* After "$(": parse up to the matching ")" and copy the text read. */
static void scan_cmdsubst(struct parser *p, struct sbuf *b)
{
	struct lexer *lx = p->lx;
	struct parser sub = { .lx = lx, .arena = p->arena };
	size_t start = lx->capture.len;

	sub.hd_last = &sub.hd_first;
	lx->capture_depth++;
	parse_list(&sub, false);
	/* the list stops at the first token it cannot take: it must be ")" */
	if (peek_tok(&sub) != T_RPAREN)
		syntax_error(&sub, sub.tok == T_WORD ? NULL : tok_text[sub.tok]);
	sb_addn(b, lx->capture.s + start, lx->capture.len - start);
	if (--lx->capture_depth == 0)
		lx->capture.len = 0;
	else
		lx->capture.s[lx->capture.len] = 0;
}

static void scan_arith(struct parser *p, struct sbuf *b)
{
	int depth = 0, c;

	for (;;) {
		c = lx_getc(p->lx);
		if (c < 0)
			eof_error(p);
		if (c == '\\' && lx_peek(p->lx) == '\n') {
			lx_getc(p->lx);	/* a line continuation */
			continue;
		}
		if (c == ')' && depth == 0 && lx_peek_joined(p->lx) == ')') {
			sb_addc(b, c);
			sb_addc(b, lx_getc(p->lx));
			return;
		}
		depth += c == '(';
		depth -= c == ')';
		sb_addc(b, c);
		if (c == '\\' && (c = lx_getc(p->lx)) >= 0)
			sb_addc(b, c);
		else if (c == '\'')
			scan_squote(p, b);
		else if (c == '"')
			scan_dquote(p, b);
		else if (c == '$')
			scan_dollar(p, b, false);
		else if (c == '`')
			scan_backquote(p, b);
	}
}

/* The rest of a ${...}; in double quotes, quotes in a pattern (after # % /) are quotes
 * still, as in skip_brace. */
static void scan_brace(struct parser *p, struct sbuf *b, bool dq)
{
	size_t start = b->len;
	int c;

	while ((c = lx_getc(p->lx)) != '}') {
		if (c < 0)
			eof_error(p);
		if (b->len > start && (c == '#' || c == '%' || c == '/'))
			dq = false;
		if (c == '\\' && lx_peek(p->lx) == '\n') {
			lx_getc(p->lx);	/* a line continuation */
			continue;
		}
		sb_addc(b, c);
		if (c == '\\') {
			if ((c = lx_getc(p->lx)) < 0)
				eof_error(p);
			sb_addc(b, c);
		} else if (c == '\'' && !dq) {
			scan_squote(p, b);
		} else if (c == '"') {
			scan_dquote(p, b);
		} else if (c == '$') {
			scan_dollar(p, b, dq);
		} else if (c == '`') {
			scan_backquote(p, b);
		}
	}
	sb_addc(b, c);
}

/* After a '$' (already in b): the rest of a parameter, $( ), $(( )) or $'...'. */
static void scan_dollar(struct parser *p, struct sbuf *b, bool dq)
{
	int c = lx_peek_joined(p->lx);

	if (c == '{') {
		sb_addc(b, lx_getc(p->lx));
		scan_brace(p, b, dq);
	} else if (c == '(') {
		sb_addc(b, lx_getc(p->lx));
		if (lx_peek_joined(p->lx) == '(') {
			sb_addc(b, lx_getc(p->lx));
			scan_arith(p, b);
		} else {
			scan_cmdsubst(p, b);
		}
	} else if (c == '\'' && !dq) {
		sb_addc(b, lx_getc(p->lx));
		while ((c = lx_getc(p->lx)) != '\'') {
			if (c < 0)
				eof_error(p);
			sb_addc(b, c);
			if (c == '\\') {
				if ((c = lx_getc(p->lx)) < 0)
					eof_error(p);
				sb_addc(b, c);
			}
		}
		sb_addc(b, c);
	}
}

static bool is_meta(int c)
{
	return c < 0 || c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' ||
	       c == '<' || c == '>' || c == '(' || c == ')';
}

/* Text up to the close that balances what is open (depth), where blanks, newlines and
 * operators are part of the word; quotes and expansions are read as in a word. For the
 * "@(" of an extglob form (shopt extglob, or in [[ ]]) up to its ")", and for the
 * [subscript] of a NAME[...]= word from its "[" on. */
static void scan_balanced(struct parser *p, struct sbuf *b, int open, int close, int depth)
{
	int c;

	do {
		if ((c = lx_getc(p->lx)) < 0)
			eof_error(p);
		sb_addc(b, c);
		depth += (c == open) - (c == close);
		if (c == '\\') {
			if ((c = lx_getc(p->lx)) < 0)
				eof_error(p);
			sb_addc(b, c);
		} else if (c == '\'') {
			scan_squote(p, b);
		} else if (c == '"') {
			scan_dquote(p, b);
		} else if (c == '`') {
			scan_backquote(p, b);
		} else if (c == '$') {
			scan_dollar(p, b, false);
		}
	} while (depth);
}

/* The text of a word onto b; backslash: its first character, a backslash, has been read
 * already. */
static void scan_word_text(struct parser *p, struct sbuf *b, bool backslash)
{
	struct lexer *lx = p->lx;
	int c = 0;

	while (backslash || !is_meta(c = lx_peek(lx)) || (lx->regex && (c == '(' || c == '|'))) {
		if (c == '(' && lx->regex && !backslash) {
			scan_balanced(p, b, '(', ')', 0);
			continue;
		}
		if (ENABLE_FEATURE_SH_ARRAYS && p->subscript && !backslash && c == '[' &&
		    is_name(b->s, b->len)) {
			p->subscript = false;
			scan_balanced(p, b, '[', ']', 0);
			continue;
		}
		if (backslash)
			c = '\\', backslash = false;
		else
			lx_getc(lx);
		if (c == '\\') {
			c = lx_getc(lx);
			if (c == '\n')
				continue;
			sb_addc(b, '\\');
			if (c >= 0)
				sb_addc(b, c);
			continue;
		}
		sb_addc(b, c);
		if (c == '\'')
			scan_squote(p, b);
		else if (c == '"')
			scan_dquote(p, b);
		else if (c == '`')
			scan_backquote(p, b);
		else if (c == '$')
			scan_dollar(p, b, false);
		else if (strchr("?*+@!", c) && lx_peek(lx) == '(' &&
			 (SH_SHOPT(SHOPT_extglob) || lx->dbracket)) {
			sb_addc(b, lx_getc(lx));
			scan_balanced(p, b, '(', ')', 1);
		}
	}
}

/* bash NAME=( ... ): the elements (words, across newlines and comments) kept as one word,
 * "NAME=(e1 e2 ...)" with single spaces between them. */
static void scan_compound(struct parser *p, struct sbuf *b)
{
	struct lexer *lx = p->lx;
	bool first = true;
	int c;

	sb_addc(b, lx_getc(lx));
	while ((c = lx_peek(lx)) != ')') {
		if (c == ' ' || c == '\t' || c == '\n') {
			lx_getc(lx);
		} else if (c == '#') {
			while ((c = lx_peek(lx)) >= 0 && c != '\n')
				lx_getc(lx);
		} else if (c < 0) {
			eof_error(p);
		} else if (is_meta(c)) {
			p->tok_line = lx->in->lineno;
			syntax_error(p, tok_text[scan_op(lx, lx_getc(lx))]);
		} else {
			if (!first)
				sb_addc(b, ' ');
			first = false;
			scan_word_text(p, b, false);
		}
	}
	sb_addc(b, lx_getc(lx));
}

static char *scan_word(struct parser *p, bool backslash)
{
	struct sbuf *b = word_open(p->lx);

	scan_word_text(p, b, backslash);
	if (ENABLE_FEATURE_SH_ARRAYS && lx_peek(p->lx) == '(' && b->len) {
		size_t lhs, nl;
		sb_addc(b, 0);
		b->len--;
		lhs = assign_lhs_len(b->s, &nl);
		if (lhs && lhs + 1 == b->len && b->s[lhs - 1] != ']')
			scan_compound(p, b);
	}
	return word_close(p, b);
}

static void read_heredocs(struct parser *p);

static enum tok scan_op(struct lexer *lx, int c)
{
	int n = c == '(' || c == ')' ? 0 : lx_peek_joined(lx);
	switch (c) {
	case ';':
		if (n == ';') {
			lx_getc(lx);
			if (lx_peek_joined(lx) == '&')
				return lx_getc(lx), T_DSEMIAND;
			return T_DSEMI;
		}
		if (n == '&')
			return lx_getc(lx), T_SEMIAND;
		return T_SEMI;
	case '&':
		if (n == '&')
			return lx_getc(lx), T_AND;
		if (n == '>') {
			lx_getc(lx);
			if (lx_peek_joined(lx) == '>')
				return lx_getc(lx), T_ANDDGREAT;
			return T_ANDGREAT;
		}
		return T_AMP;
	case '|':
		if (n == '|')
			return lx_getc(lx), T_OR;
		if (n == '&')
			return lx_getc(lx), T_PIPEAMP;
		return T_PIPE;
	case '(':
		return T_LPAREN;
	case ')':
		return T_RPAREN;
	case '<':
		if (n == '<') {
			lx_getc(lx);
			if (lx_peek_joined(lx) == '-')
				return lx_getc(lx), T_DLESSDASH;
			if (lx_peek_joined(lx) == '<')
				return lx_getc(lx), T_TLESS;
			return T_DLESS;
		}
		if (n == '&')
			return lx_getc(lx), T_LESSAND;
		if (n == '>')
			return lx_getc(lx), T_LESSGREAT;
		return T_LESS;
	default: /* '>' */
		if (n == '>')
			return lx_getc(lx), T_DGREAT;
		if (n == '|')
			return lx_getc(lx), T_CLOBBER;
		if (n == '&')
			return lx_getc(lx), T_GREATAND;
		return T_GREAT;
	}
}

/* After each token: can the next word be an assignment (see struct parser)? */
static void track_command_position(struct parser *p)
{
	static const char *const starters[] = { "!", "{", "do", "elif", "else", "if", "then",
						"time", "until", "while", NULL };
	size_t nl;

	if (p->tok == T_IONUM)
		return;
	if (p->tok != T_WORD) {
		p->redir_target = p->tok >= T_LESS;
		if (!p->redir_target)
			p->args = false;
		return;
	}
	if (p->redir_target) {
		p->redir_target = false;
		return;
	}
	p->args_before = p->args;
	if (p->args ? strcmp(p->word, "{") != 0 : assign_lhs_len(p->word, &nl) != 0)
		return;
	p->args = true;
	for (int i = 0; starters[i]; i++)
		if (!strcmp(p->word, starters[i]))
			p->args = false;
}

static enum tok peek_tok(struct parser *p)
{
	struct lexer *lx = p->lx;
	bool backslash = false;
	int c;

	if (p->have_tok)
		return p->tok;
	p->word = NULL;
	for (;;) {
		c = lx_peek(lx);
		if (c == ' ' || c == '\t') {
			lx_getc(lx);
		} else if (c == '\\') {
			lx_getc(lx);
			if (lx_peek(lx) == '\n') {
				lx_getc(lx);
				continue;
			}
			backslash = true;
			break;
		} else if (c == '#') {
			while ((c = lx_peek(lx)) >= 0 && c != '\n')
				lx_getc(lx);
		} else {
			break;
		}
	}
	p->tok_line = lx->in->lineno;
	p->have_tok = true;
	p->subscript = !p->args && !p->redir_target;
	c = backslash ? '\\' : lx_peek(lx);
	if (backslash) {
		p->word = scan_word(p, true);
		p->tok = T_WORD;
	} else if (c < 0) {
		p->tok = T_EOF;
	} else if (c == '\n') {
		lx_getc(lx);
		p->tok = T_NEWLINE;
		read_heredocs(p);
	} else if (is_meta(c) && !(lx->regex && (c == '(' || c == '|'))) {
		p->tok = scan_op(lx, lx_getc(lx));
	} else {
		p->word = scan_word(p, false);
		p->tok = T_WORD;
		c = lx_peek(lx);
		if ((c == '<' || c == '>') && p->word[strspn(p->word, "0123456789")] == 0)
			p->tok = T_IONUM;
	}
	p->subscript = false;
	track_command_position(p);
	return p->tok;
}

static void take_tok(struct parser *p)
{
	peek_tok(p);
	p->have_tok = false;
}

/* The current word moved into the arena. */
static struct word *take_word(struct parser *p)
{
	struct word *w = arena_alloc(p->arena, sizeof(*w));
	peek_tok(p);
	w->text = p->word;
	w->lineno = p->tok_line;
	take_tok(p);
	return w;
}

NORETURN static void unexpected(struct parser *p)
{
	enum tok t = peek_tok(p);
	syntax_error(p, t == T_WORD || t == T_IONUM ? NULL : tok_text[t]);
}

static bool is_word(struct parser *p, const char *w)
{
	return peek_tok(p) == T_WORD && !strcmp(p->word, w);
}

static void expect_word(struct parser *p, const char *w)
{
	if (!is_word(p, w))
		unexpected(p);
	take_tok(p);
}

static void skip_newlines(struct parser *p)
{
	while (peek_tok(p) == T_NEWLINE)
		take_tok(p);
}

bool is_name(const char *s, size_t n)
{
	if (n == 0 || !(isalpha(s[0]) || s[0] == '_'))
		return false;
	for (size_t i = 1; i < n; i++)
		if (!(isalnum(s[i]) || s[i] == '_'))
			return false;
	return true;
}

bool is_decl_name(const char *s)
{
	static const char *const names[] = { "export", "readonly", "local", "declare",
					     "typeset", NULL };
	if (!strchr("erldt", *s))	/* most commands: no need to compare */
		return false;
	for (int i = 0; names[i]; i++)
		if (!strcmp(s, names[i]))
			return i < 3 || ENABLE_FEATURE_SH_ARRAYS;
	return false;
}

size_t assignment_name_len(const char *s)
{
	const char *eq = strchr(s, '=');
	if (!eq || !is_name(s, eq - s))
		return 0;
	return eq - s;
}

size_t assign_lhs_len(const char *s, size_t *nlen)
{
	size_t n = 0, i;

	while (isalnum(s[n]) || s[n] == '_')
		n++;
	if (!is_name(s, n))
		return 0;
	i = n;
	if (ENABLE_FEATURE_SH_ARRAYS && s[i] == '[') {
		int depth = 0;
		for (; s[i]; i++) {
			depth += (s[i] == '[') - (s[i] == ']');
			if (!depth)
				break;
		}
		if (!s[i] || i == n + 1)
			return 0;
		i++;
	}
	if (ENABLE_FEATURE_SH_ARRAYS && s[i] == '+')
		i++;
	if (s[i] != '=')
		return 0;
	*nlen = n;
	return i;
}

static struct node *new_node(struct parser *p, enum node_type type)
{
	struct node *n = arena_alloc(p->arena, sizeof(*n));
	n->type = type;
	n->lineno = p->tok_line;
	return n;
}

/* Remove quotes from a here-document delimiter; true if there were any. */
static bool unquote_delim(char *s)
{
	char *d = s;
	bool quoted = false;

	for (; *s; s++) {
		if (*s == '\\' && s[1]) {
			quoted = true;
			*d++ = *++s;
		} else if (*s == '\'' || *s == '"') {
			char q = *s;
			quoted = true;
			while (*++s && *s != q) {
				/* in double quotes a backslash quotes only \ $ ` " */
				if (q == '"' && *s == '\\' && s[1] && strchr("\\$`\"", s[1]))
					s++;
				*d++ = *s;
			}
			if (!*s)
				break;
		} else if (*s == '$' && s[1] == '\'') {
			quoted = true;
		} else {
			*d++ = *s;
		}
	}
	*d = 0;
	return quoted;
}

/* Whether the text ends with a backslash that no other backslash quotes */
static bool ends_in_backslash(const char *s, size_t n)
{
	size_t k = 0;

	while (k < n && s[n - 1 - k] == '\\')
		k++;
	return k & 1;
}

/* The bodies of the here-documents begun on the line just read. Unless the delimiter was
 * quoted, a backslash-newline joins lines first: "a\<newline>EOF" is no delimiter line. */
static void read_heredocs(struct parser *p)
{
	struct lexer *lx = p->lx;

	while (p->hd_first) {
		struct redir *r = p->hd_first;
		const char *delim = r->target->text;
		struct sbuf body = { 0 }, line = { 0 };
		int c;

		p->hd_first = r->next_heredoc;
		for (;;) {
			/* an empty line must not show the previous one's text */
			line.len = 0;
			if (line.s)
				line.s[0] = 0;
			while ((c = lx_getc(lx)) >= 0) {
				if (c != '\n') {
					sb_addc(&line, c);
				} else if (!r->quoted && ends_in_backslash(line.s, line.len)) {
					line.s[--line.len] = 0;	/* a line continuation */
				} else {
					break;
				}
			}
			if (c < 0 && line.len == 0)
				break;
			{
				const char *l = line.s ? line.s : "";
				if (r->strip_tabs)
					l += strspn(l, "\t");
				if (!strcmp(l, delim))
					break;
				sb_adds(&body, l);
				sb_addc(&body, '\n');
			}
			if (c < 0)
				break;
		}
		free(line.s);
		r->body = arena_strndup(p->arena, body.s ? body.s : "", body.len);
		free(body.s);
	}
	p->hd_last = &p->hd_first;
}

static bool is_redir_tok(enum tok t)
{
	return t == T_IONUM || (t >= T_LESS && t <= T_ANDDGREAT);
}

static struct redir *parse_redir(struct parser *p)
{
	struct redir *r = arena_alloc(p->arena, sizeof(*r));
	enum tok t;

	r->fd = -1;
	if (peek_tok(p) == T_IONUM) {
		errno = 0;
		long fd = strtol(p->word, NULL, 10);
		if (fd > INT_MAX / 2 || errno)
			syntax_error(p, NULL);
		r->fd = fd;
		take_tok(p);
	}
	t = peek_tok(p);
	take_tok(p);
	switch (t) {
	case T_LESS: r->type = R_IN; break;
	case T_GREAT: r->type = R_OUT; break;
	case T_CLOBBER: r->type = R_CLOBBER; break;
	case T_DGREAT: r->type = R_APPEND; break;
	case T_LESSAND: r->type = R_DUPIN; break;
	case T_GREATAND: r->type = R_DUPOUT; break;
	case T_LESSGREAT: r->type = R_RDWR; break;
	case T_TLESS: r->type = R_HERESTR; break;
	case T_ANDGREAT: r->type = R_OUTERR; break;
	case T_ANDDGREAT: r->type = R_OUTERR; r->strip_tabs = true; break;
	default: r->type = R_HEREDOC; r->strip_tabs = t == T_DLESSDASH; break;
	}
	if (r->fd < 0)
		r->fd = r->type == R_IN || r->type == R_DUPIN || r->type == R_RDWR ||
				r->type == R_HEREDOC || r->type == R_HERESTR ? 0 : 1;
	if (peek_tok(p) != T_WORD)
		unexpected(p);
	r->target = take_word(p);
	if (r->type == R_HEREDOC) {
		r->quoted = unquote_delim(r->target->text);
		*p->hd_last = r;
		p->hd_last = &r->next_heredoc;
	}
	return r;
}

/* Redirections after a compound command. */
static struct redir *parse_redirs(struct parser *p)
{
	struct redir *first = NULL, **last = &first;
	while (is_redir_tok(peek_tok(p))) {
		*last = parse_redir(p);
		last = &(*last)->next;
	}
	return first;
}

static const char *const list_ends[] = { "then", "else", "elif", "fi", "do", "done", "esac",
					 "}", NULL };

static bool try_alias(struct parser *p);

/* At a command's place: aliases first, as one may give "}" or "done". */
static bool at_list_end(struct parser *p)
{
	enum tok t;

	while (try_alias(p))
		;
	t = peek_tok(p);
	if (t == T_WORD) {
		for (int i = 0; list_ends[i]; i++)
			if (!strcmp(p->word, list_ends[i]))
				return true;
		return false;
	}
	return !(t == T_IONUM || t == T_LPAREN || is_redir_tok(t));
}

/* Alias substitution for the word at command position. */
static bool try_alias(struct parser *p)
{
	struct alias *a;

	if (peek_tok(p) != T_WORD || !sh_G.aliases || p->lx->in->fd == -2)
		return false;
	a = alias_lookup(p->word);
	if (!a || input_alias_active(p->lx->in, a->name))
		return false;
	if (p->lx->peek >= 0) {
		int c2 = p->lx->peek2;
		input_push(p->lx->in, (char[]){ (char)p->lx->peek, c2 >= 0 ? (char)c2 : 0, 0 }, NULL);
		p->lx->peek = p->lx->peek2 = -2;
	} else if (p->lx->peek == -1) {
		p->lx->peek = -2;
	}
	input_push(p->lx->in, a->value, a->name);
	p->have_tok = false;
	p->args = p->args_before;
	{
		size_t n = strlen(a->value);
		free(p->alias_blank);
		p->alias_blank = NULL;
		if (n && (a->value[n - 1] == ' ' || a->value[n - 1] == '\t'))
			p->alias_blank = xstrdup(a->name);
	}
	return true;
}

static struct node *parse_compound(struct parser *p);
static struct node *parse_and_or(struct parser *p);

static struct node *parse_simple(struct parser *p)
{
	struct node *n = new_node(p, N_SIMPLE);
	struct word **wl = &n->words, **al = &n->assigns;
	struct redir **rl = &n->redirs;
	size_t nl;

	for (;;) {
		enum tok t = peek_tok(p);
		if (is_redir_tok(t)) {
			*rl = parse_redir(p);
			rl = &(*rl)->next;
		} else if (t == T_WORD) {
			size_t lhs = assign_lhs_len(p->word, &nl);
			if (!n->words && lhs) {
				*al = take_word(p);
				al = &(*al)->next;
				continue;
			}
			/* a=(...) is an operand only of the declaration builtins */
			if (ENABLE_FEATURE_SH_ARRAYS && lhs && p->word[lhs + 1] == '(' &&
			    !is_decl_name(n->words ? n->words->text : ""))
				syntax_error(p, "(");
			/* the word after the text of an alias ending in a blank, and the
			 * first word of what that gave (bash), are checked for aliases */
			bool after = p->alias_blank &&
				     !input_alias_active(p->lx->in, p->alias_blank);
			if (n->words && (after || p->alias_first)) {
				if (after) {
					free(p->alias_blank);
					p->alias_blank = NULL;
				}
				p->alias_first = false;
				if (try_alias(p)) {
					p->alias_first = true;
					continue;
				}
			}
			if (!n->words && try_alias(p))
				continue;
			*wl = take_word(p);
			wl = &(*wl)->next;
		} else {
			break;
		}
	}
	free(p->alias_blank);
	p->alias_blank = NULL;
	p->alias_first = false;
	if (!n->words && !n->assigns && !n->redirs)
		unexpected(p);
	return n;
}

static struct node *parse_body_list(struct parser *p)
{
	struct node *n = parse_list(p, false);
	if (!n)
		unexpected(p);
	return n;
}

static struct node *parse_if(struct parser *p)
{
	struct node *n = new_node(p, N_IF);
	take_tok(p);
	n->a = parse_body_list(p);
	expect_word(p, "then");
	n->b = parse_body_list(p);
	if (is_word(p, "elif")) {
		n->c = parse_if(p);
		return n;
	}
	if (is_word(p, "else")) {
		take_tok(p);
		n->c = parse_body_list(p);
	}
	expect_word(p, "fi");
	return n;
}

static struct node *parse_loop(struct parser *p, enum node_type type)
{
	struct node *n = new_node(p, type);
	take_tok(p);
	n->a = parse_body_list(p);
	expect_word(p, "do");
	n->b = parse_body_list(p);
	expect_word(p, "done");
	return n;
}

static struct node *parse_arith_for(struct parser *p, struct node *n);

static struct node *parse_for(struct parser *p)
{
	struct node *n = new_node(p, N_FOR);
	struct word **wl = &n->words;

	take_tok(p);
	if (peek_tok(p) == T_LPAREN && lx_peek(p->lx) == '(')
		return parse_arith_for(p, n);
	if (peek_tok(p) != T_WORD || !is_name(p->word, strlen(p->word)))
		unexpected(p);
	n->name = take_word(p)->text;
	skip_newlines(p);
	if (is_word(p, "in")) {
		take_tok(p);
		n->has_in = true;
		while (peek_tok(p) == T_WORD) {
			*wl = take_word(p);
			wl = &(*wl)->next;
		}
		if (peek_tok(p) != T_SEMI && peek_tok(p) != T_NEWLINE)
			unexpected(p);
		take_tok(p);
	} else if (peek_tok(p) == T_SEMI) {
		take_tok(p);
	}
	skip_newlines(p);
	expect_word(p, "do");
	n->b = parse_body_list(p);
	expect_word(p, "done");
	return n;
}

static struct node *parse_case(struct parser *p)
{
	struct node *n = new_node(p, N_CASE);
	struct case_item **il = &n->items;

	take_tok(p);
	if (peek_tok(p) != T_WORD)
		unexpected(p);
	n->words = take_word(p);
	skip_newlines(p);
	expect_word(p, "in");
	skip_newlines(p);
	while (!is_word(p, "esac")) {
		struct case_item *it = arena_alloc(p->arena, sizeof(*it));
		struct word **pl = &it->patterns;
		if (peek_tok(p) == T_LPAREN)
			take_tok(p);
		for (;;) {
			if (peek_tok(p) != T_WORD)
				unexpected(p);
			*pl = take_word(p);
			pl = &(*pl)->next;
			if (peek_tok(p) != T_PIPE)
				break;
			take_tok(p);
		}
		if (peek_tok(p) != T_RPAREN)
			unexpected(p);
		take_tok(p);
		it->body = parse_list(p, false);
		*il = it;
		il = &it->next;
		switch (peek_tok(p)) {
		case T_DSEMI: it->end = CASE_BREAK; break;
		case T_SEMIAND: it->end = CASE_FALL; break;
		case T_DSEMIAND: it->end = CASE_TEST; break;
		default:
			if (!is_word(p, "esac"))
				unexpected(p);
			continue;
		}
		take_tok(p);
		skip_newlines(p);
	}
	take_tok(p);
	return n;
}

/* The body of a function: a compound command with its redirections. */
static struct node *parse_function_body(struct parser *p, struct node *def)
{
	struct node *body;
	skip_newlines(p);
	body = parse_compound(p);
	if (!body)
		unexpected(p);
	def->a = body;
	return def;
}

/* bash [[ ... ]]: the words up to "]]", with && || ( ) < > kept as marked words. */
static struct node *parse_dbracket(struct parser *p)
{
	struct node *n = new_node(p, N_DBRACKET);
	struct word **wl = &n->words;

	take_tok(p);
	p->lx->dbracket = true;
	for (;;) {
		enum tok t = peek_tok(p);
		struct word *w;
		if (t == T_WORD && !strcmp(p->word, "]]"))
			break;
		if (t == T_NEWLINE) {	/* newlines inside are blanks */
			take_tok(p);
			continue;
		}
		if (t == T_WORD) {
			w = take_word(p);
			p->lx->regex = !strcmp(w->text, "=~");
		} else if (t == T_AND || t == T_OR || t == T_LPAREN || t == T_RPAREN ||
			   t == T_LESS || t == T_GREAT) {
			w = arena_alloc(p->arena, sizeof(*w));
			w->text = arena_alloc(p->arena, 4);
			w->text[0] = 1;
			strcpy(w->text + 1, tok_text[t]);
			w->lineno = p->tok_line;
			take_tok(p);
		} else {
			unexpected(p);
		}
		*wl = w;
		wl = &w->next;
	}
	p->lx->dbracket = p->lx->regex = false;
	take_tok(p);
	if (!n->words)
		syntax_error(p, "]]");
	return n;
}

/* After "((": the text up to the ")" that closes the second "(", both included, into b.
 * True when another ")" follows: then it is arithmetic, as bash decides. The ";" outside
 * parentheses are counted and the first two kept (offsets in b) for for (( ; ; )). */
static bool scan_dparen(struct parser *p, struct sbuf *b, size_t *semi, int *nsemi)
{
	int depth = 0, c;

	sb_addc(b, lx_getc(p->lx));
	for (;;) {
		c = lx_getc(p->lx);
		if (c < 0)
			return false;
		sb_addc(b, c);
		if (c == ')' && depth == 0)
			return lx_peek(p->lx) == ')';
		depth += (c == '(') - (c == ')');
		if (c == ';' && depth == 0 && (*nsemi)++ < 2)
			semi[*nsemi - 1] = b->len - 1;
		else if (c == '\\' && (c = lx_getc(p->lx)) >= 0)
			sb_addc(b, c);
		else if (c == '\'')
			scan_squote(p, b);
		else if (c == '"')
			scan_dquote(p, b);
		else if (c == '$')
			scan_dollar(p, b, false);
		else if (c == '`')
			scan_backquote(p, b);
	}
}

/* The expression of a scanned "(( ))": b without its parentheses, in the arena. */
static char *dparen_text(struct parser *p, struct sbuf *b)
{
	char *s;

	lx_getc(p->lx);	/* the second ")" */
	p->have_tok = false;
	b->len--;
	s = word_close(p, b);
	return s + 1;
}

/* A part of for (( ; ; )) as a word, without its surrounding blanks. */
static struct word *new_word(struct parser *p, char *text, int lineno)
{
	struct word *w = arena_alloc(p->arena, sizeof(*w));
	size_t n;

	text += strspn(text, " \t\n");
	for (n = strlen(text); n && strchr(" \t\n", text[n - 1]); n--)
		;
	text[n] = 0;
	w->text = text;
	w->lineno = lineno;
	return w;
}

/* bash (( expr )), the "((" token being next. When the text is no arithmetic, as in
 * ((cmd); cmd), it is given back to be read again as nested subshells: NULL. */
static struct node *parse_arith_cmd(struct parser *p)
{
	struct lexer *lx = p->lx;
	struct sbuf *b = word_open(lx);
	size_t capture = lx->capture.len, semi[2];
	int nsemi = 0;
	struct node *n;

	if (scan_dparen(p, b, semi, &nsemi)) {
		n = new_node(p, N_ARITH);
		n->words = arena_alloc(p->arena, sizeof(*n->words));
		n->words->text = dparen_text(p, b);
		n->words->lineno = n->lineno;
		return n;
	}
	/* newlines read now count again when read again; backslash-newlines do not */
	for (size_t i = 0; i < b->len; i++)
		lx->in->lineno -= b->s[i] == '\n';
	/* set -v has shown the text; and the rest of text given back before, if any */
	lx->noecho += b->len;
	if (lx->capture_depth) {
		lx->capture.len = capture;
		lx->capture.s[capture] = 0;
	}
	if (lx->peek >= 0)
		sb_addc(b, lx->peek);
	lx->peek = -2;
	input_push(lx->in, b->s, NULL);
	word_close(p, b);
	return NULL;
}

/* for (( init; cond; step )) [;] do list done, or { list } as the body. */
static struct node *parse_arith_for(struct parser *p, struct node *n)
{
	struct sbuf *b = word_open(p->lx);
	size_t semi[2];
	int nsemi = 0, line = p->tok_line;
	char *t;

	if (!scan_dparen(p, b, semi, &nsemi) || nsemi != 2) {
		sh_G.lineno = line;
		sh_error("syntax error: arithmetic expression required");
		longjmp(*p->lx->err, 1);
	}
	t = dparen_text(p, b) - 1;
	t[semi[0]] = t[semi[1]] = 0;
	n->type = N_ARITHFOR;
	n->words = new_word(p, t + 1, line);
	n->words->next = new_word(p, t + semi[0] + 1, line);
	n->words->next->next = new_word(p, t + semi[1] + 1, line);
	skip_newlines(p);
	if (peek_tok(p) == T_SEMI) {
		take_tok(p);
		skip_newlines(p);
	}
	if (is_word(p, "{")) {
		take_tok(p);
		n->b = parse_body_list(p);
		expect_word(p, "}");
	} else {
		expect_word(p, "do");
		n->b = parse_body_list(p);
		expect_word(p, "done");
	}
	return n;
}

/* A compound command (with its redirections), or NULL if the token starts none. */
static struct node *parse_compound(struct parser *p)
{
	enum tok t = peek_tok(p);
	struct node *n;

	if (t == T_LPAREN && lx_peek(p->lx) == '(' && (n = parse_arith_cmd(p))) {
		/* (( expr )) */
	} else if (t == T_LPAREN) {
		n = new_node(p, N_SUBSHELL);
		take_tok(p);
		n->a = parse_body_list(p);
		if (peek_tok(p) != T_RPAREN)
			unexpected(p);
		take_tok(p);
	} else if (t != T_WORD) {
		return NULL;
	} else if (!strcmp(p->word, "{")) {
		n = new_node(p, N_GROUP);
		take_tok(p);
		n->a = parse_body_list(p);
		expect_word(p, "}");
	} else if (!strcmp(p->word, "if")) {
		n = parse_if(p);
	} else if (!strcmp(p->word, "while")) {
		n = parse_loop(p, N_WHILE);
	} else if (!strcmp(p->word, "until")) {
		n = parse_loop(p, N_UNTIL);
	} else if (!strcmp(p->word, "for")) {
		n = parse_for(p);
	} else if (!strcmp(p->word, "case")) {
		n = parse_case(p);
	} else if (!strcmp(p->word, "[[")) {
		n = parse_dbracket(p);
	} else {
		return NULL;
	}
	n->redirs = parse_redirs(p);
	return n;
}

static struct node *parse_command_unit(struct parser *p)
{
	struct node *n;

	while (try_alias(p))
		;
	n = parse_compound(p);
	if (n)
		return n;
	if (is_word(p, "function")) {
		take_tok(p);
		if (peek_tok(p) != T_WORD)
			unexpected(p);
		n = new_node(p, N_FUNCDEF);
		n->name = function_name(p, take_word(p)->text);
		if (peek_tok(p) == T_LPAREN) {
			take_tok(p);
			if (peek_tok(p) != T_RPAREN)
				unexpected(p);
			take_tok(p);
		}
		return parse_function_body(p, n);
	}
	if (peek_tok(p) == T_WORD && at_list_end(p))
		unexpected(p);
	n = parse_simple(p);
	if (peek_tok(p) == T_LPAREN && !n->assigns && !n->redirs && n->words &&
	    !n->words->next) {
		const char *name = n->words->text;
		if (!is_name(name, strlen(name)) && strpbrk(name, "'\"\\$`"))
			syntax_error(p, "(");
		take_tok(p);
		if (peek_tok(p) != T_RPAREN)
			unexpected(p);
		take_tok(p);
		n->type = N_FUNCDEF;
		n->name = function_name(p, n->words->text);
		n->words = NULL;
		return parse_function_body(p, n);
	}
	return n;
}

static struct node *parse_pipeline(struct parser *p)
{
	struct node *n, *first;
	bool bang = false;
	int cap = 0;

	if (is_word(p, "!")) {
		take_tok(p);
		bang = true;
	}
	first = parse_command_unit(p);
	n = first;
	if (peek_tok(p) == T_PIPE || peek_tok(p) == T_PIPEAMP) {
		n = new_node(p, N_PIPE);
		n->lineno = first->lineno;
		for (;;) {
			if (n->ncmds == cap) {
				struct node **v = arena_alloc(p->arena, (cap * 2 + 4) * sizeof(*v));
				if (cap)
					memcpy(v, n->cmds, cap * sizeof(*v));
				n->cmds = v;
				cap = cap * 2 + 4;
			}
			n->cmds[n->ncmds++] = first;
			if (peek_tok(p) != T_PIPE && peek_tok(p) != T_PIPEAMP)
				break;
			first->pipe_stderr = peek_tok(p) == T_PIPEAMP;
			take_tok(p);
			skip_newlines(p);
			first = parse_command_unit(p);
		}
	}
	if (bang) {
		struct node *b = new_node(p, N_NOT);
		b->a = n;
		n = b;
	}
	return n;
}

static struct node *parse_and_or(struct parser *p)
{
	struct node *n = parse_pipeline(p);

	while (peek_tok(p) == T_AND || peek_tok(p) == T_OR) {
		struct node *op = new_node(p, peek_tok(p) == T_AND ? N_AND : N_OR);
		take_tok(p);
		skip_newlines(p);
		op->a = n;
		op->b = parse_pipeline(p);
		n = op;
	}
	return n;
}

static struct node *seq(struct parser *p, struct node *list, struct node *n)
{
	struct node *s;
	if (!list)
		return n;
	s = new_node(p, N_SEQ);
	s->a = list;
	s->b = n;
	s->lineno = n->lineno;
	return s;
}

/* A list of and-or lists. top: one line of the top level (a newline ends it). */
static struct node *parse_list(struct parser *p, bool top)
{
	struct node *list = NULL;
	enum tok t;

	/* a recursive parser: nesting deeper than this would overflow the stack */
	if (++p->lx->depth > 1000) {
		p->tok_line = p->lx->in->lineno;
		syntax_error(p, "nesting too deep");
	}
	if (!top)
		skip_newlines(p);
	while (!at_list_end(p)) {
		struct node *n = parse_and_or(p);
		t = peek_tok(p);
		if (t == T_AMP) {
			struct node *bg = new_node(p, N_BG);
			bg->a = n;
			bg->lineno = n->lineno;
			n = bg;
		}
		list = seq(p, list, n);
		if (t == T_AMP || t == T_SEMI) {
			take_tok(p);
			t = peek_tok(p);
		} else if (t != T_NEWLINE) {
			break;
		}
		if (t == T_NEWLINE) {
			if (top)
				break;
			skip_newlines(p);
		}
	}
	if (top) {
		t = peek_tok(p);
		if (t == T_NEWLINE)
			take_tok(p);
		else if (t != T_EOF)
			unexpected(p);
	}
	p->lx->depth--;
	return list;
}

static void lexer_cleanup(struct lexer *lx, struct parser *p)
{
	while (lx->nwords > 0) {
		struct sbuf *b = lx->words[--lx->nwords];
		free(b->s);
		free(b);
	}
	free(lx->words);
	lx->words = NULL;
	free(lx->capture.s);
	p->word = NULL;
	free(p->alias_blank);
	p->alias_blank = NULL;
	if (lx->peek >= 0)
		input_push(lx->in, (char[]){ (char)lx->peek, 0 }, NULL);
}

struct node *parse_command(struct input *in, struct arena *a, bool *eof, bool *err)
{
	jmp_buf jb;
	struct lexer lx = { .in = in, .peek = -2, .peek2 = -2, .err = &jb };
	struct parser p = { .lx = &lx, .arena = a };
	struct node *volatile n = NULL;

	p.hd_last = &p.hd_first;
	*err = false;
	*eof = false;
	if (setjmp(jb) == 0) {
		n = parse_list(&p, true);
		*eof = p.have_tok && p.tok == T_EOF;
		if (p.hd_first)
			read_heredocs(&p);
	} else {
		*err = true;
		n = NULL;
		*eof = in->eof && lx.peek == -1;
	}
	lexer_cleanup(&lx, &p);
	return n;
}

struct node *parse_string(const char *s, struct arena *a, bool *err)
{
	struct input in;
	struct node *list = NULL;
	bool eof = false;
	int line = sh_G.lineno;

	input_init_string(&in, s, strlen(s));
	in.lineno = line > 0 ? line : 1;
	while (!eof) {
		struct node *n = parse_command(&in, a, &eof, err);
		if (*err) {
			list = NULL;
			break;
		}
		if (n) {
			struct node *sq;
			if (!list) {
				list = n;
				continue;
			}
			sq = arena_alloc(a, sizeof(*sq));
			sq->type = N_SEQ;
			sq->a = list;
			sq->b = n;
			sq->lineno = n->lineno;
			list = sq;
		}
	}
	input_free(&in);
	sh_G.lineno = line;
	return list;
}

size_t parse_cmdsubst_len(const char *s)
{
	jmp_buf jb;
	struct input in;
	struct lexer lx = { .in = &in, .peek = -2, .peek2 = -2, .err = &jb };
	struct arena *a = arena_new();
	struct parser p = { .lx = &lx, .arena = a };
	size_t len;
	int saved = sh_G.lineno;

	p.hd_last = &p.hd_first;
	input_init_string(&in, s, strlen(s));
	in.fd = -2;	/* no more to read: and no alias is pushed during the scan */
	if (setjmp(jb) == 0) {
		parse_list(&p, false);
		len = peek_tok(&p) == T_RPAREN ? in.pos - (lx.peek >= 0) : strlen(s);
	} else {
		len = strlen(s);
	}
	lx.peek = -2;
	lexer_cleanup(&lx, &p);
	input_free(&in);
	arena_unref(a);
	sh_G.lineno = saved;
	return len;
}
