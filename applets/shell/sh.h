/*== part of ash ==*/
/* sh.h: the shell's private header. The syntax tree, the one state object sh_G reached
 * from every file, and the interfaces between the parts:
 *   misc.c     arenas, growable strings, error messages, exiting
 *   input.c    input sources (string, fd in chunks, fd byte by byte), pushed alias text
 *   parse.c    the lexer and the parser of the POSIX grammar: text to tree
 *   expand.c   word expansion: tilde, parameters, command substitution, arithmetic,
 *              field splitting, pathname expansion, quote removal; pattern matching
 *   glob.c     pattern matching (extglob too), pathname expansion, brace expansion
 *   arith.c    $(( )) evaluation
 *   exec.c     running the tree: commands, pipelines, subshells, redirections, jobs
 *   vars.c     variables, positional parameters, locals, functions, aliases
 *   builtins.c the builtin commands
 */
#ifndef SH_H
#define SH_H

#include "libbb.h"
#include <stddef.h>
#include <time.h>

/* ---- arenas and strings (misc.c) ---- */

/* Nodes of one top-level command live in one arena; a function definition keeps a
 * reference to the arena of its body. */
struct arena {
	struct arena_chunk *chunks;
	int refs;
};
struct arena *arena_new(void);
void *arena_alloc(struct arena *a, size_t n);
char *arena_strndup(struct arena *a, const char *s, size_t n);
void arena_unref(struct arena *a);

struct sbuf {
	char *s;
	size_t len, cap;
};
void sb_addc(struct sbuf *b, int c);
void sb_addn(struct sbuf *b, const char *s, size_t n);
void sb_adds(struct sbuf *b, const char *s);
/* The string (NUL-terminated, never NULL); the sbuf is empty afterwards. */
char *sb_take(struct sbuf *b);
/* v in decimal, written at the end of buf; returns where it starts. */
char *fmt_num(char buf[24], long long v);
/* "name=value", malloced. */
char *make_assignment(const char *name, size_t n, const char *value);
/* sb gets s as the shell would need it quoted: as is, or in '...' with '\'' (set -x) */
void sb_add_quoted(struct sbuf *b, const char *s);

/* "$0: line N: message" on stderr in one write (stdout flushed first). */
void sh_error(const char *fmt, ...) PRINTF_LIKE(1, 2);
/* name after the shell's message prefix, for an applet's messages (malloced) */
char *sh_msg_name(const char *name);
/* The same for a name that stays (an applet's), kept for later calls. */
const char *sh_msg_name_kept(const char *name);
/* An error that ends a non-interactive shell (POSIX 2.8.1): message, then exit with
 * status, running the EXIT trap. */
NORETURN void sh_fatal(int status, const char *fmt, ...) PRINTF_LIKE(2, 3);
/* Run the EXIT trap, flush, exit. */
NORETURN void sh_exit(int status);

/* ---- input (input.c) ---- */

struct pushed_text {
	struct pushed_text *next;
	char *text;
	size_t pos;
	char *alias;		/* the alias being expanded, not expanded again inside */
	bool done;		/* all read: kept while the parser looks at its last word */
};
struct input {
	char *buf;
	size_t len, pos, cap;
	int fd;			/* -1: the whole text is in buf */
	bool byte_at_a_time;	/* a pipe or terminal shared with the commands it starts */
	bool eof;
	bool verbose_nl;	/* set -v has echoed a line without its newline yet */
	int lineno;
	struct pushed_text *pushed;
	/* called before reading a new line from a terminal: the hook for prompts and line
	 * editing (continuation: PS2 rather than PS1) */
	void (*prompt)(struct input *in, bool continuation);
};
void input_init_string(struct input *in, const char *s, size_t len);
void input_init_fd(struct input *in, int fd);
void input_free(struct input *in);
/* The next character, or -1 at the end. */
int input_getc(struct input *in);
/* Push alias text to be read before the rest. */
void input_push(struct input *in, const char *text, const char *alias);
bool input_alias_active(struct input *in, const char *alias);
/* Give back what is buffered but not used yet to a seekable fd, so that commands the
 * shell runs read on from where the shell stopped. */
void input_sync(struct input *in);

/* ---- the syntax tree (parse.c) ---- */

struct word {
	struct word *next;
	char *text;		/* the source text, quotes kept: expand.c interprets it */
	int lineno;
};

