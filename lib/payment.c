/* payment.c - payments by hand and the list (imports: payimport.c, their
 * postings: paypost.c, corrections: paychange.c). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "bankbook.h"
#include "contrib.h"
#include "ledger.h"
#include "party.h"
#include "payment.h"
#include "rate.h"
#include "seci_priv.h"
#include "year.h"

/* ---- one payment ------------------------------------------------------- */

/* Post a payment by hand on its own: into the bank, to its Party's
 * receivable; then its advance. */
static int
post_one(struct seci_db *db, const struct seci_bankacct *b, int64_t id,
    const char *party, seci_money amount, seci_money own, seci_day day,
    const char *memo, struct seci_err *err)
{
	struct seci_ledger_ref ref = { "payment", id, 0 };
	struct seci_posting p;

	memset(&p, 0, sizeof(p));
	p.account = SECI_ACC_RECEIVABLE;
	p.amount = -amount;
	p.party = party;
	p.source_id = id;
	if (seci_bank_post(db, b, day, memo, &ref, own, amount, &p, 1,
	    "payment", NULL, err) < 0)
		return -1;
	return seci_contrib_sync(db, err);
}

/* The payment's amount in the base currency: through its rate, given or
 * the latest on its date. */
static int
base_amount(struct seci_db *db, const struct seci_payment *p,
    const char *currency, seci_money *orig, seci_money *base, char *ratebuf,
    size_t size, struct seci_err *err)
{
	int dec = seci_currency_decimals(currency);
	int64_t rate;

	if (dec < 0)
		return seci_err_set(err, SECI_EXIT_USAGE, "--currency: bad "
		    "currency '%s'", currency);
	if (seci_money_parse(p->amount, dec, '.', orig, err) < 0)
		return seci_err_prefix(err, SECI_EXIT_USAGE, "--amount");
	if (*orig <= 0)
		return seci_err_set(err, SECI_EXIT_DATA, "a payment must be "
		    "above zero");
	*base = *orig;
	ratebuf[0] = '\0';
	if (strcmp(currency, db->currency) == 0)
		return p->rate == NULL ? 0 : seci_err_set(err, SECI_EXIT_USAGE,
		    "--rate goes with a --currency other than %s", db->currency);
	if (p->rate) {
		if (seci_rate_parse(p->rate, '.', &rate, err) < 0)
			return -1;
		snprintf(ratebuf, size, "%s", p->rate);
	} else if (seci_rate_lookup(db, currency, p->date, &rate, ratebuf,
	    size, err) < 0) {
		return -1;
	}
	return seci_rate_convert(*orig, dec, rate, db->decimals, base, err);
}

int
seci_payment_add(struct seci_db *db, const struct seci_payment *p,
    int64_t *id, struct seci_err *err)
{
	const char *currency = p->currency ? p->currency : db->currency;
	char day[SECI_DATE_BUFSZ], ratebuf[40], memo[96];
	struct seci_bankacct b;
	seci_money orig, base, own;
	sqlite3_stmt *st;

	if (seci_bank_get(db, p->bank, &b, err) < 0 ||
	    base_amount(db, p, currency, &orig, &base, ratebuf,
	    sizeof(ratebuf), err) < 0 || seci_bank_received(&b, currency, orig,
	    base, &own, err) < 0 || seci_party_exists(db, p->party,
	    err) < 0 || seci_year_writable_day(db, p->date, err) < 0)
		return -1;
	st = seci_db_stmt(db, "INSERT INTO payment (date, party, amount, "
	    "currency, orig_amount, rate, reference, dedup_key, matched_by, "
	    "bank) VALUES (?, ?, ?, ?, ?, ?, ?, 'm:' || (SELECT "
	    "coalesce(max(id), 0) + 1 FROM payment), 'hand', ?)", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, seci_date_format(p->date, day));
	seci_db_bind_text(st, 2, p->party);
	sqlite3_bind_int64(st, 3, base);
	seci_db_bind_text(st, 4, currency);
	sqlite3_bind_int64(st, 5, orig);
	seci_db_bind_text(st, 6, ratebuf[0] ? ratebuf : NULL);
	seci_db_bind_text(st, 7, p->reference);
	seci_db_bind_text(st, 8, b.code);
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(db->h);
	snprintf(memo, sizeof(memo), "payment %lld from %s", (long long)*id,
	    p->party);
	if (post_one(db, &b, *id, p->party, base, own, p->date, memo, err) < 0)
		return -1;
	if (seci_ledger_bounded(db, err) < 0)
		return -1;
	return seci_audit_added_id(db, "payment", *id, err);
}

/* ---- the list ---------------------------------------------------------- */

