#!/bin/sh
# Bank profiles: a Romanian export (';', dd.mm.yyyy, decimal commas, a
# preamble) and one with debits and credits in separate columns.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
seci-contrib party add RO --name Romania --kind party \
    --account RO49AAAA1B31007593840000 >/dev/null
seci-contrib party add MD --name Moldova --kind party >/dev/null
seci-contrib -y 2026 assess --total 200000 >/dev/null

printf '\357\273\277Extras de cont RO49BANK0000000000000001\r\nPerioada 01.01.2026 - 31.03.2026\r\nData operatiunii;Data valutei;Suma;Moneda;Cont ordonator;Nume ordonator;Detalii;Referinta\r\n05.02.2026;06.02.2026;50.000,00;EUR;RO49AAAA1B31007593840000;Politia de Frontiera;Contributie 2026;BT-001\r\n"12.03.2026";13.03.2026;"1.234,56";EUR;MD00X;Ministerul;"Plata MD; tranzit";BT-002\r\n20.03.2026;20.03.2026;-15,00;EUR;;Banca;Comision;BT-003\r\n' \
    >"$T/ro.csv"
run_ok "a ro-bank export" seci-contrib payment import --profile ro-bank "$T/ro.csv"
err_has "two new, the fee skipped" "2 new, 0 duplicate, 0 unmatched"
run_ok "list" seci-contrib -y 2026 -o csv payment list
out_is "dates and decimal commas read" \
"id,date,party,amount,currency,base_amount,reference,bank_id,status,matched_by,payer,rate
1,2026-02-05,RO,50000.00,EUR,50000.00,Contributie 2026,BT-001,matched,account,Politia de Frontiera,
2,2026-03-12,MD,1234.56,EUR,1234.56,Plata MD; tranzit,BT-002,matched,reference,Ministerul,"
run_ok "again" seci-contrib payment import --profile ro-bank "$T/ro.csv"
err_has "duplicates" "0 new, 2 duplicate, 0 unmatched"
sed 's/50.000,00/50.000,001/' "$T/ro.csv" >"$T/ro3.csv"
run_fails 65 "three decimals with a decimal comma" \
    seci-contrib payment import --profile ro-bank "$T/ro3.csv"
err_has "line 4 (after the preamble)" "ro3.csv:4: bad amount '50.000,001'"
sed 's/05.02.2026;06/31.02.2026;06/' "$T/ro.csv" >"$T/rod.csv"
run_fails 65 "31.02." seci-contrib payment import --profile ro-bank "$T/rod.csv"
err_has "no such day" "rod.csv:4: bad date '31.02.2026': no such day"

cat >"$T/dc.csv" <<'CSV'
Booking Date,Value Date,Debit,Credit,Currency,Counterparty Account,Counterparty Name,Remittance Information,Transaction ID
2026-04-01,2026-04-01,,"25,000.00",EUR,RO49AAAA1B31007593840000,Border Police,2026,DC-1
2026-04-02,2026-04-02,350.00,,EUR,,Landlord,Rent,DC-2
2026-04-03,2026-04-03,,,EUR,,Nobody,Nothing,DC-3
CSV
run_fails 65 "debit-credit: a row with neither" \
    seci-contrib payment import --profile debit-credit "$T/dc.csv"
err_has "named" "dc.csv:4: no amount: credit and debit are both empty"
sed -i '$d' "$T/dc.csv"
run_ok "debit-credit" seci-contrib payment import --profile debit-credit "$T/dc.csv"
err_has "the credit counts, the debit is skipped" "1 new, 0 duplicate, 0 unmatched"
err_has "with a warning" "1 outgoing row skipped"
run_ok "status" seci-contrib -y 2026 --as-of 2026-12-31 -o csv status
ok "RO paid 75,000.00 of 100,000.00" \
    grep -q '^RO,Romania,party,2026,100000.00,75000.00,25000.00,0.00,75.0,' "$T/out"

run_fails 78 "an unknown profile" seci-contrib payment import --profile nosuch \
    "$T/dc.csv"
err_has "named" "no bank profile 'nosuch'"
printf 'name: x\ncolumns:\n  date: D\n  amount: A\n  colour: C\n' >"$T/p.yaml"
run_fails 78 "a profile with an unknown column key" \
    seci-contrib payment import --profile "$T/p.yaml" "$T/dc.csv"
err_has "file and line" "p.yaml:5: unknown column key 'colour'"
printf 'name: x\ndelimiter: ";"\ncolumns:\n  date: Day\n  amount: Sum\n' \
    >"$T/mine.yaml"
