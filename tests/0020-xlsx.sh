#!/bin/sh
# -o xlsx: every listing as a workbook whose cells, read back by an
# independent reader (openpyxl), are the CSV form's (amounts as numbers
# with their decimals, dates as dates, a frozen header with an
# autofilter); the statements and the monthly report as one workbook of
# a sheet per section; never to a terminal; --output whole or not at all.
. "${top_srcdir:-..}/tests/lib.sh"

if ! seci-budget show --help | grep -q 'xlsx'; then
	echo "1..0 # SKIP built without libxlsxwriter"
	exit 0
fi
py=
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import openpyxl' 2>/dev/null; then py=$p; break; fi
done
if [ -z "$py" ]; then
	echo "1..0 # SKIP no python3-openpyxl to read the workbooks back"
	exit 0
fi
cells() { "$py" "$top_srcdir/tests/xlsx-cells.py" "$@"; }

# A TMPDIR of the test's own, to see that nothing is left in it.
TMPDIR=$T/tmp
export TMPDIR
mkdir "$TMPDIR"
init_db
adopted_budget 2026
parties AA BB
seci-contrib -y 2026 assess --total 24000 >/dev/null	# 12,000.00 each
seci-contrib payment add --party AA --amount 5000.25 --date 2026-02-01 \
    >/dev/null
seci-contrib payment add --party BB --amount 12000 --date 2026-03-15 \
    >/dev/null
id=$(seci-budget expense add --line A1 --amount 1234.56 --payee \
    "Staff, payroll" --date 2026-01-31 --ref PAY-01)
seci-budget --as-of 2026-02-01 expense approve "$id" >/dev/null
seci-admin user add fin --role finance >/dev/null

# compare NAME CSV-COMMAND...: the command's -o xlsx against its -o csv.
compare() {
	name=$1
	shift
	"$@" -o csv >"$T/want.csv"
	run "$@" -o xlsx --output "$T/book.xlsx"
	if [ "$status" -ne 0 ]; then
		tap_result 1 "$name: exit $status"
		return
	fi
	sheet=$(cells sheets "$T/book.xlsx" | head -1)
	cells compare "$T/book.xlsx" "$sheet" "$T/want.csv" >"$T/diff" 2>&1 ||
	    :
	if [ -s "$T/diff" ]; then
		sed 's/^/#   /' "$T/diff" | head -10
		tap_result 1 "$name: every cell as in the CSV"
	else
		tap_result 0 "$name: every cell as in the CSV"
	fi
}

compare "budget show" seci-budget -y 2026 --as-of 2026-12-31 show
compare "expense list" seci-budget -y 2026 expense list
compare "party list" seci-contrib party list
compare "status" seci-contrib -y 2026 --as-of 2026-06-30 status
compare "payment list" seci-contrib payment list
compare "balance sheet" seci-report --as-of 2026-12-31 balance-sheet
compare "budget vs actual" seci-report -y 2026 --as-of 2026-12-31 \
    budget-vs-actual
compare "audit log" seci-admin audit log

# Types and figures worked by hand: Party AA paid 5,000.25 of 12,000.00.
seci-contrib -y 2026 --as-of 2026-06-30 status -o xlsx >"$T/st.xlsx"
cells dump "$T/st.xlsx" status >"$T/dump"
is "the sheet is named after the command" \
    "$(cells sheets "$T/st.xlsx")" "status"
is "AA's row: text, numbers, a percentage, a date" \
    "$(grep '^s:AA' "$T/dump" | cut -f1,4-11)" \
    "s:AA	n:2026	n:12000	n:5000.25	n:6999.75	n:0	n:41.7	d:2026-03-31	n:91"
"$py" - "$T/st.xlsx" >"$T/fmt" <<'EOF'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["status"]
print(ws["E2"].number_format, ws["I2"].number_format, ws["J2"].number_format)
EOF
is "amounts with thousands and the currency's 2 decimals; dates as dates" \
    "$(cat "$T/fmt")" "#,##0.00 0.0 yyyy-mm-dd"

# Restricted fields stay restricted in a workbook.
seci-admin user add hana --role hr >/dev/null
SECI_USER=hana seci-staff add --name "Ana Pop" --kind staff --position P \
    --grade P3 --nationality AA --start 2025-01-01 \
    --birth-date 1980-05-05 >/dev/null
SECI_USER=fin seci-staff export -o xlsx >"$T/staff.xlsx"
cells dump "$T/staff.xlsx" export >"$T/sd"
is "finance sees 'restricted' in place of the personal data" \
    "$(sed -n 2p "$T/sd" | cut -f2,10-12)" \
    "s:Ana Pop	s:restricted	s:restricted	s:restricted"
