/* Unit tests: lib/opt.c, the typed option tables. */
#include "config.h"

#include "seci.h"
#include "tap.h"

static struct seci_val v_amount, v_date, v_kind, v_n, v_fee, v_name,
    v_when, v_days, v_alias;
static const char *const kinds[] = { "staff", "seconded", "liaison",
    NULL };
static const struct seci_opt opts[] = {
	{ .name = "amount", .arg = "AMOUNT", .type = SECI_OPT_MONEY,
	    .flags = SECI_OPT_REQUIRED, .val = &v_amount },
	{ .name = "date", .arg = "DATE", .type = SECI_OPT_DATE,
	    .flags = SECI_OPT_ASOF | SECI_OPT_RECORD, .val = &v_date },
	{ .name = "kind", .arg = "KIND", .type = SECI_OPT_ENUM,
	    .values = kinds, .val = &v_kind },
	{ .name = "n", .arg = "N", .type = SECI_OPT_INT, .val = &v_n },
	{ .name = "fee", .arg = "AMOUNT", .type = SECI_OPT_MONEY,
	    .flags = SECI_OPT_NONNEG, .val = &v_fee },
	{ .name = "name", .arg = "NAME", .flags = SECI_OPT_PERSONAL,
	    .val = &v_name },
	{ .name = "birth-date", .arg = "DATE", .type = SECI_OPT_DATE,
	    .flags = SECI_OPT_PERSONAL, .val = &v_when },
	{ .name = "days", .arg = "N", .type = SECI_OPT_INT,
	    .flags = SECI_OPT_NONNEG, .val = &v_days },
	{ .name = "alias", .arg = "NAME", .type = SECI_OPT_LIST,
	    .val = &v_alias },
	{ .name = NULL }
};

static void
reset(void)
{
	memset(&v_amount, 0, sizeof(v_amount));
	memset(&v_date, 0, sizeof(v_date));
	memset(&v_kind, 0, sizeof(v_kind));
	memset(&v_n, 0, sizeof(v_n));
	memset(&v_fee, 0, sizeof(v_fee));
	memset(&v_name, 0, sizeof(v_name));
	memset(&v_when, 0, sizeof(v_when));
	memset(&v_days, 0, sizeof(v_days));
	memset(&v_alias, 0, sizeof(v_alias));
}

/* Give option name the value text, as argp would. */
static void
give(const char *name, char *text)
{
	int i;

	for (i = 0; opts[i].name; i++)
		if (strcmp(opts[i].name, name) == 0)
			seci_opt_store(opts, 0x200, 0x200 + i, text, NULL);
}

static error_t
list_parser(int key, char *arg, struct argp_state *state)
{
	if (key == ARGP_KEY_ARG || key < 0x200)
		return ARGP_ERR_UNKNOWN;
	return seci_opt_store(opts, 0x200, key, arg, state);
}

static int
finish(int decimals, struct seci_err *err)
{
	seci_err_clear(err);
	return seci_opt_finish(opts, "staff add", decimals,
	    seci_date_from_ymd(2026, 11, 30), err);
}

