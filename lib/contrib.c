/* contrib.c - Parties, assessments, status, arrears and reminders. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "admin.h"
#include "audit.h"
#include "budget.h"
#include "contrib.h"
#include "csv.h"
#include "ledger.h"
#include "seci_priv.h"

/* ---- Parties ---------------------------------------------------------- */

static int
code_valid(const char *s)
{
	size_t n = strlen(s), i;

	if (n == 0 || n > SECI_PARTY_CODE_MAX)
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' &&
		    s[i] <= '9') || s[i] == '_' || s[i] == '-'))
			return 0;
	return 1;
}

/* Upper case, blanks dropped: "ro49 aaaa 1b31" is RO49AAAA1B31. */
static void
normalise_account(const char *in, char *out, size_t size)
{
	size_t n = 0;

	for (; *in && n + 1 < size; in++)
		if (*in != ' ' && *in != '\t')
			out[n++] = (char)toupper((unsigned char)*in);
	out[n] = '\0';
}

static char *
party_json(struct seci_db *db, const char *code, struct seci_err *err)
{
	sqlite3_stmt *st;
	char *json = NULL;
	int rc;

	st = seci_db_stmt(db, "SELECT json_object('code', code, 'name', name, "
	    "'kind', kind, 'accounts', (SELECT json_group_array(account) FROM "
	    "party_account WHERE party = p.code), 'aliases', (SELECT "
	    "json_group_array(alias) FROM party_alias WHERE party = p.code)) "
	    "FROM party p WHERE code = ?", err);
	if (st == NULL)
		return NULL;
	seci_db_bind_text(st, 1, code);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		json = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		seci_db_fail(db, rc, "party", err);
	return json;
}

/* Check a Party; problems go to err (SECI_EXIT_DATA) with prefix. */
static int
party_check(const struct seci_party *p, const char *where,
    struct seci_err *err)
{
	if (p->code == NULL || !code_valid(p->code))
		return seci_err_set(err, SECI_EXIT_DATA, "%sbad party code "
		    "'%s': use 1 to %d capital letters, digits, '_' or '-'",
		    where, p->code ? p->code : "", SECI_PARTY_CODE_MAX);
	if (p->name == NULL || *p->name == '\0' || strlen(p->name) > 150)
		return seci_err_set(err, SECI_EXIT_DATA, "%sparty %s needs a "
		    "name of 1 to 150 bytes", where, p->code);
	if (p->kind == NULL || (strcmp(p->kind, "party") != 0 &&
	    strcmp(p->kind, "observer") != 0))
		return seci_err_set(err, SECI_EXIT_DATA, "%sbad kind '%s': use "
		    "party or observer", where, p->kind ? p->kind : "");
	return 0;
}

/*
 * Add a Party's accounts and aliases that it does not have yet; one that
 * another Party has is an error.  Counts what was added in *added.
 */
static int
party_links(struct seci_db *db, const struct seci_party *p, int *added,
    struct seci_err *err)
{
	sqlite3_stmt *st;
	char acct[128];
	size_t i;
	int rc, same;

	for (i = 0; i < p->naccounts + p->naliases; i++) {
		int is_acct = i < p->naccounts;
		const char *v = is_acct ? p->accounts[i] :
		    p->aliases[i - p->naccounts];

		if (is_acct) {
			normalise_account(v, acct, sizeof(acct));
			v = acct;
		}
		if (*v == '\0')
			continue;
		st = seci_db_stmt(db, is_acct ? "INSERT INTO party_account "
		    "(account, party) VALUES (?, ?) ON CONFLICT DO NOTHING" :
		    "INSERT INTO party_alias (alias, party) VALUES (?, ?) ON "
		    "CONFLICT DO NOTHING", err);
		if (st == NULL)
			return -1;
		seci_db_bind_text(st, 1, v);
		seci_db_bind_text(st, 2, p->code);
		if (seci_db_exec_stmt(db, st, err) < 0)
			return -1;
		if (sqlite3_changes(db->h) == 1) {
			if (added)
				(*added)++;
			continue;
		}
		/* Already there: this Party's is fine, another's is not. */
		st = seci_db_stmt(db, is_acct ? "SELECT party FROM "
		    "party_account WHERE account = ?" : "SELECT party FROM "
		    "party_alias WHERE alias = ?", err);
		if (st == NULL)
			return -1;
		seci_db_bind_text(st, 1, v);
		rc = sqlite3_step(st);
		same = rc == SQLITE_ROW && strcmp((const char *)
		    sqlite3_column_text(st, 0), p->code) == 0;
		sqlite3_reset(st);
		if (rc != SQLITE_ROW)
			return seci_db_fail(db, rc, "party", err);
		if (!same)
			return seci_err_set(err, SECI_EXIT_DATA, "%s '%s' is "
			    "another party's already", is_acct ? "account" :
			    "alias", v);
	}
	return 0;
}

/* Insert a Party; audited on its own unless it comes with a bulk import
 * (import_id), which is audited once for all its rows. */
