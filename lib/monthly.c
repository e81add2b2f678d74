/* monthly.c - the monthly report, from the modules' typed figures. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "admin.h"
#include "audit.h"
#include "budget.h"
#include "commitment.h"
#include "contrib.h"
#include "monthly.h"
#include "seci_priv.h"
#include "statement.h"

static const char *const month_names[] = { "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October",
    "November", "December" };

/* ---- the figures, kept ------------------------------------------------- */

/* A row of any section: its texts and its numbers. */
struct mrow {
	int total;
	char *s[3];		/* labels: line, name; party, name; ... */
	seci_money v[8];
	int flag;		/* two-year rule; an open commitment */
};

struct mtable {
	struct mrow *r;
	size_t n, cap;
};

struct monthly {
	struct mtable exec, status, arrears, sheet, commits;
	int has_budget;
	enum seci_budget_status budget_status;
	char org[256];
	char seal[SECI_HASH_HEX];
	int64_t records;
	int year, month;
	seci_day as_of;
	int decimals;
	const char *currency;
};

static struct mrow *
add(struct mtable *t, int total, const char *a, const char *b,
    const char *c, struct seci_err *err)
{
	struct mrow *r;

	if (seci_grow(&t->r, &t->cap, t->n, sizeof(*t->r)) < 0) {
		seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
		return NULL;
	}
	r = &t->r[t->n++];
	memset(r, 0, sizeof(*r));
	r->total = total;
	r->s[0] = strdup(a ? a : "");
	r->s[1] = strdup(b ? b : "");
	r->s[2] = strdup(c ? c : "");
	if (r->s[0] == NULL || r->s[1] == NULL || r->s[2] == NULL) {
		seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
		return NULL;
	}
	return r;
}

static void
mtable_free(struct mtable *t)
{
	size_t i;
	int j;

	for (i = 0; i < t->n; i++)
		for (j = 0; j < 3; j++)
			free(t->r[i].s[j]);
	free(t->r);
}

static int
keep_exec(void *arg, const struct seci_budget_row *b, struct seci_err *err)
{
	struct mrow *r = add(arg, b->total != SECI_BUDGET_LINE, b->line,
	    b->name, b->chapter, err);

	if (r == NULL)
		return -1;
	r->v[0] = b->f.revised;
	r->v[1] = b->month_spent;
	r->v[2] = b->f.spent;
	r->v[3] = b->f.available;
	r->v[4] = seci_money_pct10(b->f.spent, b->f.revised);
	r->v[5] = b->f.committed;
	return 0;
}

static int
keep_status(void *arg, const struct seci_status_row *s,
    struct seci_err *err)
{
	struct mrow *r = add(arg, s->total, s->party, s->name, NULL, err);

	if (r == NULL)
		return -1;
	r->v[0] = s->assessed;
	r->v[1] = s->paid;
	r->v[2] = s->outstanding;
	r->v[3] = s->paid_pct;
	r->v[4] = s->total ? 0 : s->days_overdue;
	return 0;
}

static int
keep_arrears(void *arg, const struct seci_arrears_row *a,
    struct seci_err *err)
{
	struct mrow *r = add(arg, a->total, a->party, a->name, NULL, err);
	int b;

	if (r == NULL)
		return -1;
	for (b = 0; b < 5; b++)
		r->v[b] = a->bucket[b];
	r->v[5] = a->overdue;
	r->flag = a->two_year_rule;
	return 0;
}

static int
keep_sheet(void *arg, const struct seci_statement_row *s,
    struct seci_err *err)
{
	struct mrow *r = add(arg, s->total, s->account, s->name, s->section,
	    err);

	if (r == NULL)
		return -1;
	r->v[0] = s->amount;
	return 0;
}

static int
keep_commit(void *arg, const struct seci_commitment_row *c,
    struct seci_err *err)
{
	struct mrow *r;

	/* Only what open commitments still hold. */
	if (strcmp(c->status, "open") != 0 || c->remaining == 0)
		return 0;
	if ((r = add(arg, 0, c->line, c->ref, c->payee, err)) == NULL)
		return -1;
	r->v[0] = c->remaining;
	return 0;
}

static int
collect(struct seci_db *db, struct monthly *m, long rule_years,
    struct seci_err *err)
{
	struct seci_err e = SECI_ERR_INIT;

