/* chown, chgrp: change the owner and group of files.
 * POSIX chown and chgrp (-R -h -H -L -P) with the GNU options -c -f -v --dereference
 * --from --reference. Without -R a symlink operand is followed unless -h; with -R,
 * -P (the default) changes symlinks themselves, -H follows those named as operands
 * and -L all of them. Names in messages are quoted plainly, not shell-escaped. chgrp takes
 * --from too (GNU chgrp does not).
 */

/*== applet
applet chown /bin
applet chgrp /bin main=chgrp_main config=CHGRP
options R(recursive)c(changes)f(silent)(quiet)h(no-dereference)v(verbose)H L P [-HLP] (dereference) (from): (reference):
config CHOWN
	bool "chown"
	default y
	help
	  Change the owner and group of files.

config CHGRP
	bool "chgrp"
	default y
	help
	  Change the group of files.
usage [-RcfhvHLP] [--from=OWNER[:GROUP]] OWNER[:GROUP] FILE...  (chgrp: GROUP FILE...)
Change the owner and/or group of each FILE: to OWNER, OWNER:GROUP, OWNER: (and
OWNER's login group) or :GROUP (chown), to GROUP (chgrp). Names or numeric ids.

	-R, --recursive	Also change the files in directories
	-c, --changes	Report each file that changes
	-f, --silent, --quiet	Keep quiet about most errors
	-h, --no-dereference	Change a symlink, not the file it points to
	--dereference	Change the file a symlink points to (the default without -R)
	-v, --verbose	Report each file processed
	-H	With -R, follow symlinks named as operands
	-L	With -R, follow all symlinks
	-P	With -R, follow no symlinks (the default)
	--from=OWNER[:GROUP]	Change only the files with this owner and/or group
	--reference=RFILE	Use RFILE's owner and group (chgrp: group) instead
==*/

#include "libbb.h"
#include "flags/chown.h"
#include <grp.h>
#include <pwd.h>

GLOBALS(
	uid_t uid;		/* -1 for no change */
	gid_t gid;
	uid_t from_uid;
	gid_t from_gid;
	char *uname;		/* the new owner and group as given, for messages */
	char *gname;
	bool deref;		/* change what a symlink points to */
	int status;
);

static char *user_name(uid_t uid)
{
	struct passwd *pw = getpwuid(uid);

	return pw ? xstrdup(pw->pw_name) : xasprintf("%lu", (unsigned long)uid);
}

static char *group_name(gid_t gid)
{
	struct group *gr = getgrgid(gid);

	return gr ? xstrdup(gr->gr_name) : xasprintf("%lu", (unsigned long)gid);
}

/* "user:group", "user" or "group", as much as the change is about. */
static char *owner_text(uid_t uid, gid_t gid, const char *un, const char *gn)
{
	char *u = NULL, *g = NULL, *s;

	if (G.uid != (uid_t)-1)
		u = un ? xstrdup(un) : user_name(uid);
	if (G.gid != (gid_t)-1)
		g = gn ? xstrdup(gn) : group_name(gid);
	if (u && g) {
		s = xasprintf("%s:%s", u, g);
		free(u);
		free(g);
		return s;
	}
	return u ? u : g;
}

enum { RETAINED, CHANGED, FAILED };

static void describe(const char *name, const struct stat *st, int what)
{
	const char *kind = G.uid == (uid_t)-1 ? "group" : "ownership";
	char *old, *new;

	if (G.uid == (uid_t)-1 && G.gid == (gid_t)-1) {
		if (what != FAILED)
			printf("ownership of '%s' retained\n", name);
		return;
	}
	old = owner_text(st->st_uid, st->st_gid, NULL, NULL);
	if (what == RETAINED) {
		printf("%s of '%s' retained as %s\n", kind, name, old);
	} else {
		new = owner_text(G.uid, G.gid, G.uname, G.gname);
		printf("%s %s of '%s' from %s to %s\n", what == CHANGED ? "changed" : "failed to change",
		       kind, name, old, new);
		free(new);
	}
	free(old);
}

static void change(const char *name, int dirfd, const char *rel, const struct stat *st, bool deref)
{
	bool same = (G.uid == (uid_t)-1 || G.uid == st->st_uid) &&
		(G.gid == (gid_t)-1 || G.gid == st->st_gid);

	if ((G.from_uid != (uid_t)-1 && G.from_uid != st->st_uid) ||
	    (G.from_gid != (gid_t)-1 && G.from_gid != st->st_gid)) {
		if (FLAG(v))
			describe(name, st, RETAINED);
		return;
	}
	if (fchownat(dirfd, rel, G.uid, G.gid, deref ? 0 : AT_SYMLINK_NOFOLLOW) < 0) {
		if (!FLAG(f))
			bb_perror_msg("changing %s of '%s'",
				      G.uid == (uid_t)-1 ? "group" : "ownership", name);
		if (FLAG(v))
			describe(name, st, FAILED);
		G.status = 1;
		return;
	}
	if (FLAG(v) || (FLAG(c) && !same))
		describe(name, st, same ? RETAINED : CHANGED);
}

