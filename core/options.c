/* options.c: the declarative option parser driven by each applet's option string.
 * Grammar: docs/options.md. GNU conventions: bundling (-ab), attached or separate
 * arguments (-n5, -n 5), long options with unique abbreviations (--num=5, --num 5),
 * "--" ends options, "-" is an operand, operands may come before options unless the
 * string starts with ^ or POSIXLY_CORRECT is set.
 */
#include "libbb.h"
#include "optspec.h"

unsigned long long optflags;

struct opt_state {
	const char *opts;
	long *slots;
};

NORETURN static void bad_usage(const char *fmt, const char *what)
{
	bb_error_msg(fmt, what);
	bb_show_usage();
}

/* Find an option by short char (name == NULL) or long name (a unique prefix will do,
 * an exact match wins); gives its spec, flag bit and argument slot. Returns the
 * number of matches. */
static int find_opt(const char *opts, char ch, const char *name, size_t len,
		    struct optspec *found, int *bit, int *slot)
{
	struct optspec o;
	int kind, b = 0, s = 0, matches = 0;

	while ((kind = optspec_next(&opts, &o)) != OPT_END) {
		if (kind != OPT_OPTION)
			continue;
		if (name ? optspec_long_is(o.longs, name, len, 1) : o.ch == ch) {
			int exact = !name || optspec_long_is(o.longs, name, len, 0);
			if (exact || !matches++) {
				*found = o;
				*bit = b;
				*slot = s;
			}
			if (exact)
				return 1;
		}
		b++;
		s += !!o.type;
	}
	return matches;
}

/* "[-abc]": the option just seen clears the others of its group. */
static void apply_groups(struct opt_state *st, char ch)
{
	const char *p = st->opts;
	struct optspec o;
	int kind;

	while ((kind = optspec_next(&p, &o)) != OPT_END) {
		if (kind != OPT_GROUP || o.text[0] != '-' || !memchr(o.text + 1, ch, o.len - 1))
			continue;
		for (int i = 1; i < o.len; i++) {
			struct optspec m;
			int bit, slot;
			if (o.text[i] != ch && find_opt(st->opts, o.text[i], NULL, 0, &m, &bit, &slot))
				optflags &= ~(1ULL << bit);
		}
	}
}

static void check_exclusive(const char *opts)
{
	const char *p = opts;
	struct optspec o;
	int kind;

	while ((kind = optspec_next(&p, &o)) != OPT_END) {
		char first = 0;
		if (kind != OPT_GROUP || o.text[0] != '!')
			continue;
		for (int i = 1; i < o.len; i++) {
			struct optspec m;
			int bit, slot;
			if (!find_opt(opts, o.text[i], NULL, 0, &m, &bit, &slot) ||
			    !(optflags & (1ULL << bit)))
				continue;
			if (first) {
				bb_error_msg("options -%c and -%c are mutually exclusive", first,
					     o.text[i]);
				bb_show_usage();
			}
			first = o.text[i];
		}
	}
}

static void store_arg(struct opt_state *st, const struct optspec *o, int slot, char *arg,
		      const char *shown)
{
	long long n;

	if (o->type == '#') {
		if (bb_strtoll(arg, 10, NULL, o->lo, o->hi, &n))
			bb_error_msg_and_die("invalid number '%s' for %s", arg, shown);
		st->slots[slot] = (long)n;
	} else if (o->type == '*') {
		char **list = (char **)st->slots[slot];
		size_t count = 0;
		while (list && list[count])
			count++;
		list = xrealloc(list, (count + 2) * sizeof(*list));
		list[count] = arg;
		list[count + 1] = NULL;
		st->slots[slot] = (long)list;
	} else {
		st->slots[slot] = (long)arg;
	}
}

static void set_flag(struct opt_state *st, const struct optspec *o, int bit)
{
	optflags |= 1ULL << bit;
	if (o->ch)
		apply_groups(st, o->ch);
}