	if (seci_admin_org(db, m->org, sizeof(m->org), err) < 0)
		return -1;
	m->currency = db->currency;
	m->decimals = db->decimals;
	/* A year without a budget has nothing to execute: no section. */
	if (seci_budget_need(db, m->year, &e) == 0) {
		if (seci_budget_each(db, m->year, m->as_of, keep_exec, &m->exec,
		    err) < 0 || seci_budget_status(db, m->year,
		    &m->budget_status, err) < 0)
			return -1;
		m->has_budget = 1;
	} else if (e.code != SECI_EXIT_DATA) {
		return seci_err_set(err, e.code, "%s", e.msg);
	}
	if (seci_contrib_status_each(db, m->year, m->as_of, keep_status,
	    &m->status, err) < 0 ||
	    seci_contrib_arrears_each(db, m->as_of, rule_years, keep_arrears,
	    &m->arrears, NULL, err) < 0 ||
	    seci_statement_balance_sheet(db, m->as_of, keep_sheet, &m->sheet,
	    err) < 0 ||
	    seci_commit_each(db, m->year, m->as_of, keep_commit, &m->commits,
	    err) < 0)
		return -1;
	return seci_audit_seal(db, &m->records, m->seal, err);
}

/* ---- the document ------------------------------------------------------ */

/* Cells of a row: numbers formatted into bufs. */
struct cells {
	const char *c[10];
	char buf[8][SECI_MONEY_BUFSZ];
};

static const char *
money(struct cells *x, int i, const struct monthly *m, seci_money v)
{
	return seci_money_format(v, m->decimals, ',', x->buf[i]);
}

static const char *
pct(struct cells *x, int i, int64_t v)
{
	/* Tenths of a percent, "42.5". */
	return seci_money_format(v, 1, 0, x->buf[i]);
}

/* Execution as a share of each line: spent, committed and what is left
 * of its revised appropriation, the executed percent at the bar. */
static void
exec_chart(struct seci_doc *d, const struct mtable *t)
{
	static const char *const names[] = { "Spent", "Committed",
	    "Available" };
	static const char *const colours[] = { "#2f5c8f", "#8fa9cc",
	    "#e3e9f2" };
	struct seci_doc_bar *b = calloc(t->n ? t->n : 1, sizeof(*b));
	char (*fig)[16] = calloc(t->n ? t->n : 1, sizeof(*fig));
	size_t i, n = 0;

	for (i = 0; b && fig && i < t->n; i++) {
		const struct mrow *r = &t->r[i];
		char pct[SECI_MONEY_BUFSZ];

		if (r->total)
			continue;
		b[n].label = r->s[0];
		b[n].seg[0] = r->v[2];
		b[n].seg[1] = r->v[5] > 0 ? r->v[5] : 0;
		b[n].seg[2] = r->v[3] > 0 ? r->v[3] : 0;
		snprintf(fig[n], sizeof(fig[n]), "%s%%",
		    seci_money_format(r->v[4], 1, 0, pct));
		b[n].figure = fig[n];
		n++;
	}
	if (b && fig)
		seci_doc_bars(d, b, n, 3, names, colours, 1);
	free(b);
	free(fig);
}

/* Each Party: paid of the year, outstanding of the year, and what it
 * still owes of earlier years. */
static void
contrib_chart(struct seci_doc *d, const struct monthly *m)
{
	static const char *const names[] = { "Paid", "Outstanding",
	    "Arrears of earlier years" };
	static const char *const colours[] = { "#3c8a4e", "#e8a0a0",
	    "#b03a3a" };
	const struct mtable *t = &m->status;
	struct seci_doc_bar *b = calloc(t->n ? t->n : 1, sizeof(*b));
	size_t i, j, n = 0;

	for (i = 0; b && i < t->n; i++) {
		const struct mrow *r = &t->r[i];
		seci_money owed = r->v[2];

		if (r->total)
			continue;
		/* All it owes (not yet due and overdue) less this year's. */
		for (j = 0; j < m->arrears.n; j++)
			if (!m->arrears.r[j].total &&
			    strcmp(m->arrears.r[j].s[0], r->s[0]) == 0)
				owed = m->arrears.r[j].v[0] +
				    m->arrears.r[j].v[5];
		b[n].label = r->s[0];
		b[n].seg[0] = r->v[1];
		b[n].seg[1] = r->v[2];
		b[n].seg[2] = owed > r->v[2] ? owed - r->v[2] : 0;
		n++;
	}
	if (b)
		seci_doc_bars(d, b, n, 3, names, colours, 0);
	free(b);
}

