/* rate.c - exchange rates and conversion to the base currency. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "rate.h"
#include "seci_priv.h"

/* A rate: a positive decimal with up to 10 decimals, in 1e-10 units;
 * digits and one decimal mark only (no thousands separators: "1,085" is
 * a mistake, never 1085). */
int
seci_rate_parse(const char *s, char mark, int64_t *out, struct seci_err *err)
{
	seci_money v;
	const char *p;

	for (p = s ? s : ""; *p; p++)
		if (!(*p >= '0' && *p <= '9') && *p != mark)
			break;
	if (s == NULL || *p || seci_decimal_parse(s, 10, mark, &v, err) < 0 ||
	    v <= 0)
		return seci_err_set(err, SECI_EXIT_DATA, "bad exchange rate "
		    "'%.40s': digits and one '%c' only", s ? s : "", mark);
	*out = v;
	return 0;
}

/* amount (currency minor units, from decimals) times rate (1e-10) in base
 * minor units (to decimals), rounded half away from zero. */
int
seci_rate_convert(seci_money amount, int from, int64_t rate, int to,
    seci_money *out, struct seci_err *err)
{
	__int128 num = (__int128)amount * rate, den = 10000000000LL;
	int i;

	for (i = from; i < to; i++)
		num *= 10;
	for (i = to; i < from; i++)
		den *= 10;
	num = (num + den / 2) / den;
	if (num >= SECI_MONEY_MAX || num <= -SECI_MONEY_MAX)
		return seci_err_set(err, SECI_EXIT_DATA, "amount too large "
		    "once converted (10^15 minor units or more)");
	*out = (seci_money)num;
	return 0;
}

int
seci_rate_lookup(struct seci_db *db, const char *currency, seci_day date,
    int64_t *rate, char *text, size_t size, struct seci_err *err)
{
	char day[SECI_DATE_BUFSZ];
	sqlite3_stmt *st;
	int rc;

	st = seci_db_stmt(db, "SELECT rate FROM rate WHERE currency = ? AND "
	    "date <= ? ORDER BY date DESC LIMIT 1", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, currency);
	seci_db_bind_text(st, 2, seci_date_format(date, day));
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		snprintf(text, size, "%s", (const char *)sqlite3_column_text(st,
		    0));
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return seci_err_set(err, SECI_EXIT_DATA, "no %s rate on or "
		    "before %s (add one with 'seci-contrib rate set')",
		    currency, day);
	if (rc != SQLITE_ROW)
		return seci_db_fail(db, rc, "rate", err);
	return seci_rate_parse(text, '.', rate, err);
}

int
seci_rate_set(struct seci_db *db, const char *currency, const char *rate,
    seci_day date, struct seci_err *err)
{
	struct seci_audit_change c;
	char day[SECI_DATE_BUFSZ], key[32];
	sqlite3_stmt *st;
	int64_t r;

	if (seci_currency_decimals(currency) < 0)
		return seci_err_set(err, SECI_EXIT_USAGE, "bad currency '%s'",
		    currency);
	if (strcmp(currency, db->currency) == 0)
		return seci_err_set(err, SECI_EXIT_USAGE, "%s is the base "
		    "currency", currency);
	if (seci_rate_parse(rate, '.', &r, err) < 0)
		return -1;
	seci_date_format(date, day);
	snprintf(key, sizeof(key), "%s/%s", currency, day);
	if (seci_audit_begin(db, &c, "rate", "currency/date", key, err) < 0)
		return -1;
	st = seci_db_stmt(db, "INSERT INTO rate (currency, date, rate) VALUES "
	    "(?1, ?2, ?3) ON CONFLICT DO UPDATE SET rate = ?3", err);
	if (st == NULL) {
		seci_audit_cancel(&c);
		return -1;
	}
	seci_db_bind_text(st, 1, currency);
	seci_db_bind_text(st, 2, day);
	seci_db_bind_text(st, 3, rate);
	if (seci_db_exec_stmt(db, st, err) < 0) {
		seci_audit_cancel(&c);
		return -1;
	}
	return seci_audit_end(db, &c, err);
}

int
seci_rate_list(struct seci_db *db, const struct seci_out_opts *oo,
    struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "currency", SECI_COL_TEXT, 0 }, { "date", SECI_COL_TEXT, 0 },
		{ "rate", SECI_COL_TEXT, 0 },
	};
	sqlite3_stmt *st;

	st = seci_db_stmt(db, "SELECT currency, date, rate FROM rate ORDER BY "
	    "currency, date", err);
	if (st == NULL)
		return -1;
	return seci_db_print(db, st, cols, 3, oo, err);
}
