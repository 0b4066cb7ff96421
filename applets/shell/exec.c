/*== part of ash ==*/
/* exec.c: running the syntax tree (POSIX XCU 2.9): simple commands (builtins, functions,
 * applets, $PATH), pipelines, lists, compound commands, subshells, background jobs,
 * redirections with saved fds, command substitution, traps and set -e. */
#include "sh.h"
#include <regex.h>
#include <stdio_ext.h>
#include <sys/wait.h>

enum { EV_EXIT = 1 };	/* the process exits after this node: no need to fork */

struct saved_fd {
	struct saved_fd *next;
	int fd;
	int saved;		/* -1: fd was closed before */
};

static int eval(struct node *n, int flags);

/* ---- traps and signals ---- */

static void on_signal(int sig)
{
	sh_G.pending[sig] = 1;
	sh_G.any_pending = 1;
}

void trap_set(int sig, const char *action)
{
	struct sigaction sa = { 0 };

	free(sh_G.traps[sig]);
	sh_G.traps[sig] = action ? xstrdup(action) : NULL;
	if (sig == 0)
		return;
	sa.sa_handler = !action ? SIG_DFL : !*action ? SIG_IGN : on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

void traps_forget_parent(void)
{
	if (!sh_G.parent_traps)
		return;
	for (int sig = 0; sig < NSIG; sig++)
		free(sh_G.parent_traps[sig]);
	free(sh_G.parent_traps);
	sh_G.parent_traps = NULL;
}

void traps_reset_in_child(void)
{
	int sig;

	for (sig = 0; sig < NSIG; sig++)
		if (sh_G.traps[sig] && *sh_G.traps[sig])
			break;
	/* with none to reset (a nested subshell), the ones saved before stay */
	if (sig < NSIG) {
		traps_forget_parent();
		sh_G.parent_traps = xzalloc(NSIG * sizeof(char *));
		for (; sig < NSIG; sig++) {
			if (!sh_G.traps[sig] || !*sh_G.traps[sig])
				continue;
			sh_G.parent_traps[sig] = sh_G.traps[sig];
			sh_G.traps[sig] = NULL;
			trap_set(sig, NULL);
		}
	}
	sh_G.any_pending = 0;
	/* a trap the child sets runs even if the parent was running the old one */
	memset(sh_G.trap_running, 0, sizeof(sh_G.trap_running));
}

/* Run a trap's action. $? is the same after it, unless it returned from a function (or
 * a . script). exit and return without a number give the status from before the trap
 * (POSIX), kept in trap_status. */
int run_trap(const char *action)
{
	int saved = sh_G.status, saved_trap = sh_G.trap_status, depth = sh_G.trap_depth;
	int saved_func = sh_G.trap_func_depth;
	char *copy = xstrdup(action);	/* the trap may reset itself */

	sh_G.trap_status = saved;
	sh_G.trap_depth++;
	sh_G.trap_func_depth = sh_G.func_depth + sh_G.dot_depth;
	eval_string(copy);
	free(copy);
	sh_G.trap_depth = depth;
	sh_G.trap_status = saved_trap;
	sh_G.trap_func_depth = saved_func;
	if (!sh_G.returning)
		sh_G.status = saved;
	return sh_G.status;
}

/* A signal's trap does not run inside itself; another signal's may (dash). */
void run_pending_traps(void)
{
	if (!sh_G.any_pending)
		return;
	sh_G.any_pending = 0;
	for (int sig = 1; sig < NSIG; sig++) {
		if (!sh_G.pending[sig] || sh_G.trap_running[sig])
			continue;
		sh_G.pending[sig] = 0;
		if (!sh_G.traps[sig] || !*sh_G.traps[sig])
			continue;
		sh_G.trap_running[sig] = true;
		run_trap(sh_G.traps[sig]);
		sh_G.trap_running[sig] = false;
		if (sh_G.returning) {
			/* the others run once the function has returned */
			sh_G.any_pending = 1;
			break;
		}
	}
	/* a signal that came while its own trap ran is handled once it is done */
	for (int sig = 1; sig < NSIG; sig++)
		if (sh_G.pending[sig] && sh_G.trap_running[sig])
			sh_G.any_pending = 1;
}

/* ---- processes and jobs ---- */

pid_t sh_fork(void)
{
	pid_t pid;

	if (__fpending(stdout))
		fflush(stdout);
	if (__fpending(stderr))
		fflush(stderr);
	pid = fork();
	if (pid < 0)
		sh_fatal(2, "fork: %s", strerror(errno));
	if (pid == 0) {
		sh_G.subshell++;
		sh_G.interactive = false;
		sh_G.nreaped = 0;
		traps_reset_in_child();
		/* the parent's jobs are not ours to wait for; jobs still lists them
		 * ($(jobs -p)) */
		for (struct job *j = sh_G.jobs; j; j = j->next)
			j->inherited = true;
	}
	return pid;
}

static int status_of(int wstatus)
{
	if (WIFSIGNALED(wstatus))
		return 128 + WTERMSIG(wstatus);
	return WEXITSTATUS(wstatus);
}

struct job *job_find_pid(pid_t pid)
{
	for (struct job *j = sh_G.jobs; j; j = j->next)
		for (int i = 0; i < j->nprocs; i++)
			if (j->procs[i].pid == pid)
				return j;
	return NULL;
}

void reap_jobs(void)
{
	int ws;
	for (struct job *j = sh_G.jobs; j; j = j->next)
		for (int i = 0; i < j->nprocs && !j->inherited; i++)
			if (j->procs[i].status < 0 && waitpid(j->procs[i].pid, &ws, WNOHANG) > 0) {
				j->procs[i].status = status_of(ws);
				j->procs[i].sig = WIFSIGNALED(ws) ? WTERMSIG(ws) : 0;
			}
}

/* A child reaped while waiting for another: a job's, or one a pipeline waits for next. */
static void record_status(pid_t pid, int ws)
{
	struct job *j = job_find_pid(pid);
	int status = status_of(ws);

	if (j) {
		for (int i = 0; i < j->nprocs; i++)
			if (j->procs[i].pid == pid) {
				j->procs[i].status = status;
				j->procs[i].sig = WIFSIGNALED(ws) ? WTERMSIG(ws) : 0;
			}
		return;
	}
	if (sh_G.nreaped == sh_G.capreaped) {
		sh_G.capreaped = sh_G.capreaped * 2 + 8;
		sh_G.reaped = xrealloc(sh_G.reaped, sh_G.capreaped * sizeof(*sh_G.reaped));
	}
	sh_G.reaped[sh_G.nreaped].pid = pid;
	sh_G.reaped[sh_G.nreaped].sig = WIFSIGNALED(ws) ? WTERMSIG(ws) : 0;
	sh_G.reaped[sh_G.nreaped++].status = status;
}

/* A foreground command killed by a signal is reported as dash does ("Terminated");
 * not for SIGINT (the user knows) nor SIGPIPE (normal at the head of a pipeline). */
static void report_signal(int sig)
{
	if (!sig || sig == SIGINT || sig == SIGPIPE)
		return;
	fflush(stdout);
	fprintf(stderr, "%s\n", strsignal(sig));
	fflush(stderr);
}

/* A signal caught for a trap and not handled yet, or 0 (always 0 unless interruptible). */
static int interrupting_signal(bool interruptible)
{
	if (!interruptible || !sh_G.any_pending)
		return 0;
	for (int sig = 1; sig < NSIG; sig++)
		if (sh_G.pending[sig] && sh_G.traps[sig] && *sh_G.traps[sig])
			return sig;
	return 0;
}

static void on_sigchld(int sig)
{
	(void)sig;	/* only there to end sigsuspend() */
}

/* waitpid(-1) that a trapped signal ends without a race: between the check of the
 * pending flags and the sleep, the trapped signals and SIGCHLD are blocked, and
 * sigsuspend() lets them in atomically. 0 when a trapped signal came. */
static pid_t wait_any_interruptible(int *ws)
{
	sigset_t block, old;
	struct sigaction sa = { 0 }, old_chld;
	pid_t r;

	sigemptyset(&block);
	sigaddset(&block, SIGCHLD);
	for (int sig = 1; sig < NSIG; sig++)
		if (sh_G.traps[sig] && *sh_G.traps[sig])
			sigaddset(&block, sig);
	sigprocmask(SIG_BLOCK, &block, &old);
	/* an ignored SIGCHLD (the default) would not wake sigsuspend(); a trapped one has
	 * its handler already */
	sa.sa_handler = on_sigchld;
	sigemptyset(&sa.sa_mask);
	if (!sh_G.traps[SIGCHLD])
		sigaction(SIGCHLD, &sa, &old_chld);
	for (;;) {
		if (interrupting_signal(true)) {
			r = 0;
			break;
		}
		r = waitpid(-1, ws, WNOHANG);
		if (r != 0)
			break;
		sigsuspend(&old);
	}
	if (!sh_G.traps[SIGCHLD])
		sigaction(SIGCHLD, &old_chld, NULL);
	sigprocmask(SIG_SETMASK, &old, NULL);
	return r;
}

/* Waits with waitpid(-1): background children that end meanwhile are reaped too, so
 * none stays a zombie (tail --pid=$! would wait for ever). *sig: the signal that ended
 * it, or 0. With interruptible (the wait builtin), a trapped signal that comes before or
 * while it waits ends the wait: 128+n is returned and *sig is -1; the trap runs after.
 * A child reaped meanwhile is recorded, for the next wait. */
static int wait_for(pid_t pid, int *sig, bool interruptible)
{
	int ws, trapped;
	pid_t r;
	struct job *j = job_find_pid(pid);

	*sig = -1;
	if ((trapped = interrupting_signal(interruptible)))
		return 128 + trapped;
	*sig = 0;
	if (j) {
		for (int i = 0; i < j->nprocs; i++)
			if (j->procs[i].pid == pid && j->procs[i].status >= 0) {
				*sig = j->procs[i].sig;
				return j->procs[i].status;
			}
	}
	for (int i = 0; i < sh_G.nreaped; i++)
		if (sh_G.reaped[i].pid == pid) {
			int st = sh_G.reaped[i].status;
			*sig = sh_G.reaped[i].sig;
			sh_G.reaped[i] = sh_G.reaped[--sh_G.nreaped];
			return st;
		}
	for (;;) {
		r = interruptible ? wait_any_interruptible(&ws) : waitpid(-1, &ws, 0);
		if (r < 0 && errno != EINTR)
			return 127;
		if (r == pid)
			break;
		if (r > 0)
			record_status(r, ws);
		/* the signal may come with the child's end: wait4 then succeeds */
		if ((trapped = interrupting_signal(interruptible))) {
			*sig = -1;
			return 128 + trapped;
		}
	}
	if (j)
		record_status(pid, ws);
	if (j && (trapped = interrupting_signal(interruptible))) {
		*sig = -1;
		return 128 + trapped;
	}
	*sig = WIFSIGNALED(ws) ? WTERMSIG(ws) : 0;
	return status_of(ws);
}

/* A foreground command: its death by a signal is reported. */
static int wait_fg(pid_t pid)
{
	int sig, status = wait_for(pid, &sig, false);
	report_signal(sig);
	return status;
}

/* The wait builtin's: a trapped signal interrupts it (*interrupted set). */
static int wait_bg(pid_t pid, bool *interrupted)
{
	int sig, status = wait_for(pid, &sig, true);
	*interrupted = sig < 0;
	return status;
}

static void job_free(struct job *j)
{
	for (struct job **pj = &sh_G.jobs; *pj; pj = &(*pj)->next)
		if (*pj == j) {
			*pj = j->next;
			break;
		}
	free(j->procs);
	free(j->cmd);
	free(j);
}

static bool job_done(struct job *j)
{
	for (int i = 0; i < j->nprocs; i++)
		if (j->procs[i].status < 0)
			return false;
	return true;
}

/* The current job (%+) is the newest, the previous (%-) the one before (no job control:
 * none is ever stopped). */
static int job_mark(struct job *j)
{
	struct job *prev = NULL, *cur = sh_G.jobs;

	for (; cur->next; cur = cur->next)
		prev = cur;
	return j == cur ? '+' : j == prev ? '-' : ' ';
}

void job_report(struct job *j, bool pids_only, bool long_form)
{
	struct proc *last = &j->procs[j->nprocs - 1];
	char state[32];

	reap_jobs();
	if (pids_only) {
		printf("%d\n", (int)j->pgid);
		return;
	}
	if (!job_done(j))
		strcpy(state, "Running");
	else if (last->sig)
		snprintf(state, sizeof(state), "%s", strsignal(last->sig));
	else if (last->status)
		snprintf(state, sizeof(state), "Done(%d)", last->status);
	else
		strcpy(state, "Done");
	/* POSIX: "[%d] %c %s %s\n", a blank being one or more blanks */
	printf("[%d] %c ", j->id, job_mark(j));
	if (long_form)
		printf("%d ", (int)j->pgid);
	printf("%-23s %s\n", state, j->cmd ? j->cmd : "");
	/* reported: a finished job is forgotten */
	if (job_done(j))
		job_free(j);
}

void jobs_report(bool pids_only, bool long_form)
{
	struct job *j = sh_G.jobs, *next;

	for (; j; j = next) {
		next = j->next;
		job_report(j, pids_only, long_form);
	}
}

struct job *job_lookup(const char *spec, const char *who)
{
	struct job *found = NULL, *j;
	const char *s = spec + 1;
	bool contains = *s == '?';

	if (*spec != '%') {
		sh_error("%s: %s: no such job", who, spec);
		return NULL;
	}
	if (!*s || !strcmp(s, "%") || !strcmp(s, "+") || !strcmp(s, "-")) {
		for (j = sh_G.jobs; j; j = j->next)
			if (job_mark(j) == (*s == '-' ? '-' : '+') || (*s == '-' && !j->next && !found))
				found = j;
	} else if (isdigit((unsigned char)*s)) {
		for (j = sh_G.jobs; j; j = j->next)
			if (j->id == atoi(s) && s[strspn(s, "0123456789")] == 0)
				found = j;
	} else {
		s += contains;
		for (j = sh_G.jobs; j; j = j->next) {
			const char *c = j->cmd ? j->cmd : "";
			if (contains ? !strstr(c, s) : strncmp(c, s, strlen(s)))
				continue;
			if (found) {
				sh_error("%s: %s: ambiguous job spec", who, spec);
				return NULL;
			}
			found = j;
		}
	}
	if (!found)
		sh_error("%s: %s: no such job", who, spec);
	return found;
}

/* ---- the text of a command, for jobs ---- */

static void words_text(struct sbuf *b, struct word *w, const char *sep)
{
	for (; w; w = w->next) {
		sb_adds(b, w->text[0] == 1 ? w->text + 1 : w->text);
		if (w->next)
			sb_adds(b, sep);
	}
}

static void node_text(struct sbuf *b, struct node *n)
{
	static const char *const redir_ops[] = { "<", ">", ">|", ">>", "<&", ">&", "<>", "<<",
						 "<<<", "&>" };
	static const char *const compound[] = { "if", "while", "until", "for", "case", "[[",
						"for ((" };

	switch (n->type) {
	case N_SIMPLE:
		words_text(b, n->assigns, " ");
		if (n->assigns && n->words)
			sb_addc(b, ' ');
		words_text(b, n->words, " ");
		for (struct redir *r = n->redirs; r; r = r->next) {
			sb_addc(b, ' ');
			sb_adds(b, redir_ops[r->type]);
			sb_adds(b, r->target->text);
		}
		return;
	case N_PIPE:
		for (int i = 0; i < n->ncmds; i++) {
			if (i)
				sb_adds(b, " | ");
			node_text(b, n->cmds[i]);
		}
		return;
	case N_AND:
	case N_OR:
	case N_SEQ:
		node_text(b, n->a);
		sb_adds(b, n->type == N_AND ? " && " : n->type == N_OR ? " || " : "; ");
		node_text(b, n->b);
		return;
	case N_NOT:
		sb_adds(b, "! ");
		node_text(b, n->a);
		return;
	case N_BG:
		node_text(b, n->a);
		sb_adds(b, " &");
		return;
	case N_SUBSHELL:
	case N_GROUP:
		sb_adds(b, n->type == N_GROUP ? "{ " : "( ");
		node_text(b, n->a);
		sb_adds(b, n->type == N_GROUP ? "; }" : " )");
		return;
	case N_ARITH:
		sb_adds(b, "((");
		sb_adds(b, n->words->text);
		sb_adds(b, "))");
		return;
	case N_FUNCDEF:
		sb_adds(b, n->name);
		sb_adds(b, "() ...");
		return;
	default:	/* the other compound commands by their keyword */
		sb_adds(b, compound[n->type == N_IF ? 0 : n->type == N_WHILE ? 1 :
				    n->type == N_UNTIL ? 2 : n->type == N_FOR ? 3 :
				    n->type == N_CASE ? 4 : n->type == N_DBRACKET ? 5 : 6]);
		sb_adds(b, " ...");
		return;
	}
}

int wait_job_pid(pid_t pid)
{
	struct job *j = job_find_pid(pid);
	int status;
	bool done = true, interrupted;

	if (!j || j->inherited)
		return 127;
	status = wait_bg(pid, &interrupted);
	if (interrupted)
		return status;
	for (int i = 0; i < j->nprocs; i++)
		done &= j->procs[i].status >= 0;
	/* waited for: its pid is no longer known (a second wait gives 127) */
	if (done)
		job_free(j);
	return status;
}

/* 0, or 128+n when a trapped signal came first (the jobs not waited for yet stay). */
int wait_all(void)
{
	bool interrupted;

	while (sh_G.jobs) {
		struct job *j = sh_G.jobs;
		for (int i = 0; i < j->nprocs && !j->inherited; i++) {
			int status = wait_bg(j->procs[i].pid, &interrupted);
			if (interrupted)
				return status;
		}
		job_free(j);
	}
	return 0;
}

static void job_add(pid_t pid, struct node *n)
{
	struct job *j = xzalloc(sizeof(*j)), *last = sh_G.jobs;
	struct sbuf text = { 0 };
	int finished = 0;

	node_text(&text, n);
	j->cmd = sb_take(&text);
	j->id = ++sh_G.next_job_id;
	j->pgid = pid;
	j->nprocs = 1;
	j->procs = xmalloc(sizeof(*j->procs));
	j->procs[0].pid = pid;
	j->procs[0].status = -1;
	/* append: wait waits in order; forget old finished jobs beyond a few hundred */
	if (!last) {
		sh_G.jobs = j;
	} else {
		while (last->next)
			last = last->next;
		last->next = j;
	}
	for (struct job *k = sh_G.jobs; k; k = k->next)
		finished += k->procs[0].status >= 0;
	if (finished > 256) {
		for (struct job *k = sh_G.jobs; k; k = k->next)
			if (k->procs[0].status >= 0 && k != j) {
				job_free(k);
				break;
			}
	}
}

/* ---- redirections ---- */

/* The fd the script is read from, which scripts must not see: -1 when there is none. */
static int script_fd(void)
{
	return sh_G.input && sh_G.input->fd > 2 ? sh_G.input->fd : -1;
}

/* A redirection onto the script's fd: move the script out of the way first. */
static void move_script_fd(int target)
{
	int high;

	if (target != script_fd())
		return;
	high = fcntl(target, F_DUPFD_CLOEXEC, 10);
	if (high < 0)
		return;
	close(target);
	sh_G.input->fd = high;
}

static void save_fd(struct saved_fd **save, int fd)
{
	struct saved_fd *s;

	if (!save)
		return;
	for (s = *save; s; s = s->next)
		if (s->fd == fd)
			return;
	s = xmalloc(sizeof(*s));
	s->fd = fd;
	s->saved = fcntl(fd, F_DUPFD_CLOEXEC, 10);
	if (s->saved < 0 && errno != EBADF)
		sh_error("%d: %s", fd, strerror(errno));
	s->next = *save;
	*save = s;
}

void redirect_restore(struct saved_fd *save)
{
	fflush(stdout);
	while (save) {
		struct saved_fd *s = save;
		save = s->next;
		move_script_fd(s->fd);	/* it may have moved onto this fd meanwhile */
		if (s->saved >= 0) {
			dup2(s->saved, s->fd);
			close(s->saved);
		} else {
			close(s->fd);
		}
		free(s);
	}
}

void redirect_discard(struct saved_fd *save)
{
	while (save) {
		struct saved_fd *s = save;
		save = s->next;
		if (s->saved >= 0)
			close(s->saved);
		free(s);
	}
}

/* A here-document's text on an fd to read: a pipe when it fits, else a deleted file. */
static int heredoc_fd(const char *text)
{
	size_t len = strlen(text);
	int fds[2];

	if (len <= 4096 && pipe(fds) == 0) {
		full_write(fds[1], text, len);
		close(fds[1]);
		return fds[0];
	}
	{
		FILE *f = tmpfile();
		int fd;
		if (!f)
			return -1;
		fd = dup(fileno(f));
		fclose(f);
		if (fd < 0)
			return -1;
		full_write(fd, text, len);
		lseek(fd, 0, SEEK_SET);
		return fd;
	}
}

/* type is R_OUT for ">&file", which bash takes as "&>file" */
static int open_target(enum redir_type type, bool append, const char *name)
{
	int flags;
	struct stat st;

	switch (type) {
	case R_IN: flags = O_RDONLY; break;
	case R_RDWR: flags = O_RDWR | O_CREAT; break;
	case R_APPEND: flags = O_WRONLY | O_CREAT | O_APPEND; break;
	case R_OUT:
	case R_OUTERR:
		if (append && type == R_OUTERR) {
			flags = O_WRONLY | O_CREAT | O_APPEND;
			break;
		}
		if (SHOPT(OPT_C) && stat(name, &st) == 0 && S_ISREG(st.st_mode)) {
			sh_error("%s: cannot overwrite existing file", name);
			return -1;
		}
		/* fall through */
	default: flags = O_WRONLY | O_CREAT | O_TRUNC; break;
	}
	int fd = open(name, flags | O_CLOEXEC, 0666);
	if (fd < 0)
		sh_error("%s: %s", name, strerror(errno));
	return fd;
}

/* An unquoted word that expands to nothing names no file (bash: "ambiguous redirect") */
static bool ambiguous(struct redir *r, const char *name)
{
	if (*name || strpbrk(r->target->text, "'\"\\"))
		return false;
	sh_error("%s: ambiguous redirect", r->target->text);
	return true;
}

/* <&word, >&word: a number duplicates that fd, "-" closes. Anything else is only good
 * as >&file (bash's &>file). Returns 1 when done, 0 for a file to open, -1 on error. */
static int redirect_dup(struct redir *r, const char *name, int target)
{
	if (!strcmp(name, "-")) {
		close(target);
		return 1;
	}
	if (*name && name[strspn(name, "0123456789")] == 0) {
		int from = atoi(name);
		if (from == target)
			return 1;
		if (from == script_fd())
			errno = EBADF;
		if (from == script_fd() || dup2(from, target) < 0) {
			sh_error("%s: %s", name, strerror(errno));
			return -1;
		}
		return 1;
	}
	if (r->type == R_DUPOUT && target == STDOUT_FILENO && !ambiguous(r, name))
		return 0;
	if (*name || !ambiguous(r, name))
		sh_error("%s: ambiguous redirect", name);
	return -1;
}

int redirect(struct redir *r, struct saved_fd **save)
{
	for (; r; r = r->next) {
		int fd = -1, target = r->fd;
		enum redir_type type = r->type;
		char *name = NULL;

		if (r->target && r->target->lineno > 0)
			sh_G.lineno = r->target->lineno;	/* for messages */
		move_script_fd(target);
		/* saved before opening: the open may take the lowest fd, the target itself */
		if (target == 1 || target == 2)
			fflush(stdout);
		save_fd(save, target);

		if (r->type == R_HEREDOC) {
			char *text = r->quoted ? xstrdup(r->body) : expand_string(r->body, EXP_HEREDOC);
			fd = heredoc_fd(text);
			free(text);
		} else if (r->type == R_HERESTR) {
			char *text = expand_string(r->target->text, 0);
			char *t2 = xasprintf("%s\n", text);
			fd = heredoc_fd(t2);
			free(text);
			free(t2);
		} else {
			name = expand_string(r->target->text, 0);
			if (r->type == R_DUPIN || r->type == R_DUPOUT) {
				int done = redirect_dup(r, name, target);
				if (done < 0) {
					free(name);
					return -1;
				}
				if (done) {
					free(name);
					continue;
				}
				type = R_OUTERR;	/* >&file */
			}
			fd = ambiguous(r, name) ? -1 : open_target(type, r->strip_tabs, name);
		}
		free(name);
		if (fd < 0)
			return -1;
		if (fd != target) {
			dup2(fd, target);
			close(fd);
		} else {
			fcntl(fd, F_SETFD, 0);
		}
		if (type == R_OUTERR) {
			save_fd(save, 2);
			dup2(target, 2);
		}
	}
	return 0;
}

/* ---- command substitution ---- */

char *command_output(const char *text)
{
	struct sbuf out = { 0 };
	char buf[4096];
	int fds[2];
	pid_t pid;
	ssize_t n;

	if (pipe(fds) < 0)
		sh_fatal(2, "pipe: %s", strerror(errno));
	pid = sh_fork();
	if (pid == 0) {
		close(fds[0]);
		if (fds[1] != STDOUT_FILENO) {
			dup2(fds[1], STDOUT_FILENO);
			close(fds[1]);
		}
		bool err;
		struct node *t;
		sh_G.cur_arena = arena_new();
		t = parse_string(text, sh_G.cur_arena, &err);
		sh_exit(err ? 2 : t ? eval(t, EV_EXIT) : 0);
	}
	close(fds[1]);
	while ((n = safe_read(fds[0], buf, sizeof(buf))) > 0)
		for (ssize_t i = 0; i < n; i++)
			if (buf[i])
				sb_addc(&out, buf[i]);
	close(fds[0]);
	sh_G.cmdsubst_status = wait_fg(pid);
	while (out.len && out.s[out.len - 1] == '\n')
		out.s[--out.len] = 0;
	return sb_take(&out);
}

/* ---- simple commands ---- */

/* The directories to look for commands in: "command -p" uses the system's standard
 * ones, whatever PATH says. */
const char *search_path(void)
{
	const char *path = var_get("PATH");

	if (sh_G.std_path)
		return "/bin:/usr/bin";
	return path ? path : "/usr/local/bin:/usr/bin:/bin";
}

/* A regular file that access() allows for mode */
static bool usable_file(const char *path, int mode)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, mode) == 0;
}

