/* import.c - the bookkeeping of bulk imports. */
#include "config.h"

#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "clock.h"
#include "import.h"
#include "ledger.h"
#include "seci_priv.h"

#define SEEN_BITS (1u << 24)	/* 2 MiB: few false hits at a million keys */

struct seci_import {
	struct seci_db *db;
	int64_t id;
	crypto_hash_sha256_state hash;
	int counting;		/* temp.import_seen is ready */
	unsigned char *seen;	/* a bit per key hash met in this import */
	char name[256];		/* the file, for messages */
};

static void
hash_bytes(void *arg, const void *buf, size_t n)
{
	struct seci_import *imp = arg;

	crypto_hash_sha256_update(&imp->hash, buf, n);
}

struct seci_import *
seci_import_begin(struct seci_db *db, const char *kind, const char *name,
    struct seci_err *err)
{
	struct seci_import *imp = calloc(1, sizeof(*imp));
	sqlite3_stmt *st;
	char now[SECI_TIME_BUFSZ];

	if (imp == NULL) {
		seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
		return NULL;
	}
	imp->db = db;
	snprintf(imp->name, sizeof(imp->name), "%s", name);
	crypto_hash_sha256_init(&imp->hash);
	seci_clock_now(now);
	st = seci_db_stmt(db, "INSERT INTO imports (time, login, kind, file, "
	    "sha256, rows_read, rows_new, rows_duplicate) "
	    "VALUES (?, ?, ?, ?, '', 0, 0, 0)", err);
	if (st == NULL)
		goto fail;
	seci_db_bind_text(st, 1, now);
	seci_db_bind_text(st, 2, db->login);
	seci_db_bind_text(st, 3, kind);
	seci_db_bind_text(st, 4, name);
	if (seci_db_exec_stmt(db, st, err) < 0)
		goto fail;
	imp->id = sqlite3_last_insert_rowid(db->h);
	return imp;
fail:
	free(imp);
	return NULL;
}

void
seci_import_csv_opts(struct seci_import *imp, struct seci_csv_opts *opts)
{
	opts->on_bytes = hash_bytes;
	opts->bytes_arg = imp;
}

int64_t
seci_import_id(const struct seci_import *imp)
{
	return imp->id;
}

int
seci_import_finish(struct seci_import *imp,
    const struct seci_import_stats *stats, struct seci_err *err)
{
	unsigned char md[crypto_hash_sha256_BYTES];
	char hex[2 * crypto_hash_sha256_BYTES + 1];
	sqlite3_stmt *st;

	crypto_hash_sha256_final(&imp->hash, md);
	sodium_bin2hex(hex, sizeof(hex), md, sizeof(md));
	st = seci_db_stmt(imp->db, "UPDATE imports SET sha256 = ?, "
	    "rows_read = ?, rows_new = ?, rows_duplicate = ? WHERE id = ?",
	    err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, hex);
	sqlite3_bind_int64(st, 2, (int64_t)stats->read);
	sqlite3_bind_int64(st, 3, (int64_t)stats->added);
	sqlite3_bind_int64(st, 4, (int64_t)stats->duplicate);
	sqlite3_bind_int64(st, 5, imp->id);
	if (seci_db_exec_stmt(imp->db, st, err) < 0)
		return -1;
	return seci_audit_added_id(imp->db, "imports", imp->id, err);
}

void
seci_import_free(struct seci_import *imp)
{
	if (imp)
		free(imp->seen);
	free(imp);
}

void
seci_row_key(const char *const *fields, size_t n, char *hex)
{
	crypto_generichash_state h;
	unsigned char md[16];
	size_t i;

	crypto_generichash_init(&h, NULL, 0, sizeof(md));
	for (i = 0; i < n; i++) {
		const char *f = fields[i] ? fields[i] : "";

		/* Unit separator between fields: "a","bc" != "ab","c". */
		crypto_generichash_update(&h, (const unsigned char *)f,
		    strlen(f));
		crypto_generichash_update(&h, (const unsigned char *)"\x1f",
		    1);
	}
	crypto_generichash_final(&h, md, sizeof(md));
	sodium_bin2hex(hex, SECI_ROW_KEY_HEX, md, sizeof(md));
}

int
seci_import_bounded(struct seci_import *imp, struct seci_err *err)
{
	if (seci_ledger_bounded(imp->db, err) < 0)
		return seci_err_prefix(err, 0, "%s", imp->name);
	return 0;
}

