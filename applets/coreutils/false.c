/* false: do nothing, unsuccessfully. POSIX false; arguments are ignored. */

/*== applet
applet false /bin nofork
config FALSE
	bool "false"
	default y
	help
	  Return an exit status of 1.
usage
Do nothing and exit with status 1. Arguments are ignored.
==*/

#include "libbb.h"
#include "flags/false.h"

int false_main(int argc UNUSED, char **argv UNUSED)
{
	return 1;
}
