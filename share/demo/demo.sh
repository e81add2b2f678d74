#!/bin/sh
# Build the demo database in a temporary folder from share/demo/ and show
# what the tools make of it.  Usage: demo.sh BINDIR DEMODIR
# (DEMODIR's parent is the shared data: profiles/, templates/).
# SECI_WRAP (e.g. a valgrind command line) is put before every tool.
# SECI_DEMO_KEEP=DIR: build the database in DIR and stop there.
set -eu
bindir=$1
demo=$2
wrap=${SECI_WRAP:-}
# SECI_DEMO_KEEP=DIR: build the database in DIR (empty) and stop there,
# keeping it, for the README's tour.
if [ -n "${SECI_DEMO_KEEP:-}" ]; then
	dir=$SECI_DEMO_KEEP
else
	dir=$(mktemp -d "${TMPDIR:-/tmp}/seci-demo.XXXXXX")
	trap 'rm -rf "$dir"' EXIT
fi
export SECI_DB="$dir/seci.db" SECI_CONFIG="$demo/seci.yaml" TZ=UTC
export SECI_DATADIR="$demo/.."
unset SECI_USER || :

seci() {
	tool=$1
	shift
	$wrap "$bindir/seci-$tool" "$@"
}

asof=2026-11-30
seci admin init
grep -v '^#' "$demo/users.txt" | while read -r login roles; do
	seci admin user add "$login" --role "$roles" >/dev/null
done

# The 2026 budget, adopted by the JCC in December 2025, and a year of
# expenditure up to the end of November.
seci budget load "$demo/budget-2026.yaml"
seci budget -y 2026 adopt --decision JCC/2025/14 --date 2025-12-10
seci budget commit --line 3.1 --amount 174000 --payee "Centrul Imobiliar SA" \
    --ref PO-2026-RENT --date 2026-01-01 >/dev/null
seci budget -q expense import "$demo/expenses-2026.csv"
seci budget --as-of 2026-03-20 transfer --from 5.3 --to 2.3 --amount 5000 \
    --reason "Additional missions on migrant smuggling" >/dev/null
seci budget --as-of "$asof" expense approve $(seci budget -y 2026 -o csv \
    expense list --status proposed | tail -n +2 | cut -d, -f1)
seci budget expense pay --date 2026-10-31 $(seci budget -y 2026 -o csv \
    expense list --to 2026-10-31 --status approved | tail -n +2 | cut -d, -f1)
seci budget asset add --tag IT-SRV-01 --desc "Case-management servers" \
    --acquired 2026-05-20 --cost 38600 --life-years 5 --line 4.1 >/dev/null
seci budget asset add --tag VEH-07 --desc "Service vehicle" \
    --acquired 2026-07-07 --cost 27900 --life-years 8 --line 4.2 >/dev/null
seci budget asset depreciate --through 2026-10-31

# The Parties and Observers, their 2026 contributions (the budget less
# other income, in equal shares), and the bank's export of what came in.
seci contrib -q party import "$demo/parties.csv"
seci contrib -y 2026 assess >/dev/null
seci contrib -q payment import "$demo/bank-2026.csv"

# The 2026 Action Plan: proposed to the JCC in November 2025, returned
# once, approved in December, and its progress through the year.  The
# proposal as the JCC read it goes beside the reports.
mkdir "$dir/reports"
seci plan load "$demo/plan-2026.yaml"
seci plan -y 2026 --as-of 2025-11-20 submit >/dev/null 2>&1
seci plan -y 2026 --as-of 2025-12-01 decide --return \
    --note "Phase the platform upgrade over the first half-year"
seci plan -y 2026 --as-of 2025-12-02 -o html submit \
    >"$dir/reports/plan-2026-proposal.html" 2>/dev/null
seci plan -y 2026 --as-of 2025-12-10 decide --approve --decision JCC/2025/15
seci plan -y 2026 --as-of 2026-03-31 progress A1.1 --percent 25 \
    --status on-track --note "first meeting held in Bucharest"
seci plan -y 2026 --as-of 2026-06-30 progress A2.1 --percent 90 \
    --status delayed --note "two Parties still to connect"
seci plan -y 2026 --as-of 2026-10-31 progress A1.2 --percent 100 \
    --status done
seci plan -y 2026 --as-of 2026-06-30 indicator A2.1 "Parties connected" \
    --actual 11

# The staff register (fictional people) and the Liaison Officers.
seci staff -q import "$demo/staff.csv"
# A recruitment of 2024 whose unsuccessful candidates are due for purge,
# and one of 2026; training; the year's declarations.
seci staff --as-of 2024-01-15 vacancy open --post P-21 \
    --title "Finance assistant" --grade G6 --closes 2024-03-31 >/dev/null
for c in "Radu Ene:RO" "Sofia Georgieva:BG" "Emir Hadzic:BA"; do
	seci staff --as-of 2024-02-20 candidate add 1 --name "${c%%:*}" \
	    --nationality "${c##*:}" >/dev/null
done
seci staff --as-of 2024-03-15 candidate move 2 --to rejected
seci staff --as-of 2024-03-15 candidate move 3 --to rejected
seci staff --as-of 2026-09-01 vacancy open --post P-30 \
    --title "Liaison coordinator" --grade P3 --closes 2026-12-15 >/dev/null
seci staff --as-of 2026-09-20 candidate add 2 --name "Lena Horvat" \
    --nationality HR >/dev/null
seci staff training add --title "Data protection for Liaison Officers" \
    --date 2026-09-15 --hours 12 --staff 6 7 8 9 10 >/dev/null
seci staff training add --title "Budget and finance rules" \
    --date 2026-10-06 --hours 16 --staff 1 2 3 >/dev/null
for s in 1 2 3 4 5 6 7; do
	seci staff --as-of 2026-03-20 ethics declare $s --none >/dev/null
	seci staff --as-of 2026-03-20 ethics acknowledge $s \
	    --code-version 2025.1 >/dev/null
done

# A monthly report that cron makes on the 1st of each month.
seci report schedule add monthly --report monthly --every month \
    --as-of 2026-01-01

[ -z "${SECI_DEMO_KEEP:-}" ] || exit 0

echo "== Database check"
seci admin -o table check
echo
echo "== Reports cron would have made by $asof"
seci report --as-of "$asof" run-due --outdir "$dir/reports" |
    sed "s|$dir/||" | tail -3
echo "   ..."
echo
echo "== Status of contributions for the JCC"
seci report -y 2026 --as-of "$asof" -o table contributions-status
echo
echo "== Bank accounts"
seci contrib --as-of "$asof" -o table bank list
echo
echo "== The Action Plan 2026"
seci plan -y 2026 --as-of "$asof" -o table list
echo
echo "== Contracts ending within 90 days"
seci staff --as-of "$asof" -o table contracts --expiring 90
echo
echo "== Personal data due for purge, purged, and the audit chain after it"
seci staff --as-of "$asof" -o table retention || :
seci staff --as-of "$asof" candidates purge
seci admin -o table audit verify
echo
echo "== The monthly report for November 2026"
echo
seci report --as-of "$asof" monthly
