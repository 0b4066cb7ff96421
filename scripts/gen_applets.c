/* gen_applets: collect the metadata blocks of applet files into everything the build
 * needs. Host tool; the block format is documented in docs/writing-an-applet.md.
 *
 *   gen_applets kconfig OUT TOP_CONFIG_IN FILE.c...   the whole Kconfig tree, one file
 *   gen_applets build GENDIR .config FILE.c...        applet table, usage texts,
 *                                                    flags/<name>.h, objs.mk, links
 *   gen_applets docs OUTBASE .config FILE.c...         OUTBASE.1, .html, .txt
 *
 * Every output is written to a temporary file and renamed only if it changed, so an
 * unchanged applet does not make everything rebuild.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../core/optspec.h"

struct applet_line {
	char *name, *dir, *main_fn, *config;
	const char *kind, *suid;
	int errexit;
};

struct applet_file {
	const char *path;
	char *base;		/* file name without .c: names flags/<base>.h */
	char *menu;		/* directory under applets/ */
	struct applet_line *applets;
	int napplets;
	char *options;		/* NULL: the applet parses its own argv */
	char *kconfig;
	char *synopsis;
	char *usage;		/* body lines, with {FEATURE} tags still on */
	int has_globals;
};

static struct applet_file *files;
static int nfiles;
/* Files whose first line is "/" "*== part of NAME ==*" "/": compiled with applets/<menu>/NAME.c */
struct part_file {
	const char *path;	/* "applets/<menu>/<file>.c" */
	char *owner;		/* "applets/<menu>/NAME.c" */
};
static struct part_file *parts;
static int nparts;
static char **config_on;	/* symbols set to y in .config */
static int nconfig_on;

static __attribute__((noreturn)) void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("gen_applets: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(1);
}

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (!p)
		die("out of memory");
	return p;
}

static char *xstrndup(const char *s, size_t n)
{
	char *r = xrealloc(NULL, n + 1);
	memcpy(r, s, n);
	r[n] = 0;
	return r;
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf = NULL;
	size_t len = 0, n;

	if (!f)
		die("%s: %s", path, strerror(errno));
	do {
		buf = xrealloc(buf, len + 65536 + 1);
		n = fread(buf + len, 1, 65536, f);
		len += n;
	} while (n);
	buf[len] = 0;
	fclose(f);
	return buf;
}

/* Append to a growing string. */
struct str {
	char *s;
	size_t len, cap;
};

static void sadd(struct str *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(b->s ? b->s + b->len : NULL, b->s ? b->cap - b->len : 0, fmt, ap);
		va_end(ap);
		if (b->s && b->len + n < b->cap)
			break;
		b->cap = (b->cap + n + 1) * 2;
		b->s = xrealloc(b->s, b->cap);
	}
	b->len += n;
}

/* Write out only if different, so make sees no change when there is none. */
static void write_if_changed(const char *path, struct str *b)
{
	FILE *f = fopen(path, "r");
	char tmp[4096];

	if (f) {
		fclose(f);
		char *old = read_file(path);
		int same = strlen(old) == b->len && !memcmp(old, b->s ? b->s : "", b->len);
		free(old);
		if (same)
			return;
	}
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	f = fopen(tmp, "w");
	if (!f || fwrite(b->s ? b->s : "", 1, b->len, f) != b->len || fclose(f))
		die("%s: %s", tmp, strerror(errno));
	if (rename(tmp, path))
		die("%s: %s", path, strerror(errno));
}

static char *word(char **p)
{
	char *s = *p, *start;

	while (*s == ' ' || *s == '\t')
		s++;
	if (!*s || *s == '#')
		return NULL;
	start = s;
	while (*s && *s != ' ' && *s != '\t')
		s++;
	*p = s;
	return xstrndup(start, s - start);
}

static char *symbol_of(const char *name)
{
	char *s = xstrndup(name, strlen(name));
	for (char *p = s; *p; p++)
		*p = isalnum(*p) ? toupper(*p) : '_';
	return s;
}

