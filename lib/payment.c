/* payment.c - bank-payment import, matching, suspense, exchange rates. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "budget.h"
#include "conf.h"
#include "contrib.h"
#include "csv.h"
#include "ledger.h"
#include "seci_priv.h"
#include "yaml.h"

/* ---- profiles ------------------------------------------------------------ */

enum { P_DATE, P_VALUE_DATE, P_AMOUNT, P_CREDIT, P_DEBIT, P_CURRENCY,
    P_ACCOUNT, P_PAYER, P_REFERENCE, P_BANK_ID, P_RATE, P_NCOLS };

static const char *const pcol_keys[P_NCOLS] = { "date", "value_date",
    "amount", "credit", "debit", "currency", "account", "payer", "reference",
    "bank_id", "rate" };

struct seci_profile {
	char *name;
	unsigned char delim;
	unsigned skip;
	char *date_format;	/* NULL: ISO */
	char decimal;
	int negate;		/* incoming amounts are negative in the file */
	int all_required;	/* every named column must be there */
	char *col[P_NCOLS];	/* header names, NULL when absent */
};

void
seci_profile_free(struct seci_profile *p)
{
	int i;

	if (p == NULL)
		return;
	for (i = 0; i < P_NCOLS; i++)
		free(p->col[i]);
	free(p->name);
	free(p->date_format);
	free(p);
}

static struct seci_profile *
generic_profile(struct seci_err *err)
{
	struct seci_profile *p = calloc(1, sizeof(*p));
	int i;

	if (p == NULL || (p->name = strdup("generic")) == NULL) {
		free(p);
		seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
		return NULL;
	}
	p->delim = ',';
	p->decimal = '.';
	for (i = 0; i < P_NCOLS; i++)
		if (i != P_CREDIT && i != P_DEBIT &&
		    (p->col[i] = strdup(pcol_keys[i])) == NULL) {
			seci_profile_free(p);
			seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
			return NULL;
		}
	return p;
}

static int
profile_from_yaml(struct seci_profile *p, const struct seci_yaml *root,
    const char *file, struct seci_err *err)
{
	const struct seci_yaml *n, *cols, *c;
	int i;

	for (n = root->child; n != NULL; n = n->next) {
		const char *v = n->kind == SECI_YAML_SCALAR ? n->value : NULL;

		if (strcmp(n->key, "name") == 0 && v) {
			free(p->name);
			p->name = strdup(v);
		} else if (strcmp(n->key, "delimiter") == 0 && v &&
		    strlen(v) == 1 && v[0] != '"' && v[0] != '\n' &&
		    v[0] != '\r') {
			p->delim = (unsigned char)v[0];
		} else if (strcmp(n->key, "delimiter") == 0 && v &&
		    strcmp(v, "tab") == 0) {
			p->delim = '\t';
		} else if (strcmp(n->key, "skip") == 0 && v) {
			char *end;
			long s = strtol(v, &end, 10);

			if (*end || s < 0 || s > 1000)
				return seci_err_set(err, SECI_EXIT_CONFIG,
				    "%s:%lu: 'skip' must be a number of lines",
				    file, n->line);
			p->skip = (unsigned)s;
		} else if (strcmp(n->key, "date_format") == 0 && v) {
			free(p->date_format);
			p->date_format = strdup(v);
			if (!seci_date_format_valid(v))
				return seci_err_set(err, SECI_EXIT_CONFIG,
				    "%s:%lu: date_format '%s' needs one each of "
				    "%%Y (or %%y), %%m and %%d, and nothing "
				    "else", file, n->line, v);
		} else if (strcmp(n->key, "decimal") == 0 && v &&
		    (strcmp(v, ".") == 0 || strcmp(v, ",") == 0)) {
			p->decimal = v[0];
		} else if (strcmp(n->key, "sign") == 0 && v &&
		    (strcmp(v, "incoming-positive") == 0 ||
		    strcmp(v, "incoming-negative") == 0)) {
			p->negate = strcmp(v, "incoming-negative") == 0;
		} else if (strcmp(n->key, "columns") == 0 &&
		    n->kind == SECI_YAML_MAP) {
			cols = n;
			for (i = 0; i < P_NCOLS; i++) {
				c = seci_yaml_get(cols, pcol_keys[i]);
				free(p->col[i]);
				p->col[i] = c && c->kind == SECI_YAML_SCALAR &&
				    !c->plain_null ? strdup(c->value) : NULL;
			}
			for (c = cols->child; c != NULL; c = c->next) {
				for (i = 0; i < P_NCOLS; i++)
					if (strcmp(c->key, pcol_keys[i]) == 0)
						break;
				if (i == P_NCOLS)
					return seci_err_set(err,
					    SECI_EXIT_CONFIG, "%s:%lu: unknown "
					    "column key '%s'", file, c->key_line,
					    c->key);
			}
		} else if (strcmp(n->key, "decimal") == 0) {
			return seci_err_set(err, SECI_EXIT_CONFIG, "%s:%lu: "
			    "'decimal' must be \".\" or \",\"", file, n->line);
		} else if (strcmp(n->key, "sign") == 0) {
			return seci_err_set(err, SECI_EXIT_CONFIG, "%s:%lu: "
			    "'sign' must be incoming-positive or "
			    "incoming-negative", file, n->line);
		} else {
			return seci_err_set(err, SECI_EXIT_CONFIG, "%s:%lu: "
			    "bad or unknown key '%s'", file, n->key_line ?
			    n->key_line : n->line, n->key);
		}
	}
	if (p->col[P_DATE] == NULL || (p->col[P_AMOUNT] == NULL &&
	    p->col[P_CREDIT] == NULL))
		return seci_err_set(err, SECI_EXIT_CONFIG, "%s: a profile names "
		    "the date column and the amount (or credit) column", file);
	return 0;
}

