/*
 * paypost.c - the postings of an import's receipts.
 *
 * A ledger transaction per day: the bank debited with the day's total,
 * each payment credited on its own to its Party's receivable or to
 * suspense.  Payments come in the file's order, their days in any order,
 * but the ledger keeps postings in (transaction, payment) order: written
 * as they come, a million postings would go in at 365 places of its
 * B-tree.  So each day's postings wait in blocks of RBLK, a block that
 * fills going to a scratch file, and at the end they go into the ledger
 * day by day, the transactions opened in date order, through one INSERT
 * ... SELECT from a virtual table that reads them back: every posting
 * lands at the end of the B-tree.  Memory is a block per day.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bankbook.h"
#include "contrib.h"
#include "file.h"
#include "ledger.h"
#include "party.h"
#include "payment.h"
#include "seci_priv.h"

#define RBLK 256		/* postings in a block: 6 KiB */
#define VTAB "seci_receipt_postings"
#define POINTER_TYPE "seci_receipts"

/* One payment's posting. */
struct rpost {
	int64_t id;
	seci_money amount;	/* in the base currency, above 0 */
	uint32_t party;		/* its index in codes; 0: suspense */
};

/* What came in on a day from one Party (or into suspense). */
struct day_sum {
	seci_money amount;
	seci_money own;		/* in the bank account's currency */
};

/* A day: its transaction, what came in from each Party (by index in
 * codes), its full blocks in the scratch file (in the order written),
 * and the block filling. */
struct dayq {
	seci_day day;
	int64_t txn;
	struct day_sum *sum;
	size_t nsum;
	off_t *offs;
	size_t noffs, capoffs;
	size_t n;
	struct rpost tail[RBLK];
};

struct seci_receipts {
	struct seci_db *db;
	struct seci_bankacct bank;
	int64_t import_id;
	int64_t last;		/* the last payment's id */
	char *memo;
	struct dayq **days;	/* open addressing on the day */
	size_t dcap, ndays;
	char (*codes)[SECI_PARTY_CODE_MAX + 1];	/* [0] "": suspense */
	size_t ncodes, capcodes;
	uint32_t last_code;	/* the Party met last, its index */
	int fd;			/* the scratch file, or -1 */
	off_t spilled;		/* bytes written to it */
};

struct seci_receipts *
seci_receipts_begin(struct seci_db *db, const struct seci_bankacct *bank,
    int64_t import_id, const char *memo, struct seci_err *err)
{
	struct seci_receipts *r = calloc(1, sizeof(*r));

	if (r != NULL)
		r->fd = -1;
	if (r == NULL || (r->memo = strdup(memo)) == NULL ||
	    (r->days = calloc(512, sizeof(*r->days))) == NULL ||
	    (r->codes = calloc(16, sizeof(*r->codes))) == NULL) {
		seci_receipts_free(r);
		seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
		return NULL;
	}
	r->db = db;
	r->bank = *bank;
	r->import_id = import_id;
	r->dcap = 512;
	r->ncodes = 1;
	r->capcodes = 16;
	return r;
}

void
seci_receipts_free(struct seci_receipts *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; r->days && i < r->dcap; i++)
		if (r->days[i]) {
			free(r->days[i]->sum);
			free(r->days[i]->offs);
			free(r->days[i]);
		}
	if (r->fd >= 0)
		close(r->fd);
	free(r->days);
	free(r->codes);
	free(r->memo);
	free(r);
}

/* ---- the postings waiting, by day ------------------------------------- */

/* The Party's index in codes (added when new); 0 for suspense. */
static int
code_index(struct seci_receipts *r, const char *party, uint32_t *idx,
    struct seci_err *err)
{
	size_t i;

