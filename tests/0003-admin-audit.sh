#!/bin/sh
# The audit trail: log filters, verify, seal, and an edit made behind
# seci's back with the sqlite3 shell.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
seci-admin user add fin --role finance >/dev/null
seci-admin user add aud --role auditor >/dev/null

run_ok "verify a fresh chain" seci-admin -o csv audit verify
# init: organisation, currency, chart, bank account MAIN, director; two
# users.
out_is "ok, seven records, none redacted" "status,records,first_broken,problem,redacted
ok,7,,,0"

run_ok "seal" seci-admin -o csv audit seal
ok "count and a 64-digit hash" \
    grep -Eq '^7,[0-9a-f]{64}$' "$T/out"
seal1=$(tail -n 1 "$T/out" | cut -d, -f2)

run_ok "seal as json" seci-admin -o json audit seal
ok "json keys" grep -q "\"records\":7,\"head_hash\":\"$seal1\"" "$T/out"

run_ok "log, one user" seci-admin -o csv audit log --user "$(id -un)"
is "all seven by the director" "$(tail -n +2 "$T/out" | wc -l)" 7
run_ok "log since tomorrow" seci-admin -o csv audit log --since 2999-01-01
is "none" "$(tail -n +2 "$T/out" | wc -l)" 0
run_ok "log of table settings" seci-admin -o csv audit log --table settings
is "two settings" "$(tail -n +2 "$T/out" | wc -l)" 2
ok "records the command line" grep -q "seci-admin init --org 'Test Centre'" \
    "$T/out"
run_fails 64 "a bad --since" seci-admin audit log --since 2026-02-30
run_fails 77 "finance may not read the audit trail" \
    env SECI_USER=fin seci-admin audit log
run_ok "the auditor may" env SECI_USER=aud seci-admin audit verify

if [ -z "${SQLITE3_SHELL:-}" ]; then SQLITE3_SHELL=$(command -v sqlite3 || :); fi
if [ -n "$SQLITE3_SHELL" ]; then
	"$SQLITE3_SHELL" seci.db \
	    "UPDATE audit SET after = replace(after, 'finance', 'director') WHERE id = 6"
	run_fails 1 "verify finds the edited record: exit 1" \
	    seci-admin -o csv audit verify
	out_is "and names it (records counts the whole trail)" "status,records,first_broken,problem,redacted
broken,7,6,its payload does not match its digest,0"
	err_has "on stderr too" "audit chain broken at record 6"
	run_fails 1 "check reports it" seci-admin -o csv check
	ok "as an audit problem" grep -q '^audit,problem,record 6:' "$T/out"
else
	skip "no sqlite3 shell"
fi
test_done
