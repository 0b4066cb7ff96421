/* id: print user and group IDs. POSIX id with GNU's -z, --long names, several USER
 * operands and -a (ignored). No -Z: there is no SELinux support, so -Z is rejected as
 * an unknown option. A USER operand is a name, or else a number.
 */

/*== applet
applet id /usr/bin
options au(user)g(group)G(groups)n(name)r(real)z(zero)
config ID
	bool "id"
	default y
	help
	  Print the user and group IDs of the current process or of a user.
usage [-a] [-u|-g|-G [-nrz]] [USER]...
Print user and group information for each USER, or for the current process.

	-a	Ignored (for compatibility)
	-u	Only the effective user ID
	-g	Only the effective group ID
	-G	All group IDs
	-n	Names instead of numbers, for -u -g -G
	-r	Real IDs instead of effective IDs, for -u -g -G
	-z	End entries with NUL, not space or newline, for -u -g -G
==*/

#include "libbb.h"
#include "flags/id.h"
#include "idgroups.h"

GLOBALS(
	int status;
	uid_t ruid, euid;
	gid_t rgid, egid;
	char *user;	/* the USER operand's name (malloced), or NULL for this process */
);

static void put_user(uid_t uid, bool name)
{
	struct passwd *pw;

	if (name) {
		pw = getpwuid(uid);
		if (pw) {
			fputs(pw->pw_name, stdout);
			return;
		}
		bb_error_msg("cannot find name for user ID %lu", (unsigned long)uid);
		G.status = 1;
	}
	printf("%lu", (unsigned long)uid);
}

/* "uid=0(root)": the label, the number, and the name when there is one. */
static void put_full(const char *label, unsigned long id, const char *name)
{
	printf(name ? "%s%lu(%s)" : "%s%lu", label, id, name);
}

static const char *user_name(uid_t uid)
{
	struct passwd *pw = getpwuid(uid);
	return pw ? pw->pw_name : NULL;
}

static const char *group_name(gid_t gid)
{
	struct group *gr = getgrgid(gid);
	return gr ? gr->gr_name : NULL;
}

static void print_full(void)
{
	gid_t *g;
	int n, i;

	put_full("uid=", G.ruid, user_name(G.ruid));
	put_full(" gid=", G.rgid, group_name(G.rgid));
	if (G.euid != G.ruid)
		put_full(" euid=", G.euid, user_name(G.euid));
	if (G.egid != G.rgid)
		put_full(" egid=", G.egid, group_name(G.egid));
	n = group_list(G.user, G.user ? G.rgid : G.egid, &g);
	if (n < 0) {
		putchar('\n');
		if (G.user)
			bb_error_msg("cannot get groups for user '%s'", G.user);
		else
			bb_perror_msg("cannot get groups");
		G.status = 1;
		return;
	}
	for (i = 0; i < n; i++)
		put_full(i ? "," : " groups=", g[i], group_name(g[i]));
	free(g);
}

/* Fill G's IDs from the operand: a user name, or a number that is a user's ID. */
static bool find_user(const char *arg)
{
	struct passwd *pw = getpwnam(arg);
	unsigned long long n;

	if (!pw && !bb_strtoull(arg, 10, NULL, 0, (uid_t)-1 - 1, &n))
		pw = getpwuid(n);
	if (!pw) {
		bb_error_msg("'%s': no such user", arg);
		return false;
	}
	G.user = xstrdup(pw->pw_name);	/* getpwuid() below reuses pw */
	G.ruid = G.euid = pw->pw_uid;
	G.rgid = G.egid = pw->pw_gid;
	return true;
}

static void print_one(bool several)
{
	char end = FLAG(z) ? '\0' : '\n';

	if (FLAG(u))
		put_user(FLAG(r) ? G.ruid : G.euid, FLAG(n));
	else if (FLAG(g))
		put_group(FLAG(r) ? G.rgid : G.egid, FLAG(n), &G.status);
	else if (FLAG(G)) {
		G.status |= print_group_list(G.user, G.rgid, G.egid, FLAG(n), FLAG(z) ? '\0' : ' ');
		if (FLAG(z) && several)
			putchar('\0');	/* GNU also ends each user's list so */
	} else
		print_full();
	putchar(end);
}

int id_main(int argc, char **argv)
{
	bool only = FLAG(u) || FLAG(g) || FLAG(G);

	if (!!FLAG(u) + !!FLAG(g) + !!FLAG(G) > 1)
		bb_error_msg_and_die("cannot print \"only\" of more than one choice");
	if (!only && (FLAG(n) || FLAG(r)))
		bb_error_msg_and_die("cannot print only names or real IDs in default format");
	if (!only && FLAG(z))
		bb_error_msg_and_die("option --zero not permitted in default format");
	if (argc < 2) {
		G.ruid = getuid();
		G.euid = geteuid();
		G.rgid = getgid();
		G.egid = getegid();
		print_one(false);
		return G.status;
	}
	while (*++argv) {
		if (find_user(*argv)) {
			print_one(argc > 2);
			free(G.user);
			G.user = NULL;
		} else
			G.status = 1;
	}
	return G.status;
}
