/* yearend.c - closing a budget year: depreciation through December,
 * open commitments carried to the next year, the rest lapsed, the year
 * locked. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "asset.h"
#include "audit.h"
#include "budget.h"
#include "commitment.h"
#include "ledger.h"
#include "seci_priv.h"
#include "statement.h"
#include "workflow.h"
#include "yearend.h"

static int
carry_commitments(struct seci_db *db, int year, seci_day date,
    struct seci_err *err)
{
	sqlite3_stmt *st, *ins, *upd;
	char day[SECI_DATE_BUFSZ], next_day[SECI_DATE_BUFSZ];
	struct seci_audit_change c;
	struct seci_line next;
	struct seci_err miss = SECI_ERR_INIT;
	unsigned missing = 0;
	int rc;

	/* What each open commitment still holds at the end of the year. */
	st = seci_db_stmt(db, "SELECT c.id, c.ref, c.payee, l.code, "
	    "max(c.amount - (SELECT coalesce(sum(e.amount), 0) FROM expense e "
	    "WHERE e.commitment_id = c.id AND e.status IN ('approved', "
	    "'paid')), 0) FROM commitment c JOIN budget_line l ON l.id = "
	    "c.line_id WHERE c.year = ? AND c.status = 'open' ORDER BY c.id",
	    err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	seci_date_format(date, day);
	seci_date_format(seci_date_from_ymd(year + 1, 1, 1), next_day);
	miss.report = err->report;
	miss.report_arg = err->report_arg;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		seci_money left = sqlite3_column_int64(st, 4);
		const char *code = (const char *)sqlite3_column_text(st, 3);

		if (seci_audit_begin_id(db, &c, "commitment", id, err) < 0)
			goto fail;
		if (left > 0) {
			if (seci_budget_line(db, year + 1, code, &next,
			    &miss) < 0 || next.status == SECI_BUDGET_CLOSED) {
				if (miss.code)
					seci_err_report(err, SECI_ERROR,
					    "commitment %s on line %s cannot "
					    "carry over: no line %s in the %d "
					    "budget", (const char *)
					    sqlite3_column_text(st, 1), code,
					    code, year + 1);
				else
					seci_err_report(err, SECI_ERROR,
					    "commitment %s on line %s cannot "
					    "carry over: the %d budget is "
					    "closed", (const char *)
					    sqlite3_column_text(st, 1), code,
					    year + 1);
				seci_err_clear(&miss);
				missing++;
				seci_audit_cancel(&c);
				continue;
			}
			ins = seci_db_stmt(db, "INSERT INTO commitment (line_id, "
			    "year, ref, payee, amount, date, status, "
			    "carried_from) SELECT ?, ?, ref, payee, ?, ?, "
			    "'open', id FROM commitment WHERE id = ?", err);
			if (ins == NULL)
				goto fail_before;
			sqlite3_bind_int64(ins, 1, next.id);
			sqlite3_bind_int(ins, 2, year + 1);
			sqlite3_bind_int64(ins, 3, left);
			seci_db_bind_text(ins, 4, next_day);
			sqlite3_bind_int64(ins, 5, id);
			if (seci_db_exec_stmt(db, ins, err) < 0 ||
			    seci_audit_added_id(db, "commitment",
			    sqlite3_last_insert_rowid(db->h), err) < 0)
				goto fail_before;
		}
		if (seci_workflow_check(&seci_commitment_workflow,
		    (const char *)sqlite3_column_text(st, 1), "open",
		    left > 0 ? "carried" : "closed", 0, err) < 0)
			goto fail_before;
		upd = seci_db_stmt(db, "UPDATE commitment SET status = ?, "
		    "closed_on = ? WHERE id = ?", err);
		if (upd == NULL)
			goto fail_before;
		seci_db_bind_text(upd, 1, left > 0 ? "carried" : "closed");
		seci_db_bind_text(upd, 2, day);
		sqlite3_bind_int64(upd, 3, id);
		if (seci_db_exec_stmt(db, upd, err) < 0)
			goto fail_before;
		if (seci_audit_end(db, &c, err) < 0)
			goto fail;
	}
	sqlite3_reset(st);
	if (missing)
		return seci_err_set(err, SECI_EXIT_DATA, "%u commitment%s "
		    "cannot carry over; load the %d budget with those lines "
		    "first", missing, missing == 1 ? "" : "s", year + 1);
	return rc == SQLITE_DONE ? 0 : seci_db_fail(db, rc, "close", err);
fail_before:
	seci_audit_cancel(&c);
fail:
	sqlite3_reset(st);
	return -1;
}

/* The surplus (deficit) of the year, from the statement of performance. */
static int
keep_surplus(void *arg, const struct seci_statement_row *r,
    struct seci_err *err)
{
	(void)err;
	if (strcmp(r->section, "result") == 0)
		*(seci_money *)arg = r->amount;
	return 0;
}

/* Closing entry on the year's last day: its surplus moves from the
 * surplus of the year (3100) to the accumulated surplus (3000). */
