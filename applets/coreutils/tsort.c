/* tsort: topological sort of a relation given as pairs of tokens. POSIX tsort, with
 * the order and the loop reports of GNU coreutils: nodes without predecessors in byte
 * order, then successors as they become free; a loop is reported on stderr, member by
 * member, and broken by dropping one of its pairs, and the exit status is 1.
 * Tokens are separated by spaces, tabs and newlines and may hold any other byte.
 */

/*== applet
applet tsort /usr/bin
options
config TSORT
	bool "tsort"
	default y
	help
	  Print a total order that agrees with a partial order given as pairs.
usage [FILE]
Print the items of FILE (standard input if none, or -) so that for each pair of
items "A B" in it, A comes before B. A pair "A A" just names an item.
==*/

#include "libbb.h"
#include "flags/tsort.h"

#define NONE ((size_t)-1)

struct node {
	char *s;
	size_t len;
	size_t count;	/* predecessors not yet printed */
	size_t top;	/* the first of its edges, the latest added */
	size_t link;	/* the next node on the loop search path */
	bool done;
};

struct edge {
	size_t to;
	size_t next;
};

GLOBALS(
	struct node *nodes;
	size_t n, cap;
	size_t *hash;	/* open addressing: node index or NONE */
	size_t hcap;
	struct edge *edges;
	size_t nedges, ecap;
	size_t *queue;
	size_t head, tail;
	size_t path;	/* the start of the loop search path, or NONE */
);

