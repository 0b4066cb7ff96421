/* fmt: fill and join paragraphs of text.
 * GNU fmt (-w -g -s -u -p -c -t, -WIDTH): lines of one indentation make a paragraph
 * (with -c and -t the first line may differ), blank lines and lines without the -p
 * prefix are copied, and each paragraph's line breaks are chosen as GNU does, to
 * minimise a cost that favours lines near the goal width (93% of the width), even
 * lengths and breaks after sentences. Columns are bytes (the C locale).
 * Deviation: with -s or -t a line may now and then break a word earlier or later
 * than GNU's (its carry-over of the previous line's length is not reproduced there).
 */

/*== applet
applet fmt /usr/bin
options c(crown-margin)p(prefix):s(split-only)t(tagged-paragraph)u(uniform-spacing)w(width):g(goal): ~w
config FMT
	bool "fmt"
	default y
	help
	  Fill and join the lines of paragraphs to a width.
usage [-cstu] [-w WIDTH] [-g GOAL] [-p PREFIX] [FILE]...
Fill the paragraphs of each FILE (standard input if none, or -) to 75 columns.

	-w WIDTH	Lines at most WIDTH columns (-WIDTH is the same)
	-g GOAL	Aim at GOAL columns (default 93% of WIDTH)
	-c	Crown margin: the first two lines' indentations are kept
	-t	Tagged: the first line's indentation differs from the second's
	-s	Split long lines only, never join short ones
	-u	One space between words, two after sentences
	-p PREFIX	Only lines starting with PREFIX, which is kept
==*/

#include "libbb.h"
#include "flags/fmt.h"

typedef long long cost_t;
#define EQUIV(n) ((cost_t)(n) * (n))
#define SHORT_COST(n) EQUIV((n) * 10)
#define RAGGED_COST(n) (SHORT_COST(n) / 2)
#define LINE_COST EQUIV(70)
#define WIDOW_COST(n) (EQUIV(200) / ((n) + 2))
#define ORPHAN_COST(n) (EQUIV(150) / ((n) + 2))
#define SENTENCE_BONUS EQUIV(50)
#define NOBREAK_COST EQUIV(600)
#define PAREN_BONUS EQUIV(40)
#define PUNCT_BONUS EQUIV(40)

struct word {
	size_t text;		/* offset in G.text */
	int length, space;
	bool paren, period, punct, final;
	int line_length;
	cost_t best;
	struct word *next_break;
};

/* One input line, split into its prefix, indentation and words. */
struct line {
	char *buf;
	size_t cap, len;
	int prefix_indent;	/* column of the prefix */
	int indent;		/* column of the first word */
	bool has_prefix;
	bool blank;
	bool tab;		/* a tab in the indentation */
};

GLOBALS(
	int width, goal;
	const char *prefix;
	size_t prefix_len;
	struct word *words;
	size_t nwords, cap;
	char *text;		/* the paragraph's words */
	size_t text_len, text_cap;
	bool tabs;		/* space with tabs: the input did */
	int out_column;
	int last_line_length;
	int first_indent, other_indent, prefix_indent;
	FILE *in;
	struct line next;	/* the line read ahead */
	bool have_next;
);

static bool read_line(struct line *l)
{
	ssize_t n = getline(&l->buf, &l->cap, G.in);
	size_t i = 0;
	int col = 0;

	if (n < 0)
		return false;
	l->len = n;
	if (n && l->buf[n - 1] == '\n')
		l->buf[--n] = '\0';
	l->tab = false;
	while (l->buf[i] == ' ' || l->buf[i] == '\t') {
		l->tab |= l->buf[i] == '\t';
		col = l->buf[i++] == '\t' ? col + 8 - col % 8 : col + 1;
	}
	l->prefix_indent = G.prefix_len ? col : 0;
	l->has_prefix = !strncmp(l->buf + i, G.prefix, G.prefix_len);
	if (l->has_prefix) {
		i += G.prefix_len;
		col += G.prefix_len;
		while (l->buf[i] == ' ' || l->buf[i] == '\t') {
			l->tab |= l->buf[i] == '\t';
			col = l->buf[i++] == '\t' ? col + 8 - col % 8 : col + 1;
		}
	}
	l->indent = col;
	l->blank = l->buf[i] == '\0';
	l->len = i;	/* where the words start */
	return true;
}

