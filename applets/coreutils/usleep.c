/* usleep: pause for a number of microseconds. BusyBox usleep. */

/*== applet
applet usleep /bin
options
config USLEEP
	bool "usleep"
	default y
	help
	  Pause for a number of microseconds.
usage N
Pause for N microseconds.
==*/

#include "libbb.h"
#include "flags/usleep.h"
#include <time.h>

GLOBALS();

int usleep_main(int argc, char **argv)
{
	unsigned long long us;
	struct timespec ts;

	if (argc != 2)
		bb_show_usage();
	us = xstrtoull_range_sfx(argv[1], 10, 0, ULLONG_MAX, NULL);
	ts.tv_sec = us / 1000000 > (unsigned long long)INT_MAX ? INT_MAX : (time_t)(us / 1000000);
	ts.tv_nsec = (long)(us % 1000000) * 1000;
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
	return 0;
}
