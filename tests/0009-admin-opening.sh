#!/bin/sh
# seci-admin opening: the balances a first year on seci starts from, and
# what each Party still owed, year by year.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
parties RO BG GR
# Assets: bank 50,000 + fixed assets 30,000 - 6,000 depreciated +
# receivables (RO 10,000 of 2024 and 12,000 of 2025, BG 3,000 of 2025)
# 25,000 = 99,000.00; liabilities: payables 4,000 + GR's credit 1,500 =
# 5,500.00; net assets 99,000 - 5,500 = 93,500.00.
cat >"$T/opening.csv" <<'CSV'
account,party,year,amount
1000,,,50000.00
1500,,,30000.00
1590,,,-6000.00
2000,,,4000.00
1100,RO,2024,10000.00
1100,RO,2025,12000.00
1100,BG,2025,3000.00
2100,GR,,1500.00
3000,,,93500.00
CSV
sed 's/^3000,,,93500.00/3000,,,93500.01/' "$T/opening.csv" >"$T/unbalanced.csv"
run_fails 65 "opening balances that do not balance" seci-admin opening \
    --date 2026-01-01 "$T/unbalanced.csv"
err_has "says by how much" "the opening balances do not balance: assets 99,000.00, liabilities and net assets 99,000.01"
printf 'account,party,year,amount\n4000,,,5.00\n1100,RO,,5.00\n1100,ZZ,2025,1.00\n2000,RO,,1.00\n9999,,,1\n1100,RO,2026,1.00\n' \
    >"$T/bad.csv"
run_fails 65 "bad rows" seci-admin opening --date 2026-01-01 "$T/bad.csv"
err_has "revenue" "bad.csv:2: account 4000: an opening balance sheet has no revenue"
err_has "a Party's amount needs its year" "bad.csv:3: what a Party owed needs the year of its assessment, before 2026"
err_has "an unknown Party" "bad.csv:4: account 1100 needs a known Party"
err_has "a Party on another account" "bad.csv:5: only 1100 and 2100 are by Party"
err_has "an unknown account" "bad.csv:6: no account '9999' in the chart"
err_has "the opening year itself" "bad.csv:7: what a Party owed needs the year"
run_ok "status" seci-contrib -y 2025 -o csv --no-header status
is "nothing written" "$(cat "$T/out")" ""
run_ok "the opening" seci-admin opening --date 2026-01-01 "$T/opening.csv"
err_has "counts them" "9 opening balances"
run_fails 65 "only once" seci-admin opening --date 2026-01-01 "$T/opening.csv"
err_has "says why" "opening balances go first"
run_ok "balance sheet" seci-report --as-of 2026-01-01 -o csv balance-sheet
out_is "the balances as given" "section,account,name,amount,previous
assets,1000,Bank,50000.00,0.00
assets,1100,Contributions receivable,25000.00,0.00
assets,1500,Property and equipment at cost,30000.00,0.00
assets,1590,Accumulated depreciation,-6000.00,0.00
assets,total,Total assets,99000.00,0.00
liabilities,2000,Accounts payable,4000.00,0.00
liabilities,2100,Contributions received in advance,1500.00,0.00
liabilities,total,Total liabilities,5500.00,0.00
net_assets,3000,Accumulated surplus,93500.00,0.00
net_assets,total,Total net assets,93500.00,0.00"
# Arrears on 1 January 2026 (due 31 March of each year): RO's 2024 is
# 641 days overdue, its 2025 276; both RO and BG owe at least their
# assessments of 2024 and 2025: the two-year rule.
run_ok "arrears" seci-contrib --as-of 2026-01-01 -o csv arrears
ok "RO: 12,000.00 at 181-365 days, 10,000.00 over 365, the rule" \
    grep -q '^RO,Party RO,0.00,0.00,0.00,12000.00,10000.00,22000.00,yes$' "$T/out"
ok "BG: 3,000.00, the rule" \
    grep -q '^BG,Party BG,0.00,0.00,0.00,3000.00,0.00,3000.00,yes$' "$T/out"
# A payment settles the oldest first: RO's 2024.
seci-contrib payment add --party RO --amount 10000 --date 2026-02-01 >/dev/null
run_ok "RO's statement" seci-contrib -y 2026 --as-of 2026-02-28 -o csv \
    --no-header statement RO
ok "the payment went to 2024" grep -q '^2026-02-01,payment 2,,,10000.00,12000.00,2024 10000.00$' "$T/out"
# GR's credit pays its 2026 assessment.
seci-contrib -y 2026 assess --total 3000 >/dev/null    # 1,000.00 each
run_ok "status" seci-contrib -y 2026 --as-of 2026-04-01 -o csv status
ok "GR: 1,000.00 paid from its credit, 500.00 left" \
    grep -q '^GR,Party GR,party,2026,1000.00,1000.00,0.00,500.00,100.0,' "$T/out"
run_ok "bank list" seci-contrib -o csv --as-of 2026-01-01 bank list
ok "MAIN opened with 50,000.00" grep -q '^MAIN,EUR,1000,,50000.00,50000.00$' "$T/out"
run_ok "check" seci-admin check
run_ok "audit: one record for the opening" seci-admin -o csv audit log \
    --table imports
is "one" "$(tail -n +2 "$T/out" | wc -l)" 1
run_ok "the journal" seci-report -o hledger ledger
cp "$T/out" "$T/j.journal"
hledger_agrees "$T/j.journal" 2026-01-01 2026-04-01
# The opening's credit is no payment to correct, and years before the
# opening are not assessed again.
run_ok "payment list" seci-contrib -y 2025 -o csv --no-header payment list
gr=$(grep ',GR,' "$T/out" | cut -d, -f1)
ok "GR's credit dated the day before the opening" grep -q '^[0-9]*,2025-12-31,GR,1500.00,' "$T/out"
run_fails 65 "it cannot be voided" seci-contrib payment void "$gr" --reason x
err_has "says what it is" "is a credit of the opening balances, not a payment"
run_fails 65 "2025 is not assessed again" seci-contrib -y 2025 assess --total 1000
err_has "says why" "2025 is before the opening balances of 2026-01-01"
run_ok "GR's statement" seci-contrib -y 2026 --as-of 2026-04-01 -o csv \
    --no-header statement GR
ok "brought forward as a credit" grep -q '^2026-01-01,balance brought forward,,,,-1500.00,$' "$T/out"
# An opening date from -y is checked like --date.
seci-admin --db "$T/other.db" init >/dev/null
run_fails 65 "an opening years ahead" seci-admin --db "$T/other.db" -y 2031 \
    opening "$T/opening.csv"
err_has "asks for --force" "the opening date 2031-01-01 (from --year) is more than a year after --as-of"
test_done
