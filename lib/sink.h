/*
 * sink.h - where a command's output goes: standard output, or with
 * --output a file written whole or not at all (file.h); and the two forms
 * made after the command has printed: an xlsx workbook (xlsx.h) and a PDF
 * printed from the command's HTML by headless Chromium.
 *
 * Neither a workbook nor a PDF is sent to a terminal.  Nothing reaches
 * the file, or for the made forms standard output, unless the command
 * succeeds.
 */
#ifndef SECI_SINK_H
#define SECI_SINK_H

#include "err.h"

struct seci_sink;
struct seci_xlsx;

/* 1 if the format can be made here: "xlsx" when built with libxlsxwriter,
 * "pdf" when a Chromium is found ($SECI_CHROMIUM, else chromium,
 * chromium-browser, google-chrome or chrome-headless-shell in $PATH);
 * every other name 1. */
int seci_sink_available(const char *format);

/* The formats of the comma-separated list that are available, into buf. */
char *seci_sink_formats(const char *list, char *buf, size_t size);

/*
 * Start the output of a command in format (its name), to path or (NULL)
 * standard output.  For "xlsx", *xlsx receives the workbook to write the
 * sheets to; for "pdf" the command is to print HTML.  A terminal as the
 * destination of xlsx or pdf is SECI_EXIT_USAGE; a path that cannot be
 * written is SECI_EXIT_CANTCREAT (file.h).
 */
struct seci_sink *seci_sink_open(const char *format, const char *path,
    struct seci_xlsx **xlsx, struct seci_err *err);

/* Once the command has succeeded: make the workbook or PDF and send it
 * to standard output, or write it, flushed to disk, under the --output
 * file's temporary name. */
int seci_sink_finish(struct seci_sink *s, struct seci_err *err);

/* Then (after the database's commit): give the --output file its name.
 * Frees s whatever happens (NULL is fine). */
int seci_sink_publish(struct seci_sink *s, struct seci_err *err);

/* After a failure: nothing is written, the temporary files go.  Frees s
 * (NULL is fine). */
void seci_sink_abort(struct seci_sink *s);

#endif
