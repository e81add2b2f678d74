#!/bin/sh
# Exit codes when the database itself is at fault: a damaged file is a
# finding of check (1) and bad data to every other command (65); a FIFO
# or a directory is no database (66); a file behind a directory one may
# not enter is a permission problem (77).
. "${top_srcdir:-..}/tests/lib.sh"

init_db
head -c 8192 /dev/urandom >"$T/junk.db"
chmod 600 "$T/junk.db"
run_fails 1 "check on random bytes: a finding" seci-admin --db "$T/junk.db" \
    -o csv check
out_is "named" "check,result,detail
database,failed,database: file is not a database"
run_fails 65 "any other command: bad data" seci-admin --db "$T/junk.db" \
    user list
# Half of a real database: malformed.
sqlite3 "$SECI_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
size=$(wc -c <"$SECI_DB")
head -c $((size / 2)) "$SECI_DB" >"$T/half.db"
chmod 600 "$T/half.db"
run_fails 1 "check on a cut file: a finding" seci-admin --db "$T/half.db" \
    -o csv --no-header check
ok "it says what" grep -q '^database,failed,' "$T/out"
mkfifo "$T/fifo.db"
run_fails 66 "a FIFO is no database" seci-admin --db "$T/fifo.db" check
err_has "says so" "not a regular file"
run_fails 66 "nor is a directory" seci-admin --db "$T" check
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
	mkdir "$T/closed"
	cp "$SECI_DB" "$T/closed/seci.db"
	chmod 000 "$T/closed"
	run_fails 77 "a directory one may not enter" setpriv --reuid=65534 \
	    --regid=65534 --clear-groups env XDG_CONFIG_HOME=/nonexistent \
	    HOME=/nonexistent "$top_builddir/cmd/seci-admin" \
	    --db "$T/closed/seci.db" check
	chmod 755 "$T/closed"
elif [ "$(id -u)" -ne 0 ]; then
	mkdir "$T/closed"
	cp "$SECI_DB" "$T/closed/seci.db"
	chmod 000 "$T/closed"
	run_fails 77 "a directory one may not enter" seci-admin \
	    --db "$T/closed/seci.db" check
	chmod 755 "$T/closed"
else
	skip "a directory one may not enter (needs setpriv)"
fi

# A backup killed half-way leaves its temporary file; the next backup to
# that name removes it, and leaves one of a writer still running.
gone=$(sh -c 'echo $$')
alive=$$
mkdir "$T/bk"
printf 'half a copy' >"$T/bk/.copy.db.$gone.AbC123"
printf 'being written' >"$T/bk/.copy.db.$alive.XyZ789"
printf 'not ours to judge' >"$T/bk/.copy.db.notes"
run_ok "a backup" seci-admin backup "$T/bk/copy.db"
ok "the dead writer's file is gone" test ! -e "$T/bk/.copy.db.$gone.AbC123"
ok "the live writer's is kept" test -e "$T/bk/.copy.db.$alive.XyZ789"
ok "and what is no temporary file" test -e "$T/bk/.copy.db.notes"
is "the copy and nothing else new" "$(ls -A "$T/bk" | wc -l)" 3
test_done
