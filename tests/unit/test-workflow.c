/* Unit tests: lib/workflow.c with the expense and commitment tables, and
 * lib/bank.c. */
#include "config.h"

#include "seci.h"
#include "tap.h"

/* Every move a workflow allows, over all pairs of its states. */
static const char *
moves_of(const struct seci_workflow *w, char *buf, size_t size)
{
	size_t i, j, n = 0;

	buf[0] = '\0';
	for (i = 0; w->states[i]; i++)
		for (j = 0; w->states[j]; j++)
			if (seci_workflow_find(w, w->states[i], w->states[j]))
				n += (size_t)snprintf(buf + n, size - n,
				    "%s>%s ", w->states[i], w->states[j]);
	return buf;
}

int
main(void)
{
	struct seci_err err = SECI_ERR_INIT;
	const struct seci_workflow *w = &seci_expense_workflow;
	char moves[256], acct[64];

	/* The allowed moves are data: list them, all of them. */
	is_str(moves_of(w, moves, sizeof(moves)), "proposed>approved "
	    "proposed>rejected approved>paid ", "an expense: approved or "
	    "rejected once proposed, paid once approved, never back");
	is_str(moves_of(&seci_commitment_workflow, moves, sizeof(moves)),
	    "open>closed open>carried ", "a commitment: closed or carried "
	    "once, never reopened");
	ok(seci_workflow_check(w, "3", "proposed", "approved",
	    SECI_ROLE_FINANCE, &err) == 0, "finance approves");
	ok(seci_workflow_check(w, "3", "proposed", "approved",
	    SECI_ROLE_DIRECTOR, &err) == 0, "so does the director");
	ok(seci_workflow_check(w, "3", "proposed", "approved",
	    SECI_ROLE_VIEWER, &err) == -1 && err.code == SECI_EXIT_PERM,
	    "a viewer may not: %s", err.msg);
	err.code = 0;
	ok(seci_workflow_check(w, "3", "paid", "approved", SECI_ROLE_DIRECTOR,
	    &err) == -1 && err.code == SECI_EXIT_DATA &&
	    strcmp(err.msg, "expense 3 is paid, not proposed") == 0,
	    "no way back: %s", err.msg);
	err.code = 0;
	ok(seci_workflow_check(w, "3", "proposed", "paid", SECI_ROLE_DIRECTOR,
	    &err) == -1 && strcmp(err.msg, "expense 3 is proposed, not "
	    "approved") == 0, "no step skipped: %s", err.msg);
	ok(seci_workflow_state(w, "rejected") && !seci_workflow_state(w,
	    "void"), "its states");

	/* One account normaliser: blanks of every kind, any case. */
	is_str(seci_bank_account_normalise("ro49 aaaa\t1b31\xc2\xa0" "0075 "
	    "9384\r\n", acct, sizeof(acct)), "RO49AAAA1B3100759384",
	    "spaces, a tab, a no-break space and a line end dropped, upper "
	    "case");
	is_str(seci_bank_account_normalise("de89\xe2\x80\xaf" "3704", acct, 6),
	    "DE893", "cut to the room there is, a narrow no-break space too");
	return done_testing();
}
