/*
 * subject.h - the subject-access export: everything held about one
 * person in the staff register, for hr and directors.
 */
#ifndef SECI_SUBJECT_H
#define SECI_SUBJECT_H

#include <stdint.h>

#include "db.h"
#include "err.h"
#include "out.h"

/*
 * Print, for staff member id, each section in turn: staff (the record and
 * its dated history, as field,value), training (id,title,date,hours),
 * cases (id,stage,allegation,opened,measure), case_steps (case,date,
 * stage,note,measure), declarations (id,year,kind,text,date), gifts
 * (id,date,source,value,description), candidacies (id,vacancy,stage,
 * applied), audit (id,time,login,tool,table,key,status: the records of
 * changes to any of these, and of reads of them).  oo's format JSON
 * gives one object with a key per section; any other format gives each
 * section under its name, as a table.  The read is itself recorded.
 */
int seci_subject(struct seci_db *db, int64_t id,
    const struct seci_out_opts *oo, struct seci_err *err);

#endif
