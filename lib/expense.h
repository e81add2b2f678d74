/*
 * expense.h - expenditure: proposal, import, approval (thresholds,
 * overspend refusal, provisional twelfths), rejection, payment, and the
 * ledger postings they make.  Commitments are commitment.h.
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
#include "profile.h"
#include "workflow.h"

/* proposed -> approved | rejected, approved -> paid. */
extern const struct seci_workflow seci_expense_workflow;

/* The one statement that proposes an expense: line_id, date, payee,
 * amount, reference, row_key, commitment_id, description, import_id
 * (expimport.c batches its VALUES). */
extern const char seci_expense_insert_sql[];

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
 * description and optionally reference,commitment, or as profile (NULL:
 * none) says: its delimiter, lines to skip, date format, decimal mark,
 * encoding, footer, ignored columns and expense_columns.  Every bad row is
 * reported with its line and nothing is written (SECI_EXIT_DATA).  A row
 * whose reference (or, without one, whose fields) was imported before is
 * a duplicate and is skipped, so a file imported twice adds its rows
 * once.  Recorded as one import, audited once.
 */
int seci_expense_import(struct seci_db *db, FILE *fp, const char *name,
    const struct seci_profile *profile, struct seci_import_stats *stats,
    seci_progress_fn *progress, void *progress_arg, struct seci_err *err);

struct seci_approval {
	unsigned roles;		/* the approver's (enum seci_role) */
	const char *threshold;	/* the most a non-director may approve: the
				 * config's approval_threshold, as text */
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
    seci_day date, unsigned roles, struct seci_err *err);
/* Pay an approved expense from bank (NULL: MAIN), on date: payables
 * against the bank account's ledger account; from a foreign-currency
 * account, what the amount costs in its currency at date's rate. */
int seci_expense_pay(struct seci_db *db, int64_t id, seci_day date,
    const char *bank, unsigned roles, struct seci_err *err);

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
