/* bankbook.c - bank accounts, their movements, reconciliation and
 * revaluation. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "bankbook.h"
#include "clock.h"
#include "rate.h"
#include "seci_priv.h"
#include "year.h"

static int
code_ok(const char *s)
{
	size_t n = 0;

	for (; s[n]; n++)
		if (!((s[n] >= 'A' && s[n] <= 'Z') || (s[n] >= '0' &&
		    s[n] <= '9') || s[n] == '_' || s[n] == '-'))
			return 0;
	return n >= 1 && n <= SECI_BANK_CODE_MAX;
}

int
seci_bank_get(struct seci_db *db, const char *code, struct seci_bankacct *b,
    struct seci_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (code == NULL)
		code = SECI_BANK_MAIN;
	st = seci_db_stmt(db, "SELECT currency, ledger_account FROM "
	    "bank_account WHERE code = ?", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, code);
	memset(b, 0, sizeof(*b));
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(b->code, sizeof(b->code), "%s", code);
		seci_db_col_text(st, 0, b->currency, sizeof(b->currency));
		seci_db_col_text(st, 1, b->ledger, sizeof(b->ledger));
		b->decimals = seci_currency_decimals(b->currency);
		b->base = strcmp(b->currency, db->currency) == 0;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return seci_err_set(err, SECI_EXIT_DATA, "no bank account '%s' "
		    "(see 'seci-contrib bank list')", code);
	return rc == SQLITE_ROW ? 0 : seci_db_fail(db, rc, "bank_account", err);
}

static int
insert(struct seci_db *db, const char *code, const char *currency,
    const char *ledger, const char *iban, struct seci_err *err)
{
	char now[SECI_TIME_BUFSZ];
	sqlite3_stmt *st;

	st = seci_db_stmt(db, "INSERT INTO bank_account (code, currency, "
	    "ledger_account, iban, added) VALUES (?, ?, ?, ?, ?) ON CONFLICT "
	    "DO NOTHING", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, code);
	seci_db_bind_text(st, 2, currency);
	seci_db_bind_text(st, 3, ledger);
	seci_db_bind_text(st, 4, iban);
	seci_db_bind_text(st, 5, seci_clock_now(now));
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	if (sqlite3_changes(db->h) == 0)
		return seci_err_set(err, SECI_EXIT_DATA, "bank account %s, or "
		    "one on ledger account %s, exists already", code, ledger);
	return seci_audit_added(db, "bank_account", "code", code, err);
}

int
seci_bank_add_main(struct seci_db *db, struct seci_err *err)
{
	return insert(db, SECI_BANK_MAIN, db->currency, SECI_ACC_BANK, NULL,
	    err);
}

/* The ledger account for a new bank account: one of 1000-1099, an
 * unused asset account of the chart or a new one. */
static int
ledger_for(struct seci_db *db, const char *code, const char *ledger,
    struct seci_err *err)
{
	char name[64];
	sqlite3_stmt *st;
	char *type = NULL;

	/* Cash: the bank accounts' range of the chart. */
	if (strlen(ledger) != 4 || strncmp(ledger, "10", 2) != 0 ||
	    strspn(ledger, "0123456789") != 4)
		return seci_err_set(err, SECI_EXIT_DATA, "ledger account %s: a "
		    "bank account's is one of 1000-1099", ledger);
	st = seci_db_stmt(db, "SELECT type FROM accounts WHERE code = ?", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, ledger);
	if (seci_db_one_text(db, st, &type, err) < 0)
		return -1;
	if (type != NULL) {
		int asset = strcmp(type, "asset") == 0;

		free(type);
		if (!asset)
			return seci_err_set(err, SECI_EXIT_DATA, "ledger account "
			    "%s is not an asset account", ledger);
		return 0;
	}
	snprintf(name, sizeof(name), "Bank %s", code);
	st = seci_db_stmt(db, "INSERT INTO accounts (code, type, name) VALUES "
	    "(?, 'asset', ?)", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, ledger);
	seci_db_bind_text(st, 2, name);
	return seci_db_exec_stmt(db, st, err);
}