static int
party_insert(struct seci_db *db, const struct seci_party *p,
    int64_t import_id, struct seci_err *err)
{
	sqlite3_stmt *st;
	char now[32], *after;
	time_t t = time(NULL);
	struct tm tm;
	int rc;

	gmtime_r(&t, &tm);
	strftime(now, sizeof(now), "%Y-%m-%dT%H:%M:%SZ", &tm);
	st = seci_db_stmt(db, "INSERT INTO party (code, name, kind, added, "
	    "import_id) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, p->code);
	seci_db_bind_text(st, 2, p->name);
	seci_db_bind_text(st, 3, p->kind);
	seci_db_bind_text(st, 4, now);
	if (import_id)
		sqlite3_bind_int64(st, 5, import_id);
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	if (sqlite3_changes(db->h) == 0)
		return seci_err_set(err, SECI_EXIT_DATA, "party %s already "
		    "exists", p->code);
	if (party_links(db, p, NULL, err) < 0)
		return -1;
	if (import_id)
		return 0;
	if ((after = party_json(db, p->code, err)) == NULL)
		return -1;
	rc = seci_audit_append(db, "party", p->code, NULL, after, err);
	free(after);
	return rc;
}

int
seci_party_add(struct seci_db *db, const struct seci_party *p,
    struct seci_err *err)
{
	if (party_check(p, "", err) < 0)
		return -1;
	return party_insert(db, p, 0, err);
}

int
seci_party_list(struct seci_db *db, const struct seci_out_opts *oo,
    struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "code", SECI_COL_TEXT }, { "name", SECI_COL_TEXT },
		{ "kind", SECI_COL_TEXT }, { "accounts", SECI_COL_TEXT },
		{ "aliases", SECI_COL_TEXT },
	};
	sqlite3_stmt *st;

	st = seci_db_stmt(db, "SELECT code, name, kind, (SELECT "
	    "group_concat(account, ';') FROM (SELECT account FROM "
	    "party_account WHERE party = p.code ORDER BY account)), (SELECT "
	    "group_concat(alias, ';') FROM (SELECT alias FROM "
	    "party_alias WHERE party = p.code ORDER BY alias)) FROM party p "
	    "ORDER BY kind DESC, code", err);
	if (st == NULL)
		return -1;
	return seci_db_print(db, st, cols, 5, oo, err);
}

/* Split "a;b;c" in place into at most max pointers. */
static size_t
split_semi(char *s, char **out, size_t max)
{
	size_t n = 0;
	char *p;

	while (s && *s && n < max) {
		p = strchr(s, ';');
		if (p)
			*p = '\0';
		while (*s == ' ')
			s++;
		if (*s)
			out[n++] = s;
		s = p ? p + 1 : NULL;
	}
	return n;
}

struct party_import {
	struct seci_db *db;
	struct seci_import_stats *stats;
	struct seci_import *imp;
};

static int
party_row(void *arg, const struct seci_csv_row *row, struct seci_err *err)
{
	struct party_import *pi = arg;
	struct seci_err e = SECI_ERR_INIT;
	struct seci_party p;
	char where[300], *acc = NULL, *ali = NULL, *a[32], *l[32];
	sqlite3_stmt *st;
	int rc, same = 0, exists = 0, added = 0;

	pi->stats->read++;
	memset(&p, 0, sizeof(p));
	p.code = row->val[0];
	p.name = row->val[1];
	p.kind = row->val[2];
	snprintf(where, sizeof(where), "%s:%lu: ", row->file, row->line);
	if (party_check(&p, where, &e) < 0) {
		seci_err_report(err, SECI_ERROR, "%s", e.msg);
		return 1;
	}
	st = seci_db_stmt(pi->db, "SELECT name = ?2 AND kind = ?3 FROM party "
	    "WHERE code = ?1", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, p.code);
	seci_db_bind_text(st, 2, p.name);
	seci_db_bind_text(st, 3, p.kind);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		exists = 1;
		same = sqlite3_column_int(st, 0);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return seci_db_fail(pi->db, rc, "party", err);
	if (exists && !same) {
		seci_err_report(err, SECI_ERROR, "%sparty %s exists with "
		    "another name or kind", where, p.code);
		return 1;
	}
	if ((row->val[3] && (acc = strdup(row->val[3])) == NULL) ||
	    (row->val[4] && (ali = strdup(row->val[4])) == NULL)) {
		free(acc);
		return seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
	}
	p.accounts = (const char *const *)a;
	p.naccounts = split_semi(acc, a, 32);
	p.aliases = (const char *const *)l;
	p.naliases = split_semi(ali, l, 32);
	/* A known Party: a duplicate, that may bring new accounts and
	 * aliases (a Party's new bank account, added to the file). */
	rc = exists ? party_links(pi->db, &p, &added, &e) :
	    party_insert(pi->db, &p, seci_import_id(pi->imp), &e);
	free(acc);
	free(ali);
	if (rc < 0) {
		if (e.code != SECI_EXIT_DATA)
			return seci_err_set(err, e.code, "%s", e.msg);
		seci_err_report(err, SECI_ERROR, "%s%s", where, e.msg);
		return 1;
	}
	if (!exists) {
		pi->stats->added++;
		return 0;
	}
	pi->stats->duplicate++;
	if (added)
		seci_err_report(err, SECI_WARN, "%sparty %s is known; %d "
		    "account%s or alias%s added to it", where, p.code, added,
		    added == 1 ? "" : "s", added == 1 ? "" : "es");
	return 0;
}

int
seci_party_import(struct seci_db *db, FILE *fp, const char *name,
    struct seci_import_stats *stats, struct seci_err *err)
{
	static const struct seci_csv_col cols[] = {
		{ "code", 1 }, { "name", 1 }, { "kind", 1 }, { "accounts", 0 },
		{ "aliases", 0 },
	};
	struct seci_csv_opts o = { .cols = cols, .ncols = 5,
	    .warn_unknown = 1 };
	struct party_import pi = { db, stats, NULL };
	struct seci_import *imp;
	int rc;

