/* crc32: print the CRC-32 (as zlib, gzip and PNG compute it) of files in hex. BusyBox
 * crc32; standard input when no FILE is given. */

/*== applet
applet crc32 /usr/bin
options
config CRC32
	bool "crc32"
	default y
	help
	  Print the CRC-32 checksum of files, as gzip and zlib compute it.
usage [FILE]...
Print the CRC-32 of each FILE (standard input if none, or -) in hex.
==*/

#include "libbb.h"
#include "flags/crc32.h"

enum { BUFSZ = 64 * 1024 };

GLOBALS(
	uint8_t *buf;
	uint32_t *table;
);

/* Prints "crc name", or only the CRC for implicit standard input. */
static int crc_file(const char *name, bool show)
{
	int fd = open_or_warn_stdin(name);
	uint32_t crc = 0xffffffff;
	ssize_t n;

	if (fd < 0)
		return 1;
	while ((n = safe_read(fd, G.buf, BUFSZ)) > 0)
		crc = crc32_update_le(G.table, crc, G.buf, n);
	if (n < 0)
		bb_perror_msg("%s", name);
	else
		printf(show ? "%08x %s\n" : "%08x\n", (unsigned)~crc, name);
	if (fd != STDIN_FILENO)
		close(fd);
	return n < 0;
}

int crc32_main(int argc, char **argv)
{
	int status = 0;

	G.buf = xmalloc(BUFSZ);
	G.table = crc32_new_table(false);
	if (argc < 2)
		status = crc_file("-", false);
	for (argv++; *argv; argv++)
		status |= crc_file(*argv, true);
	free(G.table);
	free(G.buf);
	return status;
}
