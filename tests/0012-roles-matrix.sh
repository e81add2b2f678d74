#!/bin/sh
# Every command of every tool, run as each role and as a login with no
# role: refused with 77 exactly when SPEC's roles say so.  director: all;
# finance: budget, contributions, reports; hr: staff, confidential records
# included; planning: the plan; auditor: reads everything but the
# confidential staff records, changes nothing; viewer: non-confidential
# reads.  A command in none of the classes below is taken as a read for
# every role: a new command that is not one fails until it is placed.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
for r in finance hr planning auditor viewer; do
	seci-admin user add "u$r" --role "$r" >/dev/null
done

# The classes, one command per line: TOOL COMMAND WORDS.
W_DIR="admin user add|admin user remove|admin restore|budget adopt|budget close|plan analysis approve|plan analysis return"
W_FIN="admin opening|budget load|budget transfer|budget supplement|budget commit|budget commit close|budget expense add|budget expense import|budget expense approve|budget expense reject|budget expense pay|budget asset add|budget asset dispose|budget asset depreciate|contrib party add|contrib party edit|contrib party import|contrib assess|contrib payment import|contrib payment add|contrib payment match|contrib payment unmatch|contrib payment void|contrib import void|contrib receipt add|contrib refund|contrib bank add|contrib bank revalue|contrib remind|contrib rate set|report schedule add|report schedule remove|report run-due"
W_PLAN="plan load|plan add|plan edit|plan submit|plan decide|plan revise|plan progress|plan indicator|plan analysis add|plan analysis submit"
W_HR="staff add|staff update|staff leave|staff import|staff vacancy open|staff candidate add|staff candidate move|staff training add|staff case open|staff case step|staff ethics declare|staff ethics acknowledge|staff ethics gift|staff candidates purge|staff purge"
R_HR="staff case list|staff retention|staff subject"
R_AUDIT="admin user list|admin audit log|admin audit verify|admin audit seal|admin check|admin backup"
NO_DB="admin init"

in_class() {	# in_class "LIST" "tool cmd"
	case "|$1|" in *"|$2|"*) return 0 ;; esac
	return 1
}

# Who besides a director may run it: a role name, "any" or "none".
who() {
	if in_class "$NO_DB" "$1"; then echo skip
	elif in_class "$W_DIR" "$1"; then echo none
	elif in_class "$W_FIN" "$1"; then echo finance
	elif in_class "$W_PLAN" "$1"; then echo planning
	elif in_class "$W_HR" "$1" || in_class "$R_HR" "$1"; then echo hr
	elif in_class "$R_AUDIT" "$1"; then echo auditor
	else echo any
	fi
}

cd "$T"
for tool in admin budget contrib report plan staff; do
	seci-$tool --help | sed -n '/^Commands:/,/^$/p' |
	    sed -n 's/^  \([a-z-]*\)\( [a-z-]*\)\{0,1\}  .*/\1\2/p' |
	    sed 's/ *$//' >"$T/cmds"
	while IFS= read -r cmd; do
		w=$(who "$tool $cmd")
		[ "$w" = skip ] && continue
		# Positional arguments as the usage names them: enough to get
		# past parsing to the role check.
		args=$(seci-$tool $cmd --help | sed -n '1s/.*\[OPTION\.\.\.\]//p' |
		    tr ' ' '\n' | grep -v '^\[' | grep -v '^$' | sed 's/.*/1/' |
		    tr '\n' ' ')
		bad=
		for u in director ufinance uhr uplanning uauditor uviewer ghost; do
			set +e
			if [ $u = director ]; then
				seci-$tool $cmd $args </dev/null >/dev/null 2>&1
			else
				env SECI_USER=$u seci-$tool $cmd $args </dev/null \
				    >/dev/null 2>&1
			fi
			status=$?
			set -e
			case "$u:$w" in
			director:*|u$w:*|uauditor:any|ufinance:any|uhr:any|\
			    uplanning:any|uviewer:any) want=ok ;;
			*) want=77 ;;
			esac
			if [ $want = 77 ] && [ $status -ne 77 ]; then
				bad="$bad $u:$status"
			elif [ $want = ok ] && [ $status -eq 77 ]; then
				bad="$bad $u:77"
			fi
		done
		if [ -z "$bad" ]; then
			tap_result 0 "seci-$tool $cmd: $w"
		else
			echo "#   wrong for:$bad"
			tap_result 1 "seci-$tool $cmd: $w"
		fi
	done <"$T/cmds"
done
is "the seci-staff commands are all classed" \
    "$(seci-staff --help | sed -n '/^Commands:/,/^$/p' | grep -c '^  [a-z]')" 29
test_done