int
seci_bank_add(struct seci_db *db, const char *code, const char *currency,
    const char *ledger, const char *iban, struct seci_err *err)
{
	if (!code_ok(code))
		return seci_err_set(err, SECI_EXIT_DATA, "bad bank account code "
		    "'%s': use 1 to %d capital letters, digits, '_' or '-'",
		    code, SECI_BANK_CODE_MAX);
	if (seci_currency_decimals(currency) < 0)
		return seci_err_set(err, SECI_EXIT_USAGE, "--currency: bad "
		    "currency '%s'", currency);
	if (ledger_for(db, code, ledger, err) < 0)
		return -1;
	return insert(db, code, currency, ledger, iban, err);
}

int
seci_bank_list(struct seci_db *db, seci_day as_of,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "code", SECI_COL_TEXT, 0 }, { "currency", SECI_COL_TEXT, 0 },
		{ "ledger_account", SECI_COL_TEXT, 0 }, { "iban", SECI_COL_TEXT, 0 },
		{ "balance", SECI_COL_DECIMAL, 0 },
		{ "base_balance", SECI_COL_MONEY, 0 },
	};
	char day[SECI_DATE_BUFSZ];
	sqlite3_stmt *st;

	st = seci_db_stmt(db, "SELECT b.code, b.currency, b.ledger_account, "
	    "b.iban, seci_amount(coalesce(sum(m.amount), 0), b.currency), "
	    "coalesce(sum(m.base_amount), 0) FROM bank_account b LEFT JOIN "
	    "bank_movement m ON m.bank = b.code AND m.date <= ? GROUP BY b.code "
	    "ORDER BY b.code = 'MAIN' DESC, b.code", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, seci_date_format(as_of, day));
	return seci_db_print(db, st, cols, 6, oo, err);
}

int
seci_bank_own(struct seci_db *db, const struct seci_bankacct *b,
    seci_money base, seci_day date, seci_money *own, struct seci_err *err)
{
	char text[40];
	__int128 num, den;
	int64_t rate;
	int i;

	if (b->base) {
		*own = base;
		return 0;
	}
	if (seci_rate_lookup(db, b->currency, date, &rate, text, sizeof(text),
	    err) < 0)
		return -1;
	/* own = base / rate, in the account's minor units, rounded half
	 * away from zero. */
	num = (__int128)base * 10000000000LL;
	den = rate;
	for (i = db->decimals; i < b->decimals; i++)
		num *= 10;
	for (i = b->decimals; i < db->decimals; i++)
		den *= 10;
	num = (num + (num < 0 ? -den : den) / 2) / den;
	if (num >= SECI_MONEY_MAX || num <= -SECI_MONEY_MAX)
		return seci_err_set(err, SECI_EXIT_DATA, "amount too large once "
		    "converted");
	*own = (seci_money)num;
	return 0;
}

int
seci_bank_received(const struct seci_bankacct *b, const char *currency,
    seci_money orig, seci_money base, seci_money *own, struct seci_err *err)
{
	if (b->base)
		*own = base;
	else if (strcmp(currency, b->currency) == 0)
		*own = orig;
	else
		return seci_err_set(err, SECI_EXIT_DATA, "bank account %s holds "
		    "%s; a payment in %s cannot come into it", b->code,
		    b->currency, currency);
	return 0;
}

int
seci_bank_move(struct seci_db *db, const struct seci_bankacct *b,
    seci_day date, seci_money own, seci_money base, const char *kind,
    int64_t source_id, const char *memo, int64_t txn_id,
    struct seci_err *err)
{
	char day[SECI_DATE_BUFSZ];
	sqlite3_stmt *st;

