/*
 * planflow.c - the Action Plan through the JCC: submitted as numbered
 * versions with the proposal document, approved or returned, revised;
 * what changed between versions.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "admin.h"
#include "audit.h"
#include "budget.h"
#include "clock.h"
#include "plan.h"
#include "seci_priv.h"
#include "year.h"

/* The move of the year's plan from its state to `to`, audited: a
 * change of the plan row. */
static int
plan_move(struct seci_db *db, int year, const char *to,
    struct seci_audit_change *c, char *from, size_t size, int *version,
    int *approved, struct seci_err *err)
{
	char key[16], id[16];

	if (seci_plan_state(db, year, from, size, version, approved, err) < 0 ||
	    seci_year_writable(db, year, err) < 0)
		return -1;
	if (from[0] == '\0')
		return seci_err_set(err, SECI_EXIT_DATA, "no plan for %d", year);
	snprintf(id, sizeof(id), "%d", year);
	if (seci_workflow_check(&seci_plan_workflow, id, from, to, 0, err) < 0)
		return -1;
	snprintf(key, sizeof(key), "%d", year);
	return seci_audit_begin(db, c, "plan", "year", key, err);
}

static int
set_status(struct seci_db *db, int year, const char *status, int version,
    int approved, struct seci_err *err)
{
	sqlite3_stmt *st;

	st = seci_db_stmt(db, "UPDATE plan SET status = ?2, version = ?3, "
	    "approved_version = nullif(?4, 0) WHERE year = ?1", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	seci_db_bind_text(st, 2, status);
	sqlite3_bind_int(st, 3, version);
	sqlite3_bind_int(st, 4, approved);
	return seci_db_exec_stmt(db, st, err);
}

/* ---- the proposal ------------------------------------------------------ */

struct proposal {
	struct seci_db *db;
	struct seci_doc *d;
	int year;
	seci_day date;
	int over;		/* lines whose activities cost more */
};

static int
activities(struct proposal *p, struct seci_err *err)
{
	static const struct seci_doc_col cols[] = {
		{ "Code", NULL, 6, 0 }, { "Activity", NULL, 30, 0 },
		{ "Owner", NULL, 12, 0 }, { "Start", NULL, 10, 0 },
		{ "End", NULL, 10, 0 }, { "Line", NULL, 5, 0 },
		{ "Cost", NULL, 12, 1 },
	};
	struct seci_doc_span *spans = NULL;
	size_t n = 0, cap = 0, i;
	char last[512] = "", cost[SECI_MONEY_BUFSZ];
	const char *c[7];
	sqlite3_stmt *st;
	int rc;

	st = seci_db_stmt(p->db, "SELECT o.code || ' ' || o.title, a.code, "
	    "a.title, a.owner, a.start, a.end, a.budget_line, a.cost FROM "
	    "plan_activity a JOIN plan_objective o ON o.year = a.year AND "
	    "o.code = a.objective WHERE a.year = ? ORDER BY o.seq, a.seq", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, p->year);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct seci_err ignore = SECI_ERR_INIT;
		const char *obj = (const char *)sqlite3_column_text(st, 0);

		if (strcmp(obj, last) != 0) {
			if (last[0])
				seci_doc_table_end(p->d);
			snprintf(last, sizeof(last), "%s", obj);
			seci_doc_subsection(p->d, obj);
			seci_doc_table(p->d, cols, 7, SECI_DOC_HEADER);
		}
		for (i = 0; i < 6; i++)
			c[i] = (const char *)sqlite3_column_text(st, 1 + i);
		c[6] = seci_money_format(sqlite3_column_int64(st, 7),
		    p->db->decimals, ',', cost);
		seci_doc_row(p->d, c, 0);
		if (seci_grow(&spans, &cap, n, sizeof(*spans)) == 0) {
			spans[n].group = strdup(obj);
			spans[n].label = strdup(c[0]);
			seci_date_parse(c[3], NULL, &spans[n].start, &ignore);
			seci_date_parse(c[4], NULL, &spans[n].end, &ignore);
			n++;
		}
	}
	sqlite3_reset(st);
	if (last[0])
		seci_doc_table_end(p->d);
	seci_doc_section(p->d, "2. Timeline");
	seci_doc_para(p->d, seci_doc_format(p->d) == SECI_DOC_HTML ?
	    "One bar per activity, across the months of the year." :
	    "(the HTML form draws it; the dates are in the tables above)");
	seci_doc_timeline(p->d, p->year, spans, n);
	for (i = 0; i < n; i++) {
		free((char *)spans[i].group);
		free((char *)spans[i].label);
	}
	free(spans);
	return rc == SQLITE_DONE ? 0 : seci_db_fail(p->db, rc, "plan", err);
}

