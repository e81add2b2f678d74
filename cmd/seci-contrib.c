/*
 * seci-contrib - Parties and Permanent Observers, assessed contributions,
 * bank payments, arrears and reminders.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "seci.h"

enum { OPT_NAME = 0x200, OPT_KIND, OPT_ACCOUNT, OPT_ALIAS, OPT_TOTAL,
    OPT_METHOD, OPT_KEY, OPT_FEE, OPT_DUE, OPT_PROFILE, OPT_PARTY,
    OPT_AMOUNT, OPT_DATE, OPT_REF, OPT_CURRENCY, OPT_RATE, OPT_FROM,
    OPT_TO, OPT_FAIL, OPT_TEMPLATE, OPT_OUTDIR };

#define MAX_MULTI 32

static struct {
	const char *name, *kind, *total, *method, *key, *fee, *due, *profile;
	const char *party, *amount, *date, *ref, *currency, *rate, *from, *to;
	const char *template, *outdir;
	const char *accounts[MAX_MULTI], *aliases[MAX_MULTI];
	size_t naccounts, naliases;
	int fail;
} opt;

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	switch (key) {
	case OPT_NAME: opt.name = arg; break;
	case OPT_KIND: opt.kind = arg; break;
	case OPT_ACCOUNT:
		if (opt.naccounts == MAX_MULTI)
			argp_error(state, "at most %d accounts", MAX_MULTI);
		opt.accounts[opt.naccounts++] = arg;
		break;
	case OPT_ALIAS:
		if (opt.naliases == MAX_MULTI)
			argp_error(state, "at most %d aliases", MAX_MULTI);
		opt.aliases[opt.naliases++] = arg;
		break;
	case OPT_TOTAL: opt.total = arg; break;
	case OPT_METHOD: opt.method = arg; break;
	case OPT_KEY: opt.key = arg; break;
	case OPT_FEE: opt.fee = arg; break;
	case OPT_DUE: opt.due = arg; break;
	case OPT_PROFILE: opt.profile = arg; break;
	case OPT_PARTY: opt.party = arg; break;
	case OPT_AMOUNT: opt.amount = arg; break;
	case OPT_DATE: opt.date = arg; break;
	case OPT_REF: opt.ref = arg; break;
	case OPT_CURRENCY: opt.currency = arg; break;
	case OPT_RATE: opt.rate = arg; break;
	case OPT_FROM: opt.from = arg; break;
	case OPT_TO: opt.to = arg; break;
	case OPT_FAIL: opt.fail = 1; break;
	case OPT_TEMPLATE: opt.template = arg; break;
	case OPT_OUTDIR: opt.outdir = arg; break;
	default: return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

#define O_END { NULL, 0, NULL, 0, NULL, 0 }

static const struct argp_option party_add_options[] = {
	{ "name", OPT_NAME, "NAME", 0, "Full name (required)", 0 },
	{ "kind", OPT_KIND, "KIND", 0, "party or observer (required)", 0 },
	{ "account", OPT_ACCOUNT, "IBAN", 0, "A bank account it pays from "
	    "(repeatable)", 0 },
	{ "alias", OPT_ALIAS, "TEXT", 0, "A payer name its banks use "
	    "(repeatable)", 0 },
	O_END
};
static const struct argp_option no_options[] = { O_END };
static const struct argp_option assess_options[] = {
	{ "total", OPT_TOTAL, "AMOUNT", 0, "Total to assess (default: the "
	    "adopted budget less other income)", 0 },
	{ "method", OPT_METHOD, "METHOD", 0, "equal (default) or key", 0 },
	{ "key", OPT_KEY, "FILE", 0, "CSV party,percent (with --method key)",
	    0 },
	{ "observer-fee", OPT_FEE, "AMOUNT", 0, "Each Observer's fee "
	    "(default: the config's observer_fee)", 0 },
	{ "due", OPT_DUE, "MM-DD", 0, "Due date in the year (default: the "
	    "config's contribution_due)", 0 },
	O_END
};
static const struct argp_option import_options[] = {
	{ "profile", OPT_PROFILE, "NAME", 0, "Bank export profile (default: "
	    "generic)", 0 },
	O_END
};
static const struct argp_option payment_add_options[] = {
	{ "party", OPT_PARTY, "CODE", 0, "Who paid (required)", 0 },
	{ "amount", OPT_AMOUNT, "AMOUNT", 0, "Amount received (required)", 0 },
	{ "date", OPT_DATE, "DATE", 0, "Date received (required)", 0 },
	{ "ref", OPT_REF, "TEXT", 0, "Reference", 0 },
	{ "currency", OPT_CURRENCY, "CODE", 0, "Currency (default: the base "
	    "currency)", 0 },
	{ "rate", OPT_RATE, "RATE", 0, "Base units per unit of --currency "
	    "(default: the rates table)", 0 },
	O_END
};
static const struct argp_option payment_list_options[] = {
	{ "party", OPT_PARTY, "CODE", 0, "Only this Party's", 0 },
	{ "from", OPT_FROM, "DATE", 0, "From this date (default: the whole "
	    "--year)", 0 },
	{ "to", OPT_TO, "DATE", 0, "To this date, inclusive", 0 },
	O_END
};
static const struct argp_option match_options[] = {
	{ "party", OPT_PARTY, "CODE", 0, "The Party that paid (required)", 0 },
	O_END
};
static const struct argp_option arrears_options[] = {
	{ "fail-on-arrears", OPT_FAIL, NULL, 0, "Exit 1 when any Party is "
	    "overdue", 0 },
	O_END
};
static const struct argp_option remind_options[] = {
	{ "template", OPT_TEMPLATE, "FILE", 0, "Letter template (default: "
	    "templates/reminder.txt in the shared data)", 0 },
	{ "outdir", OPT_OUTDIR, "DIR", 0, "Write CODE.txt per Party there "
	    "(default: all to stdout, separated by form feeds)", 0 },
	O_END
};
static const struct argp_option rate_options[] = {
	{ "date", OPT_DATE, "DATE", 0, "Valid from (default: --as-of)", 0 },
	O_END
};

static int
run_party_add(struct seci_ctx *ctx)
{
	struct seci_party p;

	if (seci_ctx_need(ctx, opt.name, "name") < 0 ||
	    seci_ctx_need(ctx, opt.kind, "kind") < 0)
		return -1;
	p.code = ctx->args[0];
	p.name = opt.name;
	p.kind = opt.kind;
	p.accounts = opt.accounts;
	p.naccounts = opt.naccounts;
	p.aliases = opt.aliases;
	p.naliases = opt.naliases;
	if (seci_party_add(ctx->db, &p, &ctx->err) < 0)
		return -1;
	printf("%s\n", p.code);
	return 0;
}

static int
run_party_list(struct seci_ctx *ctx)
{
	return seci_party_list(ctx->db, &ctx->out, &ctx->err);
}

static int
run_party_import(struct seci_ctx *ctx)
{
	struct seci_import_stats stats;
	const char *name;
	FILE *fp;
	int rc;

	if ((fp = seci_input_open(ctx->nargs ? ctx->args[0] : NULL, &name,
	    &ctx->err)) == NULL)
		return -1;
	rc = seci_party_import(ctx->db, fp, name, &stats, &ctx->err);
	seci_input_close(fp);
	if (rc == 0 && !ctx->quiet)
		fprintf(stderr, "%lu new, %lu duplicate\n", stats.added,
		    stats.duplicate);
	return rc;
}

static int
run_assess(struct seci_ctx *ctx)
{
	struct seci_assess_opts o;
	const char *fee = opt.fee ? opt.fee : ctx->conf.observer_fee;
	int rc;

	memset(&o, 0, sizeof(o));
	o.year = ctx->year;
	if (opt.total) {
		o.has_total = 1;
		if (seci_ctx_money(ctx, "--total", opt.total, &o.total) < 0)
			return -1;
		if (o.total < 0)
			return seci_err_set(&ctx->err, SECI_EXIT_USAGE,
			    "--total: '%s' is negative", opt.total);
	}
	o.has_fee = opt.fee != NULL;
	o.default_fee = ctx->conf.observer_fee;
	if (opt.fee && seci_ctx_money(ctx, "--observer-fee", fee,
	    &o.observer_fee) < 0)
		return -1;
	if (opt.fee && o.observer_fee < 0)
		return seci_err_set(&ctx->err, SECI_EXIT_USAGE,
		    "--observer-fee: '%s' is negative", opt.fee);
	if (opt.due && strlen(opt.due) != 5)
		return seci_err_set(&ctx->err, SECI_EXIT_USAGE, "--due: '%s' is "
		    "not MM-DD", opt.due);
	snprintf(o.due, sizeof(o.due), "%.5s", opt.due ? opt.due :
	    ctx->conf.contribution_due);
	if (opt.method && strcmp(opt.method, "key") == 0) {
		o.by_key = 1;
		if (seci_ctx_need(ctx, opt.key, "key") < 0)
			return -1;
		if ((o.key = seci_input_open(opt.key, &o.key_name,
		    &ctx->err)) == NULL)
			return -1;
	} else if (opt.method && strcmp(opt.method, "equal") != 0) {
		return seci_err_set(&ctx->err, SECI_EXIT_USAGE, "--method: use "
		    "equal or key");
	} else if (opt.key) {
		return seci_err_set(&ctx->err, SECI_EXIT_USAGE, "--key goes "
		    "with --method key");
	}
	rc = seci_assess(ctx->db, &o, &ctx->out, &ctx->err);
	seci_input_close(o.key);
	return rc;
}

static int
run_payment_import(struct seci_ctx *ctx)
{
	struct seci_import_stats stats;
	struct seci_profile *prof;
	unsigned long skipped;
	const char *name;
	FILE *fp;
	int rc, tty = seci_ctx_progress_on(ctx);

	if ((prof = seci_profile_load(opt.profile ? opt.profile : "generic",
	    &ctx->err)) == NULL)
		return -1;
	if ((fp = seci_input_open(ctx->nargs ? ctx->args[0] : NULL, &name,
	    &ctx->err)) == NULL) {
		seci_profile_free(prof);
		return -1;
	}
	rc = seci_payment_import(ctx->db, fp, name, prof, &stats, &skipped,
	    tty ? seci_ctx_progress : NULL, NULL, &ctx->err);
	seci_input_close(fp);
	seci_profile_free(prof);
	if (tty && stats.read >= 100000)
		fputc('\n', stderr);
	if (rc == 0 && skipped)
		seci_err_report(&ctx->err, SECI_WARN, "%s: %lu outgoing row%s "
		    "skipped", name, skipped, skipped == 1 ? "" : "s");
	if (rc == 0 && !ctx->quiet)
		fprintf(stderr, "%lu new, %lu duplicate, %lu unmatched\n",
		    stats.added, stats.duplicate, stats.unmatched);
	return rc;
}

static int
run_payment_add(struct seci_ctx *ctx)
{
	struct seci_payment p;
	int64_t id;

	memset(&p, 0, sizeof(p));
	if (seci_ctx_need(ctx, opt.party, "party") < 0 ||
	    seci_ctx_need(ctx, opt.amount, "amount") < 0 ||
	    seci_ctx_need(ctx, opt.date, "date") < 0 ||
	    seci_ctx_date(ctx, "--date", opt.date, &p.date) < 0)
		return -1;
	p.amount = opt.amount;
	p.party = opt.party;
	p.currency = opt.currency;
	p.rate = opt.rate;
	p.reference = opt.ref;
	if (seci_payment_add(ctx->db, &p, &id, &ctx->err) < 0)
		return -1;
	printf("%lld\n", (long long)id);
	return 0;
}

static int
run_payment_list(struct seci_ctx *ctx)
{
	struct seci_payment_filter f = { ctx->year, opt.party, opt.from,
	    opt.to, 0 };
	seci_day day;

	if ((opt.from && seci_ctx_date(ctx, "--from", opt.from, &day) < 0) ||
	    (opt.to && seci_ctx_date(ctx, "--to", opt.to, &day) < 0))
		return -1;
	return seci_payment_list(ctx->db, &f, &ctx->out, &ctx->err);
}

static int
run_suspense_list(struct seci_ctx *ctx)
{
	struct seci_payment_filter f = { 0, NULL, NULL, NULL, 1 };

	return seci_payment_list(ctx->db, &f, &ctx->out, &ctx->err);
}

static int
run_payment_match(struct seci_ctx *ctx)
{
	char *end;
	long long id = strtoll(ctx->args[0], &end, 10);

	if (*end || end == ctx->args[0] || id <= 0)
		return seci_err_set(&ctx->err, SECI_EXIT_USAGE, "bad payment ID "
		    "'%s'", ctx->args[0]);
	if (seci_ctx_need(ctx, opt.party, "party") < 0)
		return -1;
	return seci_payment_match(ctx->db, id, opt.party, &ctx->err);
}

static int
run_status(struct seci_ctx *ctx)
{
	return seci_contrib_status(ctx->db, ctx->year, ctx->as_of, &ctx->out,
	    &ctx->err);
}

static int
run_arrears(struct seci_ctx *ctx)
{
	int overdue;

	if (seci_contrib_arrears(ctx->db, ctx->as_of,
	    ctx->conf.arrears_rule_years, &ctx->out, &overdue, &ctx->err) < 0)
		return -1;
	if (opt.fail && overdue > 0)
		ctx->status = SECI_EXIT_FINDINGS;
	return 0;
}

static int
run_remind(struct seci_ctx *ctx)
{
	char tpl[4096];
	int letters;

	if (opt.template)
		snprintf(tpl, sizeof(tpl), "%s", opt.template);
	else
		snprintf(tpl, sizeof(tpl), "%s/templates/reminder.txt",
		    seci_conf_datadir());
	if (seci_contrib_remind(ctx->db, ctx->as_of, tpl, opt.outdir, stdout,
	    &letters, &ctx->err) < 0)
		return -1;
	if (ctx->verbose)
		fprintf(stderr, "%s: %d letter%s\n", ctx->tool->name, letters,
		    letters == 1 ? "" : "s");
	return 0;
}

static int
run_rate_set(struct seci_ctx *ctx)
{
	seci_day day = ctx->as_of;

	if (opt.date && seci_ctx_date(ctx, "--date", opt.date, &day) < 0)
		return -1;
	return seci_rate_set(ctx->db, ctx->args[0], ctx->args[1], day,
	    &ctx->err);
}

static int
run_rate_list(struct seci_ctx *ctx)
{
	return seci_rate_list(ctx->db, &ctx->out, &ctx->err);
}

#define FIN SECI_ROLE_FINANCE
#define ANY SECI_ROLE_ANY
#define W SECI_DB_WRITE
#define R SECI_DB_READ

static const struct seci_cmd commands[] = {
	{ "party add", "CODE", "Add a Party or Permanent Observer",
	    party_add_options, parse, W, FIN, 1, 1, NULL, run_party_add },
	{ "party list", NULL, "List Parties and Observers", NULL, NULL, R,
	    ANY, 0, 0, NULL, run_party_list },
	{ "party import", "[FILE]", "Add Parties from CSV", no_options, parse,
	    W, FIN, 0, 1, NULL, run_party_import },
	{ "assess", NULL, "Assess the --year's contributions",
	    assess_options, parse, W, FIN, 0, 0, NULL, run_assess },
	{ "payment import", "[FILE]", "Import payments from a bank export",
	    import_options, parse, W, FIN, 0, 1, NULL, run_payment_import },
	{ "payment add", NULL, "Record a payment by hand",
	    payment_add_options, parse, W, FIN, 0, 0, NULL, run_payment_add },
	{ "payment list", NULL, "List payments", payment_list_options, parse,
	    R, ANY, 0, 0, NULL, run_payment_list },
	{ "payment match", "ID", "Match a payment in suspense to a Party",
	    match_options, parse, W, FIN, 1, 1, NULL, run_payment_match },
	{ "suspense list", NULL, "Payments not matched to any Party", NULL,
	    NULL, R, ANY, 0, 0, NULL, run_suspense_list },
	{ "status", NULL, "Assessed, paid and outstanding, per Party", NULL,
	    NULL, R, ANY, 0, 0, NULL, run_status },
	{ "arrears", NULL, "Overdue amounts by age, and the two-year rule",
	    arrears_options, parse, R, ANY, 0, 0, NULL, run_arrears },
	{ "remind", NULL, "A reminder letter per overdue Party",
	    remind_options, parse, R, FIN, 0, 0, NULL, run_remind },
	{ "rate set", "CURRENCY RATE", "Set an exchange rate from --date on",
	    rate_options, parse, W, FIN, 2, 2, NULL, run_rate_set },
	{ "rate list", NULL, "List exchange rates", NULL, NULL, R, ANY, 0, 0,
	    NULL, run_rate_list },
};

static const struct seci_tool tool = {
	"seci-contrib", "Parties, assessed contributions, payments and "
	"arrears", commands, sizeof(commands) / sizeof(commands[0])
};

int
main(int argc, char **argv)
{
	return seci_main(&tool, argc, argv);
}
