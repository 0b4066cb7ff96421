/* hash_check.c: splitting the lines of a checksum file (md5sum -c and friends). */
#include "libbb.h"

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Undo the escapes of the names written with a leading backslash; false for any other. */
static bool unescape(char *s, size_t len)
{
	char *d = s;

	for (size_t i = 0; i < len; i++) {
		if (s[i] != '\\') {
			*d++ = s[i];
			continue;
		}
		if (++i == len)
			return false;
		if (s[i] == '\\')
			*d++ = '\\';
		else if (s[i] == 'n')
			*d++ = '\n';
		else if (s[i] == 'r')
			*d++ = '\r';
		else
			return false;
	}
	*d = 0;
	return true;
}

static bool is_hex(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!isxdigit(s[i]))
			return false;
	return true;
}

/* "(NAME) = DIGEST" after "ALGO ": NAME runs to the last ')'. */
static bool split_bsd(char *s, size_t len, const struct hash_algo *algo, bool escaped,
		      char **name, char **hex)
{
	size_t close = len, i;

	while (close > 0 && s[close - 1] != ')')
		close--;
	if (!close--)
		return false;
	i = close + 1;
	while (i < len && is_blank(s[i]))
		i++;
	if (i == len || s[i++] != '=')
		return false;
	while (i < len && is_blank(s[i]))
		i++;
	if (len - i != 2u * algo->digest_len || !is_hex(s + i, len - i))
		return false;
	*hex = s + i;
	s[len] = 0;
	*name = s;
	if (escaped)
		return unescape(s, close);
	s[close] = 0;
	return true;
}

const struct hash_algo *hash_parse_check_line(char *s, size_t len,
					      const struct hash_algo *const *algos, size_t n,
					      bool untagged_ok, int *reversed, char **name,
					      char **hex, bool *binary)
{
	const struct hash_algo *algo;
	bool escaped = false;
	size_t i = 0, hl;

	*binary = false;
	while (i < len && is_blank(s[i]))
		i++;
	if (i < len && s[i] == '\\')
		escaped = true, i++;
	for (size_t a = 0; a < n; a++) {
		size_t tl = strlen(algos[a]->name), j = i + tl;
		if (len - i < tl || memcmp(s + i, algos[a]->name, tl))
			continue;
		if (j < len && s[j] == ' ')
			j++;
		if (j < len && s[j] == '(')
			return split_bsd(s + j + 1, len - j - 1, algos[a], escaped, name, hex) ?
				       algos[a] : NULL;
	}
	if (!untagged_ok || !n)
		return NULL;
	algo = algos[0];
	hl = 2u * algo->digest_len;
	if (len - i < hl + 2 || !is_hex(s + i, hl) || !is_blank(s[i + hl]))
		return NULL;
	*hex = s + i;
	s[i + hl] = 0;
	i += hl + 1;
	if (len - i == 1 || (s[i] != ' ' && s[i] != '*')) {
		if (!*reversed)
			return NULL;
		*reversed = 1;
	} else if (*reversed != 1) {
		*reversed = 0;
		*binary = s[i++] == '*';
	}
	*name = s + i;
	if (escaped)
		return unescape(s + i, len - i) ? algo : NULL;
	s[len] = 0;
	return algo;
}
