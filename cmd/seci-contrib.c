/*
 * seci-contrib - Parties and Permanent Observers, assessed contributions,
 * receipts and refunds, bank accounts, arrears and reminders.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "seci.h"

static struct seci_val o_name, o_kind, o_account, o_alias, o_total,
    o_method, o_key, o_fee, o_due, o_profile, o_party, o_amount, o_date,
    o_ref, o_currency, o_rate, o_from, o_to, o_fail, o_template, o_outdir,
    o_reason, o_payer, o_dry, o_add_account, o_remove_account,
    o_add_alias, o_remove_alias, o_force, o_bank, o_income, o_ledger,
    o_iban, o_statement;

enum { METHOD_EQUAL, METHOD_KEY };
static const char *const methods[] = { "equal", "key", NULL };

#define O_FORCE SECI_OPT_FORCE(&o_force)
#define O_BANK(d) { .name = "bank", .arg = "CODE", .val = &o_bank, .doc = (d) }
#define O_END { .name = NULL }

static const struct seci_opt party_add_opts[] = {
	{ .name = "name", .arg = "NAME", .val = &o_name,
	    .flags = SECI_OPT_REQUIRED, .doc = "Full name (required)" },
	{ .name = "kind", .arg = "KIND", .val = &o_kind,
	    .flags = SECI_OPT_REQUIRED, .doc = "party or observer (required)" },
	{ .name = "account", .arg = "IBAN", .val = &o_account,
	    .type = SECI_OPT_LIST, .doc = "A bank account it pays from "
	    "(repeatable)" },
	{ .name = "alias", .arg = "TEXT", .val = &o_alias,
	    .type = SECI_OPT_LIST, .doc = "A payer name its banks use "
	    "(repeatable)" },
	O_END
};
static const struct seci_opt party_edit_opts[] = {
	{ .name = "name", .arg = "NAME", .val = &o_name,
	    .doc = "Its new full name" },
	{ .name = "kind", .arg = "KIND", .val = &o_kind,
	    .doc = "party or observer" },
	{ .name = "add-account", .arg = "IBAN", .val = &o_add_account,
	    .type = SECI_OPT_LIST, .doc = "A bank account to add (repeatable)" },
	{ .name = "remove-account", .arg = "IBAN", .val = &o_remove_account,
	    .type = SECI_OPT_LIST, .doc = "A bank account to remove "
	    "(repeatable)" },
	{ .name = "add-alias", .arg = "TEXT", .val = &o_add_alias,
	    .type = SECI_OPT_LIST, .doc = "A payer name to add (repeatable)" },
	{ .name = "remove-alias", .arg = "TEXT", .val = &o_remove_alias,
	    .type = SECI_OPT_LIST, .doc = "A payer name to remove "
	    "(repeatable)" },
	{ .name = "date", .arg = "DATE", .val = &o_date, .type = SECI_OPT_DATE,
	    .flags = SECI_OPT_ASOF | SECI_OPT_RECORD,
	    .doc = "Date of the change, for the audit trail (default: "
	    "--as-of)" },
	O_FORCE,
	O_END
};
static const struct seci_opt assess_opts[] = {
	{ .name = "total", .arg = "AMOUNT", .val = &o_total,
	    .type = SECI_OPT_MONEY, .flags = SECI_OPT_NONNEG,
	    .doc = "Total to assess (default: the adopted budget less other "
	    "income)" },
	{ .name = "method", .arg = "METHOD", .val = &o_method,
	    .type = SECI_OPT_ENUM, .values = methods,
	    .doc = "equal (default) or key" },
	{ .name = "key", .arg = "FILE", .val = &o_key,
	    .doc = "CSV party,percent (with --method key)" },
	{ .name = "observer-fee", .arg = "AMOUNT", .val = &o_fee,
	    .type = SECI_OPT_MONEY, .flags = SECI_OPT_NONNEG,
	    .doc = "Each Observer's fee (default: the config's observer_fee)" },
	{ .name = "due", .arg = "MM-DD", .val = &o_due,
	    .doc = "Due date in the year (default: the config's "
	    "contribution_due)" },
	O_END
};
static const struct seci_opt import_opts[] = {
	{ .name = "profile", .arg = "NAME", .val = &o_profile,
	    .doc = "Bank export profile (default: generic)" },
	{ .name = "dry-run", .type = SECI_OPT_FLAG, .val = &o_dry,
	    .doc = "Print each row with its Party and how it was matched; "
	    "write nothing" },
	O_BANK("The bank account the money came into (default: MAIN)"),
	O_END
};
static const struct seci_opt payment_add_opts[] = {
	{ .name = "party", .arg = "CODE", .val = &o_party,
	    .flags = SECI_OPT_REQUIRED, .doc = "Who paid (required)" },
	{ .name = "amount", .arg = "AMOUNT", .val = &o_amount,
	    .flags = SECI_OPT_REQUIRED, .doc = "Amount received (required)" },
	{ .name = "date", .arg = "DATE", .val = &o_date, .type = SECI_OPT_DATE,
	    .flags = SECI_OPT_REQUIRED | SECI_OPT_RECORD,
	    .doc = "Date received (required)" },
	{ .name = "ref", .arg = "TEXT", .val = &o_ref, .doc = "Reference" },
	{ .name = "currency", .arg = "CODE", .val = &o_currency,
	    .doc = "Currency (default: the base currency)" },
	{ .name = "rate", .arg = "RATE", .val = &o_rate,
	    .doc = "Base units per unit of --currency (default: the rates "
	    "table)" },
	O_BANK("The bank account it came into (default: MAIN)"),
	O_FORCE,
	O_END
};
static const struct seci_opt payment_list_opts[] = {
	{ .name = "party", .arg = "CODE", .val = &o_party,
	    .doc = "Only this Party's" },
	{ .name = "from", .arg = "DATE", .val = &o_from, .type = SECI_OPT_DATE,
	    .doc = "From this date (default: the whole --year)" },
	{ .name = "to", .arg = "DATE", .val = &o_to, .type = SECI_OPT_DATE,
	    .doc = "To this date, inclusive" },
	{ .name = "ref", .arg = "TEXT", .val = &o_ref,
	    .doc = "Only those whose reference contains TEXT (any case)" },
	{ .name = "payer", .arg = "TEXT", .val = &o_payer,
	    .doc = "Only those whose payer name contains TEXT (any case)" },
	O_END
};
static const struct seci_opt match_opts[] = {
	{ .name = "party", .arg = "CODE", .val = &o_party,
	    .doc = "The Party that paid" },
	{ .name = "income", .arg = "CODE", .val = &o_income,
	    .doc = "Or: no contribution but this income item of the budget" },
	{ .name = "reason", .arg = "TEXT", .val = &o_reason,
	    .doc = "Why (required when it is matched already)" },
	O_END
};
static const struct seci_opt unmatch_opts[] = {
	{ .name = "reason", .arg = "TEXT", .val = &o_reason, .doc = "Why" },
	O_END
};
static const struct seci_opt void_opts[] = {
	{ .name = "reason", .arg = "TEXT", .val = &o_reason,
	    .flags = SECI_OPT_REQUIRED, .doc = "Why (required)" },
	O_END
};
static const struct seci_opt receipt_opts[] = {
	{ .name = "income", .arg = "CODE", .val = &o_income,
	    .flags = SECI_OPT_REQUIRED,
	    .doc = "The budget's income item (required)" },
	{ .name = "amount", .arg = "AMOUNT", .val = &o_amount,
	    .flags = SECI_OPT_REQUIRED,
	    .doc = "Amount, in the bank account's currency (required)" },
	{ .name = "date", .arg = "DATE", .val = &o_date, .type = SECI_OPT_DATE,
	    .flags = SECI_OPT_REQUIRED | SECI_OPT_RECORD,
	    .doc = "Date received (required)" },
	O_BANK("The bank account it came into (default: MAIN)"),
	{ .name = "ref", .arg = "TEXT", .val = &o_ref, .doc = "Reference" },
	O_FORCE,
	O_END
};
static const struct seci_opt refund_opts[] = {
	{ .name = "amount", .arg = "AMOUNT", .val = &o_amount,
	    .type = SECI_OPT_MONEY, .flags = SECI_OPT_REQUIRED,
	    .doc = "Amount paid back (required; at most the credit)" },
	{ .name = "date", .arg = "DATE", .val = &o_date, .type = SECI_OPT_DATE,
	    .flags = SECI_OPT_REQUIRED | SECI_OPT_RECORD,
	    .doc = "Date paid (required)" },
	{ .name = "reason", .arg = "TEXT", .val = &o_reason,
	    .flags = SECI_OPT_REQUIRED, .doc = "Why (required)" },
	O_BANK("The bank account it is paid from (default: MAIN)"),
	O_FORCE,
	O_END
};
static const struct seci_opt bank_add_opts[] = {
	{ .name = "currency", .arg = "CODE", .val = &o_currency,
	    .flags = SECI_OPT_REQUIRED, .doc = "Its currency (required)" },
	{ .name = "ledger-account", .arg = "N", .val = &o_ledger,
	    .flags = SECI_OPT_REQUIRED, .doc = "Its ledger account: an unused "
	    "asset account, or a new one of 1001-1099 (required)" },
	{ .name = "iban", .arg = "IBAN", .val = &o_iban, .doc = "Its IBAN" },
	O_END
};
static const struct seci_opt reconcile_opts[] = {
	{ .name = "statement-balance", .arg = "AMOUNT", .val = &o_statement,
	    .flags = SECI_OPT_REQUIRED, .doc = "The bank statement's balance, "
	    "in the account's currency (required)" },
	{ .name = "date", .arg = "DATE", .val = &o_date, .type = SECI_OPT_DATE,
	    .flags = SECI_OPT_ASOF, .doc = "The statement's date (default: "
	    "--as-of)" },
	O_END
};
static const struct seci_opt revalue_opts[] = {
	{ .name = "date", .arg = "DATE", .val = &o_date, .type = SECI_OPT_DATE,
	    .flags = SECI_OPT_ASOF | SECI_OPT_RECORD,
	    .doc = "Revalue at this date's rates (default: --as-of)" },
	O_FORCE,
	O_END
};
static const struct seci_opt arrears_opts[] = {
	{ .name = "fail-on-arrears", .type = SECI_OPT_FLAG, .val = &o_fail,
	    .doc = "Exit 1 when any Party is overdue" },
	O_END
};
static const struct seci_opt remind_opts[] = {
	{ .name = "template", .arg = "FILE", .val = &o_template,
	    .doc = "Letter template (default: templates/reminder.txt in the "
	    "shared data)" },
	{ .name = "outdir", .arg = "DIR", .val = &o_outdir,
	    .doc = "Write CODE.txt per Party there, made when missing "
	    "(default: all to stdout, separated by form feeds)" },
	O_END
};
static const struct seci_opt rate_opts[] = {
	{ .name = "date", .arg = "DATE", .val = &o_date, .type = SECI_OPT_DATE,
	    .flags = SECI_OPT_ASOF | SECI_OPT_RECORD,
	    .doc = "Valid from (default: --as-of)" },
	O_FORCE,
	O_END
};

static int
run_party_add(struct seci_ctx *ctx)
{
	struct seci_party p;

	p.code = ctx->args[0];
	p.name = o_name.text;
	p.kind = o_kind.text;
	p.accounts = o_account.list;
	p.naccounts = o_account.nlist;
	p.aliases = o_alias.list;
	p.naliases = o_alias.nlist;
	if (seci_party_add(ctx->db, &p, &ctx->err) < 0)
		return -1;
	printf("%s\n", p.code);
	return 0;
}

static int
run_party_edit(struct seci_ctx *ctx)
{
	struct seci_party_edit e;

	memset(&e, 0, sizeof(e));
	e.code = ctx->args[0];
	e.name = o_name.text;
	e.kind = o_kind.text;
	e.add_accounts = o_add_account.list;
	e.nadd_accounts = o_add_account.nlist;
	e.remove_accounts = o_remove_account.list;
	e.nremove_accounts = o_remove_account.nlist;
	e.add_aliases = o_add_alias.list;
	e.nadd_aliases = o_add_alias.nlist;
	e.remove_aliases = o_remove_alias.list;
	e.nremove_aliases = o_remove_alias.nlist;
	return seci_party_edit(ctx->db, &e, &ctx->err);
}

static int
run_party_list(struct seci_ctx *ctx)
{
	return seci_party_list(ctx->db, &ctx->out, &ctx->err);
}

static int
run_party_import(struct seci_ctx *ctx)
{
	return seci_ctx_import(ctx, seci_party_import);
}

static int
run_assess(struct seci_ctx *ctx)
{
	struct seci_assess_opts o;
	int rc;

	memset(&o, 0, sizeof(o));
	o.year = ctx->year;
	o.has_total = o_total.given;
	o.total = o_total.money;
	o.has_fee = o_fee.given;
	o.observer_fee = o_fee.money;
	o.default_fee = ctx->conf.observer_fee;
	o.due = o_due.given ? o_due.text : ctx->conf.contribution_due;
	o.by_key = o_method.given && o_method.num == METHOD_KEY;
	if (o.by_key && !o_key.given)
		return seci_err_set(&ctx->err, SECI_EXIT_USAGE, "assess: --key "
		    "is required with --method key");
	if (!o.by_key && o_key.given)
		return seci_err_set(&ctx->err, SECI_EXIT_USAGE, "--key goes "
		    "with --method key");
	if (o.by_key && (o.key = seci_input_open(o_key.text, &o.key_name,
	    &ctx->err)) == NULL)
		return -1;
	rc = seci_assess(ctx->db, &o, &ctx->out, &ctx->err);
	seci_input_close(o.key);
	return rc;
}

static int
run_payment_import(struct seci_ctx *ctx)
{
	struct seci_payment_import_opts po;
	struct seci_import_stats stats;
	struct seci_profile *prof;
	unsigned long skipped;
	const char *name;
	FILE *fp;
	int rc, tty = seci_ctx_progress_on(ctx);

	if ((prof = seci_profile_load(o_profile.given ? o_profile.text :
	    "generic", &ctx->err)) == NULL)
		return -1;
	if ((fp = seci_input_open(ctx->nargs ? ctx->args[0] : NULL, &name,
	    &ctx->err)) == NULL) {
		seci_profile_free(prof);
		return -1;
	}
	memset(&po, 0, sizeof(po));
	po.profile = prof;
	po.bank = o_bank.text;
	po.progress = tty ? seci_ctx_progress : NULL;
	if (o_dry.given) {
		ctx->dry_run = 1;
		rc = seci_payment_import_preview(ctx->db, fp, name, &po,
		    &ctx->out, &stats, &skipped, &ctx->err);
	} else {
		rc = seci_payment_import(ctx->db, fp, name, &po, &stats,
		    &skipped, &ctx->err);
	}
	seci_input_close(fp);
	seci_profile_free(prof);
	if (tty && stats.read >= 100000)
		fputc('\n', stderr);
	if (rc == 0 && skipped)
		seci_err_report(&ctx->err, SECI_WARN, "%s: %lu outgoing row%s "
		    "skipped", name, skipped, skipped == 1 ? "" : "s");
	/* The summary's first part is fixed: scripts read it. */
	if (rc == 0) {
		char how[128] = "";

		if (stats.by_account + stats.by_alias + stats.by_reference)
			snprintf(how, sizeof(how), "; matched by account %lu, "
			    "alias %lu, reference %lu", stats.by_account,
			    stats.by_alias, stats.by_reference);
		seci_ctx_summary(ctx, "%lu new, %lu duplicate, %lu "
		    "unmatched%s%s", stats.added, stats.duplicate, stats.unmatched, how,
		    o_dry.given ? " (dry run: nothing written)" : "");
	}
	return rc;
}