static void parse_applet_line(struct applet_file *f, char *line, int lineno)
{
	struct applet_line a = { .kind = "APPLET_NORMAL", .suid = "SUID_DROP", .errexit = 1 };
	char *w;

	a.name = word(&line);
	a.dir = word(&line);
	if (!a.name || !a.dir)
		die("%s:%d: applet line needs a name and a directory", f->path, lineno);
	while ((w = word(&line))) {
		if (!strcmp(w, "nofork"))
			a.kind = "APPLET_NOFORK";
		else if (!strcmp(w, "noexec"))
			a.kind = "APPLET_NOEXEC";
		else if (!strncmp(w, "main=", 5))
			a.main_fn = w + 5;
		else if (!strncmp(w, "config=", 7))
			a.config = w + 7;
		else if (!strncmp(w, "errexit=", 8))
			a.errexit = atoi(w + 8);
		else if (!strcmp(w, "suid=maybe"))
			a.suid = "SUID_MAYBE";
		else if (!strcmp(w, "suid=require"))
			a.suid = "SUID_REQUIRE";
		else if (strcmp(w, "suid=drop"))
			die("%s:%d: unknown applet attribute '%s'", f->path, lineno, w);
	}
	if (!a.main_fn) {
		a.main_fn = xrealloc(NULL, strlen(a.name) + 6);
		sprintf(a.main_fn, "%s_main", a.name);
		for (char *p = a.main_fn; *p; p++)
			if (!isalnum(*p))
				*p = '_';
	}
	if (!a.config)
		a.config = symbol_of(a.name);
	f->applets = xrealloc(f->applets, (f->napplets + 1) * sizeof(a));
	f->applets[f->napplets++] = a;
}

/* A part of a big applet: its first line names the applet file it belongs to. */
static void add_part(const char *path, const char *rest)
{
	const char *end = strstr(rest, " ==*/\n"), *m = NULL, *slash = strrchr(path, '/');
	struct part_file *pf;

	for (const char *q = path; (q = strstr(q, "applets/")); q++)
		m = q;
	if (!end || !m || !slash || slash < m + 8 || end == rest)
		die("%s: a part file starts with the line /*== part of NAME ==*/", path);
	parts = xrealloc(parts, (nparts + 1) * sizeof(*parts));
	pf = &parts[nparts++];
	pf->path = m;
	pf->owner = xrealloc(NULL, (slash - m) + (end - rest) + 4);
	sprintf(pf->owner, "%.*s/%.*s.c", (int)(slash - m), m, (int)(end - rest), rest);
}

