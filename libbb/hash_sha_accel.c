/* hash_sha_accel.c: SHA-1 and SHA-256 with the x86 SHA extensions or the ARMv8 crypto
 * extensions, chosen at run time; the compiler flags of the build need not enable them:
 * the functions carry their own target attributes. */
#include "hash.h"

#if HASH_X86_SHA
#include <cpuid.h>
#include <immintrin.h>

#define X86_SHA __attribute__((target("sha,sse4.1"))) HASH_HOT

static bool x86_has_sha(void)
{
	unsigned a, b, c, d;

	if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_SSE4_1) || !(c & bit_SSSE3))
		return false;
	return __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & (1u << 29));
}

/* Four SHA-1 rounds, group g of 20: the schedule runs three groups ahead. */
#define SHA1_NI(g) do { \
		__m128i *ein = &e[(g) & 1]; \
		if ((g) < 4) \
			m[g] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16 * (g))), \
						bswap); \
		if ((g) == 0) \
			*ein = _mm_add_epi32(*ein, m[0]); \
		else \
			*ein = _mm_sha1nexte_epu32(*ein, m[(g) % 4]); \
		e[((g) + 1) & 1] = abcd; \
		if ((g) >= 3 && (g) <= 18) \
			m[((g) + 1) % 4] = _mm_sha1msg2_epu32(m[((g) + 1) % 4], m[(g) % 4]); \
		abcd = _mm_sha1rnds4_epu32(abcd, *ein, (g) / 5); \
		if ((g) >= 1 && (g) <= 16) \
			m[((g) + 3) % 4] = _mm_sha1msg1_epu32(m[((g) + 3) % 4], m[(g) % 4]); \
		if ((g) >= 2 && (g) <= 17) \
			m[((g) + 2) % 4] = _mm_xor_si128(m[((g) + 2) % 4], m[(g) % 4]); \
	} while (0)

X86_SHA static void sha1_blocks_x86(struct hash_ctx *ctx, const uint8_t *p, size_t n)
{
	const __m128i bswap = _mm_set_epi64x(0x0001020304050607ULL, 0x08090a0b0c0d0e0fULL);
	uint32_t *h = ctx->st.w;
	__m128i abcd = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)h), 0x1b);
	__m128i e[2], m[4];

	e[0] = _mm_set_epi32(h[4], 0, 0, 0);
	for (; n--; p += 64) {
		__m128i abcd_save = abcd, e_save = e[0];
		SHA1_NI(0); SHA1_NI(1); SHA1_NI(2); SHA1_NI(3); SHA1_NI(4);
		SHA1_NI(5); SHA1_NI(6); SHA1_NI(7); SHA1_NI(8); SHA1_NI(9);
		SHA1_NI(10); SHA1_NI(11); SHA1_NI(12); SHA1_NI(13); SHA1_NI(14);
		SHA1_NI(15); SHA1_NI(16); SHA1_NI(17); SHA1_NI(18); SHA1_NI(19);
		e[0] = _mm_sha1nexte_epu32(e[0], e_save);
		abcd = _mm_add_epi32(abcd, abcd_save);
	}
	_mm_storeu_si128((__m128i *)h, _mm_shuffle_epi32(abcd, 0x1b));
	h[4] = _mm_extract_epi32(e[0], 3);
}

/* Four SHA-256 rounds, group g of 16. */
#define SHA256_NI(g) do { \
		__m128i k; \
		if ((g) < 4) \
			m[g] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16 * (g))), \
						bswap); \
		k = _mm_add_epi32(m[(g) % 4], _mm_loadu_si128((const __m128i *)&sha256_k[4 * (g)])); \
		cdgh = _mm_sha256rnds2_epu32(cdgh, abef, k); \
		if ((g) >= 3 && (g) <= 14) { \
			__m128i t = _mm_alignr_epi8(m[(g) % 4], m[((g) + 3) % 4], 4); \
			m[((g) + 1) % 4] = _mm_sha256msg2_epu32(_mm_add_epi32(m[((g) + 1) % 4], t), \
							       m[(g) % 4]); \
		} \
		abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(k, 0x0e)); \
		if ((g) >= 1 && (g) <= 12) \
			m[((g) + 3) % 4] = _mm_sha256msg1_epu32(m[((g) + 3) % 4], m[(g) % 4]); \
	} while (0)

X86_SHA static void sha256_blocks_x86(struct hash_ctx *ctx, const uint8_t *p, size_t n)
{
	const __m128i bswap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
	uint32_t *s = ctx->st.w;
	__m128i t = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)s), 0xb1);	/* CDAB */
	__m128i cdgh = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)(s + 4)), 0x1b);
	__m128i abef = _mm_alignr_epi8(t, cdgh, 8);
	__m128i m[4];

	cdgh = _mm_blend_epi16(cdgh, t, 0xf0);
	for (; n--; p += 64) {
		__m128i abef_save = abef, cdgh_save = cdgh;
		SHA256_NI(0); SHA256_NI(1); SHA256_NI(2); SHA256_NI(3);
		SHA256_NI(4); SHA256_NI(5); SHA256_NI(6); SHA256_NI(7);
		SHA256_NI(8); SHA256_NI(9); SHA256_NI(10); SHA256_NI(11);
		SHA256_NI(12); SHA256_NI(13); SHA256_NI(14); SHA256_NI(15);
		abef = _mm_add_epi32(abef, abef_save);
		cdgh = _mm_add_epi32(cdgh, cdgh_save);
	}
	t = _mm_shuffle_epi32(abef, 0x1b);	/* FEBA */
	cdgh = _mm_shuffle_epi32(cdgh, 0xb1);	/* DCHG */
	_mm_storeu_si128((__m128i *)s, _mm_blend_epi16(t, cdgh, 0xf0));	/* DCBA */
	_mm_storeu_si128((__m128i *)(s + 4), _mm_alignr_epi8(cdgh, t, 8));	/* HGFE */
}
#endif

