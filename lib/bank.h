/*
 * bank.h - bank account numbers as Parties' banks write them.
 */
#ifndef SECI_BANK_H
#define SECI_BANK_H

#include <stddef.h>

/*
 * The one form an account number is kept and compared in: upper case,
 * every blank dropped (space, tab, line ends, no-break spaces), so that
 * "ro49 aaaa\t1b31" is RO49AAAA1B31 wherever it was typed or exported.
 * Writes at most size bytes (NUL included) into out; returns out.
 */
char *seci_bank_account_normalise(const char *in, char *out, size_t size);

#endif
