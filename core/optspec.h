/* optspec.h: the tokenizer of option strings (grammar in docs/options.md).
 *
 * Shared by the build-time generator (which assigns flag bits and argument slots)
 * and the run-time parser (which must count them the same way), so the grammar
 * has exactly one implementation. Header-only because the generator is a host tool.
 */
#ifndef OPTSPEC_H
#define OPTSPEC_H

#include <stdlib.h>
#include <string.h>

enum opt_item {
	OPT_END,
	OPT_OPTION,	/* a short and/or long option */
	OPT_GROUP,	/* [-abc] last one wins, [!abc] mutually exclusive */
	OPT_STOP,	/* ^ options end at the first operand */
	OPT_NUMERIC,	/* ~X: "-5" means "-X 5" */
	OPT_FEATURE,	/* {FEATURE_X} following options need it; {} ends that */
};

struct optspec {
	char ch;		/* short option character; 0 for a long-only option */
	char type;		/* 0 flag, ':' string, '#' integer, '*' string list, '?' optional */
	const char *longs;	/* "(name)(other)..." right after ch, or NULL */
	long long lo, hi;	/* range of a '#' argument */
	const char *text;	/* group members, feature name or numeric target */
	int len;		/* length of text */
};

/* True if s (length n) names one of the long options in longs. */
static inline int optspec_long_is(const char *longs, const char *s, size_t n, int prefix)
{
	while (longs && *longs == '(') {
		const char *end = strchr(++longs, ')');
		size_t len = end - longs;
		if (prefix ? n <= len && !strncmp(longs, s, n) : n == len && !strncmp(longs, s, n))
			return 1;
		longs = end + 1;
	}
	return 0;
}

/* Parse one item at *p, advance *p past it. Spaces are ignored. Returns -1 on a
 * malformed string (only the generator ever sees one). */
static inline int optspec_next(const char **p, struct optspec *o)
{
	const char *s = *p;
	char *end;

	while (*s == ' ')
		s++;
	memset(o, 0, sizeof(*o));
	o->lo = -0x7fffffffffffffffLL - 1;
	o->hi = 0x7fffffffffffffffLL;
	if (!*s)
		return OPT_END;
	if (*s == '^') {
		*p = s + 1;
		return OPT_STOP;
	}
	if (*s == '~') {
		o->text = s + 1;
		o->len = 1;
		*p = s + 2;
		return s[1] ? OPT_NUMERIC : -1;
	}
	if (*s == '[' || *s == '{') {
		const char *close = strchr(s, *s == '[' ? ']' : '}');
		if (!close)
			return -1;
		o->text = s + 1;
		o->len = close - s - 1;
		*p = close + 1;
		return *s == '[' ? OPT_GROUP : OPT_FEATURE;
	}
	if (*s != '(')
		o->ch = *s++;
	if (*s == '(') {
		o->longs = s;
		while (*s == '(') {
			s = strchr(s, ')');
			if (!s)
				return -1;
			s++;
		}
	}
	if (*s && strchr(":#*?", *s))
		o->type = *s++;
	if (o->type == '#' && *s == '<') {
		/* "#<lo,hi>", either bound may be omitted */
		s++;
		if (*s != ',')
			o->lo = strtoll(s, &end, 10), s = end;
		if (*s++ != ',')
			return -1;
		if (*s != '>')
			o->hi = strtoll(s, &end, 10), s = end;
		if (*s++ != '>')
			return -1;
	}
	*p = s;
	return OPT_OPTION;
}

#endif
