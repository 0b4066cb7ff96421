/* mode.c: tests of bb_parse_mode_umask(); expected modes from GNU chmod 9.1. */
#include "libbb.h"
#include "unittest.h"

static int m(const char *s, mode_t old, bool dir, mode_t mask)
{
	return bb_parse_mode_umask(s, old, dir, mask);
}

void test_mode(void)
{
	static const char *const bad[] = {
		"", "a", "u", "8", "0x1", " 755", "u+z", ",u+x", "u+x,", "u+x,,g+w", "77777",
		"+", "7r", "u+7", "+-8", "=0x", "ug",
	};

	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK(m(bad[i], 0644, false, 022) == (bad[i][0] == '+' && !bad[i][1] ? 0644 : -1));
	/* octal, with the GNU operator forms */
	CHECK(m("755", 0644, false, 022) == 0755);
	CHECK(m("0", 0777, false, 022) == 0);
	CHECK(m("07777", 0, false, 022) == 07777);
	CHECK(m("+755", 0644, false, 022) == 0755);
	CHECK(m("=755", 04644, false, 022) == 0755);
	CHECK(m("-6000", 06644, false, 022) == 0644);
	CHECK(m("755", 0100644, false, 022) == 0755);	/* the file type is dropped */
	/* directories keep set-id bits unless told */
	CHECK(m("755", 06755, true, 022) == 06755);
	CHECK(m("0755", 06755, true, 022) == 06755);
	CHECK(m("00755", 06755, true, 022) == 0755);
	CHECK(m("=755", 06755, true, 022) == 0755);
	CHECK(m("-2000", 06755, true, 022) == 04755);
	CHECK(m("u-s", 06755, true, 022) == 02755);
	CHECK(m("g=rx", 06755, true, 022) == 06755);
	CHECK(m("a=rwx", 06755, true, 022) == 06777);
	CHECK(m("=", 06755, true, 022) == 06000);
	CHECK(m("u=", 06755, true, 022) == 06055);
	CHECK(m("=", 06755, false, 022) == 0);
	/* symbolic */
	CHECK(m("u=g", 0644, false, 022) == 0444);
	CHECK(m("g=u", 0644, false, 022) == 0664);
	CHECK(m("u+", 0644, false, 022) == 0644);
	CHECK(m("a+rwxst", 0644, false, 022) == 07777);
	CHECK(m("u=rwx,g=u-w", 0644, false, 022) == 0754);
	CHECK(m("o=x+r", 0644, false, 022) == 0645);
	CHECK(m("ug=X", 0644, false, 022) == 04);
	CHECK(m("ug=X", 0744, false, 022) == 0114);
	CHECK(m("+X", 0644, true, 022) == 0755);
	CHECK(m("a-x,+X", 0744, false, 022) == 0644);
	CHECK(m("o+s,u+t", 0644, false, 022) == 0644);
	CHECK(m("+t", 0644, false, 0777) == 01644);
	CHECK(m("go=u-w", 0755, false, 0) == 0755);
	/* no u, g, o or a: the umask limits the change */
	CHECK(m("+w", 0444, false, 022) == 0644);
	CHECK(m("-w", 0666, false, 022) == 0466);
	CHECK(m("=w", 0777, false, 022) == 0200);
	CHECK(m("=rwx", 0, false, 022) == 0755);
	CHECK(m("+x", 0666, false, 0) == 0777);
	CHECK(m("-r", 0666, false, 077) == 0266);
	CHECK(m("a-w", 0666, false, 077) == 0444);
}
