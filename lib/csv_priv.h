/*
 * csv_priv.h - what the CSV reader (csv.c) and its reading ahead
 * (csvahead.c) share: the reader's state and the steps each takes of
 * the other's.  Not for other modules.
 */
#ifndef SECI_CSV_PRIV_H
#define SECI_CSV_PRIV_H

#include <csv.h>
#include <sys/types.h>

#include "csv.h"

#define SECI_CSV_CHUNK (1 << 16)	/* bytes read at a time */

struct ahead;

struct reader {
	const char *name;
	const struct seci_csv_opts *opts;
	seci_csv_row_fn *fn;
	void *arg;
	struct seci_err *err;	/* the caller's; reading ahead, the reader's */
	FILE *fp;
	struct csv_parser *p;
	char *chunk;		/* what was read last */
	struct ahead *ahead;	/* reading ahead, else NULL */
	void *prep;		/* prepare's bytes for the row (not ahead) */

	/* The record being assembled: fields NUL-separated in buf. */
	char *buf;
	size_t buflen, bufcap;
	size_t *off, *len;
	size_t nfields, offcap, fieldcap;
	const char **ptr;
	size_t ptrcap;
	unsigned long rec_nl;	/* line breaks inside this record's fields */
	int rec_bad;		/* NUL or bad UTF-8 already reported */

	unsigned long line;	/* line the next record starts on */
	int prev_term;
	int have_header;
	char **header;
	size_t nheader;
	ssize_t *colmap;	/* colmap[i]: field index of cols[i] or -1 */
	const char **val;

	unsigned long rows;
	unsigned nbad;
	int stop;		/* fatal: stop reading */
	int footer;		/* past stop_at: the rest is no data */
	int read_errno;		/* the file could not be read */
	unsigned skip_left;	/* of skip_lines, when the file ended */

	/* skip_footer: the last rows read, held back until more come. */
	struct held {
		char *buf;
		size_t *off, *len, nfields;
		unsigned long line;
		int bad;
	} *held;
	size_t nheld, firstheld;
};

/* What reading ahead hands on besides rows. */
enum { SECI_CSV_ROW, SECI_CSV_BAD, SECI_CSV_REPORT };

/* Read and parse the whole file, handing each row on; what stopped it
 * is left in r (stop, read_errno, skip_left). */
void seci_csv_parse_file(struct reader *r);

/* The row as the caller sees it, its fields at ptr, its columns at
 * val. */
void seci_csv_row_view(const struct reader *r, struct seci_csv_row *row,
    unsigned long line, const char **ptr, const char **val, const char *buf,
    const size_t *off, const size_t *len, size_t nfields);

/* What the caller made of a row: 0, or it was bad (1) or stops (-1);
 * bad rows counted in nbad, too many of them stop the reading. */
void seci_csv_row_done(const char *name, unsigned *nbad, int *stop,
    struct seci_err *err, unsigned long line, int rc);

/* Reading ahead (csvahead.c): seci_csv_parse_file() in a second thread,
 * the calling thread taking its rows and reports; a bad row or a report
 * of the reader's, and a row, as the reader hands them on. */
int seci_csv_read_ahead(struct reader *r, struct seci_err *err);
int seci_csv_ahead_text(struct reader *r, int kind, enum seci_level level,
    unsigned long line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
void seci_csv_ahead_row(struct reader *r, unsigned long line,
    const char *buf, const size_t *off, const size_t *len, size_t nfields);

#endif
