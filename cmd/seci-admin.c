/*
 * seci-admin - the database, its users, the audit trail, checks and
 * backups.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "seci.h"

static struct seci_val o_org, o_currency, o_role, o_since, o_user, o_table,
    o_reads, o_date, o_force, o_seal, o_group;

static const struct seci_opt init_opts[] = {
	{ .name = "org", .arg = "NAME", .val = &o_org,
	    .doc = "Organisation name (default: the config's organisation)" },
	{ .name = "currency", .arg = "CODE", .val = &o_currency,
	    .doc = "Base currency, ISO 4217 (default: the config's currency, "
	    "EUR)" },
	{ .name = "group", .arg = "NAME", .val = &o_group,
	    .doc = "Share the database with the OS group NAME: mode 0660 "
	    "(default: the config's group, else none)" },
	{ .name = NULL }
};
static const struct seci_opt user_add_opts[] = {
	{ .name = "role", .arg = "ROLE[,ROLE]", .val = &o_role,
	    .flags = SECI_OPT_REQUIRED, .doc = "director, finance, hr, "
	    "planning, auditor or viewer (required)" },
	{ .name = NULL }
};
static const struct seci_opt audit_log_opts[] = {
	{ .name = "since", .arg = "DATE", .type = SECI_OPT_DATE,
	    .val = &o_since, .doc = "Only records from DATE on" },
	{ .name = "user", .arg = "LOGIN", .val = &o_user,
	    .doc = "Only records of LOGIN" },
	{ .name = "table", .arg = "NAME", .val = &o_table,
	    .doc = "Only records of table NAME" },
	{ .name = "reads", .val = &o_reads, .type = SECI_OPT_FLAG,
	    .doc = "The read log instead: who read which restricted record" },
	{ .name = NULL }
};

static int
run_init(struct seci_ctx *ctx)
{
	const char *group = o_group.given ? o_group.text : ctx->conf.group;

	if (seci_admin_init(ctx->db, o_org.given ? o_org.text :
	    ctx->conf.organisation, o_currency.given ? o_currency.text :
	    ctx->conf.currency, ctx->login, &ctx->err) < 0)
		return -1;
	return group && *group ? seci_db_share(ctx->db, group, &ctx->err) : 0;
}

static int
run_user_add(struct seci_ctx *ctx)
{
	unsigned roles;

	if (seci_roles_parse(o_role.text, &roles, &ctx->err) < 0 ||
	    seci_user_add(ctx->db, ctx->args[0], roles, &ctx->err) < 0)
		return -1;
	printf("%s\n", ctx->args[0]);
	return 0;
}

static int
run_user_list(struct seci_ctx *ctx)
{
	return seci_user_list(ctx->db, &ctx->out, &ctx->err);
}

static int
run_user_remove(struct seci_ctx *ctx)
{
	return seci_user_remove(ctx->db, ctx->args[0], &ctx->err);
}

static int
run_audit_log(struct seci_ctx *ctx)
{
	struct seci_audit_filter f = { o_since.text, o_user.text,
	    o_table.text, o_reads.given };

	return seci_audit_log(ctx->db, &f, &ctx->out, &ctx->err);
}

static int
run_audit_verify(struct seci_ctx *ctx)
{
	static const struct seci_col cols[] = {
		{ "status", SECI_COL_TEXT, 0 }, { "records", SECI_COL_INT, 0 },
		{ "first_broken", SECI_COL_INT, 0 }, { "problem", SECI_COL_TEXT, 0 },
		{ "redacted", SECI_COL_INT, 0 },
	};
	struct seci_audit_break brk;
	struct seci_cell c[5];
	struct seci_out *o;
	int64_t count;
	int rc;

	if ((rc = seci_audit_verify(ctx->db, &count, &brk, &ctx->err)) < 0)
		return -1;
	if ((o = seci_out_begin(&ctx->out, cols, 5, &ctx->err)) == NULL)
		return -1;
	c[0] = seci_cell_text(rc ? "broken" : "ok");
	c[1] = seci_cell_int(count);
	c[2] = rc ? seci_cell_int(brk.id) : seci_cell_null();
	c[3] = rc ? seci_cell_text(brk.why) : seci_cell_null();
	c[4] = seci_cell_int(brk.redacted);
	if (seci_out_row(o, c, &ctx->err) < 0) {
		seci_out_abort(o);
		return -1;
	}
	if (rc) {
		seci_err_report(&ctx->err, SECI_ERROR, "audit chain broken at "
		    "record %lld: %s", (long long)brk.id, brk.why);
		ctx->status = SECI_EXIT_FINDINGS;
	}
	return seci_out_end(o, &ctx->err);
}

static int
run_audit_seal(struct seci_ctx *ctx)
{
	static const struct seci_col cols[] = {
		{ "records", SECI_COL_INT, 0 }, { "head_hash", SECI_COL_TEXT, 0 },
	};
	char hash[SECI_HASH_HEX];
	struct seci_cell c[2];
	struct seci_out *o;
	int64_t count;

	if (seci_audit_seal(ctx->db, &count, hash, &ctx->err) < 0 ||
	    (o = seci_out_begin(&ctx->out, cols, 2, &ctx->err)) == NULL)
		return -1;
	c[0] = seci_cell_int(count);
	c[1] = seci_cell_text(hash);
	if (seci_out_row(o, c, &ctx->err) < 0) {
		seci_out_abort(o);
		return -1;
	}
	return seci_out_end(o, &ctx->err);
}

struct check_rows {
	struct seci_out *out;
	struct seci_err *err;
	int failed;
};

static void
check_row(void *arg, const char *check, const char *detail)
{
	struct check_rows *r = arg;
	struct seci_cell c[3];

	c[0] = seci_cell_text(check);
	c[1] = seci_cell_text(detail ? "problem" : "ok");
	c[2] = detail ? seci_cell_text(detail) : seci_cell_null();
	if (!r->failed && seci_out_row(r->out, c, r->err) < 0)
		r->failed = 1;
}

static int
run_check(struct seci_ctx *ctx)
{
	static const struct seci_col cols[] = {
		{ "check", SECI_COL_TEXT, 0 }, { "result", SECI_COL_TEXT, 0 },
		{ "detail", SECI_COL_TEXT, 0 },
	};
	struct check_rows r = { NULL, &ctx->err, 0 };
	int n;

	if ((r.out = seci_out_begin(&ctx->out, cols, 3, &ctx->err)) == NULL)
		return -1;
	n = seci_admin_check(ctx->db, ctx->conf.group, check_row, &r,
	    &ctx->err);
	if (n < 0 || r.failed) {
		seci_out_abort(r.out);
		return -1;
	}
	if (n > 0)
		ctx->status = SECI_EXIT_FINDINGS;
	return seci_out_end(r.out, &ctx->err);
}

static const struct seci_opt restore_opts[] = {
	{ .name = "seal", .arg = "HASH", .val = &o_seal,
	    .doc = "The audit seal printed when the backup was made: the "
	    "backup must have it" },
	{ .name = NULL }
};

static int
run_restore(struct seci_ctx *ctx)
{
	char kept[4096];

	if (seci_restore(ctx->db, ctx->args[0], o_seal.text, ctx->as_of,
	    ctx->conf.busy_timeout_ms, kept, sizeof(kept), &ctx->err) < 0)
		return -1;
	printf("%s\n", kept);
	seci_ctx_summary(ctx, "restored from %s; the database as it was is "
	    "kept in %s", ctx->args[0], kept);
	return 0;
}

static int
run_backup(struct seci_ctx *ctx)
{
	return seci_admin_backup(ctx->db, ctx->args[0], &ctx->err);
}

#define DIRECTOR SECI_ROLE_DIRECTOR
#define AUDITORS (SECI_ROLE_DIRECTOR | SECI_ROLE_AUDITOR)

static const struct seci_opt opening_opts[] = {
	{ .name = "date", .arg = "DATE", .val = &o_date, .type = SECI_OPT_DATE,
	    .flags = SECI_OPT_RECORD,
	    .doc = "Date of the opening entry (default: 1 January of --year)" },
	SECI_OPT_FORCE(&o_force),
	{ .name = NULL }
};

static int
run_opening(struct seci_ctx *ctx)
{
	struct seci_import_stats stats;
	const char *name;
	seci_day date;
	FILE *fp;
	int rc;

	date = o_date.given ? o_date.date : seci_date_from_ymd(ctx->year, 1, 1);
	/* The default from -y is as much a typo as a --date would be. */
	if (!o_date.given && !o_force.given &&
	    date > seci_date_add_months(ctx->as_of, 12))
		return seci_err_set(&ctx->err, SECI_EXIT_DATA, "the opening date "
		    "%d-01-01 (from --year) is more than a year after --as-of; "
		    "give --force if it is right", ctx->year);
	if ((fp = seci_input_open(ctx->nargs ? ctx->args[0] : NULL, &name,
	    &ctx->err)) == NULL)
		return -1;
	rc = seci_opening_load(ctx->db, fp, name, date,
	    ctx->conf.contribution_due, &stats, &ctx->err);
	seci_input_close(fp);
	if (rc == 0 && !ctx->quiet)
		fprintf(stderr, "%lu opening balance%s\n", stats.added,
		    stats.added == 1 ? "" : "s");
	return rc;
}

