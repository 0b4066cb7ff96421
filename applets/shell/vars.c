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
	return h % VAR_BUCKETS;
}

struct var *var_lookup(const char *name)
{
	for (struct var *v = sh_G.vars[hash_name(name)]; v; v = v->next)
		if (!strcmp(v->name, name))
			return v;
	return NULL;
}

enum { SPECIAL_RANDOM = 1, SPECIAL_SECONDS = 2 };

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

static struct var *set_value(const char *name, const char *value, unsigned flags)
{
	struct var *v = var_lookup(name);

	if (v && (v->flags & V_READONLY) && value) {
		sh_error("%s: is read only", name);
		return NULL;
	}
	if (!v) {
		unsigned h = hash_name(name);
		v = xzalloc(sizeof(*v));
		v->name = xstrdup(name);
		v->flags = V_UNSET;
		v->next = sh_G.vars[h];
		sh_G.vars[h] = v;
	}
	if (value) {
		char *nv = xstrdup(value);
		free(v->value);
		v->value = nv;
		v->flags &= ~V_UNSET;
		if (SHOPT(OPT_a))
			v->flags |= V_EXPORT;
	}
	v->flags |= flags & (V_EXPORT | V_READONLY);
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

int var_unset(const char *name)
{
	struct var **pv = &sh_G.vars[hash_name(name)];

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
		free(v->name);
		free(v->value);
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

	for (int b = 0; b < VAR_BUCKETS; b++)
		for (struct var *v = sh_G.vars[b]; v; v = v->next)
			n += (v->flags & V_EXPORT) && !(v->flags & V_UNSET);
	env = xmalloc((n + 1) * sizeof(*env));
	for (int b = 0; b < VAR_BUCKETS; b++)
		for (struct var *v = sh_G.vars[b]; v; v = v->next)
			if ((v->flags & V_EXPORT) && !(v->flags & V_UNSET))
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

void var_make_local(const char *name)
{
	struct local_frame *f = sh_G.locals;
	struct local_save *s;
	struct var *v;

	for (s = f->saves; s; s = s->next)
		if (!strcmp(s->name, name))
			return;
	v = var_lookup(name);
	s = xzalloc(sizeof(*s));
	s->name = xstrdup(name);
	if (v) {
		s->existed = true;
		s->flags = v->flags;
		s->value = v->value ? xstrdup(v->value) : NULL;
	}
	s->next = f->saves;
	f->saves = s;
}

void locals_pop(void)
{
	struct local_frame *f = sh_G.locals;

	sh_G.locals = f->prev;
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
