/*== part of ash ==*/
/* builtins.c: the shell's builtin commands (POSIX XCU 2.15 special builtins and the
 * regular builtins that must run in the shell). echo, printf, test and [ are the
 * project's applets, run in-process (nofork_applet_lookup). */
#include "sh.h"
#include <poll.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <termios.h>
#include <sys/times.h>

static const struct {
	char letter;
	const char *name;
} opt_names[OPT_COUNT] = {
	{ 'a', "allexport" }, { 'b', "notify" }, { 'C', "noclobber" }, { 'e', "errexit" },
	{ 'f', "noglob" }, { 'h', "hashall" }, { 'i', "interactive" }, { 'm', "monitor" },
	{ 'n', "noexec" }, { 's', "stdin" }, { 'u', "nounset" }, { 'v', "verbose" },
	{ 'x', "xtrace" }, { 0, "pipefail" }, { 0, "nolog" }, { 0, "ignoreeof" },
	{ 'B', "braceexpand" },
};

/* Not settable: -i and -s only on the command line; -B without brace expansion. */
static bool opt_hidden(int o)
{
	return o == OPT_i || o == OPT_s || (o == OPT_B && !ENABLE_FEATURE_SH_BRACE_EXPANSION);
}

char *option_letters(void)
{
	struct sbuf b = { 0 };
	for (int i = 0; i < OPT_COUNT; i++)
		if (opt_names[i].letter && SHOPT(i))
			sb_addc(&b, opt_names[i].letter);
	return sb_take(&b);
}

static void set_opt(int o, bool on)
{
	if (on)
		sh_G.opts |= 1u << o;
	else
		sh_G.opts &= ~(1u << o);
}

static void print_options(bool as_commands)
{
	for (int i = 0; i < OPT_COUNT; i++) {
		if (opt_hidden(i))
			continue;
		if (as_commands)
			printf("set %co %s\n", SHOPT(i) ? '-' : '+', opt_names[i].name);
		else
			printf("%-15s\t%s\n", opt_names[i].name, SHOPT(i) ? "on" : "off");
	}
}

int parse_set_options(char **argv, bool invocation, bool *end)
{
	int i = 1;

	*end = false;
	for (; argv[i]; i++) {
		const char *a = argv[i];
		bool on = a[0] == '-';
		if ((a[0] != '-' && a[0] != '+') || !a[1]) {
			if (a[0] == '-' && !a[1]) {	/* "-": end of options, -x -v off */
				set_opt(OPT_x, false);
				set_opt(OPT_v, false);
				*end = true;
				i++;
			}
			break;
		}
		if (!strcmp(a, "--")) {
			*end = true;
			i++;
			break;
		}
		for (const char *p = a + 1; *p; p++) {
			int o;
			if (*p == 'o') {
				const char *name = argv[i + 1];
				if (!name) {
					if (invocation)
						return -1;
					print_options(!on);
					return i + 1;
				}
				i++;
				for (o = 0; o < OPT_COUNT; o++)
					if (!strcmp(opt_names[o].name, name) &&
					    (o != OPT_B || ENABLE_FEATURE_SH_BRACE_EXPANSION))
						break;
				if (o == OPT_COUNT) {
					sh_error("set: %s: invalid option name", name);
					return -1;
				}
				set_opt(o, on);
				break;
			}
			if (invocation && (*p == 'c' || *p == 's' || *p == 'i')) {
				if (*p == 'c')
					sh_G.cflag = on;
				else
					set_opt(*p == 's' ? OPT_s : OPT_i, on);
				continue;
			}
			for (o = 0; o < OPT_COUNT; o++)
				if (opt_names[o].letter == *p && !opt_hidden(o))
					break;
			if (o == OPT_COUNT) {
				sh_error("%s: -%c: invalid option", invocation ? "sh" : "set", *p);
				return -1;
			}
			set_opt(o, on);
		}
	}
	return i;
}

/* 'value' with ' written as '\'' */
static void print_quoted(const char *s)
{
	putchar('\'');
	for (; *s; s++) {
		if (*s == '\'')
			fputs("'\\''", stdout);
		else
			putchar(*s);
	}
	putchar('\'');
}

/* declare -p; without declare, set's NAME=(...) for arrays */
static void print_declare(const struct var *v, bool declare)
{
	struct sbuf b = { 0 };

	sb_add_declare(&b, v, NULL);
	/* "declare -a NAME=(...)" */
	puts(declare ? b.s : strchr(b.s + sizeof("declare"), ' ') + 1);
	free(b.s);
}

static int bi_colon(int argc, char **argv)
{
	(void)argc, (void)argv;
	return 0;
}

static int bi_false(int argc, char **argv)
{
	(void)argc, (void)argv;
	return 1;
}

/* A count operand of break, continue, shift, return, exit. */
static bool number_arg(const char *name, const char *s, long *out)
{
	char *end;
	errno = 0;
	*out = strtol(s, &end, 10);
	if (!*s || *end || errno) {
		sh_error("%s: %s: numeric argument required", name, s);
		return false;
	}
	return true;
}

static int bi_break(int argc, char **argv)
{
	long n = 1;
	if (argc > 1 && (!number_arg(argv[0], argv[1], &n) || n < 1)) {
		if (n < 1 && argc > 1)
			sh_error("%s: %s: loop count out of range", argv[0], argv[1]);
		return 1;
	}
	if (sh_G.loop_depth == 0)
		return 0;
	if (n > sh_G.loop_depth)
		n = sh_G.loop_depth;
	if (argv[0][0] == 'b')
		sh_G.breaking = n;
	else
		sh_G.continuing = n;
	return 0;
}

static int bi_exit(int argc, char **argv)
{
	long n = sh_G.trap_depth ? sh_G.trap_status : sh_G.status;
	if (argc > 1 && !number_arg("exit", argv[1], &n))
		n = 2;
	sh_exit(n & 255);
}

static int bi_return(int argc, char **argv)
{
	/* a return that ends a trap action: the status from before the trap */
	bool ends_trap = sh_G.trap_depth &&
			 sh_G.func_depth + sh_G.dot_depth == sh_G.trap_func_depth;
	long n = ends_trap ? sh_G.trap_status : sh_G.status;
	if (argc > 1 && !number_arg("return", argv[1], &n))
		n = 2;
	if (sh_G.func_depth == 0 && !sh_G.dot_depth) {
		sh_error("return: can only 'return' from a function or sourced script");
		return 1;
	}
	sh_G.returning = true;
	sh_G.status = n & 255;
	return n & 255;
}

/* An error in a special builtin ends a non-interactive shell (POSIX 2.8.1), unless
 * "command" runs it. */
static int special_error(int status)
{
	if (status && !sh_G.interactive && !sh_G.under_command)
		sh_exit(2);
	return status;
}

static int bi_shift(int argc, char **argv)
{
	long n = 1;
	bool ok = argc == 1 || number_arg("shift", argv[1], &n);

	if (ok && n < 0) {
		sh_error("shift: %ld: shift count out of range", n);
		ok = false;
	}
	if (!ok)
		return special_error(1);
	/* more than $#: POSIX lets the shell go on after a warning, as bash and ash do */
	if (n > sh_G.npos) {
		sh_error("shift: %ld: shift count out of range", n);
		return 1;
	}
	for (long i = 0; i < n; i++)
		free(sh_G.pos[i]);
	memmove(sh_G.pos, sh_G.pos + n, (sh_G.npos - n + 1) * sizeof(char *));
	sh_G.npos -= n;
	return 0;
}

static int bi_set(int argc, char **argv)
{
	bool end;
	int i;

	if (argc == 1) {
		size_t n;
		struct var **v = var_sorted(&n);
		for (size_t k = 0; k < n; k++) {
			if (ENABLE_FEATURE_SH_ARRAYS && (v[k]->flags & (V_ARRAY | V_UNSET)) == V_ARRAY) {
				print_declare(v[k], false);
				continue;
			}
			if (v[k]->flags & V_UNSET)
				continue;
			printf("%s=", v[k]->name);
			print_quoted(v[k]->value);
			putchar('\n');
		}
		free(v);
		return 0;
	}
	i = parse_set_options(argv, false, &end);
	if (i < 0)
		return special_error(2);
	if (end || argv[i])
		set_positional(argv + i, argc - i);
	return 0;
}

static int bi_eval(int argc, char **argv)
{
	struct sbuf b = { 0 };
	int status;

	for (int i = 1; i < argc; i++) {
		if (i > 1)
			sb_addc(&b, ' ');
		sb_adds(&b, argv[i]);
	}
	if (!b.s)
		return 0;
	status = eval_string(b.s);
	free(b.s);
	return status;
}

/* The rest of fd's contents; closes fd. */
static char *read_all_and_close(int fd)
{
	struct sbuf b = { 0 };
	char buf[4096];
	ssize_t n;

	while ((n = safe_read(fd, buf, sizeof(buf))) > 0)
		sb_addn(&b, buf, n);
	close(fd);
	return sb_take(&b);
}

static char *read_whole_file(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	return fd < 0 ? NULL : read_all_and_close(fd);
}

