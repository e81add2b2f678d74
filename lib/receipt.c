/*
 * receipt.c - money received that is not a contribution, against one of
 * the budget's other income items (host-country grant, interest, sale of
 * assets): by hand into a bank account, or a payment taken out of
 * suspense.  Either way other revenue (4900) is credited.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "bankbook.h"
#include "clock.h"
#include "rate.h"
#include "receipt.h"
#include "seci_priv.h"
#include "year.h"

/* The year's income item code exists. */
static int
income_exists(struct seci_db *db, int year, const char *code,
    struct seci_err *err)
{
	sqlite3_stmt *st;
	int64_t n;

	st = seci_db_stmt(db, "SELECT count(*) FROM budget_income WHERE year = "
	    "? AND code = ?", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	seci_db_bind_text(st, 2, code);
	if (seci_db_one_int(db, st, &n, err) < 0)
		return -1;
	if (n == 0)
		return seci_err_set(err, SECI_EXIT_DATA, "no income item '%s' in "
		    "the %d budget", code, year);
	return 0;
}

static int
insert(struct seci_db *db, seci_day date, const char *income,
    seci_money base, const struct seci_bankacct *b, seci_money own,
    const char *ref, int64_t payment, int64_t *id, struct seci_err *err)
{
	char day[SECI_DATE_BUFSZ], now[SECI_TIME_BUFSZ];
	sqlite3_stmt *st;

	st = seci_db_stmt(db, "INSERT INTO receipt (date, year, income, "
	    "amount, bank, bank_amount, reference, payment, created) VALUES (?, "
	    "?, ?, ?, ?, ?, ?, nullif(?, 0), ?)", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, seci_date_format(date, day));
	sqlite3_bind_int(st, 2, seci_year_of(date));
	seci_db_bind_text(st, 3, income);
	sqlite3_bind_int64(st, 4, base);
	seci_db_bind_text(st, 5, b->code);
	sqlite3_bind_int64(st, 6, own);
	seci_db_bind_text(st, 7, ref);
	sqlite3_bind_int64(st, 8, payment);
	seci_db_bind_text(st, 9, seci_clock_now(now));
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(db->h);
	return 0;
}

int
seci_receipt_add(struct seci_db *db, const struct seci_receipt *r,
    int64_t *id, struct seci_err *err)
{
	struct seci_ledger_ref ref = { "receipt", 0, 0 };
	struct seci_bankacct b;
	struct seci_posting p;
	char memo[96], text[40];
	seci_money base, own;
	int64_t rate;

	/* The amount is in the bank account's currency. */
	if (seci_bank_get(db, r->bank, &b, err) < 0)
		return -1;
	if (seci_money_parse(r->amount, b.decimals, '.', &own, err) < 0)
		return seci_err_prefix(err, SECI_EXIT_USAGE, "--amount");
	if (own <= 0)
		return seci_err_set(err, SECI_EXIT_DATA, "a receipt must be "
		    "above zero");
	if (seci_year_writable_day(db, r->date, err) < 0 ||
	    income_exists(db, seci_year_of(r->date), r->income, err) < 0)
		return -1;
	base = own;
	if (!b.base && (seci_rate_lookup(db, b.currency, r->date, &rate, text,
	    sizeof(text), err) < 0 || seci_rate_convert(own, b.decimals,
	    rate, db->decimals, &base, err) < 0))
		return -1;
	if (insert(db, r->date, r->income, base, &b, own, r->reference,
	    0, id, err) < 0)
		return -1;
	ref.source_id = *id;
	memset(&p, 0, sizeof(p));
	p.account = SECI_ACC_OTHER_REVENUE;
	p.amount = -base;
	snprintf(memo, sizeof(memo), "receipt %lld: income %s", (long long)*id,
	    r->income);
	if (seci_bank_post(db, &b, r->date, memo, &ref, own, base, &p, 1,
	    "receipt", NULL, err) < 0)
		return -1;
	return seci_audit_added_id(db, "receipt", *id, err);
}

int
seci_receipt_from_suspense(struct seci_db *db, int64_t payment,
    const char *income, int64_t *id, struct seci_err *err)
{
	struct seci_ledger_ref ref = { "receipt", 0, 0 };
	struct seci_err ignore = SECI_ERR_INIT;
	struct seci_posting p[2];
	struct seci_bankacct b;
	char memo[96], bank[SECI_BANK_CODE_MAX + 1];
	sqlite3_stmt *st;
	seci_money base, own;
	seci_day date = 0;
	int rc, state;

	st = seci_db_stmt(db, "SELECT amount, date, bank, CASE WHEN voided IS "
	    "NOT NULL THEN 1 WHEN party IS NOT NULL THEN 2 WHEN EXISTS (SELECT 1 "
	    "FROM receipt WHERE payment = p.id) THEN 3 ELSE 0 END, CASE WHEN "
	    "currency = (SELECT currency FROM bank_account WHERE code = p.bank) "
	    "THEN orig_amount ELSE amount END FROM payment p WHERE id = ?", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, payment);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		base = sqlite3_column_int64(st, 0);
		seci_date_parse((const char *)sqlite3_column_text(st, 1), NULL,
		    &date, &ignore);
		seci_db_col_text(st, 2, bank, sizeof(bank));
		state = sqlite3_column_int(st, 3);
		own = sqlite3_column_int64(st, 4);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? seci_err_set(err, SECI_EXIT_DATA,
		    "no payment %lld", (long long)payment) : seci_db_fail(db,
		    rc, "payment", err);
	if (state != 0)
		return seci_err_set(err, SECI_EXIT_DATA, "payment %lld is not in "
		    "suspense (it is %s)", (long long)payment, state == 1 ?
		    "void" : state == 2 ? "matched to a Party" :
		    "income already");
	if (seci_bank_get(db, bank, &b, err) < 0 ||
	    seci_year_writable_day(db, date, err) < 0 ||
	    income_exists(db, seci_year_of(date), income, err) < 0 ||
	    insert(db, date, income, base, &b, own, NULL, payment, id,
	    err) < 0)
		return -1;
	/* Out of suspense into other revenue, on the payment's date; the
	 * money is in the bank already. */
	ref.source_id = *id;
	memset(p, 0, sizeof(p));
	p[0].account = SECI_ACC_SUSPENSE;
	p[0].amount = base;
	p[0].source_id = payment;
	p[1].account = SECI_ACC_OTHER_REVENUE;
	p[1].amount = -base;
	snprintf(memo, sizeof(memo), "payment %lld taken as income %s",
	    (long long)payment, income);
	if (seci_ledger_post(db, date, memo, &ref, p, 2, NULL, err) < 0)
		return -1;
	return seci_audit_added_id(db, "receipt", *id, err);
}

int
seci_receipt_list(struct seci_db *db, int year,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "id", SECI_COL_INT, 0 }, { "date", SECI_COL_TEXT, 0 },
		{ "income", SECI_COL_TEXT, 0 }, { "amount", SECI_COL_MONEY, 0 },
		{ "bank", SECI_COL_TEXT, 0 }, { "bank_amount", SECI_COL_DECIMAL, 0 },
		{ "reference", SECI_COL_TEXT, 0 }, { "payment", SECI_COL_INT, 0 },
	};
	sqlite3_stmt *st;

	st = seci_db_stmt(db, "SELECT r.id, r.date, r.income, r.amount, r.bank, "
	    "seci_amount(r.bank_amount, b.currency), r.reference, r.payment "
	    "FROM receipt r JOIN bank_account b ON b.code = r.bank WHERE "
	    "r.year = ? ORDER BY r.date, r.id", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	return seci_db_print(db, st, cols, 8, oo, err);
}
