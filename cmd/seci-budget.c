/*
 * seci-budget - the annual budget, transfers, commitments, expenditure
 * and fixed assets.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "seci.h"

enum { OPT_LINE = 0x200, OPT_FROM, OPT_TO, OPT_AMOUNT, OPT_REASON,
    OPT_DECISION, OPT_DATE, OPT_PAYEE, OPT_REF, OPT_COMMITMENT, OPT_DESC,
    OPT_OVERRIDE, OPT_STATUS, OPT_TAG, OPT_ACQUIRED, OPT_COST, OPT_LIFE,
    OPT_PROCEEDS, OPT_THROUGH };

static struct {
	const char *line, *from, *to, *amount, *reason, *decision, *date;
	const char *payee, *ref, *commitment, *desc, *status, *tag;
	const char *acquired, *cost, *life, *proceeds, *through;
	int override;
} opt;

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	switch (key) {
	case OPT_LINE: opt.line = arg; break;
	case OPT_FROM: opt.from = arg; break;
	case OPT_TO: opt.to = arg; break;
	case OPT_AMOUNT: opt.amount = arg; break;
	case OPT_REASON: opt.reason = arg; break;
	case OPT_DECISION: opt.decision = arg; break;
	case OPT_DATE: opt.date = arg; break;
	case OPT_PAYEE: opt.payee = arg; break;
	case OPT_REF: opt.ref = arg; break;
	case OPT_COMMITMENT: opt.commitment = arg; break;
	case OPT_DESC: opt.desc = arg; break;
	case OPT_OVERRIDE: opt.override = 1; break;
	case OPT_STATUS: opt.status = arg; break;
	case OPT_TAG: opt.tag = arg; break;
	case OPT_ACQUIRED: opt.acquired = arg; break;
	case OPT_COST: opt.cost = arg; break;
	case OPT_LIFE: opt.life = arg; break;
	case OPT_PROCEEDS: opt.proceeds = arg; break;
	case OPT_THROUGH: opt.through = arg; break;
	default: return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

#define O_LINE { "line", OPT_LINE, "LINE", 0, "Budget line code", 0 }
#define O_AMOUNT \
	{ "amount", OPT_AMOUNT, "AMOUNT", 0, "Amount, e.g. 1234.50", 0 }
#define O_DECISION(doc) { "decision", OPT_DECISION, "REF", 0, doc, 0 }
#define O_DATE(doc) { "date", OPT_DATE, "DATE", 0, doc, 0 }
#define O_END { NULL, 0, NULL, 0, NULL, 0 }

static const struct argp_option load_options[] = { O_END };
static const struct argp_option adopt_options[] = {
	O_DECISION("The JCC decision adopting the budget (required)"),
	O_DATE("Date of the decision (default: --as-of)"), O_END
};
static const struct argp_option transfer_options[] = {
	{ "from", OPT_FROM, "LINE", 0, "Line the money leaves", 0 },
	{ "to", OPT_TO, "LINE", 0, "Line the money goes to", 0 },
	O_AMOUNT,
	{ "reason", OPT_REASON, "TEXT", 0, "Why (required)", 0 },
	O_DECISION("JCC decision, needed beyond the Director's limit"), O_END
};
static const struct argp_option supplement_options[] = {
	O_LINE, O_AMOUNT, O_DECISION("JCC decision (required)"), O_END
};
static const struct argp_option commit_options[] = {
	O_LINE, O_AMOUNT,
	{ "payee", OPT_PAYEE, "NAME", 0, "Who will be paid", 0 },
	{ "ref", OPT_REF, "REF", 0, "Commitment reference, unique in the "
	    "year (purchase order, contract)", 0 },
	O_DATE("Date (default: --as-of); its year is the budget year"), O_END
};
static const struct argp_option expense_add_options[] = {
	O_LINE, O_AMOUNT,
	{ "payee", OPT_PAYEE, "NAME", 0, "Who is paid", 0 },
	O_DATE("Date of the expense (required); its year is the budget year"),
	{ "ref", OPT_REF, "REF", 0, "Reference (invoice), unique", 0 },
	{ "commitment", OPT_COMMITMENT, "REF", 0, "Commitment it draws on",
	    0 },
	{ "desc", OPT_DESC, "TEXT", 0, "Description", 0 }, O_END
};
static const struct argp_option approve_options[] = {
	{ "override", OPT_OVERRIDE, NULL, 0, "Director: approve even if the "
	    "line is overspent", 0 },
	{ "reason", OPT_REASON, "TEXT", 0, "Why the override (required with "
	    "it)", 0 }, O_END
};
static const struct argp_option reject_options[] = {
	{ "reason", OPT_REASON, "TEXT", 0, "Why (required)", 0 }, O_END
};
static const struct argp_option pay_options[] = {
	O_DATE("Date of payment (required)"), O_END
};
static const struct argp_option list_options[] = {
	O_LINE,
	{ "status", OPT_STATUS, "STATUS", 0, "proposed, approved, rejected or "
	    "paid", 0 },
	{ "from", OPT_FROM, "DATE", 0, "From this date (default: the whole "
	    "--year)", 0 },
	{ "to", OPT_TO, "DATE", 0, "To this date, inclusive", 0 }, O_END
};
static const struct argp_option asset_add_options[] = {
	{ "tag", OPT_TAG, "TAG", 0, "Inventory tag, unique", 0 },
	{ "desc", OPT_DESC, "TEXT", 0, "Description", 0 },
	{ "acquired", OPT_ACQUIRED, "DATE", 0, "Date acquired", 0 },
	{ "cost", OPT_COST, "AMOUNT", 0, "Cost", 0 },
	{ "life-years", OPT_LIFE, "N", 0, "Useful life in years (1-100)", 0 },
	{ "line", OPT_LINE, "LINE", 0, "Capital line it was bought on", 0 },
	O_END
};
static const struct argp_option dispose_options[] = {
	O_DATE("Date of disposal (required)"),
	{ "proceeds", OPT_PROCEEDS, "AMOUNT", 0, "Sale proceeds (default: 0)",
	    0 }, O_END
};
static const struct argp_option depreciate_options[] = {
	{ "through", OPT_THROUGH, "DATE", 0, "Post months ended by DATE "
	    "(default: --as-of)", 0 }, O_END
};

/* --date if given, else the as-of date. */
static int
date_or_asof(struct seci_ctx *ctx, seci_day *day)
{
	*day = ctx->as_of;
	return opt.date ? seci_ctx_date(ctx, "--date", opt.date, day) : 0;
}

