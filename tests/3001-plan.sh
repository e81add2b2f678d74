#!/bin/sh
# seci-plan: the plan document (checked whole, round trip), editing a
# draft, the JCC workflow with numbered versions and their differences,
# the proposal, progress and the report's planned cost against spending.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
d=$top_srcdir/share/demo
seci-budget load "$d/budget-2026.yaml"
seci-budget -y 2026 adopt --decision JCC/2025/14 --date 2025-12-10
seci-admin user add pat --role planning >/dev/null
seci-admin user add fin --role finance >/dev/null
seci-admin user add vic --role viewer >/dev/null
asplan() { env SECI_USER=pat "$@"; }

# Every problem at its line, and nothing written.
cat >"$T/bad.yaml" <<'YAML'
year: 2026
objectives:
  - code: O1
    title: One
    colour: blue
    activities:
      - code: X1
        title: Outside the year
        owner: Ops
        start: 2025-12-01
        end: 2026-01-31
        budget_line: "2.2"
        cost: "100.00"
      - code: X2
        title: Backwards
        owner: Ops
        start: 2026-05-01
        end: 2026-04-01
        budget_line: "9.9"
        cost: "12.345"
      - code: X1
        title: Twice
        owner: Ops
        start: 2026-05-01
        end: 2026-06-01
        budget_line: "2.2"
        cost: lots
YAML
run_fails 65 "a bad plan document" asplan seci-plan load "$T/bad.yaml"
err_has "an unknown key at its line" "bad.yaml:5: objective: unknown key 'colour'"
err_has "a date outside the year" "bad.yaml:10: activity X1: start 2025-12-01 is outside the plan's year 2026"
err_has "dates reversed" "bad.yaml:18: activity X2: it ends before it starts"
err_has "an unknown budget line" "bad.yaml:19: activity X2: unknown budget line '9.9' in 2026"
err_has "a cost that is not an amount" "bad.yaml:20: activity X2: cost '12.345' is not an amount"
err_has "a duplicate code" "bad.yaml:21: activity code 'X1' appears twice"
err_has "another cost" "bad.yaml:27: activity X1: cost 'lots' is not an amount"
err_has "how many, and nothing written" "bad.yaml: 7 problems; nothing written"
run_fails 65 "so there is no plan" seci-plan -y 2026 list
run_fails 77 "a finance user may not load a plan" env SECI_USER=fin \
    seci-plan load "$d/plan-2026.yaml"

run_ok "the demo plan" asplan seci-plan load "$d/plan-2026.yaml"
run_ok "list" seci-plan -y 2026 --as-of 2026-01-01 -o csv list
out_is "the columns of SPEC 9, from the document" \
"objective,code,title,owner,start,end,budget_line,cost,status,percent
O1,A1.1,Task force on migrant smuggling,Operations,2026-02-01,2026-11-30,2.2,48000.00,planned,0
O1,A1.2,Container control programme,Customs liaison,2026-03-01,2026-09-30,2.3,22000.00,planned,0
O2,A2.1,Secure information exchange platform upgrade,IT,2026-01-15,2026-06-30,4.1,55000.00,planned,0
O2,A2.2,Strategic analysis of cigarette smuggling routes,Analysis unit,2026-04-01,2026-10-31,2.3,12000.00,planned,0
O3,A3.1,Two JCC sessions,Director's office,2026-05-01,2026-12-15,2.1,60000.00,planned,0
O3,A3.2,Training of Liaison Officers on data protection,Data protection officer,2026-09-01,2026-10-31,1.4,8000.00,planned,0"
run_ok "a viewer reads it" env SECI_USER=vic seci-plan -y 2026 -o csv \
    show A1.1
ok "with its partners" grep -q "^partner,Frontex$" "$T/out"
ok "and indicators" grep -q "^indicator,\"joint operations: target 4 operations, baseline 2\"$" "$T/out"

