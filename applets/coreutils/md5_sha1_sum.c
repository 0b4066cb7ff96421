/* md5sum, sha1sum, sha224sum, sha256sum, sha384sum, sha512sum, sha3sum: print or check
 * message digests. GNU coreutils 9 (-b -t --tag -z, -c with --ignore-missing --quiet
 * --status --strict -w), same line formats, name escaping and messages. sha3sum is
 * BusyBox's: -a 224 (the default), 256, 384 or 512; its BSD tag is SHA3-256 as GNU
 * cksum -a sha3 writes it. cksum: the POSIX CRC, and GNU's -a sysv|bsd|crc|md5|sha1|
 * sha224|sha256|sha384|sha512 with --tag (the default for digests), --untagged and -c
 * (a BSD line names its algorithm when -a is not given). Not supported: cksum -a blake2b
 * and sm3, -l (blake2 lengths), --debug; they are rejected.
 * Binary and text mode read the same bytes, as GNU does on POSIX systems.
 * Deviation: --status beats --quiet and -w whatever their order (with GNU the last wins).
 */

/*== applet
applet md5sum /usr/bin main=md5_sha1_sum_main
applet sha1sum /usr/bin main=md5_sha1_sum_main
applet sha224sum /usr/bin main=md5_sha1_sum_main
applet sha256sum /usr/bin main=md5_sha1_sum_main
applet sha384sum /usr/bin main=md5_sha1_sum_main
applet sha512sum /usr/bin main=md5_sha1_sum_main
applet sha3sum /usr/bin main=md5_sha1_sum_main
applet cksum /usr/bin main=md5_sha1_sum_main
options [-bt] b(binary)t(text) (tag) (untagged) z(zero) a(algorithm): {FEATURE_MD5_SHA1_SUM_CHECK} c(check) w(warn) (status) (quiet) (strict) (ignore-missing) {}
config MD5SUM
	bool "md5sum"
	default y
	help
	  Print or check MD5 message digests.

config SHA1SUM
	bool "sha1sum"
	default y
	help
	  Print or check SHA-1 message digests.

config SHA224SUM
	bool "sha224sum"
	default y
	help
	  Print or check SHA-224 message digests.

config SHA256SUM
	bool "sha256sum"
	default y
	help
	  Print or check SHA-256 message digests.

config SHA384SUM
	bool "sha384sum"
	default y
	help
	  Print or check SHA-384 message digests.

config SHA512SUM
	bool "sha512sum"
	default y
	help
	  Print or check SHA-512 message digests.

config SHA3SUM
	bool "sha3sum"
	default y
	help
	  Print or check SHA-3 message digests (224, 256, 384 or 512 bits).

config CKSUM
	bool "cksum"
	default y
	help
	  Print the POSIX CRC and size of files; with -a, the BSD or System V
	  sums or message digests as the *sum commands, and check them.

config FEATURE_SHA_ACCEL
	bool "Use the CPU's SHA instructions"
	default y
	depends on SHA1SUM || SHA256SUM || SHA224SUM || CKSUM
	help
	  SHA-1 and SHA-256 with the x86 SHA extensions or the ARMv8 crypto
	  extensions when the CPU running the program has them (checked at run
	  time), several times faster than portable C. About 2 KB.

config FEATURE_MD5_SHA1_SUM_CHECK
	bool "Check digests (-c)"
	default y
	depends on MD5SUM || SHA1SUM || SHA224SUM || SHA256SUM || SHA384SUM || SHA512SUM || SHA3SUM || CKSUM
	help
	  Read lists of digests and file names, check that the files still match.
usage [-bt] [--tag] [-z] [-a BITS|ALGO] [--untagged] [-c [--ignore-missing] [--quiet] [--status] [--strict] [-w]] [FILE]...
Print or check message digests of FILEs (standard input if none, or -).

	-b	Mark the lines with '*' (binary mode: the same bytes are read)
	-t	Text mode, marked with ' ' (the default)
	--tag	Print BSD-style lines: ALGO (FILE) = DIGEST
	-z	End the lines with NUL, not newline, and do not escape the names
	-a BITS	sha3sum: 224 (the default), 256, 384 or 512
	-a ALGO	cksum: crc (the default), sysv, bsd, md5, sha1, sha224, sha256, sha384, sha512
	--untagged	cksum -a: print DIGEST  FILE lines (cksum has no -b -t)
{FEATURE_MD5_SHA1_SUM_CHECK}	-c	Read digests from FILEs and check them
{FEATURE_MD5_SHA1_SUM_CHECK}	--ignore-missing	With -c: do not report files that do not exist
{FEATURE_MD5_SHA1_SUM_CHECK}	--quiet	With -c: do not print OK lines
{FEATURE_MD5_SHA1_SUM_CHECK}	--status	With -c: print nothing, the exit status tells
{FEATURE_MD5_SHA1_SUM_CHECK}	--strict	With -c: fail on improperly formatted lines
{FEATURE_MD5_SHA1_SUM_CHECK}	-w	With -c: warn about improperly formatted lines
==*/

