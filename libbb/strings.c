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