static int bi_dot(int argc, char **argv)
{
	char *path, *text;
	int status, saved_line = sh_G.lineno;
	char **saved_pos = NULL;
	int saved_npos = 0;

	if (argc < 2) {
		sh_error("%s: filename argument required", argv[0]);
		return 2;
	}
	path = strchr(argv[1], '/') ? xstrdup(argv[1]) : path_search_any(argv[1]);
	text = path ? read_whole_file(path) : NULL;
	if (!text) {
		sh_error("%s: %s: %s", argv[0], argv[1], path ? strerror(errno) : "not found");
		free(path);
		if (!sh_G.interactive && !sh_G.under_command)
			sh_exit(2);
		return 2;
	}
	free(path);
	if (argc > 2) {
		saved_pos = sh_G.pos;
		saved_npos = sh_G.npos;
		sh_G.pos = NULL;
		sh_G.npos = 0;
		set_positional(argv + 2, argc - 2);
	}
	const char *saved_source = sh_G.source_name;
	sh_G.source_name = argv[1];	/* messages name the file, as bash does */
	sh_G.dot_depth++;
	sh_G.lineno = 1;
	status = eval_string(text);
	sh_G.dot_depth--;
	sh_G.source_name = saved_source;
	if (sh_G.returning) {
		sh_G.returning = false;
		status = sh_G.status;
	}
	sh_G.lineno = saved_line;
	free(text);
	if (argc > 2) {
		free_positional(sh_G.pos, sh_G.npos);
		sh_G.pos = saved_pos;
		sh_G.npos = saved_npos;
	}
	return status;
}

static int bi_exec(int argc, char **argv)
{
	int i = argc > 1 && !strcmp(argv[1], "--") ? 2 : 1;

	if (i >= argc)
		return 0;
	exec_argv_replace(argv + i);
}

static void print_var_decl(const char *cmd, struct var *v)
{
	if (ENABLE_FEATURE_SH_ARRAYS && (v->flags & V_ARRAY)) {
		print_declare(v, true);
		return;
	}
	printf("%s %s", cmd, v->name);
	if (!(v->flags & V_UNSET)) {
		putchar('=');
		print_quoted(v->value);
	}
	putchar('\n');
}

/* export and readonly; "export -n NAME..." takes the export attribute away (bash) */
static int export_or_readonly(int argc, char **argv, unsigned flag)
{
	int i = 1, status = 0;
	bool unexport = false;

	for (; argv[i] && argv[i][0] == '-' && argv[i][1]; i++) {
		const char *o = argv[i] + 1;
		if (!strcmp(o, "-")) {
			i++;
			break;
		}
		for (; *o; o++) {
			if (*o == 'n' && flag == V_EXPORT)
				unexport = true;
			else if (*o != 'p' && !(ENABLE_FEATURE_SH_ARRAYS && *o == 'a')) {
				sh_error("%s: -%c: invalid option", argv[0], *o);
				return special_error(2);
			}
		}
	}
	if (unexport) {
		for (; i < argc; i++) {
			struct var *v;
			if (assignment_name_len(argv[i]))
				status |= var_set_assignment(argv[i], 0) < 0;
			else if (!is_name(argv[i], strlen(argv[i]))) {
				sh_error("%s: %s: bad variable name", argv[0], argv[i]);
				status = 1;
				continue;
			}
			v = var_lookup(argv[i]);
			if (!v) {
				char *nm = xstrndup(argv[i], assignment_name_len(argv[i]));
				v = var_lookup(nm);
				free(nm);
			}
			if (v)
				v->flags &= ~V_EXPORT;
		}
		sh_G.env_stale = true;
		return special_error(status);
	}
	if (!argv[i]) {
		size_t n;
		struct var **v = var_sorted(&n);
		for (size_t k = 0; k < n; k++)
			if (v[k]->flags & flag)
				print_var_decl(argv[0], v[k]);
		free(v);
		return 0;
	}
	for (; i < argc; i++) {
		size_t nl = 0;
		if (ENABLE_FEATURE_SH_ARRAYS && (*argv[i] == 1 || assign_lhs_len(argv[i], &nl))) {
			status |= assign_word(argv[i] + (*argv[i] == 1), flag, *argv[i] != 1) < 0;
		} else if ((nl = assignment_name_len(argv[i]))) {
			if (var_set_assignment(argv[i], flag) < 0)
				status = 1;
		} else if (is_name(argv[i], strlen(argv[i]))) {
			var_set(argv[i], NULL, flag);
		} else {
			sh_error("%s: %s: bad variable name", argv[0], argv[i]);
			status = 1;
		}
	}
	return special_error(status);
}

static int bi_export(int argc, char **argv)
{
	return export_or_readonly(argc, argv, V_EXPORT);
}

static int bi_readonly(int argc, char **argv)
{
	return export_or_readonly(argc, argv, V_READONLY);
}

/* bash let EXPR...: the status is 1 when the last value is 0; an error ends let with 1. */
static int bi_let(int argc, char **argv)
{
	long long v = 0;
	int i = argc > 1 && !strcmp(argv[1], "--") ? 2 : 1;

	if (i == argc) {
		sh_error("let: expression expected");
		return 1;
	}
	for (; i < argc; i++)
		if (!arith_try(argv[i], "let", &v))
			return 1;
	return v == 0;
}

/* declare/typeset [-aigrx] [-p|-F] [NAME[=VALUE]...]; local is declare in a function. */
/* local NAME without a value: a new local starts unset, with the attributes of the
 * variable it hides (bash; dash keeps the value too). */
static int local_unset(const char *name)
{
	struct var *v = var_lookup(name);

	if (v && (v->flags & V_READONLY)) {
		sh_error("%s: is read only", name);
		return -1;
	}
	if (var_make_local(name))
		var_forget_value(name);
	return 0;
}

static int bi_declare(int argc, char **argv)
{
	unsigned set = 0, clear = 0;
	bool print = false, funcs = false, global = false;
	int i = 1, status = 0;

	for (; argv[i] && (argv[i][0] == '-' || argv[i][0] == '+') && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		for (const char *p = argv[i] + 1; *p; p++) {
			const char *f = strchr("airxpFg", *p);
			static const unsigned flag[] = { V_ARRAY, V_INTEGER, V_READONLY, V_EXPORT };
			if (!f) {
				sh_error("%s: %c%c: invalid option", argv[0], argv[i][0], *p);
				return 2;
			}
			if (f - "airxpFg" < 4)
				*(argv[i][0] == '-' ? &set : &clear) |= flag[f - "airxpFg"];
			print |= *p == 'p';
			funcs |= *p == 'F';
			global |= *p == 'g';
		}
	}
	if (funcs) {
		for (struct func *fn = sh_G.funcs; !argv[i] && fn; fn = fn->next)
			printf("declare -f %s\n", fn->name);
		for (; argv[i]; i++) {
			if (func_lookup(argv[i]))
				puts(argv[i]);
			else
				status = 1;
		}
		return status;
	}
	if (!argv[i]) {
		size_t n;
		struct var **v = var_sorted(&n);
		for (size_t k = 0; k < n; k++)
			if ((v[k]->flags & set) == set)
				print_declare(v[k], true);
		free(v);
		return 0;
	}
	if (argv[0][0] == 'l' && !sh_G.func_depth) {
		sh_error("local: not in a function");
		return 1;
	}
	global |= !sh_G.func_depth;
	for (; i < argc; i++) {
		const char *a = argv[i] + (*argv[i] == 1);
		size_t nl = 0, lhs = assign_lhs_len(a, &nl);
		char *name = xstrndup(a, lhs ? nl : strlen(a));
		struct var *v;
		if (!is_name(name, strlen(name)) || (!lhs && strchr(a, '='))) {
			sh_error("%s: `%s': not a valid identifier", argv[0], a);
			status = 1;
		} else if (print) {
			v = var_lookup(name);
			if (v)
				print_declare(v, true);
			else
				sh_error("%s: %s: not found", argv[0], name);
			status |= !v;
		} else if (!global && !lhs && local_unset(name) < 0) {
			status = 1;
		} else {
			if (!global)
				var_make_local(name);
			var_set(name, NULL, set & V_INTEGER);
			v = var_lookup(name);
			if ((clear & V_READONLY) && (v->flags & V_READONLY)) {
				sh_error("%s: is read only", name);
				status = 1;
			}
			v->flags &= ~(clear & ~(V_READONLY | V_ARRAY));
			sh_G.env_stale |= (clear & V_EXPORT) != 0;
			if (set & V_ARRAY)
				status |= array_assign(name, NULL, 0, true, 0) < 0;
			if (lhs)
				status |= assign_word(a, 0, a == argv[i]) < 0;
			var_set(name, NULL, set);
		}
		free(name);
	}
	return status;
}

static int bi_local(int argc, char **argv)
{
	int status = 0;
	if (ENABLE_FEATURE_SH_ARRAYS)
		return bi_declare(argc, argv);
	if (!sh_G.func_depth) {
		sh_error("local: not in a function");
		return 1;
	}
	for (int i = 1; i < argc; i++) {
		size_t nl = assignment_name_len(argv[i]);
		char *name = nl ? xstrndup(argv[i], nl) : xstrdup(argv[i]);
		if (!is_name(name, strlen(name))) {
			sh_error("local: %s: bad variable name", argv[i]);
			status = 1;
		} else if (!nl) {
			status |= local_unset(name) < 0;
		} else {
			var_make_local(name);
			status |= var_set_assignment(argv[i], 0) < 0;
		}
		free(name);
	}
	return status;
}

