/* base64.c: base64 and base32 (RFC 4648) encoding and decoding, table-driven. */
#include "hash.h"

static const char b64[64] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char b32[32] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

HASH_HOT size_t base64_encode(char *dst, const uint8_t *s, size_t n)
{
	char *d = dst;

	for (; n >= 3; n -= 3, s += 3, d += 4) {
		uint32_t v = (uint32_t)s[0] << 16 | s[1] << 8 | s[2];
		d[0] = b64[v >> 18];
		d[1] = b64[v >> 12 & 63];
		d[2] = b64[v >> 6 & 63];
		d[3] = b64[v & 63];
	}
	if (n) {
		uint32_t v = (uint32_t)s[0] << 16 | (n > 1 ? s[1] << 8 : 0);
		d[0] = b64[v >> 18];
		d[1] = b64[v >> 12 & 63];
		d[2] = n > 1 ? b64[v >> 6 & 63] : '=';
		d[3] = '=';
		d += 4;
	}
	return d - dst;
}

HASH_HOT size_t base32_encode(char *dst, const uint8_t *s, size_t n)
{
	/* characters that carry data for 1..4 leftover bytes */
	static const uint8_t used[5] = { 0, 2, 4, 5, 7 };
	char *d = dst;

	for (; n >= 5; n -= 5, s += 5, d += 8) {
		uint64_t v = (uint64_t)s[0] << 32 | (uint64_t)s[1] << 24 | (uint32_t)s[2] << 16 |
			     s[3] << 8 | s[4];
		for (int i = 0; i < 8; i++)
			d[i] = b32[v >> (35 - 5 * i) & 31];
	}
	if (n) {
		size_t k = n;
		uint64_t v = 0;
		for (size_t i = 0; i < 5; i++)
			v = v << 8 | (i < k ? s[i] : 0);
		for (int i = 0; i < 8; i++)
			d[i] = k == 5 || i < used[k] ? b32[v >> (35 - 5 * i) & 31] : '=';
		d += 8;
	}
	return d - dst;
}

enum { PAD = 0x40, BAD = 0x80 };

/* A character's value, PAD for '=' and BAD outside the alphabet. */
static int char_value(int bits, unsigned char c)
{
	if (c == '=')
		return PAD;
	if (bits == 5) {
		if (c >= 'A' && c <= 'Z')
			return c - 'A';
		return c >= '2' && c <= '7' ? c - '2' + 26 : BAD;
	}
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	return c == '+' ? 62 : c == '/' ? 63 : BAD;
}

void base_decoder_init(struct base_decoder *d, int bits, bool ignore_garbage)
{
	memset(d, 0, sizeof(*d));
	d->bits = bits;
	d->ignore_garbage = ignore_garbage;
	for (int c = 0; c < 256; c++)
		d->value[c] = char_value(bits, c);
}

/* The bytes of the first n characters of the group. */
static size_t group_bytes(struct base_decoder *d, uint8_t *dst, unsigned n)
{
	uint64_t v = 0;
	unsigned nbytes = n * d->bits / 8;

	for (unsigned i = 0; i < n; i++)
		v = v << d->bits | d->group[i];
	v >>= n * d->bits - nbytes * 8;
	for (unsigned i = nbytes; i--; v >>= 8)
		dst[i] = v;
	return nbytes;
}

/* May a character with the value v come next in the group? */
static bool fits(struct base_decoder *d, int v)
{
	unsigned size = d->bits == 6 ? 4 : 8;

	if (v != PAD)
		return !d->pad;
	if (d->pad)
		return true;
	/* where padding may start: base64 after 2 or 3 characters, base32 after 2, 4, 5, 7 */
	if (size == 4)
		return d->n >= 2;
	return d->n == 2 || d->n == 4 || d->n == 5 || d->n == 7;
}

static size_t fail(struct base_decoder *d, uint8_t *dst)
{
	d->error = true;
	return d->bits == 6 ? group_bytes(d, dst, d->n - d->pad) : 0;
}

/* Whole groups of plain characters at the start of a group, without the state machine;
 * returns the characters used. */
HASH_HOT static size_t fast_groups(struct base_decoder *d, uint8_t **out, const uint8_t *s,
				   size_t len)
{
	const uint8_t *t = d->value, *start = s;
	uint8_t *o = *out;

	if (d->bits == 6) {
		for (; len >= 4; len -= 4, s += 4, o += 3) {
			uint32_t a = t[s[0]], b = t[s[1]], c = t[s[2]], e = t[s[3]];
			if ((a | b | c | e) & (PAD | BAD))
				break;
			a = a << 18 | b << 12 | c << 6 | e;
			o[0] = a >> 16, o[1] = a >> 8, o[2] = a;
		}
	} else {
		for (; len >= 8; len -= 8, s += 8, o += 5) {
			uint64_t v = 0;
			unsigned bad = 0;
			for (int i = 0; i < 8; i++) {
				bad |= t[s[i]];
				v = v << 5 | t[s[i]];
			}
			if (bad & (PAD | BAD))
				break;
			for (int i = 0; i < 5; i++)
				o[i] = v >> (32 - 8 * i);
		}
	}
	*out = o;
	return s - start;
}

size_t base_decode(struct base_decoder *d, uint8_t *dst, const char *src, size_t len)
{
	unsigned size = d->bits == 6 ? 4 : 8;
	uint8_t *out = dst;

	for (size_t i = 0; i < len && !d->error; i++) {
		int v;
		if (!d->n)
			i += fast_groups(d, &out, (const uint8_t *)src + i, len - i);
		if (i == len)
			break;
		if (src[i] == '\n')
			continue;
		v = d->value[(uint8_t)src[i]];
		if (v == BAD && d->ignore_garbage)
			continue;
		if (v == BAD || !fits(d, v)) {
			out += fail(d, out);
			break;
		}
		if (v != PAD)
			d->group[d->n] = v;
		else
			d->pad++;
		if (++d->n == size) {
			out += group_bytes(d, out, size - d->pad);
			d->n = d->pad = 0;
		}
	}
	return out - dst;
}

size_t base_decode_end(struct base_decoder *d, uint8_t *dst)
{
	if (d->error || !d->n)
		return 0;
	return fail(d, dst);
}
