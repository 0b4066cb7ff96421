/* platform.h: every portability #if of the project lives here (and in libbb/platform.c). */
#ifndef PLATFORM_H
#define PLATFORM_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#ifndef _FILE_OFFSET_BITS
#define _FILE_OFFSET_BITS 64
#endif

#include <stddef.h>
#include <limits.h>	/* defines __GLIBC__ on glibc */

#define NORETURN __attribute__((__noreturn__))
#define PRINTF_LIKE(fmt, first) __attribute__((__format__(__printf__, fmt, first)))
#define UNUSED __attribute__((__unused__))
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* glibc has mallinfo2(); musl has no heap statistics at all. */
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
#define HAVE_MALLINFO2 1
#else
#define HAVE_MALLINFO2 0
#endif

/* A NOMMU target cannot fork(); the config option makes us use vfork() everywhere. */
#if defined(CONFIG_NOMMU)
#define BB_MMU 0
#else
#define BB_MMU 1
#endif

/* statx(2), for birth times, by its syscall number: musl's headers lack the wrapper */
#include <sys/syscall.h>
#ifdef SYS_statx
#define HAVE_SYS_STATX 1
#else
#define HAVE_SYS_STATX 0
#define SYS_statx 0
#endif

#endif