	memset(stats, 0, sizeof(*stats));
	if ((imp = seci_import_begin(db, "party", name, err)) == NULL)
		return -1;
	pi.imp = imp;
	seci_import_csv_opts(imp, &o);
	rc = seci_csv_read(fp, name, &o, party_row, &pi, NULL, err);
	if (rc == 0)
		rc = seci_import_finish(imp, stats, err);
	seci_import_free(imp);
	return rc;
}

/* ---- assessment ------------------------------------------------------- */

struct key_entry {
	char code[SECI_PARTY_CODE_MAX + 1];
	int64_t micro;		/* percent in millionths */
	unsigned long line;
};

struct key_read {
	struct key_entry *e;
	size_t n;
};

/* A percentage with up to six decimals, in millionths of a percent. */
static int
parse_percent(const char *s, int64_t *out, struct seci_err *err)
{
	seci_money v;

	if (seci_money_parse(s, 6, '.', &v, err) < 0 || v < 0 ||
	    v > 100000000)
		return seci_err_set(err, SECI_EXIT_DATA, "bad percentage '%.40s'",
		    s);
	*out = v;
	return 0;
}

static int
key_row(void *arg, const struct seci_csv_row *row, struct seci_err *err)
{
	struct key_read *k = arg;
	struct seci_err e = SECI_ERR_INIT;
	struct key_entry *n;
	int64_t micro = 0;
	size_t i;

	if (parse_percent(row->val[1], &micro, &e) < 0) {
		seci_err_report(err, SECI_ERROR, "%s:%lu: %s", row->file,
		    row->line, e.msg);
		return 1;
	}
	for (i = 0; i < k->n; i++)
		if (strcmp(k->e[i].code, row->val[0]) == 0) {
			seci_err_report(err, SECI_ERROR, "%s:%lu: party %s "
			    "appears twice", row->file, row->line, row->val[0]);
			return 1;
		}
	if (strlen(row->val[0]) > SECI_PARTY_CODE_MAX ||
	    (n = realloc(k->e, (k->n + 1) * sizeof(*n))) == NULL) {
		seci_err_report(err, SECI_ERROR, "%s:%lu: bad party code",
		    row->file, row->line);
		return 1;
	}
	k->e = n;
	snprintf(k->e[k->n].code, sizeof(k->e[k->n].code), "%s", row->val[0]);
	k->e[k->n].micro = micro;
	k->e[k->n].line = row->line;
	k->n++;
	return 0;
}

struct party_row {
	char code[SECI_PARTY_CODE_MAX + 1];
	int observer;
	int64_t weight;
	seci_money amount, old;
	int has_old;
};

static int
load_parties(struct seci_db *db, int year, struct party_row **out,
    size_t *n, struct seci_err *err)
{
	struct party_row *p = NULL;
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	st = seci_db_stmt(db, "SELECT p.code, p.kind = 'observer', a.amount "
	    "FROM party p LEFT JOIN assessment a ON a.party = p.code AND "
	    "a.year = ? ORDER BY p.code", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (seci_grow(&p, &cap, *n, sizeof(*p)) < 0) {
			free(p);
			sqlite3_reset(st);
			return seci_err_set(err, SECI_EXIT_SOFTWARE,
			    "out of memory");
		}
		memset(&p[*n], 0, sizeof(p[*n]));
		snprintf(p[*n].code, sizeof(p[*n].code), "%s",
		    (const char *)sqlite3_column_text(st, 0));
		p[*n].observer = sqlite3_column_int(st, 1);
		p[*n].has_old = sqlite3_column_type(st, 2) != SQLITE_NULL;
		p[*n].old = sqlite3_column_int64(st, 2);
		(*n)++;
	}
	sqlite3_reset(st);
	*out = p;
	if (rc != SQLITE_DONE)
		return seci_db_fail(db, rc, "party", err);
	return 0;
}

/* Refuse to re-assess a year that payments are allocated to: some Party
 * paid more than its assessments before the year's. */
