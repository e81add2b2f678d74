/* doc.c - documents as plain text or self-contained HTML. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "out.h"
#ifdef HAVE_XLSXWRITER
#include "xlsx.h"
#endif

#define TEXT_WIDTH 96	/* of rules; every line stays under 100 */

#define MAX_COLS 16

/* A text table's row, held until the table ends and its widths are
 * known. */
struct text_row {
	char *cell[MAX_COLS];	/* NULL: none from here on */
	int total;
};

struct seci_doc {
	FILE *fp;
	enum seci_doc_format fmt;
	const struct seci_doc_col *cols;
	int ncols;
	unsigned flags;
	int last_total;		/* the table's last row was a total */
	int width[MAX_COLS];	/* text: the table's column widths */
	struct text_row *rows;
	size_t nrows, caprows;
	int failed;		/* out of memory: rows were lost */
	struct seci_xlsx *x;	/* the workbook form's */
	char *title;		/* its first sheet's name */
	struct seci_err *err;
};

int
seci_doc_format_parse(const char *s, enum seci_doc_format *out)
{
	if (strcmp(s, "text") == 0)
		*out = SECI_DOC_TEXT;
	else if (strcmp(s, "json") == 0)
		*out = SECI_DOC_JSON;
	else if (strcmp(s, "html") == 0)
		*out = SECI_DOC_HTML;
#ifdef HAVE_XLSXWRITER
	else if (strcmp(s, "xlsx") == 0)
		*out = SECI_DOC_XLSX;
#endif
	else
		return -1;
	return 0;
}

enum seci_doc_format
seci_doc_format(const struct seci_doc *d)
{
	return d->fmt;
}

static void
html_text(FILE *fp, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '<': fputs("&lt;", fp); break;
		case '>': fputs("&gt;", fp); break;
		case '&': fputs("&amp;", fp); break;
		case '"': fputs("&quot;", fp); break;
		default: putc(*s, fp);
		}
	}
}

/* Width of UTF-8 text in characters. */
static size_t
u8width(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* Text left-aligned in w characters, cut (with '~') when longer. */
static void
cell(FILE *fp, const char *s, size_t w)
{
	size_t n = 0;

	for (; *s && n < w; s++) {
		if (((unsigned char)*s & 0xc0) != 0x80) {
			if (n + 1 == w && u8width(s) > 1) {
				putc('~', fp);
				n++;
				break;
			}
			n++;
		}
		/* a control character from imported data is not obeyed */
		putc((unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s, fp);
	}
	/* finish a multi-byte character already begun */
	while (*s && ((unsigned char)*s & 0xc0) == 0x80)
		putc(*s++, fp);
	for (; n < w; n++)
		putc(' ', fp);
}

static void
rule(FILE *fp, char c)
{
	int i;

	for (i = 0; i < TEXT_WIDTH; i++)
		putc(c, fp);
	putc('\n', fp);
}

static const char html_style[] =
    "@media print { body { margin: 0; max-width: none; } "
    "h2.s { break-before: page; } p.meta + h2.s { break-before: auto; } }\n"
    "body { font: 10pt/1.35 sans-serif; color: #222; margin: 2em; "
    "max-width: 190mm; }\n"
    "h1 { font-size: 16pt; margin: 0; } h2 { font-size: 12pt; "
    "border-bottom: 1px solid #888; margin-top: 1.6em; "
    "page-break-after: avoid; }\n"
    "p.meta { color: #555; margin: .2em 0 1em; }\n"
    "table { border-collapse: collapse; width: 100%; margin: .5em 0; "
    "page-break-inside: auto; }\n"
    "tr { page-break-inside: avoid; }\n"
    "th, td { padding: 2px 6px; border-bottom: 1px solid #ddd; "
    "text-align: left; }\n"
    "th { background: #eef1f5; } td.n { text-align: right; "
    "font-variant-numeric: tabular-nums; white-space: nowrap; }\n"
    "tr.total td { font-weight: bold; border-top: 1px solid #888; }\n"
    "svg { font: 9pt sans-serif; margin: .5em 0; }\n"
    "code { font-size: 8.5pt; word-break: break-all; }\n";

/* Text as a CSS string, in quotes. */
static void
css_string(FILE *fp, const char *s)
{
	putc('"', fp);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fprintf(fp, "\\%c", *s);
		else if ((unsigned char)*s < 0x20 || *s == '<')
			fprintf(fp, "\\%x ", (unsigned char)*s);
		else
			putc(*s, fp);
	}
	putc('"', fp);
}

/* The printed page: A4, the organisation and the title (which names the
 * period) at the head of every page, the detail line and "Page n of m"
 * at its foot. */
static void
page_style(FILE *fp, const char *org, const char *title, const char *meta)
{
	static const char box[] = "font: 8pt sans-serif; color: #555;";

	fputs("@page { size: A4; margin: 18mm 15mm 16mm;\n  @top-left { "
	    "content: ", fp);
	css_string(fp, org);
	fprintf(fp, "; %s }\n  @top-right { content: ", box);
	css_string(fp, title);
	fprintf(fp, "; %s }\n  @bottom-left { content: ", box);
	css_string(fp, meta);
	fprintf(fp, "; %s }\n  @bottom-right { content: \"Page \" "
	    "counter(page) \" of \" counter(pages); %s }\n}\n", box, box);
}

struct seci_doc *
seci_doc_begin(FILE *fp, enum seci_doc_format fmt, const char *org,
    const char *title, const char *meta, struct seci_err *err)
{
	struct seci_doc *d = calloc(1, sizeof(*d));

	if (d == NULL) {
		seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
		return NULL;
	}
	d->fp = fp;
	d->fmt = fmt;
	if (fmt != SECI_DOC_HTML) {
		fprintf(fp, "%s\n%s\n%s\n", org, title, meta);
		rule(fp, '=');
		return d;
	}
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta "
	    "charset=\"utf-8\">\n<title>", fp);
	html_text(fp, org);
	fputs(" &mdash; ", fp);
	html_text(fp, title);
	fprintf(fp, "</title>\n<style>\n%s", html_style);
	page_style(fp, org, title, meta);
	fputs("</style>\n</head>\n<body>\n<h1>", fp);
	html_text(fp, org);
	fputs("</h1>\n<h2 style=\"border:0;margin-top:.3em\">", fp);
	html_text(fp, title);
	fputs("</h2>\n<p class=\"meta\">", fp);
	html_text(fp, meta);
	fputs("</p>\n", fp);
	return d;
}

