/*
 * collection.c - the status of contributions the JCC reads: per Party,
 * what it owed on 1 January, what the year assessed, what was collected
 * in the year, what it owes at the date, and the two-year rule.  Built
 * on the positions of contrib.c, on the last day before the year and on
 * the date, so that it agrees with status and arrears to the cent:
 * outstanding = outstanding on 1 January + assessed - collected.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "collection.h"
#include "seci_priv.h"

/* What the first walk keeps of each Party, in the positions' order. */
struct opening {
	char code[SECI_PARTY_CODE_MAX + 1];
	seci_money owed, paid;
};

struct walk {
	int year;
	struct opening *o;
	size_t n, cap, next;
	struct seci_collection_row tot;
	seci_collection_fn *fn;
	void *arg;
};

/* Assessments of the years before `year` (or of `year` alone). */
static seci_money
assessed(const struct seci_position *p, int year, int only)
{
	seci_money s = 0;
	size_t k;

	for (k = 0; k < p->na; k++)
		if (only ? p->a[k].year == year : p->a[k].year < year)
			s += p->a[k].amount;
	return s;
}

static int
keep_opening(void *arg, const struct seci_position *p, struct seci_err *err)
{
	struct walk *w = arg;
	struct opening *o;

	if (seci_grow(&w->o, &w->cap, w->n, sizeof(*w->o)) < 0)
		return seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
	o = &w->o[w->n++];
	snprintf(o->code, sizeof(o->code), "%s", p->code);
	o->paid = p->paid;
	o->owed = assessed(p, w->year, 0) - p->paid;
	return 0;
}

static const struct opening *
opening_of(struct walk *w, const char *code)
{
	size_t j;

	for (j = 0; j < w->n; j++) {
		struct opening *o = &w->o[(w->next + j) % w->n];

		if (strcmp(o->code, code) == 0) {
			w->next = (w->next + j + 1) % w->n;
			return o;
		}
	}
	return NULL;
}

static int
row(void *arg, const struct seci_position *p, struct seci_err *err)
{
	struct walk *w = arg;
	const struct opening *o = opening_of(w, p->code);
	struct seci_collection_row r;

	memset(&r, 0, sizeof(r));
	r.party = p->code;
	r.name = p->name;
	r.kind = p->kind;
	r.opening = o ? o->owed : 0;
	r.assessed = assessed(p, w->year, 1);
	r.collected = p->paid - (o ? o->paid : 0);
	r.outstanding = r.opening + r.assessed - r.collected;
	r.two_year_rule = p->two_year_rule;
	/* A Party with nothing to say for the year is left out. */
	if (p->na == 0 && r.opening == 0 && r.collected == 0 &&
	    r.outstanding == 0)
		return 0;
	if (seci_money_add(w->tot.opening, r.opening, &w->tot.opening,
	    err) < 0 || seci_money_add(w->tot.assessed, r.assessed,
	    &w->tot.assessed, err) < 0 || seci_money_add(w->tot.collected,
	    r.collected, &w->tot.collected, err) < 0 ||
	    seci_money_add(w->tot.outstanding, r.outstanding,
	    &w->tot.outstanding, err) < 0)
		return -1;
	w->tot.two_year_rule += p->two_year_rule;
	return w->fn(w->arg, &r, err);
}

int
seci_collection_each(struct seci_db *db, int year, seci_day as_of,
    long rule_years, seci_collection_fn *fn, void *arg,
    struct seci_err *err)
{
	seci_day end = seci_date_from_ymd(year, 12, 31);
	struct walk w;
	int rc = -1;

	memset(&w, 0, sizeof(w));
	w.year = year;
	w.fn = fn;
	w.arg = arg;
	if (as_of < end)
		end = as_of;
	if (seci_contrib_positions(db, seci_date_from_ymd(year, 1, 1) - 1,
	    rule_years, keep_opening, &w, err) < 0 ||
	    seci_contrib_positions(db, end, rule_years, row, &w, err) < 0)
		goto out;
	w.tot.total = 1;
	w.tot.party = "total";
	w.tot.name = w.tot.kind = "";
	rc = fn(arg, &w.tot, err);
out:
	free(w.o);
	return rc;
}

static int
out_row(void *arg, const struct seci_collection_row *r,
    struct seci_err *err)
{
	struct seci_cell c[8];
	char n[24];

	c[0] = seci_cell_text(r->party);
	c[1] = seci_cell_text(r->name);
	c[2] = seci_cell_text(r->kind);
	c[3] = seci_cell_int(r->opening);
	c[4] = seci_cell_int(r->assessed);
	c[5] = seci_cell_int(r->collected);
	c[6] = seci_cell_int(r->outstanding);
	/* The totals row counts the Parties under the rule. */
	snprintf(n, sizeof(n), "%d", r->two_year_rule);
	c[7] = seci_cell_text(r->total ? n : r->two_year_rule ? "yes" : "no");
	return r->total ? seci_out_total(arg, c, err) : seci_out_row(arg, c,
	    err);
}

int
seci_collection(struct seci_db *db, int year, seci_day as_of,
    long rule_years, const struct seci_out_opts *oo, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "party", SECI_COL_TEXT, 0 }, { "name", SECI_COL_TEXT, 0 },
		{ "kind", SECI_COL_TEXT, 0 },
		{ "outstanding_1_jan", SECI_COL_MONEY, 0 },
		{ "assessed", SECI_COL_MONEY, 0 },
		{ "collected", SECI_COL_MONEY, 0 },
		{ "outstanding", SECI_COL_MONEY, 0 },
		{ "two_year_rule", SECI_COL_TEXT, 0 },
	};
	struct seci_out *o = seci_out_begin(oo, cols, 8, err);

	if (o == NULL)
		return -1;
	if (seci_collection_each(db, year, as_of, rule_years, out_row, o,
	    err) < 0) {
		seci_out_abort(o);
		return -1;
	}
	return seci_out_end(o, err);
}