static int
run_payment_add(struct seci_ctx *ctx)
{
	struct seci_payment p;
	int64_t id;

	memset(&p, 0, sizeof(p));
	p.party = o_party.text;
	p.amount = o_amount.text;
	p.date = o_date.date;
	p.currency = o_currency.text;
	p.rate = o_rate.text;
	p.reference = o_ref.text;
	p.bank = o_bank.text;
	if (seci_payment_add(ctx->db, &p, &id, &ctx->err) < 0)
		return -1;
	printf("%lld\n", (long long)id);
	return 0;
}

static int
run_payment_list(struct seci_ctx *ctx)
{
	struct seci_payment_filter f = { .year = ctx->year,
	    .party = o_party.text, .from = o_from.text, .to = o_to.text,
	    .ref = o_ref.text, .payer = o_payer.text };

	return seci_payment_list(ctx->db, &f, &ctx->out, &ctx->err);
}

static int
run_suspense_list(struct seci_ctx *ctx)
{
	struct seci_payment_filter f = { .suspense_only = 1 };

	return seci_payment_list(ctx->db, &f, &ctx->out, &ctx->err);
}

static int
run_payment_match(struct seci_ctx *ctx)
{
	int64_t id;

	if (seci_ctx_id(ctx, 0, "payment", &id) < 0)
		return -1;
	if (o_party.given == o_income.given)
		return seci_err_set(&ctx->err, SECI_EXIT_USAGE, "payment match: "
		    "give --party or --income%s", o_party.given ? ", not both" :
		    "");
	if (o_income.given) {
		if (seci_receipt_from_suspense(ctx->db, id, o_income.text,
		    &id, &ctx->err) < 0)
			return -1;
		printf("%lld\n", (long long)id);
		return 0;
	}
	return seci_payment_match(ctx->db, id, o_party.text, o_reason.text,
	    &ctx->err);
}