	st = seci_db_stmt(db, "INSERT INTO bank_movement (bank, date, amount, "
	    "base_amount, kind, source_id, memo, txn_id) VALUES (?, ?, ?, ?, ?, "
	    "nullif(?, 0), ?, nullif(?, 0))", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, b->code);
	seci_db_bind_text(st, 2, seci_date_format(date, day));
	sqlite3_bind_int64(st, 3, own);
	sqlite3_bind_int64(st, 4, base);
	seci_db_bind_text(st, 5, kind);
	sqlite3_bind_int64(st, 6, source_id);
	seci_db_bind_text(st, 7, memo);
	sqlite3_bind_int64(st, 8, txn_id);
	return seci_db_exec_stmt(db, st, err);
}

int
seci_bank_post(struct seci_db *db, const struct seci_bankacct *b,
    seci_day date, const char *memo, const struct seci_ledger_ref *ref,
    seci_money own, seci_money base, const struct seci_posting *p,
    size_t n, const char *kind, int64_t *txn_id, struct seci_err *err)
{
	struct seci_posting post[4];
	int64_t txn;

	if (n > 3)
		return seci_err_set(err, SECI_EXIT_SOFTWARE, "too many postings");
	memset(post, 0, sizeof(post));
	post[0].account = b->ledger;
	post[0].amount = base;
	post[0].source_id = ref->source_id;
	memcpy(&post[1], p, n * sizeof(*p));
	if (seci_ledger_post(db, date, memo, ref, post, n + 1, &txn, err) < 0)
		return -1;
	if (txn_id)
		*txn_id = txn;
	return seci_bank_move(db, b, date, own, base, kind, ref->source_id,
	    memo, txn, err);
}

/* ---- reconciliation ---------------------------------------------------- */

struct recon {
	struct seci_out *o;
	const struct seci_bankacct *b;
};

static int
recon_row(struct recon *r, const char *item, const char *date,
    seci_money amount, const char *memo, struct seci_err *err)
{
	char a[SECI_MONEY_BUFSZ];
	struct seci_cell c[4];

	c[0] = seci_cell_text(item);
	c[1] = seci_cell_text(date);
	c[2] = seci_cell_text(seci_money_format(amount, r->b->decimals, 0, a));
	c[3] = seci_cell_text(memo);
	return seci_out_row(r->o, c, err);
}

/* The movements that may explain a difference. */
static int
explain(struct seci_db *db, struct recon *r, const char *day,
    seci_money diff, struct seci_err *err)
{
	sqlite3_stmt *st;
	int rc = SQLITE_DONE, stop = 0;

	st = seci_db_stmt(db, "SELECT CASE WHEN abs(amount) = abs(?3) THEN "
	    "'same amount' ELSE 'last 7 days' END, date, amount, memo FROM "
	    "bank_movement WHERE bank = ?1 AND date <= ?2 AND amount <> 0 AND "
	    "(abs(amount) = abs(?3) OR date > date(?2, '-7 days')) ORDER BY "
	    "abs(amount) <> abs(?3), date, id", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, r->b->code);
	seci_db_bind_text(st, 2, day);
	sqlite3_bind_int64(st, 3, diff);
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW)
		stop = recon_row(r, (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1),
		    sqlite3_column_int64(st, 2),
		    (const char *)sqlite3_column_text(st, 3), err) < 0;
	sqlite3_reset(st);
	if (stop)
		return -1;
	return rc == SQLITE_DONE ? 0 : seci_db_fail(db, rc, "bank", err);
}

