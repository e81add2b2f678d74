/* db.c - the database file, its schema and transactions. */
#include "config.h"

#include <errno.h>
#include <grp.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"
#include "money.h"
#include "seci_priv.h"
#include "sql.inc"

#define SECI_APPLICATION_ID 0x53454349	/* "SECI" */

int
seci_db_schema_version(void)
{
	return (int)(sizeof(migrations) / sizeof(migrations[0]));
}

const char *
seci_db_path(const char *opt, const struct seci_conf *conf)
{
	const char *env;

	if (opt != NULL && *opt)
		return opt;
	if ((env = getenv("SECI_DB")) != NULL && *env)
		return env;
	if (conf != NULL && conf->database != NULL && *conf->database)
		return conf->database;
	return "./seci.db";
}

int
seci_db_fail(struct seci_db *db, int rc, const char *what,
    struct seci_err *err)
{
	const char *msg = db && db->h ? sqlite3_errmsg(db->h) :
	    sqlite3_errstr(rc);

	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return seci_err_set(err, SECI_EXIT_BUSY, "database is busy "
		    "(another process holds its lock); try again later");
	case SQLITE_CONSTRAINT:
		return seci_err_set(err, SECI_EXIT_DATA, "%s: %s", what, msg);
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_CANTOPEN:
		return seci_err_set(err, SECI_EXIT_CANTCREAT, "%s: %s", what,
		    msg);
	case SQLITE_FULL:
	case SQLITE_IOERR:
		return seci_err_set(err, SECI_EXIT_IOERR, "%s: %s", what, msg);
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		return seci_err_set(err, SECI_EXIT_DATA, "%s: %s", what, msg);
	default:
		/* sum() beyond 64 bits: the data, not the program. */
		if (strcmp(msg, "integer overflow") == 0)
			return seci_err_set(err, SECI_EXIT_DATA, "%s: amounts "
			    "add up beyond 64 bits", what);
		return seci_err_set(err, SECI_EXIT_SOFTWARE, "%s: %s", what,
		    msg);
	}
}

/* The cached statement of static text sql, or named name (a copy is
 * kept), ready to use; NULL if none yet. */
static sqlite3_stmt *
cache_find(struct seci_db *db, const char *sql, const char *name)
{
	size_t i;

	for (i = 0; i < db->ncache; i++)
		if (name ? db->cache[i].name && strcmp(db->cache[i].name,
		    name) == 0 : db->cache[i].sql == sql) {
			sqlite3_reset(db->cache[i].st);
			sqlite3_clear_bindings(db->cache[i].st);
			return db->cache[i].st;
		}
	return NULL;
}

static sqlite3_stmt *
cache_add(struct seci_db *db, const char *sql, const char *name,
    struct seci_err *err)
{
	sqlite3_stmt *st;
	char *copy = NULL;
	int rc;

	rc = sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    &st, NULL);
	if (rc != SQLITE_OK) {
		seci_db_fail(db, rc, "prepare", err);
		return NULL;
	}
	if ((name && (copy = strdup(name)) == NULL) ||
	    seci_grow(&db->cache, &db->cachecap, db->ncache,
	    sizeof(*db->cache)) < 0) {
		free(copy);
		sqlite3_finalize(st);
		seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
		return NULL;
	}
	db->cache[db->ncache].sql = name ? NULL : sql;
	db->cache[db->ncache].name = copy;
	db->cache[db->ncache].st = st;
	db->ncache++;
	return st;
}

static void
cache_clear(struct seci_db *db)
{
	size_t i;

	for (i = 0; i < db->ncache; i++) {
		sqlite3_finalize(db->cache[i].st);
		free(db->cache[i].name);
	}
	db->ncache = 0;
}

sqlite3_stmt *
seci_db_stmt(struct seci_db *db, const char *sql, struct seci_err *err)
{
	sqlite3_stmt *st = cache_find(db, sql, NULL);

	return st ? st : cache_add(db, sql, NULL, err);
}

sqlite3_stmt *
seci_db_stmt_named(struct seci_db *db, const char *name)
{
	return cache_find(db, NULL, name);
}

