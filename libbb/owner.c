/* owner.c: the OWNER[:GROUP] operand of chown and the GROUP of chgrp (and install -o -g).
 * As GNU: a name is looked up first, a number is taken as an id when no user or group has
 * that name, and a leading '+' means a number; "user:" adds the user's login group, and
 * the historical '.' separator is accepted with a warning.
 */
#include "libbb.h"
#include <grp.h>
#include <pwd.h>

/* A numeric id (optionally after '+'), or -1. */
static long long numeric_id(const char *s)
{
	unsigned long long n;

	if (*s == '+')
		s++;
	if (!isdigit(*s) || bb_strtoull(s, 10, NULL, 0, (id_t)-2, &n))
		return -1;
	return n;
}

static bool lookup_user(const char *name, uid_t *uid, gid_t *login_gid)
{
	struct passwd *pw = *name == '+' ? NULL : getpwnam(name);
	long long n;

	if (pw) {
		*uid = pw->pw_uid;
		*login_gid = pw->pw_gid;
		return true;
	}
	n = numeric_id(name);
	*uid = n;
	*login_gid = -1;
	return n >= 0;
}

static bool lookup_group(const char *name, gid_t *gid)
{
	struct group *gr = *name == '+' ? NULL : getgrnam(name);
	long long n;

	if (gr) {
		*gid = gr->gr_gid;
		return true;
	}
	n = numeric_id(name);
	*gid = n;
	return n >= 0;
}

gid_t bb_parse_group(const char *s)
{
	gid_t gid;

	if (!lookup_group(s, &gid))
		bb_error_msg_and_die("invalid group: '%s'", s);
	return gid;
}

void bb_parse_owner(const char *s, uid_t *uid, gid_t *gid)
{
	const char *sep = strchr(s, ':');
	bool dot = false;
	char *user;
	gid_t login_gid = -1;
	uid_t u;

	*uid = -1;
	*gid = -1;
	if (!sep) {
		/* "user.group" only when the whole is not a user name */
		sep = strchr(s, '.');
		if (sep && getpwnam(s))
			sep = NULL;
		dot = sep;
	}
	user = sep ? xstrndup(s, sep - s) : xstrdup(s);
	if (*user) {
		bool ok = lookup_user(user, &u, &login_gid);
		free(user);
		if (!ok)
			bb_error_msg_and_die("invalid user: '%s'", s);
		*uid = u;
	} else {
		free(user);
	}
	if (!sep)
		return;
	if (sep[1]) {
		if (!lookup_group(sep + 1, gid))
			bb_error_msg_and_die("invalid group: '%s'", s);
	} else if (*uid != (uid_t)-1) {
		if (login_gid == (gid_t)-1)
			bb_error_msg_and_die("invalid spec: '%s'", s);
		*gid = login_gid;
	}
	if (dot)
		bb_error_msg("warning: '.' should be ':': '%s'", s);
}
