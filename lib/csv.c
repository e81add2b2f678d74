/* csv.c - streaming CSV reader and writer (reading ahead: csvahead.c). */
#include "config.h"

#include <csv.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "csv.h"
#include "csv_priv.h"

/*
 * libcsv, run leniently so that a quote inside an unquoted field is kept
 * as it is, would also take text after a closing quote ("Smith" & Co) as
 * more of the quoted field, running on over line ends into the next rows.
 * This scan finds that one case first, and counts physical lines.
 */
struct qscan {
	enum { Q_START, Q_PLAIN, Q_QUOTED, Q_QUOTE, Q_CLOSED } st;
	unsigned long line;
	int cr;
};

/* Offset of the first byte of buf[0..n) that follows a closing quote
 * where only a delimiter, a line end or blanks may; n if none. */
static size_t
qscan(struct qscan *q, const char *buf, size_t n, unsigned char delim)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)buf[i];
		int end = c == '\n' || c == '\r';

		if (c == '\n' && !q->cr)
			q->line++;
		q->cr = c == '\r';
		if (c == '\r')
			q->line++;
		switch (q->st) {
		case Q_START:
			q->st = c == '"' ? Q_QUOTED : (c == delim || end ||
			    c == ' ' || c == '\t') ? Q_START : Q_PLAIN;
			break;
		case Q_PLAIN:
			if (c == delim || end)
				q->st = Q_START;
			break;
		case Q_QUOTED:
			if (c == '"')
				q->st = Q_QUOTE;
			break;
		case Q_QUOTE:
		case Q_CLOSED:
			if (c == '"' && q->st == Q_QUOTE)
				q->st = Q_QUOTED;
			else if (c == delim || end)
				q->st = Q_START;
			else if (c == ' ' || c == '\t')
				q->st = Q_CLOSED;
			else
				return i;
			break;
		}
	}
	return n;
}

static void *
limited_realloc(void *p, size_t n)
{
	/* The field, its NUL, and the closing quote libcsv keeps for a
	 * moment. */
	if (n > SECI_CSV_FIELD_MAX + 2)
		return NULL;
	return realloc(p, n);
}

int
seci_utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + n;
	unsigned c, need;
	uint32_t cp, min;

	while (p < e) {
		c = *p++;
		if (c < 0x80)
			continue;
		if (c >= 0xc2 && c <= 0xdf) {
			need = 1; cp = c & 0x1f; min = 0x80;
		} else if (c >= 0xe0 && c <= 0xef) {
			need = 2; cp = c & 0x0f; min = 0x800;
		} else if (c >= 0xf0 && c <= 0xf4) {
			need = 3; cp = c & 0x07; min = 0x10000;
		} else {
			return 0;
		}
		if ((size_t)(e - p) < need)
			return 0;
		while (need--) {
			if ((*p & 0xc0) != 0x80)
				return 0;
			cp = (cp << 6) | (*p++ & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
	}
	return 1;
}

static int
bad_row(struct reader *r, unsigned long line, const char *msg)
{
	/* Reading ahead, the calling thread reports it and counts it. */
	if (r->ahead)
		return seci_csv_ahead_text(r, SECI_CSV_BAD, SECI_ERROR, line,
		    "%s:%lu: %s", r->name, line, msg);
	r->nbad++;
	seci_err_report(r->err, SECI_ERROR, "%s:%lu: %s", r->name, line, msg);
	if (r->nbad >= SECI_CSV_MAX_ERRORS) {
		seci_err_report(r->err, SECI_ERROR, "%s: too many errors, "
		    "stopped at line %lu", r->name, line);
		r->stop = 1;
	}
	return 1;
}

static int
grow(void **p, size_t *cap, size_t need, size_t size)
{
	size_t n = *cap ? *cap : 16;
	void *q;

	if (need <= *cap)
		return 0;
	while (n < need)
		n *= 2;
	if ((q = realloc(*p, n * size)) == NULL)
		return -1;
	*p = q;
	*cap = n;
	return 0;
}

static void
on_field(void *data, size_t n, void *ctx)
{
	struct reader *r = ctx;
	const char *s = data ? data : "";
	size_t i;

	if (r->stop || r->footer)
		return;
	for (i = 0; i < n; i++)
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == n ||
		    s[i + 1] != '\n')))
			r->rec_nl++;
	if (grow((void **)&r->off, &r->offcap, r->nfields + 1, sizeof(size_t)) ||
	    grow((void **)&r->len, &r->fieldcap, r->nfields + 1,
	    sizeof(size_t)) ||
	    grow((void **)&r->buf, &r->bufcap, r->buflen + n + 1, 1)) {
		seci_err_set(r->err, SECI_EXIT_SOFTWARE, "out of memory");
		r->stop = -1;
		return;
	}
	if (!r->rec_bad && memchr(s, '\0', n) != NULL) {
		r->rec_bad = 1;
		bad_row(r, r->line, "NUL byte in field");
	} else if (!r->rec_bad && !seci_utf8_valid(s, n)) {
		r->rec_bad = 1;
		bad_row(r, r->line, "invalid UTF-8");
	}
	memcpy(r->buf + r->buflen, s, n);
	r->buf[r->buflen + n] = '\0';
	r->off[r->nfields] = r->buflen;
	r->len[r->nfields] = n;
	r->nfields++;
	r->buflen += n + 1;
}

