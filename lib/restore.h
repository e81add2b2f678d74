/*
 * restore.h - putting a backup back: the backup is checked whole (SQLite
 * integrity, a seci schema no newer than this build's, the audit chain,
 * and its seal when one is given) on a copy, the current database is
 * kept beside it as a dated copy, and the backup's pages replace the
 * database's in one transaction, through SQLite's backup API, so that
 * no reader ever sees half of either.
 */
#ifndef SECI_RESTORE_H
#define SECI_RESTORE_H

#include <stddef.h>

#include "date.h"
#include "db.h"
#include "err.h"

/*
 * Restore db (open, with no transaction) from the backup src.  seal,
 * when not NULL, is the head hash that `audit seal` printed when the
 * backup was made: another one is SECI_EXIT_DATA.  The current database
 * is first copied to PATH.YYYY-MM-DD (of today; .2, .3... when taken),
 * whose name goes to kept.  A restored database gets one audit record of
 * table "restore" naming the backup and the kept copy.  Another process
 * holding the database past busy_ms is SECI_EXIT_BUSY, and nothing is
 * changed.
 */
int seci_restore(struct seci_db *db, const char *src, const char *seal,
    seci_day today, long busy_ms, char *kept, size_t size,
    struct seci_err *err);

#endif
