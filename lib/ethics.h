/*
 * ethics.h - annual declarations of interests and acknowledgements of the
 * code of conduct, who has not made them after the due date, and the
 * gift register.  What they say is for hr and directors only.
 */
#ifndef SECI_ETHICS_H
#define SECI_ETHICS_H

#include <stdint.h>

#include "date.h"
#include "db.h"
#include "err.h"
#include "money.h"
#include "out.h"

/* kind "interests" (text: the interests, or "none") or "code" (text:
 * the code's version), for the year of date. */
int seci_ethics_declare(struct seci_db *db, int64_t staff, const char *kind,
    const char *text, seci_day date, int64_t *id, struct seci_err *err);

/* After due (MM-DD) of year: the staff under contract without the
 * year's declaration or acknowledgement: id,name,declaration,
 * acknowledgement (made or missing); *missing receives how many. */
int seci_ethics_missing(struct seci_db *db, int year, seci_day as_of,
    const char *due, const struct seci_out_opts *oo, int *missing,
    struct seci_err *err);

int seci_ethics_gift(struct seci_db *db, int64_t staff, const char *source,
    seci_money value, seci_day date, const char *desc, int64_t *id,
    struct seci_err *err);

/* The year's gifts: id,date,staff,name,source,value,description,
 * above_threshold (value above threshold). */
int seci_ethics_gifts(struct seci_db *db, int year, seci_money threshold,
    const struct seci_out_opts *oo, struct seci_err *err);

#endif