static int
wanted_by_name(const struct seci_csv_opts *o, const char *name)
{
	size_t j;

	for (j = 0; j < o->ncols; j++)
		if (o->cols[j].position == 0 &&
		    strcasecmp(o->cols[j].name, name) == 0)
			return 1;
	return 0;
}

static int
ignored(const struct seci_csv_opts *o, const char *name)
{
	size_t j;

	for (j = 0; j < o->nignore; j++)
		if (strcasecmp(o->ignore[j], name) == 0)
			return 1;
	return 0;
}

static int
take_header(struct reader *r, unsigned long line)
{
	const struct seci_csv_opts *o = r->opts;
	char unknown[256] = "";
	size_t i, j, ulen = 0;
	int missing = 0;

	if (r->nfields > SECI_CSV_MAX_COLUMNS)
		return seci_err_set(r->err, SECI_EXIT_DATA, "%s:%lu: more than "
		    "%d columns", r->name, line, SECI_CSV_MAX_COLUMNS);
	r->nheader = r->nfields;
	r->header = calloc(r->nfields, sizeof(char *));
	r->colmap = calloc(o->ncols ? o->ncols : 1, sizeof(ssize_t));
	r->val = calloc(o->ncols ? o->ncols : 1, sizeof(char *));
	if (r->header == NULL || r->colmap == NULL || r->val == NULL)
		return seci_err_set(r->err, SECI_EXIT_SOFTWARE,
		    "out of memory");
	for (i = 0; i < r->nfields; i++)
		if ((r->header[i] = strdup(r->buf + r->off[i])) == NULL)
			return seci_err_set(r->err, SECI_EXIT_SOFTWARE,
			    "out of memory");
	/* A name twice is an error only for a column wanted by name. */
	for (i = 0; i < r->nfields; i++)
		for (j = 0; j < i; j++)
			if (r->header[i][0] != '\0' &&
			    strcasecmp(r->header[i], r->header[j]) == 0 &&
			    wanted_by_name(o, r->header[i]))
				return seci_err_set(r->err, SECI_EXIT_DATA,
				    "%s:%lu: column '%s' appears twice",
				    r->name, line, r->header[i]);
	for (j = 0; j < o->ncols; j++) {
		r->colmap[j] = -1;
		if (o->cols[j].position > 0 &&
		    o->cols[j].position <= r->nheader)
			r->colmap[j] = (ssize_t)o->cols[j].position - 1;
		for (i = 0; o->cols[j].position == 0 && i < r->nheader; i++)
			if (strcasecmp(o->cols[j].name, r->header[i]) == 0)
				r->colmap[j] = (ssize_t)i;
		if (r->colmap[j] < 0 && o->cols[j].required) {
			seci_err_report(r->err, SECI_ERROR,
			    "%s:%lu: missing column '%s'", r->name, line,
			    o->cols[j].name);
			missing++;
		}
	}
	if (missing)
		return seci_err_set(r->err, SECI_EXIT_DATA,
		    "%s: %d required column%s missing; nothing read", r->name,
		    missing, missing > 1 ? "s" : "");
	if (o->warn_unknown && o->cols != NULL) {
		for (i = 0; i < r->nheader; i++) {
			for (j = 0; j < o->ncols; j++)
				if (r->colmap[j] == (ssize_t)i)
					break;
			if (j < o->ncols || ulen + 8 >= sizeof(unknown) ||
			    ignored(o, r->header[i]))
				continue;
			ulen += (size_t)snprintf(unknown + ulen,
			    sizeof(unknown) - ulen, "%s'%s'", ulen ? ", " : "",
			    r->header[i]);
			if (ulen >= sizeof(unknown))
				ulen = sizeof(unknown) - 1;
		}
		if (ulen)
			seci_err_report(r->err, SECI_WARN,
			    "%s:%lu: ignoring unknown column%s %s", r->name,
			    line, strchr(unknown, ',') ? "s" : "", unknown);
	}
	r->have_header = 1;
	return 0;
}

