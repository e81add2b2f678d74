/* testdb.h - a fresh database in a temporary folder for unit tests. */
#ifndef SECI_TESTDB_H
#define SECI_TESTDB_H

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char testdb_dir[64];
static char testdb_path[128];

static void
testdb_cleanup(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", testdb_dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", testdb_dir);
}

/* A path for a database in a new temporary folder (removed at exit). */
static __attribute__((unused)) const char *
testdb_new_path(const char *name)
{
	if (testdb_dir[0] == '\0') {
		snprintf(testdb_dir, sizeof(testdb_dir), "/tmp/seci-test-XXXXXX");
		if (mkdtemp(testdb_dir) == NULL)
			abort();
		atexit(testdb_cleanup);
	}
	snprintf(testdb_path, sizeof(testdb_path), "%s/%s", testdb_dir, name);
	return testdb_path;
}

/* A new, empty database at path (its schema committed), opened. */
static __attribute__((unused)) struct seci_db *
testdb_create(const char *path, struct seci_err *err)
{
	struct seci_db *db = seci_db_create(path, 1000, err);

	if (db == NULL)
		return NULL;
	if (seci_db_commit(db, err) < 0 || seci_db_publish(db, err) < 0) {
		seci_db_close(db);
		return NULL;
	}
	seci_db_close(db);
	return seci_db_open(path, 1000, err);
}

/* A new database, initialised with director "boss", with the actor set
 * (no transaction open). */
static __attribute__((unused)) struct seci_db *
testdb_init(const char *name, struct seci_err *err)
{
	const char *path = testdb_new_path(name);
	struct seci_db *db = seci_db_create(path, 1000, err);

	if (db == NULL)
		return NULL;
	seci_db_set_actor(db, "boss", "test", "test");
	if (seci_admin_init(db, "Test Centre", "EUR", "boss", err) < 0 ||
	    seci_db_commit(db, err) < 0 || seci_db_publish(db, err) < 0) {
		seci_db_close(db);
		return NULL;
	}
	seci_db_close(db);
	if ((db = seci_db_open(path, 1000, err)) != NULL)
		seci_db_set_actor(db, "boss", "test", "test");
	return db;
}

/* Run SQL on the file directly, as the sqlite3 shell would, behind
 * seci's back.  msg (may be NULL) receives SQLite's error message. */
static __attribute__((unused)) int
testdb_exec(const char *path, const char *sql, char **msg)
{
	sqlite3 *h;
	int rc;

	sqlite3_open(path, &h);
	rc = sqlite3_exec(h, sql, NULL, NULL, msg);
	sqlite3_close(h);
	return rc;
}

/* One number from the file, read directly as the sqlite3 shell would
 * (-1 when the query gives none). */
static __attribute__((unused)) long long
testdb_int(const char *path, const char *sql)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	long long v = -1;

	sqlite3_open(path, &h);
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return v;
}

#endif