SECI_USER=hana seci-staff export -o xlsx >"$T/staff.xlsx"
cells dump "$T/staff.xlsx" export >"$T/sd"
is "hr sees the birth date, as a date" "$(sed -n 2p "$T/sd" | cut -f10)" \
    "d:1980-05-05"

# The statements: one workbook, a sheet each, each the command's CSV.
run_ok "statements -o xlsx" seci-report -y 2026 --as-of 2026-12-31 \
    statements -o xlsx --output "$T/fs.xlsx"
is "a sheet per statement" "$(cells sheets "$T/fs.xlsx" | tr '\n' '|')" \
    "Balance sheet|Financial performance|Budget vs actual|Status of contributions|"
bad=
for s in "balance-sheet:Balance sheet" "performance:Financial performance" \
    "budget-vs-actual:Budget vs actual" \
    "contributions-status:Status of contributions"; do
	seci-report -y 2026 --as-of 2026-12-31 "${s%%:*}" -o csv >"$T/want.csv"
	cells compare "$T/fs.xlsx" "${s#*:}" "$T/want.csv" >>"$T/diff2" 2>&1 ||
	    bad="$bad ${s%%:*}"
done
is "each sheet's cells are its statement's CSV" "$bad" ""

# The monthly report: a sheet per section, figures as numbers, totals bold.
run_ok "monthly -o xlsx" seci-report --as-of 2026-12-31 \
    -o xlsx --output "$T/m.xlsx" monthly --month 2026-11
cells sheets "$T/m.xlsx" >"$T/sheets"
is "its sections as sheets" "$(cut -c1-2 "$T/sheets" | tr '\n' ' ')" \
    "1. 2. 3. 4. 5. 6. "
first=$(head -1 "$T/sheets")
cells dump "$T/m.xlsx" "$first" >"$T/md"
# Line A1: revised 100,000.00; 1,234.56 spent in January; 98,765.44 left.
is "line A1 as numbers" "$(grep '^s:A1	' "$T/md" | cut -f3,5,6)" \
    "n:100000	n:1234.56	n:98765.44"
is "the budget's total row, in bold: 200,000.00" \
    "$(grep '^\*' "$T/md" | tail -1 | cut -f3)" "n:200000"
"$py" - "$T/m.xlsx" >"$T/props" <<'EOF'
import sys, openpyxl
print(openpyxl.load_workbook(sys.argv[1]).properties.title)
EOF
is "the title in the workbook's properties" "$(cat "$T/props")" \
    "Monthly budget report: November 2026"

# The plan's progress report: a sheet per section.  Line 2.3 plans
# A1.2's 22,000.00 and A2.2's 12,000.00 of the demo plan: 34,000.00.
(
	SECI_DB=$T/plan.db
	seci-admin init --org "Test Centre" >/dev/null
	seci-budget load "$top_srcdir/share/demo/budget-2026.yaml"
	seci-budget -y 2026 adopt --decision JCC/2025/14 --date 2025-12-10
	seci-plan load "$top_srcdir/share/demo/plan-2026.yaml"
	seci-plan -y 2026 --as-of 2025-11-20 submit
	seci-plan -y 2026 --as-of 2025-12-10 decide --approve \
	    --decision JCC/2025/15
	seci-plan -y 2026 --as-of 2026-11-30 -o xlsx --output "$T/plan.xlsx" \
	    report
) >/dev/null 2>&1
ok "plan report -o xlsx" test -s "$T/plan.xlsx"
is "its sections as sheets" "$(cells sheets "$T/plan.xlsx" | cut -c1-2 |
    tr '\n' ' ')" "1. 2. 3. 4. "
cells dump "$T/plan.xlsx" "$(cells sheets "$T/plan.xlsx" | sed -n 4p)" \
    >"$T/pd"
is "line 2.3: 34,000.00 planned, nothing spent" \
    "$(grep '^s:2.3	' "$T/pd" | cut -f3-6)" "n:34000	n:0	n:0	n:34000"

# Hard cases, written by the library itself (tests/unit/xlsx-write.c).
"$top_builddir/tests/unit/xlsx-write" "$T/hard.xlsx"
repl=$(printf '\357\277\275')	# U+FFFD, 31 times: not UTF-8 in the name
is "sheet names: 31 characters (not bytes), unique, only allowed ones" \
    "$(cells sheets "$T/hard.xlsx" | tr '\n' '|')" \
    "Situația contribuțiilor și arie|Same|Same (2)|a-b-c-d--e-f-g-|$(i=0
    while [ $i -lt 31 ]; do printf %s "$repl"; i=$((i + 1)); done)|cells|"
