/* env: run a command in a modified environment, or print the environment.
 * POSIX env (-i, and the obsolescent lone "-") with GNU's -u -0 -C -S and its exit
 * statuses: 125 for env's own errors, 126 if the command cannot run, 127 if it is not
 * found. Deviations: GNU's -v and signal options are not implemented; options that
 * follow -S on the command line are options here, where GNU takes them as operands.
 */

/*== applet
applet env /usr/bin noexec errexit=125
options ^i(ignore-environment)0(null)u(unset)*C(chdir): {FEATURE_ENV_SPLIT_STRING}S(split-string):
config ENV
	bool "env"
	default y
	help
	  Run a command with a modified environment, or print the environment.

config FEATURE_ENV_SPLIT_STRING
	bool "Split a string into arguments (-S), for #! lines"
	default y
	depends on ENV
	help
	  "#!/usr/bin/env -S cmd -x" passes everything after env as one argument;
	  -S splits it with quotes, backslash escapes and ${NAME} as GNU env does.
usage [OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]
Set each NAME to VALUE in the environment, then run COMMAND, or print the
environment as NAME=VALUE lines if there is no COMMAND.

	-i, -	Start with an empty environment
	-u NAME	Remove NAME from the environment
	-0	End each output line with NUL instead of newline
	-C DIR	Change to directory DIR before running COMMAND
{FEATURE_ENV_SPLIT_STRING}	-S STR	Split STR into arguments, then read them as options and operands:
{FEATURE_ENV_SPLIT_STRING}		spaces separate, '' and "" quote, ${NAME} is NAME's value,
{FEATURE_ENV_SPLIT_STRING}		escapes \\ \" \' \# \$ \_ (space) \c (end) \f \n \r \t \v,
{FEATURE_ENV_SPLIT_STRING}		# at the start of an argument begins a comment

Exit status: 125 for env's own errors, 126 if COMMAND cannot run, 127 if it is not
found, else COMMAND's status.
==*/

#include "libbb.h"
#include "flags/env.h"

GLOBALS(
	char **split;		/* the arguments -S made so far */
	int nsplit;
	char *arg;		/* the one being built; NULL between arguments */
	size_t len;
);

static void put(const char *s, size_t n)
{
	G.arg = xrealloc(G.arg, G.len + n + 1);
	memcpy(G.arg + G.len, s, n);
	G.len += n;
	G.arg[G.len] = 0;
}

static void end_arg(void)
{
	if (!G.arg)
		return;
	G.split = xrealloc(G.split, (G.nsplit + 1) * sizeof(*G.split));
	G.split[G.nsplit++] = G.arg;
	G.arg = NULL;
	G.len = 0;
}

/* "${NAME}" at s; returns the end. An unset or empty variable adds nothing, so
 * "${UNSET}" alone is no argument at all, as in GNU env. */
static const char *expand_var(const char *s)
{
	const char *name = s + 2;
	size_t n = 0;

	if (s[1] == '{' && !isdigit(*name))
		while (isalnum(name[n]) || name[n] == '_')
			n++;
	if (!n || name[n] != '}')
		bb_error_msg_and_die("only ${VARNAME} expansion is supported, error at: %s", s);
	{
		char *var = xstrndup(name, n);
		const char *value = getenv(var);
		free(var);
		if (value && *value)
			put(value, strlen(value));
	}
	return name + n + 1;
}

/* The character a backslash stands for before c; -1 for \_ as a separator, -2 for
 * \c (the rest of the string is ignored). */
static int escape(char c, bool in_quotes)
{
	static const char from[] = "fnrtv\"'#$\\", to[] = "\f\n\r\t\v\"'#$\\";
	const char *e = c ? strchr(from, c) : NULL;

	if (!c)
		bb_error_msg_and_die("invalid backslash at end of string in -S");
	if (c == 'c' && in_quotes)
		bb_error_msg_and_die("'\\c' must not appear in double-quoted -S string");
	if (c == 'c')
		return -2;
	if (c == '_')
		return in_quotes ? ' ' : -1;
	if (!e)
		bb_error_msg_and_die("invalid sequence '\\%c' in -S", c);
	return to[e - from];
}

/* Split s into G.split[0 .. G.nsplit-1] the way GNU env -S does. */
static void split_string(const char *s)
{
	char quote = 0;

	for (char c; (c = *s++);) {
		if (quote == '\'') {
			if (c == '\'')
				quote = 0;
			else if (c == '\\' && (*s == '\\' || *s == '\''))
				put(s++, 1);
			else
				put(&c, 1);
			continue;
		}
		if (!quote && strchr(" \t\n\v\f\r", c)) {
			end_arg();
		} else if (!quote && c == '#' && !G.arg) {
			return;	/* a comment: the rest of the string */
		} else if (c == '"' || (c == '\'' && !quote)) {
			quote = quote ? 0 : c;
			put("", 0);	/* "" is an argument, even an empty one */
		} else if (c == '$') {
			s = expand_var(s - 1);
		} else if (c != '\\') {
			put(&c, 1);
		} else {
			int e = escape(*s++, quote);
			if (e == -2)
				break;
			if (e == -1)
				end_arg();
			else
				put(&(char){ e }, 1);
		}
	}
	if (quote)
		bb_error_msg_and_die("no terminating quote in -S string");
	end_arg();
}

/* Replace each -S STRING by the arguments it splits into and parse them as options
 * again (they may hold another -S). Returns the new argv[0] and operands. */
static char **split_option(char **argv)
{
	while (G.S) {
		unsigned long long flags = optflags;
		int argc = 0, first;
		char **v;

		while (argv[argc])
			argc++;
		G.nsplit = 0;
		split_string(G.S);
		G.S = NULL;
		v = xmalloc((G.nsplit + argc + 1) * sizeof(*v));
		v[0] = argv[0];
		if (G.nsplit)
			memcpy(v + 1, G.split, G.nsplit * sizeof(*v));
		memcpy(v + 1 + G.nsplit, argv + 1, argc * sizeof(*v));	/* and the NULL */
		first = parse_options(applet_opts + current_applet->opts, v, &G);
		optflags |= flags;
		v[first - 1] = v[0];
		argv = v + first - 1;
	}
	free(G.split);
	return argv;
}

static void print_environment(void)
{
	for (char **e = environ; e && *e; e++) {
		fputs(*e, stdout);
		putchar(FLAG(0) ? '\0' : '\n');
	}
}

int env_main(int argc UNUSED, char **argv)
{
	if (FLAG(S))
		argv = split_option(argv);
	if (argv[1] && !strcmp(argv[1], "-")) {
		optflags |= FLAG_i;
		argv++;
	}
	if (FLAG(i))
		clearenv();
	for (char **u = G.u; u && *u; u++)
		if (unsetenv(*u))
			bb_perror_msg_and_die("cannot unset '%s'", *u);
	for (; argv[1] && strchr(argv[1], '='); argv++)
		if (putenv(argv[1]))
			bb_perror_msg_and_die("cannot set '%s'", argv[1]);
	if (!argv[1]) {
		if (FLAG(C)) {
			bb_error_msg("must specify command with --chdir (-C)");
			bb_show_usage();
		}
		print_environment();
		return 0;
	}
	if (FLAG(0)) {
		bb_error_msg("cannot specify --null (-0) with command");
		bb_show_usage();
	}
	if (FLAG(C) && chdir(G.C))
		bb_perror_msg_and_die("cannot change directory to '%s'", G.C);
	return exec_or_exit_status(argv + 1, "'%s'");
}
