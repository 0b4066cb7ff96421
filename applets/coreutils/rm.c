/* rm: remove files and directories. POSIX rm plus GNU -I -d -v --preserve-root
 * --no-preserve-root. Deviation: GNU's --interactive=WHEN and --one-file-system are not
 * accepted. Any depth, no symlink followed, safe against directories swapped mid-walk.
 */

/*== applet
applet rm /bin
options f(force)i I[-fiI] r(recursive)R d(dir) v(verbose) (preserve-root) (no-preserve-root)
config RM
	bool "rm"
	default y
	help
	  Remove files and directory trees.
usage [-fiIrRdv] [--no-preserve-root] FILE...
Remove each FILE.

	-f	Never prompt; missing files are no error
	-i	Ask before each removal
	-I	Ask once before removing more than three files, or recursively
	-r, -R	Remove directories and everything in them
	-d	Remove empty directories
	-v	Say what is removed
	--preserve-root	Refuse to remove / recursively (the default)
	--no-preserve-root	Allow removing / recursively
==*/

#include "libbb.h"
#include "flags/rm.h"

GLOBALS();

/* The last component, trailing slashes ignored, is "." or "..". */
static bool is_dot_or_dotdot(const char *path)
{
	size_t len = strlen(path);

	while (len > 1 && path[len - 1] == '/')
		len--;
	if (!len || path[len - 1] != '.')
		return false;
	if (--len && path[len - 1] == '.')
		len--;
	return len == 0 || path[len - 1] == '/';
}

static bool is_root(const char *path)
{
	struct stat st, root;

	return lstat(path, &st) == 0 && stat("/", &root) == 0 && st.st_dev == root.st_dev &&
		st.st_ino == root.st_ino;
}

int rm_main(int argc, char **argv)
{
	bool recursive = FLAG(r) || FLAG(R);
	unsigned flags = (FLAG(f) ? RM_FORCE : 0) | (FLAG(i) ? RM_INTERACTIVE : 0) |
		(recursive ? RM_RECURSIVE : 0) | (FLAG(d) ? RM_DIR : 0) |
		(FLAG(v) ? RM_VERBOSE : 0);
	int status = 0;

	if (argc < 2) {
		if (FLAG(f))
			return 0;
		bb_error_msg("missing operand");
		bb_show_usage();
	}
	if (FLAG(I) && (argc > 4 || recursive) &&
	    !bb_ask("remove %d argument%s%s? ", argc - 1, argc == 2 ? "" : "s",
		    recursive ? " recursively" : ""))
		return 0;
	for (int i = 1; i < argc; i++) {
		struct stat st;

		if ((recursive || FLAG(d)) && is_dot_or_dotdot(argv[i])) {
			/* as GNU: rm -d of a non-empty "." fails as rmdir would */
			if (!recursive && !bb_dir_is_empty(AT_FDCWD, argv[i]) &&
			    lstat(argv[i], &st) == 0)
				bb_error_msg("cannot remove '%s': %s", argv[i], strerror(ENOTEMPTY));
			else
				bb_error_msg("refusing to remove '.' or '..' directory: skipping '%s'",
					     argv[i]);
			status = 1;
		} else if (recursive && !FLAG(no_preserve_root) && is_root(argv[i])) {
			bb_error_msg("it is dangerous to operate recursively on '%s'", argv[i]);
			bb_error_msg("use --no-preserve-root to override this failsafe");
			status = 1;
		} else if (remove_path(argv[i], flags) < 0) {
			status = 1;
		}
	}
	return status;
}
