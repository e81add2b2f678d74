/* assess.c - the year's assessed contributions: equal shares or a key,
 * rounded by the largest remainder, Observers' fees. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "assess.h"
#include "audit.h"
#include "budget.h"
#include "clock.h"
#include "contrib.h"
#include "csv.h"
#include "ledger.h"
#include "party.h"
#include "seci_priv.h"
#include "year.h"

struct key_entry {
	char code[SECI_PARTY_CODE_MAX + 1];
	int64_t micro;		/* percent in millionths */
	unsigned long line;
};

struct key_read {
	struct key_entry *e;
	size_t n;
};

/* A percentage with up to six decimals, in millionths of a percent. */
static int
parse_percent(const char *s, int64_t *out, struct seci_err *err)
{
	seci_money v;

	if (seci_money_parse(s, 6, '.', &v, err) < 0 || v < 0 ||
	    v > 100000000)
		return seci_err_set(err, SECI_EXIT_DATA, "bad percentage '%.40s'",
		    s);
	*out = v;
	return 0;
}

static int
key_row(void *arg, const struct seci_csv_row *row, struct seci_err *err)
{
	struct key_read *k = arg;
	struct seci_err e = SECI_ERR_INIT;
	struct key_entry *n;
	int64_t micro = 0;
	size_t i;

	if (parse_percent(row->val[1], &micro, &e) < 0) {
		seci_err_report(err, SECI_ERROR, "%s:%lu: %s", row->file,
		    row->line, e.msg);
		return 1;
	}
	for (i = 0; i < k->n; i++)
		if (strcmp(k->e[i].code, row->val[0]) == 0) {
			seci_err_report(err, SECI_ERROR, "%s:%lu: party %s "
			    "appears twice", row->file, row->line, row->val[0]);
			return 1;
		}
	if (strlen(row->val[0]) > SECI_PARTY_CODE_MAX ||
	    (n = realloc(k->e, (k->n + 1) * sizeof(*n))) == NULL) {
		seci_err_report(err, SECI_ERROR, "%s:%lu: bad party code",
		    row->file, row->line);
		return 1;
	}
	k->e = n;
	snprintf(k->e[k->n].code, sizeof(k->e[k->n].code), "%s", row->val[0]);
	k->e[k->n].micro = micro;
	k->e[k->n].line = row->line;
	k->n++;
	return 0;
}

struct party_row {
	char code[SECI_PARTY_CODE_MAX + 1];
	int observer;
	int64_t weight;
	seci_money amount, old;
	int has_old;
};

static int
fill_party(sqlite3_stmt *st, void *item)
{
	struct party_row *p = item;

	seci_db_col_text(st, 0, p->code, sizeof(p->code));
	p->observer = sqlite3_column_int(st, 1);
	p->has_old = sqlite3_column_type(st, 2) != SQLITE_NULL;
	p->old = sqlite3_column_int64(st, 2);
	return 0;
}

