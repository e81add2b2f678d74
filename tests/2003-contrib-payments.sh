#!/bin/sh
# seci-contrib payment import (generic profile): matching, suspense,
# idempotence, a whole file or nothing; payment add, match, list;
# foreign currencies.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
seci-contrib party add RO --name Romania --kind party \
    --account RO49AAAA1B31007593840000 >/dev/null
seci-contrib party add BG --name Bulgaria --kind party \
    --alias "Ministry of Interior Bulgaria" >/dev/null
seci-contrib party add GR --name Greece --kind party >/dev/null
seci-contrib -y 2026 assess --total 300000 >/dev/null   # 100,000.00 each

cat >"$T/bank.csv" <<'CSV'
date,amount,currency,account,payer,reference,bank_id
2026-02-10,60000.00,EUR,ro49 aaaa 1b31 0075 9384 0000,,any text,B-1
2026-02-11,100000.00,EUR,,MINISTRY OF INTERIOR BULGARIA,,B-2
2026-02-12,30000,EUR,GR99000,Athens,"SECI 2026, GR",B-3
2026-02-13,500.00,EUR,XX000,Someone,GR and BG,B-4
2026-02-14,-120.00,EUR,,Bank,fees,B-5
2026-02-15,45000.00,EUR,,,contribution RO 2026,
CSV
run_ok "import" seci-contrib payment import "$T/bank.csv"
err_has "the summary line" "5 new, 0 duplicate, 1 unmatched"
# Rows 2 by account (B-1), alias (B-2), reference (B-3, the unquoted RO
# of row 6): 1, 1, 2.
err_has "and how they matched" "5 new, 0 duplicate, 1 unmatched; matched by account 1, alias 1, reference 2"
err_has "the outgoing row is skipped" "warning: $T/bank.csv: 1 outgoing row skipped"
run_ok "list" seci-contrib -y 2026 -o csv payment list
out_is "matched by account, alias, code in the reference; two codes: suspense" \
"id,date,party,amount,currency,base_amount,reference,bank_id,status,matched_by,payer,rate
1,2026-02-10,RO,60000.00,EUR,60000.00,any text,B-1,matched,account,,
2,2026-02-11,BG,100000.00,EUR,100000.00,,B-2,matched,alias,MINISTRY OF INTERIOR BULGARIA,
3,2026-02-12,GR,30000.00,EUR,30000.00,\"SECI 2026, GR\",B-3,matched,reference,Athens,
4,2026-02-13,,500.00,EUR,500.00,GR and BG,B-4,suspense,,Someone,
5,2026-02-15,RO,45000.00,EUR,45000.00,contribution RO 2026,,matched,reference,,"
run_ok "again" seci-contrib payment import "$T/bank.csv"
err_has "nothing twice, with or without a bank id" "0 new, 5 duplicate, 0 unmatched"

# The ledger (cents): bank 235,500.00; 300,000.00 assessed less 235,000.00
# matched = 65,000.00 net, Party by Party: RO paid 105,000.00 of its
# 100,000.00, so 5,000.00 received in advance (2100); BG has paid in full
# and GR owes 70,000.00 (1100); 500.00 in suspense.
is "bank" "$(ledger_balance 1000)" 23550000
is "receivables: what GR owes" "$(ledger_balance 1100)" 7000000
is "RO's credit, received in advance" "$(ledger_balance 2100)" -500000
is "suspense" "$(ledger_balance 2200)" -50000
# The balance sheet, Party by Party: RO paid 105,000.00 of 100,000.00, so
# 5,000.00 received in advance, and BG 0 + GR 70,000.00 still owed.
run_ok "balance sheet" seci-report --as-of 2026-02-28 -o csv balance-sheet
ok "receivables owed, 70,000.00" grep -q '^assets,1100,Contributions receivable,70000.00,0.00$' "$T/out"
ok "RO's credit as received in advance" \
    grep -q '^liabilities,2100,Contributions received in advance,5000.00,0.00$' "$T/out"

run_ok "suspense list" seci-contrib -o csv suspense list
out_is "the unmatched payment" "id,date,amount,currency,base_amount,account,payer,reference,bank_id
4,2026-02-13,500.00,EUR,500.00,XX000,Someone,GR and BG,B-4"
run_ok "match it to GR" seci-contrib payment match 4 --party GR
run_fails 65 "not twice" seci-contrib payment match 4 --party GR
run_fails 65 "an unknown payment" seci-contrib payment match 99 --party GR
run_fails 65 "an unknown Party" seci-contrib payment match 1 --party ZZ
is "suspense empty" "$(ledger_balance 2200)" 0
is "GR's receivable down by 500.00" "$(ledger_balance 1100)" 6950000

