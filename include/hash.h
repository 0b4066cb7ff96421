/* hash.h: private helpers of the digest code in libbb/hash*.c: byte order, rotations,
 * and which CPU instruction sets may be used for SHA-1 and SHA-256. */
#ifndef HASH_H
#define HASH_H

#include "libbb.h"

#define ROTL32(x, n) (((x) << (n)) | ((x) >> (32 - (n))))
#define ROTR32(x, n) (((x) >> (n)) | ((x) << (32 - (n))))
#define ROTL64(x, n) (((x) << (n)) | ((x) >> (64 - (n))))
#define ROTR64(x, n) (((x) >> (n)) | ((x) << (64 - (n))))

static inline uint32_t load_le32(const uint8_t *p)
{
	return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline uint32_t load_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static inline uint64_t load_le64(const uint8_t *p)
{
	return load_le32(p) | (uint64_t)load_le32(p + 4) << 32;
}

static inline uint64_t load_be64(const uint8_t *p)
{
	return (uint64_t)load_be32(p) << 32 | load_be32(p + 4);
}

static inline void store_le32(uint8_t *p, uint32_t v)
{
	p[0] = v, p[1] = v >> 8, p[2] = v >> 16, p[3] = v >> 24;
}

static inline void store_be32(uint8_t *p, uint32_t v)
{
	p[0] = v >> 24, p[1] = v >> 16, p[2] = v >> 8, p[3] = v;
}

static inline void store_le64(uint8_t *p, uint64_t v)
{
	store_le32(p, v), store_le32(p + 4, v >> 32);
}

static inline void store_be64(uint8_t *p, uint64_t v)
{
	store_be32(p, v >> 32), store_be32(p + 4, v);
}

/* Pad the last block the Merkle-Damgard way: 0x80, zeros, then the message length in
 * bits in lenbytes (8 or 16) bytes, big- or little-endian; runs the last block(s). */
void hash_md_pad(struct hash_ctx *ctx, int big_endian, unsigned lenbytes);

/* The digest code is hot: built for speed even when the rest is built for size. */
#if defined(__GNUC__) && !defined(__clang__)
#define HASH_HOT __attribute__((optimize("O2")))
#else
#define HASH_HOT
#endif

typedef void hash_blocks_fn(struct hash_ctx *ctx, const uint8_t *p, size_t nblocks);
/* The CPU-instruction block functions when this CPU has them, else NULL. */
hash_blocks_fn *sha1_blocks_accel(void);
hash_blocks_fn *sha256_blocks_accel(void);
extern const uint32_t sha256_k[64];

/* x86 SHA extensions (SHA-NI) and ARMv8 crypto extensions, detected at run time. */
#if (defined(__x86_64__) || defined(__i386__)) && defined(__GNUC__) && \
	defined(CONFIG_FEATURE_SHA_ACCEL)
#define HASH_X86_SHA 1
#else
#define HASH_X86_SHA 0
#endif
/* carry-less multiplication for cksum's CRC, detected at run time too */
#if (defined(__x86_64__) || defined(__i386__)) && defined(__GNUC__) && defined(CONFIG_CKSUM)
#define HASH_X86_CLMUL 1
#else
#define HASH_X86_CLMUL 0
#endif
#if defined(__aarch64__) && defined(__linux__) && defined(CONFIG_FEATURE_SHA_ACCEL)
#define HASH_ARM_SHA 1
#else
#define HASH_ARM_SHA 0
#endif

#endif