/* unset NAME[SUB]: true if arg has that form (a[@] is the whole array). */
static bool unset_element(const char *arg, int *status)
{
	const char *br = strchr(arg, '[');
	size_t n = strlen(arg);
	char *name, *sub;

	if (!br || arg[n - 1] != ']' || !is_name(arg, br - arg))
		return false;
	name = xstrndup(arg, br - arg);
	sub = xstrndup(br + 1, n - (br - arg) - 2);
	if (!strcmp(sub, "@") || !strcmp(sub, "*"))
		*status |= var_unset(name) < 0;
	else if (var_lookup(name))
		*status |= var_set_elem(name, arith_eval(sub), NULL, false) < 0;
	free(name);
	free(sub);
	return true;
}

static int bi_unset(int argc, char **argv)
{
	int i = 1, status = 0;
	bool funcs = false, vars = false;

	for (; argv[i] && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		for (const char *p = argv[i] + 1; *p; p++) {
			if (*p == 'f')
				funcs = true;
			else if (*p == 'v')
				vars = true;
			else {
				sh_error("unset: -%c: invalid option", *p);
				return special_error(2);
			}
		}
	}
	for (; i < argc; i++) {
		if (funcs && !vars) {
			func_unset(argv[i]);
			continue;
		}
		if (ENABLE_FEATURE_SH_ARRAYS && !funcs && unset_element(argv[i], &status))
			continue;
		if (!is_name(argv[i], strlen(argv[i]))) {
			sh_error("unset: %s: bad variable name", argv[i]);
			status = 1;
			continue;
		}
		if (var_lookup(argv[i]) || vars || !func_lookup(argv[i])) {
			if (var_unset(argv[i]) < 0)
				status = 1;
		} else {
			func_unset(argv[i]);
		}
	}
	return special_error(status);
}

/* Single-letter options of a builtin, each one of those in allowed: bit k of *flags
 * is set for allowed[k]. Stops at the first operand, after "--", or at "-" alone.
 * Returns the index of the first operand, or -1 after the error and usage lines. */
static int builtin_flags(char **argv, const char *allowed, unsigned *flags,
			 const char *usage)
{
	int i = 1;

	*flags = 0;
	for (; argv[i] && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--"))
			return i + 1;
		for (const char *p = argv[i] + 1; *p; p++) {
			const char *k = strchr(allowed, *p);
			if (!k) {
				sh_error("%s: -%c: invalid option", argv[0], *p);
				sh_error("%s: usage: %s", argv[0], usage);
				return -1;
			}
			*flags |= 1u << (k - allowed);
		}
	}
	return i;
}

/* A trap's line in the form to read back in; "-" for a condition left alone, as bash
 * prints the ones named to trap -p. */
static void print_trap(int sig, bool named)
{
	char buf[SIGNAME_BUFSIZE];
	const char *a = sh_G.traps[sig];

	if (!a && sh_G.parent_traps)
		a = sh_G.parent_traps[sig];
	if (!a && !named)
		return;
	printf("trap -- ");
	if (a)
		print_quoted(a);
	else
		putchar('-');
	printf(" %s\n", sig ? get_signame(sig, buf) : "EXIT");
}

/* trap -l: the numbered list, five to a line, as bash; the realtime signals are named
 * from the nearer end, RTMIN+n or RTMAX-n. */
static void list_signals(void)
{
	char buf[SIGNAME_BUFSIZE], rt[16];
	int n = 0, lo = SIGRTMIN, hi = SIGRTMAX;

	for (int s = 1; s < NSIG && s <= hi; s++) {
		const char *name = get_signame(s, buf);
		if (s >= lo) {
			if (s - lo <= (hi - lo) / 2)
				snprintf(rt, sizeof(rt), s == lo ? "RTMIN" : "RTMIN+%d", s - lo);
			else
				snprintf(rt, sizeof(rt), s == hi ? "RTMAX" : "RTMAX-%d", hi - s);
			name = rt;
		} else if (isdigit((unsigned char)*name)) {
			continue;	/* kept by the C library */
		}
		printf("%2d) SIG%s%c", s, name, ++n % 5 ? '\t' : '\n');
	}
	if (n % 5)
		putchar('\n');
}

/* The signal number of a trap condition, or -1 (the error said) */
static int trap_signum(const char *name)
{
	/* signal names in any case, as get_signum takes them: exit too */
	int sig = !strcasecmp(name, "EXIT") || !strcmp(name, "0") ? 0 : get_signum(name);

	if (sig < 0 || sig >= NSIG || sig == SIGKILL || sig == SIGSTOP) {
		sh_error("trap: %s: bad trap", name);
		return -1;
	}
	return sig;
}

static int bi_trap(int argc, char **argv)
{
	enum { L = 1, P = 2 };
	unsigned fl;
	int i = builtin_flags(argv, "lp", &fl, "trap [-lp] [[action] condition ...]");
	int status = 0;
	const char *action;

	if (i < 0)
		return special_error(2);
	if (fl & L) {
		list_signals();
		return 0;
	}
	if (fl & P || i == argc) {
		for (int sig = 0; i == argc && sig < NSIG; sig++)
			print_trap(sig, false);
		for (; i < argc; i++) {
			int sig = trap_signum(argv[i]);
			if (sig < 0)
				status = 1;
			else
				print_trap(sig, true);
		}
		return status;
	}
	action = argv[i];
	/* all operands are conditions to reset: after a number, and a lone one (bash) */
	if ((isdigit((unsigned char)*action) && action[strspn(action, "0123456789")] == 0) ||
	    i + 1 == argc)
		action = NULL;
	else
		i++;
	if (action && !strcmp(action, "-"))
		action = NULL;
	traps_forget_parent();
	for (; i < argc; i++) {
		int sig = trap_signum(argv[i]);
		if (sig < 0)
			status = 1;
		else
			trap_set(sig, action);
	}
	return status;
}

static void print_time(clock_t t, long hz)
{
	printf("%ldm%ld.%03lds", (long)(t / hz / 60), (long)(t / hz % 60),
	       (long)(t % hz * 1000 / hz));
}

static int bi_times(int argc, char **argv)
{
	struct tms t;
	long hz = sysconf(_SC_CLK_TCK);

	(void)argc, (void)argv;
	times(&t);
	print_time(t.tms_utime, hz);
	putchar(' ');
	print_time(t.tms_stime, hz);
	putchar('\n');
	print_time(t.tms_cutime, hz);
	putchar(' ');
	print_time(t.tms_cstime, hz);
	putchar('\n');
	return 0;
}

static int bi_alias(int argc, char **argv)
{
	int status = 0;

	if (argc == 1) {
		for (struct alias *a = sh_G.aliases; a; a = a->next) {
			printf("%s=", a->name);
			print_quoted(a->value);
			putchar('\n');
		}
		return 0;
	}
	for (int i = 1; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		if (eq) {
			char *name = xstrndup(argv[i], eq - argv[i]);
			alias_set(name, eq + 1);
			free(name);
		} else {
			struct alias *a = alias_lookup(argv[i]);
			if (!a) {
				sh_error("alias: %s: not found", argv[i]);
				status = 1;
				continue;
			}
			printf("%s=", a->name);
			print_quoted(a->value);
			putchar('\n');
		}
	}
	return status;
}

static int bi_unalias(int argc, char **argv)
{
	int status = 0;
	if (argc > 1 && !strcmp(argv[1], "-a")) {
		while (sh_G.aliases)
			alias_unset(sh_G.aliases->name);
		return 0;
	}
	for (int i = 1; i < argc; i++)
		if (alias_unset(argv[i])) {
			sh_error("unalias: %s: not found", argv[i]);
			status = 1;
		}
	return status;
}

/* The new $PWD for cd -L: dir relative to the old one with . and .. removed. */
static char *logical_path(const char *dir)
{
	const char *pwd = var_get("PWD");
	struct sbuf b = { 0 };
	char *full, *p;

	if (*dir == '/' || !pwd || *pwd != '/')
		full = xstrdup(dir);
	else
		full = xasprintf("%s/%s", pwd, dir);
	if (*full != '/') {
		free(full);
		return NULL;
	}
	for (p = full; *p;) {
		char *e;
		while (*p == '/')
			p++;
		e = strchrnul(p, '/');
		if (e - p == 1 && *p == '.') {
		} else if (e - p == 2 && p[0] == '.' && p[1] == '.') {
			while (b.len && b.s[b.len - 1] != '/')
				b.len--;
			if (b.len)
				b.len--;
			if (b.s)
				b.s[b.len] = 0;
		} else if (e > p) {
			sb_addc(&b, '/');
			sb_addn(&b, p, e - p);
		}
		p = e;
	}
	free(full);
	if (!b.len)
		sb_addc(&b, '/');
	return sb_take(&b);
}

