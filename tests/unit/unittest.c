/* unittest: C tests of libbb helpers, the option parser and the NOFORK runner, linked
 * with every object of the binary except main(). Run by tests/libbb.tests as
 * "unittest GROUP"; prints one line per failed check and "GROUP ok" at the end. */
#include "libbb.h"
#include "unittest.h"
#if HAVE_MALLINFO2
#include <malloc.h>
#endif

int unit_failures;

void unit_check(int ok, const char *file, int line, const char *what)
{
	if (!ok) {
		printf("%s:%d: check failed: %s\n", file, line, what);
		unit_failures++;
	}
}

/* ---- numbers ---- */

static void test_numbers(void)
{
	unsigned long long u;
	long long s;
	char buf[HUMAN_BUFSIZE];

	CHECK(bb_strtoull("123", 10, NULL, 0, ULLONG_MAX, &u) == 0 && u == 123);
	CHECK(bb_strtoull("", 10, NULL, 0, ULLONG_MAX, &u) == EINVAL);
	CHECK(bb_strtoull(" 1", 10, NULL, 0, ULLONG_MAX, &u) == EINVAL);
	CHECK(bb_strtoull("-1", 10, NULL, 0, ULLONG_MAX, &u) == EINVAL);
	CHECK(bb_strtoull("12x", 10, NULL, 0, ULLONG_MAX, &u) == EINVAL);
	CHECK(bb_strtoull("18446744073709551615", 10, NULL, 0, ULLONG_MAX, &u) == 0 &&
	      u == ULLONG_MAX);
	CHECK(bb_strtoull("18446744073709551616", 10, NULL, 0, ULLONG_MAX, &u) == ERANGE);
	CHECK(bb_strtoull("5", 10, NULL, 1, 4, &u) == ERANGE);
	CHECK(bb_strtoull("2K", 10, size_suffixes, 0, ULLONG_MAX, &u) == 0 && u == 2048);
	CHECK(bb_strtoull("2kB", 10, size_suffixes, 0, ULLONG_MAX, &u) == 0 && u == 2000);
	CHECK(bb_strtoull("1MiB", 10, size_suffixes, 0, ULLONG_MAX, &u) == 0 && u == 1048576);
	CHECK(bb_strtoull("3b", 10, size_suffixes, 0, ULLONG_MAX, &u) == 0 && u == 1536);
	CHECK(bb_strtoull("16E", 10, size_suffixes, 0, ULLONG_MAX, &u) == ERANGE);
	CHECK(bb_strtoull("1Q", 10, size_suffixes, 0, ULLONG_MAX, &u) == EINVAL);
	CHECK(bb_strtoull("ff", 16, NULL, 0, ULLONG_MAX, &u) == 0 && u == 255);
	CHECK(bb_strtoll("-9223372036854775808", 10, NULL, LLONG_MIN, LLONG_MAX, &s) == 0 &&
	      s == LLONG_MIN);
	CHECK(bb_strtoll("-9223372036854775809", 10, NULL, LLONG_MIN, LLONG_MAX, &s) == ERANGE);
	CHECK(bb_strtoll("9223372036854775808", 10, NULL, LLONG_MIN, LLONG_MAX, &s) == ERANGE);
	CHECK(bb_strtoll("+7", 10, NULL, LLONG_MIN, LLONG_MAX, &s) == 0 && s == 7);
	CHECK(bb_strtoll("-", 10, NULL, LLONG_MIN, LLONG_MAX, &s) == EINVAL);
	CHECK(bb_strtoll("-3", 10, NULL, 0, 10, &s) == ERANGE);

	/* figures from GNU du -h / ls -h */
	CHECK(!strcmp(human_readable(0, buf), "0"));
	CHECK(!strcmp(human_readable(1023, buf), "1023"));
	CHECK(!strcmp(human_readable(1024, buf), "1.0K"));
	CHECK(!strcmp(human_readable(1025, buf), "1.1K"));
	CHECK(!strcmp(human_readable(10239, buf), "10K"));
	CHECK(!strcmp(human_readable(10240, buf), "10K"));
	CHECK(!strcmp(human_readable(10241, buf), "11K"));
	CHECK(!strcmp(human_readable(1048575, buf), "1.0M"));
	CHECK(!strcmp(human_readable(1048576, buf), "1.0M"));
	CHECK(!strcmp(human_readable(1572864, buf), "1.5M"));
	CHECK(!strcmp(human_readable(1073741824ULL * 5, buf), "5.0G"));
	CHECK(!strcmp(human_readable(ULLONG_MAX, buf), "16E"));
}