/* What the caller made of a row: 0, or it was bad (1) or stops (-1);
 * bad rows counted in nbad, too many of them stop the reading. */
void
seci_csv_row_done(const char *name, unsigned *nbad, int *stop,
    struct seci_err *err, unsigned long line, int rc)
{
	if (rc < 0) {
		*stop = -1;
	} else if (rc > 0) {
		(*nbad)++;
		if (*nbad >= SECI_CSV_MAX_ERRORS) {
			seci_err_report(err, SECI_ERROR, "%s: too many "
			    "errors, stopped at line %lu", name, line);
			*stop = 1;
		}
	}
}

/* The row as the caller sees it, its fields at ptr. */
void
seci_csv_row_view(const struct reader *r, struct seci_csv_row *row,
    unsigned long line, const char **ptr, const char **val, const char *buf,
    const size_t *off, const size_t *len, size_t nfields)
{
	size_t i;

	for (i = 0; i < nfields; i++)
		ptr[i] = buf + off[i];
	for (i = 0; i < r->opts->ncols; i++)
		val[i] = r->colmap[i] < 0 ? NULL : ptr[r->colmap[i]];
	row->file = r->name;
	row->line = line;
	row->nfields = nfields;
	row->field = ptr;
	row->len = len;
	row->header = (const char *const *)r->header;
	row->val = val;
	row->prep = NULL;
}

/* Hand a data row to the caller, its number of fields checked. */
static void
deliver(struct reader *r, unsigned long line, const char *buf,
    const size_t *off, const size_t *len, size_t nfields, int bad)
{
	struct seci_csv_row row;

	if (bad || r->stop)
		return;
	if (nfields != r->nheader) {
		char detail[64];

		snprintf(detail, sizeof(detail), "expected %zu field%s, "
		    "found %zu", r->nheader, r->nheader == 1 ? "" : "s",
		    nfields);
		bad_row(r, line, detail);
		return;
	}
	if (r->ahead) {
		seci_csv_ahead_row(r, line, buf, off, len, nfields);
		return;
	}
	seci_csv_row_view(r, &row, line, r->ptr, r->val, buf, off, len,
	    nfields);
	r->rows++;
	if (r->opts->prepare) {
		row.prep = r->prep;
		r->opts->prepare(r->opts->prep_arg, &row, r->prep);
	}
	seci_csv_row_done(r->name, &r->nbad, &r->stop, r->err, line,
	    r->fn(r->arg, &row, r->err));
}

