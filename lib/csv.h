/*
 * csv.h - streaming RFC 4180 reader (over libcsv) and writer.
 *
 * The reader calls back once per data row, so memory stays flat however
 * long the file is.  Columns are found by header name (case-insensitive,
 * in any order).  It accepts a UTF-8 BOM, CRLF or LF, quoted fields with
 * commas, quotes and newlines, and skips blank lines.  It reports, each as
 * "FILE:LINE: problem" through err's report hook: a row with the wrong
 * number of fields, a NUL byte, invalid UTF-8, a field longer than
 * SECI_CSV_FIELD_MAX, a malformed or unterminated quoted field.
 */
#ifndef SECI_CSV_H
#define SECI_CSV_H

#include <stddef.h>
#include <stdio.h>

#include "err.h"

#define SECI_CSV_FIELD_MAX (4u << 20)	/* bytes in one field */
#define SECI_CSV_MAX_ERRORS 100		/* bad rows reported per file */
#define SECI_CSV_MAX_COLUMNS 1000	/* in the header row */

struct seci_csv_col {
	const char *name;
	int required;
	unsigned position;	/* 1-based column number, or 0: by name */
};

struct seci_csv_row {
	const char *file;		/* name for messages ("<stdin>") */
	unsigned long line;		/* physical line the row starts on */
	size_t nfields;
	const char *const *field;	/* all fields, NUL-terminated */
	const size_t *len;
	const char *const *header;	/* header names, nfields of them */
	const char *const *val;		/* val[i] is cols[i], NULL if absent */
	void *prep;			/* opts->prepare's bytes, or NULL */
};

struct seci_csv_opts {
	unsigned char delim;		/* 0 means ',' */
	unsigned skip_lines;		/* physical lines before the header */
	const struct seci_csv_col *cols;	/* wanted columns, or NULL */
	size_t ncols;
	int warn_unknown;		/* one warning naming unknown columns */
	const char *const *ignore;	/* columns not warned about */
	size_t nignore;
	const char *stop_at;		/* the first row whose first field
					 * begins with this (any case) ends
					 * the data: a footer */
	unsigned skip_footer;		/* rows at the end that are no data */
	/* Called with every byte of the file as read (for its hash). */
	void (*on_bytes)(void *arg, const void *buf, size_t n);
	void *bytes_arg;
	/*
	 * Called before fn with each row and prep_size bytes of its own,
	 * which fn then finds at row->prep: the row's work that needs
	 * nothing but the row (parsing its values, say).  With ahead set,
	 * it runs in a second thread that reads, parses and prepares the
	 * rows after the one fn has, so that both run at once; then it,
	 * and on_bytes, may read only what does not change while the file
	 * is read, and must not use an err, the database or stdio (a
	 * problem goes in its bytes, for fn to report).  Reports about the
	 * file itself still come in line order, from the calling thread.
	 * A pipe, socket or terminal is read in one thread all the same:
	 * a caller that stops must not wait there for the writer.
	 */
	void (*prepare)(void *arg, const struct seci_csv_row *row,
	    void *prep);
	void *prep_arg;
	size_t prep_size;
	int ahead;
};

/*
 * Row callback: return 0 to go on, 1 when the row was bad and has been
 * reported (reading goes on, so that every bad row is reported), -1 to
 * stop at once (err filled).  The row and its strings are borrowed: valid
 * during the call only.
 */
typedef int seci_csv_row_fn(void *arg, const struct seci_csv_row *row,
    struct seci_err *err);

/*
 * What a prepare callback found wrong with its row, kept for fn to
 * report: seci_csv_notes_begin() points err's reports at notes (up to
 * SECI_CSV_NOTES of them, each less the "FILE:LINE: " it begins with);
 * seci_csv_notes_report(), in fn, reports them with it again.
 */
#define SECI_CSV_NOTES 3
struct seci_csv_notes {
	unsigned n;
	size_t skip;			/* the length of "FILE:LINE: " */
	char msg[SECI_CSV_NOTES][512];
};
void seci_csv_notes_begin(struct seci_csv_notes *notes,
    const struct seci_csv_row *row, struct seci_err *err);
void seci_csv_notes_report(const struct seci_csv_notes *notes,
    const struct seci_csv_row *row, struct seci_err *err);

/*
 * Read the whole of fp (named name in messages).  Returns 0 when every row
 * was good; -1 otherwise, with err saying how many rows were bad
 * (SECI_EXIT_DATA) or why reading stopped.  rows, if not NULL, receives the
 * count of data rows read.
 */
int seci_csv_read(FILE *fp, const char *name,
    const struct seci_csv_opts *opts, seci_csv_row_fn *fn, void *arg,
    unsigned long *rows, struct seci_err *err);

/* Write one field, quoted when it needs to be (delimiter, quote, CR, LF,
 * leading or trailing blank). */
void seci_csv_write_field(FILE *fp, const char *s, char delim);

/* 1 if the n bytes at s are valid UTF-8. */
int seci_utf8_valid(const char *s, size_t n);

#endif
