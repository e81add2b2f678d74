#!/bin/sh
# Bank accounts: every receipt and payment through them, so that each
# balance reconciles with the bank's statement; a foreign-currency
# account, its revaluation; receipts that are not contributions;
# refunds of a Party's credit.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
adopted_budget 2026 >/dev/null       # A1, A2, B1, B2; income I1 Interest
parties AA BB
seci-contrib -y 2026 assess --total 24000 >/dev/null   # 12,000.00 each
run_ok "MAIN is there from init" seci-contrib -o csv bank list
out_is "on 1000, in EUR, empty" "code,currency,ledger_account,iban,balance,base_balance
MAIN,EUR,1000,,0.00,0.00"
run_ok "a USD account" seci-contrib bank add USD1 --currency USD \
    --ledger-account 1010 --iban "US00 1111"
out_is "prints its code" USD1
run_fails 65 "the same ledger account twice" seci-contrib bank add USD2 \
    --currency USD --ledger-account 1010
run_fails 65 "a ledger account outside cash" seci-contrib bank add \
    X --currency EUR --ledger-account 4000
err_has "says so" "ledger account 4000: a bank account's is one of 1000-1099"
run_fails 65 "nor the receivables" seci-contrib bank add X --currency EUR \
    --ledger-account 1100
run_fails 65 "a bad code" seci-contrib bank add "usd 3" --currency USD \
    --ledger-account 1011
seci-contrib rate set USD 0.9 --date 2026-01-01
seci-contrib rate set USD 0.95 --date 2026-06-30

# Into MAIN: contributions, interest; out: a refund, an expense, a charge.
printf 'date,amount,reference,bank_id\n2026-02-01,15000.00,AA,M-1\n2026-02-02,12000.00,BB,M-2\n2026-02-03,300.00,host grant,M-3\n' \
    >"$T/main.csv"
run_ok "import into MAIN" seci-contrib payment import "$T/main.csv"
run_ok "interest received" seci-contrib receipt add --income I1 \
    --amount 250 --date 2026-03-01 --ref "interest Q1"
out_is "prints its id" 1
run_fails 65 "an income item the budget does not have" seci-contrib \
    receipt add --income I9 --amount 1 --date 2026-03-01
err_has "says so" "no income item 'I9' in the 2026 budget"
run_ok "the host grant out of suspense, as income" \
    seci-contrib payment match 3 --income I1
run_ok "suspense" seci-contrib -o csv --no-header suspense list
is "empty" "$(cat "$T/out")" ""
run_ok "payment list" seci-contrib -y 2026 -o csv payment list
ok "payment 3 is income" grep -q '^3,2026-02-03,,300.00,.*,income,' "$T/out"
run_fails 65 "nor can it be matched to a Party now" \
    seci-contrib payment match 3 --party AA
run_fails 64 "match needs --party or --income" seci-contrib payment match 3
run_fails 65 "nor voided with its import" seci-contrib import void 1 \
    --reason x
err_has "says why" "payment 3 of import 1 was taken as income"
# AA paid 15,000.00 of 12,000.00: 3,000.00 credit.
run_fails 65 "a refund beyond the credit" seci-contrib refund AA \
    --amount 3000.01 --date 2026-04-01 --reason x
err_has "says how much" "party AA holds a credit of 3,000.00 on 2026-04-01; a refund of 3,000.01 would be more"
run_ok "refund 2,000.00 of it" seci-contrib refund AA --amount 2000 \
    --date 2026-04-01 --reason "overpaid 2026"
run_ok "status" seci-contrib -y 2026 --as-of 2026-12-31 -o csv status
is "AA's credit 1,000.00" "$(awk -F, '$1 == "AA" { print $8 }' "$T/out")" \
    1000.00
seci-budget expense add --line A2 --amount 1000 --payee Hotel \
    --date 2026-04-10 >/dev/null
seci-budget expense add --line B1 --amount 15.50 --payee "Bank fees" \
    --date 2026-04-30 --desc "bank charges April" >/dev/null
seci-budget expense add --line A2 --amount 450 --payee "US vendor" \
    --date 2026-05-01 >/dev/null
seci-budget --as-of 2026-05-01 expense approve 1 2 3
seci-budget expense pay 1 --date 2026-04-15
seci-budget expense pay 2 --date 2026-04-30
run_fails 65 "from an unknown account" seci-budget expense pay 3 \
    --date 2026-05-01 --bank NOPE
# Into and out of USD1: 1,000.00 USD of interest at 0.9 = 900.00 EUR;
# 450.00 EUR paid at 0.9 = 500.00 USD.
run_ok "USD interest" seci-contrib receipt add --income I1 --amount 1000 \
    --date 2026-02-01 --bank USD1
run_ok "an expense paid from USD1" seci-budget expense pay 3 \
    --date 2026-05-01 --bank USD1
printf 'date,amount,currency,reference,bank_id\n2026-05-02,100.00,EUR,BB,U-9\n' \
    >"$T/usd-eur.csv"
run_fails 65 "a EUR row into the USD account" seci-contrib payment import \
    --bank USD1 "$T/usd-eur.csv"
err_has "names the row" "usd-eur.csv:2: bank account USD1 holds USD; a payment in EUR cannot come into it"

# Revaluation on 2026-06-30 at 0.95: 500.00 USD = 475.00 EUR; the ledger
# holds 900.00 - 450.00 = 450.00; a gain of 25.00.
run_ok "revalue" seci-contrib -o csv bank revalue --date 2026-06-30
out_is "USD1 revalued" "bank,currency,balance,rate,base_balance,difference
USD1,USD,500.00,0.95,475.00,25.00"
run_ok "again the same day: nothing more" seci-contrib -o csv --no-header \
    bank revalue --date 2026-06-30
