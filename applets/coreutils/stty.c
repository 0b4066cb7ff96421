/* stty: show or change terminal settings. POSIX stty with GNU's settings and output: the
 * changed settings by default, -a (all, wrapped to the width of standard output, or
 * $COLUMNS, or 80) and -g (GNU's hex format, accepted back as a setting), -F DEVICE,
 * size, speed, rows, cols, line, and the combination settings. Options and settings
 * may be mixed; options cannot be bundled. Linux-only flags: iutf8, cmspar, extproc.
 * Deviations: an invalid ispeed, ospeed or line discipline is an error (GNU 9.1 goes
 * on), and rows/cols above 65535 are out of range.
 */

/*== applet
applet stty /bin
config STTY
	bool "stty"
	default y
	help
	  Show or change the settings of a terminal: modes, control characters, speed.
usage [-a | -g] [-F DEVICE] [SETTING]...
Show or change the settings of the terminal on standard input (or DEVICE).

	-a, --all	All settings, readably
	-g, --save	All settings in a form stty accepts back
	-F, --file=DEVICE	Open DEVICE instead of using standard input
Settings ([-] means it can be turned off with a leading -):
	[-]parenb [-]parodd [-]cmspar cs5 cs6 cs7 cs8 [-]hupcl [-]hup [-]cstopb
	[-]cread [-]clocal [-]crtscts
	[-]ignbrk [-]brkint [-]ignpar [-]parmrk [-]inpck [-]istrip [-]inlcr [-]igncr
	[-]icrnl [-]ixon [-]ixoff [-]tandem [-]iuclc [-]ixany [-]imaxbel [-]iutf8
	[-]opost [-]olcuc [-]ocrnl [-]onlcr [-]onocr [-]onlret [-]ofill [-]ofdel
	nl0 nl1 cr0 cr1 cr2 cr3 tab0 tab1 tab2 tab3 bs0 bs1 vt0 vt1 ff0 ff1
	[-]isig [-]icanon [-]iexten [-]echo [-]echoe [-]crterase [-]echok [-]echonl
	[-]noflsh [-]xcase [-]tostop [-]echoprt [-]prterase [-]echoctl [-]ctlecho
	[-]echoke [-]crtkill [-]flusho [-]extproc
	CHAR C	Set control character CHAR (intr quit erase kill eof eol eol2 swtch
		start stop susp rprnt werase lnext discard) to C: ^X, ^? or ^- (undef),
		undef, one character, or a number (0x.. hex, 0.. octal)
	min N, time N	With -icanon: least characters and tenths of seconds for a read
	[ispeed|ospeed] N	Input and/or output speed in baud
	rows N, cols N, columns N	Window size
	line N	Line discipline
	size, speed	Print the window size (rows columns), the speed
	[-]evenp [-]parity [-]oddp [-]nl [-]raw [-]cooked [-]cbreak [-]pass8 [-]litout
	[-]decctlq [-]tabs [-]lcase [-]LCASE ek sane crt dec	Combinations
==*/

#include "libbb.h"
#include "flags/stty.h"
#include <termios.h>
#include <sys/ioctl.h>

enum { CONTROL, INPUT, OUTPUT, LOCAL };
enum { SANE_SET = 1, SANE_UNSET = 2, REV = 4, OMIT = 8 };

struct mode {
	char name[9];
	uint8_t type, flags;
	tcflag_t bits, mask;
};

