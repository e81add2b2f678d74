/* Unit tests: lib/csv.c */
#include "config.h"

#include <errno.h>
#include <pthread.h>

#include "seci.h"
#include "tap.h"

static char reports[8192];
static int ahead;		/* every case is read again reading ahead */

static void
collect(void *arg, enum seci_level level, const char *msg)
{
	size_t n = strlen(reports);

	snprintf(reports + n, sizeof(reports) - n, "%s%s\n",
	    level == SECI_WARN ? "W " : "E ", msg);
}

struct rows {
	int n;
	char buf[4096];		/* "line:val|val|...;" per row */
};

static int
keep(void *arg, const struct seci_csv_row *row, struct seci_err *err)
{
	struct rows *r = arg;
	size_t n = strlen(r->buf), i;

	n += (size_t)snprintf(r->buf + n, sizeof(r->buf) - n, "%lu:",
	    row->line);
	for (i = 0; i < 2 && n < sizeof(r->buf); i++)
		n += (size_t)snprintf(r->buf + n, sizeof(r->buf) - n, "%s%s",
		    i ? "|" : "", row->val[i] ? row->val[i] : "(none)");
	if (n < sizeof(r->buf))
		snprintf(r->buf + n, sizeof(r->buf) - n, ";");
	r->n++;
	return 0;
}

static const struct seci_csv_col cols[] = { { "date", 1, 0 }, { "amount", 0, 0 } };

/* Read text as CSV wanting columns date (required) and amount. */
static int
read_text(const char *text, size_t len, struct rows *r, struct seci_err *err)
{
	struct seci_csv_opts o = { .cols = cols, .ncols = 2,
	    .warn_unknown = 1, .ahead = ahead };
	FILE *fp = fmemopen((void *)text, len, "r");
	int rc;

	memset(r, 0, sizeof(*r));
	reports[0] = '\0';
	err->code = 0;
	err->nerrors = err->nwarnings = 0;
	rc = seci_csv_read(fp, "t.csv", &o, keep, r, NULL, err);
	fclose(fp);
	return rc;
}

#define READ(s, r, e) read_text((s), sizeof(s) - 1, (r), (e))

static void
test_csv__basics(struct seci_err *err)
{
	struct rows r;

	ok(READ("date,amount\n2026-01-01,5\n", &r, err) == 0 &&
	    strcmp(r.buf, "2:2026-01-01|5;") == 0, "simple: %s", r.buf);
	ok(READ("amount,date\r\n1,a\r\n2,b\r\n", &r, err) == 0 &&
	    strcmp(r.buf, "2:a|1;3:b|2;") == 0,
	    "CRLF, columns in any order: %s", r.buf);
	ok(READ("\xef\xbb\xbf" "date,amount\n1,2\n", &r, err) == 0 &&
	    strcmp(r.buf, "2:1|2;") == 0, "UTF-8 BOM: %s", r.buf);
	ok(READ("DATE,Amount\n1,2\n", &r, err) == 0 && r.n == 1,
	    "header names match ignoring case");
	ok(READ("date,amount\n\"1,5\",\"say \"\"hi\"\"\"\n", &r, err) == 0 &&
	    strcmp(r.buf, "2:1,5|say \"hi\";") == 0,
	    "quoted comma and quotes: %s", r.buf);
	ok(READ("date,amount\n\"a\nb\nc\",1\n2,3\n", &r, err) == 0 &&
	    strcmp(r.buf, "2:a\nb\nc|1;5:2|3;") == 0,
	    "embedded newlines keep line numbers right: %s", r.buf);
	ok(READ("date,amount\r\n\"a\r\nb\",1\r\n\r\n2,3\r\n", &r, err) == 0 &&
	    strcmp(r.buf, "2:a\r\nb|1;5:2|3;") == 0,
	    "CRLF inside quotes and a blank line: %s", r.buf);
	ok(READ("date,amount\n1,\n", &r, err) == 0 &&
	    strcmp(r.buf, "2:1|;") == 0, "empty last field: %s", r.buf);
	ok(READ("date\n1\n", &r, err) == 0 && strcmp(r.buf, "2:1|(none);") ==
	    0, "optional column absent: %s", r.buf);
	ok(READ("date,amount\n1,2", &r, err) == 0 && r.n == 1,
	    "no newline at the end");
	ok(READ("date,amount,memo\n1,2,x\n", &r, err) == 0 &&
	    strstr(reports, "W t.csv:1: ignoring unknown column 'memo'"),
	    "unknown column: one warning: %s", reports);
}

