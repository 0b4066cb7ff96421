/* du: estimate file space usage. POSIX du plus the GNU options scripts use: -h -m -c
 * -d/--max-depth -b --apparent-size -B -0, 1K blocks by default (512 with
 * POSIXLY_CORRECT, unless -k), hard links counted once, every operand counted once.
 * Deviation: -h, -k, -m, -b and -B are "last one wins" as a group, so -bh is -h without
 * --apparent-size (GNU keeps the apparent sizes of -b).
 */

/*== applet
applet du /usr/bin
options a(all)s(summarize)c(total)d(max-depth)#<0,> x(one-file-system)L(dereference)H(dereference-args)[-LH] l(count-links) h(human-readable)k m b(bytes)B(block-size):[-hkmbB] (apparent-size) 0(null)
config DU
	bool "du"
	default y
	help
	  Show how much disk space files and directories use.
usage [-ascxLHlhkmb0] [-d N] [-B SIZE] [FILE]...
Show the disk space used by each FILE (the current directory if none) and, for
directories, everything in them.

	-a	Show files too, not only directories
	-s	Show only a total for each FILE
	-c	Show a grand total
	-d N	Show directories at most N levels below FILE (--max-depth)
	-x	Stay on the file systems of the FILEs
	-L	Follow every symlink
	-H	Follow symlinks named on the command line
	-l	Count hard-linked files each time they are seen
	-h	Sizes in K, M, G...
	-k	1K blocks (the default unless POSIXLY_CORRECT)
	-m	1M blocks
	-b	Apparent sizes in bytes (--apparent-size -B 1)
	-B SIZE	Blocks of SIZE bytes (1K, M, 1MB...)
	--apparent-size	File sizes, not the space they use
	-0	End lines with NUL, not newline
==*/

#include "libbb.h"
#include "flags/du.h"

GLOBALS(
	int status;
	unsigned long long block;	/* 0: -h */
	const char *suffix;		/* printed after numbers for -B M and the like */
	long max_depth;			/* -1: unlimited */
	bool apparent;
	bool hash_all;			/* several operands: each directory counted once */
	bool entered;			/* the last callback announced a directory */
	dev_t root_dev;
	unsigned long long *sums;	/* per depth: the directories being walked */
	size_t nsums;
	unsigned long long total;
	struct { dev_t dev; ino_t ino; } *seen;	/* open-addressed set of files counted */
	size_t nseen, seen_cap;
);

static size_t seen_slot(dev_t dev, ino_t ino)
{
	unsigned long long h = (unsigned long long)ino * 0x9E3779B97F4A7C15ULL ^ dev;

	return (size_t)(h ^ h >> 29) & (G.seen_cap - 1);
}

/* True if dev/ino was counted already; records it otherwise. */
static bool seen_before(dev_t dev, ino_t ino)
{
	size_t i;

	if (2 * (G.nseen + 1) > G.seen_cap) {
		size_t old_cap = G.seen_cap;
		__typeof__(G.seen) old = G.seen;
		G.seen_cap = old_cap ? 2 * old_cap : 64;
		G.seen = xmalloc(G.seen_cap * sizeof(*G.seen));
		for (i = 0; i < G.seen_cap; i++)
			G.seen[i].ino = 0, G.seen[i].dev = 0;
		G.nseen = 0;
		for (i = 0; i < old_cap; i++)
			if (old[i].ino || old[i].dev)
				seen_before(old[i].dev, old[i].ino);
		free(old);
	}
	for (i = seen_slot(dev, ino); G.seen[i].ino || G.seen[i].dev;
	     i = (i + 1) & (G.seen_cap - 1))
		if (G.seen[i].dev == dev && G.seen[i].ino == ino)
			return true;
	G.seen[i].dev = dev;
	G.seen[i].ino = ino;
	G.nseen++;
	return false;
}

static void print_size(unsigned long long bytes, const char *path)
{
	char buf[HUMAN_BUFSIZE];

	if (!G.block)
		fputs(human_readable(bytes, buf), stdout);
	else
		printf("%llu%s", bytes / G.block + (bytes % G.block != 0), G.suffix);
	printf("\t%s%c", path, FLAG(0) ? '\0' : '\n');
}

