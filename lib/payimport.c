/* payimport.c - payments imported from bank exports: read through a
 * profile, matched to Parties, kept once. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "bank.h"
#include "csv.h"
#include "input.h"
#include "party.h"
#include "payment.h"
#include "rate.h"
#include "seci_priv.h"
#include "year.h"

/* ---- matching ---------------------------------------------------------- */

struct name_party {
	char *name;
	char party[SECI_PARTY_CODE_MAX + 1];
};

struct matcher {
	struct name_party *accounts, *aliases;
	size_t naccounts, naliases;
	char (*codes)[SECI_PARTY_CODE_MAX + 1];
	size_t ncodes;
};

static void
matcher_free(struct matcher *m)
{
	size_t i;

	for (i = 0; i < m->naccounts; i++)
		free(m->accounts[i].name);
	for (i = 0; i < m->naliases; i++)
		free(m->aliases[i].name);
	free(m->accounts);
	free(m->aliases);
	free(m->codes);
}

static int
fill_name(sqlite3_stmt *st, void *item)
{
	struct name_party *a = item;

	if ((a->name = strdup((const char *)sqlite3_column_text(st, 0))) ==
	    NULL)
		return -1;
	seci_db_col_text(st, 1, a->party, sizeof(a->party));
	return 0;
}

static int
load_names(struct seci_db *db, const char *sql, struct name_party **out,
    size_t *n, struct seci_err *err)
{
	sqlite3_stmt *st;

	*out = NULL;
	*n = 0;
	if ((st = seci_db_stmt(db, sql, err)) == NULL)
		return -1;
	return seci_db_rows(db, st, sizeof(**out), fill_name, out, n, "party",
	    err);
}

/* Whether the profile lets code stand for a Party in a reference. */
static int
code_allowed(const struct seci_profile *pf, const char *code)
{
	size_t i;

	if (pf->no_code_match)
		return 0;
	for (i = 0; i < pf->nstopwords; i++)
		if (strcasecmp(pf->stopwords[i], code) == 0)
			return 0;
	return 1;
}

static int
matcher_init(struct seci_db *db, const struct seci_profile *pf,
    struct matcher *m, struct seci_err *err)
{
	struct name_party *codes = NULL;
	sqlite3_stmt *st;
	size_t i, n;
	int rc;

	memset(m, 0, sizeof(*m));
	/* The codes go in SECI_PARTY_CODE_MAX bytes, and what is matched is
	 * written as it is, its Party not looked up again (seci_db_bulk()):
	 * one that does not fit (a database changed behind seci's back)
	 * stops the import rather than being cut to a code of no Party. */
	st = seci_db_stmt(db, "SELECT code FROM party WHERE "
	    "length(CAST(code AS BLOB)) > ? LIMIT 1", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, SECI_PARTY_CODE_MAX);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		seci_err_set(err, SECI_EXIT_DATA, "Party code '%.40s' is longer "
		    "than %d bytes: the database was changed outside seci",
		    (const char *)sqlite3_column_text(st, 0),
		    SECI_PARTY_CODE_MAX);
		sqlite3_reset(st);
		return -1;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return seci_db_fail(db, rc, "party", err);
	if (load_names(db, "SELECT account, party FROM party_account ORDER BY "
	    "account",
	    &m->accounts, &m->naccounts, err) < 0 ||
	    load_names(db, "SELECT alias, party FROM party_alias",
	    &m->aliases, &m->naliases, err) < 0 ||
	    load_names(db, "SELECT code, code FROM party", &codes,
	    &m->ncodes, err) < 0) {
		for (i = 0; codes && i < m->ncodes; i++)
			free(codes[i].name);
		free(codes);
		return -1;
	}
	m->codes = calloc(m->ncodes ? m->ncodes : 1, sizeof(*m->codes));
	for (i = n = 0; i < m->ncodes; i++) {
		if (m->codes && code_allowed(pf, codes[i].party))
			memcpy(m->codes[n++], codes[i].party,
			    sizeof(m->codes[i]));
		free(codes[i].name);
	}
	m->ncodes = n;
	free(codes);
	if (m->codes == NULL)
		return seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
	return 0;
}

