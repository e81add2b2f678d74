/*
 * discipline.h - disciplinary cases, for hr and directors only: stages
 * opened, investigation, hearing, decision, appeal, closed, only forward;
 * a decision after a recorded hearing, with a measure of the configured
 * list (or none); each step dated with its note.
 */
#ifndef SECI_DISCIPLINE_H
#define SECI_DISCIPLINE_H

#include <stdint.h>

#include "date.h"
#include "db.h"
#include "err.h"
#include "out.h"

int seci_case_open(struct seci_db *db, int64_t staff, const char *allegation,
    seci_day date, int64_t *id, struct seci_err *err);

int seci_case_step(struct seci_db *db, int64_t id, const char *stage,
    const char *note, const char *measure, seci_day date,
    char *const *measures, struct seci_err *err);

/* id,staff,name,allegation,stage,opened,since,measure. */
int seci_case_list(struct seci_db *db, const struct seci_out_opts *oo,
    struct seci_err *err);

#endif
