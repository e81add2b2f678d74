/*
 * ethics.c - the annual declaration of interests and acknowledgement of
 * the code of conduct, who has not made them after declaration_due, and
 * the gift register with gifts above gift_threshold flagged.  What a
 * declaration or a gift says is restricted to hr and directors.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "access.h"
#include "audit.h"
#include "auth.h"
#include "ethics.h"
#include "seci_priv.h"

static int
staff_exists(struct seci_db *db, int64_t staff, struct seci_err *err)
{
	return seci_db_need_id(db, "staff", staff, "staff member", err);
}

int
seci_ethics_declare(struct seci_db *db, int64_t staff, const char *kind,
    const char *text, seci_day date, int64_t *id, struct seci_err *err)
{
	char day[SECI_DATE_BUFSZ];
	sqlite3_stmt *st;

	if (staff_exists(db, staff, err) < 0)
		return -1;
	if (text == NULL || *text == '\0')
		return seci_err_set(err, SECI_EXIT_USAGE, "an empty declaration");
	st = seci_db_stmt(db, "INSERT INTO ethics_declaration (staff, year, "
	    "kind, text, date) VALUES (?, ?, ?, ?, ?)", err);
	if (st == NULL)
		return -1;
	seci_date_format(date, day);
	sqlite3_bind_int64(st, 1, staff);
	sqlite3_bind_int(st, 2, atoi(day));
	seci_db_bind_text(st, 3, kind);
	seci_db_bind_text(st, 4, text);
	seci_db_bind_text(st, 5, day);
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(db->h);
	return seci_audit_added_id(db, "ethics_declaration", *id, err);
}

int
seci_ethics_missing(struct seci_db *db, int year, seci_day as_of,
    const char *due, const struct seci_out_opts *oo, int *missing,
    struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "id", SECI_COL_INT, 0 }, { "name", SECI_COL_TEXT, 0 },
		{ "declaration", SECI_COL_TEXT, 0 },
		{ "acknowledgement", SECI_COL_TEXT, 0 },
	};
	char day[SECI_DATE_BUFSZ], duedate[16];
	sqlite3_stmt *st;
	int64_t n;

	/* Only once the year's due date has passed; the staff under
	 * contract then. */
#define MISSING_SQL "SELECT s.id, s.name, CASE WHEN EXISTS (SELECT 1 FROM " \
	"ethics_declaration WHERE staff = s.id AND year = ?1 AND kind = " \
	"'interests') THEN 'made' ELSE 'missing' END AS d, CASE WHEN EXISTS " \
	"(SELECT 1 FROM ethics_declaration WHERE staff = s.id AND year = ?1 " \
	"AND kind = 'code') THEN 'made' ELSE 'missing' END AS k FROM staff s " \
	"WHERE ?2 > ?3 AND s.status = 'active' AND s.contract_start <= ?3 " \
	"AND (s.contract_end IS NULL OR s.contract_end >= ?2)"
	snprintf(duedate, sizeof(duedate), "%04d-%.5s", year, due);
	seci_date_format(as_of, day);
	if ((st = seci_db_stmt(db, "SELECT count(*) FROM (" MISSING_SQL ") "
	    "WHERE d = 'missing' OR k = 'missing'", err)) == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	seci_db_bind_text(st, 2, day);
	seci_db_bind_text(st, 3, duedate);
	if (seci_db_one_int(db, st, &n, err) < 0)
		return -1;
	*missing = (int)n;
	if ((st = seci_db_stmt(db, "SELECT * FROM (" MISSING_SQL ") WHERE d = "
	    "'missing' OR k = 'missing' ORDER BY id", err)) == NULL)
		return -1;
#undef MISSING_SQL
	sqlite3_bind_int(st, 1, year);
	seci_db_bind_text(st, 2, day);
	seci_db_bind_text(st, 3, duedate);
	return seci_db_print(db, st, cols, 4, oo, err);
}

int
seci_ethics_gift(struct seci_db *db, int64_t staff, const char *source,
    seci_money value, seci_day date, const char *desc, int64_t *id,
    struct seci_err *err)
{
	char day[SECI_DATE_BUFSZ];
	sqlite3_stmt *st;

	if (staff_exists(db, staff, err) < 0)
		return -1;
	if (value < 0)
		return seci_err_set(err, SECI_EXIT_USAGE, "--value: negative");
	if (*source == '\0' || *desc == '\0')
		return seci_err_set(err, SECI_EXIT_USAGE, "ethics gift: give "
		    "its --source and --desc");
	st = seci_db_stmt(db, "INSERT INTO gift (staff, source, value, date, "
	    "description) VALUES (?, ?, ?, ?, ?)", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, staff);
	seci_db_bind_text(st, 2, source);
	sqlite3_bind_int64(st, 3, value);
	seci_db_bind_text(st, 4, seci_date_format(date, day));
	seci_db_bind_text(st, 5, desc);
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(db->h);
	return seci_audit_added_id(db, "gift", *id, err);
}

int
seci_ethics_gifts(struct seci_db *db, int year, seci_money threshold,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "id", SECI_COL_INT, 0 }, { "date", SECI_COL_TEXT, 0 },
		{ "staff", SECI_COL_INT, 0 }, { "name", SECI_COL_TEXT, 0 },
		{ "source", SECI_COL_TEXT, SECI_ROLE_HR },
		{ "value", SECI_COL_MONEY, 0 },
		{ "description", SECI_COL_TEXT, SECI_ROLE_HR },
		{ "above_threshold", SECI_COL_TEXT, 0 },
	};
	sqlite3_stmt *st;

	if (seci_access_read(db, oo->roles, "gift", 0, err) < 0)
		return -1;
	st = seci_db_stmt(db, "SELECT g.id, g.date, g.staff, s.name, g.source, "
	    "g.value, g.description, CASE WHEN g.value > ?2 THEN 'yes' ELSE 'no' "
	    "END FROM gift g JOIN staff s ON s.id = g.staff WHERE substr(g.date, "
	    "1, 4) = printf('%04d', ?1) ORDER BY g.date, g.id", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	sqlite3_bind_int64(st, 2, threshold);
	return seci_db_print(db, st, cols, 8, oo, err);
}
