/*
 * remind.h - reminder letters to Parties with overdue contributions.
 */
#ifndef SECI_REMIND_H
#define SECI_REMIND_H

#include <stdio.h>

#include "date.h"
#include "db.h"
#include "err.h"

/*
 * One reminder letter per Party with an overdue amount, from template
 * (text with {{org}}, {{date}}, {{party}}, {{name}}, {{currency}},
 * {{total_overdue}}, {{details}}): into outdir as CODE.txt (the folder
 * made when missing, each letter written whole or not at all, the paths
 * printed on out), or all on out separated by form feeds when outdir is
 * NULL.  letters receives how many.
 */
int seci_contrib_remind(struct seci_db *db, seci_day as_of,
    const char *template, const char *outdir, FILE *out, int *letters,
    struct seci_err *err);

#endif
