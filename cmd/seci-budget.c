/*
 * seci-budget - the annual budget, transfers, commitments, expenditure
 * and fixed assets.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "seci.h"

static struct seci_val o_line, o_from, o_to, o_amount, o_reason, o_decision,
    o_date, o_payee, o_ref, o_commitment, o_desc, o_override, o_status,
    o_tag, o_acquired, o_cost, o_life, o_proceeds, o_through, o_force,
    o_bank, o_profile;

static const char *const expense_states[] = { "proposed", "approved",
    "rejected", "paid", NULL };

#define O_LINE(req) { .name = "line", .arg = "LINE", .val = &o_line, \
	.flags = (req), .doc = "Budget line code" }
#define O_AMOUNT { .name = "amount", .arg = "AMOUNT", .val = &o_amount, \
	.type = SECI_OPT_MONEY, .flags = SECI_OPT_REQUIRED, \
	.doc = "Amount, e.g. 1234.50" }
#define O_DATE(fl, d) { .name = "date", .arg = "DATE", .val = &o_date, \
	.type = SECI_OPT_DATE, .flags = (fl) | SECI_OPT_RECORD, .doc = (d) }
#define O_FORCE SECI_OPT_FORCE(&o_force)
#define O_END { .name = NULL }

static const struct seci_opt adopt_opts[] = {
	{ .name = "decision", .arg = "REF", .val = &o_decision,
	    .flags = SECI_OPT_REQUIRED,
	    .doc = "The JCC decision adopting the budget (required)" },
	O_DATE(SECI_OPT_ASOF, "Date of the decision (default: --as-of)"),
	O_FORCE, O_END
};
static const struct seci_opt transfer_opts[] = {
	{ .name = "from", .arg = "LINE", .val = &o_from,
	    .flags = SECI_OPT_REQUIRED, .doc = "Line the money leaves" },
	{ .name = "to", .arg = "LINE", .val = &o_to,
	    .flags = SECI_OPT_REQUIRED, .doc = "Line the money goes to" },
	O_AMOUNT,
	{ .name = "reason", .arg = "TEXT", .val = &o_reason,
	    .flags = SECI_OPT_REQUIRED, .doc = "Why (required)" },
	{ .name = "decision", .arg = "REF", .val = &o_decision,
	    .doc = "JCC decision, needed beyond the Director's limit" },
	O_DATE(SECI_OPT_ASOF, "Date of the transfer (default: --as-of)"),
	O_FORCE, O_END
};
static const struct seci_opt supplement_opts[] = {
	O_LINE(SECI_OPT_REQUIRED), O_AMOUNT,
	{ .name = "decision", .arg = "REF", .val = &o_decision,
	    .flags = SECI_OPT_REQUIRED, .doc = "JCC decision (required)" },
	O_DATE(SECI_OPT_ASOF, "Date of the decision (default: --as-of)"),
	O_FORCE, O_END
};
static const struct seci_opt commit_opts[] = {
	O_LINE(SECI_OPT_REQUIRED), O_AMOUNT,
	{ .name = "payee", .arg = "NAME", .val = &o_payee,
	    .flags = SECI_OPT_REQUIRED, .doc = "Who will be paid" },
	{ .name = "ref", .arg = "REF", .val = &o_ref,
	    .flags = SECI_OPT_REQUIRED, .doc = "Commitment reference, unique "
	    "in the year (purchase order, contract)" },
	O_DATE(SECI_OPT_ASOF, "Date (default: --as-of); its year is the "
	    "budget year"), O_FORCE, O_END
};
static const struct seci_opt commit_close_opts[] = {
	O_DATE(SECI_OPT_ASOF, "Date it is closed (default: --as-of)"),
	O_FORCE, O_END
};
static const struct seci_opt expense_add_opts[] = {
	O_LINE(SECI_OPT_REQUIRED), O_AMOUNT,
	{ .name = "payee", .arg = "NAME", .val = &o_payee,
	    .flags = SECI_OPT_REQUIRED, .doc = "Who is paid" },
	O_DATE(SECI_OPT_REQUIRED, "Date of the expense (required); its year "
	    "is the budget year"),
	{ .name = "ref", .arg = "REF", .val = &o_ref,
	    .doc = "Reference (invoice), unique" },
	{ .name = "commitment", .arg = "REF", .val = &o_commitment,
	    .doc = "Commitment it draws on" },
	{ .name = "desc", .arg = "TEXT", .val = &o_desc, .doc = "Description" },
	O_FORCE, O_END
};
static const struct seci_opt expense_import_opts[] = {
	{ .name = "profile", .arg = "NAME", .val = &o_profile,
	    .doc = "A file profile: delimiter, lines to skip, date format, "
	    "decimal mark, encoding, footer, expense_columns" },
	O_END
};
static const struct seci_opt approve_opts[] = {
	{ .name = "override", .type = SECI_OPT_FLAG, .val = &o_override,
	    .doc = "Director: approve even if the line is overspent" },
	{ .name = "reason", .arg = "TEXT", .val = &o_reason,
	    .doc = "Why the override (required with it)" },
	O_DATE(SECI_OPT_ASOF, "Date of the approval (default: --as-of)"),
	O_FORCE, O_END
};
static const struct seci_opt reject_opts[] = {
	{ .name = "reason", .arg = "TEXT", .val = &o_reason,
	    .flags = SECI_OPT_REQUIRED, .doc = "Why (required)" },
	O_DATE(SECI_OPT_ASOF, "Date of the rejection (default: --as-of)"),
	O_FORCE, O_END
};
static const struct seci_opt pay_opts[] = {
	O_DATE(SECI_OPT_REQUIRED, "Date of payment (required)"),
	{ .name = "bank", .arg = "CODE", .val = &o_bank,
	    .doc = "The bank account it is paid from (default: MAIN)" },
	O_FORCE, O_END
};
static const struct seci_opt list_opts[] = {
	O_LINE(0),
	{ .name = "status", .arg = "STATUS", .val = &o_status,
	    .type = SECI_OPT_ENUM, .values = expense_states,
	    .doc = "proposed, approved, rejected or paid" },
	{ .name = "from", .arg = "DATE", .val = &o_from, .type = SECI_OPT_DATE,
	    .doc = "From this date (default: the whole --year)" },
	{ .name = "to", .arg = "DATE", .val = &o_to, .type = SECI_OPT_DATE,
	    .doc = "To this date, inclusive" },
	O_END
};
static const struct seci_opt asset_add_opts[] = {
	{ .name = "tag", .arg = "TAG", .val = &o_tag,
	    .flags = SECI_OPT_REQUIRED, .doc = "Inventory tag, unique" },
	{ .name = "desc", .arg = "TEXT", .val = &o_desc,
	    .flags = SECI_OPT_REQUIRED, .doc = "Description" },
	{ .name = "acquired", .arg = "DATE", .val = &o_acquired,
	    .type = SECI_OPT_DATE, .flags = SECI_OPT_REQUIRED | SECI_OPT_RECORD,
	    .doc = "Date acquired" },
	{ .name = "cost", .arg = "AMOUNT", .val = &o_cost,
	    .type = SECI_OPT_MONEY, .flags = SECI_OPT_REQUIRED, .doc = "Cost" },
	{ .name = "life-years", .arg = "N", .val = &o_life,
	    .type = SECI_OPT_INT, .flags = SECI_OPT_REQUIRED,
	    .doc = "Useful life in years (1-100)" },
	{ .name = "line", .arg = "LINE", .val = &o_line,
	    .doc = "Capital line it was bought on" },
	O_FORCE, O_END
};
static const struct seci_opt dispose_opts[] = {
	O_DATE(SECI_OPT_REQUIRED, "Date of disposal (required)"),
	{ .name = "proceeds", .arg = "AMOUNT", .val = &o_proceeds,
	    .type = SECI_OPT_MONEY, .doc = "Sale proceeds (default: 0)" },
	O_FORCE, O_END
};
/* --date first: given, it is the date of record; else --through. */
static const struct seci_opt depreciate_opts[] = {
	{ .name = "date", .arg = "DATE", .val = &o_date,
	    .type = SECI_OPT_DATE, .flags = SECI_OPT_RECORD,
	    .doc = "The same as --through" },
	{ .name = "through", .arg = "DATE", .val = &o_through,
	    .type = SECI_OPT_DATE, .flags = SECI_OPT_ASOF | SECI_OPT_RECORD,
	    .doc = "Post the months ended by DATE (default: --as-of)" },
	O_FORCE, O_END
};
static const struct seci_opt close_opts[] = {
	O_DATE(SECI_OPT_ASOF, "Date of the close, the year's last day or "
	    "later (default: --as-of)"), O_FORCE, O_END
};

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
	rc = seci_budget_load(ctx->db, fp, name, seci_budget_doc_is_csv(name),
	    ctx->year, ctx->year_given, &year, &ctx->err);
	seci_input_close(fp);
	return rc;
}

