/* sum: print the 16-bit checksum and block count of files. GNU sum: -r (BSD sum, 1 KiB
 * blocks, the default), -s/--sysv (System V sum, 512-byte blocks); the last one wins. */

/*== applet
applet sum /usr/bin
options [-rs] r s(sysv)
config SUM
	bool "sum"
	default y
	help
	  Print the BSD or System V checksum and block count of files.
usage [-rs] [FILE]...
Print the checksum and block count of each FILE (standard input if none, or -).

	-r	BSD sum with 1 KiB blocks (the default)
	-s	System V sum with 512-byte blocks
==*/

#include "libbb.h"
#include "flags/sum.h"

GLOBALS();

int sum_main(int argc, char **argv)
{
	int kind = FLAG(s) ? OLD_SUM_SYSV : OLD_SUM_BSD, status = 0;
	char line[OLD_SUM_BUFSIZE];

	if (argc < 2) {
		if (old_sum_fd(STDIN_FILENO, kind, line))
			bb_perror_msg_and_die("-");
		puts(line);
		return 0;
	}
	for (argv++; *argv; argv++) {
		int fd = open_or_warn_stdin(*argv);
		if (fd < 0) {
			status = 1;
			continue;
		}
		if (old_sum_fd(fd, kind, line)) {
			bb_perror_msg("%s", *argv);
			status = 1;
		} else {
			printf("%s %s\n", line, *argv);
		}
		if (fd != STDIN_FILENO)
			close(fd);
	}
	return status;
}
