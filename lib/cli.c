/* cli.c - the command skeleton: dispatch, options, setup, exit status. */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "auth.h"
#include "cli.h"
#include "clock.h"
#include "input.h"
#include "sink.h"

enum {
	OPT_AS_OF = 0x100,
	OPT_NO_HEADER,
	OPT_OUTPUT
};

/* A listing's formats; xlsx where built with libxlsxwriter. */
#define LISTING_FORMATS "table,csv,tsv,json,xlsx"

static const struct argp_option global_options[] = {
	{ NULL, 0, NULL, 0, "Global options (before or after the command):",
	    -1 },
	{ "db", 'd', "FILE", 0, "Database file (default: $SECI_DB, the "
	    "config's database key, ./seci.db)", -1 },
	{ "config", 'c', "FILE", 0, "Config file (default: $SECI_CONFIG, "
	    "$XDG_CONFIG_HOME/seci/seci.yaml, /etc/seci/seci.yaml)", -1 },
	{ "format", 'o', "FORMAT", 0, "Output format: table, csv, tsv or json "
	    "(default: table on a terminal, csv otherwise)", -1 },
	{ "output", OPT_OUTPUT, "FILE", 0, "Write the output to FILE, whole "
	    "or not at all: put in place only when the command succeeds "
	    "(default, or -: standard output)", -1 },
	{ "no-header", OPT_NO_HEADER, NULL, 0, "Leave out the header row", -1 },
	{ "year", 'y', "YYYY", 0, "Fiscal year (default: the year of "
	    "--as-of)", -1 },
	{ "as-of", OPT_AS_OF, "DATE", 0, "Compute results as of DATE, "
	    "YYYY-MM-DD (default: today)", -1 },
	{ "quiet", 'q', NULL, 0, "Print no warnings and no progress", -1 },
	{ "verbose", 'v', NULL, 0, "Say which config, database and user are "
	    "used", -1 },
	{ NULL, 0, NULL, 0, NULL, 0 }
};

/* Global options that take a value, for finding the command words:
 * read from the option table itself. */
static int
short_takes_arg(char c)
{
	const struct argp_option *o;

	for (o = global_options; o->name || o->doc; o++)
		if (o->key == c && o->arg)
			return 1;
	return 0;
}

/* The global option that name (n bytes, an abbreviation is fine) names, or
 * NULL. */
static const struct argp_option *
global_long(const char *name, size_t n)
{
	const struct argp_option *o;

	for (o = global_options; o->name || o->doc; o++)
		if (o->name && n <= strlen(o->name) && strncmp(name, o->name,
		    n) == 0)
			return o;
	return NULL;
}

static int
long_takes_arg(const char *name, size_t n)
{
	const struct argp_option *o = global_long(name, n);

	return o && o->arg;
}

struct ctx_private {
	struct seci_ctx *ctx;
	const char *year;
	const char *as_of;
	const char *format;
	const char *output;		/* --output */
	char formats[128];		/* the command's, as available here */
	struct seci_sink *sink;
	int no_header;
};

static struct ctx_private *priv;

/* A command's own options are keyed from here on. */
#define CMD_KEY 0x200

/* "table, csv, tsv or json" from "table,csv,tsv,json". */
static char *
format_words(const char *list, char *buf, size_t size)
{
	size_t len = 0, n;
	const char *p;

	buf[0] = '\0';
	for (p = list; *p && len < size; p += n + (p[n] == ',')) {
		n = strcspn(p, ",");
		len += (size_t)snprintf(buf + len, size - len, "%s%.*s",
		    p == list ? "" : p[n] ? ", " : " or ", (int)n, p);
	}
	return buf;
}

/*
 * The global options, with -o described for the formats cmd_formats (a
 * command's, or NULL for a listing's) as this build and machine offer
 * them, which fill formats.  Free the result.
 */
