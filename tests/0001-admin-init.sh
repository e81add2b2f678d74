#!/bin/sh
# seci-admin init: 0600 whatever the umask, refuses to overwrite, the
# running user becomes director, bad arguments write nothing.
. "${top_srcdir:-..}/tests/lib.sh"

me=$(id -un)
run_ok "init under umask 000" \
    sh -c 'umask 000 && seci-admin init --org "Test Centre" --currency EUR'
is "database mode is 0600" "$(stat -c %a seci.db)" 600
ok "no output on success" test ! -s "$T/out"

run_fails 73 "a second init refuses" seci-admin init
err_has "it says why" "already exists; not overwriting it"

run_ok "user list" seci-admin -o csv user list
ok "the OS user is director" grep -q "^$me,director," "$T/out"

run_ok "audit log after init" seci-admin -o csv audit log
is "init wrote five audit records (organisation, currency, chart of accounts, bank account MAIN, director)" \
    "$(tail -n +2 "$T/out" | cut -d, -f1 | tr '\n' ' ')" "1 2 3 4 5 "

rm -f seci.db
run_fails 64 "a bad currency is a usage error" seci-admin init --currency euro
run_fails 64 "three letters that are no ISO 4217 code" seci-admin init \
    --db "$T/abc.db" --currency ABC
ok "and no database" test ! -e "$T/abc.db"
ok "and leaves no file behind" test ! -e seci.db
run_fails 64 "an empty organisation name" seci-admin init --org ""
ok "no file either" test ! -e seci.db

run_fails 73 "a folder that does not exist" \
    seci-admin init --db "$T/none/seci.db"
err_has "names the file" "$T/none/seci.db"

run_ok "init with --db FILE" seci-admin init --db "$T/other.db" --currency JPY
ok "made other.db" test -f other.db
run_fails 66 "any other command on a missing database: 66" \
    seci-admin --db "$T/missing.db" user list
err_has "with a hint" "seci-admin init"

# An OS user with no role may not open the database.
init_db
run_fails 77 "a user without a role: 77" \
    env SECI_USER=nobody-here seci-admin user list
err_has "says so" "has no role"

test_done
