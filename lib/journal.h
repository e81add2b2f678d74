/*
 * journal.h - the general journal, whole, as an auditor takes it away:
 * CSV (a row per posting) or an hledger journal that hledger reads with
 * the same balances.
 */
#ifndef SECI_JOURNAL_H
#define SECI_JOURNAL_H

#include "db.h"
#include "err.h"
#include "out.h"

/* txn,date,memo,source,account,account_name,amount,source_id,party (a
 * row per posting; source_id the row of source it posts, party the Party
 * of a receivable or advance), or with hledger set, an hledger journal
 * on oo->fp, with those as tags. */
int seci_journal_export(struct seci_db *db, int hledger,
    const struct seci_out_opts *oo, struct seci_err *err);

#endif
