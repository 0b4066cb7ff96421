/*== part of ash ==*/
/* glob.c: the shell's own pattern matching (POSIX XCU 2.14 with bash's extglob forms
 * ?() *() +() @() !()), pathname expansion with it, and bash brace expansion.
 * Our own matcher rather than fnmatch(3)/glob(3): musl has no FNM_EXTMATCH, and the shell
 * options nocaseglob, dotglob, nullglob and failglob need control of the walk.
 * Patterns are as expand.c makes them: a backslash makes the next character literal.
 * Characters are bytes (no multibyte characters, no collating elements). */
#include "sh.h"

enum {
	PM_NOCASE = 1,	/* letters match either case */
	PM_EXT = 2,	/* the extglob forms */
	PM_PERIOD = 4,	/* a leading '.' of the name is matched only by a literal '.' */
};

/* ---- matching ---- */

static const struct {
	char name[7];
	int (*fn)(int);
} char_classes[] = {
	{ "alnum", isalnum }, { "alpha", isalpha }, { "blank", isblank }, { "cntrl", iscntrl },
	{ "digit", isdigit }, { "graph", isgraph }, { "lower", islower }, { "print", isprint },
	{ "punct", ispunct }, { "space", isspace }, { "upper", isupper }, { "xdigit", isxdigit },
};

/* p at "[:": past the closing ":]", or NULL. */
static const char *class_end(const char *p, const char *pe)
{
	for (const char *q = p + 2; q + 1 < pe; q++)
		if (q[0] == ':' && q[1] == ']')
			return q + 2;
	return NULL;
}

/* p at '[': past the closing ']', or NULL when none closes it (then '[' is literal). */
static const char *bracket_end(const char *p, const char *pe)
{
	const char *q = p + 1;

	if (q < pe && (*q == '!' || *q == '^'))
		q++;
	if (q < pe && *q == ']')
		q++;
	while (q < pe) {
		const char *e;
		if (*q == ']')
			return q + 1;
		if (*q == '\\' && q + 1 < pe)
			q += 2;
		else if (*q == '[' && q + 1 < pe && q[1] == ':' && (e = class_end(q, pe)))
			q = e;
		else
			q++;
	}
	return NULL;
}

static bool class_match(const char *name, size_t n, int c)
{
	for (size_t i = 0; i < ARRAY_SIZE(char_classes); i++)
		if (strlen(char_classes[i].name) == n && !memcmp(char_classes[i].name, name, n))
			return char_classes[i].fn(c);
	return false;
}

/* p: after '['; e: past the ']' (from bracket_end). */
static bool bracket_match(const char *p, const char *e, int c, int fl)
{
	bool neg = *p == '!' || *p == '^', found = false;
	int lc = tolower(c), uc = toupper(c);

	p += neg;
	e--;
	while (p < e) {
		const char *ce;
		int lo, hi;
		if (*p == '[' && p[1] == ':' && (ce = class_end(p, e + 1)) && ce <= e) {
			found |= class_match(p + 2, ce - p - 4, c);
			p = ce;
			continue;
		}
		if (*p == '\\' && p + 1 < e)
			p++;
		lo = hi = (unsigned char)*p++;
		if (p + 1 < e && *p == '-') {
			p++;
			if (*p == '\\' && p + 1 < e)
				p++;
			hi = (unsigned char)*p++;
		}
		found |= (c >= lo && c <= hi) ||
			 ((fl & PM_NOCASE) && ((lc >= lo && lc <= hi) || (uc >= lo && uc <= hi)));
	}
	return found != neg;
}

static bool char_eq(int a, int b, int fl)
{
	return a == b || ((fl & PM_NOCASE) && tolower(a) == tolower(b));
}

/* p at the '(' of an extglob form: the matching ')', or NULL. */
static const char *group_end(const char *p, const char *pe)
{
	int depth = 0;
	for (; p < pe; p++) {
		const char *e;
		if (*p == '\\' && p + 1 < pe)
			p++;
		else if (*p == '[' && (e = bracket_end(p, pe)))
			p = e - 1;
		else if (*p == '(')
			depth++;
		else if (*p == ')' && --depth == 0)
			return p;
	}
	return NULL;
}

static bool is_ext(const char *p, const char *pe, int fl)
{
	return (fl & PM_EXT) && p + 1 < pe && p[1] == '(' && strchr("?*+@!", *p) &&
	       group_end(p + 1, pe);
}

static bool has_ext(const char *p, const char *pe, int fl)
{
	if (!(fl & PM_EXT))
		return false;
	for (; p < pe; p++) {
		if (*p == '\\')
			p++;
		else if (is_ext(p, pe, fl))
			return true;
	}
	return false;
}

