/* messages.c: error messages and the single way to die. */
#include "libbb.h"

uint8_t xfunc_error_retval = 1;
jmp_buf *die_jmp;

/* Inside a NOFORK run, return to run_nofork_applet() instead of ending the process. */
NORETURN static void exit_or_jump(int status)
{
	if (die_jmp)
		longjmp(*die_jmp, status + 1);
	exit(status);
}

NORETURN void xfunc_die(void)
{
	exit_or_jump(xfunc_error_retval);
}

/* One write per message, so messages of parallel processes do not interleave. */
void bb_verror_msg(const char *fmt, va_list ap, const char *strerr)
{
	va_list copy;
	char small[256], *msg = small;
	int n, len;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		n = 0;
	len = strlen(applet_name) + 2 + n + (strerr ? strlen(strerr) + 2 : 0) + 2;
	if (len > (int)sizeof(small))
		msg = malloc(len);
	if (!msg)
		return;
	len = sprintf(msg, "%s: ", applet_name);
	len += vsprintf(msg + len, fmt, ap);
	if (strerr)
		len += sprintf(msg + len, "%s%s", n ? ": " : "", strerr);
	msg[len++] = '\n';
	fflush(stdout);
	full_write(STDERR_FILENO, msg, len);
	if (msg != small)
		free(msg);
}

void bb_error_msg(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	bb_verror_msg(fmt, ap, NULL);
	va_end(ap);
}

void bb_perror_msg(const char *fmt, ...)
{
	const char *err = strerror(errno);
	va_list ap;
	va_start(ap, fmt);
	bb_verror_msg(fmt, ap, err);
	va_end(ap);
}

void bb_error_msg_and_die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	bb_verror_msg(fmt, ap, NULL);
	va_end(ap);
	xfunc_die();
}

void bb_perror_msg_and_die(const char *fmt, ...)
{
	const char *err = strerror(errno);
	va_list ap;
	va_start(ap, fmt);
	bb_verror_msg(fmt, ap, err);
	va_end(ap);
	xfunc_die();
}

int fflush_stdout_status(int status)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return status;
	bb_perror_msg("write error");
	clearerr(stdout);
	return xfunc_error_retval;	/* 1, or the applet's failure status (env: 125) */
}

void fflush_stdout_and_exit(int status)
{
	exit_or_jump(fflush_stdout_status(status));
}
