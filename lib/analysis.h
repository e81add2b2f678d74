/*
 * analysis.h - strategic analyses of trans-border crime: draft,
 * submitted to the Director, approved or returned (to draft) with a
 * note, each step dated; the plan activities an analysis informs.  The
 * title of a restricted or confidential analysis shows as "restricted"
 * to every role but director and planning.
 */
#ifndef SECI_ANALYSIS_H
#define SECI_ANALYSIS_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "db.h"
#include "err.h"
#include "out.h"
#include "workflow.h"

extern const struct seci_workflow seci_analysis_workflow;

struct seci_analysis {
	const char *title, *phenomenon, *author;
	const char *classification;	/* public, restricted, confidential */
	int year;			/* of the activities it informs */
	const char *const *activities;
	size_t nactivities;
	seci_day date;
};

/* A new analysis, a draft; its id in *id. */
int seci_analysis_add(struct seci_db *db, const struct seci_analysis *a,
    int64_t *id, struct seci_err *err);

/* Move it to `to` (submitted, approved, draft: returned) on date, with a
 * note, as roles may. */
int seci_analysis_move(struct seci_db *db, int64_t id, const char *to,
    const char *note, seci_day date, unsigned roles, struct seci_err *err);

/* id,title,phenomenon,author,classification,status,date,activities;
 * field,value rows of one with its history.  roles: the reader's. */
int seci_analysis_list(struct seci_db *db, unsigned roles,
    const struct seci_out_opts *oo, struct seci_err *err);
int seci_analysis_show(struct seci_db *db, int64_t id, unsigned roles,
    const struct seci_out_opts *oo, struct seci_err *err);

#endif
