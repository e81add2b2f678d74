/* staff.c - the staff register and Liaison Officers. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "access.h"
#include "audit.h"
#include "auth.h"
#include "clock.h"
#include "csv.h"
#include "party.h"
#include "seci_priv.h"
#include "staff.h"

static int
kind_ok(const char *k)
{
	return k && (strcmp(k, "staff") == 0 || strcmp(k, "seconded") == 0 ||
	    strcmp(k, "liaison") == 0);
}

/* The record's fields checked; prefix names it for messages. */
static int
check(struct seci_db *db, const struct seci_staff *s, const char *prefix,
    struct seci_err *err)
{
	struct seci_err e = SECI_ERR_INIT;
	seci_day d;

	if (s->name && (*s->name == '\0' || strlen(s->name) > 200))
		return seci_err_set(err, SECI_EXIT_DATA, "%sa name of 1 to 200 "
		    "bytes", prefix);
	if (s->kind && !kind_ok(s->kind))
		return seci_err_set(err, SECI_EXIT_DATA, "%sbad kind '%s': use "
		    "staff, seconded or liaison", prefix, s->kind);
	if (s->position && *s->position == '\0')
		return seci_err_set(err, SECI_EXIT_DATA, "%sa position is "
		    "needed", prefix);
	if (s->nationality && *s->nationality == '\0')
		return seci_err_set(err, SECI_EXIT_DATA, "%sa nationality is "
		    "needed", prefix);
	if (s->kind && strcmp(s->kind, "liaison") == 0 && s->nationality &&
	    seci_party_exists(db, s->nationality, &e) < 0)
		return seci_err_set(err, SECI_EXIT_DATA, "%sa Liaison Officer's "
		    "nationality is a Party's code; no party '%s'", prefix,
		    s->nationality);
	if (s->start && s->end && s->end < s->start)
		return seci_err_set(err, SECI_EXIT_DATA, "%sthe contract ends "
		    "before it starts", prefix);
	if (s->birth_date && *s->birth_date && seci_date_parse(s->birth_date,
	    NULL, &d, &e) < 0)
		return seci_err_set(err, SECI_EXIT_DATA, "%sbirth date: %s",
		    prefix, e.msg);
	return 0;
}

static int
insert(struct seci_db *db, const struct seci_staff *s, int64_t import_id,
    int64_t *id, struct seci_err *err)
{
	char a[SECI_DATE_BUFSZ], b[SECI_DATE_BUFSZ], now[SECI_TIME_BUFSZ];
	sqlite3_stmt *st;

	st = seci_db_stmt(db, "INSERT INTO staff (name, kind, position, grade, "
	    "nationality, contract_start, contract_end, status, birth_date, "
	    "email, phone, created, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, "
	    "'active', nullif(?, ''), nullif(?, ''), nullif(?, ''), ?, "
	    "nullif(?, 0))", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, s->name);
	seci_db_bind_text(st, 2, s->kind);
	seci_db_bind_text(st, 3, s->position);
	seci_db_bind_text(st, 4, s->grade ? s->grade : "");
	seci_db_bind_text(st, 5, s->nationality);
	seci_db_bind_text(st, 6, seci_date_format(s->start, a));
	seci_db_bind_text(st, 7, s->end ? seci_date_format(s->end, b) : NULL);
	seci_db_bind_text(st, 8, s->birth_date);
	seci_db_bind_text(st, 9, s->email);
	seci_db_bind_text(st, 10, s->phone);
	seci_db_bind_text(st, 11, seci_clock_now(now));
	sqlite3_bind_int64(st, 12, import_id);
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(db->h);
	return 0;
}

int
seci_staff_add(struct seci_db *db, const struct seci_staff *s, int64_t *id,
    struct seci_err *err)
{
	if (s->name == NULL || s->kind == NULL || s->position == NULL ||
	    s->nationality == NULL || s->start == 0)
		return seci_err_set(err, SECI_EXIT_USAGE, "a staff record needs "
		    "a name, kind, position, nationality and start");
	if (check(db, s, "", err) < 0 || insert(db, s, 0, id, err) < 0)
		return -1;
	return seci_audit_added_id(db, "staff", *id, err);
}

