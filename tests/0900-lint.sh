#!/bin/sh
# Project rules that a compiler does not check: no SQL in cmd/, every
# binary has a man page that names each of its commands, man pages are
# mandoc -Tlint clean.
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
