/* asset.c - fixed assets and their depreciation. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "asset.h"
#include "audit.h"
#include "bankbook.h"
#include "budget.h"
#include "ledger.h"
#include "seci_priv.h"
#include "year.h"

seci_money
seci_asset_charge(seci_money cost, int months, int k)
{
	if (k < 1 || k > months)
		return 0;
	return (seci_money)((__int128)cost * k / months -
	    (__int128)cost * (k - 1) / months);
}

/* Months since year 0: y * 12 + (m - 1). */
static int
month_index(seci_day day)
{
	int y, m, d;

	seci_date_ymd(day, &y, &m, &d);
	return y * 12 + m - 1;
}

static seci_day
month_end(int mi)
{
	int y = mi / 12, m = mi % 12 + 1;

	return seci_date_from_ymd(y, m, seci_date_days_in_month(y, m));
}

int
seci_asset_add(struct seci_db *db, const struct seci_asset *a, int64_t *id,
    struct seci_err *err)
{
	struct seci_ledger_ref ref = { "asset", 0, 0 };
	struct seci_posting p[2];
	struct seci_line l;
	char day[SECI_DATE_BUFSZ], memo[160];
	sqlite3_stmt *st;
	int y;

	if (a->tag == NULL || *a->tag == '\0' || a->description == NULL)
		return seci_err_set(err, SECI_EXIT_USAGE, "asset add: --tag and "
		    "--desc are required");
	if (a->cost <= 0)
		return seci_err_set(err, SECI_EXIT_DATA, "an asset's cost must "
		    "be above zero");
	if (a->life_years < 1 || a->life_years > 100)
		return seci_err_set(err, SECI_EXIT_USAGE, "--life-years must be "
		    "from 1 to 100");
	y = seci_year_of(a->acquired);
	if (seci_year_writable(db, y, err) < 0)
		return -1;
	if (a->line != NULL) {
		if (seci_budget_line(db, y, a->line, &l, err) < 0)
			return -1;
		if (strcmp(l.kind, "capital") != 0)
			return seci_err_set(err, SECI_EXIT_DATA, "line %s is %s, "
			    "not a capital line", a->line, l.kind);
	}
	st = seci_db_stmt(db, "INSERT INTO asset (tag, description, acquired, "
	    "cost, life_years, line_id) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT "
	    "DO NOTHING", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, a->tag);
	seci_db_bind_text(st, 2, a->description);
	seci_db_bind_text(st, 3, seci_date_format(a->acquired, day));
	sqlite3_bind_int64(st, 4, a->cost);
	sqlite3_bind_int(st, 5, a->life_years);
	if (a->line != NULL)
		sqlite3_bind_int64(st, 6, l.id);
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	if (sqlite3_changes(db->h) == 0)
		return seci_err_set(err, SECI_EXIT_DATA, "asset '%s' already "
		    "exists", a->tag);
	*id = sqlite3_last_insert_rowid(db->h);
	if (a->line == NULL) {
		ref.source_id = *id;
		snprintf(memo, sizeof(memo), "asset %s onto the register",
		    a->tag);
		memset(p, 0, sizeof(p));
		p[0].account = SECI_ACC_FIXED_ASSETS;
		p[0].amount = a->cost;
		p[1].account = SECI_ACC_NET_ASSETS;
		p[1].amount = -a->cost;
		if (seci_ledger_post(db, a->acquired, memo, &ref, p, 2, NULL,
		    err) < 0)
			return -1;
	}
	return seci_audit_added(db, "asset", "tag", a->tag, err);
}

struct charge {
	int month;
	int64_t asset;
	seci_money amount;
};

static int
cmp_charge(const void *a, const void *b)
{
	const struct charge *x = a, *y = b;

	if (x->month != y->month)
		return x->month < y->month ? -1 : 1;
	return x->asset < y->asset ? -1 : x->asset > y->asset;
}

/*
 * Post depreciation through month `last` (an index) for one asset, or
 * for all when asset is 0.  Months of closed years (and of the years
 * before the last closed one) are left alone.
 */