static int bi_cd(int argc, char **argv)
{
	bool physical = false, print = false;
	const char *dir;
	char *target = NULL, *newpwd = NULL;
	int i = 1;

	for (; argv[i] && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		if (!strcmp(argv[i], "-P"))
			physical = true;
		else if (!strcmp(argv[i], "-L"))
			physical = false;
		else {
			sh_error("cd: %s: invalid option", argv[i]);
			return 2;
		}
	}
	(void)argc;
	dir = argv[i];
	if (dir && argv[i + 1]) {
		sh_error("cd: too many arguments");
		return 1;
	}
	if (!dir) {
		dir = var_get("HOME");
		if (!dir) {
			sh_error("cd: HOME not set");
			return 1;
		}
	} else if (!strcmp(dir, "-")) {
		dir = var_get("OLDPWD");
		if (!dir) {
			sh_error("cd: OLDPWD not set");
			return 1;
		}
		print = true;
	}
	const char *cdpath = var_get("CDPATH");
	if (cdpath && *dir != '/' && strncmp(dir, "./", 2) && strncmp(dir, "../", 3) &&
	    strcmp(dir, ".") && strcmp(dir, "..")) {
		for (const char *p = cdpath;; p++) {
			const char *e = strchrnul(p, ':');
			char *c = e == p ? xasprintf("./%s", dir) : xasprintf("%.*s/%s", (int)(e - p), p, dir);
			struct stat st;
			if (stat(c, &st) == 0 && S_ISDIR(st.st_mode)) {
				target = c;
				print = e != p;
				break;
			}
			free(c);
			if (!*e)
				break;
			p = e;
		}
	}
	if (!target)
		target = xstrdup(dir);
	if (!physical)
		newpwd = logical_path(target);
	if (chdir(newpwd ? newpwd : target) < 0) {
		sh_error("cd: %s: %s", dir, strerror(errno));
		free(target);
		free(newpwd);
		return 1;
	}
	if (physical || !newpwd) {
		free(newpwd);
		newpwd = xmalloc_getcwd();
	}
	{
		const char *old = var_get("PWD");
		char *o = old ? xstrdup(old) : xmalloc_getcwd();
		if (o)
			var_set("OLDPWD", o, 0);
		free(o);
	}
	if (newpwd)
		var_set("PWD", newpwd, 0);
	if (print)
		printf("%s\n", newpwd ? newpwd : target);
	free(target);
	free(newpwd);
	return 0;
}

static int bi_pwd(int argc, char **argv)
{
	const char *pwd = var_get("PWD");
	bool physical = argc > 1 && !strcmp(argv[1], "-P");
	struct stat a, b;

	if (argc > 1 && strcmp(argv[1], "-P") && strcmp(argv[1], "-L")) {
		sh_error("pwd: %s: invalid option", argv[1]);
		return 2;
	}
	if (!physical && pwd && *pwd == '/' && stat(pwd, &a) == 0 && stat(".", &b) == 0 &&
	    a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
		printf("%s\n", pwd);
		return 0;
	}
	char *cwd = xmalloc_getcwd();
	if (!cwd && !physical && pwd && *pwd == '/') {	/* removed since: as bash and dash */
		printf("%s\n", pwd);
		return 0;
	}
	if (!cwd) {
		sh_error("pwd: %s", strerror(errno));
		return 1;
	}
	printf("%s\n", cwd);
	free(cwd);
	return 0;
}

static int bi_jobs(int argc, char **argv)
{
	bool pids = false, long_form = false;
	int i = 1, status = 0;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		for (const char *p = argv[i] + 1; *p; p++) {
			if (*p == 'p')
				pids = true;
			else if (*p == 'l')
				long_form = true;
			else {
				sh_error("jobs: -%c: invalid option", *p);
				sh_error("jobs: usage: jobs [-l|-p] [job_id...]");
				return 2;
			}
		}
	}
	if (i == argc)
		jobs_report(pids, long_form);
	for (; i < argc; i++) {
		struct job *j = job_lookup(argv[i], "jobs");
		if (j)
			job_report(j, pids, long_form);
		else
			status = 1;
	}
	return status;
}

/* wait %job: for each of its processes; the status of the last. */
static int wait_job(struct job *j)
{
	int n = j->nprocs, status = 0;
	pid_t *pids = xmalloc(n * sizeof(*pids));

	for (int k = 0; k < n; k++)
		pids[k] = j->procs[k].pid;
	for (int k = 0; k < n; k++)
		status = wait_job_pid(pids[k]);
	free(pids);
	return status;
}

static int bi_wait(int argc, char **argv)
{
	int status = 0;
	if (argc == 1) {
		return wait_all();	/* 0 unless a trapped signal came */
	}
	for (int i = 1; i < argc; i++) {
		char *end;
		long pid = strtol(argv[i], &end, 10);
		if (argv[i][0] == '%') {
			struct job *j = job_lookup(argv[i], "wait");
			status = j ? wait_job(j) : 127;
			continue;
		}
		if (*end || pid <= 0) {
			sh_error("wait: %s: invalid process id", argv[i]);
			status = 2;
			continue;
		}
		status = wait_job_pid(pid);
	}
	return status;
}

/* kill -l operand: an exit status or signal number gives the name, a name its number. */
static int kill_list_one(const char *arg)
{
	char buf[SIGNAME_BUFSIZE];
	int s;

	if (isdigit((unsigned char)*arg)) {
		char *end;
		long n = strtol(arg, &end, 10);
		if (n > 128 && n < 128 + NSIG)
			n -= 128;
		if (*end || n >= NSIG) {
			sh_error("kill: %s: invalid signal specification", arg);
			return 1;
		}
		printf("%s\n", n ? get_signame(n, buf) : "EXIT");
		return 0;
	}
	s = get_signum(arg);
	if (s <= 0) {
		sh_error("kill: %s: invalid signal specification", arg);
		return 1;
	}
	printf("%d\n", s);
	return 0;
}

static int bi_kill(int argc, char **argv)
{
	int sig = SIGTERM, i = 1, status = 0;
	char buf[SIGNAME_BUFSIZE];
	const char *spec = NULL;

	if (argc > 1 && (!strcmp(argv[1], "-l") || !strcmp(argv[1], "-L"))) {
		i = 2 + (argv[2] && !strcmp(argv[2], "--"));
		if (i == argc) {
			for (int s = 1; s < NSIG; s++) {
				const char *n = get_signame(s, buf);
				if (!isdigit((unsigned char)*n))
					printf("%s\n", n);
			}
			return 0;
		}
		for (; i < argc; i++)
			status |= kill_list_one(argv[i]);
		return status;
	}
	if (argc > 1 && (!strcmp(argv[1], "-s") || !strcmp(argv[1], "-n"))) {
		if (argc == 2) {
			sh_error("kill: %s: option requires an argument", argv[1]);
			return 1;
		}
		spec = argv[2];
		i = 3;
	} else if (argc > 1 && !strcmp(argv[1], "--")) {
		i = 2;
	} else if (argc > 1 && argv[1][0] == '-' && argv[1][1]) {
		spec = argv[1] + 1;
		i = 2;
	}
	if (spec) {
		sig = get_signum(spec);
		if (sig < 0) {
			sh_error("kill: %s: invalid signal specification", spec);
			return 1;
		}
	}
	if (i < argc && !strcmp(argv[i], "--") && spec)
		i++;
	if (!argv[i]) {
		sh_error("kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | %%job ... "
			 "or kill -l [sigspec]");
		return 2;
	}
	/* a background child that ended is no zombie to signal: kill -0 $! fails once it
	 * is gone */
	reap_jobs();
	for (; i < argc; i++) {
		char *end;
		long pid = strtol(argv[i], &end, 10);
		if (argv[i][0] == '%') {
			struct job *j = job_lookup(argv[i], "kill");
			status |= !j;
			for (int k = 0; j && k < j->nprocs; k++)
				if (j->procs[k].status < 0 && kill(j->procs[k].pid, sig) < 0) {
					sh_error("kill: %s: %s", argv[i], strerror(errno));
					status = 1;
				}
			continue;
		}
		if (*end || !*argv[i]) {
			sh_error("kill: %s: arguments must be process or job IDs", argv[i]);
			status = 1;
			continue;
		}
		if (kill(pid, sig) < 0) {
			sh_error("kill: (%ld) - %s", pid, strerror(errno));
			status = 1;
		}
	}
	return status;
}

static void print_umask_symbolic(mode_t m)
{
	mode_t p = ~m & 0777;
	char s[3][4];

	for (int k = 0; k < 3; k++) {
		int bits = p >> (6 - 3 * k), j = 0;
		if (bits & 4) s[k][j++] = 'r';
		if (bits & 2) s[k][j++] = 'w';
		if (bits & 1) s[k][j++] = 'x';
		s[k][j] = 0;
	}
	printf("u=%s,g=%s,o=%s\n", s[0], s[1], s[2]);
}

/* umask [-p] [-S] [mode]: -p prints in a form to read back in, -S symbolically (as
 * bash, also after setting a mode). Operands after the first are ignored, as bash. */
static int bi_umask(int argc, char **argv)
{
	enum { P = 1, S = 2 };
	unsigned fl;
	int i = builtin_flags(argv, "pS", &fl, "umask [-p] [-S] [mode]");
	mode_t m = umask(0);
	const char *arg;

	umask(m);
	(void)argc;
	if (i < 0)
		return 2;
	arg = argv[i];
	if (arg && isdigit((unsigned char)*arg)) {
		char *end;
		unsigned long v = strtoul(arg, &end, 8);
		if (*end || v > 0777) {
			sh_error("umask: %s: octal number out of range", arg);
			return 1;
		}
		m = v;
	} else if (arg) {
		/* the mode is of the permissions kept; a clause without who (+w) is for
		 * all, the umask does not filter it as it does for chmod */
		int nm = bb_parse_mode_umask(arg, ~m & 0777, false, 0);
		if (nm < 0) {
			sh_error("umask: %s: invalid symbolic mode", arg);
			return 1;
		}
		m = ~nm & 0777;
	}
	umask(m);
	if (arg && !(fl & S))
		return 0;
	if (fl & P)
		printf("umask %s", fl & S ? "-S " : "");
	if (fl & S)
		print_umask_symbolic(m);
	else
		printf("%04o\n", (unsigned)m);
	return 0;
}

