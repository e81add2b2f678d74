# tests/lib.sh - TAP helpers for the shell tests.  Source it first.
#
# Every script gets a fresh temporary folder (its working directory) with
# a fresh SECI_DB, no config, LC_ALL=C and TZ=UTC, and the built tools
# first on PATH.  Every check asserts an exit status:
#   run_ok NAME CMD...        CMD exits 0
#   run_fails N NAME CMD...   CMD exits N
# After a run, $T/out and $T/err hold its stdout and stderr, $status
# its exit status.
#   out_is NAME TEXT   stdout is exactly TEXT (a trailing newline added)
#   err_has NAME TEXT  stderr contains TEXT
#   is NAME GOT WANT   two strings are equal
#   ok NAME CMD...     a shell condition holds
#   skip REASON        a check that cannot run here
#   test_done          prints the plan; exits 1 if anything failed
set -eu
LC_ALL=C TZ=UTC
export LC_ALL TZ
: "${top_builddir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_srcdir:=$top_builddir}"
: "${SECI_WRAP:=}"
PATH="$top_builddir/cmd:$PATH"
T=$(mktemp -d "${TMPDIR:-/tmp}/seci-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
cd "$T"
SECI_DB="$T/seci.db"
SECI_DATADIR="$top_srcdir/share"
export SECI_DATADIR
HOME="$T/home"
XDG_CONFIG_HOME="$T/xdg"
export SECI_DB HOME XDG_CONFIG_HOME PATH
unset SECI_CONFIG SECI_USER || true
mkdir -p "$HOME"
tap_n=0
tap_failed=0
status=0

tap_result() {
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_failed=$((tap_failed + 1))
		if [ -s "$T/err" ]; then sed 's/^/#   stderr: /' "$T/err" | head -5; fi
	fi
}

# Run a command, keeping its output; never stops the script.
run() {
	set +e
	case "$1" in
	seci-*) $SECI_WRAP "$@" >"$T/out" 2>"$T/err" ;;
	*) "$@" >"$T/out" 2>"$T/err" ;;
	esac
	status=$?
	set -e
}

run_fails() {
	want=$1 name=$2; shift 2
	run "$@"
	if [ "$status" -eq "$want" ]; then
		tap_result 0 "$name"
	else
		echo "#   exit status $status, want $want"
		tap_result 1 "$name"
	fi
}

run_ok() {
	name=$1; shift
	run_fails 0 "$name" "$@"
}

out_is() {
	printf '%s\n' "$2" >"$T/want"
	if cmp -s "$T/want" "$T/out"; then
		tap_result 0 "$1"
	else
		diff -u "$T/want" "$T/out" | sed 's/^/#   /' | head -20
		tap_result 1 "$1"
	fi
}

err_has() {
	if grep -qF -- "$2" "$T/err"; then
		tap_result 0 "$1"
	else
		echo "#   stderr lacks: $2"
		sed 's/^/#   got: /' "$T/err" | head -5
		tap_result 1 "$1"
	fi
}

is() {
	if [ "$2" = "$3" ]; then
		tap_result 0 "$1"
	else
		echo "#   got '$2', want '$3'"
		tap_result 1 "$1"
	fi
}

ok() {
	name=$1; shift
	if "$@"; then tap_result 0 "$name"; else tap_result 1 "$name"; fi
}

# A check that cannot run here.
skip() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n # SKIP $1"
}

# The database with its director (root or SECI_USER's login).
init_db() {
	seci-admin init --org "Test Centre" "$@" >/dev/null
}

# A small budget for YEAR (default 2026), as $T/budget-YEAR.yaml:
#   chapter A: A1 staff 100,000.00; A2 operational 50,000.00
#   chapter B: B1 operational 20,000.00; B2 capital 30,000.00
# 200,000.00 in all, and 10,000.00 of other income.
small_budget() {
	y=${1:-2026}
	cat >"$T/budget-$y.yaml" <<YAML
year: $y
currency: EUR
chapters:
  - code: A
    name: Staff and operations
    lines:
      - {code: A1, name: Salaries, kind: staff, amount: "100000.00"}
      - {code: A2, name: Meetings, kind: operational, amount: 50000}
  - code: B
    name: Premises and equipment
    lines:
      - {code: B1, name: Rent, kind: operational, amount: "20000.00"}
      - {code: B2, name: Equipment, kind: capital, amount: "30000.00"}
income:
  - {code: I1, name: Interest, amount: "10000.00"}
YAML
}

