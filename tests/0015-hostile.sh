#!/bin/sh
# The hostile corpus (tests/data/hostile/, and files too big to keep
# there made here: a 10 MB field, 100,000 columns, binary, 10,000 levels
# of YAML nesting) against every import and loader: each file is refused
# with 65, the first message names the file and a line, nothing is
# written, and memory stays bounded.
. "${top_srcdir:-..}/tests/lib.sh"

h=$top_srcdir/tests/data/hostile
init_db
adopted_budget 2026
seci-contrib party add GR --name Greece --kind party >/dev/null
mkdir "$T/h"
cp "$h"/*.csv "$h"/*.yaml "$T/h/"
{ printf 'date,amount,reference\n2026-01-02,10.00,'
  head -c 10000000 /dev/zero | tr '\0' x; printf '\n'; } >"$T/h/big-field.csv"
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "c%d,", i; print "date" }' \
    >"$T/h/wide.csv"
awk 'BEGIN { srand(3); for (i = 0; i < 4000; i++) printf "%c", int(rand() * 256) }' \
    >"$T/h/binary.csv"
awk 'BEGIN { printf "year: "; for (i = 0; i < 10000; i++) printf "["; print "" }' \
    >"$T/h/deep.yaml"
seal() { seci-admin -o csv --no-header audit seal; }
# Under AddressSanitizer memory is its own: the bound is not checked.
limit=65536
if ldd "$(command -v seci-admin)" 2>/dev/null | grep -q asan; then
	limit=999999999
fi

# refused LOADER FILE: 65, FILE:LINE first, nothing written, < 64 MB.
refused() {
	before=$(seal)
	set +e
	if command -v /usr/bin/time >/dev/null; then
		/usr/bin/time -f '%M' -o "$T/mem" "$@" >/dev/null 2>"$T/err"
	else
		"$@" >/dev/null 2>"$T/err"
		echo 0 >"$T/mem"
	fi
	status=$?
	set -e
	f=$(eval echo \${$#})
	first=$(grep -v '^Command exited' "$T/err" | head -n 1)
	if [ $status -eq 65 ] &&
	    printf '%s\n' "$first" | grep -q "$(basename "$f")\(:[0-9][0-9]*\)\{0,1\}: " &&
	    [ "$(seal)" = "$before" ] && [ "$(tail -n 1 "$T/mem")" -lt $limit ]; then
		tap_result 0 "$1 $2 $(basename "$f")"
	else
		echo "#   exit $status, memory $(tail -n 1 "$T/mem") KB: $first"
		tap_result 1 "$1 $2 $(basename "$f")"
	fi
}

for f in "$T"/h/*.csv; do
	refused seci-contrib payment import "$f"
	refused seci-budget expense import "$f"
	refused seci-contrib party import "$f"
	refused seci-staff import "$f"
	refused seci-admin opening "$f"
done
for f in "$T"/h/*.yaml; do
	refused seci-budget load "$f"
	refused seci-plan load "$f"
done
run_ok "check" seci-admin check
test_done
