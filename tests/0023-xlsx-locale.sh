#!/bin/sh
# A workbook opens right in a spreadsheet set to a decimal-comma
# language: LibreOffice Calc, set to German (de-DE), shows every amount
# of -o xlsx with its own separators (178.461,54), dates as dates, and
# the same figures as the CSV form, cell by cell; set to English (en-US),
# 178,461.54.  Skipped without LibreOffice (libreoffice-calc-nogui).
. "${top_srcdir:-..}/tests/lib.sh"

if ! seci-budget show --help | grep -q 'xlsx'; then
	echo "1..0 # SKIP built without libxlsxwriter"
	exit 0
fi
soffice=$(command -v soffice || command -v libreoffice || :)
if [ -z "$soffice" ]; then
	echo "1..0 # SKIP no LibreOffice to open the workbooks"
	exit 0
fi

init_db
adopted_budget 2026
parties AA BB
seci-contrib -y 2026 assess --total 2400000 >/dev/null	# 1,200,000.00 each
seci-contrib payment add --party AA --amount 1234.56 --date 2026-02-01 \
    >/dev/null
seci-contrib payment add --party BB --amount 1200000 --date 2026-03-15 \
    >/dev/null

# calc LOCALE BOOK: the first sheet as LibreOffice shows it, as CSV
# (';'-separated, each cell as formatted).
calc() {
	prof=$T/lo-$1
	mkdir -p "$prof/.config/libreoffice/4/user" "$T/conv-$1"
	cat >"$prof/.config/libreoffice/4/user/registrymodifications.xcu" <<XCU
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>$1</value></prop></item>
</oor:items>
XCU
	HOME=$prof "$soffice" --headless --norestore --convert-to \
	    'csv:Text - txt - csv (StarCalc):59,34,76,1,,1031,false,true,true' \
	    --outdir "$T/conv-$1" "$2" >/dev/null 2>&1
	cat "$T/conv-$1/$(basename "$2" .xlsx).csv"
}

# The CSV form as a spreadsheet in LOCALE should show it: an amount
# (digits, a point, decimals) with the thousands and decimal separators
# of the language; the rest as it is.  Worked out here, not by seci.
shown() {
	awk -F, -v OFS=';' -v t="$1" -v d="$2" '{
		$1 = $1	# every line with the new separator
		for (i = 1; i <= NF; i++)
			if ($i ~ /^-?[0-9]+\.[0-9]+$/) {
				neg = $i ~ /^-/; v = neg ? substr($i, 2) : $i
				split(v, p, "."); s = ""
				# thousands only in amounts (two decimals)
				while (length(p[2]) == 2 && length(p[1]) > 3) {
					s = t substr(p[1], length(p[1]) - 2) s
					p[1] = substr(p[1], 1, length(p[1]) - 3)
				}
				$i = (neg ? "-" : "") p[1] s d p[2]
			}
		print
	}'
}

seci-contrib -y 2026 --as-of 2026-06-30 status -o xlsx --output "$T/st.xlsx"
seci-contrib -y 2026 --as-of 2026-06-30 status -o csv >"$T/st.csv"
calc de-DE "$T/st.xlsx" >"$T/st.de"
if [ ! -s "$T/st.de" ]; then
	skip "LibreOffice made no CSV here"
	test_done
	exit $?
fi
shown . , <"$T/st.csv" >"$T/want.de"
if cmp -s "$T/want.de" "$T/st.de"; then
	tap_result 0 "German Calc shows every cell of status as worked out"
else
	diff "$T/want.de" "$T/st.de" | head -10 | sed 's/^/#   /'
	tap_result 1 "German Calc shows every cell of status as worked out"
fi
is "AA: 1.200.000,00 assessed, 1.234,56 paid, 1.198.765,44 outstanding" \
    "$(grep '^AA;' "$T/st.de" | cut -d';' -f5-7)" \
    "1.200.000,00;1.234,56;1.198.765,44"
is "a date is a date, shown as written" \
    "$(grep '^AA;' "$T/st.de" | cut -d';' -f10)" "2026-03-31"
calc en-US "$T/st.xlsx" >"$T/st.en"
shown , . <"$T/st.csv" >"$T/want.en"
ok "English Calc: 1,200,000.00, every cell as worked out" \
    cmp -s "$T/want.en" "$T/st.en"

seci-budget -y 2026 --as-of 2026-12-31 show -o xlsx --output "$T/b.xlsx"
seci-budget -y 2026 --as-of 2026-12-31 show -o csv | shown . , >"$T/want.b"
calc de-DE "$T/b.xlsx" >"$T/b.de"
ok "German Calc shows every cell of the budget as worked out" \
    cmp -s "$T/want.b" "$T/b.de"
test_done
