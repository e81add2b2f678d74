/*
 * access.h - the read log: reading a restricted field or a confidential
 * record (personal data, a disciplinary case, a declaration) is itself
 * recorded, who, when and which record, as an audit record of the table
 * "read" whose key names the table and the record ("staff/12", or
 * "staff/all" for a whole listing).  `seci-admin audit log --reads` lists
 * them; they are chained and verified like every other record.
 */
#ifndef SECI_ACCESS_H
#define SECI_ACCESS_H

#include <stdint.h>

#include "db.h"
#include "err.h"

/* True when roles may read restricted fields (hr or director). */
int seci_access_may(unsigned roles);

/* Record that the reader with roles read table's record id (0: all of
 * them); nothing for readers who only see "restricted".  Call before
 * printing, inside the command's transaction. */
int seci_access_read(struct seci_db *db, unsigned roles, const char *table,
    int64_t id, struct seci_err *err);

#endif
