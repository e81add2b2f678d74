/*
 * restore.c - a backup put back, checked first, the current database
 * kept.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "admin.h"
#include "audit.h"
#include "file.h"
#include "restore.h"
#include "seci_priv.h"

/* src's pages into the file at path (both plain connections). */
static int
copy_pages(sqlite3 *from, const char *path, long busy_ms, const char *what,
    struct seci_err *err)
{
	sqlite3 *to = NULL;
	sqlite3_backup *bk;
	int rc;

	rc = sqlite3_open_v2(path, &to, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(to, (int)busy_ms);
		if ((bk = sqlite3_backup_init(to, "main", from, "main")) == NULL) {
			rc = sqlite3_errcode(to);
		} else {
			/* One step: one transaction on the destination. */
			rc = sqlite3_backup_step(bk, -1);
			sqlite3_backup_finish(bk);
			rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
		}
	}
	if (rc != SQLITE_OK) {
		seci_err_set(err, (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) ==
		    SQLITE_LOCKED ? SECI_EXIT_BUSY : SECI_EXIT_CANTCREAT,
		    (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED ?
		    "%s: another process holds the database; try again when it "
		    "is done" : "%s: %s", what, to ? sqlite3_errmsg(to) :
		    sqlite3_errstr(rc));
		sqlite3_close(to);
		return -1;
	}
	return sqlite3_close(to) == SQLITE_OK ? 0 : seci_err_set(err,
	    SECI_EXIT_IOERR, "%s: cannot close", what);
}

/* The backup, on its copy: sound, a seci database, the chain whole, the
 * seal the one given; migrated; its restore recorded. */
static int
check_copy(struct seci_db *cur, const char *path, const char *src,
    const char *seal, const char *kept, struct seci_err *err)
{
	struct seci_audit_break brk;
	char hash[SECI_HASH_HEX], *json;
	struct seci_db *db;
	sqlite3_stmt *st;
	int64_t n;
	int rc = -1;

	if ((db = seci_db_open(path, 0, err)) == NULL) {
		/* The message names the copy: name the backup. */
		char msg[sizeof(err->msg)], *at = strstr(err->msg, path);

		if (at != NULL) {
			snprintf(msg, sizeof(msg), "%.*s%s%s", (int)(at -
			    err->msg), err->msg, src, at + strlen(path));
			snprintf(err->msg, sizeof(err->msg), "%s", msg);
			return -1;
		}
		return seci_err_prefix(err, 0, "%s", src);
	}
	st = seci_db_stmt(db, "PRAGMA integrity_check", err);
	if (st == NULL)
		goto out;
	if (sqlite3_step(st) != SQLITE_ROW || strcmp((const char *)
	    sqlite3_column_text(st, 0), "ok") != 0) {
		sqlite3_reset(st);
		seci_err_set(err, SECI_EXIT_DATA, "%s: not a sound database "
		    "(integrity check failed); nothing restored", src);
		goto out;
	}
	sqlite3_reset(st);
	if (seci_audit_seal(db, &n, hash, err) < 0)
		goto out;
	if (seal != NULL && strcmp(seal, hash) != 0) {
		seci_err_set(err, SECI_EXIT_DATA, "%s: its audit seal is %s, not "
		    "the %s given; nothing restored", src, hash, seal);
		goto out;
	}
	if (seci_db_migrate(db, err) < 0)
		goto out;
	if ((rc = seci_audit_verify(db, &n, &brk, err)) != 0) {
		if (rc > 0)
			seci_err_set(err, SECI_EXIT_DATA, "%s: its audit chain "
			    "is broken at record %lld (%s); nothing restored",
			    src, (long long)brk.id, brk.why);
		rc = -1;
		goto out;
	}
	rc = -1;
	seci_db_set_actor(db, cur->login, cur->tool, cur->command);
	seci_db_set_date(db, cur->record_date);
	if (asprintf(&json, "{\"from\":\"%s\",\"seal\":\"%s\",\"kept\":\"%s\"}",
	    src, hash, kept) < 0) {
		seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
		goto out;
	}
	/* Back in rollback-journal mode, it is one file to read from. */
	if (seci_db_begin(db, 1, err) == 0 && seci_audit_append(db, "restore",
	    "database", NULL, json, err) == 0 && seci_db_commit(db, err) == 0 &&
	    seci_db_exec_sql(db, "PRAGMA journal_mode = DELETE", err) == 0)
		rc = 0;
	free(json);
out:
	seci_db_close(db);
	return rc;
}

/* A name for the dated copy that is not taken. */
static void
kept_name(const char *path, seci_day today, char *buf, size_t size)
{
	char day[SECI_DATE_BUFSZ];
	struct stat st;
	int i;

	seci_date_format(today, day);
	snprintf(buf, size, "%s.%s", path, day);
	for (i = 2; lstat(buf, &st) == 0 && i < 1000; i++)
		snprintf(buf, size, "%s.%s.%d", path, day, i);
}

int
seci_restore(struct seci_db *db, const char *src, const char *seal,
    seci_day today, long busy_ms, char *kept, size_t size,
    struct seci_err *err)
{
	struct seci_file *f;
	struct stat a, b;
	sqlite3 *from = NULL, *copy = NULL;
	char *scratch;
	int rc;

	if (stat(src, &a) < 0)
		return seci_err_set(err, SECI_EXIT_NOINPUT, "cannot read '%s': "
		    "%s", src, strerror(errno));
	if (stat(db->path, &b) == 0 && a.st_dev == b.st_dev &&
	    a.st_ino == b.st_ino)
		return seci_err_set(err, SECI_EXIT_USAGE, "'%s' is the database "
		    "itself", src);
	/* The backup is read, never written: checked on a copy beside the
	 * database. */
	if (asprintf(&scratch, "%s.restoring", db->path) < 0)
		return seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
	f = seci_file_create(scratch, SECI_FILE_REPLACE, err);
	free(scratch);
	if (f == NULL || seci_file_close_stream(f, err) < 0)
		goto fail;
	rc = sqlite3_open_v2(src, &from, SQLITE_OPEN_READONLY, NULL);
	if (rc != SQLITE_OK) {
		seci_err_set(err, SECI_EXIT_NOINPUT, "cannot read '%s': %s", src,
		    from ? sqlite3_errmsg(from) : sqlite3_errstr(rc));
		goto fail;
	}
	if (copy_pages(from, seci_file_temp_path(f), busy_ms, src, err) < 0) {
		if (err->code != SECI_EXIT_BUSY)
			err->code = SECI_EXIT_DATA;
		goto fail;
	}
	sqlite3_close(from);
	from = NULL;
	kept_name(db->path, today, kept, size);
	if (check_copy(db, seci_file_temp_path(f), src, seal, kept, err) < 0 ||
	    seci_admin_backup(db, kept, err) < 0)
		goto fail;
	rc = sqlite3_open_v2(seci_file_temp_path(f), &copy,
	    SQLITE_OPEN_READONLY, NULL);
	if (rc != SQLITE_OK) {
		seci_err_set(err, SECI_EXIT_CANTCREAT, "%s", sqlite3_errstr(rc));
		goto fail;
	}
	if (copy_pages(copy, db->path, busy_ms, db->path, err) < 0) {
		unlink(kept);
		goto fail;
	}
	sqlite3_close(copy);
	seci_file_abort(f);
	return 0;
fail:
	sqlite3_close(from);
	sqlite3_close(copy);
	seci_file_abort(f);
	return -1;
}
