/*
 * clock.h - the one clock: the wall-clock time records are stamped with,
 * and today's date, the default of every date a command takes.
 */
#ifndef SECI_CLOCK_H
#define SECI_CLOCK_H

#include "date.h"

#define SECI_TIME_BUFSZ 21	/* "YYYY-MM-DDTHH:MM:SSZ" and NUL */

/* The current time in UTC as ISO 8601 ("2026-11-30T14:05:09Z") in buf
 * (SECI_TIME_BUFSZ bytes); returns buf. */
char *seci_clock_now(char *buf);

/* Today in local time. */
seci_day seci_clock_today(void);

#endif