#if HASH_ARM_SHA
#include <arm_neon.h>
#include <sys/auxv.h>

/* The crypto instructions by inline assembly, which gcc and clang both accept whatever
 * the -march of the build: their intrinsics need it on older compilers. */
#define A64(insn) ".arch_extension sha2\n\t" insn

static bool arm_has(unsigned long bit)
{
	return (getauxval(AT_HWCAP) & bit) == bit;
}

static inline uint32x4_t a64_sha1h(uint32x4_t abcd)
{
	uint32x4_t e;
	__asm__(A64("sha1h %s0, %s1") : "=w"(e) : "w"(abcd));
	return e;
}

#define A64_SHA1_ROUNDS(op) \
	static inline uint32x4_t a64_sha1##op(uint32x4_t abcd, uint32x4_t e, uint32x4_t wk) \
	{ \
		__asm__(A64("sha1" #op " %q0, %s1, %2.4s") : "+w"(abcd) : "w"(e), "w"(wk)); \
		return abcd; \
	}
A64_SHA1_ROUNDS(c)
A64_SHA1_ROUNDS(p)
A64_SHA1_ROUNDS(m)

static inline uint32x4_t a64_sha1su(uint32x4_t w0, uint32x4_t w1, uint32x4_t w2, uint32x4_t w3)
{
	__asm__(A64("sha1su0 %0.4s, %1.4s, %2.4s") : "+w"(w0) : "w"(w1), "w"(w2));
	__asm__(A64("sha1su1 %0.4s, %1.4s") : "+w"(w0) : "w"(w3));
	return w0;
}

HASH_HOT static void sha1_blocks_arm(struct hash_ctx *ctx, const uint8_t *p, size_t n)
{
	static const uint32_t k[4] = { 0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6 };
	uint32_t *h = ctx->st.w;
	uint32x4_t abcd = vld1q_u32(h), e = vdupq_n_u32(h[4]);

	for (; n--; p += 64) {
		uint32x4_t m[4], abcd_save = abcd, e_save = e;
		for (int i = 0; i < 4; i++)
			m[i] = vreinterpretq_u32_u8(vrev32q_u8(vld1q_u8(p + 16 * i)));
		for (int g = 0; g < 20; g++) {
			uint32x4_t wk = vaddq_u32(m[g % 4], vdupq_n_u32(k[g / 5])), e1 = a64_sha1h(abcd);
			if (g < 5)
				abcd = a64_sha1c(abcd, e, wk);
			else if (g < 10 || g >= 15)
				abcd = a64_sha1p(abcd, e, wk);
			else
				abcd = a64_sha1m(abcd, e, wk);
			e = e1;
			if (g < 16)
				m[g % 4] = a64_sha1su(m[g % 4], m[(g + 1) % 4], m[(g + 2) % 4],
						      m[(g + 3) % 4]);
		}
		abcd = vaddq_u32(abcd, abcd_save);
		e = vaddq_u32(e, e_save);
	}
	vst1q_u32(h, abcd);
	h[4] = vgetq_lane_u32(e, 0);
}

HASH_HOT static void sha256_blocks_arm(struct hash_ctx *ctx, const uint8_t *p, size_t n)
{
	uint32_t *s = ctx->st.w;
	uint32x4_t abcd = vld1q_u32(s), efgh = vld1q_u32(s + 4);

	for (; n--; p += 64) {
		uint32x4_t m[4], abcd_save = abcd, efgh_save = efgh;
		for (int i = 0; i < 4; i++)
			m[i] = vreinterpretq_u32_u8(vrev32q_u8(vld1q_u8(p + 16 * i)));
		for (int g = 0; g < 16; g++) {
			uint32x4_t wk = vaddq_u32(m[g % 4], vld1q_u32(&sha256_k[4 * g])), t = abcd;
			if (g < 12) {
				uint32x4_t w = m[g % 4];
				__asm__(A64("sha256su0 %0.4s, %1.4s") : "+w"(w) : "w"(m[(g + 1) % 4]));
				__asm__(A64("sha256su1 %0.4s, %1.4s, %2.4s") : "+w"(w)
					: "w"(m[(g + 2) % 4]), "w"(m[(g + 3) % 4]));
				m[g % 4] = w;
			}
			__asm__(A64("sha256h %q0, %q1, %2.4s") : "+w"(abcd) : "w"(efgh), "w"(wk));
			__asm__(A64("sha256h2 %q0, %q1, %2.4s") : "+w"(efgh) : "w"(t), "w"(wk));
		}
		abcd = vaddq_u32(abcd, abcd_save);
		efgh = vaddq_u32(efgh, efgh_save);
	}
	vst1q_u32(s, abcd);
	vst1q_u32(s + 4, efgh);
}
#endif

hash_blocks_fn *sha1_blocks_accel(void)
{
#if HASH_X86_SHA
	if (x86_has_sha())
		return sha1_blocks_x86;
#endif
#if HASH_ARM_SHA
	if (arm_has(HWCAP_SHA1))
		return sha1_blocks_arm;
#endif
	return NULL;
}

hash_blocks_fn *sha256_blocks_accel(void)
{
#if HASH_X86_SHA
	if (x86_has_sha())
		return sha256_blocks_x86;
#endif
#if HASH_ARM_SHA
	if (arm_has(HWCAP_SHA2))
		return sha256_blocks_arm;
#endif
	return NULL;
}
