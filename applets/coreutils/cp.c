/* cp: copy files and directories. POSIX cp plus the GNU options scripts use: -a -d -l -s
 * -u -v -n -t -T --parents --preserve[=LIST] --no-preserve=LIST. Holes in sparse files
 * stay holes; with -R fifos, devices and sockets are made anew, as GNU does.
 * Deviations: --preserve knows mode, ownership, timestamps, links and all (no context or
 * xattr); GNU's --backup, --sparse, --reflink, --remove-destination, --copy-contents and
 * --attributes-only are not accepted; --no-preserve=mode gives new files the source's
 * mode less the umask (GNU: 0666 less the umask). A destination path may not be longer
 * than PATH_MAX (as in GNU).
 */

/*== applet
applet cp /bin
options a(archive) r(recursive)R d P(no-dereference) L(dereference) H [-HLP] p f(force) i(interactive) n(no-clobber) [-in] l(link) s(symbolic-link) [-ls] u(update) v(verbose) t(target-directory): T(no-target-directory) (parents) (preserve)? (no-preserve):
config CP
	bool "cp"
	default y
	help
	  Copy files and directory trees.
usage [-aRrdPLHpfinlsuvT] [--parents] [--preserve[=LIST]] SOURCE... DEST | -t DIR SOURCE...
Copy SOURCE to DEST, or each SOURCE into the directory DEST or DIR.

	-a	Copy trees exactly: -dR --preserve=all
	-r, -R	Copy directories and everything in them, special files as such
	-d	Copy symlinks as symlinks, keep hard links (-P --preserve=links)
	-P	Copy symlinks as symlinks (the default with -R)
	-L	Follow every symlink in SOURCEs (the default without -R)
	-H	Follow symlinks named on the command line
	-p	Keep mode, ownership and times (--preserve=mode,ownership,timestamps)
	-f	Remove a destination that cannot be opened and try again
	-i	Ask before overwriting
	-n	Never overwrite
	-l	Make hard links instead of copies
	-s	Make symlinks instead of copies
	-u	Overwrite only destinations older than their source
	-v	Say what is copied
	-t DIR	Copy every SOURCE into DIR
	-T	DEST is the destination itself, never a directory to copy into
	--parents	Copy to DIR/SOURCE, making the directories of SOURCE
	--preserve=LIST	Keep these of mode,ownership,timestamps,links,all
	--no-preserve=LIST	Do not keep these
==*/

#include "libbb.h"
#include "flags/cp.h"

GLOBALS(
	struct copier c;
);

/* A comma-separated --preserve list as CP_PRESERVE_* bits. */
static unsigned preserve_bits(const char *list, const char *opt)
{
	static const char names[] = "mode\0ownership\0timestamps\0links\0all\0";
	static const unsigned bits[] = {
		CP_PRESERVE_MODE, CP_PRESERVE_OWNER, CP_PRESERVE_TIME, CP_PRESERVE_LINKS,
		CP_PRESERVE_ALL,
	};
	unsigned mask = 0;
	char *copy = xstrdup(list), *s = copy, *item;

	while ((item = strsep(&s, ",")) != NULL) {
		const char *n = names;
		unsigned i = 0;

		while (*n && strcmp(n, item)) {
			n += strlen(n) + 1;
			i++;
		}
		if (!*n) {
			bb_error_msg("invalid argument '%s' for '--%s'", item, opt);
			free(copy);
			bb_show_usage();
		}
		mask |= bits[i];
	}
	free(copy);
	return mask;
}

static unsigned copy_flags(void)
{
	unsigned f = 0;
	bool recursive = FLAG(a) || FLAG(r) || FLAG(R);

	if (recursive)
		f |= CP_RECURSIVE;
	if (FLAG(L) || (!recursive && !FLAG(P) && !FLAG(d) && !FLAG(H)))
		f |= CP_DEREF;
	else if (FLAG(H))
		f |= CP_DEREF_ARGS;
	if (FLAG(a))
		f |= CP_PRESERVE_ALL;
	if (FLAG(d))
		f |= CP_PRESERVE_LINKS;
	if (FLAG(p))
		f |= CP_PRESERVE_MODE | CP_PRESERVE_OWNER | CP_PRESERVE_TIME;
	if (FLAG(preserve))
		f |= G.preserve ? preserve_bits(G.preserve, "preserve") :
			CP_PRESERVE_MODE | CP_PRESERVE_OWNER | CP_PRESERVE_TIME;
	if (FLAG(no_preserve))
		f &= ~preserve_bits(G.no_preserve, "no-preserve");
	return f | (FLAG(f) ? CP_FORCE : 0) | (FLAG(i) ? CP_INTERACTIVE : 0) |
		(FLAG(n) ? CP_NO_CLOBBER : 0) | (FLAG(u) ? CP_UPDATE : 0) |
		(FLAG(v) ? CP_VERBOSE : 0) | (FLAG(l) ? CP_HARDLINK : 0) |
		(FLAG(s) ? CP_SYMLINK : 0);
}

/* cp -s of a relative name works only where the name is right: in the current directory. */
static bool symlink_place_ok(const char *src, const char *dest)
{
	const char *slash = strrchr(dest, '/');
	struct stat here, there;
	char *dir;
	bool ok;

	if (!(G.c.flags & CP_SYMLINK) || *src == '/' || !slash)
		return true;
	dir = xstrndup(dest, slash == dest ? 1 : slash - dest);
	ok = stat(dir, &there) == 0 && stat(".", &here) == 0 && here.st_dev == there.st_dev &&
		here.st_ino == there.st_ino;
	free(dir);
	if (!ok)
		bb_error_msg("%s: can make relative symbolic links only in current directory", dest);
	return ok;
}

static void copy_one(const char *src, const char *dest)
{
	if (!symlink_place_ok(src, dest))
		G.c.status = -1;
	else
		copy_path(&G.c, src, dest);
}

/* --parents -v: "a/b -> DIR/a/b" for each directory made under DIR */
static void say_made(const char *made, void *arg)
{
	const char *dir = arg;
	size_t len = strlen(dir);

	if (FLAG(v))
		printf("%s -> %s\n", made + len + (len && dir[len - 1] != '/'), made);
}

/* Copy src into the directory dir. */
static void copy_into(const char *dir, const char *src)
{
	char *name, *dest;

	if (FLAG(parents)) {
		dest = concat_path_file(dir, src);
		if (make_directories(dest, 0777, true, say_made, (void *)dir) < 0) {
			free(dest);
			G.c.status = -1;
			return;
		}
	} else {
		name = xstrdup(src);
		dest = concat_path_file(dir, last_path_component(name));
		free(name);
	}
	copy_one(src, dest);
	free(dest);
}

int cp_main(int argc, char **argv)
{
	const char *target;

	G.c.flags = copy_flags();
	target = take_target_operand(&argc, argv, FLAG(t) ? G.t : NULL, FLAG(T));
	if (FLAG(T) || (!FLAG(t) && argc == 2 && !bb_is_directory(target))) {
		if (FLAG(parents)) {
			bb_error_msg("with --parents, the destination must be a directory");
			bb_show_usage();
		}
		copy_one(argv[1], target);
		return G.c.status ? 1 : 0;	/* one copy_path: no hard links to free */
	}
	if (!bb_is_directory(target)) {
		bb_perror_msg_and_die(FLAG(t) ? "target directory '%s'" : "target '%s'", target);
	}
	for (int i = 1; i < argc; i++)
		copy_into(target, argv[i]);
	copier_free(&G.c);
	return G.c.status ? 1 : 0;
}
