/* ls: list directory contents. POSIX ls plus the GNU options scripts use, with GNU's
 * layout: variable-width columns padded with tabs, long format widths per directory, the
 * default time style, C-locale (byte) name order.
 * Deviations: no ACL or SELinux marks; the quoting on a terminal is -q, not GNU's
 * shell-escape; -1 never overrides -l, and -C, -x or -m win over -1, -g, -n and -o
 * whatever the order; --sort and --time win over the short options whatever the order; -e is
 * --full-time (GNU has no -e).
 */

/*== applet
applet ls /bin errexit=2
options 1a(all)A(almost-all)[-aA]C x l m[-Cxlm] n(numeric-uid-gid)g o d(directory) {FEATURE_LS_RECURSIVE}R(recursive){} r(reverse) t S U X {FEATURE_LS_SORT_VERSION}v{}[-tSUXv] c u[-cu] i(inode)s(size)h(human-readable)k(kibibytes) F(classify)p[-Fp] L(dereference)H(dereference-command-line)[-LH] q(hide-control-chars)b(escape)N(literal)Q(quote-name)[-qbNQ] {FEATURE_LS_TIMESTAMPS}e(full-time){} w(width)#<0,> {FEATURE_LS_COLOR} (color)?{} (group-directories-first) (sort): (time):
config LS
	bool "ls"
	default y
	help
	  List directory contents.

config FEATURE_LS_RECURSIVE
	bool "Support -R (recursive listing)"
	default y
	depends on LS

config FEATURE_LS_SORT_VERSION
	bool "Support -v (natural version order)"
	default y
	depends on LS

config FEATURE_LS_TIMESTAMPS
	bool "Support -e and --full-time"
	default y
	depends on LS

config FEATURE_LS_COLOR
	bool "Support --color (LS_COLORS)"
	default y
	depends on LS
	help
	  Colour names by file type, as LS_COLORS says (the file types and
	  *.ext patterns; built-in defaults when it is not set).
usage [-1aACxmlngodrtSUXcuishkFpLHqbNQ] [-w COLS] [FILE]...
List the FILEs (the current directory if none), the contents of directories.

	-1	One name per line (default when not on a terminal)
	-a	Show names starting with . too
	-A	Like -a, without . and ..
	-C	Names in columns (default on a terminal)
	-x	Names in rows
	-m	Names in one line, separated by commas
	-l	Long listing: mode, links, owner, group, size, time, name
	-n	-l with numeric user and group IDs
	-g	-l without the owner
	-o	-l without the group
	-d	List directories themselves, not their contents
{FEATURE_LS_RECURSIVE}	-R	List subdirectories recursively
	-r	Reverse the sort order
	-t	Sort by time, newest first
	-S	Sort by size, largest first
	-U	Do not sort: directory order
	-X	Sort by extension
{FEATURE_LS_SORT_VERSION}	-v	Sort by version: numbers in names in numeric order
	-c	Use the status change time (sort by it unless -l)
	-u	Use the access time (sort by it unless -l)
	-i	Show inode numbers
	-s	Show allocated sizes in 1K blocks
	-h	Sizes in K, M, G...
	-k	1K blocks even if POSIXLY_CORRECT
	-F	Append an indicator: / dirs, * executables, @ links, | fifos, = sockets
	-p	Append / to directories
	-L	Show what symlinks point to, not the links
	-H	Follow symlinks named on the command line
	-q	Show nonprintable characters as ?
	-b	Show nonprintable characters as C escapes, and backslashes and spaces escaped
	-N	Show names as they are
	-Q	Show names in double quotes, with C escapes
{FEATURE_LS_TIMESTAMPS}	-e	Full times: --full-time
	-w COLS	Output width (0: unlimited)
{FEATURE_LS_COLOR}	--color[=WHEN]	Colour names by type: always (default), auto (on a terminal), never
	--group-directories-first	Directories before files
	--sort=WORD	none, name, size, time, version or extension
	--time=WORD	atime (access, use), ctime (status) or mtime (modification)
==*/

#include "libbb.h"
#include "flags/ls.h"
#include <grp.h>
#include <locale.h>
#include <pwd.h>
#include <sys/ioctl.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <wchar.h>
#include <wctype.h>

enum { FMT_ONE, FMT_COLS, FMT_ROWS, FMT_LONG, FMT_COMMAS };
enum { SORT_NAME, SORT_NONE, SORT_SIZE, SORT_TIME, SORT_VERSION, SORT_EXT };
enum { TIME_M, TIME_C, TIME_A };
enum { Q_LITERAL, Q_HIDE, Q_ESCAPE, Q_C };
enum { DEREF_NEVER, DEREF_DIR_ARGS, DEREF_ARGS, DEREF_ALL };

/* The colour slots, named as in LS_COLORS. */
enum { C_FI, C_DI, C_LN, C_PI, C_SO, C_BD, C_CD, C_OR, C_MI, C_EX, C_SU, C_SG, C_TW, C_OW,
       C_ST, C_DO, C_NSLOTS };
static const char color_keys[] = "fidilnpisobdcdormiexsusgtwowstdo";
static const char *const color_defaults[C_NSLOTS] = {
	NULL, "01;34", "01;36", "33", "01;35", "01;33", "01;33", NULL, NULL, "01;32",
	"37;41", "30;43", "30;42", "34;42", "37;44", "01;35",
};

struct ent {
	char *name;		/* as shown: the operand, or the name in its directory */
	char *link;		/* long format: the symlink's target */
	struct stat st;
	mode_t link_mode;	/* the target's mode, 0 if it cannot be reached */
	bool stat_ok;
};