/* Each budget line the plan draws on: planned cost against the line's
 * revised appropriation (the budget's typed figures). */
static int
costs(struct proposal *p, struct seci_err *err)
{
	static const struct seci_doc_col cols[] = {
		{ "Line", NULL, 5, 0 }, { "Name", NULL, 30, 0 },
		{ "Planned", NULL, 14, 1 }, { "Appropriation", NULL, 14, 1 },
		{ "Difference", NULL, 14, 1 },
	};
	char a[SECI_MONEY_BUFSZ], b[SECI_MONEY_BUFSZ], c[SECI_MONEY_BUFSZ];
	const char *cells[5];
	struct seci_line_figures f;
	struct seci_line line;
	sqlite3_stmt *st;
	int rc;

	seci_doc_section(p->d, "3. Planned cost by budget line");
	seci_doc_table(p->d, cols, 5, SECI_DOC_HEADER);
	st = seci_db_stmt(p->db, "SELECT a.budget_line, sum(a.cost), l.name "
	    "FROM plan_activity a JOIN budget_line l ON l.year = a.year AND "
	    "l.code = a.budget_line WHERE a.year = ? GROUP BY a.budget_line "
	    "ORDER BY min(a.seq)", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, p->year);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(st, 0);
		seci_money planned = sqlite3_column_int64(st, 1);

		if (seci_budget_line(p->db, p->year, code, &line, err) < 0 ||
		    seci_budget_figures(p->db, line.id, p->date, &f,
		    err) < 0) {
			sqlite3_reset(st);
			return -1;
		}
		if (planned > f.revised) {
			seci_err_report(err, SECI_WARN, "budget line %s: the plan "
			    "costs %s, %s more than its appropriation of %s",
			    code, seci_money_format(planned, p->db->decimals,
			    ',', a), seci_money_format(planned - f.revised,
			    p->db->decimals, ',', b), seci_money_format(f.revised,
			    p->db->decimals, ',', c));
			p->over++;
		}
		cells[0] = code;
		cells[1] = (const char *)sqlite3_column_text(st, 2);
		cells[2] = seci_money_format(planned, p->db->decimals, ',', a);
		cells[3] = seci_money_format(f.revised, p->db->decimals, ',', b);
		cells[4] = seci_money_format(f.revised - planned,
		    p->db->decimals, ',', c);
		seci_doc_row(p->d, cells, 0);
	}
	sqlite3_reset(st);
	seci_doc_table_end(p->d);
	return rc == SQLITE_DONE ? 0 : seci_db_fail(p->db, rc, "plan", err);
}

static int
proposal(struct seci_db *db, int year, int version, seci_day date,
    enum seci_doc_format fmt, FILE *fp, struct seci_err *err)
{
	char org[256], title[96], meta[128], day[SECI_DATE_BUFSZ];
	struct proposal p = { db, NULL, year, date, 0 };

	if (seci_admin_org(db, org, sizeof(org), err) < 0)
		return -1;
	snprintf(title, sizeof(title), "Action Plan %d: proposal to the Joint "
	    "Cooperation Committee", year);
	snprintf(meta, sizeof(meta), "Version %d, submitted %s; amounts in %s",
	    version, seci_date_format(date, day), db->currency);
	if ((p.d = seci_doc_begin(fp, fmt, org, title, meta, err)) == NULL)
		return -1;
	seci_doc_section(p.d, "1. Objectives and activities");
	if (activities(&p, err) < 0 || costs(&p, err) < 0) {
		seci_doc_end(p.d, err);
		return -1;
	}
	return seci_doc_end(p.d, err);
}

