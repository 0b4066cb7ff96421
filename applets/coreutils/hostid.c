/* hostid: print the numeric identifier of the current host, from gethostid(3), as
 * eight hexadecimal digits. GNU coreutils hostid. */

/*== applet
applet hostid /usr/bin nofork
options
config HOSTID
	bool "hostid"
	default y
	help
	  Print the host's 32-bit identifier in hexadecimal.
usage
Print the numeric identifier of this host in hexadecimal.
==*/

#include "libbb.h"
#include "flags/hostid.h"

GLOBALS();

int hostid_main(int argc, char **argv)
{
	if (argc > 1) {
		bb_error_msg("extra operand '%s'", argv[1]);
		bb_show_usage();
	}
	/* the id is 32 bits, though long may be 64 with the sign extended */
	printf("%08lx\n", (unsigned long)gethostid() & 0xffffffffUL);
	return 0;
}
