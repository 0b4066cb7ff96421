/* crc32.c: CRC-32 in both bit orders with slice-by-8 tables, and the sums of sum(1).
 * The MSB-first CRC of cksum also folds 64 bytes at a time with carry-less multiplication
 * (x86 PCLMULQDQ) when the CPU has it: its table then carries the folding constants. */
#include "hash.h"

/* after the 8 tables: 1 if PCLMUL may be used, then x^n mod P for n = 576, 512, 192, 128 */
enum { CLMUL_FLAG = 8 * 256, CLMUL_K576, CLMUL_K512, CLMUL_K192, CLMUL_K128, TABLE_WORDS };

#if HASH_X86_CLMUL
static uint32_t xpow_mod(unsigned n)
{
	uint32_t r = 1;

	while (n--)
		r = r & 0x80000000 ? r << 1 ^ 0x04c11db7 : r << 1;
	return r;
}

#include <cpuid.h>
#include <immintrin.h>

static bool x86_has_clmul(void)
{
	unsigned a, b, c, d;

	return __get_cpuid(1, &a, &b, &c, &d) && (c & bit_PCLMUL) && (c & bit_SSSE3);
}

#define CLMUL_FOLD(acc, k, next) \
	_mm_xor_si128(_mm_xor_si128(_mm_clmulepi64_si128(acc, k, 0x11), \
				    _mm_clmulepi64_si128(acc, k, 0x00)), next)

/* Whole 64-byte blocks (len >= 64); returns the bytes used. The CRC is folded into the
 * first bytes, the four 128-bit accumulators stay congruent to the message so far, and
 * the last one's 16 bytes go through the table. */
__attribute__((target("pclmul,ssse3"))) HASH_HOT
static size_t crc32_be_clmul(const uint32_t *t, uint32_t *crc, const uint8_t *p, size_t len)
{
	const __m128i bswap = _mm_set_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
	const __m128i k512 = _mm_set_epi64x(t[CLMUL_K576], t[CLMUL_K512]);
	const __m128i k128 = _mm_set_epi64x(t[CLMUL_K192], t[CLMUL_K128]);
	__m128i a[4];
	uint8_t rest[16];
	size_t used = len & ~(size_t)63;

	for (int i = 0; i < 4; i++)
		a[i] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16 * i)), bswap);
	a[0] = _mm_xor_si128(a[0], _mm_set_epi32(*crc, 0, 0, 0));
	for (p += 64, len -= 64; len >= 64; p += 64, len -= 64)
		for (int i = 0; i < 4; i++)
			a[i] = CLMUL_FOLD(a[i], k512, _mm_shuffle_epi8(
					  _mm_loadu_si128((const __m128i *)(p + 16 * i)), bswap));
	for (int i = 1; i < 4; i++)
		a[i] = CLMUL_FOLD(a[i - 1], k128, a[i]);
	_mm_storeu_si128((__m128i *)rest, _mm_shuffle_epi8(a[3], bswap));
	*crc = 0;
	for (int i = 0; i < 16; i++)
		*crc = *crc << 8 ^ t[(*crc >> 24) ^ rest[i]];
	return used;
}
#endif

uint32_t *crc32_new_table(bool msb_first)
{
	uint32_t *t = xzalloc(TABLE_WORDS * sizeof(*t));

	for (uint32_t i = 0; i < 256; i++) {
		uint32_t c;
		if (msb_first) {
			c = i << 24;
			for (int k = 0; k < 8; k++)
				c = c & 0x80000000 ? c << 1 ^ 0x04c11db7 : c << 1;
		} else {
			c = i;
			for (int k = 0; k < 8; k++)
				c = c & 1 ? c >> 1 ^ 0xedb88320 : c >> 1;
		}
		t[i] = c;
	}
	for (int s = 1; s < 8; s++)
		for (int i = 0; i < 256; i++) {
			uint32_t c = t[(s - 1) * 256 + i];
			t[s * 256 + i] = msb_first ? c << 8 ^ t[c >> 24] : c >> 8 ^ t[c & 255];
		}
#if HASH_X86_CLMUL
	if (msb_first && x86_has_clmul()) {
		t[CLMUL_FLAG] = 1;
		t[CLMUL_K576] = xpow_mod(576);
		t[CLMUL_K512] = xpow_mod(512);
		t[CLMUL_K192] = xpow_mod(192);
		t[CLMUL_K128] = xpow_mod(128);
	}
#endif
	return t;
}