static struct argp_option *
global_options_for(const char *cmd_formats, char *formats, size_t fsize,
    char *doc, size_t dsize)
{
	struct argp_option *g;
	char words[160];
	size_t i;

	seci_sink_formats(cmd_formats ? cmd_formats : LISTING_FORMATS, formats,
	    fsize);
	if (cmd_formats != NULL)
		snprintf(doc, dsize, "Output format: %s (default: %.*s)",
		    format_words(formats, words, sizeof(words)),
		    (int)strcspn(formats, ","), formats);
	else
		snprintf(doc, dsize, "Output format: %s (default: table on a "
		    "terminal, csv otherwise)", format_words(formats, words,
		    sizeof(words)));
	for (i = 0; global_options[i].name || global_options[i].doc; i++)
		;
	if ((g = calloc(i + 1, sizeof(*g))) == NULL)
		return NULL;
	memcpy(g, global_options, (i + 1) * sizeof(*g));
	for (i = 0; g[i].name || g[i].doc; i++)
		if (g[i].key == 'o')
			g[i].doc = doc;
	return g;
}

static int
format_allowed(const char *f)
{
	return seci_format_in(priv->formats, f);
}

static error_t
global_parse(int key, char *arg, struct argp_state *state)
{
	struct seci_ctx *ctx = priv->ctx;
	char **args;

	switch (key) {
	case 'd':
		ctx->db_opt = arg;
		break;
	case 'c':
		ctx->config_opt = arg;
		break;
	case 'o':
		if (!format_allowed(arg)) {
			char words[160];

			argp_error(state, "unknown format '%s' (use %s)", arg,
			    format_words(priv->formats, words, sizeof(words)));
		}
		priv->format = arg;
		break;
	case OPT_OUTPUT:
		/* "-" is standard output, as for input files. */
		priv->output = strcmp(arg, "-") == 0 ? NULL : arg;
		break;
	case OPT_NO_HEADER:
		priv->no_header = 1;
		break;
	case 'y':
		priv->year = arg;
		break;
	case OPT_AS_OF:
		priv->as_of = arg;
		break;
	case 'q':
		ctx->quiet = 1;
		break;
	case 'v':
		ctx->verbose = 1;
		break;
	case ARGP_KEY_ARG:
		args = realloc(ctx->args, (size_t)(ctx->nargs + 2) *
		    sizeof(char *));
		if (args == NULL)
			argp_failure(state, SECI_EXIT_SOFTWARE, ENOMEM, NULL);
		ctx->args = args;
		ctx->args[ctx->nargs++] = arg;
		ctx->args[ctx->nargs] = NULL;
		break;
	case ARGP_KEY_END:
		if (ctx->nargs < ctx->cmd->min_args)
			argp_error(state, "missing %s", ctx->cmd->args ?
			    ctx->cmd->args : "argument");
		if (ctx->cmd->max_args >= 0 &&
		    ctx->nargs > ctx->cmd->max_args)
			argp_error(state, "unexpected argument '%s'",
			    ctx->args[ctx->cmd->max_args]);
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

/* Match the command words at the start of words[]; longest match wins. */
static const struct seci_cmd *
find_command(const struct seci_tool *tool, char **words, int nwords,
    int *used)
{
	const struct seci_cmd *best = NULL;
	size_t i;
	int w, bestn = 0;

	for (i = 0; i < tool->ncmds; i++) {
		const char *p = tool->cmds[i].name;

		for (w = 0; w < nwords; w++) {
			size_t n = strlen(words[w]);

			if (strncmp(p, words[w], n) != 0 ||
			    (p[n] != ' ' && p[n] != '\0'))
				break;
			p += n;
			if (*p == '\0') {
				w++;
				if (w > bestn) {
					best = &tool->cmds[i];
					bestn = w;
				}
				break;
			}
			p++;
		}
	}
	*used = bestn;
	return best;
}

static void
list_commands(FILE *fp, const struct seci_tool *tool, const char *prefix)
{
	size_t i, n = prefix ? strlen(prefix) : 0;

	for (i = 0; i < tool->ncmds; i++)
		if (prefix == NULL || (strncmp(tool->cmds[i].name, prefix,
		    n) == 0 && tool->cmds[i].name[n] == ' '))
			fprintf(fp, "  %-22s %s\n", tool->cmds[i].name,
			    tool->cmds[i].doc);
}

static char *
tool_doc(const struct seci_tool *tool)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	if (fp == NULL)
		return NULL;
	fprintf(fp, "%s -- %s.\v", tool->name, tool->doc);
	fputs("Commands:\n", fp);
	list_commands(fp, tool, NULL);
	fprintf(fp, "\n'%s COMMAND --help' describes a command; man %s has "
	    "the details.", tool->name, tool->name);
	fclose(fp);
	return buf;
}

static void
report_stderr(void *arg, enum seci_level level, const char *msg)
{
	struct seci_ctx *ctx = arg;

	if (level == SECI_WARN && ctx->quiet)
		return;
	fprintf(stderr, "%s: %s%s\n", ctx->tool->name,
	    level == SECI_WARN ? "warning: " : "", msg);
}

int
seci_ctx_id(struct seci_ctx *ctx, int i, const char *noun, int64_t *id)
{
	const char *arg = ctx->args[i];
	char *end;
	long long v;

	errno = 0;
	v = strtoll(arg, &end, 10);
	if (*end || end == arg || v <= 0 || errno)
		return seci_err_set(&ctx->err, SECI_EXIT_USAGE, "bad %s ID '%s'",
		    noun, arg);
	*id = v;
	return 0;
}

/* The command's own options: stored as typed, checked before it runs. */
static error_t
cmd_parse(int key, char *arg, struct argp_state *state)
{
	return seci_opt_store(priv->ctx->cmd->opts, CMD_KEY, key, arg, state);
}

void
seci_ctx_progress(void *arg, unsigned long rows)
{
	(void)arg;
	fprintf(stderr, "\r%lu rows", rows);
}

void
seci_ctx_summary(struct seci_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) >= 0) {
		free(ctx->summary);
		ctx->summary = s;
	}
	va_end(ap);
}

