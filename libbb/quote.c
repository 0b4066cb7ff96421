/* quote.c: values in messages escaped the way GNU's quote() shows them in the C locale. */
#include "libbb.h"

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
