/* chroot: run a command with another root directory. GNU chroot: --userspec, --groups,
 * --skip-chdir. Users and groups are looked up in the old root. Exit status 125 if
 * chroot fails, 126 if COMMAND cannot run, 127 if it is not found.
 */

/*== applet
applet chroot /usr/sbin errexit=125
options ^ (userspec): (groups): (skip-chdir)
config CHROOT
	bool "chroot"
	default y
	help
	  Run a command or an interactive shell with a given root directory.
usage [--userspec=USER[:GROUP]] [--groups=G,...] [--skip-chdir] NEWROOT [COMMAND [ARG]...]
Run COMMAND (default: "$SHELL -i", or "/bin/sh -i") with NEWROOT as the root directory
and as the current directory.

	--userspec=USER[:GROUP]	Run as USER (and GROUP, else USER's group), names or numbers
	--groups=G,...	Supplementary groups (default: USER's)
	--skip-chdir	Keep the current directory (only if NEWROOT is the old /)
==*/

#include "libbb.h"
#include "flags/chroot.h"
#include <grp.h>
#include <pwd.h>

GLOBALS(
	uid_t uid;
	gid_t gid;
	gid_t *gids;
	int ngroups;		/* -1: leave the supplementary groups alone */
	char *user;		/* USER's name, for its groups */
);

static bool is_old_root(const char *dir)
{
	struct stat a, b;

	return !stat(dir, &a) && !stat("/", &b) && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* --userspec and --groups, looked up before the root changes. */
static void parse_ids(void)
{
	G.uid = -1;
	G.gid = -1;
	G.ngroups = -1;
	if (FLAG(userspec)) {
		bb_parse_owner(G.userspec, &G.uid, &G.gid);
		if (G.uid != (uid_t)-1) {
			struct passwd *pw = getpwuid(G.uid);
			if (pw)
				G.user = xstrdup(pw->pw_name);
			if (G.gid == (gid_t)-1) {
				if (!pw)
					bb_error_msg_and_die("no group specified for unknown uid: %lu",
							     (unsigned long)G.uid);
				G.gid = pw->pw_gid;
			}
		}
	}
	if (FLAG(groups) && *G.groups) {
		char *list = xstrdup(G.groups), *save = NULL;
		G.ngroups = 0;
		for (char *g = strtok_r(list, ",", &save); g; g = strtok_r(NULL, ",", &save)) {
			G.gids = xrealloc(G.gids, (G.ngroups + 1) * sizeof(*G.gids));
			G.gids[G.ngroups++] = bb_parse_group(g);
		}
		free(list);
	}
}

static void set_ids(void)
{
	int rc = 0;

	if (G.ngroups >= 0)
		rc = setgroups(G.ngroups, G.gids);
	else if (G.user)
		rc = initgroups(G.user, G.gid);
	else if (G.uid != (uid_t)-1)
		rc = setgroups(0, NULL);
	else if (G.gid != (gid_t)-1)
		rc = setgroups(1, &G.gid);
	if (rc)
		bb_perror_msg_and_die("failed to set supplemental groups");
	if (G.gid != (gid_t)-1 && setgid(G.gid))
		bb_perror_msg_and_die("failed to set group-ID");
	if (G.uid != (uid_t)-1 && setuid(G.uid))
		bb_perror_msg_and_die("failed to set user-ID");
}

int chroot_main(int argc, char **argv)
{
	char *shell[] = { getenv("SHELL"), (char *)"-i", NULL };
	bool old_root;
	int rc;

	xfunc_error_retval = 125;
	need_operands(argc, argv, 1, -1);
	old_root = is_old_root(argv[1]);
	if (FLAG(skip_chdir) && !old_root) {
		bb_error_msg("option --skip-chdir only permitted if NEWROOT is old '/'");
		bb_show_usage();
	}
	parse_ids();
	/* the same root needs no privilege: GNU does not call chroot() for it */
	if (!old_root && chroot(argv[1]))
		bb_perror_msg_and_die("cannot change root directory to '%s'", argv[1]);
	if (!FLAG(skip_chdir) && chdir("/"))
		bb_perror_msg_and_die("cannot chdir to root directory");
	set_ids();
	if (!shell[0])
		shell[0] = (char *)"/bin/sh";
	rc = exec_or_exit_status(argc > 2 ? argv + 2 : shell, "failed to run command '%s'");
	free(G.user);
	free(G.gids);
	return rc;
}
