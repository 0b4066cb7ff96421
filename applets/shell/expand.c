/*== part of ash ==*/
/* expand.c: word expansion (POSIX XCU 2.6): tilde, parameters, command substitution,
 * arithmetic, field splitting, pathname expansion and quote removal, and the pattern
 * matching of case and ${x#p}. A word is expanded into characters that each carry
 * flags (quoted, or the result of an unquoted expansion and so subject to splitting),
 * then split into fields and globbed. */
#include "sh.h"
#include <pwd.h>

enum {
	F_QUOTED = 1,	/* literal: no splitting, no globbing */
	F_SPLIT = 2,	/* from an unquoted expansion: IFS characters split */
	F_BREAK = 4,	/* not a character: a field ends here ("$@") */
	F_MARK = 8,	/* not a character: the field exists even if empty ("") */
};

struct xbuf {
	struct sbuf s;
	struct sbuf f;		/* one flag byte per byte of s */
	int flags;		/* EXP_* */
	int literal;		/* flag of unquoted literal text: F_SPLIT in ${x-word} */
	bool brace_word;	/* in the word of "${x-word}": its own "" are quotes */
	bool empty_list;	/* a quoted "$@" or "${a[@]}" without elements: no field */
};

enum ctx { C_UNQ, C_DQ, C_HEREDOC };

/* Expansion buffers are reused: words are expanded all the time. */
static void sb_get(struct sbuf *b)
{
	if (sh_G.nspare)
		*b = sh_G.spare[--sh_G.nspare];
	else
		memset(b, 0, sizeof(*b));
}

static void sb_put(struct sbuf *b)
{
	if (b->s && b->cap <= 65536 && sh_G.nspare < (int)ARRAY_SIZE(sh_G.spare)) {
		b->len = 0;
		sh_G.spare[sh_G.nspare++] = *b;
	} else {
		free(b->s);
	}
	memset(b, 0, sizeof(*b));
}

static void x_init(struct xbuf *x, int flags)
{
	memset(x, 0, sizeof(*x));
	x->flags = flags;
	sb_get(&x->s);
	sb_get(&x->f);
}

static void x_done(struct xbuf *x)
{
	sb_put(&x->s);
	sb_put(&x->f);
}

static void x_add(struct xbuf *x, int c, int f)
{
	sb_addc(&x->s, c);
	sb_addc(&x->f, f);
}

static void x_adds(struct xbuf *x, const char *s, size_t n, int f)
{
	size_t at = x->f.len;
	sb_addn(&x->s, s, n);
	sb_addn(&x->f, s, n);
	memset(x->f.s + at, f, n);
}

/* Characters that may start a quote, an expansion or a tilde prefix in word text. */
static bool word_special(int c)
{
	switch (c) {
	case '\\': case '$': case '`': case '\'': case '"': case '~': case ':':
		return true;
	}
	return false;
}

/* Text with none of them expands to itself. */
static bool plain_text(const char *s, const char *end)
{
	while (s < end && !word_special(*s))
		s++;
	return s == end;
}

void fields_add(struct fields *f, char *s)
{
	if (f->n + 1 >= f->cap) {
		f->cap = f->cap * 2 + 8;
		f->v = xrealloc(f->v, f->cap * sizeof(*f->v));
	}
	f->v[f->n++] = s;
	f->v[f->n] = NULL;
}

void fields_free(struct fields *f)
{
	for (size_t i = 0; i < f->n; i++)
		free(f->v[i]);
	free(f->v);
	memset(f, 0, sizeof(*f));
}

/* ---- finding the end of constructs in word text (the lexer checked them) ---- */

static const char *skip_dollar(const char *s, bool dq);

static const char *skip_squote(const char *s)
{
	while (*s && *s != '\'')
		s++;
	return *s ? s + 1 : s;
}

static const char *skip_bquote(const char *s)
{
	while (*s && *s != '`')
		s += s[0] == '\\' && s[1] ? 2 : 1;
	return *s ? s + 1 : s;
}

static const char *skip_dquote(const char *s);

const char *skip_unit(const char *s, bool dq)
{
	if (*s == '\\' && s[1])
		return s + 2;
	if (*s == '\'' && !dq)
		return skip_squote(s + 1);
	if (*s == '"')
		return skip_dquote(s + 1);
	if (*s == '$')
		return skip_dollar(s + 1, dq);
	if (*s == '`')
		return skip_bquote(s + 1);
	return s + 1;
}

static const char *skip_dquote(const char *s)
{
	while (*s && *s != '"')
		s = skip_unit(s, true);
	return *s ? s + 1 : s;
}

/* In double quotes, quotes in the pattern of ${x#p} ${x%p} ${x/p/r} are quotes still. */
static const char *skip_brace(const char *s, bool dq)
{
	const char *start = s;

	while (*s && *s != '}') {
		if (s > start && (*s == '#' || *s == '%' || *s == '/'))
			dq = false;
		s = skip_unit(s, dq);
	}
	return *s ? s + 1 : s;
}

static const char *skip_arith(const char *s)
{
	int depth = 0;
	while (*s) {
		if (*s == ')' && depth == 0 && s[1] == ')')
			return s + 2;
		if (*s == '(')
			depth++;
		else if (*s == ')')
			depth--;
		s = skip_unit(s, false);
	}
	return s;
}

/* s: after a '$'. Only the bracketed forms: a plain $name ends where its name ends. */
static const char *skip_dollar(const char *s, bool dq)
{
	if (*s == '{')
		return skip_brace(s + 1, dq);
	if (s[0] == '(' && s[1] == '(')
		return skip_arith(s + 2);
	if (*s == '(')
		return s + 1 + parse_cmdsubst_len(s + 1);
	if (*s == '\'' && !dq) {
		for (s++; *s && *s != '\''; s += s[0] == '\\' && s[1] ? 2 : 1)
			;
		return *s ? s + 1 : s;
	}
	return s;
}

/* ---- parameters ---- */

static const char *ifs_value(void)
{
	const char *ifs = var_get("IFS");
	return ifs ? ifs : " \t\n";
}

static char *positional_joined(char sep_char, bool have_sep)
{
	struct sbuf b = { 0 };
	for (int i = 0; i < sh_G.npos; i++) {
		if (i && have_sep)
			sb_addc(&b, sep_char);
		sb_adds(&b, sh_G.pos[i]);
	}
	return sb_take(&b);
}

/* The value of variable name[0..n) as stored: valid until the next assignment. */
static const char *named_value(const char *name, size_t n)
{
	char buf[64], *nm = n < sizeof(buf) ? buf : xmalloc(n + 1);
	const char *v;

	memcpy(nm, name, n);
	nm[n] = 0;
	v = var_get(nm);
	if (nm != buf)
		free(nm);
	return v;
}

