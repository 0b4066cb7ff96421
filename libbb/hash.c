/* hash.c: the streaming interface shared by every digest: buffering of partial blocks,
 * Merkle-Damgard padding, and hex output. */
#include "hash.h"

void hash_init(struct hash_ctx *ctx, const struct hash_algo *algo)
{
	ctx->algo = algo;
	ctx->total = 0;
	ctx->fill = 0;
	memset(&ctx->st, 0, sizeof(ctx->st));
	algo->init(ctx);
}

void hash_update(struct hash_ctx *ctx, const void *data, size_t len)
{
	const uint8_t *p = data;
	unsigned bl = ctx->algo->block_len;

	ctx->total += len;
	if (ctx->fill) {
		unsigned n = bl - ctx->fill < len ? bl - ctx->fill : len;
		memcpy(ctx->buf + ctx->fill, p, n);
		ctx->fill += n;
		p += n;
		len -= n;
		if (ctx->fill < bl)
			return;
		ctx->blocks(ctx, ctx->buf, 1);
		ctx->fill = 0;
	}
	if (len >= bl) {
		ctx->blocks(ctx, p, len / bl);
		p += len - len % bl;
		len %= bl;
	}
	memcpy(ctx->buf, p, len);
	ctx->fill = len;
}

void hash_final(struct hash_ctx *ctx, uint8_t *digest)
{
	ctx->algo->final(ctx, digest);
}

void hash_md_pad(struct hash_ctx *ctx, int big_endian, unsigned lenbytes)
{
	unsigned bl = ctx->algo->block_len, n = ctx->fill;
	uint64_t bits = ctx->total << 3;

	ctx->buf[n++] = 0x80;
	if (n > bl - lenbytes) {
		memset(ctx->buf + n, 0, bl - n);
		ctx->blocks(ctx, ctx->buf, 1);
		n = 0;
	}
	memset(ctx->buf + n, 0, bl - n);
	/* the high bits of a 128-bit length stay zero: no input is 2^61 bytes long */
	if (big_endian)
		store_be64(ctx->buf + bl - 8, bits);
	else
		store_le64(ctx->buf + bl - 8, bits);
	ctx->blocks(ctx, ctx->buf, 1);
}

char *bin2hex(char *dst, const uint8_t *src, size_t n)
{
	static const char digits[16] = "0123456789abcdef";
	char *d = dst;

	while (n--) {
		*d++ = digits[*src >> 4];
		*d++ = digits[*src++ & 15];
	}
	*d = 0;
	return dst;
}
