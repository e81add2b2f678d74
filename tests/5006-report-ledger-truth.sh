#!/bin/sh
# The ledger is the truth: every figure of the balance sheet is a ledger
# balance, so hledger's balances of the journal export as of a date equal
# the balance sheet as of that date, account by account, with advances,
# suspense, a foreign currency, payments imported out of date order and
# a back-dated one; each payment's posting names the payment.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
adopted_budget 2026
parties AA BB CC
seci-contrib party add OB --name Observer --kind observer >/dev/null
# 2026: 300,000.00 in equal shares, 100,000.00 each; the Observer none.
seci-contrib -y 2026 assess --total 300000 >/dev/null
seci-contrib rate set USD 0.9 --date 2026-01-01
# Out of date order: AA pays 60,000.00 on 05-10 and 50,000.00 on 02-01
# (110,000.00: 10,000.00 in advance from 05-10); BB 30,000.00 on 03-15;
# 8,000.00 USD (7,200.00 EUR) from someone unknown on 04-01, in suspense.
cat >"$T/bank.csv" <<'CSV'
date,amount,currency,account,payer,reference,bank_id
2026-05-10,60000.00,EUR,,,AA second,T2
2026-03-15,30000.00,EUR,,,BB 2026,T3
2026-04-01,8000.00,USD,,Unknown,misc,T4
2026-02-01,50000.00,EUR,,,AA first,T1
CSV
seci-contrib -q payment import "$T/bank.csv"
# The Observer pays 5,000.00 with nothing assessed: all in advance.
seci-contrib payment add --party OB --amount 5000 --date 2026-06-01 >/dev/null
# A back-dated payment by hand: CC, 100,000.00 on 2026-01-20 (in full).
seci-contrib payment add --party CC --amount 100000 --date 2026-01-20 >/dev/null
# The suspense item turns out to be BB's, on its own date.
seci-contrib payment match 3 --party BB
# An expense approved and paid.
seci-budget expense add --line A2 --amount 2500 --payee Hotel \
    --date 2026-03-02 >/dev/null
seci-budget expense approve 1 >/dev/null
seci-budget expense pay 1 --date 2026-03-10 >/dev/null
# 2027 assessed in 2026 (dated 2027-01-01): AA's 10,000.00 goes to it.
seci-contrib -y 2027 assess --total 30000 >/dev/null

run_ok "check passes" seci-admin check
run_ok "the journal" seci-report -o hledger ledger
cp "$T/out" "$T/j.journal"
seci-report -o csv ledger >"$T/ledger.csv"

