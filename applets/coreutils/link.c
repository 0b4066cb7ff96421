/* link: make a hard link with link(2). POSIX link; no deviations. */

/*== applet
applet link /usr/bin nofork
options
config LINK
	bool "link"
	default y
	help
	  Make a hard link by calling link() on exactly two names.
usage FILE1 FILE2
Make FILE2 a new hard link to FILE1.
==*/

#include "libbb.h"
#include "flags/link.h"

int link_main(int argc, char **argv)
{
	need_operands(argc, argv, 2, 2);
	if (link(argv[1], argv[2]) < 0)
		bb_perror_msg_and_die("cannot create link '%s' to '%s'", argv[2], argv[1]);
	return 0;
}
