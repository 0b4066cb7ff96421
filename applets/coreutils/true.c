/* true: do nothing, successfully. POSIX true; arguments are ignored. */

/*== applet
applet true /bin nofork
config TRUE
	bool "true"
	default y
	help
	  Return an exit status of 0.
usage
Do nothing and exit with status 0. Arguments are ignored.
==*/

#include "libbb.h"
#include "flags/true.h"

int true_main(int argc UNUSED, char **argv UNUSED)
{
	return 0;
}