cells dump "$T/hard.xlsx" cells | cut -f2 | tr '\n' ' ' >"$T/hd"
is "text that is a figure or a date, and text that only looks like one" \
    "$(cat "$T/hd")" \
    "s:figure n:-1234.5 n:0.125 n:0.001 s:1,23 s:1,2345.00 s:1e9 s:12. s:.5 d:2026-02-28 s:2027-02-30 s:1899-12-31 s:- 5 s:007 s:0,123 n:0 s:1234567890123456 n:999999999999999 s:bell?, not UTF-8 $repl "

# Never to a terminal; only where a format is offered.
if command -v script >/dev/null; then
	script -qec "seci-contrib party list -o xlsx" /dev/null >"$T/tty" 2>&1 ||
	    :
	ok "a terminal is refused, with a hint" grep -q \
	    "not to a terminal; redirect standard output to a file or give --output FILE" \
	    "$T/tty"
	script -qec "seci-contrib party list -o xlsx; echo \"rc=\$?\"" \
	    /dev/null >"$T/tty" 2>&1 || :
	ok "exit 64" grep -q 'rc=64' "$T/tty"
else
	skip "no script(1) for a terminal"
	skip "no script(1) for a terminal"
fi
run_fails 64 "the ledger has no xlsx" seci-report ledger -o xlsx
err_has "names the formats it has" "unknown format 'xlsx'"

# A command that prints no rows gives what it prints, not a workbook.
run_ok "party add -o xlsx" seci-contrib party add CC --name "Party CC" \
    --kind party -o xlsx
out_is "prints the new code, as without -o" "CC"

# --output: whole or not at all.
run_fails 65 "a failing command" seci-budget -y 2031 show -o xlsx \
    --output "$T/none.xlsx"
ok "leaves no file" test ! -e "$T/none.xlsx"
echo old >"$T/keep.xlsx"
run_fails 65 "a failing command over an existing file" seci-budget -y 2031 \
    show -o xlsx --output "$T/keep.xlsx"
is "leaves it as it was" "$(cat "$T/keep.xlsx")" "old"
ln -s "$T/keep.xlsx" "$T/link.xlsx"
run_fails 73 "a symbolic link is not followed" seci-budget -y 2026 show \
    -o xlsx --output "$T/link.xlsx"
is "its target untouched" "$(cat "$T/keep.xlsx")" "old"
if command -v script >/dev/null; then
	script -qec "seci-contrib party list --output '$T/t.csv'" /dev/null \
	    >/dev/null 2>&1 || :
	is "--output from a terminal: CSV, the default for a file" \
	    "$(head -1 "$T/t.csv")" "code,name,kind,accounts,aliases"
else
	skip "no script(1) for a terminal"
fi
# A damaged database: check's finding goes to the file (exit 1).
head -c 8192 /dev/urandom >"$T/bad.db"
run_fails 1 "check of a damaged file, --output" seci-admin --db "$T/bad.db" \
    check -o csv --output "$T/chk.csv"
is "the finding is in the file" "$(cut -d, -f1,2 "$T/chk.csv" | tail -1)" \
    "database,failed"
run_ok "--output with csv" seci-contrib party list -o csv --output \
    "$T/p.csv"
is "the file holds the CSV" "$(cat "$T/p.csv")" \
    "$(seci-contrib party list -o csv)"
ok "and nothing went to stdout" test ! -s "$T/out"
run_ok "--output - is standard output" seci-contrib party list -o csv \
    --output -
is "the CSV on stdout" "$(cat "$T/out")" "$(seci-contrib party list -o csv)"
ok "and no file named '-'" test ! -e "$T/-"
is "no temporary file is left" "$(ls -A "$T" | grep -v \
    -e '^seci\.db' -e '\.xlsx$' -e '\.csv$' -e '^budget-' -e '^home$' \
    -e '^out$' -e '^err$' -e '^dump$' -e '^sd$' -e '^fmt$' -e '^diff' \
    -e '^sheets$' -e '^md$' -e '^props$' -e '^tty$' -e '^hd$' -e '^tmp$' -e '^want$' -e '^bad\.db$' -e '^pd$' -e '^plan\.db$' |
    tr '\n' ' ')" ""
# Nor the folder the workbook is made in.
is "nor a working folder in TMPDIR" "$(ls -A "$TMPDIR" | grep '^seci\.' |
    tr '\n' ' ')" ""

test_done
