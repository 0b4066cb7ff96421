/* shred: overwrite files to make their old contents hard to recover. GNU shred:
 * -f -n -s -u (--remove[=unlink|wipe|wipesync]) -v -x -z. Random passes come first,
 * last and every tenth; the others use fixed bit patterns in random order. Each pass
 * is synced to the device. Deviation: -v prints no progress within a pass.
 */

/*== applet
applet shred /usr/bin
options f(force)n(iterations):s(size):u v(verbose)x(exact)z(zero) (remove)?
config SHRED
	bool "shred"
	default y
	help
	  Overwrite files repeatedly with random data and patterns, then optionally
	  remove them.
usage [-fuvxz] [-n N] [-s SIZE] FILE...
Overwrite each FILE (- is standard output) N times, to make recovering its data hard.

	-f	Change the permissions to allow writing if need be
	-n N	Overwrite N times (default 3)
	-s SIZE	Overwrite SIZE bytes (suffixes K, M, G...)
	-u	Remove the file afterwards: renamed to ever shorter names, then removed
	--remove[=HOW]	-u; HOW: unlink (no renaming), wipe (no syncing), wipesync (default)
	-v	Show each pass
	-x	Do not round the size up to a whole block
	-z	Overwrite with zeros at the end, to hide the shredding
==*/

#include "libbb.h"
#include "flags/shred.h"

enum { BUFSZ = 3 * 21840, RANDOM_PASS = -1 };	/* whole 3-byte patterns */
enum { RM_NONE, RM_UNLINK, RM_WIPE, RM_WIPESYNC };

GLOBALS(
	unsigned long long passes;
	unsigned long long size;
	int how;	/* RM_ */
	char *buf;
);

/* Fixed 3-byte patterns: each nibble repeated, and bit patterns with period 3. */
static const uint32_t patterns[] = {
	0x000000, 0x111111, 0x222222, 0x333333, 0x444444, 0x555555, 0x666666, 0x777777,
	0x888888, 0x999999, 0xaaaaaa, 0xbbbbbb, 0xcccccc, 0xdddddd, 0xeeeeee, 0xffffff,
	0x249249, 0x492492, 0x924924, 0x6db6db, 0xb6db6d, 0xdb6db6,
};

/* A random permutation of the pattern indexes (Fisher-Yates). */
static void shuffle(uint32_t *order)
{
	bb_random_bytes(order, ARRAY_SIZE(patterns) * sizeof(*order));
	for (uint32_t i = 0; i < ARRAY_SIZE(patterns); i++) {
		uint32_t j = order[i] % (i + 1);
		order[i] = order[j];
		order[j] = i;
	}
}

/* Pass i of n: random first, last and every tenth, else the next shuffled pattern. */
static int32_t pass_pattern(const uint32_t *order, unsigned long long i, unsigned long long n)
{
	if (i >= n)
		return 0;	/* -z */
	if (n <= 3 || i % 10 == 0 || i == n - 1)
		return RANDOM_PASS;
	return patterns[order[(i - i / 10 - 1) % ARRAY_SIZE(patterns)]];
}

static void fill_pattern(char *buf, size_t len, uint32_t pat)
{
	for (size_t i = 0; i < len; i++)
		buf[i] = pat >> (16 - 8 * (i % 3));
}

/* One pass over the first size bytes; -1 after a message. */
static int overwrite(int fd, const char *name, unsigned long long size, int32_t pat)
{
	unsigned long long done = 0;

	if (lseek(fd, 0, SEEK_SET) < 0) {
		bb_perror_msg("%s: cannot rewind", name);
		return -1;
	}
	if (pat != RANDOM_PASS)
		fill_pattern(G.buf, BUFSZ, pat);
	while (done < size) {
		size_t len = size - done < BUFSZ ? size - done : BUFSZ;
		if (pat == RANDOM_PASS)
			bb_random_bytes(G.buf, len);
		if (full_write(fd, G.buf, len) != (ssize_t)len) {
			bb_perror_msg("%s: error writing at offset %llu", name, done);
			return -1;
		}
		done += len;
	}
	if (fdatasync(fd) && errno != EINVAL && errno != EROFS) {
		bb_perror_msg("%s: fdatasync failed", name);
		return -1;
	}
	return 0;
}