/* The value of a special or named parameter (malloced), or NULL if unset. */
static char *param_value(const char *name, size_t n)
{
	char buf[32];
	const char *v = NULL;

	if (n == 1 && !isalnum(*name) && *name != '_') {
		switch (*name) {
		case '?': return xstrdup(fmt_num(buf, sh_G.status));
		case '$': snprintf(buf, sizeof(buf), "%d", (int)sh_G.rootpid); return xstrdup(buf);
		case '#': snprintf(buf, sizeof(buf), "%d", sh_G.npos); return xstrdup(buf);
		case '!':
			if (!sh_G.lastbg)
				return NULL;
			snprintf(buf, sizeof(buf), "%d", (int)sh_G.lastbg);
			return xstrdup(buf);
		case '-': return option_letters();
		case '@':
		case '*': {
			const char *ifs = ifs_value();
			return sh_G.npos ? positional_joined(*ifs ? *ifs : ' ', *ifs != 0) : NULL;
		}
		}
		return NULL;
	}
	if (isdigit(*name)) {
		long i = 0;
		for (size_t k = 0; k < n && i < INT_MAX / 10; k++)
			i = i * 10 + (name[k] - '0');
		if (i == 0)
			return xstrdup(sh_G.arg0);
		return i <= sh_G.npos ? xstrdup(sh_G.pos[i - 1]) : NULL;
	}
	v = named_value(name, n);
	return v ? xstrdup(v) : NULL;
}

/* Append a value: quoted, or subject to splitting and globbing. */
static void add_value(struct xbuf *x, const char *v, bool quoted)
{
	x_adds(x, v, strlen(v), quoted ? F_QUOTED : F_SPLIT);
}

/* "$@", $@, $*: each parameter its own field. */
static void add_positional_fields(struct xbuf *x, bool quoted)
{
	x->empty_list |= quoted && !sh_G.npos;
	for (int i = 0; i < sh_G.npos; i++) {
		if (i)
			x_add(x, 0, F_BREAK);
		if (quoted)
			x_add(x, 0, F_MARK);
		add_value(x, sh_G.pos[i], quoted);
	}
}

static void expand_part(struct xbuf *x, const char *s, const char *end, enum ctx ctx);

/* The word of ${x-word} and friends as one string (for =, ? and patterns). */
static char *expand_sub(const char *s, const char *end, int flags, enum ctx ctx)
{
	/* arithmetic: as in double quotes, but "" inside are quotes (removed) */
	struct xbuf x;
	char *out, *o;

	if ((ctx == C_UNQ || !(flags & EXP_PATTERN)) && plain_text(s, end))
		return xstrndup(s, end - s);
	x_init(&x, flags);
	x.brace_word = ctx != C_UNQ;	/* a word, subscript or offset inside "${...}" */
	expand_part(&x, s, end, ctx == C_UNQ ? C_UNQ : C_DQ);
	o = out = xmalloc(x.s.len * (flags & (EXP_PATTERN | EXP_REGEX) ? 2 : 1) + 1);
	for (size_t i = 0; i < x.s.len; i++) {
		int c = x.s.s[i], f = x.f.s[i];
		if (f & F_MARK)
			continue;
		if (f & F_BREAK) {
			*o++ = ' ';
			continue;
		}
		if ((flags & (EXP_PATTERN | EXP_REGEX)) &&
		    (f & F_QUOTED || (ctx != C_UNQ && !(f & F_SPLIT))))
			if (strchr(flags & EXP_REGEX ? "\\.[]()*+?{}|^$" : "\\*?[]!-^()|@+", c))
				*o++ = '\\';
		*o++ = c;
	}
	*o = 0;
	x_done(&x);
	return out;
}

/* Remove the shortest/longest prefix/suffix matching pat. */
static char *trim_pattern(const char *v, const char *pat, bool suffix, bool longest)
{
	size_t n = strlen(v), pl = strlen(pat);
	/* a plain character at the pattern's outer end must be the removed part's own:
	 * most lengths need no matching */
	int c = !pl ? -1 : suffix ? pat[0] : pat[pl - 1];

	if (c > 0 && strchr("*?[]()|\\@+!", c))
		c = -1;
	for (size_t k = 0; k <= n; k++) {
		size_t len = longest ? n - k : k;	/* the length removed, tried in order */
		if (c >= 0 && (!len || (unsigned char)(suffix ? v[n - len] : v[len - 1]) != c))
			continue;
		if (suffix ? pattern_match_n(pat, v + n - len, len, false)
			   : pattern_match_n(pat, v, len, false))
			return suffix ? xstrndup(v, n - len) : xstrdup(v + len);
	}
	return xstrdup(v);
}

NORETURN static void param_error(const char *name, size_t n, const char *msg)
{
	sh_fatal(sh_G.interactive ? 1 : 2, "%.*s: %s", (int)n, name, msg);
}

/* The first unquoted c in [s, end), or end. */
static const char *find_unquoted(const char *s, const char *end, int c)
{
	while (s < end && *s != c) {
		if (*s == '\\' && s + 1 < end)
			s += 2;
		else if (*s == '\'')
			s = skip_squote(s + 1);
		else if (*s == '"')
			s = skip_dquote(s + 1);
		else if (*s == '$')
			s = skip_dollar(s + 1, false);
		else
			s++;
	}
	return s < end ? s : end;
}

/* bash ${x:off:len}: counted in bytes; a negative offset counts from the end. */
/* Whether ${#x} and ${x:off:len} count characters, not bytes, in v: when it has
 * non-ASCII bytes and the locale (LC_ALL, LC_CTYPE or LANG, the first set) is UTF-8. */
static bool counts_utf8(const char *v)
{
	const char *loc = NULL;

	while (*v && !(*v & 0x80))
		v++;
	if (!*v)
		return false;
	for (const char *const *n = (const char *const[]){ "LC_ALL", "LC_CTYPE", "LANG", NULL };
	     *n && !(loc && *loc); n++)
		loc = var_get(*n);
	return loc && (strcasestr(loc, "utf-8") || strcasestr(loc, "utf8"));
}

/* The byte offset of character i of UTF-8 text v (or its length if shorter); with
 * i = -1, the number of characters. Continuation bytes 10xxxxxx are not counted. */
static size_t utf8_offset(const char *v, long long i)
{
	size_t b = 0, chars = 0;

	for (; v[b]; b++) {
		if (((unsigned char)v[b] & 0xc0) == 0x80)
			continue;
		if ((long long)chars == i)
			return b;
		chars++;
	}
	return i < 0 ? chars : b;
}

