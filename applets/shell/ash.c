/* ash: the POSIX shell, installed as sh and ash. POSIX.1-2024 XCU Shell Command Language
 * with the bash extensions scripts use most (function f, |&, &>, <<<, ;&, ;;&, $'...',
 * local, source, let, (( )), for (( ; ; ))). Interactive line editing and job control are not built yet: the input
 * has a prompt hook and jobs record their process group for them.
 * The parts live beside this file (sh.h lists them); this file holds the command line and
 * the one state object. Parses its own argv (sh options are set's options). */

/*== applet
applet sh /bin main=ash_main config=ASH errexit=2
applet ash /bin errexit=2
config ASH
	bool "ash (the shell, also installed as sh)"
	default y
	help
	  The POSIX shell: the full command language with the bash extensions
	  that scripts use most. It starts every child with fork(), so it
	  does not work on a NOMMU target (see docs/shell.md).

config FEATURE_SH_STANDALONE
	bool "Run applets before looking in PATH"
	default n
	depends on ASH
	help
	  A command that names an applet runs the applet, whatever PATH says:
	  in the forked child without exec for NOEXEC applets, else by executing
	  BUSYBOX_EXEC_PATH.

config FEATURE_SH_NOFORK
	bool "Run NOFORK applets in the shell process"
	default y
	depends on ASH
	help
	  With FEATURE_SH_STANDALONE, NOFORK applets (basename, dirname, ...)
	  run as function calls, like the builtins echo, printf and test.

config FEATURE_SH_BRACE_EXPANSION
	bool "Brace expansion: a{b,c}d {1..10} (bash)"
	default y
	depends on ASH
	help
	  Unquoted braces in command words and for lists expand to several
	  words before the other expansions: x{a,b} is xa xb, {1..3} is 1 2 3.
	  set +B turns it off.

config FEATURE_SH_ARRAYS
	bool "bash indexed arrays, declare, ${!name}"
	default y
	depends on ASH
	help
	  a=(x y), a[i]=v, ${a[i]}, "${a[@]}", ${#a[@]}, ${!a[@]}, declare and
	  typeset, ${!name} and ${!prefix*}, read -a, and the arrays
	  PIPESTATUS, BASH_REMATCH and FUNCNAME.
usage [-aBbCefhmnuvx] [-o OPT]... [-c STRING [NAME [ARG]...] | -s [ARG]... | FILE [ARG]...]
Run commands from STRING (-c), standard input (-s or no FILE) or FILE.

	-c	Read commands from STRING; NAME is $0, ARGs are $1...
	-s	Read commands from standard input; ARGs are $1...
	-i	Interactive
	-a	Export every variable assigned (allexport)
{FEATURE_SH_BRACE_EXPANSION}	-B	Brace expansion, on by default (braceexpand)
	-b	Report finished background jobs at once (notify)
	-C	Do not overwrite files with > (noclobber)
	-e	Exit when a command fails (errexit)
	-f	No pathname expansion (noglob)
	-h	Remember command locations (hashall)
	-m	Job control (monitor)
	-n	Read commands but do not run them (noexec)
	-u	Expanding an unset variable is an error (nounset)
	-v	Print input as it is read (verbose)
	-x	Print commands as they run (xtrace)
	-o OPT	Set an option by name (set -o lists them; pipefail too)
==*/

#include "sh.h"
#include "flags/ash.h"

struct sh_state sh_G;

static void print_prompt(struct input *in, bool continuation)
{
	const char *ps = var_get(continuation ? "PS2" : "PS1");
	char *p;

	(void)in;
	if (!ps)
		return;
	p = expand_string(ps, EXP_NOTILDE);
	full_write(STDERR_FILENO, p, strlen(p));
	free(p);
}

static void init_vars(void)
{
	char buf[24];
	const char *pwd;
	struct stat a, b;

	vars_init_special();
	vars_import(environ);
	var_set("IFS", " \t\n", 0);
	var_set("PS1", geteuid() ? "$ " : "# ", 0);
	var_set("PS2", "> ", 0);
	var_set("PS4", "+ ", 0);
	var_set("OPTIND", "1", 0);
	snprintf(buf, sizeof(buf), "%d", (int)getppid());
	var_set("PPID", buf, 0);
	pwd = var_get("PWD");
	if (!pwd || *pwd != '/' || stat(pwd, &a) || stat(".", &b) || a.st_dev != b.st_dev ||
	    a.st_ino != b.st_ino) {
		char *cwd = xmalloc_getcwd();
		if (cwd)
			var_set("PWD", cwd, V_EXPORT);
		free(cwd);
	}
}

/* POSIX: an interactive shell first runs the file that $ENV names after parameter
 * expansion; a missing file is no error. Not for a set-user-ID shell. */
static void source_env(void)
{
	const char *env = var_get("ENV");
	char *path, *argv[3] = { (char *)".", NULL, NULL };

	if (!env || getuid() != geteuid() || getgid() != getegid())
		return;
	path = expand_string(env, EXP_NOTILDE);
	argv[1] = strchr(path, '/') ? xstrdup(path) : xasprintf("./%s", path);
	if (*path && access(argv[1], R_OK) == 0)
		builtin_lookup(".")->fn(2, argv);
	free(argv[1]);
	free(path);
}

int ash_main(int argc, char **argv)
{
	struct input in;
	bool end;
	int i, fd;
	const char *script = NULL, *cmd = NULL;

	sh_G.rootpid = getpid();
	sh_G.arg0 = argv[0];
	if (ENABLE_FEATURE_SH_BRACE_EXPANSION)
		sh_G.opts |= 1u << OPT_B;
	init_vars();
	i = parse_set_options(argv, true, &end);
	if (i < 0) {
		show_usage_of(current_applet, stderr);
		return 2;
	}
	if (sh_G.cflag) {
		cmd = argv[i];
		if (!cmd) {
			sh_error("-c: option requires an argument");
			return 2;
		}
		i++;
		if (argv[i])
			sh_G.arg0 = argv[i++];
	} else if (!SHOPT(OPT_s) && argv[i]) {
		script = argv[i++];
		sh_G.arg0 = script;
	} else {
		sh_G.opts |= 1u << OPT_s;
	}
	set_positional(argv + i, argc - i);
	if (!cmd && !script && isatty(STDIN_FILENO) && isatty(STDERR_FILENO))
		sh_G.opts |= 1u << OPT_i;
	sh_G.interactive = SHOPT(OPT_i);
	if (cmd) {
		input_init_string(&in, cmd, strlen(cmd));
	} else if (script) {
		fd = open(script, O_RDONLY | O_CLOEXEC);
		if (fd < 0 && errno == ENOENT && !strchr(script, '/')) {
			/* not here: a script in PATH, as bash finds it */
			char *found = path_search_any(script);
			if (found)
				fd = open(found, O_RDONLY | O_CLOEXEC);
			free(found);
			if (fd < 0)
				errno = ENOENT;
		}
		if (fd < 0) {
			int err = errno;
			sh_G.arg0 = applet_name;
			sh_error("%s: %s", script, strerror(err));
			return err == ENOENT ? 127 : 126;
		}
		/* out of the way of the fds scripts use */
		int high = fcntl(fd, F_DUPFD_CLOEXEC, 10);
		if (high >= 0) {
			close(fd);
			fd = high;
		}
		input_init_fd(&in, fd);
	} else {
		input_init_fd(&in, STDIN_FILENO);
		if (sh_G.interactive)
			in.prompt = print_prompt;
	}
	sh_G.input = &in;
	if (sh_G.interactive)
		source_env();
	eval_input(&in);
	sh_exit(sh_G.status);
}
