#!/bin/sh
# Benchmark of seci-report monthly (run by `make bench`): on a database of
# N payments and N expenses, against a bare GROUP BY over the same rows.
set -eu
N=${1:-1000000}
here=$(cd "$(dirname "$0")" && pwd)
bin=${top_builddir:-$(cd "$here/../.." && pwd)}/cmd
src=${top_srcdir:-$(cd "$here/../.." && pwd)}
T=$(mktemp -d "${TMPDIR:-/tmp}/seci-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
export TZ=UTC LC_ALL=C SECI_DB="$T/r.db" SECI_DATADIR="$src/share"
unset SECI_CONFIG SECI_USER || :
[ -x /usr/bin/time ] || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 1; }

secs() {
	/usr/bin/time -f '%e' -o "$T/time" "$@" >/dev/null 2>"$T/stderr" ||
	    { cat "$T/stderr" >&2; exit 1; }
	cat "$T/time"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

echo "building a database of $N payments and $N expenses..."
"$bin/seci-admin" init
"$bin/seci-budget" load "$src/share/demo/budget-2026.yaml"
"$bin/seci-budget" -y 2026 adopt --decision X --date 2025-12-01
"$bin/seci-contrib" -q party import "$src/share/demo/parties.csv"
"$bin/seci-contrib" -y 2026 assess >/dev/null
awk -v n="$N" 'BEGIN {
	split("1.1 1.2 1.3 1.4 2.1 2.2 2.3 3.1 3.2 3.3 3.4 4.1 4.2 5.1 5.2 5.3", L, " ")
	split("AL BA BG GR HR HU MD ME MK RO RS SI TR UA US", C, " ")
	split("31 28 31 30 31 30 31 31 30 31 30 31", D, " ")
	print "date,line,payee,amount,description,reference" >"/dev/stderr"
	print "date,amount,currency,reference,bank_id"
	for (i = 1; i <= n; i++) {
		doy = int((i - 1) * 365 / n); m = 1
		while (doy >= D[m]) { doy -= D[m]; m++ }
		printf "2026-%02d-%02d,%s,Payee %d,%d.%02d,Item %d,R%09d\n",
		    m, doy + 1, L[1 + i % 16], i % 977, 1 + i % 90, i % 100, i, i \
		    >"/dev/stderr"
		printf "2026-%02d-%02d,%d.%02d,EUR,Contribution %s,T%09d\n",
		    m, doy + 1, 1 + i % 50, i % 100, C[1 + i % 15], i
	}
}' >"$T/pay.csv" 2>"$T/exp.csv"
"$bin/seci-contrib" -q payment import "$T/pay.csv"
"$bin/seci-budget" -q expense import "$T/exp.csv"
sqlite3 "$SECI_DB" "UPDATE expense SET status = 'approved'"

t_report=$(secs "$bin/seci-report" --as-of 2026-12-31 monthly)
t_group=$(secs sqlite3 "$SECI_DB" "SELECT line_id, sum(amount) FROM expense
    GROUP BY line_id; SELECT party, sum(amount) FROM payment GROUP BY party")
echo "seci-report monthly:                ${t_report} s"
echo "bare GROUP BY over both tables:     ${t_group} s"
echo "ratio monthly / GROUP BY:           $(ratio "$t_report" "$t_group") (target <= 2)"
