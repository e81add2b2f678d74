/* xlsx.c - spreadsheet workbooks through libxlsxwriter. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "csv.h"
#include "xlsx.h"

#define MAX_DECIMALS 6
#define SHEET_NAME_MAX 31
#define CELL_MAX 32767		/* characters a spreadsheet cell holds */

struct seci_xlsx {
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_row_t row;
	int ncols;		/* of the filtered table, 0: none */
	int in_table;		/* rows still go under the filter */
	int nsheets;
	char *props[3];
	int failed;		/* a cell could not be written */
	/* formats, [bold] */
	lxw_format *text[2], *date[2], *intf[2], *pct[2];
	lxw_format *money[MAX_DECIMALS + 1][2];
	lxw_format *pcts[MAX_DECIMALS + 1][2];	/* "12.5%" cells */
};

static lxw_format *
new_format(lxw_workbook *wb, const char *num, int bold)
{
	lxw_format *f = workbook_add_format(wb);

	if (f && num)
		format_set_num_format(f, num);
	if (f && bold)
		format_set_bold(f);
	return f;
}

/* "#,##0.00" for two decimals; with pct, "0.0%" for one. */
static const char *
num_format(int decimals, int pct, char *buf, size_t size)
{
	snprintf(buf, size, "%s%s%.*s%s", pct ? "0" : "#,##0",
	    decimals ? "." : "", decimals, "000000", pct ? "%" : "");
	return buf;
}

struct seci_xlsx *
seci_xlsx_open(const char *path, const char *tmpdir, struct seci_err *err)
{
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE,
	    .tmpdir = (char *)tmpdir };
	struct seci_xlsx *x = calloc(1, sizeof(*x));
	char buf[32];
	int b, d;

	if (x == NULL) {
		seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
		return NULL;
	}
	if ((x->wb = workbook_new_opt(path, &opt)) == NULL) {
		free(x);
		seci_err_set(err, SECI_EXIT_CANTCREAT, "%s: cannot start a "
		    "workbook", path);
		return NULL;
	}
	for (b = 0; b < 2; b++) {
		x->text[b] = new_format(x->wb, NULL, b);
		x->date[b] = new_format(x->wb, "yyyy-mm-dd", b);
		x->intf[b] = new_format(x->wb, "0", b);
		x->pct[b] = new_format(x->wb, "0.0", b);
		for (d = 0; d <= MAX_DECIMALS; d++) {
			x->money[d][b] = new_format(x->wb, num_format(d, 0, buf,
			    sizeof(buf)), b);
			x->pcts[d][b] = new_format(x->wb, num_format(d, 1, buf,
			    sizeof(buf)), b);
		}
	}
	return x;
}

/* The length of the UTF-8 sequence at p, or 0 if it is not one. */
static size_t
u8seq(const char *p)
{
	unsigned char c = (unsigned char)*p;
	size_t n = c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 &&
	    c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
	size_t i;

	for (i = 1; i < n; i++)
		if (((unsigned char)p[i] & 0xc0) != 0x80)
			return 0;
	return n && seci_utf8_valid(p, n) ? n : 0;
}

/*
 * Text the file format can hold: a byte that is not UTF-8 becomes U+FFFD
 * and a control character other than tab, newline and carriage return a
 * '?' (XML has no place for them).  NULL when s is fine as it is; else a
 * copy to free.
 */
static char *
clean(const char *s)
{
	const char *p;
	char *out, *o;
	size_t n, len = strlen(s);

	for (p = s; *p; p++)
		if ((unsigned char)*p < 0x20 && *p != '\t' && *p != '\n' &&
		    *p != '\r')
			break;
	if ((*p == '\0' && seci_utf8_valid(s, len)) ||
	    (out = malloc(3 * len + 1)) == NULL)
		return NULL;
	for (p = s, o = out; *p; p += n) {
		if ((n = u8seq(p)) == 0) {
			memcpy(o, "\xef\xbf\xbd", 3);
			o += 3;
			n = 1;
		} else if (n == 1 && (unsigned char)*p < 0x20 && *p != '\t' &&
		    *p != '\n' && *p != '\r') {
			*o++ = '?';
		} else {
			memcpy(o, p, n);
			o += n;
		}
	}
	*o = '\0';
	return out;
}

/* A sheet name the format accepts (31 characters at most, none of
 * []:*?/\ or '), unique in the workbook. */