static void
test_csv__errors(struct seci_err *err)
{
	struct rows r;

	ok(READ("amount\n1\n", &r, err) == -1 && err->code == SECI_EXIT_DATA &&
	    strstr(reports, "t.csv:1: missing column 'date'") && r.n == 0,
	    "missing required column: %s", reports);
	ok(READ("", &r, err) == -1 && strstr(err->msg, "empty file"),
	    "empty file: %s", err->msg);
	ok(READ("date,amount\n1,2\n3\n4,5,6\n7,8\n", &r, err) == -1 &&
	    strstr(reports, "t.csv:3: expected 2 fields, found 1") &&
	    strstr(reports, "t.csv:4: expected 2 fields, found 3") &&
	    strstr(err->msg, "2 bad rows"), "wrong field counts, every one "
	    "reported: %s", reports);
	ok(READ("date,amount\n1,\"open\n2,3\n", &r, err) == -1 &&
	    strstr(reports, "t.csv:2: unterminated quoted field") &&
	    err->nerrors == 1, "unterminated quote, reported once: %s",
	    reports);
	ok(READ("date,amount\n0,1\n\"Smith\" & Co,12.00\n\"Jones\",5000\n",
	    &r, err) == -1 && r.n == 1 &&
	    strstr(reports, "t.csv:3: text after the closing quote"),
	    "text after a closing quote is refused, not merged with the "
	    "next row: %s", reports);
	ok(READ("date,amount\n\"a\"  ,\"b\"\n", &r, err) == 0 &&
	    strcmp(r.buf, "2:a|b;") == 0, "blanks after a closing quote: %s",
	    r.buf);
	ok(READ("date,amount\n1,37\u00b036'37.8\"N\n", &r, err) == 0 &&
	    strcmp(r.buf, "2:1|37\u00b036'37.8\"N;") == 0,
	    "a quote inside an unquoted field is kept: %s", r.buf);
	ok(READ("date,amount\n1,a\0b\n", &r, err) == -1 &&
	    strstr(reports, "t.csv:2: NUL byte"), "NUL byte: %s", reports);
	ok(READ("date,amount\n1,\xff\xfe\n2,\xc3\xa9\n", &r, err) == -1 &&
	    strstr(reports, "t.csv:2: invalid UTF-8") && r.n == 1,
	    "invalid UTF-8 reported, valid UTF-8 accepted: %s", reports);
	{
		char *wide = malloc(1001 * 8 + 16);
		size_t n = 0;
		int i;

		for (i = 0; i < 1001; i++)
			n += (size_t)sprintf(wide + n, "%sc%d", i ? "," : "", i);
		wide[n++] = '\n';
		ok(read_text(wide, n, &r, err) == -1 &&
		    strstr(err->msg, "t.csv:1: more than 1000 columns"),
		    "1001 columns refused: %s", err->msg);
		free(wide);
	}
	ok(READ("date,date\n1,2\n", &r, err) == -1 &&
	    strstr(err->msg, "appears twice"), "duplicate column: %s",
	    err->msg);
}

static void
test_csv__big_fields(struct seci_err *err)
{
	size_t n = (1u << 20) + 12, big = (10u << 20) + 12;
	char *s = malloc(big + 16);
	struct rows r;
	int rc;

	memcpy(s, "date,amount\n", 12);
	memset(s + 12, 'x', n - 12);
	memcpy(s + n, ",1\n", 3);
	rc = read_text(s, n + 3, &r, err);
	ok(rc == 0 && r.n == 1, "a 1 MiB field is read");
	memset(s + 12, 'x', big - 12);
	memcpy(s + big, ",1\n", 3);
	rc = read_text(s, big + 3, &r, err);
	ok(rc == -1 && strstr(reports, "t.csv:2: field longer than 4 MiB"),
	    "a 10 MiB field is refused: %s", reports);
	free(s);
}