/* ulimit's resources, in the order -a lists them (bash's names and units) */
static const struct limit {
	char opt;
	signed char res;	/* -1: the pipe size, which is fixed */
	unsigned char shift;	/* values in units of 1 << shift bytes */
	const char *desc, *unit;
} limits[] = {
	{ 'R', RLIMIT_RTTIME, 0, "real-time non-blocking time", "microseconds" },
	{ 'c', RLIMIT_CORE, 9, "core file size", "blocks" },
	{ 'd', RLIMIT_DATA, 10, "data seg size", "kbytes" },
	{ 'e', RLIMIT_NICE, 0, "scheduling priority", NULL },
	{ 'f', RLIMIT_FSIZE, 9, "file size", "blocks" },
	{ 'i', RLIMIT_SIGPENDING, 0, "pending signals", NULL },
	{ 'l', RLIMIT_MEMLOCK, 10, "max locked memory", "kbytes" },
	{ 'm', RLIMIT_RSS, 10, "max memory size", "kbytes" },
	{ 'n', RLIMIT_NOFILE, 0, "open files", NULL },
	{ 'p', -1, 9, "pipe size", "512 bytes" },
	{ 'q', RLIMIT_MSGQUEUE, 0, "POSIX message queues", "bytes" },
	{ 'r', RLIMIT_RTPRIO, 0, "real-time priority", NULL },
	{ 's', RLIMIT_STACK, 10, "stack size", "kbytes" },
	{ 't', RLIMIT_CPU, 0, "cpu time", "seconds" },
	{ 'u', RLIMIT_NPROC, 0, "max user processes", NULL },
	{ 'v', RLIMIT_AS, 10, "virtual memory", "kbytes" },
	{ 'x', RLIMIT_LOCKS, 0, "file locks", NULL },
};

static void print_limit(const struct limit *l, bool hard, bool label)
{
	struct rlimit rl = { PIPE_BUF, PIPE_BUF };
	rlim_t v;

	if (label) {
		char unit[32];
		if (l->unit)
			snprintf(unit, sizeof(unit), "(%s, -%c) ", l->unit, l->opt);
		else
			snprintf(unit, sizeof(unit), "(-%c) ", l->opt);
		printf("%-20s %20s", l->desc, unit);
	}
	if (l->res >= 0)
		getrlimit(l->res, &rl);
	v = hard ? rl.rlim_max : rl.rlim_cur;
	if (v == RLIM_INFINITY)
		printf("unlimited\n");
	else
		printf("%llu\n", (unsigned long long)(v >> l->shift));
}

/* ulimit [-HS] -X VALUE: soft and hard both when neither is named */
static int set_limit(const struct limit *l, const char *arg, bool soft, bool hard)
{
	struct rlimit rl;
	rlim_t v;

	if (l->res < 0 || getrlimit(l->res, &rl) < 0) {
		errno = EINVAL;
		goto fail;
	}
	if (!strcmp(arg, "unlimited")) {
		v = RLIM_INFINITY;
	} else if (!strcmp(arg, "hard") || !strcmp(arg, "soft")) {
		v = arg[0] == 'h' ? rl.rlim_max : rl.rlim_cur;
	} else {
		char *end;
		errno = 0;
		unsigned long long n = strtoull(arg, &end, 10);
		v = (rlim_t)n << l->shift;
		if (*end || errno || !isdigit((unsigned char)*arg) || v >> l->shift != n) {
			sh_error("ulimit: %s: invalid number", arg);
			return 1;
		}
	}
	if (!soft && !hard)
		soft = hard = true;
	if (soft)
		rl.rlim_cur = v;
	if (hard)
		rl.rlim_max = v;
	if (setrlimit(l->res, &rl) == 0)
		return 0;
fail:
	sh_error("ulimit: %s: cannot modify limit: %s", l->desc, strerror(errno));
	return 1;
}

static int bi_ulimit(int argc, char **argv)
{
	/* H S a, then the letters of limits[] in its order */
	static const char letters[] = "HSaRcdefilmnpqrstuvx";
	unsigned fl, chosen;
	bool hard;
	int i = builtin_flags(argv, letters, &fl, "ulimit [-SHacdefilmnpqrstuvxR] [limit]");
	int status = 0;

	if (i < 0)
		return 2;
	hard = fl & 1;
	chosen = fl >> 3;
	if (argc - i > (fl & 4 ? 0 : 1)) {
		sh_error("ulimit: too many arguments");
		return 2;
	}
	if (fl & 4)
		chosen = ~0u;
	else if (!chosen)
		chosen = 1u << 4;	/* -f */
	for (size_t k = 0; k < ARRAY_SIZE(limits); k++) {
		if (!(chosen & (1u << k)))
			continue;
		if (i == argc)
			print_limit(&limits[k], hard, (fl & 4) || (chosen & (chosen - 1)));
		else
			status |= set_limit(&limits[k], argv[i], fl & 2, hard);
	}
	return status;
}

/* ---- read ---- */

struct read_opts {
	bool raw;		/* -r */
	bool silent;		/* -s */
	bool exact;		/* -N: exactly nchars, the delimiter is data, no splitting */
	int fd;			/* -u */
	int delim;		/* -d: its first byte, '\0' for -d '' */
	long nchars;		/* -n, -N; -1: up to the delimiter */
	long long timeout_ms;	/* -t; -1: none */
	const char *prompt;	/* -p */
	const char *array;	/* -a */
};

static void read_usage(void)
{
	sh_error("read: usage: read [-rs] [-d DELIM] [-n N] [-N N] [-p PROMPT] [-t SECS] "
		 "[-u FD] [NAME]...");
}

/* -t SECS: digits with an optional fraction (no exponent, no hex), in milliseconds
 * rounded up; huge values saturate. */
static bool parse_timeout(const char *s, long long *ms)
{
	long long whole = 0, frac = 0, scale = 1000;
	bool digits = false, rest = false;

	for (; isdigit(*s); s++, digits = true)
		if (whole < 1000000000000LL)
			whole = whole * 10 + (*s - '0');
	if (*s == '.')
		for (s++; isdigit(*s); s++, digits = true) {
			if (scale > 1)
				frac += (*s - '0') * (scale /= 10);
			else
				rest |= *s != '0';
		}
	*ms = whole * 1000 + frac + rest;
	return digits && !*s;
}

static bool parse_count(const char *s, long *n)
{
	char *end;
	errno = 0;
	*n = strtol(s, &end, 10);
	return isdigit(*s) && !*end && !errno && *n <= INT_MAX;
}

/* Options in getopt style: letters may be grouped and an argument may follow its letter
 * in the same word (-rn1, -d:). Returns the index of the first name, or -1 after a
 * message. */
static int read_parse_opts(char **argv, struct read_opts *o)
{
	int i = 1;

	for (; argv[i] && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--"))
			return i + 1;
		for (const char *p = argv[i] + 1; *p; p++) {
			const char *arg = NULL;
			long n;
			if (strchr(ENABLE_FEATURE_SH_ARRAYS ? "adnNptu" : "dnNptu", *p)) {
				arg = p[1] ? p + 1 : argv[++i];
				if (!arg) {
					sh_error("read: -%c: option requires an argument", *p);
					read_usage();
					return -1;
				}
			}
			switch (*p) {
			case 'r':
				o->raw = true;
				continue;
			case 's':
				o->silent = true;
				continue;
			case 'd':
				o->delim = (unsigned char)*arg;
				break;
			case 'n':
			case 'N':
				o->exact = *p == 'N';
				if (!parse_count(arg, &o->nchars)) {
					sh_error("read: %s: invalid number", arg);
					return -1;
				}
				break;
			case 'p':
				o->prompt = arg;
				break;
			case 'a':
				o->array = arg;
				break;
			case 't':
				if (!parse_timeout(arg, &o->timeout_ms)) {
					sh_error("read: %s: invalid timeout specification", arg);
					return -1;
				}
				break;
			case 'u':
				if (!parse_count(arg, &n) || fcntl(n, F_GETFD) < 0) {
					sh_error("read: %s: invalid file descriptor: %s", arg,
						 strerror(EBADF));
					return -1;
				}
				o->fd = n;
				break;
			default:	/* also -e and -i: no line editing here */
				sh_error("read: -%c: invalid option", *p);
				read_usage();
				return -1;
			}
			break;	/* the argument was the rest of the word */
		}
	}
	return i;
}

/* -s and -n/-N on a terminal: echo off, and no waiting for a whole line. Until the
 * settings are back, the signals that would end the shell are caught, so that they end
 * it only after the terminal is restored. */
struct read_tty {
	struct termios saved;
	bool changed;
	struct sigaction old[4];
};
static const int tty_signals[4] = { SIGHUP, SIGINT, SIGQUIT, SIGTERM };

static void tty_on_signal(int sig)
{
	sh_G.pending[sig] = 1;
}

static void tty_setup(const struct read_opts *o, struct read_tty *t)
{
	struct termios raw;
	struct sigaction sa = { 0 };

	if ((!o->silent && o->nchars < 0) || tcgetattr(o->fd, &t->saved) < 0)
		return;
	raw = t->saved;
	if (o->silent)
		raw.c_lflag &= ~(ECHO | ECHONL);
	if (o->nchars >= 0) {
		raw.c_lflag &= ~ICANON;
		raw.c_cc[VMIN] = 1;
		raw.c_cc[VTIME] = 0;
	}
	sa.sa_handler = tty_on_signal;	/* no SA_RESTART: read() returns EINTR */
	sigemptyset(&sa.sa_mask);
	for (int k = 0; k < 4; k++) {
		sigaction(tty_signals[k], NULL, &t->old[k]);
		if (t->old[k].sa_handler == SIG_DFL) {
			sh_G.pending[tty_signals[k]] = 0;
			sigaction(tty_signals[k], &sa, NULL);
		}
	}
	t->changed = true;
	tcsetattr(o->fd, TCSADRAIN, &raw);
}

