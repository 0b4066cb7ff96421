/* paste: merge lines of files. POSIX paste (-d LIST, -s, '-' as standard input, also
 * repeated) with GNU's -z and long options. LIST escapes: \0 (no delimiter) \b \f \n
 * \r \t \v \\; another escaped byte stands for itself.
 */

/*== applet
applet paste /usr/bin
options d(delimiters):s(serial)z(zero-terminated)
config PASTE
	bool "paste"
	default y
	help
	  Join corresponding lines of files, or all lines of each file.
usage [-sz] [-d LIST] [FILE]...
Write lines made of the corresponding lines of each FILE (standard input if none, or
-), separated by tabs.

	-d LIST	Separate with the bytes of LIST in turn (\0 is none)
	-s	Join all lines of each FILE into one line instead
	-z	Lines end with NUL, not newline
==*/

#include "libbb.h"
#include "flags/paste.h"
#include "lines.h"

GLOBALS(
	char *delims;		/* one byte each; '\0' stands for no delimiter */
	size_t ndelims;
	char eol;
	struct lout out;
);

static void parse_delims(const char *s)
{
	static const char esc[] = "0\0b\bf\fn\nr\rt\tv\v\\\\";
	size_t n = 0;

	G.delims = xmalloc(strlen(s) + 1);
	for (const char *p = s; *p; p++) {
		char c = *p;
		if (c == '\\') {
			const char *e;
			if (!p[1])
				bb_error_msg_and_die("delimiter list ends with an unescaped "
						     "backslash: %s", s);
			c = *++p;
			for (e = esc; e < esc + sizeof(esc) - 1; e += 2)
				if (*e == c) {
					c = e[1];
					break;
				}
		}
		G.delims[n++] = c;
	}
	G.ndelims = n;
}

static void put_delim(size_t i)
{
	char c;

	if (!G.ndelims)
		return;
	c = G.delims[i % G.ndelims];
	if (c)
		lout_char(&G.out, c);
}

static int paste_serial(char **files, int n)
{
	int status = 0;

	for (int i = 0; i < n; i++) {
		struct lin l;
		char *p;
		size_t len, k = 0;
		if (!lin_open(&l, files[i], G.eol)) {
			status = 1;
			continue;
		}
		while (lin_next(&l, &p, &len, NULL)) {
			if (k)
				put_delim(k - 1);
			lout_put(&G.out, p, len);
			k++;
		}
		lout_char(&G.out, G.eol);
		if (lin_close(&l))
			status = 1;
	}
	return status;
}

static int paste_parallel(char **files, int n)
{
	struct lin *l = xzalloc(n * sizeof(*l));
	struct lin **in = xmalloc(n * sizeof(*in));
	struct lin *std = NULL;
	int status = 0;

	for (int i = 0; i < n; i++) {
		if (!strcmp(files[i], "-") && std) {
			in[i] = std;
			continue;
		}
		in[i] = &l[i];
		if (!lin_open(&l[i], files[i], G.eol))
			xfunc_die();
		if (!strcmp(files[i], "-"))
			std = &l[i];
	}
	for (;;) {
		/* delimiters wait until a later field has a line, so an all-empty
		 * round prints nothing */
		size_t written = 0;
		bool any = false;
		for (int i = 0; i < n; i++) {
			char *p;
			size_t len;
			if (!lin_next(in[i], &p, &len, NULL))
				continue;
			while (written < (size_t)i)
				put_delim(written++);
			lout_put(&G.out, p, len);
			any = true;
		}
		if (!any)
			break;
		while (written < (size_t)n - 1)
			put_delim(written++);
		lout_char(&G.out, G.eol);
	}
	for (int i = 0; i < n; i++)
		if (in[i] == &l[i] && lin_close(&l[i]))
			status = 1;
	free(l);
	free(in);
	return status;
}

int paste_main(int argc, char **argv)
{
	char *stdin_only[] = { (char *)"-", NULL };
	char **files = argc > 1 ? argv + 1 : stdin_only;
	int n = argc > 1 ? argc - 1 : 1, status;

	G.eol = FLAG(z) ? '\0' : '\n';
	parse_delims(G.d ? G.d : "\t");
	status = FLAG(s) ? paste_serial(files, n) : paste_parallel(files, n);
	lout_done(&G.out);
	free(G.delims);
	return status;
}