/* ---- changes ------------------------------------------------------------ */

static int
change(struct seci_db *db, int64_t id, const char *field, const char *value,
    seci_day date, struct seci_err *err)
{
	static const char *const fields[] = { "name", "kind", "position",
	    "grade", "nationality", "contract_start", "contract_end",
	    "birth_date", "email", "phone", "status", "left_on",
	    "leave_reason", NULL };
	char sql[160], name[48], day[SECI_DATE_BUFSZ], now[SECI_TIME_BUFSZ];
	sqlite3_stmt *st;
	size_t i;

	for (i = 0; fields[i] && strcmp(fields[i], field) != 0; i++)
		;
	if (fields[i] == NULL)
		return seci_err_set(err, SECI_EXIT_SOFTWARE, "no field %s", field);
	/* The history first, with the value before. */
	/* (A value that does not change leaves no line.) */
	st = seci_db_stmt(db, "INSERT INTO staff_change (staff, date, field, "
	    "before, after, login, time) SELECT id, ?2, ?3, v, ?4, ?5, ?6 FROM "
	    "(SELECT id, json_extract(json_object('name', name, 'kind', kind, "
	    "'position', position, 'grade', grade, 'nationality', nationality, "
	    "'contract_start', contract_start, 'contract_end', contract_end, "
	    "'birth_date', birth_date, 'email', email, 'phone', phone, "
	    "'status', status, 'left_on', left_on, 'leave_reason', "
	    "leave_reason), '$.' || ?3) AS v FROM staff WHERE id = ?1) WHERE "
	    "coalesce(v, '') IS NOT coalesce(?4, '')", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	seci_db_bind_text(st, 2, seci_date_format(date, day));
	seci_db_bind_text(st, 3, field);
	seci_db_bind_text(st, 4, value);
	seci_db_bind_text(st, 5, db->login);
	seci_db_bind_text(st, 6, seci_clock_now(now));
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	/* The optional fields go NULL when emptied; the others keep what
	 * they are given. */
	snprintf(name, sizeof(name), "staff set %s", field);
	snprintf(sql, sizeof(sql), "UPDATE staff SET %s = %s WHERE id = ?",
	    field, i >= 6 && i != 10 ? "nullif(?, '')" : "?");
	if ((st = seci_db_stmt_named(db, name)) == NULL &&
	    (st = seci_db_stmt_keep(db, name, sql, err)) == NULL)
		return -1;
	seci_db_bind_text(st, 1, value);
	sqlite3_bind_int64(st, 2, id);
	return seci_db_exec_stmt(db, st, err);
}

static int
exists(struct seci_db *db, int64_t id, char *status, size_t size,
    struct seci_err *err)
{
	sqlite3_stmt *st;
	int rc;

	st = seci_db_stmt(db, "SELECT status FROM staff WHERE id = ?", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	status[0] = '\0';
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		seci_db_col_text(st, 0, status, size);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return seci_err_set(err, SECI_EXIT_DATA, "no staff member %lld",
		    (long long)id);
	return rc == SQLITE_ROW ? 0 : seci_db_fail(db, rc, "staff", err);
}

/* A failed change: the contract's dates reversed, said so; anything else
 * as it is.  Always -1. */
static int
reversed(struct seci_db *db, int64_t id, struct seci_err *err)
{
	if (strstr(sqlite3_errmsg(db->h), "contract_end") != NULL)
		return seci_err_set(err, SECI_EXIT_DATA, "staff member %lld: the "
		    "contract would end before it starts", (long long)id);
	return -1;
}

static int
liaison_party(struct seci_db *db, int64_t id, struct seci_err *err)
{
	struct seci_err e = SECI_ERR_INIT;
	sqlite3_stmt *st;
	char *code = NULL;
	int rc = 0;

	st = seci_db_stmt(db, "SELECT nationality FROM staff WHERE id = ? AND "
	    "kind = 'liaison'", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (seci_db_one_text(db, st, &code, err) < 0)
		return -1;
	if (code && seci_party_exists(db, code, &e) < 0)
		rc = seci_err_set(err, SECI_EXIT_DATA, "a Liaison Officer's "
		    "nationality is a Party's code; no party '%s'", code);
	free(code);
	return rc;
}

int
seci_staff_update(struct seci_db *db, int64_t id, const struct seci_staff *s,
    seci_day date, struct seci_err *err)
{
	struct seci_audit_change c;
	char status[16], a[SECI_DATE_BUFSZ], b[SECI_DATE_BUFSZ];
	const char *v[10];
	static const char *const f[10] = { "name", "kind", "position", "grade",
	    "nationality", "contract_start", "contract_end", "birth_date",
	    "email", "phone" };
	int i, n = 0;

	if (exists(db, id, status, sizeof(status), err) < 0 ||
	    check(db, s, "", err) < 0)
		return -1;
	v[0] = s->name;
	v[1] = s->kind;
	v[2] = s->position;
	v[3] = s->grade;
	v[4] = s->nationality;
	v[5] = s->start ? seci_date_format(s->start, a) : NULL;
	v[6] = s->end ? seci_date_format(s->end, b) : NULL;
	v[7] = s->birth_date;
	v[8] = s->email;
	v[9] = s->phone;
	for (i = 0; i < 10; i++)
		n += v[i] != NULL;
	if (n == 0)
		return seci_err_set(err, SECI_EXIT_USAGE, "update: nothing to "
		    "change");
	if (seci_audit_begin_id(db, &c, "staff", id, err) < 0)
		return -1;
	for (i = 0; i < 10; i++)
		if (v[i] != NULL && change(db, id, f[i], v[i], date, err) < 0) {
			seci_audit_cancel(&c);
			return reversed(db, id, err);
		}
	/* A Liaison Officer's nationality is a Party's, whichever of the
	 * two changed. */
	if (liaison_party(db, id, err) < 0) {
		seci_audit_cancel(&c);
		return -1;
	}
	return seci_audit_end(db, &c, err);
}

int
seci_staff_leave(struct seci_db *db, int64_t id, seci_day date,
    const char *reason, struct seci_err *err)
{
	struct seci_audit_change c;
	char status[16], day[SECI_DATE_BUFSZ];

	if (exists(db, id, status, sizeof(status), err) < 0)
		return -1;
	if (strcmp(status, "left") == 0)
		return seci_err_set(err, SECI_EXIT_DATA, "staff member %lld has "
		    "left already", (long long)id);
	if (seci_audit_begin_id(db, &c, "staff", id, err) < 0)
		return -1;
	seci_date_format(date, day);
	if (change(db, id, "status", "left", date, err) < 0 ||
	    change(db, id, "left_on", day, date, err) < 0 ||
	    change(db, id, "leave_reason", reason, date, err) < 0 ||
	    change(db, id, "contract_end", day, date, err) < 0) {
		seci_audit_cancel(&c);
		if (strstr(sqlite3_errmsg(db->h), "contract_end") != NULL)
			return seci_err_set(err, SECI_EXIT_DATA, "staff member "
			    "%lld: %s is before the contract's start",
			    (long long)id, day);
		return -1;
	}
	return seci_audit_end(db, &c, err);
}

/* ---- listings ----------------------------------------------------------- */

static const struct seci_col staff_cols[] = {
	{ "id", SECI_COL_INT, 0 }, { "name", SECI_COL_TEXT, 0 },
	{ "kind", SECI_COL_TEXT, 0 }, { "position", SECI_COL_TEXT, 0 },
	{ "grade", SECI_COL_TEXT, 0 }, { "nationality", SECI_COL_TEXT, 0 },
	{ "contract_start", SECI_COL_TEXT, 0 },
	{ "contract_end", SECI_COL_TEXT, 0 }, { "status", SECI_COL_TEXT, 0 },
	{ "birth_date", SECI_COL_TEXT, SECI_ROLE_HR },
	{ "email", SECI_COL_TEXT, SECI_ROLE_HR },
	{ "phone", SECI_COL_TEXT, SECI_ROLE_HR },
};

int
seci_staff_list(struct seci_db *db, int personal,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	sqlite3_stmt *st;

	if (personal && seci_access_read(db, oo->roles, "staff", 0, err) < 0)
		return -1;
	st = seci_db_stmt(db, "SELECT id, name, kind, position, grade, "
	    "nationality, contract_start, contract_end, status, birth_date, "
	    "email, phone FROM staff ORDER BY id", err);
	if (st == NULL)
		return -1;
	return seci_db_print(db, st, staff_cols, personal ? 12 : 9, oo, err);
}

int
seci_staff_show(struct seci_db *db, int64_t id, unsigned roles,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "field", SECI_COL_TEXT, 0 }, { "value", SECI_COL_TEXT, 0 },
	};
	char status[16];
	sqlite3_stmt *st;

	if (exists(db, id, status, sizeof(status), err) < 0 ||
	    seci_access_read(db, roles, "staff", id, err) < 0)
		return -1;
	/* The record, then its dated history; personal data, and changes
	 * of it, only for hr and directors. */
	st = seci_db_stmt(db, "SELECT f, v FROM (SELECT 1 AS k, j.id AS s, "
	    "j.key AS f, CASE WHEN j.key IN ('birth_date', 'email', 'phone') "
	    "AND NOT ?2 THEN '" SECI_RESTRICTED "' ELSE j.value END AS v FROM "
	    "staff t, json_each(json_object('id', t.id, 'name', t.name, 'kind', "
	    "t.kind, 'position', t.position, 'grade', t.grade, 'nationality', "
	    "t.nationality, 'contract_start', t.contract_start, "
	    "'contract_end', t.contract_end, 'status', t.status, 'birth_date', "
	    "t.birth_date, 'email', t.email, 'phone', t.phone, 'left_on', "
	    "t.left_on, 'leave_reason', t.leave_reason)) j WHERE t.id = ?1 "
	    "UNION ALL SELECT 2, id, 'history', date || ' ' || field || ': ' || "
	    "CASE WHEN field IN ('birth_date', 'email', 'phone') AND NOT ?2 "
	    "THEN '" SECI_RESTRICTED "' ELSE coalesce(before, '') || ' -> ' || "
	    "coalesce(after, '') END || ' (' || login || ')' FROM staff_change "
	    "WHERE staff = ?1) ORDER BY k, s", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, (roles & (SECI_ROLE_HR |
	    SECI_ROLE_DIRECTOR)) != 0);
	return seci_db_print(db, st, cols, 2, oo, err);
}

/* ---- import ------------------------------------------------------------- */

enum { I_NAME, I_KIND, I_POSITION, I_GRADE, I_NATIONALITY, I_START, I_END,
    I_STATUS, I_BIRTH, I_EMAIL, I_PHONE };

struct staff_import {
	struct seci_db *db;
	struct seci_import *imp;
	struct seci_import_stats *stats;
};

#define BAD(...) do { seci_err_report(err, SECI_ERROR, "%s:%lu: " \
	    __VA_ARGS__); return 1; } while (0)

