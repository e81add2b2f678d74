/* training.c - training sessions with their participants, and each
 * person's hours in a year against training_min_hours. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "money.h"
#include "seci_priv.h"
#include "training.h"

int
seci_training_add(struct seci_db *db, const char *title, seci_day date,
    const char *hours, const int64_t *staff, size_t n, int64_t *id,
    struct seci_err *err)
{
	char day[SECI_DATE_BUFSZ];
	sqlite3_stmt *st;
	seci_money tenths;
	size_t i;

	/* Hours to one decimal, the way amounts are read. */
	if (seci_money_parse(hours, 1, '.', &tenths, err) < 0)
		return seci_err_prefix(err, SECI_EXIT_USAGE, "--hours");
	if (tenths <= 0 || tenths > 10000)
		return seci_err_set(err, SECI_EXIT_USAGE, "--hours: %s is not "
		    "between 0.1 and 1000", hours);
	if (n == 0)
		return seci_err_set(err, SECI_EXIT_USAGE, "training add: give "
		    "the participants with --staff");
	st = seci_db_stmt(db, "INSERT INTO training (title, date, tenths) "
	    "VALUES (?, ?, ?)", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, title);
	seci_db_bind_text(st, 2, seci_date_format(date, day));
	sqlite3_bind_int64(st, 3, tenths);
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(db->h);
	for (i = 0; i < n; i++) {
		if (seci_db_need_id(db, "staff", staff[i], "staff member",
		    err) < 0)
			return -1;
		st = seci_db_stmt(db, "INSERT INTO training_participant "
		    "(training, staff) VALUES (?, ?) ON CONFLICT DO NOTHING", err);
		if (st == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, *id);
		sqlite3_bind_int64(st, 2, staff[i]);
		if (seci_db_exec_stmt(db, st, err) < 0)
			return -1;
	}
	return seci_audit_added_id(db, "training", *id, err);
}

int
seci_training_report(struct seci_db *db, int year, long min_hours,
    const struct seci_out_opts *oo, int *below, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "id", SECI_COL_INT, 0 }, { "name", SECI_COL_TEXT, 0 },
		{ "sessions", SECI_COL_INT, 0 }, { "hours", SECI_COL_DECIMAL, 0 },
		{ "below_minimum", SECI_COL_TEXT, 0 },
	};
	sqlite3_stmt *st;
	int64_t n;

	/* Everyone under contract in the year, with or without sessions. */
	static const char sql[] = "SELECT s.id, s.name, count(t.id), "
	    "printf('%d.%d', coalesce(sum(t.tenths), 0) / 10, "
	    "coalesce(sum(t.tenths), 0) % 10), CASE WHEN coalesce(sum("
	    "t.tenths), 0) < ?2 * 10 THEN 'yes' ELSE 'no' END FROM staff s "
	    "LEFT JOIN training_participant p ON p.staff = s.id LEFT JOIN "
	    "training t ON t.id = p.training AND substr(t.date, 1, 4) = "
	    "printf('%04d', ?1) WHERE s.contract_start <= printf('%04d-12-31', "
	    "?1) AND (s.contract_end IS NULL OR s.contract_end >= "
	    "printf('%04d-01-01', ?1)) GROUP BY s.id ORDER BY s.id";

	st = seci_db_stmt(db, "SELECT count(*) FROM (SELECT s.id FROM staff s "
	    "LEFT JOIN training_participant p ON p.staff = s.id LEFT JOIN "
	    "training t ON t.id = p.training AND substr(t.date, 1, 4) = "
	    "printf('%04d', ?1) WHERE s.contract_start <= printf('%04d-12-31', "
	    "?1) AND (s.contract_end IS NULL OR s.contract_end >= "
	    "printf('%04d-01-01', ?1)) GROUP BY s.id HAVING coalesce(sum("
	    "t.tenths), 0) < ?2 * 10)", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	sqlite3_bind_int64(st, 2, min_hours);
	if (seci_db_one_int(db, st, &n, err) < 0)
		return -1;
	*below = (int)n;
	if ((st = seci_db_stmt(db, sql, err)) == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	sqlite3_bind_int64(st, 2, min_hours);
	return seci_db_print(db, st, cols, 5, oo, err);
}