static int
load_parties(struct seci_db *db, int year, struct party_row **out,
    size_t *n, struct seci_err *err)
{
	sqlite3_stmt *st;

	*out = NULL;
	*n = 0;
	st = seci_db_stmt(db, "SELECT p.code, p.kind = 'observer', a.amount "
	    "FROM party p LEFT JOIN assessment a ON a.party = p.code AND "
	    "a.year = ? ORDER BY p.code", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	return seci_db_rows(db, st, sizeof(**out), fill_party, out, n, "party",
	    err);
}

/* A year before the books opened: what Parties owed of it came with the
 * opening balances, and is no assessment to make again. */
static int
check_opening(struct seci_db *db, int year, struct seci_err *err)
{
	sqlite3_stmt *st;
	char *first = NULL;
	int rc = 0;

	st = seci_db_stmt(db, "SELECT min(date) FROM ledger_txn WHERE source = "
	    "'opening'", err);
	if (st == NULL || seci_db_one_text(db, st, &first, err) < 0)
		return -1;
	if (first != NULL && year < atoi(first))
		rc = seci_err_set(err, SECI_EXIT_DATA, "%d is before the opening "
		    "balances of %s: what Parties owed of it came with them",
		    year, first);
	free(first);
	return rc;
}

/* Refuse to re-assess a year that payments are allocated to: some Party
 * paid more than its assessments before the year's. */
static int
check_unallocated(struct seci_db *db, int year, struct seci_err *err)
{
	sqlite3_stmt *st;
	const char *party = NULL;
	int rc;

	st = seci_db_stmt(db, "SELECT a.party FROM assessment a JOIN (SELECT "
	    "party, sum(amount) AS paid FROM (SELECT party, amount FROM payment "
	    "WHERE party IS NOT NULL AND voided IS NULL UNION ALL SELECT party, "
	    "-amount FROM refund) GROUP BY party) s ON s.party = a.party WHERE "
	    "a.year >= ?1 AND "
	    "a.amount > 0 AND s.paid > (SELECT coalesce(sum(amount), 0) FROM "
	    "assessment b WHERE b.party = a.party AND (b.year < a.year OR "
	    "(b.year = a.year AND b.id < a.id))) ORDER BY a.party LIMIT 1", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		party = (const char *)sqlite3_column_text(st, 0);
	if (party)
		seci_err_set(err, SECI_EXIT_DATA, "payments are allocated to "
		    "the assessments of %d or later (party %s, at least); "
		    "assessing %d again would move them", year, party, year);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return seci_db_fail(db, rc, "assess", err);
	return rc == SQLITE_ROW ? -1 : 0;
}

static int
budget_total(struct seci_db *db, int year, seci_money *total,
    struct seci_err *err)
{
	enum seci_budget_status s;
	sqlite3_stmt *st;

	if (seci_budget_status(db, year, &s, err) < 0)
		return -1;
	if (s != SECI_BUDGET_ADOPTED && s != SECI_BUDGET_CLOSED)
		return seci_err_set(err, SECI_EXIT_DATA, "no adopted budget for "
		    "%d; give --total", year);
	st = seci_db_stmt(db, "SELECT (SELECT coalesce(sum(initial), 0) FROM "
	    "budget_line WHERE year = ?1) - (SELECT coalesce(sum(amount), 0) "
	    "FROM budget_income WHERE year = ?1)", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, year);
	if (seci_db_one_int(db, st, total, err) < 0)
		return -1;
	if (*total < 0)
		return seci_err_set(err, SECI_EXIT_DATA, "the %d budget's other "
		    "income exceeds its appropriations", year);
	return 0;
}

static int
apply_key(struct party_row *p, size_t n, const struct seci_assess_opts *o,
    struct seci_err *err)
{
	struct seci_csv_col cols[] = { { "party", 1, 0 }, { "percent", 1, 0 } };
	struct seci_csv_opts co = { .cols = cols, .ncols = 2,
	    .warn_unknown = 1 };
	struct key_read k = { NULL, 0 };
	int64_t sum = 0;
	size_t i, j;
	unsigned bad = 0;
	char pct[32];

	if (seci_csv_read(o->key, o->key_name, &co, key_row, &k, NULL,
	    err) < 0) {
		free(k.e);
		return -1;
	}
	for (j = 0; j < k.n; j++) {
		for (i = 0; i < n; i++)
			if (strcmp(p[i].code, k.e[j].code) == 0)
				break;
		if (i == n || p[i].observer) {
			seci_err_report(err, SECI_ERROR, "%s:%lu: %s is not a "
			    "Party", o->key_name, k.e[j].line, k.e[j].code);
			bad++;
			continue;
		}
		p[i].weight = k.e[j].micro;
		sum += k.e[j].micro;
	}
	for (i = 0; i < n; i++) {
		if (p[i].observer)
			continue;
		for (j = 0; j < k.n; j++)
			if (strcmp(p[i].code, k.e[j].code) == 0)
				break;
		if (j == k.n) {
			seci_err_report(err, SECI_ERROR, "%s: Party %s has no "
			    "percentage", o->key_name, p[i].code);
			bad++;
		}
	}
	free(k.e);
	if (bad)
		return seci_err_set(err, SECI_EXIT_DATA, "%s: %u problem%s; "
		    "nothing assessed", o->key_name, bad, bad == 1 ? "" : "s");
	if (sum != 100000000) {
		seci_money_format(sum, 6, 0, pct);
		return seci_err_set(err, SECI_EXIT_DATA, "%s: the percentages "
		    "add up to %s, not exactly 100", o->key_name, pct);
	}
	return 0;
}

/* Each Party's share of total and each Observer's fee, into p[].amount. */
static int
shares(struct party_row *p, size_t n, seci_money total,
    const struct seci_assess_opts *o, seci_money fee, struct seci_err *err)
{
	seci_money *sh = NULL;
	int64_t *weights = NULL;
	size_t i, np = 0;
	int rc = -1;

	for (i = 0; i < n; i++)
		if (!p[i].observer) {
			p[i].weight = 1;
			np++;
		}
	if (np == 0)
		return seci_err_set(err, SECI_EXIT_DATA, "no Parties to assess "
		    "(add them with 'seci-contrib party add')");
	if (o->by_key && apply_key(p, n, o, err) < 0)
		return -1;
	/* The Parties' shares, in code order (ties go to the lower code). */
	weights = calloc(np, sizeof(*weights));
	sh = calloc(np, sizeof(*sh));
	if (weights == NULL || sh == NULL) {
		seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
		goto out;
	}
	for (i = 0, np = 0; i < n; i++)
		if (!p[i].observer)
			weights[np++] = p[i].weight;
	if (seci_money_split(total, weights, np, sh, err) < 0)
		goto out;
	for (i = 0, np = 0; i < n; i++)
		p[i].amount = p[i].observer ? fee : sh[np++];
	rc = 0;
out:
	free(weights);
	free(sh);
	return rc;
}

/* Write one Party's assessment (replacing an earlier one), audited. */
static int
write_one(struct seci_db *db, const struct party_row *p, int year,
    const char *due, const char *method, const char *now,
    struct seci_err *err)
{
	struct seci_audit_change c;
	sqlite3_stmt *st;
	char key[40];

	snprintf(key, sizeof(key), "%s/%d", p->code, year);
	if (seci_audit_begin(db, &c, "assessment", "party/year", key, err) < 0)
		return -1;
	st = seci_db_stmt(db, "INSERT INTO assessment (party, year, amount, "
	    "due, method, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT "
	    "(party, year) DO UPDATE SET amount = ?3, due = ?4, method = ?5, "
	    "created = ?6", err);
	if (st == NULL) {
		seci_audit_cancel(&c);
		return -1;
	}
	seci_db_bind_text(st, 1, p->code);
	sqlite3_bind_int(st, 2, year);
	sqlite3_bind_int64(st, 3, p->amount);
	seci_db_bind_text(st, 4, due);
	seci_db_bind_text(st, 5, method);
	seci_db_bind_text(st, 6, now);
	if (seci_db_exec_stmt(db, st, err) < 0) {
		seci_audit_cancel(&c);
		return -1;
	}
	return seci_audit_end(db, &c, err);
}

/*
 * Write the assessments and post what changed, on the first day of the
 * year: each Party's receivable against revenue.  Then the advances
 * follow (a credit the new assessment takes).
 */
static int
write_all(struct seci_db *db, const struct seci_assess_opts *o,
    const struct party_row *p, size_t n, const char *due,
    struct seci_err *err)
{
	struct seci_ledger_ref ref = { "assessment", 0, 0 };
	struct seci_posting post;
	seci_money rev[2] = { 0, 0 }, diff;
	char now[SECI_TIME_BUFSZ], memo[64];
	struct seci_txn txn;
	size_t i;

	txn.id = 0;
	seci_clock_now(now);
	snprintf(memo, sizeof(memo), "contributions assessed for %d", o->year);
	memset(&post, 0, sizeof(post));
	for (i = 0; i < n; i++) {
		if (!p[i].has_old && p[i].amount == 0)
			continue;
		if (write_one(db, &p[i], o->year, due, p[i].observer ?
		    "observer fee" : o->by_key ? "key" : "equal", now, err) < 0)
			return -1;
		if ((diff = p[i].amount - (p[i].has_old ? p[i].old : 0)) == 0)
			continue;
		if (txn.id == 0 && seci_ledger_open(db, seci_date_from_ymd(
		    o->year, 1, 1), memo, &ref, &txn, err) < 0)
			return -1;
		rev[p[i].observer] += diff;
		post.account = SECI_ACC_RECEIVABLE;
		post.amount = diff;
		post.party = p[i].code;
		if (seci_ledger_add(db, &txn, &post, err) < 0)
			return -1;
	}
	if (txn.id == 0)
		return 0;
	post.party = NULL;
	post.account = SECI_ACC_CONTRIBUTIONS;
	post.amount = -rev[0];
	if (seci_ledger_add(db, &txn, &post, err) < 0)
		return -1;
	post.account = SECI_ACC_OBSERVER_FEES;
	post.amount = -rev[1];
	if (seci_ledger_add(db, &txn, &post, err) < 0 ||
	    seci_ledger_close(db, &txn, err) < 0)
		return -1;
	return seci_contrib_sync(db, err);
}

static int
print_all(const struct seci_assess_opts *o, const struct party_row *p,
    size_t n, const char *due, const struct seci_out_opts *oo,
    struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "party", SECI_COL_TEXT, 0 }, { "kind", SECI_COL_TEXT, 0 },
		{ "year", SECI_COL_INT, 0 }, { "amount", SECI_COL_MONEY, 0 },
		{ "due", SECI_COL_TEXT, 0 },
	};
	struct seci_out *out;
	struct seci_cell c[5];
	seci_money total = 0;
	size_t i;

	if ((out = seci_out_begin(oo, cols, 5, err)) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		if (!p[i].has_old && p[i].amount == 0)
			continue;
		total += p[i].amount;
		c[0] = seci_cell_text(p[i].code);
		c[1] = seci_cell_text(p[i].observer ? "observer" : "party");
		c[2] = seci_cell_int(o->year);
		c[3] = seci_cell_int(p[i].amount);
		c[4] = seci_cell_text(due);
		if (seci_out_row(out, c, err) < 0) {
			seci_out_abort(out);
			return -1;
		}
	}
	c[0] = seci_cell_text("total");
	c[1] = seci_cell_text("");
	c[2] = seci_cell_int(o->year);
	c[3] = seci_cell_int(total);
	c[4] = seci_cell_text("");
	if (seci_out_total(out, c, err) < 0) {
		seci_out_abort(out);
		return -1;
	}
	return seci_out_end(out, err);
}

