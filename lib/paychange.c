/*
 * paychange.c - corrections to payments: matched from suspense, matched
 * again to another Party, returned to suspense, voided (one payment or a
 * whole import).  Nothing is deleted: each correction is a reversing
 * ledger entry on the payment's own date, so that its allocation, the
 * Parties' arrears and the ledger agree on every date, and a row of
 * payment_change with its reason; the audit trail has the payment before
 * and after.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "bankbook.h"
#include "clock.h"
#include "contrib.h"
#include "ledger.h"
#include "party.h"
#include "payment.h"
#include "refund.h"
#include "seci_priv.h"
#include "year.h"

/* The payment as it stands. */
struct paid {
	int64_t id;
	seci_money amount;		/* in the base currency */
	seci_money orig;		/* in its own currency */
	char currency[4];
	char bank[SECI_BANK_CODE_MAX + 1];	/* the account it came into */
	seci_day date;
	char party[SECI_PARTY_CODE_MAX + 1];	/* "" in suspense */
	int voided;		/* 1 void, 2 taken as income, 3 an opening
				 * credit */
};

#define PAID_COLS "id, amount, date, coalesce(party, ''), orig_amount, " \
	"currency, bank, CASE WHEN voided IS NOT NULL THEN 1 WHEN EXISTS " \
	"(SELECT 1 FROM receipt WHERE receipt.payment = payment.id) THEN 2 " \
	"WHEN import_id IN (SELECT id FROM imports WHERE kind = 'opening') " \
	"THEN 3 ELSE 0 END"

static int
fill_paid(sqlite3_stmt *st, void *item)
{
	struct seci_err ignore = SECI_ERR_INIT;
	struct paid *p = item;

	p->id = sqlite3_column_int64(st, 0);
	p->amount = sqlite3_column_int64(st, 1);
	seci_date_parse((const char *)sqlite3_column_text(st, 2), NULL,
	    &p->date, &ignore);
	seci_db_col_text(st, 3, p->party, sizeof(p->party));
	p->orig = sqlite3_column_int64(st, 4);
	seci_db_col_text(st, 5, p->currency, sizeof(p->currency));
	seci_db_col_text(st, 6, p->bank, sizeof(p->bank));
	p->voided = sqlite3_column_int(st, 7);
	return 0;
}

static int
read_paid(struct seci_db *db, int64_t id, struct paid *p,
    struct seci_err *err)
{
	sqlite3_stmt *st;
	int rc;