#ifdef HAVE_XLSXWRITER
struct seci_doc *
seci_doc_begin_xlsx(struct seci_xlsx *x, const char *org, const char *title,
    const char *meta, struct seci_err *err)
{
	struct seci_doc *d = calloc(1, sizeof(*d));

	if (d == NULL || (d->title = strdup(title)) == NULL) {
		free(d);
		seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
		return NULL;
	}
	d->fmt = SECI_DOC_XLSX;
	d->x = x;
	d->err = err;
	seci_xlsx_properties(x, title, org, meta);
	return d;
}

/* A sheet to write on: the title's, when nothing came before. */
static struct seci_xlsx *
sheet(struct seci_doc *d, const char *title)
{
	if (title != NULL || d->title != NULL) {
		if (seci_xlsx_sheet(d->x, title ? title : d->title, NULL, 0,
		    d->err) < 0)
			d->failed = 2;
		free(d->title);
		d->title = NULL;
	}
	return d->x;
}

/* A line of text in the first column, bold for a heading, after an
 * empty row unless it is the sheet's first. */
static void
sheet_line(struct seci_doc *d, const char *text, int heading)
{
	struct seci_xlsx *x = sheet(d, NULL);

	if (heading)
		seci_xlsx_next_row(x);
	seci_xlsx_text(x, 0, text, heading);
	seci_xlsx_next_row(x);
}
#else
struct seci_doc *
seci_doc_begin_xlsx(struct seci_xlsx *x, const char *org, const char *title,
    const char *meta, struct seci_err *err)
{
	(void)x, (void)org, (void)title, (void)meta;
	seci_err_set(err, SECI_EXIT_USAGE, "built without libxlsxwriter: no "
	    "xlsx");
	return NULL;
}
#endif

struct seci_doc *
seci_doc_start(const struct seci_out_opts *out, enum seci_doc_format fmt,
    const char *org, const char *title, const char *meta,
    struct seci_err *err)
{
	if (fmt == SECI_DOC_XLSX)
		return seci_doc_begin_xlsx(out->xlsx, org, title, meta, err);
	return seci_doc_begin(out->fp ? out->fp : stdout, fmt, org, title,
	    meta, err);
}

