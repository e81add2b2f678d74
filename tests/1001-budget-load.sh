#!/bin/sh
# seci-budget load, adopt, export: the budget document, exact amounts,
# every bad line reported, nothing written on error, round trip.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
small_budget 2026
run_ok "load a draft" seci-budget load "$T/budget-2026.yaml"
run_ok "show it" seci-budget -y 2026 -o csv show --as-of 2026-01-01
# A2 is written as the YAML number 50000: 50,000.00 exactly.
out_is "four lines at their initial amounts" \
"chapter,line,name,kind,initial,transfers_in,transfers_out,supplementary,revised,committed,spent,available,executed_pct,carried_in,budget_status
A,A1,Salaries,staff,100000.00,0.00,0.00,0.00,100000.00,0.00,0.00,100000.00,0.0,0.00,draft
A,A2,Meetings,operational,50000.00,0.00,0.00,0.00,50000.00,0.00,0.00,50000.00,0.0,0.00,draft
B,B1,Rent,operational,20000.00,0.00,0.00,0.00,20000.00,0.00,0.00,20000.00,0.0,0.00,draft
B,B2,Equipment,capital,30000.00,0.00,0.00,0.00,30000.00,0.00,0.00,30000.00,0.0,0.00,draft"

run_ok "table form" seci-budget -y 2026 -o table show
ok "has chapter subtotals" grep -q "Staff and operations total .*150,000.00" "$T/out"
ok "and the grand total" grep -q "Grand total .*200,000.00" "$T/out"

# Reloading a draft replaces it.
sed 's/"100000.00"/"110000.00"/; /code: B2/d' "$T/budget-2026.yaml" >"$T/b2.yaml"
run_ok "reload the draft" seci-budget load "$T/b2.yaml"
run_ok "export" seci-budget -y 2026 -o csv export
out_is "the new draft" "year,chapter,chapter_name,line,name,kind,amount
2026,A,Staff and operations,A1,Salaries,staff,110000.00
2026,A,Staff and operations,A2,Meetings,operational,50000.00
2026,B,Premises and equipment,B1,Rent,operational,20000.00"

# Round trip: export, load the CSV into another database, export again.
cp "$T/out" "$T/export.csv"
run_ok "init a second database" seci-admin --db "$T/two.db" init
run_ok "load the exported CSV" seci-budget --db "$T/two.db" load "$T/export.csv"
run_ok "export it again" seci-budget --db "$T/two.db" -y 2026 -o csv export
ok "identical" cmp -s "$T/out" "$T/export.csv"
tail -n +2 "$T/export.csv" | cut -d, -f2- >"$T/noyear.csv"
sed -i '1i chapter,chapter_name,line,name,kind,amount' "$T/noyear.csv"
run_ok "a CSV without a year column loads into --year" \
    seci-budget --db "$T/two.db" -y 2027 load "$T/noyear.csv"
run_ok "export 2027" seci-budget --db "$T/two.db" -y 2027 -o csv export
is "same lines in 2027" "$(tail -n +2 "$T/out" | cut -d, -f2-)" \
    "$(tail -n +2 "$T/export.csv" | cut -d, -f2-)"

# A draft is marked as one wherever it appears.
run_ok "table of a draft" seci-budget -y 2026 -o table show
ok "says DRAFT above the table" grep -q "^DRAFT: the 2026 budget is not adopted by the JCC" "$T/out"
run_ok "json of a draft" seci-budget -y 2026 -o json show
ok "each line says draft" sh -c "grep -c '\"budget_status\":\"draft\"' '$T/out' | grep -qx 3"
run_ok "the monthly report" seci-report -y 2026 --as-of 2026-01-31 monthly
ok "marks the draft" grep -q "DRAFT: the 2026 budget is not adopted" "$T/out"
run_ok "the monthly report in JSON" seci-report -y 2026 --as-of 2026-01-31 \
    -o json monthly
ok "budget_status draft" grep -q '"budget_status":"draft"' "$T/out"
run_ok "status of the years" seci-budget -o csv status
out_is "2026 a draft; the other database's years are not here" \
"year,status,decision,adopted_on,closed_on,initial
2026,draft,,,,180000.00"

run_ok "adopt" seci-budget -y 2026 adopt --decision JCC/2025/7 --date 2025-12-10
run_ok "status after adoption" seci-budget -o csv status
out_is "adopted, with its JCC decision and date" \
"year,status,decision,adopted_on,closed_on,initial
2026,adopted,JCC/2025/7,2025-12-10,,180000.00"
run_ok "table of an adopted budget" seci-budget -y 2026 -o table show
ok "no DRAFT" sh -c "! grep -q DRAFT '$T/out'"
run_ok "monthly" seci-report -y 2026 --as-of 2026-01-31 monthly
ok "no DRAFT either" sh -c "! grep -q DRAFT '$T/out'"
run_fails 65 "an adopted budget cannot be reloaded" \
    seci-budget load "$T/budget-2026.yaml"
err_has "says so" "the 2026 budget is adopted and cannot be reloaded"
run_fails 65 "nor adopted twice" seci-budget -y 2026 adopt --decision X
run_fails 64 "adopt needs --decision" seci-budget -y 2027 adopt
run_fails 65 "adopt a year with no budget" \
    seci-budget -y 2030 adopt --decision X

# Bad documents: every problem with its line, nothing written.
cat >"$T/bad.yaml" <<'YAML'
year: 2028
currency: EUR
chapters:
  - code: A
    name: A
    lines:
      - {code: A1, name: Three decimals, kind: staff, amount: "1.005"}
      - {code: A2, name: Exponent, kind: staff, amount: 1e6}
      - {code: A3, name: Negative, kind: staff, amount: "-5.00"}
      - {code: A4, name: Bad kind, kind: travel, amount: "5.00"}
      - {code: A5, name: No amount, kind: staff}
      - {code: A7, name: Fine, kind: staff, amount: "5.00"}
      - {code: A7, name: Same code, kind: staff, amount: "5.00"}
