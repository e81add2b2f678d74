/* commitment.c - commitments on budget lines. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "budget.h"
#include "commitment.h"
#include "seci_priv.h"
#include "year.h"

static const char *const commitment_states[] = { "open", "closed",
    "carried", NULL };
static const struct seci_move commitment_moves[] = {
	{ "open", "closed", 0 },
	{ "open", "carried", 0 },
};
const struct seci_workflow seci_commitment_workflow = {
	"commitment", commitment_states, commitment_moves,
	sizeof(commitment_moves) / sizeof(commitment_moves[0])
};

int
seci_commit_add(struct seci_db *db, const char *line, seci_money amount,
    const char *payee, const char *ref, seci_day date, int64_t *id,
    struct seci_err *err)
{
	struct seci_line l;
	struct seci_line_figures f;
	char day[SECI_DATE_BUFSZ], a[SECI_MONEY_BUFSZ], b[SECI_MONEY_BUFSZ];
	sqlite3_stmt *st;
	int year = seci_year_of(date);

	if (amount <= 0)
		return seci_err_set(err, SECI_EXIT_DATA, "a commitment must be "
		    "above zero");
	if (ref == NULL || *ref == '\0' || payee == NULL || *payee == '\0')
		return seci_err_set(err, SECI_EXIT_USAGE, "commit: --ref and "
		    "--payee are required");
	if (seci_year_writable(db, year, err) < 0 ||
	    seci_budget_line(db, year, line, &l, err) < 0 ||
	    seci_budget_figures(db, l.id, seci_date_from_ymd(year, 12, 31),
	    &f, err) < 0)
		return -1;
	if (amount > f.available)
		return seci_err_set(err, SECI_EXIT_DATA, "line %s has %s "
		    "available; a commitment of %s is refused", line,
		    seci_money_format(f.available, db->decimals, ',', a),
		    seci_money_format(amount, db->decimals, ',', b));
	st = seci_db_stmt(db, "INSERT INTO commitment (line_id, year, ref, "
	    "payee, amount, date, status) VALUES (?, ?, ?, ?, ?, ?, 'open') "
	    "ON CONFLICT DO NOTHING", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, l.id);
	sqlite3_bind_int(st, 2, year);
	seci_db_bind_text(st, 3, ref);
	seci_db_bind_text(st, 4, payee);
	sqlite3_bind_int64(st, 5, amount);
	seci_db_bind_text(st, 6, seci_date_format(date, day));
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	if (sqlite3_changes(db->h) == 0)
		return seci_err_set(err, SECI_EXIT_DATA, "commitment '%s' "
		    "already exists in %d", ref, year);
	*id = sqlite3_last_insert_rowid(db->h);
	return seci_audit_added_id(db, "commitment", *id, err);
}

int
seci_commit_close(struct seci_db *db, const char *ref, seci_day date,
    struct seci_err *err)
{
	struct seci_audit_change c;
	char day[SECI_DATE_BUFSZ], status[16];
	sqlite3_stmt *st;
	int64_t id = 0;
	int rc, year = 0;

	/* The open one of that reference, else its latest, whose state
	 * the workflow then names. */
	st = seci_db_stmt(db, "SELECT id, year, status FROM commitment WHERE "
	    "ref = ? ORDER BY status = 'open' DESC, year DESC LIMIT 1", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, ref);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		year = sqlite3_column_int(st, 1);
		seci_db_col_text(st, 2, status, sizeof(status));
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return seci_err_set(err, SECI_EXIT_DATA, "no commitment '%s'",
		    ref);
	if (rc != SQLITE_ROW)
		return seci_db_fail(db, rc, "commitment", err);
	if (seci_workflow_check(&seci_commitment_workflow, ref, status,
	    "closed", 0, err) < 0 || seci_year_writable(db, year, err) < 0 ||
	    seci_year_writable_day(db, date, err) < 0 ||
	    seci_audit_begin_id(db, &c, "commitment", id, err) < 0)
		return -1;
	st = seci_db_stmt(db, "UPDATE commitment SET status = 'closed', "
	    "closed_on = ? WHERE id = ?", err);
	if (st == NULL) {
		seci_audit_cancel(&c);
		return -1;
	}
	seci_db_bind_text(st, 1, seci_date_format(date, day));
	sqlite3_bind_int64(st, 2, id);
	if (seci_db_exec_stmt(db, st, err) < 0) {
		seci_audit_cancel(&c);
		return -1;
	}
	return seci_audit_end(db, &c, err);
}

