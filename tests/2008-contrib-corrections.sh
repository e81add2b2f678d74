#!/bin/sh
# Correcting payments: matched again to another Party, returned to
# suspense, matched from it, voided one by one or a whole import.  Each
# correction is a reversing ledger entry on the payment's date; the
# positions, the ledger, check and audit verify agree after every one.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
seci-contrib party add RO --name Romania --kind party \
    --account RO49AAAA1B31007593840000 >/dev/null
parties BG GR
seci-contrib -y 2026 assess --total 300000 >/dev/null   # 100,000.00 each

cat >"$T/bank.csv" <<'CSV'
date,amount,account,reference,bank_id
2026-02-10,60000.00,RO49AAAA1B31007593840000,contribution,K-1
2026-02-11,40000.00,,BG 2026,K-2
2026-02-12,500.00,,fees refund,K-3
2026-02-13,130000.00,,GR dues,K-4
CSV
run_ok "import" seci-contrib payment import "$T/bank.csv"
err_has "summary" "4 new, 0 duplicate, 1 unmatched"

# paid column of status (6th), by Party.
paid() { seci-contrib -y 2026 --as-of 2026-12-31 -o csv status |
    awk -F, -v p="$1" '$1 == p { print $6 }'; }
credit() { seci-contrib -y 2026 --as-of 2026-12-31 -o csv status |
    awk -F, -v p="$1" '$1 == p { print $8 }'; }
# A Party's part of an account, in cents.
party_balance() {
	sqlite3 "$SECI_DB" "SELECT coalesce(sum(p.amount), 0) FROM
	    ledger_posting p JOIN ledger_txn t ON t.id = p.txn_id WHERE
	    p.account = '$1' AND p.party = '$2' AND t.closed = 1"
}
consistent() {
	run_ok "$1: check passes" seci-admin check
	run_ok "$1: the audit chain holds" seci-admin audit verify
}

# status's paid is what went to the year's assessment; the rest is credit.
is "GR paid its 100,000.00" "$(paid GR)" 100000.00
is "GR's credit 30,000.00" "$(credit GR)" 30000.00
is "GR's advance in 2100" "$(party_balance 2100 GR)" -3000000

# Payment 4 was BG's, not GR's.
run_fails 64 "matching a matched payment again needs a reason" \
    seci-contrib payment match 4 --party BG
err_has "says so" "payment 4 is matched to GR: matching it again needs --reason"
run_fails 65 "to the Party it is matched to" \
    seci-contrib payment match 4 --party GR --reason x
err_has "says so" "payment 4 is already matched to GR"
run_fails 65 "to an unknown Party" \
    seci-contrib payment match 4 --party ZZ --reason x
run_ok "matched to BG instead" seci-contrib payment match 4 --party BG \
    --reason "BG's transfer, GR named in error"
# BG: 40,000 + 130,000 = 170,000.00 paid, 70,000.00 credit; GR: nothing.
is "BG paid its 100,000.00" "$(paid BG)" 100000.00
is "BG's credit 70,000.00" "$(credit BG)" 70000.00
is "GR paid nothing" "$(paid GR)" 0.00
is "GR owes 100,000.00 in 1100" "$(party_balance 1100 GR)" 10000000
is "GR's advance gone" "$(party_balance 2100 GR)" 0
is "BG's advance in 2100" "$(party_balance 2100 BG)" -7000000
consistent "after a re-match"

run_ok "payment 2 back to suspense" seci-contrib payment unmatch 2 \
    --reason "reference misread"
is "BG's credit 30,000.00" "$(credit BG)" 30000.00
is "suspense holds 500.00 + 40,000.00" "$(ledger_balance 2200)" -4050000
run_fails 65 "unmatching a payment in suspense" seci-contrib payment unmatch 2
err_has "says so" "payment 2 is already in suspense"
run_ok "matched from suspense without a reason" \
    seci-contrib payment match 2 --party GR
is "GR paid 40,000.00" "$(paid GR)" 40000.00
consistent "after unmatch and match"

run_fails 64 "void needs a reason" seci-contrib payment void 3
run_ok "payment 3 void" seci-contrib payment void 3 \
    --reason "provisional intraday row"
