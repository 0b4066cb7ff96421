/* run.c: finding applets in the generated table and running them, as the process's
 * main program or as a NOFORK function call inside another applet. */
#include "libbb.h"
#include "optspec.h"

const char *applet_name = "busybox";
const struct applet *current_applet;

const char *applet_name_of(const struct applet *a)
{
	return applet_names + a->name;
}

const struct applet *find_applet(const char *name)
{
	unsigned lo = 0, hi = applet_count;

	while (lo < hi) {
		unsigned mid = (lo + hi) / 2;
		int c = strcmp(name, applet_name_of(&applets[mid]));
		if (c == 0)
			return &applets[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

void show_usage_of(const struct applet *a, FILE *out)
{
	const char *text = usage_texts;

	if (!ENABLE_SHOW_USAGE)
		return;
	for (unsigned i = 0; i < a->usage; i++)
		text += strlen(text) + 1;
	fprintf(out, "Usage: %s%s%s\n", applet_name_of(a), *text == '\n' ? "" : " ", text);
}

NORETURN void bb_show_usage(void)
{
	if (current_applet) {
		fflush(stdout);
		show_usage_of(current_applet, stderr);
		xfunc_error_retval = current_applet->errexit;
	}
	xfunc_die();
}

/* Applets other than SUID_REQUIRE/SUID_MAYBE never keep a setuid binary's privileges. */
static void drop_privileges(const struct applet *a)
{
	if (!ENABLE_FEATURE_SUID || a->suid != SUID_DROP)
		return;
	if (getegid() != getgid() && setgid(getgid()))
		bb_perror_msg_and_die("setgid");
	if (geteuid() != getuid() && setuid(getuid()))
		bb_perror_msg_and_die("setuid");
}

/* Everything that happens before an applet's main: state reset, --help, options.
 * Returns the argv to pass to main: argv[0], then the operands. */
static char **prepare_applet(const struct applet *a, char **argv, const char *msg_name)
{
	int first;

	applet_name = msg_name ? msg_name : applet_name_of(a);
	current_applet = a;
	xfunc_error_retval = a->errexit;
	optflags = 0;
	if (a->globals)
		memset(a->globals->ptr, 0, a->globals->size);
	if (a->opts == OPTS_NONE)
		return argv;
	if (argv[1] && !argv[2] && !strcmp(argv[1], "--help")) {
		show_usage_of(a, stdout);
		fflush_stdout_and_exit(0);
	}
	first = parse_options(applet_opts + a->opts, argv, a->globals ? a->globals->ptr : NULL);
	argv[first - 1] = argv[0];
	return argv + first - 1;
}

static int count_args(char **argv)
{
	int n = 0;
	while (argv[n])
		n++;
	return n;
}

NORETURN void run_applet_and_exit(const struct applet *a, char **argv)
{
	drop_privileges(a);
	argv = prepare_applet(a, argv, NULL);
	fflush_stdout_and_exit(a->main(count_args(argv), argv));
}

/* Free what the option parser allocated: the "*" lists. */
static void free_option_lists(const struct applet *a)
{
	const char *p;
	long *slots;
	struct optspec o;
	int kind, slot = 0;

	if (a->opts == OPTS_NONE || !a->globals)
		return;
	p = applet_opts + a->opts;
	slots = a->globals->ptr;
	while ((kind = optspec_next(&p, &o)) != OPT_END) {
		if (kind != OPT_OPTION || !o.type)
			continue;
		if (o.type == '*')
			free((char **)slots[slot]);
		slot++;
	}
}

int run_nofork_applet(const struct applet *a, char **argv)
{
	return run_nofork_applet_as(a, argv, NULL);
}

/* msg_name: what the applet's messages start with instead of its name (a shell's
 * "script: line 3: echo") */
int run_nofork_applet_as(const struct applet *a, char **argv, const char *msg_name)
{
	const char *saved_name = applet_name;
	const struct applet *saved_applet = current_applet;
	unsigned long long saved_flags = optflags;
	uint8_t saved_retval = xfunc_error_retval;
	jmp_buf *saved_jmp = die_jmp;
	jmp_buf jmp;
	int argc = count_args(argv), status;
	/* the option parser reorders argv; the caller's array stays as it was */
	char **copy = xmalloc((argc + 1) * sizeof(*copy));
	char **args;

	memcpy(copy, argv, (argc + 1) * sizeof(*copy));
	fflush(stdout);
	die_jmp = &jmp;
	status = setjmp(jmp);
	if (status == 0) {
		args = prepare_applet(a, copy, msg_name);
		status = a->main(count_args(args), args);
	} else {
		status -= 1;	/* xfunc_die() passes status + 1, as 0 means "first time" */
	}
	status = fflush_stdout_status(status);
	clearerr(stdout);
	free_option_lists(a);
	free(copy);
	die_jmp = saved_jmp;
	xfunc_error_retval = saved_retval;
	optflags = saved_flags;
	current_applet = saved_applet;
	applet_name = saved_name;
	return status;
}