/* After the commit (or the dry run's rollback). */
static void
print_summary(struct seci_ctx *ctx)
{
	if (ctx->summary != NULL && !ctx->quiet)
		fprintf(stderr, "%s\n", ctx->summary);
}

int
seci_ctx_import(struct seci_ctx *ctx, seci_import_file_fn *fn)
{
	struct seci_import_stats stats;
	const char *name;
	FILE *fp;
	int rc;

	if ((fp = seci_input_open(ctx->nargs ? ctx->args[0] : NULL, &name,
	    &ctx->err)) == NULL)
		return -1;
	rc = fn(ctx->db, fp, name, &stats, &ctx->err);
	seci_input_close(fp);
	if (rc == 0)
		seci_ctx_summary(ctx, "%lu new, %lu duplicate", stats.added,
		    stats.duplicate);
	return rc;
}

int
seci_ctx_progress_on(const struct seci_ctx *ctx)
{
	return !ctx->quiet && isatty(STDERR_FILENO);
}

/*
 * Split argv into the command words and the rest.  Options before the
 * command words are skipped, with the value of those that take one.
 */
static const struct seci_cmd *
dispatch(const struct seci_tool *tool, int argc, char **argv, int *nargc,
    char ***nargv, const char **first, struct seci_err *err)
{
	/* first[0], first[1]: the first two words, for the error when no
	 * command matches. */
	char *words[4];
	int pos[4], nwords = 0, used, i, j, k, dashdash = 0;
	const struct seci_cmd *cmd;
	char **v;

	for (i = 1; i < argc && nwords < 4; i++) {
		const char *a = argv[i];

		if (!dashdash && strcmp(a, "--") == 0) {
			/* After it, only words: still look for the command. */
			dashdash = 1;
			continue;
		}
		if (dashdash) {
			words[nwords] = argv[i];
			pos[nwords++] = i;
			continue;
		}
		if (a[0] == '-' && a[1] == '-') {
			if (strchr(a, '=') == NULL &&
			    long_takes_arg(a + 2, strlen(a + 2)) &&
			    strlen(a + 2) > 0)
				i++;
			continue;
		}
		if (a[0] == '-' && a[1] != '\0') {
			for (j = 1; a[j]; j++)
				if (short_takes_arg(a[j])) {
					if (a[j + 1] == '\0')
						i++;
					break;
				}
			continue;
		}
		words[nwords] = argv[i];
		pos[nwords++] = i;
	}
	cmd = find_command(tool, words, nwords, &used);
	first[0] = nwords ? words[0] : NULL;
	first[1] = nwords > 1 ? words[1] : NULL;
	if (cmd == NULL)
		return NULL;
	if ((v = calloc((size_t)argc + 1, sizeof(char *))) == NULL) {
		seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
		return NULL;
	}
	if (asprintf(&v[0], "%s %s", tool->name, cmd->name) < 0) {
		free(v);
		seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
		return NULL;
	}
	for (i = 1, k = 1; i < argc; i++) {
		for (j = 0; j < used; j++)
			if (pos[j] == i)
				break;
		if (j == used)
			v[k++] = argv[i];
	}
	*nargc = k;
	*nargv = v;
	return cmd;
}

