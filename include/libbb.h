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

/* ---- Quoting values in messages (libbb/quote.c) ---- */

/* s with backslash escapes for \ ' \t \n ... and \ooo for other unprintable bytes,
 * as GNU's quote() shows a value in the C locale; to put between '' in a message. */
char *xmalloc_c_escaped(const char *s);

#endif
