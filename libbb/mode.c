/* mode.c: file modes as chmod(1), mkdir -m, mkfifo -m, mknod -m and install -m take them.
 * POSIX chmod syntax: an octal number, or comma-separated clauses [ugoa]*([-+=]([rwxXst]*|
 * [ugo]))+. GNU extensions: an operator before an octal number (+755, -6000, =755), and on
 * directories the set-user-ID and set-group-ID bits are left alone unless named (by 's', by
 * '=' with an operator, or by an octal number of five or more digits such as 00755).
 */
#include "libbb.h"

enum { ALL_BITS = 07777, SETID = S_ISUID | S_ISGID, ANY_X = S_IXUSR | S_IXGRP | S_IXOTH };

static int octal_mode(const char *s, mode_t mode, bool is_dir)
{
	char op = 0;
	unsigned long v = 0;
	const char *digits;

	if (*s == '+' || *s == '-' || *s == '=')
		op = *s++;
	digits = s;
	for (; *s; s++) {
		if (*s < '0' || *s > '7')
			return -1;
		v = v * 8 + (*s - '0');
		if (v > ALL_BITS)
			return -1;
	}
	if (s == digits)
		return -1;
	if (op == '+')
		return mode | v;
	if (op == '-')
		return mode & ~v;
	if (!op && is_dir && s - digits < 5)
		v |= mode & SETID;
	return v;
}

/* The bits of who (u, g, o or a letter), or 0 if c is not one of them. */
static mode_t who_bits(char c)
{
	switch (c) {
	case 'u': return S_ISUID | S_IRWXU;
	case 'g': return S_ISGID | S_IRWXG;
	case 'o': return S_ISVTX | S_IRWXO;
	case 'a': return ALL_BITS;
	}
	return 0;
}

/* One operator and what follows it, applied to *mode; returns the rest of s. */
static const char *action(const char *s, mode_t *mode, mode_t who, bool is_dir, mode_t mask)
{
	char op = *s++;
	mode_t value = 0, keep_setid;
	bool x_if_any = false;

	if (*s == 'u' || *s == 'g' || *s == 'o') {
		mode_t src = *mode >> (*s == 'u' ? 6 : *s == 'g' ? 3 : 0) & 7;
		value = src * 0111;
		s++;
	} else {
		for (;; s++) {
			if (*s == 'r')
				value |= S_IRUSR | S_IRGRP | S_IROTH;
			else if (*s == 'w')
				value |= S_IWUSR | S_IWGRP | S_IWOTH;
			else if (*s == 'x')
				value |= ANY_X;
			else if (*s == 'X')
				x_if_any = true;
			else if (*s == 's')
				value |= SETID;
			else if (*s == 't')
				value |= S_ISVTX;
			else
				break;
		}
	}
	keep_setid = is_dir ? SETID & ~(value & (who ? who : ALL_BITS)) : 0;
	if (x_if_any && (is_dir || (*mode & ANY_X)))
		value |= ANY_X;
	value &= (who ? who : ~mask) & ~keep_setid;
	if (op == '=')
		*mode = (*mode & ((who ? ~who : 0) | keep_setid)) | value;
	else if (op == '+')
		*mode |= value;
	else
		*mode &= ~value;
	return s;
}

int bb_parse_mode_umask(const char *s, mode_t old, bool is_dir, mode_t mask)
{
	mode_t mode = old & ALL_BITS;

	if (isdigit(s[0]) || ((s[0] == '+' || s[0] == '-' || s[0] == '=') && isdigit(s[1])))
		return octal_mode(s, mode, is_dir);
	for (;;) {
		mode_t who = 0, w;

		while ((w = who_bits(*s)) != 0) {
			who |= w;
			s++;
		}
		if (*s != '+' && *s != '-' && *s != '=')
			return -1;
		while (*s == '+' || *s == '-' || *s == '=')
			s = action(s, &mode, who, is_dir, mask);
		if (!*s)
			return mode;
		if (*s++ != ',' || !*s)
			return -1;
	}
}

int bb_parse_mode(const char *s, mode_t old, bool is_dir)
{
	mode_t mask = umask(0);

	umask(mask);
	return bb_parse_mode_umask(s, old, is_dir, mask);
}