static error_t
ignore_parse(int key, char *arg, struct argp_state *state)
{
	/* Accept the global options; --help and friends do the rest. */
	return key == ARGP_KEY_ARG || key >= ARGP_KEY_END ? ARGP_ERR_UNKNOWN :
	    0;
}

/* A global option written so that the next word is its value. */
static int
takes_value(const char *a)
{
	size_t n = strlen(a);

	if (n > 2 && a[0] == '-' && a[1] == '-')
		return strchr(a, '=') == NULL && long_takes_arg(a + 2, n - 2);
	return n >= 2 && a[0] == '-' && a[1] != '-' &&
	    short_takes_arg(a[n - 1]) && strspn(a + 1, "qv") == n - 2;
}

/* A "--name" that is no global option: a command's, given too early. */
static int
command_option(const char *a)
{
	size_t n;

	if (strncmp(a, "--", 2) != 0 || a[2] == '\0' || strchr(a, '='))
		return 0;
	n = strlen(a + 2);
	return global_long(a + 2, n) == NULL && strncmp("help", a + 2,
	    n) != 0 && strncmp("usage", a + 2, n) != 0 &&
	    strncmp("version", a + 2, n) != 0;
}

/* No command matched: --help, --usage, --version or a usage error. */
static int
no_command(const struct seci_tool *tool, int argc, char **argv,
    const char *const *words)
{
	const char *word = words[0];
	struct argp_child children[] = {
		{ NULL, 0, NULL, 0 }, { NULL, 0, NULL, 0 }
	};
	struct argp gargp = { NULL, ignore_parse, NULL, NULL, NULL, NULL,
	    NULL };
	struct argp_option *gopts;
	char formats[128], fmtdoc[256];
	struct argp argp = { NULL, NULL, "COMMAND [ARG...]", NULL, children,
	    NULL, NULL };
	int group = 0;
	size_t c, n;
	char *doc;

	if (word != NULL) {
		/* A group word ("user") without its command. */
		for (c = 0, n = strlen(word); c < tool->ncmds; c++)
			if (strncmp(tool->cmds[c].name, word, n) == 0 &&
			    tool->cmds[c].name[n] == ' ')
				group = 1;
		for (c = 1; group && c < (size_t)argc; c++)
			if ((strcmp(argv[c], "--help") == 0 ||
			    strcmp(argv[c], "-?") == 0) &&
			    !(c > 1 && takes_value(argv[c - 1]))) {
				/* Asked for: the group's commands on stdout. */
				printf("Usage: %s [OPTION...] %s COMMAND "
				    "[ARG...]\n\n", tool->name, word);
				list_commands(stdout, tool, word);
				printf("\nTry '%s %s COMMAND --help' for a "
				    "command's options.\n", tool->name, word);
				if (fflush(stdout) == 0 && !ferror(stdout))
					return 0;
				fprintf(stderr, "%s: write error: %s\n",
				    tool->name, strerror(errno ? errno : EIO));
				return SECI_EXIT_IOERR;
			}
		fprintf(stderr, "%s: ", tool->name);
		if (group && words[1] != NULL) {
			fprintf(stderr, "unknown command '%s %s'; '%s' has "
			    "these:\n", word, words[1], word);
			list_commands(stderr, tool, word);
		} else if (group) {
			fprintf(stderr, "'%s' needs a command:\n", word);
			list_commands(stderr, tool, word);
		} else {
			int w;

			fprintf(stderr, "unknown command '%s'", word);
			/* "--month 2026-11 monthly": a command's option
			 * given before the command takes no value there. */
			for (w = 2; w < argc; w++)
				if (argv[w] == word && command_option(
				    argv[w - 1]))
					fprintf(stderr, " (if it is the value of "
					    "%s, give that option after the "
					    "command)", argv[w - 1]);
			fprintf(stderr, "\nTry '%s --help' for the list of "
			    "commands.\n", tool->name);
		}
		return SECI_EXIT_USAGE;
	}
	if ((gopts = global_options_for(NULL, formats, sizeof(formats), fmtdoc,
	    sizeof(fmtdoc))) == NULL)
		return SECI_EXIT_SOFTWARE;
	doc = tool_doc(tool);
	argp.doc = doc;
	gargp.options = gopts;
	children[0].argp = &gargp;
	/* Only --help, --usage and --version get here without error. */
	argp_parse(&argp, argc, argv, ARGP_NO_ARGS, NULL, NULL);
	free(gopts);
	free(doc);
	fprintf(stderr, "%s: missing COMMAND\nTry '%s --help' for the list "
	    "of commands.\n", tool->name, tool->name);
	return SECI_EXIT_USAGE;
}