static int
import_row(void *arg, const struct seci_csv_row *row, struct seci_err *err)
{
	struct staff_import *si = arg;
	const char *const *v = row->val;
	struct seci_err e = SECI_ERR_INIT;
	struct seci_staff s;
	sqlite3_stmt *st;
	int64_t id, known;

	si->stats->read++;
	memset(&s, 0, sizeof(s));
	s.name = v[I_NAME];
	s.kind = v[I_KIND];
	s.position = v[I_POSITION];
	s.grade = v[I_GRADE];
	s.nationality = v[I_NATIONALITY];
	s.birth_date = v[I_BIRTH];
	s.email = v[I_EMAIL];
	s.phone = v[I_PHONE];
	if (seci_date_parse(v[I_START], NULL, &s.start, &e) < 0)
		BAD("contract_start: %s", row->file, row->line, e.msg);
	if (v[I_END] && *v[I_END] && seci_date_parse(v[I_END], NULL, &s.end,
	    &e) < 0)
		BAD("contract_end: %s", row->file, row->line, e.msg);
	if (v[I_STATUS] && *v[I_STATUS] && strcmp(v[I_STATUS], "active") != 0 &&
	    strcmp(v[I_STATUS], "left") != 0)
		BAD("bad status '%.20s': active or left", row->file, row->line,
		    v[I_STATUS]);
	if (check(si->db, &s, "", &e) < 0)
		BAD("%s", row->file, row->line, e.msg);
	st = seci_db_stmt(si->db, "SELECT count(*) FROM staff WHERE name = ? AND "
	    "nationality = ? AND contract_start = ?", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, s.name);
	seci_db_bind_text(st, 2, s.nationality);
	seci_db_bind_text(st, 3, v[I_START]);
	if (seci_db_one_int(si->db, st, &known, err) < 0)
		return -1;
	if (known) {
		si->stats->duplicate++;
		return 0;
	}
	if (insert(si->db, &s, seci_import_id(si->imp), &id, err) < 0)
		return -1;
	if (v[I_STATUS] && strcmp(v[I_STATUS], "left") == 0) {
		st = seci_db_stmt(si->db, "UPDATE staff SET status = 'left', "
		    "left_on = contract_end WHERE id = ?", err);
		if (st == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, id);
		if (seci_db_exec_stmt(si->db, st, err) < 0)
			return -1;
	}
	si->stats->added++;
	return 0;
}