int
seci_commit_find(struct seci_db *db, int year, const char *ref,
    int64_t line_id, const char *line, int64_t *id, struct seci_err *err)
{
	sqlite3_stmt *st;
	int64_t on_line = 0;
	int rc, open = 0;

	st = seci_db_stmt(db, "SELECT id, line_id, status = 'open' FROM "
	    "commitment WHERE year = ? AND ref = ?", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	seci_db_bind_text(st, 2, ref);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		on_line = sqlite3_column_int64(st, 1);
		open = sqlite3_column_int(st, 2);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return seci_err_set(err, SECI_EXIT_DATA, "no commitment '%s' "
		    "in %d", ref, year);
	if (rc != SQLITE_ROW)
		return seci_db_fail(db, rc, "commitment", err);
	if (!open)
		return seci_err_set(err, SECI_EXIT_DATA, "commitment '%s' is "
		    "closed", ref);
	if (on_line != line_id)
		return seci_err_set(err, SECI_EXIT_DATA, "commitment '%s' is "
		    "not on line %s", ref, line);
	return 0;
}

int
seci_commit_each(struct seci_db *db, int year, seci_day as_of,
    seci_commitment_fn *fn, void *arg, struct seci_err *err)
{
	struct seci_err ignore = SECI_ERR_INIT;
	struct seci_commitment_row r;
	char day[SECI_DATE_BUFSZ];
	sqlite3_stmt *st;
	int rc, stop = 0;

	/* As the commitments stood on as_of: made by then, consumed by the
	 * expenses dated by then, closed only if closed by then. */
	st = seci_db_stmt(db, "SELECT id, year, code, ref, payee, date, amount, "
	    "used, CASE st WHEN 'open' THEN max(amount - used, 0) ELSE 0 END, "
	    "st FROM (SELECT c.*, l.code, CASE WHEN c.status <> 'open' AND "
	    "c.closed_on <= ?2 THEN c.status ELSE 'open' END AS st, (SELECT "
	    "coalesce(sum(e.amount), 0) FROM expense e WHERE e.commitment_id = "
	    "c.id AND e.status IN ('approved', 'paid') AND e.date <= ?2) AS used "
	    "FROM commitment c JOIN budget_line l ON l.id = c.line_id WHERE "
	    "c.year = ?1 AND c.date <= ?2) ORDER BY date, id", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	seci_db_bind_text(st, 2, seci_date_format(as_of, day));
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		r.id = sqlite3_column_int64(st, 0);
		r.year = sqlite3_column_int(st, 1);
		r.line = (const char *)sqlite3_column_text(st, 2);
		r.ref = (const char *)sqlite3_column_text(st, 3);
		r.payee = (const char *)sqlite3_column_text(st, 4);
		seci_date_parse((const char *)sqlite3_column_text(st, 5), NULL,
		    &r.date, &ignore);
		r.amount = sqlite3_column_int64(st, 6);
		r.consumed = sqlite3_column_int64(st, 7);
		r.remaining = sqlite3_column_int64(st, 8);
		r.status = (const char *)sqlite3_column_text(st, 9);
		stop = fn(arg, &r, err) < 0;
	}
	sqlite3_reset(st);
	if (stop)
		return -1;
	return rc == SQLITE_DONE ? 0 : seci_db_fail(db, rc, "commitment", err);
}

static const struct seci_col commit_cols[] = {
	{ "id", SECI_COL_INT, 0 }, { "year", SECI_COL_INT, 0 },
	{ "line", SECI_COL_TEXT, 0 }, { "ref", SECI_COL_TEXT, 0 },
	{ "payee", SECI_COL_TEXT, 0 }, { "date", SECI_COL_TEXT, 0 },
	{ "amount", SECI_COL_MONEY, 0 }, { "consumed", SECI_COL_MONEY, 0 },
	{ "remaining", SECI_COL_MONEY, 0 }, { "status", SECI_COL_TEXT, 0 },
};

static int
commit_row(void *arg, const struct seci_commitment_row *r,
    struct seci_err *err)
{
	struct seci_cell c[10];
	char day[SECI_DATE_BUFSZ];

	c[0] = seci_cell_int(r->id);
	c[1] = seci_cell_int(r->year);
	c[2] = seci_cell_text(r->line);
	c[3] = seci_cell_text(r->ref);
	c[4] = seci_cell_text(r->payee);
	c[5] = seci_cell_text(seci_date_format(r->date, day));
	c[6] = seci_cell_int(r->amount);
	c[7] = seci_cell_int(r->consumed);
	c[8] = seci_cell_int(r->remaining);
	c[9] = seci_cell_text(r->status);
	return seci_out_row(arg, c, err);
}

int
seci_commit_list(struct seci_db *db, int year, seci_day as_of,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	struct seci_out *o = seci_out_begin(oo, commit_cols, 10, err);

	if (o == NULL)
		return -1;
	if (seci_commit_each(db, year, as_of, commit_row, o, err) < 0) {
		seci_out_abort(o);
		return -1;
	}
	return seci_out_end(o, err);
}
