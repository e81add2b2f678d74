/*
 * seci-plan - the annual Action Plan: its document, its approval by the
 * Joint Cooperation Committee as numbered versions, what changed between
 * them, its execution; and the strategic analyses the Director approves.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "seci.h"

static struct seci_val o_objective, o_title, o_desc, o_owner,
    o_start, o_end, o_line, o_cost, o_partner, o_date, o_force, o_approve,
    o_return, o_decision, o_note, o_from, o_to, o_percent, o_status,
    o_actual, o_phenomenon, o_author, o_class, o_activity;

#define O_END { .name = NULL }
#define O_FORCE SECI_OPT_FORCE(&o_force)

static const struct seci_opt add_opts[] = {
	{ .name = "objective", .arg = "CODE", .val = &o_objective,
	    .flags = SECI_OPT_REQUIRED, .doc = "Its objective (required)" },
	{ .name = "title", .arg = "TEXT", .val = &o_title,
	    .flags = SECI_OPT_REQUIRED, .doc = "Title (required)" },
	{ .name = "owner", .arg = "NAME", .val = &o_owner,
	    .flags = SECI_OPT_REQUIRED, .doc = "Who is responsible (required)" },
	{ .name = "start", .arg = "DATE", .val = &o_start,
	    .type = SECI_OPT_DATE, .flags = SECI_OPT_REQUIRED,
	    .doc = "Start, in the plan's year (required)" },
	{ .name = "end", .arg = "DATE", .val = &o_end, .type = SECI_OPT_DATE,
	    .flags = SECI_OPT_REQUIRED, .doc = "End (required)" },
	{ .name = "line", .arg = "LINE", .val = &o_line,
	    .flags = SECI_OPT_REQUIRED,
	    .doc = "The budget line it is paid from (required)" },
	{ .name = "cost", .arg = "AMOUNT", .val = &o_cost,
	    .type = SECI_OPT_MONEY, .flags = SECI_OPT_REQUIRED | SECI_OPT_NONNEG,
	    .doc = "Planned cost (required)" },
	{ .name = "desc", .arg = "TEXT", .val = &o_desc, .doc = "Description" },
	{ .name = "partner", .arg = "NAME", .val = &o_partner,
	    .type = SECI_OPT_LIST, .doc = "A partner: a third state, WCO, "
	    "INTERPOL, ... (repeatable)" },
	O_END
};
static const struct seci_opt edit_opts[] = {
	{ .name = "objective", .arg = "CODE", .val = &o_objective,
	    .doc = "Move it to this objective" },
	{ .name = "title", .arg = "TEXT", .val = &o_title, .doc = "Title" },
	{ .name = "owner", .arg = "NAME", .val = &o_owner, .doc = "Owner" },
	{ .name = "start", .arg = "DATE", .val = &o_start,
	    .type = SECI_OPT_DATE, .doc = "Start" },
	{ .name = "end", .arg = "DATE", .val = &o_end, .type = SECI_OPT_DATE,
	    .doc = "End" },
	{ .name = "line", .arg = "LINE", .val = &o_line,
	    .doc = "Budget line" },
	{ .name = "cost", .arg = "AMOUNT", .val = &o_cost,
	    .type = SECI_OPT_MONEY, .flags = SECI_OPT_NONNEG,
	    .doc = "Planned cost" },
	{ .name = "desc", .arg = "TEXT", .val = &o_desc, .doc = "Description" },
	O_END
};
static const struct seci_opt submit_opts[] = {
	{ .name = "date", .arg = "DATE", .val = &o_date, .type = SECI_OPT_DATE,
	    .flags = SECI_OPT_ASOF | SECI_OPT_RECORD,
	    .doc = "Date of the submission (default: --as-of)" },
	O_FORCE,
	O_END
};
static const struct seci_opt decide_opts[] = {
	{ .name = "approve", .type = SECI_OPT_FLAG, .val = &o_approve,
	    .doc = "The JCC approved it" },
	{ .name = "return", .type = SECI_OPT_FLAG, .val = &o_return,
	    .doc = "The JCC returned it for changes" },
	{ .name = "decision", .arg = "REF", .val = &o_decision,
	    .doc = "The JCC's decision (required to approve)" },
	{ .name = "date", .arg = "DATE", .val = &o_date, .type = SECI_OPT_DATE,
	    .flags = SECI_OPT_ASOF | SECI_OPT_RECORD,
	    .doc = "Date of the decision (default: --as-of)" },
	{ .name = "note", .arg = "TEXT", .val = &o_note,
	    .doc = "What the JCC said" },
	O_FORCE,
	O_END
};
static const struct seci_opt diff_opts[] = {
	{ .name = "from", .arg = "V", .val = &o_from, .type = SECI_OPT_INT,
	    .flags = SECI_OPT_NONNEG,
	    .doc = "From version V (default: the one before --to)" },
	{ .name = "to", .arg = "V", .val = &o_to, .type = SECI_OPT_INT,
	    .flags = SECI_OPT_NONNEG, .doc = "To version V, 0 for the working "
	    "copy (default: the last submitted)" },
	O_END
};

static const char *const statuses[] = { "on-track", "delayed", "done",
    "cancelled", NULL };

static const struct seci_opt progress_opts[] = {
	{ .name = "percent", .arg = "N", .val = &o_percent,
	    .type = SECI_OPT_INT, .flags = SECI_OPT_REQUIRED | SECI_OPT_NONNEG,
	    .doc = "How far, 0-100 (required)" },
	{ .name = "status", .arg = "STATUS", .val = &o_status,
	    .type = SECI_OPT_ENUM, .values = statuses,
	    .flags = SECI_OPT_REQUIRED,
	    .doc = "on-track, delayed, done or cancelled (required)" },
	{ .name = "note", .arg = "TEXT", .val = &o_note, .doc = "A note" },
	{ .name = "date", .arg = "DATE", .val = &o_date, .type = SECI_OPT_DATE,
	    .flags = SECI_OPT_ASOF | SECI_OPT_RECORD,
	    .doc = "As of (default: --as-of)" },
	O_FORCE,
	O_END
};
static const struct seci_opt indicator_opts[] = {
	{ .name = "actual", .arg = "VALUE", .val = &o_actual,
	    .flags = SECI_OPT_REQUIRED, .doc = "The value reached (required)" },
	{ .name = "date", .arg = "DATE", .val = &o_date, .type = SECI_OPT_DATE,
	    .flags = SECI_OPT_ASOF | SECI_OPT_RECORD,
	    .doc = "As of (default: --as-of)" },
	O_FORCE,
	O_END
};

static int
run_progress(struct seci_ctx *ctx)
{
	return seci_plan_progress(ctx->db, ctx->year, ctx->args[0],
	    (int)o_percent.num, statuses[o_status.num], o_note.text,
	    o_date.date, &ctx->err);
}

static int
run_indicator(struct seci_ctx *ctx)
{
	return seci_plan_actual(ctx->db, ctx->year, ctx->args[0], ctx->args[1],
	    o_actual.text, o_date.date, &ctx->err);
}

static int
run_report(struct seci_ctx *ctx)
{
	enum seci_doc_format fmt;

	seci_doc_format_parse(ctx->format, &fmt);
	return seci_plan_report(ctx->db, ctx->year, ctx->as_of, fmt,
	    &ctx->out, &ctx->err);
}

static const char *const classes[] = { "public", "restricted",
    "confidential", NULL };

static const struct seci_opt analysis_add_opts[] = {
	{ .name = "title", .arg = "TEXT", .val = &o_title,
	    .flags = SECI_OPT_REQUIRED, .doc = "Title (required)" },
	{ .name = "phenomenon", .arg = "TEXT", .val = &o_phenomenon,
	    .flags = SECI_OPT_REQUIRED,
	    .doc = "The crime it studies (required)" },
	{ .name = "author", .arg = "NAME", .val = &o_author,
	    .flags = SECI_OPT_REQUIRED, .doc = "Its author (required)" },
	{ .name = "classification", .arg = "LEVEL", .val = &o_class,
	    .type = SECI_OPT_ENUM, .values = classes,
	    .doc = "public (default), restricted or confidential" },
	{ .name = "activity", .arg = "CODE", .val = &o_activity,
	    .type = SECI_OPT_LIST, .doc = "A --year plan activity it informs "
	    "(repeatable)" },
	{ .name = "date", .arg = "DATE", .val = &o_date, .type = SECI_OPT_DATE,
	    .flags = SECI_OPT_ASOF | SECI_OPT_RECORD,
	    .doc = "Date (default: --as-of)" },
	O_FORCE,
	O_END
};
static const struct seci_opt analysis_move_opts[] = {
	{ .name = "date", .arg = "DATE", .val = &o_date, .type = SECI_OPT_DATE,
	    .flags = SECI_OPT_ASOF | SECI_OPT_RECORD,
	    .doc = "Date (default: --as-of)" },
	{ .name = "note", .arg = "TEXT", .val = &o_note, .doc = "A note" },
	O_FORCE,
	O_END
};
static const struct seci_opt analysis_return_opts[] = {
	{ .name = "note", .arg = "TEXT", .val = &o_note,
	    .flags = SECI_OPT_REQUIRED, .doc = "What to change (required)" },
	{ .name = "date", .arg = "DATE", .val = &o_date, .type = SECI_OPT_DATE,
	    .flags = SECI_OPT_ASOF | SECI_OPT_RECORD,
	    .doc = "Date (default: --as-of)" },
	O_FORCE,
	O_END
};

static int
run_analysis_add(struct seci_ctx *ctx)
{
	struct seci_analysis a;
	int64_t id;

	memset(&a, 0, sizeof(a));
	a.title = o_title.text;
	a.phenomenon = o_phenomenon.text;
	a.author = o_author.text;
	a.classification = o_class.given ? classes[o_class.num] : "public";
	a.year = ctx->year;
	a.activities = o_activity.list;
	a.nactivities = o_activity.nlist;
	a.date = o_date.date;
	if (seci_analysis_add(ctx->db, &a, &id, &ctx->err) < 0)
		return -1;
	printf("%lld\n", (long long)id);
	return 0;
}

/* submit, approve, return: the command's last word says where to. */
static int
run_analysis_move(struct seci_ctx *ctx)
{
	const char *w = strrchr(ctx->cmd->name, ' ') + 1;
	int64_t id;

	if (seci_ctx_id(ctx, 0, "analysis", &id) < 0)
		return -1;
	return seci_analysis_move(ctx->db, id, strcmp(w, "submit") == 0 ?
	    "submitted" : strcmp(w, "approve") == 0 ? "approved" : "draft",
	    o_note.text, o_date.date, ctx->roles, &ctx->err);
}

