#!/bin/sh
# Provisional twelfths: while a year's budget is not adopted, approvals
# are capped per chapter at one twelfth of the previous year's revised
# chapter appropriation for each month elapsed, cumulatively.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
# 2025: chapter A revised to 200,000.00 (150,000.00 initial, plus a
# 50,000.00 supplement); chapter B 50,000.00.
adopted_budget 2025
seci-budget -y 2025 --as-of 2025-06-01 supplement --line A2 --amount 50000 \
    --decision JCC/2025/9 >/dev/null
# 2026: loaded, not adopted.
small_budget 2026
seci-budget load "$T/budget-2026.yaml"

# February: 2/12 of 200,000.00 = 33,333.33 (rounded down).
seci-budget expense add --line A1 --amount 33000 --payee x \
    --date 2026-01-20 >/dev/null
seci-budget expense add --line A2 --amount 333.33 --payee x \
    --date 2026-02-10 >/dev/null
seci-budget expense add --line A2 --amount 0.01 --payee x \
    --date 2026-02-11 >/dev/null
run_fails 65 "in January 33,000.00 is above 1/12 (16,666.66)" \
    seci-budget --as-of 2026-01-31 expense approve 1
err_has "explains the cap" \
    "provisional twelfths allow chapter A 16,666.66 by month 1 (1/12 of 200,000.00 revised in 2025); this approval would bring it to 33,000.00"
run_ok "in February it passes" seci-budget --as-of 2026-02-15 expense approve 1
run_ok "up to 33,333.33 in the chapter" seci-budget --as-of 2026-02-15 \
    expense approve 2
run_fails 65 "the next cent is refused in February" \
    seci-budget --as-of 2026-02-28 expense approve 3
err_has "at 33,333.34" "this approval would bring it to 33,333.34"
run_ok "and passes in March (50,000.00)" \
    seci-budget --as-of 2026-03-01 expense approve 3

# The cap is per chapter: chapter B had 50,000.00 in 2025, so 4,166.66
# in January.
seci-budget expense add --line B1 --amount 4166.66 --payee x \
    --date 2026-01-05 >/dev/null
seci-budget expense add --line B2 --amount 0.01 --payee x \
    --date 2026-01-06 >/dev/null
run_ok "chapter B: 4,166.66 in January" seci-budget --as-of 2026-01-31 \
    expense approve 4
run_fails 65 "one cent more in chapter B" seci-budget --as-of 2026-01-31 \
    expense approve 5

# A reload of the draft may not drop lines that expenses use.
cat >"$T/c.yaml" <<'YAML'
year: 2026
chapters:
  - {code: A, name: A, lines: [{code: A1, name: x, kind: staff, amount: 1}]}
YAML
run_fails 65 "a reload would drop lines in use" seci-budget load "$T/c.yaml"
err_has "names one" "line 'A2' is in use and cannot leave the budget"

# Once adopted, the ordinary rules apply.
run_ok "adopt 2026" seci-budget -y 2026 adopt --decision JCC/2026/1 \
    --date 2026-03-10
run_ok "then approval is limited by the line's available balance only" \
    seci-budget --as-of 2026-03-10 expense approve 5

# A chapter the previous year did not have gets nothing under twelfths.
cat >"$T/d.yaml" <<'YAML'
year: 2027
chapters:
  - {code: C, name: New, lines: [{code: C1, name: y, kind: operational, amount: "5000.00"}]}
YAML
seci-budget load "$T/d.yaml"
seci-budget expense add --line C1 --amount 0.01 --payee x \
    --date 2027-06-01 >/dev/null
run_fails 65 "a new chapter: nothing before adoption" \
    seci-budget --as-of 2027-06-02 expense approve 6
err_has "cap 0.00" "allow chapter C 0.00 by month 6"
test_done