#include "libbb.h"
#include "flags/md5_sha1_sum.h"

enum { BUFSZ = 128 * 1024 };

GLOBALS(
	const struct hash_algo *algo;	/* NULL: cksum -c learns it from each line */
	int old_sum;		/* cksum's OLD_SUM_*, or -1 for a digest */
	bool tag, names;
	uint8_t *buf;
	char *quoted;		/* the last name quote() made */
	int reversed;		/* state of hash_parse_check_line() */
	unsigned bad_lines, unreadable, mismatched;
	bool matched, formatted;
);

static const struct {
	char applet[10];
	const struct hash_algo *algo;
} sum_algos[] = {
	{ "md5sum", &hash_md5 },
	{ "sha1sum", &hash_sha1 },
	{ "sha224sum", &hash_sha224 },
	{ "sha256sum", &hash_sha256 },
	{ "sha384sum", &hash_sha384 },
	{ "sha512sum", &hash_sha512 },
};

static const struct hash_algo *const cksum_digests[] = {
	&hash_md5, &hash_sha1, &hash_sha224, &hash_sha256, &hash_sha384, &hash_sha512,
};

/* Names in messages are quoted as GNU quotes them for a shell when they need it. */
static const char *quote(const char *name)
{
	free(G.quoted);
	return G.quoted = xmalloc_quote_name(name);
}

/* A list of digests in messages: standard input is called so. */
static const char *list_name(const char *list)
{
	return strcmp(list, "-") ? quote(list) : "'standard input'";
}

static int open_input(const char *name)
{
	return strcmp(name, "-") ? open(name, O_RDONLY) : STDIN_FILENO;
}

/* Digest of the file; -1 with errno after an error. */
static int digest_fd(int fd, const struct hash_algo *algo, uint8_t *digest)
{
	struct hash_ctx ctx;
	ssize_t n;

	hash_init(&ctx, algo);
	while ((n = safe_read(fd, G.buf, BUFSZ)) > 0)
		hash_update(&ctx, G.buf, n);
	if (fd != STDIN_FILENO) {
		int e = errno;
		close(fd);
		errno = e;
	}
	if (n < 0)
		return -1;
	hash_final(&ctx, digest);
	return 0;
}

/* A name as the lines show it: with \\, \n and \r escaped when esc. */
static void put_name(const char *s, bool esc)
{
	for (; *s; s++) {
		if (esc && (*s == '\\' || *s == '\n' || *s == '\r')) {
			putchar('\\');
			putchar(*s == '\\' ? '\\' : *s == '\n' ? 'n' : 'r');
		} else {
			putchar(*s);
		}
	}
}

static bool needs_escape(const char *name)
{
	return !FLAG(z) && strpbrk(name, "\\\n\r");
}

/* cksum's CRC and the sums of sum(1): names as they are, none for implicit stdin. */
static int old_sum_file(const char *name)
{
	char line[OLD_SUM_BUFSIZE];
	int fd = open_input(name);

	if (fd < 0 || old_sum_fd(fd, G.old_sum, line)) {
		bb_perror_msg("%s", quote(name));
		if (fd > STDIN_FILENO)
			close(fd);
		return 1;
	}
	if (fd != STDIN_FILENO)
		close(fd);
	printf(G.names ? "%s %s%c" : "%s%.0s%c", line, name, FLAG(z) ? '\0' : '\n');
	return 0;
}

