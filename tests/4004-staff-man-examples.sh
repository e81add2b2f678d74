#!/bin/sh
# The EXAMPLES of seci-staff(1), run as written, with the output the page
# shows, on the demo Parties.
. "${top_srcdir:-..}/tests/lib.sh"
. "$top_srcdir/tests/man-examples.sh"

cp "$top_srcdir/share/demo/parties.csv" .
seci-admin init --db "$T/seci.db" >/dev/null
seci-contrib -q party import parties.csv
man_examples "$top_srcdir/man/seci-staff.1"
test_done