struct idname {
	unsigned id;
	char *name;
};

struct pending {
	char *path;		/* NULL: the marker that its directory has been left */
	bool arg;		/* a command-line operand */
};

struct color_ext {
	char *ext;
	char *code;
};

GLOBALS(
	int status;
	int format, sort_kind, time_kind, quoting, deref;
	unsigned long width;	/* 0: unlimited */
	unsigned block_size;
	bool color_on;
	bool used_color;
	bool link_as_target;	/* LS_COLORS ln=target */
	bool multibyte;
	bool show_headers;
	bool printed_something;
	bool need_stat;
	time_t now;
	long now_ns;
	struct idname *users, *groups;
	unsigned nusers, ngroups;
	struct pending *stack;
	size_t nstack, stack_cap;
	struct { dev_t dev; ino_t ino; } *active;	/* -L -R: the directories being listed */
	size_t nactive, active_cap;
	char *colors_buf;
	const char *colors[C_NSLOTS];
	struct color_ext *exts;
	unsigned nexts;
	/* column widths of the listing being printed */
	int w_ino, w_blocks, w_nlink, w_user, w_group, w_size, w_major, w_minor;
);

/* ---- names and quoting ---- */

/* GNU's message quoting: 'name' (a quote inside becomes '\''). */
static char *quoted(const char *s)
{
	size_t n = 2;
	char *buf, *p;

	for (const char *q = s; *q; q++)
		n += *q == '\'' ? 4 : 1;
	p = buf = xmalloc(n + 1);
	*p++ = '\'';
	for (; *s; s++) {
		if (*s == '\'') {
			memcpy(p, "'\\''", 4);
			p += 4;
		} else {
			*p++ = *s;
		}
	}
	*p++ = '\'';
	*p = 0;
	return buf;
}

static void warn_file(int status, const char *what, const char *path, int err)
{
	char *q = quoted(path);

	errno = err;
	bb_perror_msg("%s %s", what, q);
	free(q);
	if (G.status < status)
		G.status = status;
}

/* Print s (if out) in the quoting style; returns its width on the screen. */
static int put_name(const char *s, bool out)
{
	static const char c_escapes[] = "\aa\bb\ff\nn\rr\tt\vv";
	size_t len = strlen(s), i = 0;
	mbstate_t mbs;
	int width = 0;

	memset(&mbs, 0, sizeof(mbs));
	if (G.quoting == Q_C) {
		width += 2;
		if (out)
			putchar('"');
	}
	while (i < len) {
		unsigned char c = s[i];
		size_t n = 1;
		int w = 1;
		bool printable;

		if (c < 0x80 || !G.multibyte) {
			printable = isprint(c);
		} else {
			wchar_t wc;
			n = mbrtowc(&wc, s + i, len - i, &mbs);
			if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
				memset(&mbs, 0, sizeof(mbs));
				n = 1;
				printable = false;
			} else {
				w = wcwidth(wc);
				printable = iswprint(wc) && w >= 0;
			}
		}
		if (G.quoting == Q_LITERAL) {
			if (out)
				fwrite(s + i, 1, n, stdout);
			width += printable ? w : 0;	/* GNU counts them as 0 wide */
		} else if (printable) {
			bool esc = c == '\\' || (G.quoting == Q_ESCAPE && c == ' ') ||
				(G.quoting == Q_C && c == '"');
			if (G.quoting == Q_HIDE)
				esc = false;
			if (out) {
				if (esc)
					putchar('\\');
				fwrite(s + i, 1, n, stdout);
			}
			width += w + esc;
		} else if (G.quoting == Q_HIDE) {
			if (out)
				putchar('?');
			width++;
		} else {
			for (size_t k = 0; k < n; k++) {
				const char *e = memchr(c_escapes, s[i + k], sizeof(c_escapes) - 1);
				if (e && !((e - c_escapes) & 1)) {
					if (out)
						printf("\\%c", e[1]);
					width += 2;
				} else {
					if (out)
						printf("\\%03o", (unsigned char)s[i + k]);
					width += 4;
				}
			}
		}
		i += n;
	}
	if (G.quoting == Q_C && out)
		putchar('"');
	return width;
}

/* ---- colours ---- */

static void parse_ls_colors(void)
{
	const char *env = getenv("LS_COLORS");
	char *p;

	for (int i = 0; i < C_NSLOTS; i++)
		G.colors[i] = color_defaults[i];
	if (!env || !*env)
		return;
	p = G.colors_buf = xstrdup(env);
	while (*p) {
		char *item = p, *eq, *end = strchr(p, ':');

		if (end)
			*end = 0;
		p = end ? end + 1 : item + strlen(item);
		eq = strchr(item, '=');
		if (!eq)
			continue;
		*eq++ = 0;
		if (item[0] == '*') {
			G.exts = xrealloc(G.exts, (G.nexts + 1) * sizeof(*G.exts));
			G.exts[G.nexts].ext = item + 1;
			G.exts[G.nexts++].code = eq;
		} else if (strlen(item) == 2) {
			if (!strcmp(item, "ln") && !strcmp(eq, "target")) {
				G.link_as_target = true;
				continue;
			}
			for (int i = 0; i < C_NSLOTS; i++)
				if (!memcmp(color_keys + 2 * i, item, 2))
					G.colors[i] = eq;
		}
	}
}

