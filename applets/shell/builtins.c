/*== part of ash ==*/
/* builtins.c: the shell's builtin commands (POSIX XCU 2.15 special builtins and the
 * regular builtins that must run in the shell). echo, printf, test and [ are the
 * project's applets, run in-process (nofork_applet_lookup). */
#include "sh.h"
#include <sys/resource.h>
#include <sys/times.h>

static const struct {
	char letter;
	const char *name;
} opt_names[OPT_COUNT] = {
	{ 'a', "allexport" }, { 'b', "notify" }, { 'C', "noclobber" }, { 'e', "errexit" },
	{ 'f', "noglob" }, { 'h', "hashall" }, { 'i', "interactive" }, { 'm', "monitor" },
	{ 'n', "noexec" }, { 's', "stdin" }, { 'u', "nounset" }, { 'v', "verbose" },
	{ 'x', "xtrace" }, { 0, "pipefail" }, { 0, "nolog" }, { 0, "ignoreeof" },
};

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
		if (i == OPT_i || i == OPT_s)
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
					if (!strcmp(opt_names[o].name, name))
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
				if (opt_names[o].letter == *p && o != OPT_i && o != OPT_s)
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

/* declare -p quoting: "..." with \ before " \ $ `, or $'...' for control characters */
static void print_dquoted(const char *s)
{
	bool ctl = false;

	for (const char *p = s; *p; p++)
		ctl |= (unsigned char)*p < ' ' || *p == 0x7f;
	fputs(ctl ? "$'" : "\"", stdout);
	for (; *s; s++) {
		const char *e = strchr("\n\t\r\033\\", *s);
		if (!ctl && strchr("\"\\$`", *s)) {
			printf("\\%c", *s);
		} else if (ctl && e) {
			printf("\\%c", "ntrE\\"[e - "\n\t\r\033\\"]);
		} else if (ctl && *s == '\'') {
			fputs("\\'", stdout);
		} else if (ctl && ((unsigned char)*s < ' ' || *s == 0x7f)) {
			printf("\\%03o", (unsigned char)*s);
		} else {
			putchar(*s);
		}
	}
	putchar(ctl ? '\'' : '"');
}

/* NAME=([0]="x" [1]="y") for set and declare -p */
static void print_array(const struct var *v)
{
	printf("%s=(", v->name);
	for (size_t i = 0; i < v->narr; i++) {
		printf(&" [%lld]="[!i], v->arr[i].idx);
		print_dquoted(v->arr[i].val);
	}
	putchar(')');
}

/* declare -p: a command that recreates the variable */
static void print_declare(const struct var *v)
{
	static const unsigned flag[] = { V_ARRAY, V_INTEGER, V_READONLY, V_EXPORT };
	char opts[8] = "-", *o = opts + 1;

	for (int i = 0; i < 4; i++)
		if (v->flags & flag[i])
			*o++ = "airx"[i];
	if (o == opts + 1)
		*o++ = '-';
	*o = 0;
	printf("declare %s ", opts);
	if ((v->flags & (V_ARRAY | V_UNSET)) == V_ARRAY) {
		print_array(v);
	} else {
		fputs(v->name, stdout);
		if (!(v->flags & V_UNSET)) {
			putchar('=');
			print_dquoted(v->value);
		}
	}
	putchar('\n');
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
	long n = sh_G.status;
	if (argc > 1 && !number_arg("exit", argv[1], &n))
		n = 2;
	sh_exit(n & 255);
}