static const struct mode modes[] = {
	{ "parenb", CONTROL, REV, PARENB, 0 },
	{ "parodd", CONTROL, REV, PARODD, 0 },
	{ "cmspar", CONTROL, REV, CMSPAR, 0 },
	{ "cs5", CONTROL, 0, CS5, CSIZE },
	{ "cs6", CONTROL, 0, CS6, CSIZE },
	{ "cs7", CONTROL, 0, CS7, CSIZE },
	{ "cs8", CONTROL, 0, CS8, CSIZE },
	{ "hupcl", CONTROL, REV, HUPCL, 0 },
	{ "hup", CONTROL, REV | OMIT, HUPCL, 0 },
	{ "cstopb", CONTROL, REV, CSTOPB, 0 },
	{ "cread", CONTROL, SANE_SET | REV, CREAD, 0 },
	{ "clocal", CONTROL, REV, CLOCAL, 0 },
	{ "crtscts", CONTROL, REV, CRTSCTS, 0 },
	{ "ignbrk", INPUT, SANE_UNSET | REV, IGNBRK, 0 },
	{ "brkint", INPUT, SANE_SET | REV, BRKINT, 0 },
	{ "ignpar", INPUT, REV, IGNPAR, 0 },
	{ "parmrk", INPUT, REV, PARMRK, 0 },
	{ "inpck", INPUT, REV, INPCK, 0 },
	{ "istrip", INPUT, REV, ISTRIP, 0 },
	{ "inlcr", INPUT, SANE_UNSET | REV, INLCR, 0 },
	{ "igncr", INPUT, SANE_UNSET | REV, IGNCR, 0 },
	{ "icrnl", INPUT, SANE_SET | REV, ICRNL, 0 },
	{ "ixon", INPUT, REV, IXON, 0 },
	{ "ixoff", INPUT, SANE_UNSET | REV, IXOFF, 0 },
	{ "tandem", INPUT, REV | OMIT, IXOFF, 0 },
	{ "iuclc", INPUT, SANE_UNSET | REV, IUCLC, 0 },
	{ "ixany", INPUT, SANE_UNSET | REV, IXANY, 0 },
	{ "imaxbel", INPUT, SANE_SET | REV, IMAXBEL, 0 },
	{ "iutf8", INPUT, SANE_UNSET | REV, IUTF8, 0 },
	{ "opost", OUTPUT, SANE_SET | REV, OPOST, 0 },
	{ "olcuc", OUTPUT, SANE_UNSET | REV, OLCUC, 0 },
	{ "ocrnl", OUTPUT, SANE_UNSET | REV, OCRNL, 0 },
	{ "onlcr", OUTPUT, SANE_SET | REV, ONLCR, 0 },
	{ "onocr", OUTPUT, SANE_UNSET | REV, ONOCR, 0 },
	{ "onlret", OUTPUT, SANE_UNSET | REV, ONLRET, 0 },
	{ "ofill", OUTPUT, SANE_UNSET | REV, OFILL, 0 },
	{ "ofdel", OUTPUT, SANE_UNSET | REV, OFDEL, 0 },
	{ "nl1", OUTPUT, SANE_UNSET, NL1, NLDLY },
	{ "nl0", OUTPUT, SANE_SET, NL0, NLDLY },
	{ "cr3", OUTPUT, SANE_UNSET, CR3, CRDLY },
	{ "cr2", OUTPUT, SANE_UNSET, CR2, CRDLY },
	{ "cr1", OUTPUT, SANE_UNSET, CR1, CRDLY },
	{ "cr0", OUTPUT, SANE_SET, CR0, CRDLY },
	{ "tab3", OUTPUT, SANE_UNSET, TAB3, TABDLY },
	{ "tab2", OUTPUT, SANE_UNSET, TAB2, TABDLY },
	{ "tab1", OUTPUT, SANE_UNSET, TAB1, TABDLY },
	{ "tab0", OUTPUT, SANE_SET, TAB0, TABDLY },
	{ "bs1", OUTPUT, SANE_UNSET, BS1, BSDLY },
	{ "bs0", OUTPUT, SANE_SET, BS0, BSDLY },
	{ "vt1", OUTPUT, SANE_UNSET, VT1, VTDLY },
	{ "vt0", OUTPUT, SANE_SET, VT0, VTDLY },
	{ "ff1", OUTPUT, SANE_UNSET, FF1, FFDLY },
	{ "ff0", OUTPUT, SANE_SET, FF0, FFDLY },
	{ "isig", LOCAL, SANE_SET | REV, ISIG, 0 },
	{ "icanon", LOCAL, SANE_SET | REV, ICANON, 0 },
	{ "iexten", LOCAL, SANE_SET | REV, IEXTEN, 0 },
	{ "echo", LOCAL, SANE_SET | REV, ECHO, 0 },
	{ "echoe", LOCAL, SANE_SET | REV, ECHOE, 0 },
	{ "crterase", LOCAL, REV | OMIT, ECHOE, 0 },
	{ "echok", LOCAL, SANE_SET | REV, ECHOK, 0 },
	{ "echonl", LOCAL, SANE_UNSET | REV, ECHONL, 0 },
	{ "noflsh", LOCAL, SANE_UNSET | REV, NOFLSH, 0 },
	{ "xcase", LOCAL, SANE_UNSET | REV, XCASE, 0 },
	{ "tostop", LOCAL, SANE_UNSET | REV, TOSTOP, 0 },
	{ "echoprt", LOCAL, SANE_UNSET | REV, ECHOPRT, 0 },
	{ "prterase", LOCAL, REV | OMIT, ECHOPRT, 0 },
	{ "echoctl", LOCAL, SANE_SET | REV, ECHOCTL, 0 },
	{ "ctlecho", LOCAL, REV | OMIT, ECHOCTL, 0 },
	{ "echoke", LOCAL, SANE_SET | REV, ECHOKE, 0 },
	{ "crtkill", LOCAL, REV | OMIT, ECHOKE, 0 },
	{ "flusho", LOCAL, SANE_UNSET | REV, FLUSHO, 0 },
	{ "extproc", LOCAL, SANE_UNSET | REV, EXTPROC, 0 },
};

