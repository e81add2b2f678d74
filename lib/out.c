/* out.c - table, CSV, TSV and JSON output of result sets. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "csv.h"
#include "money.h"
#include "out.h"
#ifdef HAVE_XLSXWRITER
#include "xlsx.h"
#endif

struct seci_out {
	struct seci_out_opts o;
	const struct seci_col *cols;
	int ncols;
	unsigned long nrows;
	/* table form: every cell kept as text until the end */
	char **cells;
	char *is_total;
	size_t ncells, cap, nlines;
};

int
seci_format_parse(const char *s, enum seci_format *out)
{
	static const char *const names[] = { "table", "csv", "tsv", "json",
#ifdef HAVE_XLSXWRITER
	    "xlsx"
#endif
	};
	int i;

	for (i = 0; i < (int)(sizeof(names) / sizeof(names[0])); i++)
		if (strcmp(s, names[i]) == 0) {
			*out = (enum seci_format)i;
			return 0;
		}
	return -1;
}

int
seci_format_in(const char *list, const char *f)
{
	size_t n = strlen(f);
	const char *p;

	for (p = list; n && (p = strstr(p, f)) != NULL; p += n)
		if ((p == list || p[-1] == ',') && (p[n] == ',' ||
		    p[n] == '\0'))
			return 1;
	return 0;
}

struct seci_cell
seci_cell_text(const char *s)
{
	struct seci_cell c = { s == NULL, 0, s };

	return c;
}

struct seci_cell
seci_cell_int(int64_t v)
{
	struct seci_cell c = { 0, v, NULL };

	return c;
}

struct seci_cell
seci_cell_null(void)
{
	struct seci_cell c = { 1, 0, NULL };

	return c;
}

static int restricted(const struct seci_out *o, int col);

#ifdef HAVE_XLSXWRITER
static int
xlsx_begin(struct seci_out *o, struct seci_err *err)
{
	const char *names[64];
	enum seci_xlsx_kind kinds[64];
	int i, n = o->ncols < 64 ? o->ncols : 64;

	if (o->o.xlsx == NULL)
		return seci_err_set(err, SECI_EXIT_SOFTWARE, "no workbook to "
		    "write to");
	for (i = 0; i < n; i++) {
		names[i] = o->cols[i].name;
		kinds[i] = o->cols[i].type == SECI_COL_TEXT ? SECI_XLSX_TEXT :
		    SECI_XLSX_NUMBER;
	}
	if (seci_xlsx_sheet(o->o.xlsx, o->o.title ? o->o.title : "Sheet",
	    kinds, n, err) < 0)
		return -1;
	if (o->o.header)
		seci_xlsx_header(o->o.xlsx, names, n);
	return 0;
}

/* A data row as the workbook's cells. */
static void
xlsx_row(struct seci_out *o, const struct seci_cell *cells)
{
	struct seci_xlsx *x = o->o.xlsx;
	const struct seci_cell *c;
	int i;

	for (i = 0; i < o->ncols; i++) {
		c = &cells[i];
		if (restricted(o, i)) {
			seci_xlsx_text(x, i, SECI_RESTRICTED, 0);
			continue;
		}
		if (c->null)
			continue;
		switch (o->cols[i].type) {
		case SECI_COL_TEXT:
			seci_xlsx_cell(x, i, c->s, 0, 0);
			break;
		case SECI_COL_DECIMAL:
			seci_xlsx_cell(x, i, c->s, 1, 0);
			break;
		case SECI_COL_INT:
			seci_xlsx_int(x, i, c->i, 0);
			break;
		case SECI_COL_MONEY:
			seci_xlsx_money(x, i, c->i, o->o.decimals, 0);
			break;
		case SECI_COL_PCT:
			seci_xlsx_pct(x, i, c->i, 0);
			break;
		}
	}
	seci_xlsx_next_row(x);
}
#endif

struct seci_out *
seci_out_begin(const struct seci_out_opts *opts, const struct seci_col *cols,
    int ncols, struct seci_err *err)
{
	struct seci_out *o = calloc(1, sizeof(*o));
	int i;

	if (o == NULL) {
		seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
		return NULL;
	}
	o->o = *opts;
	if (o->o.fp == NULL)
		o->o.fp = stdout;
	o->cols = cols;
	o->ncols = ncols;
	if (o->o.header && (o->o.format == SECI_FMT_CSV ||
	    o->o.format == SECI_FMT_TSV)) {
		for (i = 0; i < ncols; i++) {
			if (i)
				putc(o->o.format == SECI_FMT_CSV ? ',' : '\t',
				    o->o.fp);
			fputs(cols[i].name, o->o.fp);
		}
		putc('\n', o->o.fp);
	}
	if (o->o.format == SECI_FMT_JSON)
		putc('[', o->o.fp);
#ifdef HAVE_XLSXWRITER
	if (o->o.format == SECI_FMT_XLSX && xlsx_begin(o, err) < 0) {
		free(o);
		return NULL;
	}
#endif
	return o;
}

