/* stat: show file or file system status. GNU coreutils stat: -c/--format, --printf, -f,
 * -L, -t, GNU's default layouts and every % sequence for files and file systems.
 * Deviations: no SELinux, so %C prints '?' and fails as GNU does without a context;
 * the birth time (%w %W) comes from statx(2) where the kernel has it. %N quotes as GNU's
 * default shell-escape style for printable names, with $'\ooo' for other bytes.
 */

/*== applet
applet stat /usr/bin
options c(format): (printf): L(dereference) {FEATURE_STAT_FILESYSTEM}f(file-system){} t(terse)
config STAT
	bool "stat"
	default y
	help
	  Show the status of files: sizes, modes, owners, times.

config FEATURE_STAT_FILESYSTEM
	bool "Support -f (file system status)"
	default y
	depends on STAT
usage [-Lt] [-c FORMAT | --printf FORMAT] FILE...
Show the status of each FILE.

	-c FMT	Print FMT (and a newline) instead of the default
	--printf FMT	Like -c, with backslash escapes and no newline
	-L	Follow symlinks
{FEATURE_STAT_FILESYSTEM}	-f	Show the status of the file system holding each FILE
	-t	Terse: the values on one line

Files: %a octal mode %A mode %b blocks %B block size %d device %D device (hex)
%Hd %Ld major, minor of the device %f mode (hex) %F type %g gid %G group %h links
%i inode %m mount point %n name %N quoted name -> target %o I/O block size %s size
%t %T major, minor of a device file (hex) %Hr %Lr (decimal) %u uid %U user
%w %x %y %z birth, access, modification, change time %W %X %Y %Z as seconds
{FEATURE_STAT_FILESYSTEM}File systems: %a free blocks for users %b blocks %c inodes %d free inodes %f free blocks
{FEATURE_STAT_FILESYSTEM}%i ID (hex) %l name length %n name %s block size %S fundamental block size
{FEATURE_STAT_FILESYSTEM}%t type (hex) %T type
==*/

#include "libbb.h"
#include "flags/stat.h"
#include <grp.h>
#include <pwd.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <time.h>

/* The kernel's struct statx, up to the times (its ABI is fixed); 256 bytes in all. */
struct kstatx_time {
	int64_t sec;
	uint32_t nsec;
	int32_t pad;
};
struct kstatx {
	uint32_t mask, blksize;
	uint64_t attributes;
	uint32_t nlink, uid, gid;
	uint16_t mode, pad0;
	uint64_t ino, size, blocks, attributes_mask;
	struct kstatx_time atime, btime, ctime, mtime;
	uint64_t spare[20];
};
enum { KSTATX_BTIME = 0x800 };

struct fs_type {
	unsigned long magic;
	const char *name;
};
static const struct fs_type fs_types[] = {
	{ 0xEF53, "ext2/ext3" }, { 0x01021994, "tmpfs" }, { 0x9FA0, "proc" },
	{ 0x62656572, "sysfs" }, { 0x1CD1, "devpts" }, { 0x58465342, "xfs" },
	{ 0x9123683E, "btrfs" }, { 0x4D44, "msdos" }, { 0x794C7630, "overlayfs" },
	{ 0x6969, "nfs" }, { 0x63677270, "cgroup2fs" }, { 0x27E0EB, "cgroupfs" },
	{ 0x73717368, "squashfs" }, { 0x9660, "isofs" }, { 0x65735546, "fuseblk" },
	{ 0x65735543, "fusectl" }, { 0x858458F6, "ramfs" }, { 0xF2F52010, "f2fs" },
	{ 0x2FC12FC1, "zfs" }, { 0x5346544E, "ntfs" }, { 0x64626720, "debugfs" },
	{ 0x73636673, "securityfs" }, { 0x74726163, "tracefs" }, { 0x19800202, "mqueue" },
	{ 0xCAFE4A11, "bpf_fs" }, { 0x0187, "autofs" }, { 0x958458F6, "hugetlbfs" },
	{ 0x50495045, "pipefs" }, { 0x534F434B, "sockfs" }, { 0x2011BAB0, "exfat" },
	{ 0x42465331, "befs" }, { 0x28CD3D45, "cramfs" }, { 0x3153464A, "jfs" },
	{ 0x52654973, "reiserfs" }, { 0x517B, "smb" }, { 0xFF534D42, "cifs" },
	{ 0x01161970, "gfs/gfs2" }, { 0x6E736673, "nsfs" }, { 0xBAD1DEA, "futexfs" },
	{ 0x62646576, "bdevfs" }, { 0x42494E4D, "binfmt_misc" }, { 0x453DCD28, "cramfs-wend" },
	{ 0x15013346, "udf" }, { 0x9FA2, "usbdevfs" }, { 0x73757245, "coda" },
	{ 0x01021997, "v9fs" }, { 0x786F4256, "vboxsf" }, { 0x5A3C69F0, "aafs" },
	{ 0xDE5E81E4, "efivarfs" }, { 0x6165676C, "pstorefs" }, { 0x47504653, "gpfs" },
	{ 0xCA451A4E, "bcachefs" }, { 0x24051905, "ubifs" }, { 0x72B6, "jffs2" },
	{ 0x137F, "minix" }, { 0x2468, "minix v2" }, { 0x4D5A, "minix3" },
};

