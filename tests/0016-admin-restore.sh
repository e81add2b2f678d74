#!/bin/sh
# seci-admin restore: a backup put back only when it is sound (a seci
# database, integrity, the audit chain, the seal when given), the
# current database kept as a dated copy, refused while another process
# holds the database, and nothing changed whenever it is refused.
. "${top_srcdir:-..}/tests/lib.sh"

init_db
seci-admin user add fin --role finance >/dev/null
seci-contrib party add GR --name Greece --kind party >/dev/null
run_ok "a backup" seci-admin backup "$T/b1.db"
seal=$(seci-admin -o csv --no-header audit seal | cut -d, -f2)
seci-contrib party add RO --name Romania --kind party >/dev/null
parties() { seci-contrib -o csv --no-header party list | cut -d, -f1 | tr '\n' ' '; }
is "two Parties now" "$(parties)" "GR RO "
before=$(seci-admin -o csv --no-header audit seal)

run_fails 77 "for directors only" env SECI_USER=fin seci-admin restore \
    "$T/b1.db"
run_fails 66 "a missing backup" seci-admin restore "$T/none.db"
run_fails 64 "the database itself" seci-admin restore "$SECI_DB"
printf 'not a database at all, not even close to one.......' >"$T/junk.db"
run_fails 65 "a file that is no database" seci-admin restore "$T/junk.db"
sqlite3 "$T/other.db" "CREATE TABLE t (x); INSERT INTO t VALUES (1);"
run_fails 65 "an SQLite file that is not seci's" seci-admin restore \
    "$T/other.db"
err_has "named as given" "'$T/other.db' is not a seci database"
cp "$T/b1.db" "$T/tampered.db"
sqlite3 "$T/tampered.db" "UPDATE audit SET login = 'mallory' WHERE id = 2"
run_fails 65 "a backup whose audit chain is broken" seci-admin restore \
    "$T/tampered.db"
err_has "says where" "its audit chain is broken at record 2"
run_fails 65 "another seal" seci-admin restore "$T/b1.db" --seal \
    0000000000000000000000000000000000000000000000000000000000000000
err_has "names both" "its audit seal is $seal, not the 0000"
# Another writer holds the database.
printf 'busy_timeout_ms: 200\n' >"$T/short.yaml"
{ echo "BEGIN IMMEDIATE;"; sleep 3; echo "COMMIT;"; } | sqlite3 "$SECI_DB" &
sleep 1
run_fails 75 "while another process writes" seci-admin --config \
    "$T/short.yaml" restore "$T/b1.db"
err_has "says so" "another process holds the database"
wait
is "nothing of it changed anything" "$(seci-admin -o csv --no-header audit seal)" "$before"
is "still two Parties" "$(parties)" "GR RO "
is "and no copy kept" "$(ls "$T" | grep -c 'seci.db.2')" 0
ok "no scratch file left" sh -c "! ls -A '$T' | grep -q restoring"

run_ok "restored, with its seal" seci-admin --as-of 2026-12-01 restore \
    "$T/b1.db" --seal "$seal"
out_is "prints the kept copy" "$SECI_DB.2026-12-01"
is "one Party, as in the backup" "$(parties)" "GR "
run_ok "check" seci-admin check
run_ok "audit verify" seci-admin audit verify
run_ok "the restore is in the audit trail" seci-admin -o csv --no-header \
    audit log --table restore
ok "naming the backup and the copy" grep -q "b1.db.*seci.db.2026-12-01" "$T/out"
is "the kept copy has both Parties" "$(SECI_DB=$SECI_DB.2026-12-01 \
    seci-contrib -o csv --no-header party list | cut -d, -f1 | tr '\n' ' ')" "GR RO "
is "mode 0600" "$(stat -c %a "$SECI_DB.2026-12-01")" 600
run_ok "again the same day" seci-admin --as-of 2026-12-01 restore "$T/b1.db"
out_is "another name" "$SECI_DB.2026-12-01.2"
is "the backup itself untouched" "$(seci-admin --db "$T/b1.db" -o csv \
    --no-header audit seal | cut -d, -f2)" "$seal"
test_done
