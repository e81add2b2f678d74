#!/bin/sh
# Allocation and status: oldest assessment first, the rest a credit that
# the next assessment takes; reproducible with --as-of.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
parties AA BB
seci-contrib -y 2025 assess --total 80000 >/dev/null     # 40,000.00 each
seci-contrib -y 2026 assess --total 200000 >/dev/null    # 100,000.00 each
seci-contrib payment add --party AA --amount 60000 --date 2026-04-10 >/dev/null

# AA owes 40,000.00 for 2025 and 100,000.00 for 2026 and pays 60,000.00:
# 2025 is settled, 80,000.00 of 2026 is outstanding.  As of 2026-06-30,
# 91 days after the 2026-03-31 due date (30 + 31 + 30).
run_ok "2026 status" seci-contrib -y 2026 --as-of 2026-06-30 -o csv status
out_is "AA: 20,000.00 paid, 80,000.00 outstanding, 91 days overdue" \
"party,name,kind,year,assessed,paid,outstanding,credit,paid_pct,due,days_overdue
AA,Party AA,party,2026,100000.00,20000.00,80000.00,0.00,20.0,2026-03-31,91
BB,Party BB,party,2026,100000.00,0.00,100000.00,0.00,0.0,2026-03-31,91"
run_ok "2025 status" seci-contrib -y 2025 --as-of 2026-06-30 -o csv status
# BB's 2025: 2025-03-31 to 2026-06-30 is 365 + 91 = 456 days.
out_is "AA settled 2025; BB 456 days overdue" \
"party,name,kind,year,assessed,paid,outstanding,credit,paid_pct,due,days_overdue
AA,Party AA,party,2025,40000.00,40000.00,0.00,0.00,100.0,2025-03-31,0
BB,Party BB,party,2025,40000.00,0.00,40000.00,0.00,0.0,2025-03-31,456"
run_ok "as of the day before the payment" seci-contrib -y 2025 \
    --as-of 2026-04-09 -o csv status
ok "AA had paid nothing" grep -q '^AA,Party AA,party,2025,40000.00,0.00,40000.00,' "$T/out"

# BB pays 250,000.00: 40,000.00 + 100,000.00 due, 110,000.00 credit; the
# 2027 assessment of 100,000.00 takes it, leaving 10,000.00.
seci-contrib payment add --party BB --amount 250000 --date 2026-05-01 >/dev/null
run_ok "status after" seci-contrib -y 2026 --as-of 2026-06-30 -o csv status
ok "BB paid 2026 in full, 110,000.00 credit" \
    grep -q '^BB,Party BB,party,2026,100000.00,100000.00,0.00,110000.00,100.0,2026-03-31,0$' "$T/out"
run_ok "table totals" seci-contrib -y 2026 --as-of 2026-06-30 -o table status
ok "counts" grep -q '1 paid in full, 1 part paid, 0 not paid' "$T/out"
seci-contrib -y 2027 assess --total 200000 >/dev/null
run_ok "2027 status" seci-contrib -y 2027 --as-of 2027-01-02 -o csv status
ok "BB's 2027 paid from its credit, 10,000.00 left" \
    grep -q '^BB,Party BB,party,2027,100000.00,100000.00,0.00,10000.00,100.0,' "$T/out"
ok "AA's 2027 unpaid, not yet due" \
    grep -q '^AA,Party AA,party,2027,100000.00,0.00,100000.00,0.00,0.0,2027-03-31,0$' "$T/out"

# The ledger: 480,000.00 assessed less 310,000.00 paid = 170,000.00 net,
# Party by Party: AA owes 240,000.00 - 60,000.00 = 180,000.00 (1100); BB
# has paid 10,000.00 more than assessed: received in advance (2100).
is "receivables: what AA owes" "$(ledger_balance 1100)" 18000000
is "BB's credit, received in advance" "$(ledger_balance 2100)" -1000000
is "bank" "$(ledger_balance 1000)" 31000000
run_ok "balance sheet" seci-report --as-of 2027-01-02 -o csv balance-sheet
ok "receivables: AA's 180,000.00" \
    grep -q '^assets,1100,Contributions receivable,180000.00,' "$T/out"
ok "BB's 10,000.00 received in advance" \
    grep -q '^liabilities,2100,Contributions received in advance,10000.00,' "$T/out"
cp "$T/out" "$T/bs2027"
run_ok "balance sheet at 2026's end" seci-report --as-of 2026-12-31 -o csv \
    balance-sheet
is "the comparative column is 2026's end, account by account" \
    "$(tail -n +2 "$T/bs2027" | cut -d, -f1,2,5 | grep -v ',0.00$')" \
    "$(tail -n +2 "$T/out" | cut -d, -f1,2,4 | grep -v ',0.00$')"
is "revenue" "$(ledger_balance 4000)" -48000000
run_ok "check" seci-admin check
test_done
