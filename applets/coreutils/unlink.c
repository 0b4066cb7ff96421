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
	need_operands(argc, argv, 1, 1);
	if (unlink(argv[1]) < 0)
		bb_perror_msg_and_die("cannot unlink '%s'", argv[1]);
	return 0;
}
