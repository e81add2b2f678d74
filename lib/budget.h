/*
 * budget.h - the annual budget: its status, lines and their figures,
 * adoption, and the appropriations (initial, transfers, supplements).
 * Loading and exporting the document is budgetdoc.h; the year-end close
 * is yearend.h.
 *
 * Per line: revised = initial + transfers in - transfers out +
 * supplementary; committed = what open commitments still hold (amount
 * minus what approved or paid expenses against them consumed, never below
 * zero); spent = approved and paid expenses; available = revised -
 * committed - spent; executed % = spent / revised.  Everything is as of a
 * date: only transfers, supplements, commitments and expenses dated on or
 * before it count.
 */
#ifndef SECI_BUDGET_H
#define SECI_BUDGET_H

#include <stdint.h>

#include "date.h"
#include "db.h"
#include "err.h"
#include "money.h"
#include "out.h"

enum seci_budget_status { SECI_BUDGET_NONE, SECI_BUDGET_DRAFT,
    SECI_BUDGET_ADOPTED, SECI_BUDGET_CLOSED };

struct seci_line {
	int64_t id;
	int year;
	char code[64];
	char chapter[64];
	char kind[16];
	seci_money initial;
	enum seci_budget_status status;	/* of the line's budget */
};

/* revised = initial + in - out + supplementary + carried_in, where
 * carried_in is the appropriation that came with the commitments carried
 * from the year before (as much as they still held), so that a carried
 * commitment leaves the line's availability as it was; one closed by
 * 'commit close' keeps only what its expenses took, the rest lapses. */
struct seci_line_figures {
	seci_money initial, in, out, supplementary, revised, committed,
	    spent, available, carried_in;
};

/* "none", "draft", "adopted" or "closed". */
const char *seci_budget_status_name(enum seci_budget_status s);

/* Every year's budget, oldest first: year,status,decision,adopted_on,
 * closed_on,initial (the total of its lines). */
int seci_budget_years(struct seci_db *db, const struct seci_out_opts *oo,
    struct seci_err *err);

/* The status of a year's budget (SECI_BUDGET_NONE: none loaded). */
int seci_budget_status(struct seci_db *db, int year,
    enum seci_budget_status *status, struct seci_err *err);

/* 0 if year has a budget (of any status), else SECI_EXIT_DATA "no
 * budget for YEAR". */
int seci_budget_need(struct seci_db *db, int year, struct seci_err *err);

/* Find line code of year: SECI_EXIT_DATA "no budget line" when absent. */
int seci_budget_line(struct seci_db *db, int year, const char *code,
    struct seci_line *line, struct seci_err *err);

/* A line's figures as of a date. */
int seci_budget_figures(struct seci_db *db, int64_t line_id, seci_day as_of,
    struct seci_line_figures *f, struct seci_err *err);

/* JCC adoption of the draft: the initial appropriations are then fixed. */
int seci_budget_adopt(struct seci_db *db, int year, const char *decision,
    seci_day date, struct seci_err *err);

/* One row of the budget's execution: a line, or a subtotal. */
enum seci_budget_total { SECI_BUDGET_LINE, SECI_BUDGET_CHAPTER,
    SECI_BUDGET_GRAND };

struct seci_budget_row {
	enum seci_budget_total total;
	const char *chapter, *chapter_name;
	const char *line;		/* "" for subtotals */
	const char *name;		/* subtotals: "NAME total", "Grand total" */
	const char *kind;		/* "" for subtotals */
	struct seci_line_figures f;
	seci_money month_spent;		/* spent dated in the month of as_of */
	enum seci_budget_status status;	/* of the year's budget: a draft's
					 * figures are marked as such */
};

/* Called per row; strings borrowed for the call.  A negative return
 * stops the walk (err filled). */
typedef int seci_budget_row_fn(void *arg, const struct seci_budget_row *r,
    struct seci_err *err);

/*
 * Every line of year's budget in order, as of a date, each chapter
 * followed by its subtotal, the grand total last.  A year without a
 * budget is SECI_EXIT_DATA.  What the listing, the execution report,
 * budget-vs-actual, the monthly report and the plan's costs read.
 */
int seci_budget_each(struct seci_db *db, int year, seci_day as_of,
    seci_budget_row_fn *fn, void *arg, struct seci_err *err);

/* The figures of chapter of year's budget as of a date: its lines'
 * summed (all zero for a chapter without lines).  A year without a
 * budget is SECI_EXIT_DATA. */
int seci_budget_chapter(struct seci_db *db, int year, const char *chapter,
    seci_day as_of, struct seci_line_figures *f, struct seci_err *err);

/* The budget of the year in key ("2026") as JSON, for the audit trail
 * (caller frees). */
char *seci_budget_json(struct seci_db *db, const char *key,
    struct seci_err *err);

/* chapter,line,name,kind,initial,transfers_in,transfers_out,
 * supplementary,revised,committed,spent,available,executed_pct; the
 * table form adds chapter subtotals and the grand total.  With
 * month_spent set, a last column month_spent: spent dated in the month of
 * as_of (seci-report execution). */
int seci_budget_show(struct seci_db *db, int year, seci_day as_of,
    int month_spent, const struct seci_out_opts *oo, struct seci_err *err);

/*
 * Move amount from one line to another of an adopted budget.  Without a
 * decision, the Director's authority covers transfers out of a line of up
 * to limit_pct % of its initial appropriation in the year, cumulatively
 * (director must be set); beyond that, or by anyone else, a JCC decision
 * is needed.  Never more than the source line's available balance.
 */
int seci_budget_transfer(struct seci_db *db, int year, const char *from,
    const char *to, seci_money amount, const char *reason,
    const char *decision, seci_day date, int director, long limit_pct,
    int64_t *id, struct seci_err *err);

/* A supplementary appropriation (or reduction, when negative). */
int seci_budget_supplement(struct seci_db *db, int year, const char *line,
    seci_money amount, const char *decision, seci_day date, int64_t *id,
    struct seci_err *err);

#endif
