#!/bin/sh
# seci-staff data protection: what is due under the retention periods,
# purges of unsuccessful candidates and former staff that leave no
# personal byte in the database file yet keep the counts and a verifying
# audit chain, the subject-access export, personal data hidden from
# everyone but hr and directors in every format, and the read log.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
seci-contrib party add RO --name Romania --kind party >/dev/null
seci-admin user add hana --role hr >/dev/null
seci-admin user add vic --role viewer >/dev/null
seci-admin user add aud --role auditor >/dev/null
ashr() { env SECI_USER=hana "$@"; }
sane() {
	if seci-admin check >/dev/null 2>&1 &&
	    seci-admin audit verify >/dev/null 2>&1; then
		tap_result 0 "check and audit verify pass: $1"
	else
		tap_result 1 "check and audit verify pass: $1"
	fi
}
# How many of the personal values are in the database file's bytes,
# once the WAL is folded in and free pages are gone.
PERSONAL="Vera Mladenova|vera.m@example.org|\\+40 711 222 333|1969-07-14|Quarrelsome conduct|Heard in June|Villa in Sinaia|Cufflinks|Jewellers Ltd|Zora Testova"
in_file() {
	sqlite3 "$SECI_DB" "PRAGMA wal_checkpoint(TRUNCATE); VACUUM;" >/dev/null
	if grep -qaE "$PERSONAL" "$SECI_DB"; then echo yes; else echo no; fi
}

# Vera Mladenova worked until 2018; Ion Stan still does.
ashr seci-staff add --name "Vera Mladenova" --kind staff --position Clerk \
    --grade G5 --nationality RO --start 2012-01-01 --birth-date 1969-07-14 \
    --email vera.m@example.org --phone "+40 711 222 333" >/dev/null
ashr seci-staff add --name "Ion Stan" --kind staff --position Driver \
    --grade G3 --nationality RO --start 2015-01-01 \
    --birth-date 1980-01-01 >/dev/null
ashr seci-staff --as-of 2017-03-01 case open 1 \
    --allegation "Quarrelsome conduct" >/dev/null
ashr seci-staff --as-of 2017-06-10 case step 1 --stage hearing \
    --note "Heard in June"
ashr seci-staff --as-of 2017-06-20 case step 1 --stage decision \
    --note "Censured" --measure "written censure"
ashr seci-staff --as-of 2017-03-01 ethics declare 1 \
    --interests "Villa in Sinaia" >/dev/null
ashr seci-staff ethics gift 1 --source "Jewellers Ltd" --value 250 \
    --date 2017-12-20 --desc "Cufflinks" >/dev/null
ashr seci-staff training add --title "First aid" --date 2017-05-05 \
    --hours 7.5 --staff 1 --staff 2 >/dev/null
ashr seci-staff leave 1 --date 2018-06-30 --reason "Resigned" >/dev/null
# A vacancy closed on 2024-05-31; Zora Testova rejected on 2024-04-01.
ashr seci-staff --as-of 2024-01-10 vacancy open --post P-7 --title Analyst \
    --grade P2 --closes 2024-05-31 >/dev/null
ashr seci-staff --as-of 2024-02-01 candidate add 1 --name "Zora Testova" \
    --nationality BG >/dev/null
ashr seci-staff --as-of 2024-04-01 candidate move 1 --to rejected
is "the personal values are in the file" "$(in_file)" yes
sane "the records"

# ---- a non-hr export shows none of it, in any format ----
for u in vic aud; do
	for f in table csv tsv json; do
		run_ok "export as $f for $u" env SECI_USER=$u seci-staff -o $f \
		    export
		ok "no birth date, e-mail or phone ($u, $f)" sh -c "! grep -qE \
		    '1969-07-14|1980-01-01|vera.m@|711 222' '$T/out'"
		ok "restricted instead ($u, $f)" grep -q restricted "$T/out"
	done
	run_ok "show as $u" env SECI_USER=$u seci-staff -o json show 1
	ok "hidden in show ($u)" sh -c "! grep -qE '1969-07-14|vera.m@' '$T/out'"
	run_fails 77 "no case list for $u" env SECI_USER=$u seci-staff case list
	run_fails 77 "no subject export for $u" env SECI_USER=$u seci-staff \
	    subject 1
	run_fails 77 "no purge by $u" env SECI_USER=$u seci-staff purge \
	    --left-before 2000-01-01
done
run_ok "the auditor's audit log" env SECI_USER=aud seci-admin -o csv audit log
ok "has no personal field or case" sh -c "! grep -qE '1969-07-14|vera.m@|Quarrelsome|Sinaia|Cufflinks|Zora' '$T/out'"

# ---- the read log ----
run_ok "hr reads Vera's record" ashr seci-staff show 1
run_ok "hr exports the register" ashr seci-staff -o csv export
run_ok "a viewer's reading is not a read of personal data" \
    env SECI_USER=vic seci-staff show 2
run_ok "the read log" env SECI_USER=aud seci-admin -o csv audit log --reads
is "two reads, by hana" "$(tail -n +2 "$T/out" | cut -d, -f3,6,7 | tr '\n' ' ')" \
    "hana,read,staff/1 hana,read,staff/all "
ok "with the command" grep -q 'seci-staff show 1,read,staff/1,' "$T/out"
run_ok "the change log" seci-admin -o csv audit log
ok "has no reads" sh -c "! grep -q ',read,staff/' '$T/out'"
sane "reads"

