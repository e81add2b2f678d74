/* report.c - statements, the monthly report, the schedule, the journal. */
#include "config.h"

#include <errno.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "admin.h"
#include "audit.h"
#include "budget.h"
#include "contrib.h"
#include "expense.h"
#include "ledger.h"
#include "money.h"
#include "report.h"
#include "seci_priv.h"

/* ---- rows collected from the other modules ------------------------------- */

struct grid_row {
	char **s;		/* each cell as text ("" for null) */
	int64_t *v;		/* and its number, for numeric columns */
	int total;
};

struct grid {
	int ncols;
	char *names[32];
	struct grid_row *r;
	size_t n, cap;
	int decimals;
};

static int
grid_collect(void *arg, const struct seci_col *cols,
    const struct seci_cell *cells, int ncols, int total,
    struct seci_err *err)
{
	struct grid *g = arg;
	struct grid_row *r;
	int i;

	if (g->ncols == 0) {
		g->ncols = ncols < 32 ? ncols : 32;
		for (i = 0; i < g->ncols; i++)
			g->names[i] = strdup(cols[i].name);
	}
	if (g->n == g->cap) {
		size_t cap = g->cap ? g->cap * 2 : 32;

		if ((r = realloc(g->r, cap * sizeof(*r))) == NULL)
			return seci_err_set(err, SECI_EXIT_SOFTWARE,
			    "out of memory");
		g->r = r;
		g->cap = cap;
	}
	r = &g->r[g->n++];
	r->total = total;
	r->s = calloc((size_t)g->ncols, sizeof(char *));
	r->v = calloc((size_t)g->ncols, sizeof(int64_t));
	if (r->s == NULL || r->v == NULL)
		return seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
	for (i = 0; i < g->ncols; i++) {
		char buf[SECI_MONEY_BUFSZ];
		const char *t = "";

		r->v[i] = cells[i].null ? 0 : cells[i].i;
		if (cells[i].null)
			t = "";
		else if (cols[i].type == SECI_COL_TEXT ||
		    cols[i].type == SECI_COL_DECIMAL)
			t = cells[i].s ? cells[i].s : "";
		else if (cols[i].type == SECI_COL_MONEY)
			t = seci_money_format(cells[i].i, g->decimals, ',',
			    buf);
		else if (cols[i].type == SECI_COL_PCT)
			snprintf(buf, sizeof(buf), "%lld.%lld",
			    (long long)cells[i].i / 10,
			    (long long)llabs(cells[i].i % 10)), t = buf;
		else
			snprintf(buf, sizeof(buf), "%lld",
			    (long long)cells[i].i), t = buf;
		if ((r->s[i] = strdup(t)) == NULL)
			return seci_err_set(err, SECI_EXIT_SOFTWARE,
			    "out of memory");
	}
	return 0;
}

static void
grid_free(struct grid *g)
{
	size_t i;
	int j;

	for (i = 0; i < g->n; i++) {
		for (j = 0; j < g->ncols; j++)
			free(g->r[i].s[j]);
		free(g->r[i].s);
		free(g->r[i].v);
	}
	for (j = 0; j < g->ncols; j++)
		free(g->names[j]);
	free(g->r);
	memset(g, 0, sizeof(*g));
}

static int
col(const struct grid *g, const char *name)
{
	int i;

	for (i = 0; i < g->ncols; i++)
		if (strcmp(g->names[i], name) == 0)
			return i;
	return -1;
}

static struct seci_out_opts
grid_opts(struct grid *g, const struct seci_db *db)
{
	struct seci_out_opts o;

	memset(g, 0, sizeof(*g));
	g->decimals = db->decimals;
	memset(&o, 0, sizeof(o));
	o.format = SECI_FMT_ROWS;
	o.decimals = db->decimals;
	o.row_fn = grid_collect;
	o.row_arg = g;
	return o;
}

/* ---- ledger balances ----------------------------------------------------- */

struct balance {
	char code[16];
	char name[96];
	char type[16];
	seci_money amount;
};

/* Every account's balance from dates from to to (inclusive); NULL from:
 * from the beginning. */
static int
balances(struct seci_db *db, const char *from, seci_day to,
    struct balance **out, size_t *n, struct seci_err *err)
{
	struct balance *b = NULL;
	sqlite3_stmt *st;
	char day[SECI_DATE_BUFSZ];
	size_t cap = 0;
	int rc;

	st = seci_db_stmt(db, "SELECT a.code, a.name, a.type, (SELECT "
	    "coalesce(sum(p.amount), 0) FROM ledger_posting p JOIN ledger_txn "
	    "t ON t.id = p.txn_id WHERE p.account = a.code AND t.closed = 1 AND "
	    "t.date <= ?1 AND (?2 IS NULL OR t.date >= ?2)) FROM accounts a "
	    "ORDER BY a.code", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, seci_date_format(to, day));
	seci_db_bind_text(st, 2, from);
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (seci_grow(&b, &cap, *n, sizeof(*b)) < 0)
			break;
		snprintf(b[*n].code, sizeof(b[*n].code), "%s",
		    (const char *)sqlite3_column_text(st, 0));
		snprintf(b[*n].name, sizeof(b[*n].name), "%s",
		    (const char *)sqlite3_column_text(st, 1));
		snprintf(b[*n].type, sizeof(b[*n].type), "%s",
		    (const char *)sqlite3_column_text(st, 2));
		b[*n].amount = sqlite3_column_int64(st, 3);
		(*n)++;
	}
	sqlite3_reset(st);
	*out = b;
	if (rc != SQLITE_DONE)
		return rc == SQLITE_ROW ? seci_err_set(err, SECI_EXIT_SOFTWARE,
		    "out of memory") : seci_db_fail(db, rc, "ledger", err);
	return 0;
}

static const struct seci_col statement_cols[] = {
	{ "section", SECI_COL_TEXT }, { "account", SECI_COL_TEXT },
	{ "name", SECI_COL_TEXT }, { "amount", SECI_COL_MONEY },
};

static int
statement_row(struct seci_out *o, const char *section, const char *account,
    const char *name, seci_money amount, struct seci_err *err)
{
	struct seci_cell c[4];

	c[0] = seci_cell_text(section);
	c[1] = seci_cell_text(account);
	c[2] = seci_cell_text(name);
	c[3] = seci_cell_int(amount);
	return seci_out_row(o, c, err);
}

