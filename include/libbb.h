/* libbb.h: the library API every applet uses.
 *
 * Naming, one meaning per prefix or suffix:
 *   xfoo()          does foo, or prints "applet: what: why" and dies (xfunc_die)
 *   safe_foo()      does foo, retrying while it fails with EINTR
 *   full_foo()      loops until the whole buffer is transferred (or EOF / error)
 *   foo_or_warn()   does foo, or prints a message and returns -1 / NULL
 *   bb_*_msg()      messages on stderr prefixed with the applet name
 *   ..._and_die()   the message, then xfunc_die()
 *
 * Dying goes through xfunc_die() only: it exits with xfunc_error_retval, or, inside
 * a NOFORK run, longjmps back to run_nofork_applet() which returns that status.
 */
#ifndef LIBBB_H
#define LIBBB_H

#include "autoconf.h"	/* first: platform.h looks at CONFIG_NOMMU */
#include "platform.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

/* ---- The applet table and the running applet (core/) ---- */

struct applet_globals {
	void *ptr;
	unsigned size;
};

struct applet {
	int (*main)(int argc, char **argv);
	const struct applet_globals *globals;
	uint16_t name;		/* offset in applet_names */
	uint16_t opts;		/* offset in applet_opts; OPTS_NONE: parses its own argv */
	uint16_t usage;		/* index of its text in the usage blob */
	uint8_t dir;		/* install directory, index into install_dirs[] */
	uint8_t kind;		/* APPLET_NORMAL, APPLET_NOFORK or APPLET_NOEXEC */
	uint8_t suid;		/* SUID_DROP, SUID_MAYBE or SUID_REQUIRE */
	uint8_t errexit;	/* exit status for bad usage */
};
#define OPTS_NONE 0xffff
enum { APPLET_NORMAL, APPLET_NOFORK, APPLET_NOEXEC };
enum { SUID_DROP, SUID_MAYBE, SUID_REQUIRE };

extern const struct applet applets[];
extern const unsigned applet_count;
extern const char applet_names[];
extern const char applet_opts[];
extern const char usage_texts[];	/* NUL-separated, indexed by applet.usage */
extern const char *const install_dirs[];

const char *applet_name_of(const struct applet *a);
const struct applet *find_applet(const char *name);
NORETURN void run_applet_and_exit(const struct applet *a, char **argv);
int run_nofork_applet(const struct applet *a, char **argv);
int run_nofork_applet_as(const struct applet *a, char **argv, const char *msg_name);
void show_usage_of(const struct applet *a, FILE *out);

/* The running applet: its name, its parsed option flags and its exit code for bad usage. */
extern const char *applet_name;
extern const struct applet *current_applet;
extern unsigned long long optflags;

/* FLAG(x) tests option -x; FLAG_x constants come from the generated flags/<file>.h,
 * and are 0 for options whose feature is configured out, so their code compiles away. */
#define FLAG(x) (optflags & FLAG_##x)

/* The per-applet state: one struct per applet file, option arguments first (generated
 * OPT_ARGS), then private fields. The runner zeroes it before each run, NOFORK runs too. */
#define GLOBALS(...)                                                       \
	struct globals {                                                   \
		OPT_ARGS __VA_ARGS__                                       \
	};                                                                 \
	static struct globals G;                                           \
	const struct applet_globals APPLET_GLOBALS = { &G, sizeof(G) }

/* Parse argv[1..] against an option string (docs/options.md); returns the index
 * of the first operand. Bad options show the usage and die. */
int parse_options(const char *opts, char **argv, void *argslots);

/* ---- Messages and dying (libbb/messages.c) ---- */

extern uint8_t xfunc_error_retval;	/* exit status of xfunc_die(), 1 by default */
extern jmp_buf *die_jmp;		/* set while a NOFORK applet runs */

NORETURN void xfunc_die(void);
NORETURN void bb_show_usage(void);
void bb_error_msg(const char *fmt, ...) PRINTF_LIKE(1, 2);
void bb_perror_msg(const char *fmt, ...) PRINTF_LIKE(1, 2);
NORETURN void bb_error_msg_and_die(const char *fmt, ...) PRINTF_LIKE(1, 2);
NORETURN void bb_perror_msg_and_die(const char *fmt, ...) PRINTF_LIKE(1, 2);
void bb_verror_msg(const char *fmt, va_list ap, const char *strerr);