sqlite3_stmt *
seci_db_stmt_keep(struct seci_db *db, const char *name, const char *sql,
    struct seci_err *err)
{
	return cache_add(db, sql, name, err);
}

int
seci_db_exec_stmt(struct seci_db *db, sqlite3_stmt *st, struct seci_err *err)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return seci_db_fail(db, rc, "database", err);
	return 0;
}

int
seci_db_print(struct seci_db *db, sqlite3_stmt *st,
    const struct seci_col *cols, int ncols, const struct seci_out_opts *oo,
    struct seci_err *err)
{
	struct seci_cell c[64];
	struct seci_out *o;
	int rc, i;

	if (ncols > 64)
		return seci_err_set(err, SECI_EXIT_SOFTWARE, "too many columns");
	if ((o = seci_out_begin(oo, cols, ncols, err)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < ncols; i++) {
			if (sqlite3_column_type(st, i) == SQLITE_NULL)
				c[i] = seci_cell_null();
			else if (cols[i].type == SECI_COL_TEXT ||
			    cols[i].type == SECI_COL_DECIMAL)
				c[i] = seci_cell_text((const char *)
				    sqlite3_column_text(st, i));
			else
				c[i] = seci_cell_int(sqlite3_column_int64(st,
				    i));
		}
		if (seci_out_row(o, c, err) < 0)
			break;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		seci_out_abort(o);
		return err->code ? -1 : seci_db_fail(db, rc, "database", err);
	}
	return seci_out_end(o, err);
}

int
seci_db_one_int(struct seci_db *db, sqlite3_stmt *st, int64_t *out,
    struct seci_err *err)
{
	int rc = sqlite3_step(st);

	*out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return seci_db_fail(db, rc, "database", err);
	return 0;
}

