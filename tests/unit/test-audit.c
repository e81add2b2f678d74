/* Unit tests: lib/audit.c */
#include "config.h"

#include <sodium.h>
#include <sqlite3.h>

#include "seci.h"
#include "tap.h"
#include "testdb.h"

static int
verify(struct seci_db *db, int64_t *count, struct seci_audit_break *brk)
{
	struct seci_err err = SECI_ERR_INIT;
	int rc;

	seci_db_begin(db, 0, &err);
	rc = seci_audit_verify(db, count, brk, &err);
	seci_db_rollback(db);
	return rc;
}

/* 1 if the n bytes of needle are anywhere in the file at path. */
static int
file_has(const char *path, const char *needle)
{
	FILE *fp = fopen(path, "rb");
	size_t n = strlen(needle), got = 0;
	int c;

	if (fp == NULL)
		return 0;
	while ((c = getc(fp)) != EOF) {
		got = c == needle[got] ? got + 1 : c == needle[0] ? 1 : 0;
		if (got == n)
			break;
	}
	fclose(fp);
	return got == n;
}

/* A text from the file, read directly; "" if none. */
static void
text_of(const char *path, const char *sql, char *buf, size_t size)
{
	sqlite3 *h;
	sqlite3_stmt *st;

	buf[0] = '\0';
	sqlite3_open(path, &h);
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(buf, size, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(h);
}

/*
 * The payload's digest as seci-admin(1) describes it, written again
 * here: SHA-256 over salt, command, before and after, each as
 * "LENGTH:BYTES;", a missing one as "-;".
 */
static void
payload_digest(const char *salt, const char *command, const char *before,
    const char *after, char *hex)
{
	const char *f[4] = { salt, command, before, after };
	crypto_hash_sha256_state h;
	unsigned char md[crypto_hash_sha256_BYTES];
	char len[24];
	int i;

	crypto_hash_sha256_init(&h);
	for (i = 0; i < 4; i++) {
		if (f[i] == NULL) {
			crypto_hash_sha256_update(&h, (const unsigned char *)
			    "-;", 2);
			continue;
		}
		snprintf(len, sizeof(len), "%zu:", strlen(f[i]));
		crypto_hash_sha256_update(&h, (const unsigned char *)len,
		    strlen(len));
		crypto_hash_sha256_update(&h, (const unsigned char *)f[i],
		    strlen(f[i]));
		crypto_hash_sha256_update(&h, (const unsigned char *)";", 1);
	}
	crypto_hash_sha256_final(&h, md);
	sodium_bin2hex(hex, 65, md, sizeof(md));
}

/*
 * The purge: a record holding personal data loses its payload through
 * the internal API; the chain still verifies and counts it redacted, the
 * bytes are gone from the file after VACUUM, and the digest cannot be
 * matched by hashing the erased text again.
 */
static void
redaction(void)
{
	static const char secret[] = "Jane Q. Witness, born 1969-04-03";
	struct seci_err err = SECI_ERR_INIT;
	struct seci_audit_break brk;
	struct seci_db *db;
	char path[256], wal[300], after[128], *msg = NULL;
	int64_t count, before;
	int n = 0;

	db = testdb_init("redact.db", &err);
	snprintf(path, sizeof(path), "%s", testdb_path);
	snprintf(wal, sizeof(wal), "%s-wal", path);
	snprintf(after, sizeof(after), "{\"name\":\"%s\"}", secret);
	seci_db_begin(db, 1, &err);
	ok(seci_audit_append(db, "staff", "7", NULL, after, &err) == 0 &&
	    seci_audit_append(db, "staff", "8", NULL, "{\"name\":\"Other\"}",
	    &err) == 0, "two records of personal data");
	seci_db_commit(db, &err);
	ok(verify(db, &before, &brk) == 0 && brk.redacted == 0,
	    "they verify: %lld records", (long long)before);
	testdb_exec(path, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);
	ok(file_has(path, secret), "the name is in the file");

	/* Before the purge: the digest is of the salt and the payload, as
	 * documented (a second computation of it agrees). */
	{
		char salt[80], digest[80], mine[65];

		text_of(path, "SELECT salt FROM audit WHERE tbl = 'staff' AND "
		    "key = '7'", salt, sizeof(salt));
		text_of(path, "SELECT digest FROM audit WHERE tbl = 'staff' AND "
		    "key = '7'", digest, sizeof(digest));
		payload_digest(salt, "test", NULL, after, mine);
		ok(strlen(salt) == 64 && strcmp(mine, digest) == 0, "the "
		    "digest is of its 32-byte salt and its payload");
	}
	seci_db_begin(db, 1, &err);
	ok(seci_audit_redact_key(db, "staff", "7", "candidate purged", &n,
	    &err) == 0 && n == 1, "the purge erases staff 7's record: %s",
	    err.msg);
	seci_db_commit(db, &err);
	ok(verify(db, &count, &brk) == 0 && brk.redacted == 1 &&
	    count == before + 1, "the chain still verifies: %lld records, "
	    "%d redacted, the purge itself recorded", (long long)count,
	    brk.redacted);
	seci_db_close(db);
	testdb_exec(path, "PRAGMA wal_checkpoint(TRUNCATE); VACUUM; "
	    "PRAGMA wal_checkpoint(TRUNCATE)", NULL);
	ok(!file_has(path, secret) && !file_has(wal, secret), "after VACUUM "
	    "the name is nowhere in the file");
	is_int(testdb_int(path, "SELECT count(*) FROM audit WHERE tbl = 'staff' "
	    "AND key = '7' AND salt IS NULL AND before IS NULL AND after IS "
	    "NULL AND command = ''"), 1, "its salt and payload are gone");
	{
		/* Someone who guesses the erased payload exactly cannot
		 * confirm it: without the salt, no digest they can compute
		 * is the one kept. */
		char digest[80], guess[65], q[256];

		text_of(path, "SELECT digest FROM audit WHERE tbl = 'staff' AND "
		    "key = '7'", digest, sizeof(digest));
		ok(strlen(digest) == 64, "the digest stays, for the chain");
		payload_digest(NULL, "test", NULL, after, guess);
		ok(strcmp(guess, digest) != 0, "the exact payload with no salt "
		    "is not it");
		payload_digest("", "test", NULL, after, guess);
		ok(strcmp(guess, digest) != 0, "nor with an empty salt");
		snprintf(q, sizeof(q), "SELECT count(*) FROM audit WHERE "
		    "digest = '%s' OR hash = '%s'", guess, guess);
		is_int(testdb_int(path, q), 0, "a guess matches no digest or "
		    "hash in the trail");
	}
	/* A payload erased behind seci's back, with no purge record. */
	testdb_exec(path, "UPDATE audit SET salt = NULL, after = NULL WHERE "
	    "tbl = 'staff' AND key = '8'", &msg);
	sqlite3_free(msg);
	db = seci_db_open(path, 1000, &err);
	memset(&brk, 0, sizeof(brk));
	ok(verify(db, &count, &brk) == 1 && brk.id == testdb_int(path, "SELECT "
	    "id FROM audit WHERE tbl = 'staff' AND key = '8'") &&
	    strstr(brk.why, "no purge record names it"), "an erasure without "
	    "a purge breaks the chain: %s", brk.why);
	seci_db_begin(db, 1, &err);
	seci_db_set_actor(db, "boss", "test", "test");
	err.code = 0;
	ok(seci_audit_redact(db, 1, "x", &err) == 0, "a record of this "
	    "schema can be redacted");
	err.code = 0;
	ok(seci_audit_redact(db, 999, "x", &err) == -1 &&
	    err.code == SECI_EXIT_DATA, "an unknown record cannot");
	seci_db_rollback(db);
	seci_db_close(db);
}

int
main(void)
{
	struct seci_err err = SECI_ERR_INIT;
	struct seci_audit_break brk;
	struct seci_db *db;
	char path[256], hash[SECI_HASH_HEX], hash2[SECI_HASH_HEX], *json;
	int64_t count;

	db = testdb_init("audit.db", &err);
	ok(db != NULL, "database");
	snprintf(path, sizeof(path), "%s", testdb_path);
	/* init wrote: settings organisation, currency, the chart of
	 * accounts, the bank account MAIN, user boss. */
	ok(verify(db, &count, &brk) == 0 && count == 5,
	    "fresh chain verifies, 5 records (2 settings, chart, MAIN, 1 "
	    "user)");

	seci_db_begin(db, 1, &err);
	ok(seci_audit_append(db, "t", "1", NULL, "{\"a\":1}", &err) == 0,
	    "append");
	ok(seci_audit_append(db, "t", "1", "{\"a\":1}", NULL, &err) == 0,
	    "append delete");
	json = seci_audit_row_json(db, "users", "login", "boss", &err);
	ok(json && strstr(json, "\"login\":\"boss\"") &&
	    strstr(json, "\"roles\":\"director\""), "row as JSON: %s", json);
	free(json);
	ok(seci_audit_row_json(db, "users", "login", "none", &err) == NULL &&
	    err.code == 0, "no such row: NULL, no error");
	seci_db_commit(db, &err);
	ok(verify(db, &count, &brk) == 0 && count == 7, "7 records verify");

	seci_db_begin(db, 0, &err);
	seci_audit_seal(db, &count, hash, &err);
	seci_db_rollback(db);
	ok(count == 7 && strlen(hash) == 64, "seal: count and 64 hex digits");

	/* Edit a record behind seci's back, as the sqlite3 shell would. */
	testdb_exec(path, "UPDATE audit SET after = '{\"a\":2}' WHERE id = 6", NULL);
	ok(verify(db, &count, &brk) == 1 && brk.id == 6 &&
	    strstr(brk.why, "does not match its digest"), "edited record 6 "
	    "found: %s", brk.why);
	testdb_exec(path, "UPDATE audit SET after = '{\"a\":1}' WHERE id = 6", NULL);
	ok(verify(db, &count, &brk) == 0, "restored: verifies again");

	/* Bytes hidden behind a NUL count too. */
	testdb_exec(path, "UPDATE audit SET before = before || char(0) || "
	    "'hidden' WHERE id = 7", NULL);
	ok(verify(db, &count, &brk) == 1 && brk.id == 7 && count == 7,
	    "text after an embedded NUL breaks the chain; all 7 counted");
	testdb_exec(path, "UPDATE audit SET before = '{\"a\":1}' WHERE id = 7",
	    NULL);
	ok(verify(db, &count, &brk) == 0, "restored");

	/* Remove a record in the middle. */
	testdb_exec(path, "DELETE FROM audit WHERE id = 2", NULL);
	ok(verify(db, &count, &brk) == 1 && brk.id == 3 &&
	    strstr(brk.why, "record 2 is missing"), "removed record found: "
	    "%s", brk.why);

	/* A rewritten time changes the hash too (every field counts). */
	testdb_exec(path, "DELETE FROM audit WHERE id > 1", NULL);
	seci_db_begin(db, 1, &err);
	seci_audit_seal(db, &count, hash, &err);
	seci_db_rollback(db);
	testdb_exec(path, "UPDATE audit SET time = '2000-01-01T00:00:00Z' "
	    "WHERE id = 1", NULL);
	ok(verify(db, &count, &brk) == 1 && brk.id == 1, "edited time found");
	seci_db_begin(db, 0, &err);
	seci_audit_seal(db, &count, hash2, &err);
	seci_db_rollback(db);
	ok(strcmp(hash, hash2) == 0, "the stored seal is unchanged by the "
	    "edit, which is why reports print it outside the database");
	seci_db_close(db);
	redaction();
	return done_testing();
}