int
seci_bank_reconcile(struct seci_db *db, const char *code, seci_day date,
    seci_money statement, const struct seci_out_opts *oo, int *differs,
    struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "item", SECI_COL_TEXT, 0 }, { "date", SECI_COL_TEXT, 0 },
		{ "amount", SECI_COL_DECIMAL, 0 }, { "memo", SECI_COL_TEXT, 0 },
	};
	struct seci_bankacct b;
	struct recon r = { NULL, &b };
	char day[SECI_DATE_BUFSZ];
	sqlite3_stmt *st;
	int64_t held;

	if (seci_bank_get(db, code, &b, err) < 0)
		return -1;
	seci_date_format(date, day);
	st = seci_db_stmt(db, "SELECT coalesce(sum(amount), 0) FROM "
	    "bank_movement WHERE bank = ? AND date <= ?", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, b.code);
	seci_db_bind_text(st, 2, day);
	if (seci_db_one_int(db, st, &held, err) < 0 ||
	    (r.o = seci_out_begin(oo, cols, 4, err)) == NULL)
		return -1;
	*differs = held != statement;
	if (recon_row(&r, "seci balance", day, held, b.currency, err) < 0 ||
	    recon_row(&r, "statement balance", day, statement, b.currency,
	    err) < 0 || recon_row(&r, "difference", day, held - statement,
	    b.currency, err) < 0 || (*differs && explain(db, &r, day,
	    held - statement, err) < 0)) {
		seci_out_abort(r.o);
		return -1;
	}
	return seci_out_end(r.o, err);
}

/* ---- revaluation ------------------------------------------------------- */

struct foreign {
	struct seci_bankacct b;
	seci_money own, base;
};

static int
fill_foreign(sqlite3_stmt *st, void *item)
{
	struct foreign *f = item;

	seci_db_col_text(st, 0, f->b.code, sizeof(f->b.code));
	seci_db_col_text(st, 1, f->b.currency, sizeof(f->b.currency));
	seci_db_col_text(st, 2, f->b.ledger, sizeof(f->b.ledger));
	f->b.decimals = seci_currency_decimals(f->b.currency);
	f->own = sqlite3_column_int64(st, 3);
	f->base = sqlite3_column_int64(st, 4);
	return 0;
}

static int
revalue_one(struct seci_db *db, struct foreign *f, seci_day date,
    struct seci_out *o, struct seci_err *err)
{
	struct seci_ledger_ref ref = { "revaluation", 0, 0 };
	struct seci_posting p;
	struct seci_cell c[6];
	char text[40], own[SECI_MONEY_BUFSZ], memo[96];
	seci_money value, diff;
	int64_t rate;

	if (seci_rate_lookup(db, f->b.currency, date, &rate, text, sizeof(text),
	    err) < 0 || seci_rate_convert(f->own, f->b.decimals, rate,
	    db->decimals, &value, err) < 0 ||
	    seci_money_sub(value, f->base, &diff, err) < 0)
		return seci_err_prefix(err, 0, "bank account %s", f->b.code);
	if (diff != 0) {
		memset(&p, 0, sizeof(p));
		p.account = diff > 0 ? SECI_ACC_FX_GAIN : SECI_ACC_FX_LOSS;
		p.amount = -diff;
		snprintf(memo, sizeof(memo), "bank %s revalued at %s", f->b.code,
		    text);
		if (seci_bank_post(db, &f->b, date, memo, &ref, 0, diff, &p, 1,
		    "revaluation", NULL, err) < 0)
			return -1;
	}
	c[0] = seci_cell_text(f->b.code);
	c[1] = seci_cell_text(f->b.currency);
	c[2] = seci_cell_text(seci_money_format(f->own, f->b.decimals, 0, own));
	c[3] = seci_cell_text(text);
	c[4] = seci_cell_int(value);
	c[5] = seci_cell_int(diff);
	return seci_out_row(o, c, err);
}

