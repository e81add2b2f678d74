/*
 * seci-admin - the database, its users, the audit trail, checks and
 * backups.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "seci.h"

enum { OPT_ORG = 0x200, OPT_CURRENCY, OPT_ROLE, OPT_SINCE, OPT_USER,
    OPT_TABLE };

static struct {
	const char *org, *currency, *role, *since, *user, *table;
} opt;

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	switch (key) {
	case OPT_ORG: opt.org = arg; break;
	case OPT_CURRENCY: opt.currency = arg; break;
	case OPT_ROLE: opt.role = arg; break;
	case OPT_SINCE: opt.since = arg; break;
	case OPT_USER: opt.user = arg; break;
	case OPT_TABLE: opt.table = arg; break;
	default: return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const struct argp_option init_options[] = {
	{ "org", OPT_ORG, "NAME", 0, "Organisation name (default: the "
	    "config's organisation)", 0 },
	{ "currency", OPT_CURRENCY, "CODE", 0, "Base currency, ISO 4217 "
	    "(default: the config's currency, EUR)", 0 },
	{ NULL, 0, NULL, 0, NULL, 0 }
};

static const struct argp_option user_add_options[] = {
	{ "role", OPT_ROLE, "ROLE[,ROLE]", 0, "director, finance, hr, "
	    "planning, auditor or viewer (required)", 0 },
	{ NULL, 0, NULL, 0, NULL, 0 }
};

static const struct argp_option audit_log_options[] = {
	{ "since", OPT_SINCE, "DATE", 0, "Only records from DATE on", 0 },
	{ "user", OPT_USER, "LOGIN", 0, "Only records of LOGIN", 0 },
	{ "table", OPT_TABLE, "NAME", 0, "Only records of table NAME", 0 },
	{ NULL, 0, NULL, 0, NULL, 0 }
};

static int
run_init(struct seci_ctx *ctx)
{
	return seci_admin_init(ctx->db, opt.org ? opt.org :
	    ctx->conf.organisation, opt.currency ? opt.currency :
	    ctx->conf.currency, ctx->login, &ctx->err);
}

static int
run_user_add(struct seci_ctx *ctx)
{
	unsigned roles;

	if (opt.role == NULL)
		return seci_err_set(&ctx->err, SECI_EXIT_USAGE, "user add: "
		    "--role is required");
	if (seci_roles_parse(opt.role, &roles, &ctx->err) < 0 ||
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
	struct seci_audit_filter f = { opt.since, opt.user, opt.table };
	seci_day day;

	if (opt.since && seci_ctx_date(ctx, "--since", opt.since, &day) < 0)
		return -1;
	return seci_audit_log(ctx->db, &f, &ctx->out, &ctx->err);
}

static int
run_audit_verify(struct seci_ctx *ctx)
{
	static const struct seci_col cols[] = {
		{ "status", SECI_COL_TEXT }, { "records", SECI_COL_INT },
		{ "first_broken", SECI_COL_INT }, { "problem", SECI_COL_TEXT },
	};
	struct seci_audit_break brk;
	struct seci_cell c[4];
	struct seci_out *o;
	int64_t count;
	int rc;

	if ((rc = seci_audit_verify(ctx->db, &count, &brk, &ctx->err)) < 0)
		return -1;
	if ((o = seci_out_begin(&ctx->out, cols, 4, &ctx->err)) == NULL)
		return -1;
	c[0] = seci_cell_text(rc ? "broken" : "ok");
	c[1] = seci_cell_int(count);
	c[2] = rc ? seci_cell_int(brk.id) : seci_cell_null();
	c[3] = rc ? seci_cell_text(brk.why) : seci_cell_null();
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
		{ "records", SECI_COL_INT }, { "head_hash", SECI_COL_TEXT },
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
		{ "check", SECI_COL_TEXT }, { "result", SECI_COL_TEXT },
		{ "detail", SECI_COL_TEXT },
	};
	struct check_rows r = { NULL, &ctx->err, 0 };
	int n;

	if ((r.out = seci_out_begin(&ctx->out, cols, 3, &ctx->err)) == NULL)
		return -1;
	n = seci_admin_check(ctx->db, check_row, &r, &ctx->err);
	if (n < 0 || r.failed) {
		seci_out_abort(r.out);
		return -1;
	}
	if (n > 0)
		ctx->status = SECI_EXIT_FINDINGS;
	return seci_out_end(r.out, &ctx->err);
}

static int
run_backup(struct seci_ctx *ctx)
{
	return seci_admin_backup(ctx->db, ctx->args[0], &ctx->err);
}

#define DIRECTOR SECI_ROLE_DIRECTOR
#define AUDITORS (SECI_ROLE_DIRECTOR | SECI_ROLE_AUDITOR)

static const struct seci_cmd commands[] = {
	{ "init", NULL, "Create the database; you become its director",
	    init_options, parse, SECI_DB_CREATE, 0, 0, 0, NULL, run_init },
	{ "user add", "LOGIN", "Give LOGIN one or more roles",
	    user_add_options, parse, SECI_DB_WRITE, DIRECTOR, 1, 1, NULL,
	    run_user_add },
	{ "user list", NULL, "List users and their roles", NULL, NULL,
	    SECI_DB_READ, AUDITORS, 0, 0, NULL, run_user_list },
	{ "user remove", "LOGIN", "Take every role from LOGIN", NULL, NULL,
	    SECI_DB_WRITE, DIRECTOR, 1, 1, NULL, run_user_remove },
	{ "audit log", NULL, "List audit records, oldest first",
	    audit_log_options, parse, SECI_DB_READ, AUDITORS, 0, 0, NULL,
	    run_audit_log },
	{ "audit verify", NULL, "Recompute the audit hash chain; exit 1 if "
	    "broken", NULL, NULL, SECI_DB_READ, AUDITORS, 0, 0, NULL,
	    run_audit_verify },
	{ "audit seal", NULL, "Print the audit record count and head hash",
	    NULL, NULL, SECI_DB_READ, AUDITORS, 0, 0, NULL, run_audit_seal },
	{ "check", NULL, "Check integrity, ledger, audit chain and file "
	    "mode; exit 1 on any finding", NULL, NULL, SECI_DB_READ, AUDITORS,
	    0, 0, NULL, run_check },
	{ "backup", "FILE", "Write a consistent copy of the database to FILE",
	    NULL, NULL, SECI_DB_READ, AUDITORS, 1, 1, NULL, run_backup },
};

static const struct seci_tool tool = {
	"seci-admin", "the seci database, its users, audit trail and backups",
	commands, sizeof(commands) / sizeof(commands[0])
};

int
main(int argc, char **argv)
{
	return seci_main(&tool, argc, argv);
}
