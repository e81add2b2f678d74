/*
 * auth.h - who is running the command and what their roles allow.
 *
 * The login is the OS user (getpwuid(geteuid())).  SECI_USER may name
 * another login only when the real user is root or holds the director
 * role.  A login with no role in the database may not open it.
 */
#ifndef SECI_AUTH_H
#define SECI_AUTH_H

#include <stddef.h>

#include "db.h"
#include "err.h"

enum seci_role {
	SECI_ROLE_DIRECTOR = 1 << 0,	/* everything */
	SECI_ROLE_FINANCE = 1 << 1,	/* budget, contributions, reports */
	SECI_ROLE_HR = 1 << 2,		/* staff, incl. confidential */
	SECI_ROLE_PLANNING = 1 << 3,	/* action plan */
	SECI_ROLE_AUDITOR = 1 << 4,	/* read everything, change nothing */
	SECI_ROLE_VIEWER = 1 << 5	/* read non-confidential */
};
#define SECI_ROLE_ANY 0x3f
#define SECI_LOGIN_MAX 64

/* "finance,hr" to a mask; unknown names are SECI_EXIT_USAGE. */
/* The role names, NULL-terminated. */
extern const char *const seci_role_names[];

int seci_roles_parse(const char *list, unsigned *mask, struct seci_err *err);
/* Mask to "director,finance" in buf (size bytes). */
char *seci_roles_format(unsigned mask, char *buf, size_t size);

/* The OS login of the effective user (getpwuid(geteuid())). */
int seci_auth_real_login(char *login, size_t size);

/* The OS login of the effective user, or SECI_USER where root allows it
 * (no database yet: used by init). */
int seci_auth_os_login(char *login, size_t size, struct seci_err *err);

/* Identify the user against db: login and roles, SECI_USER honoured only
 * for root or a director; no role is SECI_EXIT_PERM. */
int seci_auth_identify(struct seci_db *db, char *login, size_t size,
    unsigned *roles, struct seci_err *err);

/* 0 when roles include director or any role in need (need 0: any role);
 * otherwise SECI_EXIT_PERM naming what is needed. */
int seci_auth_require(const char *login, unsigned roles, unsigned need,
    const char *what, struct seci_err *err);

#endif
