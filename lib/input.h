/*
 * input.h - input files: a path or stdin, and another encoding read as
 * UTF-8.
 */
#ifndef SECI_INPUT_H
#define SECI_INPUT_H

#include <stddef.h>
#include <stdio.h>

#include "err.h"

/*
 * Open an input: path "-" or NULL means stdin, named "<stdin>" in
 * messages.  A missing file is SECI_EXIT_NOINPUT.  Reading stdin from a
 * terminal when no path was given is refused with a hint (SECI_EXIT_USAGE)
 * instead of hanging.  *name is borrowed from path or static.
 */
FILE *seci_input_open(const char *path, const char **name,
    struct seci_err *err);
void seci_input_close(FILE *fp);

/*
 * A stream that reads fp converted from encoding (an iconv name such as
 * windows-1250 or ISO-8859-2) to UTF-8; on_bytes, if not NULL, sees the
 * bytes of fp as they are (for the file's digest).  A byte that is not
 * valid in the encoding is a read error naming the file and line.
 * Closing it leaves fp open.  NULL with err filled (an unknown encoding is
 * SECI_EXIT_CONFIG).
 */
FILE *seci_input_recode(FILE *fp, const char *encoding, const char *name,
    void (*on_bytes)(void *arg, const void *buf, size_t n), void *bytes_arg,
    struct seci_err *err);

#endif
