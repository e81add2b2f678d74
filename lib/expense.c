/* expense.c - commitments and expenditure. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "budget.h"
#include "expense.h"
#include "ledger.h"
#include "seci_priv.h"

static const char *const expense_status[] = { "proposed", "approved",
    "rejected", "paid", NULL };

static int
audit_change(struct seci_db *db, const char *table, int64_t id,
    char *before, struct seci_err *err)
{
	char key[24], *after;
	int rc;

	snprintf(key, sizeof(key), "%lld", (long long)id);
	if ((after = seci_audit_row_json(db, table, "id", key, err)) == NULL) {
		free(before);
		return -1;
	}
	rc = seci_audit_append(db, table, key, before, after, err);
	free(before);
	free(after);
	return rc;
}

static char *
row_json(struct seci_db *db, const char *table, int64_t id,
    struct seci_err *err)
{
	char key[24];

	snprintf(key, sizeof(key), "%lld", (long long)id);
	return seci_audit_row_json(db, table, "id", key, err);
}

static int
year_of(seci_day day)
{
	int y, m, d;

	seci_date_ymd(day, &y, &m, &d);
	return y;
}

/* ---- commitments ------------------------------------------------------- */

int
seci_commit_add(struct seci_db *db, const char *line, seci_money amount,
    const char *payee, const char *ref, seci_day date, int64_t *id,
    struct seci_err *err)
{
	struct seci_line l;
	struct seci_line_figures f;
	char day[SECI_DATE_BUFSZ], a[SECI_MONEY_BUFSZ], b[SECI_MONEY_BUFSZ];
	sqlite3_stmt *st;
	int year = year_of(date);

	if (amount <= 0)
		return seci_err_set(err, SECI_EXIT_DATA, "a commitment must be "
		    "above zero");
	if (ref == NULL || *ref == '\0' || payee == NULL || *payee == '\0')
		return seci_err_set(err, SECI_EXIT_USAGE, "commit: --ref and "
		    "--payee are required");
	if (seci_budget_writable(db, year, err) < 0 ||
	    seci_budget_line(db, year, line, &l, err) < 0 ||
	    seci_budget_figures(db, l.id, seci_date_from_ymd(year, 12, 31),
	    &f, err) < 0)
		return -1;
	if (amount > f.available)
		return seci_err_set(err, SECI_EXIT_DATA, "line %s has %s "
		    "available; a commitment of %s is refused", line,
		    seci_money_format(f.available, db->decimals, ',', a),
		    seci_money_format(amount, db->decimals, ',', b));
	st = seci_db_stmt(db, "INSERT INTO commitment (line_id, year, ref, "
	    "payee, amount, date, status) VALUES (?, ?, ?, ?, ?, ?, 'open') "
	    "ON CONFLICT DO NOTHING", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, l.id);
	sqlite3_bind_int(st, 2, year);
	seci_db_bind_text(st, 3, ref);
	seci_db_bind_text(st, 4, payee);
	sqlite3_bind_int64(st, 5, amount);
	seci_db_bind_text(st, 6, seci_date_format(date, day));
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	if (sqlite3_changes(db->h) == 0)
		return seci_err_set(err, SECI_EXIT_DATA, "commitment '%s' "
		    "already exists in %d", ref, year);
	*id = sqlite3_last_insert_rowid(db->h);
	return audit_change(db, "commitment", *id, NULL, err);
}

int
seci_commit_close(struct seci_db *db, const char *ref, seci_day date,
    struct seci_err *err)
{
	char day[SECI_DATE_BUFSZ], *before;
	sqlite3_stmt *st;
	int64_t id = 0;
	int rc, year = 0;

	st = seci_db_stmt(db, "SELECT id, year FROM commitment WHERE ref = ? "
	    "AND status = 'open' ORDER BY year DESC LIMIT 1", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, ref);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		year = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return seci_err_set(err, SECI_EXIT_DATA, "no open commitment "
		    "'%s'", ref);
	if (rc != SQLITE_ROW)
		return seci_db_fail(db, rc, "commitment", err);
	if (seci_budget_writable(db, year, err) < 0 ||
	    (before = row_json(db, "commitment", id, err)) == NULL)
		return -1;
	st = seci_db_stmt(db, "UPDATE commitment SET status = 'closed', "
	    "closed_on = ? WHERE id = ?", err);
	if (st == NULL) {
		free(before);
		return -1;
	}
	seci_db_bind_text(st, 1, seci_date_format(date, day));
	sqlite3_bind_int64(st, 2, id);
	if (seci_db_exec_stmt(db, st, err) < 0) {
		free(before);
		return -1;
	}
	return audit_change(db, "commitment", id, before, err);
}