static int
print_id(int64_t id)
{
	printf("%lld\n", (long long)id);
	return 0;
}

static int
run_load(struct seci_ctx *ctx)
{
	const char *name;
	FILE *fp;
	int rc, year;

	if ((fp = seci_input_open(ctx->args[0], &name, &ctx->err)) == NULL)
		return -1;
	rc = seci_budget_load(ctx->db, fp, name,
	    seci_budget_doc_is_csv(name), ctx->year,
	    ctx->year_given, &year, &ctx->err);
	seci_input_close(fp);
	return rc;
}

static int
run_adopt(struct seci_ctx *ctx)
{
	seci_day day;

	if (seci_ctx_need(ctx, opt.decision, "decision") < 0 ||
	    date_or_asof(ctx, &day) < 0)
		return -1;
	return seci_budget_adopt(ctx->db, ctx->year, opt.decision, day,
	    &ctx->err);
}

static int
run_show(struct seci_ctx *ctx)
{
	return seci_budget_show(ctx->db, ctx->year, ctx->as_of, 0, &ctx->out,
	    &ctx->err);
}

static int
run_export(struct seci_ctx *ctx)
{
	return seci_budget_export(ctx->db, ctx->year, &ctx->out, &ctx->err);
}

static int
run_transfer(struct seci_ctx *ctx)
{
	seci_money amount;
	int64_t id;

	if (seci_ctx_need(ctx, opt.from, "from") < 0 ||
	    seci_ctx_need(ctx, opt.to, "to") < 0 ||
	    seci_ctx_need(ctx, opt.amount, "amount") < 0 ||
	    seci_ctx_need(ctx, opt.reason, "reason") < 0 ||
	    seci_ctx_money(ctx, "--amount", opt.amount, &amount) < 0 ||
	    seci_budget_transfer(ctx->db, ctx->year, opt.from, opt.to, amount,
	    opt.reason, opt.decision, ctx->as_of, (ctx->roles &
	    SECI_ROLE_DIRECTOR) != 0, ctx->conf.transfer_limit_pct, &id,
	    &ctx->err) < 0)
		return -1;
	return print_id(id);
}