static int
run_analysis_list(struct seci_ctx *ctx)
{
	return seci_analysis_list(ctx->db, ctx->roles, &ctx->out, &ctx->err);
}

static int
run_analysis_show(struct seci_ctx *ctx)
{
	int64_t id;

	if (seci_ctx_id(ctx, 0, "analysis", &id) < 0)
		return -1;
	return seci_analysis_show(ctx->db, id, ctx->roles, &ctx->out,
	    &ctx->err);
}

static int
run_load(struct seci_ctx *ctx)
{
	const char *name;
	FILE *fp;
	int rc, year;

	if ((fp = seci_input_open(ctx->nargs ? ctx->args[0] : NULL, &name,
	    &ctx->err)) == NULL)
		return -1;
	rc = seci_plan_load(ctx->db, fp, name, ctx->year, ctx->year_given,
	    &year, &ctx->err);
	seci_input_close(fp);
	if (rc == 0 && ctx->verbose)
		fprintf(stderr, "%s: the %d plan loaded as a draft\n",
		    ctx->tool->name, year);
	return rc;
}

static int
run_export(struct seci_ctx *ctx)
{
	return seci_plan_export(ctx->db, ctx->year, stdout, &ctx->err);
}

static int
run_list(struct seci_ctx *ctx)
{
	return seci_plan_list(ctx->db, ctx->year, ctx->as_of, &ctx->out,
	    &ctx->err);
}

