/*
 * purge.h - the retention periods and the purges that follow them: the
 * personal data of unsuccessful candidates and of former staff erased
 * everywhere it is stored (the records, their history, their audit
 * payloads and command lines), keeping counts and non-personal facts:
 * a purged record keeps its ID, its kind, dates, stages, hours and
 * values, and its name reads "(purged)".
 */
#ifndef SECI_PURGE_H
#define SECI_PURGE_H

#include "date.h"
#include "db.h"
#include "err.h"
#include "out.h"

#define SECI_PURGED "(purged)"

struct seci_purge_stats {
	int people;		/* records purged */
	int redacted;		/* audit records whose payload was erased */
};

/* Unsuccessful candidates (not hired) whose last step and vacancy's
 * closing date are both at least months before as_of; months below
 * min_months (the retention period) is SECI_EXIT_DATA. */
int seci_purge_candidates(struct seci_db *db, long months, long min_months,
    seci_day as_of, struct seci_purge_stats *stats, struct seci_err *err);

/* Former staff who left before left_before, which must be no later than
 * the day after as_of less years (the retention period). */
int seci_purge_staff(struct seci_db *db, seci_day left_before, long years,
    seci_day as_of, struct seci_purge_stats *stats, struct seci_err *err);

/* What is due for purge at as_of: kind (candidate or staff),id,vacancy,
 * since (the date the period runs from),due (the first day it may be
 * purged); *due receives how many. */
int seci_retention(struct seci_db *db, long months, long years,
    seci_day as_of, const struct seci_out_opts *oo, int *due,
    struct seci_err *err);

#endif
