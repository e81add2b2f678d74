/*
 * report.h - the registry of report kinds: every report that seci-report
 * prints and its schedule produces, by name, with its formats.
 *
 * A kind is {name, formats, fn}: a listing (rows, as csv, tsv or json,
 * or a table on a terminal) or a document (text, json or html).  A
 * module adds its report by adding a line to the table in report.c;
 * seci-report's commands, `schedule add --report` and `run-due` all read
 * the table, so a kind is named in one place.
 */
#ifndef SECI_REPORT_H
#define SECI_REPORT_H

#include <stddef.h>
#include <stdio.h>

#include "date.h"
#include "db.h"
#include "doc.h"
#include "err.h"
#include "out.h"

struct seci_report_args {
	int year;		/* the fiscal year reported on */
	seci_day month;		/* documents of a month: its first day */
	seci_day as_of;
	long rule_years;	/* the config's arrears_rule_years */
	/* A listing prints through out; a document in doc on out.fp. */
	struct seci_out_opts out;
	enum seci_doc_format doc;
};

typedef int seci_report_kind_fn(struct seci_db *db,
    const struct seci_report_args *a, struct seci_err *err);

struct seci_report_kind {
	const char *name;	/* "balance-sheet" */
	const char *doc;	/* one line */
	const char *formats;	/* for files, the first the default:
				 * "csv,tsv,json" or "text,json,html" */
	int document;		/* 1: a document, else a listing */
	int command;		/* a seci-report command of its own */
	seci_report_kind_fn *fn;
};

/* The kind called name, or NULL. */
const struct seci_report_kind *seci_report_kind(const char *name);

/* Every kind, in the registry's order; n receives how many. */
const struct seci_report_kind *seci_report_kinds(size_t *n);

/* 1 if fmt is one of k's formats. */
int seci_report_format_ok(const struct seci_report_kind *k, const char *fmt);

/* The kinds' names joined by sep into buf (size bytes); returns buf. */
char *seci_report_kind_names(char *buf, size_t size, const char *sep);

/* Make report k as a says (a.out.format or a.doc from fmt, set here). */
int seci_report_make(struct seci_db *db, const struct seci_report_kind *k,
    const char *fmt, struct seci_report_args *a, struct seci_err *err);

#endif