static int
run_show(struct seci_ctx *ctx)
{
	return seci_plan_show(ctx->db, ctx->year, ctx->args[0], ctx->as_of,
	    &ctx->out, &ctx->err);
}

static void
activity_from_options(struct seci_ctx *ctx, struct seci_activity *a)
{
	memset(a, 0, sizeof(*a));
	a->code = ctx->args[0];
	a->objective = o_objective.text;
	a->title = o_title.text;
	a->description = o_desc.text;
	a->owner = o_owner.text;
	a->start = o_start.given ? o_start.date : 0;
	a->end = o_end.given ? o_end.date : 0;
	a->budget_line = o_line.text;
	a->cost = o_cost.money;
	a->partners = o_partner.list;
	a->npartners = o_partner.nlist;
}

static int
run_add(struct seci_ctx *ctx)
{
	struct seci_activity a;

	activity_from_options(ctx, &a);
	if (seci_plan_add(ctx->db, ctx->year, &a, &ctx->err) < 0)
		return -1;
	printf("%s\n", a.code);
	return 0;
}

static int
run_edit(struct seci_ctx *ctx)
{
	struct seci_activity a;

	activity_from_options(ctx, &a);
	return seci_plan_edit(ctx->db, ctx->year, &a, o_cost.given, &ctx->err);
}

