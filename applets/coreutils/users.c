/* users: print the names of the users logged in. GNU users: sorted names on one line,
 * read from FILE or the utmp file, where entries of processes that no longer exist are
 * skipped (not for a FILE operand). The file is read directly in the glibc utmp format
 * (the one every Linux libc writes, musl writes none), so it works with any libc.
 * A missing file means nobody is logged in, as in GNU; other read errors are reported.
 */

/*== applet
applet users /usr/bin
options
config USERS
	bool "users"
	default y
	help
	  Print the names of the users currently logged in, from the utmp file.
usage [FILE]
Print the names of the users logged in, according to FILE (default /var/run/utmp).
==*/

#include "libbb.h"
#include "flags/users.h"

GLOBALS(
	char **names;
	size_t n;
);

/* The on-disk utmp record (glibc's layout, the same on 32- and 64-bit Linux). */
enum {
	UT_SIZE = 384,
	UT_TYPE = 0,	/* int16 */
	UT_PID = 4,	/* int32 */
	UT_USER = 44,	/* char[32], not always NUL-terminated */
	UT_USER_LEN = 32,
	USER_PROCESS = 7,
};

static void add_record(const unsigned char *r, bool check_pid)
{
	int16_t type;
	int32_t pid;

	memcpy(&type, r + UT_TYPE, sizeof(type));
	memcpy(&pid, r + UT_PID, sizeof(pid));
	if (type != USER_PROCESS || !r[UT_USER])
		return;
	if (check_pid && pid > 0 && kill(pid, 0) && errno == ESRCH)
		return;
	G.names = xrealloc(G.names, (G.n + 1) * sizeof(*G.names));
	G.names[G.n++] = xstrndup((const char *)r + UT_USER, UT_USER_LEN);
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int users_main(int argc, char **argv)
{
	const char *file = argv[1] ? argv[1] : "/var/run/utmp";
	unsigned char rec[UT_SIZE];
	ssize_t got;
	size_t i;
	int fd;

	need_operands(argc, argv, 0, 1);
	fd = open(file, O_RDONLY);
	if (fd < 0) {
		if (errno == ENOENT)
			return 0;
		bb_perror_msg_and_die("%s", file);
	}
	while ((got = full_read(fd, rec, sizeof(rec))) == (ssize_t)sizeof(rec))
		add_record(rec, !argv[1]);
	if (got < 0)
		bb_perror_msg_and_die("%s", file);
	close(fd);
	qsort(G.names, G.n, sizeof(*G.names), cmp_names);
	for (i = 0; i < G.n; i++) {
		printf(i + 1 < G.n ? "%s " : "%s\n", G.names[i]);
		free(G.names[i]);
	}
	free(G.names);
	return 0;
}
