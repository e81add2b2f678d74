/*
 * seci-staff - the staff register and Liaison Officers: contracts, the
 * Parties' coordination check, personal data that only hr and directors
 * see.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "seci.h"

static struct seci_val o_name, o_kind, o_position, o_grade, o_nationality,
    o_start, o_end, o_birth, o_email, o_phone, o_date, o_reason, o_force,
    o_party, o_within, o_expiring, o_post, o_title, o_closes, o_to,
    o_vacancy, o_hours, o_staff, o_allegation, o_stage, o_note, o_measure,
    o_interests, o_none, o_code_version, o_source, o_value, o_desc,
    o_older, o_left_before, o_dry;

static const char *const kinds[] = { "staff", "seconded", "liaison", NULL };
static const char *const moves[] = { "shortlisted", "interviewed",
    "offered", "hired", "rejected", NULL };
static const char *const case_stages[] = { "investigation", "hearing",
    "decision", "appeal", "closed", NULL };

#define O_END { .name = NULL }
#define O_FORCE SECI_OPT_FORCE(&o_force)
#define O_PERSONAL(n, a, v, d) { .name = (n), .arg = (a), .val = (v), \
	.flags = SECI_OPT_PERSONAL, .doc = (d) }

static const struct seci_opt add_opts[] = {
	{ .name = "name", .arg = "NAME", .val = &o_name,
	    .flags = SECI_OPT_REQUIRED | SECI_OPT_PERSONAL,
	    .doc = "Full name (required)" },
	{ .name = "kind", .arg = "KIND", .val = &o_kind, .type = SECI_OPT_ENUM,
	    .values = kinds, .flags = SECI_OPT_REQUIRED,
	    .doc = "staff, seconded or liaison (required)" },
	{ .name = "position", .arg = "TEXT", .val = &o_position,
	    .flags = SECI_OPT_REQUIRED, .doc = "Position (required)" },
	{ .name = "grade", .arg = "GRADE", .val = &o_grade,
	    .flags = SECI_OPT_REQUIRED, .doc = "Grade (required)" },
	{ .name = "nationality", .arg = "CODE", .val = &o_nationality,
	    .flags = SECI_OPT_REQUIRED, .doc = "Nationality; a Liaison "
	    "Officer's is a Party's code (required)" },
	{ .name = "start", .arg = "DATE", .val = &o_start,
	    .type = SECI_OPT_DATE, .flags = SECI_OPT_REQUIRED | SECI_OPT_RECORD,
	    .doc = "Contract (or posting) start (required)" },
	{ .name = "end", .arg = "DATE", .val = &o_end, .type = SECI_OPT_DATE,
	    .doc = "Contract (or posting) end" },
	O_PERSONAL("birth-date", "DATE", &o_birth, "Birth date (personal)"),
	O_PERSONAL("email", "ADDRESS", &o_email, "Personal e-mail (personal)"),
	O_PERSONAL("phone", "NUMBER", &o_phone, "Personal phone (personal)"),
	O_FORCE,
	O_END
};
static const struct seci_opt update_opts[] = {
	{ .name = "name", .arg = "NAME", .val = &o_name,
	    .flags = SECI_OPT_PERSONAL, .doc = "Full name" },
	{ .name = "kind", .arg = "KIND", .val = &o_kind, .type = SECI_OPT_ENUM,
	    .values = kinds, .doc = "staff, seconded or liaison" },
	{ .name = "position", .arg = "TEXT", .val = &o_position,
	    .doc = "Position" },
	{ .name = "grade", .arg = "GRADE", .val = &o_grade, .doc = "Grade" },
	{ .name = "nationality", .arg = "CODE", .val = &o_nationality,
	    .doc = "Nationality" },
	{ .name = "start", .arg = "DATE", .val = &o_start,
	    .type = SECI_OPT_DATE, .doc = "Contract start" },
	{ .name = "end", .arg = "DATE", .val = &o_end, .type = SECI_OPT_DATE,
	    .doc = "Contract end" },
	O_PERSONAL("birth-date", "DATE", &o_birth, "Birth date (personal)"),
	O_PERSONAL("email", "ADDRESS", &o_email, "Personal e-mail (personal)"),
	O_PERSONAL("phone", "NUMBER", &o_phone, "Personal phone (personal)"),
	{ .name = "date", .arg = "DATE", .val = &o_date, .type = SECI_OPT_DATE,
	    .flags = SECI_OPT_ASOF | SECI_OPT_RECORD,
	    .doc = "Date of the change (default: --as-of)" },
	O_FORCE,
	O_END
};
static const struct seci_opt leave_opts[] = {
	{ .name = "date", .arg = "DATE", .val = &o_date, .type = SECI_OPT_DATE,
	    .flags = SECI_OPT_REQUIRED | SECI_OPT_RECORD,
	    .doc = "Last day of the contract (required)" },
	{ .name = "reason", .arg = "TEXT", .val = &o_reason,
	    .flags = SECI_OPT_REQUIRED, .doc = "Why (required)" },
	O_FORCE,
	O_END
};
static const struct seci_opt lo_list_opts[] = {
	{ .name = "party", .arg = "CODE", .val = &o_party,
	    .doc = "Only this Party's" },
	O_END
};
static const struct seci_opt lo_gaps_opts[] = {
	{ .name = "within", .arg = "DAYS", .val = &o_within,
	    .type = SECI_OPT_INT, .flags = SECI_OPT_NONNEG,
	    .doc = "Postings ending within DAYS of --as-of with no successor "
	    "(default: 90)" },
	O_END
};
static const struct seci_opt contracts_opts[] = {
	{ .name = "expiring", .arg = "DAYS", .val = &o_expiring,
	    .type = SECI_OPT_INT, .flags = SECI_OPT_REQUIRED | SECI_OPT_NONNEG,
	    .doc = "Contracts ending within DAYS of --as-of (required)" },
	O_END
};
#define O_ASOF_DATE(d) { .name = "date", .arg = "DATE", .val = &o_date, \
	.type = SECI_OPT_DATE, .flags = SECI_OPT_ASOF | SECI_OPT_RECORD, \
	.doc = (d) }

static const struct seci_opt vacancy_opts[] = {
	{ .name = "post", .arg = "POST", .val = &o_post,
	    .flags = SECI_OPT_REQUIRED, .doc = "The post's code (required)" },
	{ .name = "title", .arg = "TEXT", .val = &o_title,
	    .flags = SECI_OPT_REQUIRED, .doc = "The post's title (required)" },
	{ .name = "grade", .arg = "GRADE", .val = &o_grade,
	    .flags = SECI_OPT_REQUIRED, .doc = "Grade (required)" },
	{ .name = "closes", .arg = "DATE", .val = &o_closes,
	    .type = SECI_OPT_DATE, .flags = SECI_OPT_REQUIRED,
	    .doc = "Closing date for applications (required)" },
	O_ASOF_DATE("Opening date (default: --as-of)"),
	O_FORCE,
	O_END
};
static const struct seci_opt candidate_add_opts[] = {
	{ .name = "name", .arg = "NAME", .val = &o_name,
	    .flags = SECI_OPT_REQUIRED | SECI_OPT_PERSONAL,
	    .doc = "Full name (required; personal)" },
	{ .name = "nationality", .arg = "CODE", .val = &o_nationality,
	    .flags = SECI_OPT_REQUIRED, .doc = "Nationality (required)" },
	O_ASOF_DATE("Date of the application (default: --as-of)"),
	O_FORCE,
	O_END
};
static const struct seci_opt candidate_move_opts[] = {
	{ .name = "to", .arg = "STAGE", .val = &o_to, .type = SECI_OPT_ENUM,
	    .values = moves, .flags = SECI_OPT_REQUIRED,
	    .doc = "shortlisted, interviewed, offered, hired or rejected "
	    "(required)" },
	O_ASOF_DATE("Date of the step (default: --as-of); hired: the "
	    "contract's start"),
	O_FORCE,
	O_END
};
static const struct seci_opt candidate_list_opts[] = {
	{ .name = "vacancy", .arg = "ID", .val = &o_vacancy,
	    .type = SECI_OPT_INT, .flags = SECI_OPT_NONNEG,
	    .doc = "Only this vacancy's" },
	O_END
};
static const struct seci_opt training_add_opts[] = {
	{ .name = "title", .arg = "TEXT", .val = &o_title,
	    .flags = SECI_OPT_REQUIRED, .doc = "What it was (required)" },
	{ .name = "date", .arg = "DATE", .val = &o_date, .type = SECI_OPT_DATE,
	    .flags = SECI_OPT_REQUIRED | SECI_OPT_RECORD,
	    .doc = "When (required)" },
	{ .name = "hours", .arg = "H", .val = &o_hours,
	    .flags = SECI_OPT_REQUIRED, .doc = "Hours per participant, to a "
	    "tenth (required)" },
	{ .name = "staff", .arg = "ID", .val = &o_staff, .type = SECI_OPT_LIST,
	    .flags = SECI_OPT_REQUIRED, .doc = "A participant (repeatable; "
	    "more IDs may follow as arguments)" },
	O_FORCE,
	O_END
};
static const struct seci_opt case_open_opts[] = {
	{ .name = "allegation", .arg = "TEXT", .val = &o_allegation,
	    .flags = SECI_OPT_REQUIRED | SECI_OPT_PERSONAL,
	    .doc = "What is alleged (required; confidential)" },
	O_ASOF_DATE("Date opened (default: --as-of)"),
	O_FORCE,
	O_END
};
static const struct seci_opt case_step_opts[] = {
	{ .name = "stage", .arg = "STAGE", .val = &o_stage,
	    .type = SECI_OPT_ENUM, .values = case_stages,
	    .flags = SECI_OPT_REQUIRED, .doc = "investigation, hearing, "
	    "decision, appeal or closed (required)" },
	{ .name = "note", .arg = "TEXT", .val = &o_note,
	    .flags = SECI_OPT_REQUIRED | SECI_OPT_PERSONAL,
	    .doc = "What happened (required; confidential)" },
	{ .name = "measure", .arg = "M", .val = &o_measure,
	    .doc = "decision: one of disciplinary_measures, or none" },
	O_ASOF_DATE("Date of the step (default: --as-of)"),
	O_FORCE,
	O_END
};
static const struct seci_opt declare_opts[] = {
	{ .name = "interests", .arg = "TEXT", .val = &o_interests,
	    .flags = SECI_OPT_PERSONAL, .doc = "The interests declared "
	    "(confidential)" },
	{ .name = "none", .val = &o_none, .type = SECI_OPT_FLAG,
	    .doc = "No interests to declare" },
	O_ASOF_DATE("Date of the declaration (default: --as-of)"),
	O_FORCE,
	O_END
};
static const struct seci_opt acknowledge_opts[] = {
	{ .name = "code-version", .arg = "V", .val = &o_code_version,
	    .flags = SECI_OPT_REQUIRED, .doc = "The code of conduct's version "
	    "(required)" },
	O_ASOF_DATE("Date of the acknowledgement (default: --as-of)"),
	O_FORCE,
	O_END
};
static const struct seci_opt gift_opts[] = {
	{ .name = "source", .arg = "S", .val = &o_source,
	    .flags = SECI_OPT_REQUIRED | SECI_OPT_PERSONAL,
	    .doc = "Who gave it (required; confidential)" },
	{ .name = "value", .arg = "AMOUNT", .val = &o_value,
	    .type = SECI_OPT_MONEY, .flags = SECI_OPT_REQUIRED |
	    SECI_OPT_NONNEG, .doc = "Its value (required)" },
	{ .name = "date", .arg = "DATE", .val = &o_date, .type = SECI_OPT_DATE,
	    .flags = SECI_OPT_REQUIRED | SECI_OPT_RECORD,
	    .doc = "When (required)" },
	{ .name = "desc", .arg = "TEXT", .val = &o_desc,
	    .flags = SECI_OPT_REQUIRED | SECI_OPT_PERSONAL,
	    .doc = "What it was (required; confidential)" },
	O_FORCE,
	O_END
};
#define O_DRY { .name = "dry-run", .type = SECI_OPT_FLAG, .val = &o_dry, \
	.doc = "Say how many would be purged; erase nothing" }

static const struct seci_opt candidates_purge_opts[] = {
	{ .name = "older-than", .arg = "MONTHS", .val = &o_older,
	    .type = SECI_OPT_INT, .flags = SECI_OPT_NONNEG,
	    .doc = "Months since the last step and the vacancy's closing "
	    "(default and least: candidate_retention_months)" },
	O_DRY,
	O_END
};
static const struct seci_opt purge_opts[] = {
	{ .name = "left-before", .arg = "DATE", .val = &o_left_before,
	    .type = SECI_OPT_DATE, .flags = SECI_OPT_REQUIRED,
	    .doc = "Former staff who left before DATE, at least "
	    "staff_retention_years ago (required)" },
	O_DRY,
	O_END
};

static void
staff_from_options(struct seci_staff *s)
{
	memset(s, 0, sizeof(*s));
	s->name = o_name.text;
	s->kind = o_kind.given ? kinds[o_kind.num] : NULL;
	s->position = o_position.text;
	s->grade = o_grade.text;
	s->nationality = o_nationality.text;
	s->start = o_start.given ? o_start.date : 0;
	s->end = o_end.given ? o_end.date : 0;
	s->birth_date = o_birth.text;
	s->email = o_email.text;
	s->phone = o_phone.text;
}

static int
run_add(struct seci_ctx *ctx)
{
	struct seci_staff s;
	int64_t id;

	staff_from_options(&s);
	if (seci_staff_add(ctx->db, &s, &id, &ctx->err) < 0)
		return -1;
	printf("%lld\n", (long long)id);
	return 0;
}

static int
run_list(struct seci_ctx *ctx)
{
	return seci_staff_list(ctx->db, 0, &ctx->out, &ctx->err);
}

static int
run_export(struct seci_ctx *ctx)
{
	return seci_staff_list(ctx->db, 1, &ctx->out, &ctx->err);
}

static int
run_show(struct seci_ctx *ctx)
{
	int64_t id;

	if (seci_ctx_id(ctx, 0, "staff member", &id) < 0)
		return -1;
	return seci_staff_show(ctx->db, id, ctx->roles, &ctx->out, &ctx->err);
}

static int
run_update(struct seci_ctx *ctx)
{
	struct seci_staff s;
	int64_t id;

	if (seci_ctx_id(ctx, 0, "staff member", &id) < 0)
		return -1;
	staff_from_options(&s);
	return seci_staff_update(ctx->db, id, &s, o_date.date, &ctx->err);
}

static int
run_leave(struct seci_ctx *ctx)
{
	int64_t id;

	if (seci_ctx_id(ctx, 0, "staff member", &id) < 0)
		return -1;
	return seci_staff_leave(ctx->db, id, o_date.date, o_reason.text,
	    &ctx->err);
}

static int
run_import(struct seci_ctx *ctx)
{
	return seci_ctx_import(ctx, seci_staff_import);
}

static int
run_lo_list(struct seci_ctx *ctx)
{
	return seci_staff_lo_list(ctx->db, o_party.text, &ctx->out, &ctx->err);
}

static int
run_lo_gaps(struct seci_ctx *ctx)
{
	int gaps;

	if (seci_staff_lo_gaps(ctx->db, ctx->as_of, o_within.given ?
	    o_within.num : 90, &ctx->out, &gaps, &ctx->err) < 0)
		return -1;
	if (gaps > 0)
		ctx->status = SECI_EXIT_FINDINGS;
	return 0;
}

static int
run_contracts(struct seci_ctx *ctx)
{
	return seci_staff_expiring(ctx->db, ctx->as_of, o_expiring.num,
	    &ctx->out, &ctx->err);
}

static int
run_vacancy_open(struct seci_ctx *ctx)
{
	int64_t id;

	if (seci_vacancy_open(ctx->db, o_post.text, o_title.text, o_grade.text,
	    o_date.date, o_closes.date, &id, &ctx->err) < 0)
		return -1;
	printf("%lld\n", (long long)id);
	return 0;
}

static int
run_vacancy_list(struct seci_ctx *ctx)
{
	return seci_vacancy_list(ctx->db, &ctx->out, &ctx->err);
}

static int
run_candidate_add(struct seci_ctx *ctx)
{
	int64_t vacancy, id;

	if (seci_ctx_id(ctx, 0, "vacancy", &vacancy) < 0 ||
	    seci_candidate_add(ctx->db, vacancy, o_name.text,
	    o_nationality.text, o_date.date, &id, &ctx->err) < 0)
		return -1;
	printf("%lld\n", (long long)id);
	return 0;
}

static int
run_candidate_move(struct seci_ctx *ctx)
{
	int64_t id, staff;

	if (seci_ctx_id(ctx, 0, "candidate", &id) < 0 ||
	    seci_candidate_move(ctx->db, id, moves[o_to.num], o_date.date,
	    &staff, &ctx->err) < 0)
		return -1;
	if (staff != 0)
		printf("%lld\n", (long long)staff);
	return 0;
}

static int
run_candidate_list(struct seci_ctx *ctx)
{
	return seci_candidate_list(ctx->db, o_vacancy.given ? o_vacancy.num :
	    0, &ctx->out, &ctx->err);
}

/* --staff ID (repeatable, or "1,2,3"), and IDs given as arguments. */
static int
training_staff(struct seci_ctx *ctx, int64_t *ids, size_t max, size_t *n)
{
	char buf[1024], *p, *tok, *end;
	size_t i;
	int a;

	*n = 0;
	for (i = 0; i < o_staff.nlist + (size_t)ctx->nargs; i++) {
		a = (int)i - (int)o_staff.nlist;
		snprintf(buf, sizeof(buf), "%s", i < o_staff.nlist ?
		    o_staff.list[i] : ctx->args[a]);
		for (p = buf; (tok = strsep(&p, ", ")) != NULL;) {
			if (*tok == '\0')
				continue;
			if (*n == max)
				return seci_err_set(&ctx->err, SECI_EXIT_USAGE,
				    "training add: at most %zu participants "
				    "at a time", max);
			ids[*n] = strtoll(tok, &end, 10);
			if (*end != '\0' || ids[*n] <= 0)
				return seci_err_set(&ctx->err, SECI_EXIT_USAGE,
				    "--staff: '%s' is not a staff ID", tok);
			(*n)++;
		}
	}
	return 0;
}

