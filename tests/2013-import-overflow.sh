#!/bin/sh
# Amounts that each fit but together add up beyond 64 bits are refused
# when they come in, naming the file, with nothing written: afterwards
# every report still totals.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
seci-contrib party add GR --name Greece --kind party --account GR-1 >/dev/null
seci-contrib -y 2026 assess --total 1000 >/dev/null
# 9,300 payments of 9,999,999,999,999.99 (the largest amount): 9.3e18
# cents, beyond 2^63 - 1 = 9,223,372,036,854,775,807.
awk 'BEGIN { print "date,amount,currency,account,payer,reference,bank_id"
	for (i = 1; i <= 9300; i++)
		printf "2026-%02d-%02d,9999999999999.99,EUR,GR-1,,r%d,B-%d\n",
		    i % 12 + 1, i % 28 + 1, i, i }' >"$T/huge.csv"
run_fails 65 "the file is refused" seci-contrib payment import "$T/huge.csv"
err_has "naming it" "$T/huge.csv: amounts would add up beyond what can be totalled"
is "nothing written" "$(sqlite3 "$SECI_DB" 'SELECT count(*) FROM payment')" 0
# 900 of them fit (9.0e17): every report still adds up.
head -n 901 "$T/huge.csv" >"$T/big.csv"
run_ok "900 of them" seci-contrib payment import "$T/big.csv"
for c in "seci-contrib -y 2026 --as-of 2026-12-31 status" \
    "seci-contrib --as-of 2026-12-31 arrears" \
    "seci-report --as-of 2026-12-31 balance-sheet" \
    "seci-report --as-of 2026-12-31 monthly"; do
	run_ok "then: $c" $c
done
run_ok "check" seci-admin check
test_done
