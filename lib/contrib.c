/* contrib.c - Parties' positions: what each was assessed and has paid,
 * how its payments are allocated, its credit; status and arrears. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "contrib.h"
#include "ledger.h"
#include "seci_priv.h"

struct position {
	char code[SECI_PARTY_CODE_MAX + 1];
	char name[160];
	char kind[16];
	seci_money paid;	/* T: paid up to the as-of date */
	struct seci_assessed *a;	/* oldest first */
	size_t na, cap;
};

static void
positions_free(struct position *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(p[i].a);
	free(p);
}

static int
fill_party(sqlite3_stmt *st, void *item)
{
	struct position *p = item;

	seci_db_col_text(st, 0, p->code, sizeof(p->code));
	seci_db_col_text(st, 1, p->name, sizeof(p->name));
	seci_db_col_text(st, 2, p->kind, sizeof(p->kind));
	p->paid = sqlite3_column_int64(st, 3);
	return 0;
}

static int
read_parties(struct seci_db *db, seci_day as_of, struct position **out,
    size_t *n, struct seci_err *err)
{
	sqlite3_stmt *st;
	char day[SECI_DATE_BUFSZ];

	*out = NULL;
	*n = 0;
	/* What each paid by the date: one pass over the payments. */
	/* What each paid by the date, less what was refunded to it. */
	st = seci_db_stmt(db, "SELECT code, name, kind, coalesce(paid, 0) - "
	    "coalesce((SELECT sum(amount) FROM refund r WHERE r.party = p.code "
	    "AND r.date <= ?1), 0) FROM party p LEFT JOIN (SELECT party, "
	    "sum(amount) AS paid FROM payment WHERE party IS NOT NULL AND "
	    "voided IS NULL AND date <= ?1 GROUP BY party) s ON s.party = "
	    "p.code ORDER BY kind DESC, code", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, seci_date_format(as_of, day));
	return seci_db_rows(db, st, sizeof(**out), fill_party, out, n, "party",
	    err);
}

static struct position *
find(struct position *p, size_t n, const char *code, size_t *hint)
{
	size_t j;

	/* Assessments come in Party order: start where the last one was. */
	for (j = 0; j < n; j++)
		if (strcmp(p[(*hint + j) % n].code, code) == 0) {
			*hint = (*hint + j) % n;
			return &p[*hint];
		}
	return NULL;
}

/* Every Party with what it paid by as_of and its assessments. */
static int
read_positions(struct seci_db *db, seci_day as_of, struct position **out,
    size_t *n, struct seci_err *err)
{
	struct seci_err ignore = SECI_ERR_INIT;
	struct position *p;
	sqlite3_stmt *st;
	size_t hint = 0;
	int rc;

	if (read_parties(db, as_of, out, n, err) < 0)
		return -1;
	p = *out;
	st = seci_db_stmt(db, "SELECT party, year, amount, due FROM assessment "
	    "ORDER BY party, year, due, id", err);
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct position *pp = find(p, *n, (const char *)
		    sqlite3_column_text(st, 0), &hint);
		struct seci_assessed *a;

		if (pp == NULL)
			continue;
		if (seci_grow(&pp->a, &pp->cap, pp->na, sizeof(*pp->a)) < 0) {
			sqlite3_reset(st);
			return seci_err_set(err, SECI_EXIT_SOFTWARE,
			    "out of memory");
		}
		a = &pp->a[pp->na++];
		memset(a, 0, sizeof(*a));
		a->year = sqlite3_column_int(st, 1);
		a->amount = sqlite3_column_int64(st, 2);
		seci_date_parse((const char *)sqlite3_column_text(st, 3), NULL,
		    &a->due, &ignore);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return seci_db_fail(db, rc, "assessment", err);
	return 0;
}

/*
 * The positions, read once per transaction and date: the monthly report
 * asks for them three times (status, arrears, balance sheet).  Nothing in
 * the transaction may have changed since (the connection's change count
 * says so); the cache goes with the transaction.  Borrowed: the caller
 * does not free them.
 */
struct positions_memo {
	seci_day as_of;
	int64_t changes;
	struct position *p;
	size_t n;
};

static void
memo_free(void *arg)
{
	struct positions_memo *m = arg;

	positions_free(m->p, m->n);
	free(m);
}