static void add_words(struct line *l)
{
	char *p = l->buf + l->len;
	int col = l->indent;

	G.tabs |= strchr(p, '\t') != NULL;
	while (*p) {
		struct word *w;
		char *start = p;
		if (G.nwords == G.cap) {
			G.cap = G.cap ? 2 * G.cap : 64;
			G.words = xrealloc(G.words, (G.cap + 1) * sizeof(*G.words));
		}
		w = &G.words[G.nwords++];
		memset(w, 0, sizeof(*w));
		while (*p && *p != ' ' && *p != '\t')
			p++;
		w->length = p - start;
		if (G.text_cap - G.text_len < (size_t)w->length) {
			G.text_cap = 2 * G.text_cap + w->length;
			G.text = xrealloc(G.text, G.text_cap);
		}
		memcpy(G.text + G.text_len, start, w->length);
		w->text = G.text_len;
		G.text_len += w->length;
		col += w->length;
		w->paren = strchr("(['`\"", *start) != NULL;
		const char *e = p;
		while (e > start && strchr(")]'\"", e[-1]))
			e--;
		w->period = e > start && strchr(".?!", e[-1]);
		w->punct = ispunct((unsigned char)p[-1]);
		int space_start = col;
		while (*p == ' ' || *p == '\t')
			col = *p++ == '\t' ? col + 8 - col % 8 : col + 1;
		w->space = col - space_start;
		w->final = w->period && (!*p || w->space > 1);
		if (!*p || FLAG(u))
			w->space = w->final ? 2 : 1;
	}
}

static cost_t base_cost(struct word *w)
{
	cost_t cost = LINE_COST;

	if (w > G.words) {
		if (w[-1].period) {
			if (w[-1].final)
				cost -= SENTENCE_BONUS;
			else
				cost += NOBREAK_COST;
		} else if (w[-1].punct) {
			cost -= PUNCT_BONUS;
		} else if (w > G.words + 1 && w[-2].final) {
			cost += WIDOW_COST(w[-1].length);
		}
	}
	if (w->paren)
		cost -= PAREN_BONUS;
	else if (w->final)
		cost += ORPHAN_COST(w->length);
	return cost;
}

static cost_t line_cost(struct word *next, int len)
{
	struct word *limit = G.words + G.nwords;
	cost_t cost;

	if (next == limit)
		return 0;
	cost = SHORT_COST(G.goal - len);
	if (next->next_break != limit)
		cost += RAGGED_COST(len - next->line_length);
	return cost;
}

/* GNU's dynamic programme: the best breaks from each word to the end. */
static void fill(void)
{
	struct word *limit = G.words + G.nwords;

	limit->length = G.width;	/* a sentinel, too long to join */
	limit->next_break = NULL;
	limit->best = 0;
	for (struct word *start = limit - 1; start >= G.words; start--) {
		cost_t best = LLONG_MAX;
		struct word *w = start;
		int len = (start == G.words ? G.first_indent : G.other_indent) + w->length;
		do {
			w++;
			cost_t c = line_cost(w, len) + w->best;
			if (start == G.words && G.last_line_length > 0)
				c += RAGGED_COST(len - G.last_line_length);
			if (c < best) {
				best = c;
				start->next_break = w;
				start->line_length = len;
			}
			if (w == limit)
				break;
			len += w[-1].space + w->length;
		} while (len < G.width);
		start->best = best + base_cost(start);
	}
}

/* Move the output on by space columns; with tabs if the input had any, as GNU. */
static void put_space(int space)
{
	int target = G.out_column + space;

	if (G.tabs && G.out_column + 1 < target / 8 * 8)
		while (G.out_column < target / 8 * 8) {
			putchar('\t');
			G.out_column = (G.out_column / 8 + 1) * 8;
		}
	for (; G.out_column < target; G.out_column++)
		putchar(' ');
}