/* Flush stdout; on a write error report it ("write error: ...") and make the status
 * xfunc_error_retval (1 unless the applet fails with another code). Returns the status. */
int fflush_stdout_status(int status);
NORETURN void fflush_stdout_and_exit(int status);

/* ---- Memory (libbb/xfuncs.c) ---- */

void *xmalloc(size_t size);
void *xzalloc(size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) PRINTF_LIKE(1, 2);

/* ---- I/O (libbb/io.c) ---- */

ssize_t safe_read(int fd, void *buf, size_t count);
ssize_t safe_write(int fd, const void *buf, size_t count);
ssize_t full_read(int fd, void *buf, size_t count);
ssize_t full_write(int fd, const void *buf, size_t count);
void xwrite(int fd, const void *buf, size_t count);
void xwrite_str(int fd, const char *s);
int xopen(const char *path, int flags);
int xopen3(const char *path, int flags, mode_t mode);
int open_or_warn(const char *path, int flags);
/* "-" means standard input, as for every applet that reads files. */
int open_or_warn_stdin(const char *path);
FILE *fopen_or_warn_stdin(const char *path);
FILE *xfopen(const char *path, const char *mode);
/* Closes fp unless it is stdin; reports read errors. Returns 0, or -1 after a message. */
int fclose_if_not_stdin(FILE *fp, const char *path);
void xdup2(int from, int to);
/* Copy until EOF; returns bytes copied, or -1 with errno after a read error.
 * A write error is fatal ("write error: ..."). */
off_t bb_copyfd_eof(int from, int to);
/* Read a whole line (any length) without its '\n'; NULL at EOF. Caller frees. */
char *xmalloc_fgetline(FILE *fp);

/* ---- Numbers (libbb/numbers.c) ---- */

struct suffix_mult {
	char suffix[4];
	unsigned long long mult;
};
extern const struct suffix_mult size_suffixes[];	/* b K KB KiB ... E EB EiB */

/* Parse a whole string as a number in [lo, hi], with an optional suffix from sfx
 * (may be NULL). Return 0, or EINVAL / ERANGE (errno is also set). */
int bb_strtoull(const char *s, int base, const struct suffix_mult *sfx,
		 unsigned long long lo, unsigned long long hi, unsigned long long *out);
int bb_strtoll(const char *s, int base, const struct suffix_mult *sfx,
	       long long lo, long long hi, long long *out);
/* Dying versions: "invalid number 'x'" / "number 'x' out of range". */
unsigned long long xstrtoull_range_sfx(const char *s, int base, unsigned long long lo,
				       unsigned long long hi, const struct suffix_mult *sfx);
long long xstrtoll_range(const char *s, long long lo, long long hi);
unsigned xatou(const char *s);
int xatoi_positive(const char *s);

/* GNU -h style: 1023, 1.0K, 9.9K, 10K, 1.5M... rounding up. buf needs HUMAN_BUFSIZE. */
#define HUMAN_BUFSIZE 24
char *human_readable(unsigned long long n, char *buf);

/* ---- Strings and paths (libbb/strings.c) ---- */

const char *bb_basename(const char *path);
/* The last component as basename(1) prints it: trailing slashes dropped, "/" kept. */
char *last_path_component(char *path);
char *concat_path_file(const char *dir, const char *name);
bool is_prefixed_with(const char *s, const char *prefix);
/* Code point cp (below 0x110000) in UTF-8 into buf (4 bytes at most); returns the length. */
int utf8_encode(char *buf, unsigned cp);
/* The multibyte UTF-8 character at s: its length (2 to 4) with *cp set, or 0 if s does not
 * start with one (ASCII, a stray byte, an overlong form, a surrogate). */
int utf8_decode(const char *s, unsigned *cp);
/* The \u (max 4) or \U (max 8) escape of echo -e and printf %b, as bash reads it: up to max
 * hex digits at *p. Puts the character in UTF-8 into buf (4 bytes) and advances *p past the
 * digits; returns the length (1 for \u0000, a NUL byte). 0 when there is no hex digit or
 * the value is beyond U+10FFFF: the escape is then not one. */
