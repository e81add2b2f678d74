/* journal.c - the general journal, as CSV or as an hledger journal. */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "admin.h"
#include "journal.h"
#include "seci_priv.h"

/* Each posting traced to what it posts: its own row (a payment of the
 * day's receipts), else its transaction's; and the Party, on receivables
 * and advances. */
static const char journal_sql[] = "SELECT t.id, t.date, t.memo, t.source, "
    "p.account, a.name, p.amount, coalesce(p.source_id, t.source_id), "
    "nullif(p.party, ''), a.type FROM ledger_txn t JOIN ledger_posting p "
    "ON p.txn_id = t.id JOIN accounts a ON a.code = p.account WHERE "
    "t.closed = 1 ORDER BY t.date, t.id, p.seq";

static const char *
hledger_top(const char *type)
{
	if (strcmp(type, "asset") == 0)
		return "assets";
	if (strcmp(type, "liability") == 0)
		return "liabilities";
	if (strcmp(type, "net_assets") == 0)
		return "equity";
	if (strcmp(type, "revenue") == 0)
		return "revenues";
	return "expenses";
}

/* Text that hledger reads as it is: no ';' (a comment), no ':' in an
 * account name, no two blanks in a row. */
static void
hledger_text(FILE *fp, const char *s, int account)
{
	for (; *s; s++) {
		if (*s == ';' || *s == '\n' || *s == '\t' || (account &&
		    *s == ':'))
			putc(*s == ';' ? ',' : ' ', fp);
		else if (*s == ' ' && s[1] == ' ')
			continue;
		else
			putc(*s, fp);
	}
}

int
seci_journal_export(struct seci_db *db, int hledger,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "txn", SECI_COL_INT, 0 }, { "date", SECI_COL_TEXT, 0 },
		{ "memo", SECI_COL_TEXT, 0 }, { "source", SECI_COL_TEXT, 0 },
		{ "account", SECI_COL_TEXT, 0 }, { "account_name", SECI_COL_TEXT, 0 },
		{ "amount", SECI_COL_MONEY, 0 }, { "source_id", SECI_COL_INT, 0 },
		{ "party", SECI_COL_TEXT, 0 },
	};
	sqlite3_stmt *st;
	char buf[SECI_MONEY_BUFSZ], org[256];
	FILE *fp = oo->fp ? oo->fp : stdout;
	int64_t last = -1, id;
	int rc;

	if ((st = seci_db_stmt(db, journal_sql, err)) == NULL)
		return -1;
	if (!hledger)
		return seci_db_print(db, st, cols, 9, oo, err);
	if (seci_admin_org(db, org, sizeof(org), err) < 0)
		return -1;
	fputs("; general journal of ", fp);
	hledger_text(fp, org, 0);
	fprintf(fp, ", amounts in %s\n\n", db->currency);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		if (id != last) {
			if (last >= 0)
				putc('\n', fp);
			fprintf(fp, "%s (%lld) ", (const char *)
			    sqlite3_column_text(st, 1), (long long)id);
			hledger_text(fp, (const char *)sqlite3_column_text(st,
			    2), 0);
			putc('\n', fp);
			last = id;
		}
		fprintf(fp, "    %s:%s ", hledger_top((const char *)
		    sqlite3_column_text(st, 9)), (const char *)
		    sqlite3_column_text(st, 4));
		hledger_text(fp, (const char *)sqlite3_column_text(st, 5), 1);
		fprintf(fp, "  %s %s", seci_money_format(
		    sqlite3_column_int64(st, 6), db->decimals, 0, buf),
		    db->currency);
		/* hledger tags: what it posts, and whose. */
		if (sqlite3_column_type(st, 7) != SQLITE_NULL)
			fprintf(fp, "  ; %s:%lld", (const char *)
			    sqlite3_column_text(st, 3), (long long)
			    sqlite3_column_int64(st, 7));
		if (sqlite3_column_type(st, 8) != SQLITE_NULL)
			fprintf(fp, "%s party:%s", sqlite3_column_type(st, 7) !=
			    SQLITE_NULL ? "," : "  ;", (const char *)
			    sqlite3_column_text(st, 8));
		putc('\n', fp);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return seci_db_fail(db, rc, "ledger", err);
	if (fflush(fp) != 0 || ferror(fp))
		return seci_err_set(err, SECI_EXIT_IOERR, "write error: %s",
		    strerror(errno ? errno : EIO));
	return 0;
}
