/*
 * assess.h - the year's assessed contributions of Parties and the fees of
 * Permanent Observers.
 */
#ifndef SECI_ASSESS_H
#define SECI_ASSESS_H

#include <stdio.h>

#include "db.h"
#include "err.h"
#include "money.h"
#include "out.h"

struct seci_assess_opts {
	int year;
	int has_total;
	seci_money total;	/* else: adopted budget less other income */
	int by_key;		/* else equal shares */
	FILE *key;		/* CSV party,percent, adding up to 100 */
	const char *key_name;
	int has_fee;
	seci_money observer_fee;	/* each Observer's, 0 for none */
	const char *default_fee;	/* without has_fee: the config's
					 * observer_fee, as text */
	const char *due;	/* MM-DD */
};

/*
 * Assess the year's contributions: the total split over the Parties in
 * equal shares or by the key, rounded to the minor unit by the largest
 * remainder (ties by Party code), so that the shares add up to the
 * total; each Observer its fee.  Replaces an earlier assessment of the
 * year unless payments are allocated to it.  Prints party,kind,year,
 * amount,due.
 */
int seci_assess(struct seci_db *db, const struct seci_assess_opts *o,
    const struct seci_out_opts *oo, struct seci_err *err);

#endif
