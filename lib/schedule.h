/*
 * schedule.h - the reporting schedule that cron runs: which report kinds
 * are due after which periods, and what was produced.
 */
#ifndef SECI_SCHEDULE_H
#define SECI_SCHEDULE_H

#include <stdio.h>

#include "date.h"
#include "db.h"
#include "err.h"
#include "out.h"

struct seci_schedule {
	const char *name;
	const char *report;	/* a kind of report.h */
	const char *every;	/* month, quarter, year */
	int day;		/* due on this day after the period, 1-28 */
	const char *format;	/* NULL: the kind's first */
	seci_day start;		/* periods ending from here on */
};

/* A schedule: its name names files, so 1 to 64 characters, no '/' and no
 * leading '.'; kind, period, day and format are checked (a bad one is
 * SECI_EXIT_USAGE). */
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
 * schedule again), into outdir (made, mode 0700, when missing) as
 * NAME-PERIOD.EXT, each written whole or not at all (mode 0600); record
 * it and print its path on out.  A report that cannot be made is
 * reported (err's hook) and its schedule skipped; the others go on.
 * Returns the number of schedules that failed, or -1.
 */
int seci_schedule_run_due(struct seci_db *db, seci_day as_of,
    const char *outdir, int force, long rule_years, FILE *out,
    struct seci_err *err);

#endif
