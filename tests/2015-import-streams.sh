#!/bin/sh
# Imports from a pipe, a file named by a long path, and a Party code that
# no longer fits: the import reads ahead in a second thread from a file,
# in one thread from a pipe (whose writer it must not wait for once it
# has stopped), and says what is wrong in full.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
seci-contrib party add GR --name Greece --kind party \
    --account GR-ACC-1 >/dev/null
seci-contrib -y 2026 assess --total 10000 >/dev/null
q() { "${SQLITE3_SHELL:-sqlite3}" "$SECI_DB" "$1"; }

{
	echo date,amount,account,bank_id
	i=1
	while [ $i -le 300 ]; do
		printf '2026-02-%02d,%d.00,GR-ACC-1,P%d\n' $((1 + i % 28)) $i $i
		i=$((i + 1))
	done
} >"$T/bank.csv"
run_ok "from a pipe" sh -c "cat '$T/bank.csv' | seci-contrib payment import"
err_has "every row" "300 new, 0 duplicate, 0 unmatched"
is "45,150.00 in all (300 x 301 / 2)" \
    "$(q "SELECT sum(amount) FROM payment")" 4515000

# 760 rows of 100 bytes (more than one read's 64 KiB), rows 451 to 570
# bad, then a writer that keeps the pipe open for 20 s: the import stops
# at its 100th bad row and exits then, not when the writer closes.
awk 'BEGIN { print "date,amount,account,reference"
	for (i = 2; i <= 760; i++)
		printf "2026-02-%s,%d.00,GR-ACC-1,%075d\n",
		    (i >= 451 && i <= 570 ? "30" : "10"), i, i }' >"$T/bad.csv"
start=$(date +%s)
{ cat "$T/bad.csv"; sleep 20; } | {
	if seci-contrib payment import >"$T/out" 2>"$T/err"; then
		rc=0
	else
		rc=$?
	fi
	echo "$rc $(date +%s)" >"$T/ended"
}
read -r rc ended <"$T/ended"
is "too many errors: exit 65" "$rc" 65
ok "before the writer closes ($((ended - start)) s)" \
    test $((ended - start)) -lt 15
err_has "at the 100th bad row" "too many errors, stopped at line 550"
is "nothing written" "$(q "SELECT count(*) FROM payment")" 300

# A long path: the message keeps its line and its problem.
long=$T/$(printf 'a%.0s' $(seq 1 200))/$(printf 'b%.0s' $(seq 1 200))
long=$long/$(printf 'c%.0s' $(seq 1 200))/$(printf 'd%.0s' $(seq 1 200))
mkdir -p "$long"
printf 'date,amount\n2026-13-01,5.00\n' >"$long/bank.csv"
run_fails 65 "a bad date in a file of a long path" \
    seci-contrib payment import "$long/bank.csv"
err_has "named with its line and problem" \
    "dddd/bank.csv:2: bad date '2026-13-01'"
printf 'date,line,payee,amount,description\n2026-13-01,A1,,0,x\n' \
    >"$long/exp.csv"
run_fails 65 "three things wrong with an expense" \
    seci-budget expense import "$long/exp.csv"
err_has "its date" "dddd/exp.csv:2: bad date '2026-13-01'"
err_has "its amount" "dddd/exp.csv:2: amount 0: an expense must be above zero"
err_has "its payee" "dddd/exp.csv:2: empty payee"

# A Party code longer than seci allows, put in behind its back: refused,
# not cut to a code of no Party.
q "INSERT INTO party (code, name, kind, added) VALUES ('ÉÉÉÉÉÉÉÉÉ',
    'Long', 'party', '2026-01-01'); INSERT INTO party_account (account, party) VALUES ('MB-1',
    'ÉÉÉÉÉÉÉÉÉ')" 2>/dev/null || :
if [ "$(q "SELECT count(*) FROM party_account WHERE account = 'MB-1'")" = 1 ]
then
	printf 'date,amount,account\n2026-03-01,10.00,MB-1\n' >"$T/mb.csv"
	run_fails 65 "a Party code of 18 bytes" seci-contrib payment import \
	    "$T/mb.csv"
	err_has "says so" "is longer than 16 bytes"
	is "nothing written" "$(q "SELECT count(*) FROM payment")" 300
else
	skip "the schema refused the long code"
fi
test_done