/* The block sits between a line "/" "*== applet" and a line "==" "*" "/". */
static void parse_file(const char *path)
{
	char *text = read_file(path), *p, *end, *line;
	struct applet_file *f;
	struct str kconfig = { 0 }, usage = { 0 };
	enum { APPLETS, KCONFIG, USAGE } part = APPLETS;
	int lineno;

	if (!strncmp(text, "/*== part of ", 13)) {
		add_part(path, text + 13);
		return;
	}
	p = strstr(text, "\n/*== applet\n");
	if (!p)
		return;		/* a helper file beside the applets, not an applet */
	files = xrealloc(files, (nfiles + 1) * sizeof(*files));
	f = &files[nfiles++];
	memset(f, 0, sizeof(*f));
	/* names relative to the source tree: "applets/<menu>/<base>.c" */
	for (const char *m = path; (m = strstr(m, "applets/")); m++)
		f->path = m;
	f->has_globals = strstr(text, "\nGLOBALS(") != NULL;
	{
		const char *slash = strrchr(path, '/');
		const char *dot = strrchr(slash ? slash : path, '.');
		if (!f->path || !slash || slash < f->path + 8 || !dot || strcmp(dot, ".c"))
			die("%s: applet files are applets/<menu>/<name>.c", path);
		f->base = xstrndup(slash + 1, dot - slash - 1);
		f->menu = xstrndup(f->path + 8, slash - (f->path + 8));
	}
	lineno = 1;
	for (char *q = text; q < p; q++)
		lineno += *q == '\n';
	p += strlen("\n/*== applet\n");
	lineno += 2;
	end = strstr(p, "\n==*/");
	if (!end)
		die("%s: metadata block is not closed with ==*/", path);
	end[1] = 0;
	for (; *p; p = line + strlen(line) + 1, lineno++) {
		line = p;
		char *nl = strchr(line, '\n');
		*nl = 0;
		if (part == APPLETS && !strncmp(line, "applet ", 7)) {
			parse_applet_line(f, line + 7, lineno);
		} else if (part == APPLETS && !strncmp(line, "options", 7) &&
			   (line[7] == ' ' || !line[7])) {
			/* "options" alone: no options, but --help, -- and errors are handled */
			f->options = xstrndup(line + 7 + !!line[7], strlen(line + 7 + !!line[7]));
		} else if (part != USAGE && !strncmp(line, "usage", 5) &&
			   (line[5] == ' ' || !line[5])) {
			part = USAGE;
			f->synopsis = xstrndup(line + 5 + !!line[5], strlen(line + 5 + !!line[5]));
		} else if (part == USAGE) {
			sadd(&usage, "%s\n", line);
		} else if (!strncmp(line, "config ", 7) || part == KCONFIG) {
			part = KCONFIG;
			sadd(&kconfig, "%s\n", line);
		} else if (*line) {
			die("%s:%d: unexpected line in metadata block: %s", path, lineno, line);
		}
	}
	if (!f->napplets || !f->synopsis)
		die("%s: metadata block needs an applet line and a usage line", path);
	f->kconfig = kconfig.s ? kconfig.s : "";
	/* drop trailing blank lines of the usage body */
	while (usage.len && usage.s[usage.len - 1] == '\n' &&
	       (usage.len == 1 || usage.s[usage.len - 2] == '\n'))
		usage.len--;
	if (usage.s)
		usage.s[usage.len] = 0;
	f->usage = usage.s ? usage.s : "";
}

static void read_config(const char *path)
{
	char *text = read_file(path);
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		size_t n = strlen(line);
		if (strncmp(line, "CONFIG_", 7) || n < 10 || strcmp(line + n - 2, "=y"))
			continue;
		config_on = xrealloc(config_on, (nconfig_on + 1) * sizeof(char *));
		config_on[nconfig_on++] = xstrndup(line + 7, n - 9);
	}
}

static int is_on(const char *sym, size_t len)
{
	if (len >= 7 && !strncmp(sym, "CONFIG_", 7))
		sym += 7, len -= 7;
	for (int i = 0; i < nconfig_on; i++)
		if (strlen(config_on[i]) == len && !strncmp(config_on[i], sym, len))
			return 1;
	return 0;
}

static int is_on_str(const char *sym)
{
	return is_on(sym, strlen(sym));
}

static const char *menu_title(const char *menu)
{
	static const char *const titles[][2] = {
		{ "archival", "Archival utilities" },
		{ "console-tools", "Console utilities" },
		{ "coreutils", "Coreutils" },
		{ "debianutils", "Debian utilities" },
		{ "editors", "Editors" },
		{ "findutils", "Finding utilities" },
		{ "init", "Init utilities" },
		{ "loginutils", "Login/password management utilities" },
		{ "miscutils", "Miscellaneous utilities" },
		{ "modutils", "Linux module utilities" },
		{ "networking", "Networking utilities" },
		{ "procps", "Process utilities" },
		{ "shell", "Shells" },
		{ "sysklogd", "System logging utilities" },
		{ "util-linux", "Linux system utilities" },
	};
	for (size_t i = 0; i < sizeof(titles) / sizeof(titles[0]); i++)
		if (!strcmp(titles[i][0], menu))
			return titles[i][1];
	return menu;
}

static int cmp_files_by_menu(const void *a, const void *b)
{
	const struct applet_file *x = a, *y = b;
	int c = strcmp(x->menu, y->menu);
	return c ? c : strcmp(x->base, y->base);
}

