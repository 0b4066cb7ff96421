/* crc32.c: CRC-32 in both bit orders with slice-by-8 tables, and the sums of sum(1). */
#include "hash.h"

uint32_t *crc32_new_table(bool msb_first)
{
	uint32_t *t = xmalloc(8 * 256 * sizeof(*t));

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
	return t;
}

HASH_HOT uint32_t crc32_update_be(const uint32_t *t, uint32_t crc, const void *data, size_t len)
{
	const uint8_t *p = data;

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