# ---- the subject-access export ----
run_ok "subject, json" ashr seci-staff -o json subject 1
cp "$T/out" "$T/subject.json"
ok "is JSON" jq -e . "$T/subject.json"
is "the register" "$(jq -r '.staff[] | select(.field == "email") | .value' "$T/subject.json")" "vera.m@example.org"
is "the leaving in the history: status, left_on, reason, end" "$(jq -r '[.staff[] | select(.field == "history")] | length' "$T/subject.json")" 4
is "the training" "$(jq -r '.training[0].hours' "$T/subject.json")" 7.5
is "the case" "$(jq -r '.cases[0].measure' "$T/subject.json")" "written censure"
is "its steps" "$(jq -r '[.case_steps[].stage] | join(",")' "$T/subject.json")" "opened,hearing,decision"
is "the declaration" "$(jq -r '.declarations[0].text' "$T/subject.json")" "Villa in Sinaia"
is "the gift" "$(jq -r '.gifts[0].value' "$T/subject.json")" 250.00
ok "audit records of its changes" jq -e '[.audit[] | select(.table == "discipline_case")] | length == 3' "$T/subject.json"
ok "and of the reads of it" jq -e '[.audit[] | select(.key == "staff/1")] | length >= 2' "$T/subject.json"
is "no candidacy: Vera was not hired through seci" "$(jq -r '.candidacies | length' "$T/subject.json")" 0
ok "nothing of Ion Stan" sh -c "! grep -q 'Ion Stan' '$T/subject.json'"
run_ok "subject, text" ashr seci-staff subject 1
ok "each section named" sh -c "grep -qx training '$T/out' && grep -qx gifts '$T/out' && grep -qx audit '$T/out'"
run_fails 64 "csv is not a form of it" ashr seci-staff -o csv subject 1
run_fails 65 "nobody" ashr seci-staff subject 99

# ---- retention: 24 months for candidates, 7 years for former staff ----
run_fails 1 "on 2026-05-30 Vera is due" ashr seci-staff --as-of 2026-05-30 \
    -o csv retention
out_is "left 2018-06-30, due 2025-06-30; Zora not yet" \
"kind,id,vacancy,since,due
staff,1,,2018-06-30,2025-06-30"
run_fails 1 "on 2026-05-31 Zora too" ashr seci-staff --as-of 2026-05-31 \
    -o csv --no-header retention
out_is "24 months after the vacancy closed" \
"candidate,1,1,2024-05-31,2026-05-31
staff,1,,2018-06-30,2025-06-30"
run_fails 77 "retention is for hr" env SECI_USER=vic seci-staff retention

# ---- the candidate purge ----
run_fails 65 "not sooner than the retention period" ashr seci-staff \
    --as-of 2026-05-31 candidates purge --older-than 12
err_has "says why" "--older-than 12: candidates' data is kept 24 months (candidate_retention_months); purge it no sooner"
run_ok "a day early, nothing" ashr seci-staff --as-of 2026-05-30 \
    candidates purge
err_has "says so" "0 candidates purged, 0 audit records redacted"
run_ok "on the day" ashr seci-staff --as-of 2026-05-31 candidates purge
err_has "one, with its two audit records" "1 candidates purged, 2 audit records redacted"
run_ok "the counts are kept" seci-staff -o csv --no-header vacancy list
out_is "one rejected" "1,P-7,Analyst,P2,2024-01-10,2024-05-31,0,0,0,0,0,1"
run_ok "the candidate" ashr seci-staff -o csv --no-header candidate list
out_is "nationality, stage and date kept, the name gone" "1,1,(purged),BG,rejected,2024-04-01,"
sane "the candidate purge"

# ---- the former staff purge ----
run_fails 65 "within the retention period" ashr seci-staff --as-of 2026-05-31 \
    purge --left-before 2020-01-01
err_has "names the latest date" "former staff's data is kept 7 years after they left (staff_retention_years); the latest date on 2026-05-31 is 2019-06-01"
run_ok "a dry run" ashr seci-staff --as-of 2026-05-31 --dry-run purge \
    --left-before 2019-06-01
is "changes nothing" "$(in_file)" yes
run_ok "purged" ashr seci-staff --as-of 2026-05-31 purge \
    --left-before 2019-06-01
err_has "Vera only" "1 former staff purged,"
run_ok "a dry run of the candidates' purge" ashr seci-staff \
    --as-of 2030-01-01 candidates purge --dry-run
is "no personal value left in the file" "$(in_file)" no
run_ok "Ion Stan kept" seci-staff -o csv --no-header list
out_is "Vera's non-personal facts kept" \
"1,(purged),staff,Clerk,G5,RO,2012-01-01,2018-06-30,left
2,Ion Stan,staff,Driver,G3,RO,2015-01-01,,active"
run_ok "training hours kept" seci-staff -y 2017 -o csv --no-header \
    training report
ok "7.5 for each" sh -c "grep -q '^1,(purged),1,7.5,' '$T/out' && grep -q '^2,Ion Stan,1,7.5,' '$T/out'"
run_ok "the case kept, without its text" ashr seci-staff -o csv --no-header \
    case list
out_is "stage and measure" "1,1,(purged),(purged),decision,2017-03-01,2017-06-20,written censure"
run_ok "audit verify" seci-admin -o csv --no-header audit verify
ok "passes, showing redacted records" grep -Eq '^ok,[0-9]+,,,([3-9]|[1-9][0-9]+)$' "$T/out"
run_ok "the log" seci-admin -o csv audit log --table staff
ok "marks Vera's records redacted" grep -q ',staff,1,.*,redacted,hana,' "$T/out"
run_ok "purging again" ashr seci-staff --as-of 2026-05-31 purge \
    --left-before 2019-06-01
err_has "finds nobody" "0 former staff purged"
run_ok "the subject export after it" ashr seci-staff -o json subject 1
ok "holds nothing personal" sh -c "! grep -qE '$PERSONAL' '$T/out'"
sane "the staff purge"
test_done
