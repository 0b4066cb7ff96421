/* hash_sha.c: SHA-1, SHA-224/256 and SHA-384/512 (FIPS 180-4), portable C with rolling
 * 16-word message schedules. CPU instruction versions: libbb/hash_sha_accel.c. */
#include "hash.h"

/* ---- SHA-1 ---- */

#define SHA1_W(i) (w[(i) & 15] = ROTL32(w[((i) + 13) & 15] ^ w[((i) + 8) & 15] ^ \
					 w[((i) + 2) & 15] ^ w[(i) & 15], 1))
#define SHA1_R(a, b, c, d, e, f, k, x) \
	(e) += ROTL32((a), 5) + (f) + (k) + (x), (b) = ROTL32((b), 30)
#define SHA1_F1(b, c, d) ((d) ^ ((b) & ((c) ^ (d))))
#define SHA1_F2(b, c, d) ((b) ^ (c) ^ (d))
#define SHA1_F3(b, c, d) (((b) & (c)) | ((d) & ((b) | (c))))
/* five steps, the variables rotating so no copies are made */
#define SHA1_5(i, F, k, X) \
	SHA1_R(a, b, c, d, e, F(b, c, d), k, X(i)); \
	SHA1_R(e, a, b, c, d, F(a, b, c), k, X((i) + 1)); \
	SHA1_R(d, e, a, b, c, F(e, a, b), k, X((i) + 2)); \
	SHA1_R(c, d, e, a, b, F(d, e, a), k, X((i) + 3)); \
	SHA1_R(b, c, d, e, a, F(c, d, e), k, X((i) + 4))
#define SHA1_LOAD(i) w[i]

HASH_HOT static void sha1_blocks_c(struct hash_ctx *ctx, const uint8_t *p, size_t n)
{
	uint32_t *h = ctx->st.w;

	for (; n--; p += 64) {
		uint32_t w[16], a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
		for (int i = 0; i < 16; i++)
			w[i] = load_be32(p + 4 * i);
		SHA1_5(0, SHA1_F1, 0x5a827999, SHA1_LOAD);
		SHA1_5(5, SHA1_F1, 0x5a827999, SHA1_LOAD);
		SHA1_5(10, SHA1_F1, 0x5a827999, SHA1_LOAD);
		SHA1_R(a, b, c, d, e, SHA1_F1(b, c, d), 0x5a827999, w[15]);
		SHA1_R(e, a, b, c, d, SHA1_F1(a, b, c), 0x5a827999, SHA1_W(16));
		SHA1_R(d, e, a, b, c, SHA1_F1(e, a, b), 0x5a827999, SHA1_W(17));
		SHA1_R(c, d, e, a, b, SHA1_F1(d, e, a), 0x5a827999, SHA1_W(18));
		SHA1_R(b, c, d, e, a, SHA1_F1(c, d, e), 0x5a827999, SHA1_W(19));
		SHA1_5(20, SHA1_F2, 0x6ed9eba1, SHA1_W);
		SHA1_5(25, SHA1_F2, 0x6ed9eba1, SHA1_W);
		SHA1_5(30, SHA1_F2, 0x6ed9eba1, SHA1_W);
		SHA1_5(35, SHA1_F2, 0x6ed9eba1, SHA1_W);
		SHA1_5(40, SHA1_F3, 0x8f1bbcdc, SHA1_W);
		SHA1_5(45, SHA1_F3, 0x8f1bbcdc, SHA1_W);
		SHA1_5(50, SHA1_F3, 0x8f1bbcdc, SHA1_W);
		SHA1_5(55, SHA1_F3, 0x8f1bbcdc, SHA1_W);
		SHA1_5(60, SHA1_F2, 0xca62c1d6, SHA1_W);
		SHA1_5(65, SHA1_F2, 0xca62c1d6, SHA1_W);
		SHA1_5(70, SHA1_F2, 0xca62c1d6, SHA1_W);
		SHA1_5(75, SHA1_F2, 0xca62c1d6, SHA1_W);
		h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e;
	}
}

static void sha1_init(struct hash_ctx *ctx)
{
	static const uint32_t iv[5] = {
		0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0
	};

	memcpy(ctx->st.w, iv, sizeof(iv));
	ctx->blocks = sha1_blocks_accel();
	if (!ctx->blocks)
		ctx->blocks = sha1_blocks_c;
}