static int
run_adopt(struct seci_ctx *ctx)
{
	return seci_budget_adopt(ctx->db, ctx->year, o_decision.text,
	    o_date.date, &ctx->err);
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
	int64_t id;

	if (seci_budget_transfer(ctx->db, ctx->year, o_from.text, o_to.text,
	    o_amount.money, o_reason.text, o_decision.text, o_date.date,
	    (ctx->roles & SECI_ROLE_DIRECTOR) != 0,
	    ctx->conf.transfer_limit_pct, &id, &ctx->err) < 0)
		return -1;
	return print_id(id);
}

static int
run_supplement(struct seci_ctx *ctx)
{
	int64_t id;

	if (seci_budget_supplement(ctx->db, ctx->year, o_line.text,
	    o_amount.money, o_decision.text, o_date.date, &id, &ctx->err) < 0)
		return -1;
	return print_id(id);
}

static int
run_commit(struct seci_ctx *ctx)
{
	int64_t id;

	if (seci_commit_add(ctx->db, o_line.text, o_amount.money, o_payee.text,
	    o_ref.text, o_date.date, &id, &ctx->err) < 0)
		return -1;
	return print_id(id);
}

static int
run_commit_close(struct seci_ctx *ctx)
{
	return seci_commit_close(ctx->db, ctx->args[0], o_date.date,
	    &ctx->err);
}