#undef BAD

int
seci_staff_import(struct seci_db *db, FILE *fp, const char *name,
    struct seci_import_stats *stats, struct seci_err *err)
{
	static const struct seci_csv_col cols[] = {
		{ "name", 1, 0 }, { "kind", 1, 0 }, { "position", 1, 0 },
		{ "grade", 1, 0 }, { "nationality", 1, 0 },
		{ "contract_start", 1, 0 }, { "contract_end", 0, 0 },
		{ "status", 0, 0 }, { "birth_date", 0, 0 }, { "email", 0, 0 },
		{ "phone", 0, 0 },
	};
	static const char *const ignore[] = { "id" };
	struct seci_csv_opts o = { .cols = cols, .ncols = 11,
	    .warn_unknown = 1, .ignore = ignore, .nignore = 1 };
	struct staff_import si;
	int rc;

	memset(stats, 0, sizeof(*stats));
	si.db = db;
	si.stats = stats;
	if ((si.imp = seci_import_begin(db, "staff", name, err)) == NULL)
		return -1;
	seci_import_csv_opts(si.imp, &o);
	rc = seci_csv_read(fp, name, &o, import_row, &si, NULL, err);
	if (rc == 0)
		rc = seci_import_finish(si.imp, stats, err);
	seci_import_free(si.imp);
	return rc;
}