static int sum_file(const char *name)
{
	uint8_t digest[64];
	char hex[129];
	bool esc = needs_escape(name);
	int fd;

	if (G.old_sum >= 0)
		return old_sum_file(name);
	fd = open_input(name);
	if (fd < 0 || digest_fd(fd, G.algo, digest)) {
		bb_perror_msg("%s", quote(name));
		return 1;
	}
	bin2hex(hex, digest, G.algo->digest_len);
	if (esc)
		putchar('\\');
	if (G.tag) {
		printf("%s (", G.algo->name);
		put_name(name, esc);
		printf(") = %s", hex);
	} else {
		printf("%s %c", hex, FLAG(b) ? '*' : ' ');
		put_name(name, esc);
	}
	putchar(FLAG(z) ? '\0' : '\n');
	return 0;
}

/* GNU escapes the names of the -c report only when they hold a newline. */
static void report(const char *name, const char *result)
{
	bool esc = strchr(name, '\n') != NULL;

	if (esc)
		putchar('\\');
	put_name(name, esc);
	printf(": %s\n", result);
}

static void check_one(const struct hash_algo *algo, const char *name, const char *hex)
{
	uint8_t digest[64];
	char mine[129];
	int fd = open_input(name);

	if (fd < 0 && errno == ENOENT && FLAG(ignore_missing))
		return;
	if (fd < 0 || digest_fd(fd, algo, digest)) {
		bb_perror_msg("%s", quote(name));
		G.unreadable++;
		if (!FLAG(status))
			report(name, "FAILED open or read");
		return;
	}
	if (strcasecmp(bin2hex(mine, digest, algo->digest_len), hex)) {
		G.mismatched++;
		if (!FLAG(status))
			report(name, "FAILED");
	} else {
		G.matched = true;
		if (!FLAG(status) && !FLAG(quiet))
			report(name, "OK");
	}
}

static void check_line(char *line, size_t len, const char *list, unsigned lineno)
{
	const struct hash_algo *algo;
	char *name, *hex;
	bool binary;

	if (G.algo)
		algo = hash_parse_check_line(line, len, &G.algo, 1, true, &G.reversed, &name,
					     &hex, &binary);
	else
		algo = hash_parse_check_line(line, len, cksum_digests, ARRAY_SIZE(cksum_digests),
					     false, &G.reversed, &name, &hex, &binary);
	if (!algo) {
		G.bad_lines++;
		if (FLAG(w) && !FLAG(status))
			bb_error_msg("%s: %u: improperly formatted %s checksum line", list_name(list),
				     lineno, G.algo ? G.algo->name : "CRC");
		return;
	}
	G.formatted = true;
	check_one(algo, name, hex);
}