static int
load_positions(struct seci_db *db, seci_day as_of, struct position **out,
    size_t *n, struct seci_err *err)
{
	struct positions_memo *m = db->memo_free == memo_free ? db->memo : NULL;
	int64_t changes = sqlite3_total_changes64(db->h);
	struct position *p = NULL;
	size_t np = 0;

	if (m && m->as_of == as_of && m->changes == changes) {
		*out = m->p;
		*n = m->n;
		return 0;
	}
	if (read_positions(db, as_of, &p, &np, err) < 0) {
		positions_free(p, p ? np : 0);
		return -1;
	}
	if ((m = calloc(1, sizeof(*m))) == NULL) {
		positions_free(p, np);
		return seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
	}
	if (db->memo && db->memo_free)
		db->memo_free(db->memo);
	m->as_of = as_of;
	m->changes = changes;
	m->p = p;
	m->n = np;
	db->memo = m;
	db->memo_free = memo_free;
	*out = p;
	*n = np;
	return 0;
}

/*
 * Allocation: the first k assessments (S_k their sum) have received
 * min(T, S_k) of the T paid, so assessment k has received clamp(T -
 * S_{k-1}, 0, a_k).  The credit is what the assessments of years begun by
 * the date have not taken: money received in advance, which the ledger
 * holds in 2100 and the next year's assessment takes on its first day.
 * Then the aging of what is outstanding.
 */
static void
settle(struct position *p, seci_day as_of, long rule_years,
    struct seci_position *v)
{
	seci_money before = 0, begun = 0, older = 0, rule = 0, left, out;
	int y, m, d, b;
	size_t k;

	memset(v, 0, sizeof(*v));
	v->code = p->code;
	v->name = p->name;
	v->kind = p->kind;
	v->observer = strcmp(p->kind, "observer") == 0;
	v->paid = p->paid;
	v->a = p->a;
	v->na = p->na;
	seci_date_ymd(as_of, &y, &m, &d);
	for (k = 0; k < p->na; k++) {
		struct seci_assessed *a = &p->a[k];
		int64_t days = as_of - a->due;

		left = p->paid - before;
		a->received = left <= 0 ? 0 : left < a->amount ? left :
		    a->amount;
		before += a->amount;
		if (seci_date_from_ymd(a->year, 1, 1) <= as_of)
			begun += a->amount;
		out = a->amount - a->received;
		a->days_overdue = out > 0 && days > 0 ? days : 0;
		b = days <= 0 ? 0 : days <= 90 ? 1 : days <= 180 ? 2 :
		    days <= 365 ? 3 : 4;
		v->bucket[b] += out;
		if (b > 0)
			v->overdue += out;
		if (a->year < y)
			older += out;
		if (a->year < y && a->year >= y - rule_years)
			rule += a->amount;
	}
	v->credit = p->paid > begun ? p->paid - begun : 0;
	v->two_year_rule = rule > 0 && older >= rule;
}

int
seci_contrib_positions(struct seci_db *db, seci_day as_of, long rule_years,
    seci_position_fn *fn, void *arg, struct seci_err *err)
{
	struct seci_position v;
	struct position *p = NULL;
	size_t n = 0, i;

	if (load_positions(db, as_of, &p, &n, err) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		settle(&p[i], as_of, rule_years, &v);
		if (fn(arg, &v, err) < 0)
			return -1;
	}
	return 0;
}

/* ---- status ------------------------------------------------------------ */

struct status_walk {
	int year;
	seci_status_fn *fn;
	void *arg;
	struct seci_status_row tot;
	int full, part, none;
};

static int
status_party(void *arg, const struct seci_position *v, struct seci_err *err)
{
	struct status_walk *w = arg;
	struct seci_status_row r;
	size_t k;

	memset(&r, 0, sizeof(r));
	for (k = 0; k < v->na && v->a[k].year != w->year; k++)
		;
	/* Not assessed for the year: shown only for a credit it holds. */
	if (k == v->na && v->credit == 0)
		return 0;
	r.party = v->code;
	r.name = v->name;
	r.kind = v->kind;
	r.year = w->year;
	r.credit = v->credit;
	if (k < v->na) {
		r.assessed = v->a[k].amount;
		r.paid = v->a[k].received;
		r.due = v->a[k].due;
		r.days_overdue = v->a[k].days_overdue;
	}
	r.outstanding = r.assessed - r.paid;
	r.paid_pct = r.assessed ? seci_money_pct10(r.paid, r.assessed) : 1000;
	/* The counts are of Parties; Observers are in the totals. */
	if (r.assessed > 0 && !v->observer) {
		if (r.paid == r.assessed)
			w->full++;
		else if (r.paid > 0)
			w->part++;
		else
			w->none++;
	}
	w->tot.assessed += r.assessed;
	w->tot.paid += r.paid;
	w->tot.outstanding += r.outstanding;
	w->tot.credit += r.credit;
	return w->fn(w->arg, &r, err);
}