static int
check_unallocated(struct seci_db *db, int year, struct seci_err *err)
{
	sqlite3_stmt *st;
	const char *party = NULL;
	int rc;

	st = seci_db_stmt(db, "SELECT a.party FROM assessment a WHERE a.year >= "
	    "?1 AND a.amount > 0 AND (SELECT coalesce(sum(amount), 0) FROM "
	    "payment WHERE party = a.party) > (SELECT coalesce(sum(amount), 0) "
	    "FROM assessment b WHERE b.party = a.party AND (b.year < a.year OR "
	    "(b.year = a.year AND b.id < a.id))) ORDER BY a.party LIMIT 1", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		party = (const char *)sqlite3_column_text(st, 0);
	if (party)
		seci_err_set(err, SECI_EXIT_DATA, "payments are allocated to "
		    "the assessments of %d or later (party %s, at least); "
		    "assessing %d again would move them", year, party, year);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return seci_db_fail(db, rc, "assess", err);
	return rc == SQLITE_ROW ? -1 : 0;
}

static int
budget_total(struct seci_db *db, int year, seci_money *total,
    struct seci_err *err)
{
	enum seci_budget_status s;
	sqlite3_stmt *st;

	if (seci_budget_status(db, year, &s, err) < 0)
		return -1;
	if (s != SECI_BUDGET_ADOPTED && s != SECI_BUDGET_CLOSED)
		return seci_err_set(err, SECI_EXIT_DATA, "no adopted budget for "
		    "%d; give --total", year);
	st = seci_db_stmt(db, "SELECT (SELECT coalesce(sum(initial), 0) FROM "
	    "budget_line WHERE year = ?1) - (SELECT coalesce(sum(amount), 0) "
	    "FROM budget_income WHERE year = ?1)", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	if (seci_db_one_int(db, st, total, err) < 0)
		return -1;
	if (*total < 0)
		return seci_err_set(err, SECI_EXIT_DATA, "the %d budget's other "
		    "income exceeds its appropriations", year);
	return 0;
}

static int
apply_key(struct party_row *p, size_t n, const struct seci_assess_opts *o,
    struct seci_err *err)
{
	struct seci_csv_col cols[] = { { "party", 1 }, { "percent", 1 } };
	struct seci_csv_opts co = { .cols = cols, .ncols = 2,
	    .warn_unknown = 1 };
	struct key_read k = { NULL, 0 };
	int64_t sum = 0;
	size_t i, j;
	unsigned bad = 0;
	char pct[32];

	if (seci_csv_read(o->key, o->key_name, &co, key_row, &k, NULL,
	    err) < 0) {
		free(k.e);
		return -1;
	}
	for (j = 0; j < k.n; j++) {
		for (i = 0; i < n; i++)
			if (strcmp(p[i].code, k.e[j].code) == 0)
				break;
		if (i == n || p[i].observer) {
			seci_err_report(err, SECI_ERROR, "%s:%lu: %s is not a "
			    "Party", o->key_name, k.e[j].line, k.e[j].code);
			bad++;
			continue;
		}
		p[i].weight = k.e[j].micro;
		sum += k.e[j].micro;
	}
	for (i = 0; i < n; i++) {
		if (p[i].observer)
			continue;
		for (j = 0; j < k.n; j++)
			if (strcmp(p[i].code, k.e[j].code) == 0)
				break;
		if (j == k.n) {
			seci_err_report(err, SECI_ERROR, "%s: Party %s has no "
			    "percentage", o->key_name, p[i].code);
			bad++;
		}
	}
	free(k.e);
	if (bad)
		return seci_err_set(err, SECI_EXIT_DATA, "%s: %u problem%s; "
		    "nothing assessed", o->key_name, bad, bad == 1 ? "" : "s");
	if (sum != 100000000) {
		seci_money_format(sum, 6, 0, pct);
		return seci_err_set(err, SECI_EXIT_DATA, "%s: the percentages "
		    "add up to %s, not exactly 100", o->key_name, pct);
	}
	return 0;
}

int
seci_assess(struct seci_db *db, const struct seci_assess_opts *o,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "party", SECI_COL_TEXT }, { "kind", SECI_COL_TEXT },
		{ "year", SECI_COL_INT }, { "amount", SECI_COL_MONEY },
		{ "due", SECI_COL_TEXT },
	};
	struct party_row *p = NULL;
	struct seci_ledger_ref ref = { "assessment", 0, 0 };
	struct seci_posting post[3];
	struct seci_out *out;
	struct seci_cell c[5];
	char due[SECI_DATE_BUFSZ], mmdd[16], key[40], memo[64], now[32];
	seci_money total = o->total, rec = 0, rev_p = 0, rev_o = 0;
	seci_money *shares = NULL;
	int64_t *weights = NULL;
	seci_day dueday;
	size_t n, i, np = 0;
	time_t t = time(NULL);
	struct tm tm;
	int rc = -1;

	snprintf(mmdd, sizeof(mmdd), "%04d-%.5s", o->year, o->due);
	if (seci_date_parse(mmdd, NULL, &dueday, err) < 0)
		return seci_err_prefix(err, SECI_EXIT_USAGE, "due date");
	seci_date_format(dueday, due);
	if (seci_budget_writable(db, o->year, err) < 0 ||
	    check_unallocated(db, o->year, err) < 0)
		return -1;
	if (!o->has_total && budget_total(db, o->year, &total, err) < 0)
		return -1;
	if (total < 0 || o->observer_fee < 0)
		return seci_err_set(err, SECI_EXIT_DATA, "amounts to assess "
		    "cannot be negative");
	if (load_parties(db, o->year, &p, &n, err) < 0)
		goto out;
	for (i = 0; i < n; i++)
		if (!p[i].observer) {
			p[i].weight = 1;
			np++;
		}
	if (np == 0) {
		seci_err_set(err, SECI_EXIT_DATA, "no Parties to assess (add "
		    "them with 'seci-contrib party add')");
		goto out;
	}
	if (o->by_key && apply_key(p, n, o, err) < 0)
		goto out;
	/* The Parties' shares, in code order (ties go to the lower code). */
	weights = calloc(np, sizeof(*weights));
	shares = calloc(np, sizeof(*shares));
	if (weights == NULL || shares == NULL) {
		seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
		goto out;
	}
	for (i = 0, np = 0; i < n; i++)
		if (!p[i].observer)
			weights[np++] = p[i].weight;
	if (seci_money_split(total, weights, np, shares, err) < 0)
		goto out;
	for (i = 0, np = 0; i < n; i++)
		p[i].amount = p[i].observer ? o->observer_fee : shares[np++];

	gmtime_r(&t, &tm);
	strftime(now, sizeof(now), "%Y-%m-%dT%H:%M:%SZ", &tm);
	for (i = 0; i < n; i++) {
		sqlite3_stmt *st;
		char *before = NULL, *after;
		seci_money old = p[i].has_old ? p[i].old : 0;

		if (!p[i].has_old && p[i].amount == 0)
			continue;
		rec += p[i].amount - old;
		if (p[i].observer)
			rev_o += p[i].amount - old;
		else
			rev_p += p[i].amount - old;
		snprintf(key, sizeof(key), "%s/%d", p[i].code, o->year);
		st = seci_db_stmt(db, "SELECT json_object('party', party, "
		    "'year', year, 'amount', amount, 'due', due, 'method', method) "
		    "FROM assessment WHERE party = ? AND year = ?", err);
		if (st == NULL)
			goto out;
		seci_db_bind_text(st, 1, p[i].code);
		sqlite3_bind_int(st, 2, o->year);
		if (sqlite3_step(st) == SQLITE_ROW)
			before = strdup((const char *)sqlite3_column_text(st,
			    0));
		sqlite3_reset(st);
		st = seci_db_stmt(db, "INSERT INTO assessment (party, year, "
		    "amount, due, method, created) VALUES (?1, ?2, ?3, ?4, ?5, "
		    "?6) ON CONFLICT (party, year) DO UPDATE SET amount = ?3, "
		    "due = ?4, method = ?5, created = ?6", err);
		if (st == NULL) {
			free(before);
			goto out;
		}
		seci_db_bind_text(st, 1, p[i].code);
		sqlite3_bind_int(st, 2, o->year);
		sqlite3_bind_int64(st, 3, p[i].amount);
		seci_db_bind_text(st, 4, due);
		seci_db_bind_text(st, 5, p[i].observer ? "observer fee" :
		    o->by_key ? "key" : "equal");
		seci_db_bind_text(st, 6, now);
		if (seci_db_exec_stmt(db, st, err) < 0) {
			free(before);
			goto out;
		}
		st = seci_db_stmt(db, "SELECT json_object('party', party, "
		    "'year', year, 'amount', amount, 'due', due, 'method', method) "
		    "FROM assessment WHERE party = ? AND year = ?", err);
		if (st == NULL) {
			free(before);
			goto out;
		}
		seci_db_bind_text(st, 1, p[i].code);
		sqlite3_bind_int(st, 2, o->year);
		after = sqlite3_step(st) == SQLITE_ROW ? strdup((const char *)
		    sqlite3_column_text(st, 0)) : NULL;
		sqlite3_reset(st);
		rc = seci_audit_append(db, "assessment", key, before, after,
		    err);
		free(before);
		free(after);
		if (rc < 0)
			goto out;
		rc = -1;
	}
	/* One ledger transaction, on the first day of the year: receivables
	 * against revenue.  (What a Party paid beyond its assessments is
	 * shown as received in advance by the balance sheet.) */
	post[0].account = SECI_ACC_RECEIVABLE;
	post[0].amount = rec;
	post[1].account = SECI_ACC_CONTRIBUTIONS;
	post[1].amount = -rev_p;
	post[2].account = SECI_ACC_OBSERVER_FEES;
	post[2].amount = -rev_o;
	snprintf(memo, sizeof(memo), "contributions assessed for %d", o->year);
	if ((rec || rev_p || rev_o) && seci_ledger_post(db,
	    seci_date_from_ymd(o->year, 1, 1), memo, &ref, post, 3, NULL,
	    err) < 0)
		goto out;
	if ((out = seci_out_begin(oo, cols, 5, err)) == NULL)
		goto out;
	for (i = 0; i < n; i++) {
		if (!p[i].has_old && p[i].amount == 0)
			continue;
		c[0] = seci_cell_text(p[i].code);
		c[1] = seci_cell_text(p[i].observer ? "observer" : "party");
		c[2] = seci_cell_int(o->year);
		c[3] = seci_cell_int(p[i].amount);
		c[4] = seci_cell_text(due);
		if (seci_out_row(out, c, err) < 0) {
			seci_out_abort(out);
			goto out;
		}
	}
	c[0] = seci_cell_text("total");
	c[1] = seci_cell_text("");
	c[2] = seci_cell_int(o->year);
	c[3] = seci_cell_int(total + o->observer_fee * (int64_t)(n - np));
	c[4] = seci_cell_text("");
	seci_out_total(out, c, err);
	rc = seci_out_end(out, err);
out:
	free(p);
	free(weights);
	free(shares);
	return rc;
}

