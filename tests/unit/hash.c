/* hash.c: tests of the digests, CRCs and base64/base32 codecs of libbb: known answers,
 * and the same answer however the input is split into updates. */
#include "libbb.h"
#include "unittest.h"

static void digest_hex(const struct hash_algo *a, const void *p, size_t n, size_t step,
		       char *hex)
{
	struct hash_ctx ctx;
	uint8_t d[64];

	hash_init(&ctx, a);
	for (size_t i = 0; i < n; i += step)
		hash_update(&ctx, (const char *)p + i, n - i < step ? n - i : step);
	hash_final(&ctx, d);
	bin2hex(hex, d, a->digest_len);
}

static void test_digests(void)
{
	static const struct {
		const struct hash_algo *algo;
		const char *abc;
	} known[] = {
		{ &hash_md5, "900150983cd24fb0d6963f7d28e17f72" },
		{ &hash_sha1, "a9993e364706816aba3e25717850c26c9cd0d89d" },
		{ &hash_sha224, "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7" },
		{ &hash_sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
		{ &hash_sha384, "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
				"8086072ba1e7cc2358baeca134c825a7" },
		{ &hash_sha512, "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
				"2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f" },
		{ &hash_sha3_256, "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532" },
	};
	static const size_t steps[] = { 1, 3, 7, 63, 64, 65, 127, 136, 1000, 4096 };
	char *data = xmalloc(3001), whole[129], split[129];

	for (int i = 0; i < 3001; i++)
		data[i] = i * 7 + (i >> 5);
	for (size_t a = 0; a < ARRAY_SIZE(known); a++) {
		digest_hex(known[a].algo, "abc", 3, 3, whole);
		CHECK(!strcmp(whole, known[a].abc));
		for (size_t len = 0; len <= 3001; len += len < 300 ? 1 : 677) {
			digest_hex(known[a].algo, data, len, len ? len : 1, whole);
			for (size_t s = 0; s < ARRAY_SIZE(steps); s++) {
				digest_hex(known[a].algo, data, len, steps[s], split);
				CHECK(!strcmp(whole, split));
			}
		}
	}
	free(data);
}

static void test_crcs(void)
{
	uint32_t *be = crc32_new_table(true), *le = crc32_new_table(false);
	const char *s = "123456789";

	CHECK(~crc32_update_le(le, 0xffffffff, s, 9) == 0xcbf43926);	/* CRC-32 check value */
	CHECK(~crc32_update_be(be, 0xffffffff, s, 9) == 0xfc891918);	/* CRC-32/BZIP2 */
	CHECK(crc32_update_be(be, crc32_update_be(be, 0, s, 4), s + 4, 5) ==
	      crc32_update_be(be, 0, s, 9));
	{
		/* long runs (folded with PCLMUL where the CPU has it) against byte at a time */
		uint8_t buf[1000];
		for (int i = 0; i < 1000; i++)
			buf[i] = i * 13 + (i >> 3);
		for (size_t n = 0; n <= 1000; n += n < 200 ? 1 : 111) {
			uint32_t one = 0x12345678, all;
			for (size_t i = 0; i < n; i++)
				one = crc32_update_be(be, one, buf + i, 1);
			all = crc32_update_be(be, 0x12345678, buf, n);
			CHECK(one == all);
		}
	}
	CHECK(bsd_sum_update(0, "abc", 3) == 16556);
	CHECK(sysv_sum_update(0, "abc", 3) == 294);
	free(be);
	free(le);
}

/* Encode then decode every length, fed to the decoder in chunks of every size. */
static void round_trip(int bits)
{
	uint8_t src[100], out[200];
	char text[200];

	for (int i = 0; i < 100; i++)
		src[i] = i * 37 + 11;
	for (size_t n = 0; n <= 100; n++) {
		size_t len = bits == 6 ? base64_encode(text, src, n) : base32_encode(text, src, n);
		for (size_t chunk = 1; chunk <= len + 1; chunk++) {
			struct base_decoder d;
			size_t got = 0;
			base_decoder_init(&d, bits, false);
			for (size_t i = 0; i < len; i += chunk)
				got += base_decode(&d, out + got, text + i,
						   len - i < chunk ? len - i : chunk);
			got += base_decode_end(&d, out + got);
			CHECK(!d.error && got == n && !memcmp(out, src, n));
		}
	}
}

static void test_base64(void)
{
	struct base_decoder d;
	uint8_t out[16];
	char text[16];

	CHECK(base64_encode(text, (const uint8_t *)"ab", 2) == 4 && !memcmp(text, "YWI=", 4));
	CHECK(base32_encode(text, (const uint8_t *)"ab", 2) == 8 && !memcmp(text, "MFRA====", 8));
	round_trip(6);
	round_trip(5);
	base_decoder_init(&d, 6, false);
	CHECK(base_decode(&d, out, "YW*Jj", 5) == 1 && d.error && out[0] == 'a');
	base_decoder_init(&d, 6, true);
	CHECK(base_decode(&d, out, "YW*J\nj", 6) == 3 && !d.error);
	base_decoder_init(&d, 5, false);
	CHECK(base_decode(&d, out, "MFRGG", 5) == 0 && base_decode_end(&d, out) == 0 && d.error);
}

void test_hash(void)
{
	test_digests();
	test_crcs();
	test_base64();
}