static void
execution(struct seci_doc *d, const struct monthly *m)
{
	static const struct seci_doc_col cols[] = {
		{ "Line", NULL, 5, 0 }, { "Name", NULL, 26, 0 },
		{ "Revised", NULL, 14, 1 }, { "Month", NULL, 12, 1 },
		{ "Year to date", NULL, 14, 1 }, { "Available", NULL, 14, 1 },
		{ "Exec%", "Executed %", 6, 1 },
	};
	struct cells x;
	char none[96];
	size_t i;

	seci_doc_section(d, "1. Budget execution by chapter and line");
	if (!m->has_budget || m->exec.n == 0) {
		snprintf(none, sizeof(none), "No budget for %d.", m->year);
		seci_doc_para(d, none);
		return;
	}
	if (m->budget_status == SECI_BUDGET_DRAFT) {
		snprintf(none, sizeof(none), "DRAFT: the %d budget is not "
		    "adopted by the JCC; its figures may change.", m->year);
		seci_doc_para(d, none);
	}
	exec_chart(d, &m->exec);
	seci_doc_table(d, cols, 7, SECI_DOC_HEADER);
	for (i = 0; i < m->exec.n; i++) {
		const struct mrow *r = &m->exec.r[i];

		x.c[0] = r->s[0];
		x.c[1] = r->s[1];
		x.c[2] = money(&x, 0, m, r->v[0]);
		x.c[3] = money(&x, 1, m, r->v[1]);
		x.c[4] = money(&x, 2, m, r->v[2]);
		x.c[5] = money(&x, 3, m, r->v[3]);
		x.c[6] = pct(&x, 4, r->v[4]);
		seci_doc_row(d, x.c, r->total);
	}
	seci_doc_table_end(d);
}

static void
contributions(struct seci_doc *d, const struct monthly *m)
{
	static const struct seci_doc_col cols[] = {
		{ "Party", NULL, 6, 0 }, { "Name", NULL, 24, 0 },
		{ "Assessed", NULL, 14, 1 }, { "Paid", NULL, 14, 1 },
		{ "Outstanding", NULL, 14, 1 }, { "Paid%", "Paid %", 6, 1 },
		{ "Overdue", "Days overdue", 8, 1 },
	};
	int html = seci_doc_format(d) == SECI_DOC_HTML;
	const char *label = NULL;
	char note[128];
	struct cells x;
	size_t i;

	seci_doc_section(d, "2. Contributions");
	contrib_chart(d, m);
	seci_doc_table(d, cols, 7, SECI_DOC_HEADER);
	for (i = 0; i < m->status.n; i++) {
		const struct mrow *r = &m->status.r[i];

		x.c[0] = r->total && !html ? "Total" : r->s[0];
		x.c[1] = r->total && !html ? "" : r->s[1];
		x.c[2] = money(&x, 0, m, r->v[0]);
		x.c[3] = money(&x, 1, m, r->v[1]);
		x.c[4] = money(&x, 2, m, r->v[2]);
		x.c[5] = pct(&x, 3, r->v[3]);
		snprintf(x.buf[4], sizeof(x.buf[4]), "%lld", (long long)r->v[4]);
		x.c[6] = r->total ? html ? "" : NULL : r->v[4] || html ?
		    x.buf[4] : "";
		seci_doc_row(d, x.c, r->total);
		if (r->total)
			label = r->s[1];
	}
	seci_doc_table_end(d);
	if (label && !html) {
		snprintf(note, sizeof(note), "(%s)", label);
		seci_doc_para(d, note);
	}
}

static void
arrears(struct seci_doc *d, const struct monthly *m)
{
	static const struct seci_doc_col text_cols[] = {
		{ "Party", NULL, 6, 0 }, { "1-90", NULL, 13, 1 },
		{ "91-180", NULL, 13, 1 }, { "181-365", NULL, 13, 1 },
		{ "over 365", NULL, 13, 1 }, { "Total", NULL, 14, 1 },
		{ "Two-year", NULL, 9, 1 },
	};
	static const struct seci_doc_col html_cols[] = {
		{ "Party", NULL, 6, 0 }, { "Name", NULL, 24, 0 },
		{ "1-90", NULL, 13, 1 }, { "91-180", NULL, 13, 1 },
		{ "181-365", NULL, 13, 1 }, { "Over 365", NULL, 13, 1 },
		{ "Total", NULL, 14, 1 }, { "Two-year rule", NULL, 9, 1 },
	};
	int html = seci_doc_format(d) == SECI_DOC_HTML, b, k, shown = 0;
	struct cells x;
	size_t i;

	if (html)
		seci_doc_subsection(d, "Arrears");
	else
		seci_doc_subsection(d, "Arrears (overdue, by days past the due "
		    "date)");
	seci_doc_table(d, html ? html_cols : text_cols, html ? 8 : 7,
	    SECI_DOC_HEADER);
	for (i = 0; i < m->arrears.n; i++) {
		const struct mrow *r = &m->arrears.r[i];

		if (r->v[5] == 0)
			continue;
		k = 0;
		x.c[k++] = r->total && !html ? "Total" : r->s[0];
		if (html)
			x.c[k++] = r->s[1];
		for (b = 1; b < 6; b++)
			x.c[k++] = money(&x, b, m, r->v[b]);
		x.c[k++] = r->total ? "" : r->flag ? "yes" : "no";
		seci_doc_row(d, x.c, r->total);
		shown++;
	}
	seci_doc_table_end(d);
	if (shown == 0 && !html)
		seci_doc_para(d, "Nothing overdue.");
}

