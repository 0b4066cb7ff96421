/* unlink: remove one directory entry with unlink(2). POSIX unlink; no deviations. */

/*== applet
applet unlink /usr/bin nofork
options
config UNLINK
	bool "unlink"
	default y
	help
	  Remove a file by calling unlink() on exactly one name.
usage FILE
Remove FILE with the unlink() system call.
==*/

#include "libbb.h"
#include "flags/unlink.h"

int unlink_main(int argc, char **argv)
{
	if (argc != 2) {
		if (argc > 2)
			bb_error_msg("extra operand '%s'", argv[2]);
		else
			bb_error_msg("missing operand");
		bb_show_usage();
	}
	if (unlink(argv[1]) < 0)
		bb_perror_msg_and_die("cannot unlink '%s'", argv[1]);
	return 0;
}
