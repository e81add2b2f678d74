#!/bin/sh
# seci-contrib party add, list, import.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
seci-admin user add vic --role viewer >/dev/null
run_ok "add a Party" seci-contrib party add RO --name Romania --kind party \
    --account "ro49 aaaa 1b31 0075 9384 0000" --account RO12BBBB0000000000000001 \
    --alias "Romanian Border Police"
out_is "prints the code" "RO"
run_ok "add an Observer" seci-contrib party add US --name "United States" \
    --kind observer
run_fails 65 "the same code again" seci-contrib party add RO --name x \
    --kind party
err_has "says so" "party RO already exists"
run_fails 65 "an account that is another Party's" seci-contrib party add BG \
    --name Bulgaria --kind party --account RO49AAAA1B31007593840000
err_has "names it" "account 'RO49AAAA1B31007593840000' is another party's already"
run_fails 65 "an alias that is another Party's, whatever its case" \
    seci-contrib party add BG --name Bulgaria --kind party \
    --alias "ROMANIAN BORDER POLICE"
run_fails 65 "a lower-case code" seci-contrib party add bg --name x --kind party
err_has "explains" "bad party code 'bg'"
run_fails 65 "a bad kind" seci-contrib party add BG --name x --kind member
run_fails 64 "--name is required" seci-contrib party add BG --kind party
run_fails 77 "a viewer may not add" env SECI_USER=vic seci-contrib party add \
    BG --name x --kind party

run_ok "list" seci-contrib -o csv party list
out_is "accounts without blanks, joined by ';'" "code,name,kind,accounts,aliases
RO,Romania,party,RO12BBBB0000000000000001;RO49AAAA1B31007593840000,Romanian Border Police
US,United States,observer,,"
run_ok "a viewer may list" env SECI_USER=vic seci-contrib party list

cat >"$T/p.csv" <<'CSV'
code,name,kind,accounts,aliases
BG,Bulgaria,party,BG80BNBG96611020345678,Ministry of Interior Bulgaria;MoI BG
RO,Romania,party,,
GR,Greece,party,,
CSV
run_ok "import" seci-contrib party import "$T/p.csv"
err_has "RO is a duplicate" "2 new, 1 duplicate"
run_ok "again" seci-contrib party import "$T/p.csv"
err_has "all duplicates" "0 new, 3 duplicate"
printf 'code,name,kind\nRO,Roumanie,party\nxx,Bad,party\nMK,North Macedonia,member\n' \
    >"$T/bad.csv"
run_fails 65 "conflicting and bad rows" seci-contrib party import "$T/bad.csv"
err_has "another name" "bad.csv:2: party RO exists with another name or kind"
err_has "bad code" "bad.csv:3: bad party code 'xx'"
err_has "bad kind" "bad.csv:4: bad kind 'member'"
run_ok "list" seci-contrib -o csv party list
is "nothing more written: five" "$(tail -n +2 "$T/out" | cut -d, -f1 | tr '\n' ' ')" \
    "BG GR RO US "
run_ok "audit" seci-admin -o tsv audit log
is "party add audited once each (RO, US)" \
    "$(cut -f6 "$T/out" | grep -cx party)" 2
is "each import once, with its counts (the refused one not at all)" \
    "$(cut -f6 "$T/out" | grep -cx imports)" 2
run_ok "list" seci-contrib -o csv party list
cp "$T/out" "$T/parties.csv"
run_ok "round trip: into a second database" \
    sh -c "seci-admin init --db '$T/two.db' && seci-contrib --db '$T/two.db' -q party import '$T/parties.csv'"
run_ok "listed there" seci-contrib --db "$T/two.db" -o csv party list
ok "the same, byte for byte" cmp -s "$T/out" "$T/parties.csv"
run_ok "list" seci-contrib -o csv party list
ok "several aliases" grep -q '^BG,Bulgaria,party,BG80BNBG96611020345678,Ministry of Interior Bulgaria;MoI BG$' "$T/out"
# Empty lists are JSON null, as in every other listing, not "".
seci-contrib party add ZZ --name Nothing --kind party >/dev/null
run_ok "json" seci-contrib -o json party list
ok "no accounts, no aliases: null" \
    grep -q '^{"code":"ZZ","name":"Nothing","kind":"party","accounts":null,"aliases":null}' "$T/out"