struct control {
	char name[8];
	uint8_t index, sane;
};

#define CTL(c) ((c) & 037)
static const struct control controls[] = {
	{ "intr", VINTR, CTL('c') }, { "quit", VQUIT, 034 }, { "erase", VERASE, 0177 },
	{ "kill", VKILL, CTL('u') }, { "eof", VEOF, CTL('d') }, { "eol", VEOL, 0 },
	{ "eol2", VEOL2, 0 }, { "swtch", VSWTC, 0 }, { "start", VSTART, CTL('q') },
	{ "stop", VSTOP, CTL('s') }, { "susp", VSUSP, CTL('z') },
	{ "rprnt", VREPRINT, CTL('r') }, { "werase", VWERASE, CTL('w') },
	{ "lnext", VLNEXT, CTL('v') }, { "discard", VDISCARD, CTL('o') },
	{ "min", VMIN, 1 }, { "time", VTIME, 0 },
};
#define N_CHARS (sizeof(controls) / sizeof(controls[0]) - 2)	/* before min and time */

static const struct {
	speed_t code;
	uint32_t baud;
} speeds[] = {
	{ B0, 0 }, { B50, 50 }, { B75, 75 }, { B110, 110 }, { B134, 134 }, { B150, 150 },
	{ B200, 200 }, { B300, 300 }, { B600, 600 }, { B1200, 1200 }, { B1800, 1800 },
	{ B2400, 2400 }, { B4800, 4800 }, { B9600, 9600 }, { B19200, 19200 },
	{ B38400, 38400 }, { B57600, 57600 }, { B115200, 115200 }, { B230400, 230400 },
	{ B460800, 460800 }, { B500000, 500000 }, { B576000, 576000 },
	{ B921600, 921600 }, { B1000000, 1000000 }, { B1152000, 1152000 },
	{ B1500000, 1500000 }, { B2000000, 2000000 }, { B2500000, 2500000 },
	{ B3000000, 3000000 }, { B3500000, 3500000 }, { B4000000, 4000000 },
};
#define N_SPEEDS (sizeof(speeds) / sizeof(speeds[0]))

GLOBALS(
	const char *device;	/* -F, or NULL for standard input */
	int fd;
	unsigned width, col;	/* for wrapping the output */
	struct termios tio;
	bool set_attr;		/* a setting changed tio */
	bool speed_set;
	struct winsize ws;
	bool set_ws;
	bool checking;		/* the first pass: only find bad settings */
);

static const char *dev_name(void)
{
	return G.device ? G.device : "'standard input'";
}

static NORETURN void die_dev(void)
{
	if (errno == ENOTTY)	/* glibc's words, as GNU prints them, with any libc */
		bb_error_msg_and_die("%s: Inappropriate ioctl for device", dev_name());
	bb_perror_msg_and_die("%s", dev_name());
}

/* Print item after a space, or at the start of a new line when it would not fit. */
static void wrap(const char *fmt, ...) PRINTF_LIKE(1, 2);
static void wrap(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0)
		bb_error_msg_and_die("out of memory");
	if (G.col) {
		if (G.col + n > G.width) {
			putchar('\n');
			G.col = 0;
		} else {
			putchar(' ');
			G.col++;
		}
	}
	fputs(s, stdout);
	G.col += n;
	free(s);
}

static void end_line(void)
{
	if (G.col)
		putchar('\n');
	G.col = 0;
}