# Round trip: export, load the export, export again: the same bytes.
run_ok "export" seci-plan -y 2026 export
cp "$T/out" "$T/e1.yaml"
run_ok "load the export" asplan seci-plan load "$T/e1.yaml"
run_ok "export again" seci-plan -y 2026 export
ok "the same" cmp -s "$T/out" "$T/e1.yaml"
# Two indicators on one activity come back as two.
awk '{ print } /name: joint operations/ && !x { x = 1; sub(/joint operations/, "arrests"); print }' \
    "$d/plan-2026.yaml" >"$T/two.yaml"
run_ok "two indicators load" asplan seci-plan load "$T/two.yaml"
run_ok "and export" seci-plan -y 2026 export
cp "$T/out" "$T/e2.yaml"
is "both exported" "$(grep -c 'name: "joint operations"\|name: "arrests"' "$T/e2.yaml")" 2
run_ok "the export loads" asplan seci-plan load "$T/e2.yaml"
run_ok "export again" seci-plan -y 2026 export
ok "the same bytes" cmp -s "$T/out" "$T/e2.yaml"
awk '{ print } /name: joint operations/ && !x { x = 1; print }' \
    "$d/plan-2026.yaml" >"$T/twice.yaml"
run_fails 65 "one indicator twice" asplan seci-plan load "$T/twice.yaml"
err_has "says so" "twice.yaml:21: activity A1.1: indicator 'joint operations' appears twice"
printf -- '---\nyear: 2026\n---\nyear: 2027\n' >"$T/docs.yaml"
run_fails 65 "two YAML documents in one file" asplan seci-plan load "$T/docs.yaml"
err_has "are refused" "docs.yaml:3: a second YAML document; a file holds one"
run_ok "back to the demo plan" asplan seci-plan load "$d/plan-2026.yaml"

# A draft is edited; the JCC's line 2.1 (60,000.00) gets 70,000.00 of
# activities: a warning at submission.
run_ok "add an activity" asplan seci-plan -y 2026 add A3.3 --objective O3 \
    --title "Annual report" --owner Director --start 2026-01-10 \
    --end 2026-02-28 --line 2.1 --cost 10000 --partner UNODC
out_is "prints its code" A3.3
run_fails 65 "an existing code" asplan seci-plan -y 2026 add A3.3 \
    --objective O3 --title x --owner x --start 2026-01-10 --end 2026-02-28 \
    --line 2.1 --cost 1
err_has "says so" "activity A3.3 exists already"
run_fails 65 "an end before the start" asplan seci-plan -y 2026 edit A3.3 \
    --end 2026-01-01
run_fails 65 "an unknown line" asplan seci-plan -y 2026 edit A3.3 --line 7.7
run_fails 65 "a date in another year" asplan seci-plan -y 2026 edit A3.3 \
    --end 2027-01-05
run_ok "submit" asplan seci-plan -y 2026 --as-of 2025-11-20 submit
err_has "version 1" "the 2026 plan submitted to the JCC as version 1"
err_has "warns for line 2.1" "warning: budget line 2.1: the plan costs 70,000.00, 10,000.00 more than its appropriation of 60,000.00"
ok "the proposal's cost table" grep -Eq '^2\.1 +JCC meetings +70,000\.00 +60,000\.00 +-10,000\.00' "$T/out"
run_fails 65 "a submitted plan cannot be edited" asplan seci-plan -y 2026 \
    edit A3.3 --cost 0
err_has "says why" "the 2026 plan is submitted to the JCC (version 1); it cannot change until the JCC decides"
run_fails 65 "nor loaded" asplan seci-plan load "$d/plan-2026.yaml"
run_fails 65 "nor submitted twice" asplan seci-plan -y 2026 submit
run_fails 64 "approving needs a decision" asplan seci-plan -y 2026 decide \
    --approve
run_fails 64 "approve or return" asplan seci-plan -y 2026 decide
run_fails 65 "not decided before it was submitted" asplan seci-plan \
    -y 2026 --as-of 2025-11-19 decide --return --note early
run_ok "returned" asplan seci-plan -y 2026 --as-of 2025-12-01 decide \
    --return --note "Keep the JCC line within its appropriation"