/* Fill ctx->out, year and as-of from the parsed global options. */
static int
settle_globals(struct seci_ctx *ctx, struct seci_err *err)
{
	const struct seci_cmd *cmd = ctx->cmd;
	char *end;
	long y;

	ctx->as_of = seci_clock_today();
	if (priv->as_of && seci_date_parse(priv->as_of, NULL, &ctx->as_of,
	    err) < 0)
		return seci_err_prefix(err, SECI_EXIT_USAGE, "--as-of");
	ctx->as_of_given = priv->as_of != NULL;
	if (priv->year) {
		y = strtol(priv->year, &end, 10);
		if (*end || end == priv->year || y < 1900 || y > 9999)
			return seci_err_set(err, SECI_EXIT_USAGE, "--year: bad "
			    "year '%s'", priv->year);
		ctx->year = (int)y;
		ctx->year_given = 1;
	} else {
		int m, d;

		seci_date_ymd(ctx->as_of, &ctx->year, &m, &d);
	}
	ctx->format_given = priv->format != NULL;
	ctx->out.fp = stdout;
	ctx->out.header = !priv->no_header;
	ctx->out.decimals = 2;
	if (cmd->formats == NULL) {
		ctx->format = priv->format ? priv->format :
		    !priv->output && isatty(STDOUT_FILENO) ? "table" : "csv";
		seci_format_parse(ctx->format, &ctx->out.format);
	} else if (priv->format) {
		ctx->format = priv->format;
	} else {
		static char first[16];

		snprintf(first, sizeof(first), "%.*s",
		    (int)strcspn(priv->formats, ","), priv->formats);
		ctx->format = first;
	}
	ctx->out.title = cmd->name;
	if (priv->output || strcmp(ctx->format, "xlsx") == 0 ||
	    strcmp(ctx->format, "pdf") == 0) {
		if ((priv->sink = seci_sink_open(ctx->format, priv->output,
		    &ctx->out.xlsx, err)) == NULL)
			return -1;
		/* A PDF is printed from the command's HTML. */
		if (strcmp(ctx->format, "pdf") == 0)
			ctx->format = "html";
	}
	return 0;
}

