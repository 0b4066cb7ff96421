/* truncate: shrink or extend files to a size. GNU truncate: -c -o -r -s with the
 * relative forms +N -N <N >N /N %N and size suffixes (K, KB, KiB, M, ... and the
 * lowercase k m g t). A FILE that does not exist is created unless -c.
 */

/*== applet
applet truncate /usr/bin nofork
options c(no-create)o(io-blocks)r(reference):s(size):
config TRUNCATE
	bool "truncate"
	default y
	help
	  Shrink or extend files to a given size.
usage [-co] -s SIZE FILE... | -r RFILE [-c] [-s SIZE] FILE...
Set the size of each FILE (created unless -c), extending it with NUL bytes or
cutting its end off.

	-c	Do not create FILEs that do not exist
	-o	SIZE counts I/O blocks of each FILE, not bytes
	-r RFILE	Make FILEs the size of RFILE
	-s SIZE	Set the size: N bytes, or relative: +N bigger, -N smaller, <N at most N,
		>N at least N, /N rounded down to a multiple of N, %N rounded up to one
SIZE may have a suffix: K (1024), KB (1000), KiB, M, MB, G, T, P, E (k, m, g, t too).
==*/

#include "libbb.h"
#include "flags/truncate.h"

enum { REL_NONE, REL_ADD, REL_MAX, REL_MIN, REL_DOWN, REL_UP };

GLOBALS(
	long long size;
	int mode;
	off_t ref_size;
);

static const struct suffix_mult truncate_suffixes[] = {
	{ "k", 1024 }, { "kB", 1000 }, { "kiB", 1024 },
	{ "K", 1024 }, { "KB", 1000 }, { "KiB", 1024 },
	{ "m", 1ULL << 20 }, { "mB", 1000000 }, { "miB", 1ULL << 20 },
	{ "M", 1ULL << 20 }, { "MB", 1000000 }, { "MiB", 1ULL << 20 },
	{ "g", 1ULL << 30 }, { "gB", 1000000000 }, { "giB", 1ULL << 30 },
	{ "G", 1ULL << 30 }, { "GB", 1000000000 }, { "GiB", 1ULL << 30 },
	{ "t", 1ULL << 40 }, { "tB", 1000000000000ULL }, { "tiB", 1ULL << 40 },
	{ "T", 1ULL << 40 }, { "TB", 1000000000000ULL }, { "TiB", 1ULL << 40 },
	{ "P", 1ULL << 50 }, { "PB", 1000000000000000ULL }, { "PiB", 1ULL << 50 },
	{ "E", 1ULL << 60 }, { "EB", 1000000000000000000ULL }, { "EiB", 1ULL << 60 },
	{ "", 0 }
};

NORETURN static void usage_error(const char *msg)
{
	bb_error_msg("%s", msg);
	bb_show_usage();
}

/* -s [<>/%][+-]N, spaces allowed before the modifier and the number. */
static void parse_size(const char *s)
{
	static const char modes[] = "<>/%";
	const char *m;

	while (isspace(*s))
		s++;
	if (*s && (m = strchr(modes, *s)) != NULL) {
		G.mode = REL_MAX + (m - modes);
		s++;
	}
	while (isspace(*s))
		s++;
	if (*s == '+' || *s == '-') {
		if (G.mode)
			usage_error("multiple relative modifiers specified");
		G.mode = REL_ADD;
	}
	if (bb_strtoll(s, 10, truncate_suffixes, LLONG_MIN, LLONG_MAX, &G.size))
		bb_error_msg_and_die("Invalid number: '%s'%s", s, errno == ERANGE ?
				     ": Value too large for defined data type" : "");
	if ((G.mode == REL_DOWN || G.mode == REL_UP) && G.size == 0)
		bb_error_msg_and_die("division by zero");
}

/* The current size of an open file: st_size, or its end for a device. */
static int current_size(int fd, const struct stat *st, const char *name, off_t *out)
{
	off_t end;

	if (S_ISREG(st->st_mode)) {
		*out = st->st_size;
		return 0;
	}
	end = lseek(fd, 0, SEEK_END);
	if (end < 0) {
		bb_perror_msg("cannot get the size of '%s'", name);
		return -1;
	}
	*out = end;
	return 0;
}

/* The new size for a file, or -1 after a message. */
static long long new_size(int fd, const char *name)
{
	long long size = G.size, base, n;
	struct stat st;

	if (fstat(fd, &st)) {
		bb_perror_msg("cannot fstat '%s'", name);
		return -1;
	}
	if (FLAG(o)) {
		long blk = st.st_blksize > 0 ? st.st_blksize : 512;
		if (__builtin_mul_overflow(size, (long long)blk, &size)) {
			bb_error_msg("overflow in %lld * %ld byte blocks for file '%s'", G.size, blk,
				     name);
			return -1;
		}
	}
	if (G.mode == REL_NONE)
		return FLAG(s) ? size : G.ref_size;
	if (FLAG(r)) {
		base = G.ref_size;
	} else {
		off_t cur;
		if (current_size(fd, &st, name, &cur))
			return -1;
		base = cur;
	}
	switch (G.mode) {
	case REL_ADD:
		if (__builtin_add_overflow(base, size, &n)) {
			bb_error_msg("overflow extending size of file '%s'", name);
			return -1;
		}
		break;
	case REL_MAX: n = base < size ? base : size; break;
	case REL_MIN: n = base > size ? base : size; break;
	case REL_DOWN: n = base / size * size; break;
	default:
		n = base / size * size;
		if (base % size && __builtin_add_overflow(n, size, &n)) {
			bb_error_msg("overflow rounding up size of file '%s'", name);
			return -1;
		}
	}
	return n < 0 ? 0 : n;
}

static int truncate_one(const char *name)
{
	int fd = open(name, O_WRONLY | O_NONBLOCK | O_NOCTTY | (FLAG(c) ? 0 : O_CREAT), 0666);
	long long size;
	int rc = 0;

	if (fd < 0) {
		if (FLAG(c) && errno == ENOENT)
			return 0;
		bb_perror_msg("cannot open '%s' for writing", name);
		return 1;
	}
	size = new_size(fd, name);
	if (size < 0) {
		rc = 1;
	} else if (ftruncate(fd, size)) {
		bb_perror_msg("failed to truncate '%s' at %lld bytes", name, size);
		rc = 1;
	}
	if (close(fd) && !rc) {
		bb_perror_msg("%s", name);
		rc = 1;
	}
	return rc;
}

int truncate_main(int argc, char **argv)
{
	int status = 0;

	if (FLAG(s))
		parse_size(G.s);
	if (!FLAG(s) && !FLAG(r))
		usage_error("you must specify either '--size' or '--reference'");
	if (FLAG(o) && !FLAG(s))
		usage_error("'--io-blocks' was specified but '--size' was not");
	if (FLAG(r) && FLAG(s) && G.mode == REL_NONE)
		usage_error("you must specify a relative '--size' with '--reference'");
	if (argc < 2)
		usage_error("missing file operand");
	if (FLAG(r)) {
		struct stat st;
		if (stat(G.r, &st))
			bb_perror_msg_and_die("cannot stat '%s'", G.r);
		G.ref_size = st.st_size;
	}
	for (int i = 1; i < argc; i++)
		status |= truncate_one(argv[i]);
	return status;
}
