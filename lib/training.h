/*
 * training.h - training sessions (hours per participant, to a tenth) and
 * each person's hours in a year against training_min_hours.
 */
#ifndef SECI_TRAINING_H
#define SECI_TRAINING_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "db.h"
#include "err.h"
#include "out.h"

int seci_training_add(struct seci_db *db, const char *title, seci_day date,
    const char *hours, const int64_t *staff, size_t n, int64_t *id,
    struct seci_err *err);

/* Everyone under contract in year: id,name,sessions,hours,below_minimum;
 * *below receives how many are below min_hours. */
int seci_training_report(struct seci_db *db, int year, long min_hours,
    const struct seci_out_opts *oo, int *below, struct seci_err *err);

#endif