static int
run_status(struct seci_ctx *ctx)
{
	return seci_budget_years(ctx->db, &ctx->out, &ctx->err);
}

static int
run_commit_list(struct seci_ctx *ctx)
{
	/* Without --as-of: the year's commitments as they stand now, those
	 * dated after today too. */
	return seci_commit_list(ctx->db, ctx->year, ctx->as_of_given ?
	    ctx->as_of : seci_date_from_ymd(9999, 12, 31), &ctx->out,
	    &ctx->err);
}

static int
run_expense_add(struct seci_ctx *ctx)
{
	struct seci_expense e;
	int64_t id;

	memset(&e, 0, sizeof(e));
	e.line = o_line.text;
	e.amount = o_amount.money;
	e.payee = o_payee.text;
	e.date = o_date.date;
	e.reference = o_ref.text;
	e.commitment = o_commitment.text;
	e.description = o_desc.text;
	if (seci_expense_add(ctx->db, &e, &id, &ctx->err) < 0)
		return -1;
	return print_id(id);
}

static int
run_expense_import(struct seci_ctx *ctx)
{
	struct seci_import_stats stats;
	struct seci_profile *prof = NULL;
	const char *name;
	FILE *fp;
	int rc, tty = seci_ctx_progress_on(ctx);

	if ((fp = seci_input_open(ctx->nargs ? ctx->args[0] : NULL, &name,
	    &ctx->err)) == NULL)
		return -1;
	if (o_profile.given && (prof = seci_profile_load_expense(
	    o_profile.text, &ctx->err)) == NULL) {
		seci_input_close(fp);
		return -1;
	}
	rc = seci_expense_import(ctx->db, fp, name, prof, &stats, tty ?
	    seci_ctx_progress : NULL, NULL, &ctx->err);
	seci_input_close(fp);
	seci_profile_free(prof);
	if (tty && stats.read >= 100000)
		fputc('\n', stderr);
	if (rc == 0)
		seci_ctx_summary(ctx, "%lu new, %lu duplicate", stats.added,
		    stats.duplicate);
	return rc;
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
	a.override = o_override.given;
	a.reason = o_reason.text;
	a.date = o_date.date;
	/* Several IDs: all are approved, or none. */
	for (i = 0; i < ctx->nargs; i++)
		if (seci_ctx_id(ctx, i, "expense", &id) < 0 ||
		    seci_expense_approve(ctx->db, id, &a, &ctx->err) < 0)
			return -1;
	return 0;
}