static int
run_supplement(struct seci_ctx *ctx)
{
	seci_money amount;
	int64_t id;

	if (seci_ctx_need(ctx, opt.line, "line") < 0 ||
	    seci_ctx_need(ctx, opt.amount, "amount") < 0 ||
	    seci_ctx_need(ctx, opt.decision, "decision") < 0 ||
	    seci_ctx_money(ctx, "--amount", opt.amount, &amount) < 0 ||
	    seci_budget_supplement(ctx->db, ctx->year, opt.line, amount,
	    opt.decision, ctx->as_of, &id, &ctx->err) < 0)
		return -1;
	return print_id(id);
}

static int
run_commit(struct seci_ctx *ctx)
{
	seci_money amount;
	seci_day day;
	int64_t id;

	if (seci_ctx_need(ctx, opt.line, "line") < 0 ||
	    seci_ctx_need(ctx, opt.amount, "amount") < 0 ||
	    seci_ctx_need(ctx, opt.payee, "payee") < 0 ||
	    seci_ctx_need(ctx, opt.ref, "ref") < 0 ||
	    seci_ctx_money(ctx, "--amount", opt.amount, &amount) < 0 ||
	    date_or_asof(ctx, &day) < 0 ||
	    seci_commit_add(ctx->db, opt.line, amount, opt.payee, opt.ref, day,
	    &id, &ctx->err) < 0)
		return -1;
	return print_id(id);
}

static int
run_commit_close(struct seci_ctx *ctx)
{
	return seci_commit_close(ctx->db, ctx->args[0], ctx->as_of, &ctx->err);
}

static int
run_commit_list(struct seci_ctx *ctx)
{
	return seci_commit_list(ctx->db, ctx->year, ctx->as_of, &ctx->out,
	    &ctx->err);
}

static int
run_expense_add(struct seci_ctx *ctx)
{
	struct seci_expense e;
	int64_t id;

	memset(&e, 0, sizeof(e));
	if (seci_ctx_need(ctx, opt.line, "line") < 0 ||
	    seci_ctx_need(ctx, opt.amount, "amount") < 0 ||
	    seci_ctx_need(ctx, opt.payee, "payee") < 0 ||
	    seci_ctx_need(ctx, opt.date, "date") < 0 ||
	    seci_ctx_money(ctx, "--amount", opt.amount, &e.amount) < 0 ||
	    seci_ctx_date(ctx, "--date", opt.date, &e.date) < 0)
		return -1;
	e.line = opt.line;
	e.payee = opt.payee;
	e.reference = opt.ref;
	e.commitment = opt.commitment;
	e.description = opt.desc;
	if (seci_expense_add(ctx->db, &e, &id, &ctx->err) < 0)
		return -1;
	return print_id(id);
}

static int
run_expense_import(struct seci_ctx *ctx)
{
	struct seci_import_stats stats;
	const char *name;
	FILE *fp;
	int rc, tty = seci_ctx_progress_on(ctx);

	if ((fp = seci_input_open(ctx->nargs ? ctx->args[0] : NULL, &name,
	    &ctx->err)) == NULL)
		return -1;
	rc = seci_expense_import(ctx->db, fp, name, &stats, tty ? seci_ctx_progress :
	    NULL, NULL, &ctx->err);
	seci_input_close(fp);
	if (tty && stats.read >= 100000)
		fputc('\n', stderr);
	if (rc == 0 && !ctx->quiet)
		fprintf(stderr, "%lu new, %lu duplicate\n", stats.added,
		    stats.duplicate);
	return rc;
}

static int
parse_id(struct seci_ctx *ctx, const char *arg, int64_t *id)
{
	char *end;
	long long v = strtoll(arg, &end, 10);

	if (*end || end == arg || v <= 0)
		return seci_err_set(&ctx->err, SECI_EXIT_USAGE, "bad expense "
		    "ID '%s'", arg);
	*id = v;
	return 0;
}

