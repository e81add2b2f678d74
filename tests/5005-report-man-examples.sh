#!/bin/sh
# The EXAMPLES of seci-report(1), run as written on the demo database,
# with the output the page shows.  They use hledger(1) and jq(1).
. "${top_srcdir:-..}/tests/lib.sh"
. "$top_srcdir/tests/man-examples.sh"

if ! command -v hledger >/dev/null || ! command -v jq >/dev/null; then
	skip "the examples need hledger and jq"
	test_done
	exit 0
fi
demo=$top_srcdir/share/demo
export SECI_CONFIG=$demo/seci.yaml
{
	seci-admin init
	seci-budget load "$demo/budget-2026.yaml"
	seci-budget -y 2026 adopt --decision JCC/2025/14 --date 2025-12-10
	seci-budget commit --line 3.1 --amount 174000 \
	    --payee "Centrul Imobiliar SA" --ref PO-2026-RENT --date 2026-01-01
	seci-budget -q expense import "$demo/expenses-2026.csv"
	seci-budget --as-of 2026-03-20 transfer --from 5.3 --to 2.3 \
	    --amount 5000 --reason "Additional missions on migrant smuggling"
	seci-budget --as-of 2026-11-30 expense approve $(seci-budget -y 2026 \
	    -o csv expense list --status proposed | tail -n +2 | cut -d, -f1)
	seci-budget expense pay --date 2026-10-31 $(seci-budget -y 2026 -o csv \
	    expense list --to 2026-10-31 --status approved | tail -n +2 |
	    cut -d, -f1)
	seci-budget asset add --tag IT-SRV-01 --desc "Case-management servers" \
	    --acquired 2026-05-20 --cost 38600 --life-years 5 --line 4.1
	seci-budget asset add --tag VEH-07 --desc "Service vehicle" \
	    --acquired 2026-07-07 --cost 27900 --life-years 8 --line 4.2
	seci-budget asset depreciate --through 2026-10-31
	seci-contrib -q party import "$demo/parties.csv"
	seci-contrib -y 2026 assess
	seci-contrib -q payment import "$demo/bank-2026.csv"
} >/dev/null
man_examples "$top_srcdir/man/seci-report.1"
test_done
