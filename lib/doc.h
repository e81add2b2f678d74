/*
 * doc.h - the one document renderer: reports for people, as plain text
 * (fixed columns, under 100 characters wide) or as one self-contained
 * HTML file (inline CSS and SVG, nothing fetched, A4 print), from the
 * same calls.  The monthly report uses it; the plan proposal and staff
 * reports are meant to.
 *
 * A document is a title block, then sections, each with paragraphs,
 * tables and charts.  The text form draws tables with the widths given;
 * the HTML form ignores widths and right-aligns numeric columns.  Charts
 * (inline SVG) appear in HTML only: their figures are always in a table
 * too.
 */
#ifndef SECI_DOC_H
#define SECI_DOC_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "date.h"
#include "err.h"

enum seci_doc_format { SECI_DOC_TEXT, SECI_DOC_JSON, SECI_DOC_HTML,
    SECI_DOC_XLSX };

struct seci_xlsx;

/* "text", "json", "html" or (when built with libxlsxwriter) "xlsx" to a
 * format; -1 for anything else. */
int seci_doc_format_parse(const char *s, enum seci_doc_format *out);

struct seci_doc;

/* Begin a document on fp: the organisation, a title, and a line of
 * detail ("As of 2026-11-30; amounts in EUR").  Never NULL for want of
 * anything but memory (err filled). */
struct seci_doc *seci_doc_begin(FILE *fp, enum seci_doc_format fmt,
    const char *org, const char *title, const char *meta,
    struct seci_err *err);

/* The same document as a workbook: a sheet per section, named after it
 * (what comes before the first section goes on a sheet named after the
 * title), its tables' figures as numbers, dates as dates, total rows in
 * bold; the title block becomes the workbook's properties.  Charts are
 * left out (their figures are in the tables). */
struct seci_doc *seci_doc_begin_xlsx(struct seci_xlsx *x, const char *org,
    const char *title, const char *meta, struct seci_err *err);

/* A document to out: seci_doc_begin_xlsx() on out->xlsx for the xlsx
 * form, else seci_doc_begin() on out->fp (NULL: stdout). */
struct seci_out_opts;
struct seci_doc *seci_doc_start(const struct seci_out_opts *out,
    enum seci_doc_format fmt, const char *org, const char *title,
    const char *meta, struct seci_err *err);

enum seci_doc_format seci_doc_format(const struct seci_doc *d);

/* A section heading; a smaller heading within a section. */
void seci_doc_section(struct seci_doc *d, const char *title);
void seci_doc_subsection(struct seci_doc *d, const char *title);

/* A paragraph of text (escaped for HTML). */
void seci_doc_para(struct seci_doc *d, const char *text);

struct seci_doc_col {
	const char *head;	/* text form's heading */
	const char *html_head;	/* HTML's, or NULL for head */
	int width;		/* text form: characters */
	int right;		/* a number: right-aligned */
};

/*
 * A table of n columns.  Then rows of n cells (text, already formatted);
 * a NULL cell ends the row there in the text form.  A total row is bold
 * in HTML; in the text form an ordinary row after a total row is set off
 * by an empty line, or with SECI_DOC_SPACED every total row is followed
 * by one.  Left-aligned cells longer than their width are cut with '~';
 * control characters from the data are shown as '?', never obeyed.
 */
enum seci_doc_table_flags {
	SECI_DOC_HEADER = 1,	/* a heading row */
	SECI_DOC_SPACED = 2	/* text: an empty line after each total */
};

void seci_doc_table(struct seci_doc *d, const struct seci_doc_col *cols,
    int n, unsigned flags);
void seci_doc_row(struct seci_doc *d, const char *const *cells, int total);
void seci_doc_table_end(struct seci_doc *d);

/* A horizontal bar chart (HTML only): per bar a label and two values on
 * one scale, a dark bar (part) over a light one (of), or side by side
 * along the axis when stacked. */
/*
 * A bar chart (HTML form only; the figures are in the tables): one bar
 * per item of up to three segments, each named and coloured once.  With
 * equal, every bar is as long as the others and its segments are shares
 * of its own total (percent); else the bars are scaled to the longest.
 * figure, if not NULL, is printed at the end of the bar.
 */
struct seci_doc_bar {
	const char *label;
	int64_t seg[3];		/* each >= 0 */
	const char *figure;
};

void seci_doc_bars(struct seci_doc *d, const struct seci_doc_bar *bars,
    size_t n, int nseg, const char *const *names,
    const char *const *colours, int equal);

/*
 * A timeline of a year (HTML form only): one bar per item from its start
 * to its end day across the twelve months, items of a group together
 * under the group's label.
 */
struct seci_doc_span {
	const char *group;	/* a new group when it differs from the last */
	const char *label;
	seci_day start, end;
};

void seci_doc_timeline(struct seci_doc *d, int year,
    const struct seci_doc_span *spans, size_t n);

/* Write raw HTML (HTML form only): for what only that form shows. */
void seci_doc_html(struct seci_doc *d, const char *html);

/* Finish the document (HTML: close it), flush, and free d.  A write
 * error is SECI_EXIT_IOERR. */
int seci_doc_end(struct seci_doc *d, struct seci_err *err);

#endif
