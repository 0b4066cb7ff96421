/* mv: move or rename files. POSIX mv plus GNU -n -u -v -t -T. Across file systems the
 * source is copied (everything kept: modes, owners, times, hard links, special files) and
 * removed only once the whole copy succeeded. Deviation: GNU's --backup, --strip-trailing-
 * slashes and --exchange are not accepted.
 */

/*== applet
applet mv /bin
options f(force)i(interactive)n(no-clobber)[-fin] u(update) v(verbose) t(target-directory): T(no-target-directory)
config MV
	bool "mv"
	default y
	help
	  Move or rename files and directories, across file systems too.
usage [-finuvT] SOURCE... DEST | -t DIR SOURCE...
Rename SOURCE to DEST, or move each SOURCE into the directory DEST or DIR.

	-f	Never prompt
	-i	Ask before overwriting
	-n	Never overwrite
	-u	Move only when the destination is older or missing
	-v	Say what is moved
	-t DIR	Move every SOURCE into DIR
	-T	DEST is the destination itself, never a directory to move into
==*/

#include "libbb.h"
#include "flags/mv.h"

GLOBALS(
	int status;
);

/* Copy, then remove: for a rename that crosses file systems. */
static void move_across(const char *src, const char *dest, const struct stat *dst, bool exists)
{
	struct copier c = { .flags = CP_RECURSIVE | CP_PRESERVE_ALL | CP_MOVE };

	if (exists && (S_ISDIR(dst->st_mode) ? rmdir(dest) : unlink(dest)) < 0) {
		bb_perror_msg("inter-device move failed: '%s' to '%s'; unable to remove target",
			      src, dest);
		G.status = 1;
		return;
	}
	if (FLAG(v))
		c.flags |= CP_VERBOSE;
	if (copy_path(&c, src, dest) == 0) {
		if (remove_path(src, RM_RECURSIVE | RM_FORCE | (FLAG(v) ? RM_VERBOSE : 0)) < 0)
			G.status = 1;
	} else {
		G.status = 1;
	}
	copier_free(&c);
}

/* Whether an existing dest may be replaced: 1 yes, 0 skip it, -1 error. */
static int may_replace(const char *src, const char *dest, const struct stat *st,
		       const struct stat *dst)
{
	if (st->st_dev == dst->st_dev && st->st_ino == dst->st_ino) {
		bb_error_msg("'%s' and '%s' are the same file", src, dest);
		return -1;
	}
	if (FLAG(n))
		return 0;
	if (FLAG(u) && !S_ISDIR(st->st_mode) &&
	    (dst->st_mtim.tv_sec > st->st_mtim.tv_sec ||
	     (dst->st_mtim.tv_sec == st->st_mtim.tv_sec &&
	      dst->st_mtim.tv_nsec >= st->st_mtim.tv_nsec)))
		return 0;
	if (S_ISDIR(st->st_mode) && !S_ISDIR(dst->st_mode)) {
		bb_error_msg("cannot overwrite non-directory '%s' with directory '%s'", dest, src);
		return -1;
	}
	if (!S_ISDIR(st->st_mode) && S_ISDIR(dst->st_mode)) {
		bb_error_msg("cannot overwrite directory '%s' with non-directory", dest);
		return -1;
	}
	if (FLAG(i))
		return bb_ask("overwrite '%s'? ", dest);
	if (!FLAG(f) && !S_ISLNK(dst->st_mode) && isatty(STDIN_FILENO) &&
	    access(dest, W_OK) < 0 && errno == EACCES) {
		char m[11];

		bb_mode_string(dst->st_mode, m);
		return bb_ask("replace '%s', overriding mode %04o (%s)? ", dest,
			      (unsigned)(dst->st_mode & 07777), m + 1);
	}
	return 1;
}

static void move(const char *src, const char *dest)
{
	struct stat st, dst;
	bool exists;
	int r;

	if (lstat(src, &st) < 0) {
		bb_perror_msg("cannot stat '%s'", src);
		G.status = 1;
		return;
	}
	exists = lstat(dest, &dst) == 0;
	if (exists) {
		r = may_replace(src, dest, &st, &dst);
		if (r <= 0) {
			if (r < 0)
				G.status = 1;
			return;
		}
	}
	if (rename(src, dest) == 0) {
		if (FLAG(v))
			printf("renamed '%s' -> '%s'\n", src, dest);
		return;
	}
	if (errno == EXDEV) {
		move_across(src, dest, &dst, exists);
		return;
	}
	if (errno == EINVAL && S_ISDIR(st.st_mode))
		bb_error_msg("cannot move '%s' to a subdirectory of itself, '%s'", src, dest);
	else
		bb_perror_msg("cannot move '%s' to '%s'", src, dest);
	G.status = 1;
}

int mv_main(int argc, char **argv)
{
	const char *target;

	target = take_target_operand(&argc, argv, FLAG(t) ? G.t : NULL, FLAG(T));
	if (FLAG(T) || (!FLAG(t) && argc == 2 && !bb_is_directory(target))) {
		move(argv[1], target);
		return G.status;
	}
	if (!bb_is_directory(target))
		bb_perror_msg_and_die(FLAG(t) ? "target directory '%s'" : "target '%s'", target);
	for (int i = 1; i < argc; i++) {
		char *name = xstrdup(argv[i]);
		char *dest = concat_path_file(target, last_path_component(name));

		move(argv[i], dest);
		free(dest);
		free(name);
	}
	return G.status;
}