static char *substring(const char *v, const char *s, const char *end)
{
	const char *colon = find_unquoted(s, end, ':');
	char *e = expand_sub(s, colon, 0, C_DQ);
	bool utf8 = counts_utf8(v);
	long long len = utf8 ? (long long)utf8_offset(v, -1) : (long long)strlen(v);
	long long off = arith_eval(e), n = len;

	free(e);
	if (colon < end) {
		e = expand_sub(colon + 1, end, 0, C_DQ);
		n = arith_eval(e);
		free(e);
	}
	if (off < 0)
		off += len;
	if (off < 0 || off > len)
		return xstrdup("");
	if (n < 0)
		n += len - off;
	if (n < 0)
		sh_fatal(1, "%lld: substring expression < 0", n - (len - off));
	if (n > len - off)
		n = len - off;
	if (utf8) {
		v += utf8_offset(v, off);
		n = (long long)utf8_offset(v, n);
	}
	return xstrndup(v + (utf8 ? 0 : off), n);
}

/* The length of the longest match of pat at the start of s (n bytes), or -1; with
 * whole, only all of s counts. */
static long longest_match(const char *pat, const char *s, size_t n, bool whole)
{
	for (size_t k = n + 1; k-- > 0;) {
		if (pattern_match_n(pat, s, k, true))
			return (long)k;
		if (whole)
			break;
	}
	return -1;
}

/* ${v/p/r} ${v//p/r} ${v/#p/r} ${v/%p/r} (bash): s is what follows the first '/'. The
 * pattern ends at the next unquoted '/', except that the pattern of // cannot be empty
 * (${v///r/x} has the pattern "/r"). The replacement has its quotes removed as in unquoted text. */
static char *replace(const char *v, const char *s, const char *end)
{
	bool all = *s == '/', at_start = *s == '#', at_end = *s == '%';
	const char *pstart = s + (all || at_start || at_end), *slash;
	struct sbuf out = { 0 };
	size_t n = strlen(v), i = 0;
	char *pat, *rep;

	slash = find_unquoted(pstart + (all && pstart < end && *pstart == '/'), end, '/');
	pat = expand_sub(pstart, slash, EXP_PATTERN, C_UNQ);
	if (!*pat && !at_start && !at_end) {
		free(pat);
		return xstrdup(v);
	}
	rep = slash < end ? expand_sub(slash + 1, end, 0, C_UNQ) : xstrdup("");
	/* an empty match counts anchored, or before a character, or in an empty value */
	for (; i < n || (i == n && (at_start || at_end || n == 0)); i++) {
		long k = at_start && i ? -1 : longest_match(pat, v + i, n - i, at_end);
		if (k < 0) {
			if (at_start)
				break;
			if (i < n)
				sb_addc(&out, v[i]);
			continue;
		}
		sb_adds(&out, rep);
		if (!all) {
			i += k;
			break;
		}
		if (k == 0) {
			if (i < n)
				sb_addc(&out, v[i]);
		} else {
			i += k - 1;
		}
	}
	if (i < n)
		sb_adds(&out, v + i);
	free(pat);
	free(rep);
	return sb_take(&out);
}

/* bash ${x^p} ${x^^p} ${x,p} ${x,,p}: the first or every character that matches the
 * pattern p (any character when there is none) */
static char *change_case(const char *v, bool upper, bool all, const char *pat)
{
	char *t = xstrdup(v);
	for (char *p = t; *p; p++) {
		if (!*pat || pattern_match_n(pat, p, 1, false))
			*p = upper ? toupper((unsigned char)*p) : tolower((unsigned char)*p);
		if (!all)
			break;
	}
	return t;
}

/* ---- lists: "$@" and arrays ---- */

struct elist {
	struct aelem *e;	/* values malloced */
	size_t n;
};

static void elist_add(struct elist *l, long long idx, const char *val)
{
	l->e = xrealloc(l->e, (l->n + 1) * sizeof(*l->e));
	l->e[l->n].idx = idx;
	l->e[l->n++].val = xstrdup(val);
}

static void elist_free(struct elist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->e[i].val);
	free(l->e);
}

/* The positional parameters (numbered from 1) or the elements of an array. */
static void elist_get(struct elist *l, const char *name, size_t n)
{
	struct var *v;
	char *nm;

	if (n == 1 && (*name == '@' || *name == '*')) {
		for (int i = 0; i < sh_G.npos; i++)
			elist_add(l, i + 1, sh_G.pos[i]);
		return;
	}
	nm = xstrndup(name, n);
	v = var_lookup(nm);
	free(nm);
	if (v && !(v->flags & V_ARRAY) && !(v->flags & V_UNSET))
		elist_add(l, 0, v->value);
	for (size_t i = 0; v && (v->flags & V_ARRAY) && i < v->narr; i++)
		elist_add(l, v->arr[i].idx, v->arr[i].val);
}

/* ${a[@]:off:len}: the elements from index off on; "$@" starts with $0 at 0. */
static void elist_slice(struct elist *l, const char *name, const char *s, const char *end)
{
	const char *colon = find_unquoted(s, end, ':');
	char *e = expand_sub(s, colon, 0, C_DQ);
	long long off = arith_eval(e), len = LLONG_MAX;
	struct elist r = { 0 };
	bool pos = *name == '@' || *name == '*';

	free(e);
	if (colon < end) {
		e = expand_sub(colon + 1, end, 0, C_DQ);
		len = arith_eval(e);
		free(e);
		if (len < 0)
			sh_fatal(1, "%lld: substring expression < 0", len);
	}
	if (off < 0)
		off += l->n ? l->e[l->n - 1].idx + 1 : 0;
	if (pos && off == 0 && len > 0) {
		elist_add(&r, 0, sh_G.arg0);
		len--;
	}
	for (size_t i = 0; off >= 0 && i < l->n && len > 0; i++) {
		if (l->e[i].idx >= off) {
			elist_add(&r, l->e[i].idx, l->e[i].val);
			len--;
		}
	}
	elist_free(l);
	*l = r;
}

/* "${a[*]}" (star): joined with the first character of IFS; else with spaces. */
static char *elist_join(const struct elist *l, bool star)
{
	const char *ifs = star ? ifs_value() : " ";
	struct sbuf b = { 0 };

	for (size_t i = 0; i < l->n; i++) {
		if (i && *ifs)
			sb_addc(&b, *ifs);
		sb_adds(&b, l->e[i].val);
	}
	return sb_take(&b);
}

static void add_list_fields(struct xbuf *x, const struct elist *l, bool quoted, bool star)
{
	if (star && (quoted || !(x->flags & EXP_FIELDS))) {	/* no fields: as "$*" */
		char *j = elist_join(l, true);
		add_value(x, j, quoted);
		free(j);
		return;
	}
	x->empty_list |= quoted && !l->n;
	for (size_t i = 0; i < l->n; i++) {
		if (i)
			x_add(x, 0, F_BREAK);
		if (quoted)
			x_add(x, 0, F_MARK);
		add_value(x, l->e[i].val, quoted);
	}
}

