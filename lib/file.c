/* file.c - atomic file writing and output folders. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"

struct seci_file {
	char *path;		/* the final name */
	char *tmp;		/* the temporary file beside it */
	FILE *fp;
	enum seci_file_mode mode;
};

static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

/* Refuse what must not be replaced: anything but a regular file, and
 * with SECI_FILE_NEW anything at all. */
static int
target_ok(const char *path, enum seci_file_mode mode, struct seci_err *err)
{
	struct stat st;

	if (lstat(path, &st) < 0)
		return errno == ENOENT ? 0 : seci_err_set(err,
		    SECI_EXIT_CANTCREAT, "cannot create '%s': %s", path,
		    strerror(errno));
	if (mode == SECI_FILE_NEW)
		return seci_err_set(err, SECI_EXIT_CANTCREAT, "'%s' already "
		    "exists; not overwriting it", path);
	if (!S_ISREG(st.st_mode))
		return seci_err_set(err, SECI_EXIT_CANTCREAT, "'%s' is not a "
		    "regular file (%s); not writing there", path,
		    S_ISLNK(st.st_mode) ? "a symbolic link" : S_ISDIR(st.st_mode) ?
		    "a folder" : S_ISFIFO(st.st_mode) ? "a FIFO" : "a device or "
		    "socket");
	return 0;
}

/*
 * The temporary files of base in dir that a writer killed before it
 * could finish left behind (".BASE.PID.XXXXXX", the process PID gone,
 * the file ours): removed, so that a killed backup does not leave its
 * copy forever.
 */
static void
sweep(const char *dir, const char *base)
{
	size_t n = strlen(base);
	struct dirent *e;
	struct stat st;
	char *path, *end;
	DIR *d;
	long pid;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] != '.' || strncmp(e->d_name + 1, base, n) != 0 ||
		    e->d_name[n + 1] != '.')
			continue;
		pid = strtol(e->d_name + n + 2, &end, 10);
		if (pid <= 0 || end[0] != '.' || strlen(end + 1) != 6 ||
		    (kill((pid_t)pid, 0) == 0 || errno != ESRCH))
			continue;
		if (asprintf(&path, "%s/%s", dir, e->d_name) < 0)
			break;
		if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) &&
		    st.st_uid == geteuid())
			unlink(path);
		free(path);
	}
	closedir(d);
}

struct seci_file *
seci_file_create(const char *path, enum seci_file_mode mode,
    struct seci_err *err)
{
	struct seci_file *f;
	const char *base = strrchr(path, '/');
	char *dir;
	int fd;

	if (target_ok(path, mode, err) < 0)
		return NULL;
	if ((f = calloc(1, sizeof(*f))) == NULL || (f->path = strdup(path)) ==
	    NULL || (dir = dir_of(path)) == NULL) {
		if (f)
			free(f->path);
		free(f);
		seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
		return NULL;
	}
	f->mode = mode;
	base = base ? base + 1 : path;
	if (asprintf(&f->tmp, "%s/.%s.%ld.XXXXXX", dir, base,
	    (long)getpid()) < 0) {
		f->tmp = NULL;
		free(dir);
		seci_file_abort(f);
		seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
		return NULL;
	}
	sweep(dir, base);
	free(dir);
	/* mkstemp makes it 0600 whatever the umask. */
	if ((fd = mkstemp(f->tmp)) < 0) {
		seci_err_set(err, SECI_EXIT_CANTCREAT, "cannot create '%s': %s",
		    path, strerror(errno));
		free(f->tmp);
		f->tmp = NULL;
		seci_file_abort(f);
		return NULL;
	}
	if ((f->fp = fdopen(fd, "w")) == NULL) {
		seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
		close(fd);
		seci_file_abort(f);
		return NULL;
	}
	return f;
}

FILE *
seci_file_stream(struct seci_file *f)
{
	return f->fp;
}

const char *
seci_file_temp_path(const struct seci_file *f)
{
	return f->tmp;
}

int
seci_file_close_stream(struct seci_file *f, struct seci_err *err)
{
	int rc = 0;

	if (f->fp == NULL)
		return 0;
	if (fflush(f->fp) != 0 || ferror(f->fp) || fsync(fileno(f->fp)) < 0)
		rc = seci_err_set(err, SECI_EXIT_IOERR, "cannot write '%s': %s",
		    f->path, strerror(errno ? errno : EIO));
	if (fclose(f->fp) != 0 && rc == 0)
		rc = seci_err_set(err, SECI_EXIT_IOERR, "cannot write '%s': %s",
		    f->path, strerror(errno));
	f->fp = NULL;
	return rc;
}

/* Make the rename itself durable: sync the folder. */
static void
sync_dir(const char *path)
{
	char *dir = dir_of(path);
	int fd;

	if (dir == NULL)
		return;
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY)) >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

