/* Unit tests: lib/audit.c */
#include "config.h"

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
	 * accounts, user boss. */
	ok(verify(db, &count, &brk) == 0 && count == 4,
	    "fresh chain verifies, 4 records (2 settings, chart, 1 user)");

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
	ok(verify(db, &count, &brk) == 0 && count == 6, "6 records verify");

	seci_db_begin(db, 0, &err);
	seci_audit_seal(db, &count, hash, &err);
	seci_db_rollback(db);
	ok(count == 6 && strlen(hash) == 64, "seal: count and 64 hex digits");

	/* Edit a record behind seci's back, as the sqlite3 shell would. */
	testdb_exec(path, "UPDATE audit SET after = '{\"a\":2}' WHERE id = 5", NULL);
	ok(verify(db, &count, &brk) == 1 && brk.id == 5 &&
	    strstr(brk.why, "do not match"), "edited record 5 found: %s",
	    brk.why);
	testdb_exec(path, "UPDATE audit SET after = '{\"a\":1}' WHERE id = 5", NULL);
	ok(verify(db, &count, &brk) == 0, "restored: verifies again");

	/* Bytes hidden behind a NUL count too. */
	testdb_exec(path, "UPDATE audit SET before = before || char(0) || "
	    "'hidden' WHERE id = 6", NULL);
	ok(verify(db, &count, &brk) == 1 && brk.id == 6 && count == 6,
	    "text after an embedded NUL breaks the chain; all 6 counted");
	testdb_exec(path, "UPDATE audit SET before = '{\"a\":1}' WHERE id = 6",
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
	return done_testing();
}
