/*
 * seci-report - the monthly report, financial statements, the reporting
 * schedule that cron runs, and the general journal.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "seci.h"

enum { OPT_MONTH = 0x200, OPT_REPORT, OPT_EVERY, OPT_DAY, OPT_OUTDIR,
    OPT_FORCE };

static struct {
	const char *month, *report, *every, *day, *outdir;
	int force;
} opt;

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	switch (key) {
	case OPT_MONTH: opt.month = arg; break;
	case OPT_REPORT: opt.report = arg; break;
	case OPT_EVERY: opt.every = arg; break;
	case OPT_DAY: opt.day = arg; break;
	case OPT_OUTDIR: opt.outdir = arg; break;
	case OPT_FORCE: opt.force = 1; break;
	default: return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

#define O_END { NULL, 0, NULL, 0, NULL, 0 }

static const struct argp_option monthly_options[] = {
	{ "month", OPT_MONTH, "YYYY-MM", 0, "The month (default: the last "
	    "month ended by --as-of)", 0 },
	O_END
};
static const struct argp_option schedule_add_options[] = {
	{ "report", OPT_REPORT, "KIND", 0, "monthly, execution, contributions, "
	    "arrears, balance-sheet, performance or budget-vs-actual", 0 },
	{ "every", OPT_EVERY, "PERIOD", 0, "month, quarter or year", 0 },
	{ "day", OPT_DAY, "N", 0, "Due on the Nth day after the period ends "
	    "(1-28, default 1)", 0 },
	O_END
};
static const struct argp_option run_due_options[] = {
	{ "outdir", OPT_OUTDIR, "DIR", 0, "Where the reports go (required)",
	    0 },
	{ "force", OPT_FORCE, NULL, 0, "Produce each schedule's latest due "
	    "report again", 0 },
	O_END
};

static int
run_monthly(struct seci_ctx *ctx)
{
	enum seci_doc_format fmt = SECI_DOC_TEXT;
	seci_day month;
	char buf[16];

	seci_doc_format_parse(ctx->format, &fmt);
	if (opt.month) {
		snprintf(buf, sizeof(buf), "%.7s-01", opt.month);
		if (strlen(opt.month) != 7 || seci_date_parse(buf, NULL, &month,
		    &ctx->err) < 0)
			return seci_err_set(&ctx->err, SECI_EXIT_USAGE, "--month: "
			    "'%s' is not YYYY-MM", opt.month);
	} else {
		month = seci_report_default_month(ctx->as_of);
	}
	return seci_report_monthly(ctx->db, month, ctx->as_of, fmt,
	    ctx->conf.arrears_rule_years, stdout, &ctx->err);
}

static int
run_execution(struct seci_ctx *ctx)
{
	return seci_budget_show(ctx->db, ctx->year, ctx->as_of, 1, &ctx->out,
	    &ctx->err);
}

static int
run_contributions(struct seci_ctx *ctx)
{
	return seci_contrib_status(ctx->db, ctx->year, ctx->as_of, &ctx->out,
	    &ctx->err);
}

static int
run_balance_sheet(struct seci_ctx *ctx)
{
	return seci_report_balance_sheet(ctx->db, ctx->as_of, &ctx->out,
	    &ctx->err);
}

static int
run_performance(struct seci_ctx *ctx)
{
	return seci_report_performance(ctx->db, ctx->year, ctx->as_of,
	    &ctx->out, &ctx->err);
}

static int
run_budget_vs_actual(struct seci_ctx *ctx)
{
	return seci_report_budget_vs_actual(ctx->db, ctx->year, ctx->as_of,
	    &ctx->out, &ctx->err);
}

static int
run_schedule_add(struct seci_ctx *ctx)
{
	struct seci_schedule s;
	char *end;
	long day = 1;

	if (opt.report == NULL || opt.every == NULL)
		return seci_err_set(&ctx->err, SECI_EXIT_USAGE, "schedule add: "
		    "--report and --every are required");
	if (opt.day) {
		day = strtol(opt.day, &end, 10);
		if (*end || end == opt.day || day < 1 || day > 28)
			return seci_err_set(&ctx->err, SECI_EXIT_USAGE, "--day: "
			    "'%s' is not a day from 1 to 28", opt.day);
	}
	s.name = ctx->args[0];
	s.report = opt.report;
	s.every = opt.every;
	s.day = (int)day;
	s.format = ctx->format_given ? ctx->format : NULL;
	s.start = ctx->as_of;
	if (seci_schedule_add(ctx->db, &s, &ctx->err) < 0)
		return -1;
	printf("%s\n", s.name);
	return 0;
}

static int
run_schedule_list(struct seci_ctx *ctx)
{
	return seci_schedule_list(ctx->db, &ctx->out, &ctx->err);
}

static int
run_schedule_remove(struct seci_ctx *ctx)
{
	return seci_schedule_remove(ctx->db, ctx->args[0], &ctx->err);
}

static int
run_due(struct seci_ctx *ctx)
{
	return seci_schedule_due(ctx->db, ctx->as_of, &ctx->out, &ctx->err);
}

static int
run_run_due(struct seci_ctx *ctx)
{
	if (opt.outdir == NULL)
		return seci_err_set(&ctx->err, SECI_EXIT_USAGE, "run-due: "
		    "--outdir is required");
	int failed = seci_schedule_run_due(ctx->db, ctx->as_of, opt.outdir,
	    opt.force, ctx->conf.arrears_rule_years, stdout, &ctx->err);

	if (failed < 0)
		return -1;
	/* What was made is kept; the exit status says not everything was. */
	if (failed > 0)
		ctx->status = SECI_EXIT_FINDINGS;
	return 0;
}

