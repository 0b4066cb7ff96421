/*== part of ash ==*/
/* vars.c: shell variables (a hash table), positional parameters, the local variables of
 * functions, the function table and aliases. */
#include "sh.h"

struct local_save {
	struct local_save *next;
	char *name;
	char *value;		/* NULL: was unset */
	unsigned flags;
	bool existed;
	struct aelem *arr;
	size_t narr;
};
struct local_frame {
	struct local_frame *prev;
	struct local_save *saves;
};

static unsigned hash_name(const char *s)
{
	unsigned h = 5381;
	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

static void funcname_sync(void);
static int var_remove(const char *name);

struct var *var_lookup(const char *name)
{
	if (ENABLE_FEATURE_SH_ARRAYS && sh_G.funcname_stale && !strcmp(name, "FUNCNAME"))
		funcname_sync();
	unsigned h = hash_name(name);

	for (struct var *v = sh_G.vars[h % VAR_BUCKETS]; v; v = v->next)
		if (v->hash == h && !strcmp(v->name, name))
			return v;
	return NULL;
}

enum { SPECIAL_RANDOM = 1, SPECIAL_SECONDS = 2, SPECIAL_FUNCNAME = 4 };

/* RANDOM and SECONDS (until unset) make their value when read; assigning seeds them. */
static unsigned special_var(const char *name)
{
	unsigned bit = name[0] == 'R' && !strcmp(name, "RANDOM")	  ? SPECIAL_RANDOM
		       : name[0] == 'S' && !strcmp(name, "SECONDS") ? SPECIAL_SECONDS
								     : 0;
	return bit & ~sh_G.unspecial;
}

static long long monotonic_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec;
}

static void special_assigned(unsigned which, const char *value)
{
	long long n = strtoll(value, NULL, 10);

	if (which == SPECIAL_SECONDS) {
		sh_G.seconds_base = monotonic_seconds() - n;
	} else {
		sh_G.random = n;
		sh_G.random_pid = getpid();
	}
}

void vars_init_special(void)
{
	sh_G.seconds_base = monotonic_seconds();
	sh_G.random_pid = getpid();
	sh_G.random = (unsigned long long)sh_G.random_pid << 16 ^ (unsigned long long)time(NULL);
}

/* ---- arrays: elements sorted by index in one vector ---- */