static int
run_expense_approve(struct seci_ctx *ctx)
{
	struct seci_approval a;
	int64_t id;
	int i;

	memset(&a, 0, sizeof(a));
	a.threshold = ctx->conf.approval_threshold;
	a.roles = ctx->roles;
	a.override = opt.override;
	a.reason = opt.reason;
	a.date = ctx->as_of;
	/* Several IDs: all are approved, or none. */
	for (i = 0; i < ctx->nargs; i++)
		if (parse_id(ctx, ctx->args[i], &id) < 0 ||
		    seci_expense_approve(ctx->db, id, &a, &ctx->err) < 0)
			return -1;
	return 0;
}

static int
run_expense_reject(struct seci_ctx *ctx)
{
	int64_t id;

	if (parse_id(ctx, ctx->args[0], &id) < 0 ||
	    seci_ctx_need(ctx, opt.reason, "reason") < 0)
		return -1;
	return seci_expense_reject(ctx->db, id, opt.reason, ctx->as_of,
	    ctx->roles, &ctx->err);
}

static int
run_expense_pay(struct seci_ctx *ctx)
{
	seci_day day;
	int64_t id;
	int i;

	if (seci_ctx_need(ctx, opt.date, "date") < 0 ||
	    seci_ctx_date(ctx, "--date", opt.date, &day) < 0)
		return -1;
	/* Several IDs: all are paid, or none. */
	for (i = 0; i < ctx->nargs; i++)
		if (parse_id(ctx, ctx->args[i], &id) < 0 ||
		    seci_expense_pay(ctx->db, id, day, ctx->roles,
		    &ctx->err) < 0)
			return -1;
	return 0;
}

static int
run_expense_list(struct seci_ctx *ctx)
{
	struct seci_expense_filter f = { ctx->year, opt.line, opt.status,
	    opt.from, opt.to };
	seci_day day;

	if ((opt.from && seci_ctx_date(ctx, "--from", opt.from, &day) < 0) ||
	    (opt.to && seci_ctx_date(ctx, "--to", opt.to, &day) < 0))
		return -1;
	return seci_expense_list(ctx->db, &f, &ctx->out, &ctx->err);
}

static int
run_asset_add(struct seci_ctx *ctx)
{
	struct seci_asset a;
	char *end;
	long life;
	int64_t id;

	memset(&a, 0, sizeof(a));
	if (seci_ctx_need(ctx, opt.tag, "tag") < 0 ||
	    seci_ctx_need(ctx, opt.desc, "desc") < 0 ||
	    seci_ctx_need(ctx, opt.acquired, "acquired") < 0 ||
	    seci_ctx_need(ctx, opt.cost, "cost") < 0 ||
	    seci_ctx_need(ctx, opt.life, "life-years") < 0 ||
	    seci_ctx_date(ctx, "--acquired", opt.acquired, &a.acquired) < 0 ||
	    seci_ctx_money(ctx, "--cost", opt.cost, &a.cost) < 0)
		return -1;
	life = strtol(opt.life, &end, 10);
	if (*end || end == opt.life || life < 1 || life > 100)
		return seci_err_set(&ctx->err, SECI_EXIT_USAGE, "--life-years: "
		    "'%s' is not a whole number from 1 to 100", opt.life);
	a.tag = opt.tag;
	a.description = opt.desc;
	a.life_years = (int)life;
	a.line = opt.line;
	if (seci_asset_add(ctx->db, &a, &id, &ctx->err) < 0)
		return -1;
	printf("%s\n", a.tag);
	return 0;
}

static int
run_asset_list(struct seci_ctx *ctx)
{
	return seci_asset_list(ctx->db, ctx->as_of, &ctx->out, &ctx->err);
}

static int
run_asset_dispose(struct seci_ctx *ctx)
{
	seci_money proceeds = 0;
	seci_day day;

	if (seci_ctx_need(ctx, opt.date, "date") < 0 ||
	    seci_ctx_date(ctx, "--date", opt.date, &day) < 0 ||
	    (opt.proceeds && seci_ctx_money(ctx, "--proceeds", opt.proceeds,
	    &proceeds) < 0))
		return -1;
	return seci_asset_dispose(ctx->db, ctx->args[0], day, proceeds,
	    &ctx->err);
}

