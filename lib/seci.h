/*
 * seci.h - libseci, the one header cmd/ includes.
 *
 * Conventions of every module: exported names are seci_<noun>_<verb>;
 * functions return 0 (or a count) on success and -1 on failure after
 * filling a caller-owned struct seci_err (err.h); the library never prints
 * and never exits; strings it returns are freed with free() unless the
 * header says they are borrowed.  Amounts are seci_money (int64 minor
 * units), dates seci_day.
 */
#ifndef SECI_H
#define SECI_H

#include "err.h"
#include "money.h"
#include "date.h"
#include "clock.h"
#include "file.h"
#include "bank.h"
#include "workflow.h"
#include "csv.h"
#include "input.h"
#include "yaml.h"
#include "conf.h"
#include "out.h"
#include "db.h"
#include "auth.h"
#include "audit.h"
#include "ledger.h"
#include "admin.h"
#include "import.h"
#include "year.h"
#include "budget.h"
#include "budgetdoc.h"
#include "commitment.h"
#include "expense.h"
#include "asset.h"
#include "yearend.h"
#include "party.h"
#include "assess.h"
#include "contrib.h"
#include "collection.h"
#include "partystatement.h"
#include "remind.h"
#include "profile.h"
#include "rate.h"
#include "bankbook.h"
#include "receipt.h"
#include "refund.h"
#include "opening.h"
#include "plan.h"
#include "analysis.h"
#include "staff.h"
#include "recruit.h"
#include "training.h"
#include "discipline.h"
#include "ethics.h"
#include "access.h"
#include "purge.h"
#include "subject.h"
#include "restore.h"
#include "payment.h"
#include "doc.h"
#include "statement.h"
#include "monthly.h"
#include "journal.h"
#include "report.h"
#include "schedule.h"
#include "cli.h"

#endif