static const char *color_of(const char *name, mode_t mode, bool broken_link)
{
	if (S_ISLNK(mode)) {
		if (broken_link && G.colors[C_OR])
			return G.colors[C_OR];
		return G.colors[C_LN];
	}
	if (S_ISDIR(mode)) {
		if ((mode & S_ISVTX) && (mode & S_IWOTH))
			return G.colors[C_TW];
		if (mode & S_IWOTH)
			return G.colors[C_OW];
		if (mode & S_ISVTX)
			return G.colors[C_ST];
		return G.colors[C_DI];
	}
	if (S_ISFIFO(mode))
		return G.colors[C_PI];
	if (S_ISSOCK(mode))
		return G.colors[C_SO];
	if (S_ISBLK(mode))
		return G.colors[C_BD];
	if (S_ISCHR(mode))
		return G.colors[C_CD];
	if (mode & S_ISUID)
		return G.colors[C_SU];
	if (mode & S_ISGID)
		return G.colors[C_SG];
	if (mode & 0111)
		return G.colors[C_EX];
	if (G.nexts) {
		size_t len = strlen(name);
		for (unsigned i = G.nexts; i-- > 0;) {
			size_t el = strlen(G.exts[i].ext);
			if (el <= len && !strcmp(name + len - el, G.exts[i].ext))
				return G.exts[i].code;
		}
	}
	return G.colors[C_FI];
}

/* Print a name, coloured as a file of mode (0: missing). */
static void put_colored(const char *name, mode_t mode, bool broken_link, bool missing)
{
	const char *code = NULL;

	if (G.color_on) {
		code = missing ? (G.colors[C_MI] ? G.colors[C_MI] : G.colors[C_OR]) :
			color_of(name, mode, broken_link);
		if (code && !*code)
			code = NULL;
	}
	if (code) {
		if (!G.used_color)
			fputs("\033[0m", stdout);
		G.used_color = true;
		printf("\033[%sm", code);
	}
	put_name(name, true);
	if (code)
		fputs("\033[0m", stdout);
}

/* ---- gathering entries ---- */

static const struct timespec *time_of(const struct stat *st)
{
	return G.time_kind == TIME_C ? &st->st_ctim : G.time_kind == TIME_A ? &st->st_atim : &st->st_mtim;
}

/* The indicator -F or -p appends to e, or 0. */
static char indicator(const struct ent *e)
{
	mode_t m = e->st.st_mode;

	if (!FLAG(F) && !FLAG(p))
		return 0;
	if (S_ISDIR(m))
		return '/';
	if (!FLAG(F))
		return 0;
	if (S_ISLNK(m))
		return G.format == FMT_LONG ? 0 : '@';
	if (S_ISFIFO(m))
		return '|';
	if (S_ISSOCK(m))
		return '=';
	if (S_ISREG(m) && (m & 0111))
		return '*';
	return 0;
}

/* Long format and -F/colour of a symlink: its target and the target's mode. */
static void read_link(struct ent *e, int dirfd, const char *name, const char *path)
{
	struct stat st;
	size_t cap = 64;

	if (G.format == FMT_LONG) {
		for (;;) {
			char *buf = xmalloc(cap);
			ssize_t n = readlinkat(dirfd, name, buf, cap);
			if (n < 0) {
				warn_file(1, "cannot read symbolic link", path, errno);
				free(buf);
				break;
			}
			if ((size_t)n < cap) {
				buf[n] = 0;
				e->link = buf;
				break;
			}
			free(buf);
			cap *= 2;
		}
	}
	if ((G.format == FMT_LONG || G.color_on || FLAG(group_directories_first)) && fstatat(dirfd, name, &st, 0) == 0)
		e->link_mode = st.st_mode;
}

/* Fill e for name in dirfd (path for messages); follow: stat rather than lstat.
 * Returns false if it cannot be stat'ed (already reported with status). */
static bool fill_ent(struct ent *e, int dirfd, const char *name, const char *path,
		     bool follow, int status)
{
	if (fstatat(dirfd, name, &e->st, follow ? 0 : AT_SYMLINK_NOFOLLOW) < 0) {
		int err = errno;
		if (!follow || status > 1 ||
		    fstatat(dirfd, name, &e->st, AT_SYMLINK_NOFOLLOW) < 0) {
			warn_file(status, "cannot access", path, err);
			return false;
		}
		/* -L on a dangling link in a directory: question marks, as GNU shows */
		warn_file(status, "cannot access", path, err);
		e->st.st_mode &= S_IFMT;
		return true;
	}
	e->stat_ok = true;
	if (S_ISLNK(e->st.st_mode))
		read_link(e, dirfd, name, path);
	return true;
}

/* ---- sorting ---- */

#if ENABLE_FEATURE_LS_SORT_VERSION
static int ver_order(unsigned char c)
{
	if (isdigit(c))
		return 0;
	if (isalpha(c))
		return c;
	if (c == '~')
		return -1;
	return c + 256;
}

/* Debian's version comparison of a[0..alen) and b[0..blen): runs of non-digits by
 * ver_order, runs of digits by value. */
static int ver_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t i = 0, j = 0;

	while (i < alen || j < blen) {
		int diff = 0;
		while ((i < alen && !isdigit((unsigned char)a[i])) ||
		       (j < blen && !isdigit((unsigned char)b[j]))) {
			int ca = i < alen ? ver_order(a[i]) : 0;
			int cb = j < blen ? ver_order(b[j]) : 0;
			if (ca != cb)
				return ca - cb;
			i++, j++;
		}
		while (i < alen && a[i] == '0')
			i++;
		while (j < blen && b[j] == '0')
			j++;
		while (i < alen && j < blen && isdigit((unsigned char)a[i]) &&
		       isdigit((unsigned char)b[j])) {
			if (!diff)
				diff = (unsigned char)a[i] - (unsigned char)b[j];
			i++, j++;
		}
		if (i < alen && isdigit((unsigned char)a[i]))
			return 1;
		if (j < blen && isdigit((unsigned char)b[j]))
			return -1;
		if (diff)
			return diff;
	}
	return 0;
}