static int tty_interrupted(const struct read_tty *t)
{
	for (int k = 0; t->changed && k < 4; k++)
		if (t->old[k].sa_handler == SIG_DFL && sh_G.pending[tty_signals[k]])
			return tty_signals[k];
	return 0;
}

/* Restore the terminal, then die of the signal that came meanwhile, if any. */
static void tty_restore(const struct read_opts *o, struct read_tty *t)
{
	int sig = tty_interrupted(t);

	if (!t->changed)
		return;
	tcsetattr(o->fd, TCSADRAIN, &t->saved);
	for (int k = 0; k < 4; k++)
		if (t->old[k].sa_handler == SIG_DFL)
			sigaction(tty_signals[k], &t->old[k], NULL);
	if (sig) {
		sh_G.pending[sig] = 0;
		raise(sig);
	}
}

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

enum { RB_EOF = 0, RB_ERROR = -1, RB_TIMEOUT = -2, RB_SIGNAL = -3 };

static bool is_regular_fd(int fd)
{
	struct stat st;
	return fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
}

/* Bytes read ahead from a regular file; what is left over is given back with lseek. */
struct read_ahead {
	bool on;
	int pos, len;
	char b[512];
};

/* One byte, or an RB_ code. deadline: now_ms() value, -1 for none. */
static int read_byte(const struct read_opts *o, const struct read_tty *t, long long deadline,
		     struct read_ahead *ra, char *c)
{
	if (ra->pos < ra->len) {
		*c = ra->b[ra->pos++];
		return 1;
	}
	for (;;) {
		if (deadline >= 0) {
			struct pollfd p = { .fd = o->fd, .events = POLLIN };
			long long ms = deadline - now_ms();
			int r;
			if (ms <= 0)
				return RB_TIMEOUT;
			r = poll(&p, 1, ms > INT_MAX ? INT_MAX : (int)ms);
			if (r == 0)
				continue;
			if (r < 0 && errno != EINTR)
				return RB_ERROR;
			if (r < 0) {
				if (tty_interrupted(t))
					return RB_SIGNAL;
				continue;
			}
		}
		ssize_t n = ra->on ? read(o->fd, ra->b, sizeof(ra->b)) : read(o->fd, c, 1);
		if (n > 0 && ra->on) {
			ra->len = (int)n;
			ra->pos = 1;
			*c = ra->b[0];
		}
		if (n >= 0)
			return n > 0;
		if (errno != EINTR)
			return RB_ERROR;
		if (tty_interrupted(t))
			return RB_SIGNAL;
	}
}

/* Read up to the delimiter, one byte at a time so that the rest stays for the next
 * reader; from a regular file in blocks, giving back what was read too far. mask marks the characters quoted with a backslash. NUL bytes are dropped (as
 * bash does). Returns read's status: 1 at the end of input or a read error (what came
 * before is kept), 128+SIGALRM at the timeout. */
static int read_line(const struct read_opts *o, struct sbuf *line, struct sbuf *mask)
{
	struct read_tty t = { 0 };
	struct read_ahead ra = { .on = o->timeout_ms < 0 && is_regular_fd(o->fd) };
	long long deadline = o->timeout_ms >= 0 ? now_ms() + o->timeout_ms : -1;
	long count = 0;
	bool escaped = false;
	int status = 0;
	char c;

	tty_setup(o, &t);
	while (o->nchars < 0 || count < o->nchars) {
		int r = read_byte(o, &t, deadline, &ra, &c);
		if (r <= 0) {
			/* a read error (a closed fd) ends the input, as in dash */
			status = r == RB_TIMEOUT ? 128 + SIGALRM
				 : r == RB_SIGNAL ? 128 + tty_interrupted(&t) : 1;
			break;
		}
		bool quoted = escaped;
		escaped = false;
		if (quoted && c == '\n')
			continue;	/* a line continuation */
		if (!quoted && c == o->delim && !o->exact)
			break;
		if (!quoted && c == '\\' && !o->raw) {
			escaped = true;
			continue;
		}
		if (!c)
			continue;
		sb_addc(line, c);
		sb_addc(mask, quoted);
		count++;
	}
	if (ra.pos < ra.len)
		lseek(o->fd, ra.pos - ra.len, SEEK_CUR);
	tty_restore(o, &t);
	return status;
}

/* Split s (len bytes, mask marking quoted ones) at IFS into the variables names[0..n-1]:
 * the last one gets the rest of the line without its trailing IFS white space, and
 * without a last delimiter that ends its one field. */
static int read_assign(char **names, int n, const char *s, const char *m, size_t len,
		       const char *ifs)
{
	size_t pos = 0;
	int status = 0;

#define IS_WS(k) (!m[k] && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n') && strchr(ifs, s[k]))
#define IS_IFS(k) (!m[k] && s[k] && strchr(ifs, s[k]))
	while (pos < len && IS_WS(pos))
		pos++;
	for (int i = 0; i < n; i++) {
		size_t start = pos, end;
		if (!is_name(names[i], strlen(names[i]))) {
			sh_error("read: %s: bad variable name", names[i]);
			return 2;
		}
		while (pos < len && !IS_IFS(pos))
			pos++;
		end = pos;
		while (pos < len && IS_WS(pos))
			pos++;
		if (pos < len && IS_IFS(pos)) {
			pos++;
			while (pos < len && IS_WS(pos))
				pos++;
		}
		if (i == n - 1 && pos < len) {
			end = len;
			while (end > start && IS_WS(end - 1))
				end--;
		}
		char *val = xstrndup(s + start, end - start);
		if (var_set(names[i], val, 0) < 0)
			status = 2;
		free(val);
	}
#undef IS_WS
#undef IS_IFS
	return status;
}

/* read -a NAME: every field an element */
static int read_array(const char *name, const char *s, const char *m, size_t len,
		      const char *ifs)
{
	struct aelem *e = NULL;
	size_t ne = 0, pos = 0;

#define IS_WS(k) (!m[k] && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n') && strchr(ifs, s[k]))
#define IS_IFS(k) (!m[k] && s[k] && strchr(ifs, s[k]))
	while (pos < len && IS_WS(pos))
		pos++;
	while (pos < len) {
		size_t start = pos;
		while (pos < len && !IS_IFS(pos))
			pos++;
		e = xrealloc(e, (ne + 1) * sizeof(*e));
		e[ne].idx = ne;
		e[ne++].val = xstrndup(s + start, pos - start);
		while (pos < len && IS_WS(pos))
			pos++;
		if (pos < len && IS_IFS(pos))
			for (pos++; pos < len && IS_WS(pos);)
				pos++;
	}
#undef IS_WS
#undef IS_IFS
	return array_assign(name, e, ne, false, 0) < 0 ? 2 : 0;
}

static int bi_read(int argc, char **argv)
{
	struct read_opts o = { .delim = '\n', .nchars = -1, .timeout_ms = -1 };
	struct sbuf line = { 0 }, mask = { 0 };
	int i = read_parse_opts(argv, &o), status, r;
	char *reply[] = { (char *)"REPLY" };
	const char *ifs;

	if (i < 0)
		return 2;
	if (o.timeout_ms == 0) {	/* -t 0: is there input? */
		struct pollfd p = { .fd = o.fd, .events = POLLIN };
		return poll(&p, 1, 0) > 0 ? 0 : 1;
	}
	if (o.prompt && isatty(o.fd)) {
		fputs(o.prompt, stderr);
		fflush(stderr);
	}
	status = read_line(&o, &line, &mask);
	sb_addc(&line, 0);
	sb_addc(&mask, 0);
	line.len--;
	/* REPLY and -N take the line as it is (no IFS): -N empties its other names */
	if ((i == argc && !o.array) || o.exact)
		ifs = "";
	else if (!(ifs = var_get("IFS")))
		ifs = " \t\n";
	if (ENABLE_FEATURE_SH_ARRAYS && o.array)
		r = read_array(o.array, line.s, mask.s, line.len, ifs);
	else if (i == argc)
		r = read_assign(reply, 1, line.s, mask.s, line.len, ifs);
	else
		r = read_assign(argv + i, argc - i, line.s, mask.s, line.len, ifs);
	if (r)
		status = r;
	free(line.s);
	free(mask.s);
	return status;
}

/* A NOFORK applet's output as a string: it runs in the shell with its standard output on
 * an anonymous file in memory (a pipe could fill up, as nobody reads it meanwhile). */
static char *nofork_output(const struct applet *a, char **argv, int *status)
{
	int fd = memfd_create("output", MFD_CLOEXEC), saved;

	if (fd < 0) {	/* a kernel without memfd: a deleted temporary file */
		FILE *f = tmpfile();
		fd = f ? fcntl(fileno(f), F_DUPFD_CLOEXEC, 0) : -1;
		if (f)
			fclose(f);
		if (fd < 0) {
			sh_error("%s: %s", applet_name_of(a), strerror(errno));
			*status = 1;
			return NULL;
		}
	}
	fflush(stdout);
	saved = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 10);
	dup2(fd, STDOUT_FILENO);
	*status = run_applet(a, argv);
	if (saved >= 0) {
		dup2(saved, STDOUT_FILENO);
		close(saved);
	} else {
		close(STDOUT_FILENO);
	}
	lseek(fd, 0, SEEK_SET);
	return read_all_and_close(fd);
}

