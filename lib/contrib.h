/*
 * contrib.h - Parties and Permanent Observers, assessed contributions,
 * payments, and what follows from them: status, arrears, reminders.
 *
 * Allocation: a Party's payments settle its assessments oldest first
 * (earliest year, then due date), in payment-date order, the rest being a
 * credit that the next assessment takes.  So the first k assessments
 * (a_1..a_k, S_k their sum) have received min(T, S_k) of the T paid, and
 * assessment k has received clamp(T - S_{k-1}, 0, a_k): this is computed,
 * never stored, and never grows with the number of payments.
 *
 * The ledger: assessments debit receivables, payments credit them (an
 * unmatched one credits suspense).  A Party that has paid more than its
 * assessments holds a credit: the balance sheet shows it, as of its date,
 * as contributions received in advance (a liability), and receivables as
 * what the other Parties still owe, Party by Party.
 */
#ifndef SECI_CONTRIB_H
#define SECI_CONTRIB_H

#include <stdint.h>
#include <stdio.h>

#include "date.h"
#include "db.h"
#include "err.h"
#include "import.h"
#include "money.h"
#include "out.h"

#define SECI_PARTY_CODE_MAX 16

/* ---- Parties ---------------------------------------------------------- */

struct seci_party {
	const char *code;	/* 1-16 of A-Z 0-9 _ - */
	const char *name;
	const char *kind;	/* "party" or "observer" */
	const char *const *accounts;	/* bank accounts; spaces dropped */
	size_t naccounts;
	const char *const *aliases;	/* payer names, compared ignoring case */
	size_t naliases;
};

int seci_party_add(struct seci_db *db, const struct seci_party *p,
    struct seci_err *err);
/* code,name,kind,accounts,aliases (several joined by ';') */
int seci_party_list(struct seci_db *db, const struct seci_out_opts *oo,
    struct seci_err *err);
/* CSV code,name,kind and optionally accounts,aliases (';'-separated).  A
 * Party already there with the same name and kind is a duplicate; with
 * another, an error.  Every bad row reported, nothing written on error. */
int seci_party_import(struct seci_db *db, FILE *fp, const char *name,
    struct seci_import_stats *stats, struct seci_err *err);

/* ---- Assessment ------------------------------------------------------- */

struct seci_assess_opts {
	int year;
	int has_total;
	seci_money total;	/* else: adopted budget less other income */
	int by_key;		/* else equal shares */
	FILE *key;		/* CSV party,percent, adding up to 100 */
	const char *key_name;
	seci_money observer_fee;	/* each Observer's, 0 for none */
	char due[6];		/* MM-DD */
};

/*
 * Assess the year's contributions: the total split over the Parties in
 * equal shares or by the key, rounded to the minor unit by the largest
 * remainder (ties by Party code), so that the shares add up to the
 * total; each Observer its fee.  Replaces an earlier assessment of the
 * year unless payments are allocated to it.  Prints party,kind,year,
 * amount,due.
 */
int seci_assess(struct seci_db *db, const struct seci_assess_opts *o,
    const struct seci_out_opts *oo, struct seci_err *err);

/* ---- Status, arrears, reminders ----------------------------------------- */

/* party,name,kind,year,assessed,paid,outstanding,credit,paid_pct,due,
 * days_overdue as of a date (credit: what the Party paid beyond all its
 * assessments, of any year); the table adds totals and the counts of
 * Parties paid in full, part paid and not paid. */
int seci_contrib_status(struct seci_db *db, int year, seci_day as_of,
    const struct seci_out_opts *oo, struct seci_err *err);

/* party,name,not_due,d1_90,d91_180,d181_365,over_365,total_overdue,
 * two_year_rule as of a date.  overdue receives the number of Parties
 * with anything overdue. */
int seci_contrib_arrears(struct seci_db *db, seci_day as_of,
    long rule_years, const struct seci_out_opts *oo, int *overdue,
    struct seci_err *err);

/*
 * One reminder letter per Party with an overdue amount, from template
 * (text with {{org}}, {{date}}, {{party}}, {{name}}, {{currency}},
 * {{total_overdue}}, {{details}}): into outdir as CODE.txt (the paths
 * printed on out), or all on out separated by form feeds when outdir is
 * NULL.  letters receives how many.
 */
int seci_contrib_remind(struct seci_db *db, seci_day as_of,
    const char *template, const char *outdir, FILE *out, int *letters,
    struct seci_err *err);

/* What Parties had paid beyond their assessments on as_of, Party by Party
 * (assessments count from the first day of their year): contributions
 * received in advance. */
int seci_contrib_advances(struct seci_db *db, seci_day as_of,
    seci_money *adv, struct seci_err *err);

/* ---- Payments ----------------------------------------------------------- */

/* A bank-export profile: which columns mean what, and how to read them. */
struct seci_profile;

/* The profile name: "generic" (built in), a file path (with a '/' or
 * ending in .yaml), or NAME.yaml from $XDG_CONFIG_HOME/seci/profiles,
 * /etc/seci/profiles or the shared data's profiles/. */
struct seci_profile *seci_profile_load(const char *name,
    struct seci_err *err);
void seci_profile_free(struct seci_profile *p);

/*
 * Import received payments from a bank export.  The same bank
 * transaction (its id, or a hash of date, amount, currency, account and
 * reference) is never imported twice.  Each is matched to a Party by
 * payer account, then alias, then a Party code standing alone in the
 * reference when exactly one does; otherwise it waits in suspense.
 * Outgoing rows (debits) are skipped.  A file with any bad row is
 * refused whole.  stats: read, added, duplicate, unmatched.
 */
int seci_payment_import(struct seci_db *db, FILE *fp, const char *name,
    const struct seci_profile *profile, struct seci_import_stats *stats,
    unsigned long *skipped, seci_progress_fn *progress, void *progress_arg,
    struct seci_err *err);

struct seci_payment {
	const char *party;
	seci_money amount;	/* in currency's minor units */
	const char *currency;	/* NULL: the base currency */
	const char *rate;	/* NULL: from the rates table */
	seci_day date;
	const char *reference;
};

int seci_payment_add(struct seci_db *db, const struct seci_payment *p,
    int64_t *id, struct seci_err *err);
/* Match a payment in suspense to a Party. */
int seci_payment_match(struct seci_db *db, int64_t id, const char *party,
    struct seci_err *err);

struct seci_payment_filter {
	int year;		/* used when neither from nor to is set */
	const char *party;
	const char *from, *to;
	int suspense_only;
};

/* id,date,party,amount,currency,base_amount,reference,bank_id,status;
 * with suspense_only: id,date,amount,currency,base_amount,account,payer,
 * reference,bank_id. */
int seci_payment_list(struct seci_db *db,
    const struct seci_payment_filter *f, const struct seci_out_opts *oo,
    struct seci_err *err);

/* Exchange rates: one unit of currency is worth rate base units from date
 * on. */
int seci_rate_set(struct seci_db *db, const char *currency,
    const char *rate, seci_day date, struct seci_err *err);
/* currency,date,rate */
int seci_rate_list(struct seci_db *db, const struct seci_out_opts *oo,
    struct seci_err *err);

#endif