	memset(p, 0, sizeof(*p));
	st = seci_db_stmt(db, "SELECT " PAID_COLS " FROM payment WHERE id = ?",
	    err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fill_paid(st, p);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return seci_err_set(err, SECI_EXIT_DATA, "no payment %lld",
		    (long long)id);
	if (rc != SQLITE_ROW)
		return seci_db_fail(db, rc, "payment", err);
	if (p->voided)
		return seci_err_set(err, SECI_EXIT_DATA, "payment %lld is %s",
		    (long long)id, p->voided == 1 ? "void" : p->voided == 2 ?
		    "taken as income (see 'seci-contrib receipt list')" :
		    "a credit of the opening balances, not a payment");
	return 0;
}

/* The account a payment sits on: its Party's receivable, suspense, or
 * (voided) none: the bank gives it back. */
static void
side(struct seci_posting *p, const char *party, int64_t id)
{
	memset(p, 0, sizeof(*p));
	p->account = *party ? SECI_ACC_RECEIVABLE : SECI_ACC_SUSPENSE;
	p->party = *party ? party : NULL;
	p->source_id = id;
}

/*
 * Move payment p from where it is to party ("" suspense, NULL void): the
 * reversing entry on its date, the row, its history.  The advances
 * follow in the caller (seci_contrib_sync), once for many.
 */
static int
move(struct seci_db *db, const struct paid *p, const char *party,
    const char *action, const char *reason, struct seci_err *err)
{
	struct seci_ledger_ref ref = { "payment", p->id, 0 };
	struct seci_posting post[2];
	struct seci_bankacct b;
	char memo[128], now[32];
	sqlite3_stmt *st;
	seci_money own;
	int64_t txn;

	side(&post[0], p->party, p->id);
	post[0].amount = p->amount;
	if (party == NULL) {
		/* Void: the bank gives back what it took in. */
		snprintf(memo, sizeof(memo), "payment %lld void", (long long)
		    p->id);
		if (seci_bank_get(db, p->bank, &b, err) < 0 ||
		    seci_bank_received(&b, p->currency, p->orig, p->amount,
		    &own, err) < 0 || seci_bank_post(db, &b, p->date, memo, &ref,
		    -own, -p->amount, post, 1, "void", &txn, err) < 0)
			return -1;
	} else {
		side(&post[1], party, p->id);
		post[1].amount = -p->amount;
		snprintf(memo, sizeof(memo), "payment %lld %s%s", (long long)
		    p->id, *party ? "matched to " : "to suspense", party);
		if (seci_ledger_post(db, p->date, memo, &ref, post, 2, &txn,
		    err) < 0)
			return -1;
	}
	st = seci_db_stmt(db, "UPDATE payment SET party = CASE WHEN ?2 "
	    "THEN party ELSE nullif(?1, '') END, matched_by = CASE WHEN ?2 "
	    "THEN matched_by WHEN coalesce(?1, '') = '' THEN NULL ELSE 'hand' "
	    "END, voided = CASE WHEN ?2 THEN ?3 END WHERE id = ?4", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, party);
	sqlite3_bind_int(st, 2, party == NULL);
	seci_db_bind_text(st, 3, seci_clock_now(now));
	sqlite3_bind_int64(st, 4, p->id);
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	st = seci_db_stmt(db, "INSERT INTO payment_change (payment, time, "
	    "login, action, party_before, party_after, reason, txn_id) VALUES "
	    "(?, ?, ?, ?, nullif(?, ''), nullif(?, ''), ?, ?)", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, p->id);
	seci_db_bind_text(st, 2, now);
	seci_db_bind_text(st, 3, db->login);
	seci_db_bind_text(st, 4, action);
	seci_db_bind_text(st, 5, p->party);
	seci_db_bind_text(st, 6, party);
	seci_db_bind_text(st, 7, reason);
	sqlite3_bind_int64(st, 8, txn);
	return seci_db_exec_stmt(db, st, err);
}

/* One payment's correction, audited; its Party's advances follow. */
static int
correct(struct seci_db *db, const struct paid *p, const char *party,
    const char *action, const char *reason, struct seci_err *err)
{
	struct seci_audit_change c;

	if (seci_year_writable_day(db, p->date, err) < 0)
		return seci_err_prefix(err, 0, "payment %lld", (long long)p->id);
	if (seci_audit_begin_id(db, &c, "payment", p->id, err) < 0)
		return -1;
	/* A payment taken from a Party must not leave its refunds bigger
	 * than what it had paid. */
	if (move(db, p, party, action, reason, err) < 0 ||
	    (*p->party && seci_refund_covered(db, p->party, err) < 0) ||
	    seci_contrib_sync(db, err) < 0) {
		seci_audit_cancel(&c);
		return -1;
	}
	return seci_audit_end(db, &c, err);
}

int
seci_payment_match(struct seci_db *db, int64_t id, const char *party,
    const char *reason, struct seci_err *err)
{
	struct paid p;

	if (read_paid(db, id, &p, err) < 0 ||
	    seci_party_exists(db, party, err) < 0)
		return -1;
	if (strcmp(p.party, party) == 0)
		return seci_err_set(err, SECI_EXIT_DATA, "payment %lld is "
		    "already matched to %s", (long long)id, party);
	if (*p.party && (reason == NULL || *reason == '\0'))
		return seci_err_set(err, SECI_EXIT_USAGE, "payment %lld is "
		    "matched to %s: matching it again needs --reason",
		    (long long)id, p.party);
	return correct(db, &p, party, *p.party ? "rematch" : "match", reason,
	    err);
}

int
seci_payment_unmatch(struct seci_db *db, int64_t id, const char *reason,
    struct seci_err *err)
{
	struct paid p;