/* How much to overwrite: -s, or the size rounded up to a block (unless -x). */
static int target_size(int fd, const char *name, unsigned long long *size)
{
	struct stat st;
	off_t end;

	if (fstat(fd, &st)) {
		bb_perror_msg("%s: fstat failed", name);
		return -1;
	}
	if (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode) || S_ISDIR(st.st_mode)) {
		bb_error_msg("%s: invalid file type", name);
		return -1;
	}
	if (FLAG(s)) {
		*size = G.size;
		return 0;
	}
	if (S_ISREG(st.st_mode)) {
		*size = st.st_size;
		if (!FLAG(x) && st.st_blksize > 0 && *size % st.st_blksize)
			*size += st.st_blksize - *size % st.st_blksize;
		return 0;
	}
	end = lseek(fd, 0, SEEK_END);
	if (end < 0) {
		bb_perror_msg("%s: cannot get the size", name);
		return -1;
	}
	*size = end;
	return 0;
}

static int shred_fd(int fd, const char *name)
{
	unsigned long long size, total = G.passes + !!FLAG(z);
	uint32_t order[ARRAY_SIZE(patterns)];
	int rc = 0;

	if (target_size(fd, name, &size))
		return -1;
	if (size == 0)
		return 0;
	shuffle(order);
	for (unsigned long long i = 0; i < total && !rc; i++) {
		int32_t pat = pass_pattern(order, i, G.passes);
		if (FLAG(v)) {
			if (pat == RANDOM_PASS)
				bb_error_msg("%s: pass %llu/%llu (random)...", name, i + 1, total);
			else
				bb_error_msg("%s: pass %llu/%llu (%06x)...", name, i + 1, total,
					     (unsigned)pat);
		}
		rc = overwrite(fd, name, size, pat);
	}
	return rc;
}