/* A Party code standing alone in text, when exactly one does. */
static const char *
code_in(const struct matcher *m, const char *text)
{
	const char *p = text, *found = NULL;
	size_t len, i;

	while (p && *p) {
		while (*p && !isalnum((unsigned char)*p))
			p++;
		for (len = 0; isalnum((unsigned char)p[len]); len++)
			;
		for (i = 0; len && i < m->ncodes; i++)
			if (strlen(m->codes[i]) == len &&
			    memcmp(m->codes[i], p, len) == 0) {
				if (found && found != m->codes[i])
					return NULL;
				found = m->codes[i];
			}
		p += len;
	}
	return found;
}

static const char *
match(const struct matcher *m, const char *account, const char *payer,
    const char *reference, const char **how)
{
	const char *code;
	size_t i, lo = 0, hi = m->naccounts;

	/* Accounts are sorted (by SQLite's BINARY order, strcmp's). */
	while (account && *account && lo < hi) {
		int c;

		i = (lo + hi) / 2;
		c = strcmp(m->accounts[i].name, account);
		if (c == 0) {
			*how = "account";
			return m->accounts[i].party;
		}
		if (c < 0)
			lo = i + 1;
		else
			hi = i;
	}
	for (i = 0; payer && *payer && i < m->naliases; i++)
		if (strcasecmp(m->aliases[i].name, payer) == 0) {
			*how = "alias";
			return m->aliases[i].party;
		}
	if (reference && (code = code_in(m, reference)) != NULL) {
		*how = "reference";
		return code;
	}
	*how = NULL;
	return NULL;
}

/* ---- import ------------------------------------------------------------ */

struct payment_import {
	struct seci_db *db;
	const struct seci_profile *prof;
	struct seci_import *imp;
	struct seci_import_stats *stats;
	unsigned long *skipped;
	struct matcher m;
	struct seci_receipts *receipts;
	struct seci_bankacct bank;	/* where the money came in */
	int col[SECI_P_NCOLS];	/* index in the reader's columns, or -1 */
	const struct seci_payment_import_opts *o;
	int wyear, wclosed;	/* the last year asked whether closed */
	char base[4];		/* the base currency */
};

/* One row, read and checked. */
struct prow {
	seci_day date, vdate;
	int has_vdate;
	const char *currency;
	int dec;			/* the currency's decimals */
	seci_money amount, base;	/* in currency, in the base */
	seci_money own;			/* in the bank account's currency */
	char rate[40];
	char acct[128];
	char day[SECI_DATE_BUFSZ];
	char key[SECI_ROW_KEY_MAX + 2];	/* without a bank id: h:HASH[#n] */
	const char *payer, *reference, *bank_id;
};

static const char payment_sql[] = "INSERT INTO payment (date, value_date, "
    "party, amount, currency, orig_amount, rate, account, payer, reference, "
    "bank_id, dedup_key, matched_by, import_id, bank) VALUES (?, ?, ?, ?, ?, "
    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

static const char *
pval(const struct payment_import *pi, const struct seci_csv_row *row, int c)
{
	const char *v = pi->col[c] < 0 ? NULL : row->val[pi->col[c]];

	return v && *v ? v : NULL;
}

/*
 * A bank id seen before is a duplicate only when it is the same
 * transaction: an id that comes back with another date, amount or
 * currency is another bank's id or a changed export, and skipping it
 * would lose money. 0 if the same, else an error (1 for a data error).
 */
