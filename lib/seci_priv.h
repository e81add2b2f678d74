/*
 * seci_priv.h - what lib/ modules share with each other and never with
 * cmd/: the database handle's layout and SQLite.
 */
#ifndef SECI_PRIV_H
#define SECI_PRIV_H

#include <sqlite3.h>

#include "date.h"
#include "db.h"
#include "out.h"

struct seci_db {
	sqlite3 *h;
	char *path;
	struct seci_file *file;		/* a new database, until published */
	int decimals;			/* of the base currency */
	char currency[4];
	/* who and what, for the audit trail */
	char login[65];
	char tool[32];
	char *command;
	char head_hash[65];		/* audit chain head, once known */
	seci_day record_date;		/* the command's date of record */
	void *memo;			/* a module's cache for this transaction */
	void (*memo_free)(void *);
	int head_known;
	struct {
		const char *sql;	/* static string: compared by address */
		char *name;		/* or a statement built at run time */
		sqlite3_stmt *st;
	} *cache;
	size_t ncache, cachecap;
};

/*
 * A prepared statement for sql (a string literal: it is cached by its
 * address, so every statement is prepared once per process), reset and
 * with bindings cleared.  NULL with err filled on failure.
 */
sqlite3_stmt *seci_db_stmt(struct seci_db *db, const char *sql,
    struct seci_err *err);

/*
 * A statement whose text is built at run time (from a table's columns,
 * say), cached under a name: seci_db_stmt_named() gives it back ready to
 * use, or NULL the first time, when seci_db_stmt_keep() prepares sql and
 * keeps it under name (NULL with err filled on failure).
 */
sqlite3_stmt *seci_db_stmt_named(struct seci_db *db, const char *name);
sqlite3_stmt *seci_db_stmt_keep(struct seci_db *db, const char *name,
    const char *sql, struct seci_err *err);

/* Turn a failed SQLite call into err: SQLITE_BUSY and SQLITE_LOCKED are
 * SECI_EXIT_BUSY, constraint failures SECI_EXIT_DATA, the rest
 * SECI_EXIT_SOFTWARE.  Returns -1. */
int seci_db_fail(struct seci_db *db, int rc, const char *what,
    struct seci_err *err);

/* Run SQL text (one or more statements, no parameters, not cached); 0
 * or -1. */
int seci_db_exec_sql(struct seci_db *db, const char *sql,
    struct seci_err *err);

/*
 * Write the open transaction's changed pages out of the page cache (to
 * the WAL; nothing is committed).  Before one statement that writes
 * megabytes: in WAL mode a page it pushes out of a full cache is first
 * copied to the statement's journal, held in memory, so memory would
 * grow by the cache's size.  0 or -1.
 */
int seci_db_flush(struct seci_db *db, struct seci_err *err);

/* Step a statement that returns no rows; 0 or -1. */
int seci_db_exec_stmt(struct seci_db *db, sqlite3_stmt *st,
    struct seci_err *err);

/*
 * Print every row of st (bound, not yet stepped) through the out module:
 * column i is read as text or as an integer by cols[i].type; SQL NULL
 * stays null.  The statement is reset afterwards.
 */
int seci_db_print(struct seci_db *db, sqlite3_stmt *st,
    const struct seci_col *cols, int ncols, const struct seci_out_opts *oo,
    struct seci_err *err);

/* Room for item n (0-based) in the array *p of items of size bytes with
 * capacity *cap, doubling it when full: 0, or -1 when out of memory (*p
 * left as it was). */
int seci_grow(void *p, size_t *cap, size_t n, size_t size);

/*
 * Every row of st (bound, not yet stepped) into an array of items of
 * size bytes, each zeroed and then filled from its row by fill (which
 * returns -1 only when out of memory): the array in *(T **)out, its
 * length in *n.  0, or -1 with err filled (what names the table).  Either
 * way the caller frees *out, and what fill allocated in its first *n
 * items.  The statement is reset.
 */
typedef int seci_row_fill_fn(sqlite3_stmt *st, void *item);
int seci_db_rows(struct seci_db *db, sqlite3_stmt *st, size_t size,
    seci_row_fill_fn *fill, void *out, size_t *n, const char *what,
    struct seci_err *err);

/* Column col of st's row as text into buf of size bytes ("" for NULL,
 * cut short if longer). */
void seci_db_col_text(sqlite3_stmt *st, int col, char *buf, size_t size);

/* Step st (bound) for a single integer into *out (0 for NULL or no
 * row); 0, or -1 with err filled. The statement is reset. */
int seci_db_one_int(struct seci_db *db, sqlite3_stmt *st, int64_t *out,
    struct seci_err *err);

/* 0 when table (a constant) has a row of that id, else SECI_EXIT_DATA
 * "no NOUN ID". */
int seci_db_need_id(struct seci_db *db, const char *table, int64_t id,
    const char *noun, struct seci_err *err);

/* The text column col (a constant) of table's row id into buf; no such
 * row is SECI_EXIT_DATA "no NOUN ID". */
int seci_db_state(struct seci_db *db, const char *table, const char *col,
    int64_t id, const char *noun, char *buf, size_t size,
    struct seci_err *err);

/* For dated steps that only go forward: sql selects the latest date
 * already recorded for the key id (one ? parameter); date before it is
 * SECI_EXIT_DATA, "DATE is before the last step, LAST". */
int seci_db_not_before(struct seci_db *db, const char *sql, int64_t id,
    seci_day date, struct seci_err *err);

/* Step st (bound) for a single text into *out (a copy the caller frees;
 * NULL for NULL or no row); 0, or -1 with err filled.  The statement is
 * reset. */
int seci_db_one_text(struct seci_db *db, sqlite3_stmt *st, char **out,
    struct seci_err *err);

/* Bind text, or NULL when s is NULL. */
int seci_db_bind_text(sqlite3_stmt *st, int i, const char *s);

#endif
