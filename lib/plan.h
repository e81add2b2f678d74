/*
 * plan.h - the annual Action Plan: objectives, activities (owner, dates,
 * budget line, cost, partners, indicators), its approval by the JCC as
 * numbered versions, and its execution.
 *
 * The plan of a year is a working copy in one of the states of
 * seci_plan_workflow: draft (editable), submitted (to the JCC, locked),
 * approved.  Each submission freezes the working copy as a numbered
 * version; the JCC approves it or returns it (back to draft, with its
 * note).  An approved plan is revised by `revise` (a draft again) and
 * the same workflow; the approved version stays the reference until a
 * later one is approved.
 */
#ifndef SECI_PLAN_H
#define SECI_PLAN_H

#include <stdint.h>
#include <stdio.h>

#include "date.h"
#include "db.h"
#include "doc.h"
#include "err.h"
#include "money.h"
#include "out.h"
#include "workflow.h"

extern const struct seci_workflow seci_plan_workflow;

/* ---- the document (plandoc.c) ---------------------------------------- */

/* Load a plan document (YAML): checked whole against the year's budget,
 * every problem reported with its line, nothing written on any.  Its
 * year in *loaded_year (the document's; with year_given it must be
 * year). */
int seci_plan_load(struct seci_db *db, FILE *fp, const char *name, int year,
    int year_given, int *loaded_year, struct seci_err *err);

/* The working copy as the YAML that load reads. */
int seci_plan_export(struct seci_db *db, int year, FILE *fp,
    struct seci_err *err);

/* ---- the working copy (plan.c) --------------------------------------- */

/* The working copy as JSON, for the audit trail and the versions (key:
 * the year; caller frees). */
char *seci_plan_json(struct seci_db *db, const char *key,
    struct seci_err *err);

/* The plan's status into buf ("" when there is none), its last
 * submitted version and its approved one (0: none); NULLs allowed. */
int seci_plan_state(struct seci_db *db, int year, char *buf, size_t size,
    int *version, int *approved, struct seci_err *err);

/* 0 if year's plan may change: a draft (or, for a load, none yet);
 * else SECI_EXIT_DATA saying why. */
int seci_plan_editable(struct seci_db *db, int year, int for_load,
    struct seci_err *err);

struct seci_activity {
	const char *objective, *code, *title, *description, *owner;
	seci_day start, end;
	const char *budget_line;
	seci_money cost;
	const char *const *partners;
	size_t npartners;
};

/* Add an activity to a draft; edit one (NULL or 0 fields stay; for
 * edit, has_cost says whether cost is given). */
int seci_plan_add(struct seci_db *db, int year, const struct seci_activity *a,
    struct seci_err *err);
int seci_plan_edit(struct seci_db *db, int year, const struct seci_activity *a,
    int has_cost, struct seci_err *err);

/* objective,code,title,owner,start,end,budget_line,cost,status,percent
 * (the latest progress by as_of: status "planned", 0 before any). */
int seci_plan_list(struct seci_db *db, int year, seci_day as_of,
    const struct seci_out_opts *oo, struct seci_err *err);

/* One activity with its partners, indicators and progress history, as
 * field,value rows. */
int seci_plan_show(struct seci_db *db, int year, const char *code,
    seci_day as_of, const struct seci_out_opts *oo, struct seci_err *err);

/* ---- approval (planflow.c) ------------------------------------------- */

/*
 * Submit the draft to the JCC as the next version (printed in *version):
 * locked until the JCC decides.  Each budget line whose activities cost
 * more than its appropriation is warned about on stderr.  The proposal
 * goes to fp as the document fmt.
 */
int seci_plan_submit(struct seci_db *db, int year, seci_day date,
    enum seci_doc_format fmt, FILE *fp, int *version, struct seci_err *err);

/* The JCC's decision on the submitted version: approve (a decision
 * reference is required) or return to draft, with a note. */
int seci_plan_decide(struct seci_db *db, int year, int approve,
    const char *decision, seci_day date, const char *note,
    struct seci_err *err);

/* An approved plan back to draft for a revision. */
int seci_plan_revise(struct seci_db *db, int year, struct seci_err *err);

/* What changed between two versions (0: the working copy): rows of
 * change,activity,field,from,to. */
int seci_plan_diff(struct seci_db *db, int year, int from, int to,
    const struct seci_out_opts *oo, struct seci_err *err);

/* The versions: version,submitted_on,outcome,decision,decided_on,note. */
int seci_plan_history(struct seci_db *db, int year,
    const struct seci_out_opts *oo, struct seci_err *err);

/* ---- execution (planprogress.c) ------------------------------------- */

/* An activity's progress on date (percent 0-100; status on-track,
 * delayed, done (100%) or cancelled), kept as a dated history.  The plan
 * must have been approved. */
int seci_plan_progress(struct seci_db *db, int year, const char *code,
    int percent, const char *status, const char *note, seci_day date,
    struct seci_err *err);

/* An indicator's actual value on date. */
int seci_plan_actual(struct seci_db *db, int year, const char *code,
    const char *indicator, const char *actual, seci_day date,
    struct seci_err *err);

/* Each budget line the plan draws on: planned cost against the
 * budget's own figures for it on as_of (caller frees *out). */
struct seci_plan_cost {
	char line[24];
	char name[128];
	seci_money planned, committed, spent;
};

int seci_plan_costs(struct seci_db *db, int year, seci_day as_of,
    struct seci_plan_cost **out, size_t *n, struct seci_err *err);

/* The progress report: activities and their progress, the overdue ones,
 * indicators against targets, planned cost against spending by line;
 * text, html, json or a workbook of a sheet per section, to out. */
int seci_plan_report(struct seci_db *db, int year, seci_day as_of,
    enum seci_doc_format fmt, const struct seci_out_opts *out,
    struct seci_err *err);

#endif
