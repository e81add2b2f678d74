#!/bin/sh
# Identical rows in one file without a bank id or reference are as many
# transactions (two equal instalments on one day); the same file again
# adds none of them, and a later file with one more adds that one.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
adopted_budget 2026
seci-contrib party add GR --name Greece --kind party \
    --account GR-ACC-9 >/dev/null
seci-contrib -y 2026 assess --total 10000 >/dev/null

cat >"$T/twice.csv" <<'CSV'
date,amount,currency,account,payer,reference
2026-03-02,1000.00,EUR,GR-ACC-9,,instalment GR
2026-03-02,1000.00,EUR,GR-ACC-9,,instalment GR
CSV
run_ok "two identical payments" seci-contrib payment import "$T/twice.csv"
err_has "are two" "2 new, 0 duplicate, 0 unmatched"
is "2,000.00 in the bank" "$(ledger_balance 1000)" 200000
run_ok "the file again" seci-contrib payment import "$T/twice.csv"
err_has "adds neither" "0 new, 2 duplicate, 0 unmatched"
{ cat "$T/twice.csv"; tail -n 1 "$T/twice.csv"; } >"$T/thrice.csv"
run_ok "an export with a third" seci-contrib payment import "$T/thrice.csv"
err_has "adds the third only" "1 new, 2 duplicate, 0 unmatched"
is "3,000.00 in all" "$(ledger_balance 1000)" 300000
run_ok "status" seci-contrib -y 2026 --as-of 2026-12-31 -o csv --no-header \
    status
ok "GR has paid 3,000.00 of 10,000.00" grep -q '^GR,Greece,party,2026,10000.00,3000.00,7000.00,' "$T/out"

printf 'date,line,payee,amount,description\n2026-02-05,B1,Taxi,12.00,Airport\n2026-02-05,B1,Taxi,12.00,Airport\n' >"$T/taxi.csv"
run_ok "two identical expenses" seci-budget expense import "$T/taxi.csv"
err_has "are two" "2 new, 0 duplicate"
run_ok "again" seci-budget expense import "$T/taxi.csv"
err_has "and only two" "0 new, 2 duplicate"
{ cat "$T/taxi.csv"; tail -n 1 "$T/taxi.csv"; } >"$T/taxi3.csv"
run_ok "a file with a third" seci-budget expense import "$T/taxi3.csv"
err_has "adds the third only" "1 new, 2 duplicate"
run_ok "the list" seci-budget -y 2026 -o csv --no-header expense list
is "three taxis of 12.00" "$(grep -c ',B1,Taxi,12.00,' "$T/out")" 3

# A zero amount is no payment: a bad row, not an outgoing one.
printf 'date,amount\n2026-04-01,0.00\n2026-04-02,-0\n' >"$T/zero.csv"
run_fails 65 "zero amounts" seci-contrib payment import "$T/zero.csv"
err_has "each named" "zero.csv:2: a zero amount is no payment"
err_has "even -0" "zero.csv:3: a zero amount is no payment"
ok "not skipped as outgoing" sh -c "! grep -q outgoing '$T/err'"
run_ok "check" seci-admin check
test_done