/* The end of the subscript after "[" (at its "]"), or NULL. */
static const char *subscript_end(const char *s, const char *end)
{
	int depth = 0;
	for (; s < end; s = skip_unit(s, false)) {
		if (*s == ']' && depth-- == 0)
			return s;
		depth += *s == '[';
	}
	return NULL;
}

/* ${!prefix*}: the names of the set variables starting with prefix, sorted. */
static void names_with_prefix(struct elist *l, const char *prefix, size_t n)
{
	size_t nv;
	struct var **v = var_sorted(&nv);
	for (size_t i = 0; i < nv; i++)
		if (!strncmp(v[i]->name, prefix, n) &&
		    (!(v[i]->flags & V_UNSET) || (v[i]->flags & V_ARRAY)))
			elist_add(l, 0, v[i]->name);
	free(v);
}

/* An element ${name[sub]}: value malloced or NULL. */
static char *element_value(const char *name, size_t n, const char *sub, const char *sub_end)
{
	char *e = expand_sub(sub, sub_end, 0, C_DQ), *nm = xstrndup(name, n);
	long long idx = arith_eval(e);
	struct var *v = var_lookup(nm);
	const char *val = NULL;

	if (v && !array_index(v, &idx))
		sh_error("%s: bad array subscript", nm);
	else if (v)
		val = array_get(v, idx);
	free(e);
	free(nm);
	return val ? xstrdup(val) : NULL;
}

static void expand_brace(struct xbuf *x, const char *s, const char *end, enum ctx ctx);
static const char *expand_dollar_squote(struct xbuf *x, const char *s, int quote);

/* ${x@E}: v with the escapes of $'...' decoded */
static char *decode_escapes(const char *v)
{
	struct xbuf t;
	char *r;

	x_init(&t, 0);
	expand_dollar_squote(&t, v, 0);
	r = xstrdup(t.s.s);
	x_done(&t);
	return r;
}

/* One value of ${x@Q} (also @K, @k), ${x@E}, ${x@U}, ${x@u}, ${x@L} */
static char *transform_value(const char *v, int letter)
{
	struct sbuf b = { 0 };

	switch (letter) {
	case 'Q': case 'K': case 'k':
		sb_add_reusable(&b, v, '\'');
		return sb_take(&b);
	case 'E':
		return decode_escapes(v);
	case 'U': case 'L': case 'u':
	default:
		return change_case(v, letter != 'L', letter != 'u', "");
	}
}

/* The bash transformations ${x@A} ${x@a} ${a[@]@K} ${a[@]@k}, or each value's. l has
 * the values of parameter name (whole: ${a[@]...}) and gets the results. false for a
 * letter that is none of them. */
static bool transform(struct elist *l, const char *name, size_t n, int letter, bool whole)
{
	char *nm, attr[8];
	struct var *v;
	bool array;
	struct elist r = { 0 };
	struct sbuf b = { 0 };

	if (!letter || !strchr("QEULuKkAa", letter))
		return false;
	nm = xstrndup(name, n);
	v = isalpha(*name) || *name == '_' ? var_lookup(nm) : NULL;
	array = v && (v->flags & V_ARRAY) && whole;
	free(nm);
	if (letter == 'A' && v) {
		sb_add_declare(&b, v, array || !l->n ? NULL : l->e[0].val);
	} else if (letter == 'a') {
		var_attributes(v, attr);
		for (size_t i = 0; i < l->n || (!i && v); i++)
			elist_add(&r, 0, attr);
	} else if (array && letter == 'K') {
		for (size_t i = 0; i < l->n; i++) {
			char idx[32];
			snprintf(idx, sizeof(idx), &" %lld "[!i], l->e[i].idx);
			sb_adds(&b, idx);
			sb_add_reusable(&b, l->e[i].val, '"');
		}
	} else if (array && letter == 'k') {
		for (size_t i = 0; i < l->n; i++) {
			char idx[24];
			elist_add(&r, 0, fmt_num(idx, l->e[i].idx));
			elist_add(&r, 0, l->e[i].val);
		}
	} else if (letter != 'A' || whole) {
		if (letter == 'A') {	/* "${@@A}": set -- 'x' 'y' */
			elist_add(&r, 0, "set");
			elist_add(&r, 0, "--");
			letter = 'Q';
		}
		for (size_t i = 0; i < l->n; i++) {
			char *t = transform_value(l->e[i].val, letter);
			elist_add(&r, 0, t);
			free(t);
		}
	}
	if (b.s || (array && letter == 'K')) {
		elist_add(&r, 0, b.s ? b.s : "");
		free(b.s);
	}
	elist_free(l);
	*l = r;
	return true;
}

/* ${!ref...}: the rest of the expansion applied to the parameter named by ref's value. */
static void expand_indirect(struct xbuf *x, char *target, const char *rest, const char *end,
			    enum ctx ctx)
{
	char *t = xasprintf("%s%.*s", target, (int)(end - rest), rest);
	const char *p = t;

	if (isalpha(*p) || *p == '_') {
		while (isalnum(*p) || *p == '_')
			p++;
		if (*p == '[' && (p = subscript_end(p + 1, t + strlen(t))))
			p++;
	} else if (isdigit(*p)) {
		p += strspn(p, "0123456789");
	} else if (*p && strchr("@*#?-$!", *p)) {
		p++;
	}
	if (p == t || (size_t)(p - t) != strlen(target)) {
		free(t);
		sh_fatal(1, "%s: invalid variable name", target);
	}
	free(target);
	expand_brace(x, t, t + strlen(t), ctx);
	free(t);
}