static const struct seci_cmd commands[] = {
	{ .name = "init", .doc = "Create the database; you become its "
	    "director", .opts = init_opts, .db = SECI_DB_CREATE,
	    .run = run_init },
	{ .name = "user add", .args = "LOGIN", .doc = "Give LOGIN one or more "
	    "roles", .opts = user_add_opts, .db = SECI_DB_WRITE,
	    .roles = DIRECTOR, .min_args = 1, .max_args = 1,
	    .run = run_user_add },
	{ .name = "user list", .doc = "List users and their roles",
	    .db = SECI_DB_READ, .roles = AUDITORS, .run = run_user_list },
	{ .name = "user remove", .args = "LOGIN", .doc = "Take every role "
	    "from LOGIN", .db = SECI_DB_WRITE, .roles = DIRECTOR,
	    .min_args = 1, .max_args = 1, .run = run_user_remove },
	{ .name = "audit log", .doc = "List audit records, oldest first",
	    .opts = audit_log_opts, .db = SECI_DB_READ, .roles = AUDITORS,
	    .run = run_audit_log },
	{ .name = "audit verify", .doc = "Recompute the audit hash chain; "
	    "exit 1 if broken", .db = SECI_DB_READ, .roles = AUDITORS,
	    .run = run_audit_verify },
	{ .name = "audit seal", .doc = "Print the audit record count and head "
	    "hash", .db = SECI_DB_READ, .roles = AUDITORS,
	    .run = run_audit_seal },
	{ .name = "check", .doc = "Check integrity, ledger, audit chain and "
	    "file mode; exit 1 on any finding",
	    .db = SECI_DB_READ | SECI_DB_CHECKS,
	    .roles = AUDITORS, .run = run_check },
	{ .name = "opening", .args = "[FILE]", .doc = "Post the opening "
	    "balances of a first year on seci", .opts = opening_opts,
	    .db = SECI_DB_WRITE, .roles = SECI_ROLE_FINANCE, .max_args = 1,
	    .run = run_opening },
	{ .name = "backup", .args = "FILE", .doc = "Write a consistent copy of "
	    "the database to FILE", .db = SECI_DB_READ, .roles = AUDITORS,
	    .min_args = 1, .max_args = 1, .run = run_backup },
	{ .name = "restore", .args = "FILE", .doc = "Put a backup back, once "
	    "checked; the database as it was is kept (prints its name)",
	    .opts = restore_opts, .db = SECI_DB_READ | SECI_DB_OWN_TXN,
	    .roles = DIRECTOR, .min_args = 1, .max_args = 1,
	    .run = run_restore },
};

static const struct seci_tool tool = {
	.name = "seci-admin",
	.doc = "the seci database, its users, audit trail and backups",
	.cmds = commands,
	.ncmds = sizeof(commands) / sizeof(commands[0])
};

int
main(int argc, char **argv)
{
	return seci_main(&tool, argc, argv);
}
