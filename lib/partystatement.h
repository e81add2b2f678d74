/*
 * partystatement.h - a Party's statement of account for a year: balance
 * brought forward, its assessment, each payment with the assessments it
 * settled, the balance after each entry.
 */
#ifndef SECI_PARTYSTATEMENT_H
#define SECI_PARTYSTATEMENT_H

#include "date.h"
#include "db.h"
#include "err.h"
#include "money.h"
#include "out.h"

enum seci_soa_kind { SECI_SOA_OPENING, SECI_SOA_ASSESSMENT,
    SECI_SOA_PAYMENT, SECI_SOA_REFUND, SECI_SOA_CLOSING };

struct seci_soa_row {
	enum seci_soa_kind kind;
	seci_day date;
	const char *what;		/* "assessment 2026", "payment 12" */
	const char *reference;		/* a payment's reference, or NULL */
	seci_money debit, credit;	/* assessed or refunded, paid */
	seci_money balance;		/* owed after it (< 0: a credit) */
	const char *allocated_to;	/* a payment's: "2025 1000.00; 2026
					 * 500.00; credit 20.00" */
};

typedef int seci_soa_fn(void *arg, const struct seci_soa_row *r,
    struct seci_err *err);

/* The entries of year up to as_of (the year's end at most), oldest
 * first, between the opening and the closing balance.  A payment settles
 * the oldest assessments first, those of later years included, the rest
 * being a credit, exactly as contrib.h allocates. */
int seci_soa_each(struct seci_db *db, const char *party, int year,
    seci_day as_of, seci_soa_fn *fn, void *arg, struct seci_err *err);

/* date,entry,reference,debit,credit,balance,allocated_to. */
int seci_soa(struct seci_db *db, const char *party, int year, seci_day as_of,
    const struct seci_out_opts *oo, struct seci_err *err);

#endif