/* The number of characters [p, pe) matches, or -1 if it has a '*'. */
static ptrdiff_t fixed_len(const char *p, const char *pe)
{
	ptrdiff_t n = 0;
	for (const char *e; p < pe; n++) {
		if (*p == '*')
			return -1;
		if (*p == '\\' && p + 1 < pe)
			p += 2;
		else if (*p == '[' && (e = bracket_end(p, pe)))
			p = e;
		else
			p++;
	}
	return n;
}

/* The common patterns (no extglob form): * backtracks only to the last star seen, so
 * the time is at most the product of the lengths. After the last star the rest can
 * only match the end of the string; after a star a literal is found with memchr. */
static bool match_plain(const char *p, const char *pe, const char *s, const char *se,
			const char *name, int fl)
{
	const char *star_p = NULL, *star_s = NULL;
	int star_c = -1;

	if ((fl & PM_PERIOD) && s == name && s < se && *s == '.' &&
	    !(p < pe && (*p == '.' || (*p == '\\' && p + 1 < pe && p[1] == '.'))))
		return false;
	while (s < se) {
		const char *e;
		if (p < pe && *p == '*') {
			while (p < pe && *p == '*')
				p++;
			if (p == pe)
				return true;
			ptrdiff_t m = fixed_len(p, pe);
			if (m >= 0) {
				if (se - s < m)
					return false;
				s = se - m;
				star_p = NULL;
				continue;
			}
			star_p = p;
			star_c = strchr("?[\\", *p) || (fl & PM_NOCASE) ? -1 : *p;
			if (star_c >= 0 && !(s = memchr(s, star_c, se - s)))
				return false;
			star_s = s;
			continue;
		}
		if (p < pe) {
			if (*p == '?') {
				p++, s++;
				continue;
			}
			if (*p == '[' && (e = bracket_end(p, pe))) {
				if (bracket_match(p + 1, e, (unsigned char)*s, fl)) {
					p = e, s++;
					continue;
				}
			} else {
				int c = *p;
				const char *q = p + 1;
				if (c == '\\' && q < pe)
					c = *q++;
				if (c == *s || char_eq((unsigned char)c, (unsigned char)*s, fl)) {
					p = q, s++;
					continue;
				}
			}
		}
		if (!star_p)
			return false;
		p = star_p;
		star_s++;
		if (star_c >= 0 && !(star_s = memchr(star_s, star_c, se - star_s)))
			return false;
		s = star_s;
	}
	while (p < pe && *p == '*')
		p++;
	return p == pe;
}

static bool match(const char *p, const char *pe, const char *s, const char *se,
		  const char *name, int fl);

/* a: the start of an alternative of the group ending at close: its end ('|' or close). */
static const char *alt_end(const char *a, const char *close)
{
	int depth = 0;

	for (const char *q = a, *e; q < close; q++) {
		if (*q == '|' && depth == 0)
			return q;
		if (*q == '\\' && q + 1 < close)
			q++;
		else if (*q == '[' && (e = bracket_end(q, close)))
			q = e - 1;
		else if (*q == '(')
			depth++;
		else if (*q == ')')
			depth--;
	}
	return close;
}

/* Does some alternative of the group (open, close) match [s, se) exactly? */
static bool alt_match(const char *open, const char *close, const char *s, const char *se,
		      const char *name, int fl)
{
	for (const char *a = open + 1, *e;; a = e + 1) {
		e = alt_end(a, close);
		if (match(a, e, s, se, name, fl))
			return true;
		if (e == close)
			return false;
	}
}

/* The longest match of an alternative when each has a fixed length, else -1. */
static ptrdiff_t alt_max_len(const char *open, const char *close, int fl)
{
	ptrdiff_t max = 0;

	for (const char *a = open + 1, *e;; a = e + 1) {
		e = alt_end(a, close);
		ptrdiff_t n = has_ext(a, e, fl) ? -1 : fixed_len(a, e);
		if (n < 0)
			return -1;
		if (n > max)
			max = n;
		if (e == close)
			return max;
	}
}

/* *(alts)rest (one or more with plus) at s. Not recursive: the positions that
 * repetitions reach are marked from left to right (2: after at least one), so a long
 * string cannot exhaust the stack. */
