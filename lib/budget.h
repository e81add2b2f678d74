/*
 * budget.h - the annual budget: its document, adoption, appropriations
 * (initial, transfers, supplements), execution and year-end close.
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
#include <stdio.h>

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

struct seci_line_figures {
	seci_money initial, in, out, supplementary, revised, committed,
	    spent, available;
};

/* The status of a year's budget (SECI_BUDGET_NONE: none loaded). */
int seci_budget_status(struct seci_db *db, int year,
    enum seci_budget_status *status, struct seci_err *err);

/* 0 if changes dated in year are allowed; SECI_EXIT_DATA if that year,
 * or a later one, is closed (read-only). */
int seci_budget_writable(struct seci_db *db, int year, struct seci_err *err);

/* Find line code of year: SECI_EXIT_DATA "no budget line" when absent. */
int seci_budget_line(struct seci_db *db, int year, const char *code,
    struct seci_line *line, struct seci_err *err);

/* A line's figures as of a date. */
int seci_budget_figures(struct seci_db *db, int64_t line_id, seci_day as_of,
    struct seci_line_figures *f, struct seci_err *err);

/*
 * Load a budget document: YAML (year, currency, chapters with lines,
 * income) or, when csv is set, the CSV that seci_budget_export() writes
 * (year from the file's year column, or year when that is absent; with
 * year_given, a year column must say the same).  Every
 * problem is reported with file and line, and nothing is written
 * (SECI_EXIT_DATA).  A draft is replaced; an adopted or closed budget
 * cannot be reloaded.  year_out receives the year loaded.
 */
int seci_budget_load(struct seci_db *db, FILE *fp, const char *name,
    int csv, int year, int year_given, int *year_out, struct seci_err *err);

/* JCC adoption of the draft: the initial appropriations are then fixed. */
int seci_budget_adopt(struct seci_db *db, int year, const char *decision,
    seci_day date, struct seci_err *err);

/* chapter,line,name,kind,initial,transfers_in,transfers_out,
 * supplementary,revised,committed,spent,available,executed_pct; the
 * table form adds chapter subtotals and the grand total.  With
 * month_spent set, a last column month_spent: spent dated in the month of
 * as_of (seci-report execution). */
int seci_budget_show(struct seci_db *db, int year, seci_day as_of,
    int month_spent, const struct seci_out_opts *oo, struct seci_err *err);

/* year,chapter,chapter_name,line,name,kind,amount: what load reads. */
int seci_budget_export(struct seci_db *db, int year,
    const struct seci_out_opts *oo, struct seci_err *err);

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

/*
 * Year-end close: refused while any expense of the year is proposed; open
 * commitments carry what they still hold to next year's line of the same
 * code; depreciation is posted through December; the unspent rest of
 * each line lapses and is listed (line,name,revised,spent,carried,
 * lapsed); the year becomes read-only.
 */
int seci_budget_close(struct seci_db *db, int year, seci_day date,
    const struct seci_out_opts *oo, struct seci_err *err);

#endif