int
seci_db_need_id(struct seci_db *db, const char *table, int64_t id,
    const char *noun, struct seci_err *err)
{
	char sql[96];
	sqlite3_stmt *st;
	int64_t n;

	snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s WHERE id = ?",
	    table);
	if ((st = seci_db_stmt(db, sql, err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (seci_db_one_int(db, st, &n, err) < 0)
		return -1;
	return n ? 0 : seci_err_set(err, SECI_EXIT_DATA, "no %s %lld", noun,
	    (long long)id);
}

int
seci_db_state(struct seci_db *db, const char *table, const char *col,
    int64_t id, const char *noun, char *buf, size_t size,
    struct seci_err *err)
{
	char sql[96];
	sqlite3_stmt *st;
	int rc;

	snprintf(sql, sizeof(sql), "SELECT %s FROM %s WHERE id = ?", col,
	    table);
	if ((st = seci_db_stmt(db, sql, err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	buf[0] = '\0';
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		seci_db_col_text(st, 0, buf, size);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return seci_db_fail(db, rc, table, err);
	if (rc == SQLITE_DONE)
		return seci_err_set(err, SECI_EXIT_DATA, "no %s %lld", noun,
		    (long long)id);
	return 0;
}

int
seci_db_not_before(struct seci_db *db, const char *sql, int64_t id,
    seci_day date, struct seci_err *err)
{
	char day[SECI_DATE_BUFSZ], *last;
	sqlite3_stmt *st;
	int bad;

	if ((st = seci_db_stmt(db, sql, err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (seci_db_one_text(db, st, &last, err) < 0)
		return -1;
	seci_date_format(date, day);
	bad = last != NULL && strcmp(day, last) < 0;
	if (bad)
		seci_err_set(err, SECI_EXIT_DATA, "%s is before the last step, "
		    "%s", day, last);
	free(last);
	return bad ? -1 : 0;
}

int
seci_db_one_text(struct seci_db *db, sqlite3_stmt *st, char **out,
    struct seci_err *err)
{
	const char *t;
	int rc = sqlite3_step(st);

	*out = NULL;
	if (rc == SQLITE_ROW && (t = (const char *)sqlite3_column_text(st,
	    0)) != NULL && (*out = strdup(t)) == NULL)
		rc = SQLITE_NOMEM;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return seci_db_fail(db, rc, "database", err);
	return 0;
}

int
seci_grow(void *p, size_t *cap, size_t n, size_t size)
{
	void **arr = p, *q;
	size_t c = *cap ? *cap : 16;

	if (n < *cap)
		return 0;
	while (c <= n)
		c *= 2;
	if ((q = realloc(*arr, c * size)) == NULL)
		return -1;
	*arr = q;
	*cap = c;
	return 0;
}

int
seci_db_rows(struct seci_db *db, sqlite3_stmt *st, size_t size,
    seci_row_fill_fn *fill, void *out, size_t *n, const char *what,
    struct seci_err *err)
{
	char **arr = out;
	size_t cap = 0;
	int rc, oom = 0;

	*arr = NULL;
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char *item;

		if (seci_grow(arr, &cap, *n, size) < 0) {
			oom = 1;
			break;
		}
		item = *arr + *n * size;
		memset(item, 0, size);
		if (fill(st, item) < 0) {
			oom = 1;
			break;
		}
		(*n)++;
	}
	sqlite3_reset(st);
	if (oom)
		return seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
	if (rc != SQLITE_DONE)
		return seci_db_fail(db, rc, what, err);
	return 0;
}

void
seci_db_col_text(sqlite3_stmt *st, int col, char *buf, size_t size)
{
	const char *t = (const char *)sqlite3_column_text(st, col);

	snprintf(buf, size, "%s", t ? t : "");
}

int
seci_db_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s == NULL)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

static int
exec(struct seci_db *db, const char *sql, struct seci_err *err)
{
	int rc = sqlite3_exec(db->h, sql, NULL, NULL, NULL);

	if (rc != SQLITE_OK)
		return seci_db_fail(db, rc, "database", err);
	return 0;
}

int
seci_db_exec_sql(struct seci_db *db, const char *sql, struct seci_err *err)
{
	return exec(db, sql, err);
}

int
seci_db_bulk(struct seci_db *db, struct seci_err *err)
{
	/* SQLite ignores this inside a transaction: say so, not nothing. */
	if (!sqlite3_get_autocommit(db->h))
		return seci_err_set(err, SECI_EXIT_SOFTWARE, "seci_db_bulk() "
		    "inside a transaction");
	return exec(db, "PRAGMA foreign_keys = OFF", err);
}

int
seci_db_flush(struct seci_db *db, struct seci_err *err)
{
	int rc = sqlite3_db_cacheflush(db->h);

	return rc == SQLITE_OK ? 0 : seci_db_fail(db, rc, "database", err);
}

static int
pragma_int(struct seci_db *db, const char *sql, int *out,
    struct seci_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL)) != SQLITE_OK)
		return seci_db_fail(db, rc, "database", err);
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return seci_db_fail(db, rc, "database", err);
	return 0;
}

/* SQL seci_amount(minor_units, currency): the amount as text with the
 * currency's decimals, "1234.50" (never through floating point). */
static void
sql_amount(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	char buf[SECI_MONEY_BUFSZ];
	const char *cur = (const char *)sqlite3_value_text(argv[1]);
	int dec = seci_currency_decimals(cur);

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(cx);
		return;
	}
	seci_money_format(sqlite3_value_int64(argv[0]), dec < 0 ? 2 : dec, 0,
	    buf);
	sqlite3_result_text(cx, buf, -1, SQLITE_TRANSIENT);
}

static struct seci_db *
handle_new(const char *path, int flags, long busy_ms, struct seci_err *err)
{
	struct seci_db *db = calloc(1, sizeof(*db));
	int rc;

	if (db == NULL || (db->path = strdup(path)) == NULL) {
		free(db);
		seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
		return NULL;
	}
	/* One thread: no mutexes, no memory statistics.  (Refused, and
	 * harmless, once SQLite is initialised.) */
	sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	/* A statement journal holds what one statement changed, a few
	 * pages: in memory, never spilled to a file that a million-row
	 * import would then write to twice per row.  (The one statement of
	 * megabytes, an import's postings, flushes the cache first:
	 * seci_db_flush().) */
	sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, -1);
	rc = sqlite3_open_v2(path, &db->h, flags, NULL);
	if (rc != SQLITE_OK) {
		seci_err_set(err, rc == SQLITE_CANTOPEN ? SECI_EXIT_NOINPUT :
		    SECI_EXIT_SOFTWARE, "cannot open database '%s': %s",
		    path, db->h ? sqlite3_errmsg(db->h) : sqlite3_errstr(rc));
		seci_db_close(db);
		return NULL;
	}
	sqlite3_extended_result_codes(db->h, 1);
	sqlite3_create_function(db->h, "seci_amount", 2, SQLITE_UTF8 |
	    SQLITE_DETERMINISTIC, NULL, sql_amount, NULL, NULL);
	sqlite3_busy_timeout(db->h, (int)busy_ms);
	memcpy(db->currency, "EUR", 4);
	db->decimals = 2;
	/* A page cache of up to 24 MiB: bulk imports touch several indexes
	 * at once; allocated only as pages are used, so memory stays flat. */
	if (exec(db, "PRAGMA foreign_keys = ON", err) < 0 ||
	    exec(db, "PRAGMA cache_size = -24576", err) < 0) {
		seci_db_close(db);
		return NULL;
	}
	return db;
}

/* Apply migrations from version `from` up, in the caller's transaction. */
static int
migrate(struct seci_db *db, int from, struct seci_err *err)
{
	char sql[64];
	int v;

	for (v = from; v < seci_db_schema_version(); v++)
		if (exec(db, migrations[v], err) < 0)
			return seci_err_prefix(err, 0, "schema version %d",
			    v + 1);
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", v);
	return exec(db, sql, err);
}

static int
load_settings(struct seci_db *db, struct seci_err *err)
{
	sqlite3_stmt *st;
	const char *cur;

	st = seci_db_stmt(db, "SELECT value FROM settings WHERE key = "
	    "'currency'", err);
	if (st == NULL)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW &&
	    (cur = (const char *)sqlite3_column_text(st, 0)) != NULL &&
	    seci_currency_decimals(cur) >= 0) {
		memcpy(db->currency, cur, 4);
		db->decimals = seci_currency_decimals(cur);
	}
	sqlite3_reset(st);
	return 0;
}

