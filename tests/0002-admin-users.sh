#!/bin/sh
# seci-admin user add|list|remove and the roles they give.
. "${top_srcdir:-..}/tests/lib.sh"

me=$(id -un)
init_db

run_ok "add a finance officer" seci-admin user add fin --role finance
out_is "prints the new login alone" "fin"
run_ok "add with two roles" seci-admin user add anna --role hr,planning
run_ok "add an auditor" seci-admin user add aud --role auditor
run_ok "add a viewer" seci-admin user add vic --role viewer
run_fails 65 "adding an existing login" seci-admin user add fin --role hr
err_has "says it exists" "user 'fin' already exists"
run_fails 64 "an unknown role" seci-admin user add bob --role boss
err_has "names the role" "unknown role 'boss'"
run_fails 64 "--role is required" seci-admin user add bob
run_fails 64 "a bad login" seci-admin user add 'no spaces' --role viewer
run_fails 64 "a login is required" seci-admin user add --role viewer

run_ok "list" seci-admin -o csv user list
# login and roles: the line without its last two fields (two dates)
is "four users and the director, sorted, with roles" \
    "$(sed 's/,[^,]*,[^,]*$//' "$T/out" | tr '\n' ' ')" \
    "login,roles anna,\"hr,planning\" aud,auditor fin,finance $me,director vic,viewer "

# Roles: only the director manages users; the auditor reads.
run_fails 77 "finance may not add users" \
    env SECI_USER=fin seci-admin user add x --role viewer
err_has "permission denied names the roles" \
    "needs one of the roles director; 'fin' has finance"
run_ok "the auditor may list users" \
    env SECI_USER=aud seci-admin -o csv user list
run_fails 77 "a viewer may not" env SECI_USER=vic seci-admin user list

# SECI_USER is honoured only when the real user is root or a director.
# Run as the unprivileged OS user nobody (root can switch to it).
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
	asnobody() {
		setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"
	}
	chmod 755 "$T"
	# WAL needs a folder the user may write, for the -wal and -shm files.
	mkdir "$T/nb"
	cp seci.db "$T/nb/shared.db"
	chown -R nobody "$T/nb"
	run_fails 77 "a non-director may not pose as another user" \
	    asnobody env SECI_DB="$T/nb/shared.db" SECI_USER="$me" \
	    "$top_builddir/cmd/seci-admin" user list
	err_has "says who may" "honoured only for root or a director"
	run_fails 77 "nobody has no role" asnobody env SECI_DB="$T/nb/shared.db" \
	    "$top_builddir/cmd/seci-admin" user list
	run_fails 77 "and cannot even open root's 0600 database" \
	    asnobody env SECI_DB="$T/seci.db" "$top_builddir/cmd/seci-admin" \
	    user list
	err_has "permission denied" "permission denied"
	run_ok "make nobody a director" \
	    seci-admin --db "$T/nb/shared.db" user add nobody --role director
	run_ok "a director may act as another user" \
	    asnobody env SECI_DB="$T/nb/shared.db" SECI_USER=aud \
	    "$top_builddir/cmd/seci-admin" -o csv user list
	run_fails 77 "and then has that user's roles only" \
	    asnobody env SECI_DB="$T/nb/shared.db" SECI_USER=fin \
	    "$top_builddir/cmd/seci-admin" user add x --role viewer
	chmod 700 "$T"
else
	skip "needs root and setpriv to act as another OS user"
fi

run_ok "remove" seci-admin user remove vic
run_ok "list again" seci-admin -o csv user list
ok "vic is gone" sh -c "! grep -q '^vic,' '$T/out'"
run_fails 65 "removing an unknown login" seci-admin user remove vic
err_has "says so" "no user 'vic'"
run_fails 65 "removing the last director" seci-admin user remove "$me"
err_has "refused with a reason" "last director"
run_ok "a second director" seci-admin user add deputy --role director
if [ "$(id -u)" -eq 0 ]; then
	# Root may act as the deputy through SECI_USER; another OS user,
	# once it has no role, may not (covered above with setpriv).
	run_ok "then the first may go" seci-admin user remove "$me"
	run_ok "the deputy runs the database" \
	    env SECI_USER=deputy seci-admin -o csv user list
	is "who is left" "$(tail -n +2 "$T/out" | cut -d, -f1 | tr '\n' ' ')" \
	    "anna aud deputy fin "
	run_ok "audit log of users" \
	    env SECI_USER=deputy seci-admin -o csv audit log --table users
	is "every change audited: 5 adds, 2 removes, plus the director" \
	    "$(tail -n +2 "$T/out" | wc -l)" 8
else
	skip "removing oneself is tested as root"
fi
test_done
