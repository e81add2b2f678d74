#!/bin/sh
# Every command that prints, with standard output on a full disk
# (/dev/full): exit status 74 and a message, never success; and a command
# that changes data writes nothing when its output cannot be written.
. "${top_srcdir:-..}/tests/lib.sh"

if [ ! -w /dev/full ]; then
	echo "1..0 # SKIP no /dev/full"
	exit 0
fi
d=$top_srcdir/share/demo
init_db
seci-contrib -q party import "$d/parties.csv"
seci-budget load "$d/budget-2026.yaml"
seci-budget -y 2026 adopt --decision JCC/2025/14 --date 2025-12-10
seci-contrib -y 2026 assess --total 100000 >/dev/null
seci-contrib -q payment import "$d/bank-2026.csv"
seci-plan load "$d/plan-2026.yaml"
seci-staff -q import "$d/staff.csv"
seci-staff --as-of 2026-01-05 vacancy open --post P-1 --title Clerk \
    --grade G3 --closes 2026-02-01 >/dev/null

while IFS= read -r c; do
	[ -n "$c" ] || continue
	# Documents have their own forms: the default one and JSON.
	case "$c" in
	*monthly|*subject*) forms="default json" ;;
	*) forms="table csv json" ;;
	esac
	for f in $forms; do
		o="-o $f"
		[ "$f" = default ] && o=
		set +e
		eval "$c $o" >/dev/full 2>"$T/err"
		status=$?
		set -e
		if [ "$status" -eq 74 ] && grep -q "write error" "$T/err"; then
			tap_result 0 "$c -o $f: 74 on a full disk"
		else
			echo "#   exit status $status"
			sed 's/^/#   /' "$T/err" | head -3
			tap_result 1 "$c -o $f: 74 on a full disk"
		fi
	done
done <<'CMDS'
seci-admin user list
seci-admin audit log
seci-admin audit verify
seci-admin audit seal
seci-admin check
seci-budget -y 2026 show
seci-budget -y 2026 status
seci-budget -y 2026 commit list
seci-budget -y 2026 expense list
seci-budget asset list
seci-contrib party list
seci-contrib -y 2026 payment list
seci-contrib import list
seci-contrib bank list
seci-contrib suspense list
seci-contrib -y 2026 --as-of 2026-11-30 status
seci-contrib --as-of 2026-11-30 arrears
seci-contrib rate list
seci-report -y 2026 --as-of 2026-11-30 execution
seci-report --as-of 2026-11-30 balance-sheet
seci-report -y 2026 --as-of 2026-11-30 performance
seci-report schedule list
seci-plan -y 2026 list
seci-plan -y 2026 show A1.1
seci-plan -y 2026 versions
seci-plan analysis list
seci-staff list
seci-staff export
seci-staff show 1
seci-staff lo list
seci-staff contracts --expiring 365
seci-staff vacancy list
seci-staff candidate list
seci-staff -y 2026 training report
seci-staff case list
seci-staff -y 2026 ethics gifts
seci-staff retention
seci-staff subject 1
seci-report --as-of 2026-11-30 monthly
CMDS
# A change whose output is lost is not made.
set +e
seci-staff --as-of 2026-01-06 vacancy open --post P-2 --title Driver \
    --grade G2 --closes 2026-02-01 >/dev/full 2>"$T/err"
status=$?
set -e
is "vacancy open on a full disk: 74" "$status" 74
run_ok "vacancy list" seci-staff -o csv --no-header vacancy list
is "and no second vacancy" "$(wc -l <"$T/out")" 1
test_done
