/*
 * xlsx.h - spreadsheet workbooks (Office Open XML), through libxlsxwriter.
 *
 * A workbook is one or more sheets, each a header row and data rows, so
 * that it opens right whatever the spreadsheet's locale: amounts are
 * numbers shown with the currency's decimals and thousands separators,
 * dates are dates, percentages numbers of one decimal; the header row is
 * frozen and carries an autofilter.  Rows are written as they come (the
 * library's constant-memory mode), so memory stays flat however many.
 *
 * Built only when configure found libxlsxwriter (HAVE_XLSXWRITER).
 */
#ifndef SECI_XLSX_H
#define SECI_XLSX_H

#include <stdint.h>

#include "date.h"
#include "err.h"

struct seci_xlsx;

/* A workbook to be written to path when closed, its rows kept meanwhile
 * in temporary files in tmpdir (NULL and err filled on failure). */
struct seci_xlsx *seci_xlsx_open(const char *path, const char *tmpdir,
    struct seci_err *err);

enum seci_xlsx_kind {
	SECI_XLSX_TEXT,
	SECI_XLSX_NUMBER	/* a column of figures: right-aligned width */
};

/* The workbook's title, author's organisation and comment, shown in the
 * spreadsheet's document properties. */
void seci_xlsx_properties(struct seci_xlsx *x, const char *title,
    const char *org, const char *comment);

/* A new sheet named after title (cut to 31 characters, the characters a
 * sheet name may not hold replaced, " (2)" added when taken); columns of
 * n kinds set their widths (kinds may be NULL). */
int seci_xlsx_sheet(struct seci_xlsx *x, const char *title,
    const enum seci_xlsx_kind *kinds, int n, struct seci_err *err);

/* A header row of n names, in bold, as the current row.  On a sheet's
 * first row it is frozen, and the table under it has an autofilter until
 * seci_xlsx_table_end(). */
void seci_xlsx_header(struct seci_xlsx *x, const char *const *names, int n);
void seci_xlsx_table_end(struct seci_xlsx *x);

/* Cells of the current row, column col (0-based); bold for total rows. */
int seci_xlsx_text(struct seci_xlsx *x, int col, const char *s, int bold);
int seci_xlsx_money(struct seci_xlsx *x, int col, int64_t minor,
    int decimals, int bold);
int seci_xlsx_int(struct seci_xlsx *x, int col, int64_t v, int bold);
int seci_xlsx_pct(struct seci_xlsx *x, int col, int64_t tenths, int bold);
int seci_xlsx_date(struct seci_xlsx *x, int col, seci_day d, int bold);

/* Text as it reads: an ISO date ("2026-11-30") becomes a date; with
 * figures, a decimal ("-1,234.50", "12.5%") becomes a number shown with
 * as many decimals; anything else stays text. */
int seci_xlsx_cell(struct seci_xlsx *x, int col, const char *s, int figures,
    int bold);

/* How many sheets the workbook has so far. */
int seci_xlsx_nsheets(const struct seci_xlsx *x);

/* End the current row. */
void seci_xlsx_next_row(struct seci_xlsx *x);

/* Write the file and free x; a failure is SECI_EXIT_IOERR.  x may be
 * NULL. */
int seci_xlsx_close(struct seci_xlsx *x, struct seci_err *err);

#endif
