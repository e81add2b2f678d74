/* Unit tests: lib/db.c */
#include "config.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include "seci.h"
#include "tap.h"
#include "testdb.h"
#include "sql.inc"

/*
 * A version 4 database posted receivables without their Party and kept
 * advances out of the ledger (its balance sheet worked them out).  Here:
 * AA and BB assessed 1,000.00 each for 2026 and 500.00 each for 2027;
 * AA paid 1,500.00 on 2026-03-01 (500.00 in advance until 2027-01-01),
 * BB 400.00 on 2026-04-01, and 50.00 wait in suspense.  Migrated, the
 * ledger holds what that balance sheet showed, Party by Party.
 */
static void
migrate_v4(void)
{
	static const char data[] =
	    "INSERT INTO accounts VALUES ('1000', 'Bank', 'asset'), "
	    " ('1100', 'Receivable', 'asset'), ('2100', 'Advance', "
	    " 'liability'), ('2200', 'Suspense', 'liability'), ('4000', "
	    " 'Contributions', 'revenue');"
	    "INSERT INTO party VALUES ('AA', 'A', 'party', 'x', NULL), "
	    " ('BB', 'B', 'party', 'x', NULL);"
	    "INSERT INTO assessment (party, year, amount, due, method, created) "
	    " VALUES ('AA', 2026, 100000, '2026-03-31', 'equal', 'x'), "
	    " ('BB', 2026, 100000, '2026-03-31', 'equal', 'x'), "
	    " ('AA', 2027, 50000, '2027-03-31', 'equal', 'x'), "
	    " ('BB', 2027, 50000, '2027-03-31', 'equal', 'x');"
	    "INSERT INTO payment (date, party, amount, currency, orig_amount, "
	    " bank_id, import_id) VALUES ('2026-03-01', 'AA', 150000, 'EUR', "
	    " 150000, 'b1', NULL), ('2026-04-01', 'BB', 40000, 'EUR', 40000, "
	    " 'b2', NULL), ('2026-04-01', NULL, 5000, 'EUR', 5000, 'b3', NULL);"
	    "INSERT INTO ledger_txn (id, date, memo, source) VALUES "
	    " (1, '2026-01-01', 'assessed', 'assessment'), (2, '2027-01-01', "
	    " 'assessed', 'assessment'), (3, '2026-03-01', 'paid', 'payment'), "
	    " (4, '2026-04-01', 'paid', 'payment');"
	    "INSERT INTO ledger_posting (txn_id, account, amount) VALUES "
	    " (1, '1100', 200000), (1, '4000', -200000), (2, '1100', 100000), "
	    " (2, '4000', -100000), (3, '1000', 150000), (3, '1100', -150000), "
	    " (4, '1000', 45000), (4, '1100', -40000), (4, '2200', -5000);"
	    "UPDATE ledger_txn SET closed = 1;";
	struct seci_err err = SECI_ERR_INIT;
	char path[128], sql[160];
	struct seci_db *db;
	sqlite3 *h;
	int i, bad = 0;

	snprintf(path, sizeof(path), "%s", testdb_new_path("v4.db"));
	sqlite3_open(path, &h);
	sqlite3_exec(h, "PRAGMA application_id = 1397048137; PRAGMA "
	    "foreign_keys = ON", NULL, NULL, NULL);
	for (i = 0; i < 4; i++)
		bad |= sqlite3_exec(h, migrations[i], NULL, NULL, NULL);
	bad |= sqlite3_exec(h, data, NULL, NULL, NULL);
	bad |= sqlite3_exec(h, "PRAGMA user_version = 4", NULL, NULL, NULL);
	sqlite3_close(h);
	ok(bad == 0, "a version 4 database with its ledger");
	db = seci_db_open(path, 1000, &err);
	ok(db != NULL && seci_db_migrate(db, &err) == 0, "migrates: %s",
	    err.msg);
	seci_db_close(db);
#define BAL(acct, party, day) "SELECT coalesce(sum(amount), 0) FROM " \
	"ledger_posting p JOIN ledger_txn t ON t.id = p.txn_id WHERE " \
	"account = '" acct "' AND coalesce(party, '') = '" party "' AND " \
	"date <= '" day "'"
	/* On 2026-06-30: AA 500.00 in advance, BB owes 600.00. */
	is_int(testdb_int(path, BAL("2100", "AA", "2026-06-30")), -50000,
	    "AA's 500.00 received in advance, in 2100");
	is_int(testdb_int(path, BAL("1100", "AA", "2026-06-30")), 0,
	    "AA owes nothing");
	is_int(testdb_int(path, BAL("1100", "BB", "2026-06-30")), 60000,
	    "BB owes 600.00, in 1100");
	is_int(testdb_int(path, BAL("1100", "", "2027-12-31")), 0,
	    "no receivable is left without its Party");
	/* On 2027-01-01 the 2027 assessment takes AA's advance. */
	is_int(testdb_int(path, BAL("2100", "AA", "2027-01-01")), 0,
	    "AA's advance gone on 2027-01-01");
	is_int(testdb_int(path, BAL("1100", "AA", "2027-01-01")), 0,
	    "its 2027 contribution paid from it");
	is_int(testdb_int(path, BAL("1100", "BB", "2027-01-01")), 110000,
	    "BB owes 600.00 + 500.00");
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM ledger_txn WHERE "
	    "closed = 0");
	is_int(testdb_int(path, sql), 0, "every transaction closed (balanced)");
	is_int(testdb_int(path, "SELECT sum(amount) FROM ledger_day WHERE account "
	    "= '1100'"), testdb_int(path, "SELECT sum(amount) FROM ledger_posting "
	    "WHERE account = '1100'"), "balances by day kept with them");
#undef BAL
}

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
	is_int(seci_db_schema_version(), 12, "schema version: twelve migrations");
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
	{
		char sql[64];

		snprintf(sql, sizeof(sql), "PRAGMA user_version = %d",
		    seci_db_schema_version());
		testdb_exec(path, sql, NULL);
	}

	/* WAL, foreign keys, STRICT. */
	db = seci_db_open(path, 1000, &err);
	ok(testdb_exec(path, "INSERT INTO ledger_posting (txn_id, seq, "
	    "account, amount) VALUES (1, 9, '1000', 'ten')", NULL) != SQLITE_OK,
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

	migrate_v4();

	/* An init that fails leaves no file behind. */
	snprintf(other, sizeof(other), "%s", testdb_new_path("gone.db"));
	db = seci_db_create(other, 1000, &err);
	seci_db_discard(db);
	ok(stat(other, &st) == -1, "discard removes the file");
	{
		char cmd[300];

		snprintf(cmd, sizeof(cmd), "test -z \"$(ls -A %s | grep "
		    "gone)\"", testdb_dir);
		ok(system(cmd) == 0, "and its temporary file");
	}
	return done_testing();
}
