# tests/bench/lib.sh - what the benchmarks share.  Source it first; it
# sets bin, src and a temporary folder T removed at exit, and defines:
#   secs CMD...      run CMD, print its elapsed seconds (GNU time)
#   peak_kb          peak RSS in KB of the last secs
#   ratio A B        A / B with two decimals
#   against_group LABEL DB SQL CMD...
#                    time CMD on the database DB and the bare query SQL on
#                    it; print both and the ratio (target <= 2)
#   bench_import LABEL NEWDB FILE-BASE CMD...
#                    import $T/quarter.csv and $T/big.csv with CMD into
#                    fresh databases made by NEWDB, against the sqlite3
#                    shell's .import of the big file; then big again (all
#                    duplicates); the big database is left in $T/big.db
set -eu
N=${1:-1000000}
bin=${top_builddir:-$(cd "$(dirname "$0")/../.." && pwd)}/cmd
src=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
T=$(mktemp -d "${TMPDIR:-/tmp}/seci-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
export TZ=UTC LC_ALL=C
unset SECI_CONFIG SECI_USER || :
command -v sqlite3 >/dev/null || { echo "bench: needs the sqlite3 shell" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 1; }

secs() {
	/usr/bin/time -f '%e %M' -o "$T/time" "$@" >/dev/null 2>"$T/stderr" ||
	    { cat "$T/stderr" >&2; exit 1; }
	cut -d' ' -f1 "$T/time"
}
peak_kb() { cut -d' ' -f2 "$T/time"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

against_group() {
	label=$1 db=$2 sql=$3
	shift 3
	t_cmd=$(secs env SECI_DB="$db" "$@")
	t_group=$(secs sqlite3 "$db" "$sql")
	printf '%-40s%s s\n' "$label:" "$t_cmd"
	printf '%-40s%s s\n' "bare GROUP BY:" "$t_group"
	printf '%-40s%s (target <= 2)\n' "ratio to the bare GROUP BY:" \
	    "$(ratio "$t_cmd" "$t_group")"
}

bench_import() {
	label=$1 newdb=$2
	shift 2
	rm -f "$T/raw.db"
	t_sqlite=$(secs sqlite3 "$T/raw.db" ".mode csv" ".import $T/big.csv raw")
	printf '%-40s%s s\n' "sqlite3 .import of $N rows:" "$t_sqlite"
	"$newdb" "$T/q.db"
	SECI_DB=$T/q.db secs "$@" "$T/quarter.csv" >/dev/null
	rss_quarter=$(peak_kb)
	"$newdb" "$T/big.db"
	t_import=$(SECI_DB=$T/big.db secs "$@" "$T/big.csv")
	rss_full=$(peak_kb)
	printf '%-40s%s s, peak RSS %s KB (at N/4: %s KB)\n' "$label:" \
	    "$t_import" "$rss_full" "$rss_quarter"
	printf '%-40s%s (target <= 3)\n' "ratio import / sqlite3 .import:" \
	    "$(ratio "$t_import" "$t_sqlite")"
	t_again=$(SECI_DB=$T/big.db secs "$@" "$T/big.csv")
	printf '%-40s%s s, ratio %s (target <= 3)\n' \
	    "re-import (all duplicates):" "$t_again" \
	    "$(ratio "$t_again" "$t_sqlite")"
}
