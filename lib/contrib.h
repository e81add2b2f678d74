/*
 * contrib.h - Parties' positions in their contributions: what each was
 * assessed and has paid, how its payments are allocated, its credit;
 * the status and arrears built on them.
 *
 * Allocation: a Party's payments settle its assessments oldest first
 * (earliest year, then due date), in payment-date order, the rest being a
 * credit that the next assessment takes.  So the first k assessments
 * (a_1..a_k, S_k their sum) have received min(T, S_k) of the T paid, and
 * assessment k has received clamp(T - S_{k-1}, 0, a_k): this is computed,
 * never stored, and never grows with the number of payments.
 *
 * A Party's credit on a date is what it has paid by then beyond its
 * assessments of the years begun by then: money received in advance.  It
 * is the one definition: the status's credit column, the balance sheet's
 * contributions received in advance (2100) and what a refund may pay
 * back are all this figure.
 */
#ifndef SECI_CONTRIB_H
#define SECI_CONTRIB_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "db.h"
#include "err.h"
#include "ledger.h"
#include "money.h"
#include "out.h"
#include "party.h"

/* One assessment of a Party, as allocated on the date. */
struct seci_assessed {
	int year;
	seci_money amount;
	seci_day due;
	seci_money received;	/* of the Party's payments */
	int64_t days_overdue;	/* 0 when paid or not yet due */
};

/* A Party's position on a date. */
struct seci_position {
	const char *code, *name, *kind;
	int observer;
	seci_money paid;		/* by the date */
	seci_money credit;		/* see above */
	const struct seci_assessed *a;	/* oldest first */
	size_t na;
	/* What is outstanding by days past the due date: not yet due,
	 * 1-90, 91-180, 181-365, over 365; the overdue part of it. */
	seci_money bucket[5], overdue;
	int two_year_rule;	/* unpaid older years >= the assessments of
				 * the rule_years before the date's year */
};

typedef int seci_position_fn(void *arg, const struct seci_position *p,
    struct seci_err *err);

/* Every Party's and Observer's position on as_of (Parties first, by
 * code).  Read once per transaction and date.  A negative return from fn
 * stops the walk. */
int seci_contrib_positions(struct seci_db *db, seci_day as_of,
    long rule_years, seci_position_fn *fn, void *arg, struct seci_err *err);

/*
 * The ledger holds each Party's position: its receivable (1100) what it
 * owes, its advance (2100) what it paid beyond its assessments due.
 * Payments credit receivables and assessments debit them; after any
 * change, seci_contrib_sync() posts, dated on the day it takes effect,
 * what moves between the two (a credit into 2100 on the day of the
 * payment that made it, back to 1100 on the first day of the year whose
 * assessment takes it).  It posts nothing when the ledger is in step.
 */
int seci_contrib_sync(struct seci_db *db, struct seci_err *err);

/* What seci_contrib_sync() would post, to fn: the Party, the day, and
 * the change to its advance (negative: more advance).  Returns how many
 * (0: in step), or -1. */
typedef int seci_move_fn(void *arg, const char *party, seci_day date,
    seci_money delta, struct seci_err *err);
int seci_contrib_moves(struct seci_db *db, seci_move_fn *fn, void *arg,
    struct seci_err *err);

/* Findings for `check` (ledger.h's seci_finding_fn): a Party whose
 * receivable and advance in the ledger are not what it was assessed less
 * what it paid, or whose advance is off its position on some day.
 * Returns the number of findings, or -1. */
int seci_contrib_check(struct seci_db *db, seci_finding_fn *fn, void *arg,
    struct seci_err *err);

/* ---- status ------------------------------------------------------------ */

struct seci_status_row {
	int total;		/* the totals row, last */
	const char *party;	/* "total" for it */
	const char *name;	/* for it: "N paid in full, N part paid, ..." */
	const char *kind;
	int year;
	seci_money assessed, paid, outstanding, credit;
	int64_t paid_pct;	/* tenths of a percent */
	seci_day due;		/* not for the totals row */
	int64_t days_overdue;	/* not for the totals row */
};

typedef int seci_status_fn(void *arg, const struct seci_status_row *r,
    struct seci_err *err);

/* Each Party and Observer assessed for year, or holding a credit, as of
 * a date, then the totals (the counts are of Parties).  One not assessed
 * for the year has no due date (0). */
int seci_contrib_status_each(struct seci_db *db, int year, seci_day as_of,
    seci_status_fn *fn, void *arg, struct seci_err *err);

/* party,name,kind,year,assessed,paid,outstanding,credit,paid_pct,due,
 * days_overdue; the table adds the totals row. */
int seci_contrib_status(struct seci_db *db, int year, seci_day as_of,
    const struct seci_out_opts *oo, struct seci_err *err);

/* ---- arrears ----------------------------------------------------------- */

struct seci_arrears_row {
	int total;		/* the totals row, last ("total") */
	const char *party, *name;
	seci_money bucket[5];	/* not due, 1-90, 91-180, 181-365, > 365 */
	seci_money overdue;
	int two_year_rule;
};

typedef int seci_arrears_fn(void *arg, const struct seci_arrears_row *r,
    struct seci_err *err);

/* Each Party and Observer with an assessment, as of a date, then the
 * totals.  overdue (may be NULL) receives how many have anything overdue. */
int seci_contrib_arrears_each(struct seci_db *db, seci_day as_of,
    long rule_years, seci_arrears_fn *fn, void *arg, int *overdue,
    struct seci_err *err);

/* party,name,not_due,d1_90,d91_180,d181_365,over_365,total_overdue,
 * two_year_rule. */
int seci_contrib_arrears(struct seci_db *db, seci_day as_of,
    long rule_years, const struct seci_out_opts *oo, int *overdue,
    struct seci_err *err);

#endif