static size_t hash_of(const char *s, size_t len)
{
	size_t h = 2166136261u;

	while (len--)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static void rehash(void)
{
	size_t cap = G.hcap ? G.hcap * 2 : 64;

	free(G.hash);
	G.hash = xmalloc(cap * sizeof(*G.hash));
	memset(G.hash, 0xff, cap * sizeof(*G.hash));
	G.hcap = cap;
	for (size_t i = 0; i < G.n; i++) {
		size_t h = hash_of(G.nodes[i].s, G.nodes[i].len) & (cap - 1);
		while (G.hash[h] != NONE)
			h = (h + 1) & (cap - 1);
		G.hash[h] = i;
	}
}

static size_t node_of(const char *s, size_t len)
{
	size_t h;
	struct node *nd;

	if (2 * (G.n + 1) > G.hcap)
		rehash();
	h = hash_of(s, len) & (G.hcap - 1);
	for (; G.hash[h] != NONE; h = (h + 1) & (G.hcap - 1)) {
		nd = &G.nodes[G.hash[h]];
		if (nd->len == len && !memcmp(nd->s, s, len))
			return G.hash[h];
	}
	if (G.n == G.cap)
		G.nodes = xrealloc(G.nodes, (G.cap = G.cap * 2 + 16) * sizeof(*G.nodes));
	nd = &G.nodes[G.n];
	nd->s = xmalloc(len + 1);
	memcpy(nd->s, s, len);
	nd->len = len;
	nd->count = 0;
	nd->top = NONE;
	nd->link = NONE;
	nd->done = false;
	G.hash[h] = G.n;
	return G.n++;
}

static void add_edge(size_t from, size_t to)
{
	if (from == to)
		return;
	if (G.nedges == G.ecap)
		G.edges = xrealloc(G.edges, (G.ecap = G.ecap * 2 + 16) * sizeof(*G.edges));
	G.edges[G.nedges].to = to;
	G.edges[G.nedges].next = G.nodes[from].top;
	G.nodes[from].top = G.nedges++;
	G.nodes[to].count++;
}

/* Read the pairs; false if the number of tokens is odd. */
static bool read_pairs(FILE *in)
{
	char *tok = NULL;
	size_t len = 0, cap = 0, first = NONE;
	int c;

	do {
		c = getc(in);
		if (c == EOF || c == ' ' || c == '\t' || c == '\n') {
			if (len) {
				size_t i = node_of(tok, len);
				if (first == NONE) {
					first = i;
				} else {
					add_edge(first, i);
					first = NONE;
				}
				len = 0;
			}
			continue;
		}
		if (len == cap)
			tok = xrealloc(tok, cap = cap * 2 + 32);
		tok[len++] = c;
	} while (c != EOF);
	free(tok);
	return first == NONE;
}

static int by_name(const void *a, const void *b)
{
	const struct node *x = &G.nodes[*(const size_t *)a], *y = &G.nodes[*(const size_t *)b];
	int c = memcmp(x->s, y->s, x->len < y->len ? x->len : y->len);

	return c ? c : (x->len > y->len) - (x->len < y->len);
}

static void print_node(size_t i, FILE *out)
{
	fwrite(G.nodes[i].s, 1, G.nodes[i].len, out);
	putc('\n', out);
}

/* Report the loop on the search path from G.path to k, and drop the pair k -> G.path
 * (*prev is the link to that edge). */
static void report_loop(size_t k, size_t *prev)
{
	size_t e = *prev, i = G.path;

	fflush(stdout);
	for (;;) {
		size_t next = G.nodes[i].link;
		fprintf(stderr, "%s: ", applet_name);
		print_node(i, stderr);
		if (i == k)
			break;
		G.nodes[i].link = NONE;
		i = next;
	}
	G.nodes[G.edges[e].to].count--;
	*prev = G.edges[e].next;
	while (i != NONE) {
		size_t next = G.nodes[i].link;
		G.nodes[i].link = NONE;
		i = next;
	}
	G.path = NONE;
}

/* One pass over the nodes left, in name order, growing a path backwards along the
 * pairs until it closes; true when a loop was found and broken. */
static bool find_loop(const size_t *order)
{
	for (size_t o = 0; o < G.n; o++) {
		size_t k = order[o], *prev;
		if (G.nodes[k].done || !G.nodes[k].count)
			continue;
		if (G.path == NONE) {
			G.path = k;
			continue;
		}
		for (prev = &G.nodes[k].top; *prev != NONE; prev = &G.edges[*prev].next) {
			if (G.edges[*prev].to != G.path)
				continue;
			if (G.nodes[k].link != NONE) {
				report_loop(k, prev);
				return true;
			}
			G.nodes[k].link = G.path;
			G.path = k;
			break;
		}
	}
	return false;
}

static void push_free_nodes(const size_t *order)
{
	for (size_t o = 0; o < G.n; o++)
		if (!G.nodes[order[o]].done && !G.nodes[order[o]].count)
			G.queue[G.tail++] = order[o];
}

/* Returns true if there was a loop. */
static bool sort_nodes(const char *name)
{
	size_t *order = xmalloc((G.n + 1) * sizeof(*order)), left = G.n;
	bool loop = false;

	for (size_t i = 0; i < G.n; i++)
		order[i] = i;
	qsort(order, G.n, sizeof(*order), by_name);
	G.queue = xmalloc((G.n + 1) * sizeof(*G.queue));
	G.path = NONE;
	push_free_nodes(order);
	while (left) {
		while (G.head < G.tail) {
			size_t i = G.queue[G.head++];
			print_node(i, stdout);
			G.nodes[i].done = true;
			left--;
			for (size_t e = G.nodes[i].top; e != NONE; e = G.edges[e].next)
				if (--G.nodes[G.edges[e].to].count == 0)
					G.queue[G.tail++] = G.edges[e].to;
		}
		if (!left)
			break;
		char *q = xmalloc_quote_name(name);
		bb_error_msg("%s: input contains a loop:", q);
		free(q);
		loop = true;
		while (!find_loop(order) && G.path != NONE)
			continue;
		push_free_nodes(order);
	}
	free(order);
	return loop;
}

int tsort_main(int argc, char **argv)
{
	const char *name = argc > 1 ? argv[1] : "-";
	FILE *in;
	int status = 0;

	need_operands(argc, argv, 0, 1);
	in = fopen_or_warn_stdin(name);
	if (!in)
		return 1;
	if (!read_pairs(in)) {
		char *q = xmalloc_quote_name(name);
		fclose_if_not_stdin(in, name);
		bb_error_msg("%s: input contains an odd number of tokens", q);
		free(q);
		return 1;
	}
	if (fclose_if_not_stdin(in, name))
		status = 1;
	if (sort_nodes(name))
		status = 1;
	for (size_t i = 0; i < G.n; i++)
		free(G.nodes[i].s);
	free(G.nodes);
	free(G.hash);
	free(G.edges);
	free(G.queue);
	return status;
}
