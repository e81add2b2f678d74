/*
 * commitment.h - commitments: money reserved on a budget line for a payee
 * (a purchase order, a contract), consumed by the expenses drawn on it,
 * closed when done or carried to the next year at year end.
 */
#ifndef SECI_COMMITMENT_H
#define SECI_COMMITMENT_H

#include <stdint.h>

#include "date.h"
#include "db.h"
#include "err.h"
#include "money.h"
#include "out.h"
#include "workflow.h"

/* open -> closed (released by hand), open -> carried (year end). */
extern const struct seci_workflow seci_commitment_workflow;

/*
 * Reserve amount on a line of the year of date for payee under ref
 * (unique in the year).  Refused (SECI_EXIT_DATA) when it would take the
 * line's available balance below zero.
 */
int seci_commit_add(struct seci_db *db, const char *line, seci_money amount,
    const char *payee, const char *ref, seci_day date, int64_t *id,
    struct seci_err *err);

/* Close the commitment ref (the latest year's) on date, releasing what
 * its expenses did not consume. */
int seci_commit_close(struct seci_db *db, const char *ref, seci_day date,
    struct seci_err *err);

/* The open commitment ref of year on the line with id line_id (named
 * line in messages): its id, or SECI_EXIT_DATA. */
int seci_commit_find(struct seci_db *db, int year, const char *ref,
    int64_t line_id, const char *line, int64_t *id, struct seci_err *err);

/* A commitment as it stood on a date. */
struct seci_commitment_row {
	int64_t id;
	int year;
	const char *line, *ref, *payee;
	seci_day date;
	seci_money amount, consumed, remaining;
	const char *status;	/* open, closed, carried: on that date */
};

typedef int seci_commitment_fn(void *arg,
    const struct seci_commitment_row *r, struct seci_err *err);

/* The year's commitments made by as_of, in date order, as they stood
 * then (consumed by the expenses dated by then, closed only if closed by
 * then).  A negative return from fn stops the walk. */
int seci_commit_each(struct seci_db *db, int year, seci_day as_of,
    seci_commitment_fn *fn, void *arg, struct seci_err *err);

/* id,year,line,ref,payee,date,amount,consumed,remaining,status: the
 * rows of seci_commit_each(). */
int seci_commit_list(struct seci_db *db, int year, seci_day as_of,
    const struct seci_out_opts *oo, struct seci_err *err);

#endif