/* The length of s without its suffix: the trailing run of .EXT parts where EXT starts
 * with a letter or ~ and goes on with letters, digits and ~. */
static size_t ver_prefix(const char *s, size_t len)
{
	size_t prefix = 0, i = 0;

	while (i < len) {
		i++;
		prefix = i;
		while (i + 1 < len && s[i] == '.' && (isalpha((unsigned char)s[i + 1]) ||
						      s[i + 1] == '~'))
			for (i += 2; i < len && (isalnum((unsigned char)s[i]) || s[i] == '~'); i++)
				;
	}
	return prefix;
}

static int version_cmp(const char *a, const char *b)
{
	size_t alen = strlen(a), blen = strlen(b), ap, bp;
	int r;

	if (!alen || !blen)
		return !blen - !alen;
	if (a[0] == '.' || b[0] == '.') {
		int ra = a[0] != '.' ? 3 : !a[1] ? 0 : a[1] == '.' && !a[2] ? 1 : 2;
		int rb = b[0] != '.' ? 3 : !b[1] ? 0 : b[1] == '.' && !b[2] ? 1 : 2;
		if (ra != rb || ra < 2)
			return ra - rb;
		if (ra == 2)
			a++, alen--, b++, blen--;
	}
	ap = ver_prefix(a, alen);
	bp = ver_prefix(b, blen);
	r = ver_cmp(a, ap, b, bp);
	if (r || (ap == alen && bp == blen))
		return r;
	return ver_cmp(a, alen, b, blen);
}
#else
static int version_cmp(const char *a, const char *b)
{
	return strcmp(a, b);
}
#endif

static int cmp_ents(const void *pa, const void *pb)
{
	const struct ent *a = pa, *b = pb;
	int r = 0;

	if (FLAG(group_directories_first)) {
		bool da = S_ISDIR(a->st.st_mode) || S_ISDIR(a->link_mode);
		bool db = S_ISDIR(b->st.st_mode) || S_ISDIR(b->link_mode);
		if (da != db)
			return db - da;
	}
	switch (G.sort_kind) {
	case SORT_SIZE:
		r = a->st.st_size < b->st.st_size ? 1 : a->st.st_size > b->st.st_size ? -1 : 0;
		break;
	case SORT_TIME: {
		const struct timespec *ta = time_of(&a->st), *tb = time_of(&b->st);
		r = ta->tv_sec < tb->tv_sec ? 1 : ta->tv_sec > tb->tv_sec ? -1 :
			ta->tv_nsec < tb->tv_nsec ? 1 : ta->tv_nsec > tb->tv_nsec ? -1 : 0;
		break;
	}
	case SORT_EXT: {
		const char *ea = strrchr(a->name, '.'), *eb = strrchr(b->name, '.');
		r = strcmp(ea ? ea : "", eb ? eb : "");
		break;
	}
	case SORT_VERSION:
		r = version_cmp(a->name, b->name);
		break;
	}
	if (!r)
		r = strcmp(a->name, b->name);
	return FLAG(r) ? -r : r;
}

static void sort_ents(struct ent *e, size_t n)
{
	if (G.sort_kind != SORT_NONE && n > 1)
		qsort(e, n, sizeof(*e), cmp_ents);
}

/* ---- printing ---- */

static int num_width(unsigned long long n)
{
	int w = 1;

	while (n >= 10)
		n /= 10, w++;
	return w;
}

static const char *id_name(struct idname **cache, unsigned *n, unsigned id, bool group)
{
	char *name = NULL;

	for (unsigned i = 0; i < *n; i++)
		if ((*cache)[i].id == id)
			return (*cache)[i].name;
	if (!FLAG(n)) {
		if (group) {
			struct group *gr = getgrgid(id);
			if (gr)
				name = xstrdup(gr->gr_name);
		} else {
			struct passwd *pw = getpwuid(id);
			if (pw)
				name = xstrdup(pw->pw_name);
		}
	}
	if (!name)
		name = xasprintf("%u", id);
	*cache = xrealloc(*cache, (*n + 1) * sizeof(**cache));
	(*cache)[*n].id = id;
	(*cache)[*n].name = name;
	return (*cache)[(*n)++].name;
}

static const char *user_of(const struct ent *e)
{
	return e->stat_ok ? id_name(&G.users, &G.nusers, e->st.st_uid, false) : "?";
}

static const char *group_of(const struct ent *e)
{
	return e->stat_ok ? id_name(&G.groups, &G.ngroups, e->st.st_gid, true) : "?";
}

/* The size in blocks as -s shows it, or a size with -h. */
static char *size_str(unsigned long long bytes, bool blocks, char *buf)
{
	if (FLAG(h))
		return human_readable(bytes, buf);
	if (blocks)
		bytes = (bytes + G.block_size - 1) / G.block_size;
	sprintf(buf, "%llu", bytes);
	return buf;
}

static char *blocks_str(const struct ent *e, char *buf)
{
	if (!e->stat_ok)
		return strcpy(buf, "?");
	return size_str((unsigned long long)e->st.st_blocks * 512, true, buf);
}

