/* df: report file system space usage. POSIX df (-k -P) plus the GNU -h -m -B -T -t -x -a
 * -i --total, GNU's headers and column widths, from /proc/self/mountinfo.
 * Without -a, file systems of size 0 (proc, sysfs, cgroup...) are left out, and of the
 * mounts of one device only one is shown (the one mounted over the others, or the one
 * nearest the root), as GNU does.
 */

/*== applet
applet df /bin
options h(human-readable)k m B(block-size):[-hkmB] P(portability) T(print-type) t(type)* x(exclude-type)* a(all) i(inodes) (total)
config DF
	bool "df"
	default y
	help
	  Show the free and used space of mounted file systems.
usage [-hkmPTai] [-B SIZE] [-t TYPE]... [-x TYPE]... [FILE]...
Show the space on the file systems holding each FILE, or on all of them.

	-h	Sizes in K, M, G...
	-k	1K blocks (the default unless POSIXLY_CORRECT)
	-m	1M blocks
	-B SIZE	Blocks of SIZE bytes (1K, M, 1MB...)
	-P	POSIX output format
	-T	Show the file system types
	-t TYPE	Only file systems of TYPE
	-x TYPE	Not file systems of TYPE
	-a	Show all file systems, the empty and duplicate ones too
	-i	Inodes instead of blocks
	--total	Add a line of totals
==*/

#include "libbb.h"
#include "flags/df.h"
#include <sys/statvfs.h>
#include <sys/sysmacros.h>

enum { COL_SOURCE, COL_TYPE, COL_SIZE, COL_USED, COL_AVAIL, COL_PCENT, COL_TARGET, NCOLS };

struct mount {
	char *source, *target, *type;
	dev_t dev;
	bool hidden;
};

GLOBALS(
	int status;
	unsigned long long block;	/* 0: -h */
	const char *suffix;
	struct mount *mounts;
	size_t nmounts;
	char **cells;			/* rows of NCOLS strings, the header first */
	size_t nrows;
	unsigned long long total[3];	/* size, used, available (bytes, or inodes) */
	size_t processed;
);

/* Undo mountinfo's octal escapes (\040 for a space) in place. */
static char *unescape(char *s)
{
	char *d = s;

	for (char *p = s; *p; p++) {
		if (p[0] == '\\' && p[1] >= '0' && p[1] <= '3' && p[2] >= '0' && p[2] <= '7' &&
		    p[3] >= '0' && p[3] <= '7') {
			*d++ = (p[1] - '0') << 6 | (p[2] - '0') << 3 | (p[3] - '0');
			p += 3;
		} else {
			*d++ = *p;
		}
	}
	*d = 0;
	return s;
}

/* Fields: id parent major:minor root target options [optional...] - type source ... */
static void read_mounts(void)
{
	FILE *fp = fopen("/proc/self/mountinfo", "r");
	char *line;

	if (!fp)
		bb_perror_msg_and_die("cannot read table of mounted file systems");
	while ((line = xmalloc_fgetline(fp))) {
		char *f[12], *p = line, *sep;
		unsigned maj, min;
		int n = 0;
		struct mount *m;

		sep = strstr(line, " - ");
		while (n < 5 && (f[n] = strsep(&p, " ")))
			n++;
		if (n < 5 || !sep || sscanf(f[2], "%u:%u", &maj, &min) != 2) {
			free(line);
			continue;
		}
		p = sep + 3;
		f[5] = strsep(&p, " ");
		f[6] = p ? strsep(&p, " ") : NULL;
		if (!f[5] || !f[6]) {
			free(line);
			continue;
		}
		G.mounts = xrealloc(G.mounts, (G.nmounts + 1) * sizeof(*G.mounts));
		m = &G.mounts[G.nmounts++];
		m->target = xstrdup(unescape(f[4]));
		m->type = xstrdup(unescape(f[5]));
		m->source = xstrdup(unescape(f[6]));
		m->dev = makedev(maj, min);
		m->hidden = false;
		free(line);
	}
	fclose(fp);
}

/* Of the mounts of one device or at one place, keep the one mounted over the others at
 * the same place, or the one with the shortest path. */