YAML
run_fails 65 "a bad document" seci-budget load "$T/bad.yaml"
err_has "three decimals, line 7" "bad.yaml:7: bad amount '1.005': more than 2 decimal places"
err_has "exponent, line 8" "bad.yaml:8: bad amount '1e6': exponents are not amounts"
err_has "negative, line 9" "bad.yaml:9: negative amount '-5.00'"
err_has "bad kind, line 10" "bad.yaml:10: bad kind 'travel'"
err_has "no amount, line 11" "bad.yaml:11: line 'A5' has no amount"
err_has "duplicate code, line 13" "bad.yaml:13: line code 'A7' appears twice"
err_has "and a summary" "bad.yaml: 6 problems; nothing loaded"
run_fails 65 "nothing was written" seci-budget -y 2028 show
err_has "no budget" "no budget for 2028"

printf 'year: 2029\ncurrency: USD\nchapters:\n  - {code: A, name: A, lines: [{code: A1, name: x, kind: staff, amount: 1}]}\n' >"$T/usd.yaml"
cat >"$T/twice.yaml" <<'YAML'
year: 2029
chapters:
  - {code: A, name: A, lines: [{code: A1, name: x, kind: staff, amount: 1}]}
  - {code: B, name: B, lines: [{code: B1, name: y, kind: staff, amount: 1}]}
  - {code: A, name: A, lines: [{code: A2, name: z, kind: wages, amount: 1}]}
YAML
run_fails 65 "a chapter twice" seci-budget load "$T/twice.yaml"
err_has "named, with its line" "twice.yaml:5: chapter 'A' appears twice"
err_has "and its lines still checked" "twice.yaml:5: bad kind 'wages'"
run_fails 65 "a CSV for 2026 loaded with -y 2028" seci-budget --db "$T/two.db" \
    -y 2028 load "$T/export.csv"
err_has "says so" "the file is for 2026, not 2028 (--year)"
run_fails 65 "another currency" seci-budget load "$T/usd.yaml"
err_has "names it" "usd.yaml:2: currency USD differs from the database's"
printf 'year: 2029\nchapters: [\n' >"$T/broken.yaml"
run_fails 65 "broken YAML" seci-budget load "$T/broken.yaml"
err_has "with file and line" "broken.yaml:"
run_fails 66 "a missing file" seci-budget load "$T/none.yaml"
: >"$T/empty.yaml"
run_fails 65 "an empty file" seci-budget load "$T/empty.yaml"

run_ok "audit has the load and the adoption" \
    seci-admin -o tsv audit log --table budget
is "three budget records for 2026: load, reload, adopt" \
    "$(tail -n +2 "$T/out" | cut -f7 | tr '\n' ' ')" "2026 2026 2026 "
seci-admin user add vic --role viewer >/dev/null
run_fails 77 "a viewer may not load" \
    env SECI_USER=vic seci-budget load "$T/budget-2026.yaml"
run_ok "but may look" env SECI_USER=vic seci-budget -y 2026 show
# Keys the document does not know are errors, not silently dropped: a
# flow mapping's "1,150,000.00" would otherwise load 1.00, and a misspelt
# "incomes:" would drop 80,000.00 of income.
cat >"$T/keys.yaml" <<'YAML'
year: 2029
chapters:
  - code: A
    lines:
      - {code: "1.1", name: Salaries, kind: staff, amount: 1,150,000.00}
      - {code: "1.2", name: Rent, kind: operational, amount: "1,000.00", note: x}
incomes:
  - {code: I1, name: Grant, amount: 80000}
YAML
run_fails 65 "unknown keys" seci-budget load "$T/keys.yaml"
err_has "the split amount" "keys.yaml:5: unknown key '000.00': quote an amount written with ',' between braces"
err_has "a line's key" "keys.yaml:6: unknown key 'note'"
err_has "a misspelt top key" "keys.yaml:7: unknown key 'incomes'"
run_fails 65 "nothing loaded" seci-budget -y 2029 show
# -y that disagrees with the document's year is a mistake, not ignored.
sed 's/^year: 2029$/year: 2031/' "$T/twice.yaml" | sed '/code: A, name: A, lines: \[{code: A2/d' >"$T/y31.yaml"
run_fails 65 "-y 2032 for a 2031 document" seci-budget -y 2032 load "$T/y31.yaml"
err_has "says so at the year's line" "y31.yaml:1: the document is for 2031, not 2032 (--year)"
run_ok "-y 2031 agrees" seci-budget -y 2031 load "$T/y31.yaml"
# Names have a bound (200 bytes), and no YAML value passes 4 MiB.
long=$(printf '%0201d' 0 | tr 0 x)
printf 'year: 2033\nchapters:\n  - code: A\n    lines:\n      - {code: A1, name: %s, kind: staff, amount: 1}\n' \
    "$long" >"$T/long.yaml"
run_fails 65 "a 201-byte line name" seci-budget load "$T/long.yaml"
err_has "named" "long.yaml:5: the name of 'A1' is longer than 200 bytes"
{ printf 'year: 2033\nnote: "'; head -c 5000000 /dev/zero | tr '\0' x; printf '"\n'; } \
    >"$T/huge.yaml"
run_fails 65 "a 5 MB value" seci-budget load "$T/huge.yaml"
err_has "named" "huge.yaml:2: value longer than 4 MiB"
test_done