static void sha32_final(struct hash_ctx *ctx, uint8_t *digest)
{
	hash_md_pad(ctx, 1, 8);
	for (unsigned i = 0; i < ctx->algo->digest_len / 4u; i++)
		store_be32(digest + 4 * i, ctx->st.w[i]);
}

const struct hash_algo hash_sha1 = { "SHA1", 20, 64, sha1_init, sha32_final };

/* ---- SHA-256 ---- */

const uint32_t sha256_k[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
	0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
	0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
	0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
	0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
	0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
	0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
	0xc67178f2,
};

#define S256_S0(x) (ROTR32(x, 2) ^ ROTR32(x, 13) ^ ROTR32(x, 22))
#define S256_S1(x) (ROTR32(x, 6) ^ ROTR32(x, 11) ^ ROTR32(x, 25))
#define S256_s0(x) (ROTR32(x, 7) ^ ROTR32(x, 18) ^ ((x) >> 3))
#define S256_s1(x) (ROTR32(x, 17) ^ ROTR32(x, 19) ^ ((x) >> 10))
#define CH(x, y, z) ((z) ^ ((x) & ((y) ^ (z))))
#define MAJ(x, y, z) (((x) & (y)) | ((z) & ((x) | (y))))
#define S256_W(i) (w[(i) & 15] += S256_s1(w[((i) + 14) & 15]) + w[((i) + 9) & 15] + \
			S256_s0(w[((i) + 1) & 15]))
#define S256_R(a, b, c, d, e, f, g, h, x, i) do { \
		uint32_t t1 = (h) + S256_S1(e) + CH(e, f, g) + sha256_k[i] + (x); \
		(d) += t1; \
		(h) = t1 + S256_S0(a) + MAJ(a, b, c); \
	} while (0)
#define S256_8(i, X) \
	S256_R(a, b, c, d, e, f, g, h, X(i), i); \
	S256_R(h, a, b, c, d, e, f, g, X((i) + 1), (i) + 1); \
	S256_R(g, h, a, b, c, d, e, f, X((i) + 2), (i) + 2); \
	S256_R(f, g, h, a, b, c, d, e, X((i) + 3), (i) + 3); \
	S256_R(e, f, g, h, a, b, c, d, X((i) + 4), (i) + 4); \
	S256_R(d, e, f, g, h, a, b, c, X((i) + 5), (i) + 5); \
	S256_R(c, d, e, f, g, h, a, b, X((i) + 6), (i) + 6); \
	S256_R(b, c, d, e, f, g, h, a, X((i) + 7), (i) + 7)
#define S256_LOAD(i) w[(i) & 15]

HASH_HOT static void sha256_blocks_c(struct hash_ctx *ctx, const uint8_t *p, size_t n)
{
	uint32_t *s = ctx->st.w;

	for (; n--; p += 64) {
		uint32_t w[16], a = s[0], b = s[1], c = s[2], d = s[3];
		uint32_t e = s[4], f = s[5], g = s[6], h = s[7];
		for (int i = 0; i < 16; i++)
			w[i] = load_be32(p + 4 * i);
		S256_8(0, S256_LOAD);
		S256_8(8, S256_LOAD);
		for (int i = 16; i < 64; i += 16) {
			S256_8(i, S256_W);
			S256_8(i + 8, S256_W);
		}
		s[0] += a, s[1] += b, s[2] += c, s[3] += d;
		s[4] += e, s[5] += f, s[6] += g, s[7] += h;
	}
}

static void sha256_blocks_setup(struct hash_ctx *ctx)
{
	ctx->blocks = sha256_blocks_accel();
	if (!ctx->blocks)
		ctx->blocks = sha256_blocks_c;
}

static void sha224_init(struct hash_ctx *ctx)
{
	static const uint32_t iv[8] = {
		0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939,
		0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4
	};

	memcpy(ctx->st.w, iv, sizeof(iv));
	sha256_blocks_setup(ctx);
}

static void sha256_init(struct hash_ctx *ctx)
{
	static const uint32_t iv[8] = {
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
		0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
	};

	memcpy(ctx->st.w, iv, sizeof(iv));
	sha256_blocks_setup(ctx);
}

const struct hash_algo hash_sha224 = { "SHA224", 28, 64, sha224_init, sha32_final };
const struct hash_algo hash_sha256 = { "SHA256", 32, 64, sha256_init, sha32_final };

/* ---- SHA-512 ---- */

