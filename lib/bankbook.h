/*
 * bankbook.h - the Center's bank accounts and every movement of money
 * through them: in each account's own currency, and in the base currency
 * that its ledger account holds.  MAIN, on ledger account 1000 in the
 * base currency, is in every database.  A foreign-currency account keeps
 * its own balance; a revaluation books the exchange difference.
 */
#ifndef SECI_BANKBOOK_H
#define SECI_BANKBOOK_H

#include <stdint.h>

#include "date.h"
#include "db.h"
#include "err.h"
#include "ledger.h"
#include "money.h"
#include "out.h"

#define SECI_BANK_MAIN "MAIN"
#define SECI_BANK_CODE_MAX 16

struct seci_bankacct {
	char code[SECI_BANK_CODE_MAX + 1];
	char currency[4];
	char ledger[SECI_LEDGER_CODE_MAX + 1];	/* its ledger account */
	int decimals;		/* of its currency */
	int base;		/* 1 when in the base currency */
};

/* The account code (NULL: MAIN); no such account is SECI_EXIT_DATA. */
int seci_bank_get(struct seci_db *db, const char *code,
    struct seci_bankacct *b, struct seci_err *err);

/* MAIN on ledger account 1000 in the base currency (init). */
int seci_bank_add_main(struct seci_db *db, struct seci_err *err);

/* A new account on ledger account ledger, one of 1000-1099: an asset
 * account of the chart that no other account uses, or a new one, made
 * then as "Bank CODE". */
int seci_bank_add(struct seci_db *db, const char *code, const char *currency,
    const char *ledger, const char *iban, struct seci_err *err);

/* code,currency,ledger_account,iban,balance (own currency),
 * base_balance, on as_of. */
int seci_bank_list(struct seci_db *db, seci_day as_of,
    const struct seci_out_opts *oo, struct seci_err *err);

/* base (minor units of the base currency) in b's currency on date: the
 * same for a base-currency account, else through date's rate. */
int seci_bank_own(struct seci_db *db, const struct seci_bankacct *b,
    seci_money base, seci_day date, seci_money *own, struct seci_err *err);

/* What a payment of orig in currency (base in the base currency) brings
 * into b in b's currency: base into a base-currency account, orig into
 * one of its own currency; another currency is SECI_EXIT_DATA. */
int seci_bank_received(const struct seci_bankacct *b, const char *currency,
    seci_money orig, seci_money base, seci_money *own, struct seci_err *err);

/* Record a movement (own > 0: money in) that txn posted. */
int seci_bank_move(struct seci_db *db, const struct seci_bankacct *b,
    seci_day date, seci_money own, seci_money base, const char *kind,
    int64_t source_id, const char *memo, int64_t txn_id,
    struct seci_err *err);

/* Post money in (own, base > 0) or out through b on date against the
 * other postings p[0..n-1] (at most 3, adding up to -base), and record
 * the movement; the ledger transaction's id in *txn_id if not NULL. */
int seci_bank_post(struct seci_db *db, const struct seci_bankacct *b,
    seci_day date, const char *memo, const struct seci_ledger_ref *ref,
    seci_money own, seci_money base, const struct seci_posting *p,
    size_t n, const char *kind, int64_t *txn_id, struct seci_err *err);

/*
 * Reconcile b's balance in its own currency on date with the bank
 * statement's: rows of what seci holds, what the bank says, the
 * difference, and when they differ the movements that may explain it
 * (one of the same amount, and those of the last seven days, which the
 * bank may not have booked yet).  *differs is 1 when they differ.
 */
int seci_bank_reconcile(struct seci_db *db, const char *code, seci_day date,
    seci_money statement, const struct seci_out_opts *oo, int *differs,
    struct seci_err *err);

/* Book, on date, each foreign-currency account's exchange difference:
 * its own balance at date's rate less what its ledger account holds, to
 * 4950 (a gain) or 5950 (a loss).  Lists bank,currency,balance,rate,
 * base_balance,difference. */
int seci_bank_revalue(struct seci_db *db, seci_day date,
    const struct seci_out_opts *oo, struct seci_err *err);

/* Findings for check: an account whose movements' base amounts do not
 * add up to its ledger account's balance.  Returns the number, or -1. */
int seci_bank_check(struct seci_db *db, seci_finding_fn *fn, void *arg,
    struct seci_err *err);

#endif
