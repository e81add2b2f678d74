#!/bin/sh
# Benchmark of seci-contrib (run by `make bench`, not by `make check`):
#  - payment import of N generated bank rows for 15 Parties against the
#    sqlite3 shell's .import of the same file, peak memory at N/4 and N;
#  - the same file again (all duplicates);
#  - status on those N payments against a bare GROUP BY over them.
# Prints the times and the ratios.  N defaults to 1,000,000.
set -eu
N=${1:-1000000}
bin=${top_builddir:-$(cd "$(dirname "$0")/../.." && pwd)}/cmd
T=$(mktemp -d "${TMPDIR:-/tmp}/seci-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
export TZ=UTC LC_ALL=C
unset SECI_CONFIG SECI_USER || :
command -v sqlite3 >/dev/null || { echo "bench: needs the sqlite3 shell" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 1; }

CODES="AL BA BG GR HR HU MD ME MK RO RS SI TR UA US"

gen() {	# N payments through 2026 in date order, 15 payers by account
	awk -v n="$1" -v codes="$CODES" 'BEGIN {
		split(codes, C, " ")
		split("31 28 31 30 31 30 31 31 30 31 30 31", D, " ")
		print "date,amount,currency,account,payer,reference,bank_id"
		for (i = 1; i <= n; i++) {
			doy = int((i - 1) * 365 / n); m = 1
			while (doy >= D[m]) { doy -= D[m]; m++ }
			c = C[1 + i % 15]
			printf "2026-%02d-%02d,%d.%02d,EUR,%sACCOUNT%04d,Payer %s,Contribution %s %d,TX%09d\n",
			    m, doy + 1, 1 + i % 5000, i % 100, c, 1 + i % 15, c, c, i, i
		}
	}'
}

secs() {
	/usr/bin/time -f '%e %M' -o "$T/time" "$@" >/dev/null 2>"$T/stderr" ||
	    { cat "$T/stderr" >&2; exit 1; }
	cut -d' ' -f1 "$T/time"
}
peak_kb() { cut -d' ' -f2 "$T/time"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

newdb() {
	rm -f "$1"
	SECI_DB=$1 "$bin/seci-admin" init
	i=0
	for c in $CODES; do
		i=$((i + 1))
		SECI_DB=$1 "$bin/seci-contrib" party add "$c" --name "Party $c" \
		    --kind party --account "$(printf '%sACCOUNT%04d' "$c" "$i")" \
		    >/dev/null
	done
	SECI_DB=$1 "$bin/seci-contrib" -y 2026 assess --total 15000000 >/dev/null
}

echo "generating $N bank rows..."
gen "$N" >"$T/big.csv"
gen $((N / 4)) >"$T/quarter.csv"

rm -f "$T/raw.db"
t_sqlite=$(secs sqlite3 "$T/raw.db" ".mode csv" ".import $T/big.csv raw")
echo "sqlite3 .import of $N rows:        ${t_sqlite} s"

newdb "$T/q.db"
SECI_DB=$T/q.db secs "$bin/seci-contrib" -q payment import "$T/quarter.csv" >/dev/null
rss_quarter=$(peak_kb)
newdb "$T/big.db"
t_import=$(SECI_DB=$T/big.db secs "$bin/seci-contrib" -q payment import "$T/big.csv")
rss_full=$(peak_kb)
echo "seci-contrib payment import:        ${t_import} s, peak RSS ${rss_full} KB (at N/4: ${rss_quarter} KB)"
echo "ratio import / sqlite3 .import:     $(ratio "$t_import" "$t_sqlite") (target <= 3)"
t_again=$(SECI_DB=$T/big.db secs "$bin/seci-contrib" -q payment import "$T/big.csv")
echo "re-import (all duplicates):         ${t_again} s, ratio $(ratio "$t_again" "$t_sqlite") (target <= 3)"

t_status=$(SECI_DB=$T/big.db secs "$bin/seci-contrib" -y 2026 --as-of 2026-12-31 -o csv status)
t_group=$(secs sqlite3 "$T/big.db" "SELECT party, sum(amount) FROM payment GROUP BY party")
echo "seci-contrib status:                ${t_status} s"
echo "bare GROUP BY:                      ${t_group} s"
echo "ratio status / GROUP BY:            $(ratio "$t_status" "$t_group") (target <= 2)"