int
seci_contrib_status_each(struct seci_db *db, int year, seci_day as_of,
    seci_status_fn *fn, void *arg, struct seci_err *err)
{
	struct status_walk w;
	char label[96];

	memset(&w, 0, sizeof(w));
	w.year = year;
	w.fn = fn;
	w.arg = arg;
	if (seci_contrib_positions(db, as_of, 2, status_party, &w, err) < 0)
		return -1;
	snprintf(label, sizeof(label), "%d paid in full, %d part paid, %d not "
	    "paid", w.full, w.part, w.none);
	w.tot.total = 1;
	w.tot.party = "total";
	w.tot.name = label;
	w.tot.kind = "";
	w.tot.year = year;
	w.tot.paid_pct = seci_money_pct10(w.tot.paid, w.tot.assessed);
	w.tot.days_overdue = -1;
	return fn(arg, &w.tot, err);
}

static const struct seci_col status_cols[] = {
	{ "party", SECI_COL_TEXT, 0 }, { "name", SECI_COL_TEXT, 0 },
	{ "kind", SECI_COL_TEXT, 0 }, { "year", SECI_COL_INT, 0 },
	{ "assessed", SECI_COL_MONEY, 0 }, { "paid", SECI_COL_MONEY, 0 },
	{ "outstanding", SECI_COL_MONEY, 0 }, { "credit", SECI_COL_MONEY, 0 },
	{ "paid_pct", SECI_COL_PCT, 0 }, { "due", SECI_COL_TEXT, 0 },
	{ "days_overdue", SECI_COL_INT, 0 },
};

static int
status_row(void *arg, const struct seci_status_row *r, struct seci_err *err)
{
	struct seci_cell c[11];
	char due[SECI_DATE_BUFSZ];

	c[0] = seci_cell_text(r->party);
	c[1] = seci_cell_text(r->name);
	c[2] = seci_cell_text(r->kind);
	c[3] = seci_cell_int(r->year);
	c[4] = seci_cell_int(r->assessed);
	c[5] = seci_cell_int(r->paid);
	c[6] = seci_cell_int(r->outstanding);
	c[7] = seci_cell_int(r->credit);
	c[8] = seci_cell_int(r->paid_pct);
	c[9] = seci_cell_text(r->total || r->due == 0 ? "" :
	    seci_date_format(r->due, due));
	c[10] = r->total ? seci_cell_null() : seci_cell_int(r->days_overdue);
	return r->total ? seci_out_total(arg, c, err) : seci_out_row(arg, c,
	    err);
}

int
seci_contrib_status(struct seci_db *db, int year, seci_day as_of,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	struct seci_out *o = seci_out_begin(oo, status_cols, 11, err);

	if (o == NULL)
		return -1;
	if (seci_contrib_status_each(db, year, as_of, status_row, o, err) < 0) {
		seci_out_abort(o);
		return -1;
	}
	return seci_out_end(o, err);
}

/* ---- arrears ----------------------------------------------------------- */

struct arrears_walk {
	seci_arrears_fn *fn;
	void *arg;
	struct seci_arrears_row tot;
	int overdue;
};

static int
arrears_party(void *arg, const struct seci_position *v, struct seci_err *err)
{
	struct arrears_walk *w = arg;
	struct seci_arrears_row r;
	int b;

	if (v->na == 0)
		return 0;
	memset(&r, 0, sizeof(r));
	r.party = v->code;
	r.name = v->name;
	for (b = 0; b < 5; b++) {
		r.bucket[b] = v->bucket[b];
		w->tot.bucket[b] += v->bucket[b];
	}
	r.overdue = v->overdue;
	r.two_year_rule = v->two_year_rule;
	w->tot.overdue += v->overdue;
	w->overdue += v->overdue > 0;
	return w->fn(w->arg, &r, err);
}

