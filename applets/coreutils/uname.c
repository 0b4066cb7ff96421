/* uname: print system information.
 * POSIX uname with the GNU options -p -i -o and GNU's long options. As GNU on Linux,
 * -p and -i print "unknown" and -a leaves them out; -o prints "GNU/Linux" as GNU
 * and BusyBox do.
 */

/*== applet
applet uname /bin
options a(all)s(kernel-name)(sysname)n(nodename)r(kernel-release)(release)v(kernel-version)m(machine)p(processor)i(hardware-platform)o(operating-system)
config UNAME
	bool "uname"
	default y
	help
	  Print the kernel name, host name, kernel version, machine type...
usage [-asnrvmpio]
Print information about the system, in the order below. Without options, -s.

	-a	All of them, except -p and -i
	-s	Kernel name
	-n	Network node host name
	-r	Kernel release
	-v	Kernel version
	-m	Machine (hardware) type
	-p	Processor type ("unknown")
	-i	Hardware platform ("unknown")
	-o	Operating system
==*/

#include "libbb.h"
#include "flags/uname.h"
#include <sys/utsname.h>

GLOBALS(
	bool printed;	/* a field was printed: the next one needs a space */
);

static void field(bool wanted, const char *text)
{
	if (!wanted)
		return;
	if (G.printed)
		putchar(' ');
	fputs(text, stdout);
	G.printed = true;
}

int uname_main(int argc UNUSED, char **argv)
{
	struct utsname u;
	bool all = FLAG(a);

	if (argv[1]) {
		bb_error_msg("extra operand '%s'", argv[1]);
		bb_show_usage();
	}
	if (uname(&u))
		bb_perror_msg_and_die("cannot get system name");
	field(all || FLAG(s) || !optflags, u.sysname);
	field(all || FLAG(n), u.nodename);
	field(all || FLAG(r), u.release);
	field(all || FLAG(v), u.version);
	field(all || FLAG(m), u.machine);
	field(FLAG(p) && !all, "unknown");
	field(FLAG(i) && !all, "unknown");
	field(all || FLAG(o), "GNU/Linux");
	putchar('\n');
	return 0;
}