static int
depreciate(struct seci_db *db, int64_t asset, int last, struct seci_err *err)
{
	struct charge *ch = NULL;
	size_t n = 0, cap = 0, i, j;
	sqlite3_stmt *st, *ins;
	struct seci_ledger_ref ref = { "depreciation", 0, 0 };
	struct seci_posting p[2];
	char month[16], memo[64];
	char json[96];
	int rc, last_closed, months = 0;

	if (seci_year_last_closed(db, &last_closed, err) < 0)
		return -1;
	st = seci_db_stmt(db, "SELECT a.id, a.acquired, a.cost, a.life_years, "
	    "a.disposed_on, (SELECT max(month) FROM depreciation WHERE "
	    "asset_id = a.id) FROM asset a WHERE (?1 = 0 OR a.id = ?1) AND "
	    "a.disposed_on IS NULL ORDER BY a.id", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, asset);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct seci_err ignore = SECI_ERR_INIT;
		seci_day acq;
		seci_money cost = sqlite3_column_int64(st, 2);
		int life = sqlite3_column_int(st, 3) * 12, first, k, from, y,
		    m;
		const char *done = (const char *)sqlite3_column_text(st, 5);

		seci_date_parse((const char *)sqlite3_column_text(st, 1), NULL,
		    &acq, &ignore);
		first = month_index(acq);
		from = first;
		if (done != NULL && sscanf(done, "%d-%d", &y, &m) == 2)
			from = y * 12 + m;	/* the month after */
		for (k = from - first + 1; k <= life && first + k - 1 <= last;
		    k++) {
			if (seci_grow(&ch, &cap, n, sizeof(*ch)) < 0) {
				free(ch);
				sqlite3_reset(st);
				return seci_err_set(err, SECI_EXIT_SOFTWARE,
				    "out of memory");
			}
			ch[n].month = first + k - 1;
			ch[n].asset = sqlite3_column_int64(st, 0);
			ch[n].amount = seci_asset_charge(cost, life, k);
			n++;
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(ch);
		return seci_db_fail(db, rc, "depreciation", err);
	}
	if (n > 0)
		qsort(ch, n, sizeof(*ch), cmp_charge);
	for (i = 0; i < n; i = j) {
		seci_money total = 0;

		for (j = i; j < n && ch[j].month == ch[i].month; j++)
			total += ch[j].amount;
		if (ch[i].month / 12 <= last_closed || total == 0)
			continue;
		snprintf(month, sizeof(month), "%04d-%02d", ch[i].month / 12,
		    ch[i].month % 12 + 1);
		snprintf(memo, sizeof(memo), "depreciation %s", month);
		memset(p, 0, sizeof(p));
		p[0].account = SECI_ACC_DEPRECIATION;
		p[0].amount = total;
		p[1].account = SECI_ACC_ACCUM_DEPRECIATION;
		p[1].amount = -total;
		{
			int64_t txn;

			if (seci_ledger_post(db, month_end(ch[i].month), memo,
			    &ref, p, 2, &txn, err) < 0)
				goto fail;
			for (; i < j; i++) {
				if (ch[i].amount == 0)
					continue;
				ins = seci_db_stmt(db, "INSERT INTO depreciation "
				    "(asset_id, month, amount, txn_id) VALUES "
				    "(?, ?, ?, ?)", err);
				if (ins == NULL)
					goto fail;
				sqlite3_bind_int64(ins, 1, ch[i].asset);
				seci_db_bind_text(ins, 2, month);
				sqlite3_bind_int64(ins, 3, ch[i].amount);
				sqlite3_bind_int64(ins, 4, txn);
				if (seci_db_exec_stmt(db, ins, err) < 0)
					goto fail;
			}
		}
		months++;
	}
	free(ch);
	if (months == 0)
		return 0;
	/* One audit record for the run: how many months, through when. */
	snprintf(json, sizeof(json), "{\"months\":%d,\"through\":\"%s\"}",
	    months, month);
	if (seci_audit_append(db, "depreciation", month, NULL, json, err) < 0)
		return -1;
	return months;
fail:
	free(ch);
	return -1;
}

int
seci_asset_depreciate(struct seci_db *db, seci_day through,
    struct seci_err *err)
{
	int last = month_index(through);

	/* Only months that have ended. */
	if (through < month_end(last))
		last--;
	return depreciate(db, 0, last, err);
}