run_ok "edited" asplan seci-plan -y 2026 edit A3.3 --cost 0 \
    --end 2026-03-15
run_ok "submitted again, as HTML" asplan seci-plan -y 2026 \
    --as-of 2025-12-05 -o html submit
cp "$T/out" "$T/p.html"
ok "no warning now" sh -c "! grep -q warning '$T/err'"
ok "a whole document" grep -q '</html>' "$T/p.html"
ok "an inline SVG timeline" grep -q '<svg ' "$T/p.html"
ok "one bar per activity" test "$(grep -c '<rect ' "$T/p.html")" -eq 7
ok "no external reference" \
    sh -c "! grep -qiE 'src=|href=|url\\(|<script' '$T/p.html'"
renders "$T/p.html"
run_ok "what changed" seci-plan -y 2026 -o csv diff
out_is "between versions 1 and 2: A3.3's end and cost" \
"change,activity,field,from,to
changed,A3.3,end,2026-02-28,2026-03-15
changed,A3.3,cost,10000.00,0.00"
run_ok "version 2 against nothing" seci-plan -y 2026 -o csv --no-header \
    diff --from 0 --to 2
is "seven added" "$(grep -c '^added,' "$T/out")" 7
run_ok "approved" asplan seci-plan -y 2026 --as-of 2025-12-10 decide \
    --approve --decision JCC/2025/15
run_ok "versions" seci-plan -y 2026 -o csv versions
out_is "the history, the note kept" \
"version,submitted_on,outcome,decision,decided_on,note,reference
1,2025-11-20,returned,,2025-12-01,Keep the JCC line within its appropriation,
2,2025-12-05,approved,JCC/2025/15,2025-12-10,,yes"
run_fails 65 "an approved plan cannot be edited" asplan seci-plan -y 2026 \
    edit A1.1 --cost 1
err_has "but revised" "a revision starts with 'seci-plan revise'"

# Execution.
run_fails 64 "a percent over 100" asplan seci-plan -y 2026 progress A1.1 \
    --percent 101 --status on-track
run_fails 65 "done is 100%" asplan seci-plan -y 2026 progress A1.1 \
    --percent 90 --status done
run_fails 65 "an unknown activity" asplan seci-plan -y 2026 progress Z9 \
    --percent 1 --status on-track
run_ok "progress" asplan seci-plan -y 2026 --as-of 2026-03-31 progress \
    A1.1 --percent 25 --status on-track --note "first meeting held"
run_ok "more" asplan seci-plan -y 2026 --as-of 2026-07-31 progress A2.1 \
    --percent 80 --status delayed
run_ok "an indicator" asplan seci-plan -y 2026 --as-of 2026-04-01 \
    indicator A1.1 "joint operations" --actual 1
run_fails 65 "an indicator it does not have" asplan seci-plan -y 2026 \
    indicator A1.1 "arrests" --actual 1
run_ok "list as of August" seci-plan -y 2026 --as-of 2026-08-15 -o csv list
ok "A1.1 on track at 25%" grep -q '^O1,A1.1,.*,on-track,25$' "$T/out"
ok "A2.1 delayed at 80%" grep -q '^O2,A2.1,.*,delayed,80$' "$T/out"
run_ok "list as of March" seci-plan -y 2026 --as-of 2026-03-01 -o csv list
ok "the history: nothing yet then" grep -q '^O1,A1.1,.*,planned,0$' "$T/out"

# Spending on the linked lines: 12,000.00 on 2.2, 3,500.00 on 2.3 (one
# proposed expense of 900.00 does not count), a 5,000.00 commitment on
# 4.1.
seci-budget expense add --line 2.2 --amount 12000 --payee Hotel \
    --date 2026-03-10 >/dev/null
seci-budget expense add --line 2.3 --amount 3500 --payee Airline \
    --date 2026-04-02 >/dev/null
seci-budget expense add --line 2.3 --amount 900 --payee Airline \
    --date 2026-04-03 >/dev/null
seci-budget --as-of 2026-04-05 expense approve 1 2
seci-budget commit --line 4.1 --amount 5000 --payee Vendor --ref PO-IT \
    --date 2026-05-01 >/dev/null
