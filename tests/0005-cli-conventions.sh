#!/bin/sh
# Conventions every tool shares (SPEC section 2), shown on seci-admin.
. "${top_srcdir:-..}/tests/lib.sh"

init_db

run_ok "--help" seci-admin --help
ok "lists the commands" grep -q "audit verify" "$T/out"
ok "and the global options" grep -q -- "--as-of=DATE" "$T/out"
run_ok "--version" seci-admin --version
ok "names tool and package" grep -q "^seci-admin (seci) " "$T/out"
run_ok "--usage" seci-admin --usage
run_ok "a group's --help" seci-admin user --help
ok "lists the group's commands on stdout" grep -q "^  user remove " "$T/out"
run_fails 64 "a group without its command" seci-admin user
err_has "lists them on stderr" "'user' needs a command"
run_fails 64 "an unknown command word in a group" seci-admin user frobnicate
err_has "names the two words" "unknown command 'user frobnicate'"
ok "and lists the group's commands" grep -q "^  user remove " "$T/err"
ok "not as a missing command" sh -c "! grep -q 'needs a command' '$T/err'"
run_fails 64 "a command's option before the command" \
    seci-admin --role viewer user add erin
err_has "says what happened" "unknown command 'viewer' (if it is the value of --role, give that option after the command)"
run_fails 64 "after a global flag, no such hint" seci-admin -v bogus
ok "none" sh -c "! grep -q 'value of' '$T/err'"
run_fails 64 "nor after --as-of=DATE" seci-admin --as-of=2026-01-01 bogus
ok "none" sh -c "! grep -q 'value of' '$T/err'"
run_ok "a command's --help" seci-admin user add --help
ok "shows its options" grep -q -- "--role=ROLE" "$T/out"
ok "and its arguments" grep -q "seci-admin user add \[OPTION...\] LOGIN" \
    "$T/out"
run_ok "a command's --usage" seci-admin audit log --usage
run_ok "a command's --version" seci-admin check --version

run_fails 64 "no command" seci-admin
err_has "says what is missing" "missing COMMAND"
run_fails 64 "an unknown command" seci-admin frobnicate
err_has "names it" "unknown command 'frobnicate'"
run_fails 64 "a group word alone" seci-admin user
err_has "lists its commands" "user add"
run_fails 64 "an unknown option" seci-admin user list --frob
run_fails 64 "too many arguments" seci-admin user list extra
run_fails 64 "an unknown format" seci-admin -o xml user list
run_fails 64 "an empty format" seci-admin -o '' user list
run_ok "-- before the command words" seci-admin -- user list
run_fails 64 "an option's value is not a command" seci-admin -d x.db frob
err_has "the word is named" "unknown command 'frob'"
run_fails 64 "a bad year" seci-admin -y 26 user list
run_fails 64 "a bad --as-of" seci-admin --as-of 2026-02-30 user list

# Global options before or after the command words.
run_ok "-o before" seci-admin -o json user list
cp "$T/out" "$T/before"
run_ok "-o after" seci-admin user list -o json
ok "same output" cmp -s "$T/before" "$T/out"
run_ok "--format=tsv inside" seci-admin user --format=tsv list
ok "tsv" grep -q "^login	roles	" "$T/out"
run_ok "--db and --no-header" seci-admin user list --no-header -o csv \
    --db "$SECI_DB"
ok "no header" sh -c "! grep -q '^login' '$T/out'"

# Not a terminal: csv by default.
run_ok "default format off a terminal" seci-admin user list
ok "is csv" grep -q "^login,roles,created,created_by$" "$T/out"

# A full disk is an error, not silence.
if [ -w /dev/full ]; then
	run_fails 74 "output to /dev/full" sh -c 'seci-admin audit log >/dev/full'
	err_has "write error" "write error"
	run_fails 74 "a change whose output cannot be written" \
	    sh -c 'seci-admin user add dave --role viewer >/dev/full'
	run_ok "list" seci-admin -o csv user list
	ok "is not made" sh -c "! grep -q '^dave,' '$T/out'"
	for a in --help --version --usage "user --help"; do
		run_fails 74 "$a to /dev/full" sh -c "seci-admin $a >/dev/full"
	done
	err_has "says so" "seci-admin: write error"
else
	skip "no /dev/full"
fi

# A database locked by another process past the busy timeout: 75.
printf 'busy_timeout_ms: 100\n' >"$T/fast.yaml"
if [ -z "${SQLITE3_SHELL:-}" ]; then SQLITE3_SHELL=$(command -v sqlite3 || :); fi
if [ -n "$SQLITE3_SHELL" ]; then
	( echo "BEGIN IMMEDIATE; INSERT INTO settings VALUES ('lock', 'x');"
	  sleep 3; echo "ROLLBACK;" ) | "$SQLITE3_SHELL" seci.db &
	locker=$!
	sleep 1
	run_fails 75 "a locked database: 75" \
	    seci-admin -c "$T/fast.yaml" user add late --role viewer
	err_has "says busy" "database is busy"
	run_ok "readers still read (WAL)" \
	    seci-admin -c "$T/fast.yaml" user list
	wait $locker
	run_ok "after the lock is gone" \
	    seci-admin -c "$T/fast.yaml" user add late --role viewer
else
	skip "no sqlite3 shell"
fi

# A read-only folder: the database cannot be created there.
mkdir "$T/ro"
chmod 555 "$T/ro"
if [ "$(id -u)" -ne 0 ]; then
	run_fails 73 "init in a read-only folder" \
	    seci-admin init --db "$T/ro/seci.db"
elif command -v setpriv >/dev/null; then
	chmod 755 "$T"
	run_fails 73 "init in a read-only folder" \
	    setpriv --reuid=nobody --regid=nogroup --clear-groups \
	    "$top_builddir/cmd/seci-admin" init --db "$T/ro/seci.db"
	chmod 700 "$T"
else
	skip "root writes into read-only folders"
fi
err_has "cannot create" "cannot create '$T/ro/seci.db': Permission denied"
test_done