static unsigned screen_width(void)
{
	struct winsize ws;
	const char *env = getenv("COLUMNS");
	unsigned long long n;

	if (!ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) && ws.ws_col > 0)
		return ws.ws_col;
	if (env && !bb_strtoull(env, 0, NULL, 1, INT_MAX, &n))
		return n;
	return 80;
}

static tcflag_t *flag_word(int type)
{
	switch (type) {
	case CONTROL:
		return &G.tio.c_cflag;
	case INPUT:
		return &G.tio.c_iflag;
	case OUTPUT:
		return &G.tio.c_oflag;
	default:
		return &G.tio.c_lflag;
	}
}

static unsigned long baud_of(speed_t code)
{
	for (size_t i = 0; i < N_SPEEDS; i++)
		if (speeds[i].code == code)
			return speeds[i].baud;
	return 0;
}

/* A speed argument: a number from the table, 134.5, exta or extb; (speed_t)-1 if none. */
static speed_t speed_code(const char *s)
{
	unsigned long long n;

	if (!strcmp(s, "134.5"))
		return B134;
	if (!strcmp(s, "exta"))
		return B19200;
	if (!strcmp(s, "extb"))
		return B38400;
	if (bb_strtoull(s, 10, NULL, 0, ULONG_MAX, &n))
		return (speed_t)-1;
	for (size_t i = 0; i < N_SPEEDS; i++)
		if (speeds[i].baud == n)
			return speeds[i].code;
	return (speed_t)-1;
}

/* ^C, ^?, M-x, <undef>: buf needs 5 bytes. */
static const char *visible(unsigned char c, char *buf)
{
	char *p = buf;

	if (c == _POSIX_VDISABLE)
		return "<undef>";
	if (c >= 128) {
		*p++ = 'M';
		*p++ = '-';
		c -= 128;
	}
	if (c < 32) {
		*p++ = '^';
		*p++ = c + 64;
	} else if (c == 127) {
		*p++ = '^';
		*p++ = '?';
	} else
		*p++ = c;
	*p = '\0';
	return buf;
}

static void show_speed(bool fancy)
{
	unsigned long i = baud_of(cfgetispeed(&G.tio)), o = baud_of(cfgetospeed(&G.tio));

	if (!i || i == o)
		wrap(fancy ? "speed %lu baud;" : "%lu\n", o);
	else
		wrap(fancy ? "ispeed %lu baud; ospeed %lu baud;" : "%lu %lu\n", i, o);
	if (!fancy)
		G.col = 0;
}

static bool get_winsize(struct winsize *ws)
{
	return ioctl(G.fd, TIOCGWINSZ, ws) == 0;
}

static void show_all(void)
{
	struct winsize ws;
	char buf[5];
	int type = CONTROL;

	show_speed(true);
	if (get_winsize(&ws))
		wrap("rows %u; columns %u;", ws.ws_row, ws.ws_col);
	wrap("line = %u;", G.tio.c_line);
	end_line();
	for (size_t i = 0; i < N_CHARS; i++)
		wrap("%s = %s;", controls[i].name, visible(G.tio.c_cc[controls[i].index], buf));
	wrap("min = %u; time = %u;", G.tio.c_cc[VMIN], G.tio.c_cc[VTIME]);
	end_line();
	for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
		const struct mode *m = &modes[i];
		tcflag_t mask = m->mask ? m->mask : m->bits;
		if (m->flags & OMIT)
			continue;
		if (m->type != type) {
			end_line();
			type = m->type;
		}
		if ((*flag_word(m->type) & mask) == m->bits)
			wrap("%s", m->name);
		else if (m->flags & REV)
			wrap("-%s", m->name);
	}
	end_line();
}

/* Only what differs from sane. */
static void show_changed(void)
{
	char buf[5];
	int type = CONTROL;

	show_speed(true);
	wrap("line = %u;", G.tio.c_line);
	end_line();
	for (size_t i = 0; i < N_CHARS; i++) {
		unsigned char c = G.tio.c_cc[controls[i].index];
		if (c != controls[i].sane)
			wrap("%s = %s;", controls[i].name, visible(c, buf));
	}
	if (!(G.tio.c_lflag & ICANON))
		wrap("min = %u; time = %u;", G.tio.c_cc[VMIN], G.tio.c_cc[VTIME]);
	end_line();
	for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
		const struct mode *m = &modes[i];
		tcflag_t w, mask = m->mask ? m->mask : m->bits;
		if (m->flags & OMIT)
			continue;
		if (m->type != type) {
			end_line();
			type = m->type;
		}
		w = *flag_word(m->type);
		if ((w & mask) == m->bits && (m->flags & SANE_UNSET))
			wrap("%s", m->name);
		else if (!(w & mask) && (m->flags & (SANE_SET | REV)) == (SANE_SET | REV))
			wrap("-%s", m->name);
	}
	end_line();
}

