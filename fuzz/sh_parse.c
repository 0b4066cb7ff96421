/* sh_parse.c: libFuzzer target for the shell's lexer and parser (applets/shell/parse.c).
 * The input is a script (cut at its first NUL byte); parsing must never crash, leak or
 * read out of bounds, whatever the text: syntax errors are reported and parsing stops.
 * Build and run (-close_fd_mask=2 hides the syntax error messages):
 *   make generated/fuzz/sh_parse && generated/fuzz/sh_parse -close_fd_mask=2 -max_total_time=60 */
#include "../applets/shell/misc.c"
#include "../applets/shell/input.c"
#include "../applets/shell/parse.c"

const char *applet_name = "fuzz";
const struct applet *current_applet;
struct sh_state sh_G;

void bb_show_usage(void)
{
	xfunc_die();
}

/* What the parser's neighbours would do: no aliases, no commands run. */
struct alias *alias_lookup(const char *name)
{
	(void)name;
	return NULL;
}

const struct builtin *builtin_lookup(const char *name)
{
	(void)name;
	return NULL;
}

int eval_string(const char *s)
{
	(void)s;
	return 0;
}

int run_trap(const char *action)
{
	(void)action;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	struct arena *a;
	bool err;

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = 0;
	/* odd sizes: with shopt extglob, where @( ... ) is one word */
	sh_G.shopts = size & 1 ? 1u << SHOPT_extglob : 0;
	a = arena_new();
	parse_string(s, a, &err);
	arena_unref(a);
	free(s);
	return 0;
}
