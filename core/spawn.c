/* spawn.c: the one place that starts processes. Applets never open-code fork+exec:
 * they call spawn(), spawn_and_wait() or bb_execvp(), which prefer applets over
 * $PATH when FEATURE_PREFER_APPLETS is on and use vfork() on NOMMU configs. */
#include "libbb.h"
#include <sys/wait.h>

static const struct applet *preferred_applet(const char *name)
{
	if (!ENABLE_FEATURE_PREFER_APPLETS || strchr(name, '/'))
		return NULL;
	return find_applet(name);
}

int bb_execvp(char **argv)
{
	/* the binary dispatches on argv[0], which still names the applet */
	if (preferred_applet(argv[0]))
		execv(CONFIG_BUSYBOX_EXEC_PATH, argv);
	return execvp(argv[0], argv);
}

int exec_or_exit_status(char **argv, const char *fmt)
{
	int err;

	bb_execvp(argv);
	err = errno;
	bb_perror_msg(fmt, argv[0]);
	return err == ENOENT ? 127 : 126;
}

/* In a vfork() child: no stdio, no malloc; one write for the message. */
NORETURN static void child_exec_failed(const char *cmd)
{
	int err = errno;
	char msg[512];
	int n = snprintf(msg, sizeof(msg), "%s: can't execute '%s': %s\n", applet_name, cmd,
			 strerror(err));
	if (n > (int)sizeof(msg))
		n = sizeof(msg);
	full_write(STDERR_FILENO, msg, n);
	_exit(err == ENOENT ? 127 : 126);
}

pid_t spawn(char **argv)
{
	const struct applet *a = preferred_applet(argv[0]);
	pid_t pid;

	fflush(stdout);	/* or the child would write our buffered output again */
	pid = BB_MMU ? fork() : vfork();
	if (pid < 0) {
		bb_perror_msg(BB_MMU ? "fork" : "vfork");
		return -1;
	}
	if (pid == 0) {
		/* a NOEXEC or NOFORK applet runs in the forked copy without an exec */
		if (BB_MMU && a && a->kind != APPLET_NORMAL)
			run_applet_and_exit(a, argv);
		bb_execvp(argv);
		child_exec_failed(argv[0]);
	}
	return pid;
}

int wait_for_exitstatus(pid_t pid)
{
	int status;

	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			bb_perror_msg("waitpid");
			return -1;
		}
	}
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

int spawn_and_wait(char **argv)
{
	const struct applet *a = preferred_applet(argv[0]);
	pid_t pid;

	if (a && a->kind == APPLET_NOFORK)
		return run_nofork_applet(a, argv);
	pid = spawn(argv);
	return pid < 0 ? -1 : wait_for_exitstatus(pid);
}