static void hide_duplicates(void)
{
	for (size_t i = 0; i < G.nmounts; i++) {
		struct mount *m = &G.mounts[i];
		for (size_t j = 0; j < i; j++) {
			struct mount *o = &G.mounts[j];
			if (o->hidden || (o->dev != m->dev && strcmp(o->target, m->target)))
				continue;
			if (!strcmp(o->target, m->target) || strlen(m->target) < strlen(o->target)) {
				/* the later one takes the earlier one's place in the output */
				struct mount t = *o;
				*o = *m;
				*m = t;
			}
			m->hidden = true;
			break;
		}
	}
}

static bool type_listed(const char *type, char **list)
{
	for (; list && *list; list++)
		if (!strcmp(*list, type))
			return true;
	return false;
}

static char *fmt_num(unsigned long long n, bool bytes)
{
	char buf[HUMAN_BUFSIZE];

	if (!bytes)
		return FLAG(h) ? xstrdup(human_readable(n, buf)) : xasprintf("%llu", n);
	if (!G.block)
		return xstrdup(human_readable(n, buf));
	return xasprintf("%llu%s", n / G.block + (n % G.block != 0), G.suffix);
}

static char *fmt_pct(unsigned long long used, unsigned long long avail)
{
	unsigned long long all = used + avail;

	if (!all)
		return xstrdup("-");
	return xasprintf("%llu%%", (used * 100 + all - 1) / all);
}

static void add_row(const char *source, const char *type, unsigned long long size,
		    unsigned long long used, unsigned long long avail, const char *target)
{
	char **row;
	bool bytes = !FLAG(i);

	G.cells = xrealloc(G.cells, (G.nrows + 1) * NCOLS * sizeof(char *));
	row = G.cells + G.nrows++ * NCOLS;
	row[COL_SOURCE] = xstrdup(source);
	row[COL_TYPE] = xstrdup(type);
	row[COL_SIZE] = fmt_num(size, bytes);
	row[COL_USED] = fmt_num(used, bytes);
	row[COL_AVAIL] = fmt_num(avail, bytes);
	row[COL_PCENT] = fmt_pct(used, avail);
	row[COL_TARGET] = xstrdup(target);
}

/* The "1K-blocks" header of a block size. */
static char *block_header(void)
{
	static const char units[] = "KMGTPE";
	unsigned long long b = G.block;
	int u = -1;

	if (FLAG(P) && (b == 1024 || b == 512))
		return xasprintf("%llu-blocks", b);
	while (b >= 1024 && b % 1024 == 0 && u < 5)
		b /= 1024, u++;
	if (u >= 0)
		return xasprintf("%llu%c-blocks", b, units[u]);
	b = G.block;
	while (b >= 1000 && b % 1000 == 0 && u < 5)
		b /= 1000, u++;
	if (u >= 0)
		return xasprintf("%llu%cB-blocks", b, u ? units[u] : 'k');
	return xasprintf("%lluB-blocks", b);
}

static void add_header(void)
{
	char **row;

	G.cells = xrealloc(G.cells, NCOLS * sizeof(char *));
	row = G.cells;
	G.nrows = 1;
	row[COL_SOURCE] = xstrdup("Filesystem");
	row[COL_TYPE] = xstrdup("Type");
	if (FLAG(i)) {
		row[COL_SIZE] = xstrdup("Inodes");
		row[COL_USED] = xstrdup("IUsed");
		row[COL_AVAIL] = xstrdup("IFree");
		row[COL_PCENT] = xstrdup("IUse%");
	} else {
		row[COL_SIZE] = G.block ? block_header() : xstrdup("Size");
		row[COL_USED] = xstrdup("Used");
		row[COL_AVAIL] = xstrdup(G.block ? "Available" : "Avail");
		row[COL_PCENT] = xstrdup(FLAG(P) && G.block ? "Capacity" : "Use%");
	}
	row[COL_TARGET] = xstrdup("Mounted on");
}

