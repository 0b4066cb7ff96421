/* hash_md5.c: MD5 (RFC 1321), four unrolled rounds. */
#include "hash.h"

#define MD5_STEP(f, a, b, c, d, x, k, s) \
	(a) += f((b), (c), (d)) + (x) + (k), (a) = ROTL32((a), (s)) + (b)
#define MD5_F(x, y, z) ((z) ^ ((x) & ((y) ^ (z))))
#define MD5_G(x, y, z) ((y) ^ ((z) & ((x) ^ (y))))
#define MD5_H(x, y, z) ((x) ^ (y) ^ (z))
#define MD5_I(x, y, z) ((y) ^ ((x) | ~(z)))

HASH_HOT static void md5_blocks(struct hash_ctx *ctx, const uint8_t *p, size_t n)
{
	uint32_t *h = ctx->st.w;

	for (; n--; p += 64) {
		uint32_t x[16], a = h[0], b = h[1], c = h[2], d = h[3];
		for (int i = 0; i < 16; i++)
			x[i] = load_le32(p + 4 * i);
		MD5_STEP(MD5_F, a, b, c, d, x[0], 0xd76aa478, 7);
		MD5_STEP(MD5_F, d, a, b, c, x[1], 0xe8c7b756, 12);
		MD5_STEP(MD5_F, c, d, a, b, x[2], 0x242070db, 17);
		MD5_STEP(MD5_F, b, c, d, a, x[3], 0xc1bdceee, 22);
		MD5_STEP(MD5_F, a, b, c, d, x[4], 0xf57c0faf, 7);
		MD5_STEP(MD5_F, d, a, b, c, x[5], 0x4787c62a, 12);
		MD5_STEP(MD5_F, c, d, a, b, x[6], 0xa8304613, 17);
		MD5_STEP(MD5_F, b, c, d, a, x[7], 0xfd469501, 22);
		MD5_STEP(MD5_F, a, b, c, d, x[8], 0x698098d8, 7);
		MD5_STEP(MD5_F, d, a, b, c, x[9], 0x8b44f7af, 12);
		MD5_STEP(MD5_F, c, d, a, b, x[10], 0xffff5bb1, 17);
		MD5_STEP(MD5_F, b, c, d, a, x[11], 0x895cd7be, 22);
		MD5_STEP(MD5_F, a, b, c, d, x[12], 0x6b901122, 7);
		MD5_STEP(MD5_F, d, a, b, c, x[13], 0xfd987193, 12);
		MD5_STEP(MD5_F, c, d, a, b, x[14], 0xa679438e, 17);
		MD5_STEP(MD5_F, b, c, d, a, x[15], 0x49b40821, 22);

		MD5_STEP(MD5_G, a, b, c, d, x[1], 0xf61e2562, 5);
		MD5_STEP(MD5_G, d, a, b, c, x[6], 0xc040b340, 9);
		MD5_STEP(MD5_G, c, d, a, b, x[11], 0x265e5a51, 14);
		MD5_STEP(MD5_G, b, c, d, a, x[0], 0xe9b6c7aa, 20);
		MD5_STEP(MD5_G, a, b, c, d, x[5], 0xd62f105d, 5);
		MD5_STEP(MD5_G, d, a, b, c, x[10], 0x02441453, 9);
		MD5_STEP(MD5_G, c, d, a, b, x[15], 0xd8a1e681, 14);
		MD5_STEP(MD5_G, b, c, d, a, x[4], 0xe7d3fbc8, 20);
		MD5_STEP(MD5_G, a, b, c, d, x[9], 0x21e1cde6, 5);
		MD5_STEP(MD5_G, d, a, b, c, x[14], 0xc33707d6, 9);
		MD5_STEP(MD5_G, c, d, a, b, x[3], 0xf4d50d87, 14);
		MD5_STEP(MD5_G, b, c, d, a, x[8], 0x455a14ed, 20);
		MD5_STEP(MD5_G, a, b, c, d, x[13], 0xa9e3e905, 5);
		MD5_STEP(MD5_G, d, a, b, c, x[2], 0xfcefa3f8, 9);
		MD5_STEP(MD5_G, c, d, a, b, x[7], 0x676f02d9, 14);
		MD5_STEP(MD5_G, b, c, d, a, x[12], 0x8d2a4c8a, 20);

		MD5_STEP(MD5_H, a, b, c, d, x[5], 0xfffa3942, 4);
		MD5_STEP(MD5_H, d, a, b, c, x[8], 0x8771f681, 11);
		MD5_STEP(MD5_H, c, d, a, b, x[11], 0x6d9d6122, 16);
		MD5_STEP(MD5_H, b, c, d, a, x[14], 0xfde5380c, 23);
		MD5_STEP(MD5_H, a, b, c, d, x[1], 0xa4beea44, 4);
		MD5_STEP(MD5_H, d, a, b, c, x[4], 0x4bdecfa9, 11);
		MD5_STEP(MD5_H, c, d, a, b, x[7], 0xf6bb4b60, 16);
		MD5_STEP(MD5_H, b, c, d, a, x[10], 0xbebfbc70, 23);
		MD5_STEP(MD5_H, a, b, c, d, x[13], 0x289b7ec6, 4);
		MD5_STEP(MD5_H, d, a, b, c, x[0], 0xeaa127fa, 11);
		MD5_STEP(MD5_H, c, d, a, b, x[3], 0xd4ef3085, 16);
		MD5_STEP(MD5_H, b, c, d, a, x[6], 0x04881d05, 23);
		MD5_STEP(MD5_H, a, b, c, d, x[9], 0xd9d4d039, 4);
		MD5_STEP(MD5_H, d, a, b, c, x[12], 0xe6db99e5, 11);
		MD5_STEP(MD5_H, c, d, a, b, x[15], 0x1fa27cf8, 16);
		MD5_STEP(MD5_H, b, c, d, a, x[2], 0xc4ac5665, 23);

		MD5_STEP(MD5_I, a, b, c, d, x[0], 0xf4292244, 6);
		MD5_STEP(MD5_I, d, a, b, c, x[7], 0x432aff97, 10);
		MD5_STEP(MD5_I, c, d, a, b, x[14], 0xab9423a7, 15);
		MD5_STEP(MD5_I, b, c, d, a, x[5], 0xfc93a039, 21);
		MD5_STEP(MD5_I, a, b, c, d, x[12], 0x655b59c3, 6);
		MD5_STEP(MD5_I, d, a, b, c, x[3], 0x8f0ccc92, 10);
		MD5_STEP(MD5_I, c, d, a, b, x[10], 0xffeff47d, 15);
		MD5_STEP(MD5_I, b, c, d, a, x[1], 0x85845dd1, 21);
		MD5_STEP(MD5_I, a, b, c, d, x[8], 0x6fa87e4f, 6);
		MD5_STEP(MD5_I, d, a, b, c, x[15], 0xfe2ce6e0, 10);
		MD5_STEP(MD5_I, c, d, a, b, x[6], 0xa3014314, 15);
		MD5_STEP(MD5_I, b, c, d, a, x[13], 0x4e0811a1, 21);
		MD5_STEP(MD5_I, a, b, c, d, x[4], 0xf7537e82, 6);
		MD5_STEP(MD5_I, d, a, b, c, x[11], 0xbd3af235, 10);
		MD5_STEP(MD5_I, c, d, a, b, x[2], 0x2ad7d2bb, 15);
		MD5_STEP(MD5_I, b, c, d, a, x[9], 0xeb86d391, 21);

		h[0] += a, h[1] += b, h[2] += c, h[3] += d;
	}
}

static void md5_init(struct hash_ctx *ctx)
{
	static const uint32_t iv[4] = { 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476 };

	memcpy(ctx->st.w, iv, sizeof(iv));
	ctx->blocks = md5_blocks;
}

static void md5_final(struct hash_ctx *ctx, uint8_t *digest)
{
	hash_md_pad(ctx, 0, 8);
	for (int i = 0; i < 4; i++)
		store_le32(digest + 4 * i, ctx->st.w[i]);
}

const struct hash_algo hash_md5 = { "MD5", 16, 64, md5_init, md5_final };