int
seci_report_balance_sheet(struct seci_db *db, seci_day as_of,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	static const char *const sections[] = { "assets", "liabilities",
	    "net_assets" };
	static const char *const types[] = { "asset", "liability",
	    "net_assets" };
	struct balance *b = NULL;
	struct seci_out *o = NULL;
	seci_money total[3] = { 0, 0, 0 }, surplus = 0, adv;
	size_t n, i;
	int s, rc = -1;

	if (balances(db, NULL, as_of, &b, &n, err) < 0 ||
	    seci_contrib_advances(db, as_of, &adv, err) < 0)
		goto out;
	/* Receivables gross of the credits some Parties hold; those credits
	 * under received in advance. */
	for (i = 0; i < n; i++)
		if (strcmp(b[i].code, SECI_ACC_RECEIVABLE) == 0)
			b[i].amount += adv;
		else if (strcmp(b[i].code, SECI_ACC_ADVANCE) == 0)
			b[i].amount -= adv;
	/* Revenue (credits, negative) less expenses: the surplus. */
	for (i = 0; i < n; i++)
		if (strcmp(b[i].type, "revenue") == 0 ||
		    strcmp(b[i].type, "expense") == 0)
			surplus -= b[i].amount;
	for (i = 0; i < n; i++)
		if (strcmp(b[i].code, "3100") == 0)
			b[i].amount = -surplus;
	if ((o = seci_out_begin(oo, statement_cols, 4, err)) == NULL)
		goto out;
	for (s = 0; s < 3; s++) {
		for (i = 0; i < n; i++) {
			/* Debit balances are assets; liabilities and net
			 * assets are credits, shown positive. */
			seci_money v = s == 0 ? b[i].amount : -b[i].amount;

			if (strcmp(b[i].type, types[s]) != 0 || v == 0)
				continue;
			total[s] += v;
			if (statement_row(o, sections[s], b[i].code, b[i].name,
			    v, err) < 0)
				goto out;
		}
		if (statement_row(o, sections[s], "total", s == 0 ? "Total "
		    "assets" : s == 1 ? "Total liabilities" : "Total net "
		    "assets", total[s], err) < 0)
			goto out;
	}
	if (total[0] != total[1] + total[2]) {
		seci_err_set(err, SECI_EXIT_SOFTWARE, "the balance sheet does "
		    "not balance: the ledger needs 'seci-admin check'");
		goto out;
	}
	rc = seci_out_end(o, err);
	o = NULL;
out:
	seci_out_abort(o);
	free(b);
	return rc;
}

int
seci_report_performance(struct seci_db *db, int year, seci_day as_of,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	struct balance *b = NULL;
	struct seci_out *o = NULL;
	seci_money rev = 0, exp = 0;
	seci_day end = seci_date_from_ymd(year, 12, 31);
	char from[SECI_DATE_BUFSZ];
	size_t n, i;
	int s, rc = -1;

	seci_date_format(seci_date_from_ymd(year, 1, 1), from);
	if (balances(db, from, as_of < end ? as_of : end, &b, &n, err) < 0)
		goto out;
	if ((o = seci_out_begin(oo, statement_cols, 4, err)) == NULL)
		goto out;
	for (s = 0; s < 2; s++) {
		for (i = 0; i < n; i++) {
			seci_money v = s == 0 ? -b[i].amount : b[i].amount;

			if (strcmp(b[i].type, s == 0 ? "revenue" : "expense") !=
			    0 || v == 0)
				continue;
			*(s == 0 ? &rev : &exp) += v;
			if (statement_row(o, s == 0 ? "revenue" : "expenses",
			    b[i].code, b[i].name, v, err) < 0)
				goto out;
		}
		if (statement_row(o, s == 0 ? "revenue" : "expenses", "total",
		    s == 0 ? "Total revenue" : "Total expenses", s == 0 ? rev :
		    exp, err) < 0)
			goto out;
	}
	if (statement_row(o, "result", "surplus", "Surplus (deficit) for the "
	    "period", rev - exp, err) < 0)
		goto out;
	rc = seci_out_end(o, err);
	o = NULL;
out:
	seci_out_abort(o);
	free(b);
	return rc;
}

int
seci_report_budget_vs_actual(struct seci_db *db, int year, seci_day as_of,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "chapter", SECI_COL_TEXT }, { "line", SECI_COL_TEXT },
		{ "name", SECI_COL_TEXT }, { "original", SECI_COL_MONEY },
		{ "final", SECI_COL_MONEY }, { "actual", SECI_COL_MONEY },
		{ "difference", SECI_COL_MONEY },
		{ "executed_pct", SECI_COL_PCT },
	};
	struct grid g;
	struct seci_out_opts go = grid_opts(&g, db);
	struct seci_out *o = NULL;
	struct seci_cell c[8];
	size_t i;
	int rc = -1, ch, ln, nm, in, rv, sp;

	if (seci_budget_show(db, year, as_of, 0, &go, err) < 0)
		goto out;
	ch = col(&g, "chapter");
	ln = col(&g, "line");
	nm = col(&g, "name");
	in = col(&g, "initial");
	rv = col(&g, "revised");
	sp = col(&g, "spent");
	if ((o = seci_out_begin(oo, cols, 8, err)) == NULL)
		goto out;
	for (i = 0; i < g.n; i++) {
		const struct grid_row *r = &g.r[i];

		c[0] = seci_cell_text(r->s[ch]);
		c[1] = seci_cell_text(r->s[ln]);
		c[2] = seci_cell_text(r->s[nm]);
		c[3] = seci_cell_int(r->v[in]);
		c[4] = seci_cell_int(r->v[rv]);
		c[5] = seci_cell_int(r->v[sp]);
		c[6] = seci_cell_int(r->v[rv] - r->v[sp]);
		c[7] = seci_cell_int(seci_money_pct10(r->v[sp], r->v[rv]));
		if ((r->total ? seci_out_total(o, c, err) :
		    seci_out_row(o, c, err)) < 0)
			goto out;
	}
	rc = seci_out_end(o, err);
	o = NULL;
out:
	seci_out_abort(o);
	grid_free(&g);
	return rc;
}

/* ---- the journal --------------------------------------------------------- */

static const char journal_sql[] = "SELECT t.id, t.date, t.memo, t.source, "
    "p.account, a.name, p.amount, a.type FROM ledger_txn t JOIN "
    "ledger_posting p ON p.txn_id = t.id JOIN accounts a ON a.code = "
    "p.account WHERE t.closed = 1 ORDER BY t.date, t.id, "
    "p.id";

static const char *
hledger_top(const char *type)
{
	if (strcmp(type, "asset") == 0)
		return "assets";
	if (strcmp(type, "liability") == 0)
		return "liabilities";
	if (strcmp(type, "net_assets") == 0)
		return "equity";
	if (strcmp(type, "revenue") == 0)
		return "revenues";
	return "expenses";
}

/* Text that hledger reads as it is: no ';' (a comment), no ':' in an
 * account name, no two blanks in a row. */
static void
hledger_text(FILE *fp, const char *s, int account)
{
	for (; *s; s++) {
		if (*s == ';' || *s == '\n' || *s == '\t' || (account &&
		    *s == ':'))
			putc(*s == ';' ? ',' : ' ', fp);
		else if (*s == ' ' && s[1] == ' ')
			continue;
		else
			putc(*s, fp);
	}
}