struct seci_profile *
seci_profile_load(const char *name, struct seci_err *err)
{
	struct seci_profile *p;
	struct seci_yaml *root;
	char path[4096];
	const char *env, *home;
	FILE *fp = NULL;
	size_t n = strlen(name);

	if (strcmp(name, "generic") == 0)
		return generic_profile(err);
	if (strchr(name, '/') || (n > 5 && strcmp(name + n - 5, ".yaml") == 0)) {
		snprintf(path, sizeof(path), "%s", name);
		fp = fopen(path, "r");
	} else {
		env = getenv("XDG_CONFIG_HOME");
		home = getenv("HOME");
		if (env && *env)
			snprintf(path, sizeof(path), "%s/seci/profiles/%s.yaml",
			    env, name);
		else
			snprintf(path, sizeof(path), "%s/.config/seci/profiles/"
			    "%s.yaml", home ? home : "", name);
		if ((fp = fopen(path, "r")) == NULL) {
			snprintf(path, sizeof(path), "/etc/seci/profiles/%s.yaml",
			    name);
			fp = fopen(path, "r");
		}
		if (fp == NULL) {
			snprintf(path, sizeof(path), "%s/profiles/%s.yaml",
			    seci_conf_datadir(), name);
			fp = fopen(path, "r");
		}
	}
	if (fp == NULL) {
		seci_err_set(err, SECI_EXIT_CONFIG, "no bank profile '%s' "
		    "(looked for %s)", name, path);
		return NULL;
	}
	root = seci_yaml_load(fp, path, SECI_EXIT_CONFIG, err);
	fclose(fp);
	if (root == NULL)
		return NULL;
	if ((p = calloc(1, sizeof(*p))) == NULL) {
		seci_yaml_free(root);
		seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
		return NULL;
	}
	p->name = strdup(name);
	p->delim = ',';
	p->decimal = '.';
	p->all_required = 1;
	if (profile_from_yaml(p, root, path, err) < 0) {
		seci_profile_free(p);
		p = NULL;
	}
	seci_yaml_free(root);
	return p;
}

/* ---- rates and conversion ------------------------------------------------ */

/* A rate: a positive decimal with up to 10 decimals, in 1e-10 units;
 * digits and one decimal mark only (no thousands separators: "1,085" is
 * a mistake, never 1085). */
static int
parse_rate(const char *s, char mark, int64_t *out, struct seci_err *err)
{
	seci_money v;
	const char *p;

	for (p = s ? s : ""; *p; p++)
		if (!(*p >= '0' && *p <= '9') && *p != mark)
			break;
	if (s == NULL || *p || seci_decimal_parse(s, 10, mark, &v, err) < 0 ||
	    v <= 0)
		return seci_err_set(err, SECI_EXIT_DATA, "bad exchange rate "
		    "'%.40s': digits and one '%c' only", s ? s : "", mark);
	*out = v;
	return 0;
}

/* amount (currency minor units, from decimals) times rate (1e-10) in base
 * minor units (to decimals), rounded half away from zero. */
static int
convert(seci_money amount, int from, int64_t rate, int to, seci_money *out,
    struct seci_err *err)
{
	__int128 num = (__int128)amount * rate, den = 10000000000LL;
	int i;

	for (i = from; i < to; i++)
		num *= 10;
	for (i = to; i < from; i++)
		den *= 10;
	num = (num + den / 2) / den;
	if (num >= SECI_MONEY_MAX || num <= -SECI_MONEY_MAX)
		return seci_err_set(err, SECI_EXIT_DATA, "amount too large "
		    "once converted (10^15 minor units or more)");
	*out = (seci_money)num;
	return 0;
}