GLOBALS(
	int status;
	bool quote_always;	/* %N of -c and --printf; the default format quotes as needed */
);

/* ---- output of one directive ---- */

/* The printf conversion spec "%<flags><width><.prec>" kept in spec, then conv. */
static void out_str(const char *spec, const char *s)
{
	char fmt[64];

	snprintf(fmt, sizeof(fmt), "%ss", spec);
	printf(fmt, s);
}

static void out_num(const char *spec, unsigned long long n)
{
	char fmt[64];

	snprintf(fmt, sizeof(fmt), "%sllu", spec);
	printf(fmt, n);
}

static void out_snum(const char *spec, long long n)
{
	char fmt[64];

	snprintf(fmt, sizeof(fmt), "%slld", spec);
	printf(fmt, n);
}

static void out_hex(const char *spec, unsigned long long n)
{
	char fmt[64];

	snprintf(fmt, sizeof(fmt), "%sllx", spec);
	printf(fmt, n);
}

static void out_oct(const char *spec, unsigned long long n)
{
	char fmt[64];

	snprintf(fmt, sizeof(fmt), "%sllo", spec);
	printf(fmt, n);
}

/* Seconds since the epoch with prec (-1: none) digits of fraction, as %.NY does. */
static void out_epoch(const char *spec, int64_t sec, long nsec, int prec)
{
	char buf[64], flags[16];
	size_t n = 0;
	const char *p = spec + 1;
	int width = 0;

	while (*p && strchr("-+ #0'", *p) && n < sizeof(flags) - 1)
		flags[n++] = *p++;
	flags[n] = 0;
	while (isdigit(*p))
		width = width * 10 + (*p++ - '0');
	if (prec < 0) {
		snprintf(buf, sizeof(buf), "%lld", (long long)sec);
	} else {
		char frac[10];
		if (sec < 0 && nsec) {
			sec++;
			nsec = 1000000000 - nsec;
		}
		snprintf(frac, sizeof(frac), "%09ld", nsec);
		if (prec > 30)
			prec = 30;
		snprintf(buf, sizeof(buf), "%lld%s%.*s%.*s", (long long)sec, prec ? "." : "",
			 prec < 9 ? prec : 9, frac, prec > 9 ? prec - 9 : 0,
			 "000000000000000000000");
	}
	if (strchr(flags, '-'))
		printf("%-*s", width, buf);
	else if (strchr(flags, '0') && buf[0] != '-')
		printf("%.*s%s", width > (int)strlen(buf) ? width - (int)strlen(buf) : 0,
		       "000000000000000000000000000000000000000000000000000000000000", buf);
	else
		printf("%*s", width, buf);
}

static void out_time(const char *spec, int64_t sec, long nsec)
{
	time_t t = sec;
	struct tm tm;
	char buf[80];
	size_t n;

	if (!localtime_r(&t, &tm)) {
		snprintf(buf, sizeof(buf), "%lld", (long long)sec);
	} else {
		n = strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S", &tm);
		n += snprintf(buf + n, sizeof(buf) - n, ".%09ld", nsec);
		strftime(buf + n, sizeof(buf) - n, " %z", &tm);
	}
	out_str(spec, buf);
}

/* GNU's default quoting for %N: 'name', "name" if it holds a ' only, and $'\ooo' pieces
 * for unprintable bytes. */
