/* idgroups.h: the group lists of id and groups, in the order GNU prints them.
 * Static functions in a header, included by both applet files (each needs its own
 * copy when the other is configured out). */
#ifndef IDGROUPS_H
#define IDGROUPS_H

#include <grp.h>
#include <pwd.h>

/* The groups of user (getgrouplist) or of this process (getgroups), with first in
 * front and its duplicates dropped. Returns the count (or -1); *out is malloced. */
static int group_list(const char *user, gid_t first, gid_t **out)
{
	int n = 16, i, m;
	gid_t *g = NULL;

	for (;;) {
		int want = n;
		g = xrealloc(g, (n + 1) * sizeof(*g));
		if (user) {
			if (getgrouplist(user, first, g + 1, &want) >= 0) {
				n = want;
				break;
			}
			n = want > n ? want : n * 2;
			continue;
		}
		n = getgroups(0, NULL);
		if (n < 0)
			break;
		g = xrealloc(g, (n + 1) * sizeof(*g));
		n = getgroups(n, g + 1);
		if (n >= 0 || errno != EINVAL)
			break;
		n = 16;
	}
	if (n < 0) {
		free(g);
		*out = NULL;
		return -1;
	}
	g[0] = first;
	for (i = m = 1; i <= n; i++)
		if (g[i] != first)
			g[m++] = g[i];
	*out = g;
	return m;
}

/* The name of group gid, or its number with a message and *status set to 1. */
static void put_group(gid_t gid, bool name, int *status)
{
	struct group *gr;

	if (name) {
		gr = getgrgid(gid);
		if (gr) {
			fputs(gr->gr_name, stdout);
			return;
		}
		bb_error_msg("cannot find name for group ID %lu", (unsigned long)gid);
		*status = 1;
	}
	printf("%lu", (unsigned long)gid);
}

/* id -G and groups: rgid, then egid if different, then the other groups, separated by
 * delim. user is NULL for this process. Returns 0, or 1 after a message. */
static int print_group_list(const char *user, gid_t rgid, gid_t egid, bool names, char delim)
{
	gid_t *g;
	int n, i, status = 0;

	n = group_list(user, user ? rgid : egid, &g);
	if (n < 0) {
		if (user)
			bb_error_msg("cannot get groups for user '%s'", user);
		else
			bb_perror_msg("cannot get groups");
		return 1;
	}
	put_group(rgid, names, &status);
	if (egid != rgid) {
		putchar(delim);
		put_group(egid, names, &status);
	}
	for (i = 0; i < n; i++) {
		if (g[i] == rgid || g[i] == egid)
			continue;
		putchar(delim);
		put_group(g[i], names, &status);
	}
	free(g);
	return status;
}

#endif