static void
test_csv__options(struct seci_err *err)
{
	static const char text[] = "Bank export\nAccount 1\ndate;amount\n"
	    "1;\"2;3\"\n";
	struct seci_csv_opts o = { .delim = ';', .skip_lines = 2, .cols = cols,
	    .ncols = 2, .warn_unknown = 1, .ahead = ahead };
	struct rows r;
	FILE *fp = fmemopen((void *)text, sizeof(text) - 1, "r");

	memset(&r, 0, sizeof(r));
	ok(seci_csv_read(fp, "t.csv", &o, keep, &r, NULL, err) == 0 &&
	    strcmp(r.buf, "4:1|2;3;") == 0,
	    "';' separator after two preamble lines: %s", r.buf);
	fclose(fp);
}

static int
bad_rows(void *arg, const struct seci_csv_row *row, struct seci_err *err)
{
	seci_err_report(err, SECI_ERROR, "%s:%lu: bad", row->file, row->line);
	return 1;
}

static void
test_csv__error_limit(struct seci_err *err)
{
	struct seci_csv_opts o = { .cols = cols, .ncols = 2, .ahead = ahead };
	char *text = malloc(200 * 10 + 20), *p = text;
	unsigned long rows;
	FILE *fp;
	int i;

	p += sprintf(p, "date,amount\n");
	for (i = 0; i < 200; i++)
		p += sprintf(p, "%d,x\n", i);
	fp = fmemopen(text, (size_t)(p - text), "r");
	err->nerrors = 0;
	reports[0] = '\0';
	ok(seci_csv_read(fp, "t.csv", &o, bad_rows, NULL, &rows, err) == -1 &&
	    strstr(reports, "t.csv: too many errors, stopped at line 101") &&
	    err->nerrors == SECI_CSV_MAX_ERRORS + 1 &&
	    rows == SECI_CSV_MAX_ERRORS,
	    "stops after %d bad rows", SECI_CSV_MAX_ERRORS);
	fclose(fp);
	free(text);
}

static void
test_csv__writer(void)
{
	static const char *const fields[] = { "plain", "a,b", "say \"hi\"",
	    "two\nlines", " lead", "", "tail ", NULL };
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	int i;

	for (i = 0; fields[i]; i++) {
		if (i)
			putc(',', fp);
		seci_csv_write_field(fp, fields[i], ',');
	}
	fclose(fp);
	is_str(buf, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\","
	    "\" lead\",,\"tail \"", "writer quotes only what needs it");
	free(buf);
}

static void
test_csv__utf8(void)
{
	ok(seci_utf8_valid("caf\xc3\xa9", 5), "é is valid");
	ok(!seci_utf8_valid("\xc0\xaf", 2), "overlong refused");
	ok(!seci_utf8_valid("\xed\xa0\x80", 3), "surrogate refused");
	ok(!seci_utf8_valid("\xe2\x82", 2), "truncated refused");
	ok(seci_utf8_valid("\xf0\x9f\x98\x80", 4), "4-byte valid");
}

/* ---- reading ahead against reading in one thread ---------------------- */

/* What prepare leaves for fn: the row's line, seen in the other thread,
 * and whether that was another thread than the caller's. */
struct mark {
	unsigned long line;
	size_t len;
	int elsewhere;
};

static pthread_t caller;

static void
mark_row(void *arg, const struct seci_csv_row *row, void *prep)
{
	struct mark *m = prep;

	(void)arg;
	m->line = row->line;
	m->len = row->val[0] ? strlen(row->val[0]) : 0;
	m->elsewhere = !pthread_equal(pthread_self(), caller);
}

/* A run's whole record: every row fn saw, folded (FNV-1a); the rows
 * whose prepared bytes were not their own; fn's verdicts. */
struct run {
	uint64_t fold;
	unsigned long n, wrong_prep, stop_at, bad_every;
	unsigned long elsewhere;	/* rows prepared in another thread */
};

