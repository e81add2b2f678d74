#!/bin/sh
# Expenditure: propose, approve (threshold by role, overspend refusal,
# director's override), reject, pay, list; the postings each makes.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
seci-admin user add fin --role finance >/dev/null
seci-admin user add vic --role viewer >/dev/null
adopted_budget 2026
asfin() { env SECI_USER=fin "$@"; }

run_ok "propose 5,000.00 on A2" asfin seci-budget expense add --line A2 \
    --amount 5000.00 --payee "Hotel" --date 2026-03-10 --ref INV-1 \
    --desc "Spring meeting"
out_is "prints the new ID" "1"
run_ok "propose 5,000.01" asfin seci-budget expense add --line A2 \
    --amount 5000.01 --payee "Hotel" --date 2026-03-11 --ref INV-2
run_fails 65 "the same reference again" seci-budget expense add --line A2 \
    --amount 1 --payee x --date 2026-03-11 --ref INV-2
err_has "says so" "an expense with reference 'INV-2' already exists"
run_fails 65 "an unknown line" seci-budget expense add --line Z9 \
    --amount 1 --payee x --date 2026-03-11
run_fails 65 "a line of a year without a budget" seci-budget expense add \
    --line A2 --amount 1 --payee x --date 2027-01-11
err_has "names line and year" "no budget line 'A2' in 2027"
run_fails 65 "a negative amount" seci-budget expense add --line A2 \
    --amount -1 --payee x --date 2026-03-11
run_fails 65 "zero" seci-budget expense add --line A2 --amount 0 \
    --payee x --date 2026-03-11
run_fails 64 "an impossible date" seci-budget expense add --line A2 \
    --amount 1 --payee x --date 2026-02-30
err_has "names the option" "--date: bad date '2026-02-30': no such day"
run_fails 64 "three decimals" seci-budget expense add --line A2 \
    --amount 1.005 --payee x --date 2026-03-11
run_fails 64 "--payee is required" seci-budget expense add --line A2 \
    --amount 1 --date 2026-03-11
run_fails 77 "a viewer may not propose" env SECI_USER=vic seci-budget \
    expense add --line A2 --amount 1 --payee x --date 2026-03-11

# The approval threshold (5,000.00 by default): finance up to it.
run_ok "finance approves 5,000.00" asfin seci-budget --as-of 2026-03-15 \
    expense approve 1
run_fails 77 "but not 5,000.01" asfin seci-budget --as-of 2026-03-15 \
    expense approve 2
err_has "explains" "expense 2 is 5,000.01, above the approval threshold of 5,000.00; only the director may approve it"
run_ok "the director may" seci-budget --as-of 2026-03-15 expense approve 2
run_fails 65 "approving twice" seci-budget expense approve 2
err_has "says it" "expense 2 is approved, not proposed"
printf 'approval_threshold: "10000.00"\n' >"$T/t.yaml"
asfin seci-budget expense add --line A1 --amount 9000 --payee x \
    --date 2026-03-12 >/dev/null
run_ok "a higher configured threshold lets finance approve 9,000.00" \
    asfin seci-budget -c "$T/t.yaml" expense approve 3

# Overspend: B1 has 20,000.00.  19,000.00 + 1,000.00 fills it; one cent
# more would leave -0.01 available.
seci-budget expense add --line B1 --amount 19000 --payee Landlord \
    --date 2026-04-01 >/dev/null
seci-budget expense add --line B1 --amount 1000 --payee Landlord \
    --date 2026-04-02 >/dev/null
seci-budget expense add --line B1 --amount 0.01 --payee Landlord \
    --date 2026-04-03 >/dev/null
run_ok "approve up to the appropriation" seci-budget expense approve 4 5
run_fails 65 "one cent over is refused" seci-budget expense approve 6
err_has "naming line and shortfall" "line B1 would be overspent by 0.01"
run_fails 64 "an override needs a reason" seci-budget expense approve 6 \
    --override
run_fails 77 "only the director may override" asfin seci-budget expense \
    approve 6 --override --reason "urgent repair"
run_ok "the director overrides with a reason" seci-budget expense approve \
    6 --override --reason "urgent repair"
