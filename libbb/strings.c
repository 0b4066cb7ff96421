/* strings.c: small string and path helpers. */
#include "libbb.h"

const char *bb_basename(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

char *last_path_component(char *path)
{
	size_t len = strlen(path);

	while (len > 1 && path[len - 1] == '/')
		path[--len] = 0;
	if (len == 1)
		return path;
	return (char *)bb_basename(path);
}

char *concat_path_file(const char *dir, const char *name)
{
	size_t len = strlen(dir);

	while (*name == '/')
		name++;
	return xasprintf("%s%s%s", dir, len && dir[len - 1] == '/' ? "" : "/", name);
}

bool is_prefixed_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

int utf8_encode(char *buf, unsigned cp)
{
	int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
	static const unsigned char lead[] = { 0, 0, 0xc0, 0xe0, 0xf0 };

	if (n == 1) {
		buf[0] = (char)cp;
		return 1;
	}
	for (int i = n - 1; i > 0; i--, cp >>= 6)
		buf[i] = (char)(0x80 | (cp & 0x3f));
	buf[0] = (char)(lead[n] | cp);
	return n;
}

int utf8_escape(char *buf, const char **p, int max)
{
	const char *s = *p;
	unsigned long v = 0;
	int n;

	for (n = 0; n < max && isxdigit((unsigned char)s[n]); n++)
		v = v * 16 + (isdigit((unsigned char)s[n]) ? s[n] - '0' : (tolower(s[n]) - 'a' + 10));
	/* bash writes the old 5- and 6-byte forms beyond U+10FFFF: no UTF-8 decoder
	 * takes those, so the escape stays as written, as in GNU printf */
	if (!n || v > 0x10ffff)
		return 0;
	*p = s + n;
	return utf8_encode(buf, (unsigned)v);
}

bool locale_is_utf8(const char *(*get)(const char *name))
{
	static const char *const names[] = { "LC_ALL", "LC_CTYPE", "LANG" };
	const char *loc = NULL;

	for (size_t i = 0; i < ARRAY_SIZE(names) && !(loc && *loc); i++)
		loc = get ? get(names[i]) : getenv(names[i]);
	return loc && (strcasestr(loc, "utf-8") || strcasestr(loc, "utf8"));
}

int utf8_decode(const char *s, unsigned *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	int n = u[0] >= 0xf0 ? 4 : u[0] >= 0xe0 ? 3 : u[0] >= 0xc2 ? 2 : 0;
	unsigned v;

	if (!n || u[0] > 0xf4)
		return 0;
	v = u[0] & (0x7f >> n);
	for (int i = 1; i < n; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return 0;
		v = v << 6 | (u[i] & 0x3f);
	}
	/* overlong forms, surrogates and values beyond Unicode are not characters */
	if (v < (n == 2 ? 0x80u : n == 3 ? 0x800u : 0x10000u) || (v >= 0xd800 && v <= 0xdfff) ||
	    v > 0x10ffff)
		return 0;
	*cp = v;
	return n;
}
