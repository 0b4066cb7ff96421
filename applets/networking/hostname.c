/* hostname: show or set the system's host name. As the Linux hostname (net-tools and
 * Debian's): -s -f -d -i show parts of the name (the last one given wins), NAME or
 * -F FILE set it; showing and setting together is a usage error. Messages for an
 * invalid name and failed look-ups are Debian's; -F names the file in its error.
 */

/*== applet
applet hostname /bin
options [-sfdi]s(short)f(fqdn)(long)d(domain)i(ip-address)F(file):
config HOSTNAME
	bool "hostname"
	default y
	help
	  Show or set the system's host name.
usage [-s|-f|-d|-i] | [NAME | -F FILE]
Show the host name, or set it to NAME or to the first name in FILE.

	-s	Short name: up to the first dot
	-f	Fully qualified domain name (looked up)
	-d	DNS domain name: the FQDN after its first dot
	-i	Addresses of the host name
	-F FILE	Set the name from FILE: its first line that is not empty or a # comment
==*/

#include "libbb.h"
#include "flags/hostname.h"
#include <netdb.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <sys/utsname.h>

GLOBALS();

/* The kernel's node name: uname() has room for the longest one. */
static char *xgethostname(void)
{
	struct utsname u;

	if (uname(&u))
		bb_perror_msg_and_die("cannot get host name");
	return xstrdup(u.nodename);
}

static struct addrinfo *lookup(const char *name, int flags)
{
	struct addrinfo hints = { .ai_flags = flags, .ai_socktype = SOCK_STREAM };
	struct addrinfo *ai;
	int err = getaddrinfo(name, NULL, &hints, &ai);

	if (err)
		bb_error_msg_and_die("%s", err == EAI_SYSTEM ? strerror(errno) : gai_strerror(err));
	return ai;
}

static void print_addresses(const char *name)
{
	struct addrinfo *ai = lookup(name, 0), *p, *q;
	char buf[INET6_ADDRSTRLEN];
	const char *sep = "";

	for (p = ai; p; p = p->ai_next) {
		const void *a = p->ai_family == AF_INET6 ?
			(const void *)&((struct sockaddr_in6 *)p->ai_addr)->sin6_addr :
			(const void *)&((struct sockaddr_in *)p->ai_addr)->sin_addr;
		for (q = ai; q != p; q = q->ai_next)	/* each address once */
			if (q->ai_addrlen == p->ai_addrlen && !memcmp(q->ai_addr, p->ai_addr, p->ai_addrlen))
				break;
		if (q != p || (p->ai_family != AF_INET && p->ai_family != AF_INET6))
			continue;
		if (inet_ntop(p->ai_family, a, buf, sizeof(buf))) {
			printf("%s%s", sep, buf);
			sep = " ";
		}
	}
	putchar('\n');
	freeaddrinfo(ai);
}

static void show(void)
{
	char *name = xgethostname();

	if (FLAG(s)) {
		name[strcspn(name, ".")] = '\0';
		puts(name);
	} else if (FLAG(f) || FLAG(d)) {
		struct addrinfo *ai = lookup(name, AI_CANONNAME);
		const char *fqdn = ai->ai_canonname ? ai->ai_canonname : name;
		const char *dot = strchr(fqdn, '.');
		if (FLAG(f))
			puts(fqdn);
		else if (dot)
			puts(dot + 1);
		freeaddrinfo(ai);
	} else if (FLAG(i))
		print_addresses(name);
	else
		puts(name);
	free(name);
}

/* The first line of path that is neither empty nor a comment, trimmed (malloced). */
static char *name_from_file(const char *path)
{
	FILE *fp = fopen(path, "r");
	char *line, *s;

	if (!fp)
		bb_perror_msg_and_die("%s", path);
	while ((line = xmalloc_fgetline(fp)) != NULL) {
		size_t n;
		for (s = line; isspace(*s); s++)
			;
		n = strlen(s);
		while (n && isspace(s[n - 1]))
			n--;
		s[n] = '\0';
		if (*s && *s != '#') {
			s = xstrdup(s);
			free(line);
			fclose(fp);
			return s;
		}
		free(line);
	}
	if (ferror(fp))
		bb_perror_msg_and_die("%s", path);
	fclose(fp);
	return xstrdup("");
}

static bool valid_name(const char *s)
{
	if (!*s || *s == '-' || *s == '.')
		return false;
	for (; *s; s++)
		if (!isalnum(*s) && *s != '-' && *s != '.' && *s != '_')
			return false;
	return true;
}

static void set_name(const char *name)
{
	if (!valid_name(name))
		bb_error_msg_and_die("the specified hostname is invalid");
	if (sethostname(name, strlen(name)) == 0)
		return;
	if (errno == EPERM)
		bb_error_msg_and_die("you must be root to change the host name");
	if (errno == EINVAL)
		bb_error_msg_and_die("name too long");
	bb_perror_msg_and_die("sethostname");
}

int hostname_main(int argc, char **argv)
{
	bool showing = FLAG(s) || FLAG(f) || FLAG(d) || FLAG(i);
	char *name;

	if (argc > 2 || (argc == 2 && FLAG(F)) || ((argc == 2 || FLAG(F)) && showing))
		bb_show_usage();
	if (argc == 2)
		set_name(argv[1]);
	else if (FLAG(F)) {
		name = name_from_file(G.F);
		set_name(name);
		free(name);
	} else
		show();
	return 0;
}
