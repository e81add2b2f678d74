#!/bin/sh
# Build the demo database in a temporary folder from share/demo/ and show
# what the tools make of it.  Usage: demo.sh BINDIR DEMODIR
# SECI_WRAP (e.g. a valgrind command line) is put before every tool.
set -eu
bindir=$1
demo=$2
wrap=${SECI_WRAP:-}
dir=$(mktemp -d "${TMPDIR:-/tmp}/seci-demo.XXXXXX")
trap 'rm -rf "$dir"' EXIT
export SECI_DB="$dir/seci.db" SECI_CONFIG="$demo/seci.yaml" TZ=UTC
unset SECI_USER || :

seci() {
	tool=$1
	shift
	$wrap "$bindir/seci-$tool" "$@"
}

seci admin init
grep -v '^#' "$demo/users.txt" | while read -r login roles; do
	seci admin user add "$login" --role "$roles" >/dev/null
done

echo "== Users"
seci admin -o table user list
echo
echo "== Database check"
seci admin -o table check
echo
echo "== Audit seal (keep a copy outside the database)"
seci admin -o table audit seal