static int
judge(void *arg, const struct seci_csv_row *row, struct seci_err *err)
{
	struct run *r = arg;
	const struct mark *m = row->prep;
	size_t i;
	const char *p;

	r->n++;
	r->elsewhere += m != NULL && m->elsewhere;
	if (m == NULL || m->line != row->line || m->len !=
	    (row->val[0] ? strlen(row->val[0]) : 0))
		r->wrong_prep++;
	for (i = 0; i < row->nfields; i++)
		for (p = row->field[i]; ; p++) {
			r->fold = (r->fold ^ (unsigned char)*p) *
			    1099511628211u;
			if (*p == '\0')
				break;
		}
	r->fold = (r->fold ^ row->line) * 1099511628211u;
	if (r->stop_at && row->line == r->stop_at)
		return seci_err_set(err, SECI_EXIT_SOFTWARE, "stopped at %lu",
		    row->line);
	if (r->bad_every && row->line % r->bad_every == 0) {
		seci_err_report(err, SECI_ERROR, "%s:%lu: bad by fn",
		    row->file, row->line);
		return 1;
	}
	return 0;
}

/* A stream of text that fails with EIO where the text ends. */
struct failing {
	const char *text;
	size_t len, at;
};

static ssize_t
failing_read(void *cookie, char *buf, size_t size)
{
	struct failing *f = cookie;
	size_t n = f->len - f->at < size ? f->len - f->at : size;

	if (n == 0) {
		errno = EIO;
		return -1;
	}
	memcpy(buf, f->text + f->at, n);
	f->at += n;
	return (ssize_t)n;
}

static struct seci_csv_opts shape;	/* footers and such, for both_ways */
static int fail_at_end;			/* both_ways reads a failing stream */

/* Read text both ways; 1 if every outcome is the same. */
static int
both_ways(const char *text, size_t len, unsigned long stop_at,
    unsigned long bad_every, const char *what)
{
	char rep[2][8192];
	struct run run[2];
	struct seci_err e[2] = { SECI_ERR_INIT, SECI_ERR_INIT };
	unsigned long rows[2];
	int rc[2], k, same;

	for (k = 0; k < 2; k++) {
		struct seci_csv_opts o = { .cols = cols, .ncols = 2,
		    .warn_unknown = 1, .prepare = mark_row,
		    .prep_size = sizeof(struct mark), .ahead = k,
		    .skip_lines = shape.skip_lines,
		    .stop_at = shape.stop_at,
		    .skip_footer = shape.skip_footer };
		cookie_io_functions_t io = { failing_read, NULL, NULL, NULL };
		struct failing f = { text, len, 0 };
		FILE *fp = fail_at_end ? fopencookie(&f, "r", io) :
		    fmemopen((void *)text, len, "r");

		memset(&run[k], 0, sizeof(run[k]));
		run[k].fold = 14695981039346656037u;
		run[k].stop_at = stop_at;
		run[k].bad_every = bad_every;
		reports[0] = '\0';
		e[k].report = collect;
		rc[k] = seci_csv_read(fp, "t.csv", &o, judge, &run[k], &rows[k],
		    &e[k]);
		fclose(fp);
		snprintf(rep[k], sizeof(rep[k]), "%s", reports);
	}
	same = rc[0] == rc[1] && e[0].code == e[1].code &&
	    strcmp(e[0].msg, e[1].msg) == 0 && e[0].nerrors == e[1].nerrors &&
	    e[0].nwarnings == e[1].nwarnings && strcmp(rep[0], rep[1]) == 0 &&
	    rows[0] == rows[1] && run[0].n == run[1].n &&
	    run[0].fold == run[1].fold && run[0].wrong_prep == 0 &&
	    run[1].wrong_prep == 0 && run[0].elsewhere == 0 &&
	    run[1].elsewhere == run[1].n;
	ok(same, "%s: read ahead (every row prepared in the second thread) "
	    "as in one thread (%lu rows, rc %d, '%s')", what, run[1].n, rc[1],
	    e[1].msg);
	for (k = 0; !same && k < 2; k++) {
		char *line, *save = NULL;

		printf("#   %s: rc %d, %lu rows (%lu prepared elsewhere), "
		    "'%s'\n", k ? "ahead" : "one thread", rc[k], run[k].n,
		    run[k].elsewhere, e[k].msg);
		for (line = strtok_r(rep[k], "\n", &save); line;
		    line = strtok_r(NULL, "\n", &save))
			printf("#     %s\n", line);
	}
	return same;
}

