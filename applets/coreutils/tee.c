/* tee: copy standard input to standard output and to files.
 * POSIX tee (-a -i) with GNU's -p and long options. Every chunk is passed on as soon as
 * it is read. As in GNU: "-" is a file named "-", an output that fails is reported once
 * and dropped while the others go on (the exit status is then 1), and tee stops once no
 * output is left. No --output-error.
 */

/*== applet
applet tee /usr/bin
options a(append)i(ignore-interrupts)p
config TEE
	bool "tee"
	default y
	help
	  Copy standard input to standard output and to each FILE.
usage [-aip] [FILE]...
Copy standard input to each FILE, and to standard output.

	-a	Append to the FILEs instead of overwriting them
	-i	Ignore interrupt signals (SIGINT)
	-p	Ignore SIGPIPE; an output that is a closed pipe is dropped silently
==*/

#include "libbb.h"
#include "flags/tee.h"

/* The name in messages; GNU quotes the ones that need it, as these two. */
static const char *shown_name(const char *name)
{
	return !name ? "'standard output'" : *name ? name : "''";
}

/* Opens the FILEs; fds[0] is standard output. Returns the number of outputs open. */
static int open_outputs(char **names, int *fds, int count, int *status)
{
	int flags = O_WRONLY | O_CREAT | (FLAG(a) ? O_APPEND : O_TRUNC);
	int open_count = 1;

	fds[0] = STDOUT_FILENO;
	for (int i = 1; i < count; i++) {
		fds[i] = open(names[i], flags, 0666);
		if (fds[i] < 0) {
			bb_perror_msg("%s", shown_name(names[i]));
			*status = 1;
		} else {
			open_count++;
		}
	}
	return open_count;
}

int tee_main(int argc, char **argv)
{
	char buf[64 * 1024];
	int *fds = xmalloc(argc * sizeof(*fds));
	int status = 0, live;
	ssize_t len = 0;

	if (FLAG(i))
		signal(SIGINT, SIG_IGN);
	if (FLAG(p))
		signal(SIGPIPE, SIG_IGN);
	live = open_outputs(argv, fds, argc, &status);
	while (live && (len = safe_read(STDIN_FILENO, buf, sizeof(buf))) > 0) {
		for (int i = 0; i < argc; i++) {
			if (fds[i] < 0 || full_write(fds[i], buf, len) >= 0)
				continue;
			if (!FLAG(p) || errno != EPIPE) {
				bb_perror_msg("%s", shown_name(i ? argv[i] : NULL));
				status = 1;
			}
			if (i)
				close(fds[i]);
			fds[i] = -1;
			live--;
		}
	}
	if (len < 0) {
		bb_perror_msg("read error");
		status = 1;
	}
	for (int i = 1; i < argc; i++) {
		if (fds[i] >= 0 && close(fds[i])) {
			bb_perror_msg("%s", shown_name(argv[i]));
			status = 1;
		}
	}
	free(fds);
	return status;
}