static int
same_bank_id(struct seci_db *db, const struct seci_csv_row *row,
    const struct prow *p, int64_t import_id, struct seci_err *err)
{
	char was[SECI_MONEY_BUFSZ], who[64];
	sqlite3_stmt *st;
	int rc, dec;

	st = seci_db_stmt(db, "SELECT date, currency, orig_amount, id, "
	    "import_id FROM payment WHERE bank_id = ? AND voided IS NULL", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, p->bank_id, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_reset(st);
		return seci_db_fail(db, rc, "payment", err);
	}
	if (strcmp((const char *)sqlite3_column_text(st, 0), p->day) == 0 &&
	    strcmp((const char *)sqlite3_column_text(st, 1), p->currency) == 0 &&
	    sqlite3_column_int64(st, 2) == p->amount) {
		sqlite3_reset(st);
		return 0;
	}
	dec = seci_currency_decimals((const char *)sqlite3_column_text(st,
	    1));
	seci_money_format(sqlite3_column_int64(st, 2), dec, 0, was);
	/* A row earlier in this file has no payment number to show. */
	if (sqlite3_column_int64(st, 4) == import_id)
		snprintf(who, sizeof(who), "on an earlier row of this file");
	else
		snprintf(who, sizeof(who), "payment %lld already",
		    (long long)sqlite3_column_int64(st, 3));
	seci_err_report(err, SECI_ERROR, "%s:%lu: bank id '%.40s' is %s, of "
	    "%s %s %s: another bank's id, or a changed export; not imported",
	    row->file, row->line, p->bank_id, who,
	    (const char *)sqlite3_column_text(st, 0), was,
	    (const char *)sqlite3_column_text(st, 1));
	sqlite3_reset(st);
	return 1;
}

#define BAD(...) do { seci_err_report(err, SECI_ERROR, "%s:%lu: " \
	    __VA_ARGS__); return 1; } while (0)

/* The row's amount in its currency: one amount column, or a credit and
 * a debit; 1 when bad (reported). */
static int
read_amount(const struct payment_import *pi, const struct seci_csv_row *row,
    int dec, seci_money *amount, struct seci_err *err)
{
	const struct seci_profile *pf = pi->prof;
	struct seci_err e = SECI_ERR_INIT;
	seci_money credit = 0, debit = 0;
	const char *cv, *dv;

	if (pi->col[SECI_P_AMOUNT] >= 0) {
		if (seci_money_parse(row->val[pi->col[SECI_P_AMOUNT]], dec,
		    pf->decimal, amount, &e) < 0)
			BAD("%s", row->file, row->line, e.msg);
		if (pf->negate)
			*amount = -*amount;
		return 0;
	}
	/* Two columns: a credit is money in; a debit is money out whatever
	 * its sign (many banks write it negative). */
	cv = pval(pi, row, SECI_P_CREDIT);
	dv = pval(pi, row, SECI_P_DEBIT);
	if (cv == NULL && dv == NULL)
		BAD("no amount: credit and debit are both empty", row->file,
		    row->line);
	if (cv && seci_money_parse(cv, dec, pf->decimal, &credit, &e) < 0)
		BAD("credit: %s", row->file, row->line, e.msg);
	if (dv && seci_money_parse(dv, dec, pf->decimal, &debit, &e) < 0)
		BAD("debit: %s", row->file, row->line, e.msg);
	if (credit != 0 && debit != 0)
		BAD("both credit and debit are filled", row->file, row->line);
	*amount = credit != 0 ? credit : debit < 0 ? debit : -debit;
	return 0;
}

/* The amount in the base currency, through the row's rate or the rates
 * table; 1 when bad (reported), -1 on error. */
static int
read_base(struct payment_import *pi, const struct seci_csv_row *row,
    int dec, struct prow *p, struct seci_err *err)
{
	struct seci_db *db = pi->db;
	struct seci_err e = SECI_ERR_INIT;
	const char *v;
	int64_t rate;

	p->rate[0] = '\0';
	if (strcmp(p->currency, db->currency) == 0) {
		p->base = p->amount;
		return 0;
	}
	if ((v = pval(pi, row, SECI_P_RATE)) != NULL) {
		if (seci_rate_parse(v, pi->prof->decimal, &rate, &e) < 0)
			BAD("%s", row->file, row->line, e.msg);
		snprintf(p->rate, sizeof(p->rate), "%s", v);
	} else if (seci_rate_lookup(db, p->currency, p->date, &rate, p->rate,
	    sizeof(p->rate), &e) < 0) {
		if (e.code != SECI_EXIT_DATA)
			return seci_err_set(err, e.code, "%s", e.msg);
		BAD("%s", row->file, row->line, e.msg);
	}
	if (seci_rate_convert(p->amount, dec, rate, db->decimals, &p->base,
	    &e) < 0)
		BAD("%s", row->file, row->line, e.msg);
	if (p->base <= 0)
		BAD("%s in %s is nothing in %s", row->file, row->line,
		    row->val[pi->col[SECI_P_AMOUNT] >= 0 ?
		    pi->col[SECI_P_AMOUNT] : pi->col[SECI_P_CREDIT]],
		    p->currency, db->currency);
	return 0;
}

