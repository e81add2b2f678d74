/* budget.c - the annual budget: its status, lines, figures, adoption,
 * transfers and supplements. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "budget.h"
#include "seci_priv.h"
#include "year.h"

static const char *const status_names[] = { "none", "draft", "adopted",
    "closed" };

int
seci_budget_status(struct seci_db *db, int year,
    enum seci_budget_status *status, struct seci_err *err)
{
	sqlite3_stmt *st;
	const char *s;
	int rc, i;

	st = seci_db_stmt(db, "SELECT status FROM budget WHERE year = ?", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	*status = SECI_BUDGET_NONE;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		s = (const char *)sqlite3_column_text(st, 0);
		for (i = 1; i < 4; i++)
			if (strcmp(s, status_names[i]) == 0)
				*status = (enum seci_budget_status)i;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return seci_db_fail(db, rc, "budget", err);
	return 0;
}

const char *
seci_budget_status_name(enum seci_budget_status s)
{
	return status_names[s];
}

int
seci_budget_years(struct seci_db *db, const struct seci_out_opts *oo,
    struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "year", SECI_COL_INT, 0 }, { "status", SECI_COL_TEXT, 0 },
		{ "decision", SECI_COL_TEXT, 0 },
		{ "adopted_on", SECI_COL_TEXT, 0 },
		{ "closed_on", SECI_COL_TEXT, 0 },
		{ "initial", SECI_COL_MONEY, 0 },
	};
	sqlite3_stmt *st;

	st = seci_db_stmt(db, "SELECT b.year, b.status, b.decision, "
	    "b.adopted_on, b.closed_on, (SELECT coalesce(sum(initial), 0) FROM "
	    "budget_line WHERE year = b.year) FROM budget b ORDER BY b.year",
	    err);
	if (st == NULL)
		return -1;
	return seci_db_print(db, st, cols, 6, oo, err);
}

int
seci_budget_need(struct seci_db *db, int year, struct seci_err *err)
{
	enum seci_budget_status status;

	if (seci_budget_status(db, year, &status, err) < 0)
		return -1;
	if (status == SECI_BUDGET_NONE)
		return seci_err_set(err, SECI_EXIT_DATA, "no budget for %d "
		    "(load one with 'seci-budget load')", year);
	return 0;
}

int
seci_budget_line(struct seci_db *db, int year, const char *code,
    struct seci_line *line, struct seci_err *err)
{
	sqlite3_stmt *st;
	const char *s;
	int rc, i;

	st = seci_db_stmt(db, "SELECT l.id, l.chapter, l.kind, l.initial, "
	    "b.status FROM budget_line l JOIN budget b ON b.year = l.year "
	    "WHERE l.year = ? AND l.code = ?", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	seci_db_bind_text(st, 2, code);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(line, 0, sizeof(*line));
		line->id = sqlite3_column_int64(st, 0);
		line->year = year;
		snprintf(line->code, sizeof(line->code), "%s", code);
		seci_db_col_text(st, 1, line->chapter, sizeof(line->chapter));
		seci_db_col_text(st, 2, line->kind, sizeof(line->kind));
		line->initial = sqlite3_column_int64(st, 3);
		s = (const char *)sqlite3_column_text(st, 4);
		for (i = 1; i < 4; i++)
			if (strcmp(s, status_names[i]) == 0)
				line->status = (enum seci_budget_status)i;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return seci_err_set(err, SECI_EXIT_DATA, "no budget line '%s' "
		    "in %d", code, year);
	if (rc != SQLITE_ROW)
		return seci_db_fail(db, rc, "budget", err);
	return 0;
}

/*
 * The figures of every line of a year (?1, with ?4 NULL) or of one line
 * (?4), as of ?2; the last column is what was spent from ?3 to ?2.
 */