/* The next name of the same length in 0, 1, ... 9, a ... Z; false when all are used. */
static bool next_name(char *s, size_t len)
{
	static const char chars[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_.";

	while (len--) {
		const char *c = strchr(chars, s[len]);
		if (c[1]) {
			s[len] = c[1];
			return true;
		}
		s[len] = chars[0];
	}
	return false;
}

static void sync_dir(const char *path, size_t dirlen)
{
	char *dir = dirlen ? xstrndup(path, dirlen) : xstrdup(".");
	int fd = open(dir, O_RDONLY | O_DIRECTORY);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

/* -u: rename to shorter and shorter names of 0s (syncing each), then unlink. */
static int remove_file(const char *name)
{
	const char *base = bb_basename(name);
	size_t dirlen = base - name, len = strlen(base);
	char *cur = xstrdup(name);

	if (FLAG(v))
		bb_error_msg("%s: removing", name);
	for (; G.how != RM_UNLINK && len > 0; len--) {
		char *next = xmalloc(dirlen + len + 1);
		struct stat st;
		memcpy(next, name, dirlen);
		memset(next + dirlen, '0', len);
		next[dirlen + len] = '\0';
		/* a free name of this length; none: try a shorter one */
		while (!lstat(next, &st) && next_name(next + dirlen, len))
			continue;
		if (lstat(next, &st) && rename(cur, next) == 0) {
			if (G.how == RM_WIPESYNC)
				sync_dir(name, dirlen);
			if (FLAG(v))
				bb_error_msg("%s: renamed to %s", cur, next);
			free(cur);
			cur = next;
		} else {
			free(next);
		}
	}
	if (unlink(cur)) {
		bb_perror_msg("%s: failed to remove", name);
		free(cur);
		return -1;
	}
	if (G.how == RM_WIPESYNC)
		sync_dir(name, dirlen);
	if (FLAG(v))
		bb_error_msg("%s: removed", name);
	free(cur);
	return 0;
}

static int shred_file(const char *name)
{
	int fd, rc;

	if (!strcmp(name, "-")) {
		if (G.how) {
			bb_error_msg("%s: cannot remove", name);
			return -1;
		}
		return shred_fd(STDOUT_FILENO, name);
	}
	fd = open(name, O_WRONLY | O_NOCTTY);
	if (fd < 0 && errno == EACCES && FLAG(f) && chmod(name, S_IWUSR) == 0)
		fd = open(name, O_WRONLY | O_NOCTTY);
	if (fd < 0) {
		bb_perror_msg("%s: failed to open for writing", name);
		return -1;
	}
	rc = shred_fd(fd, name);
	if (close(fd) && !rc) {
		bb_perror_msg("%s: failed to close", name);
		rc = -1;
	}
	if (!rc && G.how)
		rc = remove_file(name);
	return rc;
}

#define BLANKS " \t\n\v\f\r"

/* -s as GNU: blanks and a "+" (then digits), or a bare suffix meaning 1 of it;
 * suffixes c (1), B (1024) and those of size_suffixes but m. */
static int parse_size(const char *s, unsigned long long *out)
{
	const char *p = s + strspn(s, BLANKS);
	const struct suffix_mult *sf = size_suffixes;
	unsigned long long n = 1, m = 1;
	char *end = (char *)p;

	if (p != s || *p == '+') {
		p += *p == '+';
		if (!isdigit(*p))
			return errno = EINVAL;
	}
	if (isdigit(*p)) {
		errno = 0;
		n = strtoull(p, &end, 10);
		if (errno)
			return errno;
	} else if (!*p) {
		return errno = EINVAL;
	}
	if (*end) {
		while (sf->mult && strcmp(sf->suffix, end))
			sf++;
		m = !strcmp(end, "c") ? 1 : !strcmp(end, "B") ? 1024 : strcmp(end, "m") ? sf->mult : 0;
		if (!m)
			return errno = EINVAL;
	}
	if (n > LLONG_MAX / m)
		return errno = ERANGE;
	*out = n * m;
	return 0;
}

static void parse_args(void)
{
	G.passes = 3;
	if (FLAG(n) && bb_strtoull(G.n + strspn(G.n, BLANKS), 10, NULL, 0, ULONG_MAX / 2, &G.passes))
		bb_error_msg_and_die("invalid number of passes: '%s'", G.n);
	if (FLAG(s) && parse_size(G.s, &G.size))
		bb_error_msg_and_die("invalid file size: '%s'%s", G.s, errno == ERANGE ?
				     ": Value too large for defined data type" : "");
	if (FLAG(u))
		G.how = RM_WIPESYNC;
	if (FLAG(remove)) {
		static const char hows[] = "unlink\0wipe\0wipesync\0";
		const char *h = hows;
		int i = RM_UNLINK;
		if (!G.remove) {
			G.how = RM_WIPESYNC;
			return;
		}
		for (; *h && strcmp(h, G.remove); h += strlen(h) + 1)
			i++;
		if (!*h) {
			bb_error_msg("invalid argument '%s' for '--remove'\nValid arguments are:\n"
				     "  - 'unlink'\n  - 'wipe'\n  - 'wipesync'", G.remove);
			bb_show_usage();
		}
		G.how = i;
	}
}

int shred_main(int argc, char **argv)
{
	int status = 0;

	parse_args();
	if (argc < 2) {
		bb_error_msg("missing file operand");
		bb_show_usage();
	}
	G.buf = xmalloc(BUFSZ);
	for (int i = 1; i < argc; i++)
		if (shred_file(argv[i]))
			status = 1;
	free(G.buf);
	return status;
}
