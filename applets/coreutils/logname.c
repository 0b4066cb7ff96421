/* logname: print the user's login name. POSIX logname: getlogin(), no environment. */

/*== applet
applet logname /usr/bin
options
config LOGNAME
	bool "logname"
	default y
	help
	  Print the login name of the user, as the system recorded it.
usage
Print the name of the user logged in on this session.
==*/

#include "libbb.h"
#include "flags/logname.h"

GLOBALS();

int logname_main(int argc, char **argv)
{
	const char *name;

	need_operands(argc, argv, 0, 0);
	name = getlogin();
	if (!name)
		bb_error_msg_and_die("no login name");
	puts(name);
	return 0;
}