/* 1 if the reader may not see column col. */
static int
restricted(const struct seci_out *o, int col)
{
	unsigned need = o->cols[col].roles;

	return need != 0 && (o->o.roles & (need | SECI_ROLE_DIRECTOR)) == 0;
}

/* A decimal already written out ("-1234567.5"), with its thousands
 * separated for the table ("-1,234,567.5"); anything else as it is. */
static const char *
group(const char *s, char *buf)
{
	size_t n = strlen(s), lead = s[0] == '-', digits, i, k = 0;
	const char *dot;

	if (n == lead || strspn(s + lead, "0123456789.") != n - lead ||
	    (dot = strchr(s, '.')) != strrchr(s, '.'))
		return s;
	digits = (dot ? (size_t)(dot - s) : n) - lead;
	if (digits == 0 || n + digits / 3 + 1 > SECI_MONEY_BUFSZ)
		return s;
	if (lead)
		buf[k++] = '-';
	for (i = 0; i < digits; i++) {
		if (i > 0 && (digits - i) % 3 == 0)
			buf[k++] = ',';
		buf[k++] = s[lead + i];
	}
	strcpy(buf + k, s + lead + digits);
	return buf;
}

/* Cell as text; buf must hold SECI_MONEY_BUFSZ bytes. */
static const char *
cell_text(const struct seci_out *o, int col, const struct seci_cell *c,
    char *buf)
{
	int table = o->o.format == SECI_FMT_TABLE;

	if (restricted(o, col))
		return SECI_RESTRICTED;
	if (c->null)
		return NULL;
	switch (o->cols[col].type) {
	case SECI_COL_TEXT:
		return c->s ? c->s : "";
	case SECI_COL_DECIMAL:
		return table && c->s ? group(c->s, buf) : c->s ? c->s : "";
	case SECI_COL_INT:
		snprintf(buf, SECI_MONEY_BUFSZ, "%lld", (long long)c->i);
		return buf;
	case SECI_COL_MONEY:
		return seci_money_format(c->i, o->o.decimals, table ? ',' : 0,
		    buf);
	case SECI_COL_PCT:
		/* Tenths: written as an amount of one decimal, "42.5". */
		return seci_money_format(c->i, 1, 0, buf);
	}
	return "";
}

static void
tsv_write(FILE *fp, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '\t': fputs("\\t", fp); break;
		case '\n': fputs("\\n", fp); break;
		case '\r': fputs("\\r", fp); break;
		case '\\': fputs("\\\\", fp); break;
		default: putc(*s, fp);
		}
	}
}