printf 'Day;Sum;Extra\n2026-06-01;10;x\n' >"$T/mine.csv"
run_ok "a profile by path" seci-contrib payment import --profile "$T/mine.yaml" \
    "$T/mine.csv"
mkdir -p "$XDG_CONFIG_HOME/seci/profiles"
cp "$T/mine.yaml" "$XDG_CONFIG_HOME/seci/profiles/mine.yaml"
sed -i 's/^2026-06-01;10;x$/2026-06-02;10;x/' "$T/mine.csv"
run_ok "a profile by name from the user's config" \
    seci-contrib payment import --profile mine "$T/mine.csv"
err_has "read" "1 new, 0 duplicate, 1 unmatched"
# A debit is money out whatever its sign: a refund written -1,200.00 in
# the Debit column must not become 1,200.00 received from Romania.
cat >"$T/neg.csv" <<'CSV'
Booking Date,Value Date,Debit,Credit,Currency,Counterparty Account,Counterparty Name,Remittance Information,Transaction ID
2026-05-01,2026-05-01,-1200.00,,EUR,RO49AAAA1B31007593840000,Border Police,Refund of overpayment RO,DC-10
2026-05-02,2026-05-02,-35.70,,EUR,,Bank,Charges,DC-11
2026-05-03,2026-05-03,0.00,100.00,EUR,RO49AAAA1B31007593840000,Border Police,2026,DC-12
CSV
run_ok "negative debits" seci-contrib payment import --profile debit-credit \
    "$T/neg.csv"
err_has "only the credit is new" "1 new, 0 duplicate, 0 unmatched"
err_has "the two debits are skipped" "2 outgoing rows skipped"
run_ok "status" seci-contrib -y 2026 --as-of 2026-12-31 -o csv status
ok "RO paid 75,000.00 + 100.00, nothing from the refund" \
    grep -q '^RO,Romania,party,2026,100000.00,75100.00,24900.00,0.00,75.1,' \
    "$T/out"
printf '%s\n%s\n' "$(head -1 "$T/neg.csv")" \
    '2026-05-04,2026-05-04,10.00,20.00,EUR,,X,Y,DC-13' >"$T/both.csv"
run_fails 65 "credit and debit both filled" \
    seci-contrib payment import --profile debit-credit "$T/both.csv"
err_has "named" "both.csv:2: both credit and debit are filled"

# A bank id seen before with other data is no duplicate: refused, named,
# never silently dropped (another bank's ids can collide).
printf '%s\n%s\n' "$(head -1 "$T/neg.csv")" \
    '2026-06-01,2026-06-01,,"50,000.00",EUR,,Moldova,MD 2026,DC-12' \
    >"$T/clash.csv"
b=$(seci-contrib -o csv payment list | wc -l)
run_fails 65 "a known bank id with another amount" \
    seci-contrib payment import --profile debit-credit "$T/clash.csv"
err_has "names both" "clash.csv:2: bank id 'DC-12' is payment 6 already, of 2026-05-03 100.00 EUR"
run_ok "payments" seci-contrib -o csv payment list
is "nothing written" "$(wc -l <"$T/out")" "$b"
printf '%s\n%s\n%s\n' "$(head -1 "$T/neg.csv")" \
    '2026-06-01,2026-06-01,,10.00,EUR,,Moldova,MD,DC-20' \
    '2026-06-01,2026-06-01,,11.00,EUR,,Moldova,MD,DC-20' >"$T/clash2.csv"
run_fails 65 "one id twice in a file with other amounts" \
    seci-contrib payment import --profile debit-credit "$T/clash2.csv"
err_has "the second row, against the first" "clash2.csv:3: bank id 'DC-20' is on an earlier row of this file, of 2026-06-01 10.00 EUR"

# Amounts beyond any real one are refused before they reach the books.
printf 'date,amount,bank_id\n2026-06-01,92233720368547758.07,G1\n' \
    >"$T/huge.csv"
run_fails 65 "an amount near 2^63 cents" seci-contrib payment import "$T/huge.csv"
err_has "named" "huge.csv:2: bad amount '92233720368547758.07': too large (the limit is 9999999999999.99)"
run_fails 64 "an assessment total beyond the limit" \
    seci-contrib -y 2027 assess --total 92233720368547758.07
run_ok "nothing assessed for 2027" seci-contrib -y 2027 -o csv status
is "no 2027 rows" "$(grep -c ',2027,' "$T/out")" 0
printf 'name: x\ndecimal: ";"\ncolumns:\n  date: D\n  amount: A\n' >"$T/dec.yaml"
run_fails 78 "a profile's decimal mark that is neither . nor ," \
    seci-contrib payment import --profile "$T/dec.yaml" "$T/dc.csv"
