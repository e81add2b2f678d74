/* conf.c - configuration keys, defaults and the YAML file. */
#include "config.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "date.h"
#include "money.h"
#include "yaml.h"

enum key_type { K_STR, K_CURRENCY, K_INT, K_MONEY, K_MMDD, K_LIST };

static const struct key {
	const char *name;
	enum key_type type;
	size_t off;
	const char *def;	/* list defaults are ';'-separated */
	long min, max;
} keys[] = {
	{ "database", K_STR, offsetof(struct seci_conf, database), NULL, 0,
	    0 },
	{ "group", K_STR, offsetof(struct seci_conf, group), NULL, 0, 0 },
	{ "organisation", K_STR, offsetof(struct seci_conf, organisation),
	    "SECI Center", 0, 0 },
	{ "currency", K_CURRENCY, offsetof(struct seci_conf, currency), "EUR",
	    0, 0 },
	{ "busy_timeout_ms", K_INT, offsetof(struct seci_conf,
	    busy_timeout_ms), "5000", 0, 3600000 },
	{ "transfer_limit_pct", K_INT, offsetof(struct seci_conf,
	    transfer_limit_pct), "10", 0, 100 },
	{ "approval_threshold", K_MONEY, offsetof(struct seci_conf,
	    approval_threshold), "5000.00", 0, 0 },
	{ "arrears_rule_years", K_INT, offsetof(struct seci_conf,
	    arrears_rule_years), "2", 1, 10 },
	{ "contribution_due", K_MMDD, offsetof(struct seci_conf,
	    contribution_due), "03-31", 0, 0 },
	{ "observer_fee", K_MONEY, offsetof(struct seci_conf, observer_fee),
	    "0.00", 0, 0 },
	{ "training_min_hours", K_INT, offsetof(struct seci_conf,
	    training_min_hours), "20", 0, 2000 },
	{ "declaration_due", K_MMDD, offsetof(struct seci_conf,
	    declaration_due), "03-31", 0, 0 },
	{ "gift_threshold", K_MONEY, offsetof(struct seci_conf,
	    gift_threshold), "100.00", 0, 0 },
	{ "disciplinary_measures", K_LIST, offsetof(struct seci_conf,
	    disciplinary_measures), "written censure;loss of steps;"
	    "deferred increment;suspension without pay;fine;demotion;"
	    "separation with notice;dismissal", 0, 0 },
	{ "candidate_retention_months", K_INT, offsetof(struct seci_conf,
	    candidate_retention_months), "24", 0, 600 },
	{ "staff_retention_years", K_INT, offsetof(struct seci_conf,
	    staff_retention_years), "7", 0, 100 },
};
#define NKEYS (sizeof(keys) / sizeof(keys[0]))

static void
free_list(char **list)
{
	size_t i;

	for (i = 0; list != NULL && list[i] != NULL; i++)
		free(list[i]);
	free(list);
}

static char **
split_list(const char *s)
{
	size_t n = 1, i = 0;
	const char *p, *q;
	char **list;

	for (p = s; *p; p++)
		n += *p == ';';
	if ((list = calloc(n + 1, sizeof(char *))) == NULL)
		return NULL;
	for (p = s; ; p = q + 1) {
		q = strchr(p, ';');
		if (q == NULL)
			q = p + strlen(p);
		if ((list[i++] = strndup(p, (size_t)(q - p))) == NULL) {
			free_list(list);
			return NULL;
		}
		if (*q == '\0')
			break;
	}
	return list;
}

/* Check and store one value; value is text (for K_LIST, list is used). */
static int
set_key(struct seci_conf *c, const struct key *k, const char *value,
    const struct seci_yaml *list, const char *where, struct seci_err *err)
{
	void *field = (char *)c + k->off;
	const struct seci_yaml *it;
	seci_money m;
	seci_day day;
	char mmdd[16], *end, **l;
	long v;
	size_t i, n;

	switch (k->type) {
	case K_STR:
		free(*(char **)field);
		*(char **)field = value ? strdup(value) : NULL;
		return 0;
	case K_CURRENCY:
		if (seci_currency_decimals(value) < 0)
			return seci_err_set(err, SECI_EXIT_CONFIG, "%s'%s' must "
			    "be a three-letter currency code such as EUR",
			    where, k->name);
		memcpy(field, value, 4);
		return 0;
	case K_INT:
		errno = 0;
		v = strtol(value, &end, 10);
		if (errno || end == value || *end || v < k->min || v > k->max)
			return seci_err_set(err, SECI_EXIT_CONFIG, "%s'%s' must "
			    "be a whole number from %ld to %ld", where,
			    k->name, k->min, k->max);
		*(long *)field = v;
		return 0;
	case K_MONEY:
		if (seci_money_parse_lenient(value, seci_currency_decimals(
		    c->currency), &m, err) < 0 || m < 0)
			return seci_err_set(err, SECI_EXIT_CONFIG, "%s'%s' must "
			    "be an amount such as 5000.00", where, k->name);
		free(*(char **)field);
		*(char **)field = strdup(value);
		return 0;
	case K_MMDD:
		snprintf(mmdd, sizeof(mmdd), "2000-%.5s", value);
		if (strlen(value) != 5 || seci_date_parse(mmdd, NULL, &day,
		    NULL) < 0)
			return seci_err_set(err, SECI_EXIT_CONFIG, "%s'%s' must "
			    "be a day of the year as MM-DD", where, k->name);
		memcpy(field, value, 6);
		return 0;
	case K_LIST:
		if (list == NULL) {
			l = split_list(value);
		} else {
			for (n = 0, it = list->child; it; it = it->next)
				n++;
			l = calloc(n + 1, sizeof(char *));
			for (i = 0, it = list->child; l && it; it = it->next) {
				if (it->kind != SECI_YAML_SCALAR) {
					free_list(l);
					return seci_err_set(err,
					    SECI_EXIT_CONFIG, "%s'%s' must be "
					    "a list of words", where, k->name);
				}
				l[i++] = strdup(it->value);
			}
		}
		if (l == NULL)
			return seci_err_set(err, SECI_EXIT_SOFTWARE,
			    "out of memory");
		free_list(*(char ***)field);
		*(char ***)field = l;
		return 0;
	}
	return seci_err_set(err, SECI_EXIT_SOFTWARE, "bad key type");
}