static void cannot_access(const char *name, int err, bool dangling)
{
	G.status = 1;
	if (FLAG(f))
		return;
	errno = err;
	bb_perror_msg(dangling ? "cannot dereference '%s'" : "cannot access '%s'", name);
}

static int visit(struct walk *w)
{
	if (w->kind == WALK_DIR_PRE)
		return WALK_CONTINUE;
	if (w->kind == WALK_ERROR) {
		G.status = 1;
		errno = w->err;
		if (FLAG(f))
			return WALK_CONTINUE;
		if (S_ISDIR(w->st.st_mode))
			bb_perror_msg("cannot read directory '%s'", w->path);
		else
			bb_perror_msg("cannot access '%s'", w->path);
		return WALK_CONTINUE;
	}
	/* with -H a symlink below the operands is not walked into, but its target changes */
	change(w->path, w->dirfd, w->name, &w->st, G.deref);
	return WALK_CONTINUE;
}

static void chown_one(const char *name)
{
	struct stat st;
	int err;

	if (FLAG(R)) {
		walk_tree(name, WALK_POSTORDER | (FLAG(L) ? WALK_FOLLOW_ALL :
						  FLAG(H) ? WALK_FOLLOW_ARGS : 0), visit, NULL);
		return;
	}
	if ((G.deref ? stat(name, &st) : lstat(name, &st)) == 0) {
		change(name, AT_FDCWD, name, &st, G.deref);
		return;
	}
	err = errno;
	cannot_access(name, err, G.deref && err == ENOENT && lstat(name, &st) == 0);
}

/* The new owner and group as the messages show them: as typed, or the login group. */
static void spec_names(const char *spec)
{
	const char *sep = strchr(spec, ':');

	if (!sep && G.gid != (gid_t)-1)
		sep = strchr(spec, '.');
	if (G.uid != (uid_t)-1)
		G.uname = sep ? xstrndup(spec, sep - spec) : xstrdup(spec);
	if (G.gid != (gid_t)-1)
		G.gname = sep[1] ? xstrdup(sep + 1) : group_name(G.gid);
}

static int run(char **argv, bool is_chgrp)
{
	G.from_uid = -1;
	G.from_gid = -1;
	G.uid = -1;
	G.gid = -1;
	if (!argv[1] || (!FLAG(reference) && !argv[2])) {
		if (argv[1])
			bb_error_msg("missing operand after '%s'", argv[1]);
		else
			bb_error_msg("missing operand");
		bb_show_usage();
	}
	if (FLAG(R) && FLAG(dereference) && !FLAG(H) && !FLAG(L))
		bb_error_msg_and_die("-R --dereference requires either -H or -L");
	G.deref = FLAG(R) ? !FLAG(h) && (FLAG(H) || FLAG(L)) : !FLAG(h) || FLAG(dereference);
	if (FLAG(from))
		bb_parse_owner(G.from, &G.from_uid, &G.from_gid);
	if (FLAG(reference)) {
		struct stat st;
		if (stat(G.reference, &st) < 0)
			bb_perror_msg_and_die("failed to get attributes of '%s'", G.reference);
		if (!is_chgrp)
			G.uid = st.st_uid;
		G.gid = st.st_gid;
		G.uname = is_chgrp ? NULL : user_name(G.uid);
		G.gname = group_name(G.gid);
		argv++;
	} else {
		argv += 2;
		if (is_chgrp && *argv[-1])
			G.gid = bb_parse_group(argv[-1]);
		else if (!is_chgrp)
			bb_parse_owner(argv[-1], &G.uid, &G.gid);
		if (is_chgrp)
			G.gname = *argv[-1] ? xstrdup(argv[-1]) : NULL;
		else
			spec_names(argv[-1]);
	}
	for (; *argv; argv++)
		chown_one(*argv);
	free(G.uname);
	free(G.gname);
	return G.status;
}

int chown_main(int argc UNUSED, char **argv)
{
	return run(argv, false);
}

int chgrp_main(int argc UNUSED, char **argv)
{
	return run(argv, true);
}
