/*
 * profile.h - bank-export profiles: which columns of a bank's export mean
 * what (date, amount or credit and debit, currency, payer account and
 * name, reference, the bank's transaction id, a rate), the date format,
 * decimal mark, sign convention, delimiter and lines to skip, and whether
 * a Party code in the reference may match (not at all, or never these
 * words).
 */
#ifndef SECI_PROFILE_H
#define SECI_PROFILE_H

#include "err.h"

enum seci_profile_col { SECI_P_DATE, SECI_P_VALUE_DATE, SECI_P_AMOUNT,
    SECI_P_CREDIT, SECI_P_DEBIT, SECI_P_CURRENCY, SECI_P_ACCOUNT,
    SECI_P_PAYER, SECI_P_REFERENCE, SECI_P_BANK_ID, SECI_P_RATE,
    SECI_P_NCOLS };

/* The columns of an expense import. */
#define SECI_P_NXCOLS 7
extern const char *const seci_profile_expense_keys[SECI_P_NXCOLS];

struct seci_profile {
	char *name;
	unsigned char delim;
	unsigned skip;		/* lines before the header */
	char *date_format;	/* NULL: ISO */
	char decimal;
	int negate;		/* incoming amounts are negative in the file */
	int all_required;	/* every named column must be there */
	char *col[SECI_P_NCOLS];	/* header names, NULL when absent */
	unsigned pos[SECI_P_NCOLS];	/* or 1-based column numbers */
	char *encoding;		/* the file's, for iconv; NULL: UTF-8 */
	char *stop_at;		/* a footer row begins with this */
	unsigned skip_footer;	/* rows at the end that are no data */
	char **ignore;		/* columns not warned about */
	size_t nignore;
	/* For expense import: expense_columns, by the keys of
	 * SECI_PROFILE_EXPENSE_KEYS (NULL: the key itself). */
	char *xcol[SECI_P_NXCOLS];
	unsigned xpos[SECI_P_NXCOLS];
	int no_code_match;	/* match_code: false */
	char **stopwords;	/* code_stopwords: words never a Party code */
	size_t nstopwords;
};

/* The profile name: "generic" (built in: the columns date,amount and
 * optionally currency,account,payer,reference,bank_id,value_date,rate), a
 * file path (with a '/' or ending in .yaml), or NAME.yaml from
 * $XDG_CONFIG_HOME/seci/profiles, /etc/seci/profiles or the shared data's
 * profiles/.  A bad profile is SECI_EXIT_CONFIG with file:line. */
struct seci_profile *seci_profile_load(const char *name,
    struct seci_err *err);
void seci_profile_free(struct seci_profile *p);

/* A profile for an expense import: like seci_profile_load(), but the
 * payment columns are optional. */
struct seci_profile *seci_profile_load_expense(const char *name,
    struct seci_err *err);

#endif