static void gen_kconfig(const char *out, const char *top)
{
	struct str b = { 0 };
	char *text = read_file(top);

	sadd(&b, "# Generated from %s and the applet files. Do not edit.\n", top);
	sadd(&b, "%s\n", text);
	for (int i = 0; i < nfiles; i++) {
		if (i == 0 || strcmp(files[i].menu, files[i - 1].menu))
			sadd(&b, "menu \"%s\"\n\n", menu_title(files[i].menu));
		sadd(&b, "# %s\n%s\n", files[i].path, files[i].kconfig);
		if (i == nfiles - 1 || strcmp(files[i].menu, files[i + 1].menu))
			sadd(&b, "endmenu\n\n");
	}
	write_if_changed(out, &b);
}

static int file_enabled(const struct applet_file *f)
{
	for (int i = 0; i < f->napplets; i++)
		if (is_on_str(f->applets[i].config))
			return 1;
	return 0;
}

/* Whether option ch exists in this build: present and not in a disabled {FEATURE}. */
static int option_built(const char *opts, char ch)
{
	struct optspec o;
	int kind, on = 1;

	while ((kind = optspec_next(&opts, &o)) != OPT_END) {
		if (kind == OPT_FEATURE)
			on = !o.len || is_on(o.text, o.len);
		else if (kind == OPT_OPTION && o.ch == ch && on)
			return 1;
	}
	return 0;
}

/* The name in FLAG_name and in the argument field: the letter, or the long name. */
static void option_name(const struct applet_file *f, const struct optspec *o, char *name,
			size_t size)
{
	if (o->ch && !isalnum(o->ch))
		die("%s: option characters must be letters or digits", f->path);
	if (o->ch) {
		snprintf(name, size, "%c", o->ch);
		return;
	}
	snprintf(name, size, "%.*s", (int)(strchr(o->longs, ')') - o->longs - 1), o->longs + 1);
	for (char *q = name; *q; q++)
		if (!isalnum(*q))
			*q = '_';
}

/* The option string as the run-time parser sees it: options of disabled features and
 * their group members removed. Writes the flags header into h. */
static char *gen_flags(const struct applet_file *f, struct str *h)
{
	struct str rt = { 0 }, off = { 0 }, fields = { 0 };
	struct optspec o;
	char name[64];
	int kind, bit = 0;

	sadd(h, "/* Generated from %s. Do not edit. */\n", f->path);
	sadd(&rt, "%s", "");
	/* Enabled options take the bits and argument slots first, in order, as the run-time
	 * parser counts them; disabled ones get FLAG 0 and their fields after. */
	for (int pass = 0; pass < 2; pass++) {
		const char *p = f->options, *start;
		int enabled = 1;
		for (;;) {
			while (*p == ' ')
				p++;
			start = p;
			kind = optspec_next(&p, &o);
			if (kind == OPT_END)
				break;
			if (kind < 0)
				die("%s: malformed option string near '%s'", f->path, start);
			if (kind == OPT_FEATURE)
				enabled = !o.len || is_on(o.text, o.len);
			if (kind == OPT_FEATURE || enabled != !pass)
				continue;
			if (kind == OPT_GROUP) {
				struct str g = { 0 };
				for (int i = 1; i < o.len; i++)
					if (option_built(f->options, o.text[i]))
						sadd(&g, "%c", o.text[i]);
				if (g.len > 1)
					sadd(&rt, "[%c%s]", o.text[0], g.s);
				free(g.s);
				continue;
			}
			if (kind != OPT_OPTION) {	/* ^ and ~X */
				sadd(&rt, "%.*s", (int)(p - start), start);
				continue;
			}
			option_name(f, &o, name, sizeof(name));
			if (pass == 0) {
				if (bit == 64)
					die("%s: more than 64 options", f->path);
				sadd(h, "#define FLAG_%s (1ULL << %d)\n", name, bit++);
				/* a space keeps a long-only option apart from the option before */
				sadd(&rt, "%s%.*s", o.ch ? "" : " ", (int)(p - start), start);
			} else {
				sadd(&off, "#define FLAG_%s 0\n", name);
			}
			if (o.type)
				sadd(&fields, "%s %s%s; ",
				     o.type == '#' ? "long" : o.type == '*' ? "char **" : "char *",
				     isdigit(name[0]) ? "opt" : "", name);
		}
	}
	sadd(h, "%s#define OPT_ARGS %s\n", off.s ? off.s : "", fields.s ? fields.s : "");
	sadd(h, "#define APPLET_GLOBALS %s_globals\n", f->base);
	free(off.s);
	free(fields.s);
	return rt.s;
}

