#!/bin/sh
# seci-report contributions-status: the JCC's status of contributions,
# worked by hand and checked against arrears.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
parties AA BB
seci-contrib -y 2025 assess --total 20000 >/dev/null   # 10,000.00 each
seci-contrib -y 2026 assess --total 24000 >/dev/null   # 12,000.00 each
for p in "AA 10000 2025-06-01" "AA 5000 2026-02-01" "AA 20000 2026-12-01"; do
	set -- $p
	seci-contrib payment add --party "$1" --amount "$2" --date "$3" >/dev/null
done

# As of 2026-12-31:
#   AA: owed 10,000 - 10,000 = 0.00 on 1 January; 12,000.00 assessed;
#       5,000 + 20,000 = 25,000.00 collected; 0 + 12,000 - 25,000 =
#       -13,000.00 (a credit).
#   BB: 10,000.00 owed on 1 January, 12,000.00 assessed, nothing
#       collected: 22,000.00.  The two-year rule: its unpaid 2025
#       (10,000.00) is at least its assessments of 2024 and 2025
#       (10,000.00): yes.
run_ok "as of the year's end" seci-report -y 2026 --as-of 2026-12-31 -o csv \
    contributions-status
out_is "each Party, worked by hand" \
"party,name,kind,outstanding_1_jan,assessed,collected,outstanding,two_year_rule
AA,Party AA,party,0.00,12000.00,25000.00,-13000.00,no
BB,Party BB,party,10000.00,12000.00,0.00,22000.00,yes"
run_ok "the table" seci-report -y 2026 --as-of 2026-12-31 -o table \
    contributions-status
ok "with totals: 10,000 + 24,000 - 25,000 = 9,000.00; one Party under the rule" \
    grep -Eq '^total +10,000\.00 +24,000\.00 +25,000\.00 +9,000\.00 +1 *$' "$T/out"
# Mid-year: AA has paid 5,000.00 of the year.
run_ok "as of 2026-06-30" seci-report -y 2026 --as-of 2026-06-30 -o csv \
    --no-header contributions-status
out_is "AA 7,000.00 outstanding, BB 22,000.00" \
"AA,Party AA,party,0.00,12000.00,5000.00,7000.00,no
BB,Party BB,party,10000.00,12000.00,0.00,22000.00,yes"
# The second method: BB's outstanding is its total overdue in arrears.
run_ok "arrears" seci-contrib --as-of 2026-06-30 -o csv arrears
is "BB's overdue is its outstanding" \
    "$(awk -F, '$1 == "BB" { print $8 }' "$T/out")" 22000.00
# A date after the year counts to the year's end only.
run_ok "as of 2027-02-01" seci-report -y 2026 --as-of 2027-02-01 -o csv \
    --no-header contributions-status
ok "the same as at 2026-12-31" grep -q '^AA,Party AA,party,0.00,12000.00,25000.00,-13000.00,no$' "$T/out"
run_ok "json" seci-report -y 2026 --as-of 2026-12-31 -o json \
    contributions-status
ok "amounts as strings" grep -q '"outstanding":"-13000.00"' "$T/out"
run_ok "a schedule can make it" seci-report schedule add cs \
    --report contributions-status --every year
test_done