enum redir_type {
	R_IN,		/* <  */
	R_OUT,		/* >  */
	R_CLOBBER,	/* >| */
	R_APPEND,	/* >> */
	R_DUPIN,	/* <& */
	R_DUPOUT,	/* >& */
	R_RDWR,		/* <> */
	R_HEREDOC,	/* << and <<- */
	R_HERESTR,	/* <<< */
	R_OUTERR,	/* &> (bash) */
};
struct redir {
	struct redir *next;
	struct redir *next_heredoc;	/* the parser's queue of bodies to read */
	enum redir_type type;
	int fd;
	struct word *target;	/* file name, fd word, here-doc delimiter */
	char *body;		/* here-document text */
	bool quoted;		/* here-document with a quoted delimiter: no expansion */
	bool strip_tabs;	/* <<- */
};

enum node_type {
	N_SIMPLE, N_PIPE, N_AND, N_OR, N_SEQ, N_BG, N_NOT, N_SUBSHELL, N_GROUP, N_IF,
	N_WHILE, N_UNTIL, N_FOR, N_CASE, N_FUNCDEF,
	N_DBRACKET,	/* bash [[ ]]: words, operators marked with a leading \001 */
	N_ARITH,	/* bash (( )): the expression is the one word */
	N_ARITHFOR,	/* for (( ; ; )): words init, cond, step; body b */
};
enum case_end { CASE_BREAK, CASE_FALL, CASE_TEST };	/* ;; ;& ;;& */
struct case_item {
	struct case_item *next;
	struct word *patterns;
	struct node *body;
	enum case_end end;
};
struct node {
	enum node_type type;
	int lineno;
	struct node *a, *b, *c;	/* operands, condition/then/else, body */
	struct word *words;	/* arguments; for: the list (NULL with no "in") */
	struct word *assigns;	/* simple command: leading assignments */
	struct redir *redirs;
	struct case_item *items;
	char *name;		/* for: variable; function definition: name */
	struct node **cmds;	/* pipeline */
	int ncmds;
	bool has_in;		/* for: an "in" list was given */
	bool pipe_stderr;	/* |& between this and the next command (bash) */
};

struct parser;
/* Parse one complete command (up to a newline at the top level) from in. Returns the
 * tree, NULL for an empty line; *eof is set at the end of input. A syntax error is
 * reported and returns NULL with *err set. */
struct node *parse_command(struct input *in, struct arena *a, bool *eof, bool *err);
/* Parse a whole string (eval, command substitution, traps): NULL on syntax error. */
struct node *parse_string(const char *s, struct arena *a, bool *err);
/* The length of the text of a command substitution up to its ")" included, s being the
 * text after "$(". */
size_t parse_cmdsubst_len(const char *s);
bool is_name(const char *s, size_t n);
/* export, readonly, local (and declare, typeset with arrays): operands are assignments. */
bool is_decl_name(const char *s);
/* The length of the assignment name at s when s is "NAME=...", else 0. */
size_t assignment_name_len(const char *s);

/* ---- expansion (expand.c) ---- */

struct fields {
	char **v;
	size_t n, cap;
};
void fields_add(struct fields *f, char *s);
void fields_free(struct fields *f);
enum {
	EXP_FIELDS = 1 << 0,	/* field splitting and pathname expansion */
	EXP_TILDE_ASSIGN = 1 << 1,	/* tildes after : too (assignments) */
	EXP_PATTERN = 1 << 2,	/* result is a pattern: quoted chars backslash-escaped */
	EXP_HEREDOC = 1 << 3,	/* here-document body: only $ ` \ are special */
	EXP_NOTILDE = 1 << 4,
	EXP_ARITH = 1 << 5,	/* the text of (( )) and for (( )): expanded as in $(( )) */
	EXP_REGEX = 1 << 6,	/* result is an ERE: quoted ERE specials backslash-escaped */
};
/* Expand a list of words into fields (all expansions, splitting, globbing). */
void expand_words(struct word *w, struct fields *out);
/* The same for a command's words: name=value operands of export, readonly
 * and local are expanded like assignments. */
void expand_command_words(struct word *w, struct fields *out);
/* Expand one word to one string (no splitting, no globbing): assignments, redirection
 * targets, case words, here-documents. Malloced. */
char *expand_string(const char *text, int flags);
/* Perform an assignment word: NAME=v, NAME+=v, NAME[SUB]=v, NAME=(...). The value is
 * expanded unless value_expanded (the operands of declare, local ...); a compound value
 * is always expanded. -1 after a message. */
int assign_word(const char *w, unsigned flags, bool value_expanded);
/* Run a command substitution's text and return its output without trailing newlines. */
char *command_output(const char *text);

/* Past one character, escape, quoted or substituted part of word text (dq: inside
 * double quotes, where ' is plain). */