	if (party == NULL || *party == '\0') {
		*idx = 0;
		return 0;
	}
	/* Parties are few, and a bank export's rows often repeat one. */
	if (r->last_code && strcmp(r->codes[r->last_code], party) == 0) {
		*idx = r->last_code;
		return 0;
	}
	for (i = 1; i < r->ncodes; i++)
		if (strcmp(r->codes[i], party) == 0)
			break;
	if (i == r->ncodes) {
		if (r->ncodes == r->capcodes) {
			void *p = realloc(r->codes, 2 * r->capcodes *
			    sizeof(*r->codes));

			if (p == NULL)
				return seci_err_set(err, SECI_EXIT_SOFTWARE,
				    "out of memory");
			r->codes = p;
			r->capcodes *= 2;
		}
		snprintf(r->codes[i], sizeof(r->codes[i]), "%s", party);
		r->ncodes++;
	}
	*idx = r->last_code = (uint32_t)i;
	return 0;
}

static size_t
day_hash(seci_day day, size_t cap)
{
	return ((size_t)(uint32_t)day * 2654435761u) % cap;
}

static struct dayq *
day_queue(struct seci_receipts *r, seci_day day, struct seci_err *err)
{
	size_t i, k;

	for (i = day_hash(day, r->dcap); r->days[i]; i = (i + 1) % r->dcap)
		if (r->days[i]->day == day)
			return r->days[i];
	if (2 * (r->ndays + 1) > r->dcap) {
		struct dayq **old = r->days;
		size_t oldcap = r->dcap;

		if ((r->days = calloc(oldcap * 2, sizeof(*r->days))) == NULL) {
			r->days = old;
			seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
			return NULL;
		}
		r->dcap = oldcap * 2;
		for (k = 0; k < oldcap; k++) {
			if (old[k] == NULL)
				continue;
			for (i = day_hash(old[k]->day, r->dcap); r->days[i];
			    i = (i + 1) % r->dcap)
				;
			r->days[i] = old[k];
		}
		free(old);
		for (i = day_hash(day, r->dcap); r->days[i];
		    i = (i + 1) % r->dcap)
			;
	}
	if ((r->days[i] = calloc(1, sizeof(**r->days))) == NULL) {
		seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
		return NULL;
	}
	r->days[i]->day = day;
	r->ndays++;
	return r->days[i];
}

