/* cryptpw, mkpasswd: hash a password with crypt(3). As Debian's mkpasswd (whois): the
 * same method names (and BusyBox's short ones), salt checks and -R; cryptpw is the same
 * command under BusyBox's name. The default method is sha512 (every libc with a crypt
 * has it); bcrypt and yescrypt work where the libc has them. Unlike Debian's, a salt
 * may be given for yescrypt (crypt checks it), and -R applies with -S too. Without a
 * crypt() in the libc the applets only report that. Under the name cryptpw, as in
 * BusyBox, a SALT longer than the method takes is cut, and a sha256 or sha512 SALT may
 * start with rounds=N$ (as -R N).
 */

/*== applet
applet cryptpw /usr/bin main=cryptpw_main
applet mkpasswd /usr/bin main=cryptpw_main config=MKPASSWD
options [-m5][-Ps]m(method):5S(salt):R(rounds):P(password-fd):s(stdin)
config CRYPTPW
	bool "cryptpw"
	default y
	help
	  Hash a password with crypt(3): DES, MD5, SHA-256, SHA-512, bcrypt or yescrypt.

config MKPASSWD
	bool "mkpasswd"
	default y
	help
	  The same command as cryptpw, under the name Debian's mkpasswd uses.
usage [-5] [-m METHOD] [-S SALT] [-R ROUNDS] [-P FD | -s] [PASSWORD [SALT]]
Print the crypt(3) hash of PASSWORD (read from FD, standard input or the terminal if
it is not given), with SALT or a random one.

	-m METHOD	des, md5, sha256, sha512 (default), bcrypt or yescrypt; "-m help"
		lists those this system has
	-5	Same as -m md5
	-S SALT	Use SALT (characters from a-z A-Z 0-9 . /)
	-R N	Rounds: 1000-999999999 for sha256 and sha512; cost 1-11 for yescrypt,
		4-31 for bcrypt
	-P FD	Read the password from file descriptor FD
	-s	Read the password from standard input (-P 0)
==*/

#include "libbb.h"
#include "flags/cryptpw.h"
#include <termios.h>

#ifndef HAVE_CRYPT
/* The libc has no crypt(): every method is unavailable. */
#define crypt(key, setting) ((void)(key), (void)(setting), errno = ENOSYS, (char *)NULL)
#endif

GLOBALS();

static const char salt_chars[] =
	"./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

enum { NO_ROUNDS, SHA_ROUNDS, YESCRYPT_COST, BCRYPT_COST };

struct method {
	const char *names;	/* NUL-separated, ends with an empty name */
	const char *prefix;
	const char *what;
	uint8_t salt_min, salt_max, salt_random;
	uint8_t rounds;
	const char *last;	/* a random salt's last character, which holds 2 bits */
};

static const struct method methods[] = {
	{ "yescrypt\0", "$y$", "Yescrypt", 4, 86, 22, YESCRYPT_COST, "./01" },
	{ "bcrypt\0", "$2b$", "bcrypt", 22, 22, 22, BCRYPT_COST, ".Oeu" },
	{ "sha512\0sha512crypt\0sha-512\0", "$6$", "SHA-512", 8, 16, 16, SHA_ROUNDS, NULL },
	{ "sha256\0sha256crypt\0sha-256\0", "$5$", "SHA-256", 8, 16, 16, SHA_ROUNDS, NULL },
	{ "md5\0md5crypt\0", "$1$", "MD5", 8, 8, 8, NO_ROUNDS, NULL },
	{ "des\0descrypt\0", "", "standard 56 bit DES-based crypt(3)", 2, 2, 2, NO_ROUNDS, NULL },
};

static const struct method *find_method(const char *name)
{
	for (size_t i = 0; i < sizeof(methods) / sizeof(methods[0]); i++)
		for (const char *n = methods[i].names; *n; n += strlen(n) + 1)
			if (!strcmp(n, name))
				return &methods[i];
	bb_error_msg_and_die("invalid method '%s'", name);
}

/* A hash, or NULL when the libc rejects the setting or lacks the method. */
static char *try_crypt(const char *pw, const char *setting)
{
	char *h = crypt(pw, setting);
	return h && *h != '*' ? h : NULL;
}

/* Random salt characters; for yescrypt and bcrypt the last one carries only 2 bits, as
 * their decoders want 16 whole bytes. */
static char *random_salt(const struct method *m)
{
	unsigned char *b = xmalloc(m->salt_random + 1);

	bb_random_bytes(b, m->salt_random);
	for (int i = 0; i < m->salt_random; i++)
		b[i] = m->last && i == m->salt_random - 1 ? m->last[b[i] % 4] : salt_chars[b[i] % 64];
	b[m->salt_random] = '\0';
	return (char *)b;
}

static void check_salt(const struct method *m, const char *salt)
{
	size_t n = strlen(salt), bad = strspn(salt, salt_chars);

	if (salt[bad])
		bb_error_msg_and_die("illegal salt character '%c'", salt[bad]);
	if (n < m->salt_min || n > m->salt_max) {
		if (m->salt_min == m->salt_max)
			bb_error_msg_and_die("wrong salt length: %zu byte%s when %d expected",
					     n, n == 1 ? "" : "s", m->salt_min);
		bb_error_msg_and_die("wrong salt length: %zu byte%s when %d <= n <= %d expected",
				     n, n == 1 ? "" : "s", m->salt_min, m->salt_max);
	}
}