/* s: after "${"; end: at the closing '}'. */
static void expand_brace(struct xbuf *x, const char *s, const char *end, enum ctx ctx)
{
	bool quoted = ctx != C_UNQ, length = false, colon = false, indirect = false;
	bool is_at = false, star = false;
	const char *start = s, *name = s, *op, *sub = NULL, *sub_end = NULL;
	struct elist list = { 0 };
	size_t n;
	char *v;

	if (*s == '#' && s + 1 < end) {
		length = true;
		name = ++s;
	} else if (ENABLE_FEATURE_SH_ARRAYS && *s == '!' && s + 1 < end &&
		   (isalnum(s[1]) || s[1] == '_' || s[1] == '#')) {
		indirect = true;
		name = ++s;
	}
	if (isdigit(*s)) {
		while (s < end && isdigit(*s))
			s++;
	} else if (isalpha(*s) || *s == '_') {
		while (s < end && (isalnum(*s) || *s == '_'))
			s++;
	} else if (s < end && strchr("@*#?-$!0", *s)) {
		s++;
	} else if (length) {
		s = name;	/* ${#} or ${#op...}: $# itself, see below */
	} else {
		goto bad;
	}
	n = s - name;
	if (length && s != end && !(ENABLE_FEATURE_SH_ARRAYS && *s == '[')) {
		/* "#" not followed by just a name: $# with an operator, ${#:-w} */
		name = start;
		s = start + 1;
		n = 1;
		length = false;
	} else if (length && n == 0) {
		name = start;	/* ${#} */
		n = 1;
		length = false;
	}
	if (ENABLE_FEATURE_SH_ARRAYS && s < end && *s == '[' && (isalpha(*name) || *name == '_')) {
		sub = s + 1;
		sub_end = subscript_end(sub, end);
		if (!sub_end || sub_end == sub)
			goto bad;
		s = sub_end + 1;
		if (sub_end == sub + 1 && (*sub == '@' || *sub == '*')) {
			is_at = true;
			star = *sub == '*';
		}
	}
	if (n == 1 && (*name == '@' || *name == '*')) {
		is_at = true;
		star = *name == '*';
	}
	if (indirect) {
		if (s + 1 == end && (*s == '*' || *s == '@') && !sub &&
		    (isalpha(*name) || *name == '_')) {
			names_with_prefix(&list, name, n);
			goto list_plain_at;
		}
		if (sub && is_at) {
			if (s != end)
				goto bad;
			elist_get(&list, name, n);
			for (size_t i = 0; i < list.n; i++) {
				free(list.e[i].val);
				list.e[i].val = xasprintf("%lld", list.e[i].idx);
			}
			goto list_plain;
		}
		v = sub ? element_value(name, n, sub, sub_end) : param_value(name, n);
		if (!v)
			sh_fatal(1, "%.*s: invalid indirect expansion", (int)(s - name), name);
		expand_indirect(x, v, s, end, ctx);
		return;
	}
	if (length && s != end && !(name[0] == '#' && n == 1))
		sh_fatal(2, "${%.*s}: bad substitution", (int)(end - name + 1), name - 1);
	if (is_at)
		elist_get(&list, name, n);
	if (length) {
		char buf[24];
		v = sub && !is_at ? element_value(name, n, sub, sub_end) : param_value(name, n);
		if (!v && SHOPT(OPT_u) && !is_at)
			param_error(name, s - name, "unbound variable");
		snprintf(buf, sizeof(buf), "%zu", is_at ? list.n : !v ? 0
			 : counts_utf8(v) ? utf8_offset(v, -1) : strlen(v));
		add_value(x, buf, quoted);
		free(v);
		elist_free(&list);
		return;
	}
	op = s;
	if (op < end && *op == ':') {
		colon = true;
		op++;
	}
	if (is_at)
		v = list.n ? elist_join(&list, star) : NULL;
	else
		v = sub ? element_value(name, n, sub, sub_end) : param_value(name, n);
	bool set = v && (!colon || *v || (is_at && list.n > 1));
	if (op == end) {
		if (colon)
			goto bad_v;
		if (!v && SHOPT(OPT_u) && !is_at)
			param_error(name, s - name, "unbound variable");
	} else if (*op == '-' || *op == '+') {
		if (set == (*op == '-'))
			goto plain;
		free(v);
		elist_free(&list);
		int saved = x->literal;
		bool saved_bw = x->brace_word;
		x->literal = F_SPLIT;
		x->brace_word = ctx != C_UNQ;
		expand_part(x, op + 1, end, ctx == C_UNQ ? C_UNQ : C_DQ);
		x->literal = saved;
		x->brace_word = saved_bw;
		return;
	} else if (*op == '=') {
		if (!isalnum(*name) && *name != '_')
			goto bad_v;	/* $#, $? ... can never be assigned */
		if (!set) {
			char *w = expand_sub(op + 1, end, 0, ctx);
			char *nm = xstrndup(name, n);
			if (!is_name(nm, n) || is_at) {
				free(nm);
				free(w);
				sh_fatal(2, "%.*s: bad variable name", (int)(s - name), name);
			}
			if (sub) {
				char *e = expand_sub(sub, sub_end, 0, C_DQ);
				var_set_elem(nm, arith_eval(e), w, false);
				free(e);
			} else {
				var_set(nm, w, 0);
			}
			free(nm);
			free(v);
			v = w;
		}
		goto plain;
	} else if (*op == '?') {
		if (!set) {
			char *w = op + 1 < end ? expand_sub(op + 1, end, 0, ctx) : NULL;
			free(v);
			if (w) {
				sh_error("%.*s: %s", (int)(s - name), name, w);
				free(w);
				sh_exit(sh_G.interactive ? 1 : 2);
			}
			param_error(name, s - name, colon ? "parameter null or not set"
							  : "parameter not set");
		}
		goto plain;
	} else if (*op == '@' && op + 2 == end && !colon) {
		if (!v && SHOPT(OPT_u) && !is_at)
			param_error(name, s - name, "unbound variable");
		if (!is_at && v)
			elist_add(&list, 0, v);
		free(v);
		v = NULL;
		if (!transform(&list, name, n, op[1], is_at))
			goto bad_v;
		if (is_at)
			goto list_plain;
		if (list.n)
			add_value(x, list.e[0].val, quoted);
		elist_free(&list);
		return;
	} else if (colon || *op == '/' || *op == '^' || *op == ',' || *op == '%' || *op == '#') {
		char *pat = NULL;
		bool longest = op + 1 < end && op[1] == op[0];
		if (!v && SHOPT(OPT_u) && !is_at)
			param_error(name, s - name, "unbound variable");
		if (colon && is_at) {
			free(v);
			elist_slice(&list, name, op, end);
			goto list_plain;
		}
		if (*op == '%' || *op == '#' || *op == '^' || *op == ',')
			pat = expand_sub(op + 1 + longest, end, EXP_PATTERN, C_UNQ);
		if (!is_at) {
			elist_add(&list, 0, v ? v : "");
		}
		for (size_t i = 0; i < list.n; i++) {
			char *t, *e = list.e[i].val;
			if (colon)
				t = substring(e, op, end);
			else if (*op == '/')
				t = v || is_at ? replace(e, op + 1, end) : xstrdup("");	/* unset */
			else if (*op == '^' || *op == ',')
				t = change_case(e, *op == '^', longest, pat);
			else
				t = trim_pattern(e, pat, *op == '%', longest);
			free(e);
			list.e[i].val = t;
		}
		free(pat);
		free(v);
		if (is_at)
			goto list_plain;
		add_value(x, list.e[0].val, quoted);
		elist_free(&list);
		return;
	} else {
		goto bad_v;
	}
plain:
	if (is_at && (!star || !quoted)) {
		free(v);
		goto list_plain;
	}
	if (v)
		add_value(x, v, quoted);
	free(v);
	elist_free(&list);
	return;
list_plain_at:
	star = *s == '*';
list_plain:
	add_list_fields(x, &list, quoted, star);
	elist_free(&list);
	return;
bad_v:
	free(v);
	elist_free(&list);
bad:
	sh_fatal(sh_G.interactive ? 1 : 2, "${%.*s}: bad substitution", (int)(end - start), start);
}

