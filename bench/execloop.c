/* execloop: start a command N times in a tight vfork+exec+wait loop; print the mean
 * microseconds per run and the largest peak RSS (KiB) any run reached.
 *   execloop N COMMAND [ARGS...] */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct timespec t0, t1;
	long n = argc > 2 ? atol(argv[1]) : 0, max_rss = 0;

	if (n <= 0) {
		fprintf(stderr, "usage: execloop N COMMAND [ARGS...]\n");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (long i = 0; i < n; i++) {
		struct rusage ru;
		int status;
		pid_t pid = vfork();
		if (pid == 0) {
			execv(argv[2], argv + 2);
			_exit(127);
		}
		if (pid < 0 || wait4(pid, &status, 0, &ru) < 0 || !WIFEXITED(status) ||
		    WEXITSTATUS(status) == 127) {
			fprintf(stderr, "execloop: %s failed\n", argv[2]);
			return 1;
		}
		if (ru.ru_maxrss > max_rss)
			max_rss = ru.ru_maxrss;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("%.1f %ld\n", ((t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec)) / n / 1e3,
	       max_rss);
	return 0;
}
