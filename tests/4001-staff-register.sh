#!/bin/sh
# seci-staff: the register, personal data only for hr and directors in
# every format, dated changes, leaving, import of what export writes,
# Liaison Officers and their gaps, contracts ending.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
seci-contrib party add RO --name Romania --kind party >/dev/null
seci-contrib party add BG --name Bulgaria --kind party >/dev/null
seci-contrib party add MD --name Moldova --kind party >/dev/null
seci-admin user add hana --role hr >/dev/null
seci-admin user add vic --role viewer >/dev/null
seci-admin user add fin --role finance >/dev/null
ashr() { env SECI_USER=hana "$@"; }

run_ok "a Liaison Officer" ashr seci-staff add --name "Ana Pop" \
    --kind liaison --position "Liaison Officer" --grade LO \
    --nationality RO --start 2024-01-01 --end 2026-12-31 \
    --birth-date 1980-05-05 --email ana@example.org --phone "+40 700 000"
out_is "prints its ID" 1
run_ok "a staff member" ashr seci-staff add --name "Ion Vasile" --kind staff \
    --position "Finance officer" --grade P3 --nationality RO \
    --start 2025-02-01 --end 2027-01-31 --birth-date 1975-01-31
run_ok "an officer for Bulgaria, open-ended" ashr seci-staff add \
    --name "Boris Ivanov" --kind liaison --position "Liaison Officer" \
    --grade LO --nationality BG --start 2025-06-01
run_fails 65 "a Liaison Officer of no Party" ashr seci-staff add --name X \
    --kind liaison --position LO --grade LO --nationality ZZ --start 2026-01-01
err_has "says so" "a Liaison Officer's nationality is a Party's code; no party 'ZZ'"
run_fails 65 "an end before the start" ashr seci-staff add --name X \
    --kind staff --position P --grade G --nationality RO --start 2026-05-01 \
    --end 2026-04-01
run_fails 65 "a bad birth date" ashr seci-staff add --name X --kind staff \
    --position P --grade G --nationality RO --start 2026-05-01 \
    --birth-date 1980-02-30
run_fails 77 "finance may not add staff" env SECI_USER=fin seci-staff add \
    --name X --kind staff --position P --grade G --nationality RO \
    --start 2026-05-01

run_ok "list" seci-staff -o csv list
out_is "the columns of SPEC 9" \
"id,name,kind,position,grade,nationality,contract_start,contract_end,status
1,Ana Pop,liaison,Liaison Officer,LO,RO,2024-01-01,2026-12-31,active
2,Ion Vasile,staff,Finance officer,P3,RO,2025-02-01,2027-01-31,active
3,Boris Ivanov,liaison,Liaison Officer,LO,BG,2025-06-01,,active"
# A non-hr export never holds a birth date, an e-mail or a phone, in any
# format.
for f in table csv tsv json; do
	run_ok "export as a viewer, $f" env SECI_USER=vic seci-staff -o "$f" export
	ok "$f: no birth date, e-mail or phone" sh -c "! grep -qE '1980-05-05|ana@example|700 000|1975-01-31' '$T/out'"
	ok "$f: restricted in their place" grep -q restricted "$T/out"
	run_ok "show as a viewer, $f" env SECI_USER=vic seci-staff -o "$f" show 1
	ok "$f: none in show either" sh -c "! grep -qE '1980-05-05|ana@example|700 000' '$T/out'"
done
run_ok "export as hr" ashr seci-staff -o csv export
out_is "with the personal columns" \
"id,name,kind,position,grade,nationality,contract_start,contract_end,status,birth_date,email,phone
1,Ana Pop,liaison,Liaison Officer,LO,RO,2024-01-01,2026-12-31,active,1980-05-05,ana@example.org,+40 700 000
2,Ion Vasile,staff,Finance officer,P3,RO,2025-02-01,2027-01-31,active,1975-01-31,,
3,Boris Ivanov,liaison,Liaison Officer,LO,BG,2025-06-01,,active,,,"
cp "$T/out" "$T/export.csv"
run_ok "the audit trail keeps no personal option in clear" \
    seci-admin -o csv audit log --table staff
ok "the command lines say [personal]" sh -c "grep -c 'birth-date \\[personal\\]' '$T/out' | grep -qx 2"

# Changes are dated and kept.
run_ok "promoted" ashr seci-staff update 2 --position "Senior finance officer" \
    --grade P4 --date 2026-07-01
run_fails 64 "nothing to change" ashr seci-staff update 2
run_fails 65 "a Liaison Officer's nationality stays a Party's" ashr \
    seci-staff update 1 --nationality ZZ
err_has "says so" "no party 'ZZ'"
run_fails 65 "nor becomes one who is not of a Party" ashr seci-staff update 2 \
    --kind liaison --nationality XX
