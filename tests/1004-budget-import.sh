#!/bin/sh
# seci-budget expense import: a whole file or nothing, every bad row
# reported with its line, idempotent, audited once with the file's hash.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
adopted_budget 2026
seci-budget commit --line A2 --amount 8000 --payee Hotel --ref PO-1 \
    --date 2026-01-05 >/dev/null

cat >"$T/good.csv" <<'CSV'
date,line,payee,amount,description,reference,commitment
2026-02-01,A1,Payroll,"8,500.00",Salaries February,PAY-02,
2026-02-03,A2,Hotel,1200.50,"Meeting, Sofia",,PO-1
2026-02-04,B1,Landlord,1500,Rent February,,
CSV
run_ok "import" seci-budget expense import "$T/good.csv"
err_has "summary on stderr" "3 new, 0 duplicate"
ok "nothing on stdout" test ! -s "$T/out"
run_ok "again" seci-budget expense import "$T/good.csv"
err_has "all duplicates, even rows without a reference" "0 new, 3 duplicate"
run_ok "list" seci-budget -y 2026 -o csv expense list
out_is "three proposed expenses" "id,date,line,payee,amount,status,reference,commitment,description,approved_by,approved_on,paid_on
1,2026-02-01,A1,Payroll,8500.00,proposed,PAY-02,,Salaries February,,,
2,2026-02-03,A2,Hotel,1200.50,proposed,,PO-1,\"Meeting, Sofia\",,,
3,2026-02-04,B1,Landlord,1500.00,proposed,,,Rent February,,,"

# One audit record per import, with the file's SHA-256 and counts.
run_ok "audit of imports" seci-admin -o tsv audit log --table imports
is "one record per import" "$(tail -n +2 "$T/out" | wc -l)" 2
sum=$(sha256sum "$T/good.csv" | cut -d' ' -f1)
ok "holding the file's SHA-256" grep -q "\"sha256\":\"$sum\"" "$T/out"
ok "and the counts" grep -q '"rows_read":3,"rows_new":0,"rows_duplicate":3' \
    "$T/out"

# A BOM, CRLF line ends, columns in another order, an unknown column.
printf '\357\273\277amount,payee,line,date,description,note\r\n12.00,Taxi,A2,2026-02-10,Taxi,x\r\n' \
    >"$T/bom.csv"
run_ok "BOM, CRLF, any column order" seci-budget expense import "$T/bom.csv"
err_has "the unknown column is named once" "warning: $T/bom.csv:1: ignoring unknown column 'note'"
err_has "1 new" "1 new, 0 duplicate"
run_ok "from stdin" sh -c "seci-budget expense import - <'$T/good.csv'"
err_has "still duplicates" "0 new, 3 duplicate"

count_before=$(seci-admin -o csv audit log | wc -l)
cat >"$T/bad.csv" <<'CSV'
date,line,payee,amount,description,reference,commitment
2026-03-01,A1,Fine,10.00,ok,R-1,
2026-03-02,Z9,Unknown line,10.00,x,R-2,
2026-03-03,A1,Three decimals,12.345,x,R-3,
2027-02-30,A1,Impossible date,10.00,x,R-4,
2026-03-05,A1,Exponent,1e9,x,R-5,
2026-03-06,A1,Negative,-5.00,x,R-6,
2026-03-07,A1,Empty amount,,x,R-7,
2026-03-08,A1,Bad commitment,5.00,x,R-8,PO-9
2026-03-09,A1,Wrong line for PO-1,5.00,x,R-9,PO-1
2026-03-10,A1,Short row
2026-03-11,A1,Fine too,10.00,ok,R-11,
CSV
run_fails 65 "a file with bad rows" seci-budget expense import "$T/bad.csv"
err_has "unknown line" "bad.csv:3: no budget line 'Z9' in 2026"
err_has "three decimals" "bad.csv:4: bad amount '12.345': more than 2 decimal places"
err_has "impossible date" "bad.csv:5: bad date '2027-02-30': no such day"
err_has "exponent" "bad.csv:6: bad amount '1e9': exponents are not amounts"
err_has "negative" "bad.csv:7: amount -5.00: an expense must be above zero"
err_has "empty amount" "bad.csv:8: bad amount '': empty"
err_has "unknown commitment" "bad.csv:9: no commitment 'PO-9' in 2026"
err_has "commitment of another line" "bad.csv:10: commitment 'PO-1' is not on line A1"
err_has "a short row" "bad.csv:11: expected 7 fields, found 3"
err_has "summary" "bad.csv: 9 bad rows; nothing written"
run_ok "nothing was written" seci-budget -y 2026 -o csv expense list
is "still four expenses" "$(tail -n +2 "$T/out" | wc -l)" 4
is "and no audit record" "$(seci-admin -o csv audit log | wc -l)" "$count_before"

printf 'date,line,amount,description\n2026-03-01,A1,5.00,x\n' >"$T/nopayee.csv"
run_fails 65 "a missing column" seci-budget expense import "$T/nopayee.csv"
err_has "named, on line 1" "nopayee.csv:1: missing column 'payee'"
: >"$T/empty.csv"
run_fails 65 "an empty file" seci-budget expense import "$T/empty.csv"
err_has "says so" "empty.csv: empty file, expected a header row"
printf 'date,line,payee,amount,description\n2026-03-01,A1,"open quote,5.00,x\n' \
    >"$T/quote.csv"
