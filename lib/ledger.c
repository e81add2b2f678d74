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
		{ "code", 1, 0 }, { "type", 1, 0 }, { "name", 1, 0 },
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
seci_ledger_open(struct seci_db *db, seci_day date, const char *memo,
    const struct seci_ledger_ref *ref, struct seci_txn *t,
    struct seci_err *err)
{
	sqlite3_stmt *st;
	char day[SECI_DATE_BUFSZ];

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
	t->id = sqlite3_last_insert_rowid(db->h);
	t->seq = 0;
	t->nsums = 0;
	memcpy(t->date, day, sizeof(t->date));
	return 0;
}

/* Add the transaction's sums to the balances by day. */
static int
write_sums(struct seci_db *db, struct seci_txn *t, struct seci_err *err)
{
	sqlite3_stmt *st;
	size_t i;

	for (i = 0; i < t->nsums; i++) {
		if (t->sum[i].amount == 0)
			continue;
		st = seci_db_stmt(db, "INSERT INTO ledger_day (account, party, "
		    "date, amount) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO UPDATE "
		    "SET amount = amount + ?4", err);
		if (st == NULL)
			return -1;
		sqlite3_bind_text(st, 1, t->sum[i].account, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, t->sum[i].party, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, t->date, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, t->sum[i].amount);
		if (seci_db_exec_stmt(db, st, err) < 0)
			return -1;
	}
	t->nsums = 0;
	return 0;
}

int
seci_ledger_count(struct seci_db *db, struct seci_txn *t,
    const struct seci_posting *p, struct seci_err *err)
{
	const char *party = p->party ? p->party : "";
	size_t i;

	if (strlen(p->account) > SECI_LEDGER_CODE_MAX ||
	    strlen(party) > SECI_LEDGER_CODE_MAX)
		return seci_err_set(err, SECI_EXIT_SOFTWARE, "ledger: account "
		    "'%.40s' or Party '%.40s' code too long", p->account, party);
	for (i = 0; i < t->nsums; i++)
		if (strcmp(t->sum[i].account, p->account) == 0 &&
		    strcmp(t->sum[i].party, party) == 0)
			return seci_money_add(t->sum[i].amount, p->amount,
			    &t->sum[i].amount, err);
	if (t->nsums == SECI_TXN_SUMS && write_sums(db, t, err) < 0)
		return -1;
	i = t->nsums++;
	snprintf(t->sum[i].account, sizeof(t->sum[i].account), "%s",
	    p->account);
	snprintf(t->sum[i].party, sizeof(t->sum[i].party), "%s", party);
	t->sum[i].amount = p->amount;
	return 0;
}

static const char posting_sql[] = "INSERT INTO ledger_posting (txn_id, seq, "
    "account, amount, party, source_id) VALUES (?, ?, ?, ?, ?, ?)";
#define POSTING_VALUES 6

/* Bind posting p, number seq of transaction txn, as the values from i
 * on. */
static void
bind_posting(sqlite3_stmt *st, int i, int64_t txn, int64_t seq,
    const struct seci_posting *p)
{
	sqlite3_bind_int64(st, i, txn);
	sqlite3_bind_int64(st, i + 1, seq);
	sqlite3_bind_text(st, i + 2, p->account, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, i + 3, p->amount);
	sqlite3_bind_text(st, i + 4, p->party ? p->party : "", -1,
	    SQLITE_STATIC);
	if (p->source_id)
		sqlite3_bind_int64(st, i + 5, p->source_id);
}

int
seci_ledger_add(struct seci_db *db, struct seci_txn *t,
    const struct seci_posting *p, struct seci_err *err)
{
	sqlite3_stmt *st;

	if (p->amount == 0)
		return 0;
	if ((st = seci_db_stmt(db, posting_sql, err)) == NULL)
		return -1;
	bind_posting(st, 1, t->id, ++t->seq, p);
	if (seci_db_exec_stmt(db, st, err) < 0)
		return seci_err_prefix(err, 0, "ledger account '%s'",
		    p->account);
	return seci_ledger_count(db, t, p, err);
}

