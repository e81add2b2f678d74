/*
 * receipt.h - money received that is not a contribution: against an
 * income item of the budget of its date's year, credited to other
 * revenue (4900).
 */
#ifndef SECI_RECEIPT_H
#define SECI_RECEIPT_H

#include <stdint.h>

#include "date.h"
#include "db.h"
#include "err.h"
#include "out.h"

struct seci_receipt {
	const char *income;	/* the budget's income item */
	const char *amount;	/* in the bank account's currency */
	seci_day date;
	const char *bank;	/* NULL: MAIN */
	const char *reference;
};

/* Money into a bank account; its id in *id. */
int seci_receipt_add(struct seci_db *db, const struct seci_receipt *r,
    int64_t *id, struct seci_err *err);

/* A payment in suspense that was no contribution, taken as income on its
 * own date; the receipt's id in *id. */
int seci_receipt_from_suspense(struct seci_db *db, int64_t payment,
    const char *income, int64_t *id, struct seci_err *err);

/* The receipts of year: id,date,income,amount,bank,bank_amount,reference,
 * payment (the payment it came from, if any). */
int seci_receipt_list(struct seci_db *db, int year,
    const struct seci_out_opts *oo, struct seci_err *err);

#endif