static int
run_training_add(struct seci_ctx *ctx)
{
	int64_t ids[256], id;
	size_t n;

	if (training_staff(ctx, ids, sizeof(ids) / sizeof(ids[0]), &n) < 0 ||
	    seci_training_add(ctx->db, o_title.text, o_date.date,
	    o_hours.text, ids, n, &id, &ctx->err) < 0)
		return -1;
	printf("%lld\n", (long long)id);
	return 0;
}

static int
run_training_report(struct seci_ctx *ctx)
{
	int below;

	return seci_training_report(ctx->db, ctx->year,
	    ctx->conf.training_min_hours, &ctx->out, &below, &ctx->err);
}

static int
run_case_open(struct seci_ctx *ctx)
{
	int64_t staff, id;

	if (seci_ctx_id(ctx, 0, "staff member", &staff) < 0 ||
	    seci_case_open(ctx->db, staff, o_allegation.text, o_date.date, &id,
	    &ctx->err) < 0)
		return -1;
	printf("%lld\n", (long long)id);
	return 0;
}

static int
run_case_step(struct seci_ctx *ctx)
{
	int64_t id;

	if (seci_ctx_id(ctx, 0, "case", &id) < 0)
		return -1;
	return seci_case_step(ctx->db, id, case_stages[o_stage.num],
	    o_note.text, o_measure.text, o_date.date,
	    ctx->conf.disciplinary_measures, &ctx->err);
}

