/* tabstops.h: the -t tab stop lists of expand and unexpand, as GNU takes them.
 * Static functions in a header, included by both applet files: the build links only
 * applet sources from applets/, and each applet needs its own copy anyway when the
 * other is configured out. */
#ifndef TABSTOPS_H
#define TABSTOPS_H

struct tabstops {
	unsigned long long *stops;	/* ascending; one alone is a tab size */
	size_t n;
	unsigned long long every;	/* after the last stop: '/' or '+' repeat, or 0 */
	bool relative;			/* '+': repeat counted from the last stop */
};

static void add_stop(struct tabstops *t, unsigned long long v)
{
	t->stops = xrealloc(t->stops, (t->n + 1) * sizeof(*t->stops));
	t->stops[t->n++] = v;
}

/* Parse each -t argument (N, or a list of N separated by commas or blanks, the last
 * one maybe /N or +N) into t; no arguments means every 8 columns. Dies on errors. */
static void tabstops_parse(struct tabstops *t, char **args)
{
	memset(t, 0, sizeof(*t));
	for (; args && *args; args++) {
		for (const char *p = *args; *p;) {
			char spec = 0;
			unsigned long long v = 0;
			if (*p == ',' || *p == ' ' || *p == '\t') {
				p++;
				continue;
			}
			if (t->every)
				bb_error_msg_and_die("'%c' specifier only allowed with the last value",
						     t->relative ? '+' : '/');
			if (*p == '/' || *p == '+')
				spec = *p++;
			if (!isdigit(*p))
				bb_error_msg_and_die("tab size contains invalid character(s): '%s'", p);
			while (isdigit(*p)) {
				if (v > (ULLONG_MAX - 9) / 10)
					bb_error_msg_and_die("tab stop is too large '%s'", *args);
				v = v * 10 + (*p++ - '0');
			}
			if (*p && *p != ',' && *p != ' ' && *p != '\t')
				bb_error_msg_and_die("tab size contains invalid character(s): '%s'", p);
			if (spec) {
				if (!v)
					bb_error_msg_and_die("tab size cannot be 0");
				t->every = v;
				t->relative = spec == '+';
				continue;
			}
			if (!v)
				bb_error_msg_and_die("tab size cannot be 0");
			if (t->n && v <= t->stops[t->n - 1])
				bb_error_msg_and_die("tab sizes must be ascending");
			add_stop(t, v);
		}
	}
	if (!t->n && !t->every)
		add_stop(t, 8);
}

/* The first tab stop after column col, or 0 when there is none. */
static unsigned long long tabstops_next(const struct tabstops *t, unsigned long long col)
{
	unsigned long long last = t->n ? t->stops[t->n - 1] : 0;

	if (t->n == 1 && !t->every)
		return (col / last + 1) * last;
	for (size_t i = 0; i < t->n; i++)
		if (t->stops[i] > col)
			return t->stops[i];
	if (!t->every)
		return 0;
	if (t->relative)
		return last + ((col - last) / t->every + 1) * t->every;
	return (col / t->every + 1) * t->every;
}

#endif