/* The next usable file called name, looking in the search path's entries from *at on;
 * *at moves past the entry. NULL when there is none. */
char *path_next(const char *name, const char **at, int mode)
{
	while (*at) {
		const char *p = *at, *e = strchrnul(p, ':');
		char *full = e == p ? xstrdup(name) : xasprintf("%.*s/%s", (int)(e - p), p, name);
		*at = *e ? e + 1 : NULL;
		if (usable_file(full, mode))
			return full;
		free(full);
	}
	return NULL;
}

static char *path_find(const char *name, int mode)
{
	const char *at = search_path();
	return path_next(name, &at, mode);
}

char *path_search_any(const char *name)
{
	if (!sh_G.std_path && !var_get("PATH"))
		return NULL;
	return path_find(name, R_OK);
}

/* ---- remembered command locations (hash) ---- */

/* The table; emptied when the search path is not the one it was filled with. */
struct remembered **hash_table(void)
{
	const char *path = search_path();

	if (!sh_G.hash_path || strcmp(sh_G.hash_path, path)) {
		hash_forget_all();
		free(sh_G.hash_path);
		sh_G.hash_path = xstrdup(path);
	}
	return &sh_G.hashed;
}

static struct remembered **hash_find(const char *name)
{
	struct remembered **r = hash_table();

