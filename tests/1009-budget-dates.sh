#!/bin/sh
# Dates of record: commands that record a date take --date (default
# --as-of, else today), and the audit trail keeps it beside the
# wall-clock time, so a back-dated entry shows as such.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
adopted_budget 2026
today=$(date -u +%F)
# The last audit record's date of record and time, as date,time.
last_audit() {
	seci-admin -o csv audit log | tail -1 |
	    awk -F, '{ print $(NF - 3) "," substr($2, 1, 10) }'
}

seci-budget expense add --line A2 --amount 100 --payee P --date 2026-03-01 \
    >/dev/null
seci-budget expense add --line A2 --amount 200 --payee Q --date 2026-03-01 \
    >/dev/null
run_ok "approve, back-dated" seci-budget --as-of 2026-06-30 expense approve 1 \
    --date 2026-03-05
is "the audit keeps the date of record and when it was done" \
    "$(last_audit)" "2026-03-05,$today"
is "the approval's date" "$("${SQLITE3_SHELL:-sqlite3}" "$SECI_DB" \
    "SELECT approved_on FROM expense WHERE id = 1")" 2026-03-05
run_ok "reject with --as-of only" seci-budget --as-of 2026-06-30 expense \
    reject 2 --reason "not ours"
is "its date is --as-of" "$(last_audit)" "2026-06-30,$today"
run_fails 64 "a date that does not exist" seci-budget expense approve 1 \
    --date 2026-02-30
# The expense is recognised on its own date, whenever it is approved.
is "the approval's ledger transaction is dated the expense's date" \
    "$("${SQLITE3_SHELL:-sqlite3}" "$SECI_DB" "SELECT date FROM ledger_txn
    WHERE source = 'expense' AND source_id = 1")" 2026-03-01

# A transfer dated 03-20 moves the figures from that day on.
run_ok "transfer --date" seci-budget -y 2026 transfer --from A1 --to B1 \
    --amount 1000 --reason x --date 2026-03-20
seci-budget -y 2026 --as-of 2026-03-19 -o csv show >"$T/before"
seci-budget -y 2026 --as-of 2026-03-20 -o csv show >"$T/after"
ok "not on 03-19" grep -q '^B,B1,Rent,operational,20000.00,0.00,' "$T/before"
ok "from 03-20" grep -q '^B,B1,Rent,operational,20000.00,1000.00,' "$T/after"
run_ok "supplement --date" seci-budget -y 2026 supplement --line B2 \
    --amount 500 --decision JCC/S/1 --date 2026-04-02
is "recorded on its date" "$(last_audit)" "2026-04-02,$today"
# A change to the 2026 budget is dated in 2026: after the year, the
# year-end check of what is available would not see it.
run_fails 65 "a transfer dated in another year" seci-budget -y 2026 \
    transfer --from B1 --to A1 --amount 10 --reason x --date 2027-02-01
err_has "named" "a transfer dated 2027-02-01 is not in budget year 2026"
run_fails 65 "a supplement dated in another year" seci-budget -y 2026 \
    supplement --line B2 --amount 10 --decision JCC/S/2 --date 2025-12-31
err_has "named" "a supplement dated 2025-12-31 is not in budget year 2026"

# A commitment closed on 05-31 still counts on 05-30.
seci-budget commit --line B1 --amount 300 --payee L --ref PO-1 \
    --date 2026-02-01 >/dev/null
run_ok "commit close --date" seci-budget commit close PO-1 --date 2026-05-31
seci-budget -y 2026 --as-of 2026-05-30 -o csv commit list >"$T/c"
ok "open on 05-30" grep -q ',open$' "$T/c"
seci-budget -y 2026 --as-of 2026-05-31 -o csv commit list >"$T/c"
ok "closed on 05-31" grep -q ',closed$' "$T/c"
run_fails 65 "closed twice" seci-budget commit close PO-1 --date 2026-06-01
err_has "the workflow names its state" "commitment PO-1 is closed, not open"
run_fails 65 "a reference never committed" seci-budget commit close PO-9
err_has "named" "no commitment 'PO-9'"

# Depreciation through the end of a month given as --date.
seci-budget asset add --tag T1 --desc Desk --acquired 2026-01-10 \
    --cost 1200 --life-years 1 >/dev/null
run_ok "asset depreciate --date" seci-budget asset depreciate \
    --date 2026-03-31
is "three months, 300.00" "$("${SQLITE3_SHELL:-sqlite3}" "$SECI_DB" \
    "SELECT sum(amount) FROM depreciation")" 30000
is "recorded as of 03-31" "$(last_audit)" "2026-03-31,$today"
run_fails 64 "--date and --through that disagree" seci-budget asset \
    depreciate --date 2026-04-30 --through 2026-05-31
err_has "named" "--date and --through name the same date; give one"
run_ok "--through alone, the same" seci-budget asset depreciate \
    --through 2026-04-30
is "recorded as of 04-30" "$(last_audit)" "2026-04-30,$today"

# A rate set for a date in the past.
run_ok "rate set --date" seci-contrib rate set USD 0.9 --date 2026-01-15
is "its date" "$(last_audit)" "2026-01-15,$today"
# A date of record more than a year after --as-of is taken for a typo
# (2031 for 2021) unless --force says it is meant.
adopted_budget 2027 >/dev/null
run_fails 65 "an expense dated over a year ahead" seci-budget \
    --as-of 2026-02-27 expense add --line A1 --amount 1 --payee x \
    --date 2027-02-28
err_has "asks for --force" "--date 2027-02-28 is more than a year after --as-of (2026-02-27); give --force if it is right"
run_ok "a year ahead to the day is fine" seci-budget --as-of 2026-02-28 \
    expense add --line A1 --amount 1 --payee x --date 2027-02-28
run_ok "with --force" seci-budget --as-of 2026-02-27 expense add \
    --line A1 --amount 1 --payee x --date 2027-02-28 --force
run_fails 65 "an asset acquired over a year ahead" seci-budget \
    --as-of 2025-06-30 asset add --tag FAR --desc x --acquired 2027-01-15 \
    --cost 100 --life-years 2
err_has "names the option" "--acquired 2027-01-15 is more than a year after"
test_done