/*
 * The new database is built in a temporary file beside path and appears
 * under its name only when complete (seci_db_publish), so an init that
 * fails or is killed leaves nothing that blocks the next one.
 */
struct seci_db *
seci_db_create(const char *path, long busy_ms, struct seci_err *err)
{
	struct seci_file *f;
	struct seci_db *db;
	char sql[64];

	if ((f = seci_file_create(path, SECI_FILE_NEW, err)) == NULL)
		return NULL;
	if (seci_file_close_stream(f, err) < 0 ||
	    (db = handle_new(seci_file_temp_path(f), SQLITE_OPEN_READWRITE,
	    busy_ms, err)) == NULL) {
		seci_file_abort(f);
		return NULL;
	}
	db->file = f;
	snprintf(sql, sizeof(sql), "PRAGMA application_id = %d",
	    SECI_APPLICATION_ID);
	/* 8 KiB pages: shallower trees for tables of a million rows.  The
	 * schema is written in the transaction the caller commits. */
	if (exec(db, "PRAGMA page_size = 8192", err) < 0 ||
	    exec(db, "PRAGMA journal_mode = WAL", err) < 0 ||
	    exec(db, sql, err) < 0 || exec(db, "BEGIN IMMEDIATE", err) < 0 ||
	    migrate(db, 0, err) < 0) {
		seci_db_discard(db);
		return NULL;
	}
	return db;
}

