#!/bin/sh
# The example systemd units beside the crontab: systemd-analyze verify
# accepts them (with ExecStart pointed at the built tool), the timer is
# daily and persistent, and the service is hardened.
. "${top_srcdir:-..}/tests/lib.sh"

if ! command -v systemd-analyze >/dev/null; then
	echo "1..0 # SKIP systemd-analyze is not installed"
	exit 0
fi
ex=$top_srcdir/share/examples
sed "s|/usr/bin/seci-report|$top_builddir/cmd/seci-report|" \
    "$ex/seci-run-due.service" >"$T/seci-run-due.service"
cp "$ex/seci-run-due.timer" "$T/"
run_ok "systemd-analyze verify" systemd-analyze verify --man=no \
    "$T/seci-run-due.service" "$T/seci-run-due.timer"
ok "nothing to say" test ! -s "$T/err"
ok "daily" grep -qx 'OnCalendar=\*-\*-\* 06:00:00' "$ex/seci-run-due.timer"
ok "persistent: a missed run is made up" grep -qx 'Persistent=true' \
    "$ex/seci-run-due.timer"
for k in 'ProtectSystem=strict' 'ReadWritePaths=/srv/seci' \
    'NoNewPrivileges=yes' 'PrivateTmp=yes'; do
	ok "hardened: $k" grep -qx "$k" "$ex/seci-run-due.service"
done
ok "runs what the crontab runs" grep -q \
    'ExecStart=/usr/bin/seci-report run-due --outdir /srv/seci/reports' \
    "$ex/seci-run-due.service"
test_done