# The small budget loaded and adopted.
adopted_budget() {
	small_budget "${1:-2026}"
	seci-budget load "$T/budget-${1:-2026}.yaml"
	seci-budget -y "${1:-2026}" adopt --decision "JCC/${1:-2026}/1" \
	    --date "$((${1:-2026} - 1))-12-10"
}

# Parties of the given codes, "Party CODE", kind party.
parties() {
	for c in "$@"; do
		seci-contrib party add "$c" --name "Party $c" --kind party \
		    >/dev/null
	done
}

# The balance of a ledger account in minor units, from the database.
ledger_balance() {
	"${SQLITE3_SHELL:-sqlite3}" "$SECI_DB" "SELECT coalesce(sum(p.amount), 0)
	    FROM ledger_posting p JOIN ledger_txn t ON t.id = p.txn_id
	    WHERE p.account = '$1' AND t.closed = 1"
}

# The account's amount on the balance sheet in $T/bs, in cents.
bs_cents() {
	awk -F, -v a="$1" '$2 == a { s = $4; gsub(/\./, "", s); print s + 0;
	    f = 1 } END { if (!f) print 0 }' "$T/bs"
}

# hledger's balances of JOURNAL (seci-report -o hledger ledger) equal the
# balance sheet's, account by account, as of each DATE; 3100 is revenue
# less expenses.  Skipped without hledger.
hledger_agrees() {
	j=$1; shift
	if ! command -v hledger >/dev/null; then
		skip "hledger is not installed"
		return 0
	fi
	for d in "$@"; do
		seci-report --as-of "$d" -o csv balance-sheet >"$T/bs"
		hledger -f "$j" balance --flat -N -O csv \
		    -e "$(date -u -d "$d + 1 day" +%F)" | tail -n +2 |
		    tr -d '"' >"$T/hl"
		# hledger: debit positive; the balance sheet shows credits
		# (liabilities, net assets) positive.
		bad=0
		for acct in $(cut -d, -f2 "$T/bs" | grep -v '^total$' |
		    grep -v '^account$' | grep -v '^3100$'); do
			h=$(awk -F, -v a="$acct" '$1 ~ ":" a " " { s = $2;
			    sub(/ EUR$/, "", s); gsub(/\./, "", s); print s + 0 }' \
			    "$T/hl")
			b=$(bs_cents "$acct")
			case "$acct" in 1*) ;; *) b=$((-b)) ;; esac
			[ "${h:-0}" = "$b" ] || { echo "#   $d $acct: hledger" \
			    "${h:-0}, balance sheet $b"; bad=1; }
		done
		# Every account hledger has a balance for is on the sheet
		# (3100 is checked below).
		for acct in $(awk -F, '$1 ~ /^(assets|liabilities|equity):/ {
		    split($1, a, "[: ]"); if (a[2] != "3100") print a[2] }' \
		    "$T/hl"); do
			grep -q ",$acct," "$T/bs" || { echo "#   $d: $acct not" \
			    "on the balance sheet"; bad=1; }
		done
		# (less what year-end closes moved from it to 3000).
		surplus=$(awk -F, '$1 ~ /^(revenues|expenses):/ ||
		    $1 ~ /:3100 / { s = $2; sub(/ EUR$/, "", s);
		    gsub(/\./, "", s); t += s } END { print -t + 0 }' "$T/hl")
		is "$d: hledger's balances equal the balance sheet's, account by account" \
		    "$bad" 0
		is "$d: 3100 is revenue less expenses" "$(bs_cents 3100)" \
		    "$surplus"
	done
}

# Rendered by a browser, the HTML FILE is not an empty page: its
# screenshot is far larger than an empty page's.  Skipped without
# chromium.
renders() {
	browser=$(command -v chromium || command -v chromium-browser || :)
	if [ -z "$browser" ]; then
		skip "no chromium to render the HTML"
		return 0
	fi
	shot() {
		timeout 60 "$browser" --headless --no-sandbox --disable-gpu \
		    --disable-quic --no-first-run --disable-background-networking \
		    --disable-component-update --disable-sync \
		    --user-data-dir="$T/chrome" --window-size=1000,2400 \
		    --screenshot="$2" "file://$1" >/dev/null 2>&1
	}
	printf '<!DOCTYPE html><html><body></body></html>\n' >"$T/empty.html"
	shot "$T/empty.html" "$T/empty.png"
	shot "$1" "$T/shot.png"
	empty=$(stat -c %s "$T/empty.png" 2>/dev/null || echo 0)
	full=$(stat -c %s "$T/shot.png" 2>/dev/null || echo 0)
	ok "rendered: $full bytes against $empty for an empty page" \
	    test "$empty" -gt 0 -a "$full" -gt $((empty * 5))
}

test_done() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}