/* ---- strings ---- */

static void test_strings(void)
{
	char a[] = "/usr/lib//", b[] = "/", c[] = "name", d[] = "///";
	char *p;

	CHECK(!strcmp(bb_basename("/a/b"), "b"));
	CHECK(!strcmp(bb_basename("b"), "b"));
	CHECK(!strcmp(last_path_component(a), "lib"));
	CHECK(!strcmp(last_path_component(b), "/"));
	CHECK(!strcmp(last_path_component(c), "name"));
	CHECK(!strcmp(last_path_component(d), "/"));
	p = concat_path_file("/a/", "/b");
	CHECK(!strcmp(p, "/a/b"));
	free(p);
	p = concat_path_file("a", "b");
	CHECK(!strcmp(p, "a/b"));
	free(p);
	CHECK(is_prefixed_with("busybox.static", "busybox"));
	CHECK(!is_prefixed_with("bus", "busybox"));
}

/* ---- the option parser ---- */

struct parse_result {
	int status;	/* -1: returned normally; else the status it died with */
	int first;
	unsigned long long flags;
	const char *ops[4];	/* the first operands after parsing */
};

static struct parse_result parse(const char *opts, long *slots, const char *const *args)
{
	char *argv[16];
	jmp_buf jmp;
	struct parse_result r = { .status = -1 };
	int n = 0, fd = dup(STDERR_FILENO), null = open("/dev/null", O_WRONLY);

	while (args[n])
		argv[n] = (char *)args[n], n++;
	argv[n] = NULL;
	dup2(null, STDERR_FILENO);	/* the messages of the failing cases */
	current_applet = NULL;
	die_jmp = &jmp;
	r.status = setjmp(jmp);
	if (r.status == 0) {
		r.first = parse_options(opts, argv, slots);
		r.status = -1;
	} else {
		r.status--;
	}
	die_jmp = NULL;
	r.flags = optflags;
	dup2(fd, STDERR_FILENO);
	close(fd);
	close(null);
	for (int i = 0; i < 4 && r.status < 0 && argv[r.first + i]; i++) {
		r.ops[i] = argv[r.first + i];
		if (!argv[r.first + i + 1])
			break;
	}
	return r;
}


static void test_options(void)
{
	long s[4];
	struct parse_result r;
	const char *opts = "ab(bee)c(count):n#<1,10>e(expr)* (long-only) (color)?";

	memset(s, 0, sizeof(s));
	r = parse(opts, s, ARGS("-ab", "z1", "-c", "x", "z2"));
	CHECK(r.status == -1 && r.flags == 7 && !strcmp((char *)s[0], "x") && r.first == 4);
	CHECK(r.ops[0] && !strcmp(r.ops[0], "z1") && r.ops[1] && !strcmp(r.ops[1], "z2"));
	memset(s, 0, sizeof(s));
	r = parse(opts, s, ARGS("-cfoo", "--bee"));
	CHECK(r.status == -1 && r.flags == 6 && !strcmp((char *)s[0], "foo"));
	r = parse(opts, s, ARGS("--count=7", "--cou", "8"));
	CHECK(r.status == -1 && r.flags == 4 && !strcmp((char *)s[0], "8"));
	r = parse(opts, s, ARGS("-n", "5"));
	CHECK(r.status == -1 && s[1] == 5);
	r = parse(opts, s, ARGS("-n11"));
	CHECK(r.status == 1);
	r = parse(opts, s, ARGS("-nx"));
	CHECK(r.status == 1);
	r = parse(opts, s, ARGS("-z"));
	CHECK(r.status == 1);
	r = parse(opts, s, ARGS("-c"));
	CHECK(r.status == 1);
	r = parse(opts, s, ARGS("--nope"));
	CHECK(r.status == 1);
	r = parse(opts, s, ARGS("--co"));	/* --count or --color */
	CHECK(r.status == 1);
	r = parse(opts, s, ARGS("--bee=1"));
	CHECK(r.status == 1);
	r = parse(opts, s, ARGS("--long-only", "--col"));
	CHECK(r.status == -1 && r.flags == ((1 << 5) | (1 << 6)) && s[3] == 0);
	r = parse(opts, s, ARGS("--color=always"));
	CHECK(r.status == -1 && !strcmp((char *)s[3], "always"));
	memset(s, 0, sizeof(s));
	r = parse(opts, s, ARGS("-e", "x", "--expr=y", "-ez"));
	CHECK(r.status == -1 && !strcmp(((char **)s[2])[0], "x") &&
	      !strcmp(((char **)s[2])[2], "z") && !((char **)s[2])[3]);
	free((char **)s[2]);
	r = parse(opts, s, ARGS("z1", "--", "-a", "z2"));
	CHECK(r.status == -1 && r.flags == 0 && r.first == 2 && !strcmp(r.ops[1], "-a"));
	r = parse(opts, s, ARGS("-", "-a"));
	CHECK(r.status == -1 && r.flags == 1 && r.first == 2);
	r = parse("^a", s, ARGS("z1", "-a"));
	CHECK(r.status == -1 && r.flags == 0 && r.first == 1);
	r = parse("[-xyz]xyz", s, ARGS("-x", "-z", "-y"));
	CHECK(r.status == -1 && r.flags == 2);
	r = parse("[!xy]xy", s, ARGS("-x", "-y"));
	CHECK(r.status == 1);
	r = parse("~nn#", s, ARGS("-12"));
	CHECK(r.status == -1 && r.flags == 1 && s[0] == 12);
}

