/* perm_mode.c: the -m MODE argument of mkfifo and mknod: permission bits only. */
#include "libbb.h"

mode_t xparse_perm_mode(const char *s)
{
	int m = bb_parse_mode(s, 0666, false);

	if (m < 0)
		bb_error_msg_and_die("invalid mode");
	if (m & ~0777)
		bb_error_msg_and_die("mode must specify only file permission bits");
	return m;
}
