/*
 * payment.h - payments received: from bank exports (payimport.c) or by
 * hand, matched to a Party or waiting in suspense, and their postings.
 */
#ifndef SECI_PAYMENT_H
#define SECI_PAYMENT_H

#include <stdint.h>
#include <stdio.h>

#include "bankbook.h"
#include "date.h"
#include "db.h"
#include "err.h"
#include "import.h"
#include "money.h"
#include "out.h"
#include "profile.h"

/* What an import did with one row of the file. */
struct seci_payment_seen {
	unsigned long line;
	const char *date;
	seci_money amount;		/* in currency */
	const char *currency;
	seci_money base;		/* in the base currency */
	const char *party;		/* NULL: suspense */
	const char *matched_by;		/* account, alias, reference; NULL */
	const char *reference, *bank_id;
	const char *status;		/* new, duplicate, outgoing */
};

typedef int seci_payment_seen_fn(void *arg,
    const struct seci_payment_seen *s, struct seci_err *err);

struct seci_payment_import_opts {
	const struct seci_profile *profile;
	const char *bank;		/* the account (NULL: MAIN) */
	seci_progress_fn *progress;	/* or NULL */
	void *progress_arg;
	seci_payment_seen_fn *seen;	/* each row, or NULL */
	void *seen_arg;
};

/*
 * Import received payments from a bank export read with o->profile.  The
 * same bank transaction (its id, or a hash of date, amount, currency,
 * account and reference) is never imported twice, unless the payment it
 * made is void.  Each is matched to a Party by payer account, then alias,
 * then a Party code standing alone in the reference when exactly one
 * does (unless the profile says otherwise); otherwise it waits in
 * suspense.  Outgoing rows (debits) are skipped and counted in skipped.
 * A file with any bad row is refused whole.  stats: read, added,
 * duplicate, unmatched.
 */
int seci_payment_import(struct seci_db *db, FILE *fp, const char *name,
    const struct seci_payment_import_opts *o,
    struct seci_import_stats *stats, unsigned long *skipped,
    struct seci_err *err);

/* The same, printing each row with what it would become (line,date,
 * amount,currency,base_amount,party,matched_by,reference,bank_id,status)
 * for a dry run: the caller rolls the transaction back. */
int seci_payment_import_preview(struct seci_db *db, FILE *fp,
    const char *name, const struct seci_payment_import_opts *o,
    const struct seci_out_opts *oo, struct seci_import_stats *stats,
    unsigned long *skipped, struct seci_err *err);

struct seci_payment {
	const char *party;
	const char *amount;	/* as typed, in currency's decimals */
	const char *currency;	/* NULL: the base currency */
	const char *rate;	/* NULL: from the rates table */
	seci_day date;
	const char *reference;
	const char *bank;	/* the bank account it came into (NULL:
				 * MAIN) */
};

/* A payment by hand, for a Party; its id in *id. */
int seci_payment_add(struct seci_db *db, const struct seci_payment *p,
    int64_t *id, struct seci_err *err);

/*
 * Corrections (paychange.c), each a reversing ledger entry on the
 * payment's date, kept with its reason, audited.  Match a payment to a
 * Party: from suspense, or from another Party (then reason is
 * required); return it to suspense; void a payment that never happened.
 * A void payment stays listed (status void) and no longer counts as its
 * bank transaction: the same one may be imported again.
 */
int seci_payment_match(struct seci_db *db, int64_t id, const char *party,
    const char *reason, struct seci_err *err);
int seci_payment_unmatch(struct seci_db *db, int64_t id, const char *reason,
    struct seci_err *err);
int seci_payment_void(struct seci_db *db, int64_t id, const char *reason,
    struct seci_err *err);
/* Void every payment of a payment import; how many in *voided. */
int seci_payment_import_void(struct seci_db *db, int64_t import_id,
    const char *reason, unsigned long *voided, struct seci_err *err);

struct seci_payment_filter {
	int year;		/* used when neither from nor to is set */
	const char *party;
	const char *from, *to;	/* YYYY-MM-DD, inclusive */
	int suspense_only;
	const char *ref, *payer;	/* text in the reference, payer name
					 * (any case) */
};

/* A payment as listed. */
struct seci_payment_row {
	int64_t id;
	const char *date;
	const char *party;		/* NULL: in suspense */
	const char *amount;		/* in its currency, as text */
	const char *currency;
	seci_money base_amount;		/* in the base currency */
	const char *account, *payer, *reference, *bank_id;
	const char *status;		/* matched, suspense, void, income */
	const char *matched_by;		/* account, alias, reference, hand */
	const char *rate;		/* base units per unit, or NULL */
};

typedef int seci_payment_fn(void *arg, const struct seci_payment_row *r,
    struct seci_err *err);

/* The payments the filter selects, by date.  A negative return from fn
 * stops the walk. */
int seci_payment_each(struct seci_db *db,
    const struct seci_payment_filter *f, seci_payment_fn *fn, void *arg,
    struct seci_err *err);

/* id,date,party,amount,currency,base_amount,reference,bank_id,status,
 * matched_by,payer,rate; with suspense_only: id,date,amount,currency,
 * base_amount,account,payer,reference,bank_id. */
int seci_payment_list(struct seci_db *db,
    const struct seci_payment_filter *f, const struct seci_out_opts *oo,
    struct seci_err *err);

/*
 * The postings of an import's receipts: a ledger transaction per day, the
 * bank debited with the day's total, each payment credited on its own to
 * its Party's receivable or to suspense.  Begin, add each payment as it
 * is written (in id order), end once; free always.
 */
struct seci_receipts;

struct seci_receipts *seci_receipts_begin(struct seci_db *db,
    const struct seci_bankacct *bank, int64_t import_id, const char *memo,
    struct seci_err *err);
/* amount in the base currency, own in the bank account's. */
int seci_receipts_add(struct seci_receipts *r, int64_t payment_id,
    const char *party, seci_money amount, seci_money own, seci_day day,
    struct seci_err *err);
int seci_receipts_end(struct seci_receipts *r, struct seci_err *err);
void seci_receipts_free(struct seci_receipts *r);

#endif