const char *skip_unit(const char *s, bool dq);

/* ---- patterns, pathname and brace expansion (glob.c) ---- */

/* Match s against a pattern produced with EXP_PATTERN; whole string. */
bool pattern_match(const char *pattern, const char *s);
/* The same for case and ${x/p/r}: shopt nocasematch applies. */
bool case_match(const char *pattern, const char *s);
bool pattern_match_n(const char *pattern, const char *s, size_t n, bool replacing);
/* The same for [[ == ]]: the extglob forms even without shopt extglob. */
bool cond_match(const char *pattern, const char *s);
/* Pathname expansion of a pattern (quoted characters escaped): the sorted names added
 * to out; false when none matched. */
bool glob_expand(const char *pattern, struct fields *out);
/* bash brace expansion of a word's text: the words (texts) it becomes, added to out. */
void brace_expand(const char *word, struct fields *out);

/* bash shopt options */
enum sh_shopt {
	SHOPT_dotglob, SHOPT_extglob, SHOPT_failglob, SHOPT_nocaseglob, SHOPT_nocasematch,
	SHOPT_nullglob, SHOPT_COUNT
};
#define SH_SHOPT(o) ((sh_G.shopts >> (o)) & 1)

/* ---- arithmetic (arith.c) ---- */

/* Evaluate an expanded arithmetic expression; errors are fatal (sh_fatal). */
long long arith_eval(const char *expr);
/* For (( )) and let: an error is reported as "who: ..." and returns false, the shell goes
 * on. */
bool arith_try(const char *expr, const char *who, long long *out);

/* ---- variables (vars.c) ---- */

enum {
	V_EXPORT = 1 << 0,
	V_READONLY = 1 << 1,
	V_UNSET = 1 << 2,	/* declared (export x, local x) without a value */
	V_ARRAY = 1 << 3,	/* bash indexed array: the elements are in arr */
	V_INTEGER = 1 << 4,	/* declare -i: assigned values are evaluated arithmetically */
};
struct aelem {
	long long idx;
	char *val;
};
struct var {
	struct var *next;
	char *name;
	char *value;		/* NULL while V_UNSET, and for arrays */
	unsigned hash;		/* of the name (hash_name) */
	unsigned flags;
	struct aelem *arr;	/* V_ARRAY: the set elements, sorted by index */
	size_t narr;
};
struct func {
	struct func *next;
	char *name;
	struct node *body;
	struct arena *arena;
};
struct alias {
	struct alias *next;
	char *name, *value;
};
struct var *var_lookup(const char *name);
/* s quoted to be read back by the shell: $'...' when it has control characters, else
 * between quote characters (' or "), escaping what needs it inside them. */
void sb_add_reusable(struct sbuf *b, const char *s, int quote);
/* The attribute letters of v (a i r x, as declare takes them); their count. */
size_t var_attributes(const struct var *v, char out[8]);
/* A command that recreates v: value NULL for declare -p ("declare -- x=\"1\"",
 * arrays as a list); else ${x@A}: x='value', with "declare -FLAGS" only for attributes. */
void sb_add_declare(struct sbuf *b, const struct var *v, const char *value);
/* The value, or NULL when unset. LINENO, $-like specials are computed. */
const char *var_get(const char *name);
/* Assign; returns -1 after a message for a readonly variable. */
int var_set(const char *name, const char *value, unsigned flags);
/* "NAME=value" */
int var_set_assignment(const char *assignment, unsigned flags);
int var_unset(const char *name);
/* Exported variables as an environ array (malloced strings, NULL-terminated). */
char **var_environ(void);
void vars_import(char **envp);
/* RANDOM's seed, SECONDS's start: before vars_import, which may set them. */
void vars_init_special(void);
/* Sorted list of all variables (malloced array). */
struct var **var_sorted(size_t *n);
/* local NAME: save its current state for the running function; false if it was
 * already. */
bool var_make_local(const char *name);
/* Unset, the attributes (export, readonly) kept: local NAME (bash). */
void var_forget_value(const char *name);
/* Arrays (FEATURE_SH_ARRAYS). A scalar is an array of its element 0. */
const char *array_get(const struct var *v, long long idx);
/* One more than the highest index set (0 for none). */
long long array_next(const struct var *v);
/* A negative index counts back from array_next(); false if it is still negative. */
bool array_index(const struct var *v, long long *idx);
/* NAME[IDX]=val (append: +=); val NULL unsets the element. -1 after a message. */
int var_set_elem(const char *name, long long idx, const char *val, bool append);
/* NAME=(...) or NAME+=(...): the elements e (values malloced, taken over). */
int array_assign(const char *name, struct aelem *e, size_t n, bool append, unsigned flags);
/* The part of s before '=' when s is NAME=, NAME+=, NAME[SUB]= or NAME[SUB]+= (the last
 * three only with arrays), else 0; *nlen: the length of NAME. */
