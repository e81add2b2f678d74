/*
 * import.h - what every bulk import shares: its row in the imports table
 * (file, SHA-256 of the file, row counts), one audit record for the whole
 * import, keys that make a re-imported row a duplicate, and progress.
 */
#ifndef SECI_IMPORT_H
#define SECI_IMPORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "csv.h"
#include "db.h"
#include "err.h"
#include "out.h"

#define SECI_ROW_KEY_HEX 33	/* 128 bits in hex and NUL */
#define SECI_ROW_KEY_MAX (SECI_ROW_KEY_HEX + 12)	/* and "#n" */

/* Called now and then during long work with the rows done so far. */
typedef void seci_progress_fn(void *arg, unsigned long rows);

struct seci_import_stats {
	unsigned long read, added, duplicate, unmatched;
	/* Payments: how the new ones were matched. */
	unsigned long by_account, by_alias, by_reference;
};

struct seci_import;

/*
 * Start an import of kind ("expense", "payment") from the file called
 * name: records its row (to get the id that imported rows carry) and
 * hashes the bytes the CSV reader sees: pass seci_import_csv_opts() the
 * reader's options.  Free with seci_import_free().
 */
struct seci_import *seci_import_begin(struct seci_db *db, const char *kind,
    const char *name, struct seci_err *err);
void seci_import_csv_opts(struct seci_import *imp,
    struct seci_csv_opts *opts);
int64_t seci_import_id(const struct seci_import *imp);

/* After the rows are in, before they are posted: the books' totals still
 * fit in 64 bits (seci_ledger_bounded), else the error names the file. */
int seci_import_bounded(struct seci_import *imp, struct seci_err *err);

/* Record the counts and the file's SHA-256, and append the one audit
 * record of the import. */
int seci_import_finish(struct seci_import *imp,
    const struct seci_import_stats *stats, struct seci_err *err);
void seci_import_free(struct seci_import *imp);

/* The imports of kind, oldest first: id,time,user,file,sha256,rows,new,
 * duplicate,status (ok or void),void_reason. */
int seci_import_list(struct seci_db *db, const char *kind,
    const struct seci_out_opts *oo, struct seci_err *err);

/*
 * A key for a row that has no reference of its own: a hash of its n
 * fields, so that a file imported twice adds its rows once.
 */
void seci_row_key(const char *const *fields, size_t n, char *hex);

/*
 * The same row twice in one file is two transactions (two equal
 * instalments on one day): the n-th occurrence of key in this import
 * gets "#n" appended for n > 1, so the file adds both, and importing it
 * again adds neither.  key has room for SECI_ROW_KEY_MAX bytes.
 *
 * A fixed filter of 2 MiB finds the keys that may have come before; only
 * those are looked up, in a temporary table of the keys met more than
 * once, and through known(arg, key), which says whether the importer
 * added a row of that key earlier in this import (1), or not (0).  A row
 * that turns out a duplicate of an earlier import must be told with
 * seci_import_note_duplicate(), so that its repeats are counted too.
 */
typedef int seci_import_known_fn(void *arg, const char *key,
    struct seci_err *err);
int seci_import_occurrence(struct seci_import *imp, char *key,
    seci_import_known_fn *known, void *arg, struct seci_err *err);
int seci_import_note_duplicate(struct seci_import *imp, const char *key,
    struct seci_err *err);

#endif
