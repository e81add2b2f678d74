#!/bin/sh
# The README's tour: each tool run on the demo database, as Markdown (the
# command, then what it printed).  tests/0022-readme-tour.sh checks that
# README.md shows exactly this; `make tour` puts it there.
# Usage: tour.sh BINDIR DEMODIR
set -eu
bindir=$1
demo=$2
dir=$(mktemp -d "${TMPDIR:-/tmp}/seci-tour.XXXXXX")
trap 'rm -rf "$dir"' EXIT
SECI_DEMO_KEEP=$dir sh "$demo/demo.sh" "$bindir" "$demo" >/dev/null 2>&1 || {
	echo "tour.sh: the demo database could not be built" >&2
	exit 1
}
export SECI_DB="$dir/seci.db" SECI_CONFIG="$demo/seci.yaml" TZ=UTC
export SECI_DATADIR="$demo/.." LC_ALL=C
unset SECI_USER || :
PATH=$bindir:$PATH

# step TEXT COMMAND...: a paragraph, then the command and its output.
step() {
	printf '%s\n\n' "$1"
	shift
	printf '    $ %s\n' "$*"
	"$@" 2>&1 | sed -e 's/ *$//' -e 's/^/    /'
	printf '\n'
}

step "The database checked (seci-admin): integrity, the ledger against the
receivables and the bank, the audit chain, the file's permissions." \
    seci-admin -o table check
step "The asset register with its depreciation as of a date (seci-budget):" \
    seci-budget --as-of 2026-11-30 -o table asset list
step "Arrears by age and the two-year rule (seci-contrib):" \
    seci-contrib --as-of 2026-11-30 -o table arrears
step "The balance sheet from the ledger (seci-report); \`statements -o xlsx\`
gives it with the other statements as one workbook:" \
    seci-report --as-of 2026-11-30 -o table balance-sheet
step "The Action Plan as the JCC approved it, with its progress (seci-plan):" \
    seci-plan -y 2026 --as-of 2026-11-30 -o table list
step "Parties with no Liaison Officer posted, or one whose posting ends
within 90 days (seci-staff):" \
    seci-staff --as-of 2026-11-30 -o table lo gaps --within 90
