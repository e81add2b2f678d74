/*
 * expense.h - commitments and expenditure: proposal, import, approval
 * (thresholds, overspend refusal, provisional twelfths), rejection,
 * payment, and the ledger postings they make.
 */
#ifndef SECI_EXPENSE_H
#define SECI_EXPENSE_H

#include <stdint.h>
#include <stdio.h>

#include "date.h"
#include "db.h"
#include "err.h"
#include "import.h"
#include "money.h"
#include "out.h"

/*
 * Reserve amount on a line of the year of date for payee under ref
 * (unique in the year).  Refused (SECI_EXIT_DATA) when it would take the
 * line's available balance below zero.
 */
int seci_commit_add(struct seci_db *db, const char *line, seci_money amount,
    const char *payee, const char *ref, seci_day date, int64_t *id,
    struct seci_err *err);

/* Close the open commitment ref (the latest year's), releasing what its
 * expenses did not consume. */
int seci_commit_close(struct seci_db *db, const char *ref, seci_day date,
    struct seci_err *err);

/* id,year,line,ref,payee,date,amount,consumed,remaining,status of the
 * year's commitments as they stood on as_of. */
int seci_commit_list(struct seci_db *db, int year, seci_day as_of,
    const struct seci_out_opts *oo, struct seci_err *err);

struct seci_expense {
	const char *line;		/* code, in the year of date */
	seci_money amount;		/* > 0 */
	const char *payee;
	seci_day date;
	const char *reference;		/* unique, or NULL */
	const char *commitment;		/* ref of an open commitment, or NULL */
	const char *description;	/* or NULL */
};

/* A proposed expense. */
int seci_expense_add(struct seci_db *db, const struct seci_expense *e,
    int64_t *id, struct seci_err *err);

/*
 * Import proposed expenses from CSV: columns date,line,payee,amount,
 * description and optionally reference,commitment.  Every bad row is
 * reported with its line and nothing is written (SECI_EXIT_DATA).  A row
 * whose reference (or, without one, whose fields) was imported before is
 * a duplicate and is skipped, so a file imported twice adds its rows
 * once.  Recorded as one import, audited once.
 */
int seci_expense_import(struct seci_db *db, FILE *fp, const char *name,
    struct seci_import_stats *stats, seci_progress_fn *progress,
    void *progress_arg, struct seci_err *err);

struct seci_approval {
	int director;		/* the approver holds the director role */
	seci_money threshold;	/* the most a non-director may approve */
	int override;		/* director's override of the overspend rule */
	const char *reason;	/* required with override */
	seci_day date;		/* of the approval */
};

/*
 * Approve a proposed expense.  Above the threshold only a director may;
 * an approval that would make the line's available balance negative is
 * refused naming the line and the shortfall, unless a director overrides
 * with a reason; while the year's budget is not adopted, approvals are
 * capped per chapter at one twelfth of the previous year's revised
 * chapter appropriation per month elapsed.  Posts expense (or fixed
 * assets, for a capital line) against payables.
 */
int seci_expense_approve(struct seci_db *db, int64_t id,
    const struct seci_approval *a, struct seci_err *err);
int seci_expense_reject(struct seci_db *db, int64_t id, const char *reason,
    seci_day date, struct seci_err *err);
/* Pay an approved expense: payables against bank, on date. */
int seci_expense_pay(struct seci_db *db, int64_t id, seci_day date,
    struct seci_err *err);

struct seci_expense_filter {
	int year;		/* used when neither from nor to is set */
	const char *line;
	const char *status;	/* proposed, approved, rejected, paid */
	const char *from, *to;	/* YYYY-MM-DD, inclusive */
};

/* id,date,line,payee,amount,status,reference,commitment,description */
int seci_expense_list(struct seci_db *db,
    const struct seci_expense_filter *f, const struct seci_out_opts *oo,
    struct seci_err *err);

#endif
