#!/bin/sh
# The monthly report: text under 100 columns, JSON, self-contained HTML;
# the same database and --as-of give the same bytes.
. "${top_srcdir:-..}/tests/lib.sh"

d=$top_srcdir/share/demo
export SECI_CONFIG="$d/seci.yaml"
init_db
seci-budget load "$d/budget-2026.yaml"
seci-budget -y 2026 adopt --decision JCC/2025/14 --date 2025-12-10
seci-budget commit --line 3.1 --amount 174000 --payee Landlord \
    --ref PO-2026-RENT --date 2026-01-01 >/dev/null
seci-budget -q expense import "$d/expenses-2026.csv"
seci-budget --as-of 2026-11-30 expense approve $(seci-budget -y 2026 -o csv \
    expense list --status proposed | tail -n +2 | cut -d, -f1)
seci-contrib -q party import "$d/parties.csv"
seci-contrib -y 2026 assess >/dev/null
seci-contrib -q payment import "$d/bank-2026.csv"

run_ok "monthly, text" seci-report --as-of 2026-11-30 monthly
cp "$T/out" "$T/first.txt"
is "headed with the organisation" "$(sed -n 1p "$T/out")" 'Test Centre'
is "the month" "$(sed -n 2p "$T/out")" 'Monthly budget report: November 2026'
is "as-of and currency" "$(sed -n 3p "$T/out")" 'As of 2026-11-30; amounts in EUR'
ok "every line under 100 columns" awk 'length > 99 { exit 1 }' "$T/out"
for s in "1. Budget execution" "2. Contributions" "Arrears" "3. Cash" \
    "4. Open commitments" "5. Assets and liabilities" "6. Audit seal"; do
	ok "has section $s" grep -q "^$s" "$T/out"
done
seal=$(seci-admin -o csv audit seal | tail -1 | cut -d, -f2)
ok "the audit seal" grep -qx "$seal" "$T/out"
# November's spending on line 1.1: the payroll of 96,600.00.
ok "the month's spending" grep -q '^1.1   Salaries of staff .* 96,600.00 ' "$T/out"
# A name is cut only when the page has no room left: the figures take
# the width they need, the names the rest.
ok "a 36-character line name whole" \
    grep -q '^2.2   Operational meetings and task forces  ' "$T/out"
ok "every line under 100 characters" sh -c "! awk 'length(\$0) > 99' '$T/out' | grep -q ."
ok "BA's 244 days overdue" grep -q '^BA .* 178,461.54 .* 244$' "$T/out"
run_ok "again" seci-report --as-of 2026-11-30 monthly
ok "byte-identical" cmp -s "$T/out" "$T/first.txt"
run_ok "--month 2026-10" seci-report --as-of 2026-11-30 monthly --month 2026-10
is "is October, as of its last day" "$(sed -n 3p "$T/out")" \
    'As of 2026-10-31; amounts in EUR'
run_ok "the default: the last month ended" seci-report --as-of 2026-12-03 monthly
is "November" "$(sed -n 2p "$T/out")" 'Monthly budget report: November 2026'
run_fails 64 "a bad month" seci-report monthly --month 2026-13
run_fails 64 "a format it does not have" seci-report -o csv monthly

run_ok "json" seci-report --as-of 2026-11-30 -o json monthly
cp "$T/out" "$T/m.json"
q() { "${SQLITE3_SHELL:-sqlite3}" :memory: "SELECT $1 FROM (SELECT readfile('$T/m.json') AS j)"; }
is "valid JSON with its keys" "$(q "json_valid(j) || json_extract(j, '\$.month') || json_extract(j, '\$.as_of')")" \
    "12026-112026-11-30"
is "execution rows (16 lines)" "$(q "json_array_length(j, '\$.execution')")" 16
is "contributions rows (15)" "$(q "json_array_length(j, '\$.contributions')")" 15
is "amounts as strings" "$(q "json_type(j, '\$.execution[0].revised')")" text
is "the balance sheet balances" "$(q "(SELECT json_extract(value, '\$.amount') FROM json_each(j, '\$.balance_sheet') WHERE json_extract(value, '\$.section') = 'assets' AND json_extract(value, '\$.account') = 'total')")" \
    "$(q "(SELECT printf('%.2f', sum(json_extract(value, '\$.amount'))) FROM json_each(j, '\$.balance_sheet') WHERE json_extract(value, '\$.section') <> 'assets' AND json_extract(value, '\$.account') = 'total')")"
is "the seal" "$(q "json_extract(j, '\$.audit_seal.head_hash')")" "$seal"

run_ok "html" seci-report --as-of 2026-11-30 -o html monthly
cp "$T/out" "$T/m.html"
ok "a whole document" grep -q '</html>' "$T/m.html"
ok "two inline SVG charts" test "$(grep -c '<svg ' "$T/m.html")" -eq 2
ok "no scripts" sh -c "! grep -qi '<script' '$T/m.html'"
ok "nothing fetched: no src= or href=, no url(" \
    sh -c "! grep -qiE 'src=|href=|url\\(' '$T/m.html'"
ok "A4 print" grep -q '@page { size: A4' "$T/m.html"
ok "names escaped" grep -q 'Allowances (housing, education)' "$T/m.html"
# Execution as a share of each line, the figure at the bar: line 1.1 is
# 91.8% spent; 3.1 has 14,500.00 of the rent committed.
ok "execution bars end in their percent" grep -q '>91.8%</text>' "$T/m.html"
ok "spent, committed, available" sh -c "grep -q '>Spent</text>' '$T/m.html' &&
    grep -q '>Committed</text>' '$T/m.html' && grep -q '>Available</text>' '$T/m.html'"
ok "contributions with the arrears of earlier years" \
    grep -q '>Arrears of earlier years</text>' "$T/m.html"

renders "$T/m.html"
test_done