/* The table of keys met more than once in this import (or met once as
 * a duplicate), made on first need. */
static int
counting(struct seci_import *imp, struct seci_err *err)
{
	if (imp->counting)
		return 0;
	if (seci_db_exec_sql(imp->db, "CREATE TEMP TABLE IF NOT EXISTS "
	    "import_seen (key TEXT PRIMARY KEY, n INTEGER NOT NULL) "
	    "WITHOUT ROWID; DELETE FROM temp.import_seen", err) < 0)
		return -1;
	imp->counting = 1;
	return 0;
}

/* FNV-1a of the key: its bit in the filter. */
static uint32_t
key_bit(const char *key)
{
	uint32_t h = 2166136261u;

	for (; *key; key++)
		h = (h ^ (unsigned char)*key) * 16777619u;
	return h & (SEEN_BITS - 1);
}

int
seci_import_occurrence(struct seci_import *imp, char *key,
    seci_import_known_fn *known, void *arg, struct seci_err *err)
{
	sqlite3_stmt *st;
	uint32_t bit;
	int64_t n = 0;
	int k;

	if (imp->seen == NULL && (imp->seen = calloc(SEEN_BITS / 8, 1)) ==
	    NULL)
		return seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
	/* Most keys come once: their bit was clear, nothing else to do. */
	bit = key_bit(key);
	if (!(imp->seen[bit / 8] & (1u << (bit % 8)))) {
		imp->seen[bit / 8] |= (unsigned char)(1u << (bit % 8));
		return 0;
	}
	if (counting(imp, err) < 0 || (st = seci_db_stmt(imp->db, "UPDATE "
	    "temp.import_seen SET n = n + 1 WHERE key = ? RETURNING n",
	    err)) == NULL)
		return -1;
	seci_db_bind_text(st, 1, key);
	if (seci_db_one_int(imp->db, st, &n, err) < 0)
		return -1;
	if (n == 0) {
		/* Not counted yet: the second time if the importer added the
		 * key earlier in this import, else the first (another key set
		 * the bit). */
		if ((k = known(arg, key, err)) < 0)
			return -1;
		if (!k)
			return 0;
		n = 2;
		st = seci_db_stmt(imp->db, "INSERT INTO temp.import_seen (key, "
		    "n) VALUES (?, 2)", err);
		if (st == NULL)
			return -1;
		seci_db_bind_text(st, 1, key);
		if (seci_db_exec_stmt(imp->db, st, err) < 0)
			return -1;
	}
	snprintf(key + strlen(key), SECI_ROW_KEY_MAX - strlen(key), "#%lld",
	    (long long)n);
	return 0;
}

int
seci_import_note_duplicate(struct seci_import *imp, const char *key,
    struct seci_err *err)
{
	sqlite3_stmt *st;

	/* A key with its number is counted already. */
	if (strchr(key, '#') != NULL)
		return 0;
	if (counting(imp, err) < 0 || (st = seci_db_stmt(imp->db, "INSERT "
	    "INTO temp.import_seen (key, n) VALUES (?, 1) ON CONFLICT DO "
	    "NOTHING", err)) == NULL)
		return -1;
	seci_db_bind_text(st, 1, key);
	return seci_db_exec_stmt(imp->db, st, err);
}

int
seci_import_list(struct seci_db *db, const char *kind,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "id", SECI_COL_INT, 0 }, { "time", SECI_COL_TEXT, 0 },
		{ "user", SECI_COL_TEXT, 0 }, { "file", SECI_COL_TEXT, 0 },
		{ "sha256", SECI_COL_TEXT, 0 }, { "rows", SECI_COL_INT, 0 },
		{ "new", SECI_COL_INT, 0 }, { "duplicate", SECI_COL_INT, 0 },
		{ "status", SECI_COL_TEXT, 0 }, { "void_reason", SECI_COL_TEXT, 0 },
	};
	sqlite3_stmt *st;

	st = seci_db_stmt(db, "SELECT id, time, login, file, sha256, rows_read, "
	    "rows_new, rows_duplicate, CASE WHEN voided IS NULL THEN 'ok' "
	    "ELSE 'void' END, void_reason FROM imports WHERE kind = ? "
	    "ORDER BY id", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, kind);
	return seci_db_print(db, st, cols, 10, oo, err);
}
