/* expimport.c - proposed expenses imported from CSV, in batches,
 * idempotently. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "budget.h"
#include "commitment.h"
#include "expense.h"
#include "import.h"
#include "input.h"
#include "profile.h"
#include "seci_priv.h"
#include "year.h"

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
	const char *date_format;	/* the profile's, or NULL: ISO */
	char decimal;			/* the profile's decimal mark */
	int decimals;			/* the base currency's */
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
	c->closed = seci_year_writable(im->db, year, &quiet) < 0;
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
	static char sql[512 + BATCH * 48];
	static const char row[] = "(?, ?, ?, ?, 'proposed', ?, ?, ?, ?, ?)";
	const char *one = seci_expense_insert_sql;
	size_t len;
	int i;

	if (sql[0] != '\0')
		return sql;
	len = (size_t)snprintf(sql, sizeof(sql), "%.*s", (int)(strstr(one,
	    "VALUES") - one + 7), one);
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

/* Whether an expense of this key is already written by this import. */
static int
written_here(struct importer *im, const char *key, struct seci_err *err)
{
	sqlite3_stmt *st;
	int64_t n;

	st = seci_db_stmt(im->db, "SELECT count(*) FROM expense WHERE "
	    "row_key = ? AND import_id = ?", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, key);
	sqlite3_bind_int64(st, 2, seci_import_id(im->imp));
	if (seci_db_one_int(im->db, st, &n, err) < 0)
		return -1;
	return n > 0;
}

/* A row kept out as a duplicate of an earlier import: its repeats in
 * this file count on from it. */
static int
note_if_duplicate(struct importer *im, const char *key, struct seci_err *err)
{
	int here = written_here(im, key, err);

	if (here < 0)
		return -1;
	return here ? 0 : seci_import_note_duplicate(im->imp, key, err);
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
			st = seci_db_stmt(im->db, one ? seci_expense_insert_sql :
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
		for (i = 0; i < rows; i++) {
			if (im->rows[i].ref && same_reference(im, im->file,
			    im->rows[i].lineno, arena_str(im, im->rows[i].ref),
			    im->rows[i].line_id, im->rows[i].date, arena_str(im,
			    im->rows[i].payee), im->rows[i].amount, err) < 0)
				return -1;
			if (im->rows[i].key && note_if_duplicate(im,
			    arena_str(im, im->rows[i].key), err) < 0)
				return -1;
		}
	}
	im->stats->added += inserted;
	im->stats->duplicate += (unsigned long)rows - inserted;
	im->npending = 0;
	im->alen = 1;
	return 0;
}

/* Whether an expense of this key came in earlier in this import: in the
 * batch not written yet, or written. */
static int
added_here(void *arg, const char *key, struct seci_err *err)
{
	struct importer *im = arg;
	int i;

	for (i = 0; i < im->npending; i++)
		if (im->rows[i].key && strcmp(arena_str(im, im->rows[i].key),
		    key) == 0)
			return 1;
	return written_here(im, key, err);
}

/*
 * A row of a closed year is only welcome as a duplicate of a row imported
 * before the year closed: 0 when it is one (counted), 1 when it is bad
 * (reported), -1 on error.
 */
static int
closed_year_row(struct importer *im, const struct seci_csv_row *row,
    const struct line_cache *lc, seci_day date, seci_money amount, int year,
    struct seci_err *err)
{
	const char *const *v = row->val;
	char cents[24], day[SECI_DATE_BUFSZ], key[SECI_ROW_KEY_MAX];
	const char *f[5];
	sqlite3_stmt *st;
	int64_t known;

