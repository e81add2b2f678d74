/*
 * monthly.h - the monthly report that cron makes: budget execution by
 * chapter and line, contributions and arrears, cash, open commitments,
 * assets and liabilities, the audit seal.
 */
#ifndef SECI_MONTHLY_H
#define SECI_MONTHLY_H

#include <stdio.h>

#include "date.h"
#include "db.h"
#include "doc.h"
#include "err.h"
#include "out.h"

/*
 * The monthly report for month (its first day) as of as_of, or of the
 * month's last day when as_of is later: text (under 100 columns), JSON
 * (month, as_of, currency, execution, contributions, arrears,
 * balance_sheet, audit_seal: the listings' rows), one self-contained
 * HTML file with inline SVG charts, or a workbook of a sheet per section
 * (to out->xlsx).  The same database and as_of give the same bytes.
 */
int seci_report_monthly(struct seci_db *db, seci_day month, seci_day as_of,
    enum seci_doc_format fmt, long rule_years,
    const struct seci_out_opts *out, struct seci_err *err);

/* The month a report is for by default: the last that has ended by
 * as_of (its first day). */
seci_day seci_report_default_month(seci_day as_of);

#endif
