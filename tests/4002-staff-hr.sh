#!/bin/sh
# seci-staff: recruitment on its state machine (hired makes the staff
# record), training hours against the minimum, disciplinary cases for hr
# and directors only (forward only, no decision without a hearing),
# ethics declarations, acknowledgements and the gift register.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
seci-contrib party add RO --name Romania --kind party >/dev/null
seci-admin user add hana --role hr >/dev/null
seci-admin user add vic --role viewer >/dev/null
seci-admin user add aud --role auditor >/dev/null
ashr() { env SECI_USER=hana "$@"; }
# The chain and the books whole after what just ran.
sane() {
	if seci-admin check >/dev/null 2>&1 &&
	    seci-admin audit verify >/dev/null 2>&1; then
		tap_result 0 "check and audit verify pass: $1"
	else
		tap_result 1 "check and audit verify pass: $1"
	fi
}

# ---- recruitment ----
run_ok "a vacancy" ashr seci-staff --as-of 2026-01-05 vacancy open \
    --post P-12 --title "Strategic analyst" --grade P3 --closes 2026-02-28
out_is "prints its ID" 1
run_fails 65 "closing before it opens" ashr seci-staff --as-of 2026-03-01 \
    vacancy open --post P-13 --title x --grade P2 --closes 2026-02-01
run_fails 77 "a viewer may not open one" env SECI_USER=vic seci-staff \
    vacancy open --post P-13 --title x --grade P2 --closes 2026-12-01
for n in "Ana Lupu:RO" "Boris Dimov:BG" "Cem Kaya:TR"; do
	ashr seci-staff --as-of 2026-01-20 candidate add 1 --name "${n%%:*}" \
	    --nationality "${n##*:}" >/dev/null
done
run_fails 65 "a candidate for no vacancy" ashr seci-staff candidate add 9 \
    --name X --nationality RO
run_fails 65 "no skipping to offered" ashr seci-staff --as-of 2026-03-01 \
    candidate move 1 --to offered
err_has "says from where" "candidate 1 is applied"
run_ok "shortlisted" ashr seci-staff --as-of 2026-03-02 candidate move 1 \
    --to shortlisted
run_ok "shortlisted too" ashr seci-staff --as-of 2026-03-02 candidate move 2 \
    --to shortlisted
run_ok "rejected from applied" ashr seci-staff --as-of 2026-03-02 \
    candidate move 3 --to rejected
run_fails 65 "never backwards" ashr seci-staff --as-of 2026-03-03 \
    candidate move 3 --to shortlisted
run_fails 65 "no step dated before the last" ashr seci-staff \
    --as-of 2026-03-01 candidate move 1 --to interviewed
err_has "says so" "candidate 1: 2026-03-01 is before the last step, 2026-03-02"
ashr seci-staff --as-of 2026-03-10 candidate move 1 --to interviewed
ashr seci-staff --as-of 2026-03-10 candidate move 2 --to interviewed
ashr seci-staff --as-of 2026-03-20 candidate move 1 --to offered
run_ok "rejected after the interview" ashr seci-staff --as-of 2026-03-20 \
    candidate move 2 --to rejected
run_fails 64 "an unknown stage" ashr seci-staff candidate move 1 --to signed
run_ok "hired" ashr seci-staff --as-of 2026-04-01 candidate move 1 --to hired
out_is "prints the new staff ID" 1
run_fails 65 "not hired twice" ashr seci-staff --as-of 2026-04-02 \
    candidate move 1 --to hired
run_fails 65 "nor rejected once hired" ashr seci-staff --as-of 2026-04-02 \
    candidate move 1 --to rejected
run_ok "the staff record" seci-staff -o csv list
out_is "from the vacancy and the candidate, from the hiring date" \
"id,name,kind,position,grade,nationality,contract_start,contract_end,status
1,Ana Lupu,staff,Strategic analyst,P3,RO,2026-04-01,,active"
run_ok "vacancy list" env SECI_USER=vic seci-staff -o csv vacancy list
out_is "the counts per stage: one hired, two rejected" \
"id,post,title,grade,opened,closes,applied,shortlisted,interviewed,offered,hired,rejected
1,P-12,Strategic analyst,P3,2026-01-05,2026-02-28,0,0,0,0,1,2"
run_ok "candidates, for a viewer" env SECI_USER=vic seci-staff -o csv \
    candidate list
