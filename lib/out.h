/*
 * out.h - the one way rows are printed: table, csv, tsv or json.
 *
 * CSV: a header row, ',' separator, RFC 4180 quoting, '.' decimal point,
 * no thousands separators, LF line ends, so that output imports back
 * unchanged.  TSV: tab separated, with tab, newline and backslash inside a
 * value written as \t, \n and \\.  JSON: an array of objects with the
 * column names as keys, amounts as strings ("76923.08"), percentages and
 * counts as numbers, NULL as null.  Table: aligned columns for a terminal,
 * amounts right-aligned with thousands separators, and optional total
 * rows (which the other forms leave out: they carry data rows only).
 * XLSX (when built with libxlsxwriter): each result set a sheet of the
 * workbook the command writes (see xlsx.h), with the data rows of the
 * CSV form: amounts, counts and percentages as numbers, ISO dates as
 * dates.
 */
#ifndef SECI_OUT_H
#define SECI_OUT_H

#include <stdint.h>
#include <stdio.h>

#include "err.h"

enum seci_format { SECI_FMT_TABLE, SECI_FMT_CSV, SECI_FMT_TSV,
    SECI_FMT_JSON, SECI_FMT_XLSX };

enum seci_col_type {
	SECI_COL_TEXT,
	SECI_COL_INT,		/* a whole number */
	SECI_COL_MONEY,		/* minor units, printed with the decimals */
	SECI_COL_PCT,		/* tenths of a percent, printed as 42.5 */
	SECI_COL_DECIMAL	/* an amount already written out as text */
};

/*
 * A column, and who may see it: roles is 0 for everyone, else the roles
 * (enum seci_role) that may; the director always may.  Anyone else gets
 * the text "restricted" in its place, in every format.
 */
struct seci_col {
	const char *name;
	enum seci_col_type type;
	unsigned roles;
};

#define SECI_RESTRICTED "restricted"

struct seci_cell {
	int null;
	int64_t i;		/* INT, MONEY, PCT */
	const char *s;		/* TEXT (borrowed during seci_out_row) */
};

struct seci_xlsx;

struct seci_out_opts {
	enum seci_format format;
	int header;		/* print the header row */
	int decimals;		/* of MONEY columns */
	unsigned roles;		/* the reader's (restricted columns) */
	FILE *fp;
	struct seci_xlsx *xlsx;	/* XLSX: the command's workbook */
	const char *title;	/* XLSX: the sheet's name (NULL: "Sheet") */
};

struct seci_out;

/* Parse "table", "csv", "tsv", "json" or (when built with libxlsxwriter)
 * "xlsx"; -1 for anything else. */
int seci_format_parse(const char *s, enum seci_format *out);

/* 1 if the format name f is one of list, names separated by commas
 * ("text,json,html"), else 0. */
int seci_format_in(const char *list, const char *f);

/* Start a result set with ncols columns (cols borrowed until end). */
struct seci_out *seci_out_begin(const struct seci_out_opts *opts,
    const struct seci_col *cols, int ncols, struct seci_err *err);

/* One data row of ncols cells. */
int seci_out_row(struct seci_out *o, const struct seci_cell *cells,
    struct seci_err *err);

/* A total or subtotal row: shown in the table form only. */
int seci_out_total(struct seci_out *o, const struct seci_cell *cells,
    struct seci_err *err);

/* Finish (a table is printed here), flush, and free o.  A write error
 * (full disk, closed pipe) is SECI_EXIT_IOERR. */
int seci_out_end(struct seci_out *o, struct seci_err *err);

/* Free o without printing, after an error. */
void seci_out_abort(struct seci_out *o);

/* Cell constructors. */
struct seci_cell seci_cell_text(const char *s);
struct seci_cell seci_cell_int(int64_t v);
struct seci_cell seci_cell_null(void);

#endif