static const char figures_sql[] =
    "SELECT l.id, l.chapter, l.code, l.name, l.kind, l.initial, "
    " (SELECT coalesce(sum(amount), 0) FROM budget_transfer "
    "   WHERE to_line = l.id AND date <= ?2), "
    " (SELECT coalesce(sum(amount), 0) FROM budget_transfer "
    "   WHERE from_line = l.id AND date <= ?2), "
    " (SELECT coalesce(sum(amount), 0) FROM budget_supplement "
    "   WHERE line_id = l.id AND date <= ?2), "
    " (SELECT coalesce(sum(max(c.amount - (SELECT coalesce(sum(e.amount), 0) "
    "     FROM expense e WHERE e.commitment_id = c.id "
    "     AND e.status IN ('approved', 'paid') AND e.date <= ?2), 0)), 0) "
    "   FROM commitment c WHERE c.line_id = l.id AND c.date <= ?2 "
    "   AND (c.status = 'open' OR c.closed_on > ?2)), "
    " (SELECT coalesce(sum(amount), 0) FROM expense WHERE line_id = l.id "
    "   AND status IN ('approved', 'paid') AND date <= ?2), "
    " (SELECT coalesce(sum(amount), 0) FROM expense WHERE line_id = l.id "
    "   AND status IN ('approved', 'paid') AND date BETWEEN ?3 AND ?2), "
    " (SELECT name FROM budget_chapter WHERE year = l.year "
    "   AND code = l.chapter), "
    " (SELECT coalesce(sum(CASE WHEN c.status = 'closed' AND c.closed_on "
    "   <= ?2 THEN min(c.amount, (SELECT coalesce(sum(e.amount), 0) FROM "
    "   expense e WHERE e.commitment_id = c.id AND e.status IN ('approved', "
    "   'paid') AND e.date <= ?2)) ELSE c.amount END), 0) FROM commitment c "
    "   WHERE c.line_id = l.id AND c.carried_from IS NOT NULL AND c.date <= "
    "   ?2) "
    "FROM budget_line l WHERE (?4 IS NULL AND l.year = ?1) OR l.id = ?4 "
    "ORDER BY l.seq";

enum { F_ID, F_CHAPTER, F_CODE, F_NAME, F_KIND, F_INITIAL, F_IN, F_OUT,
    F_SUPP, F_COMMITTED, F_SPENT, F_MONTH, F_CHAPTER_NAME, F_CARRIED };

/* Derive revised and available, overflow-checked. */
static int
derive(struct seci_line_figures *f, struct seci_err *err)
{
	seci_money t;

	if (seci_money_add(f->initial, f->in, &t, err) < 0 ||
	    seci_money_sub(t, f->out, &t, err) < 0 ||
	    seci_money_add(t, f->supplementary, &t, err) < 0 ||
	    seci_money_add(t, f->carried_in, &f->revised, err) < 0 ||
	    seci_money_sub(f->revised, f->committed, &t, err) < 0 ||
	    seci_money_sub(t, f->spent, &f->available, err) < 0)
		return -1;
	return 0;
}

static void
read_figures(sqlite3_stmt *st, struct seci_line_figures *f)
{
	f->initial = sqlite3_column_int64(st, F_INITIAL);
	f->in = sqlite3_column_int64(st, F_IN);
	f->out = sqlite3_column_int64(st, F_OUT);
	f->supplementary = sqlite3_column_int64(st, F_SUPP);
	f->committed = sqlite3_column_int64(st, F_COMMITTED);
	f->spent = sqlite3_column_int64(st, F_SPENT);
	f->carried_in = sqlite3_column_int64(st, F_CARRIED);
}

static void
bind_asof(sqlite3_stmt *st, seci_day as_of, char *buf, char *month)
{
	int y, m, d;

	seci_date_ymd(as_of, &y, &m, &d);
	seci_db_bind_text(st, 2, seci_date_format(as_of, buf));
	seci_db_bind_text(st, 3, seci_date_format(seci_date_from_ymd(y, m, 1),
	    month));
}

int
seci_budget_figures(struct seci_db *db, int64_t line_id, seci_day as_of,
    struct seci_line_figures *f, struct seci_err *err)
{
	char day[SECI_DATE_BUFSZ], month[SECI_DATE_BUFSZ];
	sqlite3_stmt *st;
	int rc;

	if ((st = seci_db_stmt(db, figures_sql, err)) == NULL)
		return -1;
	bind_asof(st, as_of, day, month);
	sqlite3_bind_int64(st, 4, line_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_figures(st, f);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return seci_db_fail(db, rc == SQLITE_DONE ? SQLITE_ERROR : rc,
		    "budget line", err);
	return derive(f, err);
}
/* ---- every line, with subtotals ---------------------------------------- */

static int
add_figures(struct seci_budget_row *t, const struct seci_budget_row *r,
    struct seci_err *err)
{
	struct seci_line_figures *a = &t->f;
	const struct seci_line_figures *b = &r->f;