# The balance sheet as of D, by hand (in cents, liabilities positive):
#   2026-03-31: bank 50,000 + 100,000 + 30,000 - 2,500 = 177,500.00;
#     receivable AA 50,000 + BB 70,000 + CC 0 = 120,000.00; no advance.
#   2026-06-30: bank 177,500 + 60,000 + 7,200 + 5,000 = 249,700.00;
#     receivable BB 70,000 - 7,200 = 62,800.00; advance AA 10,000 + OB
#     5,000 = 15,000.00; suspense 0 (matched on its own date).
#   2027-01-01: AA's 10,000.00 taken by its 2027 assessment of 10,000.00;
#     receivables BB 62,800 + 10,000 + CC 10,000 = 82,800.00; advance
#     OB's 5,000.00.
want() {
	case "$1" in
	2026-03-31) echo "1000 17750000 1100 12000000 2100 0 2200 0" ;;
	2026-06-30) echo "1000 24970000 1100 6280000 2100 1500000 2200 0" ;;
	2027-01-01) echo "1000 24970000 1100 8280000 2100 500000 2200 0" ;;
	esac
}
for d in 2026-03-31 2026-06-30 2027-01-01; do
	seci-report --as-of "$d" -o csv balance-sheet >"$T/bs"
	set -- $(want "$d")
	while [ $# -gt 0 ]; do
		is "$d: balance sheet $1 (by hand)" "$(bs_cents "$1")" "$2"
		shift 2
	done
done

hledger_agrees "$T/j.journal" 2026-01-20 2026-03-31 2026-04-01 2026-05-10 \
    2026-06-30 2026-12-31 2027-01-01

# Each payment's postings name it: on receivables and suspense they net
# to its amount, credited (a match moves it from 2200 to 1100, so 2200
# nets to zero), and no posting names a payment that does not exist.
seci-report -o tsv --no-header ledger >"$T/ledger.tsv"
seci-contrib -o tsv --no-header payment list >"$T/payments.tsv"
is "each payment's postings net to its amount, credited" \
    "$(awk -F '\t' 'FNR == NR { want[$1] = $6; next }
	$4 == "payment" && ($5 == "1100" || $5 == "2200") && $8 != "" {
		v = $7; sub(/\./, "", v); got[$8] += v }
	END {
		for (id in want) { w = want[id]; sub(/\./, "", w)
			if (got[id] + w != 0) print "payment " id ": " got[id] }
		for (id in got) if (!(id in want)) print "no payment " id
	}' "$T/payments.tsv" "$T/ledger.tsv")" ""
is "six payments" "$(wc -l <"$T/payments.tsv")" 6
run_ok "payment 3's postings" sh -c "grep ',3,' '$T/ledger.csv' | grep ',payment,' "
ok "into suspense, then out to BB" sh -c "grep -q ',2200,[^,]*,-7200.00,3,' '$T/ledger.csv' &&
    grep -q ',2200,[^,]*,7200.00,3,' '$T/ledger.csv' &&
    grep -q ',1100,[^,]*,-7200.00,3,BB' '$T/ledger.csv'"
ok "the expense's postings name it" sh -c "grep -c ',expense,.*,1,\$\\|,payment-out,.*,1,\$' '$T/ledger.csv' | grep -qx 4"
# One definition of a Party's credit: status's credit column sums to the
# balance sheet's contributions received in advance.
seci-contrib -y 2026 --as-of 2026-06-30 -o csv status >"$T/st"
is "status credits = received in advance (2026-06-30)" \
    "$(awk -F, 'NR > 1 { s = $8; gsub(/\./, "", s); t += s } END { print t + 0 }' "$T/st")" 1500000
is "AA's credit 10,000.00" "$(grep '^AA,' "$T/st" | cut -d, -f8)" 10000.00
# Behind seci's back, as the sqlite3 shell would: a posting added to a
# closed transaction, which nothing stops, is found by check.
sq() { "${SQLITE3_SHELL:-sqlite3}" "$SECI_DB" "$1"; }
cp "$SECI_DB" "$T/clean.db"
sq "INSERT INTO ledger_posting (txn_id, seq, account, party, amount) VALUES
    ((SELECT min(txn_id) FROM ledger_posting WHERE party = 'AA'), 999,
    '1100', 'AA', 100)"
run_fails 1 "check finds a posting added to a closed transaction" \
    seci-admin -o csv check
ok "as ledger problems: unbalanced, and the balances by day disagree" \
    sh -c "grep -q '^ledger,problem,transaction [0-9]* does not balance' \
    '$T/out' && grep -q 'balance of 1100 (AA) on 2026-' '$T/out'"
cp "$T/clean.db" "$SECI_DB"
# An assessment changed behind seci's back: the Party's position no
# longer matches what the ledger holds for it.
sq "UPDATE assessment SET amount = amount + 100 WHERE party = 'CC' AND
    year = 2027"
run_fails 1 "check finds a position the ledger does not hold" \
    seci-admin -o csv check
ok "as a receivables problem naming the Party" \
    grep -q '^receivables,problem,"\?party CC: the ledger holds 10000.00, its assessments less its payments are 10001.00' "$T/out"
cp "$T/clean.db" "$SECI_DB"
sq "INSERT INTO ledger_posting (txn_id, seq, account, party, amount) VALUES
    (99999, 1, '1000', '', 5)"
run_fails 1 "a posting of no transaction" seci-admin -o csv check
ok "found" grep -q '^ledger,problem,posting 99999/1 belongs to no transaction' "$T/out"
cp "$T/clean.db" "$SECI_DB"
# Postings no real ledger holds: their sum overflows 64 bits.
sq "INSERT INTO ledger_posting (txn_id, seq, account, party, amount) VALUES
    (1, 900, '1000', '', 9223372036854775807),
    (1, 901, '1000', '', 9223372036854775807)"
run_fails 1 "sums past 64 bits" seci-admin -o csv check
ok "said as such, not as an internal error" \
    grep -q '^ledger,problem,postings add up beyond 64 bits' "$T/out"
cp "$T/clean.db" "$SECI_DB"
run_ok "the copy is clean" seci-admin check
test_done