void
seci_doc_section(struct seci_doc *d, const char *title)
{
#ifdef HAVE_XLSXWRITER
	if (d->fmt == SECI_DOC_XLSX) {
		sheet(d, title);
		return;
	}
#endif
	if (d->fmt != SECI_DOC_HTML) {
		fprintf(d->fp, "\n%s\n", title);
		rule(d->fp, '-');
		return;
	}
	fputs("<h2 class=\"s\">", d->fp);
	html_text(d->fp, title);
	fputs("</h2>\n", d->fp);
}

void
seci_doc_subsection(struct seci_doc *d, const char *title)
{
#ifdef HAVE_XLSXWRITER
	if (d->fmt == SECI_DOC_XLSX) {
		sheet_line(d, title, 1);
		return;
	}
#endif
	if (d->fmt != SECI_DOC_HTML) {
		fprintf(d->fp, "\n%s\n", title);
		return;
	}
	fputs("<h3>", d->fp);
	html_text(d->fp, title);
	fputs("</h3>\n", d->fp);
}

void
seci_doc_para(struct seci_doc *d, const char *text)
{
#ifdef HAVE_XLSXWRITER
	if (d->fmt == SECI_DOC_XLSX) {
		sheet_line(d, text, 0);
		return;
	}
#endif
	if (d->fmt != SECI_DOC_HTML) {
		fprintf(d->fp, "%s\n", text);
		return;
	}
	fputs("<p>", d->fp);
	html_text(d->fp, text);
	fputs("</p>\n", d->fp);
}

void
seci_doc_html(struct seci_doc *d, const char *html)
{
	if (d->fmt == SECI_DOC_HTML)
		fputs(html, d->fp);
}

/* Keep a text row (total: 1 a total, 0 not, -1 the heading). */
static void
hold(struct seci_doc *d, const char *const *cells, int total)
{
	struct text_row *t;
	int i;

	if (d->nrows == d->caprows) {
		size_t cap = d->caprows ? 2 * d->caprows : 32;

		if ((t = realloc(d->rows, cap * sizeof(*t))) == NULL) {
			d->failed = 1;
			return;
		}
		d->rows = t;
		d->caprows = cap;
	}
	t = &d->rows[d->nrows++];
	memset(t, 0, sizeof(*t));
	t->total = total;
	for (i = 0; i < d->ncols && cells[i] != NULL; i++)
		if ((t->cell[i] = strdup(cells[i])) == NULL)
			d->failed = 1;
}

/* One row of the text form: cells up to the first NULL. */
static void
text_row(struct seci_doc *d, const char *const *cells)
{
	const struct seci_doc_col *c = d->cols;
	int i;

	for (i = 0; i < d->ncols && cells[i] != NULL; i++) {
		if (i)
			putc(' ', d->fp);
		if (c[i].right)
			fprintf(d->fp, "%*s", d->width[i] + (int)(strlen(
			    cells[i]) - u8width(cells[i])), cells[i]);
		else
			cell(d->fp, cells[i], (size_t)d->width[i]);
	}
	putc('\n', d->fp);
}

/*
 * The text table's widths from what it holds: a number column as wide as
 * its widest figure (never cut); a text column as its declared width,
 * then as much wider as its longest text needs while the line stays
 * within the page, so names are cut only when there is no room; what
 * room is left spaces the figures out to their declared widths.
 */
static void
fit(struct seci_doc *d)
{
	int need[MAX_COLS], i, used = 0, pass;
	size_t r, w;

	for (i = 0; i < d->ncols; i++) {
		need[i] = (int)u8width(d->cols[i].head);
		for (r = 0; r < d->nrows; r++)
			if (d->rows[r].cell[i] && (w = u8width(
			    d->rows[r].cell[i])) > (size_t)need[i])
				need[i] = (int)w;
		d->width[i] = d->cols[i].right ? need[i] : d->cols[i].width;
		used += d->width[i] + (i > 0);
	}
	/* Text first, one character at a time to each column that wants
	 * more, so that every name gets its share; then the figures back
	 * to their declared widths. */
	for (pass = 0; pass < 2; pass++) {
		int grew = 1;

		while (grew && used < TEXT_WIDTH) {
			grew = 0;
			for (i = 0; i < d->ncols && used < TEXT_WIDTH; i++) {
				int want = pass == 0 ? need[i] :
				    d->cols[i].width;

				if ((pass == 0) == d->cols[i].right ||
				    d->width[i] >= want)
					continue;
				d->width[i]++;
				used++;
				grew = 1;
			}
		}
	}
}

