#!/bin/sh
# Fixed assets: straight-line monthly depreciation from the month of
# acquisition, its postings, disposal with a gain or a loss.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
adopted_budget 2026
ledger() {	# balance of an account in cents, straight from the database
	"$SQLITE3_SHELL" seci.db "SELECT coalesce(sum(amount), 0) FROM
	    ledger_posting WHERE account = '$1'"
}
: "${SQLITE3_SHELL:=$(command -v sqlite3 || echo sqlite3)}"

run_ok "a laptop, 3,600.00 over 3 years" seci-budget asset add --tag LAP-1 \
    --desc "Analyst laptop" --acquired 2026-01-15 --cost 3600 --life-years 3
out_is "prints the tag" "LAP-1"
run_fails 65 "the same tag twice" seci-budget asset add --tag LAP-1 \
    --desc x --acquired 2026-01-15 --cost 1 --life-years 3
run_fails 65 "not on an operational line" seci-budget asset add --tag X \
    --desc x --acquired 2026-01-15 --cost 1 --life-years 3 --line A2
err_has "says why" "line A2 is operational, not a capital line"
run_fails 64 "a life of 0 years" seci-budget asset add --tag X --desc x \
    --acquired 2026-01-15 --cost 1 --life-years 0
run_fails 65 "a cost of 0" seci-budget asset add --tag X --desc x \
    --acquired 2026-01-15 --cost 0 --life-years 1
# 1,000.00 over 3 years: 100000 / 36 = 2777.78 cents a month, not a whole
# number: month k takes floor(100000 k / 36) - floor(100000 (k-1) / 36).
run_ok "a server bought on capital line B2" seci-budget asset add \
    --tag SRV-1 --desc Server --acquired 2026-02-01 --cost 1000 \
    --life-years 3 --line B2

# As of 2026-03-31: LAP-1 has had January to March, 3 of 36 months:
# 3,600.00 * 3 / 36 = 300.00; SRV-1 February and March: floor(100000 * 2
# / 36) = 5555 cents.
run_ok "list" seci-budget --as-of 2026-03-31 -o csv asset list
out_is "depreciation and book value as of March" \
"tag,description,acquired,line,cost,life_years,depreciation,net_book_value,disposed_on,proceeds
LAP-1,Analyst laptop,2026-01-15,,3600.00,3,300.00,3300.00,,
SRV-1,Server,2026-02-01,B2,1000.00,3,55.55,944.45,,"
run_ok "after its life" seci-budget --as-of 2030-01-01 -o csv asset list
ok "fully written off, to the cent" grep -q '^SRV-1,Server,2026-02-01,B2,1000.00,3,1000.00,0.00,,$' "$T/out"

# Only LAP-1 was posted against net assets: SRV-1's cost reaches fixed
# assets when the B2 expense is approved.
is "fixed assets at cost: LAP-1 only" "$(ledger 1500)" 360000
is "against net assets" "$(ledger 3000)" -360000
run_ok "post depreciation through 2026-03-31" seci-budget asset depreciate \
    --through 2026-03-31
is "5200: 300.00 + 55.55" "$(ledger 5200)" 35555
is "1590: the same, credited" "$(ledger 1590)" -35555
run_ok "again: nothing more" seci-budget asset depreciate --through 2026-03-31
is "unchanged" "$(ledger 5200)" 35555
run_ok "mid-April posts nothing for April" seci-budget asset depreciate \
    --through 2026-04-15
is "still unchanged" "$(ledger 5200)" 35555

run_fails 65 "not disposed of before months already written off" \
    seci-budget asset dispose LAP-1 --date 2026-02-10
err_has "says which" "depreciation of asset 'LAP-1' is posted for 1 month after 2026-02"
# Dispose of LAP-1 on 2026-06-10 for 2,500.00: depreciation through June
# is 6/36 of 3,600.00 = 600.00, book value 3,000.00, so a loss of 500.00.
run_ok "dispose" seci-budget asset dispose LAP-1 --date 2026-06-10 \
    --proceeds 2500
is "LAP-1 leaves fixed assets" "$(ledger 1500)" 0
is "the loss" "$(ledger 5300)" 50000
is "the proceeds in the bank" "$(ledger 1000)" 250000
# 1590: SRV-1's 5555 remain (LAP-1's 600.00 went out with it).
is "accumulated depreciation of SRV-1 only" "$(ledger 1590)" -5555
run_fails 65 "not twice" seci-budget asset dispose LAP-1 --date 2026-06-11
run_fails 65 "an unknown tag" seci-budget asset dispose NONE --date 2026-06-11
run_ok "list shows it disposed" seci-budget --as-of 2026-12-31 -o csv asset list
ok "with its proceeds and no book value" \
    grep -q '^LAP-1,Analyst laptop,2026-01-15,,3600.00,3,600.00,0.00,2026-06-10,2500.00$' "$T/out"
run_ok "the ledger balances" seci-admin check
test_done