/* ---- Liaison Officers and contracts ------------------------------------ */

int
seci_staff_lo_list(struct seci_db *db, const char *party,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "id", SECI_COL_INT, 0 }, { "name", SECI_COL_TEXT, 0 },
		{ "party", SECI_COL_TEXT, 0 },
		{ "posting_start", SECI_COL_TEXT, 0 },
		{ "posting_end", SECI_COL_TEXT, 0 }, { "status", SECI_COL_TEXT, 0 },
	};
	sqlite3_stmt *st;

	if (party && seci_party_exists(db, party, err) < 0)
		return -1;
	st = seci_db_stmt(db, "SELECT id, name, nationality, contract_start, "
	    "contract_end, status FROM staff WHERE kind = 'liaison' AND (?1 IS "
	    "NULL OR nationality = ?1) ORDER BY nationality, contract_start, id",
	    err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, party);
	return seci_db_print(db, st, cols, 6, oo, err);
}

/* Each Party without a Liaison Officer posted on ?1, or whose officer's
 * posting ends by ?2 with no successor: one starting after ?1. */
#define GAPS_SQL "WITH posted AS (SELECT * FROM staff WHERE kind = " \
	"'liaison' AND status = 'active' AND contract_start <= ?1 AND " \
	"(contract_end IS NULL OR contract_end >= ?1)), g AS (SELECT p.code, " \
	"p.name, EXISTS (SELECT 1 FROM posted WHERE nationality = p.code) AS " \
	"has, (SELECT name FROM posted WHERE nationality = p.code ORDER BY " \
	"coalesce(contract_end, '9999') DESC LIMIT 1) AS officer, (SELECT " \
	"CASE WHEN count(contract_end) < count(*) THEN NULL ELSE " \
	"max(contract_end) END FROM posted WHERE nationality = p.code) AS " \
	"ends, EXISTS (SELECT 1 FROM staff s WHERE s.kind = 'liaison' AND " \
	"s.status = 'active' AND s.nationality = p.code AND s.contract_start " \
	"> ?1) AS next FROM party p WHERE p.kind = 'party') SELECT code, " \
	"name, CASE WHEN has THEN 'ending' ELSE 'none posted' END, officer, " \
	"ends FROM g WHERE NOT has OR (ends <= ?2 AND NOT next)"