/* The day's full block to the scratch file (made on first need). */
static int
spill(struct seci_receipts *r, struct dayq *q, struct seci_err *err)
{
	const char *p = (const char *)q->tail;
	size_t left = sizeof(q->tail);
	ssize_t k;

	if (q->noffs == q->capoffs) {
		size_t cap = q->capoffs ? 2 * q->capoffs : 16;
		void *o = realloc(q->offs, cap * sizeof(*q->offs));

		if (o == NULL)
			return seci_err_set(err, SECI_EXIT_SOFTWARE,
			    "out of memory");
		q->offs = o;
		q->capoffs = cap;
	}
	if (r->fd < 0 && (r->fd = seci_file_scratch(err)) < 0)
		return -1;
	q->offs[q->noffs++] = r->spilled;
	while (left > 0) {
		if ((k = write(r->fd, p, left)) < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return seci_err_set(err, SECI_EXIT_IOERR, "scratch "
			    "file: %s", strerror(errno));
		p += k;
		left -= (size_t)k;
	}
	r->spilled += (off_t)sizeof(q->tail);
	q->n = 0;
	return 0;
}

/* The day's sum for Party code, made on first need. */
static struct day_sum *
day_sum(struct dayq *q, uint32_t code, struct seci_err *err)
{
	if (code >= q->nsum) {
		size_t n = code + 16;
		struct day_sum *p = realloc(q->sum, n * sizeof(*p));

		if (p == NULL) {
			seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
			return NULL;
		}
		memset(p + q->nsum, 0, (n - q->nsum) * sizeof(*p));
		q->sum = p;
		q->nsum = n;
	}
	return &q->sum[code];
}

int
seci_receipts_add(struct seci_receipts *r, int64_t payment_id,
    const char *party, seci_money amount, seci_money own, seci_day day,
    struct seci_err *err)
{
	struct day_sum *d;
	struct dayq *q;
	uint32_t code = 0;

	if (payment_id <= r->last)
		return seci_err_set(err, SECI_EXIT_SOFTWARE, "receipts: "
		    "payment %lld after %lld", (long long)payment_id,
		    (long long)r->last);
	if ((q = day_queue(r, day, err)) == NULL ||
	    code_index(r, party, &code, err) < 0 ||
	    (d = day_sum(q, code, err)) == NULL)
		return -1;
	r->last = payment_id;
	if (seci_money_add(d->amount, amount, &d->amount, err) < 0 ||
	    seci_money_add(d->own, own, &d->own, err) < 0)
		return seci_err_prefix(err, SECI_EXIT_DATA, "payments of one "
		    "day");
	if (q->n == RBLK && spill(r, q, err) < 0)
		return -1;
	q->tail[q->n].id = payment_id;
	q->tail[q->n].amount = amount;
	q->tail[q->n].party = code;
	q->n++;
	return 0;
}

/* ---- the virtual table that hands them to SQLite ---------------------- */

/* The days in date order, set by seci_receipts_end(). */
struct reading {
	struct seci_receipts *r;
	struct dayq **order;
	size_t n;
};

struct pcur {
	sqlite3_vtab_cursor base;
	const struct reading *rd;
	size_t di;		/* the day */
	size_t bi;		/* its block: noffs is the tail */
	size_t k;		/* the posting in the block */
	const struct rpost *blk;
	size_t nblk;
	struct rpost buf[RBLK];
	sqlite3_int64 rowid;
};

enum { C_TXN, C_SEQ, C_ACCOUNT, C_PARTY, C_AMOUNT, C_SOURCE, C_ARG };

static int
pv_connect(sqlite3 *h, void *aux, int argc, const char *const *argv,
    sqlite3_vtab **vt, char **errmsg)
{
	int rc;

	(void)aux;
	(void)argc;
	(void)argv;
	(void)errmsg;
	rc = sqlite3_declare_vtab(h, "CREATE TABLE x (txn_id INTEGER, seq "
	    "INTEGER, account TEXT, party TEXT, amount INTEGER, source_id "
	    "INTEGER, src HIDDEN)");
	if (rc != SQLITE_OK)
		return rc;
	if ((*vt = sqlite3_malloc(sizeof(**vt))) == NULL)
		return SQLITE_NOMEM;
	memset(*vt, 0, sizeof(**vt));
	return SQLITE_OK;
}

static int
pv_disconnect(sqlite3_vtab *vt)
{
	sqlite3_free(vt);
	return SQLITE_OK;
}

/* Only read with its source given: seci_receipt_postings(?). */
static int
pv_best_index(sqlite3_vtab *vt, sqlite3_index_info *info)
{
	int i;

	(void)vt;
	for (i = 0; i < info->nConstraint; i++)
		if (info->aConstraint[i].iColumn == C_ARG &&
		    info->aConstraint[i].op == SQLITE_INDEX_CONSTRAINT_EQ &&
		    info->aConstraint[i].usable) {
			info->aConstraintUsage[i].argvIndex = 1;
			info->aConstraintUsage[i].omit = 1;
			info->estimatedCost = 1.0;
			return SQLITE_OK;
		}
	return SQLITE_CONSTRAINT;
}

static int
pv_open(sqlite3_vtab *vt, sqlite3_vtab_cursor **cur)
{
	struct pcur *c = sqlite3_malloc(sizeof(*c));

	(void)vt;
	if (c == NULL)
		return SQLITE_NOMEM;
	memset(c, 0, sizeof(*c));
	*cur = &c->base;
	return SQLITE_OK;
}

static int
pv_close(sqlite3_vtab_cursor *cur)
{
	sqlite3_free(cur);
	return SQLITE_OK;
}

/* Block bi of day di into the cursor: a full one from the scratch file,
 * or the day's tail from memory. */
static int
load_block(struct pcur *c)
{
	const struct dayq *q = c->rd->order[c->di];
	char *p = (char *)c->buf;
	size_t left = sizeof(c->buf);
	off_t at;
	ssize_t k;

	c->k = 0;
	if (c->bi == q->noffs) {
		c->blk = q->tail;
		c->nblk = q->n;
		return SQLITE_OK;
	}
	at = q->offs[c->bi];
	while (left > 0) {
		if ((k = pread(c->rd->r->fd, p, left, at)) < 0 &&
		    errno == EINTR)
			continue;
		if (k <= 0) {
			sqlite3_free(c->base.pVtab->zErrMsg);
			c->base.pVtab->zErrMsg = sqlite3_mprintf("scratch file: "
			    "%s", k < 0 ? strerror(errno) : "cut short");
			return SQLITE_IOERR;
		}
		p += k;
		left -= (size_t)k;
		at += k;
	}
	c->blk = c->buf;
	c->nblk = RBLK;
	return SQLITE_OK;
}

/* Past the end of its block: on to the next block with a posting in
 * it, of the day or the days after, or to the end. */
static int
settle(struct pcur *c)
{
	int rc;

	while (c->k >= c->nblk) {
		if (c->bi < c->rd->order[c->di]->noffs) {
			c->bi++;
		} else if (c->di + 1 < c->rd->n) {
			c->di++;
			c->bi = 0;
		} else {
			c->di = c->rd->n;	/* the end */
			return SQLITE_OK;
		}
		if ((rc = load_block(c)) != SQLITE_OK)
			return rc;
	}
	return SQLITE_OK;
}

static int
pv_next(sqlite3_vtab_cursor *cur)
{
	struct pcur *c = (struct pcur *)cur;

	c->rowid++;
	c->k++;
	return settle(c);
}

static int
pv_filter(sqlite3_vtab_cursor *cur, int idxnum, const char *idxstr,
    int argc, sqlite3_value **argv)
{
	struct pcur *c = (struct pcur *)cur;
	int rc;

	(void)idxnum;
	(void)idxstr;
	c->rd = argc == 1 ? sqlite3_value_pointer(argv[0], POINTER_TYPE) :
	    NULL;
	c->rowid = 0;
	c->di = c->bi = 0;
	if (c->rd == NULL || c->rd->n == 0)
		return SQLITE_OK;
	if ((rc = load_block(c)) != SQLITE_OK)
		return rc;
	return settle(c);
}

static int
pv_eof(sqlite3_vtab_cursor *cur)
{
	const struct pcur *c = (const struct pcur *)cur;

	return c->rd == NULL || c->di >= c->rd->n;
}

static int
pv_column(sqlite3_vtab_cursor *cur, sqlite3_context *cx, int col)
{
	const struct pcur *c = (const struct pcur *)cur;
	const struct rpost *e = &c->blk[c->k];

	switch (col) {
	case C_TXN:
		sqlite3_result_int64(cx, c->rd->order[c->di]->txn);
		break;
	case C_SEQ:
	case C_SOURCE:
		sqlite3_result_int64(cx, e->id);
		break;
	case C_ACCOUNT:
		sqlite3_result_text(cx, e->party ? SECI_ACC_RECEIVABLE :
		    SECI_ACC_SUSPENSE, -1, SQLITE_STATIC);
		break;
	case C_PARTY:
		sqlite3_result_text(cx, c->rd->r->codes[e->party], -1,
		    SQLITE_STATIC);
		break;
	case C_AMOUNT:
		sqlite3_result_int64(cx, -e->amount);
		break;
	default:
		sqlite3_result_null(cx);
		break;
	}
	return SQLITE_OK;
}

static int
pv_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *rowid)
{
	*rowid = ((const struct pcur *)cur)->rowid;
	return SQLITE_OK;
}

