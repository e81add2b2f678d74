/* refund.c - paying a Party's credit back. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "bankbook.h"
#include "clock.h"
#include "contrib.h"
#include "party.h"
#include "refund.h"
#include "seci_priv.h"
#include "year.h"

/* What a Party had paid, net of refunds, beyond its assessments of the
 * years begun, on a date. */
struct credit_find {
	const char *party;
	int year;
	seci_money credit, beyond;
};

static int
credit_of(void *arg, const struct seci_position *p, struct seci_err *err)
{
	struct credit_find *c = arg;
	size_t k;

	(void)err;
	if (strcmp(p->code, c->party) != 0)
		return 0;
	c->credit = p->credit;
	c->beyond = p->paid;
	for (k = 0; k < p->na; k++)
		if (p->a[k].year <= c->year)
			c->beyond -= p->a[k].amount;
	return 0;
}

int
seci_refund_covered(struct seci_db *db, const char *party,
    struct seci_err *err)
{
	struct seci_err ignore = SECI_ERR_INIT;
	char day[SECI_DATE_BUFSZ], a[SECI_MONEY_BUFSZ];
	sqlite3_stmt *st;
	char **dates = NULL;
	size_t n = 0, cap = 0, i;
	int rc;

	/* On each day a refund was paid, the refunds so far are covered by
	 * what the Party had paid beyond its assessments. */
	st = seci_db_stmt(db, "SELECT DISTINCT date FROM refund WHERE party = "
	    "? ORDER BY date", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, party);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	    seci_grow(&dates, &cap, n, sizeof(*dates)) == 0)
		dates[n++] = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	for (i = 0, rc = 0; rc == 0 && i < n; i++) {
		struct credit_find c = { party, 0, 0, 0 };
		seci_day d = 0;

		if (dates[i] == NULL || seci_date_parse(dates[i], NULL, &d,
		    &ignore) < 0) {
			rc = seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
			break;
		}
		c.year = seci_year_of(d);
		if (seci_contrib_positions(db, d, 2, credit_of, &c, err) < 0)
			rc = -1;
		else if (c.beyond < 0)
			rc = seci_err_set(err, SECI_EXIT_DATA, "party %s: its "
			    "refunds by %s would be %s more than it had paid "
			    "beyond its assessments", party, seci_date_format(d,
			    day), seci_money_format(-c.beyond, db->decimals, ',',
			    a));
	}
	for (i = 0; i < n; i++)
		free(dates[i]);
	free(dates);
	return rc;
}

int
seci_refund_add(struct seci_db *db, const struct seci_refund *r,
    int64_t *id, struct seci_err *err)
{
	struct seci_ledger_ref ref = { "refund", 0, 0 };
	struct credit_find c = { r->party, seci_year_of(r->date), 0, 0 };
	char day[SECI_DATE_BUFSZ], now[SECI_TIME_BUFSZ], memo[96];
	char a[SECI_MONEY_BUFSZ], b[SECI_MONEY_BUFSZ];
	struct seci_bankacct bank;
	struct seci_posting p;
	sqlite3_stmt *st;
	seci_money own;

	if (r->amount <= 0)
		return seci_err_set(err, SECI_EXIT_DATA, "a refund must be above "
		    "zero");
	if (r->reason == NULL || *r->reason == '\0')
		return seci_err_set(err, SECI_EXIT_USAGE, "a refund needs "
		    "--reason");
	if (seci_party_exists(db, r->party, err) < 0 ||
	    seci_bank_get(db, r->bank, &bank, err) < 0 ||
	    seci_year_writable_day(db, r->date, err) < 0 ||
	    seci_contrib_positions(db, r->date, 2, credit_of, &c, err) < 0)
		return -1;
	if (r->amount > c.credit)
		return seci_err_set(err, SECI_EXIT_DATA, "party %s holds a credit "
		    "of %s on %s; a refund of %s would be more", r->party,
		    seci_money_format(c.credit, db->decimals, ',', a),
		    seci_date_format(r->date, day), seci_money_format(r->amount,
		    db->decimals, ',', b));
	if (seci_bank_own(db, &bank, r->amount, r->date, &own, err) < 0)
		return -1;
	st = seci_db_stmt(db, "INSERT INTO refund (party, date, amount, bank, "
	    "bank_amount, reason, created) VALUES (?, ?, ?, ?, ?, ?, ?)", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, r->party);
	seci_db_bind_text(st, 2, seci_date_format(r->date, day));
	sqlite3_bind_int64(st, 3, r->amount);
	seci_db_bind_text(st, 4, bank.code);
	sqlite3_bind_int64(st, 5, own);
	seci_db_bind_text(st, 6, r->reason);
	seci_db_bind_text(st, 7, seci_clock_now(now));
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(db->h);
	/* A refund dated before others must leave them covered too. */
	if (seci_refund_covered(db, r->party, err) < 0)
		return -1;
	/* What it owes goes up by the refund; the advance follows. */
	ref.source_id = *id;
	memset(&p, 0, sizeof(p));
	p.account = SECI_ACC_RECEIVABLE;
	p.party = r->party;
	p.amount = r->amount;
	p.source_id = *id;
	snprintf(memo, sizeof(memo), "refund %lld to %s", (long long)*id,
	    r->party);
	if (seci_bank_post(db, &bank, r->date, memo, &ref, -own, -r->amount, &p,
	    1, "refund", NULL, err) < 0 || seci_contrib_sync(db, err) < 0)
		return -1;
	return seci_audit_added_id(db, "refund", *id, err);
}
