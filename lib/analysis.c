/*
 * analysis.c - strategic analyses of trans-border crime: written, then
 * submitted to the Director, who approves them or returns them with a
 * note; each step dated in a history.  A restricted or confidential
 * analysis shows its title only to directors and planning.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "audit.h"
#include "auth.h"
#include "clock.h"
#include "seci_priv.h"

static const char *const analysis_states[] = { "draft", "submitted",
    "approved", NULL };
static const struct seci_move analysis_moves[] = {
	{ "draft", "submitted", SECI_ROLE_PLANNING },
	{ "submitted", "approved", 0 },		/* the Director only */
	{ "submitted", "draft", 0 },		/* returned: the Director */
};
const struct seci_workflow seci_analysis_workflow = { "analysis",
    analysis_states, analysis_moves,
    sizeof(analysis_moves) / sizeof(analysis_moves[0]) };

static const char *const classifications[] = { "public", "restricted",
    "confidential", NULL };

static int
event(struct seci_db *db, int64_t id, seci_day date, const char *action,
    const char *note, struct seci_err *err)
{
	char day[SECI_DATE_BUFSZ], now[SECI_TIME_BUFSZ];
	sqlite3_stmt *st;

	st = seci_db_stmt(db, "INSERT INTO analysis_event (analysis, date, "
	    "action, note, login, time) VALUES (?, ?, ?, ?, ?, ?)", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	seci_db_bind_text(st, 2, seci_date_format(date, day));
	seci_db_bind_text(st, 3, action);
	seci_db_bind_text(st, 4, note);
	seci_db_bind_text(st, 5, db->login);
	seci_db_bind_text(st, 6, seci_clock_now(now));
	return seci_db_exec_stmt(db, st, err);
}

/* An activity of year's plan that the analysis informs. */
static int
cite(struct seci_db *db, int64_t id, int year, const char *code,
    struct seci_err *err)
{
	sqlite3_stmt *st;
	int64_t n;

	st = seci_db_stmt(db, "SELECT count(*) FROM plan_activity WHERE year = "
	    "? AND code = ?", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	seci_db_bind_text(st, 2, code);
	if (seci_db_one_int(db, st, &n, err) < 0)
		return -1;
	if (n == 0)
		return seci_err_set(err, SECI_EXIT_DATA, "no activity %s in the "
		    "%d plan", code, year);
	st = seci_db_stmt(db, "INSERT INTO analysis_activity (analysis, year, "
	    "activity) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, year);
	seci_db_bind_text(st, 3, code);
	return seci_db_exec_stmt(db, st, err);
}

int
seci_analysis_add(struct seci_db *db, const struct seci_analysis *a,
    int64_t *id, struct seci_err *err)
{
	char now[SECI_TIME_BUFSZ];
	sqlite3_stmt *st;
	size_t i;
	int k;

	for (k = 0; classifications[k] &&
	    strcmp(classifications[k], a->classification) != 0; k++)
		;
	if (classifications[k] == NULL)
		return seci_err_set(err, SECI_EXIT_USAGE, "--classification: "
		    "'%s' is not one of public, restricted, confidential",
		    a->classification);
	if (*a->title == '\0' || *a->phenomenon == '\0' || *a->author == '\0')
		return seci_err_set(err, SECI_EXIT_USAGE, "an analysis needs a "
		    "title, a phenomenon and an author");
	st = seci_db_stmt(db, "INSERT INTO analysis (title, phenomenon, author, "
	    "classification, status, created) VALUES (?, ?, ?, ?, 'draft', ?)",
	    err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, a->title);
	seci_db_bind_text(st, 2, a->phenomenon);
	seci_db_bind_text(st, 3, a->author);
	seci_db_bind_text(st, 4, a->classification);
	seci_db_bind_text(st, 5, seci_clock_now(now));
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(db->h);
	for (i = 0; i < a->nactivities; i++)
		if (cite(db, *id, a->year, a->activities[i], err) < 0)
			return -1;
	if (event(db, *id, a->date, "added", NULL, err) < 0)
		return -1;
	return seci_audit_added_id(db, "analysis", *id, err);
}

int
seci_analysis_move(struct seci_db *db, int64_t id, const char *to,
    const char *note, seci_day date, unsigned roles, struct seci_err *err)
{
	struct seci_audit_change c;
	char from[16], key[24];
	sqlite3_stmt *st;
	int approve = strcmp(to, "approved") == 0;

	snprintf(key, sizeof(key), "%lld", (long long)id);
	if (strcmp(to, "draft") == 0 && (note == NULL || *note == '\0'))
		return seci_err_set(err, SECI_EXIT_USAGE, "returning an analysis "
		    "needs a --note saying what to change");
	if (seci_db_state(db, "analysis", "status", id, "analysis", from,
	    sizeof(from), err) < 0)
		return -1;
	/* No step before the last one. */
	if (seci_db_not_before(db, "SELECT max(date) FROM analysis_event "
	    "WHERE analysis = ?", id, date, err) < 0)
		return seci_err_prefix(err, 0, "analysis %s", key);
	if (seci_workflow_check(&seci_analysis_workflow, key, from, to, roles,
	    err) < 0 || seci_audit_begin_id(db, &c, "analysis", id, err) < 0)
		return -1;
	st = seci_db_stmt(db, "UPDATE analysis SET status = ? WHERE id = ?",
	    err);
	if (st == NULL)
		goto fail;
	seci_db_bind_text(st, 1, to);
	sqlite3_bind_int64(st, 2, id);
	if (seci_db_exec_stmt(db, st, err) < 0 || event(db, id, date,
	    approve ? "approved" : strcmp(to, "draft") == 0 ? "returned" :
	    "submitted", note, err) < 0)
		goto fail;
	return seci_audit_end(db, &c, err);
fail:
	seci_audit_cancel(&c);
	return -1;
}

/* Who sees a restricted or confidential analysis's title. */
static int
sees_all(unsigned roles)
{
	return (roles & (SECI_ROLE_DIRECTOR | SECI_ROLE_PLANNING)) != 0;
}

int
seci_analysis_list(struct seci_db *db, unsigned roles,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "id", SECI_COL_INT, 0 }, { "title", SECI_COL_TEXT, 0 },
		{ "phenomenon", SECI_COL_TEXT, 0 }, { "author", SECI_COL_TEXT, 0 },
		{ "classification", SECI_COL_TEXT, 0 },
		{ "status", SECI_COL_TEXT, 0 }, { "date", SECI_COL_TEXT, 0 },
		{ "activities", SECI_COL_TEXT, 0 },
	};
	sqlite3_stmt *st;

	/* date: of the latest step. */
	st = seci_db_stmt(db, "SELECT a.id, CASE WHEN a.classification = "
	    "'public' OR ?1 THEN a.title ELSE '" SECI_RESTRICTED "' END, "
	    "a.phenomenon, a.author, a.classification, a.status, (SELECT date "
	    "FROM analysis_event WHERE analysis = a.id ORDER BY id DESC LIMIT "
	    "1), (SELECT group_concat(year || ':' || activity, ';') FROM "
	    "(SELECT year, activity FROM analysis_activity WHERE analysis = "
	    "a.id ORDER BY year, activity)) FROM analysis a ORDER BY a.id", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, sees_all(roles));
	return seci_db_print(db, st, cols, 8, oo, err);
}

int
seci_analysis_show(struct seci_db *db, int64_t id, unsigned roles,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "field", SECI_COL_TEXT, 0 }, { "value", SECI_COL_TEXT, 0 },
	};
	sqlite3_stmt *st;
	int64_t n;

	st = seci_db_stmt(db, "SELECT count(*) FROM analysis WHERE id = ?", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (seci_db_one_int(db, st, &n, err) < 0)
		return -1;
	if (n == 0)
		return seci_err_set(err, SECI_EXIT_DATA, "no analysis %lld",
		    (long long)id);
	/* Its fields, the activities it informs, its dated history. */
	st = seci_db_stmt(db, "SELECT f, v FROM (SELECT 1 AS k, j.id AS s, "
	    "j.key AS f, j.value AS v FROM analysis a, json_each(json_object("
	    "'id', a.id, 'title', CASE WHEN a.classification = 'public' OR ?2 "
	    "THEN a.title ELSE '" SECI_RESTRICTED "' END, 'phenomenon', "
	    "a.phenomenon, 'author', a.author, 'classification', "
	    "a.classification, 'status', a.status)) j WHERE a.id = ?1 UNION ALL "
	    "SELECT 2, 0, 'informs', year || ' ' || activity FROM "
	    "analysis_activity WHERE analysis = ?1 UNION ALL SELECT 3, id, "
	    "'history', date || ' ' || action || ' by ' || login || "
	    "coalesce(': ' || note, '') FROM analysis_event WHERE analysis = ?1) "
	    "ORDER BY k, s, v", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, sees_all(roles));
	return seci_db_print(db, st, cols, 2, oo, err);
}