static void
sheet(struct seci_doc *d, const struct monthly *m, int only_cash)
{
	static const struct seci_doc_col cash_cols[] = {
		{ "Name", NULL, 40, 0 }, { "Amount", NULL, 14, 1 },
	};
	static const struct seci_doc_col cols[] = {
		{ "Account", NULL, 5, 0 }, { "Name", NULL, 60, 0 },
		{ "Amount", NULL, 14, 1 },
	};
	struct cells x;
	size_t i;
	int shown = 0;

	seci_doc_table(d, only_cash ? cash_cols : cols, only_cash ? 2 : 3,
	    (seci_doc_format(d) == SECI_DOC_HTML ? SECI_DOC_HEADER : 0) |
	    SECI_DOC_SPACED);
	for (i = 0; i < m->sheet.n; i++) {
		const struct mrow *r = &m->sheet.r[i];

		/* Cash: the bank accounts' ledger accounts, 1000-1099. */
		if (only_cash && strncmp(r->s[0], "10", 2) != 0)
			continue;
		x.c[0] = only_cash ? r->s[1] : r->total && seci_doc_format(d) !=
		    SECI_DOC_HTML ? "" : r->s[0];
		x.c[1] = only_cash ? money(&x, 0, m, r->v[0]) : r->s[1];
		x.c[2] = money(&x, 1, m, r->v[0]);
		seci_doc_row(d, x.c, r->total);
		shown++;
	}
	if (only_cash && shown == 0) {
		x.c[0] = "Bank";
		x.c[1] = money(&x, 0, m, 0);
		seci_doc_row(d, x.c, 0);
	}
	seci_doc_table_end(d);
}

static void
commitments(struct seci_doc *d, const struct monthly *m)
{
	static const struct seci_doc_col cols[] = {
		{ "Line", NULL, 5, 0 }, { "Ref", NULL, 20, 0 },
		{ "Payee", NULL, 50, 0 }, { "Remaining", NULL, 14, 1 },
	};
	struct cells x;
	size_t i;

	if (m->commits.n == 0 && seci_doc_format(d) != SECI_DOC_HTML) {
		seci_doc_para(d, "None.");
		return;
	}
	seci_doc_table(d, cols, 4, SECI_DOC_HEADER);
	for (i = 0; i < m->commits.n; i++) {
		const struct mrow *r = &m->commits.r[i];

		x.c[0] = r->s[0];
		x.c[1] = r->s[1];
		x.c[2] = r->s[2];
		x.c[3] = money(&x, 0, m, r->v[0]);
		seci_doc_row(d, x.c, 0);
	}
	seci_doc_table_end(d);
}

static void
seal(struct seci_doc *d, const struct monthly *m)
{
	char buf[320];

	if (seci_doc_format(d) == SECI_DOC_HTML) {
		snprintf(buf, sizeof(buf), "<p>%lld audit records; head hash "
		    "<code>%s</code>. Keep it outside the database.</p>\n",
		    (long long)m->records, m->seal);
		seci_doc_html(d, buf);
		return;
	}
	snprintf(buf, sizeof(buf), "%lld audit records; head hash\n%s",
	    (long long)m->records, m->seal);
	seci_doc_para(d, buf);
	seci_doc_para(d, "Keep this hash outside the database: 'seci-admin "
	    "audit verify' and this\nseal together show that no record was "
	    "changed or removed.");
}

