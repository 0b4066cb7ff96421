/* main.c: the entry point. Runs the applet named by argv[0]; names starting with
 * "busybox" are the multiplexer (--list, --list-full, --install, --help). */
#include "libbb.h"
#if defined(__GLIBC__)
#include <nss.h>
extern char _DYNAMIC[] __attribute__((weak));	/* absent from static non-PIE links */
#endif

/* A static glibc binary that looks up users loads the NSS modules nsswitch.conf names
 * with dlopen, and a module built against another glibc (systemd's, say) crashes it.
 * The password and group files are all such a binary can rely on anyway. */
static void static_nss_files_only(void)
{
#if defined(__GLIBC__)
	if (ENABLE_STATIC || !_DYNAMIC) {
		__nss_configure_lookup("passwd", "files");
		__nss_configure_lookup("group", "files");
		__nss_configure_lookup("shadow", "files");
	}
#endif
}

static void print_banner(void)
{
	printf("BusyBox-compatible multi-call binary (0BSD).\n\n"
	       "Usage: busybox [function [arguments]...]\n"
	       "   or: busybox --list[-full]\n"
	       "   or: busybox --install [-s] [DIR]\n"
	       "   or: busybox --help [function]\n"
	       "   or: function [arguments]...\n\n"
	       "\tOne executable that is many commands: it acts as the command named by\n"
	       "\tits first argument, or by the name it was invoked under (a link).\n\n"
	       "Currently defined functions:\n");
}

/* The applet names, comma-separated and wrapped as a paragraph. */
static void print_applet_list(void)
{
	int col = 0;

	for (unsigned i = 0; i < applet_count; i++) {
		const char *sep = i + 1 < applet_count ? "," : "\n";
		int len = strlen(applet_name_of(&applets[i])) + 1;
		if (!col || col + 1 + len > 78) {
			fputs(col ? "\n\t" : "\t", stdout);
			col = 8;
		} else {
			col += putchar(' ') != EOF;
		}
		col += printf("%s%s", applet_name_of(&applets[i]), sep);
	}
}

static void mkdir_parents(char *path)
{
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = 0;
		mkdir(path, 0755);
		*p = '/';
	}
	mkdir(path, 0755);
}

/* Links for every applet: into DIR, or into each applet's own directory under "/". */
static int install_links(int symbolic, const char *dir)
{
	char *self = realpath("/proc/self/exe", NULL);
	int status = 0;

	if (!self)
		bb_perror_msg_and_die("can't find my own executable");
	for (unsigned i = 0; i < applet_count; i++) {
		const char *name = applet_name_of(&applets[i]);
		char *target_dir = xstrdup(dir ? dir : install_dirs[applets[i].dir]);
		char *path = concat_path_file(target_dir, name);
		mkdir_parents(target_dir);
		/* an existing file is never replaced: it may be the real command */
		if ((symbolic ? symlink(self, path) : link(self, path)) && errno != EEXIST) {
			bb_perror_msg("%s", path);
			status = 1;
		}
		free(path);
		free(target_dir);
	}
	free(self);
	return status;
}

static int busybox_main(char **argv)
{
	const struct applet *a;

	applet_name = "busybox";
	if (!argv[1]) {
		print_banner();
		print_applet_list();
		return fflush_stdout_status(0);
	}
	if (!strcmp(argv[1], "--list") || !strcmp(argv[1], "--list-full")) {
		for (unsigned i = 0; i < applet_count; i++)
			printf("%s%s%s\n", argv[1][6] ? install_dirs[applets[i].dir] + 1 : "",
			       argv[1][6] ? "/" : "", applet_name_of(&applets[i]));
		return fflush_stdout_status(0);
	}
	if (!strcmp(argv[1], "--install")) {
		int symbolic = argv[2] && !strcmp(argv[2], "-s");
		char *dir = argv[2 + symbolic];
		if (!ENABLE_FEATURE_INSTALLER)
			bb_error_msg_and_die("--install is not configured");
		if (dir && argv[3 + symbolic])
			bb_error_msg_and_die("usage: busybox --install [-s] [DIR]");
		return install_links(symbolic, dir);
	}
	if (!strcmp(argv[1], "--help")) {
		if (!argv[2]) {
			print_banner();
			print_applet_list();
			return fflush_stdout_status(0);
		}
		a = find_applet(argv[2]);
		if (!a)
			bb_error_msg_and_die("%s: applet not found", argv[2]);
		show_usage_of(a, stdout);
		return fflush_stdout_status(0);
	}
	a = find_applet(bb_basename(argv[1]));
	if (!a) {
		xfunc_error_retval = 127;
		bb_error_msg_and_die("%s: applet not found", argv[1]);
	}
	run_applet_and_exit(a, argv + 1);
}

int main(int argc UNUSED, char **argv)
{
	const char *name = bb_basename(argv[0]);
	const struct applet *a;

	static_nss_files_only();
	if (is_prefixed_with(name, "busybox"))
		return busybox_main(argv);
	/* login(1) starts a login shell as "-sh": the applet is "sh", argv[0] stays */
	a = find_applet(name + (*name == '-'));
	if (!a) {
		applet_name = "busybox";
		xfunc_error_retval = 127;
		bb_error_msg_and_die("%s: applet not found", name);
	}
	run_applet_and_exit(a, argv);
}
