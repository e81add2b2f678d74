#!/bin/sh
# seci-contrib assess: equal shares and percentage keys, rounded by the
# largest remainder so that the shares add up exactly; Observers' fees;
# re-assessment; the ledger.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
parties AL BA BG GR HR HU MD ME MK RO RS SI TR
seci-contrib party add US --name "United States" --kind observer >/dev/null

# 1,000,000.00 over 13: 100000000 / 13 = 7692307 cents and 9 over, so
# the first nine codes pay 76,923.08 and the last four 76,923.07.
run_ok "assess 1,000,000.00 equally" seci-contrib -y 2026 -o csv assess \
    --total 1000000
out_is "nine of 76,923.08, four of 76,923.07, in code order" "party,kind,year,amount,due
AL,party,2026,76923.08,2026-03-31
BA,party,2026,76923.08,2026-03-31
BG,party,2026,76923.08,2026-03-31
GR,party,2026,76923.08,2026-03-31
HR,party,2026,76923.08,2026-03-31
HU,party,2026,76923.08,2026-03-31
MD,party,2026,76923.08,2026-03-31
ME,party,2026,76923.08,2026-03-31
MK,party,2026,76923.08,2026-03-31
RO,party,2026,76923.07,2026-03-31
RS,party,2026,76923.07,2026-03-31
SI,party,2026,76923.07,2026-03-31
TR,party,2026,76923.07,2026-03-31"
is "they add up to 1,000,000.00" \
    "$(tail -n +2 "$T/out" | cut -d, -f4 | tr -d . | awk '{ s += $1 } END { print s }')" \
    100000000
is "receivables" "$(ledger_balance 1100)" 100000000
is "against assessed contributions" "$(ledger_balance 4000)" -100000000

# The default total: the adopted budget less other income, 200,000.00 -
# 10,000.00 = 190,000.00; 19000000 / 13 = 1461538 and 6 over.
adopted_budget 2027
run_ok "assess 2027 from its budget, Observers 5,000.00, due 31 January" \
    seci-contrib -y 2027 -o csv assess --observer-fee 5000 --due 01-31
is "six of 14,615.39" "$(grep -c ',party,2027,14615.39,2027-01-31$' "$T/out")" 6
is "seven of 14,615.38" "$(grep -c ',party,2027,14615.38,2027-01-31$' "$T/out")" 7
ok "the Observer's fee" grep -q '^US,observer,2027,5000.00,2027-01-31$' "$T/out"
is "Parties' revenue 1,190,000.00 in all" "$(ledger_balance 4000)" -119000000
is "Observers' 5,000.00" "$(ledger_balance 4100)" -500000
run_fails 65 "a year without an adopted budget needs --total" \
    seci-contrib -y 2028 assess
err_has "says so" "no adopted budget for 2028; give --total"

# A percentage key; 100 exactly, or nothing.
seq_key() {
	printf 'party,percent\n'
	for c in AL BA BG GR HR HU MD ME MK RO RS SI; do printf '%s,7.692307\n' $c; done
	printf 'TR,%s\n' "$1"
}
# 12 * 7.692307 = 92.307684; TR 7.692316 makes 100.000000.
seq_key 7.692316 >"$T/key.csv"
run_ok "re-assess 2026 by key" seci-contrib -y 2026 -o csv assess \
    --total 1000000 --method key --key "$T/key.csv"
# 100000000 * 7.692307 / 100 = 7692307.0 cents exactly for the twelve;
# TR: 7692316.0.  Nothing left to round.
ok "twelve of 76,923.07" test "$(grep -c ',party,2026,76923.07,' "$T/out")" -eq 12
ok "TR 76,923.16" grep -q '^TR,party,2026,76923.16,' "$T/out"
is "revenue still 1,000,000.00 for 2026 and 190,000.00 for 2027" \
    "$(ledger_balance 4000)" -119000000
seq_key 7.692315 >"$T/key99.csv"
run_fails 65 "a key not adding up to 100" seci-contrib -y 2026 assess \
    --total 1 --method key --key "$T/key99.csv"
err_has "says what it adds up to" "the percentages add up to 99.999999, not exactly 100"
grep -v '^TR' "$T/key.csv" >"$T/short.csv"
run_fails 65 "a Party left out of the key" seci-contrib -y 2026 assess \
    --total 1 --method key --key "$T/short.csv"
err_has "names it" "Party TR has no percentage"
printf 'party,percent\nUS,100\n' >"$T/obs.csv"
run_fails 65 "an Observer in the key" seci-contrib -y 2026 assess --total 1 \
    --method key --key "$T/obs.csv"
run_fails 64 "--key without --method key" seci-contrib -y 2026 assess \
    --key "$T/key.csv"
run_fails 64 "an unknown method" seci-contrib -y 2026 assess --method fair
run_fails 64 "a bad due date" seci-contrib -y 2026 assess --total 1 --due 02-30
run_fails 64 "a negative --total" seci-contrib -y 2026 assess --total -5
err_has "named" "--total: '-5' is negative"
run_fails 64 "a negative --observer-fee" seci-contrib -y 2026 assess \
    --total 5 --observer-fee -1

# Once a payment is allocated to the year, no re-assessment.
run_ok "AL pays 10.00" seci-contrib payment add --party AL --amount 10 \
    --date 2026-02-01
run_fails 65 "re-assessing 2026 is refused" seci-contrib -y 2026 assess \
    --total 1000000
err_has "naming a Party" "payments are allocated to the assessments of 2026 or later (party AL, at least)"
run_fails 65 "nor may an earlier year be assessed, moving AL's payment" \
    seci-contrib -y 2025 assess --total 1000
run_ok "the ledger balances" seci-admin check
test_done