/* ---- status and arrears ------------------------------------------------- */

struct assessed {
	int year;
	seci_money amount;
	seci_day due;
};

struct position {
	char code[SECI_PARTY_CODE_MAX + 1];
	char name[160];
	char kind[16];
	seci_money paid;	/* T: paid up to the as-of date */
	struct assessed *a;	/* oldest first */
	size_t na, cap;
};

static void
positions_free(struct position *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(p[i].a);
	free(p);
}

/* Every Party with what it paid by as_of and its assessments. */
static int
read_positions(struct seci_db *db, seci_day as_of, struct position **out,
    size_t *n, struct seci_err *err)
{
	struct seci_err ignore = SECI_ERR_INIT;
	struct position *p = NULL;
	sqlite3_stmt *st;
	char day[SECI_DATE_BUFSZ];
	size_t cap = 0, i;
	int rc;

	st = seci_db_stmt(db, "SELECT code, name, kind, (SELECT "
	    "coalesce(sum(amount), 0) FROM payment WHERE party = p.code AND "
	    "date <= ?) FROM party p ORDER BY kind DESC, code", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, seci_date_format(as_of, day));
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (seci_grow(&p, &cap, *n, sizeof(*p)) < 0)
			break;
		memset(&p[*n], 0, sizeof(p[*n]));
		snprintf(p[*n].code, sizeof(p[*n].code), "%s",
		    (const char *)sqlite3_column_text(st, 0));
		snprintf(p[*n].name, sizeof(p[*n].name), "%s",
		    (const char *)sqlite3_column_text(st, 1));
		snprintf(p[*n].kind, sizeof(p[*n].kind), "%s",
		    (const char *)sqlite3_column_text(st, 2));
		p[*n].paid = sqlite3_column_int64(st, 3);
		(*n)++;
	}
	sqlite3_reset(st);
	*out = p;
	if (rc != SQLITE_DONE)
		return rc == SQLITE_ROW ? seci_err_set(err, SECI_EXIT_SOFTWARE,
		    "out of memory") : seci_db_fail(db, rc, "party", err);
	st = seci_db_stmt(db, "SELECT party, year, amount, due FROM assessment "
	    "ORDER BY party, year, due, id", err);
	if (st == NULL)
		return -1;
	i = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *party = (const char *)sqlite3_column_text(st, 0);
		struct position *pp = NULL;
		struct assessed *a;
		size_t j;

		for (j = 0; j < *n; j++)
			if (strcmp(p[(i + j) % *n].code, party) == 0) {
				pp = &p[(i + j) % *n];
				i = (i + j) % *n;
				break;
			}
		if (pp == NULL)
			continue;
		if (pp->na == pp->cap) {
			pp->cap = pp->cap ? pp->cap * 2 : 8;
			if ((a = realloc(pp->a, pp->cap * sizeof(*a))) == NULL) {
				sqlite3_reset(st);
				return seci_err_set(err, SECI_EXIT_SOFTWARE,
				    "out of memory");
			}
			pp->a = a;
		}
		pp->a[pp->na].year = sqlite3_column_int(st, 1);
		pp->a[pp->na].amount = sqlite3_column_int64(st, 2);
		seci_date_parse((const char *)sqlite3_column_text(st, 3), NULL,
		    &pp->a[pp->na].due, &ignore);
		pp->na++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return seci_db_fail(db, rc, "assessment", err);
	return 0;
}

