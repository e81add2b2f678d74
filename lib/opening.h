/*
 * opening.h - the opening balances of a first year on seci, posted as one
 * opening entry.
 */
#ifndef SECI_OPENING_H
#define SECI_OPENING_H

#include <stdio.h>

#include "date.h"
#include "db.h"
#include "err.h"
#include "import.h"

/*
 * Read CSV account,amount and optionally party,year: each account of the
 * chart with its balance as the balance sheet shows it (assets debit,
 * liabilities and net assets credit, both above zero when normal), and
 * by Party what it still owed for each earlier year (account 1100, with
 * party and year: an assessment of that year due on MM-DD due) or the
 * credit it held (2100, with party).  They must balance.  Posted on date
 * as one entry; nothing may be posted on or before it already.  Every
 * bad row reported, nothing written on error; one import, audited once.
 */
int seci_opening_load(struct seci_db *db, FILE *fp, const char *name,
    seci_day date, const char *due, struct seci_import_stats *stats,
    struct seci_err *err);

#endif
