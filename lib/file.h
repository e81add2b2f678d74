/*
 * file.h - files written whole or not at all, and the folders they go in.
 *
 * A file is written to a temporary file beside its final name (mode 0600
 * whatever the umask), flushed to disk, and only then given its name, so
 * that a reader never sees half of it and a full disk or a crash leaves
 * the old file, or none.  A symbolic link, FIFO, device or folder where
 * the file is to go is refused, never followed or replaced.  The
 * temporary file's name holds the writer's process ID: one that a killed
 * writer left behind is removed by the next writer of the same name.
 */
#ifndef SECI_FILE_H
#define SECI_FILE_H

#include <stdio.h>

#include "err.h"

enum seci_file_mode {
	SECI_FILE_REPLACE,	/* a regular file already there is replaced */
	SECI_FILE_NEW		/* anything already there is an error */
};

struct seci_file;

/*
 * Start writing path.  A name that is taken by something other than a
 * regular file (or, with SECI_FILE_NEW, by anything) is
 * SECI_EXIT_CANTCREAT, as is a folder where the temporary file cannot be
 * created.  Finish with seci_file_commit() or seci_file_abort().
 */
struct seci_file *seci_file_create(const char *path, enum seci_file_mode mode,
    struct seci_err *err);

/* The stream to write to (owned by f). */
FILE *seci_file_stream(struct seci_file *f);

/* The temporary file's name, for writers that need a path rather than a
 * stream (SQLite's backup); close the stream first with
 * seci_file_close_stream(). */
const char *seci_file_temp_path(const struct seci_file *f);
int seci_file_close_stream(struct seci_file *f, struct seci_err *err);

/* The SHA-256 digest, in hex (65 bytes), of what was written to the
 * stream so far: read back from the temporary file's own descriptor,
 * before it has its name.  A read error is SECI_EXIT_IOERR. */
int seci_file_digest(struct seci_file *f, char *hex, struct seci_err *err);

/* Flush, sync and give the file its name; frees f whatever happens.  A
 * write error is SECI_EXIT_IOERR (nothing is left behind). */
int seci_file_commit(struct seci_file *f, struct seci_err *err);

/* Remove the temporary file and free f (NULL is fine). */
void seci_file_abort(struct seci_file *f);

/* A folder for output files: made (mode 0700, with any missing parents)
 * when absent; one that cannot be made or written to, or a path that is
 * not a folder, is SECI_EXIT_CANTCREAT. */
int seci_file_outdir(const char *dir, struct seci_err *err);

/* A scratch file for what does not fit in memory: in $TMPDIR (else
 * /tmp), mode 0600, already unlinked, so it goes when its descriptor is
 * closed, however the process ends.  The descriptor, or -1 with err
 * (SECI_EXIT_CANTCREAT) naming the folder. */
int seci_file_scratch(struct seci_err *err);

#endif