/*
 * Read and check a row's own values into p, with nothing but the row
 * (it runs in the reading thread): 0 when it is a payment to record, 1
 * when bad (reported), 2 when it is money going out.
 */
static int
parse_row(const struct payment_import *pi, const struct seci_csv_row *row,
    struct prow *p, struct seci_err *err)
{
	const struct seci_profile *pf = pi->prof;
	struct seci_err e = SECI_ERR_INIT;
	const char *v, *f[5];
	char cents[24];
	int dec, rc;

	memset(p, 0, sizeof(*p));
	if (seci_date_parse(pval(pi, row, SECI_P_DATE), pf->date_format,
	    &p->date, &e) < 0)
		BAD("%s", row->file, row->line, e.msg);
	seci_date_format(p->date, p->day);
	if ((v = pval(pi, row, SECI_P_VALUE_DATE)) != NULL) {
		if (seci_date_parse(v, pf->date_format, &p->vdate, &e) < 0)
			BAD("value date: %s", row->file, row->line, e.msg);
		p->has_vdate = 1;
	}
	p->currency = pi->base;
	if ((v = pval(pi, row, SECI_P_CURRENCY)) != NULL) {
		if (seci_currency_decimals(v) < 0)
			BAD("bad currency '%.20s'", row->file, row->line, v);
		p->currency = v;
	}
	dec = p->dec = seci_currency_decimals(p->currency);
	if ((rc = read_amount(pi, row, dec, &p->amount, err)) != 0)
		return rc;
	if (p->amount == 0)
		BAD("a zero amount is no payment", row->file, row->line);
	if (p->amount < 0)
		return 2;	/* money going out */
	if ((v = pval(pi, row, SECI_P_ACCOUNT)) != NULL)
		seci_bank_account_normalise(v, p->acct, sizeof(p->acct));
	p->payer = pval(pi, row, SECI_P_PAYER);
	p->reference = pval(pi, row, SECI_P_REFERENCE);
	p->bank_id = pval(pi, row, SECI_P_BANK_ID);
	/* The bank's own id (unique in its column), or the transaction's
	 * content. */
	if (p->bank_id == NULL) {
		snprintf(cents, sizeof(cents), "%lld", (long long)p->amount);
		f[0] = p->day;
		f[1] = cents;
		f[2] = p->currency;
		f[3] = p->acct;
		f[4] = p->reference;
		memcpy(p->key, "h:", 3);
		seci_row_key(f, 5, p->key + 2);
	}
	return 0;
}

/* The payment's amount in the base currency and in the bank account's:
 * 0, 1 when bad (reported), -1 on error. */
static int
price_row(struct payment_import *pi, const struct seci_csv_row *row,
    struct prow *p, struct seci_err *err)
{
	struct seci_err e = SECI_ERR_INIT;
	int rc;

	if ((rc = read_base(pi, row, p->dec, p, err)) != 0)
		return rc;
	if (seci_bank_received(&pi->bank, p->currency, p->amount, p->base,
	    &p->own, &e) < 0)
		BAD("%s", row->file, row->line, e.msg);
	return 0;
}

/* What the reading thread makes of a row: its values, and the Party
 * they match. */
struct prepared {
	int rc;			/* parse_row()'s */
	struct seci_csv_notes notes;	/* its report, when bad */
	struct prow p;
	const char *party, *how;
};

static void
prepare_row(void *arg, const struct seci_csv_row *row, void *prep)
{
	const struct payment_import *pi = arg;
	struct prepared *pr = prep;
	struct seci_err e;

	seci_csv_notes_begin(&pr->notes, row, &e);
	pr->party = pr->how = NULL;
	if ((pr->rc = parse_row(pi, row, &pr->p, &e)) == 0)
		pr->party = match(&pi->m, pr->p.acct, pr->p.payer,
		    pr->p.reference, &pr->how);
}