static int
run_submit(struct seci_ctx *ctx)
{
	enum seci_doc_format fmt;
	int version;

	seci_doc_format_parse(ctx->format, &fmt);
	if (seci_plan_submit(ctx->db, ctx->year, o_date.date, fmt, stdout,
	    &version, &ctx->err) < 0)
		return -1;
	if (!ctx->quiet)
		fprintf(stderr, "%s: the %d plan submitted to the JCC as version "
		    "%d\n", ctx->tool->name, ctx->year, version);
	return 0;
}

static int
run_decide(struct seci_ctx *ctx)
{
	if (o_approve.given == o_return.given)
		return seci_err_set(&ctx->err, SECI_EXIT_USAGE, "decide: give "
		    "--approve or --return");
	return seci_plan_decide(ctx->db, ctx->year, o_approve.given,
	    o_decision.text, o_date.date, o_note.text, &ctx->err);
}

static int
run_revise(struct seci_ctx *ctx)
{
	return seci_plan_revise(ctx->db, ctx->year, &ctx->err);
}

static int
run_diff(struct seci_ctx *ctx)
{
	char status[16];
	int last, to, from;

	if (seci_plan_state(ctx->db, ctx->year, status, sizeof(status), &last,
	    NULL, &ctx->err) < 0)
		return -1;
	if (status[0] == '\0')
		return seci_err_set(&ctx->err, SECI_EXIT_DATA, "no plan for %d",
		    ctx->year);
	to = o_to.given ? (int)o_to.num : last;
	from = o_from.given ? (int)o_from.num : to > 0 ? to - 1 : last;
	return seci_plan_diff(ctx->db, ctx->year, from, to, &ctx->out,
	    &ctx->err);
}

static int
run_versions(struct seci_ctx *ctx)
{
	return seci_plan_history(ctx->db, ctx->year, &ctx->out, &ctx->err);
}

#define PLAN SECI_ROLE_PLANNING
#define ANY SECI_ROLE_ANY
#define W SECI_DB_WRITE
#define R SECI_DB_READ

