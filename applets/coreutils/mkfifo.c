/* mkfifo: make FIFO special files. POSIX mkfifo (-m) with GNU long options. */

/*== applet
applet mkfifo /usr/bin nofork
options m(mode):
config MKFIFO
	bool "mkfifo"
	default y
	help
	  Create named pipes (FIFOs).
usage [-m MODE] NAME...
Create a FIFO named NAME for each NAME.

	-m MODE	Give them MODE (as chmod takes it), not a=rw minus the umask
==*/

#include "libbb.h"
#include "flags/mkfifo.h"

GLOBALS();

int mkfifo_main(int argc, char **argv)
{
	mode_t mode = 0666;
	int status = 0;

	need_operands(argc, argv, 1, -1);
	if (FLAG(m))
		mode = xparse_perm_mode(G.m);
	while (*++argv) {
		if (mkfifo(*argv, mode) < 0) {
			bb_perror_msg("cannot create fifo '%s'", *argv);
			status = 1;
		} else if (FLAG(m) && chmod(*argv, mode) < 0) {
			bb_perror_msg("cannot set permissions of '%s'", *argv);
			status = 1;
		}
	}
	return status;
}
