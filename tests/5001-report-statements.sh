#!/bin/sh
# Financial statements: the balance sheet balances, with the figures the
# issue works out; performance; budget vs actual; execution and
# contributions agree with seci-budget and seci-contrib.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
adopted_budget 2026
parties AA BB
seci-contrib party add OB --name Observer --kind observer >/dev/null
# 2,320,000.00 assessed in all; an Observer, not assessed, pays 50,000.00:
# an advance.
seci-contrib -y 2026 assess --total 2320000 >/dev/null
seci-contrib payment add --party OB --amount 50000 --date 2026-02-01 >/dev/null

# Assets: receivables 2,320,000.00 + bank 50,000.00 = 2,370,000.00;
# liabilities: the advance, 50,000.00; net assets 2,320,000.00.
run_ok "balance sheet" seci-report --as-of 2026-03-01 -o csv balance-sheet
out_is "before any spending; nothing the year before" "section,account,name,amount,previous
assets,1000,Bank,50000.00,0.00
assets,1100,Contributions receivable,2320000.00,0.00
assets,total,Total assets,2370000.00,0.00
liabilities,2100,Contributions received in advance,50000.00,0.00
liabilities,total,Total liabilities,50000.00,0.00
net_assets,3100,Surplus or deficit to date,2320000.00,0.00
net_assets,total,Total net assets,2320000.00,0.00"

# An unpaid expense of 2,500.00 approved: payables 2,500.00 more.
seci-budget expense add --line A2 --amount 2500 --payee Hotel \
    --date 2026-03-02 >/dev/null
seci-budget expense approve 1 >/dev/null
run_ok "after an approved, unpaid 2,500.00" seci-report --as-of 2026-03-31 \
    -o csv balance-sheet
ok "liabilities 52,500.00" grep -q '^liabilities,total,Total liabilities,52500.00,0.00$' "$T/out"
ok "net assets 2,317,500.00" grep -q '^net_assets,total,Total net assets,2317500.00,0.00$' "$T/out"
ok "assets unchanged, 2,370,000.00" grep -q '^assets,total,Total assets,2370000.00,0.00$' "$T/out"
# Every section's accounts add up to its total, and assets equal
# liabilities plus net assets.
awk -F, 'NR > 1 { v = $4; sub(/\./, "", v) }
    NR > 1 && $2 != "total" { s[$1] += v }
    NR > 1 && $2 == "total" { t[$1] = v }
    END { bad = 0
	for (k in t) if (s[k] != t[k]) bad = 1
	if (t["assets"] != t["liabilities"] + t["net_assets"]) bad = 1
	exit bad }' "$T/out"
is "rows add up to totals; it balances" "$?" 0
run_ok "as of a date before anything" seci-report --as-of 2025-12-31 -o csv \
    balance-sheet
out_is "only empty totals" "section,account,name,amount,previous
assets,total,Total assets,0.00,0.00
liabilities,total,Total liabilities,0.00,0.00
net_assets,total,Total net assets,0.00,0.00"

run_ok "performance" seci-report -y 2026 --as-of 2026-12-31 -o csv performance
out_is "revenue less expenses" "section,account,name,amount,previous
revenue,4000,Assessed contributions,2320000.00,0.00
revenue,total,Total revenue,2320000.00,0.00
expenses,5100,Operating expenses,2500.00,0.00
expenses,total,Total expenses,2500.00,0.00
result,surplus,Surplus (deficit) for the period,2317500.00,0.00"

seci-budget -y 2026 --as-of 2026-04-01 transfer --from A2 --to B1 \
    --amount 1000 --reason x >/dev/null
run_ok "budget vs actual" seci-report -y 2026 --as-of 2026-12-31 -o csv \
    budget-vs-actual
# A2: 50,000.00 adopted, 49,000.00 after the transfer, 2,500.00 spent:
# 46,500.00 left, 5.1%.
ok "A2: original, final, actual, difference" \
    grep -q '^A,A2,Meetings,50000.00,49000.00,2500.00,46500.00,5.1$' "$T/out"
ok "B1: 21,000.00 final" grep -q '^B,B1,Rent,20000.00,21000.00,0.00,21000.00,0.0$' "$T/out"

# The same figures as the other tools.
seci-budget -y 2026 --as-of 2026-12-31 -o csv show >"$T/show.csv"
run_ok "execution" seci-report -y 2026 --as-of 2026-12-31 -o csv execution
is "execution = seci-budget show, plus month_spent" \
    "$(cut -d, -f1-13,15,16 "$T/out")" "$(cat "$T/show.csv")"
is "month_spent, then carried_in and budget_status" \
    "$(head -1 "$T/out" | sed 's/.*,executed_pct,//')" \
    month_spent,carried_in,budget_status
seci-contrib -y 2026 --as-of 2026-12-31 -o csv status >"$T/status.csv"
# The Observer, not assessed, is listed for the credit it holds: the
# status's credits add up to the advances of the balance sheet.
ok "an Observer not assessed, listed with its 50,000.00 credit" \
    grep -q '^OB,Observer,observer,2026,0.00,0.00,0.00,50000.00,100.0,,0$' \
    "$T/status.csv"
is "credits of the status = advances (2100)" "$(awk -F, '
    $1 != "party" && $1 != "total" && $8 != "" { v = $8; sub(/\./, "", v)
    s += v } END { printf "%d", s }' "$T/status.csv")" "$(ledger_balance 2100 | tr -d -)"
run_ok "contributions" seci-report -y 2026 --as-of 2026-12-31 -o csv contributions
ok "contributions = seci-contrib status" cmp -s "$T/out" "$T/status.csv"
test_done
