#!/bin/sh
# -o pdf: the HTML reports and the plan proposal printed by headless
# Chromium, with a header (organisation, title with the period) and
# "Page n of m" on every page, each section on a new page; offered only
# where a Chromium is found; never to a terminal.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
adopted_budget 2026
parties AA BB

# Without a Chromium the format is not offered at all.
SECI_CHROMIUM=/nonexistent/chromium
export SECI_CHROMIUM
run_ok "--help without a Chromium" seci-report monthly --help
ok "does not offer pdf" sh -c '! grep -q pdf "$1"' sh "$T/out"
run_fails 64 "-o pdf is an unknown format there" seci-report monthly -o pdf
# (xlsx among them where built with libxlsxwriter)
err_has "names the formats it has" "unknown format 'pdf' (use text, json"
unset SECI_CHROMIUM

if ! seci-report monthly --help | grep -q 'pdf'; then
	skip "no Chromium: pdf is not offered"
	test_done
	exit $?
fi
if ! command -v pdftotext >/dev/null || ! command -v pdfinfo >/dev/null; then
	skip "no poppler-utils to read the PDF back"
	test_done
	exit $?
fi

seci-contrib -y 2026 assess --total 24000 >/dev/null
seci-contrib payment add --party AA --amount 5000.25 --date 2026-02-01 \
    >/dev/null
run_ok "monthly -o pdf" seci-report --as-of 2026-12-31 -o pdf monthly \
    --month 2026-11
cp "$T/out" "$T/m.pdf"
is "a PDF" "$(head -c 5 "$T/m.pdf")" "%PDF-"
pages=$(pdfinfo "$T/m.pdf" | sed -n 's/^Pages: *//p')
ok "of several pages ($pages)" test "$pages" -ge 5
pdftotext -layout "$T/m.pdf" "$T/m.txt"
is "'Page n of $pages' on every page" \
    "$(grep -o "Page [0-9]* of $pages" "$T/m.txt" | tr '\n' '|')" \
    "$(i=1; while [ $i -le "$pages" ]; do printf 'Page %d of %d|' $i \
    "$pages"; i=$((i + 1)); done)"
is "the organisation and the period at the head of every page" \
    "$(tr -d '\f' <"$T/m.txt" |
    grep -c '^Test Centre  *Monthly budget report: November 2026$')" \
    "$pages"
bad=
for s in "2. Contributions" "3. Cash, assets and liabilities" \
    "4. Open commitments" "5. Audit seal"; do
	p=1 found=
	while [ $p -le "$pages" ]; do
		# The page's first lines after its header.
		if pdftotext -f $p -l $p -layout "$T/m.pdf" - |
		    sed '/^ *$/d' | sed -n '2,3p' | grep -qF "$s"; then
			found=$p
		fi
		p=$((p + 1))
	done
	[ -n "$found" ] || bad="$bad [$s]"
done
is "each section begins a page" "$bad" ""
ok "the figures are in it: 5,000.25 paid by AA" grep -q \
    'AA .*12,000.00 *5,000.25 *6,999.75' "$T/m.txt"

# --output, whole; never a terminal.
run_ok "--output" seci-report --as-of 2026-12-31 -o pdf --output \
    "$T/o.pdf" monthly --month 2026-11
is "the file is the PDF" "$(head -c 5 "$T/o.pdf")" "%PDF-"
ok "nothing on stdout" test ! -s "$T/out"
if command -v script >/dev/null; then
	script -qec "seci-report -o pdf monthly; echo \"rc=\$?\"" /dev/null \
	    >"$T/tty" 2>&1 || :
	ok "a terminal is refused (64)" grep -q 'rc=64' "$T/tty"
else
	skip "no script(1) for a terminal"
fi
run_fails 65 "a failing report" seci-plan -y 2031 -o pdf --output \
    "$T/none.pdf" report
ok "leaves no file" test ! -e "$T/none.pdf"

# The plan proposal for the JCC.
SECI_DB=$T/plan.db
seci-admin init --org "Test Centre" >/dev/null
seci-budget load "$top_srcdir/share/demo/budget-2026.yaml"
seci-budget -y 2026 adopt --decision JCC/2025/14 --date 2025-12-10
seci-plan load "$top_srcdir/share/demo/plan-2026.yaml"
run_ok "plan submit -o pdf" seci-plan -y 2026 --as-of 2025-11-20 -o pdf \
    --output "$T/p.pdf" submit
err_has "submitted" "submitted to the JCC as version 1"
pages=$(pdfinfo "$T/p.pdf" | sed -n 's/^Pages: *//p')
pdftotext -layout "$T/p.pdf" - | tr -d '\f' >"$T/p.txt"
is "the proposal's header on each of its $pages pages" "$(grep -c \
    '^Test Centre  *Action Plan 2026: proposal to the Joint Cooperation Committee$' \
    "$T/p.txt")" "$pages"
is "its version and date at the foot of each page, numbered" \
    "$(grep -c "^Version 1, submitted 2025-11-20; amounts in EUR  *Page [0-9] of $pages$" \
    "$T/p.txt")" "$pages"

# Where TMPDIR has characters a URL must escape; and started by a
# process that ignores SIGCHLD.
mkdir -p "$T/tmp #1 %41"
run_ok "a TMPDIR with '#', '%' and spaces" env TMPDIR="$T/tmp #1 %41" \
    seci-plan -y 2026 --as-of 2026-11-30 -o pdf --output "$T/q.pdf" report
is "a PDF" "$(head -c 5 "$T/q.pdf")" "%PDF-"
is "and nothing left in that TMPDIR" "$(ls -A "$T/tmp #1 %41")" ""
if command -v python3 >/dev/null; then
	run_ok "SIGCHLD ignored by the parent" python3 -c 'import os, signal, sys
signal.signal(signal.SIGCHLD, signal.SIG_IGN)
os.execvp(sys.argv[1], sys.argv[1:])' seci-plan -y 2026 --as-of 2026-11-30 \
	    -o pdf --output "$T/c.pdf" report
	is "still a PDF" "$(head -c 5 "$T/c.pdf")" "%PDF-"
else
	skip "no python3 to ignore SIGCHLD"
	skip "no python3 to ignore SIGCHLD"
fi

# A Chromium that fails: 73, nothing written.
printf '#!/bin/sh\nexit 3\n' >"$T/badchrome"
chmod +x "$T/badchrome"
SECI_CHROMIUM=$T/badchrome run_fails 73 "a Chromium that fails" \
    seci-report -o pdf --output "$T/bad.pdf" monthly
err_has "says so" "could not print the PDF (exit 3)"
ok "and nothing is written" test ! -e "$T/bad.pdf"

test_done
