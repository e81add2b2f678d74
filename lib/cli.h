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
 *  1. In cmd/seci-TOOL.c: its options as a typed table (opt.h), a run
 *     function calling lib/, and an entry in the tool's command table
 *     with designated initialisers (.name, .args, .doc, .opts, .db,
 *     .roles, .min_args, .max_args, .run).
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
#include "import.h"
#include "money.h"
#include "opt.h"
#include "out.h"

struct seci_ctx;
typedef int seci_run_fn(struct seci_ctx *ctx);

enum seci_cmd_flags {
	SECI_NO_DB = 0,
	SECI_DB_READ = 1,	/* a read snapshot (BEGIN) */
	SECI_DB_WRITE = 2,	/* one write transaction (BEGIN IMMEDIATE) */
	SECI_DB_CREATE = 3,	/* a new database (init) */
	SECI_DB_MASK = 3,
	SECI_DB_CHECKS = 4,	/* a checking command: a file that is no
				 * sound database is its finding (printed
				 * as check,result,detail; exit 1) */
	SECI_DB_OWN_TXN = 8,	/* the command manages its transactions
				 * itself: none is begun or committed */
	SECI_DB_BULK = 16	/* a bulk import that checks every reference
				 * it writes itself: seci_db_bulk() */
};

struct seci_cmd {
	const char *name;		/* command words: "user add" */
	const char *args;		/* positional arguments: "LOGIN" */
	const char *doc;		/* one line */
	const struct seci_opt *opts;	/* its options, or NULL */
	unsigned db;			/* enum seci_cmd_flags */
	unsigned roles;			/* who may run it besides director;
					 * SECI_ROLE_ANY: every role */
	int min_args, max_args;		/* positional arguments; max -1: any */
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
	int as_of_given;		/* by --as-of, not by default */
	int quiet, verbose;
	char **args;			/* positional arguments */
	int nargs;
	int status;			/* exit status when run returns 0 */
	int dry_run;			/* set by run: roll back, not commit */
	char *cmdline;			/* for the audit trail */
	char *summary;			/* printed once committed */
	struct seci_err err;
};

int seci_main(const struct seci_tool *tool, int argc, char **argv);

/* Positional argument i as a record id (a whole number above 0); a bad
 * one is SECI_EXIT_USAGE "bad NOUN ID '...'". */
int seci_ctx_id(struct seci_ctx *ctx, int i, const char *noun,
    int64_t *id);

/* The line to print on stderr (unless --quiet) once the command's
 * changes are committed, and only then: "20000 new, 0 duplicate" never
 * precedes a commit that fails. */
void seci_ctx_summary(struct seci_ctx *ctx, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* An import of the file named by the first argument (or stdin) through
 * fn, with the summary "N new, N duplicate" on stderr unless -q. */
typedef int seci_import_file_fn(struct seci_db *db, FILE *fp,
    const char *name, struct seci_import_stats *stats, struct seci_err *err);
int seci_ctx_import(struct seci_ctx *ctx, seci_import_file_fn *fn);

/* Progress of long work, for seci_progress_fn: "\rN rows" on stderr.
 * Pass it only when ctx says so: seci_ctx_progress_on(). */
void seci_ctx_progress(void *arg, unsigned long rows);
/* 1 when stderr is a terminal and -q was not given. */
int seci_ctx_progress_on(const struct seci_ctx *ctx);

#endif
