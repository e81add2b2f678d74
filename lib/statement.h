/*
 * statement.h - the financial statements: the balance sheet (statement
 * of financial position), the statement of financial performance, and
 * the comparison of budget and actual amounts.
 *
 * Every figure is a ledger balance as of a date, so the same database
 * and date give the same figures, and the journal export read by hledger
 * gives them too, account by account.
 */
#ifndef SECI_STATEMENT_H
#define SECI_STATEMENT_H

#include "date.h"
#include "db.h"
#include "err.h"
#include "money.h"
#include "out.h"

/* One row of a statement: an account with a balance, or a section's
 * total (account "total"), or a result. */
struct seci_statement_row {
	const char *section;	/* assets, liabilities, net_assets; revenue,
				 * expenses, result */
	const char *account;	/* a code, "total" or "surplus" */
	const char *name;
	seci_money amount;	/* liabilities, net assets and revenue shown
				 * positive */
	seci_money previous;	/* the comparative: the previous year's end
				 * (balance sheet) or whole year */
	int total;
};

typedef int seci_statement_fn(void *arg, const struct seci_statement_row *r,
    struct seci_err *err);

/*
 * The balance sheet on as_of: assets, liabilities and net assets, one row
 * per account with a balance, each section then its total.  Net assets
 * include the surplus to date (3100: revenue less expenses not yet closed
 * into 3000 by a year-end close).  Each row has the comparative of the
 * previous year's last day.  Assets always equal liabilities plus net
 * assets; if the ledger says otherwise, SECI_EXIT_SOFTWARE.
 */
int seci_statement_balance_sheet(struct seci_db *db, seci_day as_of,
    seci_statement_fn *fn, void *arg, struct seci_err *err);

/* Revenue and expenses of year up to as_of, their totals, and the
 * surplus (section "result", account "surplus"); each with the whole
 * previous year beside it. */
int seci_statement_performance(struct seci_db *db, int year, seci_day as_of,
    seci_statement_fn *fn, void *arg, struct seci_err *err);

/* section,account,name,amount,previous: the rows above. */
int seci_report_balance_sheet(struct seci_db *db, seci_day as_of,
    const struct seci_out_opts *oo, struct seci_err *err);
int seci_report_performance(struct seci_db *db, int year, seci_day as_of,
    const struct seci_out_opts *oo, struct seci_err *err);

/* chapter,line,name,original,final,actual,difference,executed_pct: the
 * budget as adopted and as revised against what was spent, from
 * seci_budget_each(); the table adds the subtotals. */
int seci_report_budget_vs_actual(struct seci_db *db, int year,
    seci_day as_of, const struct seci_out_opts *oo, struct seci_err *err);

#endif
