#!/bin/sh
# kill -9 at 20 moments of a large payment import, a large expense import
# and run-due: afterwards check passes and the database holds all of the
# file or none of it; a rerun completes.
. "${top_srcdir:-..}/tests/lib.sh"

ROWS=${KILL_ROWS:-40000}
init_db
adopted_budget 2026
seci-contrib party add GR --name Greece --kind party --account GR-1 >/dev/null
seci-contrib -y 2026 assess --total 1000000 >/dev/null
seci-report schedule add monthly --report monthly --every month \
    --as-of 2026-01-01 >/dev/null
sqlite3 "$SECI_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$SECI_DB" "$T/base.db"
awk -v n=$ROWS 'BEGIN { print "date,amount,currency,account,payer,reference,bank_id"
	srand(7)
	for (i = 1; i <= n; i++)
		printf "2026-%02d-%02d,%d.%02d,EUR,GR-1,,r%d,K-%d\n",
		    int(rand() * 12) + 1, int(rand() * 28) + 1, int(rand() * 900) + 1,
		    i % 100, i, i }' >"$T/bank.csv"
awk -v n=$ROWS 'BEGIN { print "date,line,payee,amount,description,reference"
	for (i = 1; i <= n; i++)
		printf "2026-03-%02d,B1,Payee %d,0.%02d,Item %d,X-%d\n",
		    i % 28 + 1, i, i % 99 + 1, i, i }' >"$T/exp.csv"

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# The time a whole run takes, on a copy.
measure() {
	cp "$T/base.db" "$T/work.db"
	rm -f "$T/work.db-wal" "$T/work.db-shm"
	t0=$(now_ms)
	SECI_DB="$T/work.db" "$@" >/dev/null 2>&1 || :
	echo $(($(now_ms) - t0))
}

# kill_at LABEL COUNT_SQL FULL ... command: 20 kills spread over the run.
kill_at() {
	label=$1 sql=$2 full=$3
	shift 3
	ms=$(measure "$@")
	bad=
	none=0
	all=0
	i=1
	while [ $i -le 20 ]; do
		cp "$T/base.db" "$T/work.db"
		rm -f "$T/work.db-wal" "$T/work.db-shm"
		SECI_DB="$T/work.db" "$@" >/dev/null 2>&1 &
		pid=$!
		d=$((ms * i / 21))
		sleep "$((d / 1000)).$(printf %03d $((d % 1000)))"
		kill -9 $pid 2>/dev/null || :
		wait $pid 2>/dev/null || :
		n=$(sqlite3 "$T/work.db" "$sql")
		if ! SECI_DB="$T/work.db" seci-admin check >/dev/null 2>&1; then
			bad="$bad $i:check"
		elif [ "$n" = 0 ]; then
			none=$((none + 1))
		elif [ "$n" = "$full" ]; then
			all=$((all + 1))
		else
			bad="$bad $i:$n"
		fi
		i=$((i + 1))
	done
	if [ -z "$bad" ]; then
		tap_result 0 "$label: 20 kills over ${ms} ms: $none none, $all all"
	else
		echo "#   wrong at:$bad"
		tap_result 1 "$label: 20 kills over ${ms} ms: all or nothing"
	fi
	SECI_DB="$T/work.db" "$@" >/dev/null 2>&1
	is "$label: a rerun completes" "$(sqlite3 "$T/work.db" "$sql")" "$full"
}

kill_at "payment import" "SELECT count(*) FROM payment" $ROWS \
    seci-contrib -q payment import "$T/bank.csv"
kill_at "expense import" "SELECT count(*) FROM expense" $ROWS \
    seci-budget -q expense import "$T/exp.csv"
mkdir -p "$T/rep"
kill_at "run-due" "SELECT count(*) FROM report_run" 11 \
    seci-report --as-of 2026-12-02 run-due --outdir "$T/rep"
test_done