/* What assessment k has received of the T paid: clamp(T - S_{k-1}, 0,
 * a_k), S_{k-1} being what the older ones take. */
/*
 * The positions, read once per transaction and date: the monthly report
 * asks for them three times (status, arrears, balance sheet).  Nothing in
 * the transaction may have changed since (the connection's change count
 * says so); the cache goes with the transaction.  Borrowed: the caller
 * does not free them.
 */
struct positions_memo {
	seci_day as_of;
	int64_t changes;
	struct position *p;
	size_t n;
};

static void
memo_free(void *arg)
{
	struct positions_memo *m = arg;

	positions_free(m->p, m->n);
	free(m);
}

static int
load_positions(struct seci_db *db, seci_day as_of, struct position **out,
    size_t *n, struct seci_err *err)
{
	struct positions_memo *m = db->memo_free == memo_free ? db->memo : NULL;
	int64_t changes = sqlite3_total_changes64(db->h);
	struct position *p = NULL;
	size_t np = 0;

	if (m && m->as_of == as_of && m->changes == changes) {
		*out = m->p;
		*n = m->n;
		return 0;
	}
	if (read_positions(db, as_of, &p, &np, err) < 0) {
		positions_free(p, p ? np : 0);
		return -1;
	}
	if ((m = calloc(1, sizeof(*m))) == NULL) {
		positions_free(p, np);
		return seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
	}
	if (db->memo && db->memo_free)
		db->memo_free(db->memo);
	m->as_of = as_of;
	m->changes = changes;
	m->p = p;
	m->n = np;
	db->memo = m;
	db->memo_free = memo_free;
	*out = p;
	*n = np;
	return 0;
}

int
seci_contrib_advances(struct seci_db *db, seci_day as_of, seci_money *adv,
    struct seci_err *err)
{
	struct position *p;
	size_t n, i, k;

	if (load_positions(db, as_of, &p, &n, err) < 0)
		return -1;
	*adv = 0;
	for (i = 0; i < n; i++) {
		seci_money due = 0;

		/* Assessments count from the first day of their year. */
		for (k = 0; k < p[i].na; k++)
			if (seci_date_from_ymd(p[i].a[k].year, 1, 1) <= as_of)
				due += p[i].a[k].amount;
		if (p[i].paid > due)
			*adv += p[i].paid - due;
	}
	return 0;
}

static seci_money
received(const struct position *p, size_t k)
{
	seci_money before = 0, left;
	size_t i;

	for (i = 0; i < k; i++)
		before += p->a[i].amount;
	left = p->paid - before;
	if (left <= 0)
		return 0;
	return left < p->a[k].amount ? left : p->a[k].amount;
}

static const struct seci_col status_cols[] = {
	{ "party", SECI_COL_TEXT }, { "name", SECI_COL_TEXT },
	{ "kind", SECI_COL_TEXT }, { "year", SECI_COL_INT },
	{ "assessed", SECI_COL_MONEY }, { "paid", SECI_COL_MONEY },
	{ "outstanding", SECI_COL_MONEY }, { "credit", SECI_COL_MONEY },
	{ "paid_pct", SECI_COL_PCT }, { "due", SECI_COL_TEXT },
	{ "days_overdue", SECI_COL_INT },
};

