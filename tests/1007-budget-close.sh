#!/bin/sh
# Year-end close: refused while expenses are proposed; commitments carry
# to next year's line of the same code; the rest lapses; the year is
# read-only afterwards.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
adopted_budget 2026
seci-budget commit --line A2 --amount 8000 --payee Hotel --ref PO-1 \
    --date 2026-03-01 >/dev/null
seci-budget expense add --line A2 --amount 3000 --payee Hotel \
    --date 2026-05-10 --commitment PO-1 >/dev/null
seci-budget expense add --line A1 --amount 90000 --payee Staff \
    --date 2026-12-20 >/dev/null
seci-budget expense approve 1 >/dev/null
seci-budget expense add --line B1 --amount 100 --payee x \
    --date 2026-12-21 >/dev/null

run_fails 65 "not before the year ends" seci-budget -y 2026 \
    --as-of 2026-12-30 close
run_fails 65 "not while expenses are proposed" seci-budget -y 2026 \
    --as-of 2027-01-05 close
err_has "says how many" "2 expenses of 2026 are still proposed"
seci-budget expense approve 2 >/dev/null
seci-budget expense reject 3 --reason "wrong year" >/dev/null
run_fails 65 "not without next year's line for the commitment" \
    seci-budget -y 2026 --as-of 2027-01-05 close
err_has "names it" "commitment PO-1 on line A2 cannot carry over: no line A2 in the 2027 budget"
ok "nothing changed: still adopted" sh -c \
    "seci-budget -y 2026 expense add --line A2 --amount 1 --payee x --date 2026-12-31 >/dev/null"
seci-budget expense reject 4 --reason test >/dev/null

small_budget 2027
seci-budget load "$T/budget-2027.yaml"
# A bank-style export across the year end, imported before the close.
printf 'date,line,payee,amount,description,reference\n2026-12-28,A1,Staff,10.00,December,YE-1\n2027-01-02,A1,Staff,20.00,January,YE-2\n' \
    >"$T/yearend.csv"
seci-budget -q expense import "$T/yearend.csv"
seci-budget expense approve 5 >/dev/null
# Worked by hand: A1 100,000.00 revised, 90,000.00 + 10.00 (the December
# row of the year-end export) spent, 9,990.00 lapses.  A2: 50,000.00, 3,000.00 spent, PO-1 still holds 5,000.00,
# which carries to 2027, so 42,000.00 lapses.  B1, B2: all lapses.
# And a bank export across it, imported before the close.
seci-contrib party add BB --name Bee --kind party >/dev/null
printf 'date,amount,reference,bank_id
2026-12-20,1000.00,BB,T1
' >"$T/bank-ye.csv"
seci-contrib -q payment import "$T/bank-ye.csv"
run_ok "close 2026" seci-budget -y 2026 --as-of 2027-01-05 -o csv close
out_is "the lapsed appropriations" "line,name,revised,spent,carried,lapsed
A1,Salaries,100000.00,90010.00,0.00,9990.00
A2,Meetings,50000.00,3000.00,5000.00,42000.00
B1,Rent,20000.00,0.00,0.00,20000.00
B2,Equipment,30000.00,0.00,0.00,30000.00"
run_ok "2027's commitments" seci-budget -y 2027 --as-of 2027-01-05 -o csv \
    commit list
out_is "PO-1 carried with what it still held" \
"id,year,line,ref,payee,date,amount,consumed,remaining,status
2,2027,A2,PO-1,Hotel,2027-01-01,5000.00,0.00,5000.00,open"
run_ok "2026's" seci-budget -y 2026 --as-of 2027-01-05 -o csv commit list
ok "marked carried" grep -q '^1,2026,A2,PO-1,Hotel,2026-03-01,8000.00,3000.00,0.00,carried$' "$T/out"

# Read-only now.
run_fails 65 "no expense in 2026" seci-budget expense add --line A2 \
    --amount 1 --payee x --date 2026-12-31
err_has "says the year is closed" "budget year 2026 is closed; it can no longer change"
run_fails 65 "no transfer" seci-budget -y 2026 transfer --from A1 --to A2 \
    --amount 1 --reason x --decision y
run_fails 65 "no supplement" seci-budget -y 2026 supplement --line A1 \
    --amount 1 --decision y
run_fails 65 "no reload" seci-budget load "$T/budget-2026.yaml"
run_fails 65 "no second close" seci-budget -y 2026 --as-of 2027-01-06 close
printf 'date,line,payee,amount,description\n2026-12-30,A1,x,1.00,late\n' \
    >"$T/late.csv"
run_fails 65 "no import into 2026" seci-budget expense import "$T/late.csv"
err_has "per row" "late.csv:2: budget year 2026 is closed"
run_ok "paying 2026's payable in 2027 is a 2027 event" \
    seci-budget expense pay 1 --date 2027-01-10
run_fails 65 "but not dated in 2026" seci-budget expense pay 2 \
    --date 2026-12-31
run_fails 65 "nothing dated in an earlier year either" seci-budget asset add \
    --tag OLD --desc x --acquired 2025-06-15 --cost 1200 --life-years 2
err_has "says why" "budget year 2026 is closed, and 2025 before it can no longer change"
run_fails 65 "no payment dated in it" sh -c \
    "seci-contrib party add AA --name A --kind party >/dev/null && seci-contrib payment add --party AA --amount 1 --date 2026-06-01"
printf 'date,line,payee,amount,description\n2026-12-30,A1,x,1.00,late\n2027-01-03,A2,y,2.00,early\n' \
    >"$T/span.csv"
run_fails 65 "the year-end file, with a new 2026 row: refused" \
    seci-budget expense import "$T/span.csv"
run_ok "the export across the year end, imported again after the close" \
    seci-budget expense import "$T/yearend.csv"
err_has "is all duplicates" "0 new, 2 duplicate"
run_ok "show still works for 2026" seci-budget -y 2026 -o csv show \
    --as-of 2026-12-31
run_ok "and 2027 is open" seci-budget expense add --line A2 --amount 1 \
    --payee x --date 2027-01-11
# In the closed year, a known reference with other data is no duplicate
# either: YE-1 was 10.00 to Staff on A1.
printf 'date,line,payee,amount,description,reference\n2026-12-28,A2,Other,9999.00,December,YE-1\n' \
    >"$T/ye-other.csv"
run_fails 65 "YE-1 with other data in the closed year" \
    seci-budget expense import "$T/ye-other.csv"
err_has "named" "ye-other.csv:2: reference 'YE-1' is expense 5 already (line A1, 2026-12-28, Staff, 10.00)"
run_ok "the bank export again after the close" \
    seci-contrib payment import "$T/bank-ye.csv"
err_has "a duplicate" "0 new, 1 duplicate, 0 unmatched"
printf 'date,amount,reference,bank_id\n2026-05-20,99999.00,BB,T1\n' >"$T/bank-t1.csv"
run_fails 65 "T1 with other data in the closed year" \
    seci-contrib payment import "$T/bank-t1.csv"
err_has "named" "bank-t1.csv:2: bank id 'T1' is payment 1 already, of 2026-12-20 1000.00 EUR"
test_done