static int
run_expense_reject(struct seci_ctx *ctx)
{
	int64_t id;

	if (seci_ctx_id(ctx, 0, "expense", &id) < 0)
		return -1;
	return seci_expense_reject(ctx->db, id, o_reason.text, o_date.date,
	    ctx->roles, &ctx->err);
}

static int
run_expense_pay(struct seci_ctx *ctx)
{
	int64_t id;
	int i;

	/* Several IDs: all are paid, or none. */
	for (i = 0; i < ctx->nargs; i++)
		if (seci_ctx_id(ctx, i, "expense", &id) < 0 ||
		    seci_expense_pay(ctx->db, id, o_date.date, o_bank.text,
		    ctx->roles, &ctx->err) < 0)
			return -1;
	return 0;
}

static int
run_expense_list(struct seci_ctx *ctx)
{
	struct seci_expense_filter f = { ctx->year, o_line.text, o_status.text,
	    o_from.text, o_to.text };

	return seci_expense_list(ctx->db, &f, &ctx->out, &ctx->err);
}

static int
run_asset_add(struct seci_ctx *ctx)
{
	struct seci_asset a;
	int64_t id;

	memset(&a, 0, sizeof(a));
	a.tag = o_tag.text;
	a.description = o_desc.text;
	a.acquired = o_acquired.date;
	a.cost = o_cost.money;
	a.life_years = o_life.num;
	a.line = o_line.text;
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
	return seci_asset_dispose(ctx->db, ctx->args[0], o_date.date,
	    o_proceeds.given ? o_proceeds.money : 0, &ctx->err);
}

static int
run_asset_depreciate(struct seci_ctx *ctx)
{
	if (o_date.given && o_through.given && o_date.date != o_through.date)
		return seci_err_set(&ctx->err, SECI_EXIT_USAGE, "asset "
		    "depreciate: --date and --through name the same date; "
		    "give one");
	return seci_asset_depreciate(ctx->db, o_date.given ? o_date.date :
	    o_through.date, &ctx->err) < 0 ? -1 : 0;
}

static int
run_close(struct seci_ctx *ctx)
{
	return seci_yearend_close(ctx->db, ctx->year, o_date.date, &ctx->out,
	    &ctx->err);
}

#define FIN SECI_ROLE_FINANCE
#define DIR SECI_ROLE_DIRECTOR
#define ANY SECI_ROLE_ANY
#define W SECI_DB_WRITE
#define R SECI_DB_READ