static void show_saved(void)
{
	printf("%lx:%lx:%lx:%lx", (unsigned long)G.tio.c_iflag, (unsigned long)G.tio.c_oflag,
	       (unsigned long)G.tio.c_cflag, (unsigned long)G.tio.c_lflag);
	for (int i = 0; i < NCCS; i++)
		printf(":%x", G.tio.c_cc[i]);
	putchar('\n');
}

/* The -g form back: 4 + NCCS hex numbers separated by ':'. */
static bool parse_saved(const char *s)
{
	struct termios t = G.tio;
	unsigned long v[4 + NCCS];
	int i;

	for (i = 0; i < 4 + NCCS; i++) {
		char *end;
		if (!isxdigit(*s))
			return false;
		errno = 0;
		v[i] = strtoul(s, &end, 16);
		if (errno || (i >= 4 && v[i] > 255) || *end != (i < 3 + NCCS ? ':' : '\0'))
			return false;
		s = end + (*end != '\0');
	}
	t.c_iflag = v[0];
	t.c_oflag = v[1];
	t.c_cflag = v[2];
	t.c_lflag = v[3];
	for (i = 0; i < NCCS; i++)
		t.c_cc[i] = v[4 + i];
	G.tio = t;
	return true;
}

static unsigned long integer_arg(const char *s, unsigned long max)
{
	unsigned long long n;

	if (bb_strtoull(s, 0, NULL, 0, max, &n))
		die_bad_number("integer argument", s, errno);
	return n;
}

static unsigned char control_value(const struct control *c, const char *s)
{
	if (c->index == VMIN || c->index == VTIME)
		return integer_arg(s, 255);
	if (!s[0] || !s[1])
		return s[0];
	if (!strcmp(s, "^-") || !strcmp(s, "undef"))
		return _POSIX_VDISABLE;
	if (s[0] == '^')
		return s[1] == '?' ? 0177 : s[1] & ~0140;
	return integer_arg(s, 255);
}

static void set_mode(const struct mode *m, bool off)
{
	tcflag_t *w = flag_word(m->type);

	if (off)
		*w &= ~m->mask & ~m->bits;
	else
		*w = (*w & ~m->mask) | m->bits;
}

static void set_named(const char *name, bool off)
{
	for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++)
		if (!strcmp(modes[i].name, name)) {
			set_mode(&modes[i], off);
			return;
		}
}

static void sane(void)
{
	for (size_t i = 0; i < sizeof(controls) / sizeof(controls[0]); i++)
		G.tio.c_cc[controls[i].index] = controls[i].sane;
	for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
		const struct mode *m = &modes[i];
		if (m->flags & SANE_SET)
			set_mode(m, false);
		else if (m->flags & SANE_UNSET)
			set_mode(m, true);
	}
}