/* skip_footer: keep the record, and hand on the one it pushes out of
 * the last skip_footer.  0, or -1 when out of memory. */
static int
hold(struct reader *r, unsigned long line)
{
	size_t cap = r->opts->skip_footer, k;
	struct held *h;

	if (r->held == NULL && (r->held = calloc(cap, sizeof(*h))) == NULL)
		return -1;
	k = (r->firstheld + r->nheld) % cap;
	if (r->nheld == cap) {
		h = &r->held[r->firstheld];
		deliver(r, h->line, h->buf, h->off, h->len, h->nfields, h->bad);
		k = r->firstheld;
		r->firstheld = (r->firstheld + 1) % cap;
		r->nheld--;
	}
	h = &r->held[k];
	free(h->buf);
	free(h->off);
	free(h->len);
	h->buf = malloc(r->buflen + 1);
	h->off = malloc((r->nfields + 1) * sizeof(size_t));
	h->len = malloc((r->nfields + 1) * sizeof(size_t));
	if (h->buf == NULL || h->off == NULL || h->len == NULL)
		return -1;
	memcpy(h->buf, r->buf, r->buflen);
	memcpy(h->off, r->off, r->nfields * sizeof(size_t));
	memcpy(h->len, r->len, r->nfields * sizeof(size_t));
	h->nfields = r->nfields;
	h->line = line;
	h->bad = r->rec_bad;
	r->nheld++;
	return 0;
}

/* stop_at found the footer: the rows held for skip_footer are data. */
static void
flush_held(struct reader *r)
{
	size_t cap = r->opts->skip_footer;

	while (r->nheld > 0) {
		struct held *h = &r->held[r->firstheld];

		deliver(r, h->line, h->buf, h->off, h->len, h->nfields, h->bad);
		r->firstheld = (r->firstheld + 1) % cap;
		r->nheld--;
	}
}

static void
on_record(int c, void *ctx)
{
	struct reader *r = ctx;
	unsigned long line = r->line;
	const char *stop = r->opts->stop_at;

	if (r->stop || r->footer)
		return;
	if (r->nfields == 0) {
		/* A blank line, or the LF of a CRLF already counted. */
		if (!(c == '\n' && r->prev_term == '\r') && c != -1)
			r->line++;
		r->prev_term = c;
		return;
	}
	r->line += r->rec_nl + (c != -1);
	r->prev_term = c;
	if (grow((void **)&r->ptr, &r->ptrcap, r->nfields,
	    sizeof(char *)) < 0) {
		seci_err_set(r->err, SECI_EXIT_SOFTWARE, "out of memory");
		r->stop = -1;
		return;
	}
	if (!r->have_header) {
		size_t i;

		for (i = 0; i < r->nfields; i++)
			r->ptr[i] = r->buf + r->off[i];
		if (take_header(r, line) < 0)
			r->stop = -1;
	} else if (stop && strncasecmp(r->buf + r->off[0], stop,
	    strlen(stop)) == 0) {
		r->footer = 1;	/* the rest of the file is no data */
		flush_held(r);
	} else if (r->opts->skip_footer) {
		if (hold(r, line) < 0) {
			seci_err_set(r->err, SECI_EXIT_SOFTWARE,
			    "out of memory");
			r->stop = -1;
		}
	} else {
		deliver(r, line, r->buf, r->off, r->len, r->nfields,
		    r->rec_bad);
	}
	r->nfields = 0;
	r->buflen = 0;
	r->rec_nl = 0;
	r->rec_bad = 0;
}

