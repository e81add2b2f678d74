/*
 * partystatement.c - a Party's statement of account for a year: what it
 * owed on 1 January, its assessment, each payment it made and the
 * assessments that payment settled (oldest first, as contrib.h
 * allocates), and its balance after each entry.  A Party reading its
 * reminder can see why a payment meant for this year settled an older
 * one first.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "party.h"
#include "partystatement.h"
#include "seci_priv.h"

struct owed {
	int year;
	seci_money amount;
	seci_money left;	/* not yet settled */
};

struct paid {
	int64_t id;
	seci_day date;
	seci_money amount;	/* < 0: a refund */
	char ref[128];
};

static int
fill_owed(sqlite3_stmt *st, void *item)
{
	struct owed *o = item;

	o->year = sqlite3_column_int(st, 0);
	o->amount = o->left = sqlite3_column_int64(st, 1);
	return 0;
}

static int
fill_paid(sqlite3_stmt *st, void *item)
{
	struct seci_err ignore = SECI_ERR_INIT;
	struct paid *p = item;

	/* Payments, then refunds (column 4), by date. */
	p->id = sqlite3_column_int64(st, 0);
	seci_date_parse((const char *)sqlite3_column_text(st, 1), NULL,
	    &p->date, &ignore);
	p->amount = sqlite3_column_int64(st, 2);
	seci_db_col_text(st, 3, p->ref, sizeof(p->ref));
	return 0;
}

/* Settle the oldest assessments with amount, writing what went where
 * into buf ("2025 1000.00; 2026 59000.00; credit 500.00"). */
static void
allocate(struct owed *o, size_t n, seci_money amount, int decimals,
    char *buf, size_t size)
{
	char m[SECI_MONEY_BUFSZ];
	size_t k, len = 0;

	buf[0] = '\0';
	for (k = 0; k < n && amount > 0; k++) {
		seci_money take = o[k].left < amount ? o[k].left : amount;

		if (take == 0)
			continue;
		o[k].left -= take;
		amount -= take;
		len += (size_t)snprintf(buf + len, len < size ? size - len : 0,
		    "%s%d %s", len ? "; " : "", o[k].year,
		    seci_money_format(take, decimals, 0, m));
	}
	if (amount > 0)
		snprintf(buf + len, len < size ? size - len : 0, "%scredit %s",
		    len ? "; " : "", seci_money_format(amount, decimals, 0, m));
}

struct soa {
	struct owed *o;
	struct paid *p;
	size_t no, np;
};

static int
load(struct seci_db *db, const char *party, seci_day end, struct soa *s,
    struct seci_err *err)
{
	char day[SECI_DATE_BUFSZ];
	sqlite3_stmt *st;

	st = seci_db_stmt(db, "SELECT year, amount FROM assessment WHERE "
	    "party = ? ORDER BY year, due, id", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, party);
	if (seci_db_rows(db, st, sizeof(*s->o), fill_owed, &s->o, &s->no,
	    "assessment", err) < 0)
		return -1;
	st = seci_db_stmt(db, "SELECT id, date, amount, coalesce(reference, "
	    "bank_id, ''), 0 AS k FROM payment WHERE party = ?1 AND voided IS "
	    "NULL AND date <= ?2 UNION ALL SELECT id, date, -amount, reason, 1 "
	    "FROM refund WHERE party = ?1 AND date <= ?2 ORDER BY 2, 5, 1", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, party);
	seci_db_bind_text(st, 2, seci_date_format(end, day));
	return seci_db_rows(db, st, sizeof(*s->p), fill_paid, &s->p, &s->np,
	    "payment", err);
}