int
seci_report_ledger(struct seci_db *db, int hledger,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "txn", SECI_COL_INT }, { "date", SECI_COL_TEXT },
		{ "memo", SECI_COL_TEXT }, { "source", SECI_COL_TEXT },
		{ "account", SECI_COL_TEXT }, { "account_name", SECI_COL_TEXT },
		{ "amount", SECI_COL_MONEY },
	};
	sqlite3_stmt *st;
	char buf[SECI_MONEY_BUFSZ];
	FILE *fp = oo->fp ? oo->fp : stdout;
	int64_t last = -1, id;
	int rc;

	if ((st = seci_db_stmt(db, journal_sql, err)) == NULL)
		return -1;
	if (!hledger)
		return seci_db_print(db, st, cols, 7, oo, err);
	fputs("; general journal of ", fp);
	hledger_text(fp, seci_admin_org(db, err), 0);
	fprintf(fp, ", amounts in %s\n\n", db->currency);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		if (id != last) {
			if (last >= 0)
				putc('\n', fp);
			fprintf(fp, "%s (%lld) ", (const char *)
			    sqlite3_column_text(st, 1), (long long)id);
			hledger_text(fp, (const char *)sqlite3_column_text(st,
			    2), 0);
			putc('\n', fp);
			last = id;
		}
		fprintf(fp, "    %s:%s ", hledger_top((const char *)
		    sqlite3_column_text(st, 7)), (const char *)
		    sqlite3_column_text(st, 4));
		hledger_text(fp, (const char *)sqlite3_column_text(st, 5), 1);
		fprintf(fp, "  %s %s\n", seci_money_format(
		    sqlite3_column_int64(st, 6), db->decimals, 0, buf),
		    db->currency);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return seci_db_fail(db, rc, "ledger", err);
	if (fflush(fp) != 0 || ferror(fp))
		return seci_err_set(err, SECI_EXIT_IOERR, "write error: %s",
		    strerror(errno ? errno : EIO));
	return 0;
}

/* ---- the monthly report -------------------------------------------------- */

static const char *const month_names[] = { "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October",
    "November", "December" };

struct monthly {
	struct grid exec, status, arrears, sheet, commits;
	char org[256];
	char seal[SECI_HASH_HEX];
	int64_t records;
	int year, month;
	seci_day as_of;
	const char *currency;
	int decimals;
};

static void
monthly_free(struct monthly *m)
{
	grid_free(&m->exec);
	grid_free(&m->status);
	grid_free(&m->arrears);
	grid_free(&m->sheet);
	grid_free(&m->commits);
}

static int
monthly_collect(struct seci_db *db, struct monthly *m, long rule_years,
    struct seci_err *err)
{
	struct seci_out_opts o;
	int overdue;

	snprintf(m->org, sizeof(m->org), "%s", seci_admin_org(db, err));
	if (err->code)
		return -1;
	m->currency = db->currency;
	m->decimals = db->decimals;
	o = grid_opts(&m->exec, db);
	/* A year without a budget has nothing to execute: no section. */
	if (seci_budget_show(db, m->year, m->as_of, 1, &o, err) < 0) {
		if (err->code != SECI_EXIT_DATA)
			return -1;
		seci_err_clear(err);
	}
	o = grid_opts(&m->status, db);
	if (seci_contrib_status(db, m->year, m->as_of, &o, err) < 0)
		return -1;
	o = grid_opts(&m->arrears, db);
	if (seci_contrib_arrears(db, m->as_of, rule_years, &o, &overdue,
	    err) < 0)
		return -1;
	o = grid_opts(&m->sheet, db);
	if (seci_report_balance_sheet(db, m->as_of, &o, err) < 0)
		return -1;
	o = grid_opts(&m->commits, db);
	if (seci_commit_list(db, m->year, m->as_of, &o, err) < 0)
		return -1;
	return seci_audit_seal(db, &m->records, m->seal, err);
}

