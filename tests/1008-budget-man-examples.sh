#!/bin/sh
# The EXAMPLES of seci-budget(1), run as written, on the demo budget and
# expenses, with the output the page shows.
. "${top_srcdir:-..}/tests/lib.sh"
. "$top_srcdir/tests/man-examples.sh"

cp "$top_srcdir/share/demo/budget-2026.yaml" "$top_srcdir/share/demo/expenses-2026.csv" .
seci-admin init --db "$T/seci.db" >/dev/null
man_examples "$top_srcdir/man/seci-budget.1"
test_done