static const uint64_t sha512_k[80] = {
	0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
	0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
	0xd807aa98a3030242ULL, 0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
	0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
	0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
	0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
	0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
	0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL, 0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
	0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
	0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
	0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
	0xd192e819d6ef5218ULL, 0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
	0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
	0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
	0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
	0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
	0xca273eceea26619cULL, 0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
	0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
	0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
	0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL,
};

#define S512_S0(x) (ROTR64(x, 28) ^ ROTR64(x, 34) ^ ROTR64(x, 39))
#define S512_S1(x) (ROTR64(x, 14) ^ ROTR64(x, 18) ^ ROTR64(x, 41))
#define S512_s0(x) (ROTR64(x, 1) ^ ROTR64(x, 8) ^ ((x) >> 7))
#define S512_s1(x) (ROTR64(x, 19) ^ ROTR64(x, 61) ^ ((x) >> 6))
#define S512_W(i) (w[(i) & 15] += S512_s1(w[((i) + 14) & 15]) + w[((i) + 9) & 15] + \
			S512_s0(w[((i) + 1) & 15]))
#define S512_R(a, b, c, d, e, f, g, h, x, i) do { \
		uint64_t t1 = (h) + S512_S1(e) + CH(e, f, g) + sha512_k[i] + (x); \
		(d) += t1; \
		(h) = t1 + S512_S0(a) + MAJ(a, b, c); \
	} while (0)
#define S512_8(i, X) \
	S512_R(a, b, c, d, e, f, g, h, X(i), i); \
	S512_R(h, a, b, c, d, e, f, g, X((i) + 1), (i) + 1); \
	S512_R(g, h, a, b, c, d, e, f, X((i) + 2), (i) + 2); \
	S512_R(f, g, h, a, b, c, d, e, X((i) + 3), (i) + 3); \
	S512_R(e, f, g, h, a, b, c, d, X((i) + 4), (i) + 4); \
	S512_R(d, e, f, g, h, a, b, c, X((i) + 5), (i) + 5); \
	S512_R(c, d, e, f, g, h, a, b, X((i) + 6), (i) + 6); \
	S512_R(b, c, d, e, f, g, h, a, X((i) + 7), (i) + 7)
#define S512_LOAD(i) w[(i) & 15]

HASH_HOT static void sha512_blocks(struct hash_ctx *ctx, const uint8_t *p, size_t n)
{
	uint64_t *s = ctx->st.q;

	for (; n--; p += 128) {
		uint64_t w[16], a = s[0], b = s[1], c = s[2], d = s[3];
		uint64_t e = s[4], f = s[5], g = s[6], h = s[7];
		for (int i = 0; i < 16; i++)
			w[i] = load_be64(p + 8 * i);
		S512_8(0, S512_LOAD);
		S512_8(8, S512_LOAD);
		for (int i = 16; i < 80; i += 16) {
			S512_8(i, S512_W);
			S512_8(i + 8, S512_W);
		}
		s[0] += a, s[1] += b, s[2] += c, s[3] += d;
		s[4] += e, s[5] += f, s[6] += g, s[7] += h;
	}
}

static void sha384_init(struct hash_ctx *ctx)
{
	static const uint64_t iv[8] = {
		0xcbbb9d5dc1059ed8ULL, 0x629a292a367cd507ULL, 0x9159015a3070dd17ULL,
		0x152fecd8f70e5939ULL, 0x67332667ffc00b31ULL, 0x8eb44a8768581511ULL,
		0xdb0c2e0d64f98fa7ULL, 0x47b5481dbefa4fa4ULL
	};

	memcpy(ctx->st.q, iv, sizeof(iv));
	ctx->blocks = sha512_blocks;
}

static void sha512_init(struct hash_ctx *ctx)
{
	static const uint64_t iv[8] = {
		0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL,
		0xa54ff53a5f1d36f1ULL, 0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
		0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL
	};

	memcpy(ctx->st.q, iv, sizeof(iv));
	ctx->blocks = sha512_blocks;
}

static void sha512_final(struct hash_ctx *ctx, uint8_t *digest)
{
	hash_md_pad(ctx, 1, 16);
	for (unsigned i = 0; i < ctx->algo->digest_len / 8u; i++)
		store_be64(digest + 8 * i, ctx->st.q[i]);
}

const struct hash_algo hash_sha384 = { "SHA384", 48, 128, sha384_init, sha512_final };
const struct hash_algo hash_sha512 = { "SHA512", 64, 128, sha512_init, sha512_final };