int
seci_commit_list(struct seci_db *db, int year, seci_day as_of,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "id", SECI_COL_INT }, { "year", SECI_COL_INT },
		{ "line", SECI_COL_TEXT }, { "ref", SECI_COL_TEXT },
		{ "payee", SECI_COL_TEXT }, { "date", SECI_COL_TEXT },
		{ "amount", SECI_COL_MONEY }, { "consumed", SECI_COL_MONEY },
		{ "remaining", SECI_COL_MONEY }, { "status", SECI_COL_TEXT },
	};
	char day[SECI_DATE_BUFSZ];
	sqlite3_stmt *st;

	/* As the commitments stood on as_of: made by then, consumed by the
	 * expenses dated by then, closed only if closed by then. */
	st = seci_db_stmt(db, "SELECT id, year, code, ref, payee, date, amount, "
	    "used, CASE st WHEN 'open' THEN max(amount - used, 0) ELSE 0 END, "
	    "st FROM (SELECT c.*, l.code, CASE WHEN c.status <> 'open' AND "
	    "c.closed_on <= ?2 THEN c.status ELSE 'open' END AS st, (SELECT "
	    "coalesce(sum(e.amount), 0) FROM expense e WHERE e.commitment_id = "
	    "c.id AND e.status IN ('approved', 'paid') AND e.date <= ?2) AS used "
	    "FROM commitment c JOIN budget_line l ON l.id = c.line_id WHERE "
	    "c.year = ?1 AND c.date <= ?2) ORDER BY date, id", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	seci_db_bind_text(st, 2, seci_date_format(as_of, day));
	return seci_db_print(db, st, cols, 10, oo, err);
}

/* ---- expenses ---------------------------------------------------------- */