static int
apply_file(struct seci_conf *c, FILE *fp, const char *name,
    struct seci_err *err)
{
	struct seci_yaml *root;
	const struct seci_yaml *n;
	char where[300];
	size_t i;
	int rc = 0;

	if ((root = seci_yaml_load(fp, name, SECI_EXIT_CONFIG, err)) == NULL)
		return -1;
	/* currency first: money keys are checked against its decimals */
	for (i = 0; i < 2 && rc == 0; i++) {
		for (n = root->child; n != NULL && rc == 0; n = n->next) {
			const struct key *k = NULL;
			size_t j;

			for (j = 0; j < NKEYS; j++)
				if (strcmp(keys[j].name, n->key) == 0)
					k = &keys[j];
			if (i == 0) {
				if (k == NULL)
					seci_err_report(err, SECI_WARN,
					    "%s:%lu: unknown key '%s'", name,
					    n->key_line, n->key);
				if (k == NULL || k->type != K_CURRENCY)
					continue;
			} else if (k == NULL || k->type == K_CURRENCY) {
				continue;
			}
			snprintf(where, sizeof(where), "%s:%lu: ", name,
			    n->line);
			if (k->type == K_LIST ? n->kind != SECI_YAML_SEQ :
			    n->kind != SECI_YAML_SCALAR)
				rc = seci_err_set(err, SECI_EXIT_CONFIG, "%s'%s' "
				    "must be %s", where, k->name,
				    k->type == K_LIST ? "a list" :
				    "a single value");
			else if (n->plain_null && k->type == K_STR)
				rc = set_key(c, k, NULL, NULL, where, err);
			else
				rc = set_key(c, k, n->value, k->type ==
				    K_LIST ? n : NULL, where, err);
		}
	}
	seci_yaml_free(root);
	return rc;
}

static FILE *
open_conf(const char *path, int must, struct seci_err *err)
{
	FILE *fp = fopen(path, "r");

	if (fp == NULL && (must || errno != ENOENT))
		seci_err_set(err, SECI_EXIT_CONFIG, "cannot read config "
		    "'%s': %s", path, strerror(errno));
	return fp;
}

int
seci_conf_load(struct seci_conf *c, const char *path, struct seci_err *err)
{
	char buf[4096];
	const char *env, *home;
	FILE *fp = NULL;
	size_t i;
	int rc;

	memset(c, 0, sizeof(*c));
	for (i = 0; i < NKEYS; i++)
		if (keys[i].def != NULL &&
		    set_key(c, &keys[i], keys[i].def, NULL, "", err) < 0)
			return -1;
	if (path == NULL && (env = getenv("SECI_CONFIG")) && *env)
		path = env;
	if (path != NULL) {
		if ((fp = open_conf(path, 1, err)) == NULL)
			return -1;
	} else {
		env = getenv("XDG_CONFIG_HOME");
		home = getenv("HOME");
		buf[0] = '\0';
		if (env && *env)
			snprintf(buf, sizeof(buf), "%s/seci/seci.yaml", env);
		else if (home && *home)
			snprintf(buf, sizeof(buf), "%s/.config/seci/seci.yaml",
			    home);
		if (buf[0] && (fp = open_conf(buf, 0, err)) != NULL)
			path = buf;
		else if (err && err->code)
			return -1;
		else if ((fp = open_conf("/etc/seci/seci.yaml", 0, err)))
			path = "/etc/seci/seci.yaml";
		else if (err && err->code)
			return -1;
	}
	if (fp == NULL)
		return 0;
	c->file = strdup(path);
	rc = apply_file(c, fp, path, err);
	fclose(fp);
	return rc;
}

const char *
seci_conf_datadir(void)
{
	const char *env = getenv("SECI_DATADIR");

	return env && *env ? env : SECI_PKGDATADIR;
}

void
seci_conf_release(struct seci_conf *c)
{
	size_t i;

	for (i = 0; i < NKEYS; i++) {
		void *field = (char *)c + keys[i].off;

		if (keys[i].type == K_STR || keys[i].type == K_MONEY)
			free(*(char **)field);
		else if (keys[i].type == K_LIST)
			free_list(*(char ***)field);
	}
	free(c->file);
	memset(c, 0, sizeof(*c));
}
