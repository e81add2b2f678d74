#!/bin/sh
# Year end: a commitment carried to the next year brings the same amount
# of appropriation with it (carried_in), so the lapse is counted once and
# the next year's availability is not reduced by the carry.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
budget() {	# YEAR AMOUNT-OF-5.1
	cat >"$T/b$1.yaml" <<YAML
year: $1
currency: EUR
chapters:
  - code: "5"
    name: Operations
    lines:
      - {code: "5.1", name: Travel, kind: operational, amount: "$2"}
YAML
	seci-budget load "$T/b$1.yaml"
	seci-budget -y "$1" --as-of "$(($1 - 1))-12-01" adopt \
	    --decision "JCC/$1"
}
budget 2027 30000.00
budget 2028 25000.00
seci-budget commit --line 5.1 --amount 9000 --payee "Air travel" \
    --ref PO-7 --date 2027-10-01 >/dev/null
seci-budget expense add --line 5.1 --amount 8200 --payee Hotel \
    --date 2027-06-01 >/dev/null
seci-budget expense approve 1 >/dev/null

run_ok "2028 before the close" seci-budget -y 2028 --as-of 2028-01-05 -o csv show
is "5.1: 25,000.00 available, nothing carried in" "$(sed -n 2p "$T/out")" \
    "5,5.1,Travel,operational,25000.00,0.00,0.00,0.00,25000.00,0.00,0.00,25000.00,0.0,0.00,adopted"
# 2027 line 5.1: 30,000.00 - 8,200.00 spent - 9,000.00 carried = 12,800.00.
run_ok "close 2027" seci-budget -y 2027 --as-of 2028-01-02 -o csv close
out_is "12,800.00 lapses, 9,000.00 carried" "line,name,revised,spent,carried,lapsed
5.1,Travel,30000.00,8200.00,9000.00,12800.00"
# 2028 line 5.1: 25,000.00 + 9,000.00 carried in = 34,000.00 revised;
# 9,000.00 committed; available 34,000.00 - 9,000.00 = 25,000.00, as
# before the carry.
run_ok "2028 after the close" seci-budget -y 2028 --as-of 2028-01-05 -o csv show
is "5.1: the commitment and its appropriation, availability unchanged" \
    "$(sed -n 2p "$T/out")" \
    "5,5.1,Travel,operational,25000.00,0.00,0.00,0.00,34000.00,9000.00,0.00,25000.00,0.0,9000.00,adopted"
# Spending the carried commitment in 2028: 4,000.00 of it; 5,000.00 still
# committed; available still 25,000.00; executed 4,000 / 34,000 = 11.8%.
seci-budget --as-of 2028-02-10 expense add --line 5.1 --amount 4000 \
    --payee "Air travel" --date 2028-02-10 --commitment PO-7 >/dev/null
seci-budget --as-of 2028-02-10 expense approve 2 >/dev/null
run_ok "show" seci-budget -y 2028 --as-of 2028-03-01 -o csv show
is "the carried commitment consumed, not the new year's money" \
    "$(sed -n 2p "$T/out")" \
    "5,5.1,Travel,operational,25000.00,0.00,0.00,0.00,34000.00,5000.00,4000.00,25000.00,11.8,9000.00,adopted"
# The close moved 2027's result (a deficit: 8,200.00 spent, nothing
# earned) from 3100 to the accumulated surplus (3000); 2028's own
# 4,000.00 is in 3100; beside each, 2027's end.
run_ok "balance sheet" seci-report --as-of 2028-03-01 -o csv balance-sheet
ok "3000: 2027's deficit, then and now" \
    grep -q '^net_assets,3000,Accumulated surplus,-8200.00,-8200.00$' "$T/out"
ok "3100: 2028's deficit; nothing left at 2027's end" \
    grep -q '^net_assets,3100,Surplus or deficit to date,-4000.00,0.00$' "$T/out"
run_ok "performance" seci-report -y 2028 --as-of 2028-03-01 -o csv performance
ok "2028 beside 2027" grep -q '^result,surplus,Surplus (deficit) for the period,-4000.00,-8200.00$' "$T/out"
run_ok "2027's performance after its close" seci-report -y 2027 \
    --as-of 2028-03-01 -o csv performance
ok "still its own expenses: the close moved only 3100" \
    grep -q '^expenses,5100,Operating expenses,8200.00,0.00$' "$T/out"
run_ok "the journal" seci-report -o hledger ledger
cp "$T/out" "$T/j.journal"
hledger_agrees "$T/j.journal" 2027-12-31 2028-03-01
run_ok "execution report" seci-report -y 2028 --as-of 2028-03-01 -o csv execution
is "the same, month_spent then carried_in" "$(sed -n 2p "$T/out")" \
    "5,5.1,Travel,operational,25000.00,0.00,0.00,0.00,34000.00,5000.00,4000.00,25000.00,11.8,0.00,9000.00,adopted"
run_ok "the table's grand total" seci-budget -y 2028 --as-of 2028-03-01 -o table show
ok "carries the carried_in" grep -Eq "Grand total .* 9,000\.00 *$" "$T/out"
# Closing 2028 counts the carried appropriation once: 34,000.00 revised,
# 4,000.00 spent, PO-7's 5,000.00 carried on, 25,000.00 lapses.
budget 2029 1000.00
run_ok "close 2028" seci-budget -y 2028 --as-of 2029-01-02 -o csv close
out_is "the lapse of 2028" "line,name,revised,spent,carried,lapsed
5.1,Travel,34000.00,4000.00,5000.00,25000.00"
run_ok "check" seci-admin check
# commit list without --as-of: the year's commitments as they stand now,
# though dated after today (the test's clock is real: 2028 is ahead).
run_ok "commit list of 2028, no --as-of" seci-budget -y 2028 -o csv commit list
out_is "PO-7 carried in, then carried on" \
"id,year,line,ref,payee,date,amount,consumed,remaining,status
2,2028,5.1,PO-7,Air travel,2028-01-01,9000.00,4000.00,0.00,carried"
run_ok "with --as-of before it" seci-budget -y 2028 --as-of 2027-12-31 -o csv \
    --no-header commit list
is "none made by then" "$(cat "$T/out")" ""
# A carried commitment closed before it is all spent: what it did not
# take lapses with it; carried_in keeps what it took.  2029's line 5.1
# took PO-7's 5,000.00; 1,200.00 is spent, then it is closed.
seci-budget --as-of 2029-02-01 expense add --line 5.1 --amount 1200 \
    --payee "Air travel" --date 2029-02-01 --commitment PO-7 >/dev/null
seci-budget --as-of 2029-02-02 expense approve 3 >/dev/null
run_ok "commit close" seci-budget --as-of 2029-03-01 commit close PO-7
run_ok "show" seci-budget -y 2029 --as-of 2029-03-01 -o csv show
is "1,000.00 + 1,200.00 carried in; available back to the adopted 1,000.00" \
    "$(sed -n 2p "$T/out")" \
    "5,5.1,Travel,operational,1000.00,0.00,0.00,0.00,2200.00,0.00,1200.00,1000.00,54.5,1200.00,adopted"
test_done