static void c_string(struct str *b, const char *s, size_t n)
{
	sadd(b, "\"");
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];
		if (c == '\n')
			sadd(b, "\\n\"\n\t\"");
		else if (c == '\t')
			sadd(b, "\\t");
		else if (c == '"' || c == '\\')
			sadd(b, "\\%c", c);
		else if (c < 32 || c > 126)
			sadd(b, "\\%03o", c);
		else
			sadd(b, "%c", c);
	}
	sadd(b, "\"");
}

/* The usage text of a file as this build prints it: lines tagged {FEATURE_X} are
 * kept (untagged) only when FEATURE_X is on. */
static char *filtered_usage(const struct applet_file *f, int verbose)
{
	struct str b = { 0 };
	sadd(&b, "%s", f->synopsis);
	if (!verbose || !*f->usage)
		return b.s;
	sadd(&b, "\n\n");
	for (const char *l = f->usage; *l;) {
		const char *nl = strchr(l, '\n');
		size_t n = nl ? (size_t)(nl - l) : strlen(l);
		if (*l == '{') {
			const char *close = memchr(l, '}', n);
			if (!close)
				die("%s: usage line with unclosed {", f->path);
			if (is_on(l + 1, close - l - 1))
				sadd(&b, "%.*s\n", (int)(n - (close + 1 - l)), close + 1);
		} else {
			sadd(&b, "%.*s\n", (int)n, l);
		}
		l += n + !!nl;
	}
	if (b.len && b.s[b.len - 1] == '\n')
		b.s[--b.len] = 0;
	return b.s;
}

struct entry {
	const struct applet_line *a;
	const struct applet_file *f;
	int file_index;
};

static int cmp_entries(const void *x, const void *y)
{
	return strcmp(((const struct entry *)x)->a->name, ((const struct entry *)y)->a->name);
}

/* The directories applets install to; the binary gets this list as install_dirs[]. */
static const char *const install_dirs[] = { "/bin", "/sbin", "/usr/bin", "/usr/sbin" };

static int dir_index(const char *dir, const char *path)
{
	for (int i = 0; i < 4; i++)
		if (!strcmp(install_dirs[i], dir))
			return i;
	die("%s: install directory must be /bin, /sbin, /usr/bin or /usr/sbin", path);
}

