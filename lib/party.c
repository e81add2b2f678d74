/* party.c - Parties and Permanent Observers: who they are, the bank
 * accounts and payer names they pay under. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "bank.h"
#include "clock.h"
#include "csv.h"
#include "party.h"
#include "seci_priv.h"

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

char *
seci_party_json(struct seci_db *db, const char *code, struct seci_err *err)
{
	sqlite3_stmt *st;
	char *json;

	st = seci_db_stmt(db, "SELECT json_object('code', code, 'name', name, "
	    "'kind', kind, 'accounts', (SELECT json_group_array(account) FROM "
	    "party_account WHERE party = p.code), 'aliases', (SELECT "
	    "json_group_array(alias) FROM party_alias WHERE party = p.code)) "
	    "FROM party p WHERE code = ?", err);
	if (st == NULL)
		return NULL;
	seci_db_bind_text(st, 1, code);
	return seci_db_one_text(db, st, &json, err) < 0 ? NULL : json;
}

/* A Party's name and kind; problems go to err (SECI_EXIT_DATA) with
 * prefix. */
static int
name_kind_check(const char *code, const char *name, const char *kind,
    const char *where, struct seci_err *err)
{
	if (name == NULL || *name == '\0' || strlen(name) > 150)
		return seci_err_set(err, SECI_EXIT_DATA, "%sparty %s needs a "
		    "name of 1 to 150 bytes", where, code);
	if (kind == NULL || (strcmp(kind, "party") != 0 &&
	    strcmp(kind, "observer") != 0))
		return seci_err_set(err, SECI_EXIT_DATA, "%sbad kind '%s': use "
		    "party or observer", where, kind ? kind : "");
	return 0;
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
	return name_kind_check(p->code, p->name, p->kind, where, err);
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
			seci_bank_account_normalise(v, acct, sizeof(acct));
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
	struct seci_audit_change c;
	sqlite3_stmt *st;
	char now[SECI_TIME_BUFSZ];

	seci_clock_now(now);
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
	/* Nothing before: the Party is new. */
	memset(&c, 0, sizeof(c));
	c.table = "party";
	c.json = seci_party_json;
	snprintf(c.key, sizeof(c.key), "%s", p->code);
	return seci_audit_end(db, &c, err);
}

int
seci_party_add(struct seci_db *db, const struct seci_party *p,
    struct seci_err *err)
{
	if (party_check(p, "", err) < 0)
		return -1;
	return party_insert(db, p, 0, err);
}

/* Remove the Party's accounts (or aliases) listed; one it does not have
 * is an error. */
static int
party_unlink(struct seci_db *db, const char *code, const char *const *v,
    size_t n, int is_acct, struct seci_err *err)
{
	sqlite3_stmt *st;
	char acct[128];
	size_t i;

	for (i = 0; i < n; i++) {
		const char *x = v[i];

		if (is_acct) {
			seci_bank_account_normalise(x, acct, sizeof(acct));
			x = acct;
		}
		st = seci_db_stmt(db, is_acct ? "DELETE FROM party_account "
		    "WHERE account = ? AND party = ?" : "DELETE FROM "
		    "party_alias WHERE alias = ? AND party = ?", err);
		if (st == NULL)
			return -1;
		seci_db_bind_text(st, 1, x);
		seci_db_bind_text(st, 2, code);
		if (seci_db_exec_stmt(db, st, err) < 0)
			return -1;
		if (sqlite3_changes(db->h) == 0)
			return seci_err_set(err, SECI_EXIT_DATA, "%s '%s' is not "
			    "party %s's", is_acct ? "account" : "alias", x,
			    code);
	}
	return 0;
}

static int
party_update(struct seci_db *db, const struct seci_party_edit *e,
    struct seci_err *err)
{
	struct seci_party p;
	sqlite3_stmt *st;

