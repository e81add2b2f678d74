/*
 * plandoc.c - the Action Plan document: read from YAML and checked whole
 * (every problem named with its line and activity, nothing written on
 * any), written into the working copy; and written back as YAML so a
 * plan round-trips.
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "budget.h"
#include "clock.h"
#include "plan.h"
#include "seci_priv.h"
#include "year.h"
#include "yaml.h"

struct checker {
	struct seci_db *db;
	const char *file;
	int year;
	struct seci_err *err;
	unsigned bad;
	/* The codes met so far: objectives and activities. */
	char **codes;
	size_t ncodes, capcodes;
};

static void bad(struct checker *c, unsigned long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
bad(struct checker *c, unsigned long line, const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	seci_err_report(c->err, SECI_ERROR, "%s:%lu: %s", c->file, line, msg);
	c->bad++;
}

static const char *
scalar(const struct seci_yaml *map, const char *key)
{
	const struct seci_yaml *n = seci_yaml_get(map, key);

	if (n == NULL || n->kind != SECI_YAML_SCALAR || n->plain_null)
		return NULL;
	return n->value;
}

/* Every key of map is one of keys; what names the mapping. */
static void
known(struct checker *c, const struct seci_yaml *map,
    const char *const *keys, const char *what)
{
	const struct seci_yaml *k;
	size_t i;

	for (k = map->child; k != NULL; k = k->next) {
		for (i = 0; keys[i] && strcmp(keys[i], k->key) != 0; i++)
			;
		if (keys[i] == NULL)
			bad(c, k->key_line, "%s: unknown key '%s'", what, k->key);
	}
}

/* A text value: a scalar, when there, without control characters. */
static int
text_ok(struct checker *c, const struct seci_yaml *map, const char *key,
    const char *code)
{
	const struct seci_yaml *n = seci_yaml_get(map, key);
	const unsigned char *p;

	if (n == NULL || n->plain_null)
		return 1;
	if (n->kind != SECI_YAML_SCALAR) {
		bad(c, n->line, "%s: %s must be text", code, key);
		return 0;
	}
	for (p = (const unsigned char *)n->value; *p; p++)
		if (*p < 0x20 || *p == 0x7f) {
			bad(c, n->line, "%s: %s holds a control character",
			    code, key);
			return 0;
		}
	return 1;
}

/* A code not met before in the document. */
static void
unique(struct checker *c, const char *code, unsigned long line,
    const char *what)
{
	size_t i;

	for (i = 0; i < c->ncodes; i++)
		if (strcmp(c->codes[i], code) == 0) {
			bad(c, line, "%s code '%s' appears twice", what, code);
			return;
		}
	if (seci_grow(&c->codes, &c->capcodes, c->ncodes,
	    sizeof(*c->codes)) == 0 && (c->codes[c->ncodes] =
	    strdup(code)) != NULL)
		c->ncodes++;
}

/* A date of the plan's year, or 0 (reported). */
static seci_day
plan_date(struct checker *c, const struct seci_yaml *a, const char *key,
    const char *code)
{
	struct seci_err e = SECI_ERR_INIT;
	const char *v = scalar(a, key);
	seci_day d;

	if (v == NULL) {
		bad(c, a->line, "activity %s: no %s date", code, key);
		return 0;
	}
	if (seci_date_parse(v, NULL, &d, &e) < 0) {
		bad(c, seci_yaml_get(a, key)->line, "activity %s: %s", code,
		    e.msg);
		return 0;
	}
	if (seci_year_of(d) != c->year) {
		bad(c, seci_yaml_get(a, key)->line, "activity %s: %s %s is "
		    "outside the plan's year %d", code, key, v, c->year);
		return 0;
	}
	return d;
}

static void
check_indicators(struct checker *c, const struct seci_yaml *list,
    const char *code)
{
	static const char *const keys[] = { "name", "baseline", "target",
	    "unit", NULL };
	const struct seci_yaml *i, *j;

	if (list == NULL || list->plain_null)
		return;
	if (list->kind != SECI_YAML_SEQ) {
		bad(c, list->line, "activity %s: indicators must be a list",
		    code);
		return;
	}
	for (i = list->child; i != NULL; i = i->next) {
		if (i->kind != SECI_YAML_MAP) {
			bad(c, i->line, "activity %s: an indicator is a mapping "
			    "of name, baseline, target, unit", code);
			continue;
		}
		known(c, i, keys, "indicator");
		text_ok(c, i, "name", code);
		text_ok(c, i, "baseline", code);
		text_ok(c, i, "target", code);
		text_ok(c, i, "unit", code);
		if (scalar(i, "name") == NULL || *scalar(i, "name") == '\0' ||
		    scalar(i, "target") == NULL)
			bad(c, i->line, "activity %s: an indicator needs a name "
			    "and a target", code);
		for (j = list->child; j != i && scalar(i, "name"); j = j->next)
			if (scalar(j, "name") && strcmp(scalar(j, "name"),
			    scalar(i, "name")) == 0) {
				bad(c, i->line, "activity %s: indicator '%s' "
				    "appears twice", code, scalar(i, "name"));
				break;
			}
	}
}

static void
check_activity(struct checker *c, const struct seci_yaml *a)
{
	static const char *const keys[] = { "code", "title", "description",
	    "owner", "start", "end", "budget_line", "cost", "partners",
	    "indicators", NULL };
	struct seci_err e = SECI_ERR_INIT;
	const struct seci_yaml *p, *q;
	const char *code = scalar(a, "code"), *v;
	struct seci_line line;
	seci_money cost;
	seci_day s, t;
	size_t k;

	if (a->kind != SECI_YAML_MAP) {
		bad(c, a->line, "an activity is a mapping");
		return;
	}
	known(c, a, keys, code ? code : "activity");
	for (k = 0; keys[k] && k < 8; k++)
		text_ok(c, a, keys[k], code ? code : "activity");
	if (code == NULL || *code == '\0' || strlen(code) > 32) {
		bad(c, a->line, "an activity needs a code of 1 to 32 "
		    "characters");
		code = "?";
	} else {
		unique(c, code, a->line, "activity");
	}
	if (scalar(a, "title") == NULL)
		bad(c, a->line, "activity %s: no title", code);
	if (scalar(a, "owner") == NULL)
		bad(c, a->line, "activity %s: no owner", code);
	s = plan_date(c, a, "start", code);
	t = plan_date(c, a, "end", code);
	if (s && t && t < s)
		bad(c, seci_yaml_get(a, "end")->line, "activity %s: it ends "
		    "before it starts", code);
	if ((v = scalar(a, "budget_line")) == NULL)
		bad(c, a->line, "activity %s: no budget_line", code);
	else if (seci_budget_line(c->db, c->year, v, &line, &e) < 0)
		bad(c, seci_yaml_get(a, "budget_line")->line, "activity %s: "
		    "unknown budget line '%s' in %d", code, v, c->year);
	if ((v = scalar(a, "cost")) == NULL)
		bad(c, a->line, "activity %s: no cost", code);
	else if (seci_money_parse(v, c->db->decimals, '.', &cost, &e) < 0)
		bad(c, seci_yaml_get(a, "cost")->line, "activity %s: cost "
		    "'%s' is not an amount: %s", code, v, e.msg);
	else if (cost < 0)
		bad(c, seci_yaml_get(a, "cost")->line, "activity %s: a "
		    "negative cost", code);
	p = seci_yaml_get(a, "partners");
	if (p && !p->plain_null && p->kind != SECI_YAML_SEQ)
		bad(c, p->line, "activity %s: partners must be a list", code);
	for (q = p && p->kind == SECI_YAML_SEQ ? p->child : NULL; q;
	    q = q->next)
		if (q->kind != SECI_YAML_SCALAR || *q->value == '\0')
			bad(c, q->line, "activity %s: a partner is a name", code);
	check_indicators(c, seci_yaml_get(a, "indicators"), code);
}

/* The whole document, checked; 0 when good. */
static int
check(struct checker *c, const struct seci_yaml *root)
{
	static const char *const top[] = { "year", "objectives", NULL };
	static const char *const okeys[] = { "code", "title", "activities",
	    NULL };
	const struct seci_yaml *objs, *o, *acts, *a;
	const char *code;

	known(c, root, top, "plan");
	objs = seci_yaml_get(root, "objectives");
	if (objs == NULL || objs->kind != SECI_YAML_SEQ) {
		bad(c, root->line, "the plan needs a list of objectives");
		return -1;
	}
	for (o = objs->child; o != NULL; o = o->next) {
		if (o->kind != SECI_YAML_MAP) {
			bad(c, o->line, "an objective is a mapping");
			continue;
		}
		known(c, o, okeys, "objective");
		text_ok(c, o, "code", "objective");
		text_ok(c, o, "title", "objective");
		if ((code = scalar(o, "code")) == NULL || *code == '\0' ||
		    strlen(code) > 32)
			bad(c, o->line, "an objective needs a code of 1 to 32 "
			    "characters");
		else
			unique(c, code, o->line, "objective");
		if (scalar(o, "title") == NULL)
			bad(c, o->line, "objective %s: no title", code ? code :
			    "?");
		acts = seci_yaml_get(o, "activities");
		if (acts == NULL || acts->plain_null)
			continue;
		if (acts->kind != SECI_YAML_SEQ) {
			bad(c, acts->line, "activities must be a list");
			continue;
		}
		for (a = acts->child; a != NULL; a = a->next)
			check_activity(c, a);
	}
	return c->bad ? -1 : 0;
}

/* ---- writing ----------------------------------------------------------- */

static int
clear_plan(struct seci_db *db, int year, struct seci_err *err)
{
	static const char *const sql[] = {
		"DELETE FROM plan_partner WHERE activity IN (SELECT id FROM "
		    "plan_activity WHERE year = ?)",
		"DELETE FROM plan_indicator WHERE activity IN (SELECT id FROM "
		    "plan_activity WHERE year = ?)",
		"DELETE FROM plan_activity WHERE year = ?",
		"DELETE FROM plan_objective WHERE year = ?",
	};
	sqlite3_stmt *st;
	size_t i;

	for (i = 0; i < sizeof(sql) / sizeof(sql[0]); i++) {
		if ((st = seci_db_stmt(db, sql[i], err)) == NULL)
			return -1;
		sqlite3_bind_int(st, 1, year);
		if (seci_db_exec_stmt(db, st, err) < 0)
			return -1;
	}
	return 0;
}

static int
write_lists(struct seci_db *db, int64_t id, const struct seci_yaml *a,
    struct seci_err *err)
{
	const struct seci_yaml *n, *p = seci_yaml_get(a, "partners");
	sqlite3_stmt *st;
	int seq = 0;

	for (n = p && p->kind == SECI_YAML_SEQ ? p->child : NULL; n;
	    n = n->next) {
		if (n->kind != SECI_YAML_SCALAR || n->plain_null)
			continue;
		st = seci_db_stmt(db, "INSERT INTO plan_partner (activity, name, "
		    "seq) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", err);
		if (st == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, id);
		seci_db_bind_text(st, 2, n->value);
		sqlite3_bind_int(st, 3, ++seq);
		if (seci_db_exec_stmt(db, st, err) < 0)
			return -1;
	}
	p = seci_yaml_get(a, "indicators");
	for (n = p && p->kind == SECI_YAML_SEQ ? p->child : NULL; n;
	    n = n->next) {
		st = seci_db_stmt(db, "INSERT INTO plan_indicator (activity, "
		    "name, baseline, target, unit, seq) VALUES (?, ?, ?, ?, ?, ?)",
		    err);
		if (st == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, id);
		seci_db_bind_text(st, 2, scalar(n, "name"));
		seci_db_bind_text(st, 3, scalar(n, "baseline"));
		seci_db_bind_text(st, 4, scalar(n, "target"));
		seci_db_bind_text(st, 5, scalar(n, "unit"));
		sqlite3_bind_int(st, 6, ++seq);
		if (seci_db_exec_stmt(db, st, err) < 0)
			return seci_err_prefix(err, SECI_EXIT_DATA, "activity %s",
			    scalar(a, "code"));
	}
	return 0;
}

static int
write_activity(struct seci_db *db, int year, const char *objective,
    const struct seci_yaml *a, int seq, struct seci_err *err)
{
	struct seci_err ignore = SECI_ERR_INIT;
	sqlite3_stmt *st;
	seci_money cost = 0;

	seci_money_parse(scalar(a, "cost"), db->decimals, '.', &cost, &ignore);
	st = seci_db_stmt(db, "INSERT INTO plan_activity (year, objective, "
	    "code, title, description, owner, start, end, budget_line, cost, "
	    "seq) VALUES (?, ?, ?, ?, coalesce(?, ''), ?, ?, ?, ?, ?, ?)", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	seci_db_bind_text(st, 2, objective);
	seci_db_bind_text(st, 3, scalar(a, "code"));
	seci_db_bind_text(st, 4, scalar(a, "title"));
	seci_db_bind_text(st, 5, scalar(a, "description"));
	seci_db_bind_text(st, 6, scalar(a, "owner"));
	seci_db_bind_text(st, 7, scalar(a, "start"));
	seci_db_bind_text(st, 8, scalar(a, "end"));
	seci_db_bind_text(st, 9, scalar(a, "budget_line"));
	sqlite3_bind_int64(st, 10, cost);
	sqlite3_bind_int(st, 11, seq);
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	(void)ignore;
	return write_lists(db, sqlite3_last_insert_rowid(db->h), a, err);
}

static int
write_plan(struct seci_db *db, int year, const struct seci_yaml *root,
    struct seci_err *err)
{
	const struct seci_yaml *o, *a, *acts;
	char now[SECI_TIME_BUFSZ];
	sqlite3_stmt *st;
	int oseq = 0, aseq = 0;

	st = seci_db_stmt(db, "INSERT INTO plan (year, status, loaded) VALUES "
	    "(?1, 'draft', ?2) ON CONFLICT (year) DO UPDATE SET status = "
	    "'draft', loaded = ?2", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	seci_db_bind_text(st, 2, seci_clock_now(now));
	if (seci_db_exec_stmt(db, st, err) < 0 || clear_plan(db, year, err) < 0)
		return -1;
	o = seci_yaml_get(root, "objectives")->child;
	for (; o != NULL; o = o->next) {
		st = seci_db_stmt(db, "INSERT INTO plan_objective (year, code, "
		    "title, seq) VALUES (?, ?, ?, ?)", err);
		if (st == NULL)
			return -1;
		sqlite3_bind_int(st, 1, year);
		seci_db_bind_text(st, 2, scalar(o, "code"));
		seci_db_bind_text(st, 3, scalar(o, "title"));
		sqlite3_bind_int(st, 4, ++oseq);
		if (seci_db_exec_stmt(db, st, err) < 0)
			return -1;
		acts = seci_yaml_get(o, "activities");
		for (a = acts && acts->kind == SECI_YAML_SEQ ? acts->child :
		    NULL; a != NULL; a = a->next)
			if (write_activity(db, year, scalar(o, "code"), a,
			    ++aseq, err) < 0)
				return -1;
	}
	return 0;
}

int
seci_plan_load(struct seci_db *db, FILE *fp, const char *name, int year,
    int year_given, int *loaded_year, struct seci_err *err)
{
	struct seci_audit_change c;
	struct checker ck;
	struct seci_yaml *root;
	const char *y;
	char key[16];
	size_t i;
	int rc = -1;

	if ((root = seci_yaml_load(fp, name, SECI_EXIT_DATA, err)) == NULL)
		return -1;
	memset(&ck, 0, sizeof(ck));
	ck.db = db;
	ck.file = name;
	ck.err = err;
	ck.year = year;
	if (seci_yaml_get(root, "year") != NULL && seci_yaml_get(root,
	    "year")->kind != SECI_YAML_SCALAR)
		bad(&ck, seci_yaml_get(root, "year")->line, "year must be a "
		    "number");
	if ((y = scalar(root, "year")) != NULL) {
		char *end;
		long v = strtol(y, &end, 10);

		if (*end || v < 1900 || v > 9999)
			bad(&ck, seci_yaml_get(root, "year")->line, "bad year "
			    "'%s'", y);
		else if (year_given && v != year)
			bad(&ck, seci_yaml_get(root, "year")->line, "the plan is "
			    "for %ld, not --year %d", v, year);
		ck.year = (int)v;
	}
	if (ck.bad) {
		seci_err_set(err, SECI_EXIT_DATA, "%s: the plan's year; nothing "
		    "written", name);
		goto out;
	}
	if (seci_budget_need(db, ck.year, err) < 0 ||
	    seci_plan_editable(db, ck.year, 1, err) < 0)
		goto out;
	if (check(&ck, root) < 0) {
		seci_err_set(err, SECI_EXIT_DATA, "%s: %u problem%s; nothing "
		    "written", name, ck.bad, ck.bad == 1 ? "" : "s");
		goto out;
	}
	snprintf(key, sizeof(key), "%d", ck.year);
	if (seci_audit_begin_json(db, &c, "plan", key, seci_plan_json,
	    err) < 0)
		goto out;
	if (write_plan(db, ck.year, root, err) < 0) {
		seci_audit_cancel(&c);
		goto out;
	}
	rc = seci_audit_end(db, &c, err);
	*loaded_year = ck.year;
out:
	for (i = 0; i < ck.ncodes; i++)
		free(ck.codes[i]);
	free(ck.codes);
	seci_yaml_free(root);
	return rc;
}

/* ---- export ------------------------------------------------------------ */

/* A YAML double-quoted scalar. */
static void
yq(FILE *fp, const char *s)
{
	putc('"', fp);
	for (; s && *s; s++) {
		if (*s == '"' || *s == '\\')
			fprintf(fp, "\\%c", *s);
		else if (*s == '\n')
			fputs("\\n", fp);
		else if ((unsigned char)*s < 0x20)
			fprintf(fp, "\\x%02x", (unsigned char)*s);
		else
			putc(*s, fp);
	}
	putc('"', fp);
}

struct exporter {
	FILE *fp;
	char objective[64];
};

/* The lists of activity id: partners, then indicators. */
static int
export_lists(struct seci_db *db, FILE *fp, int64_t id, struct seci_err *err)
{
	sqlite3_stmt *st;
	int rc, first = 1;

	st = seci_db_stmt(db, "SELECT 0, name, NULL, NULL, NULL, seq FROM "
	    "plan_partner WHERE activity = ?1 UNION ALL SELECT 1, name, "
	    "baseline, target, unit, seq FROM plan_indicator WHERE activity = "
	    "?1 ORDER BY 1, 6", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int ind = sqlite3_column_int(st, 0);

		/* Each list's key once, before its first item. */
		if ((!ind && first == 1) || (ind && first != 2)) {
			fprintf(fp, "        %s:\n", ind ? "indicators" :
			    "partners");
			first = ind ? 2 : 0;
		}
		fputs("          - ", fp);
		if (!ind) {
			yq(fp, (const char *)sqlite3_column_text(st, 1));
			putc('\n', fp);
			continue;
		}
		fputs("name: ", fp);
		yq(fp, (const char *)sqlite3_column_text(st, 1));
		if (sqlite3_column_type(st, 2) != SQLITE_NULL) {
			fputs("\n            baseline: ", fp);
			yq(fp, (const char *)sqlite3_column_text(st, 2));
		}
		fputs("\n            target: ", fp);
		yq(fp, (const char *)sqlite3_column_text(st, 3));
		if (sqlite3_column_type(st, 4) != SQLITE_NULL) {
			fputs("\n            unit: ", fp);
			yq(fp, (const char *)sqlite3_column_text(st, 4));
		}
		putc('\n', fp);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : seci_db_fail(db, rc, "plan", err);
}

int
seci_plan_export(struct seci_db *db, int year, FILE *fp, struct seci_err *err)
{
	static const char *const keys[] = { "code", "title", "description",
	    "owner", "start", "end", "budget_line", "cost" };
	char status[16];
	sqlite3_stmt *st;
	int rc, i;

	if (seci_plan_state(db, year, status, sizeof(status), NULL, NULL,
	    err) < 0)
		return -1;
	if (status[0] == '\0')
		return seci_err_set(err, SECI_EXIT_DATA, "no plan for %d", year);
	fprintf(fp, "# The %d Action Plan, as seci-plan load reads it.\n"
	    "year: %d\nobjectives:\n", year, year);
	/* Every objective, with its activities (an objective without any
	 * comes once, with no activity). */
	st = seci_db_stmt(db, "SELECT o.code, o.title, a.code, a.title, "
	    "a.description, a.owner, a.start, a.end, a.budget_line, "
	    "seci_amount(a.cost, ?2), a.id FROM plan_objective o LEFT JOIN "
	    "plan_activity a ON a.year = o.year AND a.objective = o.code WHERE "
	    "o.year = ?1 ORDER BY o.seq, a.seq", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	seci_db_bind_text(st, 2, db->currency);
	{
		char last[64] = "";

		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			const char *o = (const char *)sqlite3_column_text(st, 0);

			if (strcmp(o, last) != 0) {
				snprintf(last, sizeof(last), "%s", o);
				fputs("  - code: ", fp);
				yq(fp, o);
				fputs("\n    title: ", fp);
				yq(fp, (const char *)sqlite3_column_text(st, 1));
				fputs("\n    activities:\n", fp);
			}
			if (sqlite3_column_type(st, 2) == SQLITE_NULL)
				continue;
			for (i = 0; i < 8; i++) {
				fprintf(fp, "%s%s: ", i ? "        " :
				    "      - ", keys[i]);
				yq(fp, (const char *)sqlite3_column_text(st,
				    2 + i));
				putc('\n', fp);
			}
			if (export_lists(db, fp, sqlite3_column_int64(st, 10),
			    err) < 0) {
				sqlite3_reset(st);
				return -1;
			}
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : seci_db_fail(db, rc, "plan", err);
}
