/*
 * db.h - the one SQLite file: finding it, creating it, opening it,
 * migrating it, and one transaction per command.
 */
#ifndef SECI_DB_H
#define SECI_DB_H

#include "conf.h"
#include "date.h"
#include "err.h"

struct seci_db;

/* The schema version this build writes (PRAGMA user_version). */
int seci_db_schema_version(void);

/* Resolve the database path: opt (--db), else $SECI_DB, else the config's
 * database key, else ./seci.db.  Returns a borrowed string. */
const char *seci_db_path(const char *opt, const struct seci_conf *conf);

/*
 * Create a new database for path: file mode 0600 whatever the umask, WAL,
 * the whole schema, in a write transaction left open for the caller to
 * fill and commit.  It is built in a temporary file beside path and only
 * seci_db_publish(), after the commit, gives it its name; on failure
 * seci_db_discard() removes it.  Refuses (SECI_EXIT_CANTCREAT) when path
 * exists.
 */
struct seci_db *seci_db_create(const char *path, long busy_ms,
    struct seci_err *err);
/*
 * A new database (before seci_db_publish) shared by the OS group: its
 * file given to the group with mode 0660; SQLite gives the -wal and -shm
 * files the same.  An unknown group is SECI_EXIT_USAGE; one the user may
 * not give files to, SECI_EXIT_PERM.  A folder that is not set-group-ID
 * to the group is a warning (files made in it later would not be the
 * group's).
 */
int seci_db_share(struct seci_db *db, const char *group,
    struct seci_err *err);

/* Give a committed new database its name (never replacing a file) and
 * close its connection. */
int seci_db_publish(struct seci_db *db, struct seci_err *err);

/*
 * Open an existing database: a missing file is SECI_EXIT_NOINPUT, one the
 * user may not read and write SECI_EXIT_PERM, a file that is not a seci
 * database or has a newer schema SECI_EXIT_DATA.  Foreign keys on, busy
 * timeout busy_ms.  An older schema is left as it is until
 * seci_db_migrate(), which the command skeleton calls once the user is
 * known to have a role.
 */
struct seci_db *seci_db_open(const char *path, long busy_ms,
    struct seci_err *err);
/* Bring an older schema up to date, in one transaction. */
int seci_db_migrate(struct seci_db *db, struct seci_err *err);

void seci_db_close(struct seci_db *db);
/* Close and remove the files of a database that seci_db_create() made. */
void seci_db_discard(struct seci_db *db);

/* Who is acting, for the audit trail (copied). */
void seci_db_set_actor(struct seci_db *db, const char *login,
    const char *tool, const char *command);

/* The date of record of what the command writes (its --date, else
 * --as-of): the audit trail keeps it beside the wall-clock time. */
void seci_db_set_date(struct seci_db *db, seci_day day);

/* BEGIN IMMEDIATE (write) or BEGIN (a read snapshot); COMMIT; ROLLBACK.
 * A lock held past the busy timeout is SECI_EXIT_BUSY. */
int seci_db_begin(struct seci_db *db, int write, struct seci_err *err);

/*
 * Foreign keys are not looked up on this connection: for a bulk import
 * whose every reference is a value it has checked itself (a Party from
 * the codes it read in the same transaction, its own import, a fixed
 * account), where a lookup in the parent table for each of a million
 * rows buys nothing.  'seci-admin check' runs foreign_key_check.  Before
 * seci_db_begin(): SQLite ignores the setting inside a transaction.
 */
int seci_db_bulk(struct seci_db *db, struct seci_err *err);
int seci_db_commit(struct seci_db *db, struct seci_err *err);
void seci_db_rollback(struct seci_db *db);

/* The base currency's decimals, from the database's settings. */
int seci_db_decimals(const struct seci_db *db);
const char *seci_db_file(const struct seci_db *db);

#endif