static void gen_build(const char *gendir)
{
	struct str names = { 0 }, opts = { 0 }, usage = { 0 }, objs = { 0 },
		   links = { 0 }, decls = { 0 };
	struct entry *e = NULL;
	int n = 0, nused = 0;
	int *opt_off = calloc(nfiles, sizeof(int)), *usage_idx = calloc(nfiles, sizeof(int));
	char path[4096];
	int show = is_on_str("SHOW_USAGE"), verbose = is_on_str("FEATURE_VERBOSE_USAGE");

	sadd(&objs, "# Generated from .config. Do not edit.\nAPPLET_OBJS :=");
	for (int i = 0; i < nfiles; i++) {
		struct applet_file *f = &files[i];
		struct str h = { 0 };
		char *rt;

		if (!file_enabled(f))
			continue;
		sadd(&objs, " \\\n\t%.*s.o", (int)(strlen(f->path) - 2), f->path);
		for (int j = 0; j < nparts; j++)
			if (!strcmp(parts[j].owner, f->path))
				sadd(&objs, " \\\n\t%.*s.o", (int)(strlen(parts[j].path) - 2),
				     parts[j].path);
		rt = f->options ? gen_flags(f, &h) : NULL;
		if (!rt) {
			sadd(&h, "/* Generated from %s. Do not edit. */\n", f->path);
			sadd(&h, "#define OPT_ARGS\n#define APPLET_GLOBALS %s_globals\n", f->base);
		}
		snprintf(path, sizeof(path), "%s/flags/%s.h", gendir, f->base);
		write_if_changed(path, &h);
		free(h.s);
		opt_off[i] = -1;
		if (rt) {
			opt_off[i] = opts.len;
			sadd(&opts, "%s", rt);
			opts.len++;	/* keep the NUL as separator */
			sadd(&opts, "%s", "");
		}
		usage_idx[i] = nused++;
		if (show) {
			char *u = filtered_usage(f, verbose);
			c_string(&usage, u, strlen(u) + 1);
			sadd(&usage, "\n\t");
			free(u);
		}
		if (f->has_globals)
			sadd(&decls, "extern const struct applet_globals %s_globals;\n", f->base);
		for (int j = 0; j < f->napplets; j++) {
			if (!is_on_str(f->applets[j].config))
				continue;
			e = xrealloc(e, (n + 1) * sizeof(*e));
			e[n++] = (struct entry){ &f->applets[j], f, i };
			sadd(&decls, "int %s(int argc, char **argv);\n", f->applets[j].main_fn);
		}
	}
	qsort(e, n, sizeof(*e), cmp_entries);
	for (int i = 0; i < n; i++) {
		if (i && !strcmp(e[i].a->name, e[i - 1].a->name))
			die("applet %s is defined twice", e[i].a->name);
		sadd(&names, "%s", e[i].a->name);
		names.len++;	/* keep the NUL as separator */
		sadd(&names, "%s", "");
		sadd(&links, "%s/%s\n", e[i].a->dir + 1, e[i].a->name);
	}
	if (names.len > 0xfff0 || opts.len > 0xfff0)
		die("applet table offsets overflow 16 bits");

	struct str out = { 0 };
	sadd(&out, "/* Generated from the applet files and .config. Do not edit. */\n");
	sadd(&out, "#include \"libbb.h\"\n\n%s\n", decls.s ? decls.s : "");
	sadd(&out, "const struct applet applets[] = {\n");
	size_t name_off = 0;
	for (int i = 0; i < n; i++) {
		int fi = e[i].file_index;
		sadd(&out, "\t{ %s, ", e[i].a->main_fn);
		if (e[i].f->has_globals)
			sadd(&out, "&%s_globals, ", e[i].f->base);
		else
			sadd(&out, "NULL, ");
		sadd(&out, "%zu, ", name_off);
		name_off += strlen(e[i].a->name) + 1;
		if (opt_off[fi] < 0)
			sadd(&out, "OPTS_NONE, ");
		else
			sadd(&out, "%d, ", opt_off[fi]);
		sadd(&out, "%d, %d, %s, %s, %d },\n", usage_idx[fi],
		     dir_index(e[i].a->dir, e[i].f->path), e[i].a->kind, e[i].a->suid,
		     e[i].a->errexit);
	}
	sadd(&out, "%s};\nconst unsigned applet_count = %d;\n\n", n ? "" : "\t{ 0 }\n", n);
	sadd(&out, "const char *const install_dirs[] = { ");
	for (int i = 0; i < 4; i++)
		sadd(&out, "\"%s\", ", install_dirs[i]);
	sadd(&out, "};\n\nconst char applet_names[] = ");
	c_string(&out, names.s ? names.s : "", names.len);
	sadd(&out, ";\n\nconst char applet_opts[] = ");
	c_string(&out, opts.s ? opts.s : "", opts.len);
	sadd(&out, ";\n\nconst char usage_texts[] =\n\t%s\"\";\n", usage.s ? usage.s : "");
	snprintf(path, sizeof(path), "%s/applet_table.c", gendir);
	write_if_changed(path, &out);

	sadd(&objs, "\n");
	snprintf(path, sizeof(path), "%s/objs.mk", gendir);
	write_if_changed(path, &objs);
	snprintf(path, sizeof(path), "%s/busybox.links", gendir);
	write_if_changed(path, &links);
}