/* printf is the applet; the shell adds bash's -v NAME: the output is assigned to NAME
 * (up to a NUL byte) instead of printed. */
/* NAME[SUBSCRIPT], as on the left of an assignment */
static bool is_element_name(const char *s)
{
	size_t nl, n = strlen(s);
	char *w = xasprintf("%s=", s);
	bool ok = ENABLE_FEATURE_SH_ARRAYS && s[n ? n - 1 : 0] == ']' && assign_lhs_len(w, &nl) == n;

	free(w);
	return ok;
}

static int bi_printf(int argc, char **argv)
{
	const struct applet *a = find_applet("printf");
	const char *name;
	char *out, **args;
	int i = 2, status;

	if (argc < 2 || strncmp(argv[1], "-v", 2))
		return run_applet(a, argv);
	name = argv[1][2] ? argv[1] + 2 : argv[i++];
	if (!name) {
		sh_error("printf: -v: option requires an argument");
		i = argc + 1;
	} else if (!is_name(name, strlen(name)) && !is_element_name(name)) {
		sh_error("printf: `%s': not a valid identifier", name);
		return 2;
	}
	if (i < argc && !strcmp(argv[i], "--"))
		i++;
	if (i >= argc) {
		sh_error("printf: usage: printf [-v NAME] FORMAT [ARGUMENT]...");
		return 2;
	}
	args = xmalloc((argc - i + 2) * sizeof(*args));
	args[0] = argv[0];
	memcpy(args + 1, argv + i, (argc - i + 1) * sizeof(*args));
	out = nofork_output(a, args, &status);
	free(args);
	if (out) {
		char *w = xasprintf("%s=%s", name, out);
		if (assign_word(w, 0, true) < 0)
			status = 2;
		free(w);
	}
	free(out);
	return status;
}

/* getopts reports a bad option like a utility would (bash): "$0: msg -- c", with no
 * line number; OPTERR=0 silences it. */
static void getopts_complain(const char *msg, char c)
{
	const char *opterr = var_get("OPTERR");

	if (opterr && !strcmp(opterr, "0"))
		return;
	fflush(stdout);
	dprintf(STDERR_FILENO, "%s: %s -- %c\n", sh_G.arg0, msg, c);
}

static int bi_getopts(int argc, char **argv)
{
	const char *optstring, *name, *optind_s = var_get("OPTIND");
	char **args;
	int nargs, optind = optind_s ? atoi(optind_s) : 1;
	char buf[24], opt[2] = { 0, 0 };
	bool silent;
	const char *arg, *spec;

	if (argc < 3) {
		sh_error("getopts: usage: getopts optstring name [arg ...]");
		return 2;
	}
	optstring = argv[1];
	name = argv[2];
	if (!is_name(name, strlen(name))) {
		sh_error("getopts: %s: bad variable name", name);
		return 2;
	}
	silent = *optstring == ':';
	if (argc > 3) {
		args = argv + 3;
		nargs = argc - 3;
	} else {
		args = sh_G.pos;
		nargs = sh_G.npos;
	}
	if (optind < 1)
		optind = 1;
	if (optind > nargs + 1)
		optind = nargs + 1;
	var_unset("OPTARG");
	if (optind > nargs || (arg = args[optind - 1])[0] != '-' || !arg[1] ||
	    (!sh_G.getopt_char && !strcmp(arg, "--"))) {
		if (optind <= nargs && !strcmp(args[optind - 1], "--"))
			optind++;
		snprintf(buf, sizeof(buf), "%d", optind);
		var_set(name, "?", 0);
		var_set("OPTIND", buf, 0);
		return 1;
	}
	/* a position left from an argument that "set --" has since replaced starts again */
	unsigned pos = sh_G.getopt_char && sh_G.getopt_char < strlen(arg) ? sh_G.getopt_char : 1;
	opt[0] = arg[pos];
	spec = opt[0] != ':' ? strchr(optstring + silent, opt[0]) : NULL;
	pos++;
	if (!spec) {
		if (silent) {
			var_set("OPTARG", opt, 0);
		} else {
			getopts_complain("illegal option", opt[0]);
		}
		var_set(name, "?", 0);
	} else if (spec[1] == ':') {
		if (arg[pos]) {
			var_set("OPTARG", arg + pos, 0);
			pos = 0;
			optind++;
		} else if (optind < nargs) {
			var_set("OPTARG", args[optind], 0);
			optind += 2;
			pos = 0;
		} else {
			if (silent) {
				var_set("OPTARG", opt, 0);
				var_set(name, ":", 0);
			} else {
				getopts_complain("option requires an argument", opt[0]);
				var_set(name, "?", 0);
			}
			optind++;
			pos = 0;
			goto done;
		}
		var_set(name, opt, 0);
		goto done;
	} else {
		var_set(name, opt, 0);
	}
	if (!arg[pos]) {
		pos = 0;
		optind++;
	}
done:
	snprintf(buf, sizeof(buf), "%d", optind);
	var_set("OPTIND", buf, 0);
	sh_G.getopt_char = pos;
	return 0;
}

static const char *const keywords[] = { "!", "[[", "]]", "{", "}", "case", "do", "done",
					"elif", "else", "esac", "fi", "for", "function", "if", "in",
					"then", "until", "while", NULL };

enum {
	D_ALL = 1 << 0,		/* type -a: every way the name can be run */
	D_NOFUNC = 1 << 1,	/* -f */
	D_PATH = 1 << 2,	/* -p: the file's path, nothing for the others */
	D_FORCE = 1 << 3,	/* -P: search PATH, whatever the name is */
	D_KIND = 1 << 4,	/* -t: alias, keyword, function, builtin or file */
	D_SHORT = 1 << 5,	/* command -v */
};

/* One way name can be run, in the form how asks for; text: a file's path, or what the
 * name is. */
static void say(const char *name, unsigned how, const char *kind, const char *text)
{
	bool file = !strcmp(kind, "file");

	if (how & D_KIND)
		printf("%s\n", kind);
	else if (how & (D_PATH | D_FORCE | D_SHORT)) {
		if (file || (how & D_SHORT))
			printf("%s\n", file ? text : name);
	} else
		printf("%s is %s\n", name, text);
}

/* The executable files name can be: with a '/', itself; else where PATH has it (all of
 * them with D_ALL). */
static bool describe_files(const char *name, unsigned how)
{
	const char *path = search_path();
	struct stat st;
	bool found = false;

	if (strchr(name, '/')) {
		found = stat(name, &st) == 0 && S_ISREG(st.st_mode) && access(name, X_OK) == 0;
		if (found)
			say(name, how, "file", name);
		return found;
	}
	do {
		char *full = path_next(name, &path, X_OK);
		if (!full)
			break;
		say(name, how, "file", full);
		free(full);
		found = true;
	} while (how & D_ALL);
	return found;
}

/* type and command -v/-V: how name would be run (alias, keyword, function, builtin, file,
 * in that order). False when it would not. */
static bool describe(const char *name, unsigned how)
{
	const struct builtin *b = builtin_lookup(name);
	struct alias *al = alias_lookup(name);
	bool found = false;

	if (how & D_FORCE)
		return describe_files(name, how);
	if (al) {
		if (how & D_SHORT) {
			printf("alias %s=", name);
			print_quoted(al->value);
			putchar('\n');
		} else {
			char *t = xasprintf("an alias for %s", al->value);
			say(name, how, "alias", t);
			free(t);
		}
		found = true;
	}
	for (int k = 0; keywords[k] && (!found || (how & D_ALL)); k++)
		if (!strcmp(keywords[k], name)) {
			say(name, how, "keyword", "a shell keyword");
			found = true;
		}
	if ((!found || (how & D_ALL)) && b && (b->flags & BI_SPECIAL)) {
		say(name, how, "builtin", "a special shell builtin");
		found = true;
	}
	if ((!found || (how & D_ALL)) && !(how & D_NOFUNC) && func_lookup(name)) {
		say(name, how, "function", "a function");
		found = true;
	}
	if ((!found || (how & D_ALL)) && ((b && !(b->flags & BI_SPECIAL)) || nofork_applet_lookup(name))) {
		say(name, how, "builtin", "a shell builtin");
		found = true;
	}
	if (!found || (how & D_ALL))
		found |= describe_files(name, how);
	return found;
}

static int bi_type(int argc, char **argv)
{
	static const unsigned bits[] = { D_ALL, D_NOFUNC, D_PATH, D_FORCE, D_KIND };
	unsigned fl, how = 0;
	int i = builtin_flags(argv, "afpPt", &fl, "type [-afptP] name..."), status = 0;

	if (i < 0)
		return 2;
	for (size_t k = 0; k < ARRAY_SIZE(bits); k++)
		if (fl & (1u << k))
			how |= bits[k];
	for (; i < argc; i++) {
		if (describe(argv[i], how))
			continue;
		if (!(how & (D_KIND | D_PATH | D_FORCE)))
			sh_error("type: %s: not found", argv[i]);
		status = 1;
	}
	return status;
}