static int
run_receipt_add(struct seci_ctx *ctx)
{
	struct seci_receipt r;
	int64_t id;

	memset(&r, 0, sizeof(r));
	r.income = o_income.text;
	r.amount = o_amount.text;
	r.date = o_date.date;
	r.bank = o_bank.text;
	r.reference = o_ref.text;
	if (seci_receipt_add(ctx->db, &r, &id, &ctx->err) < 0)
		return -1;
	printf("%lld\n", (long long)id);
	return 0;
}

static int
run_receipt_list(struct seci_ctx *ctx)
{
	return seci_receipt_list(ctx->db, ctx->year, &ctx->out, &ctx->err);
}

static int
run_refund(struct seci_ctx *ctx)
{
	struct seci_refund r;
	int64_t id;

	memset(&r, 0, sizeof(r));
	r.party = ctx->args[0];
	r.amount = o_amount.money;
	r.date = o_date.date;
	r.reason = o_reason.text;
	r.bank = o_bank.text;
	if (seci_refund_add(ctx->db, &r, &id, &ctx->err) < 0)
		return -1;
	printf("%lld\n", (long long)id);
	return 0;
}

static int
run_bank_add(struct seci_ctx *ctx)
{
	if (seci_bank_add(ctx->db, ctx->args[0], o_currency.text,
	    o_ledger.text, o_iban.text, &ctx->err) < 0)
		return -1;
	printf("%s\n", ctx->args[0]);
	return 0;
}

