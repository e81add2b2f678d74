#!/bin/sh
# make fuzz: build each libFuzzer harness of tests/fuzz/ with clang
# (-fsanitize=fuzzer,address,undefined) against libseci's sources, and
# run it for FUZZ_SECONDS (default 60) from its seed corpus.  A crash, a
# leak or undefined behaviour stops it: its input is left in _fuzz/ as
# crash-*, and the run fails.  Usage: run.sh SRCDIR BUILDDIR [HARNESS...]
set -eu
src=$(cd "$1" && pwd)
build=$(cd "$2" && pwd)
shift 2
harnesses=${*:-csv parse yaml conf budget plan payments}
seconds=${FUZZ_SECONDS:-60}
CC=${FUZZ_CC:-clang}
out=$build/_fuzz
flags="-g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined
-fno-sanitize-recover=undefined"
libs="$(pkg-config --libs sqlite3 yaml-0.1 libsodium) -lcsv"

command -v "$CC" >/dev/null || { echo "fuzz: $CC is needed" >&2; exit 77; }
[ -f "$build/config.h" ] && [ -f "$build/lib/sql.inc" ] ||
    { echo "fuzz: build the tree first (make)" >&2; exit 1; }
mkdir -p "$out/obj"
xlsx=
if grep -q '^#define HAVE_XLSXWRITER 1' "$build/config.h"; then
	xlsx=xlsxwriter
	libs="$libs $(pkg-config --libs xlsxwriter)"
fi
# libseci, instrumented for the fuzzer, once: again for a changed source,
# and all of it again when a header has changed.
newest_h=$(ls -t "$src"/lib/*.h "$build/config.h" | head -n 1)
for c in "$src"/lib/*.c; do
	[ -z "$xlsx" ] && [ "$(basename "$c")" = xlsx.c ] && continue
	o=$out/obj/$(basename "$c" .c).o
	[ "$o" -nt "$c" ] && [ "$o" -nt "$newest_h" ] && continue
	$CC $flags -fsanitize=fuzzer-no-link -I"$build" -iquote "$build/lib" \
	    -DSECI_PKGDATADIR="\"$src/share\"" \
	    -iquote "$src/lib" $(pkg-config --cflags sqlite3 yaml-0.1 libsodium $xlsx) \
	    -c "$c" -o "$o"
done
status=0
for h in $harnesses; do
	$CC $flags -fsanitize=fuzzer -I"$build" -iquote "$build/lib" -iquote "$src/lib" \
	    "$src/tests/fuzz/fuzz-$h.c" "$out"/obj/*.o $libs -o "$out/fuzz-$h"
	mkdir -p "$out/corpus-$h"
	echo "== fuzz-$h, ${seconds} s"
	if (cd "$out" && ASAN_OPTIONS=detect_leaks=1 ./fuzz-$h \
	    -max_total_time="$seconds" -max_len=65536 -timeout=20 \
	    -rss_limit_mb=2048 -print_final_stats=1 "corpus-$h" \
	    "$src/tests/fuzz/corpus/$h" 2>"fuzz-$h.log"); then
		grep -E '^stat::number_of_executed_units' "$out/fuzz-$h.log" || :
	else
		echo "fuzz-$h FOUND A PROBLEM: see $out/fuzz-$h.log" >&2
		tail -40 "$out/fuzz-$h.log" >&2
		status=1
	fi
done
exit $status
