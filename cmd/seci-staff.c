/*
 * seci-staff - the staff register and Liaison Officers: contracts, the
 * Parties' coordination check, personal data that only hr and directors
 * see.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "seci.h"

static struct seci_val o_name, o_kind, o_position, o_grade, o_nationality,
    o_start, o_end, o_birth, o_email, o_phone, o_date, o_reason, o_force,
    o_party, o_within, o_expiring;

static const char *const kinds[] = { "staff", "seconded", "liaison", NULL };

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