static void put_quoted(const char *s)
{
	static const char c_escapes[] = "\aa\bb\ff\nn\rr\tt\vv";
	bool squote = strchr(s, '\'') != NULL, special = false, in = false;
	const char *esc;

	for (const char *p = s; *p; p++)
		if (!isprint((unsigned char)*p) || strchr("\"$`\\", *p))
			special = true;
	if (!G.quote_always && *s && !strpbrk(s, " \t\n\"$&()*;<>?[\\]`{|}!") &&
	    !strchr("#~", *s)) {
		for (const char *p = s; *p && !special; p++)
			special = !isprint((unsigned char)*p);
		if (!special) {
			fputs(s, stdout);
			return;
		}
	}
	if (squote && !special) {
		printf("\"%s\"", s);
		return;
	}
	for (const char *p = s; *p; p++) {
		unsigned char c = *p;
		if (!isprint(c)) {
			if (in)
				putchar('\'');
			in = false;
			esc = memchr(c_escapes, c, sizeof(c_escapes) - 1);
			if (esc && !((esc - c_escapes) & 1))
				printf("$'\\%c'", esc[1]);
			else
				printf("$'\\%03o'", c);
			continue;
		}
		if (!in)
			putchar('\'');
		in = true;
		if (c == '\'')
			fputs("'\\''", stdout);
		else
			putchar(c);
	}
	if (in || !*s)
		fputs(*s ? "'" : "''", stdout);
}

/* The mount point holding path: the last directory up from it on the same device. */
static char *mount_point(const char *path, const struct stat *st)
{
	char *real = realpath(path, NULL), *slash;
	struct stat up;

	if (!real)
		return xstrdup("?");
	if (!S_ISDIR(st->st_mode) && (slash = strrchr(real, '/')))
		*(slash == real ? slash + 1 : slash) = 0;
	while (strcmp(real, "/")) {
		slash = strrchr(real, '/');
		char save = slash[slash == real ? 1 : 0];
		slash[slash == real ? 1 : 0] = 0;
		if (stat(real, &up) < 0 || up.st_dev != st->st_dev) {
			slash[slash == real ? 1 : 0] = save;
			break;
		}
	}
	return real;
}

struct file_info {
	const char *name;
	struct stat st;
	bool have_btime;
	struct kstatx_time btime;
};

static void file_directive(const char *spec, int prec, char c, char hl,
			   const struct file_info *f)
{
	const struct stat *st = &f->st;
	char buf[16];

	switch (c) {
	case 'a': out_oct(spec, st->st_mode & 07777); break;
	case 'A': bb_mode_string(st->st_mode, buf); out_str(spec, buf); break;
	case 'b': out_num(spec, st->st_blocks); break;
	case 'B': out_num(spec, 512); break;
	case 'C':
		errno = ENODATA;
		bb_perror_msg("failed to get security context of '%s'", f->name);
		out_str(spec, "?");
		G.status = 1;
		break;
	case 'd':
		if (hl == 'H')
			out_num(spec, major(st->st_dev));
		else if (hl == 'L')
			out_num(spec, minor(st->st_dev));
		else
			out_num(spec, st->st_dev);
		break;
	case 'D': out_hex(spec, st->st_dev); break;
	case 'f': out_hex(spec, st->st_mode); break;
	case 'F': out_str(spec, bb_file_type(st)); break;
	case 'g': out_num(spec, st->st_gid); break;
	case 'G': {
		struct group *gr = getgrgid(st->st_gid);
		out_str(spec, gr ? gr->gr_name : "UNKNOWN");
		break;
	}
	case 'h': out_num(spec, st->st_nlink); break;
	case 'i': out_num(spec, st->st_ino); break;
	case 'm': {
		char *m = mount_point(f->name, st);
		out_str(spec, m);
		free(m);
		break;
	}
	case 'n': out_str(spec, f->name); break;
	case 'N':
		put_quoted(f->name);
		if (S_ISLNK(st->st_mode)) {
			/* st_size may be 0 (/proc), so the buffer grows until the target fits */
			size_t cap = st->st_size > 0 ? (size_t)st->st_size + 1 : 256;
			for (;;) {
				char *target = xmalloc(cap);
				ssize_t n = readlink(f->name, target, cap);
				if (n >= 0 && (size_t)n < cap) {
					target[n] = 0;
					fputs(" -> ", stdout);
					put_quoted(target);
				}
				free(target);
				if (n < 0 || (size_t)n < cap)
					break;
				cap *= 2;
			}
		}
		break;
	case 'o': out_num(spec, st->st_blksize); break;
	case 's': out_snum(spec, st->st_size); break;
	case 'r':
		if (hl == 'H')
			out_num(spec, major(st->st_rdev));
		else if (hl == 'L')
			out_num(spec, minor(st->st_rdev));
		else
			out_num(spec, st->st_rdev);
		break;
	case 't': out_hex(spec, major(st->st_rdev)); break;
	case 'T': out_hex(spec, minor(st->st_rdev)); break;
	case 'u': out_num(spec, st->st_uid); break;
	case 'U': {
		struct passwd *pw = getpwuid(st->st_uid);
		out_str(spec, pw ? pw->pw_name : "UNKNOWN");
		break;
	}
	case 'w':
		if (f->have_btime)
			out_time(spec, f->btime.sec, f->btime.nsec);
		else
			out_str(spec, "-");
		break;
	case 'W':
		if (f->have_btime)
			out_epoch(spec, f->btime.sec, f->btime.nsec, prec);
		else
			out_epoch(spec, 0, 0, prec);
		break;
	case 'x': out_time(spec, st->st_atim.tv_sec, st->st_atim.tv_nsec); break;
	case 'X': out_epoch(spec, st->st_atim.tv_sec, st->st_atim.tv_nsec, prec); break;
	case 'y': out_time(spec, st->st_mtim.tv_sec, st->st_mtim.tv_nsec); break;
	case 'Y': out_epoch(spec, st->st_mtim.tv_sec, st->st_mtim.tv_nsec, prec); break;
	case 'z': out_time(spec, st->st_ctim.tv_sec, st->st_ctim.tv_nsec); break;
	case 'Z': out_epoch(spec, st->st_ctim.tv_sec, st->st_ctim.tv_nsec, prec); break;
	default:
		putchar('?');
	}
}

