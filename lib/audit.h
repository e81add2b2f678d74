/*
 * audit.h - the audit trail: one record per change, chained by SHA-256.
 *
 * Each record holds the wall-clock time, the date of record, login, tool,
 * table, key, and its payload: the command line and the row before and
 * after the change as JSON.  Its hash covers the previous record's hash,
 * its own fields, and the digest of its payload (which commits to a
 * random salt kept with the payload), so editing, removing or reordering
 * a record breaks the chain from there on.  A purge (seci_audit_redact)
 * erases a payload and its salt and appends a record naming it: the chain
 * still verifies and shows the record as redacted, what was erased
 * cannot be confirmed by hashing guesses, and a payload missing without
 * such a record breaks verification.  Whoever can write the file can
 * rebuild the whole chain, so the head hash (seal) is printed in reports
 * to be kept outside the database.
 */
#ifndef SECI_AUDIT_H
#define SECI_AUDIT_H

#include <stdint.h>

#include "db.h"
#include "err.h"
#include "out.h"

#define SECI_HASH_HEX 65	/* 64 hex digits and NUL */

/*
 * Append a record for a change to table, row key.  before and after are
 * JSON texts or NULL (insert: no before; delete: no after).  Uses the
 * actor set with seci_db_set_actor().  Call inside the write transaction.
 */
int seci_audit_append(struct seci_db *db, const char *table, const char *key,
    const char *before, const char *after, struct seci_err *err);

/* The row of table whose column keycol equals key, as a JSON object text
 * (caller frees), or NULL when there is no such row (err untouched) or on
 * error (err filled).  Two key columns are written "a/b", and the key
 * then "x/y" (the first value without a '/'). */
char *seci_audit_row_json(struct seci_db *db, const char *table,
    const char *keycol, const char *key, struct seci_err *err);

/*
 * A change to one record, audited as its JSON before and after: begin
 * before the change (a record that does not exist yet has no before),
 * end after it (a deleted one has no after).  The record is a row of
 * table found by keycol, or whatever json returns for key (a budget with
 * its lines, a Party with its accounts).
 */
typedef char *seci_audit_json_fn(struct seci_db *db, const char *key,
    struct seci_err *err);

struct seci_audit_change {
	const char *table;
	const char *keycol;
	seci_audit_json_fn *json;
	char key[128];
	char *before;
};

int seci_audit_begin(struct seci_db *db, struct seci_audit_change *c,
    const char *table, const char *keycol, const char *key,
    struct seci_err *err);
int seci_audit_begin_id(struct seci_db *db, struct seci_audit_change *c,
    const char *table, int64_t id, struct seci_err *err);
int seci_audit_begin_json(struct seci_db *db, struct seci_audit_change *c,
    const char *table, const char *key, seci_audit_json_fn *json,
    struct seci_err *err);
/* Append the record (and free what begin kept); cancel only frees. */
int seci_audit_end(struct seci_db *db, struct seci_audit_change *c,
    struct seci_err *err);
void seci_audit_cancel(struct seci_audit_change *c);

/* A row just inserted: audited with its JSON after, nothing before. */
int seci_audit_added(struct seci_db *db, const char *table,
    const char *keycol, const char *key, struct seci_err *err);
int seci_audit_added_id(struct seci_db *db, const char *table, int64_t id,
    struct seci_err *err);

struct seci_audit_break {
	int64_t id;		/* first record that does not verify */
	char why[128];
	int redacted;		/* records verified without their payload */
};

/* Recompute the chain.  Returns 0 when whole, 1 when broken (brk filled),
 * -1 on error.  count receives the number of records. */
int seci_audit_verify(struct seci_db *db, int64_t *count,
    struct seci_audit_break *brk, struct seci_err *err);

/*
 * Erase the payload (command line, before, after, salt) of record id, or
 * of every record of table's row key (n receives how many), and append a
 * record naming each: who purged it, when, and reason.  Freed bytes are
 * overwritten (secure_delete); VACUUM takes them from the file's pages
 * too.  A record of before schema 6, or a purge record, cannot be
 * redacted (SECI_EXIT_DATA).  Call inside a write transaction.
 */
int seci_audit_redact(struct seci_db *db, int64_t id, const char *reason,
    struct seci_err *err);
int seci_audit_redact_key(struct seci_db *db, const char *table,
    const char *key, const char *reason, int *n, struct seci_err *err);

/* Number of records and the head hash (all zeros for an empty trail). */
int seci_audit_seal(struct seci_db *db, int64_t *count, char *hash,
    struct seci_err *err);

struct seci_audit_filter {
	const char *since;	/* YYYY-MM-DD or NULL */
	const char *login;	/* or NULL */
	const char *table;	/* or NULL */
	int reads;		/* 0: changes; 1: only the read log */
};

/* Print the matching records, oldest first:
 * id,time,login,tool,command,table,key,before,after,hash,date,status,
 * redacted_by,redacted_at (time: when it was written; date: the date of
 * record it was given; status: ok or redacted, with who purged it and
 * when).  For a reader who is neither hr nor a director, the payload of
 * confidential records (candidates, cases, declarations, gifts) and the
 * personal fields of staff records read "restricted". */
int seci_audit_log(struct seci_db *db, const struct seci_audit_filter *f,
    const struct seci_out_opts *oo, struct seci_err *err);

#endif
