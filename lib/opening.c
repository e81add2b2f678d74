/*
 * opening.c - the opening balances of a first year on seci: the balance
 * sheet the office brings from its old books, and what each Party still
 * owed, year by year, posted as one opening entry against 3000
 * Accumulated surplus.  A Party's outstanding amounts become assessments
 * of their years (method "opening"), so that allocation, arrears and the
 * two-year rule count them; a Party's credit becomes a payment.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "bankbook.h"
#include "clock.h"
#include "contrib.h"
#include "import.h"
#include "opening.h"
#include "party.h"
#include "seci_priv.h"
#include "year.h"

struct opening {
	struct seci_db *db;
	struct seci_import *imp;
	struct seci_import_stats *stats;
	struct seci_txn txn;
	seci_day date;
	const char *due;		/* MM-DD of the old assessments */
	seci_money side[2];		/* assets; liabilities and net assets,
					 * as the balance sheet shows them */
};

enum { O_ACCOUNT, O_PARTY, O_YEAR, O_AMOUNT };

#define BAD(...) do { seci_err_report(err, SECI_ERROR, "%s:%lu: " \
	    __VA_ARGS__); return 1; } while (0)

/* The account's type ("" when no such account). */
static int
account_type(struct seci_db *db, const char *code, char *type, size_t size,
    struct seci_err *err)
{
	sqlite3_stmt *st;
	int rc;

	st = seci_db_stmt(db, "SELECT type FROM accounts WHERE code = ?", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, code);
	type[0] = '\0';
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		seci_db_col_text(st, 0, type, size);
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : seci_db_fail(db, rc,
	    "accounts", err);
}

/* A Party's outstanding amount of a year: an assessment of that year. */
static int
old_assessment(struct opening *o, const char *party, int year,
    seci_money amount, struct seci_err *err)
{
	char due[16], now[SECI_TIME_BUFSZ];
	sqlite3_stmt *st;

	snprintf(due, sizeof(due), "%04d-%s", year, o->due);
	st = seci_db_stmt(o->db, "INSERT INTO assessment (party, year, amount, "
	    "due, method, created) VALUES (?, ?, ?, ?, 'opening', ?) ON "
	    "CONFLICT DO NOTHING", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, party);
	sqlite3_bind_int(st, 2, year);
	sqlite3_bind_int64(st, 3, amount);
	seci_db_bind_text(st, 4, due);
	seci_db_bind_text(st, 5, seci_clock_now(now));
	if (seci_db_exec_stmt(o->db, st, err) < 0)
		return -1;
	return sqlite3_changes(o->db->h) == 1 ? 0 : 1;
}

/* A Party's credit: what it had paid beyond its assessments. */
static int
old_credit(struct opening *o, const char *party, seci_money amount,
    struct seci_err *err)
{
	char day[SECI_DATE_BUFSZ];
	sqlite3_stmt *st;

	st = seci_db_stmt(o->db, "INSERT INTO payment (date, party, amount, "
	    "currency, orig_amount, reference, dedup_key, matched_by, "
	    "import_id) VALUES (?, ?, ?, ?, ?, 'opening balance', 'o:' || ?, "
	    "'hand', ?)", err);
	if (st == NULL)
		return -1;
	/* Paid before the books open: the year begins with it as credit. */
	seci_db_bind_text(st, 1, seci_date_format(o->date - 1, day));
	seci_db_bind_text(st, 2, party);
	sqlite3_bind_int64(st, 3, amount);
	seci_db_bind_text(st, 4, o->db->currency);
	sqlite3_bind_int64(st, 5, amount);
	seci_db_bind_text(st, 6, party);
	sqlite3_bind_int64(st, 7, seci_import_id(o->imp));
	return seci_db_exec_stmt(o->db, st, err);
}

/* Post shown (as the balance sheet shows it) on account: a debit for an
 * asset, else a credit. */
