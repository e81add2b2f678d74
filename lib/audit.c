/* audit.c - the hash-chained audit trail. */
#include "config.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "clock.h"
#include "seci_priv.h"

static const char zero_hash[] =
    "0000000000000000000000000000000000000000000000000000000000000000";

/* Feed one field as "length:bytes;" ("-;" for NULL), so that no two
 * different records can produce the same byte stream. */
static void
feed(crypto_hash_sha256_state *h, const char *s, size_t n)
{
	char len[24];

	if (s == NULL) {
		crypto_hash_sha256_update(h, (const unsigned char *)"-;", 2);
		return;
	}
	snprintf(len, sizeof(len), "%zu:", n);
	crypto_hash_sha256_update(h, (const unsigned char *)len, strlen(len));
	crypto_hash_sha256_update(h, (const unsigned char *)s, n);
	crypto_hash_sha256_update(h, (const unsigned char *)";", 1);
}

/* The hash of a record: every byte of every field (len[i] bytes, so
 * nothing hides behind a NUL). */
static void
record_hash(const char *prev, int64_t id, const char *const f[8],
    const size_t len[8], char *hex)
{
	crypto_hash_sha256_state h;
	unsigned char md[crypto_hash_sha256_BYTES];
	char idbuf[24];
	int i;

	crypto_hash_sha256_init(&h);
	feed(&h, prev, strlen(prev));
	snprintf(idbuf, sizeof(idbuf), "%lld", (long long)id);
	feed(&h, idbuf, strlen(idbuf));
	for (i = 0; i < 8; i++)
		feed(&h, f[i], f[i] ? len[i] : 0);
	crypto_hash_sha256_final(&h, md);
	sodium_bin2hex(hex, SECI_HASH_HEX, md, sizeof(md));
}

static int
head(struct seci_db *db, int64_t *count, struct seci_err *err)
{
	sqlite3_stmt *st;
	int rc;

	st = seci_db_stmt(db, "SELECT hash, (SELECT count(*) FROM audit) "
	    "FROM audit ORDER BY id DESC LIMIT 1", err);
	if (st == NULL)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(db->head_hash, sizeof(db->head_hash), "%s",
		    (const char *)sqlite3_column_text(st, 0));
		if (count)
			*count = sqlite3_column_int64(st, 1);
	} else {
		memcpy(db->head_hash, zero_hash, sizeof(zero_hash));
		if (count)
			*count = 0;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return seci_db_fail(db, rc, "audit", err);
	db->head_known = 1;
	return 0;
}