run_ok "the override is kept in the audit trail" \
    seci-admin -o csv audit log --table expense
ok "with its reason" grep -q 'urgent repair' "$T/out"

# Several IDs: all or none.
seci-budget expense add --line A2 --amount 10 --payee x --date 2026-05-01 \
    >/dev/null
run_fails 65 "approving 7 and the approved 6 together fails" \
    seci-budget expense approve 7 6
run_ok "so 7 is still proposed" seci-budget -o csv expense list --status proposed
is "only 7" "$(tail -n +2 "$T/out" | cut -d, -f1)" 7

run_fails 64 "reject needs a reason" seci-budget expense reject 7
run_ok "reject" seci-budget expense reject 7 --reason "duplicate invoice"
run_fails 65 "a rejected expense cannot be approved" \
    seci-budget expense approve 7
run_fails 65 "nor paid" seci-budget expense pay 7 --date 2026-05-02
run_fails 65 "not before its own date" seci-budget expense pay 1 --date 2026-03-09
err_has "says so" "expense 1 is dated after 2026-03-09"
run_ok "pay an approved one" seci-budget expense pay 1 --date 2026-03-20
run_fails 65 "not twice" seci-budget expense pay 1 --date 2026-03-21
run_fails 64 "pay needs --date" seci-budget expense pay 2
run_fails 65 "an unknown expense" seci-budget expense pay 99 --date 2026-03-21
run_fails 64 "a bad ID" seci-budget expense pay x1 --date 2026-03-21

run_ok "list" seci-budget -y 2026 -o csv expense list
# Who approved and when: 1 by fin and 2 by the director on 2026-03-15
# (--as-of), the rest today; 1 paid on 2026-03-20; 7 rejected: neither.
me=$(id -un) today=$(date +%F)
out_is "every column" "id,date,line,payee,amount,status,reference,commitment,description,approved_by,approved_on,paid_on
1,2026-03-10,A2,Hotel,5000.00,paid,INV-1,,Spring meeting,fin,2026-03-15,2026-03-20
2,2026-03-11,A2,Hotel,5000.01,approved,INV-2,,,$me,2026-03-15,
3,2026-03-12,A1,x,9000.00,approved,,,,fin,$today,
4,2026-04-01,B1,Landlord,19000.00,approved,,,,$me,$today,
5,2026-04-02,B1,Landlord,1000.00,approved,,,,$me,$today,
6,2026-04-03,B1,Landlord,0.01,approved,,,,$me,$today,
7,2026-05-01,A2,x,10.00,rejected,,,,,,"
run_ok "filter by line and dates" seci-budget -o csv expense list \
    --line B1 --from 2026-04-02 --to 2026-04-03
is "5 and 6" "$(tail -n +2 "$T/out" | cut -d, -f1 | tr '\n' ' ')" "5 6 "
run_ok "filter by status" seci-budget -y 2026 -o csv expense list --status paid
is "1" "$(tail -n +2 "$T/out" | cut -d, -f1)" 1
run_fails 64 "an unknown status" seci-budget expense list --status lost
run_ok "another year is empty" seci-budget -y 2025 -o csv expense list
is "header only" "$(wc -l <"$T/out")" 1

# The ledger, read straight from the database: approved 5,000.00 +
# 5,000.01 (A2) and 1,000.00 + 19,000.00 + 0.01 (B1) operational =
# 30,000.02; 9,000.00 staff (A1); payables 39,000.02 less the 5,000.00
# paid = 34,000.02; bank -5,000.00.
if [ -n "${SQLITE3_SHELL:-}" ] || SQLITE3_SHELL=$(command -v sqlite3); then
	"$SQLITE3_SHELL" -csv seci.db "SELECT account, sum(amount) FROM
	    ledger_posting GROUP BY account ORDER BY account" >"$T/ledger"
	is "ledger balances per account, in cents" "$(tr '\n' ' ' <"$T/ledger")" \
	    "1000,-500000 2000,-3400002 5000,900000 5100,3000002 "
else
	skip "no sqlite3 shell"
fi
run_ok "check: the ledger balances" seci-admin check
test_done