static int
run_case_list(struct seci_ctx *ctx)
{
	return seci_case_list(ctx->db, &ctx->out, &ctx->err);
}

static int
run_declare(struct seci_ctx *ctx)
{
	int64_t staff, id;

	if (o_interests.given == o_none.given)
		return seci_err_set(&ctx->err, SECI_EXIT_USAGE, "ethics declare: "
		    "give --interests TEXT or --none");
	if (seci_ctx_id(ctx, 0, "staff member", &staff) < 0 ||
	    seci_ethics_declare(ctx->db, staff, "interests", o_none.given ?
	    "none" : o_interests.text, o_date.date, &id, &ctx->err) < 0)
		return -1;
	printf("%lld\n", (long long)id);
	return 0;
}

static int
run_acknowledge(struct seci_ctx *ctx)
{
	int64_t staff, id;

	if (seci_ctx_id(ctx, 0, "staff member", &staff) < 0 ||
	    seci_ethics_declare(ctx->db, staff, "code", o_code_version.text,
	    o_date.date, &id, &ctx->err) < 0)
		return -1;
	printf("%lld\n", (long long)id);
	return 0;
}

static int
run_ethics_missing(struct seci_ctx *ctx)
{
	int missing;

	if (seci_ethics_missing(ctx->db, ctx->year, ctx->as_of,
	    ctx->conf.declaration_due, &ctx->out, &missing, &ctx->err) < 0)
		return -1;
	if (missing > 0)
		ctx->status = SECI_EXIT_FINDINGS;
	return 0;
}

