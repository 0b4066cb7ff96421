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
	if (argc != 3) {
		if (argc > 3)
			bb_error_msg("extra operand '%s'", argv[3]);
		else if (argc == 2)
			bb_error_msg("missing operand after '%s'", argv[1]);
		else
			bb_error_msg("missing operand");
		bb_show_usage();
	}
	if (link(argv[1], argv[2]) < 0)
		bb_perror_msg_and_die("cannot create link '%s' to '%s'", argv[2], argv[1]);
	return 0;
}