/* Width of UTF-8 text in characters. */
static size_t
u8width(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* Text left-aligned in w characters, cut (with '~') when longer. */
static void
cell(FILE *fp, const char *s, size_t w)
{
	size_t n = 0;

	for (; *s && n < w; s++) {
		if (((unsigned char)*s & 0xc0) != 0x80) {
			if (n + 1 == w && u8width(s) > 1) {
				putc('~', fp);
				n++;
				break;
			}
			n++;
		}
		/* a control character from imported data is not obeyed */
		putc((unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s, fp);
	}
	/* finish a multi-byte character already begun */
	while (*s && ((unsigned char)*s & 0xc0) == 0x80)
		putc(*s++, fp);
	for (; n < w; n++)
		putc(' ', fp);
}

static void
rule(FILE *fp, char c)
{
	int i;

	for (i = 0; i < 96; i++)
		putc(c, fp);
	putc('\n', fp);
}

static void
heading(FILE *fp, const char *title)
{
	fprintf(fp, "\n%s\n", title);
	rule(fp, '-');
}

static void
text_monthly(FILE *fp, const struct monthly *m)
{
	char day[SECI_DATE_BUFSZ], buf[SECI_MONEY_BUFSZ];
	const struct grid *g;
	size_t i;
	int c1, c2, c3, c4, c5, c6, c7, c8, shown;

	fprintf(fp, "%s\n", m->org);
	fprintf(fp, "Monthly budget report: %s %d\n", month_names[m->month - 1],
	    m->year);
	fprintf(fp, "As of %s; amounts in %s\n", seci_date_format(m->as_of,
	    day), m->currency);
	rule(fp, '=');

	g = &m->exec;
	heading(fp, "1. Budget execution by chapter and line");
	if (g->n == 0) {
		fprintf(fp, "No budget for %d.\n", m->year);
	} else {
		fprintf(fp, "%-5s %-26s %14s %12s %14s %14s %6s\n", "Line",
		    "Name", "Revised", "Month", "Year to date", "Available",
		    "Exec%");
		c1 = col(g, "line");
		c2 = col(g, "name");
		c3 = col(g, "revised");
		c4 = col(g, "month_spent");
		c5 = col(g, "spent");
		c6 = col(g, "available");
		c7 = col(g, "executed_pct");
		for (i = 0; i < g->n; i++) {
			const struct grid_row *r = &g->r[i];

			cell(fp, r->s[c1], 5);
			putc(' ', fp);
			cell(fp, r->s[c2], 26);
			fprintf(fp, " %14s %12s %14s %14s %6s\n", r->s[c3],
			    r->s[c4], r->s[c5], r->s[c6], r->s[c7]);
			if (r->total && i + 1 < g->n && !g->r[i + 1].total)
				putc('\n', fp);
		}
	}

	g = &m->status;
	heading(fp, "2. Contributions");
	fprintf(fp, "%-6s %-24s %14s %14s %14s %6s %8s\n", "Party", "Name",
	    "Assessed", "Paid", "Outstanding", "Paid%", "Overdue");
	c1 = col(g, "party");
	c2 = col(g, "name");
	c3 = col(g, "assessed");
	c4 = col(g, "paid");
	c5 = col(g, "outstanding");
	c6 = col(g, "paid_pct");
	c7 = col(g, "days_overdue");
	for (i = 0; i < g->n; i++) {
		const struct grid_row *r = &g->r[i];

		if (r->total) {
			fprintf(fp, "%-6s %-24s %14s %14s %14s %6s\n", "Total",
			    "", r->s[c3], r->s[c4], r->s[c5], r->s[c6]);
			fprintf(fp, "(%s)\n", r->s[c2]);
			continue;
		}
		cell(fp, r->s[c1], 6);
		putc(' ', fp);
		cell(fp, r->s[c2], 24);
		fprintf(fp, " %14s %14s %14s %6s %8s\n", r->s[c3], r->s[c4],
		    r->s[c5], r->s[c6], r->v[c7] ? r->s[c7] : "");
	}

	g = &m->arrears;
	fprintf(fp, "\nArrears (overdue, by days past the due date)\n");
	fprintf(fp, "%-6s %13s %13s %13s %13s %14s %9s\n", "Party", "1-90",
	    "91-180", "181-365", "over 365", "Total", "Two-year");
	c1 = col(g, "party");
	c2 = col(g, "d1_90");
	c3 = col(g, "d91_180");
	c4 = col(g, "d181_365");
	c5 = col(g, "over_365");
	c6 = col(g, "total_overdue");
	c7 = col(g, "two_year_rule");
	for (i = 0, shown = 0; i < g->n; i++) {
		const struct grid_row *r = &g->r[i];

		if (r->v[c6] == 0)
			continue;
		cell(fp, r->total ? "Total" : r->s[c1], 6);
		fprintf(fp, " %13s %13s %13s %13s %14s %9s\n", r->s[c2],
		    r->s[c3], r->s[c4], r->s[c5], r->s[c6], r->s[c7]);
		shown++;
	}
	if (shown == 0)
		fprintf(fp, "Nothing overdue.\n");

	g = &m->sheet;
	c1 = col(g, "section");
	c2 = col(g, "account");
	c3 = col(g, "name");
	c4 = col(g, "amount");
	heading(fp, "3. Cash");
	for (i = 0, shown = 0; i < g->n; i++)
		if (strcmp(g->r[i].s[c2], "1000") == 0) {
			fprintf(fp, "%-40s %14s\n", g->r[i].s[c3],
			    g->r[i].s[c4]);
			shown++;
		}
	if (shown == 0)
		fprintf(fp, "%-40s %14s\n", "Bank", seci_money_format(0,
		    m->decimals, ',', buf));

	g = &m->commits;
	heading(fp, "4. Open commitments");
	c5 = col(g, "line");
	c6 = col(g, "ref");
	c7 = col(g, "payee");
	c8 = col(g, "remaining");
	for (i = 0, shown = 0; i < g->n; i++) {
		const struct grid_row *r = &g->r[i];

		if (strcmp(r->s[col(g, "status")], "open") != 0 ||
		    r->v[c8] == 0)
			continue;
		if (shown++ == 0)
			fprintf(fp, "%-5s %-20s %-50s %14s\n", "Line", "Ref",
			    "Payee", "Remaining");
		cell(fp, r->s[c5], 5);
		putc(' ', fp);
		cell(fp, r->s[c6], 20);
		putc(' ', fp);
		cell(fp, r->s[c7], 50);
		fprintf(fp, " %14s\n", r->s[c8]);
	}
	if (shown == 0)
		fprintf(fp, "None.\n");

	g = &m->sheet;
	heading(fp, "5. Assets and liabilities");
	for (i = 0; i < g->n; i++) {
		const struct grid_row *r = &g->r[i];
		int total = strcmp(r->s[c2], "total") == 0;

		if (total)
			fprintf(fp, "%-5s %-60s %14s\n\n", "", r->s[c3],
			    r->s[c4]);
		else
			fprintf(fp, "%-5s %-60s %14s\n", r->s[c2], r->s[c3],
			    r->s[c4]);
	}

	heading(fp, "6. Audit seal");
	fprintf(fp, "%lld audit records; head hash\n%s\n", (long long)
	    m->records, m->seal);
	fprintf(fp, "Keep this hash outside the database: 'seci-admin audit "
	    "verify' and this\nseal together show that no record was changed "
	    "or removed.\n");
}

static void
html_text(FILE *fp, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '<': fputs("&lt;", fp); break;
		case '>': fputs("&gt;", fp); break;
		case '&': fputs("&amp;", fp); break;
		case '"': fputs("&quot;", fp); break;
		default: putc(*s, fp);
		}
	}
}

/* A table of some of a grid's columns; numeric ones right-aligned. */
static void
html_table(FILE *fp, const struct grid *g, const char *const *cols,
    const char *const *heads, int n, int skip_zero_col)
{
	size_t i;
	int j, k;

	fputs("<table>\n<tr>", fp);
	for (j = 0; j < n; j++) {
		fputs("<th>", fp);
		html_text(fp, heads[j]);
		fputs("</th>", fp);
	}
	fputs("</tr>\n", fp);
	for (i = 0; i < g->n; i++) {
		const struct grid_row *r = &g->r[i];

		if (skip_zero_col >= 0 && r->v[skip_zero_col] == 0)
			continue;
		k = col(g, "account");
		fputs(r->total || (k >= 0 && strcmp(r->s[k], "total") == 0) ?
		    "<tr class=\"total\">" : "<tr>", fp);
		for (j = 0; j < n; j++) {
			k = col(g, cols[j]);
			fputs(j > 1 ? "<td class=\"n\">" : "<td>", fp);
			if (k >= 0)
				html_text(fp, r->s[k]);
			fputs("</td>", fp);
		}
		fputs("</tr>\n", fp);
	}
	fputs("</table>\n", fp);
}

/*
 * A horizontal bar chart: per row a label and two values, drawn as a
 * light bar (of) and a dark one (part) on the same scale.
 */
