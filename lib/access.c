/*
 * access.c - the read log, kept in the audit chain.
 */
#include "config.h"

#include <stdio.h>

#include "access.h"
#include "audit.h"
#include "auth.h"

int
seci_access_may(unsigned roles)
{
	return (roles & (SECI_ROLE_HR | SECI_ROLE_DIRECTOR)) != 0;
}

int
seci_access_read(struct seci_db *db, unsigned roles, const char *table,
    int64_t id, struct seci_err *err)
{
	char key[96];

	if (!seci_access_may(roles))
		return 0;
	if (id > 0)
		snprintf(key, sizeof(key), "%s/%lld", table, (long long)id);
	else
		snprintf(key, sizeof(key), "%s/all", table);
	return seci_audit_append(db, "read", key, NULL, NULL, err);
}
