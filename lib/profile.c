/* profile.c - bank-export profiles: which column means what, and how to
 * read it. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "csv.h"
#include "date.h"
#include "profile.h"
#include "yaml.h"

const char *const seci_profile_expense_keys[SECI_P_NXCOLS] = { "date",
    "line", "payee", "amount", "description", "reference", "commitment" };

static const char *const pcol_keys[SECI_P_NCOLS] = { "date", "value_date",
    "amount", "credit", "debit", "currency", "account", "payer", "reference",
    "bank_id", "rate" };


void
seci_profile_free(struct seci_profile *p)
{
	int i;

	if (p == NULL)
		return;
	for (i = 0; i < SECI_P_NCOLS; i++)
		free(p->col[i]);
	for (i = 0; i < (int)p->nstopwords; i++)
		free(p->stopwords[i]);
	free(p->stopwords);
	for (i = 0; i < (int)p->nignore; i++)
		free(p->ignore[i]);
	free(p->ignore);
	free(p->encoding);
	free(p->stop_at);
	for (i = 0; i < SECI_P_NXCOLS; i++)
		free(p->xcol[i]);
	free(p->name);
	free(p->date_format);
	free(p);
}

static struct seci_profile *
generic_profile(struct seci_err *err)
{
	struct seci_profile *p = calloc(1, sizeof(*p));
	int i;

	if (p == NULL || (p->name = strdup("generic")) == NULL) {
		free(p);
		seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
		return NULL;
	}
	p->delim = ',';
	p->decimal = '.';
	for (i = 0; i < SECI_P_NCOLS; i++)
		if (i != SECI_P_CREDIT && i != SECI_P_DEBIT &&
		    (p->col[i] = strdup(pcol_keys[i])) == NULL) {
			seci_profile_free(p);
			seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
			return NULL;
		}
	return p;
}

/* A list of words into *out (NULL-terminated too); what names it for
 * messages. */
static int
word_list(const struct seci_yaml *n, const char *file, const char *what,
    char ***out, size_t *count, struct seci_err *err)
{
	const struct seci_yaml *w;
	size_t k;

	if (n->kind != SECI_YAML_SEQ)
		return seci_err_set(err, SECI_EXIT_CONFIG, "%s:%lu: '%s' must "
		    "be a list of words", file, n->line, what);
	for (k = 0, w = n->child; w != NULL; w = w->next)
		k++;
	if ((*out = calloc(k + 1, sizeof(char *))) == NULL)
		return seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
	for (w = n->child; w != NULL; w = w->next) {
		if (w->kind != SECI_YAML_SCALAR || *w->value == '\0')
			return seci_err_set(err, SECI_EXIT_CONFIG, "%s:%lu: an "
			    "item of '%s' must be a word", file, w->line, what);
		if (((*out)[(*count)++] = strdup(w->value)) == NULL)
			return seci_err_set(err, SECI_EXIT_SOFTWARE,
			    "out of memory");
	}
	return 1;
}

/* A columns map: keys (n of them) to header names or, as whole numbers,
 * 1-based places. */
static int
column_map(const struct seci_yaml *map, const char *const *keys, int n,
    char **col, unsigned *pos, const char *file, struct seci_err *err)
{
	const struct seci_yaml *c;
	int i;

	for (c = map->child; c != NULL; c = c->next) {
		for (i = 0; i < n; i++)
			if (strcmp(c->key, keys[i]) == 0)
				break;
		if (i == n)
			return seci_err_set(err, SECI_EXIT_CONFIG, "%s:%lu: "
			    "unknown column key '%s'", file, c->key_line,
			    c->key);
		free(col[i]);
		col[i] = c->kind == SECI_YAML_SCALAR && !c->plain_null ?
		    strdup(c->value) : NULL;
		/* A whole number is the column's place. */
		if (col[i] && strspn(col[i], "0123456789") == strlen(col[i])) {
			if (strlen(col[i]) > 4 || atoi(col[i]) < 1 ||
			    atoi(col[i]) > SECI_CSV_MAX_COLUMNS)
				return seci_err_set(err, SECI_EXIT_CONFIG,
				    "%s:%lu: columns are numbered from 1 to "
				    "%d", file, c->line, SECI_CSV_MAX_COLUMNS);
			pos[i] = (unsigned)atoi(col[i]);
		} else {
			pos[i] = 0;
		}
	}
	return 0;
}

