/* Unit tests: lib/ledger.c */
#include "config.h"

#include <sqlite3.h>

#include "seci.h"
#include "tap.h"
#include "testdb.h"

static int nfindings;

static void
count_finding(void *arg, const char *check, const char *detail)
{
	if (detail != NULL)
		nfindings++;
}

int
main(void)
{
	struct seci_err err = SECI_ERR_INIT;
	struct seci_ledger_ref ref = { "test", 0, 0 };
	struct seci_posting assess[] = {
		{ .account = SECI_ACC_RECEIVABLE, .amount = 100000000 },
		{ .account = SECI_ACC_CONTRIBUTIONS, .amount = -100000000 },
	};
	struct seci_posting pay[] = {
		{ .account = SECI_ACC_BANK, .amount = 6000000 },
		{ .account = SECI_ACC_RECEIVABLE, .amount = -6000000 },
	};
	struct seci_posting lopsided[] = {
		{ .account = SECI_ACC_BANK, .amount = 100 },
		{ .account = SECI_ACC_RECEIVABLE, .amount = -99 },
	};
	struct seci_posting unknown[] = {
		{ .account = "9999", .amount = 100 },
		{ .account = SECI_ACC_RECEIVABLE, .amount = -100 },
	};
	struct seci_db *db;
	seci_money bal;
	int64_t id;
	char path[256], *msg = NULL;
	int rc;

	db = testdb_init("ledger.db", &err);
	snprintf(path, sizeof(path), "%s", testdb_path);
	seci_db_begin(db, 1, &err);
	ok(seci_ledger_post(db, seci_date_from_ymd(2026, 1, 1), "assessed",
	    &ref, assess, 2, &id, &err) == 0 && id == 1, "post assessment");
	ok(seci_ledger_post(db, seci_date_from_ymd(2026, 3, 5), "paid",
	    &ref, pay, 2, NULL, &err) == 0, "post payment");
	seci_ledger_balance(db, SECI_ACC_RECEIVABLE, NULL,
	    seci_date_from_ymd(2026, 12, 31), &bal, &err);
	/* 1,000,000.00 assessed - 60,000.00 paid = 940,000.00 */
	is_int(bal, 94000000, "receivable 940,000.00 at year end");
	seci_ledger_balance(db, SECI_ACC_RECEIVABLE, NULL,
	    seci_date_from_ymd(2026, 3, 4), &bal, &err);
	is_int(bal, 100000000, "receivable 1,000,000.00 the day before the "
	    "payment");
	seci_ledger_balance(db, SECI_ACC_BANK, NULL,
	    seci_date_from_ymd(2026, 3, 5), &bal, &err);
	is_int(bal, 6000000, "bank 60,000.00 on the payment day");

	err.code = 0;
	rc = seci_ledger_post(db, seci_date_from_ymd(2026, 3, 6), "bad", &ref,
	    lopsided, 2, NULL, &err);
	ok(rc == -1 && err.code == SECI_EXIT_DATA &&
	    strstr(err.msg, "unbalanced"), "unbalanced refused: %s", err.msg);
	err.code = 0;
	rc = seci_ledger_post(db, seci_date_from_ymd(2026, 3, 6), "bad", &ref,
	    unknown, 2, NULL, &err);
	ok(rc == -1 && strstr(err.msg, "9999"), "unknown account refused: %s",
	    err.msg);
	seci_db_rollback(db);
	seci_db_begin(db, 1, &err);
	seci_ledger_post(db, seci_date_from_ymd(2026, 1, 1), "assessed",
	    &ref, assess, 2, &id, &err);
	seci_db_commit(db, &err);

	/* The database itself, not only the C code, enforces the rule. */
	rc = testdb_exec(path, "BEGIN; INSERT INTO ledger_txn (id, date, memo, "
	    "source) VALUES (50, '2026-01-02', 'raw', 'sql'); "
	    "INSERT INTO ledger_posting (txn_id, seq, account, amount) VALUES "
	    "(50, 1, '1000', 500), (50, 2, '4000', -400); "
	    "UPDATE ledger_txn SET closed = 1 WHERE id = 50; COMMIT", &msg);
	ok(rc != SQLITE_OK && msg && strstr(msg, "unbalanced"),
	    "sqlite3: closing an unbalanced transaction is refused: %s", msg);
	sqlite3_free(msg);
	msg = NULL;
	rc = testdb_exec(path, "UPDATE ledger_posting SET amount = 1 WHERE "
	    "txn_id = 1", &msg);
	ok(rc != SQLITE_OK && msg && strstr(msg, "cannot change"),
	    "sqlite3: editing a closed transaction is refused: %s", msg);
	sqlite3_free(msg);
	msg = NULL;
	rc = testdb_exec(path, "DELETE FROM ledger_posting WHERE txn_id = 1",
	    &msg);
	ok(rc != SQLITE_OK, "sqlite3: deleting postings is refused");
	sqlite3_free(msg);
	msg = NULL;
	rc = testdb_exec(path, "INSERT INTO ledger_txn (date, memo, source, "
	    "closed) VALUES ('2026-01-02', 'x', 'sql', 1)", &msg);
	ok(rc != SQLITE_OK, "sqlite3: inserting a closed transaction is "
	    "refused");
	sqlite3_free(msg);

	seci_db_begin(db, 0, &err);
	nfindings = 0;
	ok(seci_ledger_check(db, count_finding, NULL, &err) == 0 &&
	    nfindings == 0, "balanced ledger: no findings");
	seci_db_rollback(db);
	/* An open transaction left behind is a finding. */
	testdb_exec(path, "INSERT INTO ledger_txn (date, memo, source) VALUES "
	    "('2026-01-03', 'open', 'sql')", NULL);
	seci_db_begin(db, 0, &err);
	nfindings = 0;
	ok(seci_ledger_check(db, count_finding, NULL, &err) == 1 &&
	    nfindings == 1, "an open transaction is reported");
	seci_db_rollback(db);
	seci_db_close(db);
	return done_testing();
}