int
seci_contrib_arrears_each(struct seci_db *db, seci_day as_of,
    long rule_years, seci_arrears_fn *fn, void *arg, int *overdue,
    struct seci_err *err)
{
	struct arrears_walk w;

	memset(&w, 0, sizeof(w));
	w.fn = fn;
	w.arg = arg;
	if (seci_contrib_positions(db, as_of, rule_years, arrears_party, &w,
	    err) < 0)
		return -1;
	if (overdue)
		*overdue = w.overdue;
	w.tot.total = 1;
	w.tot.party = "total";
	w.tot.name = "";
	return fn(arg, &w.tot, err);
}

static int
arrears_row(void *arg, const struct seci_arrears_row *r,
    struct seci_err *err)
{
	struct seci_cell c[9];
	int b;

	c[0] = seci_cell_text(r->party);
	c[1] = seci_cell_text(r->name);
	for (b = 0; b < 5; b++)
		c[2 + b] = seci_cell_int(r->bucket[b]);
	c[7] = seci_cell_int(r->overdue);
	c[8] = seci_cell_text(r->total ? "" : r->two_year_rule ? "yes" : "no");
	return r->total ? seci_out_total(arg, c, err) : seci_out_row(arg, c,
	    err);
}

int
seci_contrib_arrears(struct seci_db *db, seci_day as_of, long rule_years,
    const struct seci_out_opts *oo, int *overdue, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "party", SECI_COL_TEXT, 0 }, { "name", SECI_COL_TEXT, 0 },
		{ "not_due", SECI_COL_MONEY, 0 }, { "d1_90", SECI_COL_MONEY, 0 },
		{ "d91_180", SECI_COL_MONEY, 0 }, { "d181_365", SECI_COL_MONEY, 0 },
		{ "over_365", SECI_COL_MONEY, 0 },
		{ "total_overdue", SECI_COL_MONEY, 0 },
		{ "two_year_rule", SECI_COL_TEXT, 0 },
	};
	struct seci_out *o = seci_out_begin(oo, cols, 9, err);

	if (o == NULL)
		return -1;
	if (seci_contrib_arrears_each(db, as_of, rule_years, arrears_row, o,
	    overdue, err) < 0) {
		seci_out_abort(o);
		return -1;
	}
	return seci_out_end(o, err);
}

/* ---- the ledger's receivables and advances ----------------------------- */

/*
 * Per Party and day on which its receivables (1100) or advances (2100)
 * move: the net position N (what it owes, or when negative what it paid
 * beyond its assessments due), and what must move into or out of 2100
 * that day so that 2100 holds min(N, 0) and 1100 max(N, 0).
 */
static const char advance_sql[] =
    "WITH d AS (SELECT party, date, sum(amount) AS n, sum(CASE WHEN account "
    " = '2100' THEN amount ELSE 0 END) AS h FROM ledger_day WHERE account "
    " IN ('1100', '2100') AND party <> '' GROUP BY party, date), "
    "c AS (SELECT party, date, min(sum(n) OVER w, 0) - sum(h) OVER w AS diff "
    " FROM d WINDOW w AS (PARTITION BY party ORDER BY date)), "
    "x AS (SELECT party, date, diff - coalesce(lag(diff) OVER (PARTITION BY "
    " party ORDER BY date), 0) AS delta FROM c) "
    "SELECT date, party, delta FROM x WHERE delta <> 0 ORDER BY date, party";

struct move {
	seci_day date;
	char party[SECI_PARTY_CODE_MAX + 1];
	seci_money delta;
};

static int
fill_move(sqlite3_stmt *st, void *item)
{
	struct seci_err ignore = SECI_ERR_INIT;
	struct move *m = item;

	seci_date_parse((const char *)sqlite3_column_text(st, 0), NULL,
	    &m->date, &ignore);
	seci_db_col_text(st, 1, m->party, sizeof(m->party));
	m->delta = sqlite3_column_int64(st, 2);
	return 0;
}

static int
read_moves(struct seci_db *db, struct move **out, size_t *n,
    struct seci_err *err)
{
	sqlite3_stmt *st;

	*out = NULL;
	*n = 0;
	if ((st = seci_db_stmt(db, advance_sql, err)) == NULL)
		return -1;
	return seci_db_rows(db, st, sizeof(**out), fill_move, out, n,
	    "ledger", err);
}