static unsigned long long usage_of(const struct stat *st)
{
	return G.apparent ? (unsigned long long)(st->st_size > 0 ? st->st_size : 0) :
		(unsigned long long)st->st_blocks * 512;
}

static unsigned long long *sum_at(int depth)
{
	if ((size_t)depth >= G.nsums) {
		G.nsums = depth + 16;
		G.sums = xrealloc(G.sums, G.nsums * sizeof(*G.sums));
	}
	return &G.sums[depth];
}

/* A directory is done (walked, or could not be read): add it up and show it. */
static void dir_done(struct walk *w)
{
	unsigned long long n = *sum_at(w->depth);

	if (w->depth > 0)
		*sum_at(w->depth - 1) += n;
	else
		G.total += n;
	if (G.max_depth < 0 || w->depth <= G.max_depth)
		print_size(n, w->path);
}

static int du_visit(struct walk *w)
{
	bool entered = G.entered;

	G.entered = false;
	if (w->kind == WALK_ERROR) {
		errno = w->err;
		if (entered) {
			bb_perror_msg("cannot read directory '%s'", w->path);
			dir_done(w);
		} else {
			bb_perror_msg("cannot access '%s'", w->path);
		}
		G.status = 1;
		return WALK_CONTINUE;
	}
	if (w->kind == WALK_DIR_POST) {
		dir_done(w);
		return WALK_CONTINUE;
	}
	if (FLAG(L) && S_ISLNK(w->st.st_mode)) {
		/* dangling: reported without a reason, as GNU does */
		bb_error_msg("cannot access '%s'", w->path);
		G.status = 1;
		return WALK_CONTINUE;
	}
	if (w->depth == 0)
		G.root_dev = w->st.st_dev;
	else if (FLAG(x) && w->st.st_dev != G.root_dev)
		return WALK_SKIP;
	if (!FLAG(l) && (G.hash_all || (!S_ISDIR(w->st.st_mode) && w->st.st_nlink > 1)) &&
	    seen_before(w->st.st_dev, w->st.st_ino))
		return WALK_SKIP;
	if (w->kind == WALK_DIR_PRE) {
		*sum_at(w->depth) = usage_of(&w->st);
		G.entered = true;
		return WALK_CONTINUE;
	}
	if (w->depth > 0)
		*sum_at(w->depth - 1) += usage_of(&w->st);
	else
		G.total += usage_of(&w->st);
	if (w->depth == 0 || (FLAG(a) && (G.max_depth < 0 || w->depth <= G.max_depth)))
		print_size(usage_of(&w->st), w->path);
	return WALK_CONTINUE;
}

int du_main(int argc, char **argv)
{
	unsigned flags = WALK_POSTORDER;
	char *dot[] = { (char *)".", NULL };

	G.suffix = "";
	G.block = getenv("POSIXLY_CORRECT") ? 512 : 1024;
	G.apparent = FLAG(apparent_size) || FLAG(b);
	G.max_depth = FLAG(d) ? G.d : -1;
	if (FLAG(s)) {
		if (FLAG(d) && G.d != 0) {
			bb_error_msg("warning: summarizing conflicts with --max-depth=%ld", G.d);
			bb_show_usage();
		}
		if (FLAG(d))
			bb_error_msg("warning: summarizing is the same as using --max-depth=0");
		G.max_depth = 0;
	}
	if (FLAG(k))
		G.block = 1024;
	else if (FLAG(m))
		G.block = 1024 * 1024;
	else if (FLAG(b))
		G.block = 1;
	else if (FLAG(h))
		G.block = 0;
	else if (FLAG(B))
		G.block = xparse_block_size(G.B, &G.suffix);
	if (FLAG(L))
		flags |= WALK_FOLLOW_ALL;
	else if (FLAG(H))
		flags |= WALK_FOLLOW_ARGS;
	if (argc < 2) {
		argv = dot - 1;
		argc = 2;
	}
	G.hash_all = argc > 2 || FLAG(L);	/* as GNU: a directory reached twice counts once */
	for (int i = 1; i < argc; i++) {
		G.nsums = 0;
		G.entered = false;
		walk_tree(argv[i], flags, du_visit, NULL);
	}
	if (FLAG(c))
		print_size(G.total, "total");
	free(G.sums);
	free(G.seen);
	return G.status;
}
