#!/bin/sh
# The README's tour shows what the tools print: share/demo/tour.sh runs
# them again on the demo database, and the README must hold exactly that
# between its markers (`make tour` renews it).
. "${top_srcdir:-..}/tests/lib.sh"

readme=$top_srcdir/README.md
run_ok "the tour runs on the demo database" sh \
    "$top_srcdir/share/demo/tour.sh" "$top_builddir/cmd" \
    "$top_srcdir/share/demo"
cp "$T/out" "$T/tour"
ok "it shows all six tools" test "$(grep -c '^    \$ seci-' "$T/tour")" -eq 6 \
    -a "$(grep '^    \$ seci-' "$T/tour" | cut -d' ' -f6 | sort -u | wc -l)" \
    -eq 6
# Between the markers, after the blank line that follows the first.
sed -n '/^<!-- tour begin/,/^<!-- tour end -->/p' "$readme" |
    sed -e '1,2d' -e '$d' >"$T/readme"
if cmp -s "$T/tour" "$T/readme"; then
	tap_result 0 "README.md shows what the tools print"
else
	diff "$T/readme" "$T/tour" | head -20 | sed 's/^/#   /'
	echo "#   run 'make tour' to renew README.md"
	tap_result 1 "README.md shows what the tools print"
fi
# A figure of the tour worked by hand from share/demo: the 2026
# assessment, 2,320,000.00, is shared by the 13 Parties, 2,320,000.00 / 13
# = 178,461.538..., and Bosnia and Herzegovina paid nothing of it.
ok "Bosnia and Herzegovina owes its whole 2026 share, 178,461.54" \
    grep -q '^    BA  *Bosnia and Herzegovina .* 178,461.54 .* 178,461.54  *no$' \
    "$T/tour"
test_done
