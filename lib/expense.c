/* expense.c - expenditure: proposal, approval (thresholds, overspend,
 * provisional twelfths), rejection, payment, and their postings. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "bankbook.h"
#include "auth.h"
#include "budget.h"
#include "commitment.h"
#include "expense.h"
#include "ledger.h"
#include "seci_priv.h"
#include "year.h"

static const char *const expense_states[] = { "proposed", "approved",
    "rejected", "paid", NULL };
static const struct seci_move expense_moves[] = {
	{ "proposed", "approved", SECI_ROLE_FINANCE },
	{ "proposed", "rejected", SECI_ROLE_FINANCE },
	{ "approved", "paid", SECI_ROLE_FINANCE },
};
const struct seci_workflow seci_expense_workflow = {
	"expense", expense_states, expense_moves,
	sizeof(expense_moves) / sizeof(expense_moves[0])
};

const char seci_expense_insert_sql[] = "INSERT INTO expense (line_id, date, "
    "payee, amount, status, reference, row_key, commitment_id, "
    "description, import_id) VALUES (?, ?, ?, ?, 'proposed', ?, ?, ?, ?, ?) "
    "ON CONFLICT DO NOTHING";

int
seci_expense_add(struct seci_db *db, const struct seci_expense *e,
    int64_t *id, struct seci_err *err)
{
	struct seci_line l;
	char day[SECI_DATE_BUFSZ];
	sqlite3_stmt *st;
	int64_t cid = 0;
	int year = seci_year_of(e->date);

	if (e->amount <= 0)
		return seci_err_set(err, SECI_EXIT_DATA, "an expense must be "
		    "above zero");
	if (e->payee == NULL || *e->payee == '\0')
		return seci_err_set(err, SECI_EXIT_USAGE, "expense add: "
		    "--payee is required");
	if (seci_year_writable(db, year, err) < 0 ||
	    seci_budget_line(db, year, e->line, &l, err) < 0)
		return -1;
	if (e->commitment && seci_commit_find(db, year, e->commitment, l.id,
	    e->line, &cid, err) < 0)
		return -1;
	if ((st = seci_db_stmt(db, seci_expense_insert_sql, err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, l.id);
	seci_db_bind_text(st, 2, seci_date_format(e->date, day));
	seci_db_bind_text(st, 3, e->payee);
	sqlite3_bind_int64(st, 4, e->amount);
	seci_db_bind_text(st, 5, e->reference && *e->reference ?
	    e->reference : NULL);
	if (cid)
		sqlite3_bind_int64(st, 7, cid);
	seci_db_bind_text(st, 8, e->description ? e->description : "");
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	if (sqlite3_changes(db->h) == 0)
		return seci_err_set(err, SECI_EXIT_DATA, "an expense with "
		    "reference '%s' already exists", e->reference);
	*id = sqlite3_last_insert_rowid(db->h);
	if (seci_ledger_bounded(db, err) < 0)
		return -1;
	return seci_audit_added_id(db, "expense", *id, err);
}

/* ---- approval, rejection, payment -------------------------------------- */

struct expense_row {
	int64_t id, line_id;
	seci_money amount;
	seci_day date;
	int year;
	char key[24];
	char status[16], code[64], chapter[64], kind[16];
};

static int
load_expense(struct seci_db *db, int64_t id, struct expense_row *r,
    struct seci_err *err)
{
	struct seci_err ignore = SECI_ERR_INIT;
	sqlite3_stmt *st;
	int rc;