/* The combination settings; false if name is none of them (or cannot take '-'). */
static bool combination(const char *name, bool off)
{
	tcflag_t *c = &G.tio.c_cflag, *i = &G.tio.c_iflag, *o = &G.tio.c_oflag;
	tcflag_t *l = &G.tio.c_lflag;

	if (!strcmp(name, "evenp") || !strcmp(name, "parity") || !strcmp(name, "oddp")) {
		*c &= ~(CSIZE | PARODD);
		if (off)
			*c = (*c & ~PARENB) | CS8;
		else
			*c |= PARENB | CS7 | (name[0] == 'o' ? PARODD : 0);
	} else if (!strcmp(name, "nl")) {
		if (off) {
			*i = (*i | ICRNL) & ~(INLCR | IGNCR);
			*o = (*o | ONLCR) & ~(OCRNL | ONLRET);
		} else {
			*i &= ~ICRNL;
			*o &= ~ONLCR;
		}
	} else if (!strcmp(name, "raw") || !strcmp(name, "cooked")) {
		if (off == (name[0] == 'r')) {
			*i |= BRKINT | IGNPAR | ISTRIP | ICRNL | IXON;
			*o |= OPOST;
			*l |= ISIG | ICANON;
		} else {
			*i = 0;
			*o &= ~OPOST;
			*l &= ~(ISIG | ICANON | XCASE);
			G.tio.c_cc[VMIN] = 1;
			G.tio.c_cc[VTIME] = 0;
		}
	} else if (!strcmp(name, "cbreak")) {
		*l = off ? *l | ICANON : *l & ~ICANON;
	} else if (!strcmp(name, "pass8") || !strcmp(name, "litout")) {
		*c &= ~CSIZE;
		if (off) {
			*c |= PARENB | CS7;
			*i |= ISTRIP;
			if (name[0] == 'l')
				*o |= OPOST;
		} else {
			*c = (*c & ~PARENB) | CS8;
			*i &= ~ISTRIP;
			if (name[0] == 'l')
				*o &= ~OPOST;
		}
	} else if (!strcmp(name, "decctlq")) {
		*i = off ? *i | IXANY : *i & ~IXANY;
	} else if (!strcmp(name, "tabs")) {
		*o = (*o & ~TABDLY) | (off ? TAB3 : TAB0);
	} else if (!strcmp(name, "lcase") || !strcmp(name, "LCASE")) {
		set_named("xcase", off);
		set_named("iuclc", off);
		set_named("olcuc", off);
	} else if (off) {
		return false;
	} else if (!strcmp(name, "ek")) {
		G.tio.c_cc[VERASE] = 0177;
		G.tio.c_cc[VKILL] = CTL('u');
	} else if (!strcmp(name, "sane")) {
		sane();
	} else if (!strcmp(name, "crt") || !strcmp(name, "dec")) {
		*l |= ECHOE | ECHOCTL | ECHOKE;
		if (name[0] == 'd') {
			*i &= ~IXANY;
			G.tio.c_cc[VINTR] = CTL('c');
			G.tio.c_cc[VERASE] = 0177;
			G.tio.c_cc[VKILL] = CTL('u');
		}
	} else
		return false;
	return true;
}

static NORETURN void bad_setting(const char *arg)
{
	bb_error_msg("invalid argument '%s'", arg);
	bb_show_usage();
}

static const char *need_arg(char ***argv)
{
	const char *name = **argv;

	if (!(*argv)[1]) {
		bb_error_msg("missing argument to '%s'", name);
		bb_show_usage();
	}
	return *++*argv;
}

/* Settings that take an argument or print something; false if arg is none of them. */
static bool special(char ***argv)
{
	const char *arg = **argv;

	for (size_t i = 0; i < sizeof(controls) / sizeof(controls[0]); i++)
		if (!strcmp(arg, controls[i].name)) {
			const char *v = need_arg(argv);
			G.tio.c_cc[controls[i].index] = control_value(&controls[i], v);
			G.set_attr = true;
			return true;
		}
	if (!strcmp(arg, "ispeed") || !strcmp(arg, "ospeed")) {
		const char *v = need_arg(argv);
		speed_t sp = speed_code(v);
		if (sp == (speed_t)-1)
			bb_error_msg_and_die("invalid %s '%s'", arg, v);
		if (arg[0] == 'i')
			cfsetispeed(&G.tio, sp);
		else
			cfsetospeed(&G.tio, sp);
		G.speed_set = true;
	} else if (!strcmp(arg, "rows") || !strcmp(arg, "cols") || !strcmp(arg, "columns")) {
		unsigned short n = integer_arg(need_arg(argv), 65535);
		if (!G.set_ws && !G.checking && !get_winsize(&G.ws))
			die_dev();
		G.set_ws = true;
		if (arg[0] == 'r')
			G.ws.ws_row = n;
		else
			G.ws.ws_col = n;
		return true;
	} else if (!strcmp(arg, "line")) {
		const char *v = need_arg(argv);
		unsigned long long n;
		if (bb_strtoull(v, 0, NULL, 0, 255, &n))
			bb_error_msg_and_die("invalid line discipline '%s'", v);
		G.tio.c_line = n;
	} else if (!strcmp(arg, "size") || !strcmp(arg, "speed")) {
		struct winsize ws;
		if (G.checking)
			return true;
		if (arg[1] == 'p')
			show_speed(false);
		else if (G.set_ws)
			printf("%u %u\n", G.ws.ws_row, G.ws.ws_col);
		else if (get_winsize(&ws))
			printf("%u %u\n", ws.ws_row, ws.ws_col);
		else
			die_dev();
		return true;
	} else
		return false;
	G.set_attr = true;
	return true;
}