/* $'...': the text up to the closing quote (or NUL, for ${x@E}) with its escapes
 * decoded. */
static const char *expand_dollar_squote(struct xbuf *x, const char *s, int quote)
{
	while (*s && *s != quote) {
		int c = *s++;
		if (c == '\\' && *s) {
			c = *s++;
			switch (c) {
			case 'n': c = '\n'; break;
			case 't': c = '\t'; break;
			case 'r': c = '\r'; break;
			case 'a': c = '\a'; break;
			case 'b': c = '\b'; break;
			case 'e': case 'E': c = 033; break;
			case 'f': c = '\f'; break;
			case 'v': c = '\v'; break;
			case 'c':
				if (*s) {
					c = *s++ & 037;
					break;
				}
				c = '\\';
				s--;
				break;
			case 'x': {
				int v = 0, k = 0;
				while (k < 2 && isxdigit(*s)) {
					v = v * 16 + (isdigit(*s) ? *s - '0' : (tolower(*s) - 'a' + 10));
					s++, k++;
				}
				if (!k) {
					x_add(x, '\\', F_QUOTED);
					break;
				}
				c = v;
				break;
			}
			case 'u': case 'U': {	/* a code point, in UTF-8 */
				unsigned v = 0;
				int k = 0, n = c == 'u' ? 4 : 8;
				char buf[4];
				while (k < n && isxdigit(*s)) {
					v = v * 16 + (isdigit(*s) ? *s - '0' : (tolower(*s) - 'a' + 10));
					s++, k++;
				}
				if (!k || v > 0x10ffff) {
					s -= k;
					x_add(x, '\\', F_QUOTED);
					break;
				}
				if (!v) {
					c = 0;
					break;
				}
				n = utf8_encode(buf, v);
				for (int i = 0; i < n - 1; i++)
					x_add(x, (unsigned char)buf[i], F_QUOTED);
				c = (unsigned char)buf[n - 1];
				break;
			}
			default:
				if (c >= '0' && c <= '7') {
					int v = c - '0', k = 1;
					while (k < 3 && *s >= '0' && *s <= '7')
						v = v * 8 + (*s++ - '0'), k++;
					c = v & 0xff;
				} else if (c != '\\' && c != '\'' && c != '"' && c != '?') {
					x_add(x, '\\', F_QUOTED);
				}
			}
			if (c == 0) {
				/* a NUL ends the string */
				while (*s && *s != quote)
					s += s[0] == '\\' && s[1] ? 2 : 1;
				break;
			}
		}
		x_add(x, c, F_QUOTED);
	}
	x_add(x, 0, F_MARK);
	return *s ? s + 1 : s;
}

static void add_command_output(struct xbuf *x, const char *cmd, bool quoted)
{
	char *out = command_output(cmd);
	add_value(x, out, quoted);
	free(out);
}

/* s: after '$'. Returns the end of what was expanded. */
static const char *expand_dollar(struct xbuf *x, const char *s, enum ctx ctx)
{
	bool quoted = ctx != C_UNQ;
	const char *e;

	if (*s == '{') {
		e = skip_brace(s + 1, quoted);
		expand_brace(x, s + 1, e - 1, ctx);
		return e;
	}
	if (s[0] == '(' && s[1] == '(') {
		char buf[24], *expr;
		e = skip_arith(s + 2);
		expr = expand_sub(s + 2, e - 2, EXP_ARITH, C_DQ);
		add_value(x, fmt_num(buf, arith_eval(expr)), quoted);
		free(expr);
		return e;
	}
	if (*s == '(') {
		size_t len = parse_cmdsubst_len(s + 1);
		char *cmd = xstrndup(s + 1, len ? len - 1 : 0);
		add_command_output(x, cmd, quoted);
		free(cmd);
		return s + 1 + len;
	}
	if (*s == '\'' && ctx == C_UNQ)
		return expand_dollar_squote(x, s + 1, '\'');
	if (isalpha(*s) || *s == '_') {
		e = s;
		while (isalnum(*e) || *e == '_')
			e++;
	} else if (*s && strchr("@*#?-$!0123456789", *s)) {
		e = s + 1;
	} else {	/* a lone $ is literal text: an end-of-line anchor in an =~ regex */
		x_add(x, '$', quoted ? F_QUOTED : x->literal);
		return s;
	}
	/* where no fields are made (assignments, case words), $* is joined as "$*" is */
	if (*s == '@' || (*s == '*' && !quoted && (x->flags & EXP_FIELDS))) {
		add_positional_fields(x, quoted);
		return e;
	}
	/* a variable or positional parameter is added as it is stored, without a copy */
	char *mem = NULL;
	const char *v;
	if (isalpha(*s) || *s == '_')
		v = named_value(s, e - s);
	else if (isdigit(*s) && *s != '0')
		v = *s - '0' <= sh_G.npos ? sh_G.pos[*s - '1'] : NULL;
	else
		v = mem = param_value(s, e - s);
	if (!v && SHOPT(OPT_u) && *s != '*')
		param_error(s, e - s, "unbound variable");
	if (v)
		add_value(x, v, quoted);
	free(mem);
	return e;
}

/* `...`: backslash quotes only $ ` \ (and " inside double quotes). */
static const char *expand_backquote(struct xbuf *x, const char *s, enum ctx ctx)
{
	struct sbuf cmd = { 0 };
	while (*s && *s != '`') {
		if (*s == '\\' && s[1] &&
		    (strchr("$`\\", s[1]) || (ctx == C_DQ && s[1] == '"'))) {
			s++;
		}
		sb_addc(&cmd, *s++);
	}
	add_command_output(x, cmd.s ? cmd.s : "", ctx != C_UNQ);
	free(cmd.s);
	return *s ? s + 1 : s;
}

static const char *expand_tilde(struct xbuf *x, const char *s, const char *end, bool assign)
{
	const char *e = s + 1;
	char *user, *home = NULL;

	while (e < end && *e != '/' && !(assign && *e == ':')) {
		if (strchr("\\'\"$`", *e))
			return NULL;
		e++;
	}
	user = xstrndup(s + 1, e - s - 1);
	if (!*user) {
		const char *h = var_get("HOME");
		if (h)
			home = xstrdup(h);
	} else {
		struct passwd *pw = getpwnam(user);
		if (pw)
			home = xstrdup(pw->pw_dir);
	}
	free(user);
	if (!home)
		return NULL;
	x_add(x, 0, F_MARK);
	add_value(x, home, true);
	free(home);
	return e;
}