void
seci_doc_table(struct seci_doc *d, const struct seci_doc_col *cols, int n,
    unsigned flags)
{
	const char *heads[MAX_COLS + 1];
	int i = 0, header = (flags & SECI_DOC_HEADER) != 0;

	d->cols = cols;
	d->ncols = n < MAX_COLS ? n : MAX_COLS;
	d->flags = flags;
	d->last_total = 0;
	d->nrows = 0;
#ifdef HAVE_XLSXWRITER
	if (d->fmt == SECI_DOC_XLSX) {
		struct seci_xlsx *x = sheet(d, NULL);

		for (i = 0; i < d->ncols; i++)
			heads[i] = cols[i].html_head ? cols[i].html_head :
			    cols[i].head;
		if (header)
			seci_xlsx_header(x, heads, d->ncols);
		return;
	}
#endif
	if (d->fmt != SECI_DOC_HTML) {
		for (i = 0; header && i < d->ncols; i++)
			heads[i] = cols[i].head;
		heads[i] = NULL;
		if (header)
			hold(d, heads, -1);
		return;
	}
	fputs("<table>\n", d->fp);
	if (!header)
		return;
	fputs("<tr>", d->fp);
	for (i = 0; i < d->ncols; i++) {
		fputs("<th>", d->fp);
		html_text(d->fp, cols[i].html_head ? cols[i].html_head :
		    cols[i].head);
		fputs("</th>", d->fp);
	}
	fputs("</tr>\n", d->fp);
}

void
seci_doc_row(struct seci_doc *d, const char *const *cells, int total)
{
	int i;

#ifdef HAVE_XLSXWRITER
	if (d->fmt == SECI_DOC_XLSX) {
		for (i = 0; i < d->ncols && cells[i]; i++)
			seci_xlsx_cell(d->x, i, cells[i], d->cols[i].right,
			    total);
		seci_xlsx_next_row(d->x);
		return;
	}
#endif
	if (d->fmt != SECI_DOC_HTML) {
		hold(d, cells, total);
		return;
	}
	fputs(total ? "<tr class=\"total\">" : "<tr>", d->fp);
	for (i = 0; i < d->ncols; i++) {
		fputs(d->cols[i].right ? "<td class=\"n\">" : "<td>", d->fp);
		if (cells[i])
			html_text(d->fp, cells[i]);
		fputs("</td>", d->fp);
	}
	fputs("</tr>\n", d->fp);
}

void
seci_doc_table_end(struct seci_doc *d)
{
	size_t r;
	int i;

#ifdef HAVE_XLSXWRITER
	if (d->fmt == SECI_DOC_XLSX)
		seci_xlsx_table_end(d->x);
#endif
	if (d->fmt == SECI_DOC_HTML)
		fputs("</table>\n", d->fp);
	else if (d->fmt != SECI_DOC_XLSX)
		fit(d);
	for (r = 0; r < d->nrows; r++) {
		struct text_row *t = &d->rows[r];

		if (t->total >= 0 && d->last_total && !t->total &&
		    !(d->flags & SECI_DOC_SPACED))
			putc('\n', d->fp);
		d->last_total = t->total > 0;
		text_row(d, (const char *const *)t->cell);
		if (t->total > 0 && (d->flags & SECI_DOC_SPACED))
			putc('\n', d->fp);
		for (i = 0; i < MAX_COLS; i++)
			free(t->cell[i]);
	}
	d->nrows = 0;
	d->cols = NULL;
	d->ncols = 0;
}

