/* admin.c - initial contents, users, checks and backups. */
#include "config.h"

#include <errno.h>
#include <grp.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "admin.h"
#include "audit.h"
#include "auth.h"
#include "bankbook.h"
#include "clock.h"
#include "contrib.h"
#include "csv.h"
#include "file.h"
#include "money.h"
#include "seci_priv.h"

static int
setting_put(struct seci_db *db, const char *key, const char *value,
    struct seci_err *err)
{
	sqlite3_stmt *st;

	st = seci_db_stmt(db, "INSERT INTO settings (key, value) VALUES "
	    "(?, ?)", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, key);
	seci_db_bind_text(st, 2, value);
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	return seci_audit_added(db, "settings", "key", key, err);
}

/* Logins as systems spell them (ann, a.nn, ann@corp.example,
 * CORP\\ann): printable, no blanks, commas or quotes. */
static int
login_valid(const char *s)
{
	size_t n = strlen(s), i;

	if (n == 0 || n > SECI_LOGIN_MAX || s[0] == '-')
		return 0;
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] <= ' ' || s[i] == ',' || s[i] == '"' ||
		    s[i] == '\'' || s[i] == 0x7f)
			return 0;
	return seci_utf8_valid(s, n);
}

/* One audit record for the chart of accounts init loads. */
static int
audit_chart(struct seci_db *db, struct seci_err *err)
{
	sqlite3_stmt *st;
	char *after = NULL;
	int rc;

	st = seci_db_stmt(db, "SELECT json_group_array(json_object('code', "
	    "code, 'type', type, 'name', name)) FROM (SELECT * FROM accounts "
	    "ORDER BY code)", err);
	if (st == NULL)
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		after = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	if (after == NULL)
		return seci_db_fail(db, rc == SQLITE_ROW ? SQLITE_NOMEM : rc,
		    "accounts", err);
	rc = seci_audit_append(db, "accounts", NULL, NULL, after, err);
	free(after);
	return rc;
}

int
seci_admin_init(struct seci_db *db, const char *org, const char *currency,
    const char *director, struct seci_err *err)
{
	if (seci_currency_decimals(currency) < 0)
		return seci_err_set(err, SECI_EXIT_USAGE, "bad currency '%s': "
		    "expected a three-letter code such as EUR", currency);
	if (org == NULL || *org == '\0')
		return seci_err_set(err, SECI_EXIT_USAGE, "empty organisation "
		    "name");
	if (!seci_utf8_valid(org, strlen(org)))
		return seci_err_set(err, SECI_EXIT_USAGE, "the organisation "
		    "name is not valid UTF-8");
	memcpy(db->currency, currency, 4);
	db->decimals = seci_currency_decimals(currency);
	/* The chart first: MAIN's ledger account is in it. */
	if (setting_put(db, "organisation", org, err) < 0 ||
	    setting_put(db, "currency", currency, err) < 0 ||
	    seci_ledger_load_chart(db, err) < 0 ||
	    audit_chart(db, err) < 0 ||
	    seci_bank_add_main(db, err) < 0 ||
	    seci_user_add(db, director, SECI_ROLE_DIRECTOR, err) < 0)
		return -1;
	return 0;
}

int
seci_admin_org(struct seci_db *db, char *buf, size_t size,
    struct seci_err *err)
{
	sqlite3_stmt *st;
	int rc;

	buf[0] = '\0';
	st = seci_db_stmt(db, "SELECT value FROM settings WHERE key = "
	    "'organisation'", err);
	if (st == NULL)
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		snprintf(buf, size, "%s", (const char *)sqlite3_column_text(st,
		    0));
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return seci_db_fail(db, rc, "settings", err);
	return 0;
}

int
seci_user_add(struct seci_db *db, const char *login, unsigned roles,
    struct seci_err *err)
{
	sqlite3_stmt *st;
	char rolebuf[128], now[SECI_TIME_BUFSZ];

