/* mode.c: libFuzzer target for bb_parse_mode_umask(), the chmod mode parser. The first
 * two bytes give the old mode, the third the umask and whether it is a directory, the rest
 * is the mode string; the result must be -1 or fit in 07777. Build and run:
 *   make generated/fuzz/mode && generated/fuzz/mode -max_total_time=60 */
#include "libbb.h"

const char *applet_name = "fuzz";
const struct applet *current_applet;

void bb_show_usage(void)
{
	xfunc_die();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s;
	int r;

	if (size < 3)
		return 0;
	s = xstrndup((const char *)data + 3, size - 3);
	r = bb_parse_mode_umask(s, (data[0] << 8 | data[1]) & 07777, data[2] & 1,
				(data[2] >> 1) & 0777);
	if (r < -1 || r > 07777)
		abort();
	free(s);
	return 0;
}