run_ok "a payment by hand" seci-contrib payment add --party GR --amount 100 \
    --date 2026-03-01 --ref cash
out_is "prints its ID" "6"
run_fails 65 "for an unknown Party" seci-contrib payment add --party ZZ \
    --amount 1 --date 2026-03-01
run_fails 65 "of nothing" seci-contrib payment add --party GR --amount 0 \
    --date 2026-03-01
run_fails 64 "of three decimals" seci-contrib payment add --party GR \
    --amount 1.005 --date 2026-03-01
run_fails 64 "a rate for the base currency" seci-contrib payment add \
    --party GR --amount 1 --date 2026-03-01 --rate 0.8
err_has "says so" "--rate goes with a --currency other than EUR"
# A typo guard: 2031-02-28 for 2026-02-28 asks for --force.
run_fails 65 "dated over a year after --as-of" seci-contrib \
    --as-of 2026-03-01 payment add --party GR --amount 1 --date 2031-02-28
err_has "asks for --force" "--date 2031-02-28 is more than a year after --as-of (2026-03-01); give --force if it is right"

# Foreign currency: a rate column, or the rates table.
run_ok "a USD rate from 2026-01-01" seci-contrib rate set USD 0.9215 \
    --date 2026-01-01
cat >"$T/usd.csv" <<'CSV'
date,amount,currency,account,reference,bank_id,rate
2026-04-01,1000.00,USD,,GR dues,U-1,
2026-04-02,1000.00,USD,,GR dues,U-2,0.9
2026-04-03,100000,JPY,,GR dues,U-3,
CSV
run_fails 65 "JPY without a rate" seci-contrib payment import "$T/usd.csv"
err_has "which row" "usd.csv:4: no JPY rate on or before 2026-04-03"
sed -i '4s/,$/,0.0061234/' "$T/usd.csv"
run_ok "with a JPY rate in the file" seci-contrib payment import "$T/usd.csv"
run_ok "list" seci-contrib -o csv payment list --from 2026-04-01
# 1000.00 USD * 0.9215 = 921.50; * 0.9 = 900.00; 100000 JPY * 0.0061234 =
# 612.34 EUR.
out_is "original amount, currency and base amount" \
"id,date,party,amount,currency,base_amount,reference,bank_id,status,matched_by,payer,rate
7,2026-04-01,GR,1000.00,USD,921.50,GR dues,U-1,matched,reference,,0.9215
8,2026-04-02,GR,1000.00,USD,900.00,GR dues,U-2,matched,reference,,0.9
9,2026-04-03,GR,100000,JPY,612.34,GR dues,U-3,matched,reference,,0.0061234"
run_ok "the rate is kept" seci-contrib -o csv rate list
out_is "rates" "currency,date,rate
USD,2026-01-01,0.9215"
run_fails 64 "no rate for the base currency" seci-contrib rate set EUR 1
run_fails 65 "a rate with a thousands separator is a mistake, not 1085" \
    seci-contrib rate set USD 1,085
err_has "says so" "bad exchange rate '1,085': digits and one '.' only"
printf 'date,amount,currency,reference,bank_id,rate\n2026-04-05,100.00,USD,GR,U-9,"1,085"\n' \
    >"$T/r.csv"
run_fails 65 "in a file too" seci-contrib payment import "$T/r.csv"
err_has "with its line" "r.csv:2: bad exchange rate '1,085'"

# Bad files are refused whole, every bad line named.
count=$(seci-contrib -o csv payment list --from 2000-01-01 | wc -l)
printf 'date,amount,reference\n2026-05-01,10.00,RO ok\n2026-05-02,10.005,RO\n2026-05-03,1e9,RO\n2026-02-30,10.00,RO\n2026-05-05,,RO\n2026-05-06,10.00,\377\376\n2026-05-07,10.00,"RO\n' \
    >"$T/bad.csv"
run_fails 65 "a file with bad rows" seci-contrib payment import "$T/bad.csv"
err_has "three decimals" "bad.csv:3: bad amount '10.005': more than 2 decimal places"
err_has "an exponent" "bad.csv:4: bad amount '1e9': exponents are not amounts"
err_has "an impossible date" "bad.csv:5: bad date '2026-02-30': no such day"
err_has "an empty amount" "bad.csv:6: bad amount '': empty"
err_has "invalid UTF-8" "bad.csv:7: invalid UTF-8"
err_has "an unterminated quote" "bad.csv:8: unterminated quoted field"
printf 'date,amount\n2026-05-01,1\0000\n' >"$T/nul.csv"
run_fails 65 "a NUL byte" seci-contrib payment import "$T/nul.csv"
err_has "named" "nul.csv:2: NUL byte"
is "nothing written" "$(seci-contrib -o csv payment list --from 2000-01-01 | wc -l)" \
    "$count"