static int bi_return(int argc, char **argv)
{
	long n = sh_G.status;
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

static int bi_shift(int argc, char **argv)
{
	long n = 1;
	bool ok = argc == 1 || number_arg("shift", argv[1], &n);

	if (ok && (n < 0 || n > sh_G.npos)) {
		sh_error("shift: %s: shift count out of range", argv[1]);
		ok = false;
	}
	if (!ok) {
		/* an error in a special builtin ends a script */
		if (!sh_G.interactive && !sh_G.under_command)
			sh_exit(2);
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
				print_array(v[k]);
				putchar('\n');
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
		return 2;
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

static char *read_whole_file(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct sbuf b = { 0 };
	char buf[4096];
	ssize_t n;

	if (fd < 0)
		return NULL;
	while ((n = safe_read(fd, buf, sizeof(buf))) > 0)
		sb_addn(&b, buf, n);
	close(fd);
	return sb_take(&b);
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
		if (!sh_G.interactive)
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
	sh_G.dot_depth++;
	sh_G.lineno = 1;
	status = eval_string(text);
	sh_G.dot_depth--;
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
	if (argc < 2)
		return 0;
	exec_argv_replace(argv + 1);
}

static void print_var_decl(const char *cmd, struct var *v)
{
	if (ENABLE_FEATURE_SH_ARRAYS && (v->flags & V_ARRAY)) {
		print_declare(v);
		return;
	}
	printf("%s %s", cmd, v->name);
	if (!(v->flags & V_UNSET)) {
		putchar('=');
		print_quoted(v->value);
	}
	putchar('\n');
}

static int export_or_readonly(int argc, char **argv, unsigned flag)
{
	int i = 1, status = 0;

	if (argv[1] && (!strcmp(argv[1], "-p") || (ENABLE_FEATURE_SH_ARRAYS &&
						    !strcmp(argv[1], "-a"))))
		i++;
	if (argv[i] && !strcmp(argv[i], "--"))
		i++;
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
	return status;
}

static int bi_export(int argc, char **argv)
{
	return export_or_readonly(argc, argv, V_EXPORT);
}

static int bi_readonly(int argc, char **argv)
{
	return export_or_readonly(argc, argv, V_READONLY);
}

/* bash let EXPR...: the status is 1 when the last value is 0. */
static int bi_let(int argc, char **argv)
{
	long long v = 0;
	if (argc < 2) {
		sh_error("let: expression expected");
		return 1;
	}
	for (int i = 1; i < argc; i++)
		v = arith_eval(argv[i]);
	return v == 0;
}

/* declare/typeset [-aigrx] [-p|-F] [NAME[=VALUE]...]; local is declare in a function. */
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
				print_declare(v[k]);
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
				print_declare(v);
			else
				sh_error("%s: %s: not found", argv[0], name);
			status |= !v;
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
		} else {
			var_make_local(name);
			if (nl)
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
				return 2;
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
		if (var_lookup(argv[i]) || vars) {
			if (var_unset(argv[i]) < 0)
				status = 1;
		} else {
			func_unset(argv[i]);
		}
	}
	return status;
}

static int bi_trap(int argc, char **argv)
{
	int i = 1, status = 0;
	const char *action;
	char buf[SIGNAME_BUFSIZE];

	if (argv[i] && !strcmp(argv[i], "--"))
		i++;
	if (!argv[i] || !strcmp(argv[i], "-p")) {
		for (int sig = 0; sig < NSIG; sig++) {
			if (!sh_G.traps[sig])
				continue;
			printf("trap -- ");
			print_quoted(sh_G.traps[sig]);
			printf(" %s\n", sig ? get_signame(sig, buf) : "EXIT");
		}
		return 0;
	}
	action = argv[i];
	if (isdigit((unsigned char)*action) && action[strspn(action, "0123456789")] == 0)
		action = NULL;	/* all operands are conditions to reset */
	else
		i++;
	if (action && !strcmp(action, "-"))
		action = NULL;
	for (; i < argc; i++) {
		int sig = !strcmp(argv[i], "EXIT") || !strcmp(argv[i], "0") ? 0 : get_signum(argv[i]);
		if (sig < 0 || sig >= NSIG || sig == SIGKILL || sig == SIGSTOP) {
			sh_error("trap: %s: bad trap", argv[i]);
			status = 1;
			continue;
		}
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
	if (argc > 1) {
		sh_error("jobs: %s: invalid argument", argv[1]);
		return 2;
	}
	jobs_report();
	return 0;
}

static int bi_wait(int argc, char **argv)
{
	int status = 0;
	if (argc == 1) {
		wait_all();	/* waiting for all: the status is 0 */
		return 0;
	}
	for (int i = 1; i < argc; i++) {
		char *end;
		long pid = strtol(argv[i], &end, 10);
		if (*end || pid <= 0) {
			sh_error("wait: %s: invalid process id", argv[i]);
			status = 2;
			continue;
		}
		if (!job_find_pid(pid)) {
			status = 127;
			continue;
		}
		status = wait_pid(pid);
	}
	return status;
}

static int bi_kill(int argc, char **argv)
{
	int sig = SIGTERM, i = 1, status = 0;
	char buf[SIGNAME_BUFSIZE];

	if (argc > 1 && !strcmp(argv[1], "-l")) {
		if (argc == 2) {
			for (int s = 1; s < NSIG; s++) {
				const char *n = get_signame(s, buf);
				if (!isdigit((unsigned char)*n))
					printf("%s\n", n);
			}
			return 0;
		}
		for (i = 2; i < argc; i++) {
			int s = atoi(argv[i]);
			s = s > 128 ? s - 128 : s;
			if (isdigit((unsigned char)*argv[i]))
				printf("%s\n", get_signame(s, buf));
			else
				printf("%d\n", get_signum(argv[i]));
		}
		return 0;
	}
	if (argc > 2 && !strcmp(argv[1], "-s")) {
		sig = get_signum(argv[2]);
		i = 3;
	} else if (argc > 1 && argv[1][0] == '-' && argv[1][1] && strcmp(argv[1], "--")) {
		sig = get_signum(argv[1] + 1);
		i = 2;
	} else if (argc > 1 && !strcmp(argv[1], "--")) {
		i = 2;
	}
	if (sig < 0) {
		sh_error("kill: %s: invalid signal specification", argv[i - 1]);
		return 1;
	}
	if (!argv[i]) {
		sh_error("kill: usage: kill [-s sigspec | -signum | -sigspec] pid ...");
		return 2;
	}
	for (; i < argc; i++) {
		char *end;
		long pid = strtol(argv[i], &end, 10);
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

static int bi_umask(int argc, char **argv)
{
	mode_t m = umask(0);
	bool symbolic = argc > 1 && !strcmp(argv[1], "-S");
	const char *arg = argv[1 + symbolic];

	umask(m);
	if (!arg) {
		if (symbolic) {
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
		} else {
			printf("%04o\n", (unsigned)m);
		}
		return 0;
	}
	if (isdigit((unsigned char)*arg)) {
		char *end;
		unsigned long v = strtoul(arg, &end, 8);
		if (*end || v > 0777) {
			sh_error("umask: %s: octal number out of range", arg);
			return 1;
		}
		umask(v);
		return 0;
	}
	int nm = bb_parse_mode(arg, ~m & 0777, true);
	if (nm < 0) {
		sh_error("umask: %s: invalid symbolic mode", arg);
		return 1;
	}
	umask(~nm & 0777);
	return 0;
}

static const struct {
	char opt;
	int res;
	int shift;	/* values in units of 1 << shift bytes */
	const char *desc;
} limits[] = {
	{ 't', RLIMIT_CPU, 0, "time(seconds)" },
	{ 'f', RLIMIT_FSIZE, 9, "file(blocks)" },
	{ 'd', RLIMIT_DATA, 10, "data(kb)" },
	{ 's', RLIMIT_STACK, 10, "stack(kb)" },
	{ 'c', RLIMIT_CORE, 9, "coredump(blocks)" },
	{ 'm', RLIMIT_RSS, 10, "memory(kb)" },
	{ 'l', RLIMIT_MEMLOCK, 10, "locked memory(kb)" },
	{ 'p', RLIMIT_NPROC, 0, "process" },
	{ 'n', RLIMIT_NOFILE, 0, "nofiles" },
	{ 'v', RLIMIT_AS, 10, "vmemory(kb)" },
};

static void print_limit(rlim_t v, int shift)
{
	if (v == RLIM_INFINITY)
		printf("unlimited\n");
	else
		printf("%llu\n", (unsigned long long)(v >> shift));
}

static int bi_ulimit(int argc, char **argv)
{
	bool soft = false, hard = false, all = false;
	int which = 1, i = 1;	/* -f */
	struct rlimit rl;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		for (const char *p = argv[i] + 1; *p; p++) {
			size_t k;
			if (*p == 'H')
				hard = true;
			else if (*p == 'S')
				soft = true;
			else if (*p == 'a')
				all = true;
			else {
				for (k = 0; k < ARRAY_SIZE(limits) && limits[k].opt != *p; k++)
					;
				if (k == ARRAY_SIZE(limits)) {
					sh_error("ulimit: -%c: invalid option", *p);
					return 2;
				}
				which = k;
			}
		}
	}
	if (all) {
		for (size_t k = 0; k < ARRAY_SIZE(limits); k++) {
			getrlimit(limits[k].res, &rl);
			printf("-%c: %-18s ", limits[k].opt, limits[k].desc);
			print_limit(hard ? rl.rlim_max : rl.rlim_cur, limits[k].shift);
		}
		return 0;
	}
	getrlimit(limits[which].res, &rl);
	if (i == argc) {
		print_limit(hard ? rl.rlim_max : rl.rlim_cur, limits[which].shift);
		return 0;
	}
	rlim_t v;
	if (!strcmp(argv[i], "unlimited")) {
		v = RLIM_INFINITY;
	} else {
		char *end;
		errno = 0;
		unsigned long long n = strtoull(argv[i], &end, 10);
		if (*end || errno || !isdigit((unsigned char)*argv[i])) {
			sh_error("ulimit: %s: invalid number", argv[i]);
			return 1;
		}
		v = (rlim_t)n << limits[which].shift;
	}
	if (!soft && !hard)
		soft = hard = true;
	if (soft)
		rl.rlim_cur = v;
	if (hard)
		rl.rlim_max = v;
	if (setrlimit(limits[which].res, &rl) < 0) {
		sh_error("ulimit: %s", strerror(errno));
		return 1;
	}
	return 0;
}

/* One byte at a time: what follows the line stays for the next reader. */
static int bi_read(int argc, char **argv)
{
	bool raw = false;
	const char *prompt = NULL, *arr = NULL;
	struct sbuf line = { 0 }, mask = { 0 };
	int i = 1, status = 0;
	char c;
	ssize_t n;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		for (const char *p = argv[i] + 1; *p; p++) {
			if (*p == 'r') {
				raw = true;
			} else if (*p == 'p' && !p[1] && argv[i + 1]) {
				prompt = argv[++i];
				break;
			} else if (ENABLE_FEATURE_SH_ARRAYS && *p == 'a' && !p[1] && argv[i + 1]) {
				arr = argv[++i];
				break;
			} else {
				sh_error("read: -%c: invalid option", *p);
				return 2;
			}
		}
	}
	if (prompt && isatty(STDIN_FILENO)) {
		fputs(prompt, stderr);
		fflush(stderr);
	}
	for (;;) {
		n = safe_read(STDIN_FILENO, &c, 1);
		if (n <= 0) {
			status = 1;
			break;
		}
		if (c == '\n')
			break;
		if (c == '\\' && !raw) {
			n = safe_read(STDIN_FILENO, &c, 1);
			if (n <= 0) {
				status = 1;
				break;
			}
			if (c == '\n')
				continue;
			sb_addc(&line, c);
			sb_addc(&mask, 1);
			continue;
		}
		if (!c)
			continue;
		sb_addc(&line, c);
		sb_addc(&mask, 0);
	}
	{
		const char *ifs = var_get("IFS");
		size_t pos = 0, len = line.len;
		const char *s = line.s ? line.s : "", *m = mask.s ? mask.s : "";
		if (!ifs)
			ifs = " \t\n";
#define IS_WS(k) (!m[k] && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n') && strchr(ifs, s[k]))
#define IS_IFS(k) (!m[k] && s[k] && strchr(ifs, s[k]))
		while (pos < len && IS_WS(pos))
			pos++;
		if (ENABLE_FEATURE_SH_ARRAYS && arr) {
			/* read -a NAME: every field an element */
			struct aelem *e = NULL;
			size_t ne = 0;
			while (pos < len) {
				struct sbuf val = { 0 };
				while (pos < len && !IS_IFS(pos))
					sb_addc(&val, s[pos++]);
				while (pos < len && IS_WS(pos))
					pos++;
				if (pos < len && IS_IFS(pos))
					for (pos++; pos < len && IS_WS(pos);)
						pos++;
				e = xrealloc(e, (ne + 1) * sizeof(*e));
				e[ne].idx = ne;
				e[ne++].val = sb_take(&val);
			}
			if (array_assign(arr, e, ne, false, 0) < 0)
				status = 2;
			i = argc;
		}
		if (i == argc && !arr) {
			var_set("REPLY", s, 0);
			i = argc;
		}
		for (; i < argc; i++) {
			struct sbuf val = { 0 };
			bool last = i == argc - 1;
			if (!is_name(argv[i], strlen(argv[i]))) {
				sh_error("read: %s: bad variable name", argv[i]);
				status = 2;
				break;
			}
			if (last) {
				size_t end = len;
				while (end > pos && IS_WS(end - 1))
					end--;
				/* one trailing non-blank IFS character goes too, if not escaped */
				sb_addn(&val, s + pos, end - pos);
			} else {
				while (pos < len && !IS_IFS(pos))
					sb_addc(&val, s[pos++]);
				while (pos < len && IS_WS(pos))
					pos++;
				if (pos < len && IS_IFS(pos)) {
					pos++;
					while (pos < len && IS_WS(pos))
						pos++;
				}
			}
			if (var_set(argv[i], val.s ? val.s : "", 0) < 0)
				status = 2;
			free(val.s);
		}
#undef IS_WS
#undef IS_IFS
	}
	free(line.s);
	free(mask.s);
	return status;
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
	unsigned pos = sh_G.getopt_char ? sh_G.getopt_char : 1;
	opt[0] = arg[pos];
	spec = opt[0] != ':' ? strchr(optstring + silent, opt[0]) : NULL;
	pos++;
	if (!spec) {
		if (silent) {
			var_set("OPTARG", opt, 0);
		} else {
			sh_error("getopts: illegal option -- %c", opt[0]);
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
				sh_error("getopts: option requires an argument -- %c", opt[0]);
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

static const char *const keywords[] = { "!", "{", "}", "case", "do", "done", "elif", "else",
					"esac", "fi", "for", "function", "if", "in", "then",
					"until", "while", NULL };

/* command -v / -V and type: how name would be run. */
static int describe(const char *name, int mode)
{
	struct alias *al;
	char *path;

	for (int k = 0; keywords[k]; k++)
		if (!strcmp(keywords[k], name)) {
			if (mode == 'v')
				printf("%s\n", name);
			else
				printf("%s is a shell keyword\n", name);
			return 0;
		}
	if ((al = alias_lookup(name))) {
		if (mode == 'v') {
			printf("alias %s=", name);
			print_quoted(al->value);
			putchar('\n');
		} else {
			printf("%s is an alias for %s\n", name, al->value);
		}
		return 0;
	}
	const struct builtin *b = builtin_lookup(name);
	if (b && (b->flags & BI_SPECIAL)) {
		if (mode == 'v')
			printf("%s\n", name);
		else
			printf("%s is a special shell builtin\n", name);
		return 0;
	}
	if (func_lookup(name)) {
		if (mode == 'v')
			printf("%s\n", name);
		else
			printf("%s is a function\n", name);
		return 0;
	}
	if (b || nofork_applet_lookup(name)) {
		if (mode == 'v')
			printf("%s\n", name);
		else
			printf("%s is a shell builtin\n", name);
		return 0;
	}
	path = strchr(name, '/') ? (access(name, X_OK) == 0 ? xstrdup(name) : NULL)
				 : path_search(name);
	if (path) {
		if (mode == 'v')
			printf("%s\n", path);
		else
			printf("%s is %s\n", name, path);
		free(path);
		return 0;
	}
	if (mode != 'v')
		sh_error("%s: not found", name);
	return 1;
}

static int bi_type(int argc, char **argv)
{
	int status = 0;
	for (int i = 1; i < argc; i++)
		status |= describe(argv[i], 'V');
	return status;
}

static int bi_command(int argc, char **argv)
{
	int i = 1, mode = 0, status = 0;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		for (const char *p = argv[i] + 1; *p; p++) {
			if (*p == 'v' || *p == 'V')
				mode = *p;
			else if (*p != 'p') {
				sh_error("command: -%c: invalid option", *p);
				return 2;
			}
		}
	}
	if (i == argc)
		return 0;
	if (mode) {
		for (; i < argc; i++)
			status |= describe(argv[i], mode);
		return status;
	}
	bool saved = sh_G.under_command;
	sh_G.under_command = true;
	status = exec_argv(argv + i);
	sh_G.under_command = saved;
	return status;
}

static int bi_hash(int argc, char **argv)
{
	int status = 0;
	for (int i = 1; i < argc; i++) {
		char *p;
		if (!strcmp(argv[i], "-r"))
			continue;
		if (builtin_lookup(argv[i]) || func_lookup(argv[i]))
			continue;
		p = path_search(argv[i]);
		if (!p) {
			sh_error("hash: %s: not found", argv[i]);
			status = 1;
		}
		free(p);
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
	{ "pwd", bi_pwd, BI_REGULAR },
	{ "read", bi_read, BI_REGULAR },
	{ "readonly", bi_readonly, BI_SPECIAL },
	{ "return", bi_return, BI_SPECIAL },
	{ "set", bi_set, BI_SPECIAL },
	{ "shift", bi_shift, BI_SPECIAL },
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
		if (c == 0)
			return &builtins[mid];
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

const struct applet *nofork_applet_lookup(const char *name)
{
	static const char *const names[] = { "[", "echo", "printf", "test" };
	const struct applet *a = NULL;

	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (!strcmp(names[i], name))
			a = find_applet(name);
	if (!a && ENABLE_FEATURE_SH_NOFORK && ENABLE_FEATURE_SH_STANDALONE && !strchr(name, '/'))
		a = find_applet(name);
	return a && a->kind == APPLET_NOFORK ? a : NULL;
}