static int
run_gift(struct seci_ctx *ctx)
{
	int64_t staff, id;

	if (seci_ctx_id(ctx, 0, "staff member", &staff) < 0 ||
	    seci_ethics_gift(ctx->db, staff, o_source.text, o_value.money,
	    o_date.date, o_desc.text, &id, &ctx->err) < 0)
		return -1;
	printf("%lld\n", (long long)id);
	return 0;
}

static int
run_gifts(struct seci_ctx *ctx)
{
	seci_money threshold;

	if (seci_money_parse(ctx->conf.gift_threshold,
	    seci_currency_decimals(ctx->conf.currency), '.', &threshold,
	    &ctx->err) < 0)
		return -1;
	return seci_ethics_gifts(ctx->db, ctx->year, threshold, &ctx->out,
	    &ctx->err);
}

static void
purged(struct seci_ctx *ctx, const char *who,
    const struct seci_purge_stats *p)
{
	ctx->dry_run = o_dry.given;
	seci_ctx_summary(ctx, "%d %s purged, %d audit records redacted%s",
	    p->people, who, p->redacted, o_dry.given ? " (dry run: nothing "
	    "erased)" : "");
}

static int
run_candidates_purge(struct seci_ctx *ctx)
{
	struct seci_purge_stats p;

	if (seci_purge_candidates(ctx->db, o_older.given ? o_older.num :
	    ctx->conf.candidate_retention_months,
	    ctx->conf.candidate_retention_months, ctx->as_of, &p,
	    &ctx->err) < 0)
		return -1;
	purged(ctx, "candidates", &p);
	return 0;
}