is "suspense empty" "$(ledger_balance 2200)" 0
# Bank: 60,000 + 40,000 + 130,000 = 230,000.00.
is "the bank holds 230,000.00" "$(ledger_balance 1000)" 23000000
run_fails 65 "a void payment cannot be voided again" \
    seci-contrib payment void 3 --reason again
err_has "says so" "payment 3 is void"
run_fails 65 "nor matched" seci-contrib payment match 3 --party RO
run_fails 65 "no such payment" seci-contrib payment void 99 --reason x
err_has "says so" "no payment 99"
consistent "after a void"

run_ok "list" seci-contrib -y 2026 -o csv payment list
out_is "statuses and how each was matched" \
"id,date,party,amount,currency,base_amount,reference,bank_id,status,matched_by,payer,rate
1,2026-02-10,RO,60000.00,EUR,60000.00,contribution,K-1,matched,account,,
2,2026-02-11,GR,40000.00,EUR,40000.00,BG 2026,K-2,matched,hand,,
3,2026-02-12,,500.00,EUR,500.00,fees refund,K-3,void,,,
4,2026-02-13,BG,130000.00,EUR,130000.00,GR dues,K-4,matched,hand,,"
run_ok "suspense list" seci-contrib -o csv --no-header suspense list
is "the void payment is not in suspense" "$(cat "$T/out")" ""
run_ok "filter by reference" seci-contrib -y 2026 -o csv --no-header \
    payment list --ref "gr DUES"
ok "finds payment 4 only" sh -c "cut -d, -f1 '$T/out' | tr '\n' ' ' | grep -qx '4 '"

# Every change is a new, dated ledger transaction on the payment's date:
# GR -> BG, BG -> suspense, suspense -> GR, void: four reversing entries.
is "four correction entries" "$(sqlite3 "$SECI_DB" "SELECT count(*) FROM
    ledger_txn WHERE memo LIKE 'payment % void' OR memo LIKE
    'payment % to suspense' OR memo LIKE 'payment % matched to %'")" 4
is "each on its payment's date" "$(sqlite3 "$SECI_DB" "SELECT count(*) FROM
    payment_change c JOIN ledger_txn t ON t.id = c.txn_id JOIN payment p ON
    p.id = c.payment WHERE t.date = p.date")" 4
is "the reasons are kept" "$(sqlite3 "$SECI_DB" "SELECT action || ':' ||
    coalesce(reason, '') FROM payment_change ORDER BY id" | tr '\n' '|')" \
    "rematch:BG's transfer, GR named in error|unmatch:reference misread|match:|void:provisional intraday row|"

# The imports, and voiding one whole.
sum=$(sha256sum "$T/bank.csv" | cut -d' ' -f1)
run_ok "import list" seci-contrib -o csv import list
ok "the import with its digest and rows" grep -q "^1,.*,$T/bank.csv,$sum,4,4,0,ok," "$T/out"
run_fails 64 "import void needs a reason" seci-contrib import void 1
run_ok "import 1 void" seci-contrib import void 1 --reason "wrong file"
err_has "counts what it voided" "3 payments void"
is "the bank holds nothing" "$(ledger_balance 1000)" 0
is "no Party paid anything" "$(paid RO)$(paid BG)$(paid GR)" 0.000.000.00
run_ok "import list" seci-contrib -o csv import list
ok "the import is void, with its reason" grep -q "^1,.*,void,wrong file$" "$T/out"
run_fails 65 "twice" seci-contrib import void 1 --reason again
err_has "says so" "import 1 is void already"
run_fails 65 "no such import" seci-contrib import void 7 --reason x
consistent "after voiding an import"
# A void payment no longer holds its bank transaction: the file comes in
# again whole, and once only.
run_ok "the same file again" seci-contrib payment import "$T/bank.csv"
err_has "all new" "4 new, 0 duplicate"
run_ok "and again" seci-contrib payment import "$T/bank.csv"
err_has "all duplicates" "0 new, 4 duplicate"
is "the bank holds 230,500.00" "$(ledger_balance 1000)" 23050000

# A finance user may correct; a viewer may not.
seci-admin user add vera --role viewer >/dev/null
SECI_USER=vera run_fails 77 "a viewer may not void" \
    seci-contrib payment void 5 --reason x

run_ok "the journal" seci-report -o hledger ledger
cp "$T/out" "$T/j.journal"
hledger_agrees "$T/j.journal" 2026-02-12 2026-06-30 2026-12-31
test_done
