/* owner.c: tests of bb_parse_owner() and bb_parse_group() with numeric ids (names would
 * depend on the machine's users), and of the specs they must refuse. */
#include "libbb.h"
#include "unittest.h"
#if defined(__GLIBC__)
#include <nss.h>
#endif

/* Parse s; returns 0, or 1 if it died (its message is thrown away). */
static int owner(const char *s, long long *u, long long *g)
{
	jmp_buf jmp;
	uid_t uid = 7;
	gid_t gid = 7;
	int died, fd = dup(STDERR_FILENO), null = open("/dev/null", O_WRONLY);

	dup2(null, STDERR_FILENO);
	die_jmp = &jmp;
	died = setjmp(jmp) != 0;
	if (!died)
		bb_parse_owner(s, &uid, &gid);
	die_jmp = NULL;
	dup2(fd, STDERR_FILENO);
	close(fd);
	close(null);
	*u = uid == (uid_t)-1 ? -1LL : (long long)uid;
	*g = gid == (gid_t)-1 ? -1LL : (long long)gid;
	return died;
}

static int group(const char *s, long long *g)
{
	jmp_buf jmp;
	volatile gid_t gid = 7;
	int died, fd = dup(STDERR_FILENO), null = open("/dev/null", O_WRONLY);

	dup2(null, STDERR_FILENO);
	die_jmp = &jmp;
	died = setjmp(jmp) != 0;
	if (!died)
		gid = bb_parse_group(s);
	die_jmp = NULL;
	dup2(fd, STDERR_FILENO);
	close(fd);
	close(null);
	*g = gid;
	return died;
}

void test_owner(void)
{
	static const char *const bad[] = {
		"99999999999", "4294967295", "-1", "1x", "12345:", "12345:x:y", ":1x", "+", "+:1",
	};
	long long u, g;

#if defined(__GLIBC__)
	/* as the binary's main() does: NSS modules loaded into a static glibc crash it */
	if (ENABLE_STATIC) {
		__nss_configure_lookup("passwd", "files");
		__nss_configure_lookup("group", "files");
	}
#endif
	CHECK(owner("12345", &u, &g) == 0 && u == 12345 && g == -1);
	CHECK(owner("12345:23456", &u, &g) == 0 && u == 12345 && g == 23456);
	CHECK(owner(":23456", &u, &g) == 0 && u == -1 && g == 23456);
	CHECK(owner("+12345:+23456", &u, &g) == 0 && u == 12345 && g == 23456);
	CHECK(owner("12345.23456", &u, &g) == 0 && u == 12345 && g == 23456);
	CHECK(owner("", &u, &g) == 0 && u == -1 && g == -1);
	CHECK(owner(":", &u, &g) == 0 && u == -1 && g == -1);
	CHECK(owner("4294967294", &u, &g) == 0 && u == 4294967294LL);
	for (unsigned i = 0; i < ARRAY_SIZE(bad); i++)
		CHECK(owner(bad[i], &u, &g) == 1);
	CHECK(group("23456", &g) == 0 && g == 23456);
	CHECK(group("+0", &g) == 0 && g == 0);
	CHECK(group("1:2", &g) == 1);
	CHECK(group("4294967295", &g) == 1);
}
