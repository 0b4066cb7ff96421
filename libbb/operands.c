/* operands.c: the operand count check most applets make, with GNU's messages. */
#include "libbb.h"

void need_operands(int argc, char **argv, int min, int max)
{
	int n = argc - 1;

	if (n < min) {
		if (n)
			bb_error_msg("missing operand after '%s'", argv[n]);
		else
			bb_error_msg("missing operand");
	} else if (max >= 0 && n > max) {
		bb_error_msg("extra operand '%s'", argv[max + 1]);
	} else {
		return;
	}
	bb_show_usage();
}