int
seci_staff_lo_gaps(struct seci_db *db, seci_day as_of, long days,
    const struct seci_out_opts *oo, int *gaps, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "party", SECI_COL_TEXT, 0 }, { "name", SECI_COL_TEXT, 0 },
		{ "gap", SECI_COL_TEXT, 0 }, { "officer", SECI_COL_TEXT, 0 },
		{ "posting_end", SECI_COL_TEXT, 0 },
	};
	char day[SECI_DATE_BUFSZ], soon[SECI_DATE_BUFSZ];
	sqlite3_stmt *st;
	int64_t n;

	seci_date_format(as_of, day);
	seci_date_format(as_of + (seci_day)days, soon);
	if ((st = seci_db_stmt(db, "SELECT count(*) FROM (" GAPS_SQL ")",
	    err)) == NULL)
		return -1;
	seci_db_bind_text(st, 1, day);
	seci_db_bind_text(st, 2, soon);
	if (seci_db_one_int(db, st, &n, err) < 0)
		return -1;
	*gaps = (int)n;
	if ((st = seci_db_stmt(db, GAPS_SQL " ORDER BY code", err)) == NULL)
		return -1;
	seci_db_bind_text(st, 1, day);
	seci_db_bind_text(st, 2, soon);
	return seci_db_print(db, st, cols, 5, oo, err);
}

int
seci_staff_expiring(struct seci_db *db, seci_day as_of, long days,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "id", SECI_COL_INT, 0 }, { "name", SECI_COL_TEXT, 0 },
		{ "kind", SECI_COL_TEXT, 0 }, { "position", SECI_COL_TEXT, 0 },
		{ "contract_end", SECI_COL_TEXT, 0 },
		{ "days_left", SECI_COL_INT, 0 },
	};
	char day[SECI_DATE_BUFSZ], soon[SECI_DATE_BUFSZ];
	sqlite3_stmt *st;

	seci_date_format(as_of, day);
	seci_date_format(as_of + (seci_day)days, soon);
	st = seci_db_stmt(db, "SELECT id, name, kind, position, contract_end, "
	    "CAST(julianday(contract_end) - julianday(?1) AS INTEGER) FROM staff "
	    "WHERE status = 'active' AND contract_end BETWEEN ?1 AND ?2 ORDER BY "
	    "contract_end, id", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, day);
	seci_db_bind_text(st, 2, soon);
	return seci_db_print(db, st, cols, 6, oo, err);
}