static void
html_bars(FILE *fp, const struct grid *g, const char *label,
    const char *part, const char *of, const char *part_name,
    const char *of_name, const char *dark, int stacked)
{
	size_t i, rows = 0;
	int64_t max = 0;
	int lc = col(g, label), pc = col(g, part), oc = col(g, of), y;
	const int left = 70, width = 560, bar = 14, gap = 6;

	for (i = 0; i < g->n; i++) {
		int64_t v;

		if (g->r[i].total)
			continue;
		v = stacked ? g->r[i].v[pc] + g->r[i].v[oc] : g->r[i].v[oc];
		if (g->r[i].v[pc] > v)
			v = g->r[i].v[pc];
		if (v > max)
			max = v;
		rows++;
	}
	if (rows == 0 || max <= 0)
		return;
	fprintf(fp, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
	    "height=\"%zu\" role=\"img\">\n", left + width + 20,
	    rows * (bar + gap) + 30);
	y = 4;
	for (i = 0; i < g->n; i++) {
		const struct grid_row *r = &g->r[i];
		double wo, wp;

		if (r->total)
			continue;
		/* Pixels only: the figures are in the tables. */
		wp = (double)r->v[pc] * width / (double)max;
		wo = (double)r->v[oc] * width / (double)max;
		fprintf(fp, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">",
		    left - 6, y + bar - 3);
		html_text(fp, r->s[lc]);
		fputs("</text>\n", fp);
		if (stacked) {
			fprintf(fp, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" "
			    "height=\"%d\" fill=\"%s\"/>\n", left, y, wp, bar,
			    dark);
			fprintf(fp, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
			    "height=\"%d\" fill=\"#e8a0a0\"/>\n", left + wp, y,
			    wo, bar);
		} else {
			fprintf(fp, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" "
			    "height=\"%d\" fill=\"#c9d6e8\"/>\n", left, y, wo,
			    bar);
			fprintf(fp, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" "
			    "height=\"%d\" fill=\"%s\"/>\n", left, y + 3, wp,
			    bar - 6, dark);
		}
		y += bar + gap;
	}
	fprintf(fp, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"10\" "
	    "fill=\"%s\"/><text x=\"%d\" y=\"%d\">", left, y + 6, dark,
	    left + 16, y + 15);
	html_text(fp, part_name);
	fprintf(fp, "</text><rect x=\"%d\" y=\"%d\" width=\"12\" height=\"10\" "
	    "fill=\"%s\"/><text x=\"%d\" y=\"%d\">", left + 180, y + 6,
	    stacked ? "#e8a0a0" : "#c9d6e8", left + 196, y + 15);
	html_text(fp, of_name);
	fputs("</text>\n</svg>\n", fp);
}

static void
html_monthly(FILE *fp, const struct monthly *m)
{
	static const char *const ecols[] = { "line", "name", "revised",
	    "month_spent", "spent", "available", "executed_pct" };
	static const char *const eheads[] = { "Line", "Name", "Revised",
	    "Month", "Year to date", "Available", "Executed %" };
	static const char *const scols[] = { "party", "name", "assessed",
	    "paid", "outstanding", "paid_pct", "days_overdue" };
	static const char *const sheads[] = { "Party", "Name", "Assessed",
	    "Paid", "Outstanding", "Paid %", "Days overdue" };
	static const char *const acols[] = { "party", "name", "d1_90",
	    "d91_180", "d181_365", "over_365", "total_overdue",
	    "two_year_rule" };
	static const char *const aheads[] = { "Party", "Name", "1-90",
	    "91-180", "181-365", "Over 365", "Total", "Two-year rule" };
	static const char *const bcols[] = { "account", "name", "amount" };
	static const char *const bheads[] = { "Account", "Name", "Amount" };
	static const char *const ccols[] = { "line", "ref", "payee",
	    "remaining" };
	static const char *const cheads[] = { "Line", "Ref", "Payee",
	    "Remaining" };
	char day[SECI_DATE_BUFSZ], title[160];

	snprintf(title, sizeof(title), "Monthly budget report: %s %d",
	    month_names[m->month - 1], m->year);
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta "
	    "charset=\"utf-8\">\n<title>", fp);
	html_text(fp, m->org);
	fputs(" &mdash; ", fp);
	html_text(fp, title);
	fputs("</title>\n<style>\n"
	    "@page { size: A4; margin: 15mm; }\n"
	    "body { font: 10pt/1.35 sans-serif; color: #222; margin: 2em; "
	    "max-width: 190mm; }\n"
	    "h1 { font-size: 16pt; margin: 0; } h2 { font-size: 12pt; "
	    "border-bottom: 1px solid #888; margin-top: 1.6em; "
	    "page-break-after: avoid; }\n"
	    "p.meta { color: #555; margin: .2em 0 1em; }\n"
	    "table { border-collapse: collapse; width: 100%; margin: .5em 0; "
	    "page-break-inside: auto; }\n"
	    "tr { page-break-inside: avoid; }\n"
	    "th, td { padding: 2px 6px; border-bottom: 1px solid #ddd; "
	    "text-align: left; }\n"
	    "th { background: #eef1f5; } td.n { text-align: right; "
	    "font-variant-numeric: tabular-nums; white-space: nowrap; }\n"
	    "tr.total td { font-weight: bold; border-top: 1px solid #888; }\n"
	    "svg { font: 9pt sans-serif; margin: .5em 0; }\n"
	    "code { font-size: 8.5pt; word-break: break-all; }\n"
	    "</style>\n</head>\n<body>\n<h1>", fp);
	html_text(fp, m->org);
	fputs("</h1>\n<h2 style=\"border:0;margin-top:.3em\">", fp);
	html_text(fp, title);
	fprintf(fp, "</h2>\n<p class=\"meta\">As of %s; amounts in %s</p>\n",
	    seci_date_format(m->as_of, day), m->currency);

	fputs("<h2>1. Budget execution by chapter and line</h2>\n", fp);
	if (m->exec.n) {
		html_bars(fp, &m->exec, "line", "spent", "revised", "Spent",
		    "Revised appropriation", "#2f5c8f", 0);
		html_table(fp, &m->exec, ecols, eheads, 7, -1);
	} else {
		fprintf(fp, "<p>No budget for %d.</p>\n", m->year);
	}
	fputs("<h2>2. Contributions</h2>\n", fp);
	html_bars(fp, &m->status, "party", "paid", "outstanding", "Paid",
	    "Outstanding", "#3c8a4e", 1);
	html_table(fp, &m->status, scols, sheads, 7, -1);
	fputs("<h3>Arrears</h3>\n", fp);
	html_table(fp, &m->arrears, acols, aheads, 8, col(&m->arrears,
	    "total_overdue"));
	fputs("<h2>3. Cash, assets and liabilities</h2>\n", fp);
	html_table(fp, &m->sheet, bcols, bheads, 3, -1);
	fputs("<h2>4. Open commitments</h2>\n", fp);
	html_table(fp, &m->commits, ccols, cheads, 4, col(&m->commits,
	    "remaining"));
	fprintf(fp, "<h2>5. Audit seal</h2>\n<p>%lld audit records; head "
	    "hash <code>%s</code>. Keep it outside the database.</p>\n"
	    "</body>\n</html>\n", (long long)m->records, m->seal);
}