static bool match_repeat(const char *open, const char *close, const char *pe, const char *s,
			 const char *se, const char *name, int fl, bool plus)
{
	size_t n = se - s, lim = n;
	ptrdiff_t maxlen = alt_max_len(open, close, fl);
	char *reach = xzalloc(n + 1);
	bool found = false;

	reach[0] = plus && !alt_match(open, close, s, s, name, fl) ? 1 : 2;
	for (size_t u = 0; u <= n && !found; u++) {
		if (!reach[u])
			continue;
		if (reach[u] == 2 && match(close + 1, pe, s + u, se, name, fl))
			found = true;
		if (maxlen >= 0)
			lim = u + maxlen < n ? u + maxlen : n;
		for (size_t v = u + 1; v <= lim && !found; v++)
			if (reach[v] != 2 && alt_match(open, close, s + u, s + v, name, fl))
				reach[v] = 2;
	}
	free(reach);
	return found;
}

/* An extglob form at p, followed by the rest of the pattern. */
static bool match_ext(const char *p, const char *pe, const char *s, const char *se,
		      const char *name, int fl)
{
	const char *open = p + 1, *close = group_end(open, pe), *rest = close + 1;
	bool lead = (fl & PM_PERIOD) && s == name && s < se && *s == '.';

	if (*p == '*' || *p == '+')
		return match_repeat(open, close, pe, s, se, name, fl, *p == '+');
	if (*p == '?' && match(rest, pe, s, se, name, fl))
		return true;
	if (*p == '!' && lead)
		return false;
	for (const char *t = s; t <= se; t++) {
		bool m = alt_match(open, close, s, t, name, fl);
		if (*p == '!' ? !m && match(rest, pe, t, se, name, fl)
			      : m && match(rest, pe, t, se, name, fl))
			return true;
	}
	return false;
}

/* Element by element, recursing at * and extglob forms; only when there is one. */
static bool match(const char *p, const char *pe, const char *s, const char *se,
		  const char *name, int fl)
{
	if (!has_ext(p, pe, fl))
		return match_plain(p, pe, s, se, name, fl);
	while (p < pe) {
		bool lead = (fl & PM_PERIOD) && s == name && s < se && *s == '.';
		const char *e;
		if (is_ext(p, pe, fl))
			return match_ext(p, pe, s, se, name, fl);
		if (*p == '*') {
			while (p < pe && *p == '*' && !is_ext(p, pe, fl))
				p++;
			if (lead)
				return false;
			for (const char *t = s; t <= se; t++)
				if (match(p, pe, t, se, name, fl))
					return true;
			return false;
		}
		if (s == se)
			return false;
		if (*p == '?') {
			if (lead)
				return false;
			p++;
		} else if (*p == '[' && (e = bracket_end(p, pe))) {
			if (lead || !bracket_match(p + 1, e, (unsigned char)*s, fl))
				return false;
			p = e;
		} else {
			int c = *p++;
			if (c == '\\' && p < pe)
				c = *p++;
			if (!char_eq((unsigned char)c, (unsigned char)*s, fl))
				return false;
		}
		s++;
	}
	return s == se;
}

static int match_flags(bool nocase)
{
	return (SH_SHOPT(SHOPT_extglob) ? PM_EXT : 0) | (nocase ? PM_NOCASE : 0);
}

bool pattern_match(const char *pattern, const char *s)
{
	return match(pattern, pattern + strlen(pattern), s, s + strlen(s), s, match_flags(false));
}

bool case_match(const char *pattern, const char *s)
{
	return match(pattern, pattern + strlen(pattern), s, s + strlen(s), s,
		     match_flags(SH_SHOPT(SHOPT_nocasematch)));
}

/* The pattern against the first n bytes of s: for the ${x#p} and ${x/p/r} scans
 * (shopt nocasematch applies to the second, as in bash). */
bool pattern_match_n(const char *pattern, const char *s, size_t n, bool replacing)
{
	return match(pattern, pattern + strlen(pattern), s, s + n, s,
		     match_flags(replacing && SH_SHOPT(SHOPT_nocasematch)));
}

/* [[ == ]] parses and matches the extglob forms whatever the option says (as bash). */
bool cond_match(const char *pattern, const char *s)
{
	return match(pattern, pattern + strlen(pattern), s, s + strlen(s), s,
		     match_flags(SH_SHOPT(SHOPT_nocasematch)) | PM_EXT);
}

bool pattern_has_ext(const char *p)
{
	return has_ext(p, p + strlen(p), PM_EXT);
}

/* ---- pathname expansion ---- */

/* A component with no special character names itself: no directory to read. */
static bool comp_is_literal(const char *p, const char *pe, int fl)
{
	for (const char *q = p; q < pe; q++) {
		if (*q == '\\' && q + 1 < pe)
			q++;
		else if (*q == '*' || *q == '?' || (*q == '[' && bracket_end(q, pe)) ||
			 is_ext(q, pe, fl))
			return false;
	}
	return true;
}