run_ok "the report" seci-plan -y 2026 --as-of 2026-08-15 report
ok "the activities by status" grep -qx "5 planned, 1 on-track, 1 delayed" "$T/out"
ok "A2.1 and A3.3 overdue" sh -c "sed -n '/^2. Overdue/,/^3. /p' '$T/out' |
    grep -c '^A[23]\\.[13] ' | grep -qx 2"
ok "the indicator's actual" grep -Eq '^A1\.1 +joint operations \(operations\) +2 +4 +1 2026-04-01' "$T/out"
ok "2.2: 48,000.00 planned, 12,000.00 spent, 36,000.00 left" \
    grep -Eq '^2\.2 +Operational meetings and task forces +48,000\.00 +0\.00 +12,000\.00 +36,000\.00' "$T/out"
ok "4.1: 45,000.00 planned, 5,000.00 committed" \
    grep -Eq '^4\.1 +IT equipment +55,000\.00 +5,000\.00 +0\.00 +55,000\.00' "$T/out"
# The same figures as seci-budget show, line by line.
run_ok "json" seci-plan -y 2026 --as-of 2026-08-15 -o json report
cp "$T/out" "$T/r.json"
seci-budget -y 2026 --as-of 2026-08-15 -o csv show >"$T/show.csv"
bad=0
for l in 2.2 2.3 4.1 2.1 1.4; do
	spent=$(awk -F, -v l="$l" '$2 == l { print $11 }' "$T/show.csv")
	committed=$(awk -F, -v l="$l" '$2 == l { print $10 }' "$T/show.csv")
	grep -q "\"line\":\"$l\",.*\"committed\":\"$committed\",\"spent\":\"$spent\"" \
	    "$T/r.json" || { echo "#   line $l differs"; bad=1; }
done
is "planned against actual agrees with seci-budget show" "$bad" 0
run_ok "html" seci-plan -y 2026 --as-of 2026-08-15 -o html report
ok "a document" grep -q '</html>' "$T/out"
# A quarterly report cron makes.
run_ok "schedule it" seci-report schedule add plan --report plan-progress \
    --every quarter --as-of 2026-01-01
run_ok "run-due" seci-report --as-of 2026-07-02 run-due --outdir "$T/rep"
ok "made the second quarter's" sh -c "ls '$T/rep' | grep -q plan"

# A revision: draft again; the approved version stays the reference.
run_ok "revise" asplan seci-plan -y 2026 revise
run_ok "edit the revision" asplan seci-plan -y 2026 edit A1.2 --cost 25000
run_ok "versions" seci-plan -y 2026 -o csv --no-header versions
ok "version 2 is still the reference" grep -q '^2,.*,yes$' "$T/out"
run_ok "what the revision changes" seci-plan -y 2026 -o csv --no-header \
    diff --from 2 --to 0
out_is "A1.2's cost" "changed,A1.2,cost,22000.00,25000.00"
run_ok "an activity only in the revision" asplan seci-plan -y 2026 add A9.9 \
    --objective O1 --title New --owner Ops --start 2026-09-01 \
    --end 2026-09-30 --line 2.2 --cost 100
run_fails 65 "has no progress until approved" asplan seci-plan -y 2026 \
    progress A9.9 --percent 1 --status on-track
err_has "says so" "no activity A9.9 in the approved 2026 plan"
run_ok "the report" seci-plan -y 2026 --as-of 2026-08-15 -o json report
ok "is of the approved version: 2.3 still 22,000 + 12,000" \
    grep -q '"line":"2.3","name":"Missions and travel","planned":"34000.00"' "$T/out"
ok "without the revision's A9.9" sh -c "! grep -q A9.9 '$T/out'"
run_ok "check" seci-admin check
run_ok "audit verify" seci-admin audit verify
run_ok "every change audited" seci-admin -o csv audit log --table plan
ok "loads, edits, submissions and decisions" test "$(tail -n +2 "$T/out" | wc -l)" -ge 10
test_done