static const sqlite3_module postings_module = {
	.iVersion = 0,
	.xConnect = pv_connect,		/* no xCreate: eponymous only */
	.xBestIndex = pv_best_index,
	.xDisconnect = pv_disconnect,
	.xOpen = pv_open,
	.xClose = pv_close,
	.xFilter = pv_filter,
	.xNext = pv_next,
	.xEof = pv_eof,
	.xColumn = pv_column,
	.xRowid = pv_rowid,
};

/* ---- the end: transactions, postings, days closed --------------------- */

static int
cmp_day(const void *a, const void *b)
{
	const struct dayq *x = *(struct dayq *const *)a;
	const struct dayq *y = *(struct dayq *const *)b;

	return x->day < y->day ? -1 : x->day > y->day;
}

/*
 * Every posting waiting, in one statement: the virtual table hands them
 * over in (transaction, payment) order.  The pages the rows before left
 * in the cache go out first, so that the statement's journal (in memory)
 * does not take a copy of each as it pushes them out: memory stays at
 * the cache's size.
 */
static int
post_each(struct seci_receipts *r, const struct reading *rd,
    struct seci_err *err)
{
	sqlite3_stmt *st;
	int rc;

	rc = sqlite3_create_module(r->db->h, VTAB, &postings_module, NULL);
	if (rc != SQLITE_OK)
		return seci_db_fail(r->db, rc, "ledger", err);
	if (seci_db_flush(r->db, err) < 0)
		return -1;
	st = seci_db_stmt(r->db, "INSERT INTO ledger_posting (txn_id, seq, "
	    "account, party, amount, source_id) SELECT txn_id, seq, account, "
	    "party, amount, source_id FROM " VTAB "(?1)", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_pointer(st, 1, (void *)rd, POINTER_TYPE, NULL);
	rc = seci_db_exec_stmt(r->db, st, err);
	/* Not left bound to what goes with this call. */
	sqlite3_bind_null(st, 1);
	return rc;
}

/* What the day's postings add up to, for the balances by day; the bank
 * takes the day's receipts in one posting (seq 0), and the day closes. */
static int
close_day(struct seci_receipts *r, const struct dayq *q, struct seci_err *err)
{
	struct seci_posting p;
	struct seci_txn t;
	seci_money bank = 0, own = 0;
	char day[SECI_DATE_BUFSZ];
	size_t i;

	memset(&t, 0, sizeof(t));
	t.id = q->txn;
	memcpy(t.date, seci_date_format(q->day, day), sizeof(t.date));
	memset(&p, 0, sizeof(p));
	for (i = 0; i < q->nsum; i++) {
		if (q->sum[i].amount == 0)
			continue;	/* nothing from this Party that day */
		p.account = i ? SECI_ACC_RECEIVABLE : SECI_ACC_SUSPENSE;
		p.party = i ? r->codes[i] : NULL;
		p.amount = -q->sum[i].amount;
		if (seci_ledger_count(r->db, &t, &p, err) < 0 ||
		    seci_money_add(bank, q->sum[i].amount, &bank, err) < 0 ||
		    seci_money_add(own, q->sum[i].own, &own, err) < 0)
			return -1;
	}
	memset(&p, 0, sizeof(p));
	p.account = r->bank.ledger;
	p.amount = bank;
	t.seq = -1;	/* seq 0: below every payment's id */
	if (seci_ledger_add(r->db, &t, &p, err) < 0 ||
	    seci_ledger_close(r->db, &t, err) < 0)
		return -1;
	return seci_bank_move(r->db, &r->bank, q->day, own, bank, "receipts",
	    0, r->memo, t.id, err);
}

int
seci_receipts_end(struct seci_receipts *r, struct seci_err *err)
{
	struct seci_ledger_ref ref = { "payment", 0, r->import_id };
	struct reading rd = { r, NULL, 0 };
	struct seci_txn t;
	size_t i;
	int rc = -1;

	if (r->last == 0)
		return 0;
	if ((rd.order = calloc(r->ndays, sizeof(*rd.order))) == NULL)
		return seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
	for (i = 0; i < r->dcap; i++)
		if (r->days[i])
			rd.order[rd.n++] = r->days[i];
	qsort(rd.order, rd.n, sizeof(*rd.order), cmp_day);
	/* Transactions in date order, so that their postings, in the same
	 * order, go in at the end of the ledger. */
	for (i = 0; i < rd.n; i++) {
		if (seci_ledger_open(r->db, rd.order[i]->day, r->memo, &ref, &t,
		    err) < 0)
			goto out;
		rd.order[i]->txn = t.id;
	}
	if (post_each(r, &rd, err) < 0)
		goto out;
	for (i = 0; i < rd.n; i++)
		if (close_day(r, rd.order[i], err) < 0)
			goto out;
	/* What a Party paid beyond what it owes is received in advance. */
	rc = r->ncodes > 1 ? seci_contrib_sync(r->db, err) : 0;
out:
	free(rd.order);
	return rc;
}