	if (!login_valid(login))
		return seci_err_set(err, SECI_EXIT_USAGE, "bad login '%.64s': "
		    "use 1 to 64 printable characters, without blanks, commas "
		    "or quotes", login);
	if (roles == 0)
		return seci_err_set(err, SECI_EXIT_USAGE, "no role given");
	st = seci_db_stmt(db, "INSERT INTO users (login, roles, created, "
	    "created_by) VALUES (?, ?, ?, ?) ON CONFLICT (login) DO NOTHING",
	    err);
	if (st == NULL)
		return -1;
	seci_clock_now(now);
	seci_db_bind_text(st, 1, login);
	seci_db_bind_text(st, 2, seci_roles_format(roles, rolebuf,
	    sizeof(rolebuf)));
	seci_db_bind_text(st, 3, now);
	seci_db_bind_text(st, 4, db->login[0] ? db->login : login);
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	if (sqlite3_changes(db->h) == 0)
		return seci_err_set(err, SECI_EXIT_DATA, "user '%s' already "
		    "exists", login);
	return seci_audit_added(db, "users", "login", login, err);
}

int
seci_user_remove(struct seci_db *db, const char *login,
    struct seci_err *err)
{
	struct seci_audit_change c;
	sqlite3_stmt *st;
	int rc, last;

	if (seci_audit_begin(db, &c, "users", "login", login, err) < 0)
		return -1;
	if (c.before == NULL)
		return seci_err_set(err, SECI_EXIT_DATA, "no user '%s'", login);
	/* Never leave the database without a director. */
	st = seci_db_stmt(db, "SELECT (SELECT count(*) FROM users WHERE "
	    "login <> ?1 AND instr(',' || roles || ',', ',director,') > 0) = 0 "
	    "AND (SELECT instr(',' || roles || ',', ',director,') > 0 FROM "
	    "users WHERE login = ?1)", err);
	if (st == NULL)
		goto fail;
	seci_db_bind_text(st, 1, login);
	rc = sqlite3_step(st);
	last = rc == SQLITE_ROW && sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW) {
		seci_db_fail(db, rc, "users", err);
		goto fail;
	}
	if (last) {
		seci_err_set(err, SECI_EXIT_DATA, "'%s' is the last director; "
		    "add another director first", login);
		goto fail;
	}
	st = seci_db_stmt(db, "DELETE FROM users WHERE login = ?", err);
	if (st == NULL)
		goto fail;
	seci_db_bind_text(st, 1, login);
	if (seci_db_exec_stmt(db, st, err) < 0)
		goto fail;
	return seci_audit_end(db, &c, err);
fail:
	seci_audit_cancel(&c);
	return -1;
}

int
seci_user_list(struct seci_db *db, const struct seci_out_opts *oo,
    struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "login", SECI_COL_TEXT, 0 }, { "roles", SECI_COL_TEXT, 0 },
		{ "created", SECI_COL_TEXT, 0 }, { "created_by", SECI_COL_TEXT, 0 },
	};
	sqlite3_stmt *st;

	st = seci_db_stmt(db, "SELECT login, roles, created, created_by FROM "
	    "users ORDER BY login", err);
	if (st == NULL)
		return -1;
	return seci_db_print(db, st, cols, 4, oo, err);
}

