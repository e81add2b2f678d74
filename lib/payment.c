/* payment.c - payments by hand, matching from suspense, the list, and the
 * postings of receipts. */
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

/* ---- the postings of receipts ------------------------------------------ */

/* What came in on one day from one Party (or into suspense). */
struct day_sum {
	seci_day day;
	int used;
	char party[SECI_PARTY_CODE_MAX + 1];	/* "" for suspense */
	seci_money amount;
	seci_money own;		/* in the bank account's currency */
};

struct seci_receipts {
	struct seci_db *db;
	struct seci_bankacct bank;
	int64_t import_id;
	int64_t first, last;	/* the payments' ids */
	char *memo;
	struct day_sum *sums;	/* open addressing on day and Party */
	size_t cap, n;
};

struct seci_receipts *
seci_receipts_begin(struct seci_db *db, const struct seci_bankacct *bank,
    int64_t import_id, const char *memo, struct seci_err *err)
{
	struct seci_receipts *r = calloc(1, sizeof(*r));

	if (r == NULL || (r->memo = strdup(memo)) == NULL ||
	    (r->sums = calloc(1024, sizeof(*r->sums))) == NULL) {
		seci_receipts_free(r);
		seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
		return NULL;
	}
	r->db = db;
	r->bank = *bank;
	r->import_id = import_id;
	r->cap = 1024;
	return r;
}

void
seci_receipts_free(struct seci_receipts *r)
{
	if (r == NULL)
		return;
	free(r->memo);
	free(r->sums);
	free(r);
}

static size_t
sum_hash(seci_day day, const char *party, size_t cap)
{
	size_t h = (size_t)(uint32_t)day * 2654435761u;

	while (*party)
		h = h * 31 + (unsigned char)*party++;
	return h % cap;
}

static struct day_sum *
sum_slot(struct seci_receipts *r, seci_day day, const char *party,
    struct seci_err *err)
{
	size_t i, k;

	if (2 * (r->n + 1) > r->cap) {
		struct day_sum *old = r->sums;
		size_t oldcap = r->cap;

		if ((r->sums = calloc(oldcap * 2, sizeof(*r->sums))) == NULL) {
			r->sums = old;
			seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
			return NULL;
		}
		r->cap = oldcap * 2;
		for (k = 0; k < oldcap; k++) {
			if (!old[k].used)
				continue;
			for (i = sum_hash(old[k].day, old[k].party, r->cap);
			    r->sums[i].used; i = (i + 1) % r->cap)
				;
			r->sums[i] = old[k];
		}
		free(old);
	}
	for (i = sum_hash(day, party, r->cap); r->sums[i].used;
	    i = (i + 1) % r->cap)
		if (r->sums[i].day == day && strcmp(r->sums[i].party,
		    party) == 0)
			return &r->sums[i];
	r->sums[i].used = 1;
	r->sums[i].day = day;
	snprintf(r->sums[i].party, sizeof(r->sums[i].party), "%s", party);
	r->n++;
	return &r->sums[i];
}

int
seci_receipts_add(struct seci_receipts *r, int64_t payment_id,
    const char *party, seci_money amount, seci_money own, seci_day day,
    struct seci_err *err)
{
	struct day_sum *d = sum_slot(r, day, party ? party : "", err);

	if (d == NULL)
		return -1;
	if (r->first == 0)
		r->first = payment_id;
	r->last = payment_id;
	if (seci_money_add(d->amount, amount, &d->amount, err) < 0 ||
	    seci_money_add(d->own, own, &d->own, err) < 0)
		return seci_err_prefix(err, SECI_EXIT_DATA, "payments of one "
		    "day");
	return 0;
}

static int
cmp_sum(const void *a, const void *b)
{
	const struct day_sum *x = a, *y = b;

	if (x->used != y->used)
		return x->used ? -1 : 1;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return strcmp(x->party, y->party);
}

/* Open the day's transaction (days come in date order, so that the
 * postings below go in at the end of the ledger) and note it for them. */
static int
open_day(struct seci_receipts *r, seci_day day, struct seci_txn *t,
    struct seci_err *err)
{
	struct seci_ledger_ref ref = { "payment", 0, r->import_id };
	char d[SECI_DATE_BUFSZ];
	sqlite3_stmt *st;

	if (seci_ledger_open(r->db, day, r->memo, &ref, t, err) < 0)
		return -1;
	st = seci_db_stmt(r->db, "INSERT INTO temp.receipt_day (date, txn) "
	    "VALUES (?, ?)", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, seci_date_format(day, d));
	sqlite3_bind_int64(st, 2, t->id);
	return seci_db_exec_stmt(r->db, st, err);
}