int utf8_escape(char *buf, const char **p, int max);
/* Whether the character locale, named by LC_ALL, LC_CTYPE or LANG (the first one set and
 * not empty), is UTF-8. get looks the names up (NULL: getenv; a shell passes its own). */
bool locale_is_utf8(const char *(*get)(const char *name));
/* The current directory's name, of any length (libbb/getcwd.c); NULL with errno. */
char *xmalloc_getcwd(void);

/* ---- Processes (core/spawn.c) ---- */

/* Start argv[0] (found in PATH, or an applet first when FEATURE_PREFER_APPLETS) in a
 * child: vfork+exec on NOMMU configs, fork+exec otherwise. Returns the pid or -1. */
pid_t spawn(char **argv);
/* Wait for pid; returns its exit status, or 128+signal, or -1 on error. */
int wait_for_exitstatus(pid_t pid);
/* Run argv to completion: a NOFORK applet in-process, anything else via spawn(). */
int spawn_and_wait(char **argv);
/* exec argv, preferring applets; returns only on failure. */
int bb_execvp(char **argv);
/* bb_execvp, and when that fails the message fmt (with "%s" for the command, then
 * ": why") and the status to exit with: 127 if the command was not found, 126 if it
 * could not run. For env, nice, nohup, timeout, chroot. */
int exec_or_exit_status(char **argv, const char *fmt);

/* ---- Directory walking (libbb/walk.c) ---- */

enum walk_kind { WALK_FILE, WALK_DIR_PRE, WALK_DIR_POST, WALK_ERROR };
enum {
	WALK_FOLLOW_ALL = 1 << 0,	/* follow every symlink (-L) */
	WALK_FOLLOW_ARGS = 1 << 1,	/* follow symlinks named on the command line (-H) */
	WALK_XDEV = 1 << 2,		/* stay on the starting filesystem (-x) */
	WALK_POSTORDER = 1 << 3,	/* call back again after a directory's contents */
	WALK_NOSTAT = 1 << 4,		/* st is filled only when d_type cannot tell */
};
enum { WALK_CONTINUE = 0, WALK_SKIP = 1, WALK_STOP = 2 };

struct walk {
	const char *path;	/* full path from the starting point */
	const char *name;	/* last component, relative to dirfd */
	int dirfd;		/* open directory containing name */
	int depth;		/* 0 for the starting point */
	enum walk_kind kind;
	int err;		/* errno for WALK_ERROR */
	struct stat st;
	void *arg;		/* the caller's pointer, passed through */
};
/* Walk path depth-first; callback returns WALK_CONTINUE, WALK_SKIP (do not descend)
 * or WALK_STOP. No depth limit, a bounded number of open fds, no symlink followed
 * unless asked, a directory swapped during the walk is detected. Returns 0, or -1
 * if the walk was stopped or a directory could not be reopened. */
int walk_tree(const char *path, unsigned flags, int (*fn)(struct walk *w), void *arg);

/* ---- mode strings (libbb/mode_string.c) ---- */

/* "drwxr-xr-x" for mode m: s needs 11 bytes. Unknown types are '?'. */
void bb_mode_string(mode_t m, char *s);

/* ---- Signal names (libbb/signals.c) ---- */

/* A number, or a name with or without SIG in any case (TERM, sigterm); -1 if neither. */
int get_signum(const char *name);
/* The name without SIG, or the number written into buf (SIGNAME_BUFSIZE bytes). */
#define SIGNAME_BUFSIZE 12
const char *get_signame(int sig, char *buf);

/* ---- file modes (libbb/mode.c) ---- */

/* Parse MODE (octal or symbolic) relative to old mode; returns new mode or -1. */
int bb_parse_mode(const char *s, mode_t old, bool is_dir);
/* The same with the given umask for clauses that name no u, g, o or a (chmod compares the
 * result with mask 0). The result holds the 07777 bits only. */
int bb_parse_mode_umask(const char *s, mode_t old, bool is_dir, mode_t mask);

/* ---- file owners (libbb/owner.c) ---- */

/* Parse "user", "user:group", "user.", ":group", numeric ids; -1 for unset parts.
 * Returns 0, or dies with a message naming the bad user or group. */