/* Run a statement whose rows are findings (one text column). */
static int
findings(struct seci_db *db, const char *sql, const char *check,
    seci_finding_fn *fn, void *arg, int skip_ok, struct seci_err *err)
{
	sqlite3_stmt *st;
	const char *t;
	int rc, n = 0;

	if ((st = seci_db_stmt(db, sql, err)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		t = (const char *)sqlite3_column_text(st, 0);
		if (skip_ok && t && strcmp(t, "ok") == 0)
			continue;
		fn(arg, check, t ? t : "");
		n++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return seci_db_fail(db, rc, check, err);
	if (n == 0)
		fn(arg, check, NULL);
	return n;
}

/* Who besides its owner may open the file: anyone (always a finding),
 * or a group other than the configured one.  1 with msg, else 0. */
static int
file_access(const char *path, const char *group, char *msg, size_t size)
{
	struct group *g = group ? getgrnam(group) : NULL;
	struct stat st;

	if (stat(path, &st) < 0)
		return 0;
	if (st.st_mode & 0007) {
		snprintf(msg, size, "'%s' has mode %04o; anyone may open it "
		    "(chmod 600, or 660 when shared with its group)", path,
		    (unsigned)(st.st_mode & 07777));
		return 1;
	}
	if ((st.st_mode & 0070) && (g == NULL || g->gr_gid != st.st_gid)) {
		snprintf(msg, size, "'%s' has mode %04o; its group may open "
		    "it, and it is not the configured group%s%s (chmod 600, "
		    "or set group in seci.yaml)", path,
		    (unsigned)(st.st_mode & 07777), group ? " " : "",
		    group ? group : "");
		return 1;
	}
	return 0;
}

int
seci_admin_check(struct seci_db *db, const char *group,
    seci_finding_fn *fn, void *arg, struct seci_err *err)
{
	struct seci_audit_break brk;
	char msg[512];
	int64_t count;
	int n = 0, k;

	if ((k = findings(db, "PRAGMA integrity_check", "integrity", fn, arg,
	    1, err)) < 0)
		return -1;
	n += k;
	if ((k = findings(db, "SELECT 'table ' || \"table\" || ' row ' || "
	    "coalesce(rowid, '?') || ' refers to a missing ' || parent FROM "
	    "pragma_foreign_key_check", "foreign_keys", fn, arg, 0, err)) < 0)
		return -1;
	n += k;
	if ((k = seci_ledger_check(db, fn, arg, err)) < 0)
		return -1;
	n += k;
	if ((k = seci_contrib_check(db, fn, arg, err)) < 0)
		return -1;
	n += k;
	if ((k = seci_bank_check(db, fn, arg, err)) < 0)
		return -1;
	n += k;
	if ((k = seci_audit_verify(db, &count, &brk, err)) < 0)
		return -1;
	if (k > 0) {
		snprintf(msg, sizeof(msg), "record %lld: %s", (long long)brk.id,
		    brk.why);
		fn(arg, "audit", msg);
		n++;
	} else {
		fn(arg, "audit", NULL);
	}
	if ((k = file_access(db->path, group, msg, sizeof(msg))) != 0) {
		fn(arg, "permissions", msg);
		n++;
	} else {
		fn(arg, "permissions", NULL);
	}
	return n;
}

int
seci_admin_backup(struct seci_db *db, const char *dest,
    struct seci_err *err)
{
	struct seci_file *f;
	sqlite3 *copy = NULL;
	sqlite3_backup *bk;
	struct stat a, b;
	int rc;

	if (stat(dest, &a) == 0 && stat(db->path, &b) == 0 &&
	    a.st_dev == b.st_dev && a.st_ino == b.st_ino)
		return seci_err_set(err, SECI_EXIT_USAGE, "'%s' is the database "
		    "itself", dest);
	if ((f = seci_file_create(dest, SECI_FILE_REPLACE, err)) == NULL)
		return -1;
	if (seci_file_close_stream(f, err) < 0) {
		seci_file_abort(f);
		return -1;
	}
	rc = sqlite3_open_v2(seci_file_temp_path(f), &copy,
	    SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK) {
		bk = sqlite3_backup_init(copy, "main", db->h, "main");
		if (bk == NULL) {
			rc = sqlite3_errcode(copy);
		} else {
			/* One step: the copy is one consistent snapshot. */
			rc = sqlite3_backup_step(bk, -1);
			sqlite3_backup_finish(bk);
			rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
		}
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(copy, "PRAGMA journal_mode = DELETE", NULL,
		    NULL, NULL);
	if (rc != SQLITE_OK) {
		seci_err_set(err, (rc & 0xff) == SQLITE_BUSY ? SECI_EXIT_BUSY :
		    SECI_EXIT_CANTCREAT, "backup to '%s' failed: %s", dest,
		    copy ? sqlite3_errmsg(copy) : sqlite3_errstr(rc));
		sqlite3_close(copy);
		seci_file_abort(f);
		return -1;
	}
	sqlite3_close(copy);
	return seci_file_commit(f, err);
}
