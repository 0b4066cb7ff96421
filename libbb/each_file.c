/* each_file.c: the loop of the filters that read their operands as text in turn. */
#include "libbb.h"

int for_each_file(int argc, char **argv, void (*fn)(FILE *in))
{
	char *stdin_only[] = { (char *)"-", NULL };
	int status = 0;

	for (argv = argc > 1 ? argv + 1 : stdin_only; *argv; argv++) {
		FILE *in = fopen_or_warn_stdin(*argv);
		if (!in) {
			status = 1;
			continue;
		}
		fn(in);
		if (fclose_if_not_stdin(in, *argv))
			status = 1;
	}
	return status;
}