static void
test_csv__ahead(void)
{
	size_t cap = 6u << 20, n = 0;
	char *t = malloc(cap);
	unsigned long i;

	/* 50,000 rows over many batches, quoted fields across lines, one
	 * field of 300 KiB (a batch of its own), unknown columns. */
	n += (size_t)snprintf(t + n, cap - n, "date,amount,note\n");
	for (i = 2; i <= 50001; i++) {
		if (i == 777) {
			n += (size_t)snprintf(t + n, cap - n, "big,1,");
			memset(t + n, 'x', 300u << 10);
			n += 300u << 10;
			t[n++] = '\n';
		} else if (i % 1000 == 0) {
			n += (size_t)snprintf(t + n, cap - n,
			    "\"d%lu\nnext\",\"a,%lu\",\"say \"\"hi\"\"\"\n",
			    i, i);
		} else {
			n += (size_t)snprintf(t + n, cap - n, "2026-%02lu-01,"
			    "%lu.%02lu,n\n", 1 + i % 12, i, i % 100);
		}
	}
	both_ways(t, n, 0, 0, "a good file");
	both_ways(t, n, 0, 997, "bad rows reported by fn");
	both_ways(t, n, 0, 400, "too many bad rows");
	both_ways(t, n, 31000, 0, "fn stops");
	/* Bad rows found by the reader among fn's, in line order. */
	n = 0;
	n += (size_t)snprintf(t + n, cap - n, "date,amount\n");
	for (i = 2; i <= 3000; i++)
		n += (size_t)snprintf(t + n, cap - n, "%s\n", i == 1500 ?
		    "only one" : i == 1501 ? "\xff\xfe,1" : i == 2000 ?
		    "a,b,c" : "2026-01-01,1");
	both_ways(t, n, 0, 499, "reader's and fn's bad rows interleaved");
	memcpy(t + n, "2026-01-01,\"open\n", 17);
	both_ways(t, n + 17, 0, 0, "an unterminated quote at the end");
	both_ways("amount\n1\n", 9, 0, 0, "a missing column");
	both_ways("", 0, 0, 0, "an empty file");
	/* Footers, and a preamble. */
	n = 0;
	n += (size_t)snprintf(t + n, cap - n, "Bank\nAccount 9\ndate,amount\n");
	for (i = 4; i <= 1200; i++)
		n += (size_t)snprintf(t + n, cap - n, "2026-01-01,%lu\n", i);
	n += (size_t)snprintf(t + n, cap - n, "Total,x\nclosing,y\n");
	shape.skip_lines = 2;
	shape.skip_footer = 2;
	both_ways(t, n, 0, 0, "a preamble and two rows of footer");
	both_ways(t, n, 0, 100, "bad rows before a footer");
	shape.skip_footer = 0;
	shape.stop_at = "total";
	both_ways(t, n, 0, 0, "a footer from its first word");
	shape.skip_lines = 5000;
	both_ways(t, n, 0, 0, "fewer lines than the preamble");
	memset(&shape, 0, sizeof(shape));
	/* The file cannot be read: at its end, or after the caller stopped
	 * for too many bad rows. */
	fail_at_end = 1;
	both_ways(t + 15, n - 15 - 17, 0, 0, "a read error");
	/* 300 rows: the reader, far ahead, meets the error before the
	 * caller stops at its 100th bad row. */
	both_ways(t + 15, 12 + 300 * 17, 0, 2, "a read error after too many "
	    "bad rows");
	fail_at_end = 0;
	free(t);
}

int
main(void)
{
	struct seci_err err = SECI_ERR_INIT;

	err.report = collect;
	caller = pthread_self();
	for (ahead = 0; ahead < 2; ahead++) {
		test_csv__basics(&err);
		test_csv__errors(&err);
		test_csv__big_fields(&err);
		test_csv__options(&err);
		test_csv__error_limit(&err);
	}
	test_csv__ahead();
	test_csv__writer();
	test_csv__utf8();
	return done_testing();
}