	return seci_money_add(a->initial, b->initial, &a->initial, err) |
	    seci_money_add(a->in, b->in, &a->in, err) |
	    seci_money_add(a->out, b->out, &a->out, err) |
	    seci_money_add(a->supplementary, b->supplementary,
	    &a->supplementary, err) |
	    seci_money_add(a->revised, b->revised, &a->revised, err) |
	    seci_money_add(a->committed, b->committed, &a->committed, err) |
	    seci_money_add(a->spent, b->spent, &a->spent, err) |
	    seci_money_add(a->available, b->available, &a->available, err) |
	    seci_money_add(a->carried_in, b->carried_in, &a->carried_in,
	    err) |
	    seci_money_add(t->month_spent, r->month_spent, &t->month_spent,
	    err);
}

/* A chapter's subtotal row, named after the chapter. */
static int
chapter_total(struct seci_budget_row *ch, char *label, size_t size,
    seci_budget_row_fn *fn, void *arg, struct seci_err *err)
{
	snprintf(label, size, "%s total", ch->chapter_name);
	ch->name = label;
	return fn(arg, ch, err);
}

int
seci_budget_each(struct seci_db *db, int year, seci_day as_of,
    seci_budget_row_fn *fn, void *arg, struct seci_err *err)
{
	char day[SECI_DATE_BUFSZ], month[SECI_DATE_BUFSZ], chapter[64] = "";
	char chapter_name[160] = "", label[200];
	struct seci_budget_row r, ch, all;
	sqlite3_stmt *st;
	enum seci_budget_status status;
	int rc, nlines = 0, stop = 0;

	if (seci_budget_need(db, year, err) < 0 ||
	    seci_budget_status(db, year, &status, err) < 0)
		return -1;
	if ((st = seci_db_stmt(db, figures_sql, err)) == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	bind_asof(st, as_of, day, month);
	memset(&ch, 0, sizeof(ch));
	memset(&all, 0, sizeof(all));
	ch.total = SECI_BUDGET_CHAPTER;
	all.total = SECI_BUDGET_GRAND;
	ch.status = all.status = status;
	ch.chapter = chapter;
	ch.chapter_name = chapter_name;
	ch.line = ch.kind = all.chapter = all.chapter_name = all.line =
	    all.kind = "";
	all.name = "Grand total";
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *chap = (const char *)sqlite3_column_text(st,
		    F_CHAPTER);

		if (nlines > 0 && strcmp(chap, chapter) != 0) {
			if (chapter_total(&ch, label, sizeof(label), fn, arg,
			    err) < 0)
				break;
			memset(&ch.f, 0, sizeof(ch.f));
			ch.month_spent = 0;
		}
		snprintf(chapter, sizeof(chapter), "%s", chap);
		snprintf(chapter_name, sizeof(chapter_name), "%s",
		    (const char *)sqlite3_column_text(st, F_CHAPTER_NAME));
		memset(&r, 0, sizeof(r));
		r.status = status;
		r.chapter = chap;
		r.chapter_name = chapter_name;
		r.line = (const char *)sqlite3_column_text(st, F_CODE);
		r.name = (const char *)sqlite3_column_text(st, F_NAME);
		r.kind = (const char *)sqlite3_column_text(st, F_KIND);
		read_figures(st, &r.f);
		r.month_spent = sqlite3_column_int64(st, F_MONTH);
		if (derive(&r.f, err) < 0 || add_figures(&ch, &r, err) ||
		    add_figures(&all, &r, err) || fn(arg, &r, err) < 0)
			stop = 1;
		nlines++;
	}
	sqlite3_reset(st);
	if (!stop && rc == SQLITE_DONE && nlines > 0 && (chapter_total(&ch,
	    label, sizeof(label), fn, arg, err) < 0 || fn(arg, &all, err) < 0))
		stop = 1;
	if (stop || err->code)
		return -1;
	return rc == SQLITE_DONE ? 0 : seci_db_fail(db, rc, "budget", err);
}

struct chapter_find {
	const char *chapter;
	struct seci_line_figures *f;
};

static int
chapter_row(void *arg, const struct seci_budget_row *r, struct seci_err *err)
{
	struct chapter_find *c = arg;

	(void)err;
	if (r->total == SECI_BUDGET_CHAPTER && strcmp(r->chapter,
	    c->chapter) == 0)
		*c->f = r->f;
	return 0;
}

int
seci_budget_chapter(struct seci_db *db, int year, const char *chapter,
    seci_day as_of, struct seci_line_figures *f, struct seci_err *err)
{
	struct chapter_find c = { chapter, f };

	memset(f, 0, sizeof(*f));
	return seci_budget_each(db, year, as_of, chapter_row, &c, err);
}

/* ---- show -------------------------------------------------------------- */

static const struct seci_col show_cols[] = {
	{ "chapter", SECI_COL_TEXT, 0 }, { "line", SECI_COL_TEXT, 0 },
	{ "name", SECI_COL_TEXT, 0 }, { "kind", SECI_COL_TEXT, 0 },
	{ "initial", SECI_COL_MONEY, 0 }, { "transfers_in", SECI_COL_MONEY, 0 },
	{ "transfers_out", SECI_COL_MONEY, 0 },
	{ "supplementary", SECI_COL_MONEY, 0 }, { "revised", SECI_COL_MONEY, 0 },
	{ "committed", SECI_COL_MONEY, 0 }, { "spent", SECI_COL_MONEY, 0 },
	{ "available", SECI_COL_MONEY, 0 }, { "executed_pct", SECI_COL_PCT, 0 },
	{ "month_spent", SECI_COL_MONEY, 0 }, { "carried_in", SECI_COL_MONEY, 0 },
	{ "budget_status", SECI_COL_TEXT, 0 },
};

/* show's columns: the first 13 of show_cols, carried_in and
 * budget_status; execution's (month_spent): all of them. */
struct show {
	struct seci_out *o;
	int month_spent;
};

static int
show_row(void *arg, const struct seci_budget_row *r, struct seci_err *err)
{
	struct show *s = arg;
	struct seci_out *o = s->o;
	struct seci_cell c[16];

	c[0] = seci_cell_text(r->chapter);
	c[1] = seci_cell_text(r->line);
	c[2] = seci_cell_text(r->name);
	c[3] = seci_cell_text(r->kind);
	c[4] = seci_cell_int(r->f.initial);
	c[5] = seci_cell_int(r->f.in);
	c[6] = seci_cell_int(r->f.out);
	c[7] = seci_cell_int(r->f.supplementary);
	c[8] = seci_cell_int(r->f.revised);
	c[9] = seci_cell_int(r->f.committed);
	c[10] = seci_cell_int(r->f.spent);
	c[11] = seci_cell_int(r->f.available);
	c[12] = seci_cell_int(seci_money_pct10(r->f.spent, r->f.revised));
	c[13] = seci_cell_int(r->month_spent);
	c[14] = seci_cell_int(r->f.carried_in);
	c[15] = seci_cell_text(r->total ? "" :
	    seci_budget_status_name(r->status));
	if (!s->month_spent) {
		c[13] = c[14];
		c[14] = c[15];
	}
	return r->total ? seci_out_total(o, c, err) : seci_out_row(o, c, err);
}

int
seci_budget_show(struct seci_db *db, int year, seci_day as_of,
    int month_spent, const struct seci_out_opts *oo, struct seci_err *err)
{
	struct seci_col cols[16];
	struct show s = { NULL, month_spent };
	enum seci_budget_status status;
	int n = month_spent ? 16 : 15;

	/* No budget is an error before anything is printed. */
	if (seci_budget_need(db, year, err) < 0 ||
	    seci_budget_status(db, year, &status, err) < 0)
		return -1;
	memcpy(cols, show_cols, sizeof(cols));
	if (!month_spent) {
		cols[13] = show_cols[14];
		cols[14] = show_cols[15];
	}
	/* The table is read by people: a draft says so above it. */
	if (oo->format == SECI_FMT_TABLE && status == SECI_BUDGET_DRAFT)
		fprintf(oo->fp, "DRAFT: the %d budget is not adopted by the "
		    "JCC; its figures may change.\n\n", year);
	if ((s.o = seci_out_begin(oo, cols, n, err)) == NULL)
		return -1;
	if (seci_budget_each(db, year, as_of, show_row, &s, err) < 0) {
		seci_out_abort(s.o);
		return -1;
	}
	return seci_out_end(s.o, err);
}

/* ---- adoption ---------------------------------------------------------- */

char *
seci_budget_json(struct seci_db *db, const char *key, struct seci_err *err)
{
	sqlite3_stmt *st;
	char *json;

	st = seci_db_stmt(db, "SELECT json_object('year', b.year, 'status', "
	    "b.status, 'decision', b.decision, 'lines', (SELECT "
	    "json_group_array(json_object('chapter', chapter, 'code', code, "
	    "'name', name, 'kind', kind, 'initial', initial)) FROM (SELECT * "
	    "FROM budget_line WHERE year = b.year ORDER BY seq)), 'income', "
	    "(SELECT json_group_array(json_object('code', code, 'name', name, "
	    "'amount', amount)) FROM budget_income WHERE year = b.year)) "
	    "FROM budget b WHERE b.year = ?", err);
	if (st == NULL)
		return NULL;
	sqlite3_bind_int(st, 1, atoi(key));
	return seci_db_one_text(db, st, &json, err) < 0 ? NULL : json;
}

int
seci_budget_adopt(struct seci_db *db, int year, const char *decision,
    seci_day date, struct seci_err *err)
{
	struct seci_audit_change c;
	enum seci_budget_status status;
	char day[SECI_DATE_BUFSZ], key[16];
	sqlite3_stmt *st;

	if (seci_budget_status(db, year, &status, err) < 0)
		return -1;
	if (status != SECI_BUDGET_DRAFT)
		return seci_err_set(err, SECI_EXIT_DATA, status ==
		    SECI_BUDGET_NONE ? "no budget for %d to adopt" :
		    "the %d budget is already adopted", year);
	if (decision == NULL || *decision == '\0')
		return seci_err_set(err, SECI_EXIT_USAGE, "adopt: --decision "
		    "is required");
	snprintf(key, sizeof(key), "%d", year);
	if (seci_audit_begin_json(db, &c, "budget", key, seci_budget_json,
	    err) < 0)
		return -1;
	st = seci_db_stmt(db, "UPDATE budget SET status = 'adopted', "
	    "decision = ?, adopted_on = ? WHERE year = ?", err);
	if (st == NULL) {
		seci_audit_cancel(&c);
		return -1;
	}
	seci_db_bind_text(st, 1, decision);
	seci_db_bind_text(st, 2, seci_date_format(date, day));
	sqlite3_bind_int(st, 3, year);
	if (seci_db_exec_stmt(db, st, err) < 0) {
		seci_audit_cancel(&c);
		return -1;
	}
	return seci_audit_end(db, &c, err);
}

/* ---- transfers and supplements ----------------------------------------- */

static int
adopted_line(struct seci_db *db, int year, const char *code,
    struct seci_line *l, struct seci_err *err)
{
	if (seci_budget_line(db, year, code, l, err) < 0)
		return -1;
	if (l->status == SECI_BUDGET_CLOSED)
		return seci_year_writable(db, year, err);
	if (l->status != SECI_BUDGET_ADOPTED)
		return seci_err_set(err, SECI_EXIT_DATA, "the %d budget is not "
		    "adopted; change the draft and load it again", year);
	return 0;
}

int
seci_budget_transfer(struct seci_db *db, int year, const char *from,
    const char *to, seci_money amount, const char *reason,
    const char *decision, seci_day date, int director, long limit_pct,
    int64_t *id, struct seci_err *err)
{
	struct seci_line src, dst;
	struct seci_line_figures f;
	char day[SECI_DATE_BUFSZ], a[SECI_MONEY_BUFSZ], b[SECI_MONEY_BUFSZ];
	char c[SECI_MONEY_BUFSZ];
	sqlite3_stmt *st;
	seci_money used, limit;

	if (amount <= 0)
		return seci_err_set(err, SECI_EXIT_DATA, "a transfer amount "
		    "must be above zero");
	if (reason == NULL || *reason == '\0')
		return seci_err_set(err, SECI_EXIT_USAGE, "transfer: --reason "
		    "is required");
	if (adopted_line(db, year, from, &src, err) < 0 ||
	    adopted_line(db, year, to, &dst, err) < 0 ||
	    seci_year_dated(db, year, date, "a transfer", err) < 0)
		return -1;
	if (src.id == dst.id)
		return seci_err_set(err, SECI_EXIT_DATA, "a transfer needs two "
		    "different lines");
	/* The whole year's commitments and spending count, as for approvals. */
	if (seci_budget_figures(db, src.id, seci_date_from_ymd(year, 12, 31),
	    &f, err) < 0)
		return -1;
	if (amount > f.available)
		return seci_err_set(err, SECI_EXIT_DATA, "line %s has %s "
		    "available; a transfer of %s is refused", from,
		    seci_money_format(f.available, db->decimals, ',', a),
		    seci_money_format(amount, db->decimals, ',', b));
	if (decision == NULL || *decision == '\0') {
		decision = NULL;
		if (!director)
			return seci_err_set(err, SECI_EXIT_PERM, "permission "
			    "denied: only the director may transfer without "
			    "a JCC --decision");
		st = seci_db_stmt(db, "SELECT coalesce(sum(amount), 0) FROM "
		    "budget_transfer WHERE from_line = ? AND decision IS NULL",
		    err);
		if (st == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, src.id);
		if (seci_db_one_int(db, st, &used, err) < 0)
			return -1;
		limit = (seci_money)((__int128)src.initial * limit_pct / 100);
		if (used > limit - amount)
			return seci_err_set(err, SECI_EXIT_DATA, "transfers out "
			    "of line %s without a JCC decision would reach %s, "
			    "above the Director's limit of %s (%ld%% of %s); "
			    "give --decision", from, seci_money_format(used +
			    amount, db->decimals, ',', a), seci_money_format(
			    limit, db->decimals, ',', b), limit_pct,
			    seci_money_format(src.initial, db->decimals, ',',
			    c));
	}
	st = seci_db_stmt(db, "INSERT INTO budget_transfer (from_line, "
	    "to_line, amount, reason, decision, date) VALUES (?, ?, ?, ?, ?, "
	    "?)", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, src.id);
	sqlite3_bind_int64(st, 2, dst.id);
	sqlite3_bind_int64(st, 3, amount);
	seci_db_bind_text(st, 4, reason);
	seci_db_bind_text(st, 5, decision);
	seci_db_bind_text(st, 6, seci_date_format(date, day));
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(db->h);
	return seci_audit_added_id(db, "budget_transfer", *id, err);
}

int
seci_budget_supplement(struct seci_db *db, int year, const char *line,
    seci_money amount, const char *decision, seci_day date, int64_t *id,
    struct seci_err *err)
{
	struct seci_line l;
	struct seci_line_figures f;
	char day[SECI_DATE_BUFSZ], a[SECI_MONEY_BUFSZ];
	sqlite3_stmt *st;

	if (amount == 0)
		return seci_err_set(err, SECI_EXIT_DATA, "a supplement of zero "
		    "changes nothing");
	if (decision == NULL || *decision == '\0')
		return seci_err_set(err, SECI_EXIT_USAGE, "supplement: "
		    "--decision is required");
	if (adopted_line(db, year, line, &l, err) < 0 ||
	    seci_year_dated(db, year, date, "a supplement", err) < 0 ||
	    seci_budget_figures(db, l.id, seci_date_from_ymd(year, 12, 31), &f,
	    err) < 0)
		return -1;
	if (amount < 0 && -amount > f.available)
		return seci_err_set(err, SECI_EXIT_DATA, "line %s has %s "
		    "available; it cannot be reduced by more", line,
		    seci_money_format(f.available, db->decimals, ',', a));
	st = seci_db_stmt(db, "INSERT INTO budget_supplement (line_id, amount, "
	    "decision, date) VALUES (?, ?, ?, ?)", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, l.id);
	sqlite3_bind_int64(st, 2, amount);
	seci_db_bind_text(st, 3, decision);
	seci_db_bind_text(st, 4, seci_date_format(date, day));
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(db->h);
	return seci_audit_added_id(db, "budget_supplement", *id, err);
}
