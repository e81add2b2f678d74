/* budgetdoc.c - the budget document: loaded from YAML or CSV, exported
 * as CSV. */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "budget.h"
#include "budgetdoc.h"
#include "clock.h"
#include "csv.h"
#include "seci_priv.h"
#include "yaml.h"

static const char *const status_names[] = { "none", "draft", "adopted",
    "closed" };

int
seci_budget_export(struct seci_db *db, int year,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "year", SECI_COL_INT, 0 }, { "chapter", SECI_COL_TEXT, 0 },
		{ "chapter_name", SECI_COL_TEXT, 0 }, { "line", SECI_COL_TEXT, 0 },
		{ "name", SECI_COL_TEXT, 0 }, { "kind", SECI_COL_TEXT, 0 },
		{ "amount", SECI_COL_MONEY, 0 },
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

/* ---- load -------------------------------------------------------------- */

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
		{ "year", 0, 0 }, { "chapter", 1, 0 }, { "chapter_name", 0, 0 },
		{ "line", 1, 0 }, { "name", 1, 0 }, { "kind", 1, 0 }, { "amount", 1, 0 },
	};
	struct seci_csv_opts o = { .cols = cols, .ncols = 7,
	    .warn_unknown = 1 };

	return seci_csv_read(fp, d->file, &o, csv_line, d, NULL, d->err);
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
	char now[SECI_TIME_BUFSZ];
	size_t i;

	seci_clock_now(now);
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
	struct seci_audit_change c;
	struct doc d;
	char key[16];
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
	snprintf(key, sizeof(key), "%d", d.year);
	if (seci_audit_begin_json(db, &c, "budget", key, seci_budget_json,
	    err) < 0)
		goto out;
	if (write_doc(db, &d, status == SECI_BUDGET_DRAFT, err) < 0) {
		seci_audit_cancel(&c);
		goto out;
	}
	rc = seci_audit_end(db, &c, err);
	*year_out = d.year;
out:
	doc_free(&d);
	return rc;
}

int
seci_budget_doc_is_csv(const char *name)
{
	const char *dot = strrchr(name, '.');

	return dot != NULL && strcmp(dot, ".csv") == 0;
}