int
seci_report_monthly(struct seci_db *db, seci_day month, seci_day as_of,
    enum seci_doc_format fmt, long rule_years, FILE *fp,
    struct seci_err *err)
{
	struct seci_out_opts o;
	struct monthly m;
	char day[SECI_DATE_BUFSZ];
	int d, rc = -1, overdue;

	memset(&m, 0, sizeof(m));
	seci_date_ymd(month, &m.year, &m.month, &d);
	/* The month's end, unless the report is asked for before it. */
	m.as_of = seci_date_add_months(seci_date_from_ymd(m.year, m.month, 1),
	    1) - 1;
	if (as_of < m.as_of)
		m.as_of = as_of;
	if (fmt == SECI_DOC_JSON) {
		memset(&o, 0, sizeof(o));
		o.format = SECI_FMT_JSON;
		o.header = 1;
		o.decimals = db->decimals;
		o.fp = fp;
		fprintf(fp, "{\"month\":\"%04d-%02d\",\"as_of\":\"%s\","
		    "\"currency\":\"%s\",\n\"execution\":", m.year, m.month,
		    seci_date_format(m.as_of, day), db->currency);
		if (seci_budget_show(db, m.year, m.as_of, 1, &o, err) < 0) {
			if (err->code != SECI_EXIT_DATA)
				return -1;
			seci_err_clear(err);
			fputs("[]\n", fp);
		}
		fputs(",\"contributions\":", fp);
		if (seci_contrib_status(db, m.year, m.as_of, &o, err) < 0)
			return -1;
		fputs(",\"arrears\":", fp);
		if (seci_contrib_arrears(db, m.as_of, rule_years, &o, &overdue,
		    err) < 0)
			return -1;
		fputs(",\"balance_sheet\":", fp);
		if (seci_report_balance_sheet(db, m.as_of, &o, err) < 0 ||
		    seci_audit_seal(db, &m.records, m.seal, err) < 0)
			return -1;
		fprintf(fp, ",\"audit_seal\":{\"records\":%lld,\"head_hash\":"
		    "\"%s\"}}\n", (long long)m.records, m.seal);
		rc = 0;
	} else if (monthly_collect(db, &m, rule_years, err) == 0) {
		if (fmt == SECI_DOC_HTML)
			html_monthly(fp, &m);
		else
			text_monthly(fp, &m);
		rc = 0;
	}
	monthly_free(&m);
	if (rc == 0 && (fflush(fp) != 0 || ferror(fp)))
		rc = seci_err_set(err, SECI_EXIT_IOERR, "write error: %s",
		    strerror(errno ? errno : EIO));
	return rc;
}

/* ---- the schedule -------------------------------------------------------- */

static const char *const report_kinds[] = { "monthly", "execution",
    "contributions", "arrears", "balance-sheet", "performance",
    "budget-vs-actual", NULL };

static int
kind_ok(const char *k)
{
	int i;

	for (i = 0; report_kinds[i]; i++)
		if (strcmp(report_kinds[i], k) == 0)
			return 1;
	return 0;
}

static int
format_ok(const char *kind, const char *f)
{
	if (strcmp(kind, "monthly") == 0)
		return strcmp(f, "text") == 0 || strcmp(f, "json") == 0 ||
		    strcmp(f, "html") == 0;
	return strcmp(f, "csv") == 0 || strcmp(f, "tsv") == 0 ||
	    strcmp(f, "json") == 0;
}

int
seci_schedule_add(struct seci_db *db, const struct seci_schedule *s,
    struct seci_err *err)
{
	const char *fmt = s->format ? s->format :
	    strcmp(s->report, "monthly") == 0 ? "text" : "csv";
	char day[SECI_DATE_BUFSZ], *after;
	sqlite3_stmt *st;
	int rc;

	if (s->name == NULL || *s->name == '\0' || strchr(s->name, '/') ||
	    s->name[0] == '.' || strlen(s->name) > 64)
		return seci_err_set(err, SECI_EXIT_USAGE, "bad schedule name "
		    "'%s': it names files, so 1 to 64 characters, no '/' and "
		    "no leading '.'",
		    s->name ? s->name : "");
	if (!kind_ok(s->report))
		return seci_err_set(err, SECI_EXIT_USAGE, "unknown report '%s' "
		    "(monthly, execution, contributions, arrears, "
		    "balance-sheet, performance, budget-vs-actual)", s->report);
	if (strcmp(s->every, "month") && strcmp(s->every, "quarter") &&
	    strcmp(s->every, "year"))
		return seci_err_set(err, SECI_EXIT_USAGE, "--every: month, "
		    "quarter or year");
	if (s->day < 1 || s->day > 28)
		return seci_err_set(err, SECI_EXIT_USAGE, "--day: 1 to 28");
	if (!format_ok(s->report, fmt))
		return seci_err_set(err, SECI_EXIT_USAGE, "format '%s' is not "
		    "one of %s", fmt, strcmp(s->report, "monthly") == 0 ?
		    "text, json, html" : "csv, tsv, json");
	st = seci_db_stmt(db, "INSERT INTO report_schedule (name, report, "
	    "every, day, format, start) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT "
	    "DO NOTHING", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, s->name);
	seci_db_bind_text(st, 2, s->report);
	seci_db_bind_text(st, 3, s->every);
	sqlite3_bind_int(st, 4, s->day);
	seci_db_bind_text(st, 5, fmt);
	seci_db_bind_text(st, 6, seci_date_format(s->start, day));
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	if (sqlite3_changes(db->h) == 0)
		return seci_err_set(err, SECI_EXIT_DATA, "schedule '%s' exists "
		    "already", s->name);
	if ((after = seci_audit_row_json(db, "report_schedule", "name",
	    s->name, err)) == NULL)
		return -1;
	rc = seci_audit_append(db, "report_schedule", s->name, NULL, after,
	    err);
	free(after);
	return rc;
}

int
seci_schedule_remove(struct seci_db *db, const char *name,
    struct seci_err *err)
{
	sqlite3_stmt *st;
	char *before;
	int rc;

	if ((before = seci_audit_row_json(db, "report_schedule", "name", name,
	    err)) == NULL)
		return err->code ? -1 : seci_err_set(err, SECI_EXIT_DATA,
		    "no schedule '%s'", name);
	st = seci_db_stmt(db, "DELETE FROM report_schedule WHERE name = ?",
	    err);
	if (st == NULL) {
		free(before);
		return -1;
	}
	seci_db_bind_text(st, 1, name);
	if (seci_db_exec_stmt(db, st, err) < 0) {
		free(before);
		return -1;
	}
	rc = seci_audit_append(db, "report_schedule", name, before, NULL, err);
	free(before);
	return rc;
}

