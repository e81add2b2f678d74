/*
 * date.h - calendar dates as day numbers (days since 1970-01-01, proleptic
 * Gregorian), parsed strictly and validated against the calendar.
 */
#ifndef SECI_DATE_H
#define SECI_DATE_H

#include <stdint.h>

#include "err.h"

typedef int32_t seci_day;

#define SECI_DATE_BUFSZ 11	/* "YYYY-MM-DD" and NUL */

/* 1 if y-m-d is a real date between 1900-01-01 and 9999-12-31. */
int seci_date_valid(int y, int m, int d);
int seci_date_days_in_month(int y, int m);

seci_day seci_date_from_ymd(int y, int m, int d);
void seci_date_ymd(seci_day day, int *y, int *m, int *d);

/*
 * Parse s by fmt, or as ISO YYYY-MM-DD when fmt is NULL.  fmt is a small
 * strftime subset: %Y (4 digits), %y (2 digits, 2000-2099), %m and %d (1 or
 * 2 digits), %% and literal characters.  The whole of s must match and the
 * date must exist (2027-02-30 is an error, SECI_EXIT_DATA).
 */
int seci_date_parse(const char *s, const char *fmt, seci_day *out,
    struct seci_err *err);

/* 1 if fmt uses only the conversions seci_date_parse() knows. */
int seci_date_format_valid(const char *fmt);

/* ISO form into buf (SECI_DATE_BUFSZ bytes); returns buf. */
char *seci_date_format(seci_day day, char *buf);

/* Add n months, clamping the day to the end of the month (01-31 + 1
 * month = 02-28 or 02-29). */
seci_day seci_date_add_months(seci_day day, int n);

#endif
