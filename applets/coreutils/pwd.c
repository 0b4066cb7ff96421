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

static void print_physical(void)
{
	char *cwd = xmalloc_getcwd();

	if (!cwd)
		bb_perror_msg_and_die("getcwd");
	puts(cwd);
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