void bb_parse_owner(const char *s, uid_t *uid, gid_t *gid);
/* A group name or number; dies with "invalid group: 'NAME'". */
gid_t bb_parse_group(const char *s);

/* ---- Copying, moving and removing files (libbb/copy.c) ---- */

/* "regular file", "regular empty file", "directory", "symbolic link"... as in prompts. */
const char *bb_file_type(const struct stat *st);
/* Prompt "applet: <fmt>" on stderr and read a line from stdin: true if it starts with y/Y. */
bool bb_ask(const char *fmt, ...) PRINTF_LIKE(1, 2);
/* name (relative to dirfd, not followed) is a directory with no entries but . and .. */
bool bb_dir_is_empty(int dirfd, const char *name);
/* path (symlinks followed) is a directory; if not, errno says why (ENOTDIR: another type). */
bool bb_is_directory(const char *path);
/* cp, mv and install's destination: tdir (-t), else the last operand, taken off *argc.
 * Dies with the usage for -t with -T (no_tdir), missing operands, -T with more than two. */
const char *take_target_operand(int *argc, char **argv, const char *tdir, bool no_tdir);

enum {
	RM_RECURSIVE = 1 << 0,	/* directories and their contents (-r) */
	RM_FORCE = 1 << 1,	/* no prompt, a missing operand is no error (-f) */
	RM_INTERACTIVE = 1 << 2,	/* ask before each removal (-i) */
	RM_DIR = 1 << 3,	/* empty directories too (-d) */
	RM_VERBOSE = 1 << 4,	/* "removed 'x'" on stdout (-v) */
};
/* Remove path as rm does: no symlink followed, any depth, relative to open directory fds.
 * Returns 0, or -1 after messages for what could not be removed. */
int remove_path(const char *path, unsigned flags);
enum {
	CP_RECURSIVE = 1 << 0,	/* directories and special files as such (-R) */
	CP_DEREF = 1 << 1,	/* follow every symlink (-L) */
	CP_DEREF_ARGS = 1 << 2,	/* follow a symlink given as the source (-H) */
	CP_PRESERVE_MODE = 1 << 3,
	CP_PRESERVE_OWNER = 1 << 4,	/* failing with EPERM is silent, as in GNU */
	CP_PRESERVE_TIME = 1 << 6,
	CP_PRESERVE_LINKS = 1 << 7,	/* hard links among the copied files kept */
	CP_FORCE = 1 << 8,	/* remove a destination that cannot be opened, and retry */
	CP_INTERACTIVE = 1 << 10,	/* ask before overwriting */
	CP_NO_CLOBBER = 1 << 11,	/* never overwrite */
	CP_UPDATE = 1 << 12,	/* overwrite only an older destination */
	CP_VERBOSE = 1 << 13,	/* "'a' -> 'b'" on stdout */
	CP_HARDLINK = 1 << 14,	/* hard links instead of copies (-l) */
	CP_SYMLINK = 1 << 15,	/* symlinks instead of copies (-s) */
	CP_MOVE = 1 << 16,	/* CP_VERBOSE says "copied 'a' -> 'b'", "created directory 'd'" */
	CP_PRESERVE_ALL = CP_PRESERVE_MODE | CP_PRESERVE_OWNER | CP_PRESERVE_TIME |
		CP_PRESERVE_LINKS,
};
struct copier {
	unsigned flags;		/* CP_* */
	int status;		/* -1 once any copy_path() failed */
	/* private */
	bool umask_known, no_cfr;
	mode_t umask;
	struct copy_link *links;
	size_t nlinks;
};
/* Copy src to dst (the exact destination name, not a directory to copy into) as cp does:
 * data with holes kept, copy_file_range where possible, special files and symlinks
 * recreated with CP_RECURSIVE, a directory never copied into itself, a destination that is
 * the source never truncated. Returns 0, or -1 after messages. */
int copy_path(struct copier *c, const char *src, const char *dst);
/* Free what a copier collected over its copy_path() calls. */
void copier_free(struct copier *c);
/* mkdir -p: make the missing directories of path (all but the last if leading_only; the
 * last with mode, the others with 0777, less the umask); made(dir, arg) is told of each
 * directory made. Returns 0, or -1 after "cannot create directory 'x': ...". */
int make_directories(const char *path, mode_t mode, bool leading_only,
		     void (*made)(const char *dir, void *arg), void *arg);
