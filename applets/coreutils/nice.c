/* nice: run a command with a changed scheduling priority, or print the current one.
 * POSIX nice (-n) with GNU's historical -NUM form, --adjustment and its exit statuses.
 * Deviation: GNU also takes --NUM for a negative adjustment; write -n -NUM instead.
 */

/*== applet
applet nice /usr/bin errexit=125
options ^n(adjustment): ~n
config NICE
	bool "nice"
	default y
	help
	  Run a command at a lower (or, as root, higher) scheduling priority.
usage [-n ADJUSTMENT] [COMMAND [ARG]...]
Run COMMAND with its niceness changed by ADJUSTMENT (default 10); with no COMMAND,
print the current niceness. Niceness goes from -20 (most favourable) to 19.

	-n N	Add N to the niceness (-N is the same)

Exit status: 125 if nice itself fails, 126 if COMMAND cannot run, 127 if it is not
found, else COMMAND's status.
==*/

#include "libbb.h"
#include "flags/nice.h"
#include <sys/resource.h>

GLOBALS();

/* getpriority() may return -1 as a value: errno tells an error from it. */
static int current_niceness(void)
{
	int prio;

	errno = 0;
	prio = getpriority(PRIO_PROCESS, 0);
	if (prio == -1 && errno)
		bb_perror_msg_and_die("cannot get niceness");
	return prio;
}

int nice_main(int argc, char **argv)
{
	long long adjust = 10;

	/* beyond -40..40 every adjustment has the same effect: clamp, as GNU does */
	if (FLAG(n) && bb_strtoll(G.n, 10, NULL, -40, 40, &adjust)) {
		if (errno != ERANGE)
			bb_error_msg_and_die("invalid adjustment '%s'", G.n);
		adjust = *G.n == '-' ? -40 : 40;
	}
	if (argc < 2) {
		if (FLAG(n)) {
			bb_error_msg("a command must be given with an adjustment");
			bb_show_usage();
		}
		printf("%d\n", current_niceness());
		return 0;
	}
	adjust += current_niceness();
	adjust = adjust < -20 ? -20 : adjust > 19 ? 19 : adjust;
	if (setpriority(PRIO_PROCESS, 0, (int)adjust) < 0)
		bb_perror_msg("cannot set niceness");
	return exec_or_exit_status(argv + 1, "'%s'");
}