static const struct seci_cmd commands[] = {
	{ .name = "load", .args = "[FILE]", .doc = "Load the plan document "
	    "(YAML) as a draft", .db = W, .roles = PLAN, .max_args = 1,
	    .run = run_load },
	{ .name = "export", .doc = "The plan as the YAML that load reads",
	    .db = R, .roles = ANY, .formats = "yaml", .run = run_export },
	{ .name = "list", .doc = "The plan's activities with their progress",
	    .db = R, .roles = ANY, .run = run_list },
	{ .name = "show", .args = "CODE", .doc = "One activity: its fields, "
	    "partners, indicators and progress", .db = R, .roles = ANY,
	    .min_args = 1, .max_args = 1, .run = run_show },
	{ .name = "add", .args = "CODE", .doc = "Add an activity to the draft",
	    .opts = add_opts, .db = W, .roles = PLAN, .min_args = 1,
	    .max_args = 1, .run = run_add },
	{ .name = "edit", .args = "CODE", .doc = "Change an activity of the "
	    "draft", .opts = edit_opts, .db = W, .roles = PLAN, .min_args = 1,
	    .max_args = 1, .run = run_edit },
	{ .name = "submit", .doc = "Submit the draft to the JCC and print the "
	    "proposal", .opts = submit_opts, .db = W, .roles = PLAN,
	    .formats = "text,html,pdf", .run = run_submit },
	{ .name = "decide", .doc = "Record the JCC's decision: --approve or "
	    "--return", .opts = decide_opts, .db = W, .roles = PLAN,
	    .run = run_decide },
	{ .name = "revise", .doc = "Start a revision of the approved plan",
	    .db = W, .roles = PLAN, .run = run_revise },
	{ .name = "diff", .doc = "What changed between two versions",
	    .opts = diff_opts, .db = R, .roles = ANY, .run = run_diff },
	{ .name = "versions", .doc = "The submitted versions and the JCC's "
	    "decisions", .db = R, .roles = ANY, .run = run_versions },
	{ .name = "progress", .args = "CODE", .doc = "Record an activity's "
	    "progress", .opts = progress_opts, .db = W, .roles = PLAN,
	    .min_args = 1, .max_args = 1, .run = run_progress },
	{ .name = "indicator", .args = "CODE NAME", .doc = "Record an "
	    "indicator's actual value", .opts = indicator_opts, .db = W,
	    .roles = PLAN, .min_args = 2, .max_args = 2, .run = run_indicator },
	{ .name = "report", .doc = "Progress, overdue activities, indicators, "
	    "planned cost against spending", .db = R, .roles = ANY,
	    .formats = "text,json,html,pdf,xlsx", .run = run_report },
	{ .name = "analysis add", .doc = "Add a strategic analysis (prints its "
	    "ID)", .opts = analysis_add_opts, .db = W, .roles = PLAN,
	    .run = run_analysis_add },
	{ .name = "analysis submit", .args = "ID", .doc = "Submit an analysis "
	    "to the Director", .opts = analysis_move_opts, .db = W,
	    .roles = PLAN, .min_args = 1, .max_args = 1,
	    .run = run_analysis_move },
	{ .name = "analysis approve", .args = "ID", .doc = "Approve an analysis "
	    "(Director)", .opts = analysis_move_opts, .db = W,
	    .roles = SECI_ROLE_DIRECTOR,
	    .min_args = 1, .max_args = 1, .run = run_analysis_move },
	{ .name = "analysis return", .args = "ID", .doc = "Return an analysis "
	    "with a note (Director)", .opts = analysis_return_opts, .db = W,
	    .roles = SECI_ROLE_DIRECTOR, .min_args = 1, .max_args = 1,
	    .run = run_analysis_move },
	{ .name = "analysis list", .doc = "The strategic analyses", .db = R,
	    .roles = ANY, .run = run_analysis_list },
	{ .name = "analysis show", .args = "ID", .doc = "One analysis and its "
	    "history", .db = R, .roles = ANY, .min_args = 1, .max_args = 1,
	    .run = run_analysis_show },
};

static const struct seci_tool tool = {
	.name = "seci-plan",
	.doc = "the annual Action Plan, its approval and execution, and "
	    "strategic analyses",
	.cmds = commands,
	.ncmds = sizeof(commands) / sizeof(commands[0])
};

int
main(int argc, char **argv)
{
	return seci_main(&tool, argc, argv);
}