static int
lookup_rate(struct seci_db *db, const char *currency, seci_day date,
    int64_t *rate, char *text, size_t size, struct seci_err *err)
{
	char day[SECI_DATE_BUFSZ];
	sqlite3_stmt *st;
	int rc;

	st = seci_db_stmt(db, "SELECT rate FROM rate WHERE currency = ? AND "
	    "date <= ? ORDER BY date DESC LIMIT 1", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, currency);
	seci_db_bind_text(st, 2, seci_date_format(date, day));
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		snprintf(text, size, "%s", (const char *)sqlite3_column_text(st,
		    0));
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return seci_err_set(err, SECI_EXIT_DATA, "no %s rate on or "
		    "before %s (add one with 'seci-contrib rate set')",
		    currency, day);
	if (rc != SQLITE_ROW)
		return seci_db_fail(db, rc, "rate", err);
	return parse_rate(text, '.', rate, err);
}

int
seci_rate_set(struct seci_db *db, const char *currency, const char *rate,
    seci_day date, struct seci_err *err)
{
	char day[SECI_DATE_BUFSZ], key[32], *after;
	sqlite3_stmt *st;
	int64_t r;
	int rc;

	if (seci_currency_decimals(currency) < 0)
		return seci_err_set(err, SECI_EXIT_USAGE, "bad currency '%s'",
		    currency);
	if (strcmp(currency, db->currency) == 0)
		return seci_err_set(err, SECI_EXIT_USAGE, "%s is the base "
		    "currency", currency);
	char *before = NULL;

	if (parse_rate(rate, '.', &r, err) < 0)
		return -1;
	seci_date_format(date, day);
	st = seci_db_stmt(db, "SELECT json_object('currency', currency, "
	    "'date', date, 'rate', rate) FROM rate WHERE currency = ? AND "
	    "date = ?", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, currency);
	seci_db_bind_text(st, 2, day);
	if (sqlite3_step(st) == SQLITE_ROW)
		before = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	st = seci_db_stmt(db, "INSERT INTO rate (currency, date, rate) VALUES "
	    "(?1, ?2, ?3) ON CONFLICT DO UPDATE SET rate = ?3", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, currency);
	seci_db_bind_text(st, 2, seci_date_format(date, day));
	seci_db_bind_text(st, 3, rate);
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	snprintf(key, sizeof(key), "%s/%s", currency, day);
	if (asprintf(&after, "{\"currency\":\"%s\",\"date\":\"%s\","
	    "\"rate\":\"%s\"}", currency, day, rate) < 0) {
		free(before);
		return seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
	}
	rc = seci_audit_append(db, "rate", key, before, after, err);
	free(before);
	free(after);
	return rc;
}

int
seci_rate_list(struct seci_db *db, const struct seci_out_opts *oo,
    struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "currency", SECI_COL_TEXT }, { "date", SECI_COL_TEXT },
		{ "rate", SECI_COL_TEXT },
	};
	sqlite3_stmt *st;

	st = seci_db_stmt(db, "SELECT currency, date, rate FROM rate ORDER BY "
	    "currency, date", err);
	if (st == NULL)
		return -1;
	return seci_db_print(db, st, cols, 3, oo, err);
}

/* ---- matching and the ledger --------------------------------------------- */

struct name_party {
	char *name;
	char party[SECI_PARTY_CODE_MAX + 1];
};

/* Postings of one day: bank, receivable, suspense. */
struct day_sums {
	seci_day day;
	int used;
	seci_money bank, rec, susp;
};

struct matcher {
	struct name_party *accounts, *aliases;
	size_t naccounts, naliases;
	char (*codes)[SECI_PARTY_CODE_MAX + 1];
	size_t ncodes;
	struct day_sums *days;	/* open addressing on the day */
	size_t daycap, ndays;
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
	free(m->days);
}

static int
load_names(struct seci_db *db, const char *sql, struct name_party **out,
    size_t *n, struct seci_err *err)
{
	struct name_party *a = NULL;
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	if ((st = seci_db_stmt(db, sql, err)) == NULL)
		return -1;
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (seci_grow(&a, &cap, *n, sizeof(*a)) < 0)
			break;
		a[*n].name = strdup((const char *)sqlite3_column_text(st, 0));
		snprintf(a[*n].party, sizeof(a[*n].party), "%s",
		    (const char *)sqlite3_column_text(st, 1));
		(*n)++;
	}
	sqlite3_reset(st);
	*out = a;
	if (rc != SQLITE_DONE)
		return rc == SQLITE_ROW ? seci_err_set(err, SECI_EXIT_SOFTWARE,
		    "out of memory") : seci_db_fail(db, rc, "party", err);
	return 0;
}