size_t assign_lhs_len(const char *s, size_t *nlen);
/* NAME or NAME[SUB] (SUB expanded): value, NULL when unset. Bad subscripts: message. */
const char *var_get_ref(const char *ref);
int var_set_ref(const char *ref, const char *val);
void set_pipestatus(const int *st, int n);
void funcname_update(const char *name);
void locals_push(void);
void locals_pop(void);
struct func *func_lookup(const char *name);
void func_define(const char *name, struct node *body, struct arena *a);
int func_unset(const char *name);
struct alias *alias_lookup(const char *name);
void alias_set(const char *name, const char *value);
int alias_unset(const char *name);
/* Replace the positional parameters (copies argv). */
void set_positional(char **argv, int argc);
void free_positional(char **argv, int argc);

/* ---- execution (exec.c) ---- */

enum sh_opt {
	OPT_a, OPT_b, OPT_C, OPT_e, OPT_f, OPT_h, OPT_i, OPT_m, OPT_n, OPT_s, OPT_u, OPT_v,
	OPT_x, OPT_pipefail, OPT_nolog, OPT_ignoreeof, OPT_B, OPT_COUNT
};
#define SHOPT(o) ((sh_G.opts >> (o)) & 1)

struct proc {
	pid_t pid;
	int status;		/* -1 while running */
	int sig;		/* the signal that ended it, or 0 */
};
/* A job: a pipeline started in the background (or, later, stopped). Its process group is
 * recorded for job control. */
struct job {
	struct job *next;
	int id;
	pid_t pgid;
	int nprocs;
	struct proc *procs;
	char *cmd;
	bool inherited;		/* in a subshell: the parent's, listed but not waited for */
};

/* Evaluate a tree; returns its exit status (also in sh_G.status). */
int eval_node(struct node *n);
/* Parse and run a string in the current shell (eval, ., traps). */
int eval_string(const char *s);
/* Read, parse and run commands from in until its end. */
int eval_input(struct input *in);
/* fork() for the shell: the child resets traps and job state. */
pid_t sh_fork(void);
/* wait PID: 127 for a pid that is not (or no longer) one of our jobs; 128+n when a
 * trapped signal n came first. */
int wait_job_pid(pid_t pid);
/* The wait builtin's work: wait for all background jobs; 0, or 128+n as above. */
int wait_all(void);
/* The jobs builtin: list background jobs, forget the finished ones. */
void jobs_report(bool pids_only, bool long_form);
/* One job's line for jobs ("[1] + Running  cmd", -l with the pid, -p the pid only); a
 * finished job is forgotten once reported. */
void job_report(struct job *j, bool pids_only, bool long_form);
/* A job by its %spec (%N %% %+ %- %str %?str); NULL after "who: spec: ..." */
struct job *job_lookup(const char *spec, const char *who);
struct job *job_find_pid(pid_t pid);
/* Collect finished background processes, so that none stays a zombie. */
void reap_jobs(void);
/* Run pending traps (between commands). */
void run_pending_traps(void);
/* Run a trap action (the EXIT trap too); returns $? after it. */
int run_trap(const char *action);
void trap_set(int sig, const char *action);
void traps_reset_in_child(void);
/* A trap changed in a subshell: trap no longer lists the parent's. */
void traps_forget_parent(void);
/* Find a command in $PATH: malloced path or NULL. */
const char *search_path(void);
/* A readable file in $PATH (for .): malloced path or NULL. */
char *path_search_any(const char *name);
/* The next file called name in the search path from *at on (see exec.c). */
char *path_next(const char *name, const char **at, int mode);
/* The hash builtin's table of where commands were found, in the order they were. */
struct remembered {
	struct remembered *next;
	char *path;
	unsigned hits;		/* times run from there */
	bool pinned;		/* by hash -p: used even when the file is not there */
	char name[];
};
struct remembered **hash_table(void);
struct remembered *hash_lookup(const char *name);
/* Search PATH for name and remember where it is; false if it is not there. */
bool hash_add(const char *name);
void hash_remember(const char *name, const char *path, unsigned hits);
bool hash_forget(const char *name);
void hash_forget_all(void);
/* command NAME...: run a builtin or an external command (no functions). */
int exec_argv(char **argv);
/* exec NAME...: replace the shell. */
NORETURN void exec_argv_replace(char **argv);
/* Apply redirections; with save, remember what to restore. -1 after a message. */
struct saved_fd;
int redirect(struct redir *r, struct saved_fd **save);
void redirect_restore(struct saved_fd *save);
/* Keep the redirections: forget what they replaced. */
void redirect_discard(struct saved_fd *save);