out_is "names restricted" \
"id,vacancy,name,nationality,stage,since,staff
1,1,restricted,RO,hired,2026-04-01,1
2,1,restricted,BG,rejected,2026-03-20,
3,1,restricted,TR,rejected,2026-03-02,"
for f in json tsv table; do
	run_ok "candidates as $f, for a viewer" env SECI_USER=vic seci-staff \
	    -o $f candidate list
	ok "no name in $f" sh -c "! grep -qE 'Ana Lupu|Boris Dimov|Cem Kaya' '$T/out'"
done
sane recruitment

# ---- training: 20 hours a year by default ----
ashr seci-staff add --name "Dan Pop" --kind staff --position Clerk \
    --grade G4 --nationality RO --start 2025-01-01 >/dev/null
run_ok "a session for two" ashr seci-staff training add --title "Ethics" \
    --date 2026-05-04 --hours 12.5 --staff 1 2
out_is "prints its ID" 1
run_ok "another, IDs as arguments" ashr seci-staff training add \
    --title "Data protection" --date 2026-06-01 --hours 8 --staff 1
run_ok "last year's does not count" ashr seci-staff training add \
    --title "Induction" --date 2025-03-01 --hours 30 --staff 2
run_fails 64 "hours to a tenth only" ashr seci-staff training add --title x \
    --date 2026-06-01 --hours 1.25 --staff 1
run_fails 64 "no hours" ashr seci-staff training add --title x \
    --date 2026-06-01 --hours 0 --staff 1
run_fails 65 "an unknown participant" ashr seci-staff training add --title x \
    --date 2026-06-01 --hours 1 --staff 1 --staff 7
run_ok "nothing written" seci-staff -y 2026 -o csv training report
out_is "1: 12.5 + 8 = 20.5, not below; 2: 12.5, below" \
"id,name,sessions,hours,below_minimum
1,Ana Lupu,2,20.5,no
2,Dan Pop,1,12.5,yes"
printf 'training_min_hours: 10\n' >"$T/ten.yaml"
run_ok "a lower minimum" seci-staff --config "$T/ten.yaml" -y 2026 -o csv \
    --no-header training report
ok "nobody below 10 hours" sh -c "! grep -q ',yes$' '$T/out'"
sane training

# ---- discipline: hr and directors only ----
run_ok "a case" ashr seci-staff --as-of 2026-06-10 case open 2 \
    --allegation "Misuse of the official vehicle"
out_is "prints its ID" 1
for u in vic aud; do
	run_fails 77 "$u may not list cases" env SECI_USER=$u seci-staff case list
	run_fails 77 "$u may not open one" env SECI_USER=$u seci-staff case open 2 \
	    --allegation x
done
run_fails 65 "a decision without a hearing" ashr seci-staff \
    --as-of 2026-06-20 case step 1 --stage decision --note "Decided" \
    --measure "written censure"
err_has "names the missing stage" "no decision without a hearing; record the hearing stage first"
run_ok "investigation" ashr seci-staff --as-of 2026-06-15 case step 1 \
    --stage investigation --note "Logbook reviewed"
run_fails 64 "every step has its note" ashr seci-staff case step 1 \
    --stage hearing
run_ok "the hearing" ashr seci-staff --as-of 2026-06-25 case step 1 \
    --stage hearing --note "Heard with counsel"
run_fails 65 "no going back" ashr seci-staff --as-of 2026-06-26 case step 1 \
    --stage investigation --note again
err_has "says so" "case 1 is at hearing: stages only move forward, not to investigation"
run_fails 65 "a measure not in the list" ashr seci-staff --as-of 2026-06-30 \
    case step 1 --stage decision --note "Decided" --measure "a fine of 5"
run_fails 65 "a decision without a measure" ashr seci-staff \
    --as-of 2026-06-30 case step 1 --stage decision --note "Decided"
