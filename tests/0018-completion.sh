#!/bin/sh
# The bash completion, built from the tools' command tables, offers
# exactly the commands and options that --help lists, for every tool;
# enum values, -o formats, and Party codes and budget lines from the
# database.
. "${top_srcdir:-..}/tests/lib.sh"

command -v bash >/dev/null || { echo "1..0 # SKIP no bash"; exit 0; }
comp=$top_builddir/share/completion/seci-admin
init_db
adopted_budget 2026
seci-contrib party add GR --name Greece --kind party >/dev/null
seci-contrib party add RO --name Romania --kind party >/dev/null

# complete WORD...: what completion offers for the last word, sorted.
complete_words() {
	bash -c '. "$1"; shift; COMP_WORDS=("$@")
	    COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _seci "$1"
	    printf "%s\n" "${COMPREPLY[@]}"' sh "$comp" "$@" | sort
}
# The command words --help lists (the first word of each command).
help_commands() {
	"$1" --help | sed -n '/^Commands:/,/^$/p' |
	    sed -n 's/^  \([a-z-]*\)\( [a-z-]*\)\{0,1\}  .*/\1\2/p' |
	    sed 's/ *$//'
}
# The options a command's --help lists before the global ones.
help_options() {
	"$@" --help | sed '/Global options/,$d' |
	    sed -n 's/^ \{2,6\}\(-[a-zA-Z?], \)\{0,1\}\(--[a-z-]*\)\(=\)\{0,1\}.*/\2\3/p' |
	    sort -u
}

for t in seci-admin seci-budget seci-contrib seci-report seci-plan \
    seci-staff; do
	help_commands $t >"$T/cmds"
	cut -d' ' -f1 "$T/cmds" | sort -u >"$T/want"
	complete_words $t "" >"$T/got"
	if cmp -s "$T/want" "$T/got"; then
		tap_result 0 "$t: the command words of --help"
	else
		diff "$T/want" "$T/got" | sed 's/^/#   /'
		tap_result 1 "$t: the command words of --help"
	fi
	# The global options, from the tool's --help.
	"$t" --help | sed -n '/Global options/,/^$/p' |
	    sed -n 's/^ \{2,6\}\(-[a-zA-Z?], \)\{0,1\}\(--[a-z-]*\)\(=\)\{0,1\}.*/\2\3/p' \
	    >"$T/glob"
	bad=
	while IFS= read -r c; do
		# shellcheck disable=SC2086
		help_options $t $c >"$T/want"
		# shellcheck disable=SC2086
		complete_words $t $c -- >"$T/all"
		# Without the global options.
		grep -vxF -f "$T/glob" "$T/all" >"$T/got" || :
		cmp -s "$T/want" "$T/got" || bad="$bad [$c]"
	done <"$T/cmds"
	is "$t: each command's options as its --help lists them" "$bad" ""
done

is "second words" "$(complete_words seci-staff case "" | tr '\n' ' ')" \
    "list open step "
is "an enum's values" "$(complete_words seci-staff case step 1 --stage "" |
    tr '\n' ' ')" "appeal closed decision hearing investigation "
is "after --opt=" "$(complete_words seci-staff add --kind = l | tr '\n' ' ')" \
    "liaison "
# pdf and xlsx where this build and machine offer them, as --help says.
want="html json "
seci-report monthly --help | grep -q 'pdf' && want="${want}pdf "
want="${want}text "
seci-report monthly --help | grep -q 'xlsx' && want="${want}xlsx "
is "-o: the command's formats" "$(complete_words seci-report monthly -o "" |
    tr '\n' ' ')" "$want"
is "roles" "$(complete_words seci-admin user add x --role "" | tr '\n' ' ')" \
    "auditor director finance hr planning viewer "
is "Party codes from the database" "$(complete_words seci-contrib payment add \
    --party "" | tr '\n' ' ')" "GR RO "
is "budget lines" "$(complete_words seci-budget transfer --from "" |
    tr '\n' ' ')" "A1 A2 B1 B2 "
is "report kinds" "$(complete_words seci-report schedule add x --report mo)" \
    "monthly"
test_done