/* ---- builtins (builtins.c) ---- */

enum { BI_SPECIAL = 1, BI_REGULAR = 0 };
struct builtin {
	const char *name;
	int (*fn)(int argc, char **argv);
	int flags;
};
const struct builtin *builtin_lookup(const char *name);
/* exec without a command: its redirections stay. */
bool builtin_is_exec(const struct builtin *b);
/* echo, printf, test, [, ...: the applets run in-process. */
const struct applet *nofork_applet_lookup(const char *name);
int run_applet(const struct applet *a, char **argv);
/* $- */
char *option_letters(void);
/* Parse set-style options from argv (sh's own command line and set); returns the index of
 * the first operand, or -1 after a message. */
int parse_set_options(char **argv, bool invocation, bool *end_of_options);

/* ---- the state of the shell ---- */

#define VAR_BUCKETS 256
struct local_frame;
struct sh_state {
	const char *arg0;	/* $0 */
	char **pos;		/* $1... */
	int npos;
	int status;		/* $? */
	int cmdsubst_status;	/* status of the last command substitution */
	pid_t rootpid;		/* $$ */
	pid_t lastbg;		/* $! */
	unsigned opts;		/* 1 << enum sh_opt */
	int lineno;		/* of the command running */
	struct var *vars[VAR_BUCKETS];
	struct func *funcs;
	struct alias *aliases;
	struct job *jobs;
	int next_job_id;
	struct local_frame *locals;
	int loop_depth;
	int breaking, continuing;	/* levels left to break out of / continue */
	bool returning;
	bool exiting;
	int func_depth;
	int no_errexit;		/* >0 in conditions, where a failure does not exit */
	int subshell;		/* >0 in a forked child of the shell */
	bool interactive;
	bool std_path;		/* command -p: search the standard PATH */
	bool under_command;	/* "command" runs a builtin: a special one cannot end the shell */
	char *traps[NSIG];	/* 0: EXIT */
	/* in a subshell: the parent's traps, listed by trap until one is changed (so that
	 * saved=$(trap) works); NULL when there are none */
	char **parent_traps;
	bool trap_running[NSIG];	/* a signal's trap is running */
	int trap_depth;		/* traps running, nested */
	int trap_status;	/* $? when the innermost trap started */
	int trap_func_depth;	/* func_depth + dot_depth then: return there ends the trap */
	volatile sig_atomic_t pending[NSIG];
	volatile sig_atomic_t any_pending;
	unsigned getopt_char;	/* position inside a grouped option argument */
	struct input *input;	/* what the top level reads */
	unsigned long long random;	/* RANDOM's generator state */
	pid_t random_pid;	/* the process the state belongs to: a subshell reseeds */
	long long seconds_base;	/* the monotonic clock's seconds when SECONDS was 0 */
	unsigned unspecial;	/* RANDOM, SECONDS unset: ordinary variables from now on */
	int arith_depth;
	jmp_buf *arith_catch;	/* set by arith_try: where an arithmetic error goes */
	const char *arith_who;
	bool cflag;		/* sh -c */
	int dot_depth;		/* running a . script */
	const char *source_name;	/* the . script running, for messages */
	struct proc *reaped;	/* children reaped before anyone waited for them */
	int nreaped, capreaped;
	struct arena *cur_arena;	/* of the tree running at the top level */
	unsigned shopts;	/* 1 << enum sh_shopt */
	bool glob_failed;	/* shopt failglob: a pattern matched nothing */
	struct sbuf spare[8];	/* expansion buffers kept for reuse, empty */
	struct var *pipestatus;	/* PIPESTATUS, once set */
	struct sbuf funcnames;	/* the running functions, each NUL-terminated, innermost last */
	bool funcname_stale;	/* FUNCNAME is made from them when next looked at */
	bool env_stale;		/* an exported variable changed since environ was made */
	char **applet_env;	/* environ as made for NOFORK applets, or NULL */
	struct {		/* message names made for applets, for the source src */
		char *src;
		struct {
			char *name;
			const char *applet;
			int line;
		} e[8];
		unsigned next;	/* the entry to replace */
	} msg;
	int nspare;
	struct remembered *hashed;	/* see hash_table */
	char *hash_path;	/* the search path the table belongs to */
};
extern struct sh_state sh_G;

#endif
