#!/bin/sh
# The import summary is printed once the import is committed, never
# before: a commit that dies (here: the file size limit is reached while
# the write-ahead log is written) leaves no "N new" line and no row.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
seci-contrib party add GR --name Greece --kind party --account GR-1 >/dev/null
sqlite3 "$SECI_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
awk 'BEGIN { print "date,amount,currency,account,payer,reference,bank_id"
	for (i = 1; i <= 20000; i++)
		printf "2026-03-%02d,%d.00,EUR,GR-1,,ref %d,B-%d\n", i % 28 + 1, i, i, i }' \
    >"$T/big.csv"
size=$(wc -c <"$SECI_DB")
# ulimit -f counts blocks of 512 or 1024 bytes: either way the limit is
# far below the log that 20,000 payments need.
set +e
sh -c "ulimit -f $((size / 1024 + 8)); exec seci-contrib payment import \
    '$T/big.csv'" >"$T/out" 2>"$T/err"
status=$?
set -e
ok "the import dies" test "$status" -ne 0
ok "without a summary" sh -c "! grep -q 'new,' '$T/err'"
is "and without a row" "$(sqlite3 "$SECI_DB" 'SELECT count(*) FROM payment')" 0
run_ok "check" seci-admin check
run_ok "a rerun" seci-contrib payment import "$T/big.csv"
err_has "completes, then says so" "20000 new, 0 duplicate, 0 unmatched"
test_done