/* encoding, stop_at, skip_footer, ignore: 1 when n is one of them
 * (read), 0 when not, -1 when bad. */
static int
file_keys(struct seci_profile *p, const struct seci_yaml *n,
    const char *file, struct seci_err *err)
{
	const char *v = n->kind == SECI_YAML_SCALAR ? n->value : NULL;
	char *end;
	long k;

	if (strcmp(n->key, "ignore") == 0)
		return word_list(n, file, "ignore", &p->ignore, &p->nignore,
		    err);
	if (strcmp(n->key, "skip_footer") == 0) {
		k = v ? strtol(v, &end, 10) : -1;
		if (v == NULL || *end || end == v || k < 0 || k > 1000)
			return seci_err_set(err, SECI_EXIT_CONFIG, "%s:%lu: "
			    "'skip_footer' must be a number of rows", file,
			    n->line);
		p->skip_footer = (unsigned)k;
		return 1;
	}
	if (strcmp(n->key, "encoding") != 0 && strcmp(n->key, "stop_at") != 0)
		return 0;
	if (v == NULL || *v == '\0')
		return seci_err_set(err, SECI_EXIT_CONFIG, "%s:%lu: '%s' must "
		    "be text", file, n->line, n->key);
	if (n->key[0] == 'e') {
		free(p->encoding);
		p->encoding = strdup(v);
	} else {
		free(p->stop_at);
		p->stop_at = strdup(v);
	}
	return 1;
}

/* match_code and code_stopwords: 1 when n is one of them (read), 0 when
 * not, -1 when bad. */
static int
match_keys(struct seci_profile *p, const struct seci_yaml *n,
    const char *file, struct seci_err *err)
{
	if (strcmp(n->key, "match_code") == 0) {
		if (n->kind != SECI_YAML_SCALAR || (strcmp(n->value, "true") != 0
		    && strcmp(n->value, "false") != 0))
			return seci_err_set(err, SECI_EXIT_CONFIG, "%s:%lu: "
			    "'match_code' must be true or false", file, n->line);
		p->no_code_match = strcmp(n->value, "false") == 0;
		return 1;
	}
	if (strcmp(n->key, "code_stopwords") != 0)
		return 0;
	return word_list(n, file, "code_stopwords", &p->stopwords,
	    &p->nstopwords, err);
}

