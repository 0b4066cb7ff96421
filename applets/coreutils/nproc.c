/* nproc: print the number of processing units available.
 * GNU nproc: --all, --ignore=N, and OMP_NUM_THREADS / OMP_THREAD_LIMIT as GNU reads them
 * (the first number of a list; invalid or zero values are ignored).
 */

/*== applet
applet nproc /usr/bin
options (all) (ignore):
config NPROC
	bool "nproc"
	default y
	help
	  Print the number of processors this process may run on.
usage [--all] [--ignore=N]
Print the number of processors the current process may run on (at least 1).

	--all	Count every installed processor, whether this process may use it or not
	--ignore=N	Subtract N
==*/

#include "libbb.h"
#include "flags/nproc.h"
#include <sched.h>

GLOBALS();

/* A positive number at the start of an OMP_* variable, or 0. */
static unsigned long omp_value(const char *name)
{
	const char *s = getenv(name);
	char *end;
	unsigned long n;

	if (!s)
		return 0;
	while (isspace(*s))
		s++;
	if (!isdigit(*s))
		return 0;
	errno = 0;
	n = strtoul(s, &end, 10);
	while (isspace(*end))
		end++;
	return errno || (*end && *end != ',') ? 0 : n;
}

static unsigned long available(void)
{
	cpu_set_t set;
	long n;

	if (!FLAG(all) && !sched_getaffinity(0, sizeof(set), &set))
		return CPU_COUNT(&set);
	n = sysconf(FLAG(all) ? _SC_NPROCESSORS_CONF : _SC_NPROCESSORS_ONLN);
	return n > 0 ? n : 1;
}

int nproc_main(int argc, char **argv)
{
	unsigned long long ignore = 0;
	unsigned long n;

	if (argc > 1) {
		bb_error_msg("extra operand '%s'", argv[1]);
		bb_show_usage();
	}
	if (FLAG(ignore) && bb_strtoull(G.ignore, 10, NULL, 0, ULLONG_MAX, &ignore))
		die_bad_number("number", G.ignore, errno == ERANGE ? EOVERFLOW : errno);
	n = available();
	if (!FLAG(all)) {
		unsigned long omp = omp_value("OMP_NUM_THREADS");
		unsigned long limit = omp_value("OMP_THREAD_LIMIT");
		if (omp)
			n = omp;
		if (limit && n > limit)
			n = limit;
	}
	printf("%lu\n", ignore < n ? n - (unsigned long)ignore : 1);
	return 0;
}
