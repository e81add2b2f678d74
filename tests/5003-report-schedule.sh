#!/bin/sh
# The reporting schedule: due, run-due (idempotent per schedule and
# period, --force), under cron's bare environment.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
adopted_budget 2026
parties AA BB
seci-contrib -y 2026 assess --total 100000 >/dev/null

run_ok "a monthly report, due on the 1st" seci-report --as-of 2026-01-15 \
    schedule add monthly --report monthly --every month
run_ok "a quarterly balance sheet as JSON, due on the 10th" \
    seci-report --as-of 2026-01-15 schedule add bs --report balance-sheet \
    --every quarter --day 10 -o json
run_fails 65 "the same name twice" seci-report schedule add bs \
    --report arrears --every year
run_fails 64 "an unknown report" seci-report schedule add x --report gossip \
    --every month
run_fails 64 "a format the report has not" seci-report schedule add x \
    --report monthly --every month -o csv
run_fails 64 "a day past 28" seci-report schedule add x --report arrears \
    --every month --day 31
run_fails 64 "a name with a slash" seci-report schedule add a/b \
    --report arrears --every month

# As of 2026-04-09: January (due Feb 1), February (Mar 1), March (Apr 1)
# are due; the first quarter's balance sheet only from April 10.
run_ok "due" seci-report --as-of 2026-04-09 -o csv due
out_is "three months, no quarter yet" "schedule,report,period,due,produced
monthly,monthly,2026-01,2026-02-01,
monthly,monthly,2026-02,2026-03-01,
monthly,monthly,2026-03,2026-04-01,"
mkdir "$T/r"
run_ok "run-due" seci-report --as-of 2026-04-10 run-due --outdir "$T/r"
out_is "four reports, their paths" "$T/r/bs-2026-Q1.json
$T/r/monthly-2026-01.txt
$T/r/monthly-2026-02.txt
$T/r/monthly-2026-03.txt"
ok "quiet on stderr" test ! -s "$T/err"
ok "the March report is March's" grep -qx 'Monthly budget report: March 2026' \
    "$T/r/monthly-2026-03.txt"
ok "as of its last day" grep -qx 'As of 2026-03-31; amounts in EUR' \
    "$T/r/monthly-2026-03.txt"
ok "the balance sheet is JSON" grep -q '"section":"assets"' "$T/r/bs-2026-Q1.json"
ls -l --time-style=full-iso "$T/r" >"$T/before"
run_ok "run-due again" seci-report --as-of 2026-04-10 run-due --outdir "$T/r"
ok "prints nothing" test ! -s "$T/out"
ls -l --time-style=full-iso "$T/r" >"$T/after"
ok "and writes nothing" cmp -s "$T/before" "$T/after"
run_ok "due shows them produced" seci-report --as-of 2026-04-10 -o csv due
ok "with their paths" grep -q "^monthly,monthly,2026-02,2026-03-01,$T/r/monthly-2026-02.txt$" "$T/out"
run_ok "--force" seci-report --as-of 2026-04-10 run-due --outdir "$T/r" --force
out_is "the latest period of each schedule again" "$T/r/bs-2026-Q1.json
$T/r/monthly-2026-03.txt"
run_ok "one more month later" seci-report --as-of 2026-05-01 run-due --outdir "$T/r"
out_is "April only" "$T/r/monthly-2026-04.txt"
run_ok "each run is in the audit trail with its file's hash" \
    seci-admin -o csv audit log --table report_run
ok "the April report's SHA-256" grep -q "$(sha256sum "$T/r/monthly-2026-04.txt" | cut -d' ' -f1)" "$T/out"

# cron: no TERM, no HOME, no config, PATH only.
run_ok "under cron's bare environment" env -i PATH="$PATH" \
    "$top_builddir/cmd/seci-report" --db "$SECI_DB" --as-of 2026-06-01 \
    run-due --outdir "$T/r"
out_is "May, nothing else said" "$T/r/monthly-2026-05.txt"
ok "nothing on stderr" test ! -s "$T/err"
# A folder that cannot be made: a file is in the way.
: >"$T/afile"
run_fails 73 "an --outdir that cannot be made" seci-report --as-of 2026-07-01 \
    run-due --outdir "$T/afile/sub"
err_has "says which" "'$T/afile/sub': Not a directory"
run_ok "nothing recorded by the failed run" seci-report --as-of 2026-07-01 -o csv due
ok "June still to do" grep -q '^monthly,monthly,2026-06,2026-07-01,$' "$T/out"
run_fails 64 "run-due needs --outdir" seci-report run-due

# A report that cannot be made does not stop the others.
run_ok "a yearly execution report from 2025, a year without a budget" \
    seci-report --as-of 2025-06-01 schedule add exec --report execution \
    --every year
run_fails 1 "run-due: 1, one schedule failed" seci-report --as-of 2026-07-01 \
    run-due --outdir "$T/r"
err_has "which, and why" "schedule exec, 2025: no budget for 2025"
out_is "the other report was made" "$T/r/monthly-2026-06.txt"
run_ok "and recorded" seci-report --as-of 2026-07-01 -o csv due
ok "June produced" grep -q "^monthly,monthly,2026-06,2026-07-01,$T/r/monthly-2026-06.txt$" "$T/out"
run_ok "remove the failing one" seci-report schedule remove exec

run_ok "list" seci-report -o csv schedule list
out_is "both, with the last period made" "name,report,every,day,format,start,last_period
bs,balance-sheet,quarter,10,json,2026-01-15,2026-Q1
monthly,monthly,month,1,text,2026-01-15,2026-06"
run_ok "remove" seci-report schedule remove bs
run_fails 65 "remove an unknown one" seci-report schedule remove bs
# Schedules may fall on any day (--day N): the example crontab runs
# run-due every day, not only on the 1st.
ok "the example crontab runs run-due daily" grep -Eq \
    '^[0-9]+ [0-9]+ \* \* \* +seci-report run-due' \
    "$top_srcdir/share/examples/crontab"
test_done