int
seci_assess(struct seci_db *db, const struct seci_assess_opts *o,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	struct party_row *p = NULL;
	char due[SECI_DATE_BUFSZ], mmdd[16];
	seci_money total = o->total, fee = o->observer_fee;
	seci_day dueday;
	size_t n;
	int rc = -1;

	if (strlen(o->due) != 5)
		return seci_err_set(err, SECI_EXIT_USAGE, "--due: '%s' is not "
		    "MM-DD", o->due);
	snprintf(mmdd, sizeof(mmdd), "%04d-%.5s", o->year, o->due);
	if (seci_date_parse(mmdd, NULL, &dueday, err) < 0)
		return seci_err_prefix(err, SECI_EXIT_USAGE, "due date");
	seci_date_format(dueday, due);
	if (!o->has_fee && seci_money_parse_lenient(o->default_fee,
	    db->decimals, &fee, err) < 0)
		return seci_err_prefix(err, SECI_EXIT_CONFIG, "observer_fee");
	if (seci_year_writable(db, o->year, err) < 0 ||
	    check_opening(db, o->year, err) < 0 ||
	    check_unallocated(db, o->year, err) < 0)
		return -1;
	if (!o->has_total && budget_total(db, o->year, &total, err) < 0)
		return -1;
	if (total < 0 || fee < 0)
		return seci_err_set(err, SECI_EXIT_DATA, "amounts to assess "
		    "cannot be negative");
	if (load_parties(db, o->year, &p, &n, err) == 0 &&
	    shares(p, n, total, o, fee, err) == 0 &&
	    write_all(db, o, p, n, due, err) == 0)
		rc = print_all(o, p, n, due, oo, err);
	free(p);
	return rc;
}