/* Whether the row's year is closed (asked once per year met). */
static int
year_closed(struct payment_import *pi, seci_day date, int *closed,
    struct seci_err *err)
{
	struct seci_err e = SECI_ERR_INIT;
	int y = seci_year_of(date);

	if (y != pi->wyear) {
		pi->wyear = y;
		pi->wclosed = seci_year_writable(pi->db, y, &e) < 0 ? y : 0;
		if (e.code && e.code != SECI_EXIT_DATA)
			return seci_err_set(err, e.code, "%s", e.msg);
	}
	*closed = pi->wclosed;
	return 0;
}

/* A row of a closed year is only welcome as a duplicate (a bank export
 * spanning the year end, imported again). */
static int
closed_year_row(struct payment_import *pi, const struct seci_csv_row *row,
    const struct prow *p, int year, struct seci_err *err)
{
	sqlite3_stmt *st;
	int64_t known;
	int rc;

	st = seci_db_stmt(pi->db, "SELECT count(*) FROM payment WHERE "
	    "(bank_id = ?1 OR dedup_key = ?2) AND voided IS NULL", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, p->bank_id, -1, SQLITE_STATIC);
	if (p->key[0])
		sqlite3_bind_text(st, 2, p->key, -1, SQLITE_STATIC);
	if (seci_db_one_int(pi->db, st, &known, err) < 0)
		return -1;
	if (!known)
		BAD("budget year %d is closed", row->file, row->line, year);
	if (p->bank_id && (rc = same_bank_id(pi->db, row, p,
	    seci_import_id(pi->imp), err)) != 0)
		return rc;
	pi->stats->duplicate++;
	return 0;
}

#undef BAD