/* ---- NOFORK applets: no leaks, no state kept between runs ---- */

struct process_state {
	int fds;
	size_t heap;
	mode_t umask;
	sigset_t mask;
	void *handlers[65];
	char cwd[4096];
};

static void snapshot(struct process_state *ps)
{
	memset(ps, 0, sizeof(*ps));
	for (int fd = 0; fd < 1024; fd++)
		ps->fds += fcntl(fd, F_GETFD) >= 0;
#if HAVE_MALLINFO2
	ps->heap = mallinfo2().uordblks;
#endif
	ps->umask = umask(022);
	umask(ps->umask);
	sigprocmask(SIG_BLOCK, NULL, &ps->mask);
	for (int sig = 1; sig < 65; sig++) {
		struct sigaction sa;
		if (sigaction(sig, NULL, &sa) == 0)
			ps->handlers[sig] = (void *)sa.sa_handler;
	}
	if (!getcwd(ps->cwd, sizeof(ps->cwd)))
		strcpy(ps->cwd, "?");
}

/* Argument vectors to run each NOFORK applet with; ones not named here get the
 * generic set. */
static const char *const nofork_cases[][10] = {
	{ "echo", "-e", "a\\tb\\c", NULL },
	{ "echo", "-n", "x", NULL },
	{ "printf", "%s-%d\\n", "a", "1", "b", NULL },
	{ "printf", "%d", "x", NULL },
	{ "test", "1", "-eq", "x", NULL },
	{ "test", "-f", "/", "-o", "(", "a" },
	{ "[", "a", "=", "a", "]", NULL },
	{ "printf", "%*.*q|%b|%5s\n", "3", "2", "a b", "x\\c", "y", NULL },
	{ "printf", "%z", NULL },
	{ "test", "(", "a", "=", "b", ")", "-o", "!", NULL },
	{ "test", "x", "-nt", "/", NULL },
	{ "basename", "/a/b.c", ".c", NULL },
	{ "basename", "-a", "-s", ".c", "x.c", "/y/", NULL },
	{ "dirname", "/a/b", "c", "//", NULL },
	{ "pwd", "-P", NULL },
	{ "pwd", "-L", NULL },
	{ "printenv", "PATH", NULL },
	{ "printenv", "NO_SUCH_VARIABLE_HERE", NULL },
	{ "printenv", "-0", NULL },
	{ "true", NULL },
	{ "readlink", "-f", "/", ".", "/nonexistent/x", NULL },
	{ "readlink", "-v", "-n", "/proc/self", "", NULL },
	{ "realpath", "-m", "--relative-to=/usr", "/usr/bin/..", "/x", NULL },
	{ "realpath", "--relative-base=/", "-s", "-L", "/nonexistent/a/b", ".", NULL },
	{ "truncate", "-s", "<x", "f", NULL },
	{ "truncate", "-c", "-s", "+0", "/nonexistent", NULL },
	{ "mktemp", "-u", "-p", "/nonexistent", "aXXXXXX", NULL },
	{ "mktemp", "fooXX", NULL },
	{ "sync", "-d", "/", NULL },
	{ "fsync", "/nonexistent", NULL },
};

