/*
 * ledger.h - the double-entry general ledger under every amount.
 *
 * Debits are positive, credits negative.  A transaction is written with
 * all its postings and then closed; the database itself (a trigger in
 * the schema) refuses to close one whose postings do not add up to zero,
 * and refuses any change to a closed one.  Corrections are new,
 * reversing transactions.  As it closes, the database adds its postings
 * to the balances by account, Party and day that every statement reads.
 *
 * A posting may name the row it is for (source_id, the transaction's
 * source being its kind: a payment among a day's receipts) and, on
 * receivables and advances, the Party: the receivables subledger.
 */
#ifndef SECI_LEDGER_H
#define SECI_LEDGER_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "db.h"
#include "money.h"
#include "out.h"

/* Accounts of the default chart (share/seci/accounts.csv). */
#define SECI_ACC_BANK "1000"
#define SECI_ACC_RECEIVABLE "1100"
#define SECI_ACC_OTHER_RECEIVABLE "1200"
#define SECI_ACC_FIXED_ASSETS "1500"
#define SECI_ACC_ACCUM_DEPRECIATION "1590"
#define SECI_ACC_PAYABLE "2000"
#define SECI_ACC_ADVANCE "2100"
#define SECI_ACC_SUSPENSE "2200"
#define SECI_ACC_NET_ASSETS "3000"
#define SECI_ACC_SURPLUS "3100"	/* revenue less expenses not closed; a
					 * close posts what it moves to 3000 */
#define SECI_ACC_CONTRIBUTIONS "4000"
#define SECI_ACC_OBSERVER_FEES "4100"
#define SECI_ACC_OTHER_REVENUE "4900"
#define SECI_ACC_FX_GAIN "4950"
#define SECI_ACC_FX_LOSS "5950"
#define SECI_ACC_STAFF "5000"
#define SECI_ACC_OPERATING "5100"
#define SECI_ACC_DEPRECIATION "5200"
#define SECI_ACC_DISPOSAL_LOSS "5300"

struct seci_posting {
	const char *account;
	seci_money amount;	/* debit > 0, credit < 0 */
	const char *party;	/* receivables and advances: whose, or NULL */
	int64_t source_id;	/* the row it is for, or 0: the transaction's */
};

struct seci_ledger_ref {
	const char *source;	/* e.g. "expense", "payment" */
	int64_t source_id;	/* the row it comes from, or 0 */
	int64_t import_id;	/* the bulk import, or 0 */
};

/* Load the default chart of accounts (built in from
 * share/seci/accounts.csv). */
int seci_ledger_load_chart(struct seci_db *db, struct seci_err *err);

/*
 * Post one balanced transaction of n postings dated date.  An unbalanced
 * one is refused (SECI_EXIT_DATA) by the database.  txn_id, if not NULL,
 * receives the new transaction's id.
 */
int seci_ledger_post(struct seci_db *db, seci_day date, const char *memo,
    const struct seci_ledger_ref *ref, const struct seci_posting *p,
    size_t n, int64_t *txn_id, struct seci_err *err);

/* Balance of one account (debits minus credits) on date, inclusive; of
 * one Party's part of it when party is not NULL. */
int seci_ledger_balance(struct seci_db *db, const char *account,
    const char *party, seci_day as_of, seci_money *balance,
    struct seci_err *err);

/* An open transaction, to add postings to one by one (a day's
 * receipts); seci_ledger_close() closes it, and the database checks its
 * balance then. */
#define SECI_TXN_SUMS 32
/* The longest account or Party code a transaction's sums keep (a Party's
 * code has at most 16 characters, the chart's accounts four digits). */
#define SECI_LEDGER_CODE_MAX 23

struct seci_txn {
	int64_t id;
	int64_t seq;		/* postings added so far */
	char date[11];
	/* Its postings summed by account and Party, for the balances by
	 * day (written when full, and at close). */
	size_t nsums;
	struct {
		char account[SECI_LEDGER_CODE_MAX + 1];
		char party[SECI_LEDGER_CODE_MAX + 1];
		seci_money amount;
	} sum[SECI_TXN_SUMS];
};

int seci_ledger_open(struct seci_db *db, seci_day date, const char *memo,
    const struct seci_ledger_ref *ref, struct seci_txn *t,
    struct seci_err *err);
int seci_ledger_add(struct seci_db *db, struct seci_txn *t,
    const struct seci_posting *p, struct seci_err *err);
int seci_ledger_close(struct seci_db *db, struct seci_txn *t,
    struct seci_err *err);

/* Count in t's balances by day a posting that was written to it in bulk
 * (INSERT ... SELECT), not through seci_ledger_add(). */
int seci_ledger_count(struct seci_db *db, struct seci_txn *t,
    const struct seci_posting *p, struct seci_err *err);

/*
 * Whether every total a report can make still fits in 64 bits: the sum of
 * the absolute amounts in the books (balances by day, payments in their
 * own currencies, expenses) stays below 2^63 minor units, so no sum of
 * any of them can overflow.  Beyond it: SECI_EXIT_DATA, "amounts would
 * add up beyond what can be totalled".  Imports and entries call it
 * before they commit.
 */
int seci_ledger_bounded(struct seci_db *db, struct seci_err *err);

/*
 * Ledger findings for `check`: transactions left open, closed ones that
 * do not balance, a trial balance that is not zero, and balances by day
 * that disagree with the postings.  Each finding is
 * passed to fn with its detail; a check that found nothing is passed once
 * with detail NULL.  Returns the number of findings, or -1.
 */
typedef void seci_finding_fn(void *arg, const char *check,
    const char *detail);
int seci_ledger_check(struct seci_db *db, seci_finding_fn *fn, void *arg,
    struct seci_err *err);

#endif
