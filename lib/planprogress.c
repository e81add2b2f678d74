/*
 * planprogress.c - the Action Plan in execution: each activity's progress
 * and each indicator's actual value as dated histories, and the progress
 * report (activities by status, overdue ones, indicators against their
 * targets, planned cost against what was spent on each linked budget
 * line, read through the budget's figures).  All of it is of the
 * approved version (the reference), while a revision is drafted.
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

/* The activity exists in the year's plan, and the plan was approved. */
static int
executing(struct seci_db *db, int year, const char *code, seci_day date,
    struct seci_err *err)
{
	char day[SECI_DATE_BUFSZ];

	if (date < seci_date_from_ymd(year, 1, 1))
		return seci_err_set(err, SECI_EXIT_DATA, "%s is before the %d "
		    "plan's year", seci_date_format(date, day), year);
	char status[16];
	sqlite3_stmt *st;
	int approved;
	int64_t n;

	if (seci_plan_state(db, year, status, sizeof(status), NULL, &approved,
	    err) < 0 || seci_year_writable(db, year, err) < 0)
		return -1;
	if (status[0] == '\0' || approved == 0)
		return seci_err_set(err, SECI_EXIT_DATA, "the %d plan is not "
		    "approved: there is nothing to execute yet", year);
	st = seci_db_stmt(db, "SELECT count(*) FROM plan_ref_activity WHERE "
	    "year = ? AND code = ?", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	seci_db_bind_text(st, 2, code);
	if (seci_db_one_int(db, st, &n, err) < 0)
		return -1;
	return n ? 0 : seci_err_set(err, SECI_EXIT_DATA, "no activity %s in "
	    "the approved %d plan", code, year);
}

int
seci_plan_progress(struct seci_db *db, int year, const char *code,
    int percent, const char *status, const char *note, seci_day date,
    struct seci_err *err)
{
	char day[SECI_DATE_BUFSZ], now[SECI_TIME_BUFSZ];
	sqlite3_stmt *st;

	if (percent < 0 || percent > 100)
		return seci_err_set(err, SECI_EXIT_USAGE, "--percent: %d is not "
		    "0 to 100", percent);
	if (strcmp(status, "done") == 0 && percent != 100)
		return seci_err_set(err, SECI_EXIT_DATA, "activity %s: done is "
		    "100%%, not %d%%", code, percent);
	if (executing(db, year, code, date, err) < 0)
		return -1;
	st = seci_db_stmt(db, "INSERT INTO plan_progress (year, activity, date, "
	    "percent, status, note, login, time) VALUES (?, ?, ?, ?, ?, ?, ?, "
	    "?)", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	seci_db_bind_text(st, 2, code);
	seci_db_bind_text(st, 3, seci_date_format(date, day));
	sqlite3_bind_int(st, 4, percent);
	seci_db_bind_text(st, 5, status);
	seci_db_bind_text(st, 6, note);
	seci_db_bind_text(st, 7, db->login);
	seci_db_bind_text(st, 8, seci_clock_now(now));
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	return seci_audit_added_id(db, "plan_progress",
	    sqlite3_last_insert_rowid(db->h), err);
}

int
seci_plan_actual(struct seci_db *db, int year, const char *code,
    const char *indicator, const char *actual, seci_day date,
    struct seci_err *err)
{
	char day[SECI_DATE_BUFSZ], now[SECI_TIME_BUFSZ];
	sqlite3_stmt *st;
	int64_t n;

