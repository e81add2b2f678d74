/*
 * discipline.c - disciplinary cases: opened -> investigation -> hearing
 * -> decision -> appeal -> closed, only forward (a stage may be skipped,
 * never gone back to); a decision needs a recorded hearing, the right to
 * be heard, and a measure from disciplinary_measures (or none).  Every
 * step dated with its note.  hr and directors only.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "access.h"
#include "audit.h"
#include "clock.h"
#include "discipline.h"
#include "seci_priv.h"

static const char *const stages[] = { "opened", "investigation", "hearing",
    "decision", "appeal", "closed", NULL };

static int
stage_index(const char *s)
{
	int i;

	for (i = 0; stages[i]; i++)
		if (strcmp(stages[i], s) == 0)
			return i;
	return -1;
}

static int
record(struct seci_db *db, int64_t id, seci_day date, const char *stage,
    const char *note, const char *measure, struct seci_err *err)
{
	char day[SECI_DATE_BUFSZ], now[SECI_TIME_BUFSZ];
	sqlite3_stmt *st;

	st = seci_db_stmt(db, "INSERT INTO discipline_step (case_id, date, "
	    "stage, note, measure, login, time) VALUES (?, ?, ?, ?, ?, ?, ?)",
	    err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	seci_db_bind_text(st, 2, seci_date_format(date, day));
	seci_db_bind_text(st, 3, stage);
	seci_db_bind_text(st, 4, note);
	seci_db_bind_text(st, 5, measure);
	seci_db_bind_text(st, 6, db->login);
	seci_db_bind_text(st, 7, seci_clock_now(now));
	return seci_db_exec_stmt(db, st, err);
}

int
seci_case_open(struct seci_db *db, int64_t staff, const char *allegation,
    seci_day date, int64_t *id, struct seci_err *err)
{
	char day[SECI_DATE_BUFSZ];
	sqlite3_stmt *st;

	if (seci_db_need_id(db, "staff", staff, "staff member", err) < 0)
		return -1;
	if (*allegation == '\0')
		return seci_err_set(err, SECI_EXIT_USAGE, "an empty allegation");
	st = seci_db_stmt(db, "INSERT INTO discipline_case (staff, allegation, "
	    "stage, opened) VALUES (?, ?, 'opened', ?)", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, staff);
	seci_db_bind_text(st, 2, allegation);
	seci_db_bind_text(st, 3, seci_date_format(date, day));
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(db->h);
	if (record(db, *id, date, "opened", allegation, NULL, err) < 0)
		return -1;
	return seci_audit_added_id(db, "discipline_case", *id, err);
}

/* The measure is one of the configured list, or none. */
static int
measure_ok(const char *m, char *const *measures)
{
	size_t i;

	if (strcmp(m, "none") == 0)
		return 1;
	for (i = 0; measures && measures[i]; i++)
		if (strcmp(measures[i], m) == 0)
			return 1;
	return 0;
}

int
seci_case_step(struct seci_db *db, int64_t id, const char *stage,
    const char *note, const char *measure, seci_day date,
    char *const *measures, struct seci_err *err)
{
	struct seci_audit_change c;
	char from[16];
	sqlite3_stmt *st;
	int64_t heard;
	int to = stage_index(stage);

	if (seci_db_state(db, "discipline_case", "stage", id, "case", from,
	    sizeof(from), err) < 0)
		return -1;
	if (seci_db_not_before(db, "SELECT max(date) FROM discipline_step "
	    "WHERE case_id = ?", id, date, err) < 0)
		return seci_err_prefix(err, 0, "case %lld", (long long)id);
	if (to <= stage_index(from))
		return seci_err_set(err, SECI_EXIT_DATA, "case %lld is at %s: "
		    "stages only move forward, not to %s", (long long)id, from,
		    stage);
	if (note == NULL || *note == '\0')
		return seci_err_set(err, SECI_EXIT_USAGE, "every step needs its "
		    "--note");
	if (strcmp(stage, "decision") == 0) {
		/* The right to be heard. */
		st = seci_db_stmt(db, "SELECT count(*) FROM discipline_step "
		    "WHERE case_id = ? AND stage = 'hearing'", err);
		if (st == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, id);
		if (seci_db_one_int(db, st, &heard, err) < 0)
			return -1;
		if (heard == 0)
			return seci_err_set(err, SECI_EXIT_DATA, "case %lld: no "
			    "decision without a hearing; record the hearing "
			    "stage first", (long long)id);
		if (measure == NULL || !measure_ok(measure, measures))
			return seci_err_set(err, SECI_EXIT_DATA, "case %lld: a "
			    "decision needs --measure, none or one of the "
			    "configured disciplinary_measures", (long long)id);
	} else if (measure != NULL) {
		return seci_err_set(err, SECI_EXIT_USAGE, "--measure goes with "
		    "the decision stage");
	}
	if (seci_audit_begin_id(db, &c, "discipline_case", id, err) < 0)
		return -1;
	st = seci_db_stmt(db, "UPDATE discipline_case SET stage = ?, measure = "
	    "coalesce(?, measure) WHERE id = ?", err);
	if (st == NULL)
		goto fail;
	seci_db_bind_text(st, 1, stage);
	seci_db_bind_text(st, 2, measure);
	sqlite3_bind_int64(st, 3, id);
	if (seci_db_exec_stmt(db, st, err) < 0 || record(db, id, date, stage,
	    note, measure, err) < 0)
		goto fail;
	return seci_audit_end(db, &c, err);
fail:
	seci_audit_cancel(&c);
	return -1;
}

int
seci_case_list(struct seci_db *db, const struct seci_out_opts *oo,
    struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "id", SECI_COL_INT, 0 }, { "staff", SECI_COL_INT, 0 },
		{ "name", SECI_COL_TEXT, 0 }, { "allegation", SECI_COL_TEXT, 0 },
		{ "stage", SECI_COL_TEXT, 0 }, { "opened", SECI_COL_TEXT, 0 },
		{ "since", SECI_COL_TEXT, 0 }, { "measure", SECI_COL_TEXT, 0 },
	};
	sqlite3_stmt *st;

	if (seci_access_read(db, oo->roles, "discipline_case", 0, err) < 0)
		return -1;
	st = seci_db_stmt(db, "SELECT c.id, c.staff, s.name, c.allegation, "
	    "c.stage, c.opened, (SELECT date FROM discipline_step WHERE case_id "
	    "= c.id ORDER BY id DESC LIMIT 1), c.measure FROM discipline_case c "
	    "JOIN staff s ON s.id = c.staff ORDER BY c.id", err);
	if (st == NULL)
		return -1;
	return seci_db_print(db, st, cols, 8, oo, err);
}