# A name from a bank or a file may hold control characters: a terminal
# table shows them as '?', never obeys them; CSV keeps them.
seci-contrib party add ES --name "$(printf 'Evil\033[2JName')" --kind party \
    >/dev/null
run_ok "table" seci-contrib -o table party list
ok "the escape is shown as ?" grep -q 'Evil?\[2JName' "$T/out"
ok "and not written" sh -c "! grep -q \"$(printf '\033')\" '$T/out'"
run_ok "csv" seci-contrib -o csv party list
ok "CSV keeps the data" grep -q "$(printf 'Evil\033')" "$T/out"
# A known Party's new account or alias in a file is added to it (a new
# bank account); one that is another Party's is refused, nothing written.
printf 'code,name,kind,accounts,aliases\nGR,Greece,party,GR16 0110 1250 0000 0001 2300 695,Hellenic Police\nBG,Bulgaria,party,BG80BNBG96611020345678,MoI BG\n' \
    >"$T/more.csv"
run_ok "new accounts for known Parties" seci-contrib party import "$T/more.csv"
err_has "still duplicates" "0 new, 2 duplicate"
err_has "says what it added" "more.csv:2: party GR is known; 2 accounts or aliases added to it"
ok "BG had both already: no word" sh -c "! grep -q 'party BG' '$T/err'"
run_ok "list" seci-contrib -o csv party list
ok "GR's account and alias" grep -q '^GR,Greece,party,GR1601101250000000012300695,Hellenic Police$' "$T/out"
printf 'code,name,kind,accounts\nGR,Greece,party,GR99X;BG80BNBG96611020345678\n' \
    >"$T/steal.csv"
run_fails 65 "another Party's account" seci-contrib party import "$T/steal.csv"
err_has "named" "steal.csv:2: account 'BG80BNBG96611020345678' is another party's already"
run_ok "list" seci-contrib -o csv party list
ok "GR99X not added" sh -c "! grep -q GR99X '$T/out'"

# party edit: a Party renamed officially, its accounts and payer names
# changed, in one audited change.
run_fails 64 "party edit with nothing to change" seci-contrib party edit GR
err_has "says so" "party edit: nothing to change"
run_fails 65 "an unknown Party" seci-contrib party edit QQ --name Q
run_ok "rename, add and remove" seci-contrib party edit GR \
    --name "Hellenic Republic" --add-account "GR55 0000 1" \
    --remove-alias "hellenic police" --add-alias "Ministry of Citizen Protection" \
    --date 2026-05-01
run_ok "list" seci-contrib -o csv party list
out_has_gr=$(grep '^GR,' "$T/out")
is "the new name, both accounts, the new alias only" "$out_has_gr" \
    "GR,Hellenic Republic,party,GR1601101250000000012300695;GR5500001,Ministry of Citizen Protection"
run_fails 65 "removing an account it does not have" \
    seci-contrib party edit GR --remove-account BG80BNBG96611020345678
err_has "says whose it is not" "account 'BG80BNBG96611020345678' is not party GR's"
run_fails 65 "adding another Party's alias" \
    seci-contrib party edit GR --add-alias "MoI BG"
err_has "named" "alias 'MoI BG' is another party's already"
run_fails 65 "a bad kind" seci-contrib party edit GR --kind member
run_fails 65 "an empty name" seci-contrib party edit GR --name ""
run_ok "list" seci-contrib -o csv party list
is "nothing of the refused edits written" "$(grep '^GR,' "$T/out")" "$out_has_gr"
run_ok "audit log" seci-admin -o csv audit log --table party
ok "the rename audited with its date of record, before and after" \
    sh -c "grep 'party edit' '$T/out' | grep '2026-05-01' | grep -q 'Hellenic Republic'"
run_ok "audit verify" seci-admin audit verify
# Letters use the name the Party has now.
seci-contrib -y 2026 assess --total 300000 >/dev/null
run_ok "reminder" seci-contrib --as-of 2026-12-31 remind
ok "addressed to the Hellenic Republic" grep -q "^To: Hellenic Republic (GR)" "$T/out"
run_ok "a Party becomes an Observer" seci-contrib party edit GR --kind observer
run_ok "list" seci-contrib -o csv party list
ok "GR is an observer" grep -q '^GR,Hellenic Republic,observer,' "$T/out"
test_done