static int
matcher_init(struct seci_db *db, struct matcher *m, struct seci_err *err)
{
	struct name_party *codes = NULL;
	size_t i;

	memset(m, 0, sizeof(*m));
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
	for (i = 0; i < m->ncodes; i++) {
		if (m->codes)
			memcpy(m->codes[i], codes[i].party,
			    sizeof(m->codes[i]));
		free(codes[i].name);
	}
	free(codes);
	m->daycap = 1024;
	m->days = calloc(m->daycap, sizeof(*m->days));
	if (m->codes == NULL || m->days == NULL)
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

static struct day_sums *
day_slot(struct matcher *m, seci_day day, struct seci_err *err)
{
	size_t i, j;

	if (2 * (m->ndays + 1) > m->daycap) {
		struct day_sums *old = m->days, *nd;
		size_t oldcap = m->daycap;

		nd = calloc(oldcap * 2, sizeof(*nd));
		if (nd == NULL) {
			seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
			return NULL;
		}
		m->days = nd;
		m->daycap = oldcap * 2;
		for (i = 0; i < oldcap; i++) {
			if (!old[i].used)
				continue;
			for (j = (size_t)old[i].day % m->daycap; nd[j].used;
			    j = (j + 1) % m->daycap)
				;
			nd[j] = old[i];
		}
		free(old);
	}
	for (i = (size_t)(uint32_t)day % m->daycap; m->days[i].used;
	    i = (i + 1) % m->daycap)
		if (m->days[i].day == day)
			return &m->days[i];
	m->days[i].used = 1;
	m->days[i].day = day;
	m->ndays++;
	return &m->days[i];
}

/* Account a payment of amount on day, from the bank (or, when it is
 * being matched, out of suspense): to the Party's receivable, or without
 * one, into suspense. */
static int
book(struct matcher *m, const char *party, seci_money amount, seci_day day,
    int from_suspense, struct seci_err *err)
{
	struct day_sums *d = day_slot(m, day, err);
	seci_money *debit, *credit;

	if (d == NULL)
		return -1;
	debit = from_suspense ? &d->susp : &d->bank;
	credit = party == NULL ? &d->susp : &d->rec;
	if (seci_money_add(*debit, amount, debit, err) < 0 ||
	    seci_money_sub(*credit, amount, credit, err) < 0)
		return seci_err_prefix(err, SECI_EXIT_DATA, "payments of one "
		    "day");
	return 0;
}

static int
cmp_day(const void *a, const void *b)
{
	const struct day_sums *x = a, *y = b;

	if (x->used != y->used)
		return x->used ? -1 : 1;
	return x->day < y->day ? -1 : x->day > y->day;
}

/* Post the booked sums, one balanced transaction per day. */
static int
post_days(struct seci_db *db, struct matcher *m, int64_t import_id,
    const char *memo, struct seci_err *err)
{
	struct seci_ledger_ref ref = { "payment", 0, import_id };
	struct seci_posting p[3];
	size_t i;

	qsort(m->days, m->daycap, sizeof(*m->days), cmp_day);
	for (i = 0; i < m->daycap && m->days[i].used; i++) {
		p[0].account = SECI_ACC_BANK;
		p[0].amount = m->days[i].bank;
		p[1].account = SECI_ACC_RECEIVABLE;
		p[1].amount = m->days[i].rec;
		p[2].account = SECI_ACC_SUSPENSE;
		p[2].amount = m->days[i].susp;
		if (seci_ledger_post(db, m->days[i].day, memo, &ref, p, 3, NULL,
		    err) < 0)
			return -1;
	}
	return 0;
}

/* ---- import -------------------------------------------------------------- */

struct payment_import {
	struct seci_db *db;
	const struct seci_profile *prof;
	struct seci_import *imp;
	struct seci_import_stats *stats;
	unsigned long *skipped;
	struct matcher m;
	int col[P_NCOLS];	/* index in the reader's columns, or -1 */
	seci_progress_fn *progress;
	void *progress_arg;
	int wyear, wclosed;	/* the last year asked whether closed */
};

static const char payment_sql[] = "INSERT INTO payment (date, value_date, "
    "party, amount, currency, orig_amount, rate, account, payer, reference, "
    "bank_id, dedup_key, matched_by, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, "
    "?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

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
    const char *id, const char *day, const char *currency,
    seci_money amount, int64_t import_id, struct seci_err *err)
{
	char was[SECI_MONEY_BUFSZ], who[64];
	sqlite3_stmt *st;
	int rc, dec;

	st = seci_db_stmt(db, "SELECT date, currency, orig_amount, id, "
	    "import_id FROM payment WHERE bank_id = ?", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_reset(st);
		return seci_db_fail(db, rc, "payment", err);
	}
	if (strcmp((const char *)sqlite3_column_text(st, 0), day) == 0 &&
	    strcmp((const char *)sqlite3_column_text(st, 1), currency) == 0 &&
	    sqlite3_column_int64(st, 2) == amount) {
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
	    row->file, row->line, id, who,
	    (const char *)sqlite3_column_text(st, 0), was,
	    (const char *)sqlite3_column_text(st, 1));
	sqlite3_reset(st);
	return 1;
}