int
seci_payment_each(struct seci_db *db, const struct seci_payment_filter *f,
    seci_payment_fn *fn, void *arg, struct seci_err *err)
{
	struct seci_payment_row r;
	sqlite3_stmt *st;
	int rc, stop = 0;

	/* The original amount in its own currency's decimals. */
	st = seci_db_stmt(db, "SELECT id, date, party, seci_amount(orig_amount, "
	    "currency), currency, amount, account, payer, reference, bank_id, "
	    "CASE WHEN voided IS NOT NULL THEN 'void' WHEN party IS NOT NULL "
	    "THEN 'matched' WHEN EXISTS (SELECT 1 FROM receipt r WHERE "
	    "r.payment = payment.id) THEN 'income' ELSE 'suspense' END, "
	    "matched_by, rate "
	    "FROM payment WHERE (?1 IS NULL OR substr(date, 1, 4) = "
	    "printf('%04d', ?1)) AND (?2 IS NULL OR party = ?2) AND (?3 IS NULL "
	    "OR date >= ?3) AND (?4 IS NULL OR date <= ?4) AND (?5 = 0 OR "
	    "(party IS NULL AND voided IS NULL AND NOT EXISTS (SELECT 1 FROM "
	    "receipt r WHERE r.payment = payment.id))) AND (?6 IS NULL OR "
	    "instr(lower(reference), lower(?6)) > 0) AND (?7 IS NULL OR "
	    "instr(lower(payer), lower(?7)) > 0) ORDER BY date, id", err);
	if (st == NULL)
		return -1;
	if (f->from == NULL && f->to == NULL && f->year)
		sqlite3_bind_int(st, 1, f->year);
	seci_db_bind_text(st, 2, f->party);
	seci_db_bind_text(st, 3, f->from);
	seci_db_bind_text(st, 4, f->to);
	sqlite3_bind_int(st, 5, f->suspense_only);
	seci_db_bind_text(st, 6, f->ref);
	seci_db_bind_text(st, 7, f->payer);
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		r.id = sqlite3_column_int64(st, 0);
		r.date = (const char *)sqlite3_column_text(st, 1);
		r.party = (const char *)sqlite3_column_text(st, 2);
		r.amount = (const char *)sqlite3_column_text(st, 3);
		r.currency = (const char *)sqlite3_column_text(st, 4);
		r.base_amount = sqlite3_column_int64(st, 5);
		r.account = (const char *)sqlite3_column_text(st, 6);
		r.payer = (const char *)sqlite3_column_text(st, 7);
		r.reference = (const char *)sqlite3_column_text(st, 8);
		r.bank_id = (const char *)sqlite3_column_text(st, 9);
		r.status = (const char *)sqlite3_column_text(st, 10);
		r.matched_by = (const char *)sqlite3_column_text(st, 11);
		r.rate = (const char *)sqlite3_column_text(st, 12);
		stop = fn(arg, &r, err) < 0;
	}
	sqlite3_reset(st);
	if (stop)
		return -1;
	return rc == SQLITE_DONE ? 0 : seci_db_fail(db, rc, "payment", err);
}

static int
list_row(void *arg, const struct seci_payment_row *r, struct seci_err *err)
{
	struct seci_cell c[12];

	c[0] = seci_cell_int(r->id);
	c[1] = seci_cell_text(r->date);
	c[2] = seci_cell_text(r->party);
	c[3] = seci_cell_text(r->amount);
	c[4] = seci_cell_text(r->currency);
	c[5] = seci_cell_int(r->base_amount);
	c[6] = seci_cell_text(r->reference);
	c[7] = seci_cell_text(r->bank_id);
	c[8] = seci_cell_text(r->status);
	c[9] = seci_cell_text(r->matched_by);
	c[10] = seci_cell_text(r->payer);
	c[11] = seci_cell_text(r->rate);
	return seci_out_row(arg, c, err);
}

static int
suspense_row(void *arg, const struct seci_payment_row *r,
    struct seci_err *err)
{
	struct seci_cell c[9];

	c[0] = seci_cell_int(r->id);
	c[1] = seci_cell_text(r->date);
	c[2] = seci_cell_text(r->amount);
	c[3] = seci_cell_text(r->currency);
	c[4] = seci_cell_int(r->base_amount);
	c[5] = seci_cell_text(r->account);
	c[6] = seci_cell_text(r->payer);
	c[7] = seci_cell_text(r->reference);
	c[8] = seci_cell_text(r->bank_id);
	return seci_out_row(arg, c, err);
}

int
seci_payment_list(struct seci_db *db, const struct seci_payment_filter *f,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "id", SECI_COL_INT, 0 }, { "date", SECI_COL_TEXT, 0 },
		{ "party", SECI_COL_TEXT, 0 }, { "amount", SECI_COL_DECIMAL, 0 },
		{ "currency", SECI_COL_TEXT, 0 }, { "base_amount", SECI_COL_MONEY, 0 },
		{ "reference", SECI_COL_TEXT, 0 }, { "bank_id", SECI_COL_TEXT, 0 },
		{ "status", SECI_COL_TEXT, 0 },
		{ "matched_by", SECI_COL_TEXT, 0 }, { "payer", SECI_COL_TEXT, 0 },
		{ "rate", SECI_COL_DECIMAL, 0 },
	};
	static const struct seci_col scols[] = {
		{ "id", SECI_COL_INT, 0 }, { "date", SECI_COL_TEXT, 0 },
		{ "amount", SECI_COL_DECIMAL, 0 }, { "currency", SECI_COL_TEXT, 0 },
		{ "base_amount", SECI_COL_MONEY, 0 }, { "account", SECI_COL_TEXT, 0 },
		{ "payer", SECI_COL_TEXT, 0 }, { "reference", SECI_COL_TEXT, 0 },
		{ "bank_id", SECI_COL_TEXT, 0 },
	};
	struct seci_out *o = seci_out_begin(oo, f->suspense_only ? scols : cols,
	    f->suspense_only ? 9 : 12, err);

	if (o == NULL)
		return -1;
	if (seci_payment_each(db, f, f->suspense_only ? suspense_row :
	    list_row, o, err) < 0) {
		seci_out_abort(o);
		return -1;
	}
	return seci_out_end(o, err);
}