static void compute_widths(struct ent *e, size_t n)
{
	char buf[HUMAN_BUFSIZE];

	G.w_ino = G.w_blocks = G.w_nlink = G.w_user = G.w_group = G.w_size = 0;
	G.w_major = G.w_minor = 0;
	for (size_t i = 0; i < n; i++) {
		const struct stat *st = &e[i].st;
		int w;

		if (FLAG(i)) {
			w = e[i].stat_ok || st->st_ino ? num_width(st->st_ino) : 1;
			if (w > G.w_ino)
				G.w_ino = w;
		}
		if (FLAG(s)) {
			w = strlen(blocks_str(&e[i], buf));
			if (w > G.w_blocks)
				G.w_blocks = w;
		}
		if (G.format != FMT_LONG)
			continue;
		w = e[i].stat_ok ? num_width(st->st_nlink) : 1;
		if (w > G.w_nlink)
			G.w_nlink = w;
		if (!FLAG(g)) {
			w = strlen(user_of(&e[i]));
			if (w > G.w_user)
				G.w_user = w;
		}
		if (!FLAG(o)) {
			w = strlen(group_of(&e[i]));
			if (w > G.w_group)
				G.w_group = w;
		}
		if (e[i].stat_ok && (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))) {
			w = num_width(major(st->st_rdev));
			if (w > G.w_major)
				G.w_major = w;
			w = num_width(minor(st->st_rdev));
			if (w > G.w_minor)
				G.w_minor = w;
			w = G.w_major + 2 + G.w_minor;
		} else {
			w = e[i].stat_ok ? (int)strlen(size_str(st->st_size, false, buf)) : 1;
		}
		if (w > G.w_size)
			G.w_size = w;
	}
	if (G.w_major && G.w_size < G.w_major + 2 + G.w_minor)
		G.w_size = G.w_major + 2 + G.w_minor;
}

/* The inode and block columns before a name; returns their width. */
static int put_prefix(const struct ent *e, bool out)
{
	char buf[HUMAN_BUFSIZE];
	int w = 0;

	if (FLAG(i)) {
		if (out) {
			if (e->stat_ok || e->st.st_ino)
				printf("%*llu ", G.w_ino, (unsigned long long)e->st.st_ino);
			else
				printf("%*s ", G.w_ino, "?");
		}
		w += G.w_ino + 1;
	}
	if (FLAG(s)) {
		if (out)
			printf("%*s ", G.w_blocks, blocks_str(e, buf));
		w += G.w_blocks + 1;
	}
	return w;
}

/* Name with colour and indicator; returns its width. */
static int put_entry_name(const struct ent *e, bool out)
{
	char ind = indicator(e);
	int w;

	if (out) {
		bool broken = S_ISLNK(e->st.st_mode) && !e->link_mode;
		if (G.link_as_target && S_ISLNK(e->st.st_mode) && e->link_mode)
			put_colored(e->name, e->link_mode, false, false);
		else
			put_colored(e->name, e->st.st_mode, broken, !e->stat_ok && FLAG(L));
		if (ind)
			putchar(ind);
		return 0;
	}
	w = put_name(e->name, false);
	return w + (ind != 0);
}

static void put_time(const struct ent *e)
{
	const struct timespec *ts = time_of(&e->st);
	struct tm tm;
	char buf[64];
	bool recent;

	if (!e->stat_ok) {
		printf("%*s ", ENABLE_FEATURE_LS_TIMESTAMPS && FLAG(e) ? 35 : 12, "?");
		return;
	}
	if (!localtime_r(&ts->tv_sec, &tm)) {
		printf("%lld ", (long long)ts->tv_sec);
		return;
	}
	if (ENABLE_FEATURE_LS_TIMESTAMPS && FLAG(e)) {
		size_t n = strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S", &tm);
		n += sprintf(buf + n, ".%09ld", (long)ts->tv_nsec);
		strftime(buf + n, sizeof(buf) - n, " %z", &tm);
	} else {
		/* six months: half of the Gregorian year's 31556952 seconds */
		time_t six_months_ago = G.now - 31556952 / 2;
		recent = (ts->tv_sec > six_months_ago ||
			  (ts->tv_sec == six_months_ago && ts->tv_nsec > G.now_ns)) &&
			 (ts->tv_sec < G.now || (ts->tv_sec == G.now && ts->tv_nsec <= G.now_ns));
		strftime(buf, sizeof(buf), recent ? "%b %e %H:%M" : "%b %e  %Y", &tm);
	}
	printf("%s ", buf);
}

static void put_long(const struct ent *e)
{
	const struct stat *st = &e->st;
	char mode[11], buf[HUMAN_BUFSIZE];

	put_prefix(e, true);
	bb_mode_string(st->st_mode, mode);
	if (!e->stat_ok)
		memset(mode + 1, '?', 9);
	printf("%s ", mode);
	if (e->stat_ok)
		printf("%*lu ", G.w_nlink, (unsigned long)st->st_nlink);
	else
		printf("%*s ", G.w_nlink, "?");
	if (!FLAG(g))
		printf("%-*s ", G.w_user, user_of(e));
	if (!FLAG(o))
		printf("%-*s ", G.w_group, group_of(e));
	if (!e->stat_ok) {
		printf("%*s ", G.w_size, "?");
	} else if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode)) {
		int pad = G.w_size - (G.w_major + 2 + G.w_minor);
		printf("%*u, %*u ", G.w_major + (pad > 0 ? pad : 0), major(st->st_rdev),
		       G.w_minor, minor(st->st_rdev));
	} else {
		printf("%*s ", G.w_size, size_str(st->st_size, false, buf));
	}
	put_time(e);
	put_entry_name(e, true);
	if (e->link) {
		fputs(" -> ", stdout);
		if (G.link_as_target || !e->link_mode)
			put_colored(e->link, e->link_mode, false, !e->link_mode);
		else
			put_name(e->link, true);
		if (e->link_mode && FLAG(F)) {
			struct ent t = { .st.st_mode = e->link_mode, .stat_ok = true };
			char ind = indicator(&t);
			if (ind)
				putchar(ind);
		}
	}
	putchar('\n');
}