static int
payment_row(void *arg, const struct seci_csv_row *row, struct seci_err *err)
{
	struct payment_import *pi = arg;
	const struct seci_profile *pf = pi->prof;
	struct seci_err e = SECI_ERR_INIT;
	struct seci_db *db = pi->db;
	const char *v, *currency = db->currency, *party, *how, *f[6];
	char acct[128] = "", day[SECI_DATE_BUFSZ], vday[SECI_DATE_BUFSZ];
	char key[SECI_ROW_KEY_HEX + 4], cents[24], ratebuf[40] = "";
	seci_day date, vdate;
	seci_money amount = 0, base = 0;
	int64_t rate = 0;
	sqlite3_stmt *st;
	int dec, closed;

#define BAD(...) do { seci_err_report(err, SECI_ERROR, "%s:%lu: " \
	    __VA_ARGS__); return 1; } while (0)

	pi->stats->read++;
	if (pi->progress && pi->stats->read % 100000 == 0)
		pi->progress(pi->progress_arg, pi->stats->read);
	if (seci_date_parse(pval(pi, row, P_DATE), pf->date_format, &date,
	    &e) < 0)
		BAD("%s", row->file, row->line, e.msg);
	{
		int y, mo, dd;

		seci_date_ymd(date, &y, &mo, &dd);
		/* Closed years cannot change within the import. */
		if (y != pi->wyear) {
			pi->wyear = y;
			pi->wclosed = seci_budget_writable(db, y, &e) < 0 ?
			    y : 0;
			if (e.code && e.code != SECI_EXIT_DATA)
				return seci_err_set(err, e.code, "%s", e.msg);
			seci_err_clear(&e);
		}
		closed = pi->wclosed;
	}
	if ((v = pval(pi, row, P_VALUE_DATE)) != NULL &&
	    seci_date_parse(v, pf->date_format, &vdate, &e) < 0)
		BAD("value date: %s", row->file, row->line, e.msg);
	if ((v = pval(pi, row, P_CURRENCY)) != NULL) {
		if (seci_currency_decimals(v) < 0)
			BAD("bad currency '%.20s'", row->file, row->line, v);
		currency = v;
	}
	dec = seci_currency_decimals(currency);
	if (pi->col[P_AMOUNT] >= 0) {
		if (seci_money_parse(row->val[pi->col[P_AMOUNT]], dec,
		    pf->decimal, &amount, &e) < 0)
			BAD("%s", row->file, row->line, e.msg);
		if (pf->negate)
			amount = -amount;
	} else {
		/* Two columns: a credit is money in; a debit is money out
		 * whatever its sign (many banks write it negative). */
		seci_money credit = 0, debit = 0;
		const char *cv = pval(pi, row, P_CREDIT);
		const char *dv = pval(pi, row, P_DEBIT);

		if (cv == NULL && dv == NULL)
			BAD("no amount: credit and debit are both empty",
			    row->file, row->line);
		if (cv && seci_money_parse(cv, dec, pf->decimal, &credit,
		    &e) < 0)
			BAD("credit: %s", row->file, row->line, e.msg);
		if (dv && seci_money_parse(dv, dec, pf->decimal, &debit,
		    &e) < 0)
			BAD("debit: %s", row->file, row->line, e.msg);
		if (credit != 0 && debit != 0)
			BAD("both credit and debit are filled", row->file,
			    row->line);
		amount = credit != 0 ? credit : debit < 0 ? debit : -debit;
	}
	if (amount <= 0) {
		/* Money going out, or nothing: not a contribution. */
		(*pi->skipped)++;
		return 0;
	}
	if (strcmp(currency, db->currency) == 0) {
		base = amount;
	} else {
		if ((v = pval(pi, row, P_RATE)) != NULL) {
			if (parse_rate(v, pf->decimal, &rate, &e) < 0)
				BAD("%s", row->file, row->line, e.msg);
			snprintf(ratebuf, sizeof(ratebuf), "%s", v);
		} else if (lookup_rate(db, currency, date, &rate, ratebuf,
		    sizeof(ratebuf), &e) < 0) {
			if (e.code != SECI_EXIT_DATA)
				return seci_err_set(err, e.code, "%s", e.msg);
			BAD("%s", row->file, row->line, e.msg);
		}
		if (convert(amount, dec, rate, db->decimals, &base, &e) < 0)
			BAD("%s", row->file, row->line, e.msg);
		if (base <= 0)
			BAD("%s in %s is nothing in %s", row->file, row->line,
			    row->val[pi->col[P_AMOUNT] >= 0 ? pi->col[P_AMOUNT] :
			    pi->col[P_CREDIT]], currency, db->currency);
	}
	if ((v = pval(pi, row, P_ACCOUNT)) != NULL) {
		size_t n = 0;

		for (; *v && n + 1 < sizeof(acct); v++)
			if (*v != ' ')
				acct[n++] = (char)toupper((unsigned char)*v);
		acct[n] = '\0';
	}
	seci_date_format(date, day);
	/* The bank's own id (unique in its column), or the transaction's
	 * content. */
	key[0] = '\0';
	if (pval(pi, row, P_BANK_ID) == NULL) {
		snprintf(cents, sizeof(cents), "%lld", (long long)amount);
		f[0] = day;
		f[1] = cents;
		f[2] = currency;
		f[3] = acct;
		f[4] = pval(pi, row, P_REFERENCE);
		memcpy(key, "h:", 3);
		seci_row_key(f, 5, key + 2);
	}
	if (closed) {
		/* A row of a closed year is only welcome as a duplicate (a
		 * bank export spanning the year end, imported again). */
		int64_t known;

		st = seci_db_stmt(db, "SELECT count(*) FROM payment WHERE "
		    "bank_id = ?1 OR dedup_key = ?2", err);
		if (st == NULL)
			return -1;
		sqlite3_bind_text(st, 1, pval(pi, row, P_BANK_ID), -1,
		    SQLITE_STATIC);
		if (key[0])
			sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
		if (seci_db_one_int(db, st, &known, err) < 0)
			return -1;
		if (!known)
			BAD("budget year %d is closed", row->file, row->line,
			    closed);
		if (pval(pi, row, P_BANK_ID) && (known = same_bank_id(db, row,
		    pval(pi, row, P_BANK_ID), day, currency, amount,
		    seci_import_id(pi->imp), err)) != 0)
			return (int)known;
		pi->stats->duplicate++;
		return 0;
	}
	party = match(&pi->m, acct, pval(pi, row, P_PAYER),
	    pval(pi, row, P_REFERENCE), &how);
	if ((st = seci_db_stmt(db, payment_sql, err)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	if (pval(pi, row, P_VALUE_DATE))
		sqlite3_bind_text(st, 2, seci_date_format(vdate, vday), -1,
		    SQLITE_STATIC);
	seci_db_bind_text(st, 3, party);
	sqlite3_bind_int64(st, 4, base);
	sqlite3_bind_text(st, 5, currency, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, amount);
	if (ratebuf[0])
		sqlite3_bind_text(st, 7, ratebuf, -1, SQLITE_STATIC);
	if (acct[0])
		sqlite3_bind_text(st, 8, acct, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, pval(pi, row, P_PAYER), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, pval(pi, row, P_REFERENCE), -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 11, pval(pi, row, P_BANK_ID), -1, SQLITE_STATIC);
	if (key[0])
		sqlite3_bind_text(st, 12, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 13, how, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 14, seci_import_id(pi->imp));
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	if (sqlite3_changes(db->h) == 0) {
		int same;

		if (pval(pi, row, P_BANK_ID) && (same = same_bank_id(db, row,
		    pval(pi, row, P_BANK_ID), day, currency, amount,
		    seci_import_id(pi->imp), err)) != 0)
			return same;
		pi->stats->duplicate++;
		return 0;
	}
	pi->stats->added++;
	if (party == NULL)
		pi->stats->unmatched++;
	return book(&pi->m, party, base, date, 0, err);
#undef BAD
}

int
seci_payment_import(struct seci_db *db, FILE *fp, const char *name,
    const struct seci_profile *profile, struct seci_import_stats *stats,
    unsigned long *skipped, seci_progress_fn *progress, void *progress_arg,
    struct seci_err *err)
{
	struct seci_csv_col cols[P_NCOLS];
	struct seci_csv_opts o;
	struct payment_import pi;
	char memo[300];
	size_t n = 0;
	int i, rc = -1;

	memset(&pi, 0, sizeof(pi));
	memset(stats, 0, sizeof(*stats));
	*skipped = 0;
	for (i = 0; i < P_NCOLS; i++) {
		pi.col[i] = -1;
		if (profile->col[i] == NULL)
			continue;
		cols[n].name = profile->col[i];
		cols[n].required = profile->all_required || i == P_DATE ||
		    i == P_AMOUNT;
		pi.col[i] = (int)n++;
	}
	memset(&o, 0, sizeof(o));
	o.delim = profile->delim;
	o.skip_lines = profile->skip;
	o.cols = cols;
	o.ncols = n;
	o.warn_unknown = 1;
	pi.db = db;
	pi.prof = profile;
	pi.stats = stats;
	pi.skipped = skipped;
	pi.progress = progress;
	pi.progress_arg = progress_arg;
	if (matcher_init(db, &pi.m, err) < 0)
		goto out;
	if ((pi.imp = seci_import_begin(db, "payment", name, err)) == NULL)
		goto out;
	seci_import_csv_opts(pi.imp, &o);
	if (seci_csv_read(fp, name, &o, payment_row, &pi, NULL, err) < 0)
		goto out;
	snprintf(memo, sizeof(memo), "payments imported from %s", name);
	if (post_days(db, &pi.m, seci_import_id(pi.imp), memo, err) < 0 ||
	    seci_import_finish(pi.imp, stats, err) < 0)
		goto out;
	rc = 0;
out:
	seci_import_free(pi.imp);
	matcher_free(&pi.m);
	return rc;
}

/* ---- one payment --------------------------------------------------------- */

static int
audit_payment(struct seci_db *db, int64_t id, char *before,
    struct seci_err *err)
{
	char key[24], *after;
	int rc;

	snprintf(key, sizeof(key), "%lld", (long long)id);
	if ((after = seci_audit_row_json(db, "payment", "id", key,
	    err)) == NULL) {
		free(before);
		return -1;
	}
	rc = seci_audit_append(db, "payment", key, before, after, err);
	free(before);
	free(after);
	return rc;
}

static int
party_exists(struct seci_db *db, const char *code, struct seci_err *err)
{
	sqlite3_stmt *st = seci_db_stmt(db, "SELECT 1 FROM party WHERE code = "
	    "?", err);
	int rc;

	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, code);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return seci_err_set(err, SECI_EXIT_DATA, "no party '%s'", code);
	return rc == SQLITE_ROW ? 0 : seci_db_fail(db, rc, "party", err);
}

