/* whoami: print the name of the effective user. GNU whoami. */

/*== applet
applet whoami /usr/bin
options
config WHOAMI
	bool "whoami"
	default y
	help
	  Print the user name of the effective user ID.
usage
Print the user name of the effective user ID.
==*/

#include "libbb.h"
#include "flags/whoami.h"
#include <pwd.h>

GLOBALS();

int whoami_main(int argc, char **argv)
{
	uid_t uid = geteuid();
	struct passwd *pw;

	if (argc > 1) {
		bb_error_msg("extra operand '%s'", argv[1]);
		bb_show_usage();
	}
	pw = getpwuid(uid);
	if (!pw)
		bb_error_msg_and_die("cannot find name for user ID %lu", (unsigned long)uid);
	puts(pw->pw_name);
	return 0;
}