static int
run_bank_list(struct seci_ctx *ctx)
{
	return seci_bank_list(ctx->db, ctx->as_of, &ctx->out, &ctx->err);
}

static int
run_bank_reconcile(struct seci_ctx *ctx)
{
	struct seci_bankacct b;
	seci_money statement;
	int differs;

	/* The statement's balance is in the account's own currency. */
	if (seci_bank_get(ctx->db, ctx->args[0], &b, &ctx->err) < 0)
		return -1;
	if (seci_money_parse(o_statement.text, b.decimals, '.', &statement,
	    &ctx->err) < 0)
		return seci_err_prefix(&ctx->err, SECI_EXIT_USAGE,
		    "--statement-balance");
	if (seci_bank_reconcile(ctx->db, b.code, o_date.date, statement,
	    &ctx->out, &differs, &ctx->err) < 0)
		return -1;
	if (differs)
		ctx->status = SECI_EXIT_FINDINGS;
	return 0;
}

static int
run_bank_revalue(struct seci_ctx *ctx)
{
	return seci_bank_revalue(ctx->db, o_date.date, &ctx->out, &ctx->err);
}

static int
run_payment_unmatch(struct seci_ctx *ctx)
{
	int64_t id;

	if (seci_ctx_id(ctx, 0, "payment", &id) < 0)
		return -1;
	return seci_payment_unmatch(ctx->db, id, o_reason.text, &ctx->err);
}

