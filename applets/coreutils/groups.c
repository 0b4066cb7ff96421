/* groups: print the groups a user is in. GNU groups: with no USER, the groups of the
 * current process; with USERs, one "USER : GROUPS" line each. A USER is a name only.
 */

/*== applet
applet groups /usr/bin
options
config GROUPS
	bool "groups"
	default y
	help
	  Print the names of the groups each USER (or the current process) is in.
usage [USER]...
Print the groups each USER is in, or those of the current process.
==*/

#include "libbb.h"
#include "flags/groups.h"
#include "idgroups.h"

GLOBALS();

int groups_main(int argc, char **argv)
{
	int status = 0;

	if (argc < 2) {
		status = print_group_list(NULL, getgid(), getegid(), true, ' ');
		putchar('\n');
		return status;
	}
	while (*++argv) {
		struct passwd *pw = getpwnam(*argv);
		if (!pw) {
			bb_error_msg("'%s': no such user", *argv);
			status = 1;
			continue;
		}
		printf("%s : ", *argv);
		status |= print_group_list(pw->pw_name, pw->pw_gid, pw->pw_gid, true, ' ');
		putchar('\n');
	}
	return status;
}
