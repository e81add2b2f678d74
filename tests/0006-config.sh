#!/bin/sh
# The config file: search order, keys, warnings and errors (exit 78).
. "${top_srcdir:-..}/tests/lib.sh"

cat >"$T/a.yaml" <<'YAML'
organisation: Centre A
currency: CHF
database: a.db
colour: blue
YAML
unset SECI_DB
run_ok "init with --config" seci-admin -c "$T/a.yaml" init
err_has "an unknown key warns with file and line" \
    "warning: $T/a.yaml:4: unknown key 'colour'"
ok "the config's database key is used" test -f a.db
run_ok "-q silences the warning" seci-admin -q -c "$T/a.yaml" -o csv \
    audit log --table settings
ok "nothing on stderr" test ! -s "$T/err"
ok "organisation from the config" grep -q 'Centre A' "$T/out"
ok "currency from the config" grep -q 'CHF' "$T/out"

run_ok "SECI_CONFIG is read" env SECI_CONFIG="$T/a.yaml" seci-admin -q \
    -o csv user list
mkdir -p "$XDG_CONFIG_HOME/seci"
cp "$T/a.yaml" "$XDG_CONFIG_HOME/seci/seci.yaml"
run_ok "so is XDG_CONFIG_HOME/seci/seci.yaml" seci-admin -q -o csv user list
rm "$XDG_CONFIG_HOME/seci/seci.yaml"
run_fails 66 "with neither, ./seci.db is used (missing here)" \
    seci-admin user list
err_has "named" "no database './seci.db'"

run_fails 78 "a --config that does not exist" \
    seci-admin -c "$T/none.yaml" user list
err_has "names it" "$T/none.yaml"
printf 'transfer_limit_pct: lots\n' >"$T/b.yaml"
run_fails 78 "a bad value" seci-admin -c "$T/b.yaml" user list
err_has "file, line and key" "$T/b.yaml:1: 'transfer_limit_pct' must be"
printf 'a: [1,\n' >"$T/c.yaml"
run_fails 78 "bad YAML" seci-admin -c "$T/c.yaml" user list
err_has "file and line" "$T/c.yaml:"
mkdir "$T/confdir"
run_fails 78 "a directory for --config" seci-admin -c "$T/confdir" user list
err_has "says so" "$T/confdir: is a directory"
run_fails 78 "bad YAML in SECI_CONFIG too" \
    env SECI_CONFIG="$T/c.yaml" seci-admin user list
test_done