static int
open_db(struct seci_ctx *ctx)
{
	const char *path = seci_db_path(ctx->db_opt, &ctx->conf);
	unsigned mode = ctx->cmd->db & SECI_DB_MASK;
	char what[128];

	if (mode == SECI_DB_CREATE) {
		if (seci_auth_os_login(ctx->login, sizeof(ctx->login),
		    &ctx->err) < 0)
			return -1;
		ctx->roles = SECI_ROLE_DIRECTOR;
		ctx->db = seci_db_create(path, ctx->conf.busy_timeout_ms,
		    &ctx->err);
	} else {
		ctx->db = seci_db_open(path, ctx->conf.busy_timeout_ms,
		    &ctx->err);
		if (ctx->db != NULL && seci_auth_identify(ctx->db, ctx->login,
		    sizeof(ctx->login), &ctx->roles, &ctx->err) < 0)
			return -1;
	}
	if (ctx->db == NULL)
		return -1;
	if (ctx->verbose)
		fprintf(stderr, "%s: config %s, database %s, user %s\n",
		    ctx->tool->name, ctx->conf.file ? ctx->conf.file :
		    "(built-in defaults)", path, ctx->login);
	snprintf(what, sizeof(what), "'%s %s'", ctx->tool->name,
	    ctx->cmd->name);
	if (seci_auth_require(ctx->login, ctx->roles, ctx->cmd->roles, what,
	    &ctx->err) < 0)
		return -1;
	seci_db_set_actor(ctx->db, ctx->login, ctx->tool->name, ctx->cmdline);
	if (strcmp(ctx->login, ctx->os_login) != 0) {
		/* Acting as another login: the audit trail keeps who did. */
		char *cmd;

		if (asprintf(&cmd, "[os user %s] %s", ctx->os_login,
		    ctx->cmdline) >= 0) {
			seci_db_set_actor(ctx->db, ctx->login, ctx->tool->name,
			    cmd);
			free(cmd);
		}
	}
	/* A new database is already in its first transaction. */
	if (mode != SECI_DB_CREATE && (seci_db_migrate(ctx->db, &ctx->err) < 0 ||
	    ((ctx->cmd->db & SECI_DB_BULK) && seci_db_bulk(ctx->db,
	    &ctx->err) < 0) ||
	    (!(ctx->cmd->db & SECI_DB_OWN_TXN) && seci_db_begin(ctx->db,
	    mode != SECI_DB_READ, &ctx->err) < 0)))
		return -1;
	ctx->out.decimals = seci_db_decimals(ctx->db);
	ctx->out.roles = ctx->roles;
	return 0;
}

/* A checking command finds a damaged file rather than failing on it. */
static int
damaged_finding(struct seci_ctx *ctx)
{
	static const struct seci_col cols[] = {
		{ "check", SECI_COL_TEXT, 0 }, { "result", SECI_COL_TEXT, 0 },
		{ "detail", SECI_COL_TEXT, 0 },
	};
	struct seci_cell c[3];
	struct seci_out *o;
	char msg[sizeof(ctx->err.msg)];

	if (!(ctx->cmd->db & SECI_DB_CHECKS) || ctx->err.code != SECI_EXIT_DATA)
		return -1;
	snprintf(msg, sizeof(msg), "%s", ctx->err.msg);
	ctx->err.code = 0;
	c[0] = seci_cell_text("database");
	c[1] = seci_cell_text("failed");
	c[2] = seci_cell_text(msg);
	if ((o = seci_out_begin(&ctx->out, cols, 3, &ctx->err)) == NULL)
		return -1;
	if (seci_out_row(o, c, &ctx->err) < 0) {
		seci_out_abort(o);
		return -1;
	}
	if (seci_out_end(o, &ctx->err) < 0)
		return -1;
	ctx->status = SECI_EXIT_FINDINGS;
	return 0;
}

/* The output made (sink.h), once the command has succeeded. */
static int
sink_finish(struct seci_ctx *ctx)
{
	return priv->sink ? seci_sink_finish(priv->sink, &ctx->err) : 0;
}

/* The --output file put in place. */
static int
sink_publish(struct seci_ctx *ctx)
{
	struct seci_sink *s = priv->sink;

	priv->sink = NULL;
	return seci_sink_publish(s, &ctx->err);
}