	if (read_paid(db, id, &p, err) < 0)
		return -1;
	if (*p.party == '\0')
		return seci_err_set(err, SECI_EXIT_DATA, "payment %lld is "
		    "already in suspense", (long long)id);
	return correct(db, &p, "", "unmatch", reason, err);
}

int
seci_payment_void(struct seci_db *db, int64_t id, const char *reason,
    struct seci_err *err)
{
	struct paid p;

	if (read_paid(db, id, &p, err) < 0)
		return -1;
	return correct(db, &p, NULL, "void", reason, err);
}

/* ---- imports ----------------------------------------------------------- */

int
seci_payment_import_void(struct seci_db *db, int64_t import_id,
    const char *reason, unsigned long *voided, struct seci_err *err)
{
	struct seci_audit_change c;
	struct paid *p = NULL;
	sqlite3_stmt *st;
	char key[24], now[32];
	size_t n = 0, i;
	int rc = -1;

	*voided = 0;
	snprintf(key, sizeof(key), "%lld", (long long)import_id);
	st = seci_db_stmt(db, "SELECT kind, voided IS NOT NULL FROM imports "
	    "WHERE id = ?", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, import_id);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? seci_err_set(err, SECI_EXIT_DATA,
		    "no import %s", key) : seci_db_fail(db, rc, "imports", err);
	}
	rc = strcmp((const char *)sqlite3_column_text(st, 0), "payment") != 0 ?
	    1 : sqlite3_column_int(st, 1) ? 2 : 0;
	sqlite3_reset(st);
	if (rc)
		return seci_err_set(err, SECI_EXIT_DATA, "import %s %s", key,
		    rc == 1 ? "is not a payment import" : "is void already");
	rc = -1;
	st = seci_db_stmt(db, "SELECT " PAID_COLS " FROM payment WHERE "
	    "import_id = ? AND voided IS NULL ORDER BY id", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, import_id);
	if (seci_db_rows(db, st, sizeof(*p), fill_paid, &p, &n, "payment",
	    err) < 0 || seci_audit_begin(db, &c, "imports", "id", key,
	    err) < 0)
		goto out;
	for (i = 0; i < n; i++)
		if (p[i].voided == 2) {
			seci_err_set(err, SECI_EXIT_DATA, "payment %lld of import "
			    "%s was taken as income (see 'seci-contrib receipt "
			    "list'); it cannot be voided with the import",
			    (long long)p[i].id, key);
			goto cancel;
		}
	for (i = 0; i < n; i++)
		if (seci_year_writable_day(db, p[i].date, err) < 0) {
			seci_err_prefix(err, 0, "payment %lld",
			    (long long)p[i].id);
			goto cancel;
		}
	for (i = 0; i < n; i++)
		if (move(db, &p[i], NULL, "void", reason, err) < 0)
			goto cancel;
	for (i = 0; i < n; i++)
		if (*p[i].party && seci_refund_covered(db, p[i].party,
		    err) < 0)
			goto cancel;
	st = seci_db_stmt(db, "UPDATE imports SET voided = ?, void_reason = ? "
	    "WHERE id = ?", err);
	if (st == NULL)
		goto cancel;
	seci_db_bind_text(st, 1, seci_clock_now(now));
	seci_db_bind_text(st, 2, reason);
	sqlite3_bind_int64(st, 3, import_id);
	if (seci_db_exec_stmt(db, st, err) < 0 ||
	    seci_contrib_sync(db, err) < 0)
		goto cancel;
	*voided = n;
	rc = seci_audit_end(db, &c, err);
	goto out;
cancel:
	seci_audit_cancel(&c);
out:
	free(p);
	return rc;
}