int
seci_asset_each(struct seci_db *db, seci_day as_of, seci_asset_fn *fn,
    void *arg, struct seci_err *err)
{
	struct seci_err ignore = SECI_ERR_INIT;
	struct seci_asset_row r;
	sqlite3_stmt *st;
	char day[SECI_DATE_BUFSZ];
	int rc, k, months, stop = 0;

	st = seci_db_stmt(db, "SELECT a.tag, a.description, a.acquired, l.code, "
	    "a.cost, a.life_years, a.disposed_on, a.proceeds FROM asset a "
	    "LEFT JOIN budget_line l ON l.id = a.line_id WHERE a.acquired <= ? "
	    "ORDER BY a.acquired, a.tag", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, seci_date_format(as_of, day));
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *disposed = (const char *)sqlite3_column_text(st, 6);

		memset(&r, 0, sizeof(r));
		r.tag = (const char *)sqlite3_column_text(st, 0);
		r.description = (const char *)sqlite3_column_text(st, 1);
		seci_date_parse((const char *)sqlite3_column_text(st, 2), NULL,
		    &r.acquired, &ignore);
		r.line = (const char *)sqlite3_column_text(st, 3);
		r.cost = sqlite3_column_int64(st, 4);
		r.life_years = sqlite3_column_int(st, 5);
		months = r.life_years * 12;
		k = month_index(as_of) - month_index(r.acquired) + 1;
		if (disposed && seci_date_parse(disposed, NULL, &r.disposed_on,
		    &ignore) == 0 && r.disposed_on <= as_of) {
			k = month_index(r.disposed_on) - month_index(r.acquired) +
			    1;
			r.disposed = 1;
			r.proceeds = sqlite3_column_int64(st, 7);
		}
		if (k > months)
			k = months;
		r.depreciation = (seci_money)((__int128)r.cost * k / months);
		r.net_book_value = r.disposed ? 0 : r.cost - r.depreciation;
		stop = fn(arg, &r, err) < 0;
	}
	sqlite3_reset(st);
	if (stop)
		return -1;
	return rc == SQLITE_DONE ? 0 : seci_db_fail(db, rc, "asset", err);
}

static int
list_row(void *arg, const struct seci_asset_row *r, struct seci_err *err)
{
	struct seci_cell c[10];
	char acq[SECI_DATE_BUFSZ], disp[SECI_DATE_BUFSZ];

	c[0] = seci_cell_text(r->tag);
	c[1] = seci_cell_text(r->description);
	c[2] = seci_cell_text(seci_date_format(r->acquired, acq));
	c[3] = seci_cell_text(r->line);
	c[4] = seci_cell_int(r->cost);
	c[5] = seci_cell_int(r->life_years);
	c[6] = seci_cell_int(r->depreciation);
	c[7] = seci_cell_int(r->net_book_value);
	c[8] = r->disposed ? seci_cell_text(seci_date_format(r->disposed_on,
	    disp)) : seci_cell_null();
	c[9] = r->disposed ? seci_cell_int(r->proceeds) : seci_cell_null();
	return seci_out_row(arg, c, err);
}

int
seci_asset_list(struct seci_db *db, seci_day as_of,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "tag", SECI_COL_TEXT, 0 }, { "description", SECI_COL_TEXT, 0 },
		{ "acquired", SECI_COL_TEXT, 0 }, { "line", SECI_COL_TEXT, 0 },
		{ "cost", SECI_COL_MONEY, 0 }, { "life_years", SECI_COL_INT, 0 },
		{ "depreciation", SECI_COL_MONEY, 0 },
		{ "net_book_value", SECI_COL_MONEY, 0 },
		{ "disposed_on", SECI_COL_TEXT, 0 }, { "proceeds", SECI_COL_MONEY, 0 },
	};
	struct seci_out *o = seci_out_begin(oo, cols, 10, err);

	if (o == NULL)
		return -1;
	if (seci_asset_each(db, as_of, list_row, o, err) < 0) {
		seci_out_abort(o);
		return -1;
	}
	return seci_out_end(o, err);
}

/* Off the books: cost and its depreciation; the proceeds (into MAIN)
 * less the net book value are a gain (or a loss). */
static int
post_disposal(struct seci_db *db, int64_t id, const char *tag, seci_day date,
    seci_money cost, seci_money acc, seci_money proceeds,
    struct seci_err *err)
{
	struct seci_ledger_ref ref = { "asset", 0, 0 };
	struct seci_posting p[4];
	struct seci_bankacct main;
	char memo[160];
	seci_money gain = proceeds - (cost - acc);
	int64_t txn;
	int n = 0;