static int
render(const struct seci_out_opts *out, enum seci_doc_format fmt,
    const struct monthly *m, struct seci_err *err)
{
	char title[160], meta[96], day[SECI_DATE_BUFSZ];
	struct seci_doc *d;
	int html = fmt == SECI_DOC_HTML;

	snprintf(title, sizeof(title), "Monthly budget report: %s %d",
	    month_names[m->month - 1], m->year);
	snprintf(meta, sizeof(meta), "As of %s; amounts in %s",
	    seci_date_format(m->as_of, day), m->currency);
	if ((d = seci_doc_start(out, fmt, m->org, title, meta, err)) == NULL)
		return -1;
	execution(d, m);
	contributions(d, m);
	arrears(d, m);
	if (html) {
		seci_doc_section(d, "3. Cash, assets and liabilities");
		sheet(d, m, 0);
		seci_doc_section(d, "4. Open commitments");
		commitments(d, m);
		seci_doc_section(d, "5. Audit seal");
	} else {
		seci_doc_section(d, "3. Cash");
		sheet(d, m, 1);
		seci_doc_section(d, "4. Open commitments");
		commitments(d, m);
		seci_doc_section(d, "5. Assets and liabilities");
		sheet(d, m, 0);
		seci_doc_section(d, "6. Audit seal");
	}
	seal(d, m);
	return seci_doc_end(d, err);
}

/* ---- JSON: the listings' own rows -------------------------------------- */

static int
json_monthly(struct seci_db *db, const struct monthly *m, long rule_years,
    FILE *fp, struct seci_err *err)
{
	struct seci_err e = SECI_ERR_INIT;
	struct seci_out_opts o;
	char day[SECI_DATE_BUFSZ], hash[SECI_HASH_HEX];
	int64_t records;

	memset(&o, 0, sizeof(o));
	o.format = SECI_FMT_JSON;
	o.header = 1;
	o.decimals = db->decimals;
	o.fp = fp;
	fprintf(fp, "{\"month\":\"%04d-%02d\",\"as_of\":\"%s\","
	    "\"currency\":\"%s\",\"budget_status\":\"%s\",\n\"execution\":",
	    m->year, m->month, seci_date_format(m->as_of, day), db->currency,
	    seci_budget_status_name(m->budget_status));
	if (seci_budget_need(db, m->year, &e) < 0) {
		if (e.code != SECI_EXIT_DATA)
			return seci_err_set(err, e.code, "%s", e.msg);
		fputs("[]\n", fp);
	} else if (seci_budget_show(db, m->year, m->as_of, 1, &o, err) < 0) {
		return -1;
	}
	fputs(",\"contributions\":", fp);
	if (seci_contrib_status(db, m->year, m->as_of, &o, err) < 0)
		return -1;
	fputs(",\"arrears\":", fp);
	if (seci_contrib_arrears(db, m->as_of, rule_years, &o, NULL, err) < 0)
		return -1;
	fputs(",\"balance_sheet\":", fp);
	if (seci_report_balance_sheet(db, m->as_of, &o, err) < 0 ||
	    seci_audit_seal(db, &records, hash, err) < 0)
		return -1;
	fprintf(fp, ",\"audit_seal\":{\"records\":%lld,\"head_hash\":\"%s\"}}\n",
	    (long long)records, hash);
	if (fflush(fp) != 0 || ferror(fp))
		return seci_err_set(err, SECI_EXIT_IOERR, "write error: %s",
		    strerror(errno ? errno : EIO));
	return 0;
}

seci_day
seci_report_default_month(seci_day as_of)
{
	int y, m, d;

	seci_date_ymd(seci_date_add_months(as_of + 1, -1), &y, &m, &d);
	return seci_date_from_ymd(y, m, 1);
}

int
seci_report_monthly(struct seci_db *db, seci_day month, seci_day as_of,
    enum seci_doc_format fmt, long rule_years,
    const struct seci_out_opts *out, struct seci_err *err)
{
	FILE *fp = out->fp ? out->fp : stdout;
	struct monthly m;
	int d, rc;

	memset(&m, 0, sizeof(m));
	seci_date_ymd(month, &m.year, &m.month, &d);
	/* The month's end, unless the report is asked for before it. */
	m.as_of = seci_date_add_months(seci_date_from_ymd(m.year, m.month, 1),
	    1) - 1;
	if (as_of < m.as_of)
		m.as_of = as_of;
	if (fmt == SECI_DOC_JSON)
		rc = json_monthly(db, &m, rule_years, fp, err);
	else
		rc = collect(db, &m, rule_years, err) < 0 ? -1 : render(out,
		    fmt, &m, err);
	mtable_free(&m.exec);
	mtable_free(&m.status);
	mtable_free(&m.arrears);
	mtable_free(&m.sheet);
	mtable_free(&m.commits);
	return rc;
}