static int
run_asset_depreciate(struct seci_ctx *ctx)
{
	seci_day day = ctx->as_of;

	if (opt.through && seci_ctx_date(ctx, "--through", opt.through,
	    &day) < 0)
		return -1;
	return seci_asset_depreciate(ctx->db, day, &ctx->err) < 0 ? -1 : 0;
}

static int
run_close(struct seci_ctx *ctx)
{
	return seci_yearend_close(ctx->db, ctx->year, ctx->as_of, &ctx->out,
	    &ctx->err);
}

#define FIN SECI_ROLE_FINANCE
#define DIR SECI_ROLE_DIRECTOR
#define ANY SECI_ROLE_ANY
#define W SECI_DB_WRITE
#define R SECI_DB_READ

static const struct seci_cmd commands[] = {
	{ "load", "FILE", "Load a draft budget (YAML, or CSV from export)",
	    load_options, parse, W, FIN, 1, 1, NULL, run_load },
	{ "adopt", NULL, "Record the JCC's adoption of the budget",
	    adopt_options, parse, W, DIR, 0, 0, NULL, run_adopt },
	{ "show", NULL, "Appropriations and execution per line",
	    NULL, NULL, R, ANY, 0, 0, NULL, run_show },
	{ "export", NULL, "The budget's lines as CSV, as load reads them",
	    NULL, NULL, R, ANY, 0, 0, NULL, run_export },
	{ "transfer", NULL, "Move appropriation between two lines",
	    transfer_options, parse, W, FIN, 0, 0, NULL, run_transfer },
	{ "supplement", NULL, "Add a supplementary appropriation",
	    supplement_options, parse, W, FIN, 0, 0, NULL, run_supplement },
	{ "commit", NULL, "Reserve money on a line for a payee",
	    commit_options, parse, W, FIN, 0, 0, NULL, run_commit },
	{ "commit close", "REF", "Close a commitment, releasing the rest",
	    NULL, NULL, W, FIN, 1, 1, NULL, run_commit_close },
	{ "commit list", NULL, "The --year's commitments", NULL, NULL, R, ANY,
	    0, 0, NULL, run_commit_list },
	{ "expense add", NULL, "Propose an expense", expense_add_options,
	    parse, W, FIN, 0, 0, NULL, run_expense_add },
	{ "expense import", "FILE", "Propose expenses from CSV (idempotent)",
	    load_options, parse, W, FIN, 0, 1, NULL, run_expense_import },
	{ "expense approve", "ID...", "Approve proposed expenses (all or "
	    "none)", approve_options, parse, W, FIN, 1, -1, NULL,
	    run_expense_approve },
	{ "expense reject", "ID", "Reject a proposed expense", reject_options,
	    parse, W, FIN, 1, 1, NULL, run_expense_reject },
	{ "expense pay", "ID...", "Record the payment of approved expenses",
	    pay_options, parse, W, FIN, 1, -1, NULL, run_expense_pay },
	{ "expense list", NULL, "List expenses", list_options, parse, R, ANY,
	    0, 0, NULL, run_expense_list },
	{ "asset add", NULL, "Register a fixed asset", asset_add_options,
	    parse, W, FIN, 0, 0, NULL, run_asset_add },
	{ "asset list", NULL, "The asset register as of --as-of", NULL, NULL,
	    R, ANY, 0, 0, NULL, run_asset_list },
	{ "asset dispose", "TAG", "Take an asset off the register",
	    dispose_options, parse, W, FIN, 1, 1, NULL, run_asset_dispose },
	{ "asset depreciate", NULL, "Post depreciation of months that ended",
	    depreciate_options, parse, W, FIN, 0, 0, NULL,
	    run_asset_depreciate },
	{ "close", NULL, "Close --year: carry commitments, lapse the rest",
	    NULL, NULL, W, DIR, 0, 0, NULL, run_close },
};

static const struct seci_tool tool = {
	"seci-budget", "the annual budget, its control, expenditure and "
	"assets", commands, sizeof(commands) / sizeof(commands[0])
};

int
main(int argc, char **argv)
{
	return seci_main(&tool, argc, argv);
}