/* Walk the year: brought forward, the assessment, the payments. */
static int
walk(struct seci_db *db, struct soa *s, int year, seci_day end,
    seci_soa_fn *fn, void *arg, struct seci_err *err)
{
	seci_day jan1 = seci_date_from_ymd(year, 1, 1);
	struct seci_soa_row r;
	char what[64], alloc[256];
	seci_money balance = 0;
	size_t k, i;

	for (k = 0; k < s->no; k++)
		if (s->o[k].year < year)
			balance += s->o[k].amount;
	memset(&r, 0, sizeof(r));
	r.allocated_to = alloc;
	r.what = what;
	/* A refund only takes back credit: it settles nothing. */
	for (i = 0; i < s->np && s->p[i].date < jan1; i++) {
		balance -= s->p[i].amount;
		if (s->p[i].amount > 0)
			allocate(s->o, s->no, s->p[i].amount, db->decimals,
			    alloc, sizeof(alloc));
	}
	alloc[0] = '\0';
	r.kind = SECI_SOA_OPENING;
	r.date = jan1;
	snprintf(what, sizeof(what), "balance brought forward");
	r.balance = balance;
	if (fn(arg, &r, err) < 0)
		return -1;
	for (k = 0; k < s->no; k++) {
		if (s->o[k].year != year)
			continue;
		r.kind = SECI_SOA_ASSESSMENT;
		snprintf(what, sizeof(what), "assessment %d", year);
		r.debit = s->o[k].amount;
		r.credit = 0;
		balance += r.debit;
		r.balance = balance;
		if (fn(arg, &r, err) < 0)
			return -1;
	}
	for (; i < s->np; i++) {
		int refund = s->p[i].amount < 0;

		r.kind = refund ? SECI_SOA_REFUND : SECI_SOA_PAYMENT;
		r.date = s->p[i].date;
		snprintf(what, sizeof(what), "%s %lld", refund ? "refund" :
		    "payment", (long long)s->p[i].id);
		r.reference = s->p[i].ref;
		r.debit = refund ? -s->p[i].amount : 0;
		r.credit = refund ? 0 : s->p[i].amount;
		balance += r.debit - r.credit;
		r.balance = balance;
		alloc[0] = '\0';
		if (!refund)
			allocate(s->o, s->no, r.credit, db->decimals, alloc,
			    sizeof(alloc));
		if (fn(arg, &r, err) < 0)
			return -1;
	}
	memset(&r, 0, sizeof(r));
	r.kind = SECI_SOA_CLOSING;
	r.date = end;
	r.what = balance < 0 ? "balance: credit" : "balance due";
	r.balance = balance;
	return fn(arg, &r, err);
}

int
seci_soa_each(struct seci_db *db, const char *party, int year,
    seci_day as_of, seci_soa_fn *fn, void *arg, struct seci_err *err)
{
	seci_day end = seci_date_from_ymd(year, 12, 31);
	struct soa s;
	int rc = -1;

	memset(&s, 0, sizeof(s));
	if (as_of < end)
		end = as_of;
	/* Before the year begins there is only what it begins with. */
	if (end < seci_date_from_ymd(year, 1, 1))
		end = seci_date_from_ymd(year, 1, 1);
	if (seci_party_exists(db, party, err) < 0)
		return -1;
	/* What the year begins with is settled from the first payment. */
	if (load(db, party, end, &s, err) == 0)
		rc = walk(db, &s, year, end, fn, arg, err);
	free(s.o);
	free(s.p);
	return rc;
}

static int
out_row(void *arg, const struct seci_soa_row *r, struct seci_err *err)
{
	struct seci_cell c[7];
	char day[SECI_DATE_BUFSZ];

	c[0] = seci_cell_text(seci_date_format(r->date, day));
	c[1] = seci_cell_text(r->what);
	c[2] = seci_cell_text(r->reference);
	c[3] = r->kind == SECI_SOA_ASSESSMENT || r->kind == SECI_SOA_REFUND ?
	    seci_cell_int(r->debit) : seci_cell_null();
	c[4] = r->kind == SECI_SOA_PAYMENT ? seci_cell_int(r->credit) :
	    seci_cell_null();
	c[5] = seci_cell_int(r->balance);
	c[6] = seci_cell_text(r->kind == SECI_SOA_PAYMENT ? r->allocated_to :
	    NULL);
	return seci_out_row(arg, c, err);
}

int
seci_soa(struct seci_db *db, const char *party, int year, seci_day as_of,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "date", SECI_COL_TEXT, 0 }, { "entry", SECI_COL_TEXT, 0 },
		{ "reference", SECI_COL_TEXT, 0 }, { "debit", SECI_COL_MONEY, 0 },
		{ "credit", SECI_COL_MONEY, 0 }, { "balance", SECI_COL_MONEY, 0 },
		{ "allocated_to", SECI_COL_TEXT, 0 },
	};
	struct seci_out *o;

	if (seci_party_exists(db, party, err) < 0 ||
	    (o = seci_out_begin(oo, cols, 7, err)) == NULL)
		return -1;
	if (seci_soa_each(db, party, year, as_of, out_row, o, err) < 0) {
		seci_out_abort(o);
		return -1;
	}
	return seci_out_end(o, err);
}