static int
run_purge(struct seci_ctx *ctx)
{
	struct seci_purge_stats p;

	if (seci_purge_staff(ctx->db, o_left_before.date,
	    ctx->conf.staff_retention_years, ctx->as_of, &p, &ctx->err) < 0)
		return -1;
	purged(ctx, "former staff", &p);
	return 0;
}

static int
run_retention(struct seci_ctx *ctx)
{
	int due;

	if (seci_retention(ctx->db, ctx->conf.candidate_retention_months,
	    ctx->conf.staff_retention_years, ctx->as_of, &ctx->out, &due,
	    &ctx->err) < 0)
		return -1;
	if (due > 0)
		ctx->status = SECI_EXIT_FINDINGS;
	return 0;
}

static int
run_subject(struct seci_ctx *ctx)
{
	struct seci_out_opts oo = ctx->out;
	int64_t id;

	if (seci_ctx_id(ctx, 0, "staff member", &id) < 0)
		return -1;
	oo.format = strcmp(ctx->format, "json") == 0 ? SECI_FMT_JSON :
	    SECI_FMT_TABLE;
	oo.header = 1;
	return seci_subject(ctx->db, id, &oo, &ctx->err);
}

#define HR SECI_ROLE_HR
#define ANY SECI_ROLE_ANY
#define W SECI_DB_WRITE
#define R SECI_DB_READ