static void add_unescaped(struct sbuf *b, const char *p, const char *pe)
{
	for (; p < pe; p++) {
		if (*p == '\\' && p + 1 < pe)
			p++;
		sb_addc(b, *p);
	}
}

static bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static void walk(struct sbuf *path, const char *pat, struct fields *out, int fl);

/* path names what matched the component [.., ce); next: the rest after its slashes. */
static void walk_on(struct sbuf *path, const char *ce, const char *next, struct fields *out,
		    int fl, bool exists)
{
	struct stat st;

	if (!*ce) {
		if (exists || lstat(path->s, &st) == 0)
			fields_add(out, xstrdup(path->s));
	} else if (!*next) {	/* a trailing slash: directories only */
		if (is_dir(path->s)) {
			sb_addn(path, ce, next - ce);
			fields_add(out, xstrdup(path->s));
		}
	} else {
		sb_addn(path, ce, next - ce);
		walk(path, next, out, fl);
	}
}

/* path: the directories matched so far, with their '/'; pat: the rest of the pattern. */
static void walk(struct sbuf *path, const char *pat, struct fields *out, int fl)
{
	const char *ce = strchrnul(pat, '/'), *next = ce;
	size_t base = path->len;
	struct fields names = { 0 };
	struct dirent *de;
	DIR *d;

	while (*next == '/')
		next++;
	if (comp_is_literal(pat, ce, fl)) {
		add_unescaped(path, pat, ce);
		walk_on(path, ce, next, out, fl, false);
	} else if ((d = opendir(base ? path->s : "."))) {
		while ((de = readdir(d))) {
			const char *nm = de->d_name;
			/* . and .. only for a pattern that starts with a '.' */
			if (nm[0] == '.' && (!nm[1] || (nm[1] == '.' && !nm[2])) && *pat != '.' &&
			    strncmp(pat, "\\.", 2))
				continue;
			if (match(pat, ce, nm, nm + strlen(nm), nm, fl))
				fields_add(&names, xstrdup(nm));
		}
		closedir(d);
		for (size_t i = 0; i < names.n; i++) {
			path->len = base;
			sb_adds(path, names.v[i]);
			walk_on(path, ce, next, out, fl, true);
		}
		fields_free(&names);
	}
	path->len = base;
	if (path->s)
		path->s[base] = 0;
}

static int cmp_coll(const void *a, const void *b)
{
	return strcoll(*(char *const *)a, *(char *const *)b);
}

/* Expand the pattern into out, sorted; false if nothing matched. */
bool glob_expand(const char *pat, struct fields *out)
{
	struct sbuf path = { 0 };
	struct fields got = { 0 };
	int fl = match_flags(SH_SHOPT(SHOPT_nocaseglob)) |
		 (SH_SHOPT(SHOPT_dotglob) ? 0 : PM_PERIOD);
	char *norm = xstrdup(pat), *w = norm;
	const char *p;

	/* a quoted '/' is still a separator: drop the backslash before it */
	for (p = pat; *p; p++) {
		if (*p == '\\' && p[1] == '/')
			continue;
		if (*p == '\\' && p[1])
			*w++ = *p++;
		*w++ = *p;
	}
	*w = 0;
	p = norm;
	while (*p == '/')
		sb_addc(&path, *p++);
	if (*p)
		walk(&path, p, &got, fl);
	free(path.s);
	free(norm);
	if (!got.n)
		return false;
	qsort(got.v, got.n, sizeof(*got.v), cmp_coll);
	for (size_t i = 0; i < got.n; i++)
		fields_add(out, got.v[i]);
	free(got.v);
	return true;
}

/* ---- brace expansion (bash): before all other expansions, on the word's text ---- */

/* An integer of a sequence expression: [+-]digits that fits. */
static bool seq_int(const char *s, const char *e, long long *v)
{
	char buf[32], *end;

	if (e - s >= (ptrdiff_t)sizeof(buf) || e == s)
		return false;
	memcpy(buf, s, e - s);
	buf[e - s] = 0;
	if (!isdigit(buf[*buf == '-' || *buf == '+']))
		return false;
	errno = 0;
	*v = strtoll(buf, &end, 10);
	return !errno && !*end;
}

/* 01 and -01 ask for zero padding (0 and -0 do not). */
static bool zero_padded(const char *s, const char *e)
{
	s += *s == '-';
	return *s == '0' && e - s > 1;
}

