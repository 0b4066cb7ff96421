/* block_size.c: the -B SIZE argument of df and du. */
#include "libbb.h"

unsigned long long xparse_block_size(const char *arg, const char **suffix)
{
	bool unit_only = isalpha((unsigned char)*arg);
	char *num = unit_only ? xasprintf("1%s", arg) : xstrdup(arg);
	unsigned long long v;
	int err = bb_strtoull(num, 10, size_suffixes, 1, ULLONG_MAX, &v);

	free(num);
	if (err)
		bb_error_msg_and_die("invalid -B argument '%s'", arg);
	if (unit_only)
		*suffix = !strcmp(arg, "KB") ? "kB" : arg;
	return v;
}
