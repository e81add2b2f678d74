/*
 * asset.h - the fixed-asset register and straight-line monthly
 * depreciation.
 *
 * An asset of cost C and life N years is written off over M = 12 N
 * months, starting with the month it was acquired: month k (1 to M)
 * takes floor(C k / M) - floor(C (k-1) / M), so the charges add up to C
 * exactly.  Depreciation is posted (expense against accumulated
 * depreciation) one transaction a month, once the month has ended.
 */
#ifndef SECI_ASSET_H
#define SECI_ASSET_H

#include <stdint.h>

#include "date.h"
#include "db.h"
#include "err.h"
#include "money.h"
#include "out.h"

struct seci_asset {
	const char *tag;
	const char *description;
	seci_day acquired;
	seci_money cost;
	int life_years;
	const char *line;	/* capital line it was bought on, or NULL */
};

/*
 * Register an asset.  Bought on a capital line, its cost reached fixed
 * assets when that line's expense was approved; without a line (a gift,
 * or an asset brought onto the register) it is posted against net
 * assets.
 */
int seci_asset_add(struct seci_db *db, const struct seci_asset *a,
    int64_t *id, struct seci_err *err);

/* An asset on the register as of a date. */
struct seci_asset_row {
	const char *tag, *description;
	seci_day acquired;
	const char *line;		/* NULL: not bought on a line */
	seci_money cost;
	int life_years;
	seci_money depreciation;	/* written off by the date */
	seci_money net_book_value;
	int disposed;			/* by the date */
	seci_day disposed_on;
	seci_money proceeds;
};

typedef int seci_asset_fn(void *arg, const struct seci_asset_row *r,
    struct seci_err *err);

/* The assets acquired by as_of, oldest first.  A negative return from fn
 * stops the walk. */
int seci_asset_each(struct seci_db *db, seci_day as_of, seci_asset_fn *fn,
    void *arg, struct seci_err *err);

/* tag,description,acquired,line,cost,life_years,depreciation,
 * net_book_value,disposed_on,proceeds: the rows of seci_asset_each(). */
int seci_asset_list(struct seci_db *db, seci_day as_of,
    const struct seci_out_opts *oo, struct seci_err *err);

/* Depreciate through the disposal month, take the asset off the books,
 * and post the gain or loss against the proceeds. */
int seci_asset_dispose(struct seci_db *db, const char *tag, seci_day date,
    seci_money proceeds, struct seci_err *err);

/* Post the depreciation of every month that ended on or before through
 * and is not posted yet (months of closed years excepted).  Returns the
 * number of months posted. */
int seci_asset_depreciate(struct seci_db *db, seci_day through,
    struct seci_err *err);

/* Depreciation of cost over months at month k (1-based): the charge. */
seci_money seci_asset_charge(seci_money cost, int months, int k);

#endif