static int
profile_from_yaml(struct seci_profile *p, const struct seci_yaml *root,
    const char *file, int for_expense, struct seci_err *err)
{
	const struct seci_yaml *n;
	int i;

	for (n = root->child; n != NULL; n = n->next) {
		const char *v = n->kind == SECI_YAML_SCALAR ? n->value : NULL;

		if ((i = match_keys(p, n, file, err)) != 0 ||
		    (i = file_keys(p, n, file, err)) != 0) {
			if (i < 0)
				return -1;
		} else if (strcmp(n->key, "name") == 0 && v) {
			free(p->name);
			p->name = strdup(v);
		} else if (strcmp(n->key, "delimiter") == 0 && v &&
		    strlen(v) == 1 && v[0] != '"' && v[0] != '\n' &&
		    v[0] != '\r') {
			p->delim = (unsigned char)v[0];
		} else if (strcmp(n->key, "delimiter") == 0 && v &&
		    strcmp(v, "tab") == 0) {
			p->delim = '\t';
		} else if (strcmp(n->key, "skip") == 0 && v) {
			char *end;
			long s = strtol(v, &end, 10);

			if (*end || s < 0 || s > 1000)
				return seci_err_set(err, SECI_EXIT_CONFIG,
				    "%s:%lu: 'skip' must be a number of lines",
				    file, n->line);
			p->skip = (unsigned)s;
		} else if (strcmp(n->key, "date_format") == 0 && v) {
			free(p->date_format);
			p->date_format = strdup(v);
			if (!seci_date_format_valid(v))
				return seci_err_set(err, SECI_EXIT_CONFIG,
				    "%s:%lu: date_format '%s' needs one each of "
				    "%%Y (or %%y), %%m and %%d, and nothing "
				    "else", file, n->line, v);
		} else if (strcmp(n->key, "decimal") == 0 && v &&
		    (strcmp(v, ".") == 0 || strcmp(v, ",") == 0)) {
			p->decimal = v[0];
		} else if (strcmp(n->key, "sign") == 0 && v &&
		    (strcmp(v, "incoming-positive") == 0 ||
		    strcmp(v, "incoming-negative") == 0)) {
			p->negate = strcmp(v, "incoming-negative") == 0;
		} else if (strcmp(n->key, "columns") == 0 &&
		    n->kind == SECI_YAML_MAP) {
			for (i = 0; i < SECI_P_NCOLS; i++) {
				free(p->col[i]);
				p->col[i] = NULL;
			}
			if (column_map(n, pcol_keys, SECI_P_NCOLS, p->col,
			    p->pos, file, err) < 0)
				return -1;
		} else if (strcmp(n->key, "expense_columns") == 0 &&
		    n->kind == SECI_YAML_MAP) {
			if (column_map(n, seci_profile_expense_keys,
			    SECI_P_NXCOLS, p->xcol, p->xpos, file, err) < 0)
				return -1;
		} else if (strcmp(n->key, "decimal") == 0) {
			return seci_err_set(err, SECI_EXIT_CONFIG, "%s:%lu: "
			    "'decimal' must be \".\" or \",\"", file, n->line);
		} else if (strcmp(n->key, "sign") == 0) {
			return seci_err_set(err, SECI_EXIT_CONFIG, "%s:%lu: "
			    "'sign' must be incoming-positive or "
			    "incoming-negative", file, n->line);
		} else {
			return seci_err_set(err, SECI_EXIT_CONFIG, "%s:%lu: "
			    "bad or unknown key '%s'", file, n->key_line ?
			    n->key_line : n->line, n->key);
		}
	}
	if (!for_expense && (p->col[SECI_P_DATE] == NULL ||
	    (p->col[SECI_P_AMOUNT] == NULL && p->col[SECI_P_CREDIT] == NULL)))
		return seci_err_set(err, SECI_EXIT_CONFIG, "%s: a profile names "
		    "the date column and the amount (or credit) column", file);
	return 0;
}

static struct seci_profile *
load(const char *name, int for_expense, struct seci_err *err)
{
	struct seci_profile *p;
	struct seci_yaml *root;
	char path[4096];
	const char *env, *home;
	FILE *fp = NULL;
	size_t n = strlen(name);

	if (strcmp(name, "generic") == 0)
		return generic_profile(err);
	if (strchr(name, '/') || (n > 5 && strcmp(name + n - 5, ".yaml") == 0)) {
		snprintf(path, sizeof(path), "%s", name);
		fp = fopen(path, "r");
	} else {
		env = getenv("XDG_CONFIG_HOME");
		home = getenv("HOME");
		if (env && *env)
			snprintf(path, sizeof(path), "%s/seci/profiles/%s.yaml",
			    env, name);
		else
			snprintf(path, sizeof(path), "%s/.config/seci/profiles/"
			    "%s.yaml", home ? home : "", name);
		if ((fp = fopen(path, "r")) == NULL) {
			snprintf(path, sizeof(path), "/etc/seci/profiles/%s.yaml",
			    name);
			fp = fopen(path, "r");
		}
		if (fp == NULL) {
			snprintf(path, sizeof(path), "%s/profiles/%s.yaml",
			    seci_conf_datadir(), name);
			fp = fopen(path, "r");
		}
	}
	if (fp == NULL) {
		seci_err_set(err, SECI_EXIT_CONFIG, "no bank profile '%s' "
		    "(looked for %s)", name, path);
		return NULL;
	}
	root = seci_yaml_load(fp, path, SECI_EXIT_CONFIG, err);
	fclose(fp);
	if (root == NULL)
		return NULL;
	if ((p = calloc(1, sizeof(*p))) == NULL) {
		seci_yaml_free(root);
		seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
		return NULL;
	}
	p->name = strdup(name);
	p->delim = ',';
	p->decimal = '.';
	p->all_required = 1;
	if (profile_from_yaml(p, root, path, for_expense, err) < 0) {
		seci_profile_free(p);
		p = NULL;
	}
	seci_yaml_free(root);
	return p;
}

struct seci_profile *
seci_profile_load(const char *name, struct seci_err *err)
{
	return load(name, 0, err);
}

struct seci_profile *
seci_profile_load_expense(const char *name, struct seci_err *err)
{
	return load(name, 1, err);
}