/* One file system: statvfs(path) shown as m. */
static void show(const struct mount *m, const char *path, bool explicit)
{
	struct statvfs sv;
	unsigned long long size, used, avail, frsize;

	if (statvfs(path, &sv) < 0) {
		bb_perror_msg("%s", path);
		G.status = 1;
		return;
	}
	frsize = sv.f_frsize ? sv.f_frsize : sv.f_bsize;
	if (FLAG(i)) {
		size = sv.f_files;
		avail = sv.f_ffree;
		used = size >= avail ? size - avail : 0;
	} else {
		size = sv.f_blocks * frsize;
		used = sv.f_blocks >= sv.f_bfree ? (sv.f_blocks - sv.f_bfree) * frsize : 0;
		avail = sv.f_bavail * frsize;
	}
	if (!explicit && !FLAG(a) && !(FLAG(i) ? sv.f_files : sv.f_blocks))
		return;
	G.processed++;
	G.total[0] += size;
	G.total[1] += used;
	G.total[2] += avail;
	add_row(m->source, m->type, size, used, avail, m->target);
}

/* The mount holding path: of those with its device, the last whose target is the
 * longest prefix of its real path. */
static const struct mount *mount_of(const char *path, const struct stat *st)
{
	char *real = realpath(path, NULL);
	const struct mount *best = NULL;
	size_t best_len = 0;

	for (size_t i = 0; i < G.nmounts; i++) {
		const struct mount *m = &G.mounts[i];
		size_t len = strlen(m->target);
		if (m->dev != st->st_dev)
			continue;
		if (real && !(strncmp(real, m->target, len) == 0 &&
			      (real[len] == '/' || !real[len] || len == 1)))
			continue;
		if (!best || len >= best_len) {
			best = m;
			best_len = len;
		}
	}
	free(real);
	return best;
}

static void print_table(void)
{
	int width[NCOLS] = { 14, 4, 5, 5, 5, 4, 0 };
	static const bool left[NCOLS] = { true, true, false, false, false, false, true };

	for (size_t r = 0; r < G.nrows; r++)
		for (int c = 0; c < NCOLS; c++) {
			int w = strlen(G.cells[r * NCOLS + c]);
			if (w > width[c])
				width[c] = w;
		}
	for (size_t r = 0; r < G.nrows; r++) {
		char **row = G.cells + r * NCOLS;
		for (int c = 0; c < NCOLS; c++) {
			if (c == COL_TYPE && !FLAG(T))
				continue;
			if (c == COL_TARGET)
				printf("%s\n", row[c]);
			else
				printf(left[c] ? "%-*s " : "%*s ", width[c], row[c]);
		}
	}
}

int df_main(int argc, char **argv)
{
	G.suffix = "";
	G.block = getenv("POSIXLY_CORRECT") ? 512 : 1024;
	if (FLAG(k))
		G.block = 1024;
	else if (FLAG(m))
		G.block = 1024 * 1024;
	else if (FLAG(h))
		G.block = 0;
	else if (FLAG(B))
		G.block = xparse_block_size(G.B, &G.suffix);
	read_mounts();
	if (!FLAG(a))
		hide_duplicates();
	add_header();
	if (argc < 2) {
		for (size_t i = 0; i < G.nmounts; i++) {
			const struct mount *m = &G.mounts[i];
			if ((m->hidden && !FLAG(a)) || (FLAG(t) && !type_listed(m->type, G.t)) ||
			    type_listed(m->type, G.x))
				continue;
			show(m, m->target, false);
		}
	}
	for (int i = 1; i < argc; i++) {
		struct stat st;
		const struct mount *m;
		struct mount none = { .source = (char *)"-", .type = (char *)"-",
				      .target = (char *)"-" };

		if (stat(argv[i], &st) < 0) {
			bb_perror_msg("%s", argv[i]);
			G.status = 1;
			continue;
		}
		m = mount_of(argv[i], &st);
		if (!m)
			m = &none;
		if ((FLAG(t) && !type_listed(m->type, G.t)) || type_listed(m->type, G.x))
			continue;
		show(m, argv[i], true);
	}
	if (FLAG(total) && G.processed)
		add_row("total", "-", G.total[0], G.total[1], G.total[2], "-");
	if (G.processed)
		print_table();
	else if (!G.status || argc < 2) {
		bb_error_msg("no file systems processed");
		G.status = 1;
	}
	for (size_t i = 0; i < G.nrows * NCOLS; i++)
		free(G.cells[i]);
	free(G.cells);
	for (size_t i = 0; i < G.nmounts; i++) {
		free(G.mounts[i].source);
		free(G.mounts[i].target);
		free(G.mounts[i].type);
	}
	free(G.mounts);
	return G.status;
}