	while (*r && strcmp((*r)->name, name))
		r = &(*r)->next;
	return r;
}

struct remembered *hash_lookup(const char *name)
{
	return *hash_find(name);
}

void hash_remember(const char *name, const char *path, unsigned hits)
{
	struct remembered **r = hash_find(name);

	if (!*r) {
		*r = xzalloc(sizeof(**r) + strlen(name) + 1);
		strcpy((*r)->name, name);
	}
	free((*r)->path);
	(*r)->path = xstrdup(path);
	(*r)->hits = hits;
	(*r)->pinned = false;
}

static void hash_unlink(struct remembered **r)
{
	struct remembered *gone = *r;

	*r = gone->next;
	free(gone->path);
	free(gone);
}

bool hash_forget(const char *name)
{
	struct remembered **r = hash_find(name);

	if (!*r)
		return false;
	hash_unlink(r);
	return true;
}

void hash_forget_all(void)
{
	while (sh_G.hashed)
		hash_unlink(&sh_G.hashed);
}

/* Where the command name is: its remembered place, or searched for and then remembered
 * (only full paths: a relative one changes with cd). Malloced, or NULL. */
static char *command_path(const char *name)
{
	struct remembered *r;
	char *path;

	if (sh_G.std_path)
		return path_find(name, X_OK);
	r = *hash_find(name);
	/* unlike bash, a file moved or deleted since is searched for again, unless hash -p
	 * put it there */
	if (r && (r->pinned || usable_file(r->path, X_OK))) {
		r->hits++;
		return xstrdup(r->path);
	}
	path = path_find(name, X_OK);
	if (path && path[0] == '/')
		hash_remember(name, path, 1);
	else if (r)
		hash_forget(name);
	return path;
}

