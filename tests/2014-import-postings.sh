#!/bin/sh
# An import's postings: one per payment, in its day's transaction, to its
# Party's receivable or to suspense, traced by source_id; the bank takes
# each day's total.  Hundreds of payments a day in random date order wait
# in a scratch file in $TMPDIR (256 to a block): the figures are worked
# out here from the file with awk, not read back from seci.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
seci-contrib party add GR --name Greece --kind party \
    --account GR-ACC-1 >/dev/null
seci-contrib party add RO --name Romania --kind party \
    --account RO-ACC-2 >/dev/null
seci-contrib -y 2026 assess --total 10000 >/dev/null

# 2,100 payments over three days, shuffled: row i pays i.NN on day
# 10 + i % 3, from GR, RO or (every 7th) an unknown account.
awk 'BEGIN {
	srand(7)
	for (i = 1; i <= 2100; i++) {
		acct = i % 7 == 0 ? "XX-" i : i % 2 ? "GR-ACC-1" : "RO-ACC-2"
		printf "%.6f,2026-03-%02d,%d.%02d,EUR,%s,,ref %d,B%04d\n",
		    rand(), 10 + i % 3, i, i % 100, acct, i, i
	}
}' | sort -t, -k1,1 | cut -d, -f2- >"$T/rows"
{ echo date,amount,currency,account,payer,reference,bank_id; cat "$T/rows"; } \
    >"$T/bank.csv"
mkdir "$T/tmp"
TMPDIR=$T/tmp run_ok "2,100 payments" seci-contrib payment import "$T/bank.csv"
err_has "all new, 300 to suspense" "2100 new, 0 duplicate, 300 unmatched"
is "no scratch file left behind" "$(ls -A "$T/tmp" | wc -l)" 0

# The file's own figures, in cents, by day and by kind.
cents() {	# AWK-CONDITION: the sum of matching rows' amounts in cents
	awk -F, "$1 { v = \$2; sub(/\\./, \"\", v); s += v } END { printf \"%d\", s }" \
	    "$T/rows"
}
q() { "${SQLITE3_SHELL:-sqlite3}" "$SECI_DB" "$1"; }

is "a posting for each payment" \
    "$(q "SELECT count(*) FROM ledger_posting WHERE source_id IS NOT NULL
    AND account IN ('1100', '2200')")" 2100
is "each of its payment, with its amount, Party and account" \
    "$(q "SELECT count(*) FROM ledger_posting l JOIN payment p ON p.id =
    l.source_id WHERE l.seq = p.id AND l.amount = -p.amount AND l.party =
    coalesce(p.party, '') AND l.account = CASE WHEN p.party IS NULL THEN
    '2200' ELSE '1100' END")" 2100
is "in its day's transaction" \
    "$(q "SELECT count(*) FROM ledger_posting l JOIN payment p ON p.id =
    l.source_id JOIN ledger_txn t ON t.id = l.txn_id WHERE t.date =
    p.date")" 2100
for day in 10 11 12; do
	is "2026-03-$day: the bank takes the day's total" \
	    "$(q "SELECT l.amount FROM ledger_posting l JOIN ledger_txn t ON
	    t.id = l.txn_id WHERE t.date = '2026-03-$day' AND l.account =
	    '1000'")" "$(cents "\$1 == \"2026-03-$day\"")"
	is "2026-03-$day: its postings, one per payment and the bank's" \
	    "$(q "SELECT count(*) FROM ledger_posting l JOIN ledger_txn t ON
	    t.id = l.txn_id WHERE t.date = '2026-03-$day' AND t.source =
	    'payment'")" \
	    "$(awk -F, -v d="2026-03-$day" '$1 == d { n++ } END { print n + 1 }' \
	    "$T/rows")"
done
is "the days' transactions in date order" \
    "$(q "SELECT group_concat(date, ' ') FROM (SELECT date FROM ledger_txn
    WHERE source = 'payment' ORDER BY id)")" \
    "2026-03-10 2026-03-11 2026-03-12"
is "GR's receivable credited with its payments" \
    "$(q "SELECT -sum(amount) FROM ledger_posting WHERE account = '1100'
    AND party = 'GR' AND source_id IS NOT NULL")" \
    "$(cents '$4 == "GR-ACC-1"')"
is "suspense with the unknown accounts'" "$(ledger_balance 2200)" \
    "-$(cents '$4 ~ /^XX-/')"
run_ok "check" seci-admin check
ok "finds the ledger sound" grep -q '^ledger[ ,]*ok' "$T/out"

# No scratch file to be had: the import fails whole.
seci-contrib -q party add BG --name Bulgaria --kind party \
    --account BG-ACC-3 >/dev/null
sed 's/GR-ACC-1/BG-ACC-3/; s/,B\([0-9]*\)$/,C\1/' "$T/bank.csv" >"$T/bg.csv"
TMPDIR=$T/none run_fails 73 "no folder for the scratch file" \
    seci-contrib payment import "$T/bg.csv"
err_has "says where" "cannot make a scratch file in '$T/none'"
is "nothing written" "$(q "SELECT count(*) FROM payment")" 2100
test_done
