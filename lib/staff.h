/*
 * staff.h - the staff register: staff members, seconded officers and
 * Liaison Officers (whose nationality is a Party's code), their
 * contracts, and the personal data (birth date, personal e-mail and
 * phone) that only hr and directors see; every other role reads
 * "restricted" in its place, in every format.
 */
#ifndef SECI_STAFF_H
#define SECI_STAFF_H

#include <stdint.h>
#include <stdio.h>

#include "date.h"
#include "db.h"
#include "err.h"
#include "import.h"
#include "out.h"

struct seci_staff {
	const char *name, *kind, *position, *grade, *nationality;
	seci_day start, end;		/* end 0: none */
	const char *birth_date, *email, *phone;	/* personal; NULL: none */
};

/* A new record, active; its id in *id. */
int seci_staff_add(struct seci_db *db, const struct seci_staff *s,
    int64_t *id, struct seci_err *err);

/* Change the fields given (NULL, or 0 dates, stay), dated date: each
 * change kept in the record's history. */
int seci_staff_update(struct seci_db *db, int64_t id,
    const struct seci_staff *s, seci_day date, struct seci_err *err);

/* The contract ends on date, for reason. */
int seci_staff_leave(struct seci_db *db, int64_t id, seci_day date,
    const char *reason, struct seci_err *err);

/* id,name,kind,position,grade,nationality,contract_start,contract_end,
 * status; with personal: then birth_date,email,phone (restricted to hr
 * and directors). */
int seci_staff_list(struct seci_db *db, int personal,
    const struct seci_out_opts *oo, struct seci_err *err);

/* One record as field,value rows with its history; personal fields read
 * "restricted" unless roles include hr or director. */
int seci_staff_show(struct seci_db *db, int64_t id, unsigned roles,
    const struct seci_out_opts *oo, struct seci_err *err);

/* Records from CSV as export writes them (id ignored): all or none,
 * every bad line reported.  One with the same name, nationality and
 * contract start is a duplicate. */
int seci_staff_import(struct seci_db *db, FILE *fp, const char *name,
    struct seci_import_stats *stats, struct seci_err *err);

/* Liaison Officers (of party, or all): id,name,party,posting_start,
 * posting_end,status. */
int seci_staff_lo_list(struct seci_db *db, const char *party,
    const struct seci_out_opts *oo, struct seci_err *err);

/* Parties with no Liaison Officer posted on as_of, or whose officer's
 * posting ends within days with no successor: party,name,gap,officer,
 * posting_end.  *gaps receives how many. */
int seci_staff_lo_gaps(struct seci_db *db, seci_day as_of, long days,
    const struct seci_out_opts *oo, int *gaps, struct seci_err *err);

/* Active contracts ending within days of as_of: id,name,kind,position,
 * contract_end,days_left. */
int seci_staff_expiring(struct seci_db *db, seci_day as_of, long days,
    const struct seci_out_opts *oo, struct seci_err *err);

#endif