static int
run_command(struct seci_ctx *ctx)
{
	unsigned mode = ctx->cmd->db & SECI_DB_MASK;
	int rc;

	if (seci_conf_load(&ctx->conf, ctx->config_opt, &ctx->err) < 0)
		return -1;
	if (mode != SECI_NO_DB && open_db(ctx) < 0)
		return damaged_finding(ctx) < 0 || sink_finish(ctx) < 0 ? -1 :
		    sink_publish(ctx);
	if (seci_opt_finish(ctx->cmd->opts, ctx->cmd->name, ctx->out.decimals,
	    ctx->as_of, &ctx->err) < 0)
		return -1;
	if (ctx->db)
		seci_db_set_date(ctx->db, seci_opt_record_date(ctx->cmd->opts,
		    ctx->as_of));
	rc = ctx->cmd->run(ctx);
	/* The workbook, the PDF or the --output file is made before any
	 * commit, so that a failure there keeps the changes out; the file
	 * takes its name once they are in. */
	if (rc == 0 && ctx->err.code == 0 && sink_finish(ctx) < 0)
		return -1;
	if (ctx->db == NULL)
		return rc == 0 && ctx->err.code == 0 ? sink_publish(ctx) : rc;
	/* What the command printed must reach stdout before its changes
	 * are committed: a full disk or a closed pipe keeps them out. */
	if (rc == 0 && ctx->err.code == 0 && (fflush(stdout) != 0 ||
	    ferror(stdout)))
		return seci_err_set(&ctx->err, SECI_EXIT_IOERR, "write error: "
		    "%s; nothing was changed", strerror(errno ? errno : EIO));
	if (rc == 0 && ctx->err.code == 0 && (ctx->dry_run ||
	    (ctx->cmd->db & SECI_DB_OWN_TXN))) {
		if (ctx->dry_run)
			seci_db_rollback(ctx->db);
		print_summary(ctx);
		return sink_publish(ctx);
	}
	if (rc == 0 && ctx->err.code == 0) {
		if (seci_db_commit(ctx->db, &ctx->err) < 0)
			return -1;
		print_summary(ctx);
		return seci_db_publish(ctx->db, &ctx->err) < 0 ? -1 :
		    sink_publish(ctx);
	}
	if (ctx->err.code == 0)
		seci_err_set(&ctx->err, SECI_EXIT_SOFTWARE, "command failed "
		    "without saying why");
	return -1;
}

/* At exit, what is still buffered for stdout (argp's --help, --usage
 * and --version print and exit) must reach it, or the status says so. */
static const char *progname = "seci";
static int returned;		/* seci_main returned: it checked stdout */

static void
close_stdout(void)
{
	if (!returned && (fflush(stdout) != 0 || ferror(stdout))) {
		fprintf(stderr, "%s: write error: %s\n", progname,
		    strerror(errno));
		_exit(SECI_EXIT_IOERR);
	}
}

static int run_main(const struct seci_tool *, int, char **);

/*
 * `--completion-spec`, for the build only (not in --help): the command
 * tables as lines of tab-separated fields, from which the shell
 * completion is generated, so that it cannot drift from --help:
 *   G  OPTION...            the global options ("--db=" takes a value)
 *   C  WORDS  OPTION...     a command and its options
 *   V  WORDS  OPTION  VALUE...   the values an option takes
 *   F  WORDS  FORMAT...     the command's -o formats
 */
static void
completion_spec(const struct seci_tool *tool)
{
	const struct argp_option *g;
	const struct seci_opt *o;
	const char *const *v;
	char fmts[128];
	size_t i;

	printf("G");
	for (g = global_options; g->name || g->doc; g++)
		if (g->name)
			printf("\t--%s%s", g->name, g->arg ? "=" : "");
	printf("\t--help\t--version\n");
	for (i = 0; i < tool->ncmds; i++) {
		const struct seci_cmd *c = &tool->cmds[i];

		printf("C\t%s", c->name);
		for (o = c->opts; o && o->name; o++)
			printf("\t--%s%s", o->name, o->type == SECI_OPT_FLAG ?
			    "" : "=");
		printf("\nF\t%s\t%s\n", c->name, seci_sink_formats(
		    c->formats ? c->formats : LISTING_FORMATS, fmts,
		    sizeof(fmts)));
		for (o = c->opts; o && o->name; o++) {
			v = o->type == SECI_OPT_ENUM ? o->values :
			    strcmp(o->name, "role") == 0 ? seci_role_names : NULL;
			if (v == NULL)
				continue;
			printf("V\t%s\t--%s", c->name, o->name);
			for (; *v; v++)
				printf("\t%s", *v);
			printf("\n");
		}
	}
}