int
seci_db_share(struct seci_db *db, const char *group, struct seci_err *err)
{
	const char *tmp = db->file ? seci_file_temp_path(db->file) : NULL;
	const char *slash = strrchr(db->path, '/');
	struct group *g = getgrnam(group);
	struct stat st;
	char *dir;

	if (g == NULL)
		return seci_err_set(err, SECI_EXIT_USAGE, "--group: no group "
		    "'%s' on this system (groupadd %s)", group, group);
	if (tmp == NULL)
		return seci_err_set(err, SECI_EXIT_SOFTWARE, "only a new "
		    "database is shared this way");
	if (chown(tmp, (uid_t)-1, g->gr_gid) < 0 || chmod(tmp, 0660) < 0)
		return seci_err_set(err, errno == EPERM ? SECI_EXIT_PERM :
		    SECI_EXIT_CANTCREAT, "--group %s: cannot give the database "
		    "to the group: %s (you must be in it)", group,
		    strerror(errno));
	dir = slash ? strndup(db->path, (size_t)(slash - db->path) + (slash ==
	    db->path)) : strdup(".");
	if (dir != NULL && stat(dir, &st) == 0 && (st.st_gid != g->gr_gid ||
	    !(st.st_mode & S_ISGID) || (st.st_mode & 0070) != 0070))
		seci_err_report(err, SECI_WARN, "the folder '%s' should belong "
		    "to group %s, set-group-ID and group-writable, so that the "
		    "-wal and -shm files and backups made in it are the group's "
		    "too: chgrp %s '%s' && chmod 2770 '%s'", dir, group, group,
		    dir, dir);
	free(dir);
	return 0;
}