/* ---- Date strings (libbb/parse_date.c) ---- */

/* Parse a date string as GNU date -d takes it ("2024-01-02 03:04", "@SECONDS",
 * "next monday", "1 day ago"...), relative to now, in local time unless it names a
 * zone; fills *ts. Returns 0, or -1 if the string is not a valid date. A leading
 * TZ="ZONE" sets TZ while the rest is read (and restores it). */
int bb_parse_date(const char *s, const struct timespec *now, struct timespec *ts);
/* ---- Message digests and checksums (libbb/hash*.c, libbb/crc32.c) ---- */

struct hash_ctx;
struct hash_algo {
	const char *name;	/* as BSD-style lines spell it: "MD5", "SHA256", "SHA3-256" */
	uint8_t digest_len;	/* bytes */
	uint8_t block_len;	/* bytes per block; the rate for SHA-3 */
	void (*init)(struct hash_ctx *ctx);	/* sets st and blocks */
	void (*final)(struct hash_ctx *ctx, uint8_t *digest);
};
struct hash_ctx {
	const struct hash_algo *algo;
	void (*blocks)(struct hash_ctx *ctx, const uint8_t *p, size_t nblocks);
	uint64_t total;		/* bytes hashed */
	unsigned fill;		/* bytes waiting in buf */
	union {
		uint32_t w[16];
		uint64_t q[25];
	} st;
	uint8_t buf[144];
};
extern const struct hash_algo hash_md5, hash_sha1, hash_sha224, hash_sha256, hash_sha384,
	hash_sha512, hash_sha3_224, hash_sha3_256, hash_sha3_384, hash_sha3_512;
/* Streaming: init, update any number of times, final writes algo->digest_len bytes. */
void hash_init(struct hash_ctx *ctx, const struct hash_algo *algo);
void hash_update(struct hash_ctx *ctx, const void *data, size_t len);
void hash_final(struct hash_ctx *ctx, uint8_t *digest);
/* Lower-case hex of n bytes, NUL-terminated: dst needs 2 * n + 1 bytes. Returns dst. */
char *bin2hex(char *dst, const uint8_t *src, size_t n);

/* CRC-32 with slice-by-8 tables (8 * 256 words, from crc32_new_table, free() them).
 * msb_first: the POSIX cksum CRC (polynomial 0x04C11DB7, no reflection); otherwise the
 * reflected CRC of zlib, gzip and PNG (0xEDB88320). update does no pre/post inversion. */
uint32_t *crc32_new_table(bool msb_first);
uint32_t crc32_update_be(const uint32_t *table, uint32_t crc, const void *data, size_t len);
uint32_t crc32_update_le(const uint32_t *table, uint32_t crc, const void *data, size_t len);
/* The 16-bit sums of sum(1): BSD (-r) rotates and adds, System V (-s) adds the bytes. */
unsigned bsd_sum_update(unsigned sum, const void *data, size_t len);
uint32_t sysv_sum_update(uint32_t sum, const void *data, size_t len);
/* A whole file's POSIX cksum CRC, BSD sum or System V sum, formatted as cksum and sum
 * print it ("1219131554 3", "16556     1", "294 1") into out (OLD_SUM_BUFSIZE bytes).
 * Returns 0, or -1 with errno after a read error. */
enum { OLD_SUM_CRC, OLD_SUM_BSD, OLD_SUM_SYSV };
#define OLD_SUM_BUFSIZE 48
int old_sum_fd(int fd, int kind, char *out);
/* One line of a checksum file, as md5sum -c reads it (without its newline): GNU style
 * "DIGEST  NAME", "DIGEST *NAME" (or "DIGEST NAME" when the file's first line is so; state
 * in *reversed, -1 at the start of each file) when untagged_ok, or BSD style
 * "ALGO (NAME) = DIGEST" for any of the n algos; a leading backslash means NAME is escaped
 * (\\, \n, \r). Splits the line in place: *name and *hex point into it, NUL-terminated.
 * line[len] must be writable (getline leaves the NUL there). Returns the algorithm, or
 * NULL for an improperly formatted line. */
const struct hash_algo *hash_parse_check_line(char *line, size_t len,
					      const struct hash_algo *const *algos, size_t n,
					      bool untagged_ok, int *reversed, char **name,
					      char **hex, bool *binary);