	snprintf(cents, sizeof(cents), "%lld", (long long)amount);
	f[0] = seci_date_format(date, day);
	f[1] = v[X_LINE];
	f[2] = v[X_PAYEE];
	f[3] = cents;
	f[4] = v[X_DESC] ? v[X_DESC] : "";
	seci_row_key(f, 5, key);
	if ((!v[X_REF] || !*v[X_REF]) && seci_import_occurrence(im->imp, key,
	    added_here, im, err) < 0)
		return -1;
	st = seci_db_stmt(im->db, "SELECT count(*) FROM expense WHERE "
	    "reference = ?1 OR row_key = ?2", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, v[X_REF] && *v[X_REF] ? v[X_REF] : NULL);
	seci_db_bind_text(st, 2, v[X_REF] && *v[X_REF] ? NULL : key);
	if (seci_db_one_int(im->db, st, &known, err) < 0)
		return -1;
	if (known && v[X_REF] && *v[X_REF] && same_reference(im, row->file,
	    row->line, v[X_REF], lc->id, f[0], v[X_PAYEE], amount, err) < 0)
		return -1;
	if (known) {
		im->stats->duplicate++;
		return v[X_REF] && *v[X_REF] ? 0 :
		    seci_import_note_duplicate(im->imp, key, err);
	}
	seci_err_report(err, SECI_ERROR, "%s:%lu: budget year %d is closed",
	    row->file, row->line, year);
	return 1;
}

/* What the reading thread makes of a row: its values, what is wrong
 * with them (up to three reports, in the order they are made), and the
 * key of a row without a reference. */
struct prepared {
	seci_day date;
	int year;		/* 0: a bad date */
	seci_money amount;
	struct seci_csv_notes notes;	/* what is wrong, in order */
	char key[SECI_ROW_KEY_MAX];
};

/* The row's own values, with nothing but the row (in the reading
 * thread). */
static void
prepare_row(void *arg, const struct seci_csv_row *row, void *prep)
{
	const struct importer *im = arg;
	const char *const *v = row->val;
	struct prepared *pr = prep;
	struct seci_err e = SECI_ERR_INIT, rep;

	pr->date = 0;
	pr->year = 0;
	pr->amount = 0;
	seci_csv_notes_begin(&pr->notes, row, &rep);
	if (seci_date_parse(v[X_DATE], im->date_format, &pr->date, &e) < 0)
		seci_err_report(&rep, SECI_ERROR, "%s:%lu: %s", row->file,
		    row->line, e.msg);
	else
		pr->year = seci_year_of(pr->date);
	if (seci_money_parse(v[X_AMOUNT], im->decimals, im->decimal,
	    &pr->amount, &e) < 0)
		seci_err_report(&rep, SECI_ERROR, "%s:%lu: %s", row->file,
		    row->line, e.msg);
	else if (pr->amount <= 0)
		seci_err_report(&rep, SECI_ERROR, "%s:%lu: amount %s: an "
		    "expense must be above zero", row->file, row->line,
		    v[X_AMOUNT]);
	if (*v[X_PAYEE] == '\0')
		seci_err_report(&rep, SECI_ERROR, "%s:%lu: empty payee",
		    row->file, row->line);
	pr->key[0] = '\0';
	if (pr->notes.n == 0 && !(v[X_REF] && *v[X_REF])) {
		/* The key is made of the values, not their spelling: 100 and
		 * 100.00 are the same amount. */
		char cents[24], day[SECI_DATE_BUFSZ];
		const char *f[5];

		snprintf(cents, sizeof(cents), "%lld", (long long)pr->amount);
		f[0] = seci_date_format(pr->date, day);
		f[1] = v[X_LINE];
		f[2] = v[X_PAYEE];
		f[3] = cents;
		f[4] = v[X_DESC] ? v[X_DESC] : "";
		seci_row_key(f, 5, pr->key);
	}
}

