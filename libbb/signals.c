/* signals.c: signal names and numbers, for timeout, kill, trap and the like. */
#include "libbb.h"
#include <strings.h>

struct signame {
	uint8_t num;
	char name[7];
};

/* The first name of a number is the one printed. */
static const struct signame signames[] = {
	{ SIGHUP, "HUP" }, { SIGINT, "INT" }, { SIGQUIT, "QUIT" }, { SIGILL, "ILL" },
	{ SIGTRAP, "TRAP" }, { SIGABRT, "ABRT" }, { SIGABRT, "IOT" }, { SIGBUS, "BUS" },
	{ SIGFPE, "FPE" }, { SIGKILL, "KILL" }, { SIGUSR1, "USR1" }, { SIGSEGV, "SEGV" },
	{ SIGUSR2, "USR2" }, { SIGPIPE, "PIPE" }, { SIGALRM, "ALRM" }, { SIGTERM, "TERM" },
	{ SIGCHLD, "CHLD" }, { SIGCHLD, "CLD" }, { SIGCONT, "CONT" }, { SIGSTOP, "STOP" },
	{ SIGTSTP, "TSTP" }, { SIGTTIN, "TTIN" }, { SIGTTOU, "TTOU" }, { SIGURG, "URG" },
	{ SIGXCPU, "XCPU" }, { SIGXFSZ, "XFSZ" }, { SIGVTALRM, "VTALRM" }, { SIGPROF, "PROF" },
	{ SIGWINCH, "WINCH" }, { SIGIO, "IO" }, { SIGIO, "POLL" }, { SIGPWR, "PWR" },
	{ SIGSYS, "SYS" },
#ifdef SIGSTKFLT
	{ SIGSTKFLT, "STKFLT" },
#endif
};

/* RTMIN, RTMIN+n, RTMAX, RTMAX-n (as bash and procps name them), or -1 */
static int rt_signum(const char *name)
{
	bool min = !strncasecmp(name, "RTMIN", 5);
	unsigned long long n = 0;
	int s;

	if (!min && strncasecmp(name, "RTMAX", 5))
		return -1;
	name += 5;
	if (*name && (*name != (min ? '+' : '-') || !isdigit(name[1])
		      || bb_strtoull(name + 1, 10, NULL, 0, NSIG, &n)))
		return -1;
	s = min ? SIGRTMIN + (int)n : SIGRTMAX - (int)n;
	return s < SIGRTMIN || s > SIGRTMAX ? -1 : s;
}

int get_signum(const char *name)
{
	unsigned long long n;

	if (isdigit(*name))
		return bb_strtoull(name, 10, NULL, 0, NSIG - 1, &n) ? -1 : (int)n;
	if (!strncasecmp(name, "SIG", 3))
		name += 3;
	for (size_t i = 0; i < ARRAY_SIZE(signames); i++)
		if (!strcasecmp(name, signames[i].name))
			return signames[i].num;
	return rt_signum(name);
}

const char *get_signame(int sig, char *buf)
{
	for (size_t i = 0; i < ARRAY_SIZE(signames); i++)
		if (signames[i].num == sig)
			return signames[i].name;
	snprintf(buf, SIGNAME_BUFSIZE, "%d", sig);
	return buf;
}