	st = seci_db_stmt(db, "SELECT e.line_id, e.amount, e.date, e.status, "
	    "l.year, l.code, l.chapter, l.kind FROM expense e JOIN budget_line "
	    "l ON l.id = e.line_id WHERE e.id = ?", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r->id = id;
		snprintf(r->key, sizeof(r->key), "%lld", (long long)id);
		r->line_id = sqlite3_column_int64(st, 0);
		r->amount = sqlite3_column_int64(st, 1);
		seci_date_parse((const char *)sqlite3_column_text(st, 2), NULL,
		    &r->date, &ignore);
		seci_db_col_text(st, 3, r->status, sizeof(r->status));
		r->year = sqlite3_column_int(st, 4);
		seci_db_col_text(st, 5, r->code, sizeof(r->code));
		seci_db_col_text(st, 6, r->chapter, sizeof(r->chapter));
		seci_db_col_text(st, 7, r->kind, sizeof(r->kind));
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return seci_err_set(err, SECI_EXIT_DATA, "no expense %lld",
		    (long long)id);
	if (rc != SQLITE_ROW)
		return seci_db_fail(db, rc, "expense", err);
	return 0;
}

/* The expense, allowed by its workflow to move to `to` by roles, in a
 * year that may change (year: that of the date the move is dated). */
static int
load_for_move(struct seci_db *db, int64_t id, const char *to,
    unsigned roles, int year, struct expense_row *r, struct seci_err *err)
{
	if (load_expense(db, id, r, err) < 0 ||
	    seci_workflow_check(&seci_expense_workflow, r->key, r->status, to,
	    roles, err) < 0)
		return -1;
	return seci_year_writable(db, year ? year : r->year, err);
}

/* Provisional twelfths for a year whose budget is not adopted: approvals
 * in a chapter up to m/12 of the chapter's revised appropriation of the
 * year before, m the months of the year elapsed at date. */
static int
check_twelfths(struct seci_db *db, const struct expense_row *r,
    seci_day date, struct seci_err *err)
{
	char a[SECI_MONEY_BUFSZ], b[SECI_MONEY_BUFSZ], c[SECI_MONEY_BUFSZ];
	struct seci_line_figures last, now;
	enum seci_budget_status was;
	seci_money prev, approved, cap;
	int m = seci_year_months_elapsed(r->year, date);
	seci_day all = seci_date_from_ymd(9999, 12, 31);

	/* The chapter's revised appropriation of the year before, if that
	 * budget was adopted; what the chapter has approved this year. */
	memset(&last, 0, sizeof(last));
	if (seci_budget_status(db, r->year - 1, &was, err) < 0 ||
	    ((was == SECI_BUDGET_ADOPTED || was == SECI_BUDGET_CLOSED) &&
	    seci_budget_chapter(db, r->year - 1, r->chapter, all, &last,
	    err) < 0) || seci_budget_chapter(db, r->year, r->chapter, all,
	    &now, err) < 0)
		return -1;
	prev = last.revised;
	approved = now.spent;
	cap = seci_year_twelfths(prev, m);
	if (approved > cap)
		return seci_err_set(err, SECI_EXIT_DATA, "the %d budget is not "
		    "adopted: provisional twelfths allow chapter %s %s by month "
		    "%d (%d/12 of %s revised in %d); this approval would bring "
		    "it to %s", r->year, r->chapter, seci_money_format(cap,
		    db->decimals, ',', a), m, m, seci_money_format(prev,
		    db->decimals, ',', b), r->year - 1, seci_money_format(
		    approved, db->decimals, ',', c));
	return 0;
}

/* After the approval is written: the line may not be overspent (an
 * adopted budget), or the chapter beyond its twelfths (a draft). */
static int
check_budget(struct seci_db *db, const struct expense_row *r,
    const struct seci_approval *a, struct seci_err *err)
{
	char x[SECI_MONEY_BUFSZ], y[SECI_MONEY_BUFSZ];
	enum seci_budget_status status;
	struct seci_line_figures f;

	if (seci_budget_status(db, r->year, &status, err) < 0)
		return -1;
	if (status != SECI_BUDGET_ADOPTED)
		return check_twelfths(db, r, a->date, err);
	/* The whole year's commitments and spending count. */
	if (seci_budget_figures(db, r->line_id, seci_date_from_ymd(r->year, 12,
	    31), &f, err) < 0)
		return -1;
	if (f.available < 0 && !a->override)
		return seci_err_set(err, SECI_EXIT_DATA, "line %s would be "
		    "overspent by %s (expense %lld of %s); refused", r->code,
		    seci_money_format(-f.available, db->decimals, ',', x),
		    (long long)r->id, seci_money_format(r->amount, db->decimals,
		    ',', y));
	return 0;
}

static const char *
expense_account(const char *kind)
{
	if (strcmp(kind, "staff") == 0)
		return SECI_ACC_STAFF;
	if (strcmp(kind, "capital") == 0)
		return SECI_ACC_FIXED_ASSETS;
	return SECI_ACC_OPERATING;
}

/* Who may approve this amount: above the threshold, the director. */
static int
check_authority(struct seci_db *db, const struct expense_row *r,
    const struct seci_approval *a, struct seci_err *err)
{
	char x[SECI_MONEY_BUFSZ], y[SECI_MONEY_BUFSZ];
	int director = (a->roles & SECI_ROLE_DIRECTOR) != 0;
	seci_money threshold;

	if (seci_money_parse_lenient(a->threshold, db->decimals, &threshold,
	    err) < 0)
		return seci_err_prefix(err, SECI_EXIT_CONFIG,
		    "approval_threshold");
	if (r->amount > threshold && !director)
		return seci_err_set(err, SECI_EXIT_PERM, "permission denied: "
		    "expense %lld is %s, above the approval threshold of %s; "
		    "only the director may approve it", (long long)r->id,
		    seci_money_format(r->amount, db->decimals, ',', x),
		    seci_money_format(threshold, db->decimals, ',', y));
	if (a->override && !director)
		return seci_err_set(err, SECI_EXIT_PERM, "permission denied: "
		    "only the director may --override");
	if (a->override && (a->reason == NULL || *a->reason == '\0'))
		return seci_err_set(err, SECI_EXIT_USAGE, "--override needs "
		    "--reason");
	return 0;
}

int
seci_expense_approve(struct seci_db *db, int64_t id,
    const struct seci_approval *a, struct seci_err *err)
{
	struct expense_row r;
	struct seci_audit_change c;
	struct seci_ledger_ref ref = { "expense", id, 0 };
	struct seci_posting p[2];
	char day[SECI_DATE_BUFSZ], memo[128];
	sqlite3_stmt *st;

	if (load_for_move(db, id, "approved", a->roles, 0, &r, err) < 0 ||
	    seci_year_writable_day(db, a->date, err) < 0 ||
	    check_authority(db, &r, a, err) < 0 ||
	    seci_audit_begin_id(db, &c, "expense", id, err) < 0)
		return -1;
	st = seci_db_stmt(db, "UPDATE expense SET status = 'approved', "
	    "approved_by = ?, approved_on = ?, override_reason = ? WHERE id = ?",
	    err);
	if (st == NULL)
		goto fail;
	seci_db_bind_text(st, 1, db->login);
	seci_db_bind_text(st, 2, seci_date_format(a->date, day));
	seci_db_bind_text(st, 3, a->override ? a->reason : NULL);
	sqlite3_bind_int64(st, 4, id);
	if (seci_db_exec_stmt(db, st, err) < 0 ||
	    check_budget(db, &r, a, err) < 0)
		goto fail;
	snprintf(memo, sizeof(memo), "expense %lld approved, line %s",
	    (long long)id, r.code);
	memset(p, 0, sizeof(p));
	p[0].account = expense_account(r.kind);
	p[0].amount = r.amount;
	p[1].account = SECI_ACC_PAYABLE;
	p[1].amount = -r.amount;
	if (seci_ledger_post(db, r.date, memo, &ref, p, 2, NULL, err) < 0)
		goto fail;
	return seci_audit_end(db, &c, err);
fail:
	seci_audit_cancel(&c);
	return -1;
}

int
seci_expense_reject(struct seci_db *db, int64_t id, const char *reason,
    seci_day date, unsigned roles, struct seci_err *err)
{
	struct expense_row r;
	struct seci_audit_change c;
	char day[SECI_DATE_BUFSZ];
	sqlite3_stmt *st;

	if (reason == NULL || *reason == '\0')
		return seci_err_set(err, SECI_EXIT_USAGE, "expense reject: "
		    "--reason is required");
	if (load_for_move(db, id, "rejected", roles, 0, &r, err) < 0 ||
	    seci_year_writable_day(db, date, err) < 0 ||
	    seci_audit_begin_id(db, &c, "expense", id, err) < 0)
		return -1;
	st = seci_db_stmt(db, "UPDATE expense SET status = 'rejected', "
	    "reject_reason = ?, approved_by = ?, approved_on = ? WHERE id = ?",
	    err);
	if (st == NULL) {
		seci_audit_cancel(&c);
		return -1;
	}
	seci_db_bind_text(st, 1, reason);
	seci_db_bind_text(st, 2, db->login);
	seci_db_bind_text(st, 3, seci_date_format(date, day));
	sqlite3_bind_int64(st, 4, id);
	if (seci_db_exec_stmt(db, st, err) < 0) {
		seci_audit_cancel(&c);
		return -1;
	}
	return seci_audit_end(db, &c, err);
}

int
seci_expense_pay(struct seci_db *db, int64_t id, seci_day date,
    const char *bank, unsigned roles, struct seci_err *err)
{
	struct expense_row r;
	struct seci_audit_change c;
	struct seci_ledger_ref ref = { "payment-out", id, 0 };
	struct seci_bankacct b;
	struct seci_posting p;
	char day[SECI_DATE_BUFSZ], memo[96];
	sqlite3_stmt *st;
	seci_money own;

	/* Paying a payable of a closed year is a cash event of the year it
	 * happens in: that year must be open. */
	if (load_for_move(db, id, "paid", roles, seci_year_of(date), &r,
	    err) < 0)
		return -1;
	if (date < r.date)
		return seci_err_set(err, SECI_EXIT_DATA, "expense %lld is dated "
		    "after %s; it cannot be paid before it", (long long)id,
		    seci_date_format(date, day));
	/* From a foreign-currency account: what the amount costs in its
	 * currency on the day. */
	if (seci_bank_get(db, bank, &b, err) < 0 ||
	    seci_bank_own(db, &b, r.amount, date, &own, err) < 0 ||
	    seci_audit_begin_id(db, &c, "expense", id, err) < 0)
		return -1;
	st = seci_db_stmt(db, "UPDATE expense SET status = 'paid', paid_on = ?, "
	    "bank = ? WHERE id = ?", err);
	if (st == NULL) {
		seci_audit_cancel(&c);
		return -1;
	}
	seci_db_bind_text(st, 1, seci_date_format(date, day));
	seci_db_bind_text(st, 2, b.code);
	sqlite3_bind_int64(st, 3, id);
	snprintf(memo, sizeof(memo), "expense %lld paid", (long long)id);
	memset(&p, 0, sizeof(p));
	p.account = SECI_ACC_PAYABLE;
	p.amount = r.amount;
	if (seci_db_exec_stmt(db, st, err) < 0 ||
	    seci_bank_post(db, &b, date, memo, &ref, -own, -r.amount, &p, 1,
	    "expense", NULL, err) < 0) {
		seci_audit_cancel(&c);
		return -1;
	}
	return seci_audit_end(db, &c, err);
}

int
seci_expense_list(struct seci_db *db, const struct seci_expense_filter *f,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "id", SECI_COL_INT, 0 }, { "date", SECI_COL_TEXT, 0 },
		{ "line", SECI_COL_TEXT, 0 }, { "payee", SECI_COL_TEXT, 0 },
		{ "amount", SECI_COL_MONEY, 0 }, { "status", SECI_COL_TEXT, 0 },
		{ "reference", SECI_COL_TEXT, 0 }, { "commitment", SECI_COL_TEXT, 0 },
		{ "description", SECI_COL_TEXT, 0 },
		{ "approved_by", SECI_COL_TEXT, 0 },
		{ "approved_on", SECI_COL_TEXT, 0 },
		{ "paid_on", SECI_COL_TEXT, 0 },
	};
	sqlite3_stmt *st;

	if (f->status && !seci_workflow_state(&seci_expense_workflow,
	    f->status))
		return seci_err_set(err, SECI_EXIT_USAGE, "unknown status '%s' "
		    "(proposed, approved, rejected, paid)", f->status);
	st = seci_db_stmt(db, "SELECT e.id, e.date, l.code, e.payee, e.amount, "
	    "e.status, e.reference, c.ref, e.description, CASE WHEN e.status IN "
	    "('approved', 'paid') THEN e.approved_by END, CASE WHEN e.status "
	    "IN ('approved', 'paid') THEN e.approved_on END, e.paid_on FROM "
	    "expense e "
	    "JOIN budget_line l ON l.id = e.line_id LEFT JOIN commitment c ON "
	    "c.id = e.commitment_id WHERE (?1 IS NULL OR l.year = ?1) AND "
	    "(?2 IS NULL OR l.code = ?2) AND (?3 IS NULL OR e.status = ?3) AND "
	    "(?4 IS NULL OR e.date >= ?4) AND (?5 IS NULL OR e.date <= ?5) "
	    "ORDER BY e.date, e.id", err);
	if (st == NULL)
		return -1;
	if (f->from == NULL && f->to == NULL)
		sqlite3_bind_int(st, 1, f->year);
	seci_db_bind_text(st, 2, f->line);
	seci_db_bind_text(st, 3, f->status);
	seci_db_bind_text(st, 4, f->from);
	seci_db_bind_text(st, 5, f->to);
	return seci_db_print(db, st, cols, 12, oo, err);
}
