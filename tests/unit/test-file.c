/* Unit tests: lib/file.c, files written whole or not at all. */
#include "config.h"

#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "seci.h"
#include "tap.h"
#include "testdb.h"

static int
mode_of(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (int)(st.st_mode & 07777) : -1;
}

static int
write_file(const char *path, enum seci_file_mode mode, const char *text,
    struct seci_err *err)
{
	struct seci_file *f = seci_file_create(path, mode, err);

	if (f == NULL)
		return -1;
	fputs(text, seci_file_stream(f));
	return seci_file_commit(f, err);
}

static char *
slurp(const char *path)
{
	static char buf[256];
	FILE *fp = fopen(path, "r");
	size_t n = 0;

	buf[0] = '\0';
	if (fp) {
		n = fread(buf, 1, sizeof(buf) - 1, fp);
		buf[n] = '\0';
		fclose(fp);
	}
	return buf;
}

/* Nothing left in dir but what is named. */
static int
count_entries(const char *dir)
{
	char cmd[300];
	FILE *p;
	int n = -1;

	snprintf(cmd, sizeof(cmd), "ls -A '%s' | wc -l", dir);
	if ((p = popen(cmd, "r")) != NULL) {
		if (fscanf(p, "%d", &n) != 1)
			n = -1;
		pclose(p);
	}
	return n;
}

int
main(void)
{
	struct seci_err err = SECI_ERR_INIT;
	struct seci_file *f;
	char dir[128], a[160], link[160], fifo[160], sub[200], hex[65];

	snprintf(dir, sizeof(dir), "%s", testdb_new_path("files"));
	mkdir(dir, 0755);
	snprintf(a, sizeof(a), "%s/report.txt", dir);
	umask(0);
	ok(write_file(a, SECI_FILE_REPLACE, "one\n", &err) == 0 &&
	    strcmp(slurp(a), "one\n") == 0, "written");
	is_int(mode_of(a), 0600, "mode 0600 under umask 000");
	ok(write_file(a, SECI_FILE_REPLACE, "two\n", &err) == 0 &&
	    strcmp(slurp(a), "two\n") == 0, "a regular file is replaced");
	err.code = 0;
	ok(write_file(a, SECI_FILE_NEW, "three\n", &err) == -1 &&
	    err.code == SECI_EXIT_CANTCREAT && strcmp(slurp(a), "two\n") == 0,
	    "a new file never replaces one: %s", err.msg);

	/* A planted symbolic link: refused, its target untouched. */
	snprintf(link, sizeof(link), "%s/planted.txt", dir);
	symlink(a, link);
	err.code = 0;
	ok(write_file(link, SECI_FILE_REPLACE, "evil\n", &err) == -1 &&
	    err.code == SECI_EXIT_CANTCREAT && strstr(err.msg, "symbolic "
	    "link"), "a symbolic link is refused: %s", err.msg);
	is_str(slurp(a), "two\n", "its target is untouched");
	snprintf(fifo, sizeof(fifo), "%s/fifo", dir);
	mkfifo(fifo, 0600);
	err.code = 0;
	ok(write_file(fifo, SECI_FILE_REPLACE, "x", &err) == -1 &&
	    err.code == SECI_EXIT_CANTCREAT && strstr(err.msg, "FIFO"),
	    "a FIFO is refused: %s", err.msg);
	err.code = 0;
	ok(write_file(dir, SECI_FILE_REPLACE, "x", &err) == -1 &&
	    err.code == SECI_EXIT_CANTCREAT, "a folder is refused");

	/* Abandoned, or failing: nothing is left behind. */
	f = seci_file_create(a, SECI_FILE_REPLACE, &err);
	fputs("half", seci_file_stream(f));
	seci_file_abort(f);
	is_str(slurp(a), "two\n", "an abandoned write leaves the old file");
	is_int(count_entries(dir), 3, "and no temporary file (report.txt, "
	    "planted.txt, fifo)");

	/* The digest of what was written, before the file has its name. */
	f = seci_file_create(a, SECI_FILE_REPLACE, &err);
	fputs("abc", seci_file_stream(f));
	ok(seci_file_digest(f, hex, &err) == 0 && strcmp(hex, "ba7816bf8f01"
	    "cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad") == 0,
	    "the SHA-256 of what was written: of \"abc\", FIPS 180-2's");
	ok(seci_file_commit(f, &err) == 0 && strcmp(slurp(a), "abc") == 0,
	    "and the file is then given its name");

	/* A write that fails (the disk full, here a file size limit):
	 * commit says so, the old file stays, no temporary file is left. */
	{
		struct rlimit old, lim;
		size_t i;

		getrlimit(RLIMIT_FSIZE, &old);
		lim = old;
		lim.rlim_cur = 4096;
		signal(SIGXFSZ, SIG_IGN);
		setrlimit(RLIMIT_FSIZE, &lim);
		f = seci_file_create(a, SECI_FILE_REPLACE, &err);
		for (i = 0; f && i < 1000; i++)
			fputs("0123456789", seci_file_stream(f));
		err.code = 0;
		ok(f != NULL && seci_file_commit(f, &err) == -1 &&
		    err.code == SECI_EXIT_IOERR, "a failed write fails the "
		    "commit: %s", err.msg);
		setrlimit(RLIMIT_FSIZE, &old);
		is_str(slurp(a), "abc", "the old file stays whole");
		is_int(count_entries(dir), 3, "no temporary file is left");
	}

	/* Output folders: made when missing (0700), refused when not one. */
	snprintf(sub, sizeof(sub), "%s/reports/2026/11", dir);
	ok(seci_file_outdir(sub, &err) == 0 && mode_of(sub) == 0700,
	    "a missing folder is made, with its parents, mode 0700");
	ok(seci_file_outdir(sub, &err) == 0, "an existing one is fine");
	snprintf(sub, sizeof(sub), "%s/sub", a);
	err.code = 0;
	ok(seci_file_outdir(sub, &err) == -1 && err.code ==
	    SECI_EXIT_CANTCREAT, "a file in the way: %s", err.msg);
	err.code = 0;
	ok(seci_file_outdir(a, &err) == -1 && err.code == SECI_EXIT_CANTCREAT
	    && strstr(err.msg, "not a folder"), "a file is not a folder: %s",
	    err.msg);
	return done_testing();
}
