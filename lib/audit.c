/* audit.c - the hash-chained audit trail, and its purge. */
#include "config.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "access.h"
#include "audit.h"
#include "clock.h"
#include "seci_priv.h"

static const char zero_hash[] =
    "0000000000000000000000000000000000000000000000000000000000000000";

#define SALT_BYTES 32

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

/* SHA-256 over prev, the id and n fields (len[i] bytes each, so nothing
 * hides behind a NUL), in hex. */
static void
hash_fields(const char *prev, int64_t id, const char *const *f,
    const size_t *len, int n, char *hex)
{
	crypto_hash_sha256_state h;
	unsigned char md[crypto_hash_sha256_BYTES];
	char idbuf[24];
	int i;

	crypto_hash_sha256_init(&h);
	if (prev != NULL) {
		feed(&h, prev, strlen(prev));
		snprintf(idbuf, sizeof(idbuf), "%lld", (long long)id);
		feed(&h, idbuf, strlen(idbuf));
	}
	for (i = 0; i < n; i++)
		feed(&h, f[i], f[i] ? len[i] : 0);
	crypto_hash_sha256_final(&h, md);
	sodium_bin2hex(hex, SECI_HASH_HEX, md, sizeof(md));
}

/*
 * A record's fields, as the chain hashes them.  Scheme 1 (before schema
 * 6): time, login, tool, command, table, key, before, after.  Scheme 2:
 * time, date, login, tool, table, key, and the digest of the payload:
 * salt, command, before, after.
 */
struct record {
	int64_t id;
	int scheme;
	const char *time, *date, *login, *tool, *command, *table, *key;
	const char *before, *after, *salt, *digest, *hash;
	size_t lcommand, lbefore, lafter;
};

static void
payload_digest(const struct record *r, char *hex)
{
	const char *f[4] = { r->salt, r->command, r->before, r->after };
	size_t len[4] = { r->salt ? strlen(r->salt) : 0, r->lcommand,
	    r->lbefore, r->lafter };

	hash_fields(NULL, 0, f, len, 4, hex);
}