static const struct seci_cmd commands[] = {
	{ .name = "load", .args = "FILE", .doc = "Load a draft budget (YAML, "
	    "or CSV from export)", .db = W, .roles = FIN, .min_args = 1,
	    .max_args = 1, .run = run_load },
	{ .name = "adopt", .doc = "Record the JCC's adoption of the budget",
	    .opts = adopt_opts, .db = W, .roles = DIR, .run = run_adopt },
	{ .name = "show", .doc = "Appropriations and execution per line",
	    .db = R, .roles = ANY, .run = run_show },
	{ .name = "status", .doc = "Each year's budget: draft, adopted or "
	    "closed, with its JCC decision", .db = R, .roles = ANY,
	    .run = run_status },
	{ .name = "export", .doc = "The budget's lines as CSV, as load reads "
	    "them", .db = R, .roles = ANY, .run = run_export },
	{ .name = "transfer", .doc = "Move appropriation between two lines",
	    .opts = transfer_opts, .db = W, .roles = FIN,
	    .run = run_transfer },
	{ .name = "supplement", .doc = "Add a supplementary appropriation",
	    .opts = supplement_opts, .db = W, .roles = FIN,
	    .run = run_supplement },
	{ .name = "commit", .doc = "Reserve money on a line for a payee",
	    .opts = commit_opts, .db = W, .roles = FIN, .run = run_commit },
	{ .name = "commit close", .args = "REF", .doc = "Close a commitment, "
	    "releasing the rest", .opts = commit_close_opts, .db = W,
	    .roles = FIN, .min_args = 1, .max_args = 1,
	    .run = run_commit_close },
	{ .name = "commit list", .doc = "The --year's commitments", .db = R,
	    .roles = ANY, .run = run_commit_list },
	{ .name = "expense add", .doc = "Propose an expense",
	    .opts = expense_add_opts, .db = W, .roles = FIN,
	    .run = run_expense_add },
	{ .name = "expense import", .args = "FILE", .doc = "Propose expenses "
	    "from CSV (idempotent)", .opts = expense_import_opts, .db = W,
	    .roles = FIN, .max_args = 1, .run = run_expense_import },
	{ .name = "expense approve", .args = "ID...", .doc = "Approve proposed "
	    "expenses (all or none)", .opts = approve_opts, .db = W,
	    .roles = FIN, .min_args = 1, .max_args = -1,
	    .run = run_expense_approve },
	{ .name = "expense reject", .args = "ID", .doc = "Reject a proposed "
	    "expense", .opts = reject_opts, .db = W, .roles = FIN,
	    .min_args = 1, .max_args = 1, .run = run_expense_reject },
	{ .name = "expense pay", .args = "ID...", .doc = "Record the payment "
	    "of approved expenses", .opts = pay_opts, .db = W, .roles = FIN,
	    .min_args = 1, .max_args = -1, .run = run_expense_pay },
	{ .name = "expense list", .doc = "List expenses", .opts = list_opts,
	    .db = R, .roles = ANY, .run = run_expense_list },
	{ .name = "asset add", .doc = "Register a fixed asset",
	    .opts = asset_add_opts, .db = W, .roles = FIN,
	    .run = run_asset_add },
	{ .name = "asset list", .doc = "The asset register as of --as-of",
	    .db = R, .roles = ANY, .run = run_asset_list },
	{ .name = "asset dispose", .args = "TAG", .doc = "Take an asset off "
	    "the register", .opts = dispose_opts, .db = W, .roles = FIN,
	    .min_args = 1, .max_args = 1, .run = run_asset_dispose },
	{ .name = "asset depreciate", .doc = "Post depreciation of months that "
	    "ended", .opts = depreciate_opts, .db = W, .roles = FIN,
	    .run = run_asset_depreciate },
	{ .name = "close", .doc = "Close --year: carry commitments, lapse the "
	    "rest", .opts = close_opts, .db = W, .roles = DIR,
	    .run = run_close },
};

static const struct seci_tool tool = {
	.name = "seci-budget",
	.doc = "the annual budget, its control, expenditure and assets",
	.cmds = commands,
	.ncmds = sizeof(commands) / sizeof(commands[0])
};

int
main(int argc, char **argv)
{
	return seci_main(&tool, argc, argv);
}
