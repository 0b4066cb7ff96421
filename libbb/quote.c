/* quote.c: names and values in messages, as GNU shows them: file names quoted only
 * when a shell would need it (its quotef style), other values C-escaped (its quote()
 * in the C locale). */
#include "libbb.h"

char *xmalloc_quote_name(const char *s)
{
	static const char plain[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
				    "0123456789_./+,:=@%^-";
	const char *p;
	char *res, *q;

	if (*s && !s[strspn(s, plain)])
		return xstrdup(s);
	if (!strchr(s, '\''))
		return xasprintf("'%s'", s);
	if (!strpbrk(s, "\"$`\\!"))
		return xasprintf("\"%s\"", s);
	/* 'it'\''s' */
	res = q = xmalloc(strlen(s) * 4 + 3);
	*q++ = '\'';
	for (p = s; *p; p++) {
		if (*p == '\'') {
			memcpy(q, "'\\''", 4);
			q += 4;
		} else {
			*q++ = *p;
		}
	}
	*q++ = '\'';
	*q = '\0';
	return res;
}

char *xmalloc_c_escaped(const char *s)
{
	static const char pairs[] = "\\\\''\aa\bb\ff\nn\rr\tt\vv";	/* byte, then its letter */
	char *out = xmalloc(4 * strlen(s) + 1), *o = out;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		const char *c = strchr(pairs, *p);
		if (c && (c - pairs) % 2 == 0) {
			*o++ = '\\';
			*o++ = c[1];
		} else if (*p < ' ' || *p >= 0x7f) {
			o += sprintf(o, "\\%03o", *p);
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
	return out;
}