/* Expand text [s, end) in a context; the results go to x. */
static void expand_part(struct xbuf *x, const char *s, const char *end, enum ctx ctx)
{
	bool word_start = ctx == C_UNQ && !(x->flags & EXP_NOTILDE);

	while (s < end) {
		int c = *s;
		if (word_start && c == '~') {
			const char *e = expand_tilde(x, s, end, x->flags & EXP_TILDE_ASSIGN);
			word_start = false;
			if (e) {
				s = e;
				continue;
			}
		}
		word_start = false;
		if (c == '\\') {
			int n = s + 1 < end ? s[1] : 0;
			if (ctx == C_UNQ) {	/* a backslash at the very end stays */
				x_add(x, n ? n : '\\', F_QUOTED);
				s += 1 + !!n;
				continue;
			}
			/* \} in the word of a ${...} in double quotes is a quoted } */
			if (n == '$' || n == '`' || n == '\\' || (ctx == C_DQ && n == '"') ||
			    (ctx == C_DQ && n == '}' && x->brace_word)) {
				x_add(x, n, F_QUOTED);
				s += 2;
				continue;
			}
			if (ctx == C_HEREDOC && n == '\n') {
				s += 2;
				continue;
			}
			x_add(x, '\\', F_QUOTED);
			s++;
			continue;
		}
		if (c == '$') {
			s = expand_dollar(x, s + 1, ctx);
			continue;
		}
		if (c == '`') {
			s = expand_backquote(x, s + 1, ctx);
			continue;
		}
		if (ctx == C_UNQ && c == '\'') {
			const char *e = skip_squote(s + 1);
			x_add(x, 0, F_MARK);
			x_adds(x, s + 1, e - s - 1 - (e[-1] == '\'' && e - 1 > s), F_QUOTED);
			s = e;
			continue;
		}
		if (ctx == C_UNQ && c == '"') {
			const char *e = skip_dquote(s + 1);
			const char *body_end = e[-1] == '"' && e - 1 > s ? e - 1 : e;
			size_t mark = x->s.len;
			x_add(x, 0, F_MARK);
			x->empty_list = false;
			expand_part(x, s + 1, body_end, C_DQ);
			/* "$@" without parameters, and nothing else inside: no field */
			if (x->empty_list && x->s.len == mark + 1)
				x->s.len = x->f.len = mark;
			s = e;
			continue;
		}
		if (ctx == C_DQ && c == '"' && x->brace_word) {
			const char *e = skip_dquote(s + 1);
			x_add(x, 0, F_MARK);
			x->brace_word = false;
			expand_part(x, s + 1, e[-1] == '"' && e - 1 > s ? e - 1 : e, C_DQ);
			x->brace_word = true;
			s = e;
			continue;
		}
		const char *e = s + 1;	/* the run of plain characters from here */
		if (ctx == C_UNQ && c == ':' && (x->flags & EXP_TILDE_ASSIGN))
			word_start = true;
		else
			while (e < end && !word_special(*e))
				e++;
		x_adds(x, s, e - s, ctx == C_UNQ ? x->literal : F_QUOTED);
		s = e;
	}
}

/* ---- splitting and globbing ---- */

/* A '[' only starts a pattern when a ']' closes it: "[" alone is literal,
 * and must not cost a directory read. */
static bool bracket_closes(const char *s, size_t i, size_t n)
{
	i++;
	if (i < n && (s[i] == '!' || s[i] == '^'))
		i++;
	if (i < n && s[i] == ']')
		i++;
	for (; i < n; i++)
		if (s[i] == ']')
			return true;
	return false;
}

static bool has_glob_chars(const char *s, const char *f, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (f[i] & F_QUOTED)
			continue;
		if (s[i] == '*' || s[i] == '?')
			return true;
		if (s[i] == '[' && bracket_closes(s, i, n))
			return true;
		/* an extglob form: @( +( !( (the matcher checks for the closing paren) */
		if (s[i] == '(' && i && strchr("@+!", s[i - 1]) && !(f[i - 1] & F_QUOTED) &&
		    SH_SHOPT(SHOPT_extglob))
			return true;
	}
	return false;
}

static void glob_field(struct fields *out, const char *s, const char *f, size_t n)
{
	struct sbuf pat = { 0 };
	char *lit;

	lit = xstrndup(s, n);
	if (SHOPT(OPT_f) || !has_glob_chars(s, f, n)) {
		fields_add(out, lit);
		return;
	}
	/* an unquoted backslash left here came from an expansion: it escapes the next
	 * character of the pattern (POSIX 2.14.1 in 2024, as bash, dash, busybox ash) */
	for (size_t i = 0; i < n; i++) {
		if (f[i] & F_QUOTED)
			sb_addc(&pat, '\\');
		sb_addc(&pat, s[i]);
	}
	if (glob_expand(pat.s, out)) {
		free(lit);
	} else if (SH_SHOPT(SHOPT_failglob)) {
		sh_error("no match: %s", lit);
		sh_G.glob_failed = true;
		free(lit);
	} else if (SH_SHOPT(SHOPT_nullglob)) {
		free(lit);
	} else {
		fields_add(out, lit);
	}
	free(pat.s);
}

/* The fields are gathered in place: each is written back over x at [start, w), which
 * never passes the reading position. */
static void split_fields(struct xbuf *x, struct fields *out)
{
	const char *ifs = ifs_value();
	char *s = x->s.s, *fl = x->f.s;
	size_t start = 0, w = 0;
	bool exists = false;
	enum { NONE, WS, NONWS } last = NONE;

	for (size_t i = 0; i <= x->s.len; i++) {
		int c = i < x->s.len ? s[i] : 0, f = i < x->s.len ? fl[i] : F_BREAK;
		bool emit = false;

		if (f & F_MARK) {
			exists = true;
			continue;
		}
		if (f & F_BREAK) {
			emit = exists;
			last = NONE;
		} else if ((f & F_SPLIT) && c && strchr(ifs, c)) {
			if (c == ' ' || c == '\t' || c == '\n') {
				if (exists)
					emit = true, last = WS;
			} else if (exists) {
				emit = true, last = NONWS;
			} else if (last == WS) {
				last = NONWS;
			} else {
				emit = true, last = NONWS;
			}
		} else {
			s[w] = c;
			fl[w++] = f;
			exists = true;
			continue;
		}
		if (emit) {
			if (x->flags & EXP_FIELDS)
				glob_field(out, s ? s + start : "", fl ? fl + start : "", w - start);
			else
				fields_add(out, xstrndup(s ? s + start : "", w - start));
			start = w;
			exists = false;
		}
	}
}

/* export, readonly and local take name=value operands like assignments. */
static bool is_decl_command(const struct word *w)
{
	return w && is_decl_name(w->text);
}