is "a zero difference" "$(cat "$T/out")" "USD1,USD,500.00,0.95,475.00,0.00"

# The statement balances, summed independently:
#   MAIN: 15,000 + 12,000 + 300 + 250 - 2,000 - 1,000 - 15.50 = 24,534.50
#   USD1: 1,000.00 - 500.00 = 500.00 USD.
main=$(awk 'BEGIN { printf "%.2f", 15000 + 12000 + 300 + 250 - 2000 - 1000 - 15.50 }')
run_ok "bank list" seci-contrib --as-of 2026-06-30 -o csv bank list
out_is "both balances, own and base" "code,currency,ledger_account,iban,balance,base_balance
MAIN,EUR,1000,,$main,$main
USD1,USD,1010,US00 1111,500.00,475.00"
run_ok "the table" seci-contrib --as-of 2026-06-30 -o table bank list
ok "separates thousands in every amount column" \
    grep -Eq '^MAIN +EUR +1000 +24,534\.50 +24,534\.50 *$' "$T/out"
run_ok "MAIN reconciles with its statement" seci-contrib -o csv \
    bank reconcile MAIN --statement-balance "$main" --date 2026-06-30
ok "a zero difference" grep -q '^difference,2026-06-30,0.00,EUR$' "$T/out"
run_ok "USD1 too" seci-contrib bank reconcile USD1 \
    --statement-balance 500.00 --date 2026-06-30
# A statement that has not booked the April charge yet.
run_fails 1 "a difference: exit 1" seci-contrib -o csv bank reconcile MAIN \
    --statement-balance 24550.00 --date 2026-06-30
ok "15.50 apart" grep -q '^difference,2026-06-30,-15.50,EUR$' "$T/out"
ok "the charge of that amount explains it" \
    grep -q '^same amount,2026-04-30,-15.50,expense 2 paid$' "$T/out"
run_ok "the ledger agrees" seci-report --as-of 2026-06-30 -o csv balance-sheet
ok "1000 holds MAIN's balance" grep -q "^assets,1000,Bank,$main,0.00$" "$T/out"
ok "1010 holds USD1's in EUR" grep -q '^assets,1010,Bank USD1,475.00,0.00$' "$T/out"
run_ok "performance" seci-report -y 2026 --as-of 2026-06-30 -o csv performance
ok "the exchange gain" grep -q ',4950,Foreign exchange gains,25.00,0.00$' "$T/out"
run_ok "receipt list" seci-contrib -y 2026 -o csv receipt list
out_is "three receipts: interest, the grant, USD interest" \
"id,date,income,amount,bank,bank_amount,reference,payment
3,2026-02-01,I1,900.00,USD1,1000.00,,
2,2026-02-03,I1,300.00,MAIN,300.00,,3
1,2026-03-01,I1,250.00,MAIN,250.00,interest Q1,"
run_ok "check" seci-admin check
run_ok "audit verify" seci-admin audit verify
run_ok "AA's statement shows the refund" seci-contrib -y 2026 \
    --as-of 2026-12-31 -o csv --no-header statement AA
ok "as a debit from the credit" grep -q '^2026-04-01,refund 1,overpaid 2026,2000.00,,-1000.00,$' "$T/out"
run_ok "the journal" seci-report -o hledger ledger
cp "$T/out" "$T/j.journal"
hledger_agrees "$T/j.journal" 2026-03-31 2026-06-30
# A revaluation needs every foreign account's rate: without one, nothing
# is printed or posted.
seci-contrib bank add CHF1 --currency CHF --ledger-account 1020 >/dev/null
run_fails 65 "no CHF rate" seci-contrib bank revalue --date 2026-07-31
err_has "names the account" "bank account CHF1: no CHF rate on or before 2026-07-31"
is "nothing printed" "$(cat "$T/out")" ""
# Refunds stay within what a Party paid beyond its assessments on every
# day: BB paid exactly its 12,000.00; a payment of 3,000.00 on 2026-08-01
# gives it 3,000.00 of credit.
seci-contrib payment add --party BB --amount 3000 --date 2026-08-01 >/dev/null
run_ok "a refund of it in September" seci-contrib refund BB --amount 3000 \
    --date 2026-09-01 --reason "overpaid"
run_fails 65 "another, dated before it" seci-contrib refund BB --amount 3000 \
    --date 2026-08-15 --reason again
err_has "says by how much, and when" "party BB: its refunds by 2026-09-01 would be 3,000.00 more than it had paid beyond its assessments"
bb=$(seci-contrib -o csv --no-header payment list --party BB --from 2026-08-01 | cut -d, -f1)
run_fails 65 "nor can the payment the refund came from be voided" \
    seci-contrib payment void "$bb" --reason "bounced"
err_has "names the refund's day" "party BB: its refunds by 2026-09-01"
run_fails 65 "nor moved to another Party" seci-contrib payment match "$bb" \
    --party AA --reason x
run_fails 64 "match with --party and --income" seci-contrib payment match \
    "$bb" --party AA --income I1
err_has "not both" "give --party or --income, not both"
# Revaluations: never in a closed year, never before a later one.
seci-contrib rate set CHF 0.95 --date 2026-01-01
run_fails 65 "before the last revaluation" seci-contrib bank revalue \
    --date 2026-05-31
err_has "says when it was" "bank account USD1 was revalued on 2026-06-30 already"
run_ok "check" seci-admin check
test_done
