/*
 * year.h - fiscal years (calendar years): which may still change, and the
 * provisional twelfths of a year whose budget is not adopted.
 *
 * A closed year is read-only, and so is every year before it: a change
 * dated earlier would still move its figures.  Every module that writes
 * something dated (budget, expenses, assets, payments, the plan) asks
 * here first.
 */
#ifndef SECI_YEAR_H
#define SECI_YEAR_H

#include "date.h"
#include "db.h"
#include "err.h"
#include "money.h"

/* The year of a date. */
int seci_year_of(seci_day day);

/* 0 if changes dated in year are allowed; SECI_EXIT_DATA naming the
 * closed year if that year, or a later one, is closed. */
int seci_year_writable(struct seci_db *db, int year, struct seci_err *err);

/* 0 if changes dated day are allowed (seci_year_writable of its year). */
int seci_year_writable_day(struct seci_db *db, seci_day day,
    struct seci_err *err);

/* A change to year's budget dated day (a transfer, a supplement): 0 if
 * day falls in year and the year is writable, else SECI_EXIT_DATA naming
 * what. */
int seci_year_dated(struct seci_db *db, int year, seci_day day,
    const char *what, struct seci_err *err);

/* The latest closed year in *year (0 if none): it and every year
 * before it are read-only. */
int seci_year_last_closed(struct seci_db *db, int *year,
    struct seci_err *err);

/* Months of year elapsed at day: 0 before the year begins, 12 after it
 * ends, else the month of day (January 1, ...). */
int seci_year_months_elapsed(int year, seci_day day);

/* The provisional twelfths allowed after months of a year: annual *
 * months / 12, rounded down. */
seci_money seci_year_twelfths(seci_money annual, int months);

#endif