/*
 * Each payment its own posting, to its Party's receivable or to
 * suspense, in its day's transaction: all at once, one statement.  The
 * pages the rows above left in the cache go out first, so that the
 * statement's journal (in memory) does not take a copy of each as it
 * pushes them out: memory stays at the cache's size.
 */
static int
post_each(struct seci_receipts *r, struct seci_err *err)
{
	sqlite3_stmt *st;

	if (seci_db_flush(r->db, err) < 0)
		return -1;
	st = seci_db_stmt(r->db, "INSERT INTO ledger_posting (txn_id, "
	    "seq, account, party, amount, source_id) SELECT d.txn, p.id, CASE "
	    "WHEN p.party IS NULL THEN '" SECI_ACC_SUSPENSE "' ELSE '"
	    SECI_ACC_RECEIVABLE "' END, coalesce(p.party, ''), -p.amount, "
	    "p.id FROM payment p JOIN temp.receipt_day d ON d.date = p.date "
	    "WHERE p.id BETWEEN ?1 AND ?2 AND p.import_id = ?3", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, r->first);
	sqlite3_bind_int64(st, 2, r->last);
	sqlite3_bind_int64(st, 3, r->import_id);
	return seci_db_exec_stmt(r->db, st, err);
}

/* What the day's postings add up to, for the balances by day; the bank
 * takes the day's receipts in one posting (seq 0), and the day closes. */
static int
close_day(struct seci_receipts *r, const struct day_sum *s, size_t n,
    struct seci_txn *t, struct seci_err *err)
{
	struct seci_posting p;
	seci_money bank = 0, own = 0;
	size_t i;

	memset(&p, 0, sizeof(p));
	for (i = 0; i < n; i++) {
		p.account = s[i].party[0] ? SECI_ACC_RECEIVABLE :
		    SECI_ACC_SUSPENSE;
		p.party = s[i].party[0] ? s[i].party : NULL;
		p.amount = -s[i].amount;
		if (seci_ledger_count(r->db, t, &p, err) < 0 ||
		    seci_money_add(bank, s[i].amount, &bank, err) < 0 ||
		    seci_money_add(own, s[i].own, &own, err) < 0)
			return -1;
	}
	memset(&p, 0, sizeof(p));
	p.account = r->bank.ledger;
	p.amount = bank;
	t->seq = -1;	/* seq 0: below every payment's id */
	if (seci_ledger_add(r->db, t, &p, err) < 0 ||
	    seci_ledger_close(r->db, t, err) < 0)
		return -1;
	return seci_bank_move(r->db, &r->bank, s[0].day, own, bank, "receipts",
	    0, r->memo, t->id, err);
}

int
seci_receipts_end(struct seci_receipts *r, struct seci_err *err)
{
	struct seci_txn *txn = NULL;
	size_t i, j, k, ndays = 0;
	int rc = -1, parties = 0;

	if (r->first == 0)
		return 0;
	qsort(r->sums, r->cap, sizeof(*r->sums), cmp_sum);
	for (i = 0; i < r->n; i++)
		ndays += i == 0 || r->sums[i].day != r->sums[i - 1].day;
	if ((txn = calloc(ndays, sizeof(*txn))) == NULL)
		return seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
	if (seci_db_exec_sql(r->db, "CREATE TEMP TABLE IF NOT EXISTS "
	    "receipt_day (date TEXT PRIMARY KEY, txn INTEGER NOT NULL) "
	    "WITHOUT ROWID; DELETE FROM temp.receipt_day", err) < 0)
		goto out;
	for (i = k = 0; i < r->n; i++)
		if ((i == 0 || r->sums[i].day != r->sums[i - 1].day) &&
		    open_day(r, r->sums[i].day, &txn[k++], err) < 0)
			goto out;
	if (post_each(r, err) < 0)
		goto out;
	for (i = k = 0; i < r->n; i = j, k++) {
		for (j = i; j < r->n && r->sums[j].day == r->sums[i].day; j++)
			parties |= r->sums[j].party[0] != '\0';
		if (close_day(r, &r->sums[i], j - i, &txn[k], err) < 0)
			goto out;
	}
	/* What a Party paid beyond what it owes is received in advance. */
	rc = parties ? seci_contrib_sync(r->db, err) : 0;
out:
	free(txn);
	return rc;
}

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
