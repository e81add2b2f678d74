#!/bin/sh
# A Party's statement of account: brought forward, the assessment, each
# payment with the assessments it settled (oldest first), the balance;
# and the same statement in the reminder letter.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
parties AA BB
seci-contrib -y 2025 assess --total 20000 >/dev/null   # 10,000.00 each
seci-contrib -y 2026 assess --total 24000 >/dev/null   # 12,000.00 each
seci-contrib payment add --party AA --amount 4000 --date 2025-06-01 >/dev/null
seci-contrib payment add --party AA --amount 8000 --date 2026-02-01 \
    --ref "part 3 of 2026" >/dev/null
seci-contrib payment add --party AA --amount 15000 --date 2026-05-01 >/dev/null
seci-contrib payment add --party BB --amount 3000 --date 2026-02-01 \
    --ref "part 3 of 2026" >/dev/null

# AA in 2026, by hand: 10,000 - 4,000 = 6,000.00 brought forward;
# + 12,000.00 assessed = 18,000.00; payment 2 (8,000.00) settles what is
# left of 2025 (6,000.00) first, then 2,000.00 of 2026: 10,000.00;
# payment 3 (15,000.00) the rest of 2026 (10,000.00), 5,000.00 credit.
run_ok "AA's statement" seci-contrib -y 2026 --as-of 2026-12-31 -o csv \
    statement AA
out_is "every entry, allocation and balance" \
"date,entry,reference,debit,credit,balance,allocated_to
2026-01-01,balance brought forward,,,,6000.00,
2026-01-01,assessment 2026,,12000.00,,18000.00,
2026-02-01,payment 2,part 3 of 2026,,8000.00,10000.00,2025 6000.00; 2026 2000.00
2026-05-01,payment 3,,,15000.00,-5000.00,2026 10000.00; credit 5000.00
2026-12-31,balance: credit,,,,-5000.00,"
run_ok "status" seci-contrib -y 2026 --as-of 2026-12-31 -o csv status
is "the same credit as status" "$(awk -F, '$1 == "AA" { print $8 }' "$T/out")" \
    5000.00
run_ok "AA's 2025" seci-contrib -y 2025 --as-of 2026-12-31 -o csv \
    --no-header statement AA
out_is "the year's payments only; 2025 ends owing 6,000.00" \
"2025-01-01,balance brought forward,,,,0.00,
2025-01-01,assessment 2025,,10000.00,,10000.00,
2025-06-01,payment 1,,,4000.00,6000.00,2025 4000.00
2025-12-31,balance due,,,,6000.00,"
run_ok "mid-year" seci-contrib -y 2026 --as-of 2026-03-01 -o csv \
    --no-header statement AA
ok "stops at --as-of" sh -c "tail -1 '$T/out' | grep -qx '2026-03-01,balance due,,,,10000.00,'"
run_fails 65 "an unknown Party" seci-contrib statement ZZ
err_has "named" "no party 'ZZ'"
run_fails 64 "needs the Party" seci-contrib statement

# BB's letter shows why "part 3 of 2026" settled 2025 first.
run_ok "reminders" seci-contrib --as-of 2026-06-30 remind
ok "BB's letter" grep -q "^To: Party BB (BB)" "$T/out"
ok "with its statement: the payment settled 2025" \
    grep -Eq '^2026-02-01 +payment 4 +part 3 of 2026 +3,000\.00 +19,000\.00 +2025 3000\.00' "$T/out"
ok "and the balance due" grep -Eq '^2026-06-30 +balance due +19,000\.00' "$T/out"
test_done