static int
run_payment_void(struct seci_ctx *ctx)
{
	int64_t id;

	if (seci_ctx_id(ctx, 0, "payment", &id) < 0)
		return -1;
	return seci_payment_void(ctx->db, id, o_reason.text, &ctx->err);
}

static int
run_import_list(struct seci_ctx *ctx)
{
	return seci_import_list(ctx->db, "payment", &ctx->out, &ctx->err);
}

static int
run_import_void(struct seci_ctx *ctx)
{
	unsigned long n;
	int64_t id;

	if (seci_ctx_id(ctx, 0, "import", &id) < 0 ||
	    seci_payment_import_void(ctx->db, id, o_reason.text, &n,
	    &ctx->err) < 0)
		return -1;
	if (!ctx->quiet)
		fprintf(stderr, "%lu payment%s void\n", n, n == 1 ? "" : "s");
	return 0;
}

static int
run_status(struct seci_ctx *ctx)
{
	return seci_contrib_status(ctx->db, ctx->year, ctx->as_of, &ctx->out,
	    &ctx->err);
}

static int
run_statement(struct seci_ctx *ctx)
{
	return seci_soa(ctx->db, ctx->args[0], ctx->year, ctx->as_of,
	    &ctx->out, &ctx->err);
}

static int
run_arrears(struct seci_ctx *ctx)
{
	int overdue;

	if (seci_contrib_arrears(ctx->db, ctx->as_of,
	    ctx->conf.arrears_rule_years, &ctx->out, &overdue, &ctx->err) < 0)
		return -1;
	if (o_fail.given && overdue > 0)
		ctx->status = SECI_EXIT_FINDINGS;
	return 0;
}

