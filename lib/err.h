/*
 * err.h - errors, diagnostics and the one exit-status table.
 *
 * Library functions return 0 on success and -1 on failure, after filling a
 * caller-owned struct seci_err.  On success the struct is left untouched,
 * so calls can be chained and checked once.  The library never prints and
 * never exits: problems that are not fatal on their own (one bad CSV row
 * among many, an unknown column, an unknown config key) go through the
 * struct's report hook, which the command skeleton points at stderr.
 */
#ifndef SECI_ERR_H
#define SECI_ERR_H

#include <stdarg.h>

/* Exit statuses, after sysexits(3).  One table for every tool. */
enum seci_exit {
	SECI_EXIT_OK = 0,
	SECI_EXIT_FINDINGS = 1,	/* ran fine, the answer is "no" */
	SECI_EXIT_USAGE = 64,
	SECI_EXIT_DATA = 65,	/* bad input or a rule refused it */
	SECI_EXIT_NOINPUT = 66,
	SECI_EXIT_SOFTWARE = 70,
	SECI_EXIT_CANTCREAT = 73,
	SECI_EXIT_IOERR = 74,
	SECI_EXIT_BUSY = 75,
	SECI_EXIT_PERM = 77,
	SECI_EXIT_CONFIG = 78
};

enum seci_level { SECI_WARN, SECI_ERROR };

typedef void seci_report_fn(void *arg, enum seci_level level,
    const char *msg);

struct seci_err {
	int code;		/* an enum seci_exit value, 0 while no error */
	char msg[512];
	seci_report_fn *report;	/* may be NULL: reports are dropped */
	void *report_arg;
	unsigned nerrors;	/* errors reported so far */
	unsigned nwarnings;
};
#define SECI_ERR_INIT { 0, "", NULL, NULL, 0, 0 }

/* Fill err (code, printf-style message) and return -1. */
int seci_err_set(struct seci_err *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int seci_err_setv(struct seci_err *err, int code, const char *fmt,
    va_list ap)
    __attribute__((format(printf, 3, 0)));

/* Put "prefix: " before err's message, and set its code (0 keeps it).
 * Returns -1. */
int seci_err_prefix(struct seci_err *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Report one problem through the hook; counts it.  Returns -1 for errors,
 * 0 for warnings, so "return seci_err_report(...)" reads naturally. */
int seci_err_report(struct seci_err *err, enum seci_level level,
    const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Clear the error part (code and msg), keeping the hook and counts. */
void seci_err_clear(struct seci_err *err);

#endif