/* {X..Y} or {X..Y..STEP} between s and e (the text inside the braces): the terms it
 * stands for, added to items with pre and post around them. false if it is none. */
static bool brace_seq(const char *s, const char *e, const char *pre, size_t npre,
		      const char *post, struct fields *items)
{
	const char *d1 = strstr(s, ".."), *d2, *xe;
	long long a, b, step = 1;
	bool chars;
	int width = 0;

	if (!d1 || d1 >= e)
		return false;
	d2 = strstr(d1 + 2, "..");
	xe = d2 && d2 < e ? d2 : e;
	chars = d1 - s == 1 && xe - d1 == 3 && isalpha(*s) && isalpha(d1[2]);
	if (chars) {
		a = (unsigned char)*s, b = (unsigned char)d1[2];
	} else if (seq_int(s, d1, &a) && seq_int(d1 + 2, xe, &b)) {
		if (zero_padded(s, d1) || zero_padded(d1 + 2, xe))
			width = d1 - s > xe - d1 - 2 ? d1 - s : xe - d1 - 2;
	} else {
		return false;
	}
	if (xe < e && (!seq_int(xe + 2, e, &step) || step == LLONG_MIN))
		return false;
	unsigned long long diff = a <= b ? (unsigned long long)b - a : (unsigned long long)a - b;
	unsigned long long ustep = step < 0 ? -(unsigned long long)step
				   : step ? (unsigned long long)step : 1;
	if (diff > LLONG_MAX)
		return false;
	for (unsigned long long i = 0; i <= diff / ustep; i++) {
		unsigned long long off = i * ustep;
		long long v = a <= b ? (long long)((unsigned long long)a + off)
				     : (long long)((unsigned long long)a - off);
		char num[32];
		if (!chars)
			snprintf(num, sizeof(num), "%0*lld", width, v);
		else if (v == '\\')	/* bash leaves an empty word */
			strcpy(num, "''");
		else if (isalnum(v))
			num[0] = v, num[1] = 0;
		else
			num[0] = '\\', num[1] = v, num[2] = 0;
		fields_add(items, xasprintf("%.*s%s%s", (int)npre, pre, num, post));
	}
	return true;
}

/* The first brace in s at or after from that expands: its results, with the text
 * before (*pre bytes) and after it, in items. false if none. */
static bool brace_first(const char *s, size_t from, struct fields *items, size_t *pre)
{
	for (const char *o = s + from; *o; o = *o == '{' ? o + 1 : skip_unit(o, false)) {
		const char *c = o + 1;
		int depth = 1;
		bool comma = false;
		if (*o != '{')
			continue;
		while (*c) {
			if (*c == '{') {
				depth++;
			} else if (*c == '}') {
				if (--depth == 0)
					break;
			} else if (*c == ',' && depth == 1) {
				comma = true;
			}
			c = *c == '{' || *c == '}' || *c == ',' ? c + 1 : skip_unit(c, false);
		}
		if (!*c)
			continue;
		*pre = o - s;
		if (!comma) {
			if (brace_seq(o + 1, c, s, o - s, c + 1, items))
				return true;
			continue;
		}
		/* one item per top-level comma */
		depth = 0;
		for (const char *a = o + 1, *q = a;; ) {
			if (q == c || (*q == ',' && depth == 0)) {
				fields_add(items, xasprintf("%.*s%.*s%s", (int)(o - s), s,
							    (int)(q - a), a, c + 1));
				if (q == c)
					return true;
				a = ++q;
				continue;
			}
			depth += *q == '{';
			depth -= *q == '}';
			q = *q == '{' || *q == '}' || *q == ',' ? q + 1 : skip_unit(q, false);
		}
	}
	return false;
}

void brace_expand(const char *word, struct fields *out)
{
	/* depth first, left to right: a stack of words, each with where its scan resumes
	 * (the text before a brace just expanded has none left to expand) */
	struct fields stack = { 0 }, items = { 0 };
	size_t *from = NULL, cap = 0, pre;

	fields_add(&stack, xstrdup(word));
	from = xmalloc(sizeof(*from));
	from[0] = 0, cap = 1;
	while (stack.n) {
		char *w = stack.v[--stack.n];
		if (!brace_first(w, from[stack.n], &items, &pre)) {
			fields_add(out, w);
			continue;
		}
		free(w);
		if (stack.n + items.n > cap) {
			cap = (stack.n + items.n) * 2;
			from = xrealloc(from, cap * sizeof(*from));
		}
		while (items.n) {
			from[stack.n] = pre;
			fields_add(&stack, items.v[--items.n]);
		}
	}
	free(from);
	free(stack.v);
	free(items.v);
}