int
seci_contrib_moves(struct seci_db *db, seci_move_fn *fn, void *arg,
    struct seci_err *err)
{
	struct move *m = NULL;
	size_t n = 0, i;
	int rc = 0;

	if (read_moves(db, &m, &n, err) < 0)
		rc = -1;
	for (i = 0; rc == 0 && i < n; i++)
		rc = fn(arg, m[i].party, m[i].date, m[i].delta, err);
	free(m);
	return rc < 0 ? -1 : (int)n;
}

int
seci_contrib_sync(struct seci_db *db, struct seci_err *err)
{
	struct seci_ledger_ref ref = { "advance", 0, 0 };
	struct seci_posting p;
	struct move *m = NULL;
	struct seci_txn txn;
	size_t n = 0, i;
	int rc = -1;

	if (read_moves(db, &m, &n, err) < 0)
		goto out;
	memset(&p, 0, sizeof(p));
	/* One transaction a day: each Party's credit into 2100, or back to
	 * 1100 when an assessment falls due. */
	for (i = 0; i < n; i++) {
		if ((i == 0 || m[i].date != m[i - 1].date) &&
		    (seci_ledger_open(db, m[i].date, "contributions received in "
		    "advance", &ref, &txn, err) < 0))
			goto out;
		p.party = m[i].party;
		p.account = SECI_ACC_ADVANCE;
		p.amount = m[i].delta;
		if (seci_ledger_add(db, &txn, &p, err) < 0)
			goto out;
		p.account = SECI_ACC_RECEIVABLE;
		p.amount = -m[i].delta;
		if (seci_ledger_add(db, &txn, &p, err) < 0)
			goto out;
		if ((i + 1 == n || m[i + 1].date != m[i].date) &&
		    seci_ledger_close(db, &txn, err) < 0)
			goto out;
	}
	rc = 0;
out:
	free(m);
	return rc;
}

/* ---- checks ------------------------------------------------------------ */

struct check {
	struct seci_db *db;
	seci_finding_fn *fn;
	void *arg;
	int n;
};

static int
moved(void *arg, const char *party, seci_day date, seci_money delta,
    struct seci_err *err)
{
	struct check *c = arg;
	char msg[160], day[SECI_DATE_BUFSZ], a[SECI_MONEY_BUFSZ];

	(void)err;
	snprintf(msg, sizeof(msg), "party %s on %s: the ledger's advance is "
	    "off its position by %s", party, seci_date_format(date, day),
	    seci_money_format(-delta, c->db->decimals, 0, a));
	c->fn(c->arg, "receivables", msg);
	c->n++;
	return 0;
}

/* Each Party's receivable and advance in the ledger against what it was
 * assessed less what it paid. */
static int
position(void *arg, const struct seci_position *v, struct seci_err *err)
{
	struct check *c = arg;
	char msg[200], x[SECI_MONEY_BUFSZ], y[SECI_MONEY_BUFSZ];
	seci_money rec, adv, assessed = 0;
	size_t k;

	for (k = 0; k < v->na; k++)
		assessed += v->a[k].amount;
	if (seci_ledger_balance(c->db, SECI_ACC_RECEIVABLE, v->code,
	    seci_date_from_ymd(9999, 12, 31), &rec, err) < 0 ||
	    seci_ledger_balance(c->db, SECI_ACC_ADVANCE, v->code,
	    seci_date_from_ymd(9999, 12, 31), &adv, err) < 0)
		return -1;
	if (rec + adv == assessed - v->paid)
		return 0;
	snprintf(msg, sizeof(msg), "party %s: the ledger holds %s, its "
	    "assessments less its payments are %s", v->code,
	    seci_money_format(rec + adv, c->db->decimals, 0, x),
	    seci_money_format(assessed - v->paid, c->db->decimals, 0, y));
	c->fn(c->arg, "receivables", msg);
	c->n++;
	return 0;
}

int
seci_contrib_check(struct seci_db *db, seci_finding_fn *fn, void *arg,
    struct seci_err *err)
{
	struct check c = { db, fn, arg, 0 };

	if (seci_contrib_positions(db, seci_date_from_ymd(9999, 12, 31), 2,
	    position, &c, err) < 0 || seci_contrib_moves(db, moved, &c,
	    err) < 0)
		return -1;
	if (c.n == 0)
		fn(arg, "receivables", NULL);
	return c.n;
}