printf 'when,amount\n2026-05-01,1\n' >"$T/nodate.csv"
run_fails 65 "no date column" seci-contrib payment import "$T/nodate.csv"
err_has "named" "nodate.csv:1: missing column 'date'"
run_ok "from stdin" sh -c "seci-contrib payment import <'$T/bank.csv'"

# Payments count in date order whatever order they come in: a bank file
# newest first.  A fresh Party DD is assessed 1,000.00 for 2027, as are
# RO, BG and GR, and pays 600.00 in June and 600.00 in March.
seci-contrib party add DD --name D --kind party >/dev/null
seci-contrib -y 2027 assess --total 4000 >/dev/null  # 1,000.00 each
printf 'date,amount,reference,bank_id\n2027-06-01,600,DD,N-2\n2027-03-01,600,DD,N-1\n' \
    >"$T/newest.csv"
run_ok "newest first" seci-contrib payment import "$T/newest.csv"
run_ok "balance sheet in April" seci-report --as-of 2027-04-01 -o csv balance-sheet
run_ok "status in April" seci-contrib -y 2027 --as-of 2027-04-01 -o csv status
ok "DD: 600.00 paid, 400.00 owed, no credit" \
    grep -q '^DD,D,party,2027,1000.00,600.00,400.00,0.00,60.0,' "$T/out"
run_ok "balance sheet at year end" seci-report --as-of 2027-12-31 -o csv balance-sheet
# Received in advance: DD's 200.00, and RO's 5,000.00 of 2026 less its
# 2027 assessment of 1,000.00.
prev=$(seci-report --as-of 2026-12-31 -o csv balance-sheet |
    awk -F, '$2 == "2100" { print $4 }')
ok "DD's 200.00 and RO's 4,000.00 received in advance; the 2026 figure beside" \
    grep -q "^liabilities,2100,Contributions received in advance,4200.00,$prev\$" "$T/out"
run_ok "the ledger balances" seci-admin check
# Rates are not amounts: 100000 (rials to the euro, say) is a rate.
run_ok "a rate of 100000" seci-contrib rate set IRR 100000 --date 2026-01-01
# But an amount that converts to 10^15 minor units or more is refused,
# before any sum of it can wrap: 999,999,999,999,999 JPY at 90 is
# 899,999,999,999,999,910.00 EUR.
run_ok "a JPY rate of 90" seci-contrib rate set JPY 90 --date 2026-01-01
printf 'date,amount,currency,reference,bank_id\n2026-05-01,999999999999999,JPY,GR,J1\n2026-05-01,999999999999999,JPY,GR,J2\n' \
    >"$T/jpy.csv"
n=$(seci-contrib -o csv payment list | wc -l)
run_fails 65 "converted past the bound" seci-contrib payment import "$T/jpy.csv"
err_has "named" "jpy.csv:2: amount too large once converted (10^15 minor units or more)"
run_ok "list" seci-contrib -o csv payment list
is "nothing written" "$(wc -l <"$T/out")" "$n"
# One account normaliser: an account given with a tab and a no-break
# space matches the bank's spaced, lower-case form, and the reverse.
seci-contrib party add EE --name E --kind party \
    --account "$(printf 'EE38\t2200\302\240221020145685')" >/dev/null
seci-contrib party add FF --name F --kind party --account "fi21 1234 5600 0007 85" >/dev/null
printf 'date,amount,account,reference,bank_id\n2026-07-01,10,ee38 2200 2210 2014 5685,x,T-1\n2026-07-01,20,"FI21\t12345600000785",y,T-2\n' \
    >"$T/tabs.csv"
run_ok "accounts with blanks of every kind" seci-contrib payment import "$T/tabs.csv"
err_has "both matched" "2 new, 0 duplicate, 0 unmatched"
run_ok "list" seci-contrib -o csv payment list
ok "EE's 10.00 by its account" grep -q '^[0-9]*,2026-07-01,EE,10.00,' "$T/out"
ok "FF's 20.00 by its account" grep -q '^[0-9]*,2026-07-01,FF,20.00,' "$T/out"
test_done
