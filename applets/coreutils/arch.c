/* arch: print the machine's hardware name, as `uname -m`. GNU coreutils arch. */

/*== applet
applet arch /bin nofork
options
config ARCH
	bool "arch"
	default y
	help
	  Print the machine hardware name (the same as uname -m).
usage
Print the machine hardware name, as uname -m does.
==*/

#include "libbb.h"
#include "flags/arch.h"
#include <sys/utsname.h>

GLOBALS();

int arch_main(int argc, char **argv)
{
	struct utsname u;

	if (argc > 1) {
		bb_error_msg("extra operand '%s'", argv[1]);
		bb_show_usage();
	}
	if (uname(&u) < 0)
		bb_perror_msg_and_die("cannot get system name");
	puts(u.machine);
	return 0;
}