/* Pad from column from to column to, with tabs where they fit, as GNU does (not with
 * an unlimited width). */
static void indent(size_t from, size_t to)
{
	while (from < to) {
		if (G.width && to / 8 > (from + 1) / 8) {
			putchar('\t');
			from += 8 - from % 8;
		} else {
			putchar(' ');
			from++;
		}
	}
}

/* -C and -x: the most columns whose widths (2 spaces between) fit in G.width. */
static void put_columns(struct ent *e, size_t n)
{
	size_t *len = xmalloc(n * sizeof(*len)), *colw = NULL;
	size_t cols = n, rows;
	bool across = G.format == FMT_ROWS;

	for (size_t i = 0; i < n; i++)
		len[i] = put_prefix(&e[i], false) + put_entry_name(&e[i], false);
	if (G.width) {
		/* a width that is not a multiple of 3 allows one more column */
		size_t max = G.width / 3 + (G.width % 3 != 0);
		colw = xmalloc((max < n ? max : n) * sizeof(*colw));
		for (cols = max < n ? max : n; cols > 1; cols--) {
			size_t total = 0;
			bool fits = true;
			rows = (n + cols - 1) / cols;
			/* GNU starts every column at its minimum width, 3, and a layout
			 * only stops fitting when a column grows past the width */
			for (size_t c = 0; c < cols; c++)
				colw[c] = 3;
			total = 3 * cols;
			for (size_t i = 0; i < n && fits; i++) {
				size_t c = across ? i % cols : i / rows;
				size_t w = len[i] + (c == cols - 1 ? 0 : 2);
				if (w > colw[c]) {
					total += w - colw[c];
					colw[c] = w;
					fits = total < G.width;
				}
			}
			if (fits)
				break;
		}
	}
	if (!colw) {
		colw = xmalloc(cols * sizeof(*colw));
		for (size_t i = 0; i < cols; i++)
			colw[i] = len[i] + 2;
	} else if (cols == 1) {
		colw[0] = 0;
	} else {
		/* recompute the chosen layout's widths */
		rows = (n + cols - 1) / cols;
		for (size_t c = 0; c < cols; c++)
			colw[c] = 3;
		for (size_t i = 0; i < n; i++) {
			size_t c = across ? i % cols : i / rows;
			size_t w = len[i] + (c == cols - 1 ? 0 : 2);
			if (w > colw[c])
				colw[c] = w;
		}
	}
	rows = (n + cols - 1) / cols;
	if (across) {
		size_t pos = 0;
		for (size_t i = 0; i < n; i++) {
			size_t c = i % cols;
			if (i && !c) {
				putchar('\n');
				pos = 0;
			} else if (i) {
				indent(pos + len[i - 1], pos + colw[c - 1]);
				pos += colw[c - 1];
			}
			put_prefix(&e[i], true);
			put_entry_name(&e[i], true);
		}
		if (n)
			putchar('\n');
	} else {
		for (size_t r = 0; r < rows; r++) {
			size_t pos = 0;
			for (size_t c = 0; c < cols; c++) {
				size_t i = r + c * rows;
				put_prefix(&e[i], true);
				put_entry_name(&e[i], true);
				if (i + rows >= n)
					break;
				indent(pos + len[i], pos + colw[c]);
				pos += colw[c];
			}
			putchar('\n');
		}
	}
	free(colw);
	free(len);
}

/* -m: names separated by ", ", a new line before a name that would reach the width. */
static void put_commas(struct ent *e, size_t n)
{
	size_t pos = 0;

	for (size_t i = 0; i < n; i++) {
		size_t len = G.width ? put_prefix(&e[i], false) + put_entry_name(&e[i], false) : 0;
		if (i) {
			bool same_line = !G.width || pos + len + 2 < G.width;
			putchar(',');
			putchar(same_line ? ' ' : '\n');
			pos = same_line ? pos + 2 : 0;
		}
		put_prefix(&e[i], true);
		put_entry_name(&e[i], true);
		pos += len;
	}
	putchar('\n');
}

static void put_ents(struct ent *e, size_t n, bool widths)
{
	if (widths)
		compute_widths(e, n);
	if (G.format == FMT_LONG) {
		for (size_t i = 0; i < n; i++)
			put_long(&e[i]);
	} else if (G.format == FMT_ONE) {
		for (size_t i = 0; i < n; i++) {
			put_prefix(&e[i], true);
			put_entry_name(&e[i], true);
			putchar('\n');
		}
	} else if (n && G.format == FMT_COMMAS) {
		put_commas(e, n);
	} else if (n) {
		put_columns(e, n);
	}
}

static void free_ents(struct ent *e, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(e[i].name);
		free(e[i].link);
	}
	free(e);
}

/* ---- directories ---- */