int
seci_bank_revalue(struct seci_db *db, seci_day date,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "bank", SECI_COL_TEXT, 0 }, { "currency", SECI_COL_TEXT, 0 },
		{ "balance", SECI_COL_DECIMAL, 0 }, { "rate", SECI_COL_DECIMAL, 0 },
		{ "base_balance", SECI_COL_MONEY, 0 },
		{ "difference", SECI_COL_MONEY, 0 },
	};
	char day[SECI_DATE_BUFSZ];
	struct foreign *f = NULL;
	struct seci_out *o = NULL;
	sqlite3_stmt *st;
	size_t n = 0, i;
	int rc = -1;

	st = seci_db_stmt(db, "SELECT b.code, b.currency, b.ledger_account, "
	    "coalesce(sum(m.amount), 0), coalesce(sum(m.base_amount), 0) FROM "
	    "bank_account b LEFT JOIN bank_movement m ON m.bank = b.code AND "
	    "m.date <= ?2 WHERE b.currency <> ?1 GROUP BY b.code ORDER BY b.code",
	    err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, db->currency);
	seci_db_bind_text(st, 2, seci_date_format(date, day));
	if (seci_db_rows(db, st, sizeof(*f), fill_foreign, &f, &n, "bank",
	    err) < 0)
		goto out;
	/* Every rate there, and no later revaluation (its difference would
	 * count twice), before anything is printed or posted. */
	if (seci_year_writable_day(db, date, err) < 0)
		goto out;
	for (i = 0; i < n; i++) {
		char text[40], *later = NULL;
		int64_t rate;

		if (seci_rate_lookup(db, f[i].b.currency, date, &rate, text,
		    sizeof(text), err) < 0) {
			seci_err_prefix(err, 0, "bank account %s", f[i].b.code);
			goto out;
		}
		st = seci_db_stmt(db, "SELECT max(date) FROM bank_movement WHERE "
		    "bank = ? AND kind = 'revaluation' AND date > ?", err);
		if (st == NULL)
			goto out;
		seci_db_bind_text(st, 1, f[i].b.code);
		seci_db_bind_text(st, 2, day);
		if (seci_db_one_text(db, st, &later, err) < 0)
			goto out;
		if (later != NULL) {
			seci_err_set(err, SECI_EXIT_DATA, "bank account %s was "
			    "revalued on %s already; revalue on that day or "
			    "later", f[i].b.code, later);
			free(later);
			goto out;
		}
	}
	if ((o = seci_out_begin(oo, cols, 6, err)) == NULL)
		goto out;
	for (i = 0; i < n; i++)
		if (revalue_one(db, &f[i], date, o, err) < 0)
			goto out;
	rc = seci_out_end(o, err);
	o = NULL;
out:
	if (o)
		seci_out_abort(o);
	free(f);
	return rc;
}

/* ---- check ------------------------------------------------------------- */

int
seci_bank_check(struct seci_db *db, seci_finding_fn *fn, void *arg,
    struct seci_err *err)
{
	char msg[200], a[SECI_MONEY_BUFSZ], b[SECI_MONEY_BUFSZ];
	sqlite3_stmt *st;
	int rc, n = 0;

	st = seci_db_stmt(db, "SELECT k.code, k.ledger_account, (SELECT "
	    "coalesce(sum(base_amount), 0) FROM bank_movement WHERE bank = "
	    "k.code), (SELECT coalesce(sum(amount), 0) FROM ledger_day WHERE "
	    "account = k.ledger_account) FROM bank_account k ORDER BY k.code",
	    err);
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_int64(st, 2) == sqlite3_column_int64(st, 3))
			continue;
		snprintf(msg, sizeof(msg), "bank account %s: its movements add "
		    "up to %s, ledger account %s holds %s",
		    (const char *)sqlite3_column_text(st, 0),
		    seci_money_format(sqlite3_column_int64(st, 2), db->decimals,
		    0, a), (const char *)sqlite3_column_text(st, 1),
		    seci_money_format(sqlite3_column_int64(st, 3), db->decimals,
		    0, b));
		fn(arg, "bank", msg);
		n++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return seci_db_fail(db, rc, "bank", err);
	if (n == 0)
		fn(arg, "bank", NULL);
	return n;
}
