#!/bin/sh
# seci-budget transfer, supplement, commit and show: the Director's 10%
# authority, the JCC-decision path, and every derived column of show,
# checked against figures worked by hand.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
seci-admin user add fin --role finance >/dev/null
small_budget 2026
seci-budget load "$T/budget-2026.yaml"
export SECI_ASOF=2026-06-30
run_fails 65 "no transfer on a draft" seci-budget -y 2026 --as-of 2026-03-01 \
    transfer --from A2 --to B1 --amount 1 --reason x
err_has "says why" "the 2026 budget is not adopted"
seci-budget -y 2026 adopt --decision JCC/2025/7 --date 2025-12-10

# A2's initial appropriation is 50,000.00: the Director may move 10% of
# it, 5,000.00, in the year without a JCC decision.
run_ok "exactly 10% without a decision" seci-budget -y 2026 --as-of 2026-03-01 \
    transfer --from A2 --to B1 --amount 4000 --reason "rent rise"
out_is "prints the new ID" "1"
run_ok "cumulatively: 1,000.00 more reaches 5,000.00" \
    seci-budget -y 2026 --as-of 2026-03-02 transfer --from A2 --to B1 \
    --amount 1000.00 --reason "rent rise"
run_fails 65 "one cent more needs a decision" \
    seci-budget -y 2026 --as-of 2026-03-03 transfer --from A2 --to B1 \
    --amount 0.01 --reason "rent rise"
err_has "explains the limit" \
    "would reach 5,000.01, above the Director's limit of 5,000.00 (10% of 50,000.00); give --decision"
run_ok "with a JCC decision it passes" \
    seci-budget -y 2026 --as-of 2026-03-03 transfer --from A2 --to B1 \
    --amount 0.01 --reason "rent rise" --decision JCC/2026/3
run_fails 77 "finance may not use the Director's authority" \
    env SECI_USER=fin seci-budget -y 2026 --as-of 2026-03-04 transfer \
    --from B2 --to B1 --amount 1 --reason x
run_ok "but may record a JCC decision" \
    env SECI_USER=fin seci-budget -y 2026 --as-of 2026-03-04 transfer \
    --from B2 --to B1 --amount 1000 --reason x --decision JCC/2026/4
run_fails 65 "never more than available" \
    seci-budget -y 2026 --as-of 2026-03-05 transfer --from B2 --to A1 \
    --amount 29000.01 --reason x --decision JCC/2026/5
err_has "names the line and what is available" \
    "line B2 has 29,000.00 available; a transfer of 29,000.01 is refused"
run_fails 65 "not to the same line" seci-budget -y 2026 transfer --from A1 \
    --to A1 --amount 1 --reason x
run_fails 65 "not an unknown line" seci-budget -y 2026 transfer --from A1 \
    --to Z9 --amount 1 --reason x
err_has "named" "no budget line 'Z9' in 2026"
run_fails 64 "--reason is required" seci-budget -y 2026 transfer --from A1 \
    --to B1 --amount 1
run_fails 64 "a bad amount" seci-budget -y 2026 transfer --from A1 \
    --to B1 --amount 1.005 --reason x
run_fails 65 "a negative amount" seci-budget -y 2026 transfer --from A1 \
    --to B1 --amount -5 --reason x

run_ok "a supplementary appropriation" seci-budget -y 2026 \
    --as-of 2026-04-01 supplement --line B2 --amount 10000 \
    --decision JCC/2026/6
run_fails 64 "supplement needs a decision" seci-budget -y 2026 supplement \
    --line B2 --amount 1

run_ok "commit 8,000.00 on A2" seci-budget commit --line A2 --amount 8000 \
    --payee "Hotel" --ref PO-1 --date 2026-04-02
run_fails 65 "the same commitment reference twice" seci-budget commit \
    --line A2 --amount 1 --payee x --ref PO-1 --date 2026-04-03
# B1 then has 20,000.00 + 5,000.01 + 1,000.00 = 26,000.01 available.
run_fails 65 "a commitment beyond what is available" seci-budget commit \
    --line B1 --amount 26000.02 --payee x --ref PO-2 --date 2026-04-03
id1=$(seci-budget expense add --line A2 --amount 3000 --payee Hotel \
    --date 2026-05-10 --commitment PO-1)
id2=$(seci-budget expense add --line A2 --amount 2000 --payee Caterer \
    --date 2026-05-11)
id3=$(seci-budget expense add --line A1 --amount 4000 --payee Staff \
    --date 2026-05-12)
run_ok "approve them" seci-budget --as-of 2026-05-31 expense approve \
    "$id1" "$id2"
# id3 stays proposed: proposed expenses are not spent.