/* BusyBox's cryptpw reading of a SALT: "rounds=N$" taken off (N into *rounds) for
 * sha256 and sha512, the rest cut to the method's longest salt; malloced. */
static char *cryptpw_salt(const struct method *m, const char *salt, char **rounds)
{
	size_t n;

	if (m->rounds == SHA_ROUNDS && is_prefixed_with(salt, "rounds=")) {
		const char *dollar = strchr(salt, '$');
		if (dollar) {
			*rounds = xstrndup(salt + 7, dollar - salt - 7);
			salt = dollar + 1;
		}
	}
	n = strlen(salt);
	return xstrndup(salt, n < m->salt_max ? n : m->salt_max);
}

/* The crypt setting: prefix, cost or rounds (NULL: the default), salt. */
static char *make_setting(const struct method *m, const char *salt, const char *rounds)
{
	static const unsigned lo[] = { 0, 1000, 1, 4 }, hi[] = { 0, 999999999, 11, 31 };
	unsigned long long r = 5;	/* the default cost of yescrypt and bcrypt */

	if (rounds && !m->rounds)
		bb_error_msg_and_die("-R is not supported with %s", m->names);
	if (rounds && bb_strtoull(rounds, 10, NULL, lo[m->rounds], hi[m->rounds], &r))
		bb_error_msg_and_die("invalid number of rounds '%s' for %s", rounds, m->names);
	switch (m->rounds) {
	case SHA_ROUNDS:
		if (rounds)
			return xasprintf("%srounds=%llu$%s", m->prefix, r, salt);
		break;
	case YESCRYPT_COST:
		return xasprintf("%sj%cT$%s", m->prefix, salt_chars[r + 6], salt);
	case BCRYPT_COST:
		return xasprintf("%s%02llu$%s", m->prefix, r, salt);
	}
	return xasprintf("%s%s", m->prefix, salt);
}

static void list_methods(void)
{
	puts("Available methods:");
	for (size_t i = 0; i < sizeof(methods) / sizeof(methods[0]); i++) {
		const struct method *m = &methods[i];
		char *setting = make_setting(m, &"abcdefghijklmnopqrstuu"[22 - m->salt_min], NULL);
		if (try_crypt("", setting))
			printf("%-15s %s\n", m->names, m->what);
		free(setting);
	}
}

/* One line from fd, without its newline, read byte by byte so that nothing after it
 * is consumed. */
static char *read_line_fd(int fd)
{
	size_t len = 0, size = 64;
	char *s = xmalloc(size);
	ssize_t n;

	while ((n = safe_read(fd, s + len, 1)) == 1 && s[len] != '\n')
		if (++len == size)
			s = xrealloc(s, size *= 2);
	if (n < 0)
		bb_perror_msg_and_die("read error");
	s[len] = '\0';
	return s;
}

/* Ask on the terminal on fd with echo off. */
static char *prompt_password(int fd)
{
	struct termios old, quiet;
	char *pw;

	tcgetattr(fd, &old);
	quiet = old;
	quiet.c_lflag &= ~(ECHO | ECHONL);
	xwrite_str(STDERR_FILENO, "Password: ");
	tcsetattr(fd, TCSAFLUSH, &quiet);
	pw = read_line_fd(fd);
	tcsetattr(fd, TCSAFLUSH, &old);
	xwrite_str(STDERR_FILENO, "\n");
	return pw;
}

static char *get_password(char *arg)
{
	int fd = STDIN_FILENO;

	if (arg)
		return xstrdup(arg);
	if (FLAG(P))
		fd = xstrtoull_range_sfx(G.P, 10, 0, INT_MAX, NULL);
	if (!FLAG(P) && !FLAG(s) && isatty(fd))
		return prompt_password(fd);
	return read_line_fd(fd);
}

int cryptpw_main(int argc, char **argv)
{
	const struct method *m;
	char *pw, *salt, *setting, *hash, *rounds = NULL;

	if (argc > 3 || (argc > 2 && FLAG(S)))
		bb_show_usage();
	if (FLAG(m) && !strcmp(G.m, "help")) {
		list_methods();
		return 0;
	}
	m = find_method(FLAG(m) ? G.m : FLAG(5) ? "md5" : "sha512");
	salt = argc > 2 ? argv[2] : G.S;
	if (salt)
		salt = strcmp(applet_name, "mkpasswd") ? cryptpw_salt(m, salt, &rounds)
						       : xstrdup(salt);
	if (salt)
		check_salt(m, salt);
	else
		salt = random_salt(m);
	setting = make_setting(m, salt, G.R ? G.R : rounds);
	free(rounds);
	pw = get_password(argv[1]);
	errno = 0;
	hash = crypt(pw, setting);
	if (!hash || *hash == '*') {
		if (errno == ENOSYS)
			bb_error_msg_and_die("crypt() is not available");
		if (!errno)
			errno = EINVAL;
		bb_perror_msg_and_die("crypt");
	}
	puts(hash);
	free(pw);
	free(salt);
	free(setting);
	return 0;
}