run_fails 65 "dated before the hearing" ashr seci-staff --as-of 2026-06-24 \
    case step 1 --stage decision --note "Decided" --measure fine
run_ok "decided" ashr seci-staff --as-of 2026-06-30 case step 1 \
    --stage decision --note "Decided" --measure fine
run_ok "closed" ashr seci-staff --as-of 2026-07-15 case step 1 \
    --stage closed --note "No appeal"
run_ok "case list, hr" ashr seci-staff -o csv case list
out_is "the case, its stage, dates and measure" \
"id,staff,name,allegation,stage,opened,since,measure
1,2,Dan Pop,Misuse of the official vehicle,closed,2026-06-10,2026-07-15,fine"
run_ok "a director reads it too" seci-staff -o csv case list
sane discipline

# ---- ethics ----
run_ok "a declaration" ashr seci-staff --as-of 2026-03-15 ethics declare 1 \
    --interests "Shares in a logistics company"
run_ok "an acknowledgement" ashr seci-staff --as-of 2026-03-15 \
    ethics acknowledge 1 --code-version 2024.2
run_ok "nothing to declare" ashr seci-staff --as-of 2026-04-15 ethics declare 2 \
    --none
run_fails 64 "one or the other" ashr seci-staff ethics declare 2
run_fails 64 "not both" ashr seci-staff ethics declare 2 --none --interests x
run_ok "before the due date nobody is late" seci-staff -y 2026 \
    --as-of 2026-03-31 -o csv --no-header ethics missing
is "empty" "$(wc -c <"$T/out")" 0
run_fails 1 "after it, exit 1" seci-staff -y 2026 --as-of 2026-04-01 -o csv \
    ethics missing
out_is "1 has made both; 2 has not acknowledged" \
"id,name,declaration,acknowledgement
2,Dan Pop,made,missing"
printf 'declaration_due: "04-30"\n' >"$T/due.yaml"
run_ok "a later due date" seci-staff --config "$T/due.yaml" -y 2026 \
    --as-of 2026-04-30 ethics missing
run_ok "a gift of 100.00, the threshold" ashr seci-staff ethics gift 1 \
    --source "Customs of Ruritania" --value 100 --date 2026-05-02 \
    --desc "Book"
run_ok "and of 100.01, above it" ashr seci-staff ethics gift 2 \
    --source "Port authority" --value 100.01 --date 2026-05-03 \
    --desc "Dinner"
run_fails 64 "a negative value" ashr seci-staff ethics gift 2 --source x \
    --value -5 --date 2026-05-03 --desc x
run_fails 64 "an empty source" ashr seci-staff ethics gift 2 --source "" \
    --value 5 --date 2026-05-03 --desc x
run_fails 64 "an empty description" ashr seci-staff ethics gift 2 \
    --source x --value 5 --date 2026-05-03 --desc ""
run_ok "the register" ashr seci-staff -y 2026 -o csv ethics gifts
out_is "flagged above gift_threshold only" \
"id,date,staff,name,source,value,description,above_threshold
1,2026-05-02,1,Ana Lupu,Customs of Ruritania,100.00,Book,no
2,2026-05-03,2,Dan Pop,Port authority,100.01,Dinner,yes"
run_ok "for a viewer" env SECI_USER=vic seci-staff -y 2026 -o csv \
    --no-header ethics gifts
ok "source and description restricted" grep -q '^2,2026-05-03,2,Dan Pop,restricted,100.01,restricted,yes$' "$T/out"
sane ethics

# ---- the audit trail of confidential records, for an auditor ----
run_ok "the auditor's log" env SECI_USER=aud seci-admin -o csv audit log
ok "no allegation" sh -c "! grep -q 'official vehicle' '$T/out'"
ok "no declaration" sh -c "! grep -q 'logistics' '$T/out'"
ok "no candidate's name" sh -c "! grep -q 'Boris Dimov' '$T/out'"
run_ok "a director's log" seci-admin -o csv audit log
ok "shows them" grep -q 'official vehicle' "$T/out"
test_done
