/* audit.c - the hash-chained audit trail. */
#include "config.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audit.h"
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
	char now[32], hash[SECI_HASH_HEX];
	const char *f[8];
	size_t len[8];
	struct tm tm;
	time_t t = time(NULL);
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
	gmtime_r(&t, &tm);
	strftime(now, sizeof(now), "%Y-%m-%dT%H:%M:%SZ", &tm);
	f[0] = now;
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
	char *sql, *cols = NULL, *json = NULL;
	size_t len = 0;
	int rc;

	/* Table and column names come from lib/ code, never from users. */
	if (!ident_ok(table) || !ident_ok(keycol)) {
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
	    "\"%w\" = ?", cols ? cols : "", table, keycol);
	sqlite3_free(cols);
	rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	sqlite3_free(sql);
	if (rc != SQLITE_OK || len == 0) {
		seci_db_fail(db, rc, "audit", err);
		sqlite3_finalize(st);
		return NULL;
	}
	seci_db_bind_text(st, 1, key);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		json = strdup((const char *)sqlite3_column_text(st, 0));
	else if (rc != SQLITE_DONE)
		seci_db_fail(db, rc, "audit", err);
	sqlite3_finalize(st);
	return json;
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