struct fs_info {
	const char *name;
	struct statfs sf;
};

static void fs_directive(const char *spec, int prec, char c, char hl, const struct fs_info *f)
{
	const struct statfs *sf = &f->sf;

	(void)prec;
	(void)hl;
	switch (c) {
	case 'a': out_num(spec, sf->f_bavail); break;
	case 'b': out_num(spec, sf->f_blocks); break;
	case 'c': out_num(spec, sf->f_files); break;
	case 'd': out_num(spec, sf->f_ffree); break;
	case 'f': out_num(spec, sf->f_bfree); break;
	case 'i': {
		const uint32_t *v = (const uint32_t *)&sf->f_fsid;
		out_hex(spec, (unsigned long long)v[0] << 32 | v[1]);
		break;
	}
	case 'l': out_num(spec, sf->f_namelen); break;
	case 'n': out_str(spec, f->name); break;
	case 's': out_num(spec, sf->f_bsize); break;
	case 'S': out_num(spec, sf->f_frsize ? sf->f_frsize : sf->f_bsize); break;
	case 't': out_hex(spec, (unsigned long)sf->f_type); break;
	case 'T': {
		unsigned long magic = (unsigned long)sf->f_type & 0xffffffffUL;
		for (size_t i = 0; i < ARRAY_SIZE(fs_types); i++) {
			if (fs_types[i].magic == magic) {
				out_str(spec, fs_types[i].name);
				return;
			}
		}
		{
			char buf[40];
			snprintf(buf, sizeof(buf), "UNKNOWN (0x%lx)", magic);
			out_str(spec, buf);
		}
		break;
	}
	default:
		putchar('?');
	}
}

/* ---- formats ---- */

/* A backslash escape at s (after the backslash); returns the characters it used. */
static int put_escape(const char *s)
{
	static const char map[] = "a\ab\be\033f\fn\nr\rt\tv\v\\\\\"\"''";
	const char *m;
	int n = 0, v = 0;

	if (*s >= '0' && *s <= '7') {
		while (n < 3 && s[n] >= '0' && s[n] <= '7')
			v = v * 8 + s[n++] - '0';
		putchar(v);
		return n;
	}
	if (*s == 'x' && isxdigit((unsigned char)s[1])) {
		for (n = 1; n < 3 && isxdigit((unsigned char)s[n]); n++)
			v = v * 16 + (isdigit((unsigned char)s[n]) ? s[n] - '0' :
				      (tolower((unsigned char)s[n]) - 'a' + 10));
		putchar(v);
		return n;
	}
	if (!*s) {
		bb_error_msg("warning: backslash at end of format");
		putchar('\\');
		return 0;
	}
	for (m = map; *m; m += 2) {
		if (*m == *s) {
			putchar(m[1]);
			return 1;
		}
	}
	bb_error_msg("warning: unrecognized escape '\\%c'", *s);
	putchar(*s);
	return 1;
}

