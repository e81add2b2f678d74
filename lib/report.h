/*
 * report.h - the financial statements, the monthly report, the reporting
 * schedule and the journal export.
 *
 * Every figure comes from the same functions the other tools print with
 * (seci_budget_show, seci_contrib_status, seci_contrib_arrears) or from
 * the ledger, so a report always agrees with them; everything is as of a
 * date, so the same database and date give the same bytes.
 */
#ifndef SECI_REPORT_H
#define SECI_REPORT_H

#include <stdio.h>

#include "date.h"
#include "db.h"
#include "err.h"
#include "out.h"

/* section,account,name,amount: assets, liabilities and net assets, one
 * row per account with a balance, then one per section with account
 * "total".  Receivables (1100) are what Parties owe, and what some paid
 * beyond their assessments shows as received in advance (2100), Party by
 * Party as of the date.  Net assets include the surplus to date (account
 * 3100: revenue less expenses).  Assets always equal liabilities plus net
 * assets; if the ledger says otherwise, SECI_EXIT_SOFTWARE. */
int seci_report_balance_sheet(struct seci_db *db, seci_day as_of,
    const struct seci_out_opts *oo, struct seci_err *err);

/* section,account,name,amount: revenue and expenses of the year up to
 * as_of, their totals, and the surplus (section "result"). */
int seci_report_performance(struct seci_db *db, int year, seci_day as_of,
    const struct seci_out_opts *oo, struct seci_err *err);

/* chapter,line,name,original,final,actual,difference,executed_pct: the
 * budget as adopted and as revised against what was spent. */
int seci_report_budget_vs_actual(struct seci_db *db, int year,
    seci_day as_of, const struct seci_out_opts *oo, struct seci_err *err);

/* The whole general journal: txn,date,memo,source,account,
 * account_name,amount (a row per posting), or with hledger set, an
 * hledger journal. */
int seci_report_ledger(struct seci_db *db, int hledger,
    const struct seci_out_opts *oo, struct seci_err *err);

enum seci_doc_format { SECI_DOC_TEXT, SECI_DOC_JSON, SECI_DOC_HTML };

/*
 * The monthly report for month (its first day) as of as_of: budget
 * execution by chapter and line, contributions and arrears, cash, open
 * commitments, assets and liabilities, the audit seal.  Text is under 100
 * columns; HTML one self-contained file with inline SVG charts.
 */
int seci_report_monthly(struct seci_db *db, seci_day month, seci_day as_of,
    enum seci_doc_format fmt, long rule_years, FILE *fp,
    struct seci_err *err);

/* ---- the schedule ------------------------------------------------------ */

struct seci_schedule {
	const char *name;
	const char *report;	/* monthly, execution, contributions, ... */
	const char *every;	/* month, quarter, year */
	int day;		/* due on this day after the period, 1-28 */
	const char *format;	/* NULL: text for monthly, csv otherwise */
	seci_day start;		/* periods ending from here on */
};

int seci_schedule_add(struct seci_db *db, const struct seci_schedule *s,
    struct seci_err *err);
int seci_schedule_remove(struct seci_db *db, const char *name,
    struct seci_err *err);
/* name,report,every,day,format,start,last_period */
int seci_schedule_list(struct seci_db *db, const struct seci_out_opts *oo,
    struct seci_err *err);
/* schedule,report,period,due,produced (path, or empty) of every period
 * due as of as_of. */
int seci_schedule_due(struct seci_db *db, seci_day as_of,
    const struct seci_out_opts *oo, struct seci_err *err);
/*
 * Produce each report whose period has ended and is due as of as_of and
 * that was not produced yet (force: produce the latest due period of each
 * schedule again), into outdir as NAME-PERIOD.EXT, written whole or not
 * at all; record it and print its path on out.  A report that cannot be
 * made is reported (err's hook) and its schedule skipped; the others go
 * on.  Returns the number of schedules that failed, or -1.
 */
int seci_schedule_run_due(struct seci_db *db, seci_day as_of,
    const char *outdir, int force, long rule_years, FILE *out,
    struct seci_err *err);

#endif
