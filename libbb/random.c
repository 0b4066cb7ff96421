/* random.c: unpredictable bytes from the kernel, for temporary names and shred. */
#include "libbb.h"
#include <sys/random.h>

void bb_random_bytes(void *buf, size_t len)
{
	char *p = buf;
	int fd = -1;

	while (len) {
		ssize_t n = getrandom(p, len, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			/* an old kernel without getrandom() */
			if (fd < 0)
				fd = xopen("/dev/urandom", O_RDONLY);
			n = full_read(fd, p, len);
			if (n <= 0) {
				close(fd);	/* NOFORK callers go on after dying */
				bb_perror_msg_and_die("/dev/urandom");
			}
		}
		p += n;
		len -= n;
	}
	if (fd >= 0)
		close(fd);
}