int
seci_schedule_list(struct seci_db *db, const struct seci_out_opts *oo,
    struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "name", SECI_COL_TEXT }, { "report", SECI_COL_TEXT },
		{ "every", SECI_COL_TEXT }, { "day", SECI_COL_INT },
		{ "format", SECI_COL_TEXT }, { "start", SECI_COL_TEXT },
		{ "last_period", SECI_COL_TEXT },
	};
	sqlite3_stmt *st;

	st = seci_db_stmt(db, "SELECT name, report, every, day, format, start, "
	    "(SELECT max(period) FROM report_run WHERE schedule = s.name) FROM "
	    "report_schedule s ORDER BY name", err);
	if (st == NULL)
		return -1;
	return seci_db_print(db, st, cols, 7, oo, err);
}

struct period {
	char name[16];		/* 2026-11, 2026-Q4, 2026 */
	seci_day first, last, due;
};

/* Period number n of a kind (months since year 0, quarters, years). */
static void
period_of(const char *every, int n, int day, struct period *p)
{
	int y, m, months = every[0] == 'm' ? 1 : every[0] == 'q' ? 3 : 12;

	y = n * months / 12;
	m = n * months % 12 + 1;
	p->first = seci_date_from_ymd(y, m, 1);
	p->last = seci_date_add_months(p->first, months) - 1;
	/* Due on the day'th day after the period ends. */
	p->due = p->last + day;
	if (months == 1)
		snprintf(p->name, sizeof(p->name), "%04d-%02d", y, m);
	else if (months == 3)
		snprintf(p->name, sizeof(p->name), "%04d-Q%d", y, (m - 1) / 3 + 1);
	else
		snprintf(p->name, sizeof(p->name), "%04d", y);
}

static int
period_index(const char *every, seci_day day)
{
	int y, m, d;

	seci_date_ymd(day, &y, &m, &d);
	if (every[0] == 'm')
		return y * 12 + m - 1;
	if (every[0] == 'q')
		return y * 4 + (m - 1) / 3;
	return y;
}

struct sched {
	char name[128], report[32], every[16], format[8];
	int day;
	seci_day start;
};

static int
load_schedules(struct seci_db *db, struct sched **out, size_t *n,
    struct seci_err *err)
{
	struct seci_err ignore = SECI_ERR_INIT;
	struct sched *s = NULL;
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	st = seci_db_stmt(db, "SELECT name, report, every, day, format, start "
	    "FROM report_schedule ORDER BY name", err);
	if (st == NULL)
		return -1;
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (seci_grow(&s, &cap, *n, sizeof(*s)) < 0)
			break;
		snprintf(s[*n].name, sizeof(s[*n].name), "%s",
		    (const char *)sqlite3_column_text(st, 0));
		snprintf(s[*n].report, sizeof(s[*n].report), "%s",
		    (const char *)sqlite3_column_text(st, 1));
		snprintf(s[*n].every, sizeof(s[*n].every), "%s",
		    (const char *)sqlite3_column_text(st, 2));
		s[*n].day = sqlite3_column_int(st, 3);
		snprintf(s[*n].format, sizeof(s[*n].format), "%s",
		    (const char *)sqlite3_column_text(st, 4));
		seci_date_parse((const char *)sqlite3_column_text(st, 5), NULL,
		    &s[*n].start, &ignore);
		(*n)++;
	}
	sqlite3_reset(st);
	*out = s;
	if (rc != SQLITE_DONE)
		return rc == SQLITE_ROW ? seci_err_set(err, SECI_EXIT_SOFTWARE,
		    "out of memory") : seci_db_fail(db, rc, "schedule", err);
	return 0;
}

/* The path a period's report was produced at, or "" (buf). */
static int
produced(struct seci_db *db, const char *schedule, const char *period,
    char *buf, size_t size, struct seci_err *err)
{
	sqlite3_stmt *st;
	int rc;

	buf[0] = '\0';
	st = seci_db_stmt(db, "SELECT path FROM report_run WHERE schedule = ? "
	    "AND period = ?", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, schedule);
	seci_db_bind_text(st, 2, period);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		snprintf(buf, size, "%s", (const char *)sqlite3_column_text(st,
		    0));
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return seci_db_fail(db, rc, "schedule", err);
	return 0;
}

int
seci_schedule_due(struct seci_db *db, seci_day as_of,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "schedule", SECI_COL_TEXT }, { "report", SECI_COL_TEXT },
		{ "period", SECI_COL_TEXT }, { "due", SECI_COL_TEXT },
		{ "produced", SECI_COL_TEXT },
	};
	struct sched *s = NULL;
	struct seci_out *o = NULL;
	struct seci_cell c[5];
	struct period p;
	char due[SECI_DATE_BUFSZ], path[4096];
	size_t n, i;
	int k, rc = -1;

	if (load_schedules(db, &s, &n, err) < 0 ||
	    (o = seci_out_begin(oo, cols, 5, err)) == NULL)
		goto out;
	for (i = 0; i < n; i++)
		for (k = period_index(s[i].every, s[i].start); ; k++) {
			period_of(s[i].every, k, s[i].day, &p);
			if (p.due > as_of)
				break;
			if (produced(db, s[i].name, p.name, path, sizeof(path),
			    err) < 0)
				goto out;
			c[0] = seci_cell_text(s[i].name);
			c[1] = seci_cell_text(s[i].report);
			c[2] = seci_cell_text(p.name);
			c[3] = seci_cell_text(seci_date_format(p.due, due));
			c[4] = seci_cell_text(path);
			if (seci_out_row(o, c, err) < 0)
				goto out;
		}
	rc = seci_out_end(o, err);
	o = NULL;
out:
	seci_out_abort(o);
	free(s);
	return rc;
}

/* Write one report for a period into fp. */
static int
produce(struct seci_db *db, const struct sched *s, const struct period *p,
    long rule_years, FILE *fp, struct seci_err *err)
{
	struct seci_out_opts o;
	int y, m, d;

	seci_date_ymd(p->last, &y, &m, &d);
	if (strcmp(s->report, "monthly") == 0)
		return seci_report_monthly(db, seci_date_from_ymd(y, m, 1),
		    p->last, s->format[0] == 'j' ? SECI_DOC_JSON :
		    s->format[0] == 'h' ? SECI_DOC_HTML : SECI_DOC_TEXT,
		    rule_years, fp, err);
	memset(&o, 0, sizeof(o));
	seci_format_parse(s->format, &o.format);
	o.header = 1;
	o.decimals = db->decimals;
	o.fp = fp;
	if (strcmp(s->report, "execution") == 0)
		return seci_budget_show(db, y, p->last, 1, &o, err);
	if (strcmp(s->report, "contributions") == 0)
		return seci_contrib_status(db, y, p->last, &o, err);
	if (strcmp(s->report, "arrears") == 0)
		return seci_contrib_arrears(db, p->last, rule_years, &o, &d,
		    err);
	if (strcmp(s->report, "balance-sheet") == 0)
		return seci_report_balance_sheet(db, p->last, &o, err);
	if (strcmp(s->report, "performance") == 0)
		return seci_report_performance(db, y, p->last, &o, err);
	return seci_report_budget_vs_actual(db, y, p->last, &o, err);
}

