/* spawn.c: tests of the process helpers. */
#include "libbb.h"
#include "unittest.h"

void test_spawn(void)
{
	int null = open("/dev/null", O_WRONLY), saved = dup(STDERR_FILENO);

	/* with a path: sh may be an applet, and this binary is not busybox */
	CHECK(spawn_and_wait((char **)ARGS_OF("/bin/sh", "-c", "exit 3")) == 3);
	CHECK(spawn_and_wait((char **)ARGS_OF("/bin/sh", "-c", "kill -TERM $$")) == 128 + SIGTERM);
	dup2(null, STDERR_FILENO);
	CHECK(spawn_and_wait((char **)ARGS_OF("/nonexistent/command")) == 127);
	CHECK(spawn_and_wait((char **)ARGS_OF("/dev/null")) == 126);
	dup2(saved, STDERR_FILENO);
	close(saved);
	close(null);
	/* with FEATURE_PREFER_APPLETS, "false" runs in-process; either way it says 1 */
	if (find_applet("false"))
		CHECK(spawn_and_wait((char **)ARGS_OF("false")) == 1);
}
