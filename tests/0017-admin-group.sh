#!/bin/sh
# A database shared by an OS group: init --group gives it to the group
# with mode 0660, SQLite's -wal and -shm follow, a folder that is not
# set-group-ID to the group is warned about; check takes group access as
# a finding only when the group is not the configured one, and access
# for anyone always.
. "${top_srcdir:-..}/tests/lib.sh"

if [ "$(id -u)" -eq 0 ] && getent group users >/dev/null; then
	g=users
else
	g=$(id -gn)
fi
run_fails 64 "an unknown group" seci-admin init --group no-such-group-here
ok "and no database" test ! -e "$SECI_DB"
run_ok "init --group" seci-admin init --group "$g"
is "mode 0660" "$(stat -c %a "$SECI_DB")" 660
is "the group's" "$(stat -c %G "$SECI_DB")" "$g"
err_has "a warning about the folder" "should belong to group $g, set-group-ID and group-writable"
seci-contrib party add GR --name Greece --kind party >/dev/null
# While a connection is open the -wal and -shm files exist.
{ echo "BEGIN; SELECT count(*) FROM audit;"; sleep 2; echo "COMMIT;"; } |
    sqlite3 "$SECI_DB" >/dev/null &
sleep 1
is "the -wal file follows" "$(stat -c '%a %G' "$SECI_DB-wal")" "660 $g"
is "the -shm file too" "$(stat -c '%a %G' "$SECI_DB-shm")" "660 $g"
wait
printf 'group: %s\n' "$g" >"$T/shared.yaml"
run_ok "check with the group configured" seci-admin --config "$T/shared.yaml" \
    -o csv check
ok "permissions are fine" grep -q '^permissions,ok,' "$T/out"
run_fails 1 "check without it" seci-admin -o csv check
ok "finds the group access" grep -q "^permissions,problem,.*its group may open it, and it is not the configured group" "$T/out"
chmod 666 "$SECI_DB"
run_fails 1 "anyone may open it: a finding even with the group" \
    seci-admin --config "$T/shared.yaml" -o csv check
ok "says so" grep -q "^permissions,problem,.*anyone may open it" "$T/out"
chmod 660 "$SECI_DB"
# A folder set up as the page says: no warning.
mkdir "$T/shared"
chgrp "$g" "$T/shared"
chmod 2770 "$T/shared"
run_ok "init in a set-group-ID folder" seci-admin --db "$T/shared/s.db" init \
    --config "$T/shared.yaml"
ok "no warning" sh -c "! grep -q warning '$T/err'"
is "the config's group" "$(stat -c '%a %G' "$T/shared/s.db")" "660 $g"
run_ok "a backup in it" seci-admin --db "$T/shared/s.db" backup \
    "$T/shared/b.db"
is "is the group's" "$(stat -c %G "$T/shared/b.db")" "$g"
test_done