void
seci_doc_timeline(struct seci_doc *d, int year,
    const struct seci_doc_span *spans, size_t n)
{
	static const char *const months = "JFMAMJJASOND";
	const int left = 90, width = 540, bar = 12, gap = 5;
	seci_day jan1 = seci_date_from_ymd(year, 1, 1);
	double days = (double)(seci_date_from_ymd(year, 12, 31) - jan1 + 1);
	FILE *fp = d->fp;
	size_t i, groups = 0;
	int m, y;

	if (d->fmt != SECI_DOC_HTML || n == 0)
		return;
	for (i = 0; i < n; i++)
		groups += i == 0 || strcmp(spans[i].group, spans[i - 1].group);
	fprintf(fp, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
	    "height=\"%zu\" role=\"img\">\n", left + width + 10,
	    (n + groups) * (size_t)(bar + gap) + 24);
	/* The months, as columns. */
	for (m = 0; m < 12; m++) {
		double x = left + (double)(seci_date_from_ymd(year, m + 1, 1) -
		    jan1) * width / days;

		fprintf(fp, "<line x1=\"%.1f\" y1=\"14\" x2=\"%.1f\" "
		    "y2=\"%zu\" stroke=\"#dddddd\"/><text x=\"%.1f\" "
		    "y=\"11\">%c</text>\n", x, x, (n + groups) *
		    (size_t)(bar + gap) + 18, x + 2, months[m]);
	}
	for (i = 0, y = 18; i < n; i++, y += bar + gap) {
		double x0 = left + (double)(spans[i].start - jan1) * width /
		    days;
		double x1 = left + (double)(spans[i].end - jan1 + 1) * width /
		    days;

		if (i == 0 || strcmp(spans[i].group, spans[i - 1].group)) {
			fprintf(fp, "<text x=\"2\" y=\"%d\" "
			    "font-weight=\"bold\">", y + bar - 2);
			html_text(fp, spans[i].group);
			fputs("</text>\n", fp);
			y += bar + gap;
		}
		fprintf(fp, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">",
		    left - 6, y + bar - 2);
		html_text(fp, spans[i].label);
		fprintf(fp, "</text>\n<rect x=\"%.1f\" y=\"%d\" "
		    "width=\"%.1f\" height=\"%d\" fill=\"#2f5c8f\"/>\n", x0, y,
		    x1 - x0, bar);
	}
	fputs("</svg>\n", fp);
}

void
seci_doc_bars(struct seci_doc *d, const struct seci_doc_bar *bars, size_t n,
    int nseg, const char *const *names, const char *const *colours,
    int equal)
{
	const int left = 70, width = 520, bar = 14, gap = 6;
	FILE *fp = d->fp;
	int64_t max = 0, sum;
	size_t i;
	int k, y;

	if (d->fmt != SECI_DOC_HTML || n == 0)
		return;
	for (i = 0; i < n; i++) {
		for (k = 0, sum = 0; k < nseg; k++)
			sum += bars[i].seg[k];
		if (sum > max)
			max = sum;
	}
	if (max <= 0)
		return;
	fprintf(fp, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
	    "height=\"%zu\" role=\"img\">\n", left + width + 70,
	    n * (size_t)(bar + gap) + 30);
	for (i = 0, y = 4; i < n; i++, y += bar + gap) {
		double x = left, scale;

		for (k = 0, sum = 0; k < nseg; k++)
			sum += bars[i].seg[k];
		/* Pixels only: the figures are in the tables. */
		scale = (double)width / (double)(equal ? (sum > 0 ? sum : 1) :
		    max);
		fprintf(fp, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">",
		    left - 6, y + bar - 3);
		html_text(fp, bars[i].label);
		fputs("</text>\n", fp);
		for (k = 0; k < nseg; k++) {
			double w = (double)bars[i].seg[k] * scale;

			if (w <= 0)
				continue;
			fprintf(fp, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
			    "height=\"%d\" fill=\"%s\"/>\n", x, y, w, bar,
			    colours[k]);
			x += w;
		}
		if (bars[i].figure) {
			fprintf(fp, "<text x=\"%.1f\" y=\"%d\">", x + 4,
			    y + bar - 3);
			html_text(fp, bars[i].figure);
			fputs("</text>\n", fp);
		}
	}
	for (k = 0; k < nseg; k++) {
		fprintf(fp, "<rect x=\"%d\" y=\"%d\" width=\"12\" "
		    "height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">",
		    left + 180 * k, y + 6, colours[k], left + 180 * k + 16,
		    y + 15);
		html_text(fp, names[k]);
		fputs("</text>\n", fp);
	}
	fputs("</svg>\n", fp);
}

int
seci_doc_end(struct seci_doc *d, struct seci_err *err)
{
	FILE *fp = d->fp;
	int rc = 0;

	if (d->fmt == SECI_DOC_HTML)
		fputs("</body>\n</html>\n", fp);
	if (d->failed == 2)	/* the sheet's error, in d->err */
		rc = err == d->err ? -1 : seci_err_set(err, d->err->code,
		    "%s", d->err->msg);
	else if (d->failed)
		rc = seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
	else if (fp && (fflush(fp) != 0 || ferror(fp)))
		rc = seci_err_set(err, SECI_EXIT_IOERR, "write error: %s",
		    strerror(errno ? errno : EIO));
	free(d->rows);
	free(d->title);
	free(d);
	return rc;
}
