/*
 * workflow.h - state machines as tables: which moves a record may make,
 * and who may make them.
 *
 * A workflow lists its moves from -> to; a move not in the table is
 * refused.  Expenses, commitments and, later, the Action Plan, discipline
 * cases and candidates all keep their rules here, as data a test can
 * list, rather than as if-chains in each module.
 */
#ifndef SECI_WORKFLOW_H
#define SECI_WORKFLOW_H

#include <stddef.h>

#include "err.h"

struct seci_move {
	const char *from, *to;
	unsigned roles;		/* who may, besides director; 0: any role
				 * the command admits */
};

struct seci_workflow {
	const char *noun;		/* "expense" */
	const char *const *states;	/* NULL-terminated, initial first */
	const struct seci_move *moves;
	size_t nmoves;
};

/* 1 if state is one of w's states. */
int seci_workflow_state(const struct seci_workflow *w, const char *state);

/* The move from -> to, or NULL. */
const struct seci_move *seci_workflow_find(const struct seci_workflow *w,
    const char *from, const char *to);

/*
 * 0 if the record called id (for messages: "12") may move from -> to with
 * roles.  A move the table lacks is SECI_EXIT_DATA ("expense 12 is paid,
 * not proposed": the states it could move from); one the roles may not
 * make is SECI_EXIT_PERM.
 */
int seci_workflow_check(const struct seci_workflow *w, const char *id,
    const char *from, const char *to, unsigned roles, struct seci_err *err);

#endif
