/* Unit tests: lib/auth.c */
#include "config.h"

#include "seci.h"
#include "tap.h"
#include "testdb.h"

int
main(void)
{
	struct seci_err err = SECI_ERR_INIT;
	struct seci_db *db;
	char buf[128], login[65];
	unsigned roles;

	ok(seci_roles_parse("finance,hr", &roles, &err) == 0 &&
	    roles == (SECI_ROLE_FINANCE | SECI_ROLE_HR), "parse two roles");
	is_str(seci_roles_format(roles, buf, sizeof(buf)), "finance,hr",
	    "format");
	err.code = 0;
	ok(seci_roles_parse("finance,boss", &roles, &err) == -1 &&
	    err.code == SECI_EXIT_USAGE && strstr(err.msg, "'boss'"),
	    "unknown role: %s", err.msg);
	ok(seci_roles_parse("", &roles, &err) == -1, "empty refused");

	ok(seci_auth_require("a", SECI_ROLE_DIRECTOR, SECI_ROLE_HR, "x",
	    &err) == 0, "director passes everything");
	ok(seci_auth_require("a", SECI_ROLE_FINANCE, SECI_ROLE_FINANCE |
	    SECI_ROLE_AUDITOR, "x", &err) == 0, "a listed role passes");
	err.code = 0;
	ok(seci_auth_require("a", SECI_ROLE_VIEWER, SECI_ROLE_HR, "'case "
	    "open'", &err) == -1 && err.code == SECI_EXIT_PERM &&
	    strstr(err.msg, "'a' has viewer"), "others get 77: %s", err.msg);
	ok(seci_auth_require("a", SECI_ROLE_VIEWER, 0, "x", &err) == 0,
	    "no requirement: any role");

	db = testdb_init("auth.db", &err);
	ok(db != NULL, "database");
	seci_db_begin(db, 1, &err);
	seci_user_add(db, "fin", SECI_ROLE_FINANCE, &err);
	seci_db_commit(db, &err);
	if (getuid() == 0) {
		setenv("SECI_USER", "fin", 1);
		ok(seci_auth_identify(db, login, sizeof(login), &roles,
		    &err) == 0 && strcmp(login, "fin") == 0 &&
		    roles == SECI_ROLE_FINANCE, "root may act as SECI_USER");
		setenv("SECI_USER", "nobody-here", 1);
		err.code = 0;
		ok(seci_auth_identify(db, login, sizeof(login), &roles,
		    &err) == -1 && err.code == SECI_EXIT_PERM &&
		    strstr(err.msg, "no role"), "a login without a role: 77: %s",
		    err.msg);
		unsetenv("SECI_USER");
	} else {
		ok(1, "# SKIP not root");
		ok(1, "# SKIP not root");
	}
	seci_db_close(db);
	return done_testing();
}
