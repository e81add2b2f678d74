#!/bin/sh
# Every file seci writes is written whole or not at all, mode 0600 under
# any umask, and never through a planted link: reminder letters, reports
# of run-due, backups.  --outdir is made (0700) when missing.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
parties AA BB
seci-contrib -y 2026 assess --total 1000 >/dev/null
umask 000
mode() { stat -c %a "$1"; }

run_ok "letters into a folder that is not there yet" seci-contrib \
    --as-of 2026-06-30 remind --outdir "$T/letters/2026"
is "made, 0700" "$(mode "$T/letters/2026")" 700
is "a letter per Party, 0600 whatever the umask" \
    "$(mode "$T/letters/2026/AA.txt") $(mode "$T/letters/2026/BB.txt")" \
    "600 600"
is "nothing else left there" "$(ls -A "$T/letters/2026" | tr '\n' ' ')" \
    "AA.txt BB.txt "
echo precious >"$T/target"
rm "$T/letters/2026/BB.txt"
ln -s "$T/target" "$T/letters/2026/BB.txt"
run_fails 73 "a planted symbolic link is refused" seci-contrib \
    --as-of 2026-06-30 remind --outdir "$T/letters/2026"
err_has "naming it" "letters/2026/BB.txt' is not a regular file (a symbolic link)"
is "its target untouched" "$(cat "$T/target")" precious

seci-report --as-of 2026-01-15 schedule add m --report monthly \
    --every month >/dev/null
run_ok "run-due into a new folder" seci-report --as-of 2026-03-02 run-due \
    --outdir "$T/reports"
is "the folder 0700, the reports 0600" "$(mode "$T/reports") \
$(mode "$T/reports/m-2026-01.txt") $(mode "$T/reports/m-2026-02.txt")" \
    "700 600 600"
ln -s "$T/target" "$T/reports/m-2026-03.txt"
# A second schedule, after m in name order, due at the same time.
seci-report --as-of 2026-03-20 -o csv schedule add z --report contributions \
    --every month >/dev/null
run_fails 1 "a planted link: that report fails, the others go on" \
    seci-report --as-of 2026-04-02 run-due --outdir "$T/reports"
err_has "says which" "m-2026-03.txt' is not a regular file"
is "its target untouched" "$(cat "$T/target")" precious
is "the next schedule's report was written, and only it" "$(cat "$T/out")" \
    "$T/reports/z-2026-03.csv"
is "0600 too" "$(mode "$T/reports/z-2026-03.csv")" 600

run_ok "backup" seci-admin backup "$T/copy.db"
is "0600" "$(mode "$T/copy.db")" 600
ln -s "$T/target" "$T/link.db"
run_fails 73 "backup onto a link is refused" seci-admin backup "$T/link.db"
is "its target untouched" "$(cat "$T/target")" precious
is "no temporary file left, here or where letters and reports failed" \
    "$(find "$T" "$T/letters" "$T/reports" -maxdepth 1 -name '.*' -type f |
    wc -l)" 0
test_done
