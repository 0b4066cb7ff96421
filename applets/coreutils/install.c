/* install: copy files and set their attributes. GNU install: -d -D -m -o -g -p -v -t -T
 * -s; -c is accepted and ignored, as GNU does (it always copies). -s runs $STRIP
 * (default "strip") on the copy. Deviation: --backup, --compare, --strip-program and the
 * SELinux options are not accepted.
 */

/*== applet
applet install /usr/bin
options c d(directory) D m(mode): o(owner): g(group): p(preserve-timestamps) s(strip) v(verbose) t(target-directory): T(no-target-directory)
config INSTALL
	bool "install"
	default y
	help
	  Copy files into place and set their mode, owner and group.
usage [-cdDpsvT] [-m MODE] [-o USER] [-g GROUP] SOURCE... DEST | -t DIR SOURCE... | -d DIR...
Copy each SOURCE to DEST or into the directory DEST or DIR, and set its attributes; with
-d, make the directories DIR.

	-c	Ignored (copying is all install does)
	-d	Make directories, with their missing parents
	-D	Make the missing parents of DEST, or DIR itself with -t
	-m MODE	Set the mode (octal or symbolic, from a=); default 755
	-o USER	Set the owner
	-g GROUP	Set the group
	-p	Give the copies the times of their sources
	-s	Strip the copies with $STRIP (default strip)
	-v	Say what is done
	-t DIR	Copy every SOURCE into DIR
	-T	DEST is the destination itself, never a directory to copy into
==*/

#include "libbb.h"
#include "flags/install.h"
#include <grp.h>
#include <pwd.h>

GLOBALS(
	mode_t mode;
	uid_t uid;
	gid_t gid;
	int status;
);

static void say_created(const char *dir, void *arg)
{
	(void)arg;
	if (FLAG(v))
		printf("install: creating directory '%s'\n", dir);
}

/* The mode, owner and group asked for; returns -1 after a message. */
static int set_attrs(const char *path)
{
	if ((G.uid != (uid_t)-1 || G.gid != (gid_t)-1) && chown(path, G.uid, G.gid) < 0) {
		bb_perror_msg("cannot change ownership of '%s'", path);
		return -1;
	}
	if (chmod(path, G.mode) < 0) {
		bb_perror_msg("cannot change permissions of '%s'", path);
		return -1;
	}
	return 0;
}

static void make_dir(const char *dir)
{
	if (make_directories(dir, 0777, false, say_created, NULL) < 0 || set_attrs(dir) < 0)
		G.status = 1;
}

static int strip(const char *path)
{
	char *argv[] = { getenv("STRIP"), (char *)path, NULL };

	if (!argv[0] || !*argv[0])
		argv[0] = (char *)"strip";
	if (spawn_and_wait(argv) == 0)
		return 0;
	bb_error_msg("strip process terminated abnormally");
	unlink(path);
	return -1;
}

static void install_file(const char *src, const char *dest)
{
	struct copier c = { .flags = CP_DEREF | (FLAG(v) ? CP_VERBOSE : 0) };
	struct stat st, dst;

	if (stat(src, &st) < 0) {
		bb_perror_msg("cannot stat '%s'", src);
		goto fail;
	}
	if (S_ISDIR(st.st_mode)) {
		bb_error_msg("omitting directory '%s'", src);
		goto fail;
	}
	if (lstat(dest, &dst) == 0 && !S_ISDIR(dst.st_mode)) {
		if (stat(dest, &dst) == 0 && dst.st_dev == st.st_dev && dst.st_ino == st.st_ino) {
			bb_error_msg("'%s' and '%s' are the same file", src, dest);
			goto fail;
		}
		/* a new file: a running program or another link to the old one is left alone */
		if (unlink(dest) < 0) {
			bb_perror_msg("cannot remove '%s'", dest);
			goto fail;
		}
		if (FLAG(v))
			printf("removed '%s'\n", dest);
	}
	if (copy_path(&c, src, dest) < 0 || (FLAG(s) && strip(dest) < 0) || set_attrs(dest) < 0)
		goto fail;
	if (FLAG(p)) {
		struct timespec ts[2] = { st.st_atim, st.st_mtim };
		if (utimensat(AT_FDCWD, dest, ts, 0) < 0) {
			bb_perror_msg("cannot set timestamps for '%s'", dest);
			goto fail;
		}
	}
	return;
fail:
	G.status = 1;
}

/* A user or group id as a number, as bb_parse_owner() takes it (GNU's message for a name
 * that is neither has no colon, chown's has one). */
static bool is_number(const char *s)
{
	unsigned long long n;

	return bb_strtoull(s + (*s == '+'), 10, NULL, 0, (id_t)-2, &n) == 0 && isdigit(s[*s == '+']);
}

int install_main(int argc, char **argv)
{
	const char *target;

	G.mode = 0755;
	G.uid = -1;
	G.gid = -1;
	if (FLAG(m)) {
		int m = bb_parse_mode_umask(G.m, 0, FLAG(d), 0);
		if (m < 0)
			bb_error_msg_and_die("invalid mode '%s'", G.m);
		G.mode = m;
	}
	if (FLAG(o)) {
		gid_t unused;
		if (strchr(G.o, ':') || (!getpwnam(G.o) && !is_number(G.o)))
			bb_error_msg_and_die("invalid user '%s'", G.o);
		bb_parse_owner(G.o, &G.uid, &unused);
	}
	if (FLAG(g)) {
		if (!getgrnam(G.g) && !is_number(G.g))
			bb_error_msg_and_die("invalid group '%s'", G.g);
		G.gid = bb_parse_group(G.g);
	}
	if (FLAG(d)) {
		if (FLAG(t))
			bb_error_msg_and_die("target directory not allowed when installing a directory");
		if (FLAG(s))
			bb_error_msg_and_die("the strip option may not be used when installing a directory");
		if (argc < 2) {
			bb_error_msg("missing file operand");
			bb_show_usage();
		}
		for (int i = 1; i < argc; i++)
			make_dir(argv[i]);
		return G.status;
	}
	target = take_target_operand(&argc, argv, FLAG(t) ? G.t : NULL, FLAG(T));
	if (FLAG(D) && make_directories(target, 0777, !FLAG(t), say_created, NULL) < 0)
		return 1;
	if (FLAG(T) || (!FLAG(t) && argc == 2 && !bb_is_directory(target))) {
		install_file(argv[1], target);
		return G.status;
	}
	if (!bb_is_directory(target))
		bb_perror_msg_and_die(FLAG(t) ? "failed to access '%s'" : "target '%s'", target);
	for (int i = 1; i < argc; i++) {
		char *name = xstrdup(argv[i]);
		char *dest = concat_path_file(target, last_path_component(name));

		install_file(argv[i], dest);
		free(dest);
		free(name);
	}
	return G.status;
}
