/* year.c - the closed-year lock and provisional twelfths. */
#include "config.h"

#include "seci_priv.h"
#include "year.h"

int
seci_year_of(seci_day day)
{
	int y, m, d;

	seci_date_ymd(day, &y, &m, &d);
	return y;
}

int
seci_year_last_closed(struct seci_db *db, int *year, struct seci_err *err)
{
	sqlite3_stmt *st;
	int64_t last;

	st = seci_db_stmt(db, "SELECT coalesce(max(year), 0) FROM budget "
	    "WHERE status = 'closed'", err);
	if (st == NULL || seci_db_one_int(db, st, &last, err) < 0)
		return -1;
	*year = (int)last;
	return 0;
}

int
seci_year_writable(struct seci_db *db, int year, struct seci_err *err)
{
	int last;

	if (seci_year_last_closed(db, &last, err) < 0)
		return -1;
	if (year <= last)
		return seci_err_set(err, SECI_EXIT_DATA, year == last ? "budget "
		    "year %d is closed; it can no longer change" : "budget year "
		    "%d is closed, and %d before it can no longer change",
		    year == last ? year : last, year);
	return 0;
}

int
seci_year_writable_day(struct seci_db *db, seci_day day,
    struct seci_err *err)
{
	return seci_year_writable(db, seci_year_of(day), err);
}

int
seci_year_dated(struct seci_db *db, int year, seci_day day, const char *what,
    struct seci_err *err)
{
	char d[SECI_DATE_BUFSZ];

	if (seci_year_of(day) != year)
		return seci_err_set(err, SECI_EXIT_DATA, "%s dated %s is not in "
		    "budget year %d", what, seci_date_format(day, d), year);
	return seci_year_writable(db, year, err);
}

int
seci_year_months_elapsed(int year, seci_day day)
{
	int y, m, d;

	seci_date_ymd(day, &y, &m, &d);
	return y < year ? 0 : y > year ? 12 : m;
}

seci_money
seci_year_twelfths(seci_money annual, int months)
{
	return (seci_money)((__int128)annual * months / 12);
}
