/* timeout: run a command with a time limit.
 * GNU timeout: -s -k -v --preserve-status --foreground and its exit statuses (124 on
 * time-out, 125, 126, 127; a command killed by a signal makes timeout die of it too).
 * Unless --foreground, timeout leads a process group of its own and signals the whole
 * group, so that the command's children go too. Deviation: a command that cannot be
 * run is reported as "can't execute", not "failed to run command".
 */

/*== applet
applet timeout /usr/bin errexit=125
options ^s(signal):k(kill-after):v(verbose) (preserve-status) (foreground)
config TIMEOUT
	bool "timeout"
	default y
	help
	  Run a command and send it a signal if it is still running after a time.
usage [OPTION]... DURATION COMMAND [ARG]...
Run COMMAND and send it a signal (TERM) if it is still running after DURATION: a
number of seconds that may have a fraction and a suffix s, m (minutes), h (hours) or
d (days); 0 means no limit.

	-s SIG	The signal to send, by name (TERM, SIGTERM) or number
	-k DUR	Send KILL if COMMAND is still running DUR after the first signal
	-v	Report each signal sent, on standard error
	--preserve-status	Exit with COMMAND's status even when it timed out
	--foreground	Stay in the caller's process group: COMMAND may read the terminal,
		its children are not signalled

Exit status: 124 if COMMAND timed out, 125 if timeout fails, 126 if COMMAND cannot
run, 127 if it is not found, else COMMAND's status.
==*/

#include "libbb.h"
#include "flags/timeout.h"
#include <math.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>

GLOBALS(
	volatile sig_atomic_t alarmed;
	volatile sig_atomic_t forward;	/* a signal we received, to pass on */
);

/* The signals timeout passes on to the command, besides its own -s signal. */
static const uint8_t forwarded[] = { SIGHUP, SIGINT, SIGQUIT, SIGTERM };

static void on_signal(int sig)
{
	if (sig == SIGALRM)
		G.alarmed = 1;
	else if (sig != SIGCHLD)
		G.forward = sig;
}

/* Seconds, as GNU: what strtod() reads, then an optional s m h d; "inf" is forever. */
static double parse_duration(const char *s)
{
	char *end;
	double d = strtod(s, &end);

	if (end != s && *end && !end[1]) {
		const char *units = "smhd";
		static const double mult[] = { 1, 60, 3600, 86400 };
		const char *u = strchr(units, *end);
		if (u) {
			d *= mult[u - units];
			end++;
		}
	}
	if (end == s || *end || isnan(d) || d < 0)
		bb_error_msg_and_die("invalid time interval '%s'", s);
	return d;
}

static void arm_timer(double seconds)
{
	struct itimerval it = { { 0, 0 }, { 0, 0 } };

	if (seconds <= 0 || isinf(seconds))
		return;
	if (seconds >= INT_MAX) {
		it.it_value.tv_sec = INT_MAX;
	} else {
		it.it_value.tv_sec = (time_t)seconds;
		it.it_value.tv_usec = (suseconds_t)((seconds - (double)it.it_value.tv_sec) * 1e6);
		if (!it.it_value.tv_sec && !it.it_value.tv_usec)
			it.it_value.tv_usec = 1;	/* zero would disarm it */
	}
	setitimer(ITIMER_REAL, &it, NULL);
}

/* Signal the command, and unless --foreground the group it runs in, which holds us:
 * our own copy is taken off again, except for KILL and STOP, which end us as GNU's. */
static void send_signal(pid_t pid, int sig, const char *cmd)
{
	if (FLAG(v)) {
		char buf[SIGNAME_BUFSIZE];
		bb_error_msg("sending signal %s to command '%s'", get_signame(sig, buf), cmd);
	}
	kill(pid, sig);
	if (!FLAG(foreground)) {
		sigset_t one;
		struct timespec now = { 0, 0 };
		kill(0, sig);
		sigemptyset(&one);
		sigaddset(&one, sig);
		sigtimedwait(&one, NULL, &now);
	}
	if (sig != SIGKILL && sig != SIGCONT) {
		kill(pid, SIGCONT);	/* a stopped command could not act on it */
		if (!FLAG(foreground))
			kill(0, SIGCONT);
	}
}

/* Die of the signal that killed the command, without leaving a core of our own. */
static int die_of(int sig)
{
	struct rlimit none = { 0, 0 };
	sigset_t one;

	setrlimit(RLIMIT_CORE, &none);
	signal(sig, SIG_DFL);
	sigemptyset(&one);
	sigaddset(&one, sig);
	sigprocmask(SIG_UNBLOCK, &one, NULL);
	raise(sig);
	return 128 + sig;
}

int timeout_main(int argc, char **argv)
{
	int sig = SIGTERM, status;
	double limit, kill_after = 0;
	bool timed_out = false, killing = false;
	struct sigaction sa;
	sigset_t handled, old;
	pid_t pid;

	if (argc < 3)
		bb_show_usage();
	if (FLAG(s) && (sig = get_signum(G.s)) < 0) {
		bb_error_msg("'%s': invalid signal", G.s);
		bb_show_usage();
	}
	limit = parse_duration(argv[1]);
	if (FLAG(k))
		kill_after = parse_duration(G.k);
	if (!FLAG(foreground))
		setpgid(0, 0);

	/* handlers only once the command has started, so that it does not inherit them */
	pid = spawn(argv + 2);
	if (pid < 0)
		return 125;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&handled);
	sigaddset(&handled, SIGALRM);
	sigaddset(&handled, SIGCHLD);
	for (size_t i = 0; i < ARRAY_SIZE(forwarded); i++)
		sigaddset(&handled, forwarded[i]);
	if (sig && sig != SIGKILL && sig != SIGSTOP)
		sigaddset(&handled, sig);
	sigprocmask(SIG_BLOCK, &handled, &old);
	sa.sa_mask = handled;
	for (int s = 1; s < NSIG; s++)
		if (sigismember(&handled, s) == 1)
			sigaction(s, &sa, NULL);
	signal(SIGTTIN, SIG_IGN);	/* in a background group, touching the tty would stop us */
	signal(SIGTTOU, SIG_IGN);
	arm_timer(limit);

	for (;;) {
		pid_t r = waitpid(pid, &status, WNOHANG);
		if (r == pid)
			break;
		if (r < 0) {
			bb_perror_msg("waitpid");
			return 125;
		}
		if (G.alarmed || G.forward) {
			int send = !G.alarmed ? G.forward : killing ? SIGKILL : sig;
			timed_out |= G.alarmed;
			G.alarmed = G.forward = 0;
			send_signal(pid, send, argv[2]);
			if (kill_after > 0 && !killing) {
				killing = true;
				arm_timer(kill_after);
			}
			continue;
		}
		sigsuspend(&old);
	}
	if (timed_out && !FLAG(preserve_status))
		return 124;
	if (WIFSIGNALED(status))
		return die_of(WTERMSIG(status));
	return WEXITSTATUS(status);
}
