/* chroot: run a command with another root directory. GNU chroot with --skip-chdir;
 * --userspec and --groups are not implemented (rejected as unknown options). Exit
 * status 125 if chroot fails, 126 if COMMAND cannot run, 127 if it is not found.
 */

/*== applet
applet chroot /usr/sbin errexit=125
options ^ (skip-chdir)
config CHROOT
	bool "chroot"
	default y
	help
	  Run a command or an interactive shell with a given root directory.
usage [--skip-chdir] NEWROOT [COMMAND [ARG]...]
Run COMMAND (default: "$SHELL -i", or "/bin/sh -i") with NEWROOT as the root directory
and as the current directory.

	--skip-chdir	Keep the current directory (only if NEWROOT is the old /)
==*/

#include "libbb.h"
#include "flags/chroot.h"

GLOBALS();

static bool is_old_root(const char *dir)
{
	struct stat a, b;

	return !stat(dir, &a) && !stat("/", &b) && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

int chroot_main(int argc, char **argv)
{
	char *shell[] = { getenv("SHELL"), (char *)"-i", NULL };
	bool old_root;

	xfunc_error_retval = 125;
	if (argc < 2) {
		bb_error_msg("missing operand");
		bb_show_usage();
	}
	old_root = is_old_root(argv[1]);
	if (FLAG(skip_chdir) && !old_root) {
		bb_error_msg("option --skip-chdir only permitted if NEWROOT is old '/'");
		bb_show_usage();
	}
	/* the same root needs no privilege: GNU does not call chroot() for it */
	if (!old_root && chroot(argv[1]))
		bb_perror_msg_and_die("cannot change root directory to '%s'", argv[1]);
	if (!FLAG(skip_chdir) && chdir("/"))
		bb_perror_msg_and_die("cannot chdir to root directory");
	if (!shell[0])
		shell[0] = (char *)"/bin/sh";
	return exec_or_exit_status(argc > 2 ? argv + 2 : shell, "failed to run command '%s'");
}
