/*
 * refund.h - a Party's credit paid back to it, from a bank account: never
 * more than the credit it holds on the day (contrib.h's one definition).
 */
#ifndef SECI_REFUND_H
#define SECI_REFUND_H

#include <stdint.h>

#include "date.h"
#include "db.h"
#include "err.h"
#include "money.h"
#include "out.h"

struct seci_refund {
	const char *party;
	seci_money amount;	/* in the base currency */
	seci_day date;
	const char *reason;
	const char *bank;	/* NULL: MAIN */
};

/* Pay it back; its id in *id.  More than the credit is SECI_EXIT_DATA. */
int seci_refund_add(struct seci_db *db, const struct seci_refund *r,
    int64_t *id, struct seci_err *err);

/* 0 if every refund of party, on its day, was covered by what the Party
 * had paid beyond its assessments of the years begun (after a correction
 * took a payment from it, say); else SECI_EXIT_DATA naming the day. */
int seci_refund_covered(struct seci_db *db, const char *party,
    struct seci_err *err);

#endif