/* --name, --name=value, --name value. Returns how many argv entries it used. */
static int parse_long(struct opt_state *st, char **argv)
{
	char *name = argv[0] + 2, *eq = strchr(name, '=');
	size_t len = eq ? (size_t)(eq - name) : strlen(name);
	struct optspec o;
	int bit, slot, n = find_opt(st->opts, 0, name, len, &o, &bit, &slot);

	if (n == 0)
		bad_usage("unrecognized option '%s'", argv[0]);
	if (n > 1)
		bad_usage("option '%s' is ambiguous", argv[0]);
	set_flag(st, &o, bit);
	if (!o.type) {
		if (eq)
			bad_usage("option '%s' doesn't allow an argument", argv[0]);
		return 1;
	}
	if (eq || o.type == '?') {
		if (eq)
			store_arg(st, &o, slot, eq + 1, argv[0]);
		return 1;
	}
	if (!argv[1])
		bad_usage("option '%s' requires an argument", argv[0]);
	store_arg(st, &o, slot, argv[1], argv[0]);
	return 2;
}

/* -abc, -n5, -n 5, and "-5" for a ~X string. Returns argv entries used. */
static int parse_short(struct opt_state *st, char **argv, char numeric)
{
	char *p = argv[0] + 1;
	struct optspec o;
	int bit, slot;
	char shown[4] = "-?";

	if (numeric && isdigit(*p) && !find_opt(st->opts, *p, NULL, 0, &o, &bit, &slot)) {
		find_opt(st->opts, numeric, NULL, 0, &o, &bit, &slot);
		set_flag(st, &o, bit);
		store_arg(st, &o, slot, p, "-");
		return 1;
	}
	for (; *p; p++) {
		shown[1] = *p;
		if (!find_opt(st->opts, *p, NULL, 0, &o, &bit, &slot)) {
			char c[2] = { *p, 0 };
			bad_usage("invalid option -- '%s'", c);
		}
		set_flag(st, &o, bit);
		if (!o.type)
			continue;
		if (p[1] || o.type == '?') {
			if (p[1])
				store_arg(st, &o, slot, p + 1, shown);
			return 1;
		}
		if (!argv[1]) {
			char c[2] = { *p, 0 };
			bad_usage("option requires an argument -- '%s'", c);
		}
		store_arg(st, &o, slot, argv[1], shown);
		return 2;
	}
	return 1;
}

/* Move the n entries at argv[nops] in front of the nops entries before them. */
static void move_before(char **argv, int nops, int n)
{
	char *moved[2];

	memcpy(moved, argv + nops, n * sizeof(*argv));
	memmove(argv + n, argv, nops * sizeof(*argv));
	memcpy(argv, moved, n * sizeof(*argv));
}

int parse_options(const char *opts, char **argv, void *argslots)
{
	struct opt_state st = { opts, argslots };
	struct optspec o;
	const char *p = opts;
	int kind, stop_at_operand = getenv("POSIXLY_CORRECT") != NULL;
	char numeric = 0;
	int i, n, nops = 0;

	while ((kind = optspec_next(&p, &o)) != OPT_END) {
		if (kind == OPT_STOP)
			stop_at_operand = 1;
		else if (kind == OPT_NUMERIC)
			numeric = o.text[0];
	}
	optflags = 0;
	/* Operands seen so far sit at argv[i - nops .. i - 1]; each option found after
	 * them is moved in front of them, so no memory is needed (a NOFORK applet may
	 * die here) and the operands keep their order. */
	for (i = 1; argv[i]; i += n) {
		char *a = argv[i];
		if (a[0] != '-' || !a[1]) {
			if (stop_at_operand)
				break;
			nops++;
			n = 1;
			continue;
		}
		if (a[1] == '-' && !a[2])
			n = 1;
		else if (a[1] == '-')
			n = parse_long(&st, argv + i);
		else
			n = parse_short(&st, argv + i, numeric);
		move_before(argv + i - nops, nops, n);
		if (a[1] == '-' && !a[2]) {
			i++;
			break;
		}
	}
	check_exclusive(opts);
	return i - nops;
}
