/* Unit tests: lib/db.c */
#include "config.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include "seci.h"
#include "tap.h"
#include "testdb.h"
#include "sql.inc"

int
main(void)
{
	struct seci_err err = SECI_ERR_INIT;
	struct seci_conf conf;
	struct seci_db *db, *db2;
	struct stat st;
	char path[256], other[256];
	mode_t old;
	FILE *fp;

	/* Path resolution: --db, $SECI_DB, config, ./seci.db. */
	memset(&conf, 0, sizeof(conf));
	unsetenv("SECI_DB");
	is_str(seci_db_path(NULL, &conf), "./seci.db", "default path");
	conf.database = "/conf.db";
	is_str(seci_db_path(NULL, &conf), "/conf.db", "config path");
	setenv("SECI_DB", "/env.db", 1);
	is_str(seci_db_path(NULL, &conf), "/env.db", "SECI_DB beats config");
	is_str(seci_db_path("/opt.db", &conf), "/opt.db", "--db beats all");
	unsetenv("SECI_DB");

	/* Created 0600 whatever the umask. */
	old = umask(0);
	snprintf(path, sizeof(path), "%s", testdb_new_path("a.db"));
	db = seci_db_create(path, 1000, &err);
	ok(db != NULL && stat(path, &st) == -1,
	    "create: no file under the name until published");
	ok(seci_db_commit(db, &err) == 0 && seci_db_publish(db, &err) == 0,
	    "commit and publish");
	umask(old);
	ok(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600,
	    "mode 0600 under umask 000 (got %o)", st.st_mode & 0777);
	seci_db_close(db);

	err.code = 0;
	ok(seci_db_create(path, 1000, &err) == NULL &&
	    err.code == SECI_EXIT_CANTCREAT && strstr(err.msg, "already "
	    "exists"), "refuses an existing file: %s", err.msg);

	db = seci_db_open(path, 1000, &err);
	ok(db != NULL, "open");
	is_int(seci_db_schema_version(), 4, "schema version: four migrations");
	seci_db_close(db);

	err.code = 0;
	ok(seci_db_open(testdb_new_path("missing.db"), 1000, &err) == NULL &&
	    err.code == SECI_EXIT_NOINPUT, "missing database: %s", err.msg);

	snprintf(other, sizeof(other), "%s", testdb_new_path("plain.db"));
	testdb_exec(other, "CREATE TABLE t (x)", NULL);
	err.code = 0;
	ok(seci_db_open(other, 1000, &err) == NULL &&
	    err.code == SECI_EXIT_DATA && strstr(err.msg, "not a seci"),
	    "another SQLite file: %s", err.msg);
	snprintf(other, sizeof(other), "%s", testdb_new_path("text.db"));
	fp = fopen(other, "w");
	fputs("hello, I am not a database at all, not even close....\n", fp);
	fclose(fp);
	err.code = 0;
	ok(seci_db_open(other, 1000, &err) == NULL &&
	    err.code == SECI_EXIT_DATA, "a text file: %s", err.msg);

	testdb_exec(path, "PRAGMA user_version = 99", NULL);
	err.code = 0;
	ok(seci_db_open(path, 1000, &err) == NULL &&
	    err.code == SECI_EXIT_DATA && strstr(err.msg, "version 99"),
	    "newer schema refused: %s", err.msg);
	testdb_exec(path, "PRAGMA user_version = 4", NULL);

	/* WAL, foreign keys, STRICT. */
	db = seci_db_open(path, 1000, &err);
	ok(testdb_exec(path, "INSERT INTO ledger_posting (txn_id, account, "
	    "amount) VALUES (1, '1000', 'ten')", NULL) != SQLITE_OK,
	    "STRICT: text in an INTEGER column refused");
	{
		sqlite3 *h;
		sqlite3_stmt *s;

		sqlite3_open(path, &h);
		sqlite3_prepare_v2(h, "PRAGMA journal_mode", -1, &s, NULL);
		sqlite3_step(s);
		is_str((const char *)sqlite3_column_text(s, 0), "wal",
		    "WAL mode");
		sqlite3_finalize(s);
		sqlite3_close(h);
	}

	/* A writer holding the lock makes another writer wait, then fail
	 * with "busy" (75), not hang. */
	db2 = seci_db_open(path, 200, &err);
	ok(seci_db_begin(db, 1, &err) == 0, "first writer begins");
	err.code = 0;
	ok(seci_db_begin(db2, 1, &err) == -1 && err.code == SECI_EXIT_BUSY,
	    "second writer: busy after the timeout: %s", err.msg);
	err.code = 0;
	ok(seci_db_begin(db2, 0, &err) == 0, "a reader is not blocked (WAL)");
	seci_db_rollback(db2);
	seci_db_rollback(db);
	seci_db_close(db2);
	seci_db_close(db);

	/* A version 1 database (before budgets) is migrated on open, in one
	 * transaction, keeping its data. */
	snprintf(other, sizeof(other), "%s", testdb_new_path("v1.db"));
	{
		sqlite3 *h;
		sqlite3_stmt *s;
		int version = -1, tables = -1;

		sqlite3_open(other, &h);
		sqlite3_exec(h, "PRAGMA application_id = 1397048137", NULL,
		    NULL, NULL);
		sqlite3_exec(h, migrations[0], NULL, NULL, NULL);
		sqlite3_exec(h, "PRAGMA user_version = 1; INSERT INTO users "
		    "VALUES ('old', 'director', 'x', 'x')", NULL, NULL, NULL);
		sqlite3_close(h);
		db = seci_db_open(other, 1000, &err);
		ok(db != NULL, "a version 1 database opens");
		ok(seci_db_migrate(db, &err) == 0, "and migrates");
		seci_db_close(db);
		sqlite3_open(other, &h);
		sqlite3_prepare_v2(h, "SELECT (SELECT user_version FROM "
		    "pragma_user_version), (SELECT count(*) FROM sqlite_master "
		    "WHERE name IN ('budget', 'expense', 'asset')), (SELECT "
		    "login FROM users)", -1, &s, NULL);
		if (sqlite3_step(s) == SQLITE_ROW) {
			version = sqlite3_column_int(s, 0);
			tables = sqlite3_column_int(s, 1);
		}
		is_int(version, seci_db_schema_version(), "migrated to the "
		    "current version");
		is_int(tables, 3, "with the budget tables");
		is_str((const char *)sqlite3_column_text(s, 2), "old",
		    "keeping its data");
		sqlite3_finalize(s);
		sqlite3_close(h);
	}

	/* An init that fails leaves no file behind. */
	snprintf(other, sizeof(other), "%s", testdb_new_path("gone.db"));
	db = seci_db_create(other, 1000, &err);
	seci_db_discard(db);
	ok(stat(other, &st) == -1, "discard removes the file");
	{
		char cmd[300];

		snprintf(cmd, sizeof(cmd), "test -z \"$(ls %s | grep init-)\"",
		    testdb_dir);
		ok(system(cmd) == 0, "and its temporary file");
	}
	return done_testing();
}
