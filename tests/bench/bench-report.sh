#!/bin/sh
# Benchmark of seci-report monthly (run by `make bench`): on a database of
# N payments and N expenses, against a bare GROUP BY over the same rows.
. "$(dirname "$0")/lib.sh"
export SECI_DB="$T/r.db" SECI_DATADIR="$src/share"

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

against_group "seci-report monthly" "$SECI_DB" \
    "SELECT line_id, sum(amount) FROM expense GROUP BY line_id;
     SELECT party, sum(amount) FROM payment GROUP BY party" \
    "$bin/seci-report" --as-of 2026-12-31 monthly