static int
record_run(struct seci_db *db, const struct sched *s, const struct period *p,
    const char *path, const char *sha, const char *before,
    struct seci_err *err)
{
	sqlite3_stmt *st;
	char now[32], key[160], *after;
	time_t t = time(NULL);
	struct tm tm;
	int rc;

	gmtime_r(&t, &tm);
	strftime(now, sizeof(now), "%Y-%m-%dT%H:%M:%SZ", &tm);
	st = seci_db_stmt(db, "INSERT INTO report_run (schedule, period, path, "
	    "sha256, produced) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO "
	    "UPDATE SET path = ?3, sha256 = ?4, produced = ?5", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, s->name);
	seci_db_bind_text(st, 2, p->name);
	seci_db_bind_text(st, 3, path);
	seci_db_bind_text(st, 4, sha);
	seci_db_bind_text(st, 5, now);
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	snprintf(key, sizeof(key), "%s/%s", s->name, p->name);
	st = seci_db_stmt(db, "SELECT json_object('schedule', schedule, "
	    "'period', period, 'path', path, 'sha256', sha256) FROM report_run "
	    "WHERE schedule = ? AND period = ?", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, s->name);
	seci_db_bind_text(st, 2, p->name);
	after = sqlite3_step(st) == SQLITE_ROW ? strdup((const char *)
	    sqlite3_column_text(st, 0)) : NULL;
	sqlite3_reset(st);
	if (after == NULL)
		return seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
	rc = seci_audit_append(db, "report_run", key, before, after, err);
	free(after);
	return rc;
}

static int
sha256_file(const char *path, char *hex, struct seci_err *err)
{
	crypto_hash_sha256_state h;
	unsigned char buf[65536], md[crypto_hash_sha256_BYTES];
	FILE *fp = fopen(path, "r");
	size_t n;

	if (fp == NULL)
		return seci_err_set(err, SECI_EXIT_IOERR, "cannot read '%s': %s",
		    path, strerror(errno));
	crypto_hash_sha256_init(&h);
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		crypto_hash_sha256_update(&h, buf, n);
	fclose(fp);
	crypto_hash_sha256_final(&h, md);
	sodium_bin2hex(hex, 65, md, sizeof(md));
	return 0;
}

/* Produce one period's report into outdir; its path into path. */
static int
run_one(struct seci_db *db, const struct sched *s, const struct period *p,
    const char *outdir, const char *done, long rule_years, char *path,
    size_t size, struct seci_err *err)
{
	char tmp[4200], sha[65], *before = NULL;
	sqlite3_stmt *st;
	FILE *fp;
	int fd, rc;

	snprintf(path, size, "%s/%s-%s.%s", outdir, s->name, p->name,
	    strcmp(s->format, "text") == 0 ? "txt" : s->format);
	/* Written whole beside it, then renamed: a reader never sees half a
	 * report. */
	snprintf(tmp, sizeof(tmp), "%s/.%s-%s.XXXXXX", outdir, s->name,
	    p->name);
	if ((fd = mkstemp(tmp)) < 0 || (fp = fdopen(fd, "w")) == NULL) {
		seci_err_set(err, SECI_EXIT_CANTCREAT, "cannot create a report "
		    "in '%s': %s", outdir, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		return -1;
	}
	fchmod(fd, 0640);
	rc = produce(db, s, p, rule_years, fp, err);
	if (fclose(fp) != 0 && rc == 0)
		rc = seci_err_set(err, SECI_EXIT_IOERR, "cannot write '%s': %s",
		    path, strerror(errno));
	if (rc == 0 && rename(tmp, path) < 0)
		rc = seci_err_set(err, SECI_EXIT_CANTCREAT, "cannot create "
		    "'%s': %s", path, strerror(errno));
	if (rc < 0) {
		unlink(tmp);
		return -1;
	}
	if (done[0]) {
		st = seci_db_stmt(db, "SELECT json_object('schedule', schedule, "
		    "'period', period, 'path', path, 'sha256', sha256) FROM "
		    "report_run WHERE schedule = ? AND period = ?", err);
		if (st == NULL)
			return -1;
		seci_db_bind_text(st, 1, s->name);
		seci_db_bind_text(st, 2, p->name);
		if (sqlite3_step(st) == SQLITE_ROW)
			before = strdup((const char *)sqlite3_column_text(st,
			    0));
		sqlite3_reset(st);
	}
	rc = sha256_file(path, sha, err) < 0 ? -1 : record_run(db, s, p, path,
	    sha, before, err);
	free(before);
	return rc;
}

int
seci_schedule_run_due(struct seci_db *db, seci_day as_of, const char *outdir,
    int force, long rule_years, FILE *out, struct seci_err *err)
{
	struct sched *s = NULL;
	struct period p;
	char path[4096], done[4096];
	size_t n, i;
	int k, last, failed = 0;

	struct stat st;

	if (stat(outdir, &st) < 0 || !S_ISDIR(st.st_mode) ||
	    access(outdir, W_OK | X_OK) < 0)
		return seci_err_set(err, SECI_EXIT_CANTCREAT, "cannot write "
		    "reports in '%s': %s", outdir, errno ? strerror(errno) :
		    "not a folder");
	if (load_schedules(db, &s, &n, err) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		/* The last period due; nothing if even the first is not. */
		for (last = -1, k = period_index(s[i].every, s[i].start); ;
		    k++) {
			period_of(s[i].every, k, s[i].day, &p);
			if (p.due > as_of)
				break;
			last = k;
		}
		for (k = period_index(s[i].every, s[i].start); k <= last; k++) {
			period_of(s[i].every, k, s[i].day, &p);
			if (produced(db, s[i].name, p.name, done, sizeof(done),
			    err) < 0)
				goto fail;
			if (done[0] && !(force && k == last))
				continue;
			if (run_one(db, &s[i], &p, outdir, done, rule_years,
			    path, sizeof(path), err) < 0) {
				/* A database error ends the run; a report
				 * that cannot be made is told and skipped,
				 * so one schedule never blocks the others. */
				if (err->code == SECI_EXIT_BUSY ||
				    err->code == SECI_EXIT_SOFTWARE)
					goto fail;
				seci_err_report(err, SECI_ERROR, "schedule %s, "
				    "%s: %s", s[i].name, p.name, err->msg);
				seci_err_clear(err);
				failed++;
				break;
			}
			fprintf(out, "%s\n", path);
		}
	}
	free(s);
	return failed;
fail:
	free(s);
	return -1;
}
