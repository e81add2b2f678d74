/*
 * money.h - amounts as signed 64-bit counts of minor units (cents).
 *
 * Never float, never double.  Text is turned into an amount only by
 * seci_money_parse() and back only by seci_money_format().
 */
#ifndef SECI_MONEY_H
#define SECI_MONEY_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"

typedef int64_t seci_money;

/* Longest formatted amount: sign, 19 digits, 6 separators, mark, NUL. */
#define SECI_MONEY_BUFSZ 48
#define SECI_MONEY_MAX INT64_C(1000000000000000)	/* 10^15 */

/* Minor-unit digits of an ISO 4217 currency (2 for most; 0 for JPY,
 * 3 for KWD...).  Returns -1 if code is not an active ISO 4217 code of
 * a currency (ABC, or a withdrawn one such as HRK). */
int seci_currency_decimals(const char *code);

/*
 * Parse text such as "1234.56", "-12.5", "+3", "1 234,56" (with
 * decimal_mark ',') into minor units with the given number of decimals.
 * Thousands separators (space, no-break space, apostrophe, and the mark
 * that is not the decimal mark) are accepted only in groups of three.
 * Errors (code SECI_EXIT_DATA, message naming the text): empty, more
 * decimals than the currency has, exponent or other junk, and a
 * magnitude of SECI_MONEY_MAX minor units or more -- beyond any real
 * amount, and small enough that thousands of them still add up within
 * 64 bits.
 */
int seci_money_parse(const char *s, int decimals, char decimal_mark,
    seci_money *out, struct seci_err *err);

/* Like seci_money_parse, without the bound of real amounts: for other
 * fixed-point numbers, such as exchange rates in 1e-10 units. */
int seci_decimal_parse(const char *s, int decimals, char decimal_mark,
    int64_t *out, struct seci_err *err);

/* Like seci_money_parse, but decimals beyond the currency's are allowed
 * when they are zeros ("5000.00" for a currency without decimals): for
 * configured amounts, written once for any currency. */
int seci_money_parse_lenient(const char *s, int decimals,
    seci_money *out, struct seci_err *err);

/* Format v with the given decimals into buf (at least SECI_MONEY_BUFSZ
 * bytes); group is the thousands separator or 0 for none.  Returns buf. */
char *seci_money_format(seci_money v, int decimals, char group, char *buf);

/* Overflow-checked arithmetic: 0 ok, -1 (err filled, SECI_EXIT_DATA) on
 * overflow. */
int seci_money_add(seci_money a, seci_money b, seci_money *out,
    struct seci_err *err);
int seci_money_sub(seci_money a, seci_money b, seci_money *out,
    struct seci_err *err);

/*
 * Split total (>= 0) over n weights (each >= 0, not all 0) in proportion,
 * rounding to the minor unit by the largest-remainder method: each share
 * is first rounded down, then the units left over go one each to the
 * shares with the largest remainders; equal remainders go first to the
 * lower index, so callers order the entries by their stable key (party
 * code) beforehand.  The shares always add up exactly to total.
 */
int seci_money_split(seci_money total, const int64_t *weights, size_t n,
    seci_money *shares, struct seci_err *err);

/* Percentage with one decimal, in tenths, rounded half away from zero:
 * seci_money_pct10(425, 1000) == 425 (42.5%).  0 when whole is 0. */
int64_t seci_money_pct10(seci_money part, seci_money whole);

#endif