static void output_paragraph(void)
{
	struct word *limit = G.words + G.nwords;
	int indent = G.first_indent;

	if (!G.nwords)
		return;
	fill();
	for (struct word *w = G.words; w < limit; indent = G.other_indent) {
		struct word *end = w->next_break;
		G.out_column = 0;
		put_space(G.prefix_indent);
		fputs(G.prefix, stdout);
		G.out_column += G.prefix_len;
		put_space(indent - G.out_column);
		for (; w < end; w++) {
			fwrite(G.text + w->text, 1, w->length, stdout);
			G.out_column += w->length;
			if (w + 1 < end)
				put_space(w->space);
		}
		putchar('\n');
		G.last_line_length = w[-1].line_length;
	}
	G.last_line_length = 0;
	G.nwords = 0;
	G.text_len = 0;
}

/* Lines that go on the current paragraph: same prefix column, not blank. */
static bool continues(const struct line *l)
{
	return l->has_prefix && !l->blank && l->prefix_indent == G.prefix_indent;
}

static void fmt_file(FILE *in)
{
	struct line cur = { 0 };
	struct line tmp;

	G.in = in;
	G.have_next = read_line(&G.next);
	while (G.have_next) {
		tmp = cur;
		cur = G.next;
		G.next = tmp;
		G.have_next = read_line(&G.next);
		if (!cur.has_prefix || cur.blank) {
			/* copied: a blank line loses its blanks, as in GNU */
			if (cur.blank && cur.has_prefix && G.prefix_len &&
			    cur.buf[strspn(cur.buf, " \t")]) {
				G.out_column = 0;
				put_space(cur.prefix_indent);
				fputs(G.prefix, stdout);
				putchar('\n');
			} else if (cur.blank) {
				putchar('\n');
			} else {
				fputs(cur.buf, stdout);
				putchar('\n');
			}
			continue;
		}
		G.tabs |= cur.tab;
		G.prefix_indent = cur.prefix_indent;
		G.first_indent = cur.indent;
		G.other_indent = cur.indent;
		add_words(&cur);
		if (!FLAG(s)) {
			bool second = true;
			if (FLAG(t) && !(G.have_next && continues(&G.next) &&
					 G.next.indent != G.first_indent))
				G.other_indent = G.first_indent ? 0 : 3;	/* as GNU */
			while (G.have_next && continues(&G.next)) {
				if (FLAG(c) || FLAG(t)) {
					if (second) {
						if (FLAG(t) && G.next.indent == G.first_indent)
							break;
						G.other_indent = G.next.indent;
					} else if (G.next.indent != G.other_indent) {
						break;
					}
				} else if (G.next.indent != G.first_indent) {
					break;
				}
				second = false;
				tmp = cur;
				cur = G.next;
				G.next = tmp;
				G.tabs |= cur.tab;
				G.have_next = read_line(&G.next);
				add_words(&cur);
			}
		}
		output_paragraph();
	}
	free(cur.buf);
	free(G.next.buf);
	memset(&G.next, 0, sizeof(G.next));
}

static int parse_width(const char *s, const char *what)
{
	unsigned long long v;

	if (bb_strtoull(s, 10, NULL, 0, 2500, &v))
		bb_error_msg_and_die("invalid %s: '%s'", what, s);
	return v;
}

int fmt_main(int argc, char **argv)
{
	char *stdin_only[] = { (char *)"-", NULL };
	int status = 0;

	G.width = 75;
	if (FLAG(w))
		G.width = parse_width(G.w, "width");
	if (FLAG(g)) {
		G.goal = parse_width(G.g, "width");
		if (!FLAG(w))
			G.width = G.goal + 10;
	} else {
		G.goal = G.width * (2 * (100 - 7) + 1) / 200;
	}
	if (G.goal > G.width)
		bb_error_msg_and_die("invalid width: '%d'", G.goal);
	G.prefix = FLAG(p) ? G.p : "";
	G.prefix_len = strlen(G.prefix);
	for (argv = argc > 1 ? argv + 1 : stdin_only; *argv; argv++) {
		FILE *in = strcmp(*argv, "-") ? fopen(*argv, "r") : stdin;
		if (!in) {
			bb_perror_msg("cannot open '%s' for reading", *argv);
			status = 1;
			continue;
		}
		fmt_file(in);
		if (fclose_if_not_stdin(in, *argv))
			status = 1;
	}
	free(G.words);
	free(G.text);
	return status;
}