static const struct seci_cmd commands[] = {
	{ .name = "add", .doc = "Add a staff member or Liaison Officer "
	    "(prints the ID)", .opts = add_opts, .db = W, .roles = HR,
	    .run = run_add },
	{ .name = "list", .doc = "The staff register", .db = R, .roles = ANY,
	    .run = run_list },
	{ .name = "show", .args = "ID", .doc = "One record with its history",
	    .db = R, .roles = ANY, .min_args = 1, .max_args = 1,
	    .run = run_show },
	{ .name = "update", .args = "ID", .doc = "Change a record, dated",
	    .opts = update_opts, .db = W, .roles = HR, .min_args = 1,
	    .max_args = 1, .run = run_update },
	{ .name = "leave", .args = "ID", .doc = "End a contract",
	    .opts = leave_opts, .db = W, .roles = HR, .min_args = 1,
	    .max_args = 1, .run = run_leave },
	{ .name = "import", .args = "[FILE]", .doc = "Add records from CSV as "
	    "export writes it", .db = W, .roles = HR, .max_args = 1,
	    .run = run_import },
	{ .name = "export", .doc = "The register with the personal columns",
	    .db = R, .roles = ANY, .run = run_export },
	{ .name = "lo list", .doc = "Liaison Officers by Party",
	    .opts = lo_list_opts, .db = R, .roles = ANY, .run = run_lo_list },
	{ .name = "lo gaps", .doc = "Parties without a Liaison Officer, or "
	    "whose posting ends soon with no successor; exit 1 if any",
	    .opts = lo_gaps_opts, .db = R, .roles = ANY, .run = run_lo_gaps },
	{ .name = "contracts", .doc = "Contracts ending soon",
	    .opts = contracts_opts, .db = R, .roles = ANY,
	    .run = run_contracts },
	{ .name = "vacancy open", .doc = "Open a vacancy (prints the ID)",
	    .opts = vacancy_opts, .db = W, .roles = HR,
	    .run = run_vacancy_open },
	{ .name = "vacancy list", .doc = "Vacancies with their candidates "
	    "at each stage", .db = R, .roles = ANY, .run = run_vacancy_list },
	{ .name = "candidate add", .args = "VACANCY", .doc = "A candidate "
	    "applies (prints the ID)", .opts = candidate_add_opts, .db = W,
	    .roles = HR, .min_args = 1, .max_args = 1,
	    .run = run_candidate_add },
	{ .name = "candidate move", .args = "ID", .doc = "Move a candidate one "
	    "step forward, or reject; hired prints the new staff ID",
	    .opts = candidate_move_opts, .db = W, .roles = HR, .min_args = 1,
	    .max_args = 1, .run = run_candidate_move },
	{ .name = "candidate list", .doc = "Candidates and their stage",
	    .opts = candidate_list_opts, .db = R, .roles = ANY,
	    .run = run_candidate_list },
	{ .name = "training add", .args = "[ID...]", .doc = "Record a training "
	    "session and who took part (prints the ID)",
	    .opts = training_add_opts, .db = W, .roles = HR, .max_args = -1,
	    .run = run_training_add },
	{ .name = "training report", .doc = "Hours per person in --year, "
	    "flagging those below training_min_hours", .db = R, .roles = ANY,
	    .run = run_training_report },
	{ .name = "case open", .args = "STAFF", .doc = "Open a disciplinary "
	    "case (prints the ID)", .opts = case_open_opts, .db = W,
	    .roles = HR, .min_args = 1, .max_args = 1, .run = run_case_open },
	{ .name = "case step", .args = "ID", .doc = "Move a case forward, "
	    "dated, with its note", .opts = case_step_opts, .db = W,
	    .roles = HR, .min_args = 1, .max_args = 1, .run = run_case_step },
	{ .name = "case list", .doc = "Disciplinary cases", .db = R,
	    .roles = HR, .run = run_case_list },
	{ .name = "ethics declare", .args = "STAFF", .doc = "The year's "
	    "declaration of interests (prints the ID)", .opts = declare_opts,
	    .db = W, .roles = HR, .min_args = 1, .max_args = 1,
	    .run = run_declare },
	{ .name = "ethics acknowledge", .args = "STAFF", .doc = "The year's "
	    "acknowledgement of the code of conduct (prints the ID)",
	    .opts = acknowledge_opts, .db = W, .roles = HR, .min_args = 1,
	    .max_args = 1, .run = run_acknowledge },
	{ .name = "ethics missing", .doc = "Who has not declared or "
	    "acknowledged in --year after declaration_due; exit 1 if any",
	    .db = R, .roles = ANY, .run = run_ethics_missing },
	{ .name = "ethics gift", .args = "STAFF", .doc = "Record a gift "
	    "received (prints the ID)", .opts = gift_opts, .db = W, .roles = HR,
	    .min_args = 1, .max_args = 1, .run = run_gift },
	{ .name = "ethics gifts", .doc = "The gift register of --year, "
	    "flagging gifts above gift_threshold", .db = R, .roles = ANY,
	    .run = run_gifts },
	{ .name = "candidates purge", .doc = "Erase unsuccessful candidates' "
	    "personal data after the retention period",
	    .opts = candidates_purge_opts, .db = W, .roles = HR,
	    .run = run_candidates_purge },
	{ .name = "purge", .doc = "Erase former staff's personal data after "
	    "the retention period", .opts = purge_opts, .db = W, .roles = HR,
	    .run = run_purge },
	{ .name = "retention", .doc = "What is due for purge at --as-of; exit "
	    "1 if any", .db = R, .roles = HR, .run = run_retention },
	{ .name = "subject", .args = "ID", .doc = "Everything held about one "
	    "person (subject access)", .db = R, .roles = HR, .min_args = 1,
	    .max_args = 1, .formats = "text,json", .run = run_subject },
};

static const struct seci_tool tool = {
	.name = "seci-staff",
	.doc = "the staff register and Liaison Officers",
	.cmds = commands,
	.ncmds = sizeof(commands) / sizeof(commands[0])
};

int
main(int argc, char **argv)
{
	return seci_main(&tool, argc, argv);
}
