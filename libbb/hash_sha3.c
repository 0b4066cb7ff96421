/* hash_sha3.c: SHA3-224/256/384/512 (FIPS 202), the Keccak-f[1600] permutation. */
#include "hash.h"

static const uint64_t keccak_rc[24] = {
	0x0000000000000001ULL, 0x0000000000008082ULL, 0x800000000000808aULL,
	0x8000000080008000ULL, 0x000000000000808bULL, 0x0000000080000001ULL,
	0x8000000080008081ULL, 0x8000000000008009ULL, 0x000000000000008aULL,
	0x0000000000000088ULL, 0x0000000080008009ULL, 0x000000008000000aULL,
	0x000000008000808bULL, 0x800000000000008bULL, 0x8000000000008089ULL,
	0x8000000000008003ULL, 0x8000000000008002ULL, 0x8000000000000080ULL,
	0x000000000000800aULL, 0x800000008000000aULL, 0x8000000080008081ULL,
	0x8000000000008080ULL, 0x0000000080000001ULL, 0x8000000080008008ULL,
};

/* rho rotations of lane x + 5y */
static const uint8_t keccak_rho[25] = {
	0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14
};

static inline uint64_t rotl64(uint64_t x, unsigned n)
{
	return x << n | x >> (-n & 63);
}

/* One loop per step, fully unrolled so the indexes and rotations are constants. */
HASH_HOT static void keccak_f(uint64_t *a)
{
	for (int r = 0; r < 24; r++) {
		uint64_t c[5], d[5], b[25];
#pragma GCC unroll 5
		for (int x = 0; x < 5; x++)
			c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
#pragma GCC unroll 5
		for (int x = 0; x < 5; x++)
			d[x] = c[(x + 4) % 5] ^ rotl64(c[(x + 1) % 5], 1);
		/* theta, rho and pi: lane (x, y) goes to (y, 2x + 3y) */
#pragma GCC unroll 25
		for (int i = 0; i < 25; i++)
			b[i / 5 + 5 * ((2 * (i % 5) + 3 * (i / 5)) % 5)] =
				rotl64(a[i] ^ d[i % 5], keccak_rho[i]);
#pragma GCC unroll 25
		for (int i = 0; i < 25; i++)
			a[i] = b[i] ^ (~b[i - i % 5 + (i + 1) % 5] & b[i - i % 5 + (i + 2) % 5]);
		a[0] ^= keccak_rc[r];
	}
}

HASH_HOT static void sha3_blocks(struct hash_ctx *ctx, const uint8_t *p, size_t n)
{
	unsigned lanes = ctx->algo->block_len / 8;

	for (; n--; p += ctx->algo->block_len) {
		for (unsigned i = 0; i < lanes; i++)
			ctx->st.q[i] ^= load_le64(p + 8 * i);
		keccak_f(ctx->st.q);
	}
}

static void sha3_init(struct hash_ctx *ctx)
{
	ctx->blocks = sha3_blocks;
}

static void sha3_final(struct hash_ctx *ctx, uint8_t *digest)
{
	unsigned rate = ctx->algo->block_len;

	memset(ctx->buf + ctx->fill, 0, rate - ctx->fill);
	ctx->buf[ctx->fill] = 0x06;
	ctx->buf[rate - 1] |= 0x80;
	sha3_blocks(ctx, ctx->buf, 1);
	for (unsigned i = 0; i < ctx->algo->digest_len; i += 8) {
		uint8_t lane[8];
		store_le64(lane, ctx->st.q[i / 8]);
		memcpy(digest + i, lane, ctx->algo->digest_len - i < 8 ? ctx->algo->digest_len - i : 8);
	}
}

const struct hash_algo hash_sha3_224 = { "SHA3-224", 28, 144, sha3_init, sha3_final };
const struct hash_algo hash_sha3_256 = { "SHA3-256", 32, 136, sha3_init, sha3_final };
const struct hash_algo hash_sha3_384 = { "SHA3-384", 48, 104, sha3_init, sha3_final };
const struct hash_algo hash_sha3_512 = { "SHA3-512", 64, 72, sha3_init, sha3_final };
