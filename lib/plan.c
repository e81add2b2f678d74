/* plan.c - the Action Plan's working copy: its JSON, what may change it,
 * activities added and edited, the list, one activity, the export. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "budget.h"
#include "csv.h"
#include "plan.h"
#include "seci_priv.h"
#include "year.h"

static const char *const plan_states[] = { "draft", "submitted", "approved",
    NULL };
/* Who may: the commands admit planning and directors. */
static const struct seci_move plan_moves[] = {
	{ "draft", "submitted", 0 },
	{ "submitted", "approved", 0 },		/* the JCC's decision */
	{ "submitted", "draft", 0 },		/* returned */
	{ "approved", "draft", 0 },		/* a revision */
};
const struct seci_workflow seci_plan_workflow = { "plan", plan_states,
    plan_moves, sizeof(plan_moves) / sizeof(plan_moves[0]) };

/* Nested JSON of objectives, activities, partners and indicators; json()
 * keeps each subquery's array JSON rather than text. */
static const char json_sql[] =
    "SELECT json_object('year', p.year, 'objectives', json((SELECT "
    " json_group_array(json_object('code', o.code, 'title', o.title, "
    " 'activities', json((SELECT json_group_array(json_object('code', "
    " a.code, 'title', a.title, 'description', a.description, 'owner', "
    " a.owner, 'start', a.start, 'end', a.end, 'budget_line', "
    " a.budget_line, 'cost', seci_amount(a.cost, ?2), 'partners', "
    " json((SELECT json_group_array(name) FROM (SELECT name FROM "
    " plan_partner WHERE activity = a.id ORDER BY seq))), 'indicators', "
    " json((SELECT json_group_array(json_object('name', name, 'baseline', "
    " baseline, 'target', target, 'unit', unit)) FROM (SELECT * FROM "
    " plan_indicator WHERE activity = a.id ORDER BY seq))))) FROM (SELECT * "
    " FROM plan_activity WHERE year = o.year AND objective = o.code ORDER "
    " BY seq) a)))) FROM (SELECT * FROM plan_objective WHERE year = p.year "
    " ORDER BY seq) o))) FROM plan p WHERE p.year = ?1";

char *
seci_plan_json(struct seci_db *db, const char *key, struct seci_err *err)
{
	sqlite3_stmt *st;
	char *json;

	if ((st = seci_db_stmt(db, json_sql, err)) == NULL)
		return NULL;
	sqlite3_bind_int(st, 1, atoi(key));
	seci_db_bind_text(st, 2, db->currency);
	return seci_db_one_text(db, st, &json, err) < 0 ? NULL : json;
}