HASH_HOT uint32_t crc32_update_be(const uint32_t *t, uint32_t crc, const void *data, size_t len)
{
	const uint8_t *p = data;

#if HASH_X86_CLMUL
	if (t[CLMUL_FLAG] && len >= 64) {
		size_t used = crc32_be_clmul(t, &crc, p, len);
		p += used;
		len -= used;
	}
#endif
	for (; len >= 8; len -= 8, p += 8) {
		uint32_t a = crc ^ load_be32(p), b = load_be32(p + 4);
		crc = t[7 * 256 + (a >> 24)] ^ t[6 * 256 + (a >> 16 & 255)] ^
		      t[5 * 256 + (a >> 8 & 255)] ^ t[4 * 256 + (a & 255)] ^
		      t[3 * 256 + (b >> 24)] ^ t[2 * 256 + (b >> 16 & 255)] ^
		      t[1 * 256 + (b >> 8 & 255)] ^ t[b & 255];
	}
	while (len--)
		crc = crc << 8 ^ t[(crc >> 24) ^ *p++];
	return crc;
}

HASH_HOT uint32_t crc32_update_le(const uint32_t *t, uint32_t crc, const void *data, size_t len)
{
	const uint8_t *p = data;

	for (; len >= 8; len -= 8, p += 8) {
		uint32_t a = crc ^ load_le32(p), b = load_le32(p + 4);
		crc = t[7 * 256 + (a & 255)] ^ t[6 * 256 + (a >> 8 & 255)] ^
		      t[5 * 256 + (a >> 16 & 255)] ^ t[4 * 256 + (a >> 24)] ^
		      t[3 * 256 + (b & 255)] ^ t[2 * 256 + (b >> 8 & 255)] ^
		      t[1 * 256 + (b >> 16 & 255)] ^ t[b >> 24];
	}
	while (len--)
		crc = crc >> 8 ^ t[(crc ^ *p++) & 255];
	return crc;
}

HASH_HOT unsigned bsd_sum_update(unsigned sum, const void *data, size_t len)
{
	const uint8_t *p = data;

	while (len--) {
		sum = (sum >> 1) + ((sum & 1) << 15) + *p++;
		sum &= 0xffff;
	}
	return sum;
}

HASH_HOT uint32_t sysv_sum_update(uint32_t sum, const void *data, size_t len)
{
	const uint8_t *p = data;

	for (; len >= 4; len -= 4, p += 4)
		sum += p[0] + p[1] + p[2] + p[3];
	while (len--)
		sum += *p++;
	return sum;
}

int old_sum_fd(int fd, int kind, char *out)
{
	enum { BUFSZ = 64 * 1024 };
	uint8_t *buf = xmalloc(BUFSZ);
	uint32_t *table = kind == OLD_SUM_CRC ? crc32_new_table(true) : NULL;
	uint32_t crc = 0, sysv = 0;
	unsigned bsd = 0;
	unsigned long long total = 0;
	ssize_t n;

	while ((n = safe_read(fd, buf, BUFSZ)) > 0) {
		total += n;
		if (kind == OLD_SUM_CRC)
			crc = crc32_update_be(table, crc, buf, n);
		else if (kind == OLD_SUM_BSD)
			bsd = bsd_sum_update(bsd, buf, n);
		else
			sysv = sysv_sum_update(sysv, buf, n);
	}
	free(buf);
	if (n < 0) {
		int e = errno;
		free(table);
		errno = e;
		return -1;
	}
	if (kind == OLD_SUM_CRC) {
		for (unsigned long long len = total; len; len >>= 8) {
			uint8_t b = len;
			crc = crc32_update_be(table, crc, &b, 1);
		}
		snprintf(out, OLD_SUM_BUFSIZE, "%u %llu", (unsigned)~crc, total);
	} else if (kind == OLD_SUM_BSD) {
		snprintf(out, OLD_SUM_BUFSIZE, "%05u %5llu", bsd, (total + 1023) / 1024);
	} else {
		uint32_t r = (sysv & 0xffff) + (sysv >> 16);
		r = (r & 0xffff) + (r >> 16);
		snprintf(out, OLD_SUM_BUFSIZE, "%u %llu", (unsigned)r, (total + 511) / 512);
	}
	free(table);
	return 0;
}