static void push_pending(char *path, bool arg)
{
	if (G.nstack == G.stack_cap) {
		G.stack_cap = G.stack_cap ? 2 * G.stack_cap : 16;
		G.stack = xrealloc(G.stack, G.stack_cap * sizeof(*G.stack));
	}
	G.stack[G.nstack].path = path;
	G.stack[G.nstack++].arg = arg;
}

/* -L -R: true (after a message) if the directory is being listed already. */
static bool is_loop(const char *path, const struct stat *st)
{
	for (size_t i = 0; i < G.nactive; i++) {
		if (G.active[i].dev == st->st_dev && G.active[i].ino == st->st_ino) {
			bb_error_msg("%s: not listing already-listed directory", path);
			G.status = 2;
			return true;
		}
	}
	if (G.nactive == G.active_cap) {
		G.active_cap = G.active_cap ? 2 * G.active_cap : 16;
		G.active = xrealloc(G.active, G.active_cap * sizeof(*G.active));
	}
	G.active[G.nactive].dev = st->st_dev;
	G.active[G.nactive++].ino = st->st_ino;
	push_pending(NULL, false);
	return false;
}

static bool want_name(const char *name)
{
	if (name[0] != '.')
		return true;
	if (FLAG(a))
		return true;
	return FLAG(A) && name[1] && (name[1] != '.' || name[2]);
}

static void list_dir(const char *path, bool arg)
{
	struct ent *e = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	struct stat st;
	int fd;
	DIR *dir;

	fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0 || !(dir = fdopendir(fd))) {
		warn_file(arg ? 2 : 1, "cannot open directory", path, errno);
		if (fd >= 0)
			close(fd);
		return;
	}
	if (FLAG(R) && G.deref == DEREF_ALL && fstat(fd, &st) == 0 && is_loop(path, &st)) {
		closedir(dir);
		return;
	}
	if (G.show_headers) {
		if (G.printed_something)
			putchar('\n');
		put_name(path, true);
		fputs(":\n", stdout);
	}
	G.printed_something = true;
	for (;;) {
		struct ent *x;
		char *full = NULL;

		errno = 0;
		de = readdir(dir);
		if (!de) {
			if (errno)
				warn_file(arg ? 2 : 1, "reading directory", path, errno);
			break;
		}
		if (!want_name(de->d_name))
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			e = xrealloc(e, cap * sizeof(*e));
		}
		x = &e[n];
		memset(x, 0, sizeof(*x));
		x->name = xstrdup(de->d_name);
		if (!G.need_stat && de->d_type == DT_LNK && G.deref == DEREF_ALL) {
			/* only the type is needed: a dangling link stays a link, silently */
			if (fstatat(fd, de->d_name, &x->st, 0) < 0) {
				x->st.st_mode = S_IFLNK;
				x->st.st_ino = de->d_ino;
			}
			x->stat_ok = true;
		} else if (G.need_stat || de->d_type == DT_UNKNOWN) {
			full = strcmp(path, ".") ? concat_path_file(path, de->d_name) :
				xstrdup(de->d_name);
			if (!fill_ent(x, fd, de->d_name, full, G.deref == DEREF_ALL, 1)) {
				/* the type d_type gives, and question marks */
				x->st.st_mode = DTTOIF(de->d_type);
				x->st.st_ino = de->d_ino;
			}
			free(full);
		} else {
			x->st.st_mode = DTTOIF(de->d_type);
			x->st.st_ino = de->d_ino;
			x->stat_ok = true;
		}
		n++;
	}
	closedir(dir);
	sort_ents(e, n);
	if (G.format == FMT_LONG || FLAG(s)) {
		unsigned long long blocks = 0;
		char buf[HUMAN_BUFSIZE];
		for (size_t i = 0; i < n; i++)
			blocks += e[i].stat_ok ? (unsigned long long)e[i].st.st_blocks : 0;
		printf("total %s\n", size_str(blocks * 512, true, buf));
	}
	put_ents(e, n, true);
	if (FLAG(R)) {
		for (size_t i = n; i-- > 0;) {
			const char *nm = e[i].name;
			if (!S_ISDIR(e[i].st.st_mode) || (nm[0] == '.' && (!nm[1] ||
							      (nm[1] == '.' && !nm[2]))))
				continue;
			push_pending(concat_path_file(path, nm), false);
		}
	}
	free_ents(e, n);
}

/* ---- set-up ---- */

static int word_index(const char *opt, const char *arg, const char *const *words, int n)
{
	size_t len = strlen(arg);
	int found = -1;

	for (int i = 0; i < n; i++) {
		if (!strcmp(words[i], arg))
			return i;
		if (len && !strncmp(words[i], arg, len))
			found = found == -1 ? i : -2;
	}
	if (found < 0) {
		xfunc_error_retval = 1;	/* as GNU: not the status of other usage errors */
		bb_error_msg_and_die("%s argument '%s' for '--%s'",
				     found == -1 ? "invalid" : "ambiguous", arg, opt);
	}
	return found;
}

