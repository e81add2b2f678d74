/* Unit tests: lib/date.c */
#include "config.h"

#include "seci.h"
#include "tap.h"

static int
parse(const char *s, const char *fmt, seci_day *d)
{
	struct seci_err err = SECI_ERR_INIT;

	return seci_date_parse(s, fmt, d, &err);
}

int
main(void)
{
	static const char *const bad[] = { "2027-02-30", "2026-02-29",
	    "2026-13-01", "2026-00-10", "2026-04-31", "26-01-01",
	    "2026-1-1", "2026-01-01x", "", "2026/01/01", "1899-12-31",
	    " 2026-01-01", NULL };
	char buf[SECI_DATE_BUFSZ];
	seci_day d, e;
	int i, y, m, dd, good;

	ok(parse("1970-01-01", NULL, &d) == 0 && d == 0, "epoch is day 0");
	ok(parse("2026-11-30", NULL, &d) == 0 && d == 20787,
	    "2026-11-30 is day 20787 (56 years of 365 + 14 leap days "
	    "+ 333)");
	ok(parse("2024-02-29", NULL, &d) == 0, "2024-02-29 exists");
	ok(parse("2000-02-29", NULL, &d) == 0, "2000-02-29 exists");
	ok(parse("1900-02-29", NULL, &d) == -1, "1900-02-29 does not");
	for (i = 0; bad[i]; i++)
		ok(parse(bad[i], NULL, &d) == -1, "'%s' is refused", bad[i]);

	ok(parse("05.03.2026", "%d.%m.%Y", &d) == 0 &&
	    strcmp(seci_date_format(d, buf), "2026-03-05") == 0,
	    "%%d.%%m.%%Y: 05.03.2026 is 2026-03-05");
	ok(parse("5.3.2026", "%d.%m.%Y", &d) == 0 &&
	    strcmp(seci_date_format(d, buf), "2026-03-05") == 0,
	    "one-digit day and month");
	ok(parse("31.02.2026", "%d.%m.%Y", &d) == -1, "31.02. refused");
	ok(parse("20241102", "%Y%m%d", &d) == 0 &&
	    strcmp(seci_date_format(d, buf), "2024-11-02") == 0, "%%Y%%m%%d");
	ok(parse("2024112", "%Y%m%d", &d) == -1,
	    "%%Y%%m%%d needs two digits each: 2024112 is refused");
	ok(parse("03/05/26", "%m/%d/%y", &d) == 0 &&
	    strcmp(seci_date_format(d, buf), "2026-03-05") == 0, "%%y");
	{
		struct seci_err err = SECI_ERR_INIT;

		ok(seci_date_parse("2026", "%Q", &d, &err) == -1 &&
		    err.code == SECI_EXIT_CONFIG,
		    "an unknown conversion is a config error");
		err.code = 0;
		seci_date_parse("2027-02-30", NULL, &d, &err);
		ok(strstr(err.msg, "2027-02-30") != NULL,
		    "message names the text: %s", err.msg);
	}

	/* Every day from 1900 to 2100 round-trips through y-m-d. */
	good = 1;
	for (d = seci_date_from_ymd(1900, 1, 1), e = 0;
	    d <= seci_date_from_ymd(2100, 12, 31) && good; d++, e++) {
		seci_date_ymd(d, &y, &m, &dd);
		good = seci_date_valid(y, m, dd) &&
		    seci_date_from_ymd(y, m, dd) == d;
	}
	ok(good, "73414 days round-trip");
	is_int(e, 73414, "1900..2100 has 201 * 365 + 49 leap days");

	d = seci_date_from_ymd(2026, 1, 31);
	is_str(seci_date_format(seci_date_add_months(d, 1), buf),
	    "2026-02-28", "Jan 31 + 1 month is Feb 28");
	is_str(seci_date_format(seci_date_add_months(d, 13), buf),
	    "2027-02-28", "+ 13 months");
	is_str(seci_date_format(seci_date_add_months(seci_date_from_ymd(2024,
	    3, 31), -1), buf), "2024-02-29", "Mar 31 - 1 month, leap year");
	is_str(seci_date_format(seci_date_add_months(seci_date_from_ymd(2026,
	    1, 15), -1), buf), "2025-12-15", "across a year back");
	is_int(seci_date_from_ymd(2027, 1, 1) - seci_date_from_ymd(2026, 1,
	    1), 365, "2026 has 365 days");
	is_int(seci_date_days_in_month(2028, 2), 29, "Feb 2028 has 29 days");
	{
		struct seci_err err = SECI_ERR_INIT;

		seci_date_parse("1899-12-31", NULL, &d, &err);
		ok(strstr(err.msg, "years before 1900") != NULL,
		    "1899 is not 'no such day': %s", err.msg);
		seci_date_parse("2027-02-30", NULL, &d, &err);
		ok(strstr(err.msg, "no such day") != NULL, "30 February is: %s",
		    err.msg);
	}
	return done_testing();
}
