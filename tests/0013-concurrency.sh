#!/bin/sh
# Several processes on one database: importers and readers at once lose
# nothing; a writer that waits past busy_timeout_ms exits 75 and writes
# nothing; two approvals that together would overspend a line: one wins.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
adopted_budget 2026
seci-contrib party add GR --name Greece --kind party --account GR-1 >/dev/null
seci-contrib -y 2026 assess --total 1000000 >/dev/null

# Four bank files of 500 payments each, 1.00 to 500.00: 125,250.00 a file.
for f in 1 2 3 4; do
	awk -v f=$f 'BEGIN { print "date,amount,currency,account,payer,reference,bank_id"
		for (i = 1; i <= 500; i++)
			printf "2026-05-%02d,%d.00,EUR,GR-1,,r,F%d-%d\n", i % 28 + 1, i, f, i }' \
	    >"$T/bank$f.csv"
done
for f in 1 2 3 4; do
	seci-contrib -q payment import "$T/bank$f.csv" 2>"$T/err$f" &
done
# Readers meanwhile.
for r in 1 2 3 4 5 6; do
	seci-contrib -y 2026 status >/dev/null 2>>"$T/readers" &
	seci-report --as-of 2026-12-31 balance-sheet >/dev/null 2>>"$T/readers" &
done
wait
ok "no importer failed" sh -c "! grep -q . '$T/err1' '$T/err2' '$T/err3' '$T/err4'"
ok "no reader failed" sh -c "! grep -q . '$T/readers'"
is "2,000 payments" "$(sqlite3 "$SECI_DB" 'SELECT count(*) FROM payment')" 2000
is "501,000.00 in the bank, to the cent" "$(ledger_balance 1000)" 50100000
run_ok "check" seci-admin check

# A writer holds the lock for 3 s; an import that waits 200 ms gives up.
printf 'busy_timeout_ms: 200\n' >"$T/short.yaml"
awk 'BEGIN { print "date,amount,currency,account,payer,reference,bank_id"
	print "2026-06-01,5.00,EUR,GR-1,,r,LATE-1" }' >"$T/late.csv"
{ echo "BEGIN IMMEDIATE;"; sleep 3; echo "COMMIT;"; } |
    sqlite3 "$SECI_DB" &
sleep 1
run_fails 75 "past the busy timeout: 75" seci-contrib --config "$T/short.yaml" \
    payment import "$T/late.csv"
err_has "says why" "database is busy"
wait
is "and wrote nothing" "$(sqlite3 "$SECI_DB" "SELECT count(*) FROM payment WHERE bank_id = 'LATE-1'")" 0
run_ok "once the lock is gone it goes in" seci-contrib payment import \
    "$T/late.csv"

# Line B1 (Rent) has 20,000.00; two proposals of 12,000.00 each, approved
# at the same moment: one is approved, the other refused.
seci-budget expense add --line B1 --payee "Landlord" --amount 12000 \
    --date 2026-06-10 --desc "Rent, first half" >/dev/null
seci-budget expense add --line B1 --payee "Landlord" --amount 12000 \
    --date 2026-06-10 --desc "Rent, second half" >/dev/null
ids=$(seci-budget -y 2026 -o csv --no-header expense list | cut -d, -f1)
set -- $ids
seci-budget --as-of 2026-06-11 expense approve "$1" >"$T/a1" 2>&1 &
p1=$!
seci-budget --as-of 2026-06-11 expense approve "$2" >"$T/a2" 2>&1 &
p2=$!
set +e
wait $p1; s1=$?
wait $p2; s2=$?
set -e
is "one approval wins, one is refused" "$(printf '%s\n' $s1 $s2 | sort | tr '\n' ' ')" "0 65 "
is "B1 is not overspent: one approved" "$(seci-budget -y 2026 -o csv --no-header expense list | grep -c ',approved,')" 1
run_ok "check" seci-admin check
test_done