	memset(p, 0, sizeof(p));
	p[n].account = SECI_ACC_FIXED_ASSETS;
	p[n++].amount = -cost;
	if (acc > 0) {
		p[n].account = SECI_ACC_ACCUM_DEPRECIATION;
		p[n++].amount = acc;
	}
	if (proceeds > 0) {
		p[n].account = SECI_ACC_BANK;	/* MAIN's */
		p[n++].amount = proceeds;
	}
	if (gain != 0) {
		p[n].account = gain > 0 ? SECI_ACC_OTHER_REVENUE :
		    SECI_ACC_DISPOSAL_LOSS;
		p[n++].amount = -gain;
	}
	ref.source_id = id;
	snprintf(memo, sizeof(memo), "asset %s disposed of", tag);
	if (seci_ledger_post(db, date, memo, &ref, p, (size_t)n, &txn,
	    err) < 0)
		return -1;
	if (proceeds == 0)
		return 0;
	return seci_bank_get(db, NULL, &main, err) < 0 ? -1 :
	    seci_bank_move(db, &main, date, proceeds, proceeds, "asset sale",
	    id, memo, txn, err);
}

int
seci_asset_dispose(struct seci_db *db, const char *tag, seci_day date,
    seci_money proceeds, struct seci_err *err)
{
	struct seci_err ignore = SECI_ERR_INIT;
	struct seci_audit_change c;
	char day[SECI_DATE_BUFSZ];
	sqlite3_stmt *st;
	seci_money cost, acc;
	seci_day acq;
	int64_t id;
	int rc;

	if (proceeds < 0)
		return seci_err_set(err, SECI_EXIT_DATA, "proceeds cannot be "
		    "negative");
	if (seci_year_writable_day(db, date, err) < 0)
		return -1;
	st = seci_db_stmt(db, "SELECT id, acquired, cost, disposed_on FROM "
	    "asset WHERE tag = ?", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, tag);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? seci_err_set(err, SECI_EXIT_DATA,
		    "no asset '%s'", tag) : seci_db_fail(db, rc, "asset", err);
	}
	id = sqlite3_column_int64(st, 0);
	seci_date_parse((const char *)sqlite3_column_text(st, 1), NULL, &acq,
	    &ignore);
	cost = sqlite3_column_int64(st, 2);
	rc = sqlite3_column_type(st, 3) != SQLITE_NULL;
	sqlite3_reset(st);
	if (rc)
		return seci_err_set(err, SECI_EXIT_DATA, "asset '%s' was "
		    "disposed of already", tag);
	if (date < acq)
		return seci_err_set(err, SECI_EXIT_DATA, "asset '%s' cannot be "
		    "disposed of before it was acquired", tag);
	/* Months after the disposal already written off would stay so. */
	st = seci_db_stmt(db, "SELECT count(*) FROM depreciation WHERE "
	    "asset_id = ? AND month > substr(?, 1, 7)", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	seci_db_bind_text(st, 2, seci_date_format(date, day));
	{
		int64_t later;

		if (seci_db_one_int(db, st, &later, err) < 0)
			return -1;
		if (later > 0)
			return seci_err_set(err, SECI_EXIT_DATA, "depreciation "
			    "of asset '%s' is posted for %lld month%s after "
			    "%.7s; it cannot be disposed of before them", tag,
			    (long long)later, later == 1 ? "" : "s", day);
	}
	if (depreciate(db, id, month_index(date), err) < 0 ||
	    seci_audit_begin(db, &c, "asset", "tag", tag, err) < 0)
		return -1;
	st = seci_db_stmt(db, "SELECT coalesce(sum(amount), 0) FROM "
	    "depreciation WHERE asset_id = ?", err);
	if (st == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_step(st);
	acc = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (post_disposal(db, id, tag, date, cost, acc, proceeds, err) < 0)
		goto fail;
	st = seci_db_stmt(db, "UPDATE asset SET disposed_on = ?, proceeds = ? "
	    "WHERE id = ?", err);
	if (st == NULL)
		goto fail;
	seci_db_bind_text(st, 1, seci_date_format(date, day));
	sqlite3_bind_int64(st, 2, proceeds);
	sqlite3_bind_int64(st, 3, id);
	if (seci_db_exec_stmt(db, st, err) < 0)
		goto fail;
	return seci_audit_end(db, &c, err);
fail:
	seci_audit_cancel(&c);
	return -1;
}
