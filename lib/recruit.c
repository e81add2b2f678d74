/*
 * recruit.c - vacancies and candidates: applied -> shortlisted ->
 * interviewed -> offered -> hired, one step at a time, or rejected from
 * any of them, never backwards; hired creates the staff record.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "access.h"
#include "audit.h"
#include "auth.h"
#include "clock.h"
#include "recruit.h"
#include "seci_priv.h"
#include "staff.h"

static const char *const stages[] = { "applied", "shortlisted",
    "interviewed", "offered", "hired", "rejected", NULL };
static const struct seci_move moves[] = {
	{ "applied", "shortlisted", 0 }, { "shortlisted", "interviewed", 0 },
	{ "interviewed", "offered", 0 }, { "offered", "hired", 0 },
	{ "applied", "rejected", 0 }, { "shortlisted", "rejected", 0 },
	{ "interviewed", "rejected", 0 }, { "offered", "rejected", 0 },
};
const struct seci_workflow seci_candidate_workflow = { "candidate", stages,
    moves, sizeof(moves) / sizeof(moves[0]) };

int
seci_vacancy_open(struct seci_db *db, const char *post, const char *title,
    const char *grade, seci_day opened, seci_day closes, int64_t *id,
    struct seci_err *err)
{
	char a[SECI_DATE_BUFSZ], b[SECI_DATE_BUFSZ];
	sqlite3_stmt *st;

	if (closes < opened)
		return seci_err_set(err, SECI_EXIT_DATA, "a vacancy cannot close "
		    "before it opens (%s)", seci_date_format(opened, a));
	st = seci_db_stmt(db, "INSERT INTO vacancy (post, title, grade, opened, "
	    "closes) VALUES (?, ?, ?, ?, ?)", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, post);
	seci_db_bind_text(st, 2, title);
	seci_db_bind_text(st, 3, grade);
	seci_db_bind_text(st, 4, seci_date_format(opened, a));
	seci_db_bind_text(st, 5, seci_date_format(closes, b));
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(db->h);
	return seci_audit_added_id(db, "vacancy", *id, err);
}

int
seci_vacancy_list(struct seci_db *db, const struct seci_out_opts *oo,
    struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "id", SECI_COL_INT, 0 }, { "post", SECI_COL_TEXT, 0 },
		{ "title", SECI_COL_TEXT, 0 }, { "grade", SECI_COL_TEXT, 0 },
		{ "opened", SECI_COL_TEXT, 0 }, { "closes", SECI_COL_TEXT, 0 },
		{ "applied", SECI_COL_INT, 0 },
		{ "shortlisted", SECI_COL_INT, 0 },
		{ "interviewed", SECI_COL_INT, 0 }, { "offered", SECI_COL_INT, 0 },
		{ "hired", SECI_COL_INT, 0 }, { "rejected", SECI_COL_INT, 0 },
	};
	sqlite3_stmt *st;

	/* Candidates by the stage they are at. */
	st = seci_db_stmt(db, "SELECT v.id, v.post, v.title, v.grade, "
	    "v.opened, v.closes, count(CASE c.stage WHEN 'applied' THEN 1 END), "
	    "count(CASE c.stage WHEN 'shortlisted' THEN 1 END), count(CASE "
	    "c.stage WHEN 'interviewed' THEN 1 END), count(CASE c.stage WHEN "
	    "'offered' THEN 1 END), count(CASE c.stage WHEN 'hired' THEN 1 END), "
	    "count(CASE c.stage WHEN 'rejected' THEN 1 END) FROM vacancy v LEFT "
	    "JOIN candidate c ON c.vacancy = v.id GROUP BY v.id ORDER BY v.id",
	    err);
	if (st == NULL)
		return -1;
	return seci_db_print(db, st, cols, 12, oo, err);
}

static int
step(struct seci_db *db, int64_t id, const char *stage, seci_day date,
    struct seci_err *err)
{
	char day[SECI_DATE_BUFSZ], now[SECI_TIME_BUFSZ];
	sqlite3_stmt *st;

	st = seci_db_stmt(db, "INSERT INTO candidate_step (candidate, date, "
	    "stage, login, time) VALUES (?, ?, ?, ?, ?)", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	seci_db_bind_text(st, 2, seci_date_format(date, day));
	seci_db_bind_text(st, 3, stage);
	seci_db_bind_text(st, 4, db->login);
	seci_db_bind_text(st, 5, seci_clock_now(now));
	return seci_db_exec_stmt(db, st, err);
}

int
seci_candidate_add(struct seci_db *db, int64_t vacancy, const char *name,
    const char *nationality, seci_day date, int64_t *id,
    struct seci_err *err)
{
	char now[SECI_TIME_BUFSZ];
	sqlite3_stmt *st;

