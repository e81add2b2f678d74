#!/bin/sh
# The journal: every posting as CSV, balanced; the hledger form, read by
# hledger itself with the same account balances.
. "${top_srcdir:-..}/tests/lib.sh"

d=$top_srcdir/share/demo
export SECI_CONFIG="$d/seci.yaml"
init_db
seci-budget load "$d/budget-2026.yaml"
seci-budget -y 2026 adopt --decision JCC/2025/14 --date 2025-12-10
seci-contrib -q party import "$d/parties.csv"
seci-contrib -y 2026 assess >/dev/null
seci-contrib -q payment import "$d/bank-2026.csv"
seci-budget expense add --line 1.1 --amount 95400 --payee Payroll \
    --date 2026-01-25 >/dev/null
seci-budget expense approve 1 >/dev/null
seci-budget expense pay 1 --date 2026-01-26 >/dev/null

run_ok "csv" seci-report ledger
ok "its columns" test "$(head -1 "$T/out")" = "txn,date,memo,source,account,account_name,amount,source_id,party"
# Summed in cents as integers, from the TSV form (memos hold commas).
seci-report -o tsv --no-header ledger >"$T/ledger.tsv"
cents='{ v = $7; sub(/\./, "", v); s += v } END { printf "%d", s }'
is "every row has the nine fields" \
    "$(awk -F '\t' 'NF != 9' "$T/ledger.tsv" | wc -l)" 0
is "postings add up to zero" "$(awk -F '\t' "$cents" "$T/ledger.tsv")" 0
is "the bank's postings add up to its balance" \
    "$(awk -F '\t' "\$5 == \"1000\" $cents" "$T/ledger.tsv")" \
    "$(ledger_balance 1000)"
is "the approval's postings: 95,400.00 each way" \
    "$(awk -F '\t' '$4 == "expense" && $8 == 1 { print $5, $7 }' \
    "$T/ledger.tsv" | sort | tr '\n' ' ')" "2000 -95400.00 5000 95400.00 "

run_ok "hledger form" seci-report -o hledger ledger
cp "$T/out" "$T/j.journal"
ok "a transaction header" grep -q '^2026-01-01 (1) contributions assessed for 2026$' "$T/j.journal"
if command -v hledger >/dev/null; then
	run_ok "hledger reads it" hledger -f "$T/j.journal" balance --flat -N \
	    -O csv
	bad=0
	tail -n +2 "$T/out" | tr -d '"' | while IFS=, read -r acct bal; do
		code=$(echo "$acct" | sed 's/^[a-z]*:\([0-9]*\) .*/\1/')
		cents=$(echo "$bal" | sed 's/ EUR$//; s/\.//')
		[ "$cents" = "$(ledger_balance "$code")" ] || {
			echo "#   $code: hledger $cents, seci $(ledger_balance "$code")"
			echo bad >>"$T/mismatch"
		}
	done
	ok "with the same balance for every account" test ! -e "$T/mismatch"
	is "and every account with a balance" "$(tail -n +2 "$T/out" | wc -l)" \
	    "$("${SQLITE3_SHELL:-sqlite3}" "$SECI_DB" "SELECT count(*) FROM (SELECT account FROM ledger_posting GROUP BY account HAVING sum(amount) <> 0)")"
else
	skip "hledger is not installed"
fi
# The journal is whole whatever --as-of says: an auditor's export leaves
# out nothing dated later (the 2027 assessment, dated 2027-01-01).
seci-contrib -y 2027 assess --total 1000 >/dev/null
run_ok "with an early --as-of" seci-report --as-of 2026-06-30 ledger
ok "the 2027 assessment is there" grep -q '^[0-9]*,2027-01-01,contributions assessed for 2027,' "$T/out"
is "and the January expense" "$(grep -c ',2026-01-26,' "$T/out")" 2
test_done
