/* auth.c - logins and roles. */
#include "config.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "auth.h"
#include "seci_priv.h"

const char *const seci_role_names[] = { "director", "finance", "hr",
    "planning", "auditor", "viewer", NULL };
#define NROLES 6
#define role_names seci_role_names

int
seci_roles_parse(const char *list, unsigned *mask, struct seci_err *err)
{
	const char *p = list, *q;
	size_t n;
	int i;

	*mask = 0;
	while (p && *p) {
		q = strchr(p, ',');
		n = q ? (size_t)(q - p) : strlen(p);
		for (i = 0; i < NROLES; i++)
			if (strlen(role_names[i]) == n &&
			    strncmp(p, role_names[i], n) == 0)
				break;
		if (i == NROLES)
			return seci_err_set(err, SECI_EXIT_USAGE, "unknown role "
			    "'%.*s' (roles: director, finance, hr, planning, "
			    "auditor, viewer)", (int)n, p);
		*mask |= 1u << i;
		p = q ? q + 1 : NULL;
	}
	if (*mask == 0)
		return seci_err_set(err, SECI_EXIT_USAGE, "no role given");
	return 0;
}

char *
seci_roles_format(unsigned mask, char *buf, size_t size)
{
	size_t len = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < NROLES; i++)
		if (mask & (1u << i))
			len += (size_t)snprintf(buf + len, len < size ?
			    size - len : 0, "%s%s", len ? "," : "",
			    role_names[i]);
	return buf;
}

int
seci_auth_real_login(char *login, size_t size)
{
	struct passwd *pw = getpwuid(geteuid());

	if (pw != NULL)
		snprintf(login, size, "%s", pw->pw_name);
	else
		snprintf(login, size, "uid%ld", (long)geteuid());
	return 0;
}

int
seci_auth_os_login(char *login, size_t size, struct seci_err *err)
{
	const char *env = getenv("SECI_USER");

	seci_auth_real_login(login, size);
	if (env != NULL && *env && strcmp(env, login) != 0) {
		if (getuid() != 0)
			return seci_err_set(err, SECI_EXIT_PERM, "SECI_USER is "
			    "honoured only for root or a director");
		snprintf(login, size, "%s", env);
	}
	return 0;
}

static int
lookup_roles(struct seci_db *db, const char *login, unsigned *roles,
    struct seci_err *err)
{
	sqlite3_stmt *st;
	struct seci_err ignore = SECI_ERR_INIT;
	int rc;

	st = seci_db_stmt(db, "SELECT roles FROM users WHERE login = ?", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, login);
	rc = sqlite3_step(st);
	*roles = 0;
	if (rc == SQLITE_ROW)
		seci_roles_parse((const char *)sqlite3_column_text(st, 0),
		    roles, &ignore);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return seci_db_fail(db, rc, "users", err);
	return 0;
}

int
seci_auth_identify(struct seci_db *db, char *login, size_t size,
    unsigned *roles, struct seci_err *err)
{
	const char *env = getenv("SECI_USER");
	unsigned real_roles;

	seci_auth_real_login(login, size);
	if (env != NULL && *env && strcmp(env, login) != 0) {
		if (getuid() != 0) {
			if (lookup_roles(db, login, &real_roles, err) < 0)
				return -1;
			if (!(real_roles & SECI_ROLE_DIRECTOR))
				return seci_err_set(err, SECI_EXIT_PERM,
				    "SECI_USER is honoured only for root or a "
				    "director");
		}
		snprintf(login, size, "%s", env);
	}
	if (lookup_roles(db, login, roles, err) < 0)
		return -1;
	if (*roles == 0)
		return seci_err_set(err, SECI_EXIT_PERM, "user '%s' has no role "
		    "in database '%s'", login, seci_db_file(db));
	return 0;
}

int
seci_auth_require(const char *login, unsigned roles, unsigned need,
    const char *what, struct seci_err *err)
{
	char want[128], have[128];

	if ((roles & SECI_ROLE_DIRECTOR) || need == 0 || (roles & need))
		return 0;
	return seci_err_set(err, SECI_EXIT_PERM, "permission denied: %s "
	    "needs one of the roles %s; '%s' has %s", what,
	    seci_roles_format(need | SECI_ROLE_DIRECTOR, want, sizeof(want)),
	    login, seci_roles_format(roles, have, sizeof(have)));
}