static int
post(struct opening *o, const char *account, const char *party, int asset,
    seci_money shown, struct seci_err *err)
{
	struct seci_posting p;

	memset(&p, 0, sizeof(p));
	p.account = account;
	p.party = party;
	p.amount = asset ? shown : -shown;
	if (seci_money_add(o->side[!asset], shown, &o->side[!asset], err) < 0)
		return -1;
	return seci_ledger_add(o->db, &o->txn, &p, err);
}

/* A bank account's ledger account: its movement.  1 when it is not in
 * the base currency. */
static int
bank_opening(struct opening *o, const char *account, seci_money amount,
    struct seci_err *err)
{
	struct seci_bankacct b;
	sqlite3_stmt *st;
	char *code = NULL;
	int rc;

	st = seci_db_stmt(o->db, "SELECT code FROM bank_account WHERE "
	    "ledger_account = ?", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, account);
	if (seci_db_one_text(o->db, st, &code, err) < 0)
		return -1;
	if (code == NULL)
		return 0;
	rc = seci_bank_get(o->db, code, &b, err);
	free(code);
	if (rc < 0)
		return -1;
	if (!b.base)
		return 1;
	return seci_bank_move(o->db, &b, o->date, amount, amount, "opening", 0,
	    "opening balance", o->txn.id, err);
}

/* One row: 0, 1 when bad (reported), -1 on error. */
static int
opening_row(void *arg, const struct seci_csv_row *row, struct seci_err *err)
{
	struct opening *o = arg;
	const char *const *v = row->val;
	const char *party = v[O_PARTY] && *v[O_PARTY] ? v[O_PARTY] : NULL;
	struct seci_err e = SECI_ERR_INIT;
	char type[16], *end;
	seci_money amount;
	long year = 0;
	int rc, asset;

	o->stats->read++;
	if (account_type(o->db, v[O_ACCOUNT], type, sizeof(type), err) < 0)
		return -1;
	if (type[0] == '\0')
		BAD("no account '%.16s' in the chart", row->file, row->line,
		    v[O_ACCOUNT]);
	if (strcmp(type, "revenue") == 0 || strcmp(type, "expense") == 0 ||
	    strcmp(v[O_ACCOUNT], SECI_ACC_SURPLUS) == 0)
		BAD("account %s: an opening balance sheet has no revenue, "
		    "expenses or surplus of the year (use 3000)", row->file,
		    row->line, v[O_ACCOUNT]);
	if (seci_money_parse(v[O_AMOUNT], o->db->decimals, '.', &amount,
	    &e) < 0)
		BAD("%s", row->file, row->line, e.msg);
	if (amount == 0)
		return 0;
	asset = strcmp(type, "asset") == 0;
	if (strcmp(v[O_ACCOUNT], SECI_ACC_RECEIVABLE) == 0 ||
	    strcmp(v[O_ACCOUNT], SECI_ACC_ADVANCE) == 0) {
		if (party == NULL || seci_party_exists(o->db, party, &e) < 0)
			BAD("account %s needs a known Party", row->file,
			    row->line, v[O_ACCOUNT]);
		if (amount < 0)
			BAD("a Party's amount is above zero", row->file,
			    row->line);
	} else if (party != NULL) {
		BAD("only 1100 and 2100 are by Party", row->file, row->line);
	}
	if (strcmp(v[O_ACCOUNT], SECI_ACC_RECEIVABLE) == 0) {
		year = v[O_YEAR] ? strtol(v[O_YEAR], &end, 10) : 0;
		if (v[O_YEAR] == NULL || *end || year < 1900 ||
		    year >= seci_year_of(o->date))
			BAD("what a Party owed needs the year of its assessment, "
			    "before %d", row->file, row->line,
			    seci_year_of(o->date));
		if ((rc = old_assessment(o, party, (int)year, amount, err)) != 0) {
			if (rc < 0)
				return -1;
			BAD("party %s, %ld: given twice", row->file, row->line,
			    party, year);
		}
	} else if (strcmp(v[O_ACCOUNT], SECI_ACC_ADVANCE) == 0) {
		/* Its credit, held in 1100 until the advance follows. */
		if (old_credit(o, party, amount, err) < 0)
			return -1;
		o->stats->added++;
		/* Shown on 2100, posted to 1100; the advance follows. */
		return post(o, SECI_ACC_RECEIVABLE, party, 0, amount, err);
	}
	if ((rc = bank_opening(o, v[O_ACCOUNT], amount, err)) != 0) {
		if (rc < 0)
			return -1;
		BAD("account %s is a bank account in another currency: open it "
		    "with a receipt in its own currency", row->file, row->line,
		    v[O_ACCOUNT]);
	}
	o->stats->added++;
	return post(o, v[O_ACCOUNT], party, asset, amount, err);
}