static void run_all_cases(const struct applet *a)
{
	const char *name = applet_name_of(a);
	const char *generic[][4] = {
		{ name, NULL }, { name, "--help", NULL }, { name, "-\001", NULL },
		{ name, "a", "b", NULL },
	};

	for (size_t i = 0; i < ARRAY_SIZE(nofork_cases); i++)
		if (!strcmp(nofork_cases[i][0], name))
			run_nofork_applet(a, (char **)nofork_cases[i]);
	for (size_t i = 0; i < ARRAY_SIZE(generic); i++)
		run_nofork_applet(a, (char **)generic[i]);
}

/* Output of one in-process run, captured through a temporary file. */
static char *captured(const char *const *argv, int *status)
{
	static char buf[256];
	FILE *tmp = tmpfile();
	int saved = dup(STDOUT_FILENO), n;

	fflush(stdout);
	dup2(fileno(tmp), STDOUT_FILENO);
	*status = run_nofork_applet(find_applet(argv[0]), (char **)argv);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	rewind(tmp);
	n = fread(buf, 1, sizeof(buf) - 1, tmp);
	buf[n] = 0;
	fclose(tmp);
	return buf;
}

static void test_nofork(int rounds)
{
	struct process_state before, after;
	int saved_out = dup(STDOUT_FILENO), saved_err = dup(STDERR_FILENO);
	int null = open("/dev/null", O_WRONLY), status;
	unsigned long long flags = optflags;

	/* the results first: output, state reset between runs, status of a death */
	if (find_applet("echo")) {
		CHECK(!strcmp(captured(ARGS_OF("echo", "-e", "a\\tb"), &status), "a\tb\n"));
		CHECK(!strcmp(captured(ARGS_OF("echo", "a\\tb"), &status), "a\\tb\n"));
		CHECK(!strcmp(captured(ARGS_OF("echo", "-n", "x"), &status), "x") && status == 0);
	}
	if (find_applet("false"))
		CHECK(run_nofork_applet(find_applet("false"), (char **)ARGS_OF("false")) == 1);
	if (find_applet("cat")) {
		/* a usage error dies inside the runner; the status comes back to us */
		dup2(null, STDERR_FILENO);
		CHECK(run_nofork_applet(find_applet("cat"), (char **)ARGS_OF("cat", "-\001")) == 1);
		dup2(saved_err, STDERR_FILENO);
		CHECK(!strcmp(applet_name, "busybox") && die_jmp == NULL);
	}

	/* then the leaks: warm up (stdio buffers, locale data), then compare */
	dup2(null, STDOUT_FILENO);
	dup2(null, STDERR_FILENO);
	for (unsigned i = 0; i < applet_count; i++)
		if (applets[i].kind == APPLET_NOFORK)
			run_all_cases(&applets[i]);
	snapshot(&before);
	for (int r = 0; r < rounds; r++)
		for (unsigned i = 0; i < applet_count; i++)
			if (applets[i].kind == APPLET_NOFORK)
				run_all_cases(&applets[i]);
	snapshot(&after);
	dup2(saved_out, STDOUT_FILENO);
	dup2(saved_err, STDERR_FILENO);
	close(saved_out);
	close(saved_err);
	close(null);
	CHECK(before.fds == after.fds);
	CHECK(before.heap == after.heap);
	CHECK(before.umask == after.umask);
	CHECK(!memcmp(&before.mask, &after.mask, sizeof(before.mask)));
	CHECK(!memcmp(before.handlers, after.handlers, sizeof(before.handlers)));
	CHECK(!strcmp(before.cwd, after.cwd));
	CHECK(optflags == flags && die_jmp == NULL && xfunc_error_retval == 1);
	if (!HAVE_MALLINFO2)
		printf("note: no heap statistics in this libc, heap growth not checked\n");
}

int main(int argc, char **argv)
{
	const char *group = argc > 1 ? argv[1] : "all";
	int all = !strcmp(group, "all");

	if (all || !strcmp(group, "numbers"))
		test_numbers();
	if (all || !strcmp(group, "strings"))
		test_strings();
	if (all || !strcmp(group, "options"))
		test_options();
	if (all || !strcmp(group, "nofork"))
		test_nofork(argc > 2 ? atoi(argv[2]) : 2000);
	if (all || !strcmp(group, "walk"))
		test_walk();
	if (all || !strcmp(group, "spawn"))
		test_spawn();
	if (all || !strcmp(group, "mode"))
		test_mode();
	if (all || !strcmp(group, "owner"))
		test_owner();
	if (all || !strcmp(group, "hash"))
		test_hash();
	printf("%s %s\n", group, unit_failures ? "FAILED" : "ok");
	return unit_failures != 0;
}
