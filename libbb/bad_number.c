/* bad_number.c: the message for a number that does not parse, in GNU's words. */
#include "libbb.h"

void die_bad_number(const char *what, const char *s, int err)
{
	/* glibc's words for these, whatever the libc says */
	const char *why = err == ERANGE ? ": Numerical result out of range"
			: err == EOVERFLOW ? ": Value too large for defined data type" : "";

	bb_error_msg_and_die("invalid %s: '%s'%s", what, s, why);
}