# Worked by hand, as of 2026-06-30:
# A1: 100,000.00, nothing moved, proposed only: spent 0.
# A2: 50,000.00 - 4,000.00 - 1,000.00 - 0.01 = 44,999.99 revised;
#     committed 8,000.00 - 3,000.00 consumed = 5,000.00;
#     spent 3,000.00 + 2,000.00 = 5,000.00;
#     available 44,999.99 - 5,000.00 - 5,000.00 = 34,999.99;
#     executed 5,000.00 / 44,999.99 = 11.11% -> 11.1
# B1: 20,000.00 + 5,000.01 + 1,000.00 = 26,000.01 revised and available.
# B2: 30,000.00 - 1,000.00 + 10,000.00 = 39,000.00.
run_ok "show" seci-budget -y 2026 --as-of 2026-06-30 -o csv show
out_is "every column as worked by hand" \
"chapter,line,name,kind,initial,transfers_in,transfers_out,supplementary,revised,committed,spent,available,executed_pct,carried_in,budget_status
A,A1,Salaries,staff,100000.00,0.00,0.00,0.00,100000.00,0.00,0.00,100000.00,0.0,0.00,adopted
A,A2,Meetings,operational,50000.00,0.00,5000.01,0.00,44999.99,5000.00,5000.00,34999.99,11.1,0.00,adopted
B,B1,Rent,operational,20000.00,6000.01,0.00,0.00,26000.01,0.00,0.00,26000.01,0.0,0.00,adopted
B,B2,Equipment,capital,30000.00,0.00,1000.00,10000.00,39000.00,0.00,0.00,39000.00,0.0,0.00,adopted"

# Totals (table only): chapter A revised 144,999.99, spent 5,000.00,
# available 134,999.99; grand total revised 210,000.00 (200,000.00 +
# 10,000.00 supplementary), committed 5,000.00, available 200,000.00.
run_ok "table" seci-budget -y 2026 --as-of 2026-06-30 -o table show
ok "chapter A subtotal" grep -Eq \
    "Staff and operations total +150,000.00 +0.00 +5,000.01 +0.00 +144,999.99 +5,000.00 +5,000.00 +134,999.99 +3.4" \
    "$T/out"
ok "grand total" grep -Eq \
    "Grand total +200,000.00 +6,000.01 +6,000.01 +10,000.00 +210,000.00 +5,000.00 +5,000.00 +200,000.00 +2.4" \
    "$T/out"
run_ok "json" seci-budget -y 2026 --as-of 2026-06-30 -o json show
ok "amounts as strings, percent as a number" \
    grep -q '"line":"A2",.*"revised":"44999.99",.*"executed_pct":11.1' "$T/out"

# As of an earlier date, later movements do not count: on 2026-03-02
# only the first two transfers (5,000.00) had happened.
run_ok "show as of 2026-03-02" seci-budget -y 2026 --as-of 2026-03-02 -o csv show
ok "A2 revised 45,000.00" grep -q '^A,A2,Meetings,operational,50000.00,0.00,5000.00,0.00,45000.00,0.00,0.00,45000.00,0.0,0.00,adopted$' "$T/out"

# A commitment dated later in the year counts against a transfer made now.
run_fails 65 "B1's 26,000.01 less a September commitment of 26,000.00 leaves 0.01" \
    sh -c "seci-budget commit --line B1 --amount 26000 --payee P --ref PO-9 --date 2026-09-01 >/dev/null && seci-budget -y 2026 --as-of 2026-06-01 transfer --from B1 --to A1 --amount 0.02 --reason x --decision J"
err_has "refused" "line B1 has 0.01 available"
run_ok "close the commitment" seci-budget --as-of 2026-07-01 commit close PO-1
run_ok "show as of the day before" seci-budget -y 2026 --as-of 2026-06-30 -o csv show
ok "PO-1 still committed then" grep -q '^A,A2,.*,44999.99,5000.00,5000.00,34999.99,11.1,0.00,adopted$' "$T/out"
run_ok "show after" seci-budget -y 2026 --as-of 2026-07-01 -o csv show
ok "A2 committed back to 0, available 39,999.99" \
    grep -q '^A,A2,.*,44999.99,0.00,5000.00,39999.99,11.1,0.00,adopted$' "$T/out"
run_fails 65 "closing it twice" seci-budget commit close PO-1
run_ok "commit list" seci-budget -y 2026 --as-of 2026-12-31 -o csv commit list
out_is "consumed and closed" "id,year,line,ref,payee,date,amount,consumed,remaining,status
1,2026,A2,PO-1,Hotel,2026-04-02,8000.00,3000.00,0.00,closed
2,2026,B1,PO-9,P,2026-09-01,26000.00,0.00,26000.00,open"
run_ok "the ledger balances" seci-admin -o csv check
test_done