run_fails 65 "an unterminated quote" seci-budget expense import "$T/quote.csv"
err_has "with its line" "quote.csv:2: unterminated quoted field"
printf 'date,line,payee,amount,description\n2026-03-01,A1,\377\376,5.00,x\n' \
    >"$T/latin.csv"
run_fails 65 "invalid UTF-8" seci-budget expense import "$T/latin.csv"
err_has "with its line" "latin.csv:2: invalid UTF-8"
printf 'date,line,payee,amount,description\n2026-03-01,A1,a\000b,5.00,x\n' \
    >"$T/nul.csv"
run_fails 65 "a NUL byte" seci-budget expense import "$T/nul.csv"
err_has "with its line" "nul.csv:2: NUL byte"
run_fails 66 "a missing file" seci-budget expense import "$T/none.csv"
err_has "named" "cannot open '$T/none.csv'"

# Round trip: what expense list writes, expense import reads.
seci-budget -y 2026 -o csv expense list >"$T/list.csv"
run_ok "a second database with the same budget" sh -c \
    "seci-admin init --db '$T/two.db' && seci-budget --db '$T/two.db' load '$T/budget-2026.yaml' && seci-budget --db '$T/two.db' -y 2026 adopt --decision X && seci-budget --db '$T/two.db' commit --line A2 --amount 8000 --payee Hotel --ref PO-1 --date 2026-01-05 >/dev/null"
run_ok "imports the list" seci-budget --db "$T/two.db" -q expense import \
    "$T/list.csv"
run_ok "listed there" seci-budget --db "$T/two.db" -y 2026 -o csv expense list
ok "the same expenses" cmp -s "$T/out" "$T/list.csv"
# A closed year refuses imports (see 1007 for closing).
# A known reference on another expense is no duplicate: refused, named,
# nothing written (the 8,500.00 payroll is expense 1).
n=$(seci-budget -y 2026 -o csv expense list | wc -l)
printf 'date,line,payee,amount,description,reference\n2026-03-01,B1,Landlord,10.00,Rent,NEW-1\n2026-03-01,A1,Payroll,9000.00,Pay,PAY-02\n' \
    >"$T/clash.csv"
run_fails 65 "a known reference with another amount" \
    seci-budget expense import "$T/clash.csv"
err_has "named with the expense it is" "clash.csv:3: reference 'PAY-02' is expense 1 already (line A1, 2026-02-01, Payroll, 8500.00), another expense; nothing written"
run_ok "list" seci-budget -y 2026 -o csv expense list
is "nothing written" "$(wc -l <"$T/out")" "$n"
printf 'date,line,payee,amount,description,reference\n2026-03-02,B1,Landlord,10.00,R,TW-1\n2026-03-02,B1,Landlord,11.00,R,TW-1\n' \
    >"$T/twice.csv"
run_fails 65 "one reference twice in a file, other amounts" \
    seci-budget expense import "$T/twice.csv"
err_has "the second row, against the first" "twice.csv:3: reference 'TW-1' is on an earlier row of this file (line B1, 2026-03-02, Landlord, 10.00)"

# The same profiles as bank imports: here a ';' export with decimal
# commas, dd.mm.yyyy dates, its own column names (one by place), a
# running total to ignore and a footer.
cat >"$T/exp.yaml" <<'YAML'
delimiter: ";"
date_format: "%d.%m.%Y"
decimal: ","
stop_at: "Total"
ignore: [Cumulat]
expense_columns:
  date: Data
  line: Linia
  payee: Beneficiar
  amount: Suma
  description: 5
  reference: Nr
YAML
printf 'Data;Linia;Beneficiar;Suma;Detalii;Nr;Cumulat\n15.06.2026;B1;Landlord;1.250,50;Rent June;P-1;1.250,50\n16.06.2026;A2;Hotel;99,99;Meeting;P-2;1.350,49\nTotal;;;1.350,49;;;\n' \
    >"$T/exp.csv"
run_ok "an expense import with a profile" seci-budget expense import \
    --profile "$T/exp.yaml" "$T/exp.csv"
err_has "two new" "2 new, 0 duplicate"
ok "no warning about Cumulat" sh -c "! grep -q Cumulat '$T/err'"
run_ok "list" seci-budget -y 2026 -o csv expense list --from 2026-06-15 \
    --to 2026-06-16
ok "1,250.50 read with a decimal comma" grep -q '^[0-9]*,2026-06-15,B1,Landlord,1250.50,proposed,P-1,,Rent June,' "$T/out"
ok "99.99" grep -q '^[0-9]*,2026-06-16,A2,Hotel,99.99,proposed,P-2,,Meeting,' "$T/out"
run_ok "again" seci-budget expense import --profile "$T/exp.yaml" "$T/exp.csv"
err_has "duplicates" "0 new, 2 duplicate"
printf 'expense_columns: {colour: C}\n' >"$T/bad.yaml"
run_fails 78 "an unknown expense column key" seci-budget expense import \
    --profile "$T/bad.yaml" "$T/exp.csv"
err_has "file and line" "bad.yaml:1: unknown column key 'colour'"
test_done