static int
insert(struct payment_import *pi, const struct prow *p, const char *party,
    const char *how, struct seci_err *err)
{
	char vday[SECI_DATE_BUFSZ];
	sqlite3_stmt *st;

	if ((st = seci_db_stmt(pi->db, payment_sql, err)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, p->day, -1, SQLITE_STATIC);
	if (p->has_vdate)
		sqlite3_bind_text(st, 2, seci_date_format(p->vdate, vday), -1,
		    SQLITE_STATIC);
	seci_db_bind_text(st, 3, party);
	sqlite3_bind_int64(st, 4, p->base);
	sqlite3_bind_text(st, 5, p->currency, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, p->amount);
	if (p->rate[0])
		sqlite3_bind_text(st, 7, p->rate, -1, SQLITE_STATIC);
	if (p->acct[0])
		sqlite3_bind_text(st, 8, p->acct, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, p->payer, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, p->reference, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, p->bank_id, -1, SQLITE_STATIC);
	if (p->key[0])
		sqlite3_bind_text(st, 12, p->key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 13, how, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 14, seci_import_id(pi->imp));
	sqlite3_bind_text(st, 15, pi->bank.code, -1, SQLITE_STATIC);
	return seci_db_exec_stmt(pi->db, st, err);
}

/* Tell the caller what became of the row, when it asked. */
static int
seen(struct payment_import *pi, const struct seci_csv_row *row,
    const struct prow *p, const char *party, const char *how,
    const char *status, struct seci_err *err)
{
	struct seci_payment_seen s;

	if (pi->o->seen == NULL)
		return 0;
	s.line = row->line;
	s.date = p->day;
	s.amount = p->amount;
	s.currency = p->currency;
	s.base = p->base;
	s.party = party;
	s.matched_by = how;
	s.reference = p->reference;
	s.bank_id = p->bank_id;
	s.status = status;
	return pi->o->seen(pi->o->seen_arg, &s, err);
}

/* Whether a payment of this key came in earlier in this import. */
static int
added_here(void *arg, const char *key, struct seci_err *err)
{
	struct payment_import *pi = arg;
	sqlite3_stmt *st;
	int64_t n;

	/* voided IS NULL: the terms of the partial index on dedup_key. */
	st = seci_db_stmt(pi->db, "SELECT count(*) FROM payment WHERE "
	    "dedup_key = ? AND voided IS NULL AND import_id = ?", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, key);
	sqlite3_bind_int64(st, 2, seci_import_id(pi->imp));
	if (seci_db_one_int(pi->db, st, &n, err) < 0)
		return -1;
	return n > 0;
}

/* A duplicate without a bank id: its repeats in this file count on. */
static int
duplicate(struct payment_import *pi, const struct seci_csv_row *row,
    const struct prow *p, struct seci_err *err)
{
	if (p->bank_id == NULL && seci_import_note_duplicate(pi->imp, p->key,
	    err) < 0)
		return -1;
	return seen(pi, row, p, NULL, NULL, "duplicate", err);
}

static int
payment_row(void *arg, const struct seci_csv_row *row, struct seci_err *err)
{
	struct payment_import *pi = arg;
	struct prepared *pr = row->prep;
	struct prow *p = &pr->p;
	const char *party = pr->party, *how = pr->how;
	int rc, closed = 0;

	pi->stats->read++;
	if (pi->o->progress && pi->stats->read % 100000 == 0)
		pi->o->progress(pi->o->progress_arg, pi->stats->read);
	if (pr->rc == 2) {
		(*pi->skipped)++;
		return seen(pi, row, p, NULL, NULL, "outgoing", err);
	}
	if (pr->rc != 0) {
		seci_csv_notes_report(&pr->notes, row, err);
		return 1;
	}
	if ((rc = price_row(pi, row, p, err)) != 0)
		return rc;
	if (p->bank_id == NULL && seci_import_occurrence(pi->imp, p->key,
	    added_here, pi, err) < 0)
		return -1;
	if (year_closed(pi, p->date, &closed, err) < 0)
		return -1;
	if (closed)
		return (rc = closed_year_row(pi, row, p, closed, err)) != 0 ?
		    rc : duplicate(pi, row, p, err);
	if (insert(pi, p, party, how, err) < 0)
		return -1;
	if (sqlite3_changes(pi->db->h) == 0) {
		if (p->bank_id && (rc = same_bank_id(pi->db, row, p,
		    seci_import_id(pi->imp), err)) != 0)
			return rc;
		pi->stats->duplicate++;
		return duplicate(pi, row, p, err);
	}
	pi->stats->added++;
	if (party == NULL)
		pi->stats->unmatched++;
	else if (strcmp(how, "account") == 0)
		pi->stats->by_account++;
	else if (strcmp(how, "alias") == 0)
		pi->stats->by_alias++;
	else
		pi->stats->by_reference++;
	if (seen(pi, row, p, party, how, "new", err) < 0)
		return -1;
	return seci_receipts_add(pi->receipts, sqlite3_last_insert_rowid(
	    pi->db->h), party, p->base, p->own, p->date, err);
}

int
seci_payment_import(struct seci_db *db, FILE *fp, const char *name,
    const struct seci_payment_import_opts *opts,
    struct seci_import_stats *stats, unsigned long *skipped,
    struct seci_err *err)
{
	const struct seci_profile *profile = opts->profile;
	struct seci_csv_col cols[SECI_P_NCOLS];
	struct seci_csv_opts o;
	struct payment_import pi;
	FILE *in = NULL;
	char memo[300];
	size_t n = 0;
	int i, rc = -1;

	memset(&pi, 0, sizeof(pi));
	memset(stats, 0, sizeof(*stats));
	*skipped = 0;
	for (i = 0; i < SECI_P_NCOLS; i++) {
		pi.col[i] = -1;
		if (profile->col[i] == NULL)
			continue;
		cols[n].name = profile->col[i];
		cols[n].position = profile->pos[i];
		cols[n].required = profile->all_required || i == SECI_P_DATE ||
		    i == SECI_P_AMOUNT;
		pi.col[i] = (int)n++;
	}
	memset(&o, 0, sizeof(o));
	o.delim = profile->delim;
	o.skip_lines = profile->skip;
	o.cols = cols;
	o.ncols = n;
	o.warn_unknown = 1;
	o.ignore = (const char *const *)profile->ignore;
	o.nignore = profile->nignore;
	o.stop_at = profile->stop_at;
	o.skip_footer = profile->skip_footer;
	/* Rows are read, parsed and matched in a second thread while this
	 * one writes them; not a file read through iconv, whose errors
	 * are reported as they are read. */
	o.prepare = prepare_row;
	o.prep_arg = &pi;
	o.prep_size = sizeof(struct prepared);
	o.ahead = profile->encoding == NULL;
	pi.db = db;
	snprintf(pi.base, sizeof(pi.base), "%s", db->currency);
	pi.prof = profile;
	pi.stats = stats;
	pi.skipped = skipped;
	pi.o = opts;
	if (seci_bank_get(db, opts->bank, &pi.bank, err) < 0 ||
	    matcher_init(db, profile, &pi.m, err) < 0)
		goto out;
	if ((pi.imp = seci_import_begin(db, "payment", name, err)) == NULL)
		goto out;
	snprintf(memo, sizeof(memo), "payments imported from %s", name);
	if ((pi.receipts = seci_receipts_begin(db, &pi.bank,
	    seci_import_id(pi.imp), memo, err)) == NULL)
		goto out;
	seci_import_csv_opts(pi.imp, &o);
	/* Another encoding: read converted, the digest of the bytes as
	 * they are in the file. */
	if (profile->encoding) {
		if ((in = seci_input_recode(fp, profile->encoding, name,
		    o.on_bytes, o.bytes_arg, err)) == NULL)
			goto out;
		fp = in;
		o.on_bytes = NULL;
	}
	if (seci_csv_read(fp, name, &o, payment_row, &pi, NULL, err) < 0 ||
	    seci_import_bounded(pi.imp, err) < 0 ||
	    seci_receipts_end(pi.receipts, err) < 0 ||
	    seci_import_finish(pi.imp, stats, err) < 0)
		goto out;
	rc = 0;
out:
	if (in)
		fclose(in);
	seci_receipts_free(pi.receipts);
	seci_import_free(pi.imp);
	matcher_free(&pi.m);
	return rc;
}

static int
preview_row(void *arg, const struct seci_payment_seen *s,
    struct seci_err *err)
{
	struct seci_cell c[10];
	char amount[SECI_MONEY_BUFSZ];

	c[0] = seci_cell_int((int64_t)s->line);
	c[1] = seci_cell_text(s->date);
	c[2] = seci_cell_text(seci_money_format(s->amount,
	    seci_currency_decimals(s->currency), 0, amount));
	c[3] = seci_cell_text(s->currency);
	c[4] = strcmp(s->status, "outgoing") == 0 ? seci_cell_null() :
	    seci_cell_int(s->base);
	c[5] = seci_cell_text(s->party);
	c[6] = seci_cell_text(s->matched_by);
	c[7] = seci_cell_text(s->reference);
	c[8] = seci_cell_text(s->bank_id);
	c[9] = seci_cell_text(s->status);
	return seci_out_row(arg, c, err);
}

int
seci_payment_import_preview(struct seci_db *db, FILE *fp, const char *name,
    const struct seci_payment_import_opts *o,
    const struct seci_out_opts *oo, struct seci_import_stats *stats,
    unsigned long *skipped, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "line", SECI_COL_INT, 0 }, { "date", SECI_COL_TEXT, 0 },
		{ "amount", SECI_COL_DECIMAL, 0 }, { "currency", SECI_COL_TEXT, 0 },
		{ "base_amount", SECI_COL_MONEY, 0 }, { "party", SECI_COL_TEXT, 0 },
		{ "matched_by", SECI_COL_TEXT, 0 },
		{ "reference", SECI_COL_TEXT, 0 }, { "bank_id", SECI_COL_TEXT, 0 },
		{ "status", SECI_COL_TEXT, 0 },
	};
	struct seci_payment_import_opts po = *o;
	struct seci_bankacct b;
	struct seci_out *out;

	/* A bad account is an error before anything is printed. */
	if (seci_bank_get(db, o->bank, &b, err) < 0 ||
	    (out = seci_out_begin(oo, cols, 10, err)) == NULL)
		return -1;
	po.seen = preview_row;
	po.seen_arg = out;
	if (seci_payment_import(db, fp, name, &po, stats, skipped, err) < 0) {
		seci_out_abort(out);
		return -1;
	}
	return seci_out_end(out, err);
}