int
main(void)
{
	struct seci_err err = SECI_ERR_INIT;
	struct argp_option *a = seci_opt_argp(opts, 0x200);
	char *line;
	char *argv[] = { "seci-staff", "add", "--name", "Ana Pop", "--kind",
	    "staff", "--birth-d=1980-02-29", "--amount", "12.50" };

	ok(a != NULL && strcmp(a[0].name, "amount") == 0 && a[0].key == 0x200 &&
	    a[9].name == NULL, "argp options from the table");
	free(a);

	reset();
	ok(finish(2, &err) == -1 && err.code == SECI_EXIT_USAGE &&
	    strcmp(err.msg, "staff add: --amount is required") == 0,
	    "a required option: %s", err.msg);
	give("amount", "1234.5");
	ok(finish(2, &err) == 0 && v_amount.money == 123450, "an amount in "
	    "minor units: 123450");
	is_int(v_date.date, seci_date_from_ymd(2026, 11, 30), "a date not "
	    "given is --as-of");
	is_int(seci_opt_record_date(opts, 0), seci_date_from_ymd(2026, 11, 30),
	    "and the date of record");
	give("amount", "12.345");
	ok(finish(2, &err) == -1 && err.code == SECI_EXIT_USAGE &&
	    strncmp(err.msg, "--amount: ", 10) == 0, "three decimals: %s",
	    err.msg);
	ok(finish(3, &err) == 0 && v_amount.money == 12345, "fine for a "
	    "currency of three decimals");
	give("amount", "1e9");
	ok(finish(2, &err) == -1 && err.code == SECI_EXIT_USAGE, "1e9: %s",
	    err.msg);
	give("amount", "5");
	give("date", "2027-02-30");
	ok(finish(2, &err) == -1 && err.code == SECI_EXIT_USAGE &&
	    strncmp(err.msg, "--date: ", 8) == 0, "2027-02-30: %s", err.msg);
	give("date", "2026-03-01");
	ok(finish(2, &err) == 0 && v_date.date == seci_date_from_ymd(2026, 3,
	    1) && seci_opt_record_date(opts, 0) == v_date.date, "a date given "
	    "is the date of record");
	give("kind", "contractor");
	ok(finish(2, &err) == -1 && strcmp(err.msg, "--kind: 'contractor' is "
	    "not one of staff, seconded or liaison") == 0, "an enum names its "
	    "values: %s", err.msg);
	give("kind", "liaison");
	ok(finish(2, &err) == 0 && v_kind.num == 2, "and gives the index");
	give("n", "12x");
	ok(finish(2, &err) == -1 && strcmp(err.msg, "--n: '12x' is not a "
	    "whole number") == 0, "a whole number: %s", err.msg);
	give("n", "-3");
	give("fee", "-5");
	ok(finish(2, &err) == -1 && strcmp(err.msg, "--fee: '-5' is "
	    "negative") == 0, "not negative: %s", err.msg);
	give("fee", "0");
	give("days", "-3");
	ok(finish(2, &err) == -1 && strcmp(err.msg, "--days: '-3' is "
	    "negative") == 0, "a whole number not negative either: %s",
	    err.msg);
	give("days", "0");
	give("n", "-3");
	ok(finish(2, &err) == 0 && v_n.num == -3 && v_days.num == 0,
	    "without the flag, -3 is fine");
	ok(!v_when.given && v_when.date == 0, "a date without ASOF, not "
	    "given, stays unset");

	/* A list takes up to SECI_OPT_LIST_MAX values; one more is an
	 * error, not a write past the list. */
	{
		struct argp_option *o = seci_opt_argp(opts, 0x200);
		struct argp argp = { o, NULL, NULL, NULL, NULL, NULL, NULL };
		char *av[2 + 2 * (SECI_OPT_LIST_MAX + 1)];
		int ac = 0, k, rc;
		FILE *saved = stderr;

		av[ac++] = "t";
		for (k = 0; k <= SECI_OPT_LIST_MAX; k++) {
			av[ac++] = "--alias";
			av[ac++] = "x";
		}
		av[ac] = NULL;
		argp.parser = list_parser;
		stderr = fopen("/dev/null", "w");
		rc = argp_parse(&argp, ac, av, ARGP_NO_EXIT | ARGP_NO_HELP,
		    NULL, NULL);
		fclose(stderr);
		stderr = saved;
		ok(rc != 0 && v_alias.nlist == SECI_OPT_LIST_MAX, "--alias "
		    "33 times: refused after %d", SECI_OPT_LIST_MAX);
		free(o);
	}

	line = seci_opt_command_line(opts, 9, argv);
	is_str(line, "seci-staff add --name [personal] --kind staff "
	    "--birth-d=[personal] --amount 12.50", "personal values never "
	    "reach the audit trail's command line, abbreviated or not");
	ok(strstr(line, "Ana") == NULL && strstr(line, "1980") == NULL,
	    "no trace of them");
	free(line);
	return done_testing();
}