static int
import_row(void *arg, const struct seci_csv_row *row, struct seci_err *err)
{
	struct importer *im = arg;
	struct prepared *pr = row->prep;
	struct seci_err e = SECI_ERR_INIT;
	const struct line_cache *lc = NULL;
	const char *const *v = row->val;
	struct pending *p;
	int64_t cid = 0;
	int bad = pr->notes.n > 0, year = pr->year;

	im->stats->read++;
	if (im->progress && im->stats->read % 100000 == 0)
		im->progress(im->progress_arg, im->stats->read);
	seci_csv_notes_report(&pr->notes, row, err);
	if (year) {
		if ((lc = cached_line(im, year, v[X_LINE], err)) == NULL)
			return -1;
		if (lc->id == 0) {
			seci_err_report(err, SECI_ERROR, "%s:%lu: no budget "
			    "line '%s' in %d", row->file, row->line,
			    v[X_LINE], year);
			bad = 1;
		} else if (lc->closed && !bad) {
			return closed_year_row(im, row, lc, pr->date,
			    pr->amount, year, err);
		} else if (lc->closed) {
			bad = 1;
		} else if (v[X_COMMIT] && *v[X_COMMIT] &&
		    seci_commit_find(im->db, year, v[X_COMMIT], lc->id,
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
	p->amount = pr->amount;
	seci_date_format(pr->date, p->date);
	p->payee = keep(im, v[X_PAYEE]);
	p->desc = keep(im, v[X_DESC] ? v[X_DESC] : "");
	p->ref = p->key = 0;
	if (v[X_REF] && *v[X_REF]) {
		p->ref = keep(im, v[X_REF]);
	} else {
		if (seci_import_occurrence(im->imp, pr->key, added_here, im,
		    err) < 0)
			return -1;
		p->key = keep(im, pr->key);
	}
	if (p->payee == (size_t)-1 || p->desc == (size_t)-1 ||
	    p->ref == (size_t)-1 || p->key == (size_t)-1)
		return seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
	if (++im->npending == BATCH && flush(im, err) < 0)
		return -1;
	return 0;
}

/* The reader's options from the profile (or the plain header names). */
static void
profile_opts(const struct seci_profile *pf, struct seci_csv_col *cols,
    struct seci_csv_opts *o)
{
	static const int required[SECI_P_NXCOLS] = { 1, 1, 1, 1, 1, 0, 0 };
	int i;

	memset(o, 0, sizeof(*o));
	for (i = 0; i < SECI_P_NXCOLS; i++) {
		cols[i].name = pf && pf->xcol[i] ? pf->xcol[i] :
		    seci_profile_expense_keys[i];
		cols[i].position = pf ? pf->xpos[i] : 0;
		cols[i].required = required[i];
	}
	o->cols = cols;
	o->ncols = SECI_P_NXCOLS;
	o->warn_unknown = 1;
	if (pf == NULL)
		return;
	o->delim = pf->delim;
	o->skip_lines = pf->skip;
	o->ignore = (const char *const *)pf->ignore;
	o->nignore = pf->nignore;
	o->stop_at = pf->stop_at;
	o->skip_footer = pf->skip_footer;
}

int
seci_expense_import(struct seci_db *db, FILE *fp, const char *name,
    const struct seci_profile *profile, struct seci_import_stats *stats,
    seci_progress_fn *progress, void *progress_arg, struct seci_err *err)
{
	struct seci_csv_col cols[SECI_P_NXCOLS];
	struct seci_csv_opts o;
	struct importer im;
	FILE *in = NULL;
	int rc = -1;

	memset(&im, 0, sizeof(im));
	memset(stats, 0, sizeof(*stats));
	im.db = db;
	im.stats = stats;
	im.progress = progress;
	im.progress_arg = progress_arg;
	im.date_format = profile ? profile->date_format : NULL;
	im.decimal = profile ? profile->decimal : '.';
	im.decimals = db->decimals;
	profile_opts(profile, cols, &o);
	/* Rows are read and parsed in a second thread while this one
	 * writes them; not a file read through iconv, whose errors are
	 * reported as they are read. */
	o.prepare = prepare_row;
	o.prep_arg = &im;
	o.prep_size = sizeof(struct prepared);
	o.ahead = !(profile && profile->encoding);
	if ((im.imp = seci_import_begin(db, "expense", name, err)) == NULL)
		return -1;
	seci_import_csv_opts(im.imp, &o);
	/* Another encoding: the digest of the bytes as they are. */
	if (profile && profile->encoding) {
		if ((in = seci_input_recode(fp, profile->encoding, name,
		    o.on_bytes, o.bytes_arg, err)) == NULL)
			goto out;
		fp = in;
		o.on_bytes = NULL;
	}
	rc = seci_csv_read(fp, name, &o, import_row, &im, NULL, err);
	if (rc == 0)
		rc = flush(&im, err);
	if (rc == 0)
		rc = seci_import_bounded(im.imp, err);
	if (rc == 0)
		rc = seci_import_finish(im.imp, stats, err);
out:
	if (in)
		fclose(in);
	seci_import_free(im.imp);
	free(im.lines);
	free(im.arena);
	return rc;
}