int
seci_main(const struct seci_tool *tool, int argc, char **argv)
{
	int rc;

	progname = tool->name;
	atexit(close_stdout);
	if (argc == 2 && strcmp(argv[1], "--completion-spec") == 0) {
		completion_spec(tool);
		returned = 1;
		return 0;
	}
	rc = run_main(tool, argc, argv);
	returned = 1;
	return rc;
}

static int
run_main(const struct seci_tool *tool, int argc, char **argv)
{
	static char version[64];
	struct seci_ctx ctx;
	struct ctx_private p;
	struct argp_option *gopts = NULL, *copts = NULL;
	struct argp gargp = { NULL, global_parse, NULL, NULL, NULL, NULL,
	    NULL };
	struct argp_child children[] = {
		{ &gargp, 0, NULL, 0 }, { NULL, 0, NULL, 0 }
	};
	struct argp cargp = { NULL, NULL, NULL, NULL, children, NULL, NULL };
	const struct seci_cmd *cmd;
	char **nargv = NULL, fmtdoc[256];
	const char *words[2] = { NULL, NULL };
	int nargc = 0, rc, status, failed;

	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C");
	snprintf(version, sizeof(version), "%s (%s) %s", tool->name,
	    PACKAGE_NAME, PACKAGE_VERSION);
	argp_program_version = version;
	argp_err_exit_status = SECI_EXIT_USAGE;

	memset(&ctx, 0, sizeof(ctx));
	memset(&p, 0, sizeof(p));
	p.ctx = &ctx;
	priv = &p;
	ctx.tool = tool;
	ctx.err.report = report_stderr;
	ctx.err.report_arg = &ctx;
	seci_auth_real_login(ctx.os_login, sizeof(ctx.os_login));

	cmd = dispatch(tool, argc, argv, &nargc, &nargv, words, &ctx.err);
	if (cmd == NULL) {
		if (ctx.err.code) {
			fprintf(stderr, "%s: %s\n", tool->name, ctx.err.msg);
			return ctx.err.code;
		}
		return no_command(tool, argc, argv, words);
	}
	ctx.cmd = cmd;
	/* For the audit trail, without the personal data it is given. */
	if ((ctx.cmdline = seci_opt_command_line(cmd->opts, argc, argv)) ==
	    NULL)
		return SECI_EXIT_SOFTWARE;

	/* The global options, with -o described for this command. */
	if ((gopts = global_options_for(cmd->formats, p.formats,
	    sizeof(p.formats), fmtdoc, sizeof(fmtdoc))) == NULL)
		return SECI_EXIT_SOFTWARE;
	gargp.options = gopts;
	if (cmd->opts && (copts = seci_opt_argp(cmd->opts, CMD_KEY)) == NULL)
		return SECI_EXIT_SOFTWARE;
	cargp.options = copts;
	cargp.parser = cmd->opts ? cmd_parse : NULL;
	cargp.args_doc = cmd->args;
	cargp.doc = cmd->doc;

	argp_parse(&cargp, nargc, nargv, 0, NULL, &ctx);

	if (settle_globals(&ctx, &ctx.err) < 0)
		rc = -1;
	else
		rc = run_command(&ctx);
	failed = rc < 0 || ctx.err.code != 0;
	if (failed) {
		seci_sink_abort(p.sink);
		p.sink = NULL;
	}
	if (failed && ctx.db != NULL) {
		seci_db_rollback(ctx.db);
		if ((cmd->db & SECI_DB_MASK) == SECI_DB_CREATE) {
			seci_db_discard(ctx.db);
			ctx.db = NULL;
		}
	}
	seci_db_close(ctx.db);

	status = failed ? ctx.err.code : ctx.status;
	/* Data already written to stdout must reach it. */
	if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
		if (!failed) {
			seci_err_set(&ctx.err, SECI_EXIT_IOERR, "write error: "
			    "%s", strerror(errno ? errno : EIO));
			failed = 1;
			status = SECI_EXIT_IOERR;
		}
	}
	if (failed)
		fprintf(stderr, "%s: %s\n", tool->name, ctx.err.msg);
	seci_conf_release(&ctx.conf);
	free(ctx.args);
	free(ctx.cmdline);
	free(ctx.summary);
	free(nargv[0]);
	free(nargv);
	free(gopts);
	free(copts);
	return status;
}
