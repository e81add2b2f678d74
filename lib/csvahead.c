/*
 * csvahead.c - the CSV reader reading ahead, in a second thread.
 *
 * The reader thread parses the file into batches of rows (each row's
 * bytes copied into the batch, prepared there) and of reports (its
 * messages, as text), hands each batch on when full, and waits when
 * AHEAD_BATCHES are waiting.  The calling thread takes them in order:
 * reports it makes, rows it gives to fn, and bad rows it counts, so
 * that what is printed, and where too many errors stop, is as without
 * a thread.  When the caller stops, the reader is told to, and finishes
 * the read it is in.
 */
#include "config.h"

#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_priv.h"

#define AHEAD_ITEMS 256			/* rows and reports in a batch */
#define AHEAD_BATCHES 4			/* batches waiting at most */
#define AHEAD_BYTES (256u << 10)	/* a batch's bytes, grown for a
					 * row that needs more */

struct item {
	int kind;
	enum seci_level level;		/* SECI_CSV_REPORT */
	unsigned long line;
	size_t nfields;			/* SECI_CSV_ROW */
	size_t text;		/* the fields' bytes, or the message */
	size_t offs;		/* a row's off[nfields] and len[nfields] */
};

struct batch {
	struct item item[AHEAD_ITEMS];
	size_t n;
	char *bytes;			/* never moved while items use it */
	size_t used, cap;
	unsigned char *prep;		/* AHEAD_ITEMS of prep_size */
};

struct ahead {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct batch b[AHEAD_BATCHES];
	size_t head, count;		/* batches handed on, the first */
	struct batch *fill;		/* the reader's, being filled */
	int done;			/* the reader has ended */
	int cancel;			/* the caller stopped */
	struct seci_err err;		/* the reader's */
};

/* The reader's batch with room for an item of need bytes (aligned to
 * 8), or NULL when told to stop. */
static struct batch *
room(struct reader *r, size_t need)
{
	struct ahead *a = r->ahead;
	struct batch *b = a->fill;
	void *p;

	if (b != NULL && (b->n == AHEAD_ITEMS || (b->used + need > b->cap &&
	    b->n > 0))) {
		pthread_mutex_lock(&a->mu);
		a->count++;
		a->fill = b = NULL;
		pthread_cond_broadcast(&a->cv);
		pthread_mutex_unlock(&a->mu);
	}
	if (b == NULL) {
		pthread_mutex_lock(&a->mu);
		while (a->count == AHEAD_BATCHES && !a->cancel)
			pthread_cond_wait(&a->cv, &a->mu);
		if (!a->cancel) {
			b = a->fill = &a->b[(a->head + a->count) %
			    AHEAD_BATCHES];
			b->n = 0;
			b->used = 0;
		}
		pthread_mutex_unlock(&a->mu);
		if (b == NULL) {
			r->stop = 1;
			return NULL;
		}
	}
	/* Made on first use (a small file needs one batch); only an empty
	 * batch grows: nothing points into it yet. */
	if (b->prep == NULL && (b->prep = malloc(AHEAD_ITEMS *
	    (r->opts->prep_size ? r->opts->prep_size : 1))) == NULL)
		goto oom;
	if (need > b->cap) {
		size_t want = need > AHEAD_BYTES ? need : AHEAD_BYTES;

		if ((p = realloc(b->bytes, want)) == NULL)
			goto oom;
		b->bytes = p;
		b->cap = want;
	}
	return b;
oom:
	seci_err_set(r->err, SECI_EXIT_SOFTWARE, "out of memory");
	r->stop = -1;
	return NULL;
}

int
seci_csv_ahead_text(struct reader *r, int kind, enum seci_level level,
    unsigned long line, const char *fmt, ...)
{
	struct batch *b;
	struct item *it;
	char msg[1024];
	va_list ap;
	size_t n;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	n = strlen(msg) + 1;
	if ((b = room(r, (n + 7) & ~(size_t)7)) == NULL)
		return 1;
	it = &b->item[b->n++];
	it->kind = kind;
	it->level = level;
	it->line = line;
	it->text = b->used;
	memcpy(b->bytes + b->used, msg, n);
	b->used += (n + 7) & ~(size_t)7;
	return 1;
}

/* The reader's own reports (the header's) go on as items. */
static void
ahead_report(void *arg, enum seci_level level, const char *msg)
{
	seci_csv_ahead_text(arg, SECI_CSV_REPORT, level, 0, "%s", msg);
}

void
seci_csv_ahead_row(struct reader *r, unsigned long line, const char *buf,
    const size_t *off, const size_t *len, size_t nfields)
{
	size_t nbytes = off[nfields - 1] + len[nfields - 1] + 1;
	size_t text = (nbytes + 7) & ~(size_t)7;
	size_t arrays = 2 * nfields * sizeof(size_t);
	struct seci_csv_row row;
	struct batch *b;
	struct item *it;
	size_t *o;

	if ((b = room(r, text + arrays)) == NULL)
		return;
	it = &b->item[b->n];
	it->kind = SECI_CSV_ROW;
	it->line = line;
	it->nfields = nfields;
	it->text = b->used;
	it->offs = b->used + text;
	memcpy(b->bytes + it->text, buf, nbytes);
	o = (size_t *)(void *)(b->bytes + it->offs);
	memcpy(o, off, nfields * sizeof(size_t));
	memcpy(o + nfields, len, nfields * sizeof(size_t));
	b->used += text + arrays;
	if (r->opts->prepare) {
		void *prep = b->prep + b->n * r->opts->prep_size;

		seci_csv_row_view(r, &row, line, r->ptr, r->val,
		    b->bytes + it->text, o, o + nfields, nfields);
		row.prep = prep;
		r->opts->prepare(r->opts->prep_arg, &row, prep);
	}
	b->n++;
}

