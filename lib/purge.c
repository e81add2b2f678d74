/*
 * purge.c - retention and purges.  Erased values are overwritten in the
 * file's pages (secure_delete); the audit trail's payloads go through
 * its redaction, so the chain still verifies.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "purge.h"
#include "seci_priv.h"

/* When an unsuccessful candidate's period runs from. */
#define CANDIDATE_SINCE "max(v.closes, coalesce((SELECT max(date) FROM " \
	"candidate_step WHERE candidate = c.id), ''))"
#define CANDIDATES_DUE "SELECT c.id FROM candidate c JOIN vacancy v ON " \
	"v.id = c.vacancy WHERE c.purged IS NULL AND c.stage <> 'hired' " \
	"AND date(" CANDIDATE_SINCE ", printf('+%d months', ?1)) <= ?2 " \
	"ORDER BY c.id"
/* When a former member of staff left. */
#define STAFF_LEFT "coalesce(s.left_on, s.contract_end)"
#define STAFF_FORMER "s.purged IS NULL AND (s.status = 'left' OR " \
	"(s.contract_end IS NOT NULL AND s.contract_end < ?2))"

static int
fill_id(sqlite3_stmt *st, void *item)
{
	*(int64_t *)item = sqlite3_column_int64(st, 0);
	return 0;
}

/* The IDs a statement (bound) selects. */
static int
ids_of(struct seci_db *db, sqlite3_stmt *st, int64_t **ids, size_t *n,
    struct seci_err *err)
{
	*ids = NULL;
	*n = 0;
	return seci_db_rows(db, st, sizeof(**ids), fill_id, ids, n, "purge",
	    err);
}

/* Erase the audit payloads of table's row id, and record the purge. */
static int
redact(struct seci_db *db, const char *table, int64_t id, seci_day date,
    struct seci_purge_stats *stats, struct seci_err *err)
{
	char key[24], after[64], day[SECI_DATE_BUFSZ];
	int n;

	snprintf(key, sizeof(key), "%lld", (long long)id);
	if (seci_audit_redact_key(db, table, key, "personal data purged", &n,
	    err) < 0)
		return -1;
	stats->redacted += n;
	snprintf(after, sizeof(after), "{\"purged\":\"%s\"}",
	    seci_date_format(date, day));
	return seci_audit_append(db, table, key, NULL, after, err);
}

/* Run sql on one id (?1) and the purge date (?2). */
static int
exec_id(struct seci_db *db, const char *sql, int64_t id, seci_day date,
    struct seci_err *err)
{
	char day[SECI_DATE_BUFSZ];
	sqlite3_stmt *st;

