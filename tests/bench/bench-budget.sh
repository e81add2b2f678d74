#!/bin/sh
# Benchmark of seci-budget (run by `make bench`, not by `make check`):
#  - expense import of N generated rows against the sqlite3 shell's
#    .import of the same file, and peak memory at N/4 and N rows;
#  - show on a database of N approved expenses against a bare GROUP BY
#    over the same rows.
# Prints the times and the ratios.  N defaults to 1,000,000.
set -eu
N=${1:-1000000}
bin=${top_builddir:-$(cd "$(dirname "$0")/../.." && pwd)}/cmd
src=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
T=$(mktemp -d "${TMPDIR:-/tmp}/seci-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
export TZ=UTC LC_ALL=C
unset SECI_CONFIG SECI_USER || :
command -v sqlite3 >/dev/null || { echo "bench: needs the sqlite3 shell" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 1; }

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

secs() {	# elapsed seconds of a command, from GNU time
	/usr/bin/time -f '%e %M' -o "$T/time" "$@" >/dev/null 2>"$T/stderr" ||
	    { cat "$T/stderr" >&2; exit 1; }
	cut -d' ' -f1 "$T/time"
}
peak_kb() { cut -d' ' -f2 "$T/time"; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

newdb() {
	rm -f "$1"
	SECI_DB=$1 "$bin/seci-admin" init
	SECI_DB=$1 "$bin/seci-budget" -q load "$src/share/demo/budget-2026.yaml"
	SECI_DB=$1 "$bin/seci-budget" -y 2026 adopt --decision X --date 2025-12-01
}

echo "generating $N rows..."
gen "$N" >"$T/big.csv"
gen $((N / 4)) >"$T/quarter.csv"

rm -f "$T/raw.db"
t_sqlite=$(secs sqlite3 "$T/raw.db" ".mode csv" ".import $T/big.csv raw")
echo "sqlite3 .import of $N rows:        ${t_sqlite} s"

newdb "$T/q.db"
SECI_DB=$T/q.db secs "$bin/seci-budget" -q expense import "$T/quarter.csv" >/dev/null
rss_quarter=$(peak_kb)
newdb "$T/big.db"
t_import=$(SECI_DB=$T/big.db secs "$bin/seci-budget" -q expense import "$T/big.csv")
rss_full=$(peak_kb)
echo "seci-budget expense import:         ${t_import} s, peak RSS ${rss_full} KB (at N/4: ${rss_quarter} KB)"
echo "ratio import / sqlite3 .import:     $(ratio "$t_import" "$t_sqlite") (target <= 3)"
t_again=$(SECI_DB=$T/big.db secs "$bin/seci-budget" -q expense import "$T/big.csv")
echo "re-import (all duplicates):         ${t_again} s, ratio $(ratio "$t_again" "$t_sqlite")"

# show sums approved and paid expenses: mark them approved directly
# (approving a million through the tool is not what is measured here).
sqlite3 "$T/big.db" "UPDATE expense SET status = 'approved'"
t_show=$(SECI_DB=$T/big.db secs "$bin/seci-budget" -y 2026 --as-of 2026-12-31 -o csv show)
t_group=$(secs sqlite3 "$T/big.db" "SELECT line_id, sum(amount) FROM expense GROUP BY line_id")
echo "seci-budget show:                   ${t_show} s"
echo "bare GROUP BY:                      ${t_group} s"
echo "ratio show / GROUP BY:              $(ratio "$t_show" "$t_group") (target <= 2)"
