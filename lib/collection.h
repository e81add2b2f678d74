/*
 * collection.h - the status of contributions for the JCC: per Party,
 * outstanding on 1 January, assessed in the year, collected in the year,
 * outstanding at the date, and the two-year rule.
 */
#ifndef SECI_COLLECTION_H
#define SECI_COLLECTION_H

#include "contrib.h"
#include "date.h"
#include "db.h"
#include "err.h"
#include "money.h"
#include "out.h"

struct seci_collection_row {
	int total;			/* the totals row, last ("total") */
	const char *party, *name, *kind;
	seci_money opening;		/* owed on 1 January (< 0: credit) */
	seci_money assessed;		/* the year's assessment */
	seci_money collected;		/* paid from 1 January to the date */
	seci_money outstanding;		/* opening + assessed - collected */
	int two_year_rule;		/* totals row: how many Parties */
};

typedef int seci_collection_fn(void *arg,
    const struct seci_collection_row *r, struct seci_err *err);

/* Each Party and Observer with anything to show for year, as of a date
 * (the year's last day at most), then the totals. */
int seci_collection_each(struct seci_db *db, int year, seci_day as_of,
    long rule_years, seci_collection_fn *fn, void *arg,
    struct seci_err *err);

/* party,name,kind,outstanding_1_jan,assessed,collected,outstanding,
 * two_year_rule; the table adds the totals row. */
int seci_collection(struct seci_db *db, int year, seci_day as_of,
    long rule_years, const struct seci_out_opts *oo, struct seci_err *err);

#endif