	if ((st = seci_db_stmt(db, sql, err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	seci_db_bind_text(st, 2, seci_date_format(date, day));
	return seci_db_exec_stmt(db, st, err);
}

/* Redact each row that sql selects for the staff member id. */
static int
redact_each(struct seci_db *db, const char *table, const char *sql,
    int64_t id, seci_day date, struct seci_purge_stats *stats,
    struct seci_err *err)
{
	sqlite3_stmt *st;
	int64_t *ids;
	size_t n, i;
	int rc = 0;

	if ((st = seci_db_stmt(db, sql, err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (ids_of(db, st, &ids, &n, err) < 0) {
		free(ids);
		return -1;
	}
	for (i = 0; i < n && rc == 0; i++)
		rc = redact(db, table, ids[i], date, stats, err);
	free(ids);
	return rc;
}

static int
purge_candidate(struct seci_db *db, int64_t id, seci_day date,
    struct seci_purge_stats *stats, struct seci_err *err)
{
	if (exec_id(db, "UPDATE candidate SET name = '" SECI_PURGED "', "
	    "purged = ?2 WHERE id = ?1", id, date, err) < 0)
		return -1;
	stats->people++;
	return redact(db, "candidate", id, date, stats, err);
}

static int
secure(struct seci_db *db, struct seci_err *err)
{
	return seci_db_exec_sql(db, "PRAGMA secure_delete = ON", err);
}

int
seci_purge_candidates(struct seci_db *db, long months, long min_months,
    seci_day as_of, struct seci_purge_stats *stats, struct seci_err *err)
{
	char day[SECI_DATE_BUFSZ];
	sqlite3_stmt *st;
	int64_t *ids;
	size_t n, i;
	int rc = 0;

	memset(stats, 0, sizeof(*stats));
	if (months < min_months)
		return seci_err_set(err, SECI_EXIT_DATA, "--older-than %ld: "
		    "candidates' data is kept %ld months "
		    "(candidate_retention_months); purge it no sooner", months,
		    min_months);
	if (secure(db, err) < 0 ||
	    (st = seci_db_stmt(db, CANDIDATES_DUE, err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, months);
	seci_db_bind_text(st, 2, seci_date_format(as_of, day));
	if (ids_of(db, st, &ids, &n, err) < 0) {
		free(ids);
		return -1;
	}
	for (i = 0; i < n && rc == 0; i++)
		rc = purge_candidate(db, ids[i], as_of, stats, err);
	free(ids);
	return rc;
}

/* Everything personal about one former member of staff. */
static int
purge_person(struct seci_db *db, int64_t id, seci_day date,
    struct seci_purge_stats *stats, struct seci_err *err)
{
	static const char *const sql[] = {
		"UPDATE staff SET name = '" SECI_PURGED "', birth_date = NULL, "
		"email = NULL, phone = NULL, leave_reason = NULL, purged = ?2 "
		"WHERE id = ?1",
		"UPDATE staff_change SET before = NULL, after = NULL WHERE "
		"staff = ?1 AND field IN ('name', 'birth_date', 'email', "
		"'phone', 'leave_reason')",
		"UPDATE candidate SET name = '" SECI_PURGED "', purged = ?2 "
		"WHERE staff = ?1",
		"UPDATE discipline_step SET note = '" SECI_PURGED "' WHERE "
		"case_id IN (SELECT id FROM discipline_case WHERE staff = ?1)",
		"UPDATE discipline_case SET allegation = '" SECI_PURGED "' "
		"WHERE staff = ?1",
		"UPDATE ethics_declaration SET text = '" SECI_PURGED "' WHERE "
		"staff = ?1 AND kind = 'interests'",
		"UPDATE gift SET source = '" SECI_PURGED "', description = '"
		SECI_PURGED "' WHERE staff = ?1",
	};
	static const struct { const char *table, *sql; } rows[] = {
		{ "candidate", "SELECT id FROM candidate WHERE staff = ?" },
		{ "discipline_case", "SELECT id FROM discipline_case WHERE "
		    "staff = ?" },
		{ "ethics_declaration", "SELECT id FROM ethics_declaration "
		    "WHERE staff = ?" },
		{ "gift", "SELECT id FROM gift WHERE staff = ?" },
	};
	size_t i;

	for (i = 0; i < sizeof(sql) / sizeof(sql[0]); i++)
		if (exec_id(db, sql[i], id, date, err) < 0)
			return -1;
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		if (redact_each(db, rows[i].table, rows[i].sql, id, date,
		    stats, err) < 0)
			return -1;
	stats->people++;
	return redact(db, "staff", id, date, stats, err);
}

int
seci_purge_staff(struct seci_db *db, seci_day left_before, long years,
    seci_day as_of, struct seci_purge_stats *stats, struct seci_err *err)
{
	char a[SECI_DATE_BUFSZ], b[SECI_DATE_BUFSZ], c[SECI_DATE_BUFSZ];
	seci_day latest = seci_date_add_months(as_of, -12 * (int)years) + 1;
	sqlite3_stmt *st;
	int64_t *ids;
	size_t n, i;
	int rc = 0;

	memset(stats, 0, sizeof(*stats));
	if (left_before > latest)
		return seci_err_set(err, SECI_EXIT_DATA, "--left-before %s: "
		    "former staff's data is kept %ld years after they left "
		    "(staff_retention_years); the latest date on %s is %s",
		    seci_date_format(left_before, a), years,
		    seci_date_format(as_of, b), seci_date_format(latest, c));
	if (secure(db, err) < 0 || (st = seci_db_stmt(db, "SELECT s.id FROM "
	    "staff s WHERE " STAFF_FORMER " AND " STAFF_LEFT " < ?1 ORDER BY "
	    "s.id", err)) == NULL)
		return -1;
	seci_db_bind_text(st, 1, seci_date_format(left_before, a));
	seci_db_bind_text(st, 2, seci_date_format(as_of, b));
	if (ids_of(db, st, &ids, &n, err) < 0) {
		free(ids);
		return -1;
	}
	for (i = 0; i < n && rc == 0; i++)
		rc = purge_person(db, ids[i], as_of, stats, err);
	free(ids);
	return rc;
}

int
seci_retention(struct seci_db *db, long months, long years, seci_day as_of,
    const struct seci_out_opts *oo, int *due, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "kind", SECI_COL_TEXT, 0 }, { "id", SECI_COL_INT, 0 },
		{ "vacancy", SECI_COL_INT, 0 }, { "since", SECI_COL_TEXT, 0 },
		{ "due", SECI_COL_TEXT, 0 },
	};
	char day[SECI_DATE_BUFSZ];
	sqlite3_stmt *st;
	int64_t n;

	/* The first day each may be purged: the period after it began. */
#define DUE_SQL "SELECT * FROM (SELECT 'candidate' AS kind, c.id AS id, " \
	"c.vacancy AS vacancy, " CANDIDATE_SINCE " AS since, date(" \
	CANDIDATE_SINCE ", printf('+%d months', ?1)) AS due FROM candidate c " \
	"JOIN vacancy v ON v.id = c.vacancy WHERE c.purged IS NULL AND " \
	"c.stage <> 'hired' UNION ALL SELECT 'staff', s.id, NULL, " \
	STAFF_LEFT ", date(" STAFF_LEFT ", printf('+%d years', ?3)) FROM " \
	"staff s WHERE " STAFF_FORMER ") WHERE due <= ?2"
	if ((st = seci_db_stmt(db, "SELECT count(*) FROM (" DUE_SQL ")",
	    err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, months);
	seci_db_bind_text(st, 2, seci_date_format(as_of, day));
	sqlite3_bind_int64(st, 3, years);
	if (seci_db_one_int(db, st, &n, err) < 0)
		return -1;
	*due = (int)n;
	if ((st = seci_db_stmt(db, DUE_SQL " ORDER BY kind, due, id", err)) ==
	    NULL)
		return -1;
#undef DUE_SQL
	sqlite3_bind_int64(st, 1, months);
	seci_db_bind_text(st, 2, day);
	sqlite3_bind_int64(st, 3, years);
	return seci_db_print(db, st, cols, 5, oo, err);
}
