/*
 * rate.h - exchange rates: one unit of a currency is worth rate units of
 * the base currency from a date on.  Rates are exact decimals (up to 10
 * decimals), never floating point.
 */
#ifndef SECI_RATE_H
#define SECI_RATE_H

#include <stdint.h>

#include "date.h"
#include "db.h"
#include "err.h"
#include "money.h"
#include "out.h"

/* A rate as text ("1.0825", with mark as its decimal mark) in 1e-10
 * units; digits and one mark only (no thousands separators: "1,085" is a
 * mistake, never 1085).  SECI_EXIT_DATA otherwise. */
int seci_rate_parse(const char *s, char mark, int64_t *out,
    struct seci_err *err);

/* amount (minor units of a currency with from decimals) times rate (1e-10
 * units) in minor units of to decimals, rounded half away from zero;
 * SECI_EXIT_DATA when the result is 10^15 minor units or more. */
int seci_rate_convert(seci_money amount, int from, int64_t rate, int to,
    seci_money *out, struct seci_err *err);

/* The latest rate of currency on or before date (and its text, size
 * bytes); none is SECI_EXIT_DATA. */
int seci_rate_lookup(struct seci_db *db, const char *currency, seci_day date,
    int64_t *rate, char *text, size_t size, struct seci_err *err);

/* Set a rate from date on (replacing one of the same date). */
int seci_rate_set(struct seci_db *db, const char *currency, const char *rate,
    seci_day date, struct seci_err *err);

/* currency,date,rate */
int seci_rate_list(struct seci_db *db, const struct seci_out_opts *oo,
    struct seci_err *err);

#endif