int
seci_payment_add(struct seci_db *db, const struct seci_payment *p,
    int64_t *id, struct seci_err *err)
{
	struct matcher m;
	const char *currency = p->currency ? p->currency : db->currency;
	char day[SECI_DATE_BUFSZ], ratebuf[40] = "", memo[96];
	sqlite3_stmt *st;
	seci_money base = p->amount;
	int64_t rate;
	int rc = -1, y, mo, d;

	seci_date_ymd(p->date, &y, &mo, &d);
	if (p->amount <= 0)
		return seci_err_set(err, SECI_EXIT_DATA, "a payment must be "
		    "above zero");
	if (seci_currency_decimals(currency) < 0)
		return seci_err_set(err, SECI_EXIT_USAGE, "bad currency '%s'",
		    currency);
	if (party_exists(db, p->party, err) < 0 ||
	    seci_budget_writable(db, y, err) < 0)
		return -1;
	if (strcmp(currency, db->currency) != 0) {
		if (p->rate) {
			if (parse_rate(p->rate, '.', &rate, err) < 0)
				return -1;
			snprintf(ratebuf, sizeof(ratebuf), "%s", p->rate);
		} else if (lookup_rate(db, currency, p->date, &rate, ratebuf,
		    sizeof(ratebuf), err) < 0) {
			return -1;
		}
		if (convert(p->amount, seci_currency_decimals(currency), rate,
		    db->decimals, &base, err) < 0)
			return -1;
	}
	if (matcher_init(db, &m, err) < 0)
		goto out;
	st = seci_db_stmt(db, "INSERT INTO payment (date, party, amount, "
	    "currency, orig_amount, rate, reference, dedup_key, matched_by) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, 'm:' || (SELECT coalesce(max(id), 0) "
	    "+ 1 FROM payment), 'manual')", err);
	if (st == NULL)
		goto out;
	seci_db_bind_text(st, 1, seci_date_format(p->date, day));
	seci_db_bind_text(st, 2, p->party);
	sqlite3_bind_int64(st, 3, base);
	seci_db_bind_text(st, 4, currency);
	sqlite3_bind_int64(st, 5, p->amount);
	seci_db_bind_text(st, 6, ratebuf[0] ? ratebuf : NULL);
	seci_db_bind_text(st, 7, p->reference);
	if (seci_db_exec_stmt(db, st, err) < 0)
		goto out;
	*id = sqlite3_last_insert_rowid(db->h);
	snprintf(memo, sizeof(memo), "payment %lld from %s", (long long)*id,
	    p->party);
	if (book(&m, p->party, base, p->date, 0, err) < 0 ||
	    post_days(db, &m, 0, memo, err) < 0 ||
	    audit_payment(db, *id, NULL, err) < 0)
		goto out;
	rc = 0;
out:
	matcher_free(&m);
	return rc;
}

