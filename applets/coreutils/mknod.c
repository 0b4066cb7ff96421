/* mknod: make block or character special files, or FIFOs.
 * The mknod of GNU coreutils (POSIX has only the utility's XSI use in mkfifo's place):
 * types b, c (or u) with major and minor numbers, p without; -m. As GNU, only the first
 * character of TYPE counts.
 */

/*== applet
applet mknod /bin nofork
options m(mode):
config MKNOD
	bool "mknod"
	default y
	help
	  Create block and character device files and FIFOs.
usage [-m MODE] NAME TYPE [MAJOR MINOR]
Create the special file NAME of TYPE: b (block device), c or u (character device),
p (FIFO, without MAJOR and MINOR).

	-m MODE	Give it MODE (as chmod takes it), not a=rw minus the umask
==*/

#include "libbb.h"
#include "flags/mknod.h"
#include <sys/sysmacros.h>

GLOBALS();

static unsigned device_number(const char *s, const char *which)
{
	unsigned long long n;

	if (bb_strtoull(s, 0, NULL, 0, UINT_MAX, &n))
		bb_error_msg_and_die("invalid %s device number '%s'", which, s);
	return n;
}

static void operand_count(int n, char **argv, bool fifo)
{
	int want = fifo ? 2 : 4;
	const char *why = n == 2 && !fifo ? "\nSpecial files require major and minor device numbers." :
		n == 4 && fifo ? "\nFifos do not have major and minor device numbers." : "";

	if (n == want)
		return;
	if (n < want)
		bb_error_msg("missing operand after '%s'%s", argv[n], why);
	else
		bb_error_msg("extra operand '%s'%s", argv[want + 1], why);
	bb_show_usage();
}

int mknod_main(int argc, char **argv)
{
	mode_t mode = 0666, type;
	dev_t dev = 0;
	const char *t;

	need_operands(argc, argv, 1, -1);
	t = argc > 2 ? argv[2] : "";
	operand_count(argc - 1, argv, *t == 'p');
	type = *t == 'b' ? S_IFBLK : *t == 'c' || *t == 'u' ? S_IFCHR : *t == 'p' ? S_IFIFO : 0;
	if (!type) {
		bb_error_msg("invalid device type '%s'", argv[2]);
		bb_show_usage();
	}
	if (FLAG(m))
		mode = xparse_perm_mode(G.m);
	if (type != S_IFIFO)
		dev = makedev(device_number(argv[3], "major"), device_number(argv[4], "minor"));
	/* the system call takes 32 bits: musl would pass a larger number on cut short */
	if ((unsigned long long)dev >> 32) {
		errno = EINVAL;
		bb_perror_msg_and_die("%s", argv[1]);
	}
	if (mknod(argv[1], type | mode, dev) < 0)
		bb_perror_msg_and_die("%s", argv[1]);
	if (FLAG(m) && chmod(argv[1], mode) < 0)
		bb_perror_msg_and_die("cannot set permissions of '%s'", argv[1]);
	return 0;
}