int
seci_db_publish(struct seci_db *db, struct seci_err *err)
{
	struct seci_file *f = db->file;

	if (f == NULL)
		return 0;
	/* Empty the WAL into the file, then close: only the file is left. */
	if (exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", err) < 0)
		return -1;
	cache_clear(db);
	sqlite3_close(db->h);
	db->h = NULL;
	db->file = NULL;
	/* Given its name only now, and never over anything there. */
	return seci_file_commit(f, err);
}

/*
 * In WAL mode every connection, even one that only reads, needs the -shm
 * file beside the database, and the first one creates it.  A directory
 * where it cannot be created would otherwise surface as SQLite's "attempt
 * to write a readonly database" on the first read.
 */
static int
wal_dir_usable(const char *given, struct seci_err *err)
{
	/* SQLite puts the -shm file beside the file a link points to. */
	char *real = realpath(given, NULL);
	const char *path = real ? real : given, *slash = strrchr(path, '/');
	char *dir, *shm;
	int ok = 1, saved = 0;

	if (asprintf(&shm, "%s-shm", path) < 0) {
		free(real);
		return seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
	}
	if (slash == NULL)
		dir = strdup(".");
	else if (slash == path)
		dir = strdup("/");
	else
		dir = strndup(path, (size_t)(slash - path));
	if (dir == NULL) {
		free(shm);
		free(real);
		return seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
	}
	if (access(shm, F_OK) < 0 && access(dir, W_OK) < 0 &&
	    (errno == EACCES || errno == EROFS)) {
		saved = errno;
		ok = 0;
	}
	if (!ok)
		seci_err_set(err, SECI_EXIT_CANTCREAT, "cannot use database "
		    "'%s': its directory '%s' is %s, and SQLite must create "
		    "'%s' there even to read", given, dir, saved == EROFS ?
		    "on a read-only file system" : "not writable for you", shm);
	free(dir);
	free(shm);
	free(real);
	return ok ? 0 : -1;
}

struct seci_db *
seci_db_open(const char *path, long busy_ms, struct seci_err *err)
{
	struct seci_db *db;
	struct stat st;
	int appid, version;

	if (stat(path, &st) < 0) {
		seci_err_set(err, errno == EACCES ? SECI_EXIT_PERM :
		    SECI_EXIT_NOINPUT, errno == ENOENT ?
		    "no database '%s' (create one with 'seci-admin init', or "
		    "name it with --db or SECI_DB)" : "cannot open database "
		    "'%s': %s", path, strerror(errno));
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		seci_err_set(err, SECI_EXIT_NOINPUT, "cannot open database "
		    "'%s': not a regular file", path);
		return NULL;
	}
	if (access(path, R_OK | W_OK) < 0 && errno == EACCES) {
		seci_err_set(err, SECI_EXIT_PERM, "permission denied: cannot "
		    "open database '%s' for reading and writing", path);
		return NULL;
	}
	if (wal_dir_usable(path, err) < 0)
		return NULL;
	if ((db = handle_new(path, SQLITE_OPEN_READWRITE, busy_ms,
	    err)) == NULL)
		return NULL;
	if (pragma_int(db, "PRAGMA application_id", &appid, err) < 0 ||
	    pragma_int(db, "PRAGMA user_version", &version, err) < 0) {
		if (err->code != SECI_EXIT_BUSY)
			seci_err_prefix(err, SECI_EXIT_DATA, "'%s' is not a seci "
			    "database", path);
		seci_db_close(db);
		return NULL;
	}
	if (appid != SECI_APPLICATION_ID || version == 0) {
		seci_err_set(err, SECI_EXIT_DATA, "'%s' is not a seci database",
		    path);
		seci_db_close(db);
		return NULL;
	}
	if (version > seci_db_schema_version()) {
		seci_err_set(err, SECI_EXIT_DATA, "database '%s' has schema "
		    "version %d, newer than this seci knows (%d); use a newer "
		    "seci", path, version, seci_db_schema_version());
		seci_db_close(db);
		return NULL;
	}
	/* A restored backup comes back in rollback-journal mode. */
	if (exec(db, "PRAGMA journal_mode = WAL", err) < 0 ||
	    load_settings(db, err) < 0)
		goto fail;
	return db;
fail:
	seci_db_close(db);
	return NULL;
}

int
seci_db_migrate(struct seci_db *db, struct seci_err *err)
{
	int version;

	if (pragma_int(db, "PRAGMA user_version", &version, err) < 0)
		return -1;
	if (version >= seci_db_schema_version())
		return 0;
	if (exec(db, "BEGIN IMMEDIATE", err) < 0)
		return -1;
	/* Another process may have migrated it meanwhile. */
	if (pragma_int(db, "PRAGMA user_version", &version, err) < 0 ||
	    (version < seci_db_schema_version() &&
	    migrate(db, version, err) < 0) || exec(db, "COMMIT", err) < 0) {
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	/* Statements built from the old tables' columns are stale. */
	cache_clear(db);
	return load_settings(db, err);
}

static void
memo_drop(struct seci_db *db)
{
	if (db->memo && db->memo_free)
		db->memo_free(db->memo);
	db->memo = NULL;
	db->memo_free = NULL;
}

void
seci_db_close(struct seci_db *db)
{
	if (db == NULL)
		return;
	memo_drop(db);
	cache_clear(db);
	if (db->h != NULL)
		sqlite3_close(db->h);
	free(db->cache);
	free(db->path);
	seci_file_abort(db->file);
	free(db->command);
	free(db);
}

void
seci_db_discard(struct seci_db *db)
{
	struct seci_file *f;
	char aux[4096];

	if (db == NULL)
		return;
	f = db->file;
	db->file = NULL;
	seci_db_close(db);
	if (f != NULL) {
		snprintf(aux, sizeof(aux), "%s-wal", seci_file_temp_path(f));
		unlink(aux);
		snprintf(aux, sizeof(aux), "%s-shm", seci_file_temp_path(f));
		unlink(aux);
	}
	seci_file_abort(f);
}

void
seci_db_set_actor(struct seci_db *db, const char *login, const char *tool,
    const char *command)
{
	snprintf(db->login, sizeof(db->login), "%s", login);
	snprintf(db->tool, sizeof(db->tool), "%s", tool);
	free(db->command);
	db->command = strdup(command ? command : "");
}

void
seci_db_set_date(struct seci_db *db, seci_day day)
{
	db->record_date = day;
}

int
seci_db_begin(struct seci_db *db, int write, struct seci_err *err)
{
	db->head_known = 0;
	memo_drop(db);
	if (exec(db, write ? "BEGIN IMMEDIATE" : "BEGIN", err) < 0)
		return -1;
	return load_settings(db, err);
}

int
seci_db_commit(struct seci_db *db, struct seci_err *err)
{
	return exec(db, "COMMIT", err);
}

void
seci_db_rollback(struct seci_db *db)
{
	if (db != NULL && db->h != NULL && !sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

int
seci_db_decimals(const struct seci_db *db)
{
	return db->decimals;
}

const char *
seci_db_file(const struct seci_db *db)
{
	return db->path;
}
