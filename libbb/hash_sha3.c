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

/* rho rotations and pi destinations, following lane 1 around the pi cycle */
static const uint8_t keccak_rot[24] = {
	1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44
};
static const uint8_t keccak_pi[24] = {
	10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1
};

HASH_HOT static void keccak_f(uint64_t *a)
{
	for (int r = 0; r < 24; r++) {
		uint64_t c[5], t;
		for (int x = 0; x < 5; x++)
			c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
		for (int x = 0; x < 5; x++) {
			uint64_t d = c[(x + 4) % 5] ^ ROTL64(c[(x + 1) % 5], 1);
			for (int y = 0; y < 25; y += 5)
				a[y + x] ^= d;
		}
		t = a[1];
		for (int i = 0; i < 24; i++) {
			uint64_t u = a[keccak_pi[i]];
			a[keccak_pi[i]] = ROTL64(t, keccak_rot[i]);
			t = u;
		}
		for (int y = 0; y < 25; y += 5) {
			uint64_t b0 = a[y], b1 = a[y + 1], b2 = a[y + 2], b3 = a[y + 3], b4 = a[y + 4];
			a[y] = b0 ^ (~b1 & b2);
			a[y + 1] = b1 ^ (~b2 & b3);
			a[y + 2] = b2 ^ (~b3 & b4);
			a[y + 3] = b3 ^ (~b4 & b0);
			a[y + 4] = b4 ^ (~b0 & b1);
		}
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