	if (seci_db_need_id(db, "vacancy", vacancy, "vacancy", err) < 0)
		return -1;
	st = seci_db_stmt(db, "INSERT INTO candidate (vacancy, name, "
	    "nationality, stage, created) VALUES (?, ?, ?, 'applied', ?)", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, vacancy);
	seci_db_bind_text(st, 2, name);
	seci_db_bind_text(st, 3, nationality);
	seci_db_bind_text(st, 4, seci_clock_now(now));
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(db->h);
	if (step(db, *id, "applied", date, err) < 0)
		return -1;
	return seci_audit_added_id(db, "candidate", *id, err);
}

/* Hired: the staff record, from the vacancy and the candidate. */
static int
hire(struct seci_db *db, int64_t id, seci_day date, int64_t *staff,
    struct seci_err *err)
{
	struct seci_staff s;
	sqlite3_stmt *st;
	char name[256], nat[64], post[256], grade[64];
	int rc;

	st = seci_db_stmt(db, "SELECT c.name, c.nationality, v.title, v.grade "
	    "FROM candidate c JOIN vacancy v ON v.id = c.vacancy WHERE c.id = ?",
	    err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		seci_db_col_text(st, 0, name, sizeof(name));
		seci_db_col_text(st, 1, nat, sizeof(nat));
		seci_db_col_text(st, 2, post, sizeof(post));
		seci_db_col_text(st, 3, grade, sizeof(grade));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return seci_db_fail(db, rc, "candidate", err);
	memset(&s, 0, sizeof(s));
	s.name = name;
	s.kind = "staff";
	s.position = post;
	s.grade = grade;
	s.nationality = nat;
	s.start = date;
	if (seci_staff_add(db, &s, staff, err) < 0)
		return -1;
	st = seci_db_stmt(db, "UPDATE candidate SET staff = ? WHERE id = ?",
	    err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, *staff);
	sqlite3_bind_int64(st, 2, id);
	return seci_db_exec_stmt(db, st, err);
}

int
seci_candidate_move(struct seci_db *db, int64_t id, const char *to,
    seci_day date, int64_t *staff, struct seci_err *err)
{
	struct seci_audit_change c;
	char from[16], key[24];
	sqlite3_stmt *st;

	*staff = 0;
	snprintf(key, sizeof(key), "%lld", (long long)id);
	if (seci_db_state(db, "candidate", "stage", id, "candidate", from,
	    sizeof(from), err) < 0)
		return -1;
	if (seci_db_not_before(db, "SELECT max(date) FROM candidate_step "
	    "WHERE candidate = ?", id, date, err) < 0)
		return seci_err_prefix(err, 0, "candidate %s", key);
	if (seci_workflow_check(&seci_candidate_workflow, key, from, to, 0,
	    err) < 0 || seci_audit_begin_id(db, &c, "candidate", id, err) < 0)
		return -1;
	st = seci_db_stmt(db, "UPDATE candidate SET stage = ? WHERE id = ?",
	    err);
	if (st == NULL)
		goto fail;
	seci_db_bind_text(st, 1, to);
	sqlite3_bind_int64(st, 2, id);
	if (seci_db_exec_stmt(db, st, err) < 0 ||
	    step(db, id, to, date, err) < 0 ||
	    (strcmp(to, "hired") == 0 && hire(db, id, date, staff, err) < 0))
		goto fail;
	return seci_audit_end(db, &c, err);
fail:
	seci_audit_cancel(&c);
	return -1;
}

int
seci_candidate_list(struct seci_db *db, int64_t vacancy,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "id", SECI_COL_INT, 0 }, { "vacancy", SECI_COL_INT, 0 },
		{ "name", SECI_COL_TEXT, SECI_ROLE_HR },
		{ "nationality", SECI_COL_TEXT, 0 },
		{ "stage", SECI_COL_TEXT, 0 }, { "since", SECI_COL_TEXT, 0 },
		{ "staff", SECI_COL_INT, 0 },
	};
	sqlite3_stmt *st;

	if (seci_access_read(db, oo->roles, "candidate", 0, err) < 0)
		return -1;
	st = seci_db_stmt(db, "SELECT c.id, c.vacancy, c.name, c.nationality, "
	    "c.stage, (SELECT date FROM candidate_step WHERE candidate = c.id "
	    "ORDER BY id DESC LIMIT 1), c.staff FROM candidate c WHERE ?1 = 0 "
	    "OR c.vacancy = ?1 ORDER BY c.vacancy, c.id", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, vacancy);
	return seci_db_print(db, st, cols, 7, oo, err);
}