int
seci_contrib_status(struct seci_db *db, int year, seci_day as_of,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	struct position *p = NULL;
	struct seci_out *o = NULL;
	struct seci_cell c[11];
	seci_money tot[4] = { 0, 0, 0, 0 };
	char due[SECI_DATE_BUFSZ], label[96];
	size_t n, i, k;
	int full = 0, part = 0, none = 0, rc = -1;

	if (load_positions(db, as_of, &p, &n, err) < 0)
		goto out;
	if ((o = seci_out_begin(oo, status_cols, 11, err)) == NULL)
		goto out;
	for (i = 0; i < n; i++) {
		seci_money assessed = 0, paid = 0, all = 0, credit;
		int64_t overdue = 0;
		int found = 0;

		/* The credit: what no assessment, of any year, has taken. */
		for (k = 0; k < p[i].na; k++) {
			all += p[i].a[k].amount;
			if (p[i].a[k].year == year) {
				found = 1;
				assessed = p[i].a[k].amount;
				paid = received(&p[i], k);
				seci_date_format(p[i].a[k].due, due);
				if (paid < assessed && as_of > p[i].a[k].due)
					overdue = as_of - p[i].a[k].due;
			}
		}
		if (!found)
			continue;
		credit = p[i].paid > all ? p[i].paid - all : 0;
		/* The counts are of Parties; Observers are in the totals. */
		if (assessed > 0 && strcmp(p[i].kind, "party") == 0) {
			if (paid == assessed)
				full++;
			else if (paid > 0)
				part++;
			else
				none++;
		}
		tot[0] += assessed;
		tot[1] += paid;
		tot[2] += assessed - paid;
		tot[3] += credit;
		c[0] = seci_cell_text(p[i].code);
		c[1] = seci_cell_text(p[i].name);
		c[2] = seci_cell_text(p[i].kind);
		c[3] = seci_cell_int(year);
		c[4] = seci_cell_int(assessed);
		c[5] = seci_cell_int(paid);
		c[6] = seci_cell_int(assessed - paid);
		c[7] = seci_cell_int(credit);
		c[8] = seci_cell_int(assessed ? seci_money_pct10(paid,
		    assessed) : 1000);
		c[9] = seci_cell_text(due);
		c[10] = seci_cell_int(overdue);
		if (seci_out_row(o, c, err) < 0)
			goto out;
	}
	snprintf(label, sizeof(label), "%d paid in full, %d part paid, %d not "
	    "paid", full, part, none);
	c[0] = seci_cell_text("total");
	c[1] = seci_cell_text(label);
	c[2] = seci_cell_text("");
	c[3] = seci_cell_int(year);
	c[4] = seci_cell_int(tot[0]);
	c[5] = seci_cell_int(tot[1]);
	c[6] = seci_cell_int(tot[2]);
	c[7] = seci_cell_int(tot[3]);
	c[8] = seci_cell_int(seci_money_pct10(tot[1], tot[0]));
	c[9] = seci_cell_text("");
	c[10] = seci_cell_null();
	if (seci_out_total(o, c, err) < 0)
		goto out;
	rc = seci_out_end(o, err);
	o = NULL;
out:
	seci_out_abort(o);
	return rc;
}

struct aging {
	seci_money b[5];	/* not due, 1-90, 91-180, 181-365, > 365 */
	seci_money overdue;
	int two_year;
};

static void
age(const struct position *p, seci_day as_of, long rule_years,
    struct aging *g)
{
	int y, m, d;
	seci_money older = 0, rule = 0;
	size_t k;

	memset(g, 0, sizeof(*g));
	seci_date_ymd(as_of, &y, &m, &d);
	for (k = 0; k < p->na; k++) {
		seci_money out = p->a[k].amount - received(p, k);
		int64_t days = as_of - p->a[k].due;
		int b = days <= 0 ? 0 : days <= 90 ? 1 : days <= 180 ? 2 :
		    days <= 365 ? 3 : 4;

		g->b[b] += out;
		if (b > 0)
			g->overdue += out;
		if (p->a[k].year < y)
			older += out;
		if (p->a[k].year < y && p->a[k].year >= y - rule_years)
			rule += p->a[k].amount;
	}
	g->two_year = rule > 0 && older >= rule;
}

int
seci_contrib_arrears(struct seci_db *db, seci_day as_of, long rule_years,
    const struct seci_out_opts *oo, int *overdue, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "party", SECI_COL_TEXT }, { "name", SECI_COL_TEXT },
		{ "not_due", SECI_COL_MONEY }, { "d1_90", SECI_COL_MONEY },
		{ "d91_180", SECI_COL_MONEY }, { "d181_365", SECI_COL_MONEY },
		{ "over_365", SECI_COL_MONEY },
		{ "total_overdue", SECI_COL_MONEY },
		{ "two_year_rule", SECI_COL_TEXT },
	};
	struct position *p = NULL;
	struct seci_out *o = NULL;
	struct seci_cell c[9];
	struct aging g, t;
	size_t n, i, b;
	int rc = -1;

	*overdue = 0;
	memset(&t, 0, sizeof(t));
	if (load_positions(db, as_of, &p, &n, err) < 0)
		goto out;
	if ((o = seci_out_begin(oo, cols, 9, err)) == NULL)
		goto out;
	for (i = 0; i < n; i++) {
		if (p[i].na == 0)
			continue;
		age(&p[i], as_of, rule_years, &g);
		*overdue += g.overdue > 0;
		c[0] = seci_cell_text(p[i].code);
		c[1] = seci_cell_text(p[i].name);
		for (b = 0; b < 5; b++) {
			c[2 + b] = seci_cell_int(g.b[b]);
			t.b[b] += g.b[b];
		}
		c[7] = seci_cell_int(g.overdue);
		t.overdue += g.overdue;
		c[8] = seci_cell_text(g.two_year ? "yes" : "no");
		if (seci_out_row(o, c, err) < 0)
			goto out;
	}
	c[0] = seci_cell_text("total");
	c[1] = seci_cell_text("");
	for (b = 0; b < 5; b++)
		c[2 + b] = seci_cell_int(t.b[b]);
	c[7] = seci_cell_int(t.overdue);
	c[8] = seci_cell_text("");
	if (seci_out_total(o, c, err) < 0)
		goto out;
	rc = seci_out_end(o, err);
	o = NULL;