static void
reader_free(struct reader *r)
{
	size_t i;

	for (i = 0; r->held && i < r->opts->skip_footer; i++) {
		free(r->held[i].buf);
		free(r->held[i].off);
		free(r->held[i].len);
	}
	free(r->held);
	for (i = 0; r->header && i < r->nheader; i++)
		free(r->header[i]);
	free(r->header);
	free(r->colmap);
	free(r->val);
	free(r->buf);
	free(r->off);
	free(r->len);
	free(r->ptr);
	free(r->chunk);
	free(r->prep);
}

void
seci_csv_parse_file(struct reader *r)
{
	const struct seci_csv_opts *opts = r->opts;
	size_t n, done, off, bad_at;
	unsigned skip = opts->skip_lines;
	struct qscan q = { Q_START, 1 + opts->skip_lines, 0 };
	const char *nl, *chunk = r->chunk;
	int first = 1;

	while (!r->stop && (n = fread(r->chunk, 1, SECI_CSV_CHUNK, r->fp)) > 0) {
		if (opts->on_bytes)
			opts->on_bytes(opts->bytes_arg, chunk, n);
		off = 0;
		if (first && n >= 3 && memcmp(chunk, "\xef\xbb\xbf", 3) == 0)
			off = 3;
		first = 0;
		/* Lines before the header (a bank export's preamble). */
		while (skip > 0 && off < n && (nl = memchr(chunk + off, '\n',
		    n - off)) != NULL) {
			off = (size_t)(nl - chunk) + 1;
			skip--;
		}
		if (skip > 0) {
			off = n;
			continue;
		}
		bad_at = qscan(&q, chunk + off, n - off, opts->delim ?
		    opts->delim : ',');
		done = csv_parse(r->p, chunk + off, bad_at, on_field, on_record,
		    r);
		if (bad_at < n - off && done == bad_at && !r->stop) {
			bad_row(r, q.line, "text after the closing quote of a "
			    "quoted field");
			r->stop = 1;
		} else if (done != bad_at && !r->stop) {
			bad_row(r, r->line, csv_error(r->p) == CSV_ENOMEM ?
			    "field longer than 4 MiB" : "malformed CSV");
			r->stop = 1;
		}
	}
	if (ferror(r->fp) && !r->stop) {
		r->read_errno = errno ? errno : EIO;
		return;
	}
	if (skip > 0 && !r->stop) {
		r->skip_left = skip;
		return;
	}
	/* At the end, still inside a quoted field: libcsv reports this only
	 * in strict mode, so ask its (public) state: FIELD_BEGUN is 2. */
	if (!r->stop && r->p->quoted && r->p->pstate == 2) {
		bad_row(r, r->line, "unterminated quoted field");
		r->stop = 1;
	}
	if (!r->stop)
		csv_fini(r->p, on_field, on_record, r);
}

static void
keep_note(void *arg, enum seci_level level, const char *msg)
{
	struct seci_csv_notes *notes = arg;

	(void)level;
	if (notes->n < SECI_CSV_NOTES)
		snprintf(notes->msg[notes->n++], sizeof(notes->msg[0]), "%s",
		    strlen(msg) >= notes->skip ? msg + notes->skip : msg);
}

void
seci_csv_notes_begin(struct seci_csv_notes *notes,
    const struct seci_csv_row *row, struct seci_err *err)
{
	int k = snprintf(NULL, 0, "%s:%lu: ", row->file, row->line);

	notes->n = 0;
	notes->skip = k > 0 ? (size_t)k : 0;
	memset(err, 0, sizeof(*err));
	err->report = keep_note;
	err->report_arg = notes;
}

void
seci_csv_notes_report(const struct seci_csv_notes *notes,
    const struct seci_csv_row *row, struct seci_err *err)
{
	unsigned i;

	for (i = 0; i < notes->n; i++)
		seci_err_report(err, SECI_ERROR, "%s:%lu: %s", row->file,
		    row->line, notes->msg[i]);
}

/*
 * Whether reading fp may wait on someone else: a pipe, a socket, a
 * terminal.  Read ahead, such a stream would keep a caller that has
 * stopped waiting in its reader's fread() until the writer writes or
 * closes; it is read in one thread.  A regular file, a device of blocks
 * or a stream in memory does not wait.
 */
