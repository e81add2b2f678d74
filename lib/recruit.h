/*
 * recruit.h - vacancies and their candidates: applied -> shortlisted ->
 * interviewed -> offered -> hired, one step at a time, or rejected from
 * any of them; never backwards.  Hired creates the staff record.  A
 * candidate's name is personal: shown to hr and directors only.
 */
#ifndef SECI_RECRUIT_H
#define SECI_RECRUIT_H

#include <stdint.h>

#include "date.h"
#include "db.h"
#include "err.h"
#include "out.h"
#include "workflow.h"

extern const struct seci_workflow seci_candidate_workflow;

int seci_vacancy_open(struct seci_db *db, const char *post,
    const char *title, const char *grade, seci_day opened, seci_day closes,
    int64_t *id, struct seci_err *err);

/* id,post,title,grade,opened,closes, then the candidates at each stage:
 * applied,shortlisted,interviewed,offered,hired,rejected. */
int seci_vacancy_list(struct seci_db *db, const struct seci_out_opts *oo,
    struct seci_err *err);

int seci_candidate_add(struct seci_db *db, int64_t vacancy,
    const char *name, const char *nationality, seci_day date, int64_t *id,
    struct seci_err *err);

/* Move a candidate to `to` on date; hired puts the new staff record's id
 * in *staff (else 0). */
int seci_candidate_move(struct seci_db *db, int64_t id, const char *to,
    seci_day date, int64_t *staff, struct seci_err *err);

/* id,vacancy,name,nationality,stage,since,staff (of vacancy, or all for
 * 0). */
int seci_candidate_list(struct seci_db *db, int64_t vacancy,
    const struct seci_out_opts *oo, struct seci_err *err);

#endif
