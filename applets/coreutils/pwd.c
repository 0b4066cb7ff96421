/* pwd: print the name of the current directory.
 * POSIX pwd with the GNU long options. As GNU /bin/pwd and BusyBox, -P is the default
 * (POSIX wants -L, the shell builtin's default): with POSIXLY_CORRECT set, -L is.
 * Operands are ignored with a warning, as GNU.
 */

/*== applet
applet pwd /bin nofork
options [-LP]L(logical)P(physical)
config PWD
	bool "pwd"
	default y
	help
	  Print the name of the current working directory.
usage [-LP]
Print the full name of the current directory.

	-L	Print $PWD if it names the current directory and has no . or ..
		components (the default if POSIXLY_CORRECT is set)
	-P	Print the name without symbolic links (the default)
==*/

#include "libbb.h"
#include "flags/pwd.h"

/* $PWD if it is an absolute name of "." without . or .. components, else NULL. */
static const char *logical_pwd(void)
{
	const char *pwd = getenv("PWD"), *p;
	struct stat named, dot;

	if (!pwd || *pwd != '/')
		return NULL;
	for (p = pwd; (p = strstr(p, "/.")); p++) {
		size_t dots = p[2] == '.' ? 2 : 1;
		if (p[dots + 1] == '/' || !p[dots + 1])
			return NULL;
	}
	if (stat(pwd, &named) || stat(".", &dot) || named.st_dev != dot.st_dev ||
	    named.st_ino != dot.st_ino)
		return NULL;
	return pwd;
}

/* getcwd() into a buffer of ours: getcwd(NULL, 0) leaves a small chunk behind in
 * glibc's allocator caches, which a shell running us thousands of times would see. */
static void print_physical(void)
{
	char buf[PATH_MAX], *cwd = buf;
	size_t size = sizeof(buf);

	while (!getcwd(cwd, size)) {
		int err = errno;
		if (cwd != buf)
			free(cwd);
		if (err != ERANGE) {
			errno = err;
			bb_perror_msg_and_die("getcwd");
		}
		size *= 2;
		cwd = xmalloc(size);
	}
	puts(cwd);
	if (cwd != buf)
		free(cwd);
}

int pwd_main(int argc, char **argv UNUSED)
{
	bool logical = FLAG(L) || (!FLAG(P) && getenv("POSIXLY_CORRECT"));
	const char *pwd = logical ? logical_pwd() : NULL;

	if (argc > 1)
		bb_error_msg("ignoring non-option arguments");
	if (pwd)
		puts(pwd);
	else
		print_physical();
	return 0;
}