out:
	seci_out_abort(o);
	return rc;
}

/* ---- reminders ---------------------------------------------------------- */

static char *
slurp(const char *path, struct seci_err *err)
{
	FILE *fp = fopen(path, "r");
	char *buf = NULL;
	size_t len = 0;
	FILE *out;
	int c;

	if (fp == NULL) {
		seci_err_set(err, SECI_EXIT_NOINPUT, "cannot open template "
		    "'%s': %s", path, strerror(errno));
		return NULL;
	}
	if ((out = open_memstream(&buf, &len)) == NULL) {
		fclose(fp);
		seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
		return NULL;
	}
	while ((c = getc(fp)) != EOF)
		putc(c, out);
	fclose(fp);
	fclose(out);
	return buf;
}

/* The letter: template with each {{key}} replaced. */
static void
fill(FILE *out, const char *tpl, const char *const *keys,
    const char *const *vals, size_t n)
{
	const char *p = tpl, *q, *e;
	size_t i, kl;

	while ((q = strstr(p, "{{")) != NULL) {
		fwrite(p, 1, (size_t)(q - p), out);
		e = strstr(q, "}}");
		if (e == NULL) {
			p = q;	/* the rest, "{{" and all, as it is */
			break;
		}
		kl = (size_t)(e - q - 2);
		for (i = 0; i < n; i++)
			if (strlen(keys[i]) == kl &&
			    strncmp(q + 2, keys[i], kl) == 0)
				break;
		if (i < n)
			fputs(vals[i], out);
		else
			fwrite(q, 1, (size_t)(e - q + 2), out);
		p = e + 2;
	}
	fputs(p, out);
}

int
seci_contrib_remind(struct seci_db *db, seci_day as_of, const char *template,
    const char *outdir, FILE *out, int *letters, struct seci_err *err)
{
	static const char *const keys[] = { "org", "date", "party", "name",
	    "currency", "total_overdue", "details" };
	struct position *p = NULL;
	struct aging g;
	char *tpl = NULL, *details = NULL, org[256] = "", date[SECI_DATE_BUFSZ];
	char total[SECI_MONEY_BUFSZ], path[4096];
	const char *vals[7];
	size_t n, i, k, dlen;
	int rc = -1, first = 1;

	*letters = 0;
	if ((tpl = slurp(template, err)) == NULL)
		return -1;
	snprintf(org, sizeof(org), "%s", seci_admin_org(db, err));
	if (err->code)
		goto out;
	if (load_positions(db, as_of, &p, &n, err) < 0)
		goto out;
	seci_date_format(as_of, date);
	for (i = 0; i < n; i++) {
		FILE *det, *f = out;

		age(&p[i], as_of, 2, &g);
		if (g.overdue <= 0)
			continue;
		if ((det = open_memstream(&details, &dlen)) == NULL)
			goto nomem;
		for (k = 0; k < p[i].na; k++) {
			seci_money got = received(&p[i], k);
			char a[SECI_MONEY_BUFSZ], o[SECI_MONEY_BUFSZ];
			char d[SECI_DATE_BUFSZ];

			if (got == p[i].a[k].amount || as_of <= p[i].a[k].due)
				continue;
			fprintf(det, "  %d  assessed %14s  due %s  outstanding "
			    "%14s  (%lld days overdue)\n", p[i].a[k].year,
			    seci_money_format(p[i].a[k].amount, db->decimals,
			    ',', a), seci_date_format(p[i].a[k].due, d),
			    seci_money_format(p[i].a[k].amount - got,
			    db->decimals, ',', o),
			    (long long)(as_of - p[i].a[k].due));
		}
		fclose(det);
		seci_money_format(g.overdue, db->decimals, ',', total);
		vals[0] = org;
		vals[1] = date;
		vals[2] = p[i].code;
		vals[3] = p[i].name;
		vals[4] = db->currency;
		vals[5] = total;
		vals[6] = details;
		if (outdir) {
			snprintf(path, sizeof(path), "%s/%s.txt", outdir,
			    p[i].code);
			if ((f = fopen(path, "w")) == NULL) {
				seci_err_set(err, SECI_EXIT_CANTCREAT, "cannot "
				    "create '%s': %s", path, strerror(errno));
				goto out;
			}
		} else if (!first) {
			putc('\f', out);
		}
		fill(f, tpl, keys, vals, 7);
		first = 0;
		if (outdir) {
			if (fclose(f) != 0) {
				seci_err_set(err, SECI_EXIT_IOERR, "cannot "
				    "write '%s': %s", path, strerror(errno));
				goto out;
			}
			fprintf(out, "%s\n", path);
		}
		free(details);
		details = NULL;
		(*letters)++;
	}
	rc = 0;
	goto out;
nomem:
	seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
out:
	free(details);
	free(tpl);
	return rc;
}
