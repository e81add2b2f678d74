/* report.c - the registry of report kinds. */
#include "config.h"

#include <string.h>

#include "budget.h"
#include "collection.h"
#include "contrib.h"
#include "monthly.h"
#include "plan.h"
#include "report.h"
#include "statement.h"

static int
monthly(struct seci_db *db, const struct seci_report_args *a,
    struct seci_err *err)
{
	return seci_report_monthly(db, a->month, a->as_of, a->doc,
	    a->rule_years, &a->out, err);
}

static int
plan_progress(struct seci_db *db, const struct seci_report_args *a,
    struct seci_err *err)
{
	return seci_plan_report(db, a->year, a->as_of, a->doc, &a->out, err);
}

static int
execution(struct seci_db *db, const struct seci_report_args *a,
    struct seci_err *err)
{
	return seci_budget_show(db, a->year, a->as_of, 1, &a->out, err);
}

static int
contributions(struct seci_db *db, const struct seci_report_args *a,
    struct seci_err *err)
{
	return seci_contrib_status(db, a->year, a->as_of, &a->out, err);
}

static int
arrears(struct seci_db *db, const struct seci_report_args *a,
    struct seci_err *err)
{
	return seci_contrib_arrears(db, a->as_of, a->rule_years, &a->out, NULL,
	    err);
}

static int
contributions_status(struct seci_db *db, const struct seci_report_args *a,
    struct seci_err *err)
{
	return seci_collection(db, a->year, a->as_of, a->rule_years, &a->out,
	    err);
}

static int
balance_sheet(struct seci_db *db, const struct seci_report_args *a,
    struct seci_err *err)
{
	return seci_report_balance_sheet(db, a->as_of, &a->out, err);
}

static int
performance(struct seci_db *db, const struct seci_report_args *a,
    struct seci_err *err)
{
	return seci_report_performance(db, a->year, a->as_of, &a->out, err);
}

static int
budget_vs_actual(struct seci_db *db, const struct seci_report_args *a,
    struct seci_err *err)
{
	return seci_report_budget_vs_actual(db, a->year, a->as_of, &a->out,
	    err);
}

static const struct seci_report_kind kinds[] = {
	{ .name = "monthly", .doc = "The monthly budget report (cron's)",
	    .formats = "text,json,html", .document = 1, .fn = monthly },
	{ .name = "plan-progress", .doc = "The Action Plan's progress, "
	    "indicators, planned cost against spending", .formats =
	    "text,json,html", .document = 1, .fn = plan_progress },
	{ .name = "execution", .doc = "Budget execution, with the month's "
	    "spending", .formats = "csv,tsv,json", .command = 1, .fn = execution },
	{ .name = "contributions", .doc = "Contributions assessed, paid, "
	    "outstanding", .formats = "csv,tsv,json", .command = 1,
	    .fn = contributions },
	{ .name = "arrears", .doc = "Overdue contributions by age, and the "
	    "two-year rule", .formats = "csv,tsv,json", .fn = arrears },
	{ .name = "contributions-status", .doc = "Status of contributions for "
	    "the JCC: owed on 1 January, assessed, collected, owed now",
	    .formats = "csv,tsv,json", .command = 1,
	    .fn = contributions_status },
	{ .name = "balance-sheet", .doc = "Assets, liabilities and net assets",
	    .formats = "csv,tsv,json", .command = 1, .fn = balance_sheet },
	{ .name = "performance", .doc = "Revenue and expenses of the --year",
	    .formats = "csv,tsv,json", .command = 1, .fn = performance },
	{ .name = "budget-vs-actual", .doc = "Original and final budget "
	    "against actual", .formats = "csv,tsv,json", .command = 1,
	    .fn = budget_vs_actual },
};
#define NKINDS (sizeof(kinds) / sizeof(kinds[0]))

const struct seci_report_kind *
seci_report_kind(const char *name)
{
	size_t i;

	for (i = 0; name && i < NKINDS; i++)
		if (strcmp(kinds[i].name, name) == 0)
			return &kinds[i];
	return NULL;
}

const struct seci_report_kind *
seci_report_kinds(size_t *n)
{
	*n = NKINDS;
	return kinds;
}

int
seci_report_format_ok(const struct seci_report_kind *k, const char *fmt)
{
	return seci_format_in(k->formats, fmt);
}

char *
seci_report_kind_names(char *buf, size_t size, const char *sep)
{
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < NKINDS && len < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s%s",
		    i ? sep : "", kinds[i].name);
	return buf;
}

int
seci_report_make(struct seci_db *db, const struct seci_report_kind *k,
    const char *fmt, struct seci_report_args *a, struct seci_err *err)
{
	if (k->document) {
		if (seci_doc_format_parse(fmt, &a->doc) < 0)
			return seci_err_set(err, SECI_EXIT_USAGE, "format '%s' "
			    "is not one of %s", fmt, k->formats);
	} else if (seci_format_parse(fmt, &a->out.format) < 0) {
		return seci_err_set(err, SECI_EXIT_USAGE, "format '%s' is not "
		    "one of %s", fmt, k->formats);
	}
	a->out.decimals = seci_db_decimals(db);
	return k->fn(db, a, err);
}