static void
record_hash(const char *prev, const struct record *r, char *hex)
{
	const char *f[8];
	size_t len[8];
	int i;

	if (r->scheme == 1) {
		f[0] = r->time;
		f[1] = r->login;
		f[2] = r->tool;
		f[3] = r->command;
		f[4] = r->table;
		f[5] = r->key;
		f[6] = r->before;
		f[7] = r->after;
		for (i = 0; i < 8; i++)
			len[i] = f[i] ? strlen(f[i]) : 0;
		len[3] = r->lcommand;
		len[6] = r->lbefore;
		len[7] = r->lafter;
	} else {
		f[0] = r->time;
		f[1] = r->date;
		f[2] = r->login;
		f[3] = r->tool;
		f[4] = r->table;
		f[5] = r->key;
		f[6] = r->digest;
		for (i = 0; i < 7; i++)
			len[i] = f[i] ? strlen(f[i]) : 0;
	}
	hash_fields(prev, r->id, f, len, r->scheme == 1 ? 8 : 7, hex);
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
		seci_db_col_text(st, 0, db->head_hash, sizeof(db->head_hash));
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
	static const char ins[] = "INSERT INTO audit (id, time, date, login, "
	    "tool, command, tbl, key, before, after, scheme, salt, digest, "
	    "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 2, ?, ?, "
	    "?, ?)";
	unsigned char raw[SALT_BYTES];
	char now[SECI_TIME_BUFSZ], day[SECI_DATE_BUFSZ];
	char salt[2 * SALT_BYTES + 1], digest[SECI_HASH_HEX];
	char hash[SECI_HASH_HEX];
	struct record r;
	sqlite3_stmt *st;

	if (!db->head_known && head(db, NULL, err) < 0)
		return -1;
	if ((st = seci_db_stmt(db, "SELECT coalesce(max(id), 0) + 1 FROM "
	    "audit", err)) == NULL || seci_db_one_int(db, st, &r.id, err) < 0)
		return -1;
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(salt, sizeof(salt), raw, sizeof(raw));
	r.scheme = 2;
	r.time = seci_clock_now(now);
	r.date = seci_date_format(db->record_date ? db->record_date :
	    seci_clock_today(), day);
	r.login = db->login;
	r.tool = db->tool;
	r.command = db->command ? db->command : "";
	r.table = table;
	r.key = key;
	r.before = before;
	r.after = after;
	r.salt = salt;
	r.lcommand = strlen(r.command);
	r.lbefore = before ? strlen(before) : 0;
	r.lafter = after ? strlen(after) : 0;
	payload_digest(&r, digest);
	r.digest = digest;
	record_hash(db->head_hash, &r, hash);
	if ((st = seci_db_stmt(db, ins, err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, r.id);
	seci_db_bind_text(st, 2, r.time);
	seci_db_bind_text(st, 3, r.date);
	seci_db_bind_text(st, 4, r.login);
	seci_db_bind_text(st, 5, r.tool);
	seci_db_bind_text(st, 6, r.command);
	seci_db_bind_text(st, 7, table);
	seci_db_bind_text(st, 8, key);
	seci_db_bind_text(st, 9, before);
	seci_db_bind_text(st, 10, after);
	seci_db_bind_text(st, 11, salt);
	seci_db_bind_text(st, 12, digest);
	seci_db_bind_text(st, 13, db->head_hash);
	seci_db_bind_text(st, 14, hash);
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	memcpy(db->head_hash, hash, sizeof(hash));
	return 0;
}

/* ---- verification ------------------------------------------------------ */

static const char records_sql[] = "SELECT id, scheme, time, date, login, "
    "tool, command, tbl, key, before, after, salt, digest, prev_hash, hash "
    "FROM audit ORDER BY id";

static void
read_record(sqlite3_stmt *st, struct record *r)
{
	r->id = sqlite3_column_int64(st, 0);
	r->scheme = sqlite3_column_int(st, 1);
	r->time = (const char *)sqlite3_column_text(st, 2);
	r->date = (const char *)sqlite3_column_text(st, 3);
	r->login = (const char *)sqlite3_column_text(st, 4);
	r->tool = (const char *)sqlite3_column_text(st, 5);
	r->command = (const char *)sqlite3_column_text(st, 6);
	r->lcommand = (size_t)sqlite3_column_bytes(st, 6);
	r->table = (const char *)sqlite3_column_text(st, 7);
	r->key = (const char *)sqlite3_column_text(st, 8);
	r->before = (const char *)sqlite3_column_text(st, 9);
	r->lbefore = (size_t)sqlite3_column_bytes(st, 9);
	r->after = (const char *)sqlite3_column_text(st, 10);
	r->lafter = (size_t)sqlite3_column_bytes(st, 10);
	r->salt = (const char *)sqlite3_column_text(st, 11);
	r->digest = (const char *)sqlite3_column_text(st, 12);
}

/* 1 if a purge record names record id. */
static int
purged(struct seci_db *db, int64_t id, struct seci_err *err)
{
	sqlite3_stmt *st;
	int64_t n;
	char key[24];

	/* The purge record: of table 'audit', keyed by the record's number
	 * (in its chained header), after it. */
	snprintf(key, sizeof(key), "%lld", (long long)id);
	st = seci_db_stmt(db, "SELECT count(*) FROM audit WHERE tbl = 'audit' "
	    "AND key = ?1 AND id > ?2", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, key);
	sqlite3_bind_int64(st, 2, id);
	if (seci_db_one_int(db, st, &n, err) < 0)
		return -1;
	return n > 0;
}

/* What is wrong with record r after prev, into why; 0 if nothing. */
static int
check_record(struct seci_db *db, const struct record *r, const char *prev,
    char *why, size_t size, int *redacted, struct seci_err *err)
{
	char hash[SECI_HASH_HEX], digest[SECI_HASH_HEX];
	int p;

	record_hash(prev, r, hash);
	if (r->hash == NULL || strcmp(r->hash, hash) != 0)
		return snprintf(why, size, "its contents do not match its "
		    "hash"), 1;
	if (r->scheme == 1)
		return 0;
	if (r->salt != NULL) {
		payload_digest(r, digest);
		if (r->digest == NULL || strcmp(r->digest, digest) != 0)
			return snprintf(why, size, "its payload does not match "
			    "its digest"), 1;
		return 0;
	}
	/* Its payload is gone: only a purge record may have taken it. */
	if ((p = purged(db, r->id, err)) < 0)
		return -1;
	if (!p)
		return snprintf(why, size, "its payload is missing, and no "
		    "purge record names it"), 1;
	(*redacted)++;
	return 0;
}

int
seci_audit_verify(struct seci_db *db, int64_t *count,
    struct seci_audit_break *brk, struct seci_err *err)
{
	sqlite3_stmt *st;
	char prev[SECI_HASH_HEX];
	struct record r;
	int64_t expect = 1;
	int rc, k, broken = 0;

	if ((st = seci_db_stmt(db, records_sql, err)) == NULL)
		return -1;
	memcpy(prev, zero_hash, sizeof(prev));
	*count = 0;
	brk->redacted = 0;
	/* After a break, go on counting: records is the trail's size. */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		(*count)++;
		if (broken)
			continue;
		read_record(st, &r);
		r.hash = (const char *)sqlite3_column_text(st, 14);
		brk->id = r.id;
		if (r.id != expect) {
			snprintf(brk->why, sizeof(brk->why), "record %lld is "
			    "missing", (long long)expect);
			broken = 1;
		} else if (sqlite3_column_type(st, 13) == SQLITE_NULL || strcmp(
		    (const char *)sqlite3_column_text(st, 13), prev) != 0) {
			snprintf(brk->why, sizeof(brk->why), "does not link to "
			    "the record before it");
			broken = 1;
		} else if ((k = check_record(db, &r, prev, brk->why,
		    sizeof(brk->why), &brk->redacted, err)) != 0) {
			if (k < 0)
				break;
			broken = 1;
		}
		if (r.hash)
			snprintf(prev, sizeof(prev), "%s", r.hash);
		expect++;
	}
	sqlite3_reset(st);
	if (err->code && rc == SQLITE_ROW)
		return -1;
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

/* ---- the purge --------------------------------------------------------- */

/* Erase the payload of record id (a write transaction is open). */
static int
erase(struct seci_db *db, int64_t id, const char *reason,
    struct seci_err *err)
{
	sqlite3_stmt *st;
	char key[24], *after;
	int rc, scheme = 0, done = 0, is_purge = 0;

	st = seci_db_stmt(db, "SELECT scheme, salt IS NULL, tbl = 'audit' FROM "
	    "audit WHERE id = ?", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		scheme = sqlite3_column_int(st, 0);
		done = sqlite3_column_int(st, 1);
		is_purge = sqlite3_column_int(st, 2);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return seci_err_set(err, SECI_EXIT_DATA, "no audit record %lld",
		    (long long)id);
	if (rc != SQLITE_ROW)
		return seci_db_fail(db, rc, "audit", err);
	if (scheme != 2 || is_purge)
		return seci_err_set(err, SECI_EXIT_DATA, "audit record %lld "
		    "cannot be redacted (%s)", (long long)id, is_purge ?
		    "a purge record" : "written before schema 6");
	if (done)
		return 0;
	/* What is freed is overwritten, not left in the file's free
	 * space. */
	if (seci_db_exec_sql(db, "PRAGMA secure_delete = ON", err) < 0)
		return -1;
	st = seci_db_stmt(db, "UPDATE audit SET command = '', before = NULL, "
	    "after = NULL, salt = NULL WHERE id = ?", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	snprintf(key, sizeof(key), "%lld", (long long)id);
	st = seci_db_stmt(db, "SELECT json_object('redacted', ?, 'reason', ?)",
	    err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	seci_db_bind_text(st, 2, reason ? reason : "");
	if (seci_db_one_text(db, st, &after, err) < 0)
		return -1;
	/* The purge is itself audited: who, when, why. */
	rc = seci_audit_append(db, "audit", key, NULL, after, err);
	free(after);
	return rc;
}

int
seci_audit_redact(struct seci_db *db, int64_t id, const char *reason,
    struct seci_err *err)
{
	return erase(db, id, reason, err);
}

static int
fill_id(sqlite3_stmt *st, void *item)
{
	*(int64_t *)item = sqlite3_column_int64(st, 0);
	return 0;
}

int
seci_audit_redact_key(struct seci_db *db, const char *table,
    const char *key, const char *reason, int *n, struct seci_err *err)
{
	int64_t *ids = NULL;
	size_t k = 0, i;
	sqlite3_stmt *st;

	st = seci_db_stmt(db, "SELECT id FROM audit WHERE tbl = ? AND key = ? "
	    "AND scheme = 2 AND salt IS NOT NULL ORDER BY id", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, table);
	seci_db_bind_text(st, 2, key);
	if (seci_db_rows(db, st, sizeof(*ids), fill_id, &ids, &k, "audit",
	    err) < 0) {
		free(ids);
		return -1;
	}
	for (i = 0; i < k; i++)
		if (erase(db, ids[i], reason, err) < 0) {
			free(ids);
			return -1;
		}
	free(ids);
	if (n)
		*n = (int)k;
	return 0;
}

/* ---- the log ----------------------------------------------------------- */

int
seci_audit_log(struct seci_db *db, const struct seci_audit_filter *f,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "id", SECI_COL_INT, 0 }, { "time", SECI_COL_TEXT, 0 },
		{ "login", SECI_COL_TEXT, 0 }, { "tool", SECI_COL_TEXT, 0 },
		{ "command", SECI_COL_TEXT, 0 }, { "table", SECI_COL_TEXT, 0 },
		{ "key", SECI_COL_TEXT, 0 }, { "before", SECI_COL_TEXT, 0 },
		{ "after", SECI_COL_TEXT, 0 }, { "hash", SECI_COL_TEXT, 0 },
		{ "date", SECI_COL_TEXT, 0 }, { "status", SECI_COL_TEXT, 0 },
		{ "redacted_by", SECI_COL_TEXT, 0 },
		{ "redacted_at", SECI_COL_TEXT, 0 },
	};
	sqlite3_stmt *st;

	/* A redacted record shows who purged it and when: the purge
	 * record that names it. */
#define PAYLOAD(c) "CASE WHEN ?4 OR a." c " IS NULL THEN a." c " WHEN a.tbl " \
	"IN ('candidate', 'discipline_case', 'ethics_declaration', 'gift') " \
	"THEN '" SECI_RESTRICTED "' WHEN a.tbl = 'staff' AND " \
	"json_valid(a." c ") THEN json_replace(a." c ", '$.birth_date', '" \
	SECI_RESTRICTED "', '$.email', '" SECI_RESTRICTED "', '$.phone', '" \
	SECI_RESTRICTED "') ELSE a." c " END"
	st = seci_db_stmt(db, "SELECT a.id, a.time, a.login, a.tool, CASE WHEN "
	    "a.scheme = 2 AND a.salt IS NULL THEN NULL ELSE a.command END, "
	    "a.tbl, a.key, " PAYLOAD("before") ", " PAYLOAD("after") ", a.hash, "
	    "a.date, CASE WHEN "
	    "a.scheme = 2 AND a.salt IS NULL THEN 'redacted' ELSE 'ok' END, "
	    "p.login, p.time FROM audit a LEFT JOIN audit p ON p.tbl = 'audit' "
	    "AND p.key = CAST(a.id AS TEXT) AND p.id > a.id AND a.salt IS NULL "
	    "AND a.scheme = 2 "
	    "WHERE (?1 IS NULL OR a.time >= ?1) AND (?2 IS NULL OR a.login = ?2) "
	    "AND (?3 IS NULL OR a.tbl = ?3) AND (a.tbl = 'read') = ?5 "
	    "ORDER BY a.id", err);
#undef PAYLOAD
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, f->since);
	seci_db_bind_text(st, 2, f->login);
	seci_db_bind_text(st, 3, f->table);
	sqlite3_bind_int(st, 4, seci_access_may(oo->roles));
	sqlite3_bind_int(st, 5, f->reads != 0);
	return seci_db_print(db, st, cols, 14, oo, err);
}
