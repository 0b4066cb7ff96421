/* nohup: run a command immune to hangups, with its output out of the terminal.
 * POSIX nohup with GNU's handling of each standard stream that is a terminal: input
 * is made unreadable, output appends to nohup.out (or $HOME/nohup.out), standard
 * error follows standard output. Exit statuses as GNU: 125 (127 with POSIXLY_CORRECT)
 * if nohup fails, 126 if COMMAND cannot run, 127 if it is not found.
 */

/*== applet
applet nohup /usr/bin errexit=125
options ^
config NOHUP
	bool "nohup"
	default y
	help
	  Run a command that goes on after the terminal hangs up.
usage COMMAND [ARG]...
Run COMMAND with hangup signals ignored. If standard input is a terminal, it is
replaced by an unreadable file; if standard output is, it is appended to nohup.out
(or $HOME/nohup.out); if standard error is, it goes where standard output goes.

Exit status: 125 if nohup fails, 126 if COMMAND cannot run, 127 if it is not found,
else COMMAND's status.
==*/

#include "libbb.h"
#include "flags/nohup.h"

GLOBALS();

/* nohup.out in the current directory, or else in $HOME; returns the fd and the name. */
static int open_nohup_out(char **name)
{
	const char *home = getenv("HOME");
	int fd;

	*name = xstrdup("nohup.out");
	fd = open(*name, O_WRONLY | O_CREAT | O_APPEND, 0600);
	if (fd >= 0 || !home)
		return fd;
	free(*name);
	*name = concat_path_file(home, "nohup.out");
	return open(*name, O_WRONLY | O_CREAT | O_APPEND, 0600);
}

int nohup_main(int argc, char **argv)
{
	bool in_tty = isatty(STDIN_FILENO);
	bool err_tty = isatty(STDERR_FILENO);
	/* a closed standard output would be taken by the first file opened */
	bool out_tty = isatty(STDOUT_FILENO) || (err_tty && fcntl(STDOUT_FILENO, F_GETFD) < 0);
	const char *ignoring = in_tty ? "ignoring input and " : "";

	xfunc_error_retval = getenv("POSIXLY_CORRECT") ? 127 : 125;
	if (argc < 2) {
		bb_error_msg("missing operand");
		show_usage_of(current_applet, stderr);	/* bb_show_usage() would exit 125 */
		xfunc_die();
	}
	if (in_tty) {
		/* opened for writing only, so that the command's reads fail at once */
		int fd = xopen("/dev/null", O_WRONLY);
		xdup2(fd, STDIN_FILENO);
		if (fd != STDIN_FILENO)
			close(fd);
		if (!out_tty && !err_tty)
			bb_error_msg("ignoring input");
	}
	if (out_tty) {
		char *name;
		int fd = open_nohup_out(&name);
		if (fd < 0)
			bb_perror_msg_and_die("failed to open '%s'", name);
		bb_error_msg("%sappending output to '%s'", ignoring, name);
		free(name);
		xdup2(fd, STDOUT_FILENO);
		if (fd != STDOUT_FILENO)
			close(fd);
	}
	if (err_tty) {
		if (!out_tty)
			bb_error_msg("%sredirecting stderr to stdout", ignoring);
		xdup2(STDOUT_FILENO, STDERR_FILENO);
	}
	signal(SIGHUP, SIG_IGN);
	return exec_or_exit_status(argv + 1, "failed to run command '%s'");
}
