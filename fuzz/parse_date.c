/* parse_date.c: libFuzzer target for bb_parse_date(). The input is one date string
 * (cut at its first NUL byte); the parser must never crash, overflow or read out of
 * bounds, whatever the string. Build and run:
 *   make generated/fuzz/parse_date && generated/fuzz/parse_date -max_total_time=60 */
#include "libbb.h"
#include <time.h>

const char *applet_name = "fuzz";
const struct applet *current_applet;

void bb_show_usage(void)
{
	xfunc_die();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct timespec now = { 1700000000, 123456789 };
	char *s = malloc(size + 1);
	struct timespec ts;

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = 0;
	bb_parse_date(s, &now, &ts);
	free(s);
	return 0;
}
