/* options.c: libFuzzer target for the command-line option parser. The input is split at
 * NUL bytes into argv; parse_options() must never crash or read out of bounds, whatever
 * the arguments. Build and run (-close_fd_mask=2 hides the error messages):
 *   make fuzz && generated/fuzz/options -close_fd_mask=2 -max_total_time=60 */
#include "libbb.h"

/* parse_options() reports errors through these; the real ones live in core/run.c,
 * which would pull the whole applet table in. */
const char *applet_name = "fuzz";
const struct applet *current_applet;

void bb_show_usage(void)
{
	xfunc_die();
}

static const char *const specs[] = {
	"u{FEATURE_X}n(number)b(number-nonblank)s(squeeze-blank)v(show-nonprinting)",
	"^iu(unset)*0(null)C(chdir):",
	"~nn(lines)#<0,>c(bytes):q(quiet)(silent)v(verbose)z(zero-terminated)",
	"[-xyz][!ab]abxyz w(width)#<1,1000> (color)? (full-time)",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1), *argv[256];
	long slots[8];
	jmp_buf jmp;
	int argc = 1;

	if (!buf || size < 1)
		return free(buf), 0;
	memcpy(buf, data + 1, size - 1);
	buf[size - 1] = 0;
	argv[0] = (char *)"fuzz";
	for (char *p = buf; p < buf + size - 1 && argc < 255; p += strlen(p) + 1)
		argv[argc++] = p;
	argv[argc] = NULL;
	memset(slots, 0, sizeof(slots));
	die_jmp = &jmp;
	if (setjmp(jmp) == 0)
		parse_options(specs[data[0] % ARRAY_SIZE(specs)], argv, slots);
	die_jmp = NULL;
	if (data[0] % ARRAY_SIZE(specs) == 1)
		free((char **)slots[0]);	/* the "*" list of -u */
	free(buf);
	return 0;
}