static int bi_command(int argc, char **argv)
{
	int i = 1, mode = 0, status = 0;
	bool std_path = false, saved_std = sh_G.std_path;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		for (const char *p = argv[i] + 1; *p; p++) {
			if (*p == 'v' || *p == 'V')
				mode = *p;
			else if (*p == 'p')
				std_path = true;
			else {
				sh_error("command: -%c: invalid option", *p);
				return 2;
			}
		}
	}
	if (i == argc)
		return 0;
	sh_G.std_path |= std_path;
	if (mode) {
		for (; i < argc; i++) {
			if (describe(argv[i], mode == 'v' ? D_SHORT : 0))
				continue;
			if (mode == 'V')
				sh_error("command: %s: not found", argv[i]);
			status = 1;
		}
		sh_G.std_path = saved_std;
		return status;
	}
	bool saved = sh_G.under_command;
	sh_G.under_command = true;
	status = exec_argv(argv + i);
	sh_G.under_command = saved;
	sh_G.std_path = saved_std;
	return status;
}

/* hash [-lr] [-p PATH] [-dt] [NAME...], as bash's */
static int bi_hash(int argc, char **argv)
{
	enum { H_D = 1, H_L = 2, H_P = 4, H_R = 8, H_T = 16 };
	unsigned fl;
	int i = builtin_flags(argv, "dlprt", &fl, "hash [-lr] [-p pathname] [-dt] [name ...]");
	int status = 0;
	const char *pinned = NULL;

	if (i < 0)
		return 2;
	if ((fl & H_P) && !(pinned = argv[i++])) {
		sh_error("hash: -p: option requires an argument");
		return 2;
	}
	if (fl & H_R)
		hash_forget_all();
	if (i == argc && !(fl & (H_R | H_P))) {
		struct remembered *r = *hash_table();
		if (!r)
			printf("hash: hash table empty\n");
		else if (!(fl & H_L))
			printf("hits\tcommand\n");
		for (; r; r = r->next)
			if (fl & H_L)
				printf("builtin hash -p %s %s\n", r->path, r->name);
			else
				printf("%4u\t%s\n", r->hits, r->path);
		return 0;
	}
	for (int first = i; i < argc; i++) {
		const char *name = argv[i];
		struct remembered *r = hash_lookup(name);
		if (fl & (H_D | H_T)) {
			if (!r) {
				sh_error("hash: %s: not found", name);
				status = 1;
			} else if (fl & H_T) {
				printf(argc - first > 1 ? "%s\t%s\n" : "%.0s%s\n", name, r->path);
			} else {
				hash_forget(name);
			}
		} else if (pinned) {
			hash_remember(name, pinned, 0);
			hash_lookup(name)->pinned = true;
		} else if (!strchr(name, '/') && !builtin_lookup(name) && !func_lookup(name) &&
			   !(ENABLE_FEATURE_SH_STANDALONE && find_applet(name)) && !hash_add(name)) {
			sh_error("hash: %s: not found", name);
			status = 1;
		}
	}
	return status;
}

/* ---- bash shopt: its pattern options, and set's options with -o ---- */

static const char *const shopt_names[SHOPT_COUNT] = {
	"dotglob", "extglob", "failglob", "nocaseglob", "nocasematch", "nullglob",
};

static int shopt_find(const char *name, bool o)
{
	for (int k = 0; k < (o ? OPT_COUNT : SHOPT_COUNT); k++)
		if (o ? !opt_hidden(k) && !strcmp(opt_names[k].name, name)
		      : !strcmp(shopt_names[k], name))
			return k;
	return -1;
}

static bool shopt_get(int k, bool o)
{
	return o ? SHOPT(k) : SH_SHOPT(k);
}

static void shopt_print(int k, bool o, bool as_command)
{
	const char *name = o ? opt_names[k].name : shopt_names[k];
	bool on = shopt_get(k, o);

	if (as_command && o)
		printf("set %co %s\n", on ? '-' : '+', name);
	else if (as_command)
		printf("shopt %s %s\n", on ? "-s" : "-u", name);
	else
		printf("%-15s\t%s\n", name, on ? "on" : "off");
}

static int bi_shopt(int argc, char **argv)
{
	bool set = false, unset = false, print = false, quiet = false, o = false;
	int i = 1, status = 0;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		for (const char *p = argv[i] + 1; *p; p++) {
			switch (*p) {
			case 's': set = true; break;
			case 'u': unset = true; break;
			case 'p': print = true; break;
			case 'q': quiet = true; break;
			case 'o': o = true; break;
			default:
				sh_error("shopt: -%c: invalid option", *p);
				fputs("shopt: usage: shopt [-pqsu] [-o] [optname ...]\n", stderr);
				return 2;
			}
		}
	}
	if (set && unset) {
		sh_error("shopt: cannot set and unset shell options simultaneously");
		return 1;
	}
	if (i == argc) {	/* list all, or those on (-s) or off (-u) */
		for (int k = 0; k < (o ? OPT_COUNT : SHOPT_COUNT) && !quiet; k++)
			if (!(o && opt_hidden(k)) && (!(set || unset) || shopt_get(k, o) == set))
				shopt_print(k, o, print);
		return 0;
	}
	for (; i < argc; i++) {
		int k = shopt_find(argv[i], o);
		if (k < 0) {
			sh_error(o ? "shopt: %s: invalid option name"
				   : "shopt: %s: invalid shell option name", argv[i]);
			status = 1;
		} else if (set || unset) {
			unsigned *bits = o ? &sh_G.opts : &sh_G.shopts;
			*bits = set ? *bits | 1u << k : *bits & ~(1u << k);
		} else {
			if (!shopt_get(k, o))
				status = 1;
			if (!quiet)
				shopt_print(k, o, print);
		}
	}
	return status;
}

static const struct builtin builtins[] = {
	{ ".", bi_dot, BI_SPECIAL },
	{ ":", bi_colon, BI_SPECIAL },
	{ "alias", bi_alias, BI_REGULAR },
	{ "break", bi_break, BI_SPECIAL },
	{ "cd", bi_cd, BI_REGULAR },
	{ "command", bi_command, BI_REGULAR },
	{ "continue", bi_break, BI_SPECIAL },
#if ENABLE_FEATURE_SH_ARRAYS
	{ "declare", bi_declare, BI_REGULAR },
#endif
	{ "eval", bi_eval, BI_SPECIAL },
	{ "exec", bi_exec, BI_SPECIAL },
	{ "exit", bi_exit, BI_SPECIAL },
	{ "export", bi_export, BI_SPECIAL },
	{ "false", bi_false, BI_REGULAR },
	{ "getopts", bi_getopts, BI_REGULAR },
	{ "hash", bi_hash, BI_REGULAR },
	{ "jobs", bi_jobs, BI_REGULAR },
	{ "kill", bi_kill, BI_REGULAR },
	{ "let", bi_let, BI_REGULAR },
	{ "local", bi_local, BI_REGULAR },
	{ "printf", bi_printf, BI_REGULAR },
	{ "pwd", bi_pwd, BI_REGULAR },
	{ "read", bi_read, BI_REGULAR },
	{ "readonly", bi_readonly, BI_SPECIAL },
	{ "return", bi_return, BI_SPECIAL },
	{ "set", bi_set, BI_SPECIAL },
	{ "shift", bi_shift, BI_SPECIAL },
	{ "shopt", bi_shopt, BI_REGULAR },
	{ "source", bi_dot, BI_REGULAR },
	{ "times", bi_times, BI_SPECIAL },
	{ "trap", bi_trap, BI_SPECIAL },
	{ "true", bi_colon, BI_REGULAR },
	{ "type", bi_type, BI_REGULAR },
#if ENABLE_FEATURE_SH_ARRAYS
	{ "typeset", bi_declare, BI_REGULAR },
#endif
	{ "ulimit", bi_ulimit, BI_REGULAR },
	{ "umask", bi_umask, BI_REGULAR },
	{ "unalias", bi_unalias, BI_REGULAR },
	{ "unset", bi_unset, BI_SPECIAL },
	{ "wait", bi_wait, BI_REGULAR },
};

const struct builtin *builtin_lookup(const char *name)
{
	size_t lo = 0, hi = ARRAY_SIZE(builtins);
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(name, builtins[mid].name);
		if (c == 0)	/* without the applet, printf is the one in $PATH */
			return ENABLE_PRINTF || builtins[mid].fn != bi_printf ? &builtins[mid] : NULL;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

bool builtin_is_exec(const struct builtin *b)
{
	return b && b->fn == bi_exec;
}

/* The applets that are builtins in other shells too, even without standalone mode */
static bool applet_is_builtin(const char *name)
{
	static const char *const names[] = { "[", "echo", "printf", "test" };

	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (!strcmp(names[i], name))
			return true;
	return false;
}

const struct applet *nofork_applet_lookup(const char *name)
{
	const struct applet *a = NULL;

	if (applet_is_builtin(name))
		a = find_applet(name);
	if (!a && ENABLE_FEATURE_SH_NOFORK && ENABLE_FEATURE_SH_STANDALONE && !strchr(name, '/'))
		a = find_applet(name);
	return a && a->kind == APPLET_NOFORK ? a : NULL;
}

/* A NOFORK applet run by the shell. The messages of those that are builtins elsewhere
 * start like the shell's own ("script: line 3: echo: write error"), as in bash. */
int run_applet(const struct applet *a, char **argv)
{
	const char *name = NULL;

	/* it reads the environment with getenv (printf's TZ, printenv) */
	if (sh_G.env_stale) {
		char **old = sh_G.applet_env;
		environ = sh_G.applet_env = var_environ();
		sh_G.env_stale = false;
		for (char **e = old; e && *e; e++)
			free(*e);
		free(old);
	}

	if (applet_is_builtin(applet_name_of(a)))
		name = sh_msg_name_kept(applet_name_of(a));
	return run_nofork_applet_as(a, argv, name);
}