/* ---- the workflow ------------------------------------------------------ */

static int
lines_exist(struct seci_db *db, int year, struct seci_err *err)
{
	sqlite3_stmt *st;
	char *code = NULL;
	int rc = 0;

	st = seci_db_stmt(db, "SELECT a.code || ' (line ' || a.budget_line || "
	    "')' FROM plan_activity a WHERE a.year = ?1 AND NOT EXISTS (SELECT "
	    "1 FROM budget_line l WHERE l.year = ?1 AND l.code = a.budget_line) "
	    "ORDER BY a.seq LIMIT 1", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	if (seci_db_one_text(db, st, &code, err) < 0)
		return -1;
	if (code != NULL)
		rc = seci_err_set(err, SECI_EXIT_DATA, "activity %s: the %d "
		    "budget has no such line any more", code, year);
	free(code);
	return rc;
}

int
seci_plan_submit(struct seci_db *db, int year, seci_day date,
    enum seci_doc_format fmt, FILE *fp, int *version, struct seci_err *err)
{
	struct seci_audit_change c;
	char from[16], day[SECI_DATE_BUFSZ], key[16], *doc;
	sqlite3_stmt *st;
	int approved;
	int64_t n;

	if (plan_move(db, year, "submitted", &c, from, sizeof(from), version,
	    &approved, err) < 0)
		return -1;
	st = seci_db_stmt(db, "SELECT count(*) FROM plan_activity WHERE year = ?",
	    err);
	if (st == NULL || (sqlite3_bind_int(st, 1, year), seci_db_one_int(db,
	    st, &n, err)) < 0)
		goto fail;
	if (n == 0) {
		seci_err_set(err, SECI_EXIT_DATA, "the %d plan has no activity "
		    "to submit", year);
		goto fail;
	}
	/* The budget may have changed since: every line still there. */
	if (lines_exist(db, year, err) < 0)
		goto fail;
	snprintf(key, sizeof(key), "%d", year);
	if ((doc = seci_plan_json(db, key, err)) == NULL)
		goto fail;
	(*version)++;
	st = seci_db_stmt(db, "INSERT INTO plan_version (year, version, "
	    "submitted_on, document) VALUES (?, ?, ?, ?)", err);
	if (st == NULL) {
		free(doc);
		goto fail;
	}
	sqlite3_bind_int(st, 1, year);
	sqlite3_bind_int(st, 2, *version);
	seci_db_bind_text(st, 3, seci_date_format(date, day));
	seci_db_bind_text(st, 4, doc);
	free(doc);
	if (seci_db_exec_stmt(db, st, err) < 0 ||
	    set_status(db, year, "submitted", *version, approved, err) < 0 ||
	    proposal(db, year, *version, date, fmt, fp, err) < 0)
		goto fail;
	return seci_audit_end(db, &c, err);
fail:
	seci_audit_cancel(&c);
	return -1;
}

/* The working copy becomes the reference that execution reports on. */
static int
set_reference(struct seci_db *db, int year, struct seci_err *err)
{
	static const char *const sql[] = {
		"DELETE FROM plan_ref_indicator WHERE year = ?1",
		"DELETE FROM plan_ref_activity WHERE year = ?1",
		"INSERT INTO plan_ref_activity (year, code, objective, title, "
		    "owner, start, end, budget_line, cost, seq) SELECT year, "
		    "code, objective, title, owner, start, end, budget_line, "
		    "cost, seq FROM plan_activity WHERE year = ?1",
		"INSERT INTO plan_ref_indicator (year, activity, name, baseline, "
		    "target, unit, seq) SELECT a.year, a.code, i.name, "
		    "i.baseline, i.target, i.unit, i.seq FROM plan_indicator i "
		    "JOIN plan_activity a ON a.id = i.activity WHERE a.year = ?1",
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

int
seci_plan_decide(struct seci_db *db, int year, int approve,
    const char *decision, seci_day date, const char *note,
    struct seci_err *err)
{
	struct seci_audit_change c;
	char from[16], day[SECI_DATE_BUFSZ];
	sqlite3_stmt *st;
	int version, approved;

	if (approve && (decision == NULL || *decision == '\0'))
		return seci_err_set(err, SECI_EXIT_USAGE, "decide: approving "
		    "needs the JCC's --decision");
	if (seci_plan_state(db, year, from, sizeof(from), NULL, NULL, err) < 0)
		return -1;
	if (from[0] && strcmp(from, "submitted") != 0)
		return seci_err_set(err, SECI_EXIT_DATA, "the %d plan is %s: "
		    "the JCC decides on a submitted plan", year, from);
	if (plan_move(db, year, approve ? "approved" : "draft", &c, from,
	    sizeof(from), &version, &approved, err) < 0)
		return -1;
	if (strcmp(from, "submitted") != 0) {
		seci_audit_cancel(&c);
		return seci_err_set(err, SECI_EXIT_DATA, "the %d plan is %s: "
		    "the JCC decides on a submitted plan", year, from);
	}
	/* Not decided before it was submitted. */
	st = seci_db_stmt(db, "SELECT count(*) FROM plan_version WHERE year = "
	    "? AND version = ? AND submitted_on > ?", err);
	if (st == NULL)
		goto fail;
	sqlite3_bind_int(st, 1, year);
	sqlite3_bind_int(st, 2, version);
	seci_db_bind_text(st, 3, seci_date_format(date, day));
	{
		int64_t early;

		if (seci_db_one_int(db, st, &early, err) < 0)
			goto fail;
		if (early) {
			seci_err_set(err, SECI_EXIT_DATA, "version %d of the %d "
			    "plan was submitted after %s", version, year, day);
			goto fail;
		}
	}
	st = seci_db_stmt(db, "UPDATE plan_version SET outcome = ?3, decision "
	    "= ?4, decided_on = ?5, note = ?6 WHERE year = ?1 AND version = ?2",
	    err);
	if (st == NULL)
		goto fail;
	sqlite3_bind_int(st, 1, year);
	sqlite3_bind_int(st, 2, version);
	seci_db_bind_text(st, 3, approve ? "approved" : "returned");
	seci_db_bind_text(st, 4, decision);
	seci_db_bind_text(st, 5, seci_date_format(date, day));
	seci_db_bind_text(st, 6, note);
	if (seci_db_exec_stmt(db, st, err) < 0 ||
	    set_status(db, year, approve ? "approved" : "draft", version,
	    approve ? version : approved, err) < 0 ||
	    (approve && set_reference(db, year, err) < 0))
		goto fail;
	return seci_audit_end(db, &c, err);
fail:
	seci_audit_cancel(&c);
	return -1;
}

int
seci_plan_revise(struct seci_db *db, int year, struct seci_err *err)
{
	struct seci_audit_change c;
	char from[16];
	int version, approved;

	if (plan_move(db, year, "draft", &c, from, sizeof(from), &version,
	    &approved, err) < 0)
		return -1;
	if (strcmp(from, "approved") != 0) {
		seci_audit_cancel(&c);
		return seci_err_set(err, SECI_EXIT_DATA, "the %d plan is %s; "
		    "only an approved plan is revised", year, from);
	}
	if (set_status(db, year, "draft", version, approved, err) < 0) {
		seci_audit_cancel(&c);
		return -1;
	}
	return seci_audit_end(db, &c, err);
}

/* ---- versions ---------------------------------------------------------- */

/* Activities of a plan document (JSON ?N): objective, code, the object. */
#define ACTS(n) "SELECT json_extract(o.value, '$.code') AS objective, " \
	"json_extract(a.value, '$.code') AS code, a.value AS v FROM " \
	"json_each(" n ", '$.objectives') o, json_each(o.value, " \
	"'$.activities') a"

static const char diff_sql[] =
    "WITH f AS (" ACTS("?1") "), t AS (" ACTS("?2") "), "
    "k(field, seq) AS (VALUES ('objective', 1), ('title', 2), "
    " ('description', 3), ('owner', 4), ('start', 5), ('end', 6), "
    " ('budget_line', 7), ('cost', 8)) "
    "SELECT change, code, field, before, after FROM ("
    "SELECT 'added' AS change, t.code, '' AS field, NULL AS before, "
    " json_extract(t.v, '$.title') AS after, 0 AS seq FROM t WHERE t.code "
    " NOT IN (SELECT code FROM f) "
    "UNION ALL SELECT 'removed', f.code, '', json_extract(f.v, '$.title'), "
    " NULL, 0 FROM f WHERE f.code NOT IN (SELECT code FROM t) "
    "UNION ALL SELECT 'changed', t.code, k.field, CASE k.field WHEN "
    " 'objective' THEN f.objective ELSE json_extract(f.v, '$.' || "
    " k.field) END, CASE k.field WHEN 'objective' THEN t.objective ELSE "
    " json_extract(t.v, '$.' || k.field) END, k.seq FROM t JOIN f ON "
    " f.code = t.code, k WHERE (CASE k.field WHEN 'objective' THEN "
    " f.objective ELSE json_extract(f.v, '$.' || k.field) END) IS NOT "
    " (CASE k.field WHEN 'objective' THEN t.objective ELSE "
    " json_extract(t.v, '$.' || k.field) END)) ORDER BY code, seq";

/* Version v's document (0: the working copy; caller frees). */
static char *
version_doc(struct seci_db *db, int year, int v, struct seci_err *err)
{
	sqlite3_stmt *st;
	char key[16], *doc = NULL;

	if (v == 0) {
		snprintf(key, sizeof(key), "%d", year);
		return seci_plan_json(db, key, err);
	}
	st = seci_db_stmt(db, "SELECT document FROM plan_version WHERE year = ? "
	    "AND version = ?", err);
	if (st == NULL)
		return NULL;
	sqlite3_bind_int(st, 1, year);
	sqlite3_bind_int(st, 2, v);
	if (seci_db_one_text(db, st, &doc, err) < 0)
		return NULL;
	if (doc == NULL)
		seci_err_set(err, SECI_EXIT_DATA, "the %d plan has no version %d",
		    year, v);
	return doc;
}

int
seci_plan_diff(struct seci_db *db, int year, int from, int to,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "change", SECI_COL_TEXT, 0 }, { "activity", SECI_COL_TEXT, 0 },
		{ "field", SECI_COL_TEXT, 0 }, { "from", SECI_COL_TEXT, 0 },
		{ "to", SECI_COL_TEXT, 0 },
	};
	char *a = NULL, *b = NULL;
	sqlite3_stmt *st;
	int rc = -1;

	/* Version 0 before version 1: nothing. */
	if (from == 0)
		a = strdup("{\"objectives\":[]}");
	else
		a = version_doc(db, year, from, err);
	if (a == NULL || (b = version_doc(db, year, to, err)) == NULL ||
	    (st = seci_db_stmt(db, diff_sql, err)) == NULL)
		goto out;
	seci_db_bind_text(st, 1, a);
	seci_db_bind_text(st, 2, b);
	rc = seci_db_print(db, st, cols, 5, oo, err);
out:
	free(a);
	free(b);
	return rc;
}

int
seci_plan_history(struct seci_db *db, int year,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "version", SECI_COL_INT, 0 },
		{ "submitted_on", SECI_COL_TEXT, 0 },
		{ "outcome", SECI_COL_TEXT, 0 }, { "decision", SECI_COL_TEXT, 0 },
		{ "decided_on", SECI_COL_TEXT, 0 }, { "note", SECI_COL_TEXT, 0 },
		{ "reference", SECI_COL_TEXT, 0 },
	};
	sqlite3_stmt *st;

	st = seci_db_stmt(db, "SELECT v.version, v.submitted_on, v.outcome, "
	    "v.decision, v.decided_on, v.note, CASE WHEN v.version = "
	    "p.approved_version THEN 'yes' END FROM plan_version v JOIN "
	    "plan p ON p.year = v.year WHERE v.year = ? ORDER BY v.version", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	return seci_db_print(db, st, cols, 7, oo, err);
}