int
seci_ledger_bounded(struct seci_db *db, struct seci_err *err)
{
	sqlite3_stmt *st;
	double all;
	int rc;

	/* total() adds in floating point: it cannot overflow, and is exact
	 * enough to tell 9.2e18 from 9.0e18. */
	st = seci_db_stmt(db, "SELECT (SELECT total(abs(amount)) FROM "
	    "ledger_day) + (SELECT total(abs(orig_amount)) FROM payment) + "
	    "(SELECT total(abs(amount)) FROM expense)", err);
	if (st == NULL)
		return -1;
	rc = sqlite3_step(st);
	all = rc == SQLITE_ROW ? sqlite3_column_double(st, 0) : 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return seci_db_fail(db, rc, "ledger", err);
	if (all >= 9.0e18)
		return seci_err_set(err, SECI_EXIT_DATA, "amounts would add up "
		    "beyond what can be totalled (9,000,000,000,000,000,000 "
		    "minor units in all); nothing written");
	return 0;
}

int
seci_ledger_close(struct seci_db *db, struct seci_txn *t,
    struct seci_err *err)
{
	sqlite3_stmt *st;

	if (write_sums(db, t, err) < 0)
		return -1;
	st = seci_db_stmt(db, "UPDATE ledger_txn SET closed = 1 WHERE id = ?",
	    err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, t->id);
	return seci_db_exec_stmt(db, st, err);
}

int
seci_ledger_post(struct seci_db *db, seci_day date, const char *memo,
    const struct seci_ledger_ref *ref, const struct seci_posting *p,
    size_t n, int64_t *txn_id, struct seci_err *err)
{
	struct seci_txn t;
	size_t i;

	if (seci_ledger_open(db, date, memo, ref, &t, err) < 0)
		return -1;
	for (i = 0; i < n; i++)
		if (seci_ledger_add(db, &t, &p[i], err) < 0)
			return -1;
	if (seci_ledger_close(db, &t, err) < 0)
		return -1;
	if (txn_id)
		*txn_id = t.id;
	return 0;
}

int
seci_ledger_balance(struct seci_db *db, const char *account,
    const char *party, seci_day as_of, seci_money *balance,
    struct seci_err *err)
{
	sqlite3_stmt *st;
	char day[SECI_DATE_BUFSZ];

	st = seci_db_stmt(db, "SELECT coalesce(sum(amount), 0) FROM ledger_day "
	    "WHERE account = ?1 AND (?2 IS NULL OR party = ?2) AND date <= ?3",
	    err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, account);
	seci_db_bind_text(st, 2, party);
	seci_db_bind_text(st, 3, seci_date_format(as_of, day));
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
		"SELECT 'posting ' || p.txn_id || '/' || p.seq || ' belongs to "
		    "no transaction' FROM ledger_posting p LEFT JOIN ledger_txn t "
		    "ON t.id = p.txn_id WHERE t.id IS NULL",
		"SELECT 'posting ' || p.txn_id || '/' || p.seq || ' names no "
		    "Party: ' || p.party FROM ledger_posting p WHERE p.party <> "
		    "'' AND p.party NOT IN (SELECT code FROM party)",
		/* The balances by day, as the postings add up: each closed
		 * posting, less each day's balance, nets to zero. */
		"SELECT 'balance of ' || account || coalesce(' (' || "
		    "nullif(party, '') || ')', '') || ' on ' || date || ' is ' || "
		    "sum(d) || ' by day, ' || sum(p) || ' by its postings' FROM "
		    "(SELECT p.account, p.party, t.date, p.amount AS p, 0 AS d "
		    "FROM ledger_posting p JOIN ledger_txn t ON t.id = p.txn_id "
		    "WHERE t.closed = 1 UNION ALL SELECT account, party, date, 0, "
		    "amount FROM ledger_day) GROUP BY account, party, date "
		    "HAVING sum(p) <> sum(d)",
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
		if (rc == SQLITE_ERROR && strstr(sqlite3_errmsg(db->h),
		    "integer overflow") != NULL) {
			/* sum() overflowed: amounts beyond any real ledger */
			sqlite3_reset(st);
			fn(arg, "ledger", "postings add up beyond 64 bits");
			n++;
			continue;
		}
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return seci_db_fail(db, rc, "ledger", err);
	}
	if (n == 0)
		fn(arg, "ledger", NULL);
	return n;
}