/* The open commitment ref of year on line, or SECI_EXIT_DATA. */
static int
find_commitment(struct seci_db *db, int year, const char *ref,
    int64_t line_id, const char *line, int64_t *id, struct seci_err *err)
{
	sqlite3_stmt *st;
	int64_t on_line = 0;
	int rc;
	const char *status = NULL;

	st = seci_db_stmt(db, "SELECT id, line_id, status FROM commitment "
	    "WHERE year = ? AND ref = ?", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	seci_db_bind_text(st, 2, ref);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		on_line = sqlite3_column_int64(st, 1);
		status = strcmp((const char *)sqlite3_column_text(st, 2),
		    "open") == 0 ? "open" : "closed";
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return seci_err_set(err, SECI_EXIT_DATA, "no commitment '%s' "
		    "in %d", ref, year);
	if (rc != SQLITE_ROW)
		return seci_db_fail(db, rc, "commitment", err);
	if (strcmp(status, "open") != 0)
		return seci_err_set(err, SECI_EXIT_DATA, "commitment '%s' is "
		    "closed", ref);
	if (on_line != line_id)
		return seci_err_set(err, SECI_EXIT_DATA, "commitment '%s' is "
		    "not on line %s", ref, line);
	return 0;
}

static const char insert_sql[] = "INSERT INTO expense (line_id, date, "
    "payee, amount, status, reference, row_key, commitment_id, "
    "description, import_id) VALUES (?, ?, ?, ?, 'proposed', ?, ?, ?, ?, ?) "
    "ON CONFLICT DO NOTHING";

int
seci_expense_add(struct seci_db *db, const struct seci_expense *e,
    int64_t *id, struct seci_err *err)
{
	struct seci_line l;
	char day[SECI_DATE_BUFSZ];
	sqlite3_stmt *st;
	int64_t cid = 0;
	int year = year_of(e->date);

	if (e->amount <= 0)
		return seci_err_set(err, SECI_EXIT_DATA, "an expense must be "
		    "above zero");
	if (e->payee == NULL || *e->payee == '\0')
		return seci_err_set(err, SECI_EXIT_USAGE, "expense add: "
		    "--payee is required");
	if (seci_budget_writable(db, year, err) < 0 ||
	    seci_budget_line(db, year, e->line, &l, err) < 0)
		return -1;
	if (e->commitment && find_commitment(db, year, e->commitment, l.id,
	    e->line, &cid, err) < 0)
		return -1;
	if ((st = seci_db_stmt(db, insert_sql, err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, l.id);
	seci_db_bind_text(st, 2, seci_date_format(e->date, day));
	seci_db_bind_text(st, 3, e->payee);
	sqlite3_bind_int64(st, 4, e->amount);
	seci_db_bind_text(st, 5, e->reference && *e->reference ?
	    e->reference : NULL);
	if (cid)
		sqlite3_bind_int64(st, 7, cid);
	seci_db_bind_text(st, 8, e->description ? e->description : "");
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	if (sqlite3_changes(db->h) == 0)
		return seci_err_set(err, SECI_EXIT_DATA, "an expense with "
		    "reference '%s' already exists", e->reference);
	*id = sqlite3_last_insert_rowid(db->h);
	return audit_change(db, "expense", *id, NULL, err);
}

/* ---- import ------------------------------------------------------------ */

struct line_cache {
	int year;
	char code[64];
	int64_t id;		/* 0: no such line */
	int closed;
};

/*
 * Rows are inserted BATCH at a time with one multi-row INSERT: SQLite then
 * opens its cursors and checks once per batch instead of once per row.
 */
#define BATCH 64

struct pending {
	int64_t line_id, commitment_id;
	seci_money amount;
	char date[SECI_DATE_BUFSZ];
	size_t payee, ref, key, desc;	/* offsets into the arena; 0: NULL */
	unsigned long lineno;		/* in the file */
};

struct importer {
	struct seci_db *db;
	struct seci_import *imp;
	struct seci_import_stats *stats;
	struct line_cache *lines;
	size_t nlines;
	struct pending rows[BATCH];
	int npending;
	char *arena;
	size_t alen, acap;
	seci_progress_fn *progress;
	void *progress_arg;
	unsigned bad;
	const char *file;
};

static const struct line_cache *
cached_line(struct importer *im, int year, const char *code,
    struct seci_err *err)
{
	struct seci_err quiet = SECI_ERR_INIT;
	struct line_cache *c;
	struct seci_line l;
	size_t i;

	for (i = 0; i < im->nlines; i++)
		if (im->lines[i].year == year &&
		    strcmp(im->lines[i].code, code) == 0)
			return &im->lines[i];
	if (strlen(code) >= sizeof(c->code) ||
	    (c = realloc(im->lines, (im->nlines + 1) * sizeof(*c))) == NULL) {
		seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
		return NULL;
	}
	im->lines = c;
	c = &im->lines[im->nlines++];
	memset(c, 0, sizeof(*c));
	c->year = year;
	snprintf(c->code, sizeof(c->code), "%s", code);
	if (seci_budget_line(im->db, year, code, &l, &quiet) == 0)
		c->id = l.id;
	c->closed = seci_budget_writable(im->db, year, &quiet) < 0;
	return c;
}

enum { X_DATE, X_LINE, X_PAYEE, X_AMOUNT, X_DESC, X_REF, X_COMMIT };

/* Copy s into the arena; its offset (never 0), or -1 without memory. */
static size_t
keep(struct importer *im, const char *s)
{
	size_t n = strlen(s) + 1, off;
	char *a;

	if (im->alen == 0)
		im->alen = 1;	/* offset 0 means NULL */
	if (im->alen + n > im->acap) {
		size_t cap = im->acap ? im->acap : 4096;

		while (cap < im->alen + n)
			cap *= 2;
		if ((a = realloc(im->arena, cap)) == NULL)
			return (size_t)-1;
		im->arena = a;
		im->acap = cap;
	}
	off = im->alen;
	memcpy(im->arena + off, s, n);
	im->alen += n;
	return off;
}

/* The multi-row INSERT for a full batch, built once. */
static const char *
batch_sql(void)
{
	static char sql[sizeof(insert_sql) + BATCH * 48];
	static const char row[] = "(?, ?, ?, ?, 'proposed', ?, ?, ?, ?, ?)";
	size_t len;
	int i;

	if (sql[0] != '\0')
		return sql;
	len = (size_t)snprintf(sql, sizeof(sql), "%.*s", (int)(strstr(
	    insert_sql, "VALUES") - insert_sql + 7), insert_sql);
	for (i = 0; i < BATCH; i++)
		len += (size_t)snprintf(sql + len, sizeof(sql) - len, "%s%s",
		    i ? ", " : "", row);
	snprintf(sql + len, sizeof(sql) - len, " ON CONFLICT DO NOTHING");
	return sql;
}

static const char *
arena_str(const struct importer *im, size_t off)
{
	return off ? im->arena + off : NULL;
}

/*
 * A reference already used is a duplicate only when it is the same
 * expense: the same line, date, payee and amount.  Another expense under
 * a known reference would otherwise be dropped without a word.
 */
static int
same_reference(struct importer *im, const char *file, unsigned long lineno,
    const char *ref, int64_t line_id, const char *date, const char *payee,
    seci_money amount, struct seci_err *err)
{
	char was[SECI_MONEY_BUFSZ], who[64];
	sqlite3_stmt *st;
	int rc;

	st = seci_db_stmt(im->db, "SELECT e.id, l.code, e.date, e.payee, "
	    "e.amount, e.line_id, e.import_id FROM expense e JOIN budget_line "
	    "l ON l.id = e.line_id WHERE e.reference = ?", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, ref, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_reset(st);
		return seci_db_fail(im->db, rc, "expense", err);
	}
	if (sqlite3_column_int64(st, 5) == line_id &&
	    strcmp((const char *)sqlite3_column_text(st, 2), date) == 0 &&
	    sqlite3_column_int64(st, 4) == amount &&
	    strcmp((const char *)sqlite3_column_text(st, 3), payee) == 0) {
		sqlite3_reset(st);
		return 0;
	}
	seci_money_format(sqlite3_column_int64(st, 4), im->db->decimals, 0,
	    was);
	/* A row earlier in this file has no expense number to show. */
	if (sqlite3_column_int64(st, 6) == seci_import_id(im->imp))
		snprintf(who, sizeof(who), "on an earlier row of this file");
	else
		snprintf(who, sizeof(who), "expense %lld already",
		    (long long)sqlite3_column_int64(st, 0));
	seci_err_set(err, SECI_EXIT_DATA, "%s:%lu: reference '%.40s' is %s "
	    "(line %s, %s, %.40s, %s), another expense; nothing written",
	    file, lineno, ref, who, (const char *)sqlite3_column_text(st, 1),
	    (const char *)sqlite3_column_text(st, 2),
	    (const char *)sqlite3_column_text(st, 3), was);
	sqlite3_reset(st);
	return -1;
}

/* Insert the pending rows: a full batch in one statement, a partial one
 * (the end of the file) row by row. */
static int
flush(struct importer *im, struct seci_err *err)
{
	const int per = 9;
	sqlite3_stmt *st = NULL;
	unsigned long inserted = 0;
	int i, base, rows = im->npending, one = rows != BATCH;

	if (rows == 0)
		return 0;
	for (i = 0; i < rows; i++) {
		const struct pending *p = &im->rows[i];

		if (i == 0 || one) {
			st = seci_db_stmt(im->db, one ? insert_sql :
			    batch_sql(), err);
			if (st == NULL)
				return -1;
		}
		base = one ? 0 : i * per;
		sqlite3_bind_int64(st, base + 1, p->line_id);
		sqlite3_bind_text(st, base + 2, p->date, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, base + 3, arena_str(im, p->payee), -1,
		    SQLITE_STATIC);
		sqlite3_bind_int64(st, base + 4, p->amount);
		sqlite3_bind_text(st, base + 5, arena_str(im, p->ref), -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(st, base + 6, arena_str(im, p->key), -1,
		    SQLITE_STATIC);
		if (p->commitment_id)
			sqlite3_bind_int64(st, base + 7, p->commitment_id);
		sqlite3_bind_text(st, base + 8, arena_str(im, p->desc), -1,
		    SQLITE_STATIC);
		sqlite3_bind_int64(st, base + 9, seci_import_id(im->imp));
		if (one || i == rows - 1) {
			if (seci_db_exec_stmt(im->db, st, err) < 0)
				return -1;
			inserted += (unsigned long)sqlite3_changes(im->db->h);
		}
	}
	/* What the unique references and keys kept out were duplicates --
	 * if a reference kept out is the same expense, not another one. */
	if (inserted < (unsigned long)rows) {
		for (i = 0; i < rows; i++)
			if (im->rows[i].ref && same_reference(im, im->file,
			    im->rows[i].lineno, arena_str(im, im->rows[i].ref),
			    im->rows[i].line_id, im->rows[i].date, arena_str(im,
			    im->rows[i].payee), im->rows[i].amount, err) < 0)
				return -1;
	}
	im->stats->added += inserted;
	im->stats->duplicate += (unsigned long)rows - inserted;
	im->npending = 0;
	im->alen = 1;
	return 0;
}

static int
import_row(void *arg, const struct seci_csv_row *row, struct seci_err *err)
{
	struct importer *im = arg;
	struct seci_err e = SECI_ERR_INIT;
	const struct line_cache *lc = NULL;
	const char *const *v = row->val;
	char key[SECI_ROW_KEY_HEX];
	struct pending *p;
	seci_day date = 0;
	seci_money amount = 0;
	int64_t cid = 0;
	int bad = 0, year = 0;

	im->stats->read++;
	if (im->progress && im->stats->read % 100000 == 0)
		im->progress(im->progress_arg, im->stats->read);
	if (seci_date_parse(v[X_DATE], NULL, &date, &e) < 0) {
		seci_err_report(err, SECI_ERROR, "%s:%lu: %s", row->file,
		    row->line, e.msg);
		bad = 1;
	} else {
		year = year_of(date);
	}
	if (seci_money_parse(v[X_AMOUNT], im->db->decimals, '.', &amount,
	    &e) < 0) {
		seci_err_report(err, SECI_ERROR, "%s:%lu: %s", row->file,
		    row->line, e.msg);
		bad = 1;
	} else if (amount <= 0) {
		seci_err_report(err, SECI_ERROR, "%s:%lu: amount %s: an "
		    "expense must be above zero", row->file, row->line,
		    v[X_AMOUNT]);
		bad = 1;
	}
	if (*v[X_PAYEE] == '\0') {
		seci_err_report(err, SECI_ERROR, "%s:%lu: empty payee",
		    row->file, row->line);
		bad = 1;
	}
	if (year) {
		if ((lc = cached_line(im, year, v[X_LINE], err)) == NULL)
			return -1;
		if (lc->id == 0) {
			seci_err_report(err, SECI_ERROR, "%s:%lu: no budget "
			    "line '%s' in %d", row->file, row->line,
			    v[X_LINE], year);
			bad = 1;
		} else if (lc->closed && !bad) {
			/* Only welcome as a duplicate of a row imported before
			 * the year closed. */
			int64_t known;
			char cents[24], day[SECI_DATE_BUFSZ];
			const char *f[5];
			sqlite3_stmt *st;

			snprintf(cents, sizeof(cents), "%lld", (long long)amount);
			f[0] = seci_date_format(date, day);
			f[1] = v[X_LINE];
			f[2] = v[X_PAYEE];
			f[3] = cents;
			f[4] = v[X_DESC] ? v[X_DESC] : "";
			seci_row_key(f, 5, key);
			st = seci_db_stmt(im->db, "SELECT count(*) FROM expense "
			    "WHERE reference = ?1 OR row_key = ?2", err);
			if (st == NULL)
				return -1;
			seci_db_bind_text(st, 1, v[X_REF] && *v[X_REF] ?
			    v[X_REF] : NULL);
			seci_db_bind_text(st, 2, v[X_REF] && *v[X_REF] ? NULL :
			    key);
			if (seci_db_one_int(im->db, st, &known, err) < 0)
				return -1;
			if (known && v[X_REF] && *v[X_REF] &&
			    same_reference(im, row->file, row->line, v[X_REF],
			    lc->id, f[0], v[X_PAYEE], amount, err) < 0)
				return -1;
			if (known) {
				im->stats->duplicate++;
				return 0;
			}
			seci_err_report(err, SECI_ERROR, "%s:%lu: budget year "
			    "%d is closed", row->file, row->line, year);
			bad = 1;
		} else if (lc->closed) {
			bad = 1;
		} else if (v[X_COMMIT] && *v[X_COMMIT] &&
		    find_commitment(im->db, year, v[X_COMMIT], lc->id,
		    v[X_LINE], &cid, &e) < 0) {
			if (e.code != SECI_EXIT_DATA)
				return seci_err_set(err, e.code, "%s", e.msg);
			seci_err_report(err, SECI_ERROR, "%s:%lu: %s",
			    row->file, row->line, e.msg);
			bad = 1;
		}
	}
	if (bad)
		return 1;
	p = &im->rows[im->npending];
	im->file = row->file;
	p->lineno = row->line;
	p->line_id = lc->id;
	p->commitment_id = cid;
	p->amount = amount;
	seci_date_format(date, p->date);
	p->payee = keep(im, v[X_PAYEE]);
	p->desc = keep(im, v[X_DESC] ? v[X_DESC] : "");
	p->ref = p->key = 0;
	if (v[X_REF] && *v[X_REF]) {
		p->ref = keep(im, v[X_REF]);
	} else {
		/* The key is made of the values, not their spelling: 100 and
		 * 100.00 are the same amount. */
		char cents[24];
		const char *f[5];

		snprintf(cents, sizeof(cents), "%lld", (long long)amount);
		f[0] = p->date;
		f[1] = v[X_LINE];
		f[2] = v[X_PAYEE];
		f[3] = cents;
		f[4] = v[X_DESC] ? v[X_DESC] : "";
		seci_row_key(f, 5, key);
		p->key = keep(im, key);
	}
	if (p->payee == (size_t)-1 || p->desc == (size_t)-1 ||
	    p->ref == (size_t)-1 || p->key == (size_t)-1)
		return seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
	if (++im->npending == BATCH && flush(im, err) < 0)
		return -1;
	return 0;
}

int
seci_expense_import(struct seci_db *db, FILE *fp, const char *name,
    struct seci_import_stats *stats, seci_progress_fn *progress,
    void *progress_arg, struct seci_err *err)
{
	static const struct seci_csv_col cols[] = {
		{ "date", 1 }, { "line", 1 }, { "payee", 1 }, { "amount", 1 },
		{ "description", 1 }, { "reference", 0 }, { "commitment", 0 },
	};
	struct seci_csv_opts o = { .cols = cols, .ncols = 7,
	    .warn_unknown = 1 };
	struct importer im;
	int rc;

	memset(&im, 0, sizeof(im));
	memset(stats, 0, sizeof(*stats));
	im.db = db;
	im.stats = stats;
	im.progress = progress;
	im.progress_arg = progress_arg;
	if ((im.imp = seci_import_begin(db, "expense", name, err)) == NULL)
		return -1;
	seci_import_csv_opts(im.imp, &o);
	rc = seci_csv_read(fp, name, &o, import_row, &im, NULL, err);
	if (rc == 0)
		rc = flush(&im, err);
	if (rc == 0)
		rc = seci_import_finish(im.imp, stats, err);
	seci_import_free(im.imp);
	free(im.lines);
	free(im.arena);
	return rc;
}

/* ---- approval ---------------------------------------------------------- */

struct expense_row {
	int64_t id, line_id;
	seci_money amount;
	seci_day date;
	int year;
	char status[16], code[64], chapter[64], kind[16];
};

static int
load_expense(struct seci_db *db, int64_t id, struct expense_row *r,
    struct seci_err *err)
{
	struct seci_err ignore = SECI_ERR_INIT;
	sqlite3_stmt *st;
	int rc;

	st = seci_db_stmt(db, "SELECT e.line_id, e.amount, e.date, e.status, "
	    "l.year, l.code, l.chapter, l.kind FROM expense e JOIN budget_line "
	    "l ON l.id = e.line_id WHERE e.id = ?", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r->id = id;
		r->line_id = sqlite3_column_int64(st, 0);
		r->amount = sqlite3_column_int64(st, 1);
		seci_date_parse((const char *)sqlite3_column_text(st, 2), NULL,
		    &r->date, &ignore);
		snprintf(r->status, sizeof(r->status), "%s",
		    (const char *)sqlite3_column_text(st, 3));
		r->year = sqlite3_column_int(st, 4);
		snprintf(r->code, sizeof(r->code), "%s",
		    (const char *)sqlite3_column_text(st, 5));
		snprintf(r->chapter, sizeof(r->chapter), "%s",
		    (const char *)sqlite3_column_text(st, 6));
		snprintf(r->kind, sizeof(r->kind), "%s",
		    (const char *)sqlite3_column_text(st, 7));
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return seci_err_set(err, SECI_EXIT_DATA, "no expense %lld",
		    (long long)id);
	if (rc != SQLITE_ROW)
		return seci_db_fail(db, rc, "expense", err);
	return 0;
}

/* Months of year elapsed at day: 0 before it begins, 12 after it ends. */
static int
months_elapsed(int year, seci_day day)
{
	int y, m, d;

	seci_date_ymd(day, &y, &m, &d);
	return y < year ? 0 : y > year ? 12 : m;
}

/* Provisional twelfths for a year whose budget is not adopted. */
static int
check_twelfths(struct seci_db *db, const struct expense_row *r,
    seci_day date, struct seci_err *err)
{
	char a[SECI_MONEY_BUFSZ], b[SECI_MONEY_BUFSZ], c[SECI_MONEY_BUFSZ];
	sqlite3_stmt *st;
	seci_money prev, approved, cap;
	int rc, m = months_elapsed(r->year, date);

	st = seci_db_stmt(db, "SELECT "
	    " (SELECT coalesce(sum(l.initial "
	    "   + (SELECT coalesce(sum(amount), 0) FROM budget_transfer "
	    "      WHERE to_line = l.id) "
	    "   - (SELECT coalesce(sum(amount), 0) FROM budget_transfer "
	    "      WHERE from_line = l.id) "
	    "   + (SELECT coalesce(sum(amount), 0) FROM budget_supplement "
	    "      WHERE line_id = l.id)), 0) "
	    "   FROM budget_line l JOIN budget b ON b.year = l.year "
	    "   WHERE l.year = ?1 - 1 AND l.chapter = ?2 "
	    "   AND b.status IN ('adopted', 'closed')), "
	    " (SELECT coalesce(sum(e.amount), 0) FROM expense e JOIN "
	    "   budget_line l ON l.id = e.line_id WHERE l.year = ?1 AND "
	    "   l.chapter = ?2 AND e.status IN ('approved', 'paid'))", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, r->year);
	seci_db_bind_text(st, 2, r->chapter);
	rc = sqlite3_step(st);
	prev = sqlite3_column_int64(st, 0);
	approved = sqlite3_column_int64(st, 1);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return seci_db_fail(db, rc, "expense", err);
	cap = (seci_money)((__int128)prev * m / 12);
	if (approved > cap)
		return seci_err_set(err, SECI_EXIT_DATA, "the %d budget is not "
		    "adopted: provisional twelfths allow chapter %s %s by month "
		    "%d (%d/12 of %s revised in %d); this approval would bring "
		    "it to %s", r->year, r->chapter, seci_money_format(cap,
		    db->decimals, ',', a), m, m, seci_money_format(prev,
		    db->decimals, ',', b), r->year - 1, seci_money_format(
		    approved, db->decimals, ',', c));
	return 0;
}

static const char *
expense_account(const char *kind)
{
	if (strcmp(kind, "staff") == 0)
		return SECI_ACC_STAFF;
	if (strcmp(kind, "capital") == 0)
		return SECI_ACC_FIXED_ASSETS;
	return SECI_ACC_OPERATING;
}

int
seci_expense_approve(struct seci_db *db, int64_t id,
    const struct seci_approval *a, struct seci_err *err)
{
	struct expense_row r;
	struct seci_line_figures f;
	struct seci_ledger_ref ref = { "expense", id, 0 };
	struct seci_posting p[2];
	enum seci_budget_status status;
	char day[SECI_DATE_BUFSZ], x[SECI_MONEY_BUFSZ], y[SECI_MONEY_BUFSZ];
	char memo[128], *before;
	sqlite3_stmt *st;

	if (load_expense(db, id, &r, err) < 0)
		return -1;
	if (strcmp(r.status, "proposed") != 0)
		return seci_err_set(err, SECI_EXIT_DATA, "expense %lld is %s, "
		    "not proposed", (long long)id, r.status);
	if (seci_budget_writable(db, r.year, err) < 0 ||
	    seci_budget_status(db, r.year, &status, err) < 0)
		return -1;
	if (r.amount > a->threshold && !a->director)
		return seci_err_set(err, SECI_EXIT_PERM, "permission denied: "
		    "expense %lld is %s, above the approval threshold of %s; "
		    "only the director may approve it", (long long)id,
		    seci_money_format(r.amount, db->decimals, ',', x),
		    seci_money_format(a->threshold, db->decimals, ',', y));
	if (a->override && !a->director)
		return seci_err_set(err, SECI_EXIT_PERM, "permission denied: "
		    "only the director may --override");
	if (a->override && (a->reason == NULL || *a->reason == '\0'))
		return seci_err_set(err, SECI_EXIT_USAGE, "--override needs "
		    "--reason");
	if ((before = row_json(db, "expense", id, err)) == NULL)
		return -1;
	st = seci_db_stmt(db, "UPDATE expense SET status = 'approved', "
	    "approved_by = ?, approved_on = ?, override_reason = ? WHERE id = ?",
	    err);
	if (st == NULL)
		goto fail;
	seci_db_bind_text(st, 1, db->login);
	seci_db_bind_text(st, 2, seci_date_format(a->date, day));
	seci_db_bind_text(st, 3, a->override ? a->reason : NULL);
	sqlite3_bind_int64(st, 4, id);
	if (seci_db_exec_stmt(db, st, err) < 0)
		goto fail;
	if (status == SECI_BUDGET_ADOPTED) {
		/* The whole year's commitments and spending count. */
		if (seci_budget_figures(db, r.line_id, seci_date_from_ymd(
		    r.year, 12, 31), &f, err) < 0)
			goto fail;
		if (f.available < 0 && !a->override) {
			seci_err_set(err, SECI_EXIT_DATA, "line %s would be "
			    "overspent by %s (expense %lld of %s); refused",
			    r.code, seci_money_format(-f.available,
			    db->decimals, ',', x), (long long)id,
			    seci_money_format(r.amount, db->decimals, ',', y));
			goto fail;
		}
	} else if (check_twelfths(db, &r, a->date, err) < 0) {
		goto fail;
	}
	snprintf(memo, sizeof(memo), "expense %lld approved, line %s",
	    (long long)id, r.code);
	p[0].account = expense_account(r.kind);
	p[0].amount = r.amount;
	p[1].account = SECI_ACC_PAYABLE;
	p[1].amount = -r.amount;
	if (seci_ledger_post(db, r.date, memo, &ref, p, 2, NULL, err) < 0)
		goto fail;
	return audit_change(db, "expense", id, before, err);
fail:
	free(before);
	return -1;
}

int
seci_expense_reject(struct seci_db *db, int64_t id, const char *reason,
    seci_day date, struct seci_err *err)
{
	struct expense_row r;
	char day[SECI_DATE_BUFSZ], *before;
	sqlite3_stmt *st;

	if (reason == NULL || *reason == '\0')
		return seci_err_set(err, SECI_EXIT_USAGE, "expense reject: "
		    "--reason is required");
	if (load_expense(db, id, &r, err) < 0)
		return -1;
	if (strcmp(r.status, "proposed") != 0)
		return seci_err_set(err, SECI_EXIT_DATA, "expense %lld is %s, "
		    "not proposed", (long long)id, r.status);
	if (seci_budget_writable(db, r.year, err) < 0 ||
	    (before = row_json(db, "expense", id, err)) == NULL)
		return -1;
	st = seci_db_stmt(db, "UPDATE expense SET status = 'rejected', "
	    "reject_reason = ?, approved_by = ?, approved_on = ? WHERE id = ?",
	    err);
	if (st == NULL) {
		free(before);
		return -1;
	}
	seci_db_bind_text(st, 1, reason);
	seci_db_bind_text(st, 2, db->login);
	seci_db_bind_text(st, 3, seci_date_format(date, day));
	sqlite3_bind_int64(st, 4, id);
	if (seci_db_exec_stmt(db, st, err) < 0) {
		free(before);
		return -1;
	}
	return audit_change(db, "expense", id, before, err);
}

int
seci_expense_pay(struct seci_db *db, int64_t id, seci_day date,
    struct seci_err *err)
{
	struct expense_row r;
	struct seci_ledger_ref ref = { "payment-out", id, 0 };
	struct seci_posting p[2];
	char day[SECI_DATE_BUFSZ], memo[96], *before;
	sqlite3_stmt *st;

	if (load_expense(db, id, &r, err) < 0)
		return -1;
	if (strcmp(r.status, "approved") != 0)
		return seci_err_set(err, SECI_EXIT_DATA, "expense %lld is %s; "
		    "only an approved expense can be paid", (long long)id,
		    r.status);
	if (date < r.date)
		return seci_err_set(err, SECI_EXIT_DATA, "expense %lld is dated "
		    "after %s; it cannot be paid before it", (long long)id,
		    seci_date_format(date, day));
	/* Paying a payable of a closed year is a cash event of the year it
	 * happens in: that year must be open. */
	if (seci_budget_writable(db, year_of(date), err) < 0 ||
	    (before = row_json(db, "expense", id, err)) == NULL)
		return -1;
	st = seci_db_stmt(db, "UPDATE expense SET status = 'paid', paid_on = ? "
	    "WHERE id = ?", err);
	if (st == NULL) {
		free(before);
		return -1;
	}
	seci_db_bind_text(st, 1, seci_date_format(date, day));
	sqlite3_bind_int64(st, 2, id);
	snprintf(memo, sizeof(memo), "expense %lld paid", (long long)id);
	p[0].account = SECI_ACC_PAYABLE;
	p[0].amount = r.amount;
	p[1].account = SECI_ACC_BANK;
	p[1].amount = -r.amount;
	if (seci_db_exec_stmt(db, st, err) < 0 ||
	    seci_ledger_post(db, date, memo, &ref, p, 2, NULL, err) < 0) {
		free(before);
		return -1;
	}
	return audit_change(db, "expense", id, before, err);
}

int
seci_expense_list(struct seci_db *db, const struct seci_expense_filter *f,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "id", SECI_COL_INT }, { "date", SECI_COL_TEXT },
		{ "line", SECI_COL_TEXT }, { "payee", SECI_COL_TEXT },
		{ "amount", SECI_COL_MONEY }, { "status", SECI_COL_TEXT },
		{ "reference", SECI_COL_TEXT }, { "commitment", SECI_COL_TEXT },
		{ "description", SECI_COL_TEXT },
	};
	sqlite3_stmt *st;
	int i;

	if (f->status) {
		for (i = 0; expense_status[i]; i++)
			if (strcmp(f->status, expense_status[i]) == 0)
				break;
		if (expense_status[i] == NULL)
			return seci_err_set(err, SECI_EXIT_USAGE, "unknown "
			    "status '%s' (proposed, approved, rejected, paid)",
			    f->status);
	}
	st = seci_db_stmt(db, "SELECT e.id, e.date, l.code, e.payee, e.amount, "
	    "e.status, e.reference, c.ref, e.description FROM expense e "
	    "JOIN budget_line l ON l.id = e.line_id LEFT JOIN commitment c ON "
	    "c.id = e.commitment_id WHERE (?1 IS NULL OR l.year = ?1) AND "
	    "(?2 IS NULL OR l.code = ?2) AND (?3 IS NULL OR e.status = ?3) AND "
	    "(?4 IS NULL OR e.date >= ?4) AND (?5 IS NULL OR e.date <= ?5) "
	    "ORDER BY e.date, e.id", err);
	if (st == NULL)
		return -1;
	if (f->from == NULL && f->to == NULL)
		sqlite3_bind_int(st, 1, f->year);
	seci_db_bind_text(st, 2, f->line);
	seci_db_bind_text(st, 3, f->status);
	seci_db_bind_text(st, 4, f->from);
	seci_db_bind_text(st, 5, f->to);
	return seci_db_print(db, st, cols, 9, oo, err);
}
