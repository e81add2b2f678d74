/* budget.c - the annual budget: load, adopt, show, transfers, close. */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "asset.h"
#include "audit.h"
#include "budget.h"
#include "csv.h"
#include "seci_priv.h"
#include "yaml.h"

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

int
seci_budget_writable(struct seci_db *db, int year, struct seci_err *err)
{
	sqlite3_stmt *st;
	int64_t last;

	/* A closed year locks itself and everything before it: a change
	 * dated earlier would still move its figures. */
	st = seci_db_stmt(db, "SELECT coalesce(max(year), 0) FROM budget "
	    "WHERE status = 'closed'", err);
	if (st == NULL || seci_db_one_int(db, st, &last, err) < 0)
		return -1;
	if (year <= last)
		return seci_err_set(err, SECI_EXIT_DATA, year == last ? "budget "
		    "year %d is closed; it can no longer change" : "budget year "
		    "%d is closed, and %d before it can no longer change",
		    year == last ? year : (int)last, year);
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
		snprintf(line->chapter, sizeof(line->chapter), "%s",
		    (const char *)sqlite3_column_text(st, 1));
		snprintf(line->kind, sizeof(line->kind), "%s",
		    (const char *)sqlite3_column_text(st, 2));
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
    "   AND code = l.chapter) "
    "FROM budget_line l WHERE (?4 IS NULL AND l.year = ?1) OR l.id = ?4 "
    "ORDER BY l.seq";

enum { F_ID, F_CHAPTER, F_CODE, F_NAME, F_KIND, F_INITIAL, F_IN, F_OUT,
    F_SUPP, F_COMMITTED, F_SPENT, F_MONTH, F_CHAPTER_NAME };

/* Derive revised and available, overflow-checked. */
static int
derive(struct seci_line_figures *f, struct seci_err *err)
{
	seci_money t;

	if (seci_money_add(f->initial, f->in, &t, err) < 0 ||
	    seci_money_sub(t, f->out, &t, err) < 0 ||
	    seci_money_add(t, f->supplementary, &f->revised, err) < 0 ||
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

/* ---- show ---------------------------------------------------------- */

static const struct seci_col show_cols[] = {
	{ "chapter", SECI_COL_TEXT }, { "line", SECI_COL_TEXT },
	{ "name", SECI_COL_TEXT }, { "kind", SECI_COL_TEXT },
	{ "initial", SECI_COL_MONEY }, { "transfers_in", SECI_COL_MONEY },
	{ "transfers_out", SECI_COL_MONEY },
	{ "supplementary", SECI_COL_MONEY }, { "revised", SECI_COL_MONEY },
	{ "committed", SECI_COL_MONEY }, { "spent", SECI_COL_MONEY },
	{ "available", SECI_COL_MONEY }, { "executed_pct", SECI_COL_PCT },
	{ "month_spent", SECI_COL_MONEY },
};

struct totals {
	struct seci_line_figures f;
	seci_money month;
};

static int
add_totals(struct totals *t, const struct seci_line_figures *f,
    seci_money month, struct seci_err *err)
{
	return seci_money_add(t->f.initial, f->initial, &t->f.initial, err) |
	    seci_money_add(t->f.in, f->in, &t->f.in, err) |
	    seci_money_add(t->f.out, f->out, &t->f.out, err) |
	    seci_money_add(t->f.supplementary, f->supplementary,
	    &t->f.supplementary, err) |
	    seci_money_add(t->f.revised, f->revised, &t->f.revised, err) |
	    seci_money_add(t->f.committed, f->committed, &t->f.committed,
	    err) |
	    seci_money_add(t->f.spent, f->spent, &t->f.spent, err) |
	    seci_money_add(t->f.available, f->available, &t->f.available,
	    err) |
	    seci_money_add(t->month, month, &t->month, err);
}

static void
fill_cells(struct seci_cell *c, const char *chapter, const char *code,
    const char *name, const char *kind, const struct seci_line_figures *f,
    seci_money month)
{
	c[0] = seci_cell_text(chapter);
	c[1] = seci_cell_text(code);
	c[2] = seci_cell_text(name);
	c[3] = seci_cell_text(kind);
	c[4] = seci_cell_int(f->initial);
	c[5] = seci_cell_int(f->in);
	c[6] = seci_cell_int(f->out);
	c[7] = seci_cell_int(f->supplementary);
	c[8] = seci_cell_int(f->revised);
	c[9] = seci_cell_int(f->committed);
	c[10] = seci_cell_int(f->spent);
	c[11] = seci_cell_int(f->available);
	c[12] = seci_cell_int(seci_money_pct10(f->spent, f->revised));
	c[13] = seci_cell_int(month);
}

int
seci_budget_show(struct seci_db *db, int year, seci_day as_of,
    int month_spent, const struct seci_out_opts *oo, struct seci_err *err)
{
	char day[SECI_DATE_BUFSZ], month[SECI_DATE_BUFSZ], chapter[64] = "";
	char chapter_name[160] = "", label[200];
	struct totals ch = { { 0 }, 0 }, all = { { 0 }, 0 };
	struct seci_line_figures f;
	struct seci_cell c[14];
	struct seci_out *o;
	sqlite3_stmt *st;
	enum seci_budget_status status;
	int rc, nlines = 0;

	if (seci_budget_status(db, year, &status, err) < 0)
		return -1;
	if (status == SECI_BUDGET_NONE)
		return seci_err_set(err, SECI_EXIT_DATA, "no budget for %d "
		    "(load one with 'seci-budget load')", year);
	if ((st = seci_db_stmt(db, figures_sql, err)) == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	bind_asof(st, as_of, day, month);
	if ((o = seci_out_begin(oo, show_cols, month_spent ? 14 : 13,
	    err)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *chap = (const char *)sqlite3_column_text(st,
		    F_CHAPTER);
		seci_money m = sqlite3_column_int64(st, F_MONTH);

		if (nlines > 0 && strcmp(chap, chapter) != 0) {
			snprintf(label, sizeof(label), "%s total", chapter_name);
			fill_cells(c, chapter, "", label, "", &ch.f, ch.month);
			if (seci_out_total(o, c, err) < 0)
				break;
			memset(&ch, 0, sizeof(ch));
		}
		snprintf(chapter, sizeof(chapter), "%s", chap);
		snprintf(chapter_name, sizeof(chapter_name), "%s",
		    (const char *)sqlite3_column_text(st, F_CHAPTER_NAME));
		read_figures(st, &f);
		if (derive(&f, err) < 0 || add_totals(&ch, &f, m, err) ||
		    add_totals(&all, &f, m, err))
			break;
		fill_cells(c, chap, (const char *)sqlite3_column_text(st,
		    F_CODE), (const char *)sqlite3_column_text(st, F_NAME),
		    (const char *)sqlite3_column_text(st, F_KIND), &f, m);
		if (seci_out_row(o, c, err) < 0)
			break;
		nlines++;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE && nlines > 0) {
		snprintf(label, sizeof(label), "%s total", chapter_name);
		fill_cells(c, chapter, "", label, "", &ch.f, ch.month);
		seci_out_total(o, c, err);
		fill_cells(c, "", "", "Grand total", "", &all.f, all.month);
		seci_out_total(o, c, err);
	}
	if (rc != SQLITE_DONE || err->code) {
		seci_out_abort(o);
		return err->code ? -1 : seci_db_fail(db, rc, "budget", err);
	}
	return seci_out_end(o, err);
}

int
seci_budget_export(struct seci_db *db, int year,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "year", SECI_COL_INT }, { "chapter", SECI_COL_TEXT },
		{ "chapter_name", SECI_COL_TEXT }, { "line", SECI_COL_TEXT },
		{ "name", SECI_COL_TEXT }, { "kind", SECI_COL_TEXT },
		{ "amount", SECI_COL_MONEY },
	};
	enum seci_budget_status status;
	sqlite3_stmt *st;

	if (seci_budget_status(db, year, &status, err) < 0)
		return -1;
	if (status == SECI_BUDGET_NONE)
		return seci_err_set(err, SECI_EXIT_DATA, "no budget for %d",
		    year);
	st = seci_db_stmt(db, "SELECT l.year, l.chapter, c.name, l.code, "
	    "l.name, l.kind, l.initial FROM budget_line l JOIN budget_chapter c "
	    "ON c.year = l.year AND c.code = l.chapter WHERE l.year = ? "
	    "ORDER BY l.seq", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	return seci_db_print(db, st, cols, 7, oo, err);
}

/* ---- load ------------------------------------------------------------ */

struct doc_line {
	char *chapter, *code, *name, *kind;
	seci_money amount;
	unsigned long where;
};

struct doc_chapter {
	char *code, *name;
};

struct doc {
	const char *file;
	int year;
	struct doc_chapter *chapters;
	size_t nchapters;
	struct doc_line *lines;
	size_t nlines;
	struct doc_line *income;	/* chapter and kind unused */
	size_t nincome;
	int decimals;
	int csv;
	int want_year;		/* --year given: the document must agree */
	struct seci_err *err;
	unsigned bad;
};

static void
doc_free(struct doc *d)
{
	size_t i;

	for (i = 0; i < d->nchapters; i++) {
		free(d->chapters[i].code);
		free(d->chapters[i].name);
	}
	for (i = 0; i < d->nlines; i++) {
		free(d->lines[i].chapter);
		free(d->lines[i].code);
		free(d->lines[i].name);
		free(d->lines[i].kind);
	}
	for (i = 0; i < d->nincome; i++) {
		free(d->income[i].code);
		free(d->income[i].name);
	}
	free(d->chapters);
	free(d->lines);
	free(d->income);
}

static void doc_bad(struct doc *d, unsigned long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
doc_bad(struct doc *d, unsigned long line, const char *fmt, ...)
{
	char msg[300];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	seci_err_report(d->err, SECI_ERROR, "%s:%lu: %s", d->file, line, msg);
	d->bad++;
}

static int
kind_valid(const char *k)
{
	return strcmp(k, "staff") == 0 || strcmp(k, "operational") == 0 ||
	    strcmp(k, "capital") == 0;
}

/* Check and keep one line (or income item when kind is NULL). */
static int
doc_add_line(struct doc *d, int income, const char *chapter,
    const char *code, const char *name, const char *kind, const char *amount,
    unsigned long where)
{
	struct seci_err e = SECI_ERR_INIT;
	struct doc_line *l, **arr = income ? &d->income : &d->lines;
	size_t *n = income ? &d->nincome : &d->nlines, i;
	seci_money v = 0;
	int ok = 1;

	if (code == NULL || *code == '\0') {
		doc_bad(d, where, "a line without a code");
		ok = 0;
	} else if (strlen(code) > 32) {
		doc_bad(d, where, "line code '%.40s...' is longer than 32 "
		    "characters", code);
		ok = 0;
	}
	if (name == NULL || *name == '\0') {
		doc_bad(d, where, "line '%s' has no name", code ? code : "");
		ok = 0;
	} else if (strlen(name) > 200) {
		doc_bad(d, where, "the name of '%s' is longer than 200 bytes",
		    code ? code : "");
		ok = 0;
	}
	if (!income && (kind == NULL || !kind_valid(kind))) {
		doc_bad(d, where, "bad kind '%s': use staff, operational or "
		    "capital", kind ? kind : "");
		ok = 0;
	}
	if (amount == NULL) {
		doc_bad(d, where, "%s '%s' has no amount", income ? "income" :
		    "line", code ? code : "");
		ok = 0;
	} else if (seci_money_parse(amount, d->decimals, '.', &v, &e) < 0) {
		doc_bad(d, where, "%s", e.msg);
		ok = 0;
	} else if (v < 0) {
		doc_bad(d, where, "negative amount '%s'", amount);
		ok = 0;
	}
	for (i = 0; ok && i < *n; i++)
		if (strcmp((*arr)[i].code, code) == 0) {
			doc_bad(d, where, "%s code '%s' appears twice",
			    income ? "income" : "line", code);
			ok = 0;
		}
	if (!ok)
		return 0;
	if ((l = realloc(*arr, (*n + 1) * sizeof(*l))) == NULL)
		return seci_err_set(d->err, SECI_EXIT_SOFTWARE,
		    "out of memory");
	*arr = l;
	l = &(*arr)[(*n)++];
	memset(l, 0, sizeof(*l));
	l->chapter = chapter ? strdup(chapter) : NULL;
	l->code = strdup(code);
	l->name = strdup(name);
	l->kind = kind ? strdup(kind) : NULL;
	l->amount = v;
	l->where = where;
	return 0;
}

static int
doc_add_chapter(struct doc *d, const char *code, const char *name,
    unsigned long where)
{
	struct doc_chapter *c;
	size_t i;

	if (code == NULL || *code == '\0' || strlen(code) > 32) {
		doc_bad(d, where, "a chapter needs a code of 1 to 32 "
		    "characters");
		return 0;
	}
	if (name && strlen(name) > 200) {
		doc_bad(d, where, "the name of chapter '%s' is longer than 200 "
		    "bytes", code);
		return 0;
	}
	for (i = 0; i < d->nchapters; i++)
		if (strcmp(d->chapters[i].code, code) == 0) {
			if (name && strcmp(d->chapters[i].name, name) != 0)
				doc_bad(d, where, "chapter '%s' has two names",
				    code);
			return 0;
		}
	if ((c = realloc(d->chapters, (d->nchapters + 1) *
	    sizeof(*c))) == NULL)
		return seci_err_set(d->err, SECI_EXIT_SOFTWARE,
		    "out of memory");
	d->chapters = c;
	c[d->nchapters].code = strdup(code);
	c[d->nchapters].name = strdup(name && *name ? name : code);
	d->nchapters++;
	return 0;
}

static const char *
scalar(const struct seci_yaml *map, const char *key)
{
	const struct seci_yaml *n = seci_yaml_get(map, key);

	if (n == NULL || n->kind != SECI_YAML_SCALAR || n->plain_null)
		return NULL;
	return n->value;
}

static int
parse_year(const char *s, int *year)
{
	char *end;
	long y;

	if (s == NULL)
		return -1;
	y = strtol(s, &end, 10);
	if (*end || end == s || y < 1900 || y > 9999)
		return -1;
	*year = (int)y;
	return 0;
}

/*
 * Every key of a mapping must be one the document knows: a misspelt
 * "incomes:" would drop income, and "amount: 1,150,000.00" in a flow
 * mapping reads as the amount 1 and a key "000.00".
 */
static void
known_keys(struct doc *d, const struct seci_yaml *map,
    const char *const *keys)
{
	const struct seci_yaml *k;
	size_t i;

	for (k = map->child; k != NULL; k = k->next) {
		for (i = 0; keys[i] != NULL; i++)
			if (strcmp(k->key, keys[i]) == 0)
				break;
		if (keys[i] != NULL)
			continue;
		if (isdigit((unsigned char)k->key[0]))
			doc_bad(d, k->key_line, "unknown key '%.40s': quote an "
			    "amount written with ',' between braces", k->key);
		else
			doc_bad(d, k->key_line, "unknown key '%.40s'",
			    k->key);
	}
}

static int
read_yaml(struct doc *d, FILE *fp, struct seci_db *db)
{
	static const char *const top_keys[] = { "year", "currency",
	    "chapters", "income", NULL };
	static const char *const chapter_keys[] = { "code", "name", "lines",
	    NULL };
	static const char *const line_keys[] = { "code", "name", "kind",
	    "amount", NULL };
	static const char *const income_keys[] = { "code", "name", "amount",
	    NULL };
	const struct seci_yaml *chapters, *ch, *lines, *l, *inc;
	struct seci_yaml *root;
	const char *cur;
	int twice;

	if ((root = seci_yaml_load(fp, d->file, SECI_EXIT_DATA,
	    d->err)) == NULL)
		return -1;
	if (root->kind == SECI_YAML_MAP)
		known_keys(d, root, top_keys);
	if (parse_year(scalar(root, "year"), &d->year) < 0)
		doc_bad(d, root->line, "'year' must be a year such as 2027");
	else if (d->want_year && d->year != d->want_year)
		doc_bad(d, seci_yaml_get(root, "year")->key_line, "the document "
		    "is for %d, not %d (--year)", d->year, d->want_year);
	cur = scalar(root, "currency");
	if (cur != NULL && strcmp(cur, db->currency) != 0)
		doc_bad(d, seci_yaml_get(root, "currency")->line,
		    "currency %s differs from the database's", cur);
	chapters = seci_yaml_get(root, "chapters");
	if (chapters == NULL || chapters->kind != SECI_YAML_SEQ ||
	    chapters->child == NULL)
		doc_bad(d, chapters ? chapters->line : root->line,
		    "'chapters' must be a list of chapters");
	for (ch = chapters && chapters->kind == SECI_YAML_SEQ ?
	    chapters->child : NULL; ch != NULL; ch = ch->next) {
		const char *code = scalar(ch, "code");

		if (ch->kind != SECI_YAML_MAP) {
			doc_bad(d, ch->line, "a chapter must be a mapping");
			continue;
		}
		twice = 0;
		if (code != NULL) {
			size_t k;

			for (k = 0; k < d->nchapters; k++)
				if (strcmp(d->chapters[k].code, code) == 0)
					break;
			if (k < d->nchapters) {
				doc_bad(d, ch->line, "chapter '%s' appears twice",
				    code);
				twice = 1;	/* its lines are still checked */
			}
		}
		known_keys(d, ch, chapter_keys);
		if (!twice && doc_add_chapter(d, code, scalar(ch, "name"),
		    ch->line) < 0)
			goto fail;
		lines = seci_yaml_get(ch, "lines");
		if (lines == NULL || lines->kind != SECI_YAML_SEQ) {
			doc_bad(d, ch->line, "chapter '%s' needs a list of "
			    "lines", code ? code : "");
			continue;
		}
		for (l = lines->child; l != NULL; l = l->next) {
			if (l->kind != SECI_YAML_MAP) {
				doc_bad(d, l->line, "a line must be a "
				    "mapping");
				continue;
			}
			known_keys(d, l, line_keys);
			if (doc_add_line(d, 0, code, scalar(l, "code"),
			    scalar(l, "name"), scalar(l, "kind"),
			    scalar(l, "amount"), l->line) < 0)
				goto fail;
		}
	}
	inc = seci_yaml_get(root, "income");
	if (inc != NULL && inc->kind != SECI_YAML_SEQ && !inc->plain_null)
		doc_bad(d, inc->line, "'income' must be a list");
	for (l = inc && inc->kind == SECI_YAML_SEQ ? inc->child : NULL;
	    l != NULL; l = l->next) {
		if (l->kind != SECI_YAML_MAP) {
			doc_bad(d, l->line, "an income item must be a "
			    "mapping");
			continue;
		}
		known_keys(d, l, income_keys);
		if (doc_add_line(d, 1, NULL, scalar(l, "code"),
		    scalar(l, "name"), NULL, scalar(l, "amount"), l->line) < 0)
			goto fail;
	}
	seci_yaml_free(root);
	return 0;
fail:
	seci_yaml_free(root);
	return -1;
}

static int
csv_line(void *arg, const struct seci_csv_row *row, struct seci_err *err)
{
	struct doc *d = arg;
	unsigned before = d->bad;
	int year;

	if (row->val[0] != NULL) {
		if (parse_year(row->val[0], &year) < 0)
			doc_bad(d, row->line, "bad year '%s'", row->val[0]);
		else if (d->year == 0)
			d->year = year;
		else if (year != d->year)
			doc_bad(d, row->line, "year %s differs from the first "
			    "row's", row->val[0]);
	}
	if (doc_add_chapter(d, row->val[1], row->val[2], row->line) < 0 ||
	    doc_add_line(d, 0, row->val[1], row->val[3], row->val[4],
	    row->val[5], row->val[6], row->line) < 0)
		return -1;
	/* Reported here; the reader counts the row as bad. */
	if (d->bad > before) {
		d->bad = before;
		return 1;
	}
	return 0;
}

static int
read_csv(struct doc *d, FILE *fp)
{
	static const struct seci_csv_col cols[] = {
		{ "year", 0 }, { "chapter", 1 }, { "chapter_name", 0 },
		{ "line", 1 }, { "name", 1 }, { "kind", 1 }, { "amount", 1 },
	};
	struct seci_csv_opts o = { .cols = cols, .ncols = 7,
	    .warn_unknown = 1 };

	return seci_csv_read(fp, d->file, &o, csv_line, d, NULL, d->err);
}

static char *
budget_json(struct seci_db *db, int year, struct seci_err *err)
{
	sqlite3_stmt *st;
	char *json = NULL;
	int rc;

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
	sqlite3_bind_int(st, 1, year);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		json = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		seci_db_fail(db, rc, "budget", err);
	return json;
}

static int
audit_budget(struct seci_db *db, int year, char *before,
    struct seci_err *err)
{
	char key[16], *after;
	int rc;

	snprintf(key, sizeof(key), "%d", year);
	if ((after = budget_json(db, year, err)) == NULL) {
		free(before);
		return -1;
	}
	rc = seci_audit_append(db, "budget", key, before, after, err);
	free(before);
	free(after);
	return rc;
}

static int
exec1(struct seci_db *db, const char *sql, int year, struct seci_err *err)
{
	sqlite3_stmt *st = seci_db_stmt(db, sql, err);

	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	return seci_db_exec_stmt(db, st, err);
}

static int
write_doc(struct seci_db *db, struct doc *d, int replace,
    struct seci_err *err)
{
	sqlite3_stmt *st;
	char now[32];
	time_t t = time(NULL);
	struct tm tm;
	size_t i;

	gmtime_r(&t, &tm);
	strftime(now, sizeof(now), "%Y-%m-%dT%H:%M:%SZ", &tm);
	st = seci_db_stmt(db, "INSERT INTO budget (year, currency, status, "
	    "loaded) VALUES (?1, ?2, 'draft', ?3) ON CONFLICT (year) DO "
	    "UPDATE SET loaded = ?3", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, d->year);
	seci_db_bind_text(st, 2, db->currency);
	seci_db_bind_text(st, 3, now);
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	/* Chapters and lines are updated in place (their ids stay, so
	 * whatever refers to them stays valid); those no longer in the
	 * document go, which a line in use refuses. */
	if (replace && (exec1(db, "UPDATE budget_line SET seq = -1 WHERE "
	    "year = ?", d->year, err) < 0 || exec1(db, "UPDATE budget_chapter "
	    "SET seq = -1 WHERE year = ?", d->year, err) < 0))
		return -1;
	/* The CSV form carries lines only: a draft's income stays. */
	if (replace && !d->csv && exec1(db, "DELETE FROM budget_income WHERE "
	    "year = ?", d->year, err) < 0)
		return -1;
	for (i = 0; i < d->nchapters; i++) {
		st = seci_db_stmt(db, "INSERT INTO budget_chapter (year, code, "
		    "name, seq) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (year, code) "
		    "DO UPDATE SET name = ?3, seq = ?4", err);
		if (st == NULL)
			return -1;
		sqlite3_bind_int(st, 1, d->year);
		seci_db_bind_text(st, 2, d->chapters[i].code);
		seci_db_bind_text(st, 3, d->chapters[i].name);
		sqlite3_bind_int64(st, 4, (int64_t)i);
		if (seci_db_exec_stmt(db, st, err) < 0)
			return -1;
	}
	for (i = 0; i < d->nlines; i++) {
		struct doc_line *l = &d->lines[i];

		st = seci_db_stmt(db, "INSERT INTO budget_line (year, chapter, "
		    "code, name, kind, initial, seq) VALUES (?1, ?2, ?3, ?4, ?5, "
		    "?6, ?7) ON CONFLICT (year, code) DO UPDATE SET chapter = "
		    "?2, name = ?4, kind = ?5, initial = ?6, seq = ?7", err);
		if (st == NULL)
			return -1;
		sqlite3_bind_int(st, 1, d->year);
		seci_db_bind_text(st, 2, l->chapter);
		seci_db_bind_text(st, 3, l->code);
		seci_db_bind_text(st, 4, l->name);
		seci_db_bind_text(st, 5, l->kind);
		sqlite3_bind_int64(st, 6, l->amount);
		sqlite3_bind_int64(st, 7, (int64_t)i);
		if (seci_db_exec_stmt(db, st, err) < 0)
			return -1;
	}
	for (i = 0; i < d->nincome; i++) {
		st = seci_db_stmt(db, "INSERT INTO budget_income (year, code, "
		    "name, amount) VALUES (?, ?, ?, ?)", err);
		if (st == NULL)
			return -1;
		sqlite3_bind_int(st, 1, d->year);
		seci_db_bind_text(st, 2, d->income[i].code);
		seci_db_bind_text(st, 3, d->income[i].name);
		sqlite3_bind_int64(st, 4, d->income[i].amount);
		if (seci_db_exec_stmt(db, st, err) < 0)
			return -1;
	}
	if (replace) {
		st = seci_db_stmt(db, "SELECT code FROM budget_line WHERE year = "
		    "?1 AND seq = -1 AND (id IN (SELECT line_id FROM expense) OR "
		    "id IN (SELECT line_id FROM commitment) OR id IN (SELECT "
		    "line_id FROM asset WHERE line_id IS NOT NULL) OR id IN "
		    "(SELECT from_line FROM budget_transfer UNION SELECT to_line "
		    "FROM budget_transfer UNION SELECT line_id FROM "
		    "budget_supplement))", err);
		if (st == NULL)
			return -1;
		sqlite3_bind_int(st, 1, d->year);
		while (sqlite3_step(st) == SQLITE_ROW) {
			seci_err_report(err, SECI_ERROR, "%s: line '%s' is in "
			    "use and cannot leave the budget", d->file,
			    (const char *)sqlite3_column_text(st, 0));
			d->bad++;
		}
		sqlite3_reset(st);
		if (d->bad)
			return seci_err_set(err, SECI_EXIT_DATA, "%s: %u "
			    "problem%s; nothing loaded", d->file, d->bad,
			    d->bad == 1 ? "" : "s");
		if (exec1(db, "DELETE FROM budget_line WHERE year = ? AND "
		    "seq = -1", d->year, err) < 0 || exec1(db, "DELETE FROM "
		    "budget_chapter WHERE year = ? AND seq = -1", d->year,
		    err) < 0)
			return -1;
	}
	return 0;
}

int
seci_budget_load(struct seci_db *db, FILE *fp, const char *name, int csv,
    int year, int year_given, int *year_out, struct seci_err *err)
{
	enum seci_budget_status status = SECI_BUDGET_NONE;
	struct doc d;
	char *before = NULL;
	int rc = -1;

	memset(&d, 0, sizeof(d));
	d.file = name;
	d.err = err;
	d.decimals = db->decimals;
	d.year = csv ? 0 : year;
	d.want_year = year_given ? year : 0;
	d.csv = csv;
	if ((csv ? read_csv(&d, fp) : read_yaml(&d, fp, db)) < 0)
		goto out;
	/* A CSV without a year column is for --year. */
	if (csv && d.year == 0)
		d.year = year;
	else if (csv && year_given && d.year != year)
		doc_bad(&d, 2, "the file is for %d, not %d (--year)", d.year,
		    year);
	if (d.bad) {
		seci_err_set(err, SECI_EXIT_DATA, "%s: %u problem%s; nothing "
		    "loaded", name, d.bad, d.bad == 1 ? "" : "s");
		goto out;
	}
	if (d.nlines == 0) {
		seci_err_set(err, SECI_EXIT_DATA, "%s: no budget lines", name);
		goto out;
	}
	{
		seci_money sum = 0;
		size_t i;

		for (i = 0; i < d.nlines + d.nincome; i++)
			if (seci_money_add(sum, i < d.nlines ? d.lines[i].amount :
			    d.income[i - d.nlines].amount, &sum, err) < 0) {
				seci_err_set(err, SECI_EXIT_DATA, "%s: the "
				    "amounts add up beyond what seci can count",
				    name);
				goto out;
			}
	}
	if (seci_budget_status(db, d.year, &status, err) < 0)
		goto out;
	if (status == SECI_BUDGET_ADOPTED || status == SECI_BUDGET_CLOSED) {
		seci_err_set(err, SECI_EXIT_DATA, "the %d budget is %s and "
		    "cannot be reloaded; use transfers and supplements",
		    d.year, status_names[status]);
		goto out;
	}
	if (status == SECI_BUDGET_DRAFT &&
	    (before = budget_json(db, d.year, err)) == NULL)
		goto out;
	if (write_doc(db, &d, status == SECI_BUDGET_DRAFT, err) < 0) {
		free(before);
		goto out;
	}
	rc = audit_budget(db, d.year, before, err);
	*year_out = d.year;
out:
	doc_free(&d);
	return rc;
}

int
seci_budget_adopt(struct seci_db *db, int year, const char *decision,
    seci_day date, struct seci_err *err)
{
	enum seci_budget_status status;
	char day[SECI_DATE_BUFSZ], *before;
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
	if ((before = budget_json(db, year, err)) == NULL)
		return -1;
	st = seci_db_stmt(db, "UPDATE budget SET status = 'adopted', "
	    "decision = ?, adopted_on = ? WHERE year = ?", err);
	if (st == NULL) {
		free(before);
		return -1;
	}
	seci_db_bind_text(st, 1, decision);
	seci_db_bind_text(st, 2, seci_date_format(date, day));
	sqlite3_bind_int(st, 3, year);
	if (seci_db_exec_stmt(db, st, err) < 0) {
		free(before);
		return -1;
	}
	return audit_budget(db, year, before, err);
}

/* ---- transfers and supplements ----------------------------------------- */

static int
audit_row(struct seci_db *db, const char *table, int64_t id,
    struct seci_err *err)
{
	char key[24], *after;
	int rc;

	snprintf(key, sizeof(key), "%lld", (long long)id);
	if ((after = seci_audit_row_json(db, table, "id", key, err)) == NULL)
		return -1;
	rc = seci_audit_append(db, table, key, NULL, after, err);
	free(after);
	return rc;
}

static int
adopted_line(struct seci_db *db, int year, const char *code,
    struct seci_line *l, struct seci_err *err)
{
	if (seci_budget_line(db, year, code, l, err) < 0)
		return -1;
	if (l->status == SECI_BUDGET_CLOSED)
		return seci_budget_writable(db, year, err);
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
	    adopted_line(db, year, to, &dst, err) < 0)
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
	return audit_row(db, "budget_transfer", *id, err);
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
	return audit_row(db, "budget_supplement", *id, err);
}

/* ---- close ------------------------------------------------------------- */

static int
carry_commitments(struct seci_db *db, int year, seci_day date,
    struct seci_err *err)
{
	sqlite3_stmt *st, *ins, *upd;
	char day[SECI_DATE_BUFSZ], next_day[SECI_DATE_BUFSZ], key[24];
	char *before, *after;
	struct seci_line next;
	struct seci_err miss = SECI_ERR_INIT;
	unsigned missing = 0;
	int rc;

	/* What each open commitment still holds at the end of the year. */
	st = seci_db_stmt(db, "SELECT c.id, c.ref, c.payee, l.code, "
	    "max(c.amount - (SELECT coalesce(sum(e.amount), 0) FROM expense e "
	    "WHERE e.commitment_id = c.id AND e.status IN ('approved', "
	    "'paid')), 0) FROM commitment c JOIN budget_line l ON l.id = "
	    "c.line_id WHERE c.year = ? AND c.status = 'open' ORDER BY c.id",
	    err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	seci_date_format(date, day);
	seci_date_format(seci_date_from_ymd(year + 1, 1, 1), next_day);
	miss.report = err->report;
	miss.report_arg = err->report_arg;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		seci_money left = sqlite3_column_int64(st, 4);
		const char *code = (const char *)sqlite3_column_text(st, 3);

		snprintf(key, sizeof(key), "%lld", (long long)id);
		if ((before = seci_audit_row_json(db, "commitment", "id", key,
		    err)) == NULL)
			goto fail;
		if (left > 0) {
			if (seci_budget_line(db, year + 1, code, &next,
			    &miss) < 0 || next.status == SECI_BUDGET_CLOSED) {
				if (miss.code)
					seci_err_report(err, SECI_ERROR,
					    "commitment %s on line %s cannot "
					    "carry over: no line %s in the %d "
					    "budget", (const char *)
					    sqlite3_column_text(st, 1), code,
					    code, year + 1);
				else
					seci_err_report(err, SECI_ERROR,
					    "commitment %s on line %s cannot "
					    "carry over: the %d budget is "
					    "closed", (const char *)
					    sqlite3_column_text(st, 1), code,
					    year + 1);
				seci_err_clear(&miss);
				missing++;
				free(before);
				continue;
			}
			ins = seci_db_stmt(db, "INSERT INTO commitment (line_id, "
			    "year, ref, payee, amount, date, status, "
			    "carried_from) SELECT ?, ?, ref, payee, ?, ?, "
			    "'open', id FROM commitment WHERE id = ?", err);
			if (ins == NULL)
				goto fail_before;
			sqlite3_bind_int64(ins, 1, next.id);
			sqlite3_bind_int(ins, 2, year + 1);
			sqlite3_bind_int64(ins, 3, left);
			seci_db_bind_text(ins, 4, next_day);
			sqlite3_bind_int64(ins, 5, id);
			if (seci_db_exec_stmt(db, ins, err) < 0 ||
			    audit_row(db, "commitment",
			    sqlite3_last_insert_rowid(db->h), err) < 0)
				goto fail_before;
		}
		upd = seci_db_stmt(db, "UPDATE commitment SET status = ?, "
		    "closed_on = ? WHERE id = ?", err);
		if (upd == NULL)
			goto fail_before;
		seci_db_bind_text(upd, 1, left > 0 ? "carried" : "closed");
		seci_db_bind_text(upd, 2, day);
		sqlite3_bind_int64(upd, 3, id);
		if (seci_db_exec_stmt(db, upd, err) < 0 ||
		    (after = seci_audit_row_json(db, "commitment", "id", key,
		    err)) == NULL)
			goto fail_before;
		rc = seci_audit_append(db, "commitment", key, before, after,
		    err);
		free(before);
		free(after);
		if (rc < 0)
			goto fail;
	}
	sqlite3_reset(st);
	if (missing)
		return seci_err_set(err, SECI_EXIT_DATA, "%u commitment%s "
		    "cannot carry over; load the %d budget with those lines "
		    "first", missing, missing == 1 ? "" : "s", year + 1);
	return rc == SQLITE_DONE ? 0 : seci_db_fail(db, rc, "close", err);
fail_before:
	free(before);
fail:
	sqlite3_reset(st);
	return -1;
}

int
seci_budget_close(struct seci_db *db, int year, seci_day date,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "line", SECI_COL_TEXT }, { "name", SECI_COL_TEXT },
		{ "revised", SECI_COL_MONEY }, { "spent", SECI_COL_MONEY },
		{ "carried", SECI_COL_MONEY }, { "lapsed", SECI_COL_MONEY },
	};
	enum seci_budget_status status;
	char day[SECI_DATE_BUFSZ], *before;
	sqlite3_stmt *st;
	int64_t proposed;
	int rc;

	if (seci_budget_status(db, year, &status, err) < 0)
		return -1;
	if (status != SECI_BUDGET_ADOPTED)
		return seci_err_set(err, SECI_EXIT_DATA, status ==
		    SECI_BUDGET_CLOSED ? "budget year %d is already closed" :
		    "the %d budget is not adopted; only an adopted year can "
		    "close", year);
	if (date < seci_date_from_ymd(year, 12, 31))
		return seci_err_set(err, SECI_EXIT_DATA, "year %d cannot close "
		    "before its last day (--as-of %s)", year,
		    seci_date_format(date, day));
	st = seci_db_stmt(db, "SELECT count(*) FROM expense e JOIN budget_line "
	    "l ON l.id = e.line_id WHERE l.year = ? AND e.status = 'proposed'",
	    err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	if (seci_db_one_int(db, st, &proposed, err) < 0)
		return -1;
	if (proposed > 0)
		return seci_err_set(err, SECI_EXIT_DATA, "%lld expense%s of %d "
		    "%s still proposed; approve or reject them first",
		    (long long)proposed, proposed == 1 ? "" : "s", year,
		    proposed == 1 ? "is" : "are");
	if (seci_asset_depreciate(db, seci_date_from_ymd(year, 12, 31),
	    err) < 0 || carry_commitments(db, year, date, err) < 0)
		return -1;
	if ((before = budget_json(db, year, err)) == NULL)
		return -1;
	st = seci_db_stmt(db, "UPDATE budget SET status = 'closed', closed_on "
	    "= ? WHERE year = ?", err);
	if (st == NULL) {
		free(before);
		return -1;
	}
	seci_db_bind_text(st, 1, seci_date_format(date, day));
	sqlite3_bind_int(st, 2, year);
	if (seci_db_exec_stmt(db, st, err) < 0) {
		free(before);
		return -1;
	}
	if (audit_budget(db, year, before, err) < 0)
		return -1;

	/* What lapses: revised less spent less what was carried over. */
	st = seci_db_stmt(db, "SELECT l.code, l.name, l.initial "
	    "+ (SELECT coalesce(sum(amount), 0) FROM budget_transfer "
	    "   WHERE to_line = l.id) "
	    "- (SELECT coalesce(sum(amount), 0) FROM budget_transfer "
	    "   WHERE from_line = l.id) "
	    "+ (SELECT coalesce(sum(amount), 0) FROM budget_supplement "
	    "   WHERE line_id = l.id) AS revised, "
	    "(SELECT coalesce(sum(amount), 0) FROM expense WHERE line_id = l.id "
	    "   AND status IN ('approved', 'paid')) AS spent, "
	    "(SELECT coalesce(sum(n.amount), 0) FROM commitment c JOIN "
	    "   commitment n ON n.carried_from = c.id WHERE c.line_id = l.id) "
	    "   AS carried "
	    "FROM budget_line l WHERE l.year = ? ORDER BY l.seq", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	{
		struct seci_out *o = seci_out_begin(oo, cols, 6, err);
		struct seci_cell c[6];

		if (o == NULL)
			return -1;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			seci_money rev = sqlite3_column_int64(st, 2);
			seci_money spent = sqlite3_column_int64(st, 3);
			seci_money carried = sqlite3_column_int64(st, 4);

			c[0] = seci_cell_text((const char *)
			    sqlite3_column_text(st, 0));
			c[1] = seci_cell_text((const char *)
			    sqlite3_column_text(st, 1));
			c[2] = seci_cell_int(rev);
			c[3] = seci_cell_int(spent);
			c[4] = seci_cell_int(carried);
			c[5] = seci_cell_int(rev - spent - carried);
			if (seci_out_row(o, c, err) < 0)
				break;
		}
		sqlite3_reset(st);
		if (rc != SQLITE_DONE) {
			seci_out_abort(o);
			return err->code ? -1 : seci_db_fail(db, rc, "close",
			    err);
		}
		return seci_out_end(o, err);
	}
}