bool hash_add(const char *name)
{
	char *path = path_find(name, X_OK);

	if (path && path[0] == '/')
		hash_remember(name, path, 0);
	free(path);
	return path != NULL;
}

static const struct applet *standalone_applet(const char *name)
{
	if (!ENABLE_FEATURE_SH_STANDALONE || strchr(name, '/'))
		return NULL;
	return find_applet(name);
}

/* In a child (or exec): run argv as an external command; never returns. who: "exec: "
 * for the exec builtin's messages, else "". path: where the parent found it, or NULL. */
NORETURN static void exec_command(char **argv, const char *who, char *path)
{
	const struct applet *a = standalone_applet(argv[0]);
	char **env = var_environ();
	int err;

	environ = env;
	if (a) {
		if (BB_MMU && a->kind != APPLET_NORMAL) {
			sh_G.traps[0] = NULL;
			run_applet_and_exit(a, argv);
		}
		execv(CONFIG_BUSYBOX_EXEC_PATH, argv);
	}
	if (!path)
		path = strchr(argv[0], '/') ? xstrdup(argv[0]) : command_path(argv[0]);
	if (!path) {
		sh_G.traps[0] = NULL;
		path = path_find(argv[0], F_OK);
		/* only a file that cannot be run: bash and busybox ash say so */
		if (path)
			sh_fatal(126, "%s%s: %s", who, argv[0], strerror(EACCES));
		sh_fatal(127, "%s%s: %snot found", who, argv[0], *who ? "" : "command ");
	}
	execv(path, argv);
	err = errno;
	if (err == ENOEXEC) {
		/* a script without #!: run it with this shell */
		int n = 0;
		while (argv[n])
			n++;
		char **nargv = xmalloc((n + 2) * sizeof(*nargv));
		nargv[0] = (char *)"sh";
		nargv[1] = path;
		memcpy(nargv + 2, argv + 1, n * sizeof(*nargv));
		execv(CONFIG_BUSYBOX_EXEC_PATH, nargv);
		err = errno;
	}
	sh_G.traps[0] = NULL;
	{
		struct stat st;
		if (err == EACCES && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
			err = EISDIR;
	}
	sh_fatal(err == ENOENT ? 127 : 126, "%s%s: %s", who, argv[0], strerror(err));
}

/* An external command in a child; the parent looks it up, so that it remembers it. */
static int fork_command(char **argv)
{
	char *path = strchr(argv[0], '/') || standalone_applet(argv[0]) ? NULL
									 : command_path(argv[0]);
	pid_t pid;

	reap_jobs();
	pid = sh_fork();
	if (pid == 0)
		exec_command(argv, "", path);
	free(path);
	return wait_fg(pid);
}

int exec_argv(char **argv)
{
	const struct builtin *b = builtin_lookup(argv[0]);
	const struct applet *ap;
	int argc = 0;

	while (argv[argc])
		argc++;
	if (b)
		return b->fn(argc, argv);
	ap = nofork_applet_lookup(argv[0]);
	if (ap)
		return run_applet(ap, argv);
	return fork_command(argv);
}

void exec_argv_replace(char **argv)
{
	exec_command(argv, "exec: ", NULL);
}

/* Where the trace of a command goes: its stderr from before its own redirections. */
static int trace_fd(struct saved_fd *save)
{
	for (; save; save = save->next)
		if (save->fd == STDERR_FILENO)
			return save->saved;
	return STDERR_FILENO;
}

static void xtrace(int fd, char **assigns, int nassigns, char **argv)
{
	struct sbuf b = { 0 };
	const char *ps4 = var_get("PS4");
	char *p4 = expand_string(ps4 ? ps4 : "+ ", EXP_NOTILDE);

	sb_adds(&b, p4);
	free(p4);
	size_t start = b.len;
	for (int i = 0; i < nassigns; i++) {
		size_t nl;
		if (!assigns[i])
			continue;
		if (b.len > start)
			sb_addc(&b, ' ');
		nl = assignment_name_len(assigns[i]);
		if (!nl || assigns[i][nl + 1] == '(' || !assigns[i][nl + 1]) {
			sb_adds(&b, assigns[i]);	/* the array ones come quoted */
			continue;
		}
		sb_addn(&b, assigns[i], nl + 1);
		sb_add_quoted(&b, assigns[i] + nl + 1);
	}
	for (int i = 0; argv && argv[i]; i++) {
		/* NAME=(...) given to declare: marked, shown as written */
		if (ENABLE_FEATURE_SH_ARRAYS && argv[i][0] == '\001') {
			if (b.len > start)
				sb_addc(&b, ' ');
			sb_adds(&b, argv[i] + 1);
			continue;
		}
		if (b.len > start)
			sb_addc(&b, ' ');
		sb_add_quoted(&b, argv[i]);
	}
	sb_addc(&b, '\n');
	fflush(stdout);
	if (fd >= 0)
		full_write(fd, b.s, b.len);
	free(b.s);
}

static int call_function(struct func *f, int argc, char **argv)
{
	char **saved_pos = sh_G.pos;
	int saved_npos = sh_G.npos, status;
	struct arena *a = f->arena;

	a->refs++;	/* the function may redefine itself */
	sh_G.pos = xmalloc(argc * sizeof(char *));
	for (int i = 1; i < argc; i++) {	/* moved: the caller frees what is left */
		sh_G.pos[i - 1] = argv[i];
		argv[i] = NULL;
	}
	sh_G.pos[argc - 1] = NULL;
	sh_G.npos = argc - 1;
	sh_G.func_depth++;
	if (ENABLE_FEATURE_SH_ARRAYS)
		funcname_update(f->name);
	status = eval(f->body, 0);
	if (ENABLE_FEATURE_SH_ARRAYS)
		funcname_update(NULL);
	sh_G.func_depth--;
	if (sh_G.returning) {
		sh_G.returning = false;
		status = sh_G.status;
	}
	free_positional(sh_G.pos, sh_G.npos);
	sh_G.pos = saved_pos;
	sh_G.npos = saved_npos;
	arena_unref(a);
	return status;
}

/* exec without a command, also as "command exec": its redirections stay. */
static bool is_bare_exec(const struct builtin *b, char **argv, size_t argc)
{
	size_t i = 0;

	while (b && i + 1 < argc && !strcmp(argv[i], "command")) {
		i++;
		if (!strcmp(argv[i], "--") && i + 1 < argc)
			i++;
		b = builtin_lookup(argv[i]);
	}
	return builtin_is_exec(b) && i == argc - 1;
}

static int run_builtin(const struct builtin *b, const struct applet *ap, int argc, char **argv)
{
	if (b)
		return b->fn(argc, argv);
	return run_applet(ap, argv);
}

/* An a[i]=v, a+=v or a=(...) before a command (command) or alone: *trace gets the text for
 * xtrace. Before a command, a[i]=v is an error that does not stop it (bash) and a+=v
 * becomes a=OLDv for *trace to set like the others (returns 1). */
static int array_prefix(const char *w, bool command, char **trace)
{
	size_t nl, lhs = assign_lhs_len(w, &nl);
	bool append = w[lhs - 1] == '+';
	char *v, *q, *word;
	int r;

	*trace = NULL;
	if (w[lhs + 1] == '(') {
		*trace = xstrdup(w);
		return assign_word(w, 0, false);
	}
	if (command && w[nl] == '[') {
		sh_error("`%.*s': not a valid identifier", (int)(lhs - append), w);
		return 0;
	}
	v = expand_string(w + lhs + 1, EXP_TILDE_ASSIGN);
	if (command) {
		char *name = xstrndup(w, nl);
		const char *old = var_get(name);
		*trace = xasprintf("%s=%s%s", name, old ? old : "", v);
		free(name);
		free(v);
		return 1;
	}
	q = xmalloc_quote_name(v);
	*trace = xasprintf("%.*s=%s", (int)lhs, w, *v ? q : "");
	word = xasprintf("%.*s=%s", (int)lhs, w, v);
	r = assign_word(word, 0, true);
	free(word);
	free(q);
	free(v);
	return r;
}

/* The assignments before a command (command: there is one), left to right: each value
 * is expanded after the one before it is made (a=1 b=$a). temporary: for the command
 * only, exported, undone by locals_pop (the caller pushed the frame); exported: kept but
 * exported (before exec's command). Returns the "name=value" strings for xtrace; *failed
 * after a readonly variable. */
static char **assign_prefix(struct node *n, bool command, bool temporary, bool exported,
			    int *count, bool *failed)
{
	char **assigns = NULL;
	int i = 0;

	for (struct word *w = n->assigns; w; w = w->next)
		i++;
	*count = i;
	if (i)
		assigns = xmalloc(i * sizeof(*assigns));
	i = 0;
	for (struct word *w = n->assigns; w; w = w->next, i++) {
		size_t nl = assignment_name_len(w->text);
		char *v;
		if (ENABLE_FEATURE_SH_ARRAYS && (!nl || w->text[nl + 1] == '(')) {
			int r = array_prefix(w->text, command, &assigns[i]);
			if (r > 0) {	/* a+=v before a command: for the command only */
				nl = strchr(assigns[i], '=') - assigns[i];
				goto scalar;
			}
			if (r < 0) {
				*failed = true;
				if (!temporary) {
					*count = i + 1;
					break;
				}
			}
			continue;
		}
		v = expand_string(w->text + nl + 1, EXP_TILDE_ASSIGN);
		assigns[i] = make_assignment(w->text, nl, v);
		free(v);
scalar:
		if (temporary) {
			assigns[i][nl] = 0;
			var_make_local(assigns[i]);
			assigns[i][nl] = '=';
		}
		if (var_set_assignment(assigns[i], temporary || exported ? V_EXPORT : 0) < 0) {
			*failed = true;
			if (!temporary) {	/* an error that ends a script: no more expansions */
				*count = i + 1;
				break;
			}
		}
	}
	return assigns;
}

static int eval_simple(struct node *n, int flags)
{
	struct fields args = { 0 };
	char **assigns = NULL;
	int nassigns = 0, status = 0;
	struct saved_fd *save = NULL;
	const struct builtin *b = NULL;
	const struct applet *ap = NULL;
	struct func *f = NULL;
	bool special, frame, failed = false;

	sh_G.lineno = n->lineno;
	sh_G.cmdsubst_status = 0;
	expand_command_words(n->words, &args);
	if (sh_G.glob_failed) {	/* shopt failglob: the command does not run */
		sh_G.glob_failed = false;
		fields_free(&args);
		return 1;
	}
	if (args.n) {
		b = builtin_lookup(args.v[0]);
		if (!b || !(b->flags & BI_SPECIAL)) {
			f = func_lookup(args.v[0]);
			if (f)
				b = NULL;
		}
		if (!b && !f)
			ap = nofork_applet_lookup(args.v[0]);
	}
	/* without a command or before a special builtin they stay (POSIX 2.9.1) */
	special = !args.n || (b && (b->flags & BI_SPECIAL));
	frame = !special && n->assigns;
	if (frame)
		locals_push();
	/* redirections come before the assignments are expanded (POSIX 2.9.1), also for
	 * an external command: its fds are set up here and inherited */
	if (args.n && !b && !f && !ap && (flags & EV_EXIT)) {
		if (redirect(n->redirs, NULL) < 0)
			sh_exit(1);
	} else if (redirect(n->redirs, &save) < 0) {
		status = 1;
		if (special && args.n && !sh_G.interactive)
			sh_exit(1);
		goto restore;
	}
	/* exec's command gets them in its environment */
	assigns = assign_prefix(n, args.n > 0, !special, builtin_is_exec(b) && args.n > 1,
				&nassigns, &failed);
	if (failed && special) {
		status = 1;
		if (!sh_G.interactive && !sh_G.under_command)
			sh_exit(2);
	}
	if (SHOPT(OPT_x))
		xtrace(trace_fd(save), assigns, nassigns, args.v);
	if (args.n == 0) {
		if (!status)
			status = sh_G.cmdsubst_status;
	} else if (f) {
		if (!frame)
			locals_push();
		status = call_function(f, (int)args.n, args.v);
		locals_pop();	/* the function's locals share the frame */
		frame = false;
	} else if (b || ap) {
		status = run_builtin(b, ap, (int)args.n, args.v);
	} else if (flags & EV_EXIT) {
		/* an external command: the assignments are in its environment */
		exec_command(args.v, "", NULL);
	} else {
		status = fork_command(args.v);
	}
restore:
	if (is_bare_exec(b, args.v, args.n))
		redirect_discard(save);
	else
		redirect_restore(save);
	if (frame)
		locals_pop();
	for (int i = 0; i < nassigns; i++)
		free(assigns[i]);
	free(assigns);
	fields_free(&args);
	return status;
}

/* ---- compound commands ---- */

static int eval_pipe(struct node *n, int flags)
{
	pid_t *pids = xmalloc(n->ncmds * sizeof(*pids));
	int prev = -1, status = 0, failed = 0, sig = 0;

	reap_jobs();
	for (int i = 0; i < n->ncmds; i++) {
		int fds[2] = { -1, -1 };
		bool last = i == n->ncmds - 1;
		if (!last && pipe(fds) < 0)
			sh_fatal(2, "pipe: %s", strerror(errno));
		pids[i] = sh_fork();
		if (pids[i] == 0) {
			free(pids);
			if (prev >= 0) {
				dup2(prev, STDIN_FILENO);
				close(prev);
			}
			if (!last) {
				close(fds[0]);
				dup2(fds[1], STDOUT_FILENO);
				if (n->cmds[i]->pipe_stderr)
					dup2(fds[1], STDERR_FILENO);
				close(fds[1]);
			}
			sh_exit(eval(n->cmds[i], EV_EXIT));
		}
		if (prev >= 0)
			close(prev);
		if (!last)
			close(fds[1]);
		prev = fds[0];
	}
	for (int i = 0; i < n->ncmds; i++) {
		int s;
		status = wait_for(pids[i], &s, false);
		pids[i] = status;	/* for PIPESTATUS */
		if (status)
			failed = status;
		if (s && s != SIGPIPE)
			sig = s;
	}
	report_signal(sig);
	if (ENABLE_FEATURE_SH_ARRAYS)
		set_pipestatus(pids, n->ncmds);
	free(pids);
	(void)flags;
	return SHOPT(OPT_pipefail) && failed ? failed : status;
}

static bool loop_should_stop(void)
{
	if (sh_G.returning)
		return true;
	if (sh_G.breaking) {
		sh_G.breaking--;
		return true;
	}
	if (sh_G.continuing) {
		if (--sh_G.continuing == 0)
			return false;
		return true;
	}
	return false;
}

static int eval_cond(struct node *n)
{
	int status;
	sh_G.no_errexit++;
	status = eval(n, 0);
	sh_G.no_errexit--;
	return status;
}

static int eval_loop(struct node *n)
{
	int status = 0;

	sh_G.loop_depth++;
	for (;;) {
		int c = eval_cond(n->a);
		if (sh_G.breaking || sh_G.continuing || sh_G.returning) {
			if (loop_should_stop())
				break;
			continue;
		}
		if ((c == 0) != (n->type == N_WHILE))
			break;
		status = eval(n->b, 0);
		if (loop_should_stop())
			break;
	}
	sh_G.loop_depth--;
	return status;
}

static int eval_for(struct node *n)
{
	struct fields list = { 0 };
	int status = 0;

	sh_G.lineno = n->lineno;
	if (n->has_in) {
		expand_words(n->words, &list);
		if (sh_G.glob_failed) {
			sh_G.glob_failed = false;
			fields_free(&list);
			return 1;
		}
	} else {
		for (int i = 0; i < sh_G.npos; i++)
			fields_add(&list, xstrdup(sh_G.pos[i]));
	}
	sh_G.loop_depth++;
	for (size_t i = 0; i < list.n; i++) {
		if (var_set(n->name, list.v[i], 0) < 0) {
			status = 1;
			break;
		}
		status = eval(n->b, 0);
		if (loop_should_stop())
			break;
	}
	sh_G.loop_depth--;
	fields_free(&list);
	return status;
}

/* ---- bash (( )) and for (( ; ; )) ---- */

static void xtrace_text(const char *s)
{
	const char *ps4 = var_get("PS4");
	char *p4 = expand_string(ps4 ? ps4 : "+ ", EXP_NOTILDE);
	char *line = xasprintf("%s%s\n", p4, s);

	fflush(stdout);
	full_write(STDERR_FILENO, line, strlen(line));
	free(line);
	free(p4);
}

/* One arithmetic expression run as a command: 0 for a nonzero value, 1 for zero, 2 after
 * an error. An empty part of for (( ; ; )) counts as 1, as in bash. */
static int arith_command(struct word *w)
{
	char *e = expand_string(*w->text ? w->text : "1", EXP_ARITH);
	long long v = 0;
	int r;

	sh_G.lineno = w->lineno;
	if (SHOPT(OPT_x)) {
		char *t = xasprintf("(( %s ))", e);
		xtrace_text(t);
		free(t);
	}
	r = arith_try(e, "((", &v) ? v == 0 : 2;
	free(e);
	return r;
}

static int eval_arith_for(struct node *n)
{
	struct word *init = n->words, *cond = init->next, *step = cond->next;
	int status = 0, r;

	if (arith_command(init) == 2)
		return 1;
	sh_G.loop_depth++;
	while ((r = arith_command(cond)) == 0) {
		status = eval(n->b, 0);
		if (loop_should_stop())
			break;
		if ((r = arith_command(step)) == 2)
			break;
	}
	sh_G.loop_depth--;
	return r == 2 ? 1 : status;
}

static int eval_case(struct node *n)
{
	char *word;
	int status = 0;
	bool matched = false;

	sh_G.lineno = n->lineno;
	word = expand_string(n->words->text, 0);
	for (struct case_item *it = n->items; it; it = it->next) {
		if (!matched) {
			for (struct word *p = it->patterns; p && !matched; p = p->next) {
				char *pat = expand_string(p->text, EXP_PATTERN);
				matched = case_match(pat, word);
				free(pat);
			}
			if (!matched)
				continue;
		}
		status = it->body ? eval(it->body, 0) : 0;
		if (it->end == CASE_BREAK || sh_G.breaking || sh_G.continuing || sh_G.returning)
			break;
		if (it->end == CASE_TEST)
			matched = false;
	}
	free(word);
	return status;
}

/* ---- bash [[ ]] ---- */

struct cond {
	struct word **w;
	int n, i;
	bool bad;
};

static bool cond_is_op(struct cond *c, const char *op)
{
	return c->i < c->n && c->w[c->i]->text[0] == 1 && !strcmp(c->w[c->i]->text + 1, op);
}

static bool cond_is_word(struct cond *c, int i, const char *s)
{
	return i < c->n && !strcmp(c->w[i]->text, s);
}

static int run_test(const char *a, const char *b, const char *d)
{
	const struct applet *t = find_applet("test");
	char *argv[] = { (char *)"test", (char *)a, (char *)b, (char *)d, NULL };
	if (!t || t->kind != APPLET_NOFORK)
		return 2;
	return run_nofork_applet(t, argv);
}

static bool cond_or(struct cond *c);

/* [[ s =~ re ]]: BASH_REMATCH=(match group...), () when it does not match. */
static bool rematch(regex_t *re, const char *s)
{
	size_t n = re->re_nsub + 1;
	regmatch_t *m = xmalloc(n * sizeof(*m));
	bool res = regexec(re, s, n, m, 0) == 0;
	struct aelem *e = xmalloc(n * sizeof(*e));

	for (size_t i = 0; i < n && res; i++) {
		e[i].idx = i;
		e[i].val = m[i].rm_so < 0 ? xstrdup("")
					  : xstrndup(s + m[i].rm_so, m[i].rm_eo - m[i].rm_so);
	}
	array_assign("BASH_REMATCH", e, res ? n : 0, false, 0);
	free(m);
	return res;
}

static bool cond_primary(struct cond *c)
{
	static const char *const binops[] = { "==", "=", "!=", "=~", "-eq", "-ne", "-lt", "-le",
					      "-gt", "-ge", "-nt", "-ot", "-ef", NULL };
	const char *t;

	if (c->i >= c->n) {
		c->bad = true;
		return false;
	}
	if (cond_is_op(c, "(")) {
		c->i++;
		bool r = cond_or(c);
		if (!cond_is_op(c, ")"))
			c->bad = true;
		c->i++;
		return r;
	}
	t = c->w[c->i]->text;
	if (c->i + 2 < c->n) {	/* a binary operator? */
		struct word *op = c->w[c->i + 1];
		const char *o = op->text[0] == 1 ? op->text + 1 : op->text;
		bool known = op->text[0] == 1 && (!strcmp(o, "<") || !strcmp(o, ">"));
		for (int k = 0; !known && binops[k]; k++)
			known = !strcmp(o, binops[k]);
		if (known) {
			char *l = expand_string(t, 0), *r;
			const char *rt = c->w[c->i + 2]->text;
			bool res;
			c->i += 3;
			if (!strcmp(o, "==") || !strcmp(o, "=") || !strcmp(o, "!=")) {
				r = expand_string(rt, EXP_PATTERN);
				res = cond_match(r, l) == (o[0] != '!');
			} else if (!strcmp(o, "=~")) {
				regex_t re;
				regmatch_t m;
				r = expand_string(rt, EXP_REGEX);
				if (regcomp(&re, r, REG_EXTENDED |
						     (SH_SHOPT(SHOPT_nocasematch) ? REG_ICASE : 0))) {
					free(l);
					free(r);
					c->bad = true;
					return false;
				}
				if (ENABLE_FEATURE_SH_ARRAYS) {
					res = rematch(&re, l);
				} else if ((res = regexec(&re, l, 1, &m, 0) == 0)) {
					char *s = xstrndup(l + m.rm_so, m.rm_eo - m.rm_so);
					var_set("BASH_REMATCH", s, 0);
					free(s);
				}
				regfree(&re);
			} else if (o[0] == '<' || o[0] == '>') {
				r = expand_string(rt, 0);
				int cmp = strcmp(l, r);
				res = o[0] == '<' ? cmp < 0 : cmp > 0;
			} else if (!strcmp(o, "-nt") || !strcmp(o, "-ot") || !strcmp(o, "-ef")) {
				r = expand_string(rt, 0);
				res = run_test(l, o, r) == 0;
			} else {
				r = expand_string(rt, 0);
				long long a = arith_eval(l), b = arith_eval(r);
				res = !strcmp(o, "-eq") ? a == b : !strcmp(o, "-ne") ? a != b :
				      !strcmp(o, "-lt") ? a < b : !strcmp(o, "-le") ? a <= b :
				      !strcmp(o, "-gt") ? a > b : a >= b;
			}
			free(l);
			free(r);
			return res;
		}
	}
	if (t[0] == '-' && t[1] && !t[2] && c->i + 1 < c->n && c->w[c->i + 1]->text[0] != 1) {
		char *v = expand_string(c->w[c->i + 1]->text, 0);
		char op[3] = { '-', t[1], 0 };
		int st;
		c->i += 2;
		st = run_test(op, v, NULL);
		free(v);
		if (st == 2)
			c->bad = true;
		return st == 0;
	}
	if (t[0] == 1) {
		c->bad = true;
		return false;
	}
	char *v = expand_string(t, 0);
	bool r = *v != 0;
	free(v);
	c->i++;
	return r;
}

static bool cond_not(struct cond *c)
{
	if (cond_is_word(c, c->i, "!")) {
		c->i++;
		return !cond_not(c);
	}
	return cond_primary(c);
}

static bool cond_and(struct cond *c)
{
	bool r = cond_not(c);
	while (cond_is_op(c, "&&")) {
		c->i++;
		bool r2 = cond_not(c);
		r = r && r2;
	}
	return r;
}

static bool cond_or(struct cond *c)
{
	bool r = cond_and(c);
	while (cond_is_op(c, "||")) {
		c->i++;
		bool r2 = cond_and(c);
		r = r || r2;
	}
	return r;
}

static int eval_dbracket(struct node *n)
{
	struct cond c = { 0 };
	int cap = 0;
	bool r;

	sh_G.lineno = n->lineno;
	for (struct word *w = n->words; w; w = w->next) {
		if (c.n == cap) {
			cap = cap * 2 + 8;
			c.w = xrealloc(c.w, cap * sizeof(*c.w));
		}
		c.w[c.n++] = w;
	}
	r = cond_or(&c);
	if (c.i < c.n)
		c.bad = true;
	free(c.w);
	if (c.bad) {
		sh_error("syntax error in conditional expression");
		return 2;
	}
	return !r;
}

static int eval_compound(struct node *n, int flags)
{
	switch (n->type) {
	case N_GROUP: return eval(n->a, flags);
	case N_IF:
		if (eval_cond(n->a) == 0)
			return eval(n->b, flags);
		return n->c ? eval(n->c, flags) : 0;
	case N_WHILE:
	case N_UNTIL: return eval_loop(n);
	case N_FOR: return eval_for(n);
	case N_CASE: return eval_case(n);
	case N_DBRACKET: return eval_dbracket(n);
	case N_ARITH: return arith_command(n->words) != 0;
	case N_ARITHFOR: return eval_arith_for(n);
	default: return 0;
	}
}

static int eval_subshell(struct node *n, int flags)
{
	pid_t pid;

	if (flags & EV_EXIT) {
		if (redirect(n->redirs, NULL) < 0)
			sh_exit(1);
		sh_exit(eval(n->a, EV_EXIT));
	}
	reap_jobs();
	pid = sh_fork();
	if (pid == 0) {
		if (redirect(n->redirs, NULL) < 0)
			sh_exit(1);
		sh_exit(eval(n->a, EV_EXIT));
	}
	return wait_fg(pid);
}

static int eval_background(struct node *n)
{
	pid_t pid;

	reap_jobs();
	pid = sh_fork();
	if (pid == 0) {
		if (!SHOPT(OPT_m)) {
			int fd = open("/dev/null", O_RDONLY);
			if (fd > 0) {
				dup2(fd, STDIN_FILENO);
				close(fd);
			}
			signal(SIGINT, SIG_IGN);
			signal(SIGQUIT, SIG_IGN);
		}
		sh_exit(eval(n->a, EV_EXIT));
	}
	sh_G.lastbg = pid;
	job_add(pid, n->a);
	return 0;
}

static int eval(struct node *n, int flags)
{
	int status = 0;
	bool leaf = false;

	if (!n || SHOPT(OPT_n))	/* set -n: read commands, run none */
		return 0;
	switch (n->type) {
	case N_SIMPLE:
		status = eval_simple(n, flags);
		leaf = true;
		break;
	case N_PIPE:
		status = eval_pipe(n, flags);
		leaf = true;
		break;
	case N_NOT:
		sh_G.no_errexit++;
		status = !eval(n->a, 0);
		sh_G.no_errexit--;
		break;
	case N_AND:
	case N_OR:
		status = eval_cond(n->a);
		if (sh_G.breaking || sh_G.continuing || sh_G.returning)
			break;
		if ((status == 0) == (n->type == N_AND))
			status = eval(n->b, flags);
		break;
	case N_SEQ:
		eval(n->a, 0);
		if (sh_G.breaking || sh_G.continuing || sh_G.returning)
			return sh_G.status;
		status = eval(n->b, flags);
		break;
	case N_BG:
		status = eval_background(n);
		break;
	case N_SUBSHELL:
		status = eval_subshell(n, flags);
		leaf = true;
		break;
	case N_FUNCDEF:
		/* the tree's arena: a function body keeps it */
		func_define(n->name, n->a, sh_G.cur_arena);
		status = 0;
		break;
	default: {
		struct saved_fd *save = NULL;
		leaf = n->type == N_ARITH;	/* set -e applies to it as to a command */
		if (redirect(n->redirs, &save) < 0) {
			status = 1;
		} else {
			status = eval_compound(n, 0);
		}
		redirect_restore(save);
		break;
	}
	}
	/* unwinding after return (in a condition, in a trap): its status goes up as is */
	if (sh_G.returning)
		status = sh_G.status;
	sh_G.status = status;
	/* a pipeline of one command: the ones that are not compound, and ( ) [[ ]] */
	if (ENABLE_FEATURE_SH_ARRAYS && (leaf || n->type == N_DBRACKET) && n->type != N_PIPE)
		set_pipestatus(&status, 1);
	run_pending_traps();
	status = sh_G.status;	/* return in a trap sets it */
	if (leaf && status && SHOPT(OPT_e) && !sh_G.no_errexit && !sh_G.exiting)
		sh_exit(status);
	return status;
}

int eval_node(struct node *n)
{
	return eval(n, 0);
}

static int run_input(struct input *in, bool top)
{
	int status = 0;
	bool eof = false;

	while (!eof) {
		struct arena *a = arena_new(), *saved = sh_G.cur_arena;
		bool err;
		struct node *n = parse_command(in, a, &eof, &err);
		if (err) {
			status = sh_G.status = 2;
			arena_unref(a);
			if (!sh_G.interactive)
				sh_exit(2);
			continue;
		}
		if (n && !SHOPT(OPT_n)) {
			if (top)
				input_sync(in);
			sh_G.cur_arena = a;
			status = eval(n, 0);
			sh_G.cur_arena = saved;
		}
		arena_unref(a);
		if (sh_G.breaking || sh_G.continuing || sh_G.returning)
			break;
	}
	return status;
}

int eval_input(struct input *in)
{
	return run_input(in, true);
}

int eval_string(const char *s)
{
	struct input in;
	int status;

	input_init_string(&in, s, strlen(s));
	in.lineno = sh_G.lineno > 0 ? sh_G.lineno : 1;
	status = run_input(&in, false);
	input_free(&in);
	return status;
}
