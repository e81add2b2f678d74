/*
 * seci-report - the monthly report, financial statements, the reporting
 * schedule that cron runs, and the general journal.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "seci.h"

static struct seci_val o_month, o_report, o_every, o_day, o_outdir,
    o_force;
static char report_doc[300];

#define O_END { .name = NULL }

static const struct seci_opt monthly_opts[] = {
	{ .name = "month", .arg = "YYYY-MM", .val = &o_month,
	    .doc = "The month (default: the last month ended by --as-of)" },
	O_END
};
static const struct seci_opt schedule_add_opts[] = {
	{ .name = "report", .arg = "KIND", .val = &o_report,
	    .flags = SECI_OPT_REQUIRED, .doc = report_doc },
	{ .name = "every", .arg = "PERIOD", .val = &o_every,
	    .flags = SECI_OPT_REQUIRED, .doc = "month, quarter or year" },
	{ .name = "day", .arg = "N", .val = &o_day, .type = SECI_OPT_INT,
	    .doc = "Due on the Nth day after the period ends (1-28, default "
	    "1)" },
	O_END
};
static const struct seci_opt run_due_opts[] = {
	{ .name = "outdir", .arg = "DIR", .val = &o_outdir,
	    .flags = SECI_OPT_REQUIRED, .doc = "Where the reports go, made "
	    "when missing (required)" },
	{ .name = "force", .type = SECI_OPT_FLAG, .val = &o_force,
	    .doc = "Produce each schedule's latest due report again" },
	O_END
};

/* The arguments every report kind takes, from the global options. */
static void
report_args(struct seci_ctx *ctx, struct seci_report_args *a)
{
	memset(a, 0, sizeof(*a));
	a->year = ctx->year;
	a->as_of = ctx->as_of;
	a->rule_years = ctx->conf.arrears_rule_years;
	a->out = ctx->out;
}

/* A listing kind of the registry, named by the command. */
static int
run_report(struct seci_ctx *ctx)
{
	const struct seci_report_kind *k = seci_report_kind(ctx->cmd->name);
	struct seci_report_args a;

	report_args(ctx, &a);
	return k->fn(ctx->db, &a, &ctx->err);
}

static int
run_monthly(struct seci_ctx *ctx)
{
	struct seci_report_args a;
	char buf[16];

	report_args(ctx, &a);
	a.month = seci_report_default_month(ctx->as_of);
	if (o_month.given) {
		snprintf(buf, sizeof(buf), "%.7s-01", o_month.text);
		if (strlen(o_month.text) != 7 || seci_date_parse(buf, NULL,
		    &a.month, &ctx->err) < 0)
			return seci_err_set(&ctx->err, SECI_EXIT_USAGE, "--month: "
			    "'%s' is not YYYY-MM", o_month.text);
	}
	return seci_report_make(ctx->db, seci_report_kind("monthly"),
	    ctx->format, &a, &ctx->err);
}

/* The statements together: a sheet each in a workbook, or one after
 * the other under their titles. */
static int
run_statements(struct seci_ctx *ctx)
{
	static const struct { const char *kind, *title; } parts[] = {
		{ "balance-sheet", "Balance sheet" },
		{ "performance", "Financial performance" },
		{ "budget-vs-actual", "Budget vs actual" },
		{ "contributions-status", "Status of contributions" },
	};
	struct seci_report_args a;
	size_t i;

	report_args(ctx, &a);
	seci_format_parse(ctx->format, &a.out.format);
	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		a.out.title = parts[i].title;
		if (a.out.format == SECI_FMT_TABLE)
			printf("%s%s\n\n", i ? "\n" : "", parts[i].title);
		if (seci_report_kind(parts[i].kind)->fn(ctx->db, &a,
		    &ctx->err) < 0)
			return -1;
	}
	return 0;
}

static int
run_schedule_add(struct seci_ctx *ctx)
{
	struct seci_schedule s;

	s.name = ctx->args[0];
	s.report = o_report.text;
	s.every = o_every.text;
	s.day = o_day.given ? (int)o_day.num : 1;
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
	int failed = seci_schedule_run_due(ctx->db, ctx->as_of, o_outdir.text,
	    o_force.given, ctx->conf.arrears_rule_years, stdout, &ctx->err);

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

/* Before and after the registry's listing kinds. */
static const struct seci_cmd first[] = {
	{ .name = "monthly", .doc = "The monthly budget report (cron's)",
	    .opts = monthly_opts, .db = R, .roles = ANY,
	    .formats = "text,json,html,pdf,xlsx", .run = run_monthly },
	{ .name = "statements", .doc = "The financial statements and the "
	    "status of contributions together (xlsx: a sheet each)",
	    .db = R, .roles = ANY, .formats = "table,xlsx",
	    .run = run_statements },
};
static const struct seci_cmd last[] = {
	{ .name = "schedule add", .args = "NAME", .doc = "Schedule a report "
	    "(-o: its format)", .opts = schedule_add_opts, .db = W,
	    .roles = FIN, .min_args = 1, .max_args = 1,
	    .formats = "text,json,html,csv,tsv", .run = run_schedule_add },
	{ .name = "schedule list", .doc = "List the schedules", .db = R,
	    .roles = ANY, .run = run_schedule_list },
	{ .name = "schedule remove", .args = "NAME", .doc = "Remove a "
	    "schedule", .db = W, .roles = FIN, .min_args = 1, .max_args = 1,
	    .run = run_schedule_remove },
	{ .name = "due", .doc = "Reports due as of --as-of, and whether "
	    "produced", .db = R, .roles = ANY, .run = run_due },
	{ .name = "run-due", .doc = "Produce the due reports not yet produced "
	    "(cron)", .opts = run_due_opts, .db = W, .roles = FIN,
	    .run = run_run_due },
	{ .name = "ledger", .doc = "The general journal (csv or hledger)",
	    .db = R, .roles = ANY, .formats = "csv,hledger,tsv,json,table",
	    .run = run_ledger },
};

#define NFIRST (sizeof(first) / sizeof(first[0]))
#define NLAST (sizeof(last) / sizeof(last[0]))

int
main(int argc, char **argv)
{
	struct seci_cmd commands[NFIRST + NLAST + 32];
	struct seci_tool tool = { .name = "seci-report",
	    .doc = "the monthly report, financial statements, the reporting "
	    "schedule and the journal", .cmds = commands };
	const struct seci_report_kind *k;
	size_t nk, i, n = 0;
	char names[256];

	/* The registry's kinds: each listing that is a command of its own,
	 * and the kinds --report takes. */
	memcpy(commands, first, sizeof(first));
	n = NFIRST;
	k = seci_report_kinds(&nk);
	for (i = 0; i < nk && n < NFIRST + 32; i++)
		if (k[i].command)
			commands[n++] = (struct seci_cmd){ .name = k[i].name,
			    .doc = k[i].doc, .db = R, .roles = ANY,
			    .run = run_report };
	memcpy(commands + n, last, sizeof(last));
	tool.ncmds = n + NLAST;
	snprintf(report_doc, sizeof(report_doc), "The kind of report: %s",
	    seci_report_kind_names(names, sizeof(names), ", "));
	return seci_main(&tool, argc, argv);
}