static int
close_surplus(struct seci_db *db, int year, struct seci_err *err)
{
	struct seci_ledger_ref ref = { "close", 0, 0 };
	seci_day last = seci_date_from_ymd(year, 12, 31);
	struct seci_posting p[2];
	seci_money surplus = 0;
	char memo[64];

	if (seci_statement_performance(db, year, last, keep_surplus, &surplus,
	    err) < 0)
		return -1;
	if (surplus == 0)
		return 0;
	memset(p, 0, sizeof(p));
	p[0].account = SECI_ACC_SURPLUS;
	p[0].amount = surplus;
	p[1].account = SECI_ACC_NET_ASSETS;
	p[1].amount = -surplus;
	snprintf(memo, sizeof(memo), "%d closed: its surplus to accumulated "
	    "surplus", year);
	return seci_ledger_post(db, last, memo, &ref, p, 2, NULL, err);
}

/* What lapses on each line: its revised appropriation less what was
 * spent and what was carried to the next year. */
struct lapse {
	struct seci_db *db;
	int year;
	struct seci_out *o;
};

static int
lapse_line(void *arg, const struct seci_budget_row *r, struct seci_err *err)
{
	struct lapse *l = arg;
	struct seci_cell c[6];
	sqlite3_stmt *st;
	seci_money carried, left, lapsed;

	if (r->total != SECI_BUDGET_LINE)
		return 0;
	st = seci_db_stmt(l->db, "SELECT coalesce(sum(n.amount), 0) FROM "
	    "commitment c JOIN budget_line bl ON bl.id = c.line_id JOIN "
	    "commitment n ON n.carried_from = c.id WHERE bl.year = ? AND "
	    "bl.code = ?", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, l->year);
	seci_db_bind_text(st, 2, r->line);
	if (seci_db_one_int(l->db, st, &carried, err) < 0 ||
	    seci_money_sub(r->f.revised, r->f.spent, &left, err) < 0 ||
	    seci_money_sub(left, carried, &lapsed, err) < 0)
		return -1;
	c[0] = seci_cell_text(r->line);
	c[1] = seci_cell_text(r->name);
	c[2] = seci_cell_int(r->f.revised);
	c[3] = seci_cell_int(r->f.spent);
	c[4] = seci_cell_int(carried);
	c[5] = seci_cell_int(lapsed);
	return seci_out_row(l->o, c, err);
}

int
seci_yearend_close(struct seci_db *db, int year, seci_day date,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "line", SECI_COL_TEXT, 0 }, { "name", SECI_COL_TEXT, 0 },
		{ "revised", SECI_COL_MONEY, 0 }, { "spent", SECI_COL_MONEY, 0 },
		{ "carried", SECI_COL_MONEY, 0 }, { "lapsed", SECI_COL_MONEY, 0 },
	};
	enum seci_budget_status status;
	struct seci_audit_change chg;
	char day[SECI_DATE_BUFSZ], key[16];
	sqlite3_stmt *st;
	int64_t proposed;

	if (seci_budget_status(db, year, &status, err) < 0)
		return -1;
	if (status != SECI_BUDGET_ADOPTED)
		return seci_err_set(err, SECI_EXIT_DATA, status ==
		    SECI_BUDGET_CLOSED ? "budget year %d is already closed" :
		    "the %d budget is not adopted; only an adopted year can "
		    "close", year);
	if (date < seci_date_from_ymd(year, 12, 31))
		return seci_err_set(err, SECI_EXIT_DATA, "year %d cannot close "
		    "before its last day (--as-of %s)", year,
		    seci_date_format(date, day));
	st = seci_db_stmt(db, "SELECT count(*) FROM expense e JOIN budget_line "
	    "l ON l.id = e.line_id WHERE l.year = ? AND e.status = 'proposed'",
	    err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	if (seci_db_one_int(db, st, &proposed, err) < 0)
		return -1;
	if (proposed > 0)
		return seci_err_set(err, SECI_EXIT_DATA, "%lld expense%s of %d "
		    "%s still proposed; approve or reject them first",
		    (long long)proposed, proposed == 1 ? "" : "s", year,
		    proposed == 1 ? "is" : "are");
	if (seci_asset_depreciate(db, seci_date_from_ymd(year, 12, 31),
	    err) < 0 || carry_commitments(db, year, date, err) < 0 ||
	    close_surplus(db, year, err) < 0)
		return -1;
	snprintf(key, sizeof(key), "%d", year);
	if (seci_audit_begin_json(db, &chg, "budget", key, seci_budget_json,
	    err) < 0)
		return -1;
	st = seci_db_stmt(db, "UPDATE budget SET status = 'closed', closed_on "
	    "= ? WHERE year = ?", err);
	if (st == NULL) {
		seci_audit_cancel(&chg);
		return -1;
	}
	seci_db_bind_text(st, 1, seci_date_format(date, day));
	sqlite3_bind_int(st, 2, year);
	if (seci_db_exec_stmt(db, st, err) < 0) {
		seci_audit_cancel(&chg);
		return -1;
	}
	if (seci_audit_end(db, &chg, err) < 0)
		return -1;

	/* What lapses: revised less spent less what was carried over;
	 * every transfer, supplement and expense of the year counts. */
	{
		struct lapse l = { db, year, NULL };

		if ((l.o = seci_out_begin(oo, cols, 6, err)) == NULL)
			return -1;
		if (seci_budget_each(db, year, seci_date_from_ymd(9999, 12, 31),
		    lapse_line, &l, err) < 0) {
			seci_out_abort(l.o);
			return -1;
		}
		return seci_out_end(l.o, err);
	}
}
