/*
 * party.h - Parties and Permanent Observers: their codes, names and kinds,
 * and the bank accounts and payer names their payments come under.
 */
#ifndef SECI_PARTY_H
#define SECI_PARTY_H

#include <stddef.h>
#include <stdio.h>

#include "db.h"
#include "err.h"
#include "import.h"
#include "out.h"

#define SECI_PARTY_CODE_MAX 16

struct seci_party {
	const char *code;	/* 1-16 of A-Z 0-9 _ - */
	const char *name;
	const char *kind;	/* "party" or "observer" */
	const char *const *accounts;	/* bank accounts, normalised on
					 * the way in (bank.h) */
	size_t naccounts;
	const char *const *aliases;	/* payer names, compared ignoring case */
	size_t naliases;
};

int seci_party_add(struct seci_db *db, const struct seci_party *p,
    struct seci_err *err);

/* A change to a Party: NULL or 0 for what stays as it is. */
struct seci_party_edit {
	const char *code;
	const char *name, *kind;
	const char *const *add_accounts, *const *remove_accounts;
	size_t nadd_accounts, nremove_accounts;
	const char *const *add_aliases, *const *remove_aliases;
	size_t nadd_aliases, nremove_aliases;
};

/* Rename a Party, change its kind, add or remove its accounts and payer
 * names, in one audited change.  Letters and reports use the name it has
 * now; payments already matched stay matched. */
int seci_party_edit(struct seci_db *db, const struct seci_party_edit *e,
    struct seci_err *err);

/* 0 if code is a Party or Observer, else SECI_EXIT_DATA "no party". */
int seci_party_exists(struct seci_db *db, const char *code,
    struct seci_err *err);

/* A Party as listed: accounts and aliases joined by ';' (NULL: none). */
struct seci_party_row {
	const char *code, *name, *kind;
	int observer;
	const char *accounts, *aliases;
};

typedef int seci_party_fn(void *arg, const struct seci_party_row *r,
    struct seci_err *err);

/* Every Party, then every Observer, by code.  A negative return from fn
 * stops the walk. */
int seci_party_each(struct seci_db *db, seci_party_fn *fn, void *arg,
    struct seci_err *err);

/* code,name,kind,accounts,aliases: the rows of seci_party_each(). */
int seci_party_list(struct seci_db *db, const struct seci_out_opts *oo,
    struct seci_err *err);

/* CSV code,name,kind and optionally accounts,aliases (';'-separated).  A
 * Party already there with the same name and kind is a duplicate, whose
 * new accounts and aliases are added (with a warning); with another name
 * or kind, an error.  Every bad row reported, nothing written on error. */
int seci_party_import(struct seci_db *db, FILE *fp, const char *name,
    struct seci_import_stats *stats, struct seci_err *err);

/* The Party of key (its code) with its accounts and aliases, as JSON for
 * the audit trail (caller frees). */
char *seci_party_json(struct seci_db *db, const char *key,
    struct seci_err *err);

#endif