err_has "says what it must be" "dec.yaml:2: 'decimal' must be \".\" or \",\""

# Matching by a Party code in the reference: on by default, off with
# match_code: false, never for a profile's code_stopwords.  The
# Romanian profile ships with SI ("and" without its diacritics).
seci-contrib party add SI --name Slovenia --kind party >/dev/null
printf '\357\273\277x\r\ny\r\nData operatiunii;Data valutei;Suma;Moneda;Cont ordonator;Nume ordonator;Detalii;Referinta\r\n01.07.2026;01.07.2026;20.000,00;EUR;RO11HOST;Primaria;GRANT GUVERN SI PRIMARIE;SI-1\r\n02.07.2026;02.07.2026;300,00;EUR;;Ministerul;Contributie MD;SI-2\r\n' \
    >"$T/si.csv"
n=$(seci-contrib -o csv payment list --from 2000-01-01 | wc -l)
run_ok "a dry run" seci-contrib -o csv payment import --dry-run \
    --profile ro-bank "$T/si.csv"
out_is "each row with its Party and rule; SI is no code for ro-bank" \
"line,date,amount,currency,base_amount,party,matched_by,reference,bank_id,status
4,2026-07-01,20000.00,EUR,20000.00,,,GRANT GUVERN SI PRIMARIE,SI-1,new
5,2026-07-02,300.00,EUR,300.00,MD,reference,Contributie MD,SI-2,new"
err_has "the summary says how they matched, and that nothing was written" \
    "2 new, 0 duplicate, 1 unmatched; matched by account 0, alias 0, reference 1 (dry run: nothing written)"
is "nothing written" "$(seci-contrib -o csv payment list --from 2000-01-01 | wc -l)" "$n"
run_ok "no import recorded" seci-contrib -o csv --no-header import list
ok "none for si.csv" sh -c "! grep -q si.csv '$T/out'"
# The same rows through a profile without stopwords: SI matches.
sed 's/^code_stopwords:.*//' "$top_srcdir/share/profiles/ro-bank.yaml" \
    >"$T/ro-plain.yaml"
run_ok "without stopwords" seci-contrib -o csv payment import --dry-run \
    --profile "$T/ro-plain.yaml" "$T/si.csv"
ok "the grant goes to Slovenia" grep -q '^4,.*,SI,reference,' "$T/out"
printf 'match_code: false\n' >>"$T/ro-plain.yaml"
run_ok "match_code: false" seci-contrib -o csv payment import --dry-run \
    --profile "$T/ro-plain.yaml" "$T/si.csv"
is "no code matches at all" "$(tail -n +2 "$T/out" | cut -d, -f7 | tr -d '\n')" ""
sed -i 's/^match_code: false$/match_code: maybe/' "$T/ro-plain.yaml"
run_fails 78 "match_code neither true nor false" \
    seci-contrib payment import --dry-run --profile "$T/ro-plain.yaml" "$T/si.csv"
err_has "file and line" "ro-plain.yaml:$(grep -n '^match_code' "$T/ro-plain.yaml" | cut -d: -f1): 'match_code' must be true or false"
printf 'columns: {date: D, amount: A}\ncode_stopwords: SI\n' >"$T/sw.yaml"
run_fails 78 "code_stopwords not a list" \
    seci-contrib payment import --profile "$T/sw.yaml" "$T/si.csv"
err_has "says so" "sw.yaml:2: 'code_stopwords' must be a list of words"
run_ok "the real import" seci-contrib payment import --profile ro-bank \
    "$T/si.csv"
run_ok "list" seci-contrib -o csv payment list --from 2026-07-01
ok "the grant waits in suspense" grep -q '^[0-9]*,2026-07-01,,20000.00,.*,suspense,,Primaria,$' "$T/out"

# A Windows code page, a footer, a running balance column, and a header
# that repeats a name: columns by position.
cat >"$T/ro1250.yaml" <<'YAML'
name: ro-1250
delimiter: ";"
encoding: windows-1250
skip: 1
date_format: "%d.%m.%Y"
decimal: ","
stop_at: "Sold final"
ignore: [Sold]
columns:
  date: Data
  amount: Suma
  payer: 4
  reference: 5
  bank_id: Ref
YAML
# "Poliţia" and "Contribuţie" with ţ as the code page's 0xFE.
printf 'Extras 1250\r\nData;Suma;Sold;Detalii;Detalii;Ref\r\n03.08.2026;1.000,00;1.000,00;Poli\376ia;Contribu\376ie MD;W-1\r\n04.08.2026;2.500,50;3.500,50;Ministerul;MD 2026;W-2\r\nSold final;3.500,50\r\nGenerat de banca\r\n' \
    >"$T/w1250.csv"