static int
may_block(FILE *fp)
{
	struct stat st;
	int fd = fileno(fp);

	if (fd < 0)
		return 0;
	return fstat(fd, &st) < 0 || !(S_ISREG(st.st_mode) ||
	    S_ISBLK(st.st_mode));
}

int
seci_csv_read(FILE *fp, const char *name, const struct seci_csv_opts *opts,
    seci_csv_row_fn *fn, void *arg, unsigned long *rows,
    struct seci_err *err)
{
	struct reader r;
	struct csv_parser p;
	int rc = 0;

	memset(&r, 0, sizeof(r));
	r.name = name;
	r.opts = opts;
	r.fn = fn;
	r.arg = arg;
	r.err = err;
	r.fp = fp;
	r.p = &p;
	r.line = 1 + opts->skip_lines;
	/* Not CSV_STRICT: a quote inside an unquoted field is kept as it is,
	 * as most CSV readers (and the csv-spectrum cases) do. */
	if (csv_init(&p, CSV_REPALL_NL) != 0)
		return seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
	csv_set_realloc_func(&p, limited_realloc);
	csv_set_blk_size(&p, 4096);
	if (opts->delim)
		csv_set_delim(&p, opts->delim);
	if ((r.chunk = malloc(SECI_CSV_CHUNK)) == NULL || (opts->prepare &&
	    (r.prep = malloc(opts->prep_size ? opts->prep_size : 1)) == NULL)) {
		rc = seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
		goto out;
	}
	if (opts->ahead && !may_block(fp)) {
		if ((rc = seci_csv_read_ahead(&r, err)) < 0)
			goto out;
	} else {
		seci_csv_parse_file(&r);
	}
	if (r.stop < 0) {
		rc = -1;
	} else if (r.read_errno) {
		rc = r.read_errno == EILSEQ ? seci_err_set(err, SECI_EXIT_DATA,
		    "%s: not in its encoding; nothing read", name) :
		    seci_err_set(err, SECI_EXIT_NOINPUT, "%s: read error: %s",
		    name, strerror(r.read_errno));
	} else if (r.skip_left > 0) {
		rc = seci_err_set(err, SECI_EXIT_DATA, "%s: fewer than %u "
		    "lines", name, opts->skip_lines);
	} else if (!r.have_header && r.nbad == 0) {
		rc = seci_err_set(err, SECI_EXIT_DATA, "%s: empty file, "
		    "expected a header row", name);
	} else if (r.nbad > 0) {
		rc = seci_err_set(err, SECI_EXIT_DATA, "%s: %u bad row%s; "
		    "nothing written", name, r.nbad, r.nbad == 1 ? "" : "s");
	} else if (opts->skip_footer && !r.footer &&
	    r.nheld < opts->skip_footer) {
		rc = seci_err_set(err, SECI_EXIT_DATA, "%s: %zu row%s after the "
		    "header, fewer than the %u of its footer (skip_footer)",
		    name, r.nheld, r.nheld == 1 ? "" : "s", opts->skip_footer);
	}
out:
	if (rows)
		*rows = r.rows;
	csv_free(&p);
	reader_free(&r);
	return rc;
}

void
seci_csv_write_field(FILE *fp, const char *s, char delim)
{
	size_t n = strlen(s);
	const char *p;

	if (n == 0 || (strchr(s, delim) == NULL && strpbrk(s, "\"\r\n") ==
	    NULL && s[0] != ' ' && s[0] != '\t' && s[n - 1] != ' ' &&
	    s[n - 1] != '\t')) {
		fwrite(s, 1, n, fp);
		return;
	}
	putc('"', fp);
	for (p = s; *p; p++) {
		if (*p == '"')
			putc('"', fp);
		putc(*p, fp);
	}
	putc('"', fp);
}
