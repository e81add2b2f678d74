#!/bin/sh
# Project rules that a compiler does not check: no SQL in cmd/, every
# binary has a man page that names each of its commands, each command's
# options in --help are those of its SYNOPSIS, man pages are mandoc
# -Tlint clean.
. "${top_srcdir:-..}/tests/lib.sh"
src=$top_srcdir

ok "no sqlite3 calls or headers in cmd/" \
    sh -c "! grep -l 'sqlite3' '$src'/cmd/*.c"
ok "no SQL statements in cmd/" \
    sh -c "! grep -lE '\"(SELECT|INSERT|UPDATE|DELETE|CREATE|BEGIN) ' '$src'/cmd/*.c"
ok "no exit() in lib/" sh -c "! grep -nE '\\bexit\\(' '$src'/lib/*.c"

for c in "$src"/cmd/seci-*.c; do
	tool=$(basename "$c" .c)
	ok "$tool has a man page" test -f "$src/man/$tool.1"
	"$top_builddir/cmd/$tool" --help >"$T/help"
	missing=
	for cmd in $(sed -n '/^Commands:/,/^$/p' "$T/help" | sed -n 's/^  \([a-z][a-z-]*\( [a-z][a-z-]*\)*\)  .*/\1/p' | tr ' ' '_'); do
		words=$(echo "$cmd" | tr '_' ' ')
		grep -q "$(echo "$words" | sed 's/ /.*/g')" "$src/man/$tool.1" ||
		    missing="$missing '$words'"
	done
	is "every command of $tool --help is in its man page" "$missing" ""

	# Each command's own options (--help, before the global ones)
	# against its entry in the SYNOPSIS, both ways.
	differ=
	for cmd in $(sed -n '/^Commands:/,/^$/p' "$T/help" | sed -n 's/^  \([a-z][a-z-]*\( [a-z][a-z-]*\)*\)  .*/\1/p' | tr ' ' '_'); do
		words=$(echo "$cmd" | tr '_' ' ')
		# shellcheck disable=SC2086
		"$top_builddir/cmd/$tool" $words --help | sed '/Global options/,$d' |
		    sed -n 's/^ \{1,8\}\(-[a-zA-Z], \)\{0,1\}--\([a-z][a-z-]*\).*/\2/p' |
		    sort -u >"$T/h.opts"
		awk -v c="$words" '/^\.Sh SYNOPSIS/ { s = 1; next } /^\.Sh/ { s = 0 }
		    s && $0 == ".Cm " c { b = 1; found = 1; next }
		    s && /^\.Nm/ { b = 0 } b
		    END { if (!found) print "Fl -NO-SYNOPSIS-ENTRY" }' \
		    "$src/man/$tool.1" | grep -oE 'Fl -[A-Za-z][A-Za-z-]*' |
		    sed 's/Fl -//' | sort -u >"$T/m.opts"
		d=$(comm -3 "$T/h.opts" "$T/m.opts" | tr -d '\t' | tr '\n' ' ')
		[ -z "$d" ] || differ="$differ [$words: $d]"
	done
	is "$tool: each command's options in --help and in the SYNOPSIS" \
	    "$differ" ""
done

if [ -n "${MANDOC:-}" ] || MANDOC=$(command -v mandoc); then
	for m in "$src"/man/*.[1-9]; do
		"$MANDOC" -Tlint -W warning "$m" >"$T/lint" 2>&1 || :
		is "mandoc -Tlint $(basename "$m")" "$(cat "$T/lint")" ""
	done
else
	skip "mandoc not installed"
fi
test_done
