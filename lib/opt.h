/*
 * opt.h - a command's options as a typed table: one helper per kind of
 * value (text, flag, amount, date, one of a list, whole number, repeated
 * text) parses and checks it the same way in every tool.
 *
 * A tool declares, per command, a table of struct seci_opt, each pointing
 * at a struct seci_val of its own; the command skeleton (cli.h) turns the
 * table into argp options for parsing and --help, stores what was typed,
 * and before the command runs checks required options and converts
 * amounts (with the base currency's decimals), dates and the rest, so a
 * run function finds them ready:
 *
 *	static struct seci_val o_amount, o_reason;
 *	static const struct seci_opt transfer_opts[] = {
 *		{ .name = "amount", .arg = "AMOUNT", .type = SECI_OPT_MONEY,
 *		    .flags = SECI_OPT_REQUIRED, .val = &o_amount,
 *		    .doc = "Amount, e.g. 1234.50" },
 *		...
 *		{ .name = NULL }
 *	};
 *
 * A bad or missing value is SECI_EXIT_USAGE naming the option.
 */
#ifndef SECI_OPT_H
#define SECI_OPT_H

#include <argp.h>
#include <stddef.h>

#include "date.h"
#include "err.h"
#include "money.h"

#define SECI_OPT_LIST_MAX 32

enum seci_opt_type {
	SECI_OPT_TEXT,		/* any text */
	SECI_OPT_FLAG,		/* no value */
	SECI_OPT_MONEY,		/* an amount in the base currency */
	SECI_OPT_DATE,		/* YYYY-MM-DD, a real date */
	SECI_OPT_ENUM,		/* one of .values */
	SECI_OPT_INT,		/* a whole number */
	SECI_OPT_LIST		/* text, repeatable */
};

enum seci_opt_flags {
	SECI_OPT_REQUIRED = 1 << 0,
	SECI_OPT_ASOF = 1 << 1,		/* DATE: --as-of when not given */
	SECI_OPT_RECORD = 1 << 2,	/* DATE: the date of record, which
					 * the audit trail keeps; more than
					 * a year after --as-of it needs
					 * the table's SECI_OPT_FORCE */
	SECI_OPT_PERSONAL = 1 << 3,	/* personal data: never written in
					 * clear in the audit trail's command
					 * line */
	SECI_OPT_NONNEG = 1 << 4	/* MONEY, INT: not below zero */
};

/* The --force that lets a table's date of record lie more than a year
 * after --as-of. */
#define SECI_OPT_FORCE(v) { .name = "force", .val = (v), \
	.type = SECI_OPT_FLAG, .doc = "Accept a date more than a year after " \
	"--as-of" }

/* What an option was given as, and its typed value. */
struct seci_val {
	int given;
	const char *text;	/* as typed (LIST: the first) */
	seci_money money;	/* MONEY */
	seci_day date;		/* DATE (and with SECI_OPT_ASOF the default) */
	long num;		/* INT; ENUM: the index in values */
	const char *list[SECI_OPT_LIST_MAX];	/* LIST */
	size_t nlist;
};

struct seci_opt {
	const char *name;		/* the long option, "amount" */
	const char *arg;		/* its value in --help, "AMOUNT" */
	const char *doc;
	enum seci_opt_type type;
	const char *const *values;	/* ENUM: NULL-terminated */
	unsigned flags;			/* enum seci_opt_flags */
	struct seci_val *val;
};

/* The argp options of a table ended by a NULL name, keyed from base
 * (caller frees). */
struct argp_option *seci_opt_argp(const struct seci_opt *opts, int base);

/* Store what argp found for key (from base) in its value; ARGP_ERR_UNKNOWN
 * when the key is none of the table's. */
error_t seci_opt_store(const struct seci_opt *opts, int base, int key,
    char *arg, struct argp_state *state);

/* Check required options and convert the typed ones (amounts with
 * decimals; as_of for SECI_OPT_ASOF dates); what is wrong is
 * SECI_EXIT_USAGE: "CMD: --NAME is required", "--NAME: ...". */
int seci_opt_finish(const struct seci_opt *opts, const char *cmd,
    int decimals, seci_day as_of, struct seci_err *err);

/* The date of record the table's options give (a SECI_OPT_RECORD date,
 * given or defaulting to --as-of), or as_of. */
seci_day seci_opt_record_date(const struct seci_opt *opts, seci_day as_of);

/* The option of the table that an argument spells ("--na", "--name=x"),
 * when it is one with flag set: 1, and *inline_value set when the value
 * is in the same argument; else 0. */
int seci_opt_flagged(const struct seci_opt *opts, const char *argv,
    unsigned flag, int *inline_value);

/* What a personal value is written as in the audit trail's command line. */
#define SECI_OPT_HIDDEN "[personal]"

/* The command line argv, shell-quoted, with the value of every personal
 * option of opts replaced by SECI_OPT_HIDDEN (caller frees; NULL without
 * memory). */
char *seci_opt_command_line(const struct seci_opt *opts, int argc,
    char **argv);

#endif