	if (executing(db, year, code, date, err) < 0)
		return -1;
	st = seci_db_stmt(db, "SELECT count(*) FROM plan_ref_indicator WHERE "
	    "year = ? AND activity = ? AND name = ?", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	seci_db_bind_text(st, 2, code);
	seci_db_bind_text(st, 3, indicator);
	if (seci_db_one_int(db, st, &n, err) < 0)
		return -1;
	if (n == 0)
		return seci_err_set(err, SECI_EXIT_DATA, "activity %s has no "
		    "indicator '%s'", code, indicator);
	if (actual == NULL || *actual == '\0')
		return seci_err_set(err, SECI_EXIT_USAGE, "--actual is empty");
	st = seci_db_stmt(db, "INSERT INTO plan_actual (year, activity, "
	    "indicator, date, actual, login, time) VALUES (?, ?, ?, ?, ?, ?, ?)",
	    err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	seci_db_bind_text(st, 2, code);
	seci_db_bind_text(st, 3, indicator);
	seci_db_bind_text(st, 4, seci_date_format(date, day));
	seci_db_bind_text(st, 5, actual);
	seci_db_bind_text(st, 6, db->login);
	seci_db_bind_text(st, 7, seci_clock_now(now));
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	return seci_audit_added_id(db, "plan_actual",
	    sqlite3_last_insert_rowid(db->h), err);
}

/* ---- the report -------------------------------------------------------- */

/* Each activity with its latest progress by ?2: code, title, end,
 * status, percent, overdue (1 when past its end and not done or
 * cancelled). */
static const char progress_sql[] =
    "SELECT a.code, a.title, a.end, coalesce(g.status, 'planned'), "
    " coalesce(g.percent, 0), a.end < ?2 AND coalesce(g.status, '') NOT IN "
    " ('done', 'cancelled') FROM plan_ref_activity a LEFT JOIN plan_progress g "
    " ON g.id = (SELECT id FROM plan_progress WHERE year = a.year AND "
    " activity = a.code AND date <= ?2 ORDER BY date DESC, id DESC LIMIT 1) "
    "WHERE a.year = ?1 ORDER BY a.seq";

/* Each indicator with its latest actual value by ?2. */
static const char indicators_sql[] =
    "SELECT a.code, i.name, i.unit, i.baseline, i.target, x.actual, x.date "
    " FROM plan_ref_indicator i JOIN "
    " plan_ref_activity a ON a.year = i.year AND a.code = i.activity LEFT "
    " JOIN plan_actual x ON x.id = (SELECT id FROM plan_actual WHERE year = "
    " a.year AND activity = a.code AND indicator = i.name AND date <= ?2 "
    " ORDER BY date DESC, id DESC LIMIT 1) WHERE a.year = ?1 ORDER BY a.seq, "
    " i.seq";

struct report {
	struct seci_db *db;
	struct seci_doc *d;
	int year;
	seci_day as_of;
	char day[SECI_DATE_BUFSZ];
};

/* "3 planned, 1 on-track, ...": the activities by status. */
static int
by_status(struct seci_db *db, int year, const char *day, char *buf,
    size_t size, struct seci_err *err)
{
	sqlite3_stmt *st;
	size_t len = 0;
	int rc;

	st = seci_db_stmt(db, "SELECT status, count(*) FROM (SELECT "
	    "coalesce((SELECT status FROM plan_progress WHERE year = a.year AND "
	    "activity = a.code AND date <= ?2 ORDER BY date DESC, id DESC LIMIT "
	    "1), 'planned') AS status FROM plan_ref_activity a WHERE a.year = "
	    "?1) GROUP BY status ORDER BY CASE status WHEN 'planned' THEN 1 WHEN "
	    "'on-track' THEN 2 WHEN 'delayed' THEN 3 WHEN 'done' THEN 4 ELSE 5 "
	    "END", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	seci_db_bind_text(st, 2, day);
	buf[0] = '\0';
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && len < size)
		len += (size_t)snprintf(buf + len, size - len, "%s%d %s",
		    len ? ", " : "", sqlite3_column_int(st, 1),
		    (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	if (buf[0] == '\0')
		snprintf(buf, size, "no activity approved yet");
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : seci_db_fail(db,
	    rc, "plan", err);
}

static int
status_section(struct report *r, int overdue_only, struct seci_err *err)
{
	static const struct seci_doc_col cols[] = {
		{ "Code", NULL, 6, 0 }, { "Activity", NULL, 40, 0 },
		{ "End", NULL, 10, 0 }, { "Status", NULL, 9, 0 },
		{ "Done", "Done %", 5, 1 },
	};
	const char *c[5];
	char pct[16];
	sqlite3_stmt *st;
	int rc, shown = 0;

	if ((st = seci_db_stmt(r->db, progress_sql, err)) == NULL)
		return -1;
	sqlite3_bind_int(st, 1, r->year);
	seci_db_bind_text(st, 2, r->day);
	seci_doc_table(r->d, cols, 5, SECI_DOC_HEADER);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (overdue_only && !sqlite3_column_int(st, 5))
			continue;
		c[0] = (const char *)sqlite3_column_text(st, 0);
		c[1] = (const char *)sqlite3_column_text(st, 1);
		c[2] = (const char *)sqlite3_column_text(st, 2);
		c[3] = (const char *)sqlite3_column_text(st, 3);
		snprintf(pct, sizeof(pct), "%d", sqlite3_column_int(st, 4));
		c[4] = pct;
		seci_doc_row(r->d, c, 0);
		shown++;
	}
	sqlite3_reset(st);
	seci_doc_table_end(r->d);
	if (overdue_only && shown == 0)
		seci_doc_para(r->d, "None.");
	return rc == SQLITE_DONE ? 0 : seci_db_fail(r->db, rc, "plan", err);
}

static int
indicators(struct report *r, struct seci_err *err)
{
	static const struct seci_doc_col cols[] = {
		{ "Code", NULL, 6, 0 }, { "Indicator", NULL, 30, 0 },
		{ "Baseline", NULL, 9, 1 }, { "Target", NULL, 9, 1 },
		{ "Actual", NULL, 9, 1 }, { "On", NULL, 10, 0 },
	};
	const char *c[6];
	char name[300];
	sqlite3_stmt *st;
	int rc, i;

	st = seci_db_stmt(r->db, indicators_sql, err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, r->year);
	seci_db_bind_text(st, 2, r->day);
	seci_doc_table(r->d, cols, 6, SECI_DOC_HEADER);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		/* The text form shows the unit with the name. */
		for (i = 0; i < 7; i++)
			if (i != 2)
				c[i - (i > 2)] = sqlite3_column_type(st, i) ==
				    SQLITE_NULL ? "" : (const char *)
				    sqlite3_column_text(st, i);
		if (sqlite3_column_type(st, 2) != SQLITE_NULL) {
			snprintf(name, sizeof(name), "%s (%s)", c[1],
			    (const char *)sqlite3_column_text(st, 2));
			c[1] = name;
		}
		seci_doc_row(r->d, c, 0);
	}
	sqlite3_reset(st);
	seci_doc_table_end(r->d);
	return rc == SQLITE_DONE ? 0 : seci_db_fail(r->db, rc, "plan", err);
}

static int
fill_cost(sqlite3_stmt *st, void *item)
{
	struct seci_plan_cost *c = item;

	seci_db_col_text(st, 0, c->line, sizeof(c->line));
	seci_db_col_text(st, 1, c->name, sizeof(c->name));
	c->planned = sqlite3_column_int64(st, 2);
	return 0;
}

int
seci_plan_costs(struct seci_db *db, int year, seci_day as_of,
    struct seci_plan_cost **out, size_t *n, struct seci_err *err)
{
	struct seci_plan_cost *rows = NULL;
	struct seci_line_figures f;
	struct seci_line line;
	sqlite3_stmt *st;
	size_t i;

	*out = NULL;
	*n = 0;
	st = seci_db_stmt(db, "SELECT a.budget_line, l.name, sum(a.cost) FROM "
	    "plan_ref_activity a JOIN budget_line l ON l.year = a.year AND "
	    "l.code = a.budget_line WHERE a.year = ? GROUP BY a.budget_line "
	    "ORDER BY min(a.seq)", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	if (seci_db_rows(db, st, sizeof(*rows), fill_cost, &rows, n, "plan",
	    err) < 0)
		goto fail;
	for (i = 0; i < *n; i++) {
		if (seci_budget_line(db, year, rows[i].line, &line, err) < 0 ||
		    seci_budget_figures(db, line.id, as_of, &f, err) < 0)
			goto fail;
		rows[i].committed = f.committed;
		rows[i].spent = f.spent;
	}
	*out = rows;
	return 0;
fail:
	free(rows);
	*n = 0;
	return -1;
}

static int
costs(struct report *r, struct seci_err *err)
{
	static const struct seci_doc_col cols[] = {
		{ "Line", NULL, 5, 0 }, { "Name", NULL, 26, 0 },
		{ "Planned", NULL, 13, 1 }, { "Committed", NULL, 13, 1 },
		{ "Spent", NULL, 13, 1 }, { "Left", "Planned less spent", 13, 1 },
	};
	char v[4][SECI_MONEY_BUFSZ];
	struct seci_plan_cost *c;
	const char *cells[6];
	size_t n, i;

	if (seci_plan_costs(r->db, r->year, r->as_of, &c, &n, err) < 0)
		return -1;
	seci_doc_table(r->d, cols, 6, SECI_DOC_HEADER);
	for (i = 0; i < n; i++) {
		int dec = r->db->decimals;

		cells[0] = c[i].line;
		cells[1] = c[i].name;
		cells[2] = seci_money_format(c[i].planned, dec, ',', v[0]);
		cells[3] = seci_money_format(c[i].committed, dec, ',', v[1]);
		cells[4] = seci_money_format(c[i].spent, dec, ',', v[2]);
		cells[5] = seci_money_format(c[i].planned - c[i].spent, dec, ',',
		    v[3]);
		seci_doc_row(r->d, cells, 0);
	}
	seci_doc_table_end(r->d);
	free(c);
	return 0;
}

/* The JSON form: the report's tables as arrays of objects, through the
 * output module. */
static int
json_report(struct seci_db *db, int year, seci_day as_of, FILE *fp,
    struct seci_err *err)
{
	static const struct seci_col acols[] = {
		{ "code", SECI_COL_TEXT, 0 }, { "title", SECI_COL_TEXT, 0 },
		{ "end", SECI_COL_TEXT, 0 }, { "status", SECI_COL_TEXT, 0 },
		{ "percent", SECI_COL_INT, 0 }, { "overdue", SECI_COL_INT, 0 },
	};
	static const struct seci_col icols[] = {
		{ "activity", SECI_COL_TEXT, 0 },
		{ "indicator", SECI_COL_TEXT, 0 }, { "unit", SECI_COL_TEXT, 0 },
		{ "baseline", SECI_COL_TEXT, 0 }, { "target", SECI_COL_TEXT, 0 },
		{ "actual", SECI_COL_TEXT, 0 }, { "date", SECI_COL_TEXT, 0 },
	};
	static const struct seci_col ccols[] = {
		{ "line", SECI_COL_TEXT, 0 }, { "name", SECI_COL_TEXT, 0 },
		{ "planned", SECI_COL_MONEY, 0 },
		{ "committed", SECI_COL_MONEY, 0 },
		{ "spent", SECI_COL_MONEY, 0 }, { "left", SECI_COL_MONEY, 0 },
	};
	char day[SECI_DATE_BUFSZ];
	struct seci_out_opts o;
	struct seci_plan_cost *c;
	struct seci_out *out;
	struct seci_cell cell[6];
	sqlite3_stmt *st;
	size_t n, i;
	int rc = 0;

	memset(&o, 0, sizeof(o));
	o.format = SECI_FMT_JSON;
	o.header = 1;
	o.decimals = db->decimals;
	o.fp = fp;
	fprintf(fp, "{\"year\":%d,\"as_of\":\"%s\",\n\"activities\":", year,
	    seci_date_format(as_of, day));
	if ((st = seci_db_stmt(db, progress_sql, err)) == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	seci_db_bind_text(st, 2, day);
	if (seci_db_print(db, st, acols, 6, &o, err) < 0)
		return -1;
	fputs(",\n\"indicators\":", fp);
	if ((st = seci_db_stmt(db, indicators_sql, err)) == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	seci_db_bind_text(st, 2, day);
	if (seci_db_print(db, st, icols, 7, &o, err) < 0 ||
	    seci_plan_costs(db, year, as_of, &c, &n, err) < 0)
		return -1;
	fputs(",\n\"costs\":", fp);
	if ((out = seci_out_begin(&o, ccols, 6, err)) == NULL) {
		free(c);
		return -1;
	}
	for (i = 0; rc == 0 && i < n; i++) {
		cell[0] = seci_cell_text(c[i].line);
		cell[1] = seci_cell_text(c[i].name);
		cell[2] = seci_cell_int(c[i].planned);
		cell[3] = seci_cell_int(c[i].committed);
		cell[4] = seci_cell_int(c[i].spent);
		cell[5] = seci_cell_int(c[i].planned - c[i].spent);
		rc = seci_out_row(out, cell, err);
	}
	free(c);
	if (rc < 0) {
		seci_out_abort(out);
		return -1;
	}
	if (seci_out_end(out, err) < 0)
		return -1;
	fputs("}\n", fp);
	return 0;
}

int
seci_plan_report(struct seci_db *db, int year, seci_day as_of,
    enum seci_doc_format fmt, const struct seci_out_opts *out,
    struct seci_err *err)
{
	FILE *fp = out->fp ? out->fp : stdout;
	struct report r = { db, NULL, year, as_of, "" };
	char org[256], title[96], meta[96], status[16], summary[160];
	int approved;

	if (seci_plan_state(db, year, status, sizeof(status), NULL, &approved,
	    err) < 0)
		return -1;
	if (status[0] == '\0')
		return seci_err_set(err, SECI_EXIT_DATA, "no plan for %d", year);
	seci_date_format(as_of, r.day);
	if (fmt == SECI_DOC_JSON)
		return json_report(db, year, as_of, fp, err);
	if (seci_admin_org(db, org, sizeof(org), err) < 0)
		return -1;
	snprintf(title, sizeof(title), "Action Plan %d: progress", year);
	snprintf(meta, sizeof(meta), "As of %s; amounts in %s%s", r.day,
	    db->currency, approved ? "" : "; the plan is not approved yet");
	if ((r.d = seci_doc_start(out, fmt, org, title, meta, err)) == NULL)
		return -1;
	seci_doc_section(r.d, "1. Activities and their progress");
	if (by_status(db, year, r.day, summary, sizeof(summary), err) < 0)
		goto fail;
	seci_doc_para(r.d, summary);
	if (status_section(&r, 0, err) < 0)
		goto fail;
	seci_doc_section(r.d, "2. Overdue: past their end, not done");
	if (status_section(&r, 1, err) < 0)
		goto fail;
	seci_doc_section(r.d, "3. Indicators: actual against target");
	if (indicators(&r, err) < 0)
		goto fail;
	seci_doc_section(r.d, "4. Planned cost and actual spending by budget "
	    "line");
	if (costs(&r, err) < 0)
		goto fail;
	return seci_doc_end(r.d, err);
fail:
	seci_doc_end(r.d, err);
	return -1;
}
