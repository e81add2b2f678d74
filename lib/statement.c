/* statement.c - balance sheet, financial performance, budget vs actual. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "budget.h"
#include "ledger.h"
#include "seci_priv.h"
#include "statement.h"

struct balance {
	char code[16];
	char name[96];
	char type[16];
	seci_money amount;
};

/* Every account's balance from dates from to to (inclusive); NULL from:
 * from the beginning. */
static int
fill_balance(sqlite3_stmt *st, void *item)
{
	struct balance *b = item;

	seci_db_col_text(st, 0, b->code, sizeof(b->code));
	seci_db_col_text(st, 1, b->name, sizeof(b->name));
	seci_db_col_text(st, 2, b->type, sizeof(b->type));
	b->amount = sqlite3_column_int64(st, 3);
	return 0;
}

static int
balances(struct seci_db *db, const char *from, seci_day to,
    struct balance **out, size_t *n, struct seci_err *err)
{
	sqlite3_stmt *st;
	char day[SECI_DATE_BUFSZ];

	*out = NULL;
	*n = 0;
	st = seci_db_stmt(db, "SELECT a.code, a.name, a.type, (SELECT "
	    "coalesce(sum(amount), 0) FROM ledger_day WHERE account = a.code "
	    "AND date <= ?1 AND (?2 IS NULL OR date >= ?2)) FROM accounts a "
	    "ORDER BY a.code", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, seci_date_format(to, day));
	seci_db_bind_text(st, 2, from);
	return seci_db_rows(db, st, sizeof(**out), fill_balance, out, n,
	    "ledger", err);
}

/* A row to fn. */
static int
emit(seci_statement_fn *fn, void *arg, const char *section,
    const char *account, const char *name, seci_money amount,
    seci_money previous, int total, struct seci_err *err)
{
	struct seci_statement_row r = { section, account, name, amount,
	    previous, total };

	return fn(arg, &r, err);
}

/*
 * Balances on to (from the beginning) with 3100 as the sheet shows it:
 * revenue less expenses not yet closed, i.e. all of them less what the
 * year-end closes moved to 3000 (posted to 3100).  Checked to balance.
 */
static int
sheet(struct seci_db *db, seci_day to, struct balance **b, size_t *n,
    seci_money total[3], struct seci_err *err)
{
	static const char *const types[] = { "asset", "liability",
	    "net_assets" };
	seci_money surplus = 0;
	size_t i;
	int s;

	if (balances(db, NULL, to, b, n, err) < 0)
		return -1;
	/* Revenue (credits, negative) less expenses: the surplus. */
	for (i = 0; i < *n; i++)
		if (strcmp((*b)[i].type, "revenue") == 0 ||
		    strcmp((*b)[i].type, "expense") == 0)
			surplus -= (*b)[i].amount;
	for (i = 0; i < *n; i++)
		if (strcmp((*b)[i].code, SECI_ACC_SURPLUS) == 0)
			(*b)[i].amount -= surplus;
	/* It must balance before anything is shown. */
	for (s = 0; s < 3; s++) {
		total[s] = 0;
		for (i = 0; i < *n; i++)
			if (strcmp((*b)[i].type, types[s]) == 0)
				total[s] += s == 0 ? (*b)[i].amount :
				    -(*b)[i].amount;
	}
	if (total[0] != total[1] + total[2])
		return seci_err_set(err, SECI_EXIT_SOFTWARE, "the balance sheet "
		    "does not balance: the ledger needs 'seci-admin check'");
	return 0;
}

int
seci_statement_balance_sheet(struct seci_db *db, seci_day as_of,
    seci_statement_fn *fn, void *arg, struct seci_err *err)
{
	static const char *const sections[] = { "assets", "liabilities",
	    "net_assets" };
	static const char *const types[] = { "asset", "liability",
	    "net_assets" };
	static const char *const totals[] = { "Total assets",
	    "Total liabilities", "Total net assets" };
	struct balance *b = NULL, *p = NULL;
	seci_money total[3], ptotal[3];
	size_t n, np, i;
	int s, y, m, d, rc = -1;

	/* Beside each figure, the previous year's end. */
	seci_date_ymd(as_of, &y, &m, &d);
	if (sheet(db, as_of, &b, &n, total, err) < 0 ||
	    sheet(db, seci_date_from_ymd(y - 1, 12, 31), &p, &np, ptotal,
	    err) < 0)
		goto out;
	for (s = 0; s < 3; s++) {
		for (i = 0; i < n && i < np; i++) {
			/* Debit balances are assets; liabilities and net
			 * assets are credits, shown positive. */
			seci_money v = s == 0 ? b[i].amount : -b[i].amount;
			seci_money pv = s == 0 ? p[i].amount : -p[i].amount;

			if (strcmp(b[i].type, types[s]) != 0 || (v == 0 &&
			    pv == 0))
				continue;
			if (emit(fn, arg, sections[s], b[i].code, b[i].name, v,
			    pv, 0, err) < 0)
				goto out;
		}
		if (emit(fn, arg, sections[s], "total", totals[s], total[s],
		    ptotal[s], 1, err) < 0)
			goto out;
	}
	rc = 0;
out:
	free(b);
	free(p);
	return rc;
}

/* Revenue and expenses from from to to: the rows, or only the sums. */
static int
period(struct seci_db *db, seci_day from, seci_day to, struct balance **b,
    size_t *n, struct seci_err *err)
{
	char day[SECI_DATE_BUFSZ];

	return balances(db, seci_date_format(from, day), to, b, n, err);
}