/* ---- Canonical file names (libbb/realpath.c) ---- */

enum {
	CANON_ALL_BUT_LAST = 0,	/* every component but the last must exist (readlink -f) */
	CANON_EXISTING = 1,	/* every component must exist (-e) */
	CANON_MISSING = 2,	/* nothing need exist (-m) */
	CANON_LOGICAL = 4,	/* ".." is resolved before symlinks (realpath -L) */
	CANON_NOLINKS = 8,	/* symlinks are not expanded (realpath -s) */
};
/* The absolute name of path without ".", ".." or (unless CANON_NOLINKS) symlinks;
 * malloced, or NULL with errno set (ENOENT for ""). */
char *xmalloc_canonicalize(const char *path, unsigned mode);
/* A symlink's target, malloced, of any length; NULL with errno. */
char *xmalloc_readlink(const char *path);
/* path is dir or below it (both canonical). */
bool path_is_under(const char *path, const char *dir);
/* path relative to directory dir (both canonical absolute names): "../x", "." */
char *xmalloc_relative_path(const char *path, const char *dir);

/* ---- Names in messages (libbb/quote.c) ---- */

/* name as is if a shell would not need quotes, else 'name' or "name"; malloced. */
char *xmalloc_quote_name(const char *name);
/* s with backslash escapes for \ ' \t \n ... and \ooo for other unprintable bytes,
 * as GNU's quote() shows a value in the C locale; to put between '' in a message. */
char *xmalloc_c_escaped(const char *s);

/* ---- Random bytes (libbb/random.c) ---- */

/* Fill buf from getrandom() (or /dev/urandom); dies if neither works. */
void bb_random_bytes(void *buf, size_t len);

/* ---- base64 and base32 (libbb/base64.c) ---- */

/* Encode n bytes, padding the last group with '=': dst gets 4 chars per 3 bytes (base64)
 * or 8 per 5 (base32), no NUL. Returns the number of chars. */
size_t base64_encode(char *dst, const uint8_t *src, size_t n);
size_t base32_encode(char *dst, const uint8_t *src, size_t n);
/* Streaming decoders as GNU base64 -d / base32 -d: newlines are skipped, other characters
 * outside the alphabet are errors unless ignore_garbage, a padded group may be followed
 * by more groups. */
struct base_decoder {
	uint8_t bits;		/* 6: base64, 5: base32 */
	uint8_t n, pad;		/* characters and '=' in the group so far */
	bool ignore_garbage;
	bool error;		/* set on invalid input; decoding stops there */
	uint8_t group[8];
	uint8_t value[256];	/* of each character: 0..63, or PAD or BAD */
};
void base_decoder_init(struct base_decoder *d, int bits, bool ignore_garbage);
/* Decode len chars into dst (room for len + 8 bytes); returns the bytes written. */
size_t base_decode(struct base_decoder *d, uint8_t *dst, const char *src, size_t len);
/* At the end of input: bytes left in an incomplete group (base64 keeps what it can) and
 * the error; returns the bytes written to dst (room for 8). */
size_t base_decode_end(struct base_decoder *d, uint8_t *dst);

/* ---- shared pieces found written twice ---- */
/* MODE as mkfifo -m and mknod -m take it (from 0666); dies unless it is valid and has
 * permission bits only. */
mode_t xparse_perm_mode(const char *s);
/* Unless there are min to max operands (max < 0: any number above min), say which is
 * missing or extra as GNU does and die with the usage text. */
void need_operands(int argc, char **argv, int min, int max);
/* -B SIZE of df and du: a number with an optional unit; a unit alone ("M") also sets
 * *suffix, the text printed after sizes. Dies on a bad size. */
unsigned long long xparse_block_size(const char *arg, const char **suffix);
/* Dies with "invalid WHAT: 'S'", followed by glibc's words when err is ERANGE or
 * EOVERFLOW. */
NORETURN void die_bad_number(const char *what, const char *s, int err);
/* Calls fn on each operand opened for reading ("-" or none: standard input), warning
 * about those that do not open; returns 1 if one did not open or close, else 0. */
int for_each_file(int argc, char **argv, void (*fn)(FILE *in));

#endif
