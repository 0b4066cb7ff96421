/* base64.c: libFuzzer target for the base64 and base32 decoders of base64 -d, base32 -d
 * and uudecode. The first byte picks base64 or base32, -i, and how the rest is split into
 * chunks; decoding must never write past its buffer. Build and run:
 *   make generated/fuzz/base64 && generated/fuzz/base64 -max_total_time=60 */
#include "libbb.h"

const char *applet_name = "fuzz";
const struct applet *current_applet;

void bb_show_usage(void)
{
	xfunc_die();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct base_decoder d;
	size_t chunk;

	if (size < 1)
		return 0;
	chunk = (data[0] >> 2) + 1;
	base_decoder_init(&d, data[0] & 1 ? 5 : 6, data[0] & 2);
	for (size_t i = 1; i < size && !d.error; i += chunk) {
		size_t k = size - i < chunk ? size - i : chunk;
		uint8_t *out = malloc(k + 8);	/* exactly what is promised: overruns show */
		if (!out)
			return 0;
		if (base_decode(&d, out, (const char *)data + i, k) > k + 8)
			abort();
		free(out);
	}
	{
		uint8_t end[8];
		if (base_decode_end(&d, end) > sizeof(end))
			abort();
	}
	return 0;
}