int
seci_audit_append(struct seci_db *db, const char *table, const char *key,
    const char *before, const char *after, struct seci_err *err)
{
	static const char ins[] = "INSERT INTO audit (id, time, login, tool, "
	    "command, tbl, key, before, after, prev_hash, hash) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *st, *last;
	char now[SECI_TIME_BUFSZ], hash[SECI_HASH_HEX];
	const char *f[8];
	size_t len[8];
	int64_t id;
	int i;

	if (!db->head_known && head(db, NULL, err) < 0)
		return -1;
	last = seci_db_stmt(db, "SELECT coalesce(max(id), 0) + 1 FROM audit",
	    err);
	if (last == NULL)
		return -1;
	if (seci_db_one_int(db, last, &id, err) < 0)
		return -1;
	f[0] = seci_clock_now(now);
	f[1] = db->login;
	f[2] = db->tool;
	f[3] = db->command ? db->command : "";
	f[4] = table;
	f[5] = key;
	f[6] = before;
	f[7] = after;
	for (i = 0; i < 8; i++)
		len[i] = f[i] ? strlen(f[i]) : 0;
	record_hash(db->head_hash, id, f, len, hash);
	if ((st = seci_db_stmt(db, ins, err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	for (i = 0; i < 8; i++)
		seci_db_bind_text(st, i + 2, f[i]);
	seci_db_bind_text(st, 10, db->head_hash);
	seci_db_bind_text(st, 11, hash);
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	memcpy(db->head_hash, hash, sizeof(hash));
	return 0;
}

static int
ident_ok(const char *s)
{
	for (; *s; s++)
		if (!(*s == '_' || (*s >= 'a' && *s <= 'z') ||
		    (*s >= '0' && *s <= '9')))
			return 0;
	return 1;
}

char *
seci_audit_row_json(struct seci_db *db, const char *table,
    const char *keycol, const char *key, struct seci_err *err)
{
	sqlite3_stmt *info, *st;
	char *sql, *cols = NULL, *json = NULL, kc[64], *kc2;
	const char *k2 = NULL;
	size_t len = 0;
	int rc;

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
	sql = sqlite3_mprintf("SELECT name FROM pragma_table_info('%q')",
	    table);
	rc = sqlite3_prepare_v2(db->h, sql, -1, &info, NULL);
	sqlite3_free(sql);
	if (rc != SQLITE_OK) {
		seci_db_fail(db, rc, "audit", err);
		return NULL;
	}
	while (sqlite3_step(info) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(info, 0);
		char *more = sqlite3_mprintf("%s%s'%q', \"%w\"", cols ? cols :
		    "", cols ? ", " : "", name, name);

		sqlite3_free(cols);
		cols = more;
		len++;
	}
	sqlite3_finalize(info);
	sql = sqlite3_mprintf("SELECT json_object(%s) FROM \"%w\" WHERE "
	    "\"%w\" = ?1 AND (?2 IS NULL OR \"%w\" = ?2)", cols ? cols : "",
	    table, kc, kc2 ? kc2 : kc);
	sqlite3_free(cols);
	rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	sqlite3_free(sql);
	if (rc != SQLITE_OK || len == 0) {
		seci_db_fail(db, rc, "audit", err);
		sqlite3_finalize(st);
		return NULL;
	}
	if (k2) {
		sqlite3_bind_text(st, 1, key, (int)(k2 - key), SQLITE_TRANSIENT);
		seci_db_bind_text(st, 2, k2 + 1);
	} else {
		seci_db_bind_text(st, 1, key);
	}
	rc = seci_db_one_text(db, st, &json, err);
	sqlite3_finalize(st);
	return rc < 0 ? NULL : json;
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

int
seci_audit_verify(struct seci_db *db, int64_t *count,
    struct seci_audit_break *brk, struct seci_err *err)
{
	sqlite3_stmt *st;
	char prev[SECI_HASH_HEX], hash[SECI_HASH_HEX];
	const char *f[8], *stored_prev, *stored;
	size_t len[8];
	int64_t id, expect = 1;
	int rc, i, broken = 0;

	st = seci_db_stmt(db, "SELECT id, time, login, tool, command, tbl, "
	    "key, before, after, prev_hash, hash FROM audit ORDER BY id", err);
	if (st == NULL)
		return -1;
	memcpy(prev, zero_hash, sizeof(prev));
	*count = 0;
	/* After a break, go on counting: records is the trail's size. */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		(*count)++;
		if (broken)
			continue;
		id = sqlite3_column_int64(st, 0);
		for (i = 0; i < 8; i++) {
			f[i] = (const char *)sqlite3_column_text(st, i + 1);
			len[i] = (size_t)sqlite3_column_bytes(st, i + 1);
		}
		stored_prev = (const char *)sqlite3_column_text(st, 9);
		stored = (const char *)sqlite3_column_text(st, 10);
		brk->id = id;
		if (id != expect) {
			snprintf(brk->why, sizeof(brk->why), "record %lld is "
			    "missing", (long long)expect);
			broken = 1;
		} else if (stored_prev == NULL || strcmp(stored_prev, prev)) {
			snprintf(brk->why, sizeof(brk->why), "does not link to "
			    "the record before it");
			broken = 1;
		} else {
			record_hash(prev, id, f, len, hash);
			if (stored == NULL || strcmp(stored, hash) != 0) {
				snprintf(brk->why, sizeof(brk->why), "its "
				    "contents do not match its hash");
				broken = 1;
			}
			memcpy(prev, hash, sizeof(prev));
		}
		expect++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return seci_db_fail(db, rc, "audit", err);
	return broken;
}

int
seci_audit_seal(struct seci_db *db, int64_t *count, char *hash,
    struct seci_err *err)
{
	if (head(db, count, err) < 0)
		return -1;
	memcpy(hash, db->head_hash, SECI_HASH_HEX);
	return 0;
}

int
seci_audit_log(struct seci_db *db, const struct seci_audit_filter *f,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "id", SECI_COL_INT }, { "time", SECI_COL_TEXT },
		{ "login", SECI_COL_TEXT }, { "tool", SECI_COL_TEXT },
		{ "command", SECI_COL_TEXT }, { "table", SECI_COL_TEXT },
		{ "key", SECI_COL_TEXT }, { "before", SECI_COL_TEXT },
		{ "after", SECI_COL_TEXT }, { "hash", SECI_COL_TEXT },
	};
	sqlite3_stmt *st;

	st = seci_db_stmt(db, "SELECT id, time, login, tool, command, tbl, "
	    "key, before, after, hash FROM audit WHERE (?1 IS NULL OR time >= "
	    "?1) AND (?2 IS NULL OR login = ?2) AND (?3 IS NULL OR tbl = ?3) "
	    "ORDER BY id", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, f->since);
	seci_db_bind_text(st, 2, f->login);
	seci_db_bind_text(st, 3, f->table);
	return seci_db_print(db, st, cols, 10, oo, err);
}