static void
sheet_name(lxw_workbook *wb, const char *title, char *name, size_t size)
{
	char base[SHEET_NAME_MAX * 4 + 1], *fixed = title ? clean(title) : NULL;
	size_t i, n = 0, chars = 0;
	int k;

	if (fixed)
		title = fixed;

	for (i = 0; title && title[i] && n < sizeof(base) - 1; i++) {
		/* a character's first byte: stop at the 32nd */
		if (((unsigned char)title[i] & 0xc0) != 0x80 &&
		    ++chars > SHEET_NAME_MAX)
			break;
		base[n++] = strchr("[]:*?/\\'", title[i]) ? '-' : title[i];
	}
	/* Whole characters only, when the bytes ran out first. */
	while (n > 0 && title[n] && ((unsigned char)title[n] & 0xc0) == 0x80)
		n--;
	free(fixed);
	while (n > 0 && base[n - 1] == ' ')
		n--;
	base[n] = '\0';
	if (n == 0)
		strcpy(base, "Sheet");
	snprintf(name, size, "%s", base);
	for (k = 2; workbook_get_worksheet_by_name(wb, name) != NULL; k++) {
		/* room for " (k)": 25 characters of the base */
		for (i = 0, chars = 0; base[i]; i++)
			if (((unsigned char)base[i] & 0xc0) != 0x80 &&
			    ++chars > SHEET_NAME_MAX - 6)
				break;
		snprintf(name, size, "%.*s (%d)", (int)i, base, k);
	}
}

void
seci_xlsx_properties(struct seci_xlsx *x, const char *title,
    const char *org, const char *comment)
{
	lxw_doc_properties p;
	const char *v[3] = { title, org, comment };
	int i;

	for (i = 0; i < 3; i++) {
		free(x->props[i]);
		x->props[i] = v[i] ? strdup(v[i]) : NULL;
	}
	memset(&p, 0, sizeof(p));
	p.title = x->props[0];
	p.company = x->props[1];
	p.comments = x->props[2];
	workbook_set_properties(x->wb, &p);
}

/* The autofilter over the sheet's first table, once its last row is
 * known: when the table, the sheet or the workbook ends. */
static void
filter(struct seci_xlsx *x)
{
	if (x->ws && x->ncols > 0 && x->in_table)
		worksheet_autofilter(x->ws, 0, 0, x->row - 1,
		    (lxw_col_t)(x->ncols - 1));
	x->in_table = 0;
}

int
seci_xlsx_sheet(struct seci_xlsx *x, const char *title,
    const enum seci_xlsx_kind *kinds, int n, struct seci_err *err)
{
	char name[SHEET_NAME_MAX * 4 + 16];
	int i;

	filter(x);
	sheet_name(x->wb, title, name, sizeof(name));
	if ((x->ws = workbook_add_worksheet(x->wb, name)) == NULL)
		return seci_err_set(err, SECI_EXIT_SOFTWARE, "cannot add the "
		    "sheet '%s'", name);
	x->row = 0;
	x->ncols = 0;
	x->nsheets++;
	for (i = 0; kinds && i < n; i++)
		worksheet_set_column(x->ws, (lxw_col_t)i, (lxw_col_t)i,
		    kinds[i] == SECI_XLSX_NUMBER ? 16 : 14, NULL);
	return 0;
}

void
seci_xlsx_header(struct seci_xlsx *x, const char *const *names, int n)
{
	int i;

	for (i = 0; i < n; i++)
		seci_xlsx_text(x, i, names[i], 1);
	if (x->row == 0 && n > 0) {
		worksheet_freeze_panes(x->ws, 1, 0);
		x->ncols = n;
		x->in_table = 1;
	}
	seci_xlsx_next_row(x);
}

void
seci_xlsx_table_end(struct seci_xlsx *x)
{
	filter(x);
}

static int
check(struct seci_xlsx *x, lxw_error e)
{
	if (e != LXW_NO_ERROR)
		x->failed = (int)e;
	return e == LXW_NO_ERROR ? 0 : -1;
}

int
seci_xlsx_text(struct seci_xlsx *x, int col, const char *s, int bold)
{
	size_t n = 0;
	const char *p;
	char *fixed;
	int rc;

	if (x->ws == NULL || s == NULL || *s == '\0')
		return 0;
	/* Characters, not bytes: UTF-8 lead bytes. */
	for (p = s; *p; p++)
		n += ((unsigned char)*p & 0xc0) != 0x80;
	if (n > CELL_MAX)
		return check(x, LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED);
	if ((fixed = clean(s)) != NULL)
		s = fixed;
	rc = check(x, worksheet_write_string(x->ws, x->row, (lxw_col_t)col, s,
	    x->text[!!bold]));
	free(fixed);
	return rc;
}

static int
clamp(int decimals)
{
	return decimals < 0 ? 0 : decimals > MAX_DECIMALS ? MAX_DECIMALS :
	    decimals;
}

/* v / 10^decimals, in one division: the nearest double to the amount. */
static double
scaled(int64_t v, int decimals)
{
	static const double p10[] = { 1, 10, 100, 1e3, 1e4, 1e5, 1e6 };

	return (double)v / p10[decimals];
}

int
seci_xlsx_money(struct seci_xlsx *x, int col, int64_t minor, int decimals,
    int bold)
{
	decimals = clamp(decimals);
	return check(x, worksheet_write_number(x->ws, x->row, (lxw_col_t)col,
	    scaled(minor, decimals), x->money[decimals][!!bold]));
}

