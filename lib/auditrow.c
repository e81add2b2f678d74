/* auditrow.c - records as JSON for the audit trail, and the change to
 * one record audited as before and after. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "seci_priv.h"

static int
ident_ok(const char *s)
{
	for (; *s; s++)
		if (!(*s == '_' || (*s >= 'a' && *s <= 'z') ||
		    (*s >= '0' && *s <= '9')))
			return 0;
	return 1;
}

/* SELECT json_object('col', "col", ...) of table's row by its key
 * columns kc (and kc2), built once from the table's columns. */
static sqlite3_stmt *
row_stmt(struct seci_db *db, const char *table, const char *kc,
    const char *kc2, struct seci_err *err)
{
	sqlite3_stmt *info, *st;
	char name[160], *sql, *cols = NULL;
	int rc;

	snprintf(name, sizeof(name), "row json %s %s %s", table, kc,
	    kc2 ? kc2 : "");
	if ((st = seci_db_stmt_named(db, name)) != NULL)
		return st;
	sql = sqlite3_mprintf("SELECT name FROM pragma_table_info('%q')",
	    table);
	rc = sqlite3_prepare_v2(db->h, sql, -1, &info, NULL);
	sqlite3_free(sql);
	if (rc != SQLITE_OK) {
		seci_db_fail(db, rc, "audit", err);
		return NULL;
	}
	while (sqlite3_step(info) == SQLITE_ROW) {
		const char *col = (const char *)sqlite3_column_text(info, 0);
		char *more = sqlite3_mprintf("%s%s'%q', \"%w\"", cols ? cols :
		    "", cols ? ", " : "", col, col);

		sqlite3_free(cols);
		cols = more;
	}
	sqlite3_finalize(info);
	if (cols == NULL) {
		seci_err_set(err, SECI_EXIT_SOFTWARE, "no table '%s'", table);
		return NULL;
	}
	sql = sqlite3_mprintf("SELECT json_object(%s) FROM \"%w\" WHERE "
	    "\"%w\" = ?1 AND (?2 IS NULL OR \"%w\" = ?2)", cols, table, kc,
	    kc2 ? kc2 : kc);
	sqlite3_free(cols);
	st = sql ? seci_db_stmt_keep(db, name, sql, err) : NULL;
	if (sql == NULL)
		seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
	sqlite3_free(sql);
	return st;
}

char *
seci_audit_row_json(struct seci_db *db, const char *table,
    const char *keycol, const char *key, struct seci_err *err)
{
	sqlite3_stmt *st;
	char *json = NULL, kc[64], *kc2;
	const char *k2 = NULL;

	/* Two key columns "a/b" for a key "x/y". */
	snprintf(kc, sizeof(kc), "%s", keycol);
	if ((kc2 = strchr(kc, '/')) != NULL) {
		*kc2++ = '\0';
		if ((k2 = strchr(key, '/')) == NULL)
			return NULL;
	}
	/* Table and column names come from lib/ code, never from users. */
	if (!ident_ok(table) || !ident_ok(kc) || (kc2 && !ident_ok(kc2))) {
		seci_err_set(err, SECI_EXIT_SOFTWARE, "bad table name");
		return NULL;
	}
	if ((st = row_stmt(db, table, kc, kc2, err)) == NULL)
		return NULL;
	if (k2) {
		sqlite3_bind_text(st, 1, key, (int)(k2 - key), SQLITE_TRANSIENT);
		seci_db_bind_text(st, 2, k2 + 1);
	} else {
		seci_db_bind_text(st, 1, key);
	}
	return seci_db_one_text(db, st, &json, err) < 0 ? NULL : json;
}

/* The record as JSON into *json (NULL when there is none): 0, or -1
 * with err filled.  (err may hold an earlier caller's error: a local one
 * tells "none" from "failed".) */
static int
change_json(struct seci_db *db, const struct seci_audit_change *c,
    char **json, struct seci_err *err)
{
	struct seci_err e = SECI_ERR_INIT;

	*json = c->json ? c->json(db, c->key, &e) :
	    seci_audit_row_json(db, c->table, c->keycol, c->key, &e);
	if (e.code == 0)
		return 0;
	free(*json);
	*json = NULL;
	return seci_err_set(err, e.code, "%s", e.msg);
}

int
seci_audit_begin(struct seci_db *db, struct seci_audit_change *c,
    const char *table, const char *keycol, const char *key,
    struct seci_err *err)
{
	memset(c, 0, sizeof(*c));
	c->table = table;
	c->keycol = keycol;
	snprintf(c->key, sizeof(c->key), "%s", key);
	return change_json(db, c, &c->before, err);
}

int
seci_audit_begin_id(struct seci_db *db, struct seci_audit_change *c,
    const char *table, int64_t id, struct seci_err *err)
{
	char key[24];

	snprintf(key, sizeof(key), "%lld", (long long)id);
	return seci_audit_begin(db, c, table, "id", key, err);
}

int
seci_audit_begin_json(struct seci_db *db, struct seci_audit_change *c,
    const char *table, const char *key, seci_audit_json_fn *json,
    struct seci_err *err)
{
	memset(c, 0, sizeof(*c));
	c->table = table;
	c->json = json;
	snprintf(c->key, sizeof(c->key), "%s", key);
	return change_json(db, c, &c->before, err);
}

int
seci_audit_end(struct seci_db *db, struct seci_audit_change *c,
    struct seci_err *err)
{
	char *after;
	int rc = -1;

	if (change_json(db, c, &after, err) == 0)
		rc = seci_audit_append(db, c->table, c->key, c->before, after,
		    err);
	free(after);
	seci_audit_cancel(c);
	return rc;
}

void
seci_audit_cancel(struct seci_audit_change *c)
{
	free(c->before);
	c->before = NULL;
}

int
seci_audit_added(struct seci_db *db, const char *table, const char *keycol,
    const char *key, struct seci_err *err)
{
	struct seci_audit_change c;

	memset(&c, 0, sizeof(c));
	c.table = table;
	c.keycol = keycol;
	snprintf(c.key, sizeof(c.key), "%s", key);
	return seci_audit_end(db, &c, err);
}

int
seci_audit_added_id(struct seci_db *db, const char *table, int64_t id,
    struct seci_err *err)
{
	char key[24];

	snprintf(key, sizeof(key), "%lld", (long long)id);
	return seci_audit_added(db, table, "id", key, err);
}