/* Documentation: one section per enabled applet, in name order. */
static void gen_docs(const char *outbase)
{
	struct str man = { 0 }, html = { 0 }, txt = { 0 };
	struct entry *e = NULL;
	int n = 0;
	char path[4096];

	for (int i = 0; i < nfiles; i++)
		for (int j = 0; j < files[i].napplets; j++)
			if (is_on_str(files[i].applets[j].config)) {
				e = xrealloc(e, (n + 1) * sizeof(*e));
				e[n++] = (struct entry){ &files[i].applets[j], &files[i], i };
			}
	qsort(e, n, sizeof(*e), cmp_entries);
	sadd(&man, ".TH BUSYBOX 1\n.SH NAME\nbusybox \\- multi-call binary of Unix commands\n"
		   ".SH SYNOPSIS\n.B busybox\n[\\fIapplet\\fR [\\fIarguments\\fR...]]\n.br\n"
		   ".I applet\n[\\fIarguments\\fR...]\n.SH DESCRIPTION\n"
		   "One executable that is many commands: it acts as the applet named by its\n"
		   "first argument, or by the name it was invoked under.\n.SH COMMANDS\n");
	sadd(&html, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
		    "<title>busybox commands</title></head><body>\n<h1>busybox commands</h1>\n<p>");
	for (int i = 0; i < n; i++)
		sadd(&html, "<a href=\"#%s\">%s</a> ", e[i].a->name, e[i].a->name);
	sadd(&html, "</p>\n");
	sadd(&txt, "busybox: one executable that is many commands.\n\nCommands:\n\n");
	for (int i = 0; i < n; i++) {
		char *u = filtered_usage(e[i].f, 1);
		sadd(&txt, "%s %s\n\n", e[i].a->name, u);
		sadd(&man, ".SS %s\n.nf\n%s ", e[i].a->name, e[i].a->name);
		sadd(&html, "<h2 id=\"%s\">%s</h2>\n<pre>%s ", e[i].a->name, e[i].a->name,
		     e[i].a->name);
		for (const char *s = u; *s; s++) {
			if (*s == '\\')
				sadd(&man, "\\e");
			else if (*s == '.' && (s == u || s[-1] == '\n'))
				sadd(&man, "\\&.");
			else
				sadd(&man, "%c", *s);
			if (*s == '<')
				sadd(&html, "&lt;");
			else if (*s == '>')
				sadd(&html, "&gt;");
			else if (*s == '&')
				sadd(&html, "&amp;");
			else
				sadd(&html, "%c", *s);
		}
		sadd(&man, "\n.fi\n");
		sadd(&html, "</pre>\n");
		free(u);
	}
	sadd(&html, "</body></html>\n");
	snprintf(path, sizeof(path), "%s.1", outbase);
	write_if_changed(path, &man);
	snprintf(path, sizeof(path), "%s.html", outbase);
	write_if_changed(path, &html);
	snprintf(path, sizeof(path), "%s.txt", outbase);
	write_if_changed(path, &txt);
}

int main(int argc, char **argv)
{
	if (argc < 4)
		die("usage: gen_applets kconfig|build|docs OUT CONFIG FILE.c...");
	for (int i = 4; i < argc; i++)
		parse_file(argv[i]);
	qsort(files, nfiles, sizeof(*files), cmp_files_by_menu);
	if (!strcmp(argv[1], "kconfig")) {
		gen_kconfig(argv[2], argv[3]);
		return 0;
	}
	read_config(argv[3]);
	if (!strcmp(argv[1], "build")) {
		char path[4096];
		snprintf(path, sizeof(path), "%s/flags", argv[2]);
		mkdir(argv[2], 0777);
		mkdir(path, 0777);
		gen_build(argv[2]);
	} else if (!strcmp(argv[1], "docs")) {
		gen_docs(argv[2]);
	} else {
		die("unknown mode %s", argv[1]);
	}
	return 0;
}