static void
json_string(FILE *fp, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	putc('"', fp);
	for (; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(fp, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", fp);
		else if (*p == '\t')
			fputs("\\t", fp);
		else if (*p == '\r')
			fputs("\\r", fp);
		else if (*p < 0x20)
			fprintf(fp, "\\u%04x", *p);
		else
			putc(*p, fp);
	}
	putc('"', fp);
}

static int
table_keep(struct seci_out *o, const struct seci_cell *cells, int total,
    struct seci_err *err)
{
	char buf[SECI_MONEY_BUFSZ];
	const char *t;
	int i;

	if (o->ncells + (size_t)o->ncols > o->cap) {
		size_t cap = o->cap ? o->cap * 2 : 64u * (size_t)o->ncols;
		char **c = realloc(o->cells, cap * sizeof(char *));
		char *f = realloc(o->is_total, cap / (size_t)o->ncols + 1);

		if (c == NULL || f == NULL) {
			free(c ? c : o->cells);
			o->cells = NULL;
			free(f ? f : o->is_total);
			o->is_total = NULL;
			return seci_err_set(err, SECI_EXIT_SOFTWARE,
			    "out of memory");
		}
		o->cells = c;
		o->is_total = f;
		o->cap = cap;
	}
	for (i = 0; i < o->ncols; i++) {
		t = cell_text(o, i, &cells[i], buf);
		if ((o->cells[o->ncells++] = strdup(t ? t : "")) == NULL)
			return seci_err_set(err, SECI_EXIT_SOFTWARE,
			    "out of memory");
	}
	o->is_total[o->nlines++] = (char)total;
	return 0;
}

static int
put_row(struct seci_out *o, const struct seci_cell *cells, int total,
    struct seci_err *err)
{
	char buf[SECI_MONEY_BUFSZ];
	const char *t;
	FILE *fp = o->o.fp;
	int i;

	if (o->o.format == SECI_FMT_TABLE)
		return table_keep(o, cells, total, err);
	if (total)
		return 0;
#ifdef HAVE_XLSXWRITER
	if (o->o.format == SECI_FMT_XLSX) {
		xlsx_row(o, cells);
		o->nrows++;
		return 0;
	}
#endif
	if (o->o.format == SECI_FMT_JSON)
		fputs(o->nrows ? ",\n{" : "\n{", fp);
	for (i = 0; i < o->ncols; i++) {
		t = cell_text(o, i, &cells[i], buf);
		switch (o->o.format) {
		case SECI_FMT_CSV:
			if (i)
				putc(',', fp);
			if (t)
				seci_csv_write_field(fp, t, ',');
			break;
		case SECI_FMT_TSV:
			if (i)
				putc('\t', fp);
			if (t)
				tsv_write(fp, t);
			break;
		default:
			if (i)
				putc(',', fp);
			json_string(fp, o->cols[i].name);
			putc(':', fp);
			if (t == NULL)
				fputs("null", fp);
			else if ((o->cols[i].type == SECI_COL_INT ||
			    o->cols[i].type == SECI_COL_PCT) &&
			    !restricted(o, i))
				fputs(t, fp);	/* DECIMAL: a string, as money */
			else
				json_string(fp, t);
		}
	}
	putc(o->o.format == SECI_FMT_JSON ? '}' : '\n', fp);
	o->nrows++;
	return 0;
}

int
seci_out_row(struct seci_out *o, const struct seci_cell *cells,
    struct seci_err *err)
{
	return put_row(o, cells, 0, err);
}

int
seci_out_total(struct seci_out *o, const struct seci_cell *cells,
    struct seci_err *err)
{
	return put_row(o, cells, 1, err);
}

/* Display width of UTF-8 text: code points, not bytes. */
static size_t
width(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* Text for a terminal: a control character from imported data (a CR, an
 * escape sequence) is shown as '?', one column wide, never obeyed. */
static void
put_shown(const char *s, FILE *fp)
{
	for (; *s; s++)
		putc((unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s, fp);
}

static void
pad(FILE *fp, size_t n)
{
	while (n-- > 0)
		putc(' ', fp);
}

static void
table_rule(struct seci_out *o, const size_t *w)
{
	int i;
	size_t j;

	for (i = 0; i < o->ncols; i++) {
		if (i)
			fputs("  ", o->o.fp);
		for (j = 0; j < w[i]; j++)
			putc('-', o->o.fp);
	}
	putc('\n', o->o.fp);
}

static void
table_print(struct seci_out *o)
{
	size_t *w = calloc((size_t)o->ncols, sizeof(size_t)), r, cw;
	FILE *fp = o->o.fp;
	const char *t;
	int i, right;

	if (w == NULL)
		return;
	for (i = 0; i < o->ncols; i++)
		w[i] = o->o.header ? width(o->cols[i].name) : 0;
	for (r = 0; r < o->nlines; r++)
		for (i = 0; i < o->ncols; i++)
			if ((cw = width(o->cells[r * (size_t)o->ncols +
			    (size_t)i])) > w[i])
				w[i] = cw;
	if (o->o.header) {
		for (i = 0; i < o->ncols; i++) {
			right = o->cols[i].type != SECI_COL_TEXT;
			if (i)
				fputs("  ", fp);
			if (right)
				pad(fp, w[i] - width(o->cols[i].name));
			fputs(o->cols[i].name, fp);
			if (!right && i + 1 < o->ncols)
				pad(fp, w[i] - width(o->cols[i].name));
		}
		putc('\n', fp);
		table_rule(o, w);
	}
	for (r = 0; r < o->nlines; r++) {
		if (o->is_total[r] && (r == 0 || !o->is_total[r - 1]))
			table_rule(o, w);
		for (i = 0; i < o->ncols; i++) {
			t = o->cells[r * (size_t)o->ncols + (size_t)i];
			right = o->cols[i].type != SECI_COL_TEXT;
			if (i)
				fputs("  ", fp);
			if (right)
				pad(fp, w[i] - width(t));
			put_shown(t, fp);
			if (!right && i + 1 < o->ncols)
				pad(fp, w[i] - width(t));
		}
		putc('\n', fp);
	}
	free(w);
}

void
seci_out_abort(struct seci_out *o)
{
	size_t i;

	if (o == NULL)
		return;
	for (i = 0; i < o->ncells; i++)
		free(o->cells[i]);
	free(o->cells);
	free(o->is_total);
	free(o);
}

int
seci_out_end(struct seci_out *o, struct seci_err *err)
{
	FILE *fp = o->o.fp;
	int rc = 0;

	if (o->o.format == SECI_FMT_TABLE)
		table_print(o);
	else if (o->o.format == SECI_FMT_JSON)
		fputs(o->nrows ? "\n]\n" : "]\n", fp);
	if (o->o.format == SECI_FMT_XLSX)
		;	/* the workbook is written when the command ends */
	else if (fflush(fp) != 0 || ferror(fp))
		rc = seci_err_set(err, SECI_EXIT_IOERR, "write error: %s",
		    strerror(errno ? errno : EIO));
	seci_out_abort(o);
	return rc;
}