static void run_format(const char *fmt, bool escapes, bool fs, const void *info)
{
	for (const char *p = fmt; *p; p++) {
		char spec[48];
		size_t n = 1;
		int prec = -1;
		char hl = 0;

		if (*p == '\\' && escapes) {
			p += put_escape(p + 1);
			continue;
		}
		if (*p != '%') {
			putchar(*p);
			continue;
		}
		if (p[1] == '%') {
			putchar('%');
			p++;
			continue;
		}
		spec[0] = '%';
		p++;
		while (*p && strchr("-+ #0'", *p)) {
			if (n < 20)
				spec[n++] = *p;
			p++;
		}
		while (isdigit((unsigned char)*p)) {
			if (n < 30)
				spec[n++] = *p;
			p++;
		}
		if (*p == '.') {
			prec = 0;
			if (n < 31)
				spec[n++] = '.';
			p++;
			while (isdigit((unsigned char)*p)) {
				prec = prec < 1000 ? prec * 10 + (*p - '0') : prec;
				if (n < 40)
					spec[n++] = *p;
				p++;
			}
			if (n && spec[n - 1] == '.')
				prec = 9;
		}
		spec[n] = 0;
		if (!fs && (*p == 'H' || *p == 'L') && (p[1] == 'd' || p[1] == 'r'))
			hl = *p++;
		if (!*p && n == 1) {
			putchar('%');
			break;
		}
		if (!*p)
			bb_error_msg_and_die("'%s': invalid directive", spec);
		if (!fs && strchr("WXYZ", *p) && prec >= 0)
			*strchr(spec, '.') = 0;	/* there it counts the digits of the fraction */
		if (fs)
			fs_directive(spec, prec, *p, hl, info);
		else
			file_directive(spec, prec, *p, hl, info);
	}
}

static const char *default_format(bool fs, const struct stat *st)
{
	if (fs)
		return FLAG(t) ? "%n %i %l %t %s %S %b %f %a %c %d\n" :
			"  File: \"%n\"\n"
			"    ID: %-8i Namelen: %-7l Type: %T\n"
			"Block size: %-10s Fundamental block size: %S\n"
			"Blocks: Total: %-10b Free: %-10f Available: %a\n"
			"Inodes: Total: %-10c Free: %d\n";
	if (FLAG(t))
		return "%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o\n";
	if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
		return "  File: %N\n"
			"  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n"
			"Device: %Hd,%Ld\tInode: %-11i Links: %-5h Device type: %Hr,%Lr\n"
			"Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n"
			"Access: %x\nModify: %y\nChange: %z\n Birth: %w\n";
	return "  File: %N\n"
		"  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n"
		"Device: %Hd,%Ld\tInode: %-11i Links: %h\n"
		"Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n"
		"Access: %x\nModify: %y\nChange: %z\n Birth: %w\n";
}

static void stat_one(const char *name, const char *fmt, bool escapes)
{
	if (ENABLE_FEATURE_STAT_FILESYSTEM && FLAG(f)) {
		struct fs_info f = { .name = name };
		if (statfs(name, &f.sf) < 0) {
			bb_perror_msg("cannot read file system information for '%s'", name);
			G.status = 1;
			return;
		}
		run_format(fmt ? fmt : default_format(true, NULL), escapes, true, &f);
	} else {
		struct file_info f = { .name = name };
		struct kstatx sx;
		int r = FLAG(L) ? stat(name, &f.st) : lstat(name, &f.st);
		if (r < 0) {
			bb_perror_msg("cannot statx '%s'", name);
			G.status = 1;
			return;
		}
		memset(&sx, 0, sizeof(sx));
		if (HAVE_SYS_STATX && syscall(SYS_statx, AT_FDCWD, name,
					      FLAG(L) ? 0 : AT_SYMLINK_NOFOLLOW, KSTATX_BTIME,
					      &sx) == 0 && (sx.mask & KSTATX_BTIME)) {
			f.have_btime = true;
			f.btime = sx.btime;
		}
		run_format(fmt ? fmt : default_format(false, &f.st), escapes, false, &f);
	}
	if (fmt && !escapes)
		putchar('\n');
}

int stat_main(int argc, char **argv)
{
	const char *fmt = FLAG(printf) ? G.printf : FLAG(c) ? G.c : NULL;

	G.quote_always = fmt != NULL;

	need_operands(argc, argv, 1, -1);
	for (int i = 1; i < argc; i++)
		stat_one(argv[i], fmt, FLAG(printf));
	return G.status;
}