	/* What is not changed is valid already. */
	if (name_kind_check(e->code, e->name ? e->name : e->code,
	    e->kind ? e->kind : "party", "", err) < 0)
		return -1;
	memset(&p, 0, sizeof(p));
	p.code = e->code;
	st = seci_db_stmt(db, "UPDATE party SET name = coalesce(?, name), "
	    "kind = coalesce(?, kind) WHERE code = ?", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, e->name);
	seci_db_bind_text(st, 2, e->kind);
	seci_db_bind_text(st, 3, e->code);
	if (seci_db_exec_stmt(db, st, err) < 0 ||
	    party_unlink(db, e->code, e->remove_accounts, e->nremove_accounts,
	    1, err) < 0 || party_unlink(db, e->code, e->remove_aliases,
	    e->nremove_aliases, 0, err) < 0)
		return -1;
	p.accounts = e->add_accounts;
	p.naccounts = e->nadd_accounts;
	p.aliases = e->add_aliases;
	p.naliases = e->nadd_aliases;
	return party_links(db, &p, NULL, err);
}

int
seci_party_edit(struct seci_db *db, const struct seci_party_edit *e,
    struct seci_err *err)
{
	struct seci_audit_change c;

	if (e->name == NULL && e->kind == NULL && e->nadd_accounts +
	    e->nremove_accounts + e->nadd_aliases + e->nremove_aliases == 0)
		return seci_err_set(err, SECI_EXIT_USAGE, "party edit: nothing "
		    "to change (give --name, --kind or an account or alias to "
		    "add or remove)");
	if (seci_party_exists(db, e->code, err) < 0 ||
	    seci_audit_begin_json(db, &c, "party", e->code, seci_party_json,
	    err) < 0)
		return -1;
	if (party_update(db, e, err) < 0) {
		seci_audit_cancel(&c);
		return -1;
	}
	return seci_audit_end(db, &c, err);
}

int
seci_party_each(struct seci_db *db, seci_party_fn *fn, void *arg,
    struct seci_err *err)
{
	struct seci_party_row r;
	sqlite3_stmt *st;
	int rc, stop = 0;

	st = seci_db_stmt(db, "SELECT code, name, kind, (SELECT "
	    "group_concat(account, ';') FROM (SELECT account FROM "
	    "party_account WHERE party = p.code ORDER BY account)), (SELECT "
	    "group_concat(alias, ';') FROM (SELECT alias FROM "
	    "party_alias WHERE party = p.code ORDER BY alias)) FROM party p "
	    "ORDER BY kind DESC, code", err);
	if (st == NULL)
		return -1;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		r.code = (const char *)sqlite3_column_text(st, 0);
		r.name = (const char *)sqlite3_column_text(st, 1);
		r.kind = (const char *)sqlite3_column_text(st, 2);
		r.observer = strcmp(r.kind, "observer") == 0;
		r.accounts = (const char *)sqlite3_column_text(st, 3);
		r.aliases = (const char *)sqlite3_column_text(st, 4);
		stop = fn(arg, &r, err) < 0;
	}
	sqlite3_reset(st);
	if (stop)
		return -1;
	return rc == SQLITE_DONE ? 0 : seci_db_fail(db, rc, "party", err);
}

static int
list_row(void *arg, const struct seci_party_row *r, struct seci_err *err)
{
	struct seci_cell c[5];

	c[0] = seci_cell_text(r->code);
	c[1] = seci_cell_text(r->name);
	c[2] = seci_cell_text(r->kind);
	c[3] = seci_cell_text(r->accounts);
	c[4] = seci_cell_text(r->aliases);
	return seci_out_row(arg, c, err);
}

int
seci_party_list(struct seci_db *db, const struct seci_out_opts *oo,
    struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "code", SECI_COL_TEXT, 0 }, { "name", SECI_COL_TEXT, 0 },
		{ "kind", SECI_COL_TEXT, 0 }, { "accounts", SECI_COL_TEXT, 0 },
		{ "aliases", SECI_COL_TEXT, 0 },
	};
	struct seci_out *o = seci_out_begin(oo, cols, 5, err);

	if (o == NULL)
		return -1;
	if (seci_party_each(db, list_row, o, err) < 0) {
		seci_out_abort(o);
		return -1;
	}
	return seci_out_end(o, err);
}

int
seci_party_exists(struct seci_db *db, const char *code, struct seci_err *err)
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
		{ "code", 1, 0 }, { "name", 1, 0 }, { "kind", 1, 0 }, { "accounts", 0, 0 },
		{ "aliases", 0, 0 },
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