int
seci_file_digest(struct seci_file *f, char *hex, struct seci_err *err)
{
	crypto_hash_sha256_state h;
	unsigned char buf[65536], md[crypto_hash_sha256_BYTES];
	off_t off = 0;
	ssize_t n;
	int fd;

	if (f->fp == NULL || fflush(f->fp) != 0)
		return seci_err_set(err, SECI_EXIT_IOERR, "write error: %s",
		    strerror(errno ? errno : EIO));
	fd = fileno(f->fp);
	crypto_hash_sha256_init(&h);
	while ((n = pread(fd, buf, sizeof(buf), off)) > 0) {
		crypto_hash_sha256_update(&h, buf, (size_t)n);
		off += n;
	}
	if (n < 0)
		return seci_err_set(err, SECI_EXIT_IOERR, "cannot read '%s' "
		    "back: %s", f->tmp, strerror(errno));
	crypto_hash_sha256_final(&h, md);
	sodium_bin2hex(hex, 2 * sizeof(md) + 1, md, sizeof(md));
	return 0;
}

int
seci_file_commit(struct seci_file *f, struct seci_err *err)
{
	int fd, rc;

	if (seci_file_close_stream(f, err) < 0) {
		seci_file_abort(f);
		return -1;
	}
	/* A writer that used the path (SQLite) closed its own handle: make
	 * its bytes durable too. */
	if ((fd = open(f->tmp, O_RDONLY)) >= 0) {
		fsync(fd);
		close(fd);
	}
	/* Checked again: something may have appeared meanwhile. */
	if (target_ok(f->path, f->mode, err) < 0) {
		seci_file_abort(f);
		return -1;
	}
	if (f->mode == SECI_FILE_NEW) {
		/* link() never replaces what is there. */
		rc = link(f->tmp, f->path);
		if (rc == 0)
			unlink(f->tmp);
	} else {
		rc = rename(f->tmp, f->path);
	}
	if (rc < 0) {
		seci_err_set(err, SECI_EXIT_CANTCREAT, errno == EEXIST ?
		    "'%s' appeared meanwhile; not overwriting it" :
		    "cannot create '%s': %s", f->path, strerror(errno));
		seci_file_abort(f);
		return -1;
	}
	sync_dir(f->path);
	free(f->tmp);
	f->tmp = NULL;
	seci_file_abort(f);
	return 0;
}

void
seci_file_abort(struct seci_file *f)
{
	if (f == NULL)
		return;
	if (f->fp)
		fclose(f->fp);
	if (f->tmp)
		unlink(f->tmp);
	free(f->tmp);
	free(f->path);
	free(f);
}

int
seci_file_outdir(const char *dir, struct seci_err *err)
{
	struct stat st;
	char *p, *q;

	if (dir == NULL || *dir == '\0')
		return seci_err_set(err, SECI_EXIT_USAGE, "an empty folder name");
	if (stat(dir, &st) < 0 && errno == ENOENT) {
		if ((p = strdup(dir)) == NULL)
			return seci_err_set(err, SECI_EXIT_SOFTWARE,
			    "out of memory");
		/* Each missing folder on the way, as mkdir -p. */
		for (q = p + 1; ; q++) {
			char c = *q;

			if (c != '/' && c != '\0')
				continue;
			*q = '\0';
			if (mkdir(p, 0700) < 0 && errno != EEXIST) {
				seci_err_set(err, SECI_EXIT_CANTCREAT, "cannot "
				    "create folder '%s': %s", p, strerror(errno));
				free(p);
				return -1;
			}
			*q = c;
			if (c == '\0')
				break;
		}
		free(p);
	}
	if (stat(dir, &st) < 0)
		return seci_err_set(err, SECI_EXIT_CANTCREAT, "cannot write in "
		    "'%s': %s", dir, strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return seci_err_set(err, SECI_EXIT_CANTCREAT, "cannot write in "
		    "'%s': not a folder", dir);
	if (access(dir, W_OK | X_OK) < 0)
		return seci_err_set(err, SECI_EXIT_CANTCREAT, "cannot write in "
		    "'%s': %s", dir, strerror(errno));
	return 0;
}

int
seci_file_scratch(struct seci_err *err)
{
	const char *dir = getenv("TMPDIR");
	char *path;
	int fd;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	if (asprintf(&path, "%s/seci-scratch.XXXXXX", dir) < 0)
		return seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
	if ((fd = mkstemp(path)) < 0) {
		seci_err_set(err, SECI_EXIT_CANTCREAT, "cannot make a scratch "
		    "file in '%s': %s", dir, strerror(errno));
	} else {
		unlink(path);
	}
	free(path);
	return fd;
}
