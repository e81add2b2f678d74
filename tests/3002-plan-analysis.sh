#!/bin/sh
# Strategic analyses: written by planning, submitted, approved or
# returned by the Director only, a dated history; restricted titles.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
d=$top_srcdir/share/demo
seci-budget load "$d/budget-2026.yaml" >/dev/null
seci-plan load "$d/plan-2026.yaml"
seci-admin user add pat --role planning >/dev/null
seci-admin user add vic --role viewer >/dev/null
seci-admin user add fin --role finance >/dev/null
asplan() { env SECI_USER=pat "$@"; }

run_ok "an analysis" asplan seci-plan -y 2026 --as-of 2026-03-01 \
    analysis add --title "Cigarette routes through the Black Sea ports" \
    --phenomenon "cigarette smuggling" --author "Analysis unit" \
    --classification restricted --activity A2.2
out_is "prints its ID" 1
run_ok "a public one" asplan seci-plan --as-of 2026-03-02 analysis add \
    --title "Yearly threat overview" --phenomenon "all" --author "Director"
out_is "ID 2" 2
run_fails 65 "citing an activity the plan lacks" asplan seci-plan -y 2026 \
    analysis add --title x --phenomenon y --author z --activity Z9
err_has "says so" "no activity Z9 in the 2026 plan"
run_fails 64 "a bad classification" asplan seci-plan analysis add --title x \
    --phenomenon y --author z --classification secret
run_fails 77 "finance may not write one" env SECI_USER=fin seci-plan \
    analysis add --title x --phenomenon y --author z
run_ok "submitted" asplan seci-plan --as-of 2026-04-01 analysis submit 1
run_fails 77 "planning may not approve" asplan seci-plan analysis approve 1
run_fails 64 "returning needs a note" seci-plan analysis return 1
run_fails 64 "an empty one is none" seci-plan analysis return 1 --note ""
run_fails 65 "no step before the last" seci-plan --as-of 2026-03-31 \
    analysis return 1 --note early
err_has "says so" "analysis 1: 2026-03-31 is before the last step, 2026-04-01"
run_ok "returned by the Director" seci-plan --as-of 2026-04-10 analysis \
    return 1 --note "Add the Danube ports"
run_fails 65 "a draft is not approved" seci-plan analysis approve 1
err_has "says from where" "analysis 1 is draft"
run_ok "submitted again" asplan seci-plan --as-of 2026-04-20 analysis submit 1
run_ok "approved" seci-plan --as-of 2026-04-25 analysis approve 1
run_fails 65 "not twice" seci-plan analysis approve 1
run_ok "list, as planning" asplan seci-plan -o csv analysis list
out_is "every column" \
"id,title,phenomenon,author,classification,status,date,activities
1,Cigarette routes through the Black Sea ports,cigarette smuggling,Analysis unit,restricted,approved,2026-04-25,2026:A2.2
2,Yearly threat overview,all,Director,public,draft,2026-03-02,"
run_ok "list, as a viewer" env SECI_USER=vic seci-plan -o csv analysis list
ok "the restricted title hidden" grep -q '^1,restricted,cigarette smuggling,' "$T/out"
ok "the public one shown" grep -q '^2,Yearly threat overview,' "$T/out"
run_ok "show, as a viewer" env SECI_USER=vic seci-plan -o csv analysis show 1
ok "hidden there too" grep -q '^title,restricted$' "$T/out"
ok "never in any form" sh -c "! grep -q 'Black Sea' '$T/out'"
run_ok "show, as the Director" seci-plan -o csv analysis show 1
out_is "its fields, what it informs, its dated history" \
"field,value
id,1
title,Cigarette routes through the Black Sea ports
phenomenon,cigarette smuggling
author,Analysis unit
classification,restricted
status,approved
informs,2026 A2.2
history,2026-03-01 added by pat
history,2026-04-01 submitted by pat
history,2026-04-10 returned by $(id -un): Add the Danube ports
history,2026-04-20 submitted by pat
history,2026-04-25 approved by $(id -un)"
run_fails 65 "no such analysis" seci-plan analysis show 9
run_ok "check" seci-admin check
run_ok "audit verify" seci-admin audit verify
test_done
