/*
 * cli.h - the one command skeleton every seci tool runs on.
 *
 * A tool is a table of commands; main() is only
 *	return seci_main(&tool, argc, argv);
 * seci_main() finds the command words, parses options with argp (the
 * command's own plus the global ones, accepted before or after the
 * command words), loads the config, opens the database, identifies the
 * user and checks the command's roles, begins the transaction, runs the
 * command, commits or rolls back, closes stdout checking for write
 * errors, prints the error as "TOOL: message", and returns the exit
 * status from the one table in err.h.
 *
 * How to add a command:
 *  1. In cmd/seci-TOOL.c: an argp_option table and parse function (if it
 *     has options), a run function calling lib/, and an entry in the
 *     tool's command table (words, arguments, one-line doc, flags, roles).
 *  2. All SQL in a lib/ module, behind a seci_<noun>_<verb>() function
 *     declared in that module's header (included from seci.h).
 *  3. The command in man/seci-TOOL.1 (SYNOPSIS, DESCRIPTION, EXAMPLES).
 *  4. A test in tests/NNNN-TOOL-TOPIC.sh, listed in Makefile.am.
 *  5. Its line in man/seci.7 if it changes what the tool is for.
 */
#ifndef SECI_CLI_H
#define SECI_CLI_H

#include <argp.h>
#include <stddef.h>

#include "conf.h"
#include "date.h"
#include "db.h"
#include "err.h"
#include "money.h"
#include "out.h"

struct seci_ctx;
typedef int seci_run_fn(struct seci_ctx *ctx);

enum seci_cmd_flags {
	SECI_NO_DB = 0,
	SECI_DB_READ = 1,	/* a read snapshot (BEGIN) */
	SECI_DB_WRITE = 2,	/* one write transaction (BEGIN IMMEDIATE) */
	SECI_DB_CREATE = 3,	/* a new database (init) */
	SECI_DB_MASK = 3
};

struct seci_cmd {
	const char *name;		/* command words: "user add" */
	const char *args_doc;		/* "LOGIN", or NULL */
	const char *doc;		/* one line */
	const struct argp_option *options;	/* or NULL */
	argp_parser_t parse;		/* for options, or NULL */
	unsigned flags;			/* enum seci_cmd_flags */
	unsigned roles;			/* who may run it besides director;
					 * SECI_ROLE_ANY: every role */
	int min_args, max_args;		/* positional arguments */
	const char *formats;		/* NULL: table,csv,tsv,json; else
					 * "text,json,html", first default */
	seci_run_fn *run;
};

struct seci_tool {
	const char *name;		/* "seci-admin" */
	const char *doc;		/* one line */
	const struct seci_cmd *cmds;
	size_t ncmds;
};

struct seci_ctx {
	const struct seci_tool *tool;
	const struct seci_cmd *cmd;
	struct seci_conf conf;
	struct seci_db *db;
	char login[65];			/* who acts (SECI_USER or the OS's) */
	char os_login[65];		/* who runs the process */
	unsigned roles;
	const char *db_opt;		/* --db */
	const char *config_opt;		/* --config */
	const char *format;		/* the chosen format's name */
	int format_given;		/* by -o, not by default */
	struct seci_out_opts out;	/* for table,csv,tsv,json listings */
	int year;			/* --year, default: year of as_of */
	int year_given;			/* by -y, not by default */
	seci_day as_of;			/* --as-of, default: today */
	int quiet, verbose;
	char **args;			/* positional arguments */
	int nargs;
	int status;			/* exit status when run returns 0 */
	char *cmdline;			/* for the audit trail */
	struct seci_err err;
};

int seci_main(const struct seci_tool *tool, int argc, char **argv);

/* Inside a command's argp parser: the context. */
struct seci_ctx *seci_ctx_of(const struct argp_state *state);

/* Parse an option's amount (base currency decimals) or date in run();
 * a bad value is SECI_EXIT_USAGE naming the option. */
int seci_ctx_money(struct seci_ctx *ctx, const char *opt, const char *text,
    seci_money *out);
int seci_ctx_date(struct seci_ctx *ctx, const char *opt, const char *text,
    seci_day *out);

/* A required option's value, or SECI_EXIT_USAGE naming --name. */
int seci_ctx_need(struct seci_ctx *ctx, const char *value, const char *name);

/* Progress of long work, for seci_progress_fn: "\rN rows" on stderr.
 * Pass it only when ctx says so: seci_ctx_progress_on(). */
void seci_ctx_progress(void *arg, unsigned long rows);
/* 1 when stderr is a terminal and -q was not given. */
int seci_ctx_progress_on(const struct seci_ctx *ctx);

/* Require one of the roles in need (director always passes). */
int seci_ctx_require(struct seci_ctx *ctx, unsigned need, const char *what);

#endif