static const char *plural(unsigned n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static int check_file(const char *list)
{
	FILE *fp = strcmp(list, "-") ? fopen(list, "r") : stdin;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	unsigned lineno = 0;

	if (!fp) {
		bb_perror_msg("%s", list_name(list));
		return 1;
	}
	G.reversed = -1;
	G.bad_lines = G.unreadable = G.mismatched = 0;
	G.matched = G.formatted = false;
	while ((len = getline(&line, &cap, fp)) > 0) {
		lineno++;
		if (line[0] == '#')
			continue;
		if (line[len - 1] == '\n')
			line[--len] = 0;
		if (len && line[len - 1] == '\r')
			line[--len] = 0;
		if (len)
			check_line(line, len, list, lineno);
	}
	free(line);
	if (ferror(fp)) {
		bb_error_msg("%s: read error", list_name(list));
		G.formatted = false;
		G.unreadable++;
	}
	if (fp != stdin)
		fclose(fp);
	else
		clearerr(fp);
	if (!G.formatted) {
		if (!G.unreadable)
			bb_error_msg("%s: no properly formatted checksum lines found", list_name(list));
		return 1;
	}
	if (!FLAG(status)) {
		if (G.bad_lines)
			bb_error_msg("WARNING: %u %s improperly formatted", G.bad_lines,
				     plural(G.bad_lines, "line is", "lines are"));
		if (G.unreadable)
			bb_error_msg("WARNING: %u listed %s could not be read", G.unreadable,
				     plural(G.unreadable, "file", "files"));
		if (G.mismatched)
			bb_error_msg("WARNING: %u computed %s did NOT match", G.mismatched,
				     plural(G.mismatched, "checksum", "checksums"));
		if (FLAG(ignore_missing) && !G.matched)
			bb_error_msg("%s: no file was verified", list_name(list));
	}
	return !G.matched || G.mismatched || G.unreadable || (FLAG(strict) && G.bad_lines);
}

static bool is_sha3(void)
{
	return ENABLE_SHA3SUM && !strcmp(applet_name, "sha3sum");
}

static const struct hash_algo *sha3_algo(const char *bits)
{
	static const struct hash_algo *const sha3[] = {
		&hash_sha3_224, &hash_sha3_256, &hash_sha3_384, &hash_sha3_512
	};

	for (size_t i = 0; i < ARRAY_SIZE(sha3); i++)
		if (!strcmp(bits, sha3[i]->name + 5))
			return sha3[i];
	bb_error_msg_and_die("invalid number of bits '%s': 224, 256, 384 or 512", bits);
}

static bool is_cksum(void)
{
	return ENABLE_CKSUM && !strcmp(applet_name, "cksum");
}

/* cksum -a: sets G.old_sum or G.algo. */
static void cksum_algo(const char *name)
{
	static const char old_sums[][5] = { "crc", "bsd", "sysv" };
	static const char digests[][7] = { "md5", "sha1", "sha224", "sha256", "sha384", "sha512" };

	for (size_t i = 0; i < ARRAY_SIZE(old_sums); i++)
		if (!strcmp(name, old_sums[i])) {
			G.old_sum = i;	/* the order of OLD_SUM_* */
			return;
		}
	for (size_t i = 0; i < ARRAY_SIZE(cksum_digests); i++)
		if (!strcmp(name, digests[i])) {
			G.algo = cksum_digests[i];
			return;
		}
	bb_error_msg("invalid argument '%s' for '--algorithm'", name);
	bb_show_usage();
}

static void reject(bool given, const char *what)
{
	if (given) {
		bb_error_msg("%s", what);
		bb_show_usage();
	}
}

/* GNU's checks of option combinations, in its order. */
static void check_options(void)
{
	static const struct {
		unsigned long long flag;
		const char *name;
	} check_only[] = {
		{ FLAG_ignore_missing, "ignore-missing" }, { FLAG_status, "status" },
		{ FLAG_w, "warn" }, { FLAG_quiet, "quiet" }, { FLAG_strict, "strict" },
	};
	const char *msg = NULL;

	if (FLAG(c)) {
		if (FLAG(z))
			msg = "the --zero option is not supported when verifying checksums";
		else if (FLAG(tag))
			msg = "the --tag option is meaningless when verifying checksums";
		else if (FLAG(b) || FLAG(t))
			msg = "the --binary and --text options are meaningless when verifying checksums";
	} else {
		for (size_t i = 0; !msg && i < ARRAY_SIZE(check_only); i++)
			if (optflags & check_only[i].flag)
				msg = xasprintf("the --%s option is meaningful only when verifying "
						"checksums", check_only[i].name);
		if (!msg && FLAG(tag) && FLAG(t))
			msg = "--tag does not support --text mode";
	}
	if (msg) {
		bb_error_msg("%s", msg);
		bb_show_usage();
	}
}

int md5_sha1_sum_main(int argc, char **argv)
{
	static const char *const stdin_only[] = { "-", NULL };
	const char *const *files = argc > 1 ? (const char *const *)argv + 1 : stdin_only;
	int status = 0;

	G.old_sum = -1;
	for (size_t i = 0; i < ARRAY_SIZE(sum_algos); i++)
		if (!strcmp(applet_name, sum_algos[i].applet))
			G.algo = sum_algos[i].algo;
	G.tag = FLAG(tag);
	if (is_cksum()) {
		reject(FLAG(b), "invalid option -- 'b'");
		reject(FLAG(t), "invalid option -- 't'");
		G.old_sum = OLD_SUM_CRC;
		if (FLAG(a)) {
			G.old_sum = -1;
			cksum_algo(G.a);
		} else if (FLAG(c)) {
			G.old_sum = -1;
		}
		G.tag = !FLAG(untagged);
		G.names = argc > 1;
		if (G.old_sum >= 0 && FLAG(c)) {
			bb_error_msg("--check is not supported with --algorithm={bsd,sysv,crc}");
			bb_show_usage();
		}
	} else {
		reject(FLAG(a) && !is_sha3(), "invalid option -- 'a'");
		reject(FLAG(untagged), "unrecognized option '--untagged'");
	}
	if (is_sha3())
		G.algo = sha3_algo(FLAG(a) ? G.a : "224");
	check_options();
	G.buf = xmalloc(BUFSZ);
	for (; *files; files++)
		status |= FLAG(c) ? check_file(*files) : sum_file(*files);
	free(G.buf);
	free(G.quoted);
	return status;
}