/* The position of idx in v->arr, or where it would go. */
static size_t arr_find(const struct var *v, long long idx)
{
	size_t lo = 0, hi = v->narr;

	if (hi && v->arr[hi - 1].idx < idx)
		return hi;	/* appending: the usual case */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (v->arr[mid].idx < idx)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const char *array_get(const struct var *v, long long idx)
{
	size_t k;

	if (!(v->flags & V_ARRAY))
		return idx == 0 && !(v->flags & V_UNSET) ? v->value : NULL;
	k = arr_find(v, idx);
	return k < v->narr && v->arr[k].idx == idx ? v->arr[k].val : NULL;
}

long long array_next(const struct var *v)
{
	if (!(v->flags & V_ARRAY))
		return !(v->flags & V_UNSET);
	return v->narr ? v->arr[v->narr - 1].idx + 1 : 0;
}

bool array_index(const struct var *v, long long *idx)
{
	if (*idx < 0)
		*idx += v ? array_next(v) : 0;
	return *idx >= 0;
}

/* Set (val malloced) or, with val NULL, remove an element. */
static void arr_put(struct var *v, long long idx, char *val)
{
	size_t k = arr_find(v, idx), n = v->narr;
	bool found = k < n && v->arr[k].idx == idx;

	if (found) {
		free(v->arr[k].val);
		if (val) {
			v->arr[k].val = val;
			return;
		}
		memmove(v->arr + k, v->arr + k + 1, (n - k - 1) * sizeof(*v->arr));
		v->narr--;
		return;
	}
	if (!val)
		return;
	v->flags &= ~V_UNSET;
	/* capacity: the next power of two, at least 4 */
	if (n < 4 ? n == 0 : !(n & (n - 1)))
		v->arr = xrealloc(v->arr, (n < 4 ? 4 : n * 2) * sizeof(*v->arr));
	memmove(v->arr + k + 1, v->arr + k, (n - k) * sizeof(*v->arr));
	v->arr[k].idx = idx;
	v->arr[k].val = val;
	v->narr++;
}

static void arr_free(struct aelem *e, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(e[i].val);
	free(e);
}

/* A scalar becomes element 0 of a new array. */
static void make_array(struct var *v)
{
	if (v->flags & V_ARRAY)
		return;
	v->flags |= V_ARRAY;
	if (v->value && !(v->flags & V_UNSET))
		arr_put(v, 0, v->value);
	else
		free(v->value);
	v->value = NULL;
}

/* The value to store: declare -i evaluates it; += appends to old (or adds). */
static char *new_value(const struct var *v, const char *old, const char *val, bool append)
{
	if (v && (v->flags & V_INTEGER)) {
		long long n = arith_eval(val);
		if (append && old)
			n = (long long)((unsigned long long)n + arith_eval(old));
		return xasprintf("%lld", n);
	}
	if (append && old)
		return xasprintf("%s%s", old, val);
	return xstrdup(val);
}

static struct var *var_new(const char *name);

int var_set_elem(const char *name, long long idx, const char *val, bool append)
{
	struct var *v = var_lookup(name);

	if (v && (v->flags & V_READONLY)) {
		sh_error("%s: is read only", name);
		return -1;
	}
	if (!array_index(v, &idx)) {
		sh_error("%s[%lld]: bad array subscript", name, idx - (v ? array_next(v) : 0));
		return -1;
	}
	if (!v)
		v = var_new(name);
	make_array(v);
	arr_put(v, idx, val ? new_value(v, array_get(v, idx), val, append) : NULL);
	return 0;
}

int array_assign(const char *name, struct aelem *e, size_t n, bool append, unsigned flags)
{
	struct var *v = var_lookup(name);

	if (v && (v->flags & V_READONLY)) {
		sh_error("%s: is read only", name);
		arr_free(e, n);
		return -1;
	}
	if (!v)
		v = var_new(name);
	make_array(v);
	if (n || !append)
		v->flags &= ~V_UNSET;	/* declare -a a: declared, not set */
	if (!append) {
		arr_free(v->arr, v->narr);
		v->arr = NULL;
		v->narr = 0;
	}
	for (size_t i = 0; i < n; i++) {
		char *val = new_value(v, array_get(v, e[i].idx), e[i].val, false);
		arr_put(v, e[i].idx, val);
	}
	arr_free(e, n);
	v->flags |= flags & (V_EXPORT | V_READONLY | V_INTEGER);
	sh_G.env_stale |= (v->flags & V_EXPORT) != 0;	/* an array is not in it */
	return 0;
}

/* PIPESTATUS=(st...), rewriting only what changed: it is set after every command. */
void set_pipestatus(const int *st, int n)
{
	/* kept in sh_G until unset (var_remove): no lookup after every command */
	struct var *v = sh_G.pipestatus ? sh_G.pipestatus : var_lookup("PIPESTATUS");
	char buf[24], *num;

	if (!v)
		v = var_new("PIPESTATUS");
	sh_G.pipestatus = v;
	if (v->flags & V_READONLY)
		return;
	make_array(v);
	for (int i = 0; i < n; i++) {
		num = fmt_num(buf, st[i]);
		if ((size_t)i >= v->narr || v->arr[i].idx != i || strcmp(v->arr[i].val, num))
			arr_put(v, i, xstrdup(num));
	}
	while (v->narr > (size_t)n)
		free(v->arr[--v->narr].val);
}

/* FUNCNAME: name pushed in front when a function is called, NULL: popped. Only the
 * list of names changes here: the variable is made when looked at (funcname_sync). */
void funcname_update(const char *name)
{
	struct sbuf *b = &sh_G.funcnames;

	if (sh_G.unspecial & SPECIAL_FUNCNAME)
		return;
	if (name) {
		sb_addn(b, name, strlen(name) + 1);
	} else if (b->len) {
		b->len--;
		while (b->len && b->s[b->len - 1])
			b->len--;
	}
	sh_G.funcname_stale = true;
}

/* FUNCNAME=(innermost ... outermost main), or unset outside functions. As in bash,
 * assignments to it do not last. */
static void funcname_sync(void)
{
	struct sbuf *b = &sh_G.funcnames;
	/* as bash: a script's own level is "main", not that of sh -c or a terminal */
	bool bottom = !sh_G.cflag && !sh_G.interactive;
	struct var *v;
	long long i = 0;

	if (!sh_G.funcname_stale)
		return;
	sh_G.funcname_stale = false;
	if (!b->len) {
		var_remove("FUNCNAME");
		return;
	}
	v = var_lookup("FUNCNAME");
	if (!v)
		v = var_new("FUNCNAME");
	make_array(v);
	arr_free(v->arr, v->narr);
	v->arr = NULL;
	v->narr = 0;
	for (size_t end = b->len; end; i++) {
		size_t start = end - 1;
		while (start && b->s[start - 1])
			start--;
		arr_put(v, i, xstrdup(b->s + start));
		end = start;
	}
	if (bottom)
		arr_put(v, i, xstrdup("main"));
}

/* NAME[SUB]: the name (malloced) and the evaluated subscript. */
static char *parse_ref(const char *ref, const char *br, long long *idx)
{
	char *sub = xstrndup(br + 1, strlen(br + 1) - 1);
	*idx = arith_eval(sub);
	free(sub);
	return xstrndup(ref, br - ref);
}

const char *var_get_ref(const char *ref)
{
	const char *br = strchr(ref, '[');
	struct var *v;
	long long idx;
	char *nm;

	if (!ENABLE_FEATURE_SH_ARRAYS || !br)
		return var_get(ref);
	nm = parse_ref(ref, br, &idx);
	v = var_lookup(nm);
	if (v && !array_index(v, &idx)) {
		sh_error("%s: bad array subscript", nm);
		v = NULL;
	}
	free(nm);
	return v ? array_get(v, idx) : NULL;
}

int var_set_ref(const char *ref, const char *val)
{
	const char *br = strchr(ref, '[');
	long long idx;
	char *nm;
	int r;

	if (!ENABLE_FEATURE_SH_ARRAYS || !br)
		return var_set(ref, val, 0);
	nm = parse_ref(ref, br, &idx);
	r = var_set_elem(nm, idx, val, false);
	free(nm);
	return r;
}

static struct var *var_new(const char *name)
{
	unsigned h = hash_name(name);
	struct var *v = xzalloc(sizeof(*v));

	v->name = xstrdup(name);
	v->hash = h;
	v->flags = V_UNSET;
	v->next = sh_G.vars[h % VAR_BUCKETS];
	sh_G.vars[h % VAR_BUCKETS] = v;
	return v;
}

static struct var *set_value(const char *name, const char *value, unsigned flags)
{
	struct var *v = var_lookup(name);

	if (v && (v->flags & V_READONLY) && value) {
		sh_error("%s: is read only", name);
		return NULL;
	}
	if (!v)
		v = var_new(name);
	if (ENABLE_FEATURE_SH_ARRAYS && value && (v->flags & (V_ARRAY | V_INTEGER))) {
		if (v->flags & V_ARRAY) {
			arr_put(v, 0, new_value(v, NULL, value, false));
		} else {
			char *nv = new_value(v, NULL, value, false);
			free(v->value);
			v->value = nv;
			v->flags &= ~V_UNSET;
		}
	} else if (value) {
		char *nv = xstrdup(value);
		free(v->value);
		v->value = nv;
		v->flags &= ~V_UNSET;
		if (SHOPT(OPT_a))
			v->flags |= V_EXPORT;
	}
	v->flags |= flags & (V_EXPORT | V_READONLY | V_INTEGER);
	sh_G.env_stale |= (v->flags & V_EXPORT) != 0;
	return v;
}

const char *var_get(const char *name)
{
	struct var *v;
	unsigned special;

	if (name[0] == 'L' && !strcmp(name, "LINENO")) {
		v = var_lookup(name);
		if (!v || !(v->flags & V_UNSET)) {
			char buf[16];
			snprintf(buf, sizeof(buf), "%d", sh_G.lineno);
			var_set("LINENO", buf, 0);
		}
	} else if ((special = special_var(name))) {
		char buf[24];
		if (special == SPECIAL_SECONDS) {
			snprintf(buf, sizeof(buf), "%lld", monotonic_seconds() - sh_G.seconds_base);
		} else {
			pid_t pid = getpid();
			if (sh_G.random_pid != pid) {	/* a subshell: not its parent's numbers */
				sh_G.random ^= (unsigned long long)pid << 32;
				sh_G.random_pid = pid;
			}
			sh_G.random = sh_G.random * 6364136223846793005ULL + 1442695040888963407ULL;
			snprintf(buf, sizeof(buf), "%u", (unsigned)(sh_G.random >> 33) & 32767);
		}
		set_value(name, buf, 0);
	}
	v = var_lookup(name);
	if (ENABLE_FEATURE_SH_ARRAYS && v && (v->flags & V_ARRAY))
		return array_get(v, 0);
	return v && !(v->flags & V_UNSET) ? v->value : NULL;
}

int var_set(const char *name, const char *value, unsigned flags)
{
	unsigned special;

	if (!set_value(name, value, flags))
		return -1;
	if (value && (special = special_var(name)))
		special_assigned(special, value);
	if (!strcmp(name, "OPTIND"))
		sh_G.getopt_char = 0;
	return 0;
}

int var_set_assignment(const char *assignment, unsigned flags)
{
	const char *eq = strchr(assignment, '=');
	char *name = xstrndup(assignment, eq - assignment);
	int r = var_set(name, eq + 1, flags);
	free(name);
	return r;
}

/* As in bash, FUNCNAME unset is an ordinary variable from then on. */
int var_unset(const char *name)
{
	if (ENABLE_FEATURE_SH_ARRAYS && !strcmp(name, "FUNCNAME")) {
		sh_G.unspecial |= SPECIAL_FUNCNAME;
		sh_G.funcname_stale = false;
		sh_G.funcnames.len = 0;
	}
	return var_remove(name);
}

static int var_remove(const char *name)
{
	struct var **pv = &sh_G.vars[hash_name(name) % VAR_BUCKETS];

	for (; *pv; pv = &(*pv)->next) {
		struct var *v = *pv;
		if (strcmp(v->name, name))
			continue;
		if (v->flags & V_READONLY) {
			sh_error("%s: is read only", name);
			return -1;
		}
		/* a local keeps its slot so that the function's return restores it */
		sh_G.unspecial |= special_var(name);
		*pv = v->next;
		sh_G.env_stale |= (v->flags & V_EXPORT) != 0;
		if (v == sh_G.pipestatus)
			sh_G.pipestatus = NULL;
		free(v->name);
		free(v->value);
		arr_free(v->arr, v->narr);
		free(v);
		return 0;
	}
	sh_G.unspecial |= special_var(name);
	return 0;
}

char **var_environ(void)
{
	size_t n = 0, i = 0;
	char **env;

	if (ENABLE_FEATURE_SH_ARRAYS)
		funcname_sync();

	for (int b = 0; b < VAR_BUCKETS; b++)
		for (struct var *v = sh_G.vars[b]; v; v = v->next)
			n += (v->flags & (V_EXPORT | V_UNSET | V_ARRAY)) == V_EXPORT;
	env = xmalloc((n + 1) * sizeof(*env));
	for (int b = 0; b < VAR_BUCKETS; b++)
		for (struct var *v = sh_G.vars[b]; v; v = v->next)
			if ((v->flags & (V_EXPORT | V_UNSET | V_ARRAY)) == V_EXPORT)
				env[i++] = xasprintf("%s=%s", v->name, v->value);
	env[i] = NULL;
	return env;
}

void vars_import(char **envp)
{
	for (; *envp; envp++) {
		size_t n = assignment_name_len(*envp);
		if (n)
			var_set_assignment(*envp, V_EXPORT);
	}
}

static int cmp_var(const void *a, const void *b)
{
	return strcmp((*(struct var *const *)a)->name, (*(struct var *const *)b)->name);
}

struct var **var_sorted(size_t *np)
{
	size_t n = 0, i = 0;
	struct var **v;

	if (ENABLE_FEATURE_SH_ARRAYS)
		funcname_sync();

	for (int b = 0; b < VAR_BUCKETS; b++)
		for (struct var *p = sh_G.vars[b]; p; p = p->next)
			n++;
	v = xmalloc((n + 1) * sizeof(*v));
	for (int b = 0; b < VAR_BUCKETS; b++)
		for (struct var *p = sh_G.vars[b]; p; p = p->next)
			v[i++] = p;
	qsort(v, n, sizeof(*v), cmp_var);
	*np = n;
	return v;
}

void locals_push(void)
{
	struct local_frame *f = xzalloc(sizeof(*f));
	f->prev = sh_G.locals;
	sh_G.locals = f;
}

bool var_make_local(const char *name)
{
	struct local_frame *f = sh_G.locals;
	struct local_save *s;
	struct var *v;

	for (s = f->saves; s; s = s->next)
		if (!strcmp(s->name, name))
			return false;
	v = var_lookup(name);
	s = xzalloc(sizeof(*s));
	s->name = xstrdup(name);
	if (v) {
		s->existed = true;
		s->flags = v->flags;
		s->value = v->value ? xstrdup(v->value) : NULL;
		if (v->narr) {
			size_t cap = 4;
			while (cap < v->narr)
				cap *= 2;	/* the capacity arr_put assumes */
			s->arr = xmalloc(cap * sizeof(*s->arr));
			s->narr = v->narr;
			for (size_t i = 0; i < v->narr; i++) {
				s->arr[i].idx = v->arr[i].idx;
				s->arr[i].val = xstrdup(v->arr[i].val);
			}
		}
	}
	s->next = f->saves;
	f->saves = s;
	return true;
}

void var_forget_value(const char *name)
{
	struct var *v = var_lookup(name);

	if (!v)
		return;
	sh_G.env_stale |= (v->flags & V_EXPORT) != 0;
	free(v->value);
	v->value = NULL;
	arr_free(v->arr, v->narr);
	v->arr = NULL;
	v->narr = 0;
	v->flags = (v->flags & ~V_ARRAY) | V_UNSET;
}

void locals_pop(void)
{
	struct local_frame *f = sh_G.locals;

	sh_G.locals = f->prev;
	sh_G.env_stale |= f->saves != NULL;
	while (f->saves) {
		struct local_save *s = f->saves;
		struct var *v = var_lookup(s->name);
		f->saves = s->next;
		if (v)
			v->flags &= ~V_READONLY;
		if (!s->existed) {
			var_unset(s->name);
		} else {
			if (!v) {
				var_set(s->name, "", 0);
				v = var_lookup(s->name);
			}
			free(v->value);
			v->value = s->value;
			v->flags = s->flags;
			s->value = NULL;
			arr_free(v->arr, v->narr);
			v->arr = s->arr;
			v->narr = s->narr;
		}
		free(s->name);
		free(s->value);
		free(s);
	}
	free(f);
}

struct func *func_lookup(const char *name)
{
	for (struct func *f = sh_G.funcs; f; f = f->next)
		if (!strcmp(f->name, name))
			return f;
	return NULL;
}

void func_define(const char *name, struct node *body, struct arena *a)
{
	struct func *f = func_lookup(name);

	a->refs++;
	if (f) {
		arena_unref(f->arena);
	} else {
		f = xzalloc(sizeof(*f));
		f->name = xstrdup(name);
		f->next = sh_G.funcs;
		sh_G.funcs = f;
	}
	f->body = body;
	f->arena = a;
}

int func_unset(const char *name)
{
	for (struct func **pf = &sh_G.funcs; *pf; pf = &(*pf)->next) {
		struct func *f = *pf;
		if (strcmp(f->name, name))
			continue;
		*pf = f->next;
		arena_unref(f->arena);
		free(f->name);
		free(f);
		return 0;
	}
	return 1;
}

struct alias *alias_lookup(const char *name)
{
	for (struct alias *a = sh_G.aliases; a; a = a->next)
		if (!strcmp(a->name, name))
			return a;
	return NULL;
}

void alias_set(const char *name, const char *value)
{
	struct alias *a = alias_lookup(name);
	if (!a) {
		a = xzalloc(sizeof(*a));
		a->name = xstrdup(name);
		a->next = sh_G.aliases;
		sh_G.aliases = a;
	} else {
		free(a->value);
	}
	a->value = xstrdup(value);
}

int alias_unset(const char *name)
{
	for (struct alias **pa = &sh_G.aliases; *pa; pa = &(*pa)->next) {
		struct alias *a = *pa;
		if (strcmp(a->name, name))
			continue;
		*pa = a->next;
		free(a->name);
		free(a->value);
		free(a);
		return 0;
	}
	return 1;
}

void free_positional(char **argv, int argc)
{
	for (int i = 0; i < argc; i++)
		free(argv[i]);
	free(argv);
}

void set_positional(char **argv, int argc)
{
	char **v = xmalloc((argc + 1) * sizeof(*v));
	for (int i = 0; i < argc; i++)
		v[i] = xstrdup(argv[i]);
	v[argc] = NULL;
	free_positional(sh_G.pos, sh_G.npos);
	sh_G.pos = v;
	sh_G.npos = argc;
}

/* ---- writing variables back as shell input (declare -p, ${x@A}, ${x@Q}) ---- */

void sb_add_reusable(struct sbuf *b, const char *s, int quote)
{
	static const char ctl_chars[] = "\n\t\r\033\\", ctl_names[] = "ntrE\\";
	bool ctl = false;

	for (const char *p = s; *p; p++)
		ctl |= (unsigned char)*p < ' ' || *p == 0x7f;
	if (ctl) {
		quote = '\'';
		sb_addc(b, '$');
	}
	sb_addc(b, quote);
	for (; *s; s++) {
		const char *e = strchr(ctl_chars, *s);
		char oct[8];

		if (ctl && e) {
			sb_addc(b, '\\');
			sb_addc(b, ctl_names[e - ctl_chars]);
		} else if (ctl && ((unsigned char)*s < ' ' || *s == 0x7f)) {
			snprintf(oct, sizeof(oct), "\\%03o", (unsigned char)*s);
			sb_adds(b, oct);
		} else if (*s == '\'' && quote == '\'') {
			sb_adds(b, ctl ? "\\'" : "'\\''");
		} else {
			if (quote == '"' && strchr("\"\\$`", *s))
				sb_addc(b, '\\');
			sb_addc(b, *s);
		}
	}
	sb_addc(b, quote);
}

size_t var_attributes(const struct var *v, char out[8])
{
	static const unsigned flag[] = { V_ARRAY, V_INTEGER, V_READONLY, V_EXPORT };
	size_t n = 0;

	for (int i = 0; v && i < 4; i++)
		if (v->flags & flag[i])
			out[n++] = "airx"[i];
	out[n] = 0;
	return n;
}

void sb_add_declare(struct sbuf *b, const struct var *v, const char *value)
{
	char attr[8];

	if (var_attributes(v, attr) || !value) {
		sb_adds(b, "declare -");
		sb_adds(b, *attr ? attr : "-");
		sb_addc(b, ' ');
	}
	sb_adds(b, v->name);
	if (value) {
		sb_addc(b, '=');
		sb_add_reusable(b, value, '\'');
	} else if ((v->flags & (V_ARRAY | V_UNSET)) == V_ARRAY) {
		sb_adds(b, "=(");
		for (size_t i = 0; i < v->narr; i++) {
			char idx[32];
			snprintf(idx, sizeof(idx), &" [%lld]="[!i], v->arr[i].idx);
			sb_adds(b, idx);
			sb_add_reusable(b, v->arr[i].val, '"');
		}
		sb_addc(b, ')');
	} else if (!(v->flags & V_UNSET)) {
		sb_addc(b, '=');
		sb_add_reusable(b, v->value, '"');
	}
}