#undef BAD

/* Nothing may be posted on or before the opening, nor twice. */
static int
first(struct seci_db *db, seci_day date, struct seci_err *err)
{
	char day[SECI_DATE_BUFSZ];
	sqlite3_stmt *st;
	int64_t n;

	st = seci_db_stmt(db, "SELECT count(*) FROM ledger_txn WHERE date <= ? "
	    "OR source = 'opening'", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, seci_date_format(date, day));
	if (seci_db_one_int(db, st, &n, err) < 0)
		return -1;
	if (n > 0)
		return seci_err_set(err, SECI_EXIT_DATA, "opening balances go "
		    "first: the ledger has entries on or before %s already, or "
		    "an opening", day);
	return 0;
}

int
seci_opening_load(struct seci_db *db, FILE *fp, const char *name,
    seci_day date, const char *due, struct seci_import_stats *stats,
    struct seci_err *err)
{
	static const struct seci_csv_col cols[] = {
		{ "account", 1, 0 }, { "party", 0, 0 }, { "year", 0, 0 },
		{ "amount", 1, 0 },
	};
	struct seci_csv_opts co = { .cols = cols, .ncols = 4,
	    .warn_unknown = 1 };
	struct seci_ledger_ref ref = { "opening", 0, 0 };
	char a[SECI_MONEY_BUFSZ], b[SECI_MONEY_BUFSZ];
	struct opening o;
	int rc = -1;

	memset(&o, 0, sizeof(o));
	memset(stats, 0, sizeof(*stats));
	o.db = db;
	o.stats = stats;
	o.date = date;
	o.due = due;
	if (first(db, date, err) < 0 ||
	    seci_year_writable_day(db, date, err) < 0 ||
	    (o.imp = seci_import_begin(db, "opening", name, err)) == NULL)
		return -1;
	ref.import_id = seci_import_id(o.imp);
	seci_import_csv_opts(o.imp, &co);
	if (seci_ledger_open(db, date, "opening balances", &ref, &o.txn,
	    err) < 0 || seci_csv_read(fp, name, &co, opening_row, &o, NULL,
	    err) < 0)
		goto out;
	if (stats->added == 0) {
		rc = seci_err_set(err, SECI_EXIT_DATA, "%s: no opening balance "
		    "in it", name);
		goto out;
	}
	if (o.side[0] != o.side[1]) {
		rc = seci_err_set(err, SECI_EXIT_DATA, "%s: the opening balances "
		    "do not balance: assets %s, liabilities and net assets %s",
		    name, seci_money_format(o.side[0], db->decimals, ',', a),
		    seci_money_format(o.side[1], db->decimals, ',', b));
		goto out;
	}
	if (seci_ledger_close(db, &o.txn, err) < 0 ||
	    seci_contrib_sync(db, err) < 0 ||
	    seci_import_finish(o.imp, stats, err) < 0)
		goto out;
	rc = 0;
out:
	seci_import_free(o.imp);
	return rc;
}