int
seci_xlsx_int(struct seci_xlsx *x, int col, int64_t v, int bold)
{
	return check(x, worksheet_write_number(x->ws, x->row, (lxw_col_t)col,
	    (double)v, x->intf[!!bold]));
}

int
seci_xlsx_pct(struct seci_xlsx *x, int col, int64_t tenths, int bold)
{
	return check(x, worksheet_write_number(x->ws, x->row, (lxw_col_t)col,
	    scaled(tenths, 1), x->pct[!!bold]));
}

int
seci_xlsx_date(struct seci_xlsx *x, int col, seci_day day, int bold)
{
	lxw_datetime dt = { 0 };

	seci_date_ymd(day, &dt.year, &dt.month, &dt.day);
	return check(x, worksheet_write_datetime(x->ws, x->row,
	    (lxw_col_t)col, &dt, x->date[!!bold]));
}

/* The day an ISO date names, or -1. */
static int
iso_date(const char *s, seci_day *day)
{
	int y, m, d, i;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return -1;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (y < 1900 || !seci_date_valid(y, m, d))
		return -1;
	*day = seci_date_from_ymd(y, m, d);
	return 0;
}

/* A decimal as written for people: "-1,234.50", "12.5%".  Its value,
 * decimals and whether a percentage; -1 if s is not one. */
static int
decimal(const char *s, double *v, int *decimals, int *pct)
{
	char buf[64];
	size_t n = 0, digits = 0, group = 0;
	const char *p = s, *dot = NULL;
	int grouped = 0;

	if (*p == '-')
		buf[n++] = *p++;
	/* "007", "0,123": a code, not a number */
	if (p[0] == '0' && ((p[1] >= '0' && p[1] <= '9') || p[1] == ','))
		return -1;
	for (; *p && n < sizeof(buf) - 1; p++) {
		if (*p >= '0' && *p <= '9') {
			buf[n++] = *p;
			digits++;
			group++;
		} else if (*p == ',' && !dot && digits > 0 && (grouped ?
		    group == 3 : group <= 3)) {
			grouped = 1;
			group = 0;
		} else if (*p == '.' && !dot && digits > 0 && (!grouped ||
		    group == 3)) {
			dot = p;
			buf[n++] = '.';
			group = 0;
		} else {
			break;
		}
	}
	*pct = *p == '%' && p[1] == '\0';
	if ((*p && !*pct) || digits == 0 || (dot && group == 0) ||
	    (grouped && !dot && group != 3))
		return -1;
	/* More digits than a spreadsheet's number keeps stay text. */
	if (digits > 15)
		return -1;
	buf[n] = '\0';
	*v = strtod(buf, NULL);
	if (*v == 0)
		*v = 0;		/* "-0.00" is zero, not negative zero */
	*decimals = dot ? (int)group : 0;
	if (*pct)
		*v /= 100;
	return 0;
}

int
seci_xlsx_cell(struct seci_xlsx *x, int col, const char *s, int figures,
    int bold)
{
	seci_day day;
	double v;
	int d, pct;

	if (s == NULL)
		return 0;
	if (iso_date(s, &day) == 0)
		return seci_xlsx_date(x, col, day, bold);
	if (figures && decimal(s, &v, &d, &pct) == 0) {
		d = clamp(d);
		return check(x, worksheet_write_number(x->ws, x->row,
		    (lxw_col_t)col, v, pct ? x->pcts[d][!!bold] :
		    x->money[d][!!bold]));
	}
	return seci_xlsx_text(x, col, s, bold);
}

int
seci_xlsx_nsheets(const struct seci_xlsx *x)
{
	return x->nsheets;
}

void
seci_xlsx_next_row(struct seci_xlsx *x)
{
	if (x->ws == NULL)
		return;
	x->row++;
}

int
seci_xlsx_close(struct seci_xlsx *x, struct seci_err *err)
{
	lxw_error e;
	int failed, i;

	if (x == NULL)
		return 0;
	if (x->ws == NULL)
		workbook_add_worksheet(x->wb, NULL);	/* never sheetless */
	filter(x);
	failed = x->failed;
	e = workbook_close(x->wb);
	for (i = 0; i < 3; i++)
		free(x->props[i]);
	free(x);
	if (failed == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
		return seci_err_set(err, SECI_EXIT_DATA, "a value is longer "
		    "than the %d characters a spreadsheet cell holds",
		    CELL_MAX);
	if (failed == LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE)
		return seci_err_set(err, SECI_EXIT_DATA, "more rows than the "
		    "1,048,576 a sheet holds; use -o csv");
	if (failed)
		return seci_err_set(err, SECI_EXIT_IOERR, "workbook: %s",
		    lxw_strerror((lxw_error)failed));
	if (e != LXW_NO_ERROR)
		return seci_err_set(err, SECI_EXIT_IOERR, "workbook: %s",
		    lxw_strerror(e));
	return 0;
}
