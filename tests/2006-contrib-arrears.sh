#!/bin/sh
# Arrears by age and the two-year rule, --fail-on-arrears, reminders.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
parties AA BB
for y in 2024 2025 2026 2027; do
	seci-contrib -y $y assess --total 20000 >/dev/null  # 10,000.00 each
done
# BB pays 25,000.00 on 2025-06-01: 2024 and 2025 in full, 5,000.00 of
# 2026.  AA pays nothing.
seci-contrib payment add --party BB --amount 25000 --date 2025-06-01 >/dev/null

# As of 2026-05-15 (dues on 31 March): 2024 is 775 days late, 2025 410,
# 2026 45; 2027 is not due.  AA's unpaid years before 2026 (20,000.00)
# reach its 2024 and 2025 assessments (20,000.00): the two-year rule.
run_ok "arrears" seci-contrib --as-of 2026-05-15 -o csv arrears
out_is "buckets" \
"party,name,not_due,d1_90,d91_180,d181_365,over_365,total_overdue,two_year_rule
AA,Party AA,10000.00,10000.00,0.00,0.00,20000.00,30000.00,yes
BB,Party BB,10000.00,5000.00,0.00,0.00,0.00,5000.00,no"
run_ok "as of 2026-08-15: 137 days" seci-contrib --as-of 2026-08-15 -o csv arrears
ok "91-180" grep -q '^AA,Party AA,10000.00,0.00,10000.00,0.00,20000.00,30000.00,yes$' "$T/out"
run_ok "as of 2026-12-31: 275 days" seci-contrib --as-of 2026-12-31 -o csv arrears
ok "181-365" grep -q '^BB,Party BB,10000.00,0.00,0.00,5000.00,0.00,5000.00,no$' "$T/out"
run_fails 1 "--fail-on-arrears with arrears: 1" seci-contrib --as-of 2026-05-15 \
    -o csv arrears --fail-on-arrears
run_ok "before anything was due: 0" seci-contrib --as-of 2024-03-01 -o csv \
    arrears --fail-on-arrears
ok "nothing overdue" grep -q '^AA,Party AA,40000.00,0.00,0.00,0.00,0.00,0.00,no$' "$T/out"

# The rule with three years.
printf 'arrears_rule_years: 3\n' >"$T/c.yaml"
run_ok "arrears_rule_years: 3" seci-contrib -c "$T/c.yaml" --as-of 2026-05-15 \
    -o csv arrears
ok "2023-2025 hold 20,000.00, all unpaid by AA: still yes" \
    grep -q '^AA,.*,yes$' "$T/out"

mkdir "$T/letters"
run_ok "reminders into a folder" seci-contrib --as-of 2026-05-15 remind \
    --outdir "$T/letters"
out_is "one per overdue Party, the paths printed" "$T/letters/AA.txt
$T/letters/BB.txt"
ok "AA's letter names the total" grep -q 'Total overdue: EUR 30,000.00' \
    "$T/letters/AA.txt"
ok "and each overdue year" grep -q '2024  assessed      10,000.00  due 2024-03-31  outstanding      10,000.00  (775 days overdue)' \
    "$T/letters/AA.txt"
run_ok "to stdout" seci-contrib --as-of 2026-05-15 remind
is "two letters, one form feed between" "$(tr -cd '\f' <"$T/out" | wc -c)" 1
printf 'Dear {{name}}: {{currency}} {{total_overdue}} by {{date}}.\n' >"$T/t.txt"
run_ok "a template of one's own" seci-contrib --as-of 2026-05-15 remind \
    --template "$T/t.txt"
tr -d '\f' <"$T/out" >"$T/letters.txt" && mv "$T/letters.txt" "$T/out"
out_is "filled in" "Dear Party AA: EUR 30,000.00 by 2026-05-15.
Dear Party BB: EUR 5,000.00 by 2026-05-15."
printf 'Owes {{total_overdue}} and {{oops\n' >"$T/u.txt"
run_ok "an unterminated {{ is kept as it is" seci-contrib --as-of 2026-05-15 \
    remind --template "$T/u.txt"
ok "once" test "$(grep -c 'and {{oops' "$T/out")" -eq 2 -a \
    "$(grep -c 'and  and' "$T/out")" -eq 0
run_fails 66 "a missing template" seci-contrib remind --template "$T/none"
test_done
