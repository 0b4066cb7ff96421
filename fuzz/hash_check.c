/* hash_check.c: libFuzzer target for the line splitter of md5sum -c and friends
 * (hash_parse_check_line). The input is one line; the first byte picks the algorithms
 * and the format state. It must never crash or read outside the line. Build and run:
 *   make generated/fuzz/hash_check && generated/fuzz/hash_check -max_total_time=60 */
#include "libbb.h"

const char *applet_name = "fuzz";
const struct applet *current_applet;

void bb_show_usage(void)
{
	xfunc_die();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct hash_algo *const algos[] = {
		&hash_md5, &hash_sha1, &hash_sha256, &hash_sha512, &hash_sha3_256,
	};
	char *line, *name, *hex;
	int reversed;
	bool binary;
	const struct hash_algo *a;

	if (size < 1)
		return 0;
	line = malloc(size);	/* the line and the NUL after it, as getline leaves them */
	if (!line)
		return 0;
	memcpy(line, data + 1, size - 1);
	line[size - 1] = 0;
	reversed = (int)(data[0] % 3) - 1;
	if (data[0] & 4)
		a = hash_parse_check_line(line, size - 1, algos, ARRAY_SIZE(algos), false, &reversed,
					  &name, &hex, &binary);
	else
		a = hash_parse_check_line(line, size - 1, algos + (data[0] >> 3) % ARRAY_SIZE(algos),
					  1, true, &reversed, &name, &hex, &binary);
	if (a && (strlen(hex) != 2u * a->digest_len || name < line || name > line + size - 1))
		abort();
	free(line);
	return 0;
}
