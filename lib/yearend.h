/*
 * yearend.h - closing a budget year.
 */
#ifndef SECI_YEAREND_H
#define SECI_YEAREND_H

#include "date.h"
#include "db.h"
#include "err.h"
#include "out.h"

/*
 * Year-end close of year on date (its last day or later): refused while
 * any expense of the year is proposed; depreciation is posted through
 * December; open commitments carry what they still hold to next year's
 * line of the same code; the unspent rest of each line lapses and is
 * listed (line,name,revised,spent,carried,lapsed); the year becomes
 * read-only, and every year before it.
 */
int seci_yearend_close(struct seci_db *db, int year, seci_day date,
    const struct seci_out_opts *oo, struct seci_err *err);

#endif