static void apply_setting(char ***argv)
{
	const char *arg = **argv, *name = arg;
	bool off = *arg == '-';
	speed_t sp;

	name += off;
	for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++)
		if (!strcmp(modes[i].name, name)) {
			if (off && !(modes[i].flags & REV))
				bad_setting(arg);
			set_mode(&modes[i], off);
			G.set_attr = true;
			return;
		}
	if (combination(name, off)) {
		G.set_attr = true;
		return;
	}
	if (off)
		bad_setting(arg);
	if (special(argv))
		return;
	sp = speed_code(arg);
	if (sp != (speed_t)-1) {
		cfsetispeed(&G.tio, sp);
		cfsetospeed(&G.tio, sp);
		G.speed_set = true;
	} else if (!parse_saved(arg))
		bad_setting(arg);
	G.set_attr = true;
}

/* Write the settings, then read them back: the driver may ignore some silently. */
static void write_settings(void)
{
	struct termios got;

	if (tcsetattr(G.fd, TCSADRAIN, &G.tio))
		die_dev();
	memset(&got, 0, sizeof(got));
	if (tcgetattr(G.fd, &got))
		die_dev();
	if (memcmp(&got, &G.tio, sizeof(got))) {
		got.c_cflag &= ~CIBAUD;
		if (G.speed_set || memcmp(&got, &G.tio, sizeof(got)))
			bb_error_msg_and_die("%s: unable to perform all requested operations",
					     dev_name());
	}
}

/* -a -g -F among the settings: take them out of argv. Returns 'a', 'g' or 0. */
static int parse_args(char **argv)
{
	char **out = argv;
	int style = 0;

	for (; *argv; argv++) {
		const char *a = *argv;
		int s = 0;
		if (!strcmp(a, "-a") || !strcmp(a, "--all"))
			s = 'a';
		else if (!strcmp(a, "-g") || !strcmp(a, "--save"))
			s = 'g';
		else if (!strcmp(a, "-F") || !strcmp(a, "--file")) {
			if (!argv[1]) {
				bb_error_msg("option requires an argument -- 'F'");
				bb_show_usage();
			}
			G.device = *++argv;
		} else if (!strncmp(a, "-F", 2))
			G.device = a + 2;
		else if (!strncmp(a, "--file=", 7))
			G.device = a + 7;
		else if (!strcmp(a, "--")) {
			while (*++argv)
				*out++ = *argv;
			break;
		} else if (!strcmp(a, "--help")) {
			show_usage_of(current_applet, stdout);
			fflush_stdout_and_exit(0);
		} else {
			*out++ = *argv;
			continue;
		}
		if (s && style && s != style)
			bb_error_msg_and_die("the options for verbose and stty-readable output "
					     "styles are\nmutually exclusive");
		if (s)
			style = s;
	}
	*out = NULL;
	return style;
}

int stty_main(int argc UNUSED, char **argv)
{
	int style = parse_args(++argv);

	if (style && *argv)
		bb_error_msg_and_die("when specifying an output style, modes may not be set");
	G.checking = true;	/* as GNU: a bad setting is reported before the device is used */
	for (char **a = argv; *a; a++)
		apply_setting(&a);
	G.checking = G.set_attr = G.speed_set = G.set_ws = false;
	G.fd = STDIN_FILENO;
	if (G.device) {
		int flags;
		G.fd = open(G.device, O_RDONLY | O_NONBLOCK);
		if (G.fd < 0)
			die_dev();
		flags = fcntl(G.fd, F_GETFL);
		if (flags < 0 || fcntl(G.fd, F_SETFL, flags & ~O_NONBLOCK) < 0)
			die_dev();
	}
	memset(&G.tio, 0, sizeof(G.tio));
	if (tcgetattr(G.fd, &G.tio))
		die_dev();
	G.width = screen_width();
	if (style == 'a')
		show_all();
	else if (style == 'g')
		show_saved();
	else if (!*argv)
		show_changed();
	for (; *argv; argv++)
		apply_setting(&argv);
	if (G.set_attr)
		write_settings();
	if (G.set_ws && ioctl(G.fd, TIOCSWINSZ, &G.ws))
		die_dev();
	return 0;
}
