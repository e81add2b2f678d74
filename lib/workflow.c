/* workflow.c - table-driven state machines. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "workflow.h"

int
seci_workflow_state(const struct seci_workflow *w, const char *state)
{
	size_t i;

	for (i = 0; state && w->states[i]; i++)
		if (strcmp(w->states[i], state) == 0)
			return 1;
	return 0;
}

const struct seci_move *
seci_workflow_find(const struct seci_workflow *w, const char *from,
    const char *to)
{
	size_t i;

	for (i = 0; i < w->nmoves; i++)
		if (strcmp(w->moves[i].from, from) == 0 &&
		    strcmp(w->moves[i].to, to) == 0)
			return &w->moves[i];
	return NULL;
}

int
seci_workflow_check(const struct seci_workflow *w, const char *id,
    const char *from, const char *to, unsigned roles, struct seci_err *err)
{
	const struct seci_move *m = seci_workflow_find(w, from, to);
	char froms[160] = "";
	size_t i, n = 0;

	if (m != NULL) {
		if (m->roles == 0 || (roles & (m->roles | SECI_ROLE_DIRECTOR)))
			return 0;
		return seci_err_set(err, SECI_EXIT_PERM, "permission denied: "
		    "your roles may not move %s %s from %s to %s", w->noun, id,
		    from, to);
	}
	/* The states it could have moved from, for the message. */
	for (i = 0; i < w->nmoves; i++)
		if (strcmp(w->moves[i].to, to) == 0 && n + 1 < sizeof(froms))
			n += (size_t)snprintf(froms + n, sizeof(froms) - n,
			    "%s%s", n ? " or " : "", w->moves[i].from);
	if (n == 0)
		return seci_err_set(err, SECI_EXIT_DATA, "%s %s is %s; it cannot "
		    "become %s", w->noun, id, from, to);
	return seci_err_set(err, SECI_EXIT_DATA, "%s %s is %s, not %s",
	    w->noun, id, from, froms);
}