int
seci_statement_performance(struct seci_db *db, int year, seci_day as_of,
    seci_statement_fn *fn, void *arg, struct seci_err *err)
{
	struct balance *b = NULL, *p = NULL;
	seci_money sum[2] = { 0, 0 }, psum[2] = { 0, 0 };
	seci_day end = seci_date_from_ymd(year, 12, 31);
	size_t n, np, i;
	int s, rc = -1;

	/* Beside the year's figures, the whole of the year before. */
	if (period(db, seci_date_from_ymd(year, 1, 1), as_of < end ? as_of :
	    end, &b, &n, err) < 0 || period(db, seci_date_from_ymd(year - 1,
	    1, 1), seci_date_from_ymd(year - 1, 12, 31), &p, &np, err) < 0)
		goto out;
	for (s = 0; s < 2; s++) {
		for (i = 0; i < n && i < np; i++) {
			seci_money v = s == 0 ? -b[i].amount : b[i].amount;
			seci_money pv = s == 0 ? -p[i].amount : p[i].amount;

			if (strcmp(b[i].type, s == 0 ? "revenue" : "expense") !=
			    0 || (v == 0 && pv == 0))
				continue;
			sum[s] += v;
			psum[s] += pv;
			if (emit(fn, arg, s == 0 ? "revenue" : "expenses",
			    b[i].code, b[i].name, v, pv, 0, err) < 0)
				goto out;
		}
		if (emit(fn, arg, s == 0 ? "revenue" : "expenses", "total",
		    s == 0 ? "Total revenue" : "Total expenses", sum[s],
		    psum[s], 1, err) < 0)
			goto out;
	}
	rc = emit(fn, arg, "result", "surplus", "Surplus (deficit) for the "
	    "period", sum[0] - sum[1], psum[0] - psum[1], 1, err);
out:
	free(b);
	free(p);
	return rc;
}

/* ---- as rows ----------------------------------------------------------- */

static const struct seci_col statement_cols[] = {
	{ "section", SECI_COL_TEXT, 0 }, { "account", SECI_COL_TEXT, 0 },
	{ "name", SECI_COL_TEXT, 0 }, { "amount", SECI_COL_MONEY, 0 },
	{ "previous", SECI_COL_MONEY, 0 },
};

static int
statement_row(void *arg, const struct seci_statement_row *r,
    struct seci_err *err)
{
	struct seci_cell c[5];

	c[0] = seci_cell_text(r->section);
	c[1] = seci_cell_text(r->account);
	c[2] = seci_cell_text(r->name);
	c[3] = seci_cell_int(r->amount);
	c[4] = seci_cell_int(r->previous);
	/* Every row is data: the totals are part of the statement. */
	return seci_out_row(arg, c, err);
}

typedef int statement_fn(struct seci_db *, int, seci_day,
    seci_statement_fn *, void *, struct seci_err *);

static int
balance_sheet_of(struct seci_db *db, int year, seci_day as_of,
    seci_statement_fn *fn, void *arg, struct seci_err *err)
{
	(void)year;
	return seci_statement_balance_sheet(db, as_of, fn, arg, err);
}

static int
print_statement(struct seci_db *db, statement_fn *st, int year,
    seci_day as_of, const struct seci_out_opts *oo, struct seci_err *err)
{
	struct seci_out *o = seci_out_begin(oo, statement_cols, 5, err);

	if (o == NULL)
		return -1;
	if (st(db, year, as_of, statement_row, o, err) < 0) {
		seci_out_abort(o);
		return -1;
	}
	return seci_out_end(o, err);
}

int
seci_report_balance_sheet(struct seci_db *db, seci_day as_of,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	return print_statement(db, balance_sheet_of, 0, as_of, oo, err);
}

int
seci_report_performance(struct seci_db *db, int year, seci_day as_of,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	return print_statement(db, seci_statement_performance, year, as_of, oo,
	    err);
}

/* ---- budget vs actual -------------------------------------------------- */

static int
bva_row(void *arg, const struct seci_budget_row *r, struct seci_err *err)
{
	struct seci_cell c[8];

	c[0] = seci_cell_text(r->chapter);
	c[1] = seci_cell_text(r->line);
	c[2] = seci_cell_text(r->name);
	c[3] = seci_cell_int(r->f.initial);
	c[4] = seci_cell_int(r->f.revised);
	c[5] = seci_cell_int(r->f.spent);
	c[6] = seci_cell_int(r->f.revised - r->f.spent);
	c[7] = seci_cell_int(seci_money_pct10(r->f.spent, r->f.revised));
	return r->total ? seci_out_total(arg, c, err) : seci_out_row(arg, c,
	    err);
}

int
seci_report_budget_vs_actual(struct seci_db *db, int year, seci_day as_of,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "chapter", SECI_COL_TEXT, 0 }, { "line", SECI_COL_TEXT, 0 },
		{ "name", SECI_COL_TEXT, 0 }, { "original", SECI_COL_MONEY, 0 },
		{ "final", SECI_COL_MONEY, 0 }, { "actual", SECI_COL_MONEY, 0 },
		{ "difference", SECI_COL_MONEY, 0 },
		{ "executed_pct", SECI_COL_PCT, 0 },
	};
	struct seci_out *o;

	if (seci_budget_need(db, year, err) < 0)
		return -1;
	if ((o = seci_out_begin(oo, cols, 8, err)) == NULL)
		return -1;
	if (seci_budget_each(db, year, as_of, bva_row, o, err) < 0) {
		seci_out_abort(o);
		return -1;
	}
	return seci_out_end(o, err);
}