int
seci_payment_match(struct seci_db *db, int64_t id, const char *party,
    struct seci_err *err)
{
	struct seci_err ignore = SECI_ERR_INIT;
	struct matcher m;
	sqlite3_stmt *st;
	seci_money base;
	seci_day date = 0;
	char key[24], memo[96], *before;
	int rc, in_suspense;

	if (party_exists(db, party, err) < 0)
		return -1;
	st = seci_db_stmt(db, "SELECT amount, date, party IS NULL FROM payment "
	    "WHERE id = ?", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	base = sqlite3_column_int64(st, 0);
	if (rc == SQLITE_ROW)
		seci_date_parse((const char *)sqlite3_column_text(st, 1), NULL,
		    &date, &ignore);
	in_suspense = sqlite3_column_int(st, 2);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return seci_err_set(err, SECI_EXIT_DATA, "no payment %lld",
		    (long long)id);
	if (rc != SQLITE_ROW)
		return seci_db_fail(db, rc, "payment", err);
	if (!in_suspense)
		return seci_err_set(err, SECI_EXIT_DATA, "payment %lld is not "
		    "in suspense", (long long)id);
	{
		int y, mo, dd;

		seci_date_ymd(date, &y, &mo, &dd);
		if (seci_budget_writable(db, y, err) < 0)
			return -1;
	}
	snprintf(key, sizeof(key), "%lld", (long long)id);
	if ((before = seci_audit_row_json(db, "payment", "id", key,
	    err)) == NULL)
		return -1;
	if (matcher_init(db, &m, err) < 0)
		goto fail;
	st = seci_db_stmt(db, "UPDATE payment SET party = ?, matched_by = "
	    "'manual' WHERE id = ?", err);
	if (st == NULL)
		goto fail;
	seci_db_bind_text(st, 1, party);
	sqlite3_bind_int64(st, 2, id);
	snprintf(memo, sizeof(memo), "payment %lld matched to %s",
	    (long long)id, party);
	/* Out of suspense, into the Party's position, on the payment's
	 * date. */
	if (seci_db_exec_stmt(db, st, err) < 0 ||
	    book(&m, party, base, date, 1, err) < 0 ||
	    post_days(db, &m, 0, memo, err) < 0)
		goto fail;
	matcher_free(&m);
	return audit_payment(db, id, before, err);
fail:
	matcher_free(&m);
	free(before);
	return -1;
}

int
seci_payment_list(struct seci_db *db, const struct seci_payment_filter *f,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "id", SECI_COL_INT }, { "date", SECI_COL_TEXT },
		{ "party", SECI_COL_TEXT }, { "amount", SECI_COL_DECIMAL },
		{ "currency", SECI_COL_TEXT }, { "base_amount", SECI_COL_MONEY },
		{ "reference", SECI_COL_TEXT }, { "bank_id", SECI_COL_TEXT },
		{ "status", SECI_COL_TEXT },
	};
	static const struct seci_col scols[] = {
		{ "id", SECI_COL_INT }, { "date", SECI_COL_TEXT },
		{ "amount", SECI_COL_DECIMAL }, { "currency", SECI_COL_TEXT },
		{ "base_amount", SECI_COL_MONEY }, { "account", SECI_COL_TEXT },
		{ "payer", SECI_COL_TEXT }, { "reference", SECI_COL_TEXT },
		{ "bank_id", SECI_COL_TEXT },
	};
	sqlite3_stmt *st;

	/* The original amount in its own currency's decimals. */
	st = seci_db_stmt(db, f->suspense_only ? "SELECT id, date, "
	    "seci_amount(orig_amount, currency), currency, amount, account, "
	    "payer, reference, bank_id FROM payment WHERE party IS NULL AND "
	    "(?1 IS NULL OR substr(date, 1, 4) = printf('%04d', ?1)) AND "
	    "(?3 IS NULL OR date >= ?3) AND (?4 IS NULL OR date <= ?4) AND "
	    "?2 IS NULL ORDER BY date, id" :
	    "SELECT id, date, party, seci_amount(orig_amount, currency), "
	    "currency, amount, reference, bank_id, CASE WHEN party IS NULL "
	    "THEN 'suspense' ELSE 'matched' END FROM payment WHERE (?1 IS NULL "
	    "OR substr(date, 1, 4) = printf('%04d', ?1)) AND (?2 IS NULL OR "
	    "party = ?2) AND (?3 IS NULL OR date >= ?3) AND (?4 IS NULL OR "
	    "date <= ?4) ORDER BY date, id", err);
	if (st == NULL)
		return -1;
	if (f->from == NULL && f->to == NULL && f->year)
		sqlite3_bind_int(st, 1, f->year);
	seci_db_bind_text(st, 2, f->party);
	seci_db_bind_text(st, 3, f->from);
	seci_db_bind_text(st, 4, f->to);
	return seci_db_print(db, st, f->suspense_only ? scols : cols, 9, oo,
	    err);
}