static int
run_remind(struct seci_ctx *ctx)
{
	char tpl[4096];
	int letters;

	if (o_template.given)
		snprintf(tpl, sizeof(tpl), "%s", o_template.text);
	else
		snprintf(tpl, sizeof(tpl), "%s/templates/reminder.txt",
		    seci_conf_datadir());
	if (seci_contrib_remind(ctx->db, ctx->as_of, tpl, o_outdir.text,
	    stdout, &letters, &ctx->err) < 0)
		return -1;
	if (ctx->verbose)
		fprintf(stderr, "%s: %d letter%s\n", ctx->tool->name, letters,
		    letters == 1 ? "" : "s");
	return 0;
}

static int
run_rate_set(struct seci_ctx *ctx)
{
	return seci_rate_set(ctx->db, ctx->args[0], ctx->args[1], o_date.date,
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
	{ .name = "party add", .args = "CODE", .doc = "Add a Party or "
	    "Permanent Observer", .opts = party_add_opts, .db = W,
	    .roles = FIN, .min_args = 1, .max_args = 1,
	    .run = run_party_add },
	{ .name = "party edit", .args = "CODE", .doc = "Rename a Party, change "
	    "its kind, accounts or payer names", .opts = party_edit_opts,
	    .db = W, .roles = FIN, .min_args = 1, .max_args = 1,
	    .run = run_party_edit },
	{ .name = "party list", .doc = "List Parties and Observers", .db = R,
	    .roles = ANY, .run = run_party_list },
	{ .name = "party import", .args = "[FILE]", .doc = "Add Parties from "
	    "CSV", .db = W, .roles = FIN, .max_args = 1,
	    .run = run_party_import },
	{ .name = "assess", .doc = "Assess the --year's contributions",
	    .opts = assess_opts, .db = W, .roles = FIN, .run = run_assess },
	{ .name = "payment import", .args = "[FILE]", .doc = "Import payments "
	    "from a bank export", .opts = import_opts,
	    .db = W | SECI_DB_BULK, .roles = FIN,
	    .max_args = 1, .run = run_payment_import },
	{ .name = "payment add", .doc = "Record a payment by hand",
	    .opts = payment_add_opts, .db = W, .roles = FIN,
	    .run = run_payment_add },
	{ .name = "payment list", .doc = "List payments",
	    .opts = payment_list_opts, .db = R, .roles = ANY,
	    .run = run_payment_list },
	{ .name = "payment match", .args = "ID", .doc = "Match a payment to "
	    "a Party, from suspense or from another Party", .opts = match_opts,
	    .db = W, .roles = FIN, .min_args = 1, .max_args = 1,
	    .run = run_payment_match },
	{ .name = "payment unmatch", .args = "ID", .doc = "Return a payment to "
	    "suspense", .opts = unmatch_opts, .db = W, .roles = FIN,
	    .min_args = 1, .max_args = 1, .run = run_payment_unmatch },
	{ .name = "payment void", .args = "ID", .doc = "Void a payment that "
	    "never happened", .opts = void_opts, .db = W, .roles = FIN,
	    .min_args = 1, .max_args = 1, .run = run_payment_void },
	{ .name = "import list", .doc = "List payment imports", .db = R,
	    .roles = ANY, .run = run_import_list },
	{ .name = "import void", .args = "ID", .doc = "Void every payment of "
	    "an import", .opts = void_opts, .db = W, .roles = FIN,
	    .min_args = 1, .max_args = 1, .run = run_import_void },
	{ .name = "receipt add", .doc = "Record money received that is no "
	    "contribution, against an income item", .opts = receipt_opts,
	    .db = W, .roles = FIN, .run = run_receipt_add },
	{ .name = "receipt list", .doc = "The --year's receipts other than "
	    "contributions", .db = R, .roles = ANY, .run = run_receipt_list },
	{ .name = "refund", .args = "CODE", .doc = "Pay a Party's credit back",
	    .opts = refund_opts, .db = W, .roles = FIN, .min_args = 1,
	    .max_args = 1, .run = run_refund },
	{ .name = "bank add", .args = "CODE", .doc = "Add a bank account",
	    .opts = bank_add_opts, .db = W, .roles = FIN, .min_args = 1,
	    .max_args = 1, .run = run_bank_add },
	{ .name = "bank list", .doc = "The bank accounts and their balances",
	    .db = R, .roles = ANY, .run = run_bank_list },
	{ .name = "bank reconcile", .args = "CODE", .doc = "Compare an account's "
	    "balance with the bank statement's; exit 1 if they differ",
	    .opts = reconcile_opts, .db = R, .roles = ANY, .min_args = 1,
	    .max_args = 1, .run = run_bank_reconcile },
	{ .name = "bank revalue", .doc = "Book the exchange differences of "
	    "foreign-currency accounts", .opts = revalue_opts, .db = W,
	    .roles = FIN, .run = run_bank_revalue },
	{ .name = "suspense list", .doc = "Payments not matched to any Party",
	    .db = R, .roles = ANY, .run = run_suspense_list },
	{ .name = "status", .doc = "Assessed, paid and outstanding, per Party",
	    .db = R, .roles = ANY, .run = run_status },
	{ .name = "statement", .args = "CODE", .doc = "A Party's statement of "
	    "account for the --year: each payment and what it settled",
	    .db = R, .roles = ANY, .min_args = 1, .max_args = 1,
	    .run = run_statement },
	{ .name = "arrears", .doc = "Overdue amounts by age, and the two-year "
	    "rule", .opts = arrears_opts, .db = R, .roles = ANY,
	    .run = run_arrears },
	{ .name = "remind", .doc = "A reminder letter per overdue Party",
	    .opts = remind_opts, .db = R, .roles = FIN, .run = run_remind },
	{ .name = "rate set", .args = "CURRENCY RATE", .doc = "Set an exchange "
	    "rate from --date on", .opts = rate_opts, .db = W, .roles = FIN,
	    .min_args = 2, .max_args = 2, .run = run_rate_set },
	{ .name = "rate list", .doc = "List exchange rates", .db = R,
	    .roles = ANY, .run = run_rate_list },
};

static const struct seci_tool tool = {
	.name = "seci-contrib",
	.doc = "Parties, contributions, receipts and bank accounts",
	.cmds = commands,
	.ncmds = sizeof(commands) / sizeof(commands[0])
};

int
main(int argc, char **argv)
{
	return seci_main(&tool, argc, argv);
}