run_ok "a windows-1250 export" seci-contrib -o csv payment import --dry-run \
    --profile "$T/ro1250.yaml" "$T/w1250.csv"
out_is "two rows, read as UTF-8; the footer and the balance column left out" \
"line,date,amount,currency,base_amount,party,matched_by,reference,bank_id,status
3,2026-08-03,1000.00,EUR,1000.00,MD,reference,Contribuţie MD,W-1,new
4,2026-08-04,2500.50,EUR,2500.50,MD,reference,MD 2026,W-2,new"
ok "no warning about Sold" sh -c "! grep -q Sold '$T/err'"
run_ok "imported" seci-contrib payment import --profile "$T/ro1250.yaml" \
    "$T/w1250.csv"
run_ok "payment list" seci-contrib -o csv payment list --from 2026-08-01 \
    --to 2026-08-03
ok "the payer in UTF-8" grep -q ',Poliţia,$' "$T/out"
run_ok "import list" seci-contrib -o csv import list
ok "the digest of the file as it is" grep -q ",$(sha256sum "$T/w1250.csv" | cut -d' ' -f1),2,2,0,ok," "$T/out"
printf 'Extras\r\nData;Suma;Sold;Detalii;Detalii;Ref\r\n05.08.2026;1,00;1,00;x\201y;MD;W-3\r\n' \
    >"$T/bad1250.csv"
run_fails 65 "a byte the code page does not have" seci-contrib payment \
    import --profile "$T/ro1250.yaml" "$T/bad1250.csv"
err_has "file, line and byte" "bad1250.csv:3: byte 0x81 is not windows-1250"
sed 's/windows-1250/klingon-9/' "$T/ro1250.yaml" >"$T/k.yaml"
run_fails 78 "an unknown encoding" seci-contrib payment import \
    --profile "$T/k.yaml" "$T/bad1250.csv"
err_has "named" "unknown encoding 'klingon-9'"
# skip_footer: the last rows are no data, whatever they hold.
printf 'date,amount,reference,bank_id\n2026-08-10,5.00,MD,F-1\nTotal,5.00\nEnd of statement\n' \
    >"$T/foot.csv"
run_fails 65 "without skip_footer the footer is bad rows" \
    seci-contrib payment import --dry-run "$T/foot.csv"
printf 'columns: {date: date, amount: amount, reference: reference, bank_id: bank_id}\nskip_footer: 2\n' \
    >"$T/foot.yaml"
run_ok "with skip_footer: 2" seci-contrib -o csv --no-header payment import \
    --dry-run --profile "$T/foot.yaml" "$T/foot.csv"
out_is "one row" "2,2026-08-10,5.00,EUR,5.00,MD,reference,MD,F-1,new"
printf 'columns: {date: date, amount: 0}\n' >"$T/zero.yaml"
run_fails 78 "column 0" seci-contrib payment import --profile "$T/zero.yaml" \
    "$T/foot.csv"
err_has "says they count from 1" "zero.yaml:1: columns are numbered from 1"
# stop_at and skip_footer together: the footer ends the data, the rows
# before it all count.
printf 'columns: {date: date, amount: amount, reference: reference, bank_id: bank_id}\nstop_at: Total\nskip_footer: 1\n' \
    >"$T/both.yaml"
printf 'date,amount,reference,bank_id\n2026-08-11,10.00,MD,S-1\n2026-08-12,20.00,MD,S-2\nTotal,30.00,,\nPrinted 2026-08-13,,,\n' \
    >"$T/both.csv"
run_ok "stop_at and skip_footer" seci-contrib -o csv --no-header payment \
    import --dry-run --profile "$T/both.yaml" "$T/both.csv"
is "both rows" "$(cut -d, -f9 "$T/out" | tr '\n' ' ')" "S-1 S-2 "
printf 'date,amount,reference,bank_id\n2026-08-14,5.00,MD,S-3\n' >"$T/short.csv"
run_fails 65 "a file shorter than its footer" seci-contrib payment import \
    --profile "$T/foot.yaml" "$T/short.csv"
err_has "says so" "short.csv: 1 row after the header, fewer than the 2 of its footer (skip_footer)"
# One bad byte is one error.
run_fails 65 "a bad byte" seci-contrib payment import --profile \
    "$T/ro1250.yaml" "$T/bad1250.csv"
is "reported once" "$(grep -c 'is not windows-1250' "$T/err")" 1
printf 'columns: {date: date, amount: 4294967299}\n' >"$T/big.yaml"
run_fails 78 "a column number too big" seci-contrib payment import \
    --profile "$T/big.yaml" "$T/foot.csv"
test_done
