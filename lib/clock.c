/* clock.c - wall-clock time and today's date. */
#include "config.h"

#include <time.h>

#include "clock.h"

char *
seci_clock_now(char *buf)
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, SECI_TIME_BUFSZ, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return buf;
}

seci_day
seci_clock_today(void)
{
	time_t t = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	return seci_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday);
}
