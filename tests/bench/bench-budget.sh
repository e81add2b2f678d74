#!/bin/sh
# Benchmark of seci-budget (run by `make bench`, not by `make check`):
#  - expense import of N generated rows against the sqlite3 shell's
#    .import of the same file, and peak memory at N/4 and N rows;
#  - show on a database of N approved expenses against a bare GROUP BY
#    over the same rows.
# Prints the times and the ratios.  N defaults to 1,000,000.
. "$(dirname "$0")/lib.sh"

gen() {	# N rows over the 16 lines of the demo budget, through 2026 in
	# date order, as a bank or ledger export comes
	awk -v n="$1" 'BEGIN {
		split("1.1 1.2 1.3 1.4 2.1 2.2 2.3 3.1 3.2 3.3 3.4 4.1 4.2 5.1 5.2 5.3", L, " ")
		split("31 28 31 30 31 30 31 31 30 31 30 31", D, " ")
		print "date,line,payee,amount,description,reference"
		for (i = 1; i <= n; i++) {
			doy = int((i - 1) * 365 / n); m = 1
			while (doy >= D[m]) { doy -= D[m]; m++ }
			printf "2026-%02d-%02d,%s,Payee %d,%d.%02d,Item %d,R%09d\n",
			    m, doy + 1, L[1 + i % 16], i % 977, 1 + i % 900, i % 100, i, i
		}
	}'
}

newdb() {
	rm -f "$1"
	SECI_DB=$1 "$bin/seci-admin" init
	SECI_DB=$1 "$bin/seci-budget" -q load "$src/share/demo/budget-2026.yaml"
	SECI_DB=$1 "$bin/seci-budget" -y 2026 adopt --decision X --date 2025-12-01
}

echo "generating $N rows..."
gen "$N" >"$T/big.csv"
gen $((N / 4)) >"$T/quarter.csv"

bench_import "seci-budget expense import" newdb \
    "$bin/seci-budget" -q expense import

# show sums approved and paid expenses: mark them approved directly
# (approving a million through the tool is not what is measured here).
sqlite3 "$T/big.db" "UPDATE expense SET status = 'approved'"
against_group "seci-budget show" "$T/big.db" \
    "SELECT line_id, sum(amount) FROM expense GROUP BY line_id" \
    "$bin/seci-budget" -y 2026 --as-of 2026-12-31 -o csv show