/* The plan's status into buf ("" when there is none) and its versions. */
int
seci_plan_state(struct seci_db *db, int year, char *buf, size_t size,
    int *version, int *approved, struct seci_err *err)
{
	sqlite3_stmt *st;
	int rc;

	st = seci_db_stmt(db, "SELECT status, version, coalesce("
	    "approved_version, 0) FROM plan WHERE year = ?", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	buf[0] = '\0';
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		seci_db_col_text(st, 0, buf, size);
		if (version)
			*version = sqlite3_column_int(st, 1);
		if (approved)
			*approved = sqlite3_column_int(st, 2);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : seci_db_fail(db, rc,
	    "plan", err);
}

int
seci_plan_editable(struct seci_db *db, int year, int for_load,
    struct seci_err *err)
{
	char status[16];
	int version;

	if (seci_plan_state(db, year, status, sizeof(status), &version, NULL,
	    err) < 0 || seci_year_writable(db, year, err) < 0)
		return -1;
	if (status[0] == '\0')
		return for_load ? 0 : seci_err_set(err, SECI_EXIT_DATA, "no "
		    "plan for %d (load one with 'seci-plan load')", year);
	if (strcmp(status, "submitted") == 0)
		return seci_err_set(err, SECI_EXIT_DATA, "the %d plan is "
		    "submitted to the JCC (version %d); it cannot change until "
		    "the JCC decides", year, version);
	if (strcmp(status, "approved") == 0)
		return seci_err_set(err, SECI_EXIT_DATA, "the %d plan is "
		    "approved; a revision starts with 'seci-plan revise'",
		    year);
	return 0;
}

/* ---- activities -------------------------------------------------------- */

/* Text a plan document can hold: valid UTF-8, no control characters. */
static int
text_ok(const char *s)
{
	const unsigned char *p;

	if (s == NULL)
		return 1;
	for (p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return 0;
	return seci_utf8_valid(s, strlen(s));
}

/* An activity's fields checked against the year and its budget, as load
 * checks them, so that what add and edit write exports and loads back. */
static int
activity_check(struct seci_db *db, int year, const struct seci_activity *a,
    struct seci_err *err)
{
	const char *const texts[] = { a->code, a->objective, a->title,
	    a->description, a->owner, a->budget_line };
	struct seci_line line;
	sqlite3_stmt *st;
	int64_t n;
	size_t i;

	if (a->code == NULL || *a->code == '\0' || strlen(a->code) > 32)
		return seci_err_set(err, SECI_EXIT_DATA, "an activity needs a "
		    "code of 1 to 32 characters");
	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		if (!text_ok(texts[i]))
			return seci_err_set(err, SECI_EXIT_DATA, "activity %s: "
			    "text with a control character or not UTF-8",
			    a->code);
	for (i = 0; a->npartners && i < a->npartners; i++)
		if (!text_ok(a->partners[i]) || *a->partners[i] == '\0')
			return seci_err_set(err, SECI_EXIT_DATA, "activity %s: "
			    "a partner is a name", a->code);
	st = seci_db_stmt(db, "SELECT count(*) FROM plan_objective WHERE year "
	    "= ? AND code = ?", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	seci_db_bind_text(st, 2, a->code);
	if (seci_db_one_int(db, st, &n, err) < 0)
		return -1;
	if (n > 0)
		return seci_err_set(err, SECI_EXIT_DATA, "activity %s: an "
		    "objective has that code", a->code);
	if (a->start && seci_year_of(a->start) != year)
		return seci_err_set(err, SECI_EXIT_DATA, "activity %s: its start "
		    "is outside the plan's year %d", a->code, year);
	if (a->end && seci_year_of(a->end) != year)
		return seci_err_set(err, SECI_EXIT_DATA, "activity %s: its end "
		    "is outside the plan's year %d", a->code, year);
	if (a->budget_line && seci_budget_line(db, year, a->budget_line,
	    &line, err) < 0)
		return seci_err_prefix(err, SECI_EXIT_DATA, "activity %s",
		    a->code);
	if (a->cost < 0)
		return seci_err_set(err, SECI_EXIT_DATA, "activity %s: a "
		    "negative cost", a->code);
	return 0;
}

/* The constraint that refused a write, said for the activity; always
 * -1, err filled. */
static int
write_failed(struct seci_db *db, int rc, const char *code,
    struct seci_err *err)
{
	const char *m = sqlite3_errmsg(db->h);

	if (strstr(m, "UNIQUE") != NULL)
		return seci_err_set(err, SECI_EXIT_DATA, "activity %s exists "
		    "already", code);
	if (strstr(m, "end >= start") != NULL)
		return seci_err_set(err, SECI_EXIT_DATA, "activity %s: it ends "
		    "before it starts", code);
	if (strstr(m, "FOREIGN KEY") != NULL)
		return seci_err_set(err, SECI_EXIT_DATA, "activity %s: no such "
		    "objective", code);
	return seci_db_fail(db, rc, "plan", err);
}

static int
plan_change(struct seci_db *db, int year, struct seci_audit_change *c,
    struct seci_err *err)
{
	char key[16];

	if (seci_plan_editable(db, year, 0, err) < 0)
		return -1;
	snprintf(key, sizeof(key), "%d", year);
	return seci_audit_begin_json(db, c, "plan", key, seci_plan_json, err);
}

int
seci_plan_add(struct seci_db *db, int year, const struct seci_activity *a,
    struct seci_err *err)
{
	struct seci_audit_change c;
	char s[SECI_DATE_BUFSZ], e[SECI_DATE_BUFSZ];
	sqlite3_stmt *st;
	int64_t id;
	size_t i;
	int rc;

	if (activity_check(db, year, a, err) < 0 ||
	    plan_change(db, year, &c, err) < 0)
		return -1;
	st = seci_db_stmt(db, "INSERT INTO plan_activity (year, objective, "
	    "code, title, description, owner, start, end, budget_line, cost, "
	    "seq) VALUES (?, ?, ?, ?, coalesce(?, ''), ?, ?, ?, ?, ?, (SELECT "
	    "coalesce(max(seq), 0) + 1 FROM plan_activity WHERE year = ?1))",
	    err);
	if (st == NULL)
		goto fail;
	sqlite3_bind_int(st, 1, year);
	seci_db_bind_text(st, 2, a->objective);
	seci_db_bind_text(st, 3, a->code);
	seci_db_bind_text(st, 4, a->title);
	seci_db_bind_text(st, 5, a->description);
	seci_db_bind_text(st, 6, a->owner);
	seci_db_bind_text(st, 7, seci_date_format(a->start, s));
	seci_db_bind_text(st, 8, seci_date_format(a->end, e));
	seci_db_bind_text(st, 9, a->budget_line);
	sqlite3_bind_int64(st, 10, a->cost);
	if ((rc = sqlite3_step(st)) != SQLITE_DONE) {
		write_failed(db, rc, a->code, err);
		sqlite3_reset(st);
		goto fail;
	}
	sqlite3_reset(st);
	id = sqlite3_last_insert_rowid(db->h);
	for (i = 0; i < a->npartners; i++) {
		st = seci_db_stmt(db, "INSERT INTO plan_partner (activity, name, "
		    "seq) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", err);
		if (st == NULL)
			goto fail;
		sqlite3_bind_int64(st, 1, id);
		seci_db_bind_text(st, 2, a->partners[i]);
		sqlite3_bind_int(st, 3, (int)i + 1);
		if (seci_db_exec_stmt(db, st, err) < 0)
			goto fail;
	}
	return seci_audit_end(db, &c, err);
fail:
	seci_audit_cancel(&c);
	return -1;
}

int
seci_plan_edit(struct seci_db *db, int year, const struct seci_activity *a,
    int has_cost, struct seci_err *err)
{
	struct seci_audit_change c;
	char s[SECI_DATE_BUFSZ], e[SECI_DATE_BUFSZ];
	sqlite3_stmt *st;
	int rc;

	if (a->objective == NULL && a->title == NULL && a->description ==
	    NULL && a->owner == NULL && a->start == 0 && a->end == 0 &&
	    a->budget_line == NULL && !has_cost)
		return seci_err_set(err, SECI_EXIT_USAGE, "edit: nothing to "
		    "change");
	if (activity_check(db, year, a, err) < 0 ||
	    plan_change(db, year, &c, err) < 0)
		return -1;
	st = seci_db_stmt(db, "UPDATE plan_activity SET title = coalesce(?3, "
	    "title), description = coalesce(?4, description), owner = "
	    "coalesce(?5, owner), start = coalesce(?6, start), end = "
	    "coalesce(?7, end), budget_line = coalesce(?8, budget_line), cost = "
	    "CASE WHEN ?9 THEN ?10 ELSE cost END, objective = coalesce(?11, "
	    "objective) WHERE year = ?1 AND code = ?2", err);
	if (st == NULL)
		goto fail;
	sqlite3_bind_int(st, 1, year);
	seci_db_bind_text(st, 2, a->code);
	seci_db_bind_text(st, 3, a->title);
	seci_db_bind_text(st, 4, a->description);
	seci_db_bind_text(st, 5, a->owner);
	seci_db_bind_text(st, 6, a->start ? seci_date_format(a->start, s) :
	    NULL);
	seci_db_bind_text(st, 7, a->end ? seci_date_format(a->end, e) : NULL);
	seci_db_bind_text(st, 8, a->budget_line);
	sqlite3_bind_int(st, 9, has_cost);
	sqlite3_bind_int64(st, 10, a->cost);
	seci_db_bind_text(st, 11, a->objective);
	if ((rc = sqlite3_step(st)) != SQLITE_DONE) {
		write_failed(db, rc, a->code, err);
		sqlite3_reset(st);
		goto fail;
	}
	sqlite3_reset(st);
	if (sqlite3_changes(db->h) == 0) {
		seci_err_set(err, SECI_EXIT_DATA, "no activity %s in the %d "
		    "plan", a->code, year);
		goto fail;
	}
	return seci_audit_end(db, &c, err);
fail:
	seci_audit_cancel(&c);
	return -1;
}

/* ---- listing ------------------------------------------------------------ */

int
seci_plan_list(struct seci_db *db, int year, seci_day as_of,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "objective", SECI_COL_TEXT, 0 }, { "code", SECI_COL_TEXT, 0 },
		{ "title", SECI_COL_TEXT, 0 }, { "owner", SECI_COL_TEXT, 0 },
		{ "start", SECI_COL_TEXT, 0 }, { "end", SECI_COL_TEXT, 0 },
		{ "budget_line", SECI_COL_TEXT, 0 },
		{ "cost", SECI_COL_MONEY, 0 }, { "status", SECI_COL_TEXT, 0 },
		{ "percent", SECI_COL_INT, 0 },
	};
	char day[SECI_DATE_BUFSZ], status[16];
	sqlite3_stmt *st;

	if (seci_plan_state(db, year, status, sizeof(status), NULL, NULL,
	    err) < 0)
		return -1;
	if (status[0] == '\0')
		return seci_err_set(err, SECI_EXIT_DATA, "no plan for %d", year);
	/* The latest progress on or before as_of. */
	st = seci_db_stmt(db, "SELECT a.objective, a.code, a.title, a.owner, "
	    "a.start, a.end, a.budget_line, a.cost, coalesce(g.status, "
	    "'planned'), coalesce(g.percent, 0) FROM plan_activity a LEFT JOIN "
	    "plan_progress g ON g.id = (SELECT id FROM plan_progress WHERE year "
	    "= a.year AND activity = a.code AND date <= ?2 ORDER BY date DESC, "
	    "id DESC LIMIT 1) JOIN plan_objective o ON o.year = a.year AND "
	    "o.code = a.objective WHERE a.year = ?1 ORDER BY o.seq, a.seq", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	seci_db_bind_text(st, 2, seci_date_format(as_of, day));
	return seci_db_print(db, st, cols, 10, oo, err);
}

int
seci_plan_show(struct seci_db *db, int year, const char *code,
    seci_day as_of, const struct seci_out_opts *oo, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "field", SECI_COL_TEXT, 0 }, { "value", SECI_COL_TEXT, 0 },
	};
	char day[SECI_DATE_BUFSZ];
	sqlite3_stmt *st;
	int64_t n;

	st = seci_db_stmt(db, "SELECT count(*) FROM plan_activity WHERE year "
	    "= ? AND code = ?", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	seci_db_bind_text(st, 2, code);
	if (seci_db_one_int(db, st, &n, err) < 0)
		return -1;
	if (n == 0)
		return seci_err_set(err, SECI_EXIT_DATA, "no activity %s in the "
		    "%d plan", code, year);
	/* Its fields, partners, indicators (with the latest actual), then
	 * the dated progress. */
	st = seci_db_stmt(db, "SELECT f, v FROM (SELECT 1 AS k, j.id AS s, "
	    "j.key AS f, j.value AS v FROM plan_activity a, json_each("
	    "json_object('objective', a.objective, 'code', a.code, 'title', "
	    "a.title, 'description', a.description, 'owner', a.owner, 'start', "
	    "a.start, 'end', a.end, 'budget_line', a.budget_line, 'cost', "
	    "seci_amount(a.cost, ?4))) j WHERE a.year = ?1 AND a.code = ?2 "
	    "UNION ALL SELECT 2, p.seq, 'partner', p.name "
	    "FROM plan_partner p JOIN plan_activity a ON a.id = p.activity "
	    "WHERE a.year = ?1 AND a.code = ?2 UNION ALL SELECT 3, i.seq, "
	    "'indicator', i.name || ': target ' || i.target || coalesce(' ' || "
	    "i.unit, '') || coalesce(', baseline ' || i.baseline, '') || "
	    "coalesce(', actual ' || (SELECT actual || ' on ' || date FROM "
	    "plan_actual x WHERE x.year = ?1 AND x.activity = ?2 AND "
	    "x.indicator = i.name AND x.date <= ?3 ORDER BY date DESC, id DESC "
	    "LIMIT 1), '') FROM plan_indicator i JOIN plan_activity a ON a.id = "
	    "i.activity WHERE a.year = ?1 AND a.code = ?2 UNION ALL SELECT 4, "
	    "g.id, 'progress', g.date || ' ' || g.status || ' ' || g.percent || "
	    "'%' || coalesce(': ' || g.note, '') FROM plan_progress g WHERE "
	    "g.year = ?1 AND g.activity = ?2 AND g.date <= ?3) ORDER BY k, s",
	    err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	seci_db_bind_text(st, 2, code);
	seci_db_bind_text(st, 3, seci_date_format(as_of, day));
	seci_db_bind_text(st, 4, db->currency);
	return seci_db_print(db, st, cols, 2, oo, err);
}
