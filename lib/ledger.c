/* ledger.c - accounts, balanced transactions and balances. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "csv.h"
#include "ledger.h"
#include "seci_priv.h"

#include "chart.inc"

static int
chart_row(void *arg, const struct seci_csv_row *row, struct seci_err *err)
{
	struct seci_db *db = arg;
	sqlite3_stmt *st;
	int i;

	st = seci_db_stmt(db, "INSERT INTO accounts (code, type, name) "
	    "VALUES (?, ?, ?)", err);
	if (st == NULL)
		return -1;
	for (i = 0; i < 3; i++)
		seci_db_bind_text(st, i + 1, row->val[i]);
	return seci_db_exec_stmt(db, st, err);
}

int
seci_ledger_load_chart(struct seci_db *db, struct seci_err *err)
{
	static const struct seci_csv_col cols[] = {
		{ "code", 1 }, { "type", 1 }, { "name", 1 },
	};
	struct seci_csv_opts opts = { .cols = cols, .ncols = 3 };
	FILE *fp;
	int rc;

	fp = fmemopen((void *)chart[0], strlen(chart[0]), "r");
	if (fp == NULL)
		return seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
	rc = seci_csv_read(fp, "accounts.csv", &opts, chart_row, db, NULL,
	    err);
	fclose(fp);
	return rc;
}

int
seci_ledger_post(struct seci_db *db, seci_day date, const char *memo,
    const struct seci_ledger_ref *ref, const struct seci_posting *p,
    size_t n, int64_t *txn_id, struct seci_err *err)
{
	sqlite3_stmt *st;
	char day[SECI_DATE_BUFSZ];
	int64_t id;
	size_t i;

	st = seci_db_stmt(db, "INSERT INTO ledger_txn (date, memo, source, "
	    "source_id, import_id) VALUES (?, ?, ?, ?, ?)", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, seci_date_format(date, day));
	seci_db_bind_text(st, 2, memo);
	seci_db_bind_text(st, 3, ref->source);
	if (ref->source_id)
		sqlite3_bind_int64(st, 4, ref->source_id);
	if (ref->import_id)
		sqlite3_bind_int64(st, 5, ref->import_id);
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	id = sqlite3_last_insert_rowid(db->h);
	st = seci_db_stmt(db, "INSERT INTO ledger_posting (txn_id, account, "
	    "amount) VALUES (?, ?, ?)", err);
	if (st == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		if (p[i].amount == 0)
			continue;
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, id);
		seci_db_bind_text(st, 2, p[i].account);
		sqlite3_bind_int64(st, 3, p[i].amount);
		if (seci_db_exec_stmt(db, st, err) < 0)
			return seci_err_prefix(err, 0, "ledger account '%s'",
			    p[i].account);
	}
	st = seci_db_stmt(db, "UPDATE ledger_txn SET closed = 1 WHERE id = ?",
	    err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	if (txn_id)
		*txn_id = id;
	return 0;
}

int
seci_ledger_balance(struct seci_db *db, const char *account, seci_day as_of,
    seci_money *balance, struct seci_err *err)
{
	sqlite3_stmt *st;
	char day[SECI_DATE_BUFSZ];

	st = seci_db_stmt(db, "SELECT coalesce(sum(p.amount), 0) FROM "
	    "ledger_posting p JOIN ledger_txn t ON t.id = p.txn_id WHERE "
	    "p.account = ? AND t.closed = 1 AND t.date <= ?", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, account);
	seci_db_bind_text(st, 2, seci_date_format(as_of, day));
	return seci_db_one_int(db, st, balance, err);
}

int
seci_ledger_check(struct seci_db *db, seci_finding_fn *fn, void *arg,
    struct seci_err *err)
{
	static const char *const checks[] = {
		"SELECT 'transaction ' || id || ' was left open' FROM ledger_txn "
		    "WHERE closed = 0",
		"SELECT 'transaction ' || t.id || ' does not balance (off by ' "
		    "|| sum(p.amount) || ' minor units)' FROM ledger_txn t "
		    "JOIN ledger_posting p ON p.txn_id = t.id GROUP BY t.id "
		    "HAVING sum(p.amount) <> 0",
		"SELECT 'trial balance is off by ' || sum(amount) || ' minor "
		    "units' FROM ledger_posting HAVING sum(amount) <> 0",
	};
	sqlite3_stmt *st;
	size_t i;
	int rc, n = 0;

	for (i = 0; i < sizeof(checks) / sizeof(checks[0]); i++) {
		if ((st = seci_db_stmt(db, checks[i], err)) == NULL)
			return -1;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			fn(arg, "ledger", (const char *)sqlite3_column_text(st,
			    0));
			n++;
		}
		sqlite3_reset(st);
		if (rc == SQLITE_ERROR) {
			/* sum() overflowed: amounts beyond any real ledger */
			fn(arg, "ledger", "postings add up beyond 64 bits");
			n++;
		} else if (rc != SQLITE_DONE) {
			return seci_db_fail(db, rc, "ledger", err);
		}
	}
	if (n == 0)
		fn(arg, "ledger", NULL);
	return n;
}