run_fails 65 "an end before the start" ashr seci-staff update 2 \
    --end 2020-01-01
err_has "says so" "staff member 2: the contract would end before it starts"
run_fails 65 "an unknown record" ashr seci-staff update 9 --grade P1
run_ok "show" ashr seci-staff -o csv show 2
ok "the history: position" grep -q '^history,2026-07-01 position: Finance officer -> Senior finance officer (hana)$' "$T/out"
ok "and grade" grep -q '^history,2026-07-01 grade: P3 -> P4 (hana)$' "$T/out"
is "only the two changes" "$(grep -c '^history,' "$T/out")" 2
run_ok "leaves" ashr seci-staff leave 2 --date 2026-09-30 --reason "resigned"
run_fails 65 "not twice" ashr seci-staff leave 2 --date 2026-10-01 --reason x
run_ok "list" seci-staff -o csv --no-header list
ok "left on 2026-09-30" grep -q '^2,Ion Vasile,staff,Senior finance officer,P4,RO,2025-02-01,2026-09-30,left$' "$T/out"

# Import reads what export writes: into another database, all of it.
seci-admin --db "$T/two.db" init >/dev/null
seci-contrib --db "$T/two.db" party add RO --name Romania --kind party >/dev/null
seci-contrib --db "$T/two.db" party add BG --name Bulgaria --kind party >/dev/null
run_ok "import the export" seci-staff --db "$T/two.db" import "$T/export.csv"
err_has "three new" "3 new, 0 duplicate"
run_ok "export it again" seci-staff --db "$T/two.db" -o csv export
ok "the same rows" cmp -s "$T/out" "$T/export.csv"
run_ok "again" seci-staff --db "$T/two.db" import "$T/export.csv"
err_has "duplicates" "0 new, 3 duplicate"
printf 'name,kind,position,grade,nationality,contract_start,contract_end\nA,boss,P,G,RO,2026-01-01,\nB,staff,P,G,RO,2026-02-30,\nC,liaison,P,G,XX,2026-01-01,\nD,staff,P,G,RO,2026-05-01,2026-04-01\nE,staff,P,G,RO,2026-05-01,\n' \
    >"$T/bad.csv"
run_fails 65 "a file with bad lines" ashr seci-staff import "$T/bad.csv"
err_has "a bad kind" "bad.csv:2: bad kind 'boss'"
err_has "a bad date" "bad.csv:3: contract_start: bad date '2026-02-30'"
err_has "no such Party" "bad.csv:4: a Liaison Officer's nationality"
err_has "reversed" "bad.csv:5: the contract ends before it starts"
run_ok "list" seci-staff -o csv --no-header list
is "nothing written, not even E" "$(grep -c '^' "$T/out")" 3

# Liaison Officers and the Director's coordination check, on 2026-11-30:
# Moldova has none; Romania's posting ends on 2026-12-31, within 90 days,
# with no successor; Bulgaria's is open-ended.
run_ok "lo list" seci-staff -o csv lo list
out_is "by Party" "id,name,party,posting_start,posting_end,status
3,Boris Ivanov,BG,2025-06-01,,active
1,Ana Pop,RO,2024-01-01,2026-12-31,active"
run_ok "lo list --party RO" seci-staff -o csv --no-header lo list --party RO
out_is "RO's" "1,Ana Pop,RO,2024-01-01,2026-12-31,active"
run_fails 1 "gaps: exit 1" seci-staff --as-of 2026-11-30 -o csv lo gaps
out_is "MD none, RO ending" "party,name,gap,officer,posting_end
MD,Moldova,none posted,,
RO,Romania,ending,Ana Pop,2026-12-31"
run_fails 1 "within 10 days only MD" seci-staff --as-of 2026-11-30 -o csv \
    --no-header lo gaps --within 10
out_is "MD" "MD,Moldova,none posted,,"
run_ok "a successor for RO" ashr seci-staff add --name "Dan Luca" \
    --kind liaison --position "Liaison Officer" --grade LO --nationality RO \
    --start 2027-01-01
run_ok "an officer for MD" ashr seci-staff add --name "Vlad Rusu" \
    --kind liaison --position "Liaison Officer" --grade LO --nationality MD \
    --start 2026-10-01 --end 2028-09-30
run_ok "no gap now" seci-staff --as-of 2026-11-30 -o csv --no-header lo gaps
is "none" "$(cat "$T/out")" ""
run_ok "contracts ending within 90 days" seci-staff --as-of 2026-11-30 \
    -o csv contracts --expiring 90
out_is "Ana Pop's, in 31 days" "id,name,kind,position,contract_end,days_left
1,Ana Pop,liaison,Liaison Officer,2026-12-31,31"
run_ok "check" seci-admin check
run_ok "audit verify" seci-admin audit verify
test_done