/* A word that is one field as written: nothing to expand, split or glob. */
static bool plain_word(const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '*': case '?': case '[': case '{': case '(':
			return false;
		}
		if (word_special(*s))
			return false;
	}
	return true;
}

/* $name or "$name" whose value is one field as it is (set; unquoted: letters and digits
 * that IFS does not split): the field without the general machinery. */
static bool simple_param_word(const char *text, struct fields *out)
{
	bool q = *text == '"';
	const char *p = text + q, *name, *v;

	if (*p++ != '$' || !(isalpha(*p) || *p == '_'))
		return false;
	for (name = p; isalnum(*p) || *p == '_'; p++)
		;
	if ((q && *p++ != '"') || *p)
		return false;
	v = named_value(name, p - q - name);
	if (!v || (!q && !*v))
		return false;
	if (!q) {
		for (const char *c = v; *c; c++)
			if (!isalnum(*c))
				return false;
		for (const char *c = ifs_value(); *c; c++)
			if (isalnum(*c))
				return false;
	}
	fields_add(out, xstrdup(v));
	return true;
}

static void expand_text(const char *text, struct fields *out, bool decl)
{
	size_t n, nl = decl ? assign_lhs_len(text, &n) : 0;

	if (nl) {
		char *v = expand_string(text + nl + 1, EXP_TILDE_ASSIGN);
		fields_add(out, make_assignment(text, nl, v));
		free(v);
		return;
	}
	if (*text && plain_word(text)) {
		fields_add(out, xstrdup(text));
		return;
	}
	if ((*text == '$' || *text == '"') && simple_param_word(text, out))
		return;
	struct xbuf x;
	x_init(&x, EXP_FIELDS);
	expand_part(&x, text, text + strlen(text), C_UNQ);
	split_fields(&x, out);
	x_done(&x);
}

static void expand_list(struct word *w, struct fields *out, bool decl)
{
	for (; w; w = w->next) {
		size_t n, nl = decl ? assign_lhs_len(w->text, &n) : 0;

		sh_G.lineno = w->lineno ? w->lineno : sh_G.lineno;
		if (ENABLE_FEATURE_SH_ARRAYS && nl && w->text[nl + 1] == '(') {
			/* NAME=(...): for the builtin to expand, marked as not from a quoted word */
			fields_add(out, xasprintf("\001%s", w->text));
			continue;
		}
		if (ENABLE_FEATURE_SH_BRACE_EXPANSION && SHOPT(OPT_B) && strchr(w->text, '{')) {
			struct fields words = { 0 };
			brace_expand(w->text, &words);
			for (size_t i = 0; i < words.n; i++)
				expand_text(words.v[i], out, decl);
			fields_free(&words);
			continue;
		}
		expand_text(w->text, out, decl);
	}
}

void expand_words(struct word *w, struct fields *out)
{
	expand_list(w, out, false);
}

void expand_command_words(struct word *w, struct fields *out)
{
	expand_list(w, out, is_decl_command(w));
}

char *expand_string(const char *text, int flags)
{
	if (flags & EXP_HEREDOC) {
		struct xbuf x = { .flags = flags };
		expand_part(&x, text, text + strlen(text), C_HEREDOC);
		free(x.f.s);
		if (!x.s.s)
			return xstrdup("");
		/* NULs of markers: drop them */
		size_t j = 0;
		for (size_t i = 0; i < x.s.len; i++)
			if (x.s.s[i])
				x.s.s[j++] = x.s.s[i];
		x.s.s[j] = 0;
		return x.s.s;
	}
	if (flags & EXP_ARITH)	/* as inside $(( )) */
		return expand_sub(text, text + strlen(text), EXP_ARITH, C_DQ);
	return expand_sub(text, text + strlen(text), flags, C_UNQ);
}

/* ---- assignments to arrays ---- */

/* The elements of NAME=(...) (s: after the '(', end: at the ')'): [SUB]=VALUE ones, and
 * the fields of the others, numbered from next. */
static int assign_compound(const char *name, const char *s, const char *end, bool append,
			   unsigned flags)
{
	struct var *v = var_lookup(name);
	long long next = append && v ? array_next(v) : 0;
	struct aelem *e = NULL;
	size_t n = 0;

	while (s < end) {
		const char *t = s, *eq = NULL;
		struct fields f = { 0 };
		if (*s == ' ') {
			s++;
			continue;
		}
		while (t < end && *t != ' ')
			t = skip_unit(t, false);
		if (*s == '[') {
			eq = find_unquoted(s, t, ']');
			eq = eq + 1 < t && eq[1] == '=' ? eq + 1 : NULL;
		}
		if (eq) {
			char *sub = expand_sub(s + 1, eq - 1, 0, C_DQ);
			long long idx = arith_eval(sub);
			free(sub);
			if (idx < 0 && !(v && append && array_index(v, &idx))) {
				sh_error("%s: [%lld]: bad array subscript", name, idx);
				for (size_t i = 0; i < n; i++)
					free(e[i].val);
				free(e);
				return -1;
			}
			next = idx;
			fields_add(&f, expand_sub(eq + 1, t, EXP_TILDE_ASSIGN, C_UNQ));
		} else {
			char *text = xstrndup(s, t - s);
			struct word w = { .text = text };
			expand_words(&w, &f);	/* brace expansion too */
			free(text);
		}
		e = xrealloc(e, (n + f.n) * sizeof(*e));
		for (size_t i = 0; i < f.n; i++) {
			e[n].idx = next++;
			e[n++].val = f.v[i];
		}
		free(f.v);
		s = t;
	}
	return array_assign(name, e, n, append, flags);
}

int assign_word(const char *w, unsigned flags, bool value_expanded)
{
	size_t nl, lhs = assign_lhs_len(w, &nl);
	const char *val = w + lhs + 1;
	bool append = w[lhs - 1] == '+';
	char *name = xstrndup(w, nl), *v;
	int r;

	if (*val == '(' && !value_expanded) {
		r = -1;
		if (w[nl] == '[')
			sh_error("%s: cannot assign list to array member", name);
		else
			r = assign_compound(name, val + 1, val + strlen(val) - 1, append, flags);
		free(name);
		return r;
	}
	v = value_expanded ? xstrdup(val) : expand_string(val, EXP_TILDE_ASSIGN);
	if (w[nl] == '[') {
		char *sub = expand_sub(w + nl + 1, w + lhs - append - 1, 0, C_DQ);
		long long idx = arith_eval(sub);
		free(sub);
		r = var_set_elem(name, idx, v, append);
		var_set(name, NULL, flags);
	} else if (append) {
		r = var_set_elem(name, 0, v, true);
		var_set(name, NULL, flags);
	} else {
		r = var_set(name, v, flags);
	}
	free(v);
	free(name);
	return r;
}
