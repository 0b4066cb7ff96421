/* dos2unix, unix2dos: convert line ends between DOS (CR LF) and Unix (LF). BusyBox
 * behaviour: every CR is dropped, and to DOS each LF becomes CR LF; files are converted
 * in place, standard input to standard output when there is none (or for -).
 * A file is replaced atomically: the result goes to a temporary file in the directory
 * of the file (of its target, for a symlink), synced, with the file's mode and owner,
 * then renamed over it; on any error the original is left as it was.
 */

/*== applet
applet dos2unix /usr/bin
applet unix2dos /usr/bin main=dos2unix_main config=DOS2UNIX
options u d [!ud]
config DOS2UNIX
	bool "dos2unix and unix2dos"
	default y
	help
	  Convert text files between DOS (CR LF) and Unix (LF) line ends.
usage [-ud] [FILE]...
Convert each FILE in place between DOS and Unix line ends (standard input to
standard output if none, or -). dos2unix converts to Unix, unix2dos to DOS.

	-u	To Unix: drop every CR
	-d	To DOS: drop every CR, then write each LF as CR LF
==*/

#include "libbb.h"
#include "flags/dos2unix.h"

enum { CHUNK = 32 * 1024 };

GLOBALS(
	bool to_dos;
);

/* Convert from in to out; returns 0, or -1 with errno and *read_err telling which
 * side failed. */
static int convert(int in, int out, bool *read_err)
{
	char *ibuf = xmalloc(CHUNK), *obuf = xmalloc(2 * CHUNK);
	ssize_t n;
	int ret = 0;

	*read_err = false;
	while ((n = safe_read(in, ibuf, CHUNK)) > 0) {
		char *o = obuf;
		for (ssize_t i = 0; i < n; i++) {
			if (ibuf[i] == '\r')
				continue;
			if (ibuf[i] == '\n' && G.to_dos)
				*o++ = '\r';
			*o++ = ibuf[i];
		}
		if (full_write(out, obuf, o - obuf) != o - obuf) {
			ret = -1;
			break;
		}
	}
	if (n < 0) {
		*read_err = true;
		ret = -1;
	}
	free(ibuf);
	free(obuf);
	return ret;
}

/* Name of the temporary file beside target: target's directory + ".dos2unixXXXXXX". */
static char *temp_name(const char *target)
{
	const char *slash = strrchr(target, '/');
	int dirlen = slash ? (int)(slash - target + 1) : 0;

	return xasprintf("%.*s.dos2unixXXXXXX", dirlen, target);
}

/* Replace target (the file name resolved) by the conversion of in. */
static int replace_file(int in, const char *name, const char *target, const struct stat *st)
{
	char *tmp = temp_name(target);
	int out = mkstemp(tmp), err = 0;
	bool read_err = false;

	if (out < 0) {
		bb_perror_msg("can't create temporary file for '%s'", name);
		free(tmp);
		return 1;
	}
	/* the owner and group if we may, else at least the group, else ours */
	if (fchown(out, st->st_uid, st->st_gid) && fchown(out, -1, st->st_gid))
		errno = 0;
	if (fchmod(out, st->st_mode & 07777) || convert(in, out, &read_err)) {
		bb_perror_msg("%s", read_err ? name : tmp);
		err = 1;
	} else if (fsync(out) || close(out) || rename(tmp, target)) {
		bb_perror_msg("can't replace '%s'", name);
		out = -1;
		err = 1;
	} else {
		out = -1;
	}
	if (out >= 0)
		close(out);
	if (err)
		unlink(tmp);
	free(tmp);
	return err;
}

static int convert_file(const char *name)
{
	struct stat st;
	char *target;
	int in, err;

	in = open(name, O_RDONLY);
	if (in < 0 || fstat(in, &st)) {
		bb_perror_msg("can't open '%s'", name);
		if (in >= 0)
			close(in);
		return 1;
	}
	if (!S_ISREG(st.st_mode)) {
		bb_error_msg("'%s' is not a regular file", name);
		close(in);
		return 1;
	}
	target = realpath(name, NULL);	/* a symlink stays a symlink */
	err = replace_file(in, name, target ? target : name, &st);
	free(target);
	close(in);
	return err;
}

int dos2unix_main(int argc, char **argv)
{
	int status = 0;
	bool read_err;

	G.to_dos = FLAG(d) || (!FLAG(u) && !strcmp(applet_name, "unix2dos"));
	if (argc < 2) {
		fflush(stdout);
		if (convert(STDIN_FILENO, STDOUT_FILENO, &read_err))
			bb_perror_msg_and_die(read_err ? "read error" : "write error");
		return 0;
	}
	while (*++argv) {
		if (strcmp(*argv, "-")) {
			status |= convert_file(*argv);
		} else if (convert(STDIN_FILENO, STDOUT_FILENO, &read_err)) {
			bb_perror_msg_and_die(read_err ? "read error" : "write error");
		}
	}
	return status;
}
