#!/bin/sh
# seci-admin check and backup.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
run_ok "check on a fresh database" seci-admin -o csv check
out_is "every check ok" "check,result,detail
integrity,ok,
foreign_keys,ok,
ledger,ok,
receivables,ok,
bank,ok,
audit,ok,
permissions,ok,"

chmod 644 seci.db
run_fails 1 "a world-readable database is a finding" seci-admin -o csv check
ok "reported with a fix" grep -q "^permissions,problem,.*mode 0644.*chmod 600" \
    "$T/out"
chmod 600 seci.db

run_ok "backup" seci-admin backup "$T/copy.db"
is "backup mode 0600" "$(stat -c %a copy.db)" 600
run_ok "the copy is a working database" \
    seci-admin --db "$T/copy.db" -o csv user list
is "with the same users" "$(cut -d, -f1 "$T/out" | tr '\n' ' ')" \
    "login $(id -un) "
run_ok "backup replaces an older copy" seci-admin backup "$T/copy.db"
run_fails 73 "backup into a missing folder" seci-admin backup "$T/no/copy.db"
run_ok "check as JSON" seci-admin -o json check
ok "an ok check has a null detail" \
    grep -q '^{"check":"ledger","result":"ok","detail":null}' "$T/out"
mkfifo "$T/fifo"
run_fails 73 "backup over a FIFO" seci-admin backup "$T/fifo"
err_has "says why" "'$T/fifo' is not a regular file"
ok "the FIFO is still one" test -p "$T/fifo"
ln -s "$T/copy.db" "$T/link.db"
run_fails 73 "backup over a symbolic link" seci-admin backup "$T/link.db"
ok "the link is still one" test -L "$T/link.db"
ls "$T" >"$T/ls"
ok "leaves no temporary file" sh -c "! grep -q 'copy.db.' '$T/ls'"

# A consistent copy while another process writes: a writer adds users
# in a loop; every backup must pass check and hold a whole number of
# them with a verifying audit chain.
( i=0; while [ $i -lt 40 ]; do
	seci-admin user add "u$i" --role viewer >/dev/null 2>&1 || :
	i=$((i + 1)); done ) &
writer=$!
good=0
n=0
while [ $n -lt 8 ]; do
	if seci-admin backup "$T/live$n.db" 2>>"$T/backup-err" &&
	    seci-admin --db "$T/live$n.db" -q check >/dev/null 2>&1; then
		good=$((good + 1))
	fi
	n=$((n + 1))
done
wait $writer
is "8 backups taken during writes all pass check" "$good" 8
run_ok "the writer finished" seci-admin -o csv user list
is "41 users" "$(tail -n +2 "$T/out" | wc -l)" 41

run_fails 64 "backup needs a FILE" seci-admin backup
# A database in a directory where SQLite cannot create its -shm file: a
# clear error naming the directory, not "attempt to write a readonly
# database" (root writes anywhere, so as root the check runs as nobody).
mkdir "$T/ro"
seci-admin user add nobody --role auditor >/dev/null
seci-admin backup "$T/ro/x.db"
chmod 666 "$T/ro/x.db"
chmod 555 "$T/ro"
chmod 755 "$T"
as=
if [ "$(id -u)" -eq 0 ]; then
	command -v setpriv >/dev/null &&
	    as="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
if [ "$(id -u)" -ne 0 ] || [ -n "$as" ]; then
	run_fails 73 "a read-only directory" $as env SECI_USER= \
	    "$top_builddir/cmd/seci-admin" --db "$T/ro/x.db" audit seal
	err_has "names it" "its directory '$T/ro' is not writable for you, and SQLite must create '$T/ro/x.db-shm' there even to read"
else
	skip "no setpriv to drop root"
fi
chmod 755 "$T/ro"
test_done
