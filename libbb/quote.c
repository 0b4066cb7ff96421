/* quote.c: file names in messages, quoted only when a shell would need it (GNU's
 * quotef style): plain names as they are, others in '' (or "" if they hold a '). */
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