static void *
ahead_main(void *arg)
{
	struct reader *r = arg;
	struct ahead *a = r->ahead;

	seci_csv_parse_file(r);
	pthread_mutex_lock(&a->mu);
	if (a->fill != NULL && a->fill->n > 0)
		a->count++;
	a->fill = NULL;
	a->done = 1;
	pthread_cond_broadcast(&a->cv);
	pthread_mutex_unlock(&a->mu);
	return NULL;
}

/* What the calling thread keeps of a read ahead. */
struct taker {
	const char **ptr, **val;	/* the row's fields, its columns */
	size_t nptr;
	unsigned nbad;
	unsigned long rows;
	int stop;
	struct seci_err *err;
};

/*
 * The calling thread's part: each item of b, in order.  Of r it reads
 * only what the header set, before the first row was handed on, and
 * the reader no longer changes.
 */
static void
take_batch(const struct reader *r, const struct batch *b, struct taker *t)
{
	struct seci_csv_row row;
	const struct item *it;
	const size_t *o;
	size_t i;

	for (i = 0; i < b->n && !t->stop; i++) {
		it = &b->item[i];
		switch (it->kind) {
		case SECI_CSV_REPORT:
			seci_err_report(t->err, it->level, "%s", b->bytes +
			    it->text);
			break;
		case SECI_CSV_BAD:
			seci_err_report(t->err, SECI_ERROR, "%s", b->bytes +
			    it->text);
			seci_csv_row_done(r->name, &t->nbad, &t->stop,
			    t->err, it->line, 1);
			break;
		default:
			o = (const size_t *)(const void *)(b->bytes + it->offs);
			seci_csv_row_view(r, &row, it->line, t->ptr, t->val,
			    b->bytes + it->text, o, o + it->nfields,
			    it->nfields);
			if (r->opts->prepare)
				row.prep = b->prep + i * r->opts->prep_size;
			t->rows++;
			seci_csv_row_done(r->name, &t->nbad, &t->stop,
			    t->err, it->line, r->fn(r->arg, &row, t->err));
			break;
		}
	}
}

/* Room in t for the fields of the rows to come (the header is read). */
static int
taker_room(const struct reader *r, struct taker *t)
{
	size_t want = r->nheader > 0 ? r->nheader : 1;
	const char **p;

	if (want > t->nptr) {
		if ((p = realloc(t->ptr, want * sizeof(*p))) == NULL)
			return -1;
		t->ptr = p;
		t->nptr = want;
	}
	if (t->val == NULL && (t->val = calloc(r->opts->ncols ?
	    r->opts->ncols : 1, sizeof(*t->val))) == NULL)
		return -1;
	return 0;
}

static void
ahead_free(struct ahead *a)
{
	size_t i;

	for (i = 0; i < AHEAD_BATCHES; i++) {
		free(a->b[i].bytes);
		free(a->b[i].prep);
	}
	pthread_mutex_destroy(&a->mu);
	pthread_cond_destroy(&a->cv);
	free(a);
}

/*
 * seci_csv_parse_file() in a second thread, this one taking its
 * batches.  r->stop
 * ends as the caller's (fn's, or too many errors); a reader's own fatal
 * error (the header, memory) is in err.  The reader's state (header,
 * footer, read error) is read once it has ended.
 */
int
seci_csv_read_ahead(struct reader *r, struct seci_err *err)
{
	struct ahead *a = calloc(1, sizeof(*a));
	struct taker t = { NULL, NULL, 0, 0, 0, 0, err };
	struct batch *b;
	sigset_t all, old;
	pthread_t th;
	int rc;

	if (a == NULL)
		return seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
	pthread_mutex_init(&a->mu, NULL);
	pthread_cond_init(&a->cv, NULL);
	a->err.report = ahead_report;
	a->err.report_arg = r;
	r->ahead = a;
	r->err = &a->err;
	/* Signals are for this thread, as without a second one. */
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	rc = pthread_create(&th, NULL, ahead_main, r);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0) {
		/* No second thread to be had: read in this one. */
		r->ahead = NULL;
		r->err = err;
		ahead_free(a);
		seci_csv_parse_file(r);
		return 0;
	}
	for (;;) {
		pthread_mutex_lock(&a->mu);
		while (a->count == 0 && !a->done)
			pthread_cond_wait(&a->cv, &a->mu);
		b = a->count > 0 ? &a->b[a->head] : NULL;
		pthread_mutex_unlock(&a->mu);
		if (b == NULL)
			break;
		if (!t.stop && taker_room(r, &t) < 0) {
			seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
			t.stop = -1;
		}
		if (!t.stop)
			take_batch(r, b, &t);
		pthread_mutex_lock(&a->mu);
		a->head = (a->head + 1) % AHEAD_BATCHES;
		a->count--;
		a->cancel |= t.stop != 0;
		pthread_cond_broadcast(&a->cv);
		pthread_mutex_unlock(&a->mu);
	}
	pthread_join(th, NULL);
	free(t.ptr);
	free(t.val);
	r->ahead = NULL;
	r->err = err;
	r->nbad = t.nbad;
	r->rows = t.rows;
	if (t.stop) {
		/* What the reader met after the caller stopped is not
		 * news: without it, nothing would have been read. */
		r->stop = t.stop;
		r->read_errno = 0;
		r->skip_left = 0;
	} else if (r->stop < 0) {
		/* The reader's own fatal error. */
		seci_err_set(err, a->err.code ? a->err.code :
		    SECI_EXIT_SOFTWARE, "%s", a->err.msg);
	}
	ahead_free(a);
	return 0;
}