static void decode_options(void)
{
	static const char *const sort_words[] = { "none", "name", "size", "time", "version",
						  "extension" };
	static const int sort_values[] = { SORT_NONE, SORT_NAME, SORT_SIZE, SORT_TIME,
					   SORT_VERSION, SORT_EXT };
	static const char *const time_words[] = { "atime", "access", "use", "ctime", "status",
						  "mtime", "modification" };
	static const int time_values[] = { TIME_A, TIME_A, TIME_A, TIME_C, TIME_C, TIME_M,
					   TIME_M };
	bool tty = isatty(STDOUT_FILENO);
	bool sort_given = FLAG(t) || FLAG(S) || FLAG(U) || FLAG(X) || FLAG(v) || FLAG(sort);
	const char *env;

	G.format = tty ? FMT_COLS : FMT_ONE;
	if (FLAG(1))
		G.format = FMT_ONE;
	if (FLAG(l) || FLAG(n) || FLAG(g) || FLAG(o))
		G.format = FMT_LONG;
	if (FLAG(C))
		G.format = FMT_COLS;
	if (FLAG(x))
		G.format = FMT_ROWS;
	if (FLAG(m))
		G.format = FMT_COMMAS;
	G.sort_kind = FLAG(t) ? SORT_TIME : FLAG(S) ? SORT_SIZE : FLAG(U) ? SORT_NONE :
		FLAG(X) ? SORT_EXT : FLAG(v) ? SORT_VERSION : SORT_NAME;
	if (FLAG(sort))
		G.sort_kind = sort_values[word_index("sort", G.sort, sort_words, 6)];
	G.time_kind = FLAG(c) ? TIME_C : FLAG(u) ? TIME_A : TIME_M;
	if (FLAG(time))
		G.time_kind = time_values[word_index("time", G.time, time_words, 7)];
	if (!sort_given && G.time_kind != TIME_M && G.format != FMT_LONG)
		G.sort_kind = SORT_TIME;
	G.quoting = FLAG(q) ? Q_HIDE : FLAG(b) ? Q_ESCAPE : FLAG(Q) ? Q_C :
		FLAG(N) ? Q_LITERAL : tty ? Q_HIDE : Q_LITERAL;
	G.deref = FLAG(L) ? DEREF_ALL : FLAG(H) ? DEREF_ARGS :
		(FLAG(d) || FLAG(F) || G.format == FMT_LONG) ? DEREF_NEVER : DEREF_DIR_ARGS;
	G.block_size = getenv("POSIXLY_CORRECT") && !FLAG(k) ? 512 : 1024;
	if (ENABLE_FEATURE_LS_COLOR && FLAG(color)) {
		const char *w = G.color;
		static const char *const color_words[] = { "always", "yes", "force", "never",
							   "no", "none", "auto", "tty",
							   "if-tty" };
		int i = w ? word_index("color", w, color_words, 9) : 0;
		G.color_on = i < 3 || (i >= 6 && tty);
		if (G.color_on)
			parse_ls_colors();
	}
	G.need_stat = G.format == FMT_LONG || FLAG(s) || FLAG(i) || FLAG(F) || G.color_on ||
		G.sort_kind == SORT_TIME || G.sort_kind == SORT_SIZE || FLAG(group_directories_first);
	if (FLAG(w)) {
		G.width = G.w;
	} else {
		struct winsize ws;
		unsigned long long v;
		G.width = 80;
		env = getenv("COLUMNS");
		if (env && *env && !bb_strtoull(env, 10, NULL, 0, ULONG_MAX, &v))
			G.width = v;
		else if (tty && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
			G.width = ws.ws_col;
	}
	env = setlocale(LC_CTYPE, "");
	G.multibyte = env && MB_CUR_MAX > 1;
}

int ls_main(int argc, char **argv)
{
	struct ent *files;
	size_t nfiles = 0;
	struct timespec now;
	char *dot[] = { (char *)".", NULL };

	decode_options();
	clock_gettime(CLOCK_REALTIME, &now);
	G.now = now.tv_sec;
	G.now_ns = now.tv_nsec;
	if (argc < 2) {
		argv = dot - 1;
		argc = 2;
	}
	files = xzalloc((argc - 1) * sizeof(*files));
	for (int i = 1; i < argc; i++) {
		struct ent *e = &files[nfiles];
		bool follow = G.deref >= DEREF_ARGS;

		e->name = xstrdup(argv[i]);
		if (G.deref == DEREF_DIR_ARGS) {
			struct stat st;
			if (lstat(argv[i], &st) == 0 && S_ISLNK(st.st_mode) &&
			    stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
				follow = true;
		}
		if (!fill_ent(e, AT_FDCWD, argv[i], argv[i], follow, 2)) {
			free(e->name);
			e->name = NULL;
			continue;
		}
		nfiles++;
	}
	sort_ents(files, nfiles);
	/* GNU's widths include the directory operands listed later */
	compute_widths(files, nfiles);
	G.show_headers = argc > 2 || FLAG(R);
	/* operands that are directories are listed after the others, in order */
	if (!FLAG(d)) {
		size_t kept = 0;
		for (size_t i = nfiles; i-- > 0;) {
			if (S_ISDIR(files[i].st.st_mode) && files[i].stat_ok) {
				push_pending(files[i].name, true);
				free(files[i].link);
				files[i].name = NULL;
			}
		}
		for (size_t i = 0; i < nfiles; i++)
			if (files[i].name)
				files[kept++] = files[i];
		nfiles = kept;
	}
	if (nfiles) {
		put_ents(files, nfiles, false);
		G.printed_something = true;
	}
	free_ents(files, nfiles);
	while (G.nstack) {
		struct pending p = G.stack[--G.nstack];
		if (!p.path) {
			G.nactive--;
			continue;
		}
		list_dir(p.path, p.arg);
		free(p.path);
	}
	free(G.stack);
	free(G.active);
	for (unsigned i = 0; i < G.nusers; i++)
		free(G.users[i].name);
	for (unsigned i = 0; i < G.ngroups; i++)
		free(G.groups[i].name);
	free(G.users);
	free(G.groups);
	free(G.exts);
	free(G.colors_buf);
	return G.status;
}
