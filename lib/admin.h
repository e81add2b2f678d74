/*
 * admin.h - the database as a whole: initial contents, users, checks,
 * backups.
 */
#ifndef SECI_ADMIN_H
#define SECI_ADMIN_H

#include "db.h"
#include "err.h"
#include "ledger.h"
#include "out.h"

/* Fill a database that seci_db_create() made: organisation, base
 * currency, the default chart of accounts, and director as its first
 * user with the director role.  Audited. */
int seci_admin_init(struct seci_db *db, const char *org,
    const char *currency, const char *director, struct seci_err *err);

/* The organisation's name, as init stored it, into buf (size bytes). */
int seci_admin_org(struct seci_db *db, char *buf, size_t size,
    struct seci_err *err);

/* Users.  Logins are 1-64 of [A-Za-z0-9._-], not starting with '-'.
 * Adding an existing login or removing the last director is
 * SECI_EXIT_DATA; removing an unknown one too.  Audited. */
int seci_user_add(struct seci_db *db, const char *login, unsigned roles,
    struct seci_err *err);
int seci_user_remove(struct seci_db *db, const char *login,
    struct seci_err *err);
/* login,roles,created,created_by */
int seci_user_list(struct seci_db *db, const struct seci_out_opts *oo,
    struct seci_err *err);

/*
 * Every consistency check: SQLite's integrity_check, foreign keys, the
 * ledger (seci_ledger_check), the audit chain, and a database file that
 * others may read.  Each finding goes to fn, and each check that found
 * nothing once with detail NULL; returns the number of findings, or -1.
 */
int seci_admin_check(struct seci_db *db, const char *group,
    seci_finding_fn *fn, void *arg, struct seci_err *err);

/* A consistent online copy of the database in dest (mode 0600), written
 * to a temporary file beside dest and renamed into place.  An existing
 * dest is replaced.  Failure to create it is SECI_EXIT_CANTCREAT. */
int seci_admin_backup(struct seci_db *db, const char *dest,
    struct seci_err *err);

#endif
