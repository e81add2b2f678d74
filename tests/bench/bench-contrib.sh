#!/bin/sh
# Benchmark of seci-contrib (run by `make bench`, not by `make check`):
#  - payment import of N generated bank rows for 15 Parties against the
#    sqlite3 shell's .import of the same file, peak memory at N/4 and N;
#  - the same file again (all duplicates);
#  - the same again on a file in random date order where ~2% of the rows
#    come from unknown accounts (to suspense) and references are quoted;
#  - status on those N payments against a bare GROUP BY over them.
# Prints the times and the ratios.  N defaults to 1,000,000.
. "$(dirname "$0")/lib.sh"

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

shuffled() {	# N payments in random date order, ~2% unknown, quoted refs
	awk -v n="$1" -v codes="$CODES" 'BEGIN {
		split(codes, C, " ")
		split("31 28 31 30 31 30 31 31 30 31 30 31", D, " ")
		srand(20261130)
		for (i = 1; i <= n; i++) {
			doy = int(rand() * 365); m = 1
			while (doy >= D[m]) { doy -= D[m]; m++ }
			c = C[1 + i % 15]
			acct = sprintf("%sACCOUNT%04d", c, 1 + i % 15)
			if (rand() < 0.02)
				acct = sprintf("XX%08d", int(rand() * 1000))
			printf "%.9f,2026-%02d-%02d,%d.%02d,EUR,%s,Payer %s,\"Contribution %s, \"\"%d\"\"\",RX%09d\n",
			    rand(), m, doy + 1, 1 + i % 5000, i % 100, acct, c, c, i, i
		}
	}' | sort -t, -k1,1 | cut -d, -f2- |
	sed '1i date,amount,currency,account,payer,reference,bank_id'
}

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

bench_import "seci-contrib payment import" newdb \
    "$bin/seci-contrib" -q payment import
mv "$T/big.db" "$T/sorted.db"

echo "the same in random date order, ~2% unknown accounts, quoted references..."
shuffled "$N" >"$T/big.csv"
shuffled $((N / 4)) >"$T/quarter.csv"
bench_import "seci-contrib payment import (random)" newdb \
    "$bin/seci-contrib" -q payment import
mv "$T/sorted.db" "$T/big.db"

against_group "seci-contrib status" "$T/big.db" \
    "SELECT party, sum(amount) FROM payment GROUP BY party" \
    "$bin/seci-contrib" -y 2026 --as-of 2026-12-31 -o csv status
