/*
 * budgetdoc.h - the budget as a document: the YAML the JCC adopts (or
 * the CSV that export writes) loaded as a draft, and its lines exported.
 */
#ifndef SECI_BUDGETDOC_H
#define SECI_BUDGETDOC_H

#include <stdio.h>

#include "db.h"
#include "err.h"
#include "out.h"

/* Which reader a file name asks for: 1 for CSV (a name ending in .csv),
 * else 0 (YAML). */
int seci_budget_doc_is_csv(const char *name);

/*
 * Load a budget document: YAML (year, currency, chapters with lines,
 * income) or, when csv is set, the CSV that seci_budget_export() writes
 * (year from the file's year column, or year when that is absent; with
 * year_given, a year column must say the same).  Every
 * problem is reported with file and line, and nothing is written
 * (SECI_EXIT_DATA).  A draft is replaced; an adopted or closed budget
 * cannot be reloaded.  year_out receives the year loaded.
 */
int seci_budget_load(struct seci_db *db, FILE *fp, const char *name,
    int csv, int year, int year_given, int *year_out, struct seci_err *err);

/* year,chapter,chapter_name,line,name,kind,amount: what load reads. */
int seci_budget_export(struct seci_db *db, int year,
    const struct seci_out_opts *oo, struct seci_err *err);

#endif
