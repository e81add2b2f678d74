#!/bin/sh
# The EXAMPLES of seci-plan(1), run as written on the demo budget and
# plan, with the output the page shows.
. "${top_srcdir:-..}/tests/lib.sh"
. "$top_srcdir/tests/man-examples.sh"

cp "$top_srcdir/share/demo/budget-2026.yaml" \
    "$top_srcdir/share/demo/plan-2026.yaml" .
seci-admin init --db "$T/seci.db" >/dev/null
seci-budget load budget-2026.yaml
seci-budget -y 2026 adopt --decision JCC/2025/14 --date 2025-12-10
man_examples "$top_srcdir/man/seci-plan.1"
test_done