static int
run_ledger(struct seci_ctx *ctx)
{
	int hledger = strcmp(ctx->format, "hledger") == 0;

	if (!hledger)
		seci_format_parse(ctx->format, &ctx->out.format);
	return seci_journal_export(ctx->db, hledger, &ctx->out, &ctx->err);
}

#define FIN SECI_ROLE_FINANCE
#define ANY SECI_ROLE_ANY
#define W SECI_DB_WRITE
#define R SECI_DB_READ

static const struct seci_cmd commands[] = {
	{ "monthly", NULL, "The monthly budget report (cron's)",
	    monthly_options, parse, R, ANY, 0, 0, "text,json,html",
	    run_monthly },
	{ "execution", NULL, "Budget execution, with the month's spending",
	    NULL, NULL, R, ANY, 0, 0, NULL, run_execution },
	{ "contributions", NULL, "Contributions assessed, paid, outstanding",
	    NULL, NULL, R, ANY, 0, 0, NULL, run_contributions },
	{ "balance-sheet", NULL, "Assets, liabilities and net assets", NULL,
	    NULL, R, ANY, 0, 0, NULL, run_balance_sheet },
	{ "performance", NULL, "Revenue and expenses of the --year", NULL,
	    NULL, R, ANY, 0, 0, NULL, run_performance },
	{ "budget-vs-actual", NULL, "Original and final budget against "
	    "actual", NULL, NULL, R, ANY, 0, 0, NULL, run_budget_vs_actual },
	{ "schedule add", "NAME", "Schedule a report (-o: its format)",
	    schedule_add_options, parse, W, FIN, 1, 1,
	    "text,json,html,csv,tsv", run_schedule_add },
	{ "schedule list", NULL, "List the schedules", NULL, NULL, R, ANY, 0,
	    0, NULL, run_schedule_list },
	{ "schedule remove", "NAME", "Remove a schedule", NULL, NULL, W, FIN,
	    1, 1, NULL, run_schedule_remove },
	{ "due", NULL, "Reports due as of --as-of, and whether produced",
	    NULL, NULL, R, ANY, 0, 0, NULL, run_due },
	{ "run-due", NULL, "Produce the due reports not yet produced (cron)",
	    run_due_options, parse, W, FIN, 0, 0, NULL, run_run_due },
	{ "ledger", NULL, "The general journal (csv or hledger)", NULL, NULL,
	    R, ANY, 0, 0, "csv,hledger,tsv,json,table", run_ledger },
};

static const struct seci_tool tool = {
	"seci-report", "the monthly report, financial statements, the "
	"reporting schedule and the journal", commands,
	sizeof(commands) / sizeof(commands[0])
};

int
main(int argc, char **argv)
{
	return seci_main(&tool, argc, argv);
}
