/* sink.c - a command's output: stdout or a file, a workbook or a PDF. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "file.h"
#include "out.h"
#include "sink.h"
#ifdef HAVE_XLSXWRITER
#include "xlsx.h"
#endif

#define CHROMIUM_SECONDS 120	/* a PDF that takes longer is given up */

enum made { MADE_NONE, MADE_XLSX, MADE_PDF };

struct seci_sink {
	enum made made;
	struct seci_file *file;	/* --output, or NULL for stdout */
	int saved_stdout;	/* stdout while it is redirected, or -1 */
	char *dir;		/* our temporary folder, or NULL */
	char *work;		/* the workbook, being written */
	char *text;		/* what the command printed to stdout */
	char *result;		/* the PDF, or the workbook, when made */
	struct seci_xlsx *xlsx;
};

/* The Chromium to print PDFs with, or NULL. */
static const char *
chromium(void)
{
	static const char *const names[] = { "chromium", "chromium-browser",
	    "google-chrome", "chrome-headless-shell", NULL };
	static char found[4096];
	static int looked;
	const char *env = getenv("SECI_CHROMIUM"), *path, *p, *end;
	size_t i, n;

	if (looked)
		return found[0] ? found : NULL;
	looked = 1;
	if (env && *env) {
		if (strchr(env, '/') && access(env, X_OK) == 0)
			snprintf(found, sizeof(found), "%s", env);
		return found[0] ? found : NULL;
	}
	if ((path = getenv("PATH")) == NULL)
		path = "/usr/bin:/bin";
	for (i = 0; names[i]; i++)
		for (p = path; *p; p = *end ? end + 1 : end) {
			end = p + strcspn(p, ":");
			n = (size_t)(end - p);
			if (n == 0 || n + strlen(names[i]) + 2 > sizeof(found))
				continue;
			snprintf(found, sizeof(found), "%.*s/%s", (int)n, p,
			    names[i]);
			if (access(found, X_OK) == 0)
				return found;
		}
	found[0] = '\0';
	return NULL;
}

int
seci_sink_available(const char *format)
{
	if (strcmp(format, "xlsx") == 0) {
#ifdef HAVE_XLSXWRITER
		return 1;
#else
		return 0;
#endif
	}
	if (strcmp(format, "pdf") == 0)
		return chromium() != NULL;
	return 1;
}

char *
seci_sink_formats(const char *list, char *buf, size_t size)
{
	char name[32];
	size_t len = 0, n;
	const char *p;

	buf[0] = '\0';
	for (p = list; *p; p += n + (p[n] == ',')) {
		n = strcspn(p, ",");
		snprintf(name, sizeof(name), "%.*s", (int)n, p);
		if (seci_sink_available(name) && len < size)
			len += (size_t)snprintf(buf + len, size - len, "%s%s",
			    len ? "," : "", name);
	}
	return buf;
}

static char *
in_dir(const struct seci_sink *s, const char *name)
{
	char *p;

	return asprintf(&p, "%s/%s", s->dir, name) < 0 ? NULL : p;
}

static int
remove_entry(const char *path, const struct stat *st, int flag,
    struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	remove(path);
	return 0;
}

static void
sink_free(struct seci_sink *s)
{
	if (s->saved_stdout >= 0) {
		fflush(stdout);
		dup2(s->saved_stdout, STDOUT_FILENO);
		close(s->saved_stdout);
	}
	if (s->dir)
		nftw(s->dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(s->dir);
	free(s->work);
	free(s->text);
	free(s->result);
	free(s);
}

/* Send what stdout gets to the file at fd from here on. */
static int
redirect(struct seci_sink *s, int fd, struct seci_err *err)
{
	fflush(stdout);
	if ((s->saved_stdout = dup(STDOUT_FILENO)) < 0 ||
	    dup2(fd, STDOUT_FILENO) < 0)
		return seci_err_set(err, SECI_EXIT_CANTCREAT, "cannot redirect "
		    "the output: %s", strerror(errno));
	return 0;
}

struct seci_sink *
seci_sink_open(const char *format, const char *path, struct seci_xlsx **xlsx,
    struct seci_err *err)
{
	struct seci_sink *s = calloc(1, sizeof(*s));
	const char *tmp = getenv("TMPDIR");
	int fd;

	if (s == NULL) {
		seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
		return NULL;
	}
	s->saved_stdout = -1;
	s->made = strcmp(format, "xlsx") == 0 ? MADE_XLSX :
	    strcmp(format, "pdf") == 0 ? MADE_PDF : MADE_NONE;
	if (s->made != MADE_NONE && path == NULL && isatty(STDOUT_FILENO)) {
		seci_err_set(err, SECI_EXIT_USAGE, "-o %s: not to a terminal; "
		    "redirect standard output to a file or give --output FILE",
		    format);
		goto fail;
	}
	if (path && (s->file = seci_file_create(path, SECI_FILE_REPLACE,
	    err)) == NULL)
		goto fail;
	if (s->made == MADE_NONE) {
		if (s->file && redirect(s, fileno(seci_file_stream(s->file)),
		    err) < 0)
			goto fail;
		return s;
	}
	if (asprintf(&s->dir, "%s/seci.XXXXXX", tmp && *tmp ? tmp : "/tmp") <
	    0) {
		s->dir = NULL;
		goto oom;
	}
	if (mkdtemp(s->dir) == NULL) {
		seci_err_set(err, SECI_EXIT_CANTCREAT, "cannot make a "
		    "temporary folder in %s: %s", tmp && *tmp ? tmp : "/tmp",
		    strerror(errno));
		free(s->dir);
		s->dir = NULL;
		goto fail;
	}
	if (s->made == MADE_XLSX) {
		if ((s->work = in_dir(s, "out.xlsx")) == NULL ||
		    (s->text = in_dir(s, "out.txt")) == NULL)
			goto oom;
#ifdef HAVE_XLSXWRITER
		if ((s->xlsx = seci_xlsx_open(s->work, s->dir, err)) == NULL)
			goto fail;
#endif
		*xlsx = s->xlsx;
	} else if ((s->text = in_dir(s, "out.html")) == NULL) {
		goto oom;
	}
	/* What the command prints goes into a file of ours: the HTML that
	 * becomes the PDF; beside a workbook, any text (a new record's ID). */
	if ((fd = open(s->text, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    0600)) < 0) {
		seci_err_set(err, SECI_EXIT_CANTCREAT, "cannot create '%s': %s",
		    s->text, strerror(errno));
		goto fail;
	}
	if (redirect(s, fd, err) < 0) {
		close(fd);
		goto fail;
	}
	close(fd);
	return s;
oom:
	seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
fail:
	seci_sink_abort(s);
	return NULL;
}

/* "file://" and the absolute path, every byte but [A-Za-z0-9/._~-]
 * percent-encoded; NULL if out of memory or the path cannot be
 * resolved. */
static char *
file_url(const char *path)
{
	static const char keep[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmno"
	    "pqrstuvwxyz0123456789/._~-";
	char *abs = realpath(path, NULL), *url, *u;
	const unsigned char *p;

	if (abs == NULL || (url = malloc(7 + 3 * strlen(abs) + 1)) == NULL) {
		free(abs);
		return NULL;
	}
	u = url + sprintf(url, "file://");
	for (p = (const unsigned char *)abs; *p; p++)
		u += *p && strchr(keep, *p) ? sprintf(u, "%c", *p) :
		    sprintf(u, "%%%02X", *p);
	free(abs);
	return url;
}

/* Run Chromium to print the HTML into a PDF, with its profile, cache
 * and home in our temporary folder, and its own output silenced. */
static int
print_pdf(struct seci_sink *s, struct seci_err *err)
{
	const char *bin = chromium();
	char *profile = in_dir(s, "profile"), *arg_out = NULL,
	    *arg_profile = NULL, *url = NULL;
	struct timespec nap = { 0, 50 * 1000 * 1000 };
	void (*old_chld)(int);
	struct stat st;
	int status = 0, ticks, rc = -1, fd;
	pid_t pid, w;

	if (bin == NULL)
		return seci_err_set(err, SECI_EXIT_CANTCREAT, "-o pdf: no "
		    "Chromium found to print it");
	if (profile == NULL || (s->result = in_dir(s, "out.pdf")) == NULL ||
	    asprintf(&arg_out, "--print-to-pdf=%s", s->result) < 0 ||
	    asprintf(&arg_profile, "--user-data-dir=%s", profile) < 0 ||
	    (url = file_url(s->text)) == NULL) {
		seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
		goto done;
	}
	fflush(NULL);
	/* A SIGCHLD ignored by whoever started us would hide its status. */
	old_chld = signal(SIGCHLD, SIG_DFL);
	if ((pid = fork()) < 0) {
		signal(SIGCHLD, old_chld);
		seci_err_set(err, SECI_EXIT_CANTCREAT, "-o pdf: cannot start "
		    "Chromium: %s", strerror(errno));
		goto done;
	}
	if (pid == 0) {
		/* Its own process group, so that a timeout stops all of it;
		 * none of our files open in it. */
		setpgid(0, 0);
		if ((fd = open("/dev/null", O_RDWR)) >= 0) {
			dup2(fd, STDIN_FILENO);
			dup2(fd, STDOUT_FILENO);
			dup2(fd, STDERR_FILENO);
		}
		closefrom(3);
		setenv("HOME", s->dir, 1);
		setenv("XDG_CONFIG_HOME", profile, 1);
		setenv("XDG_CACHE_HOME", profile, 1);
		execl(bin, bin, "--headless", "--no-sandbox", "--disable-gpu",
		    "--no-first-run", "--disable-extensions",
		    "--no-pdf-header-footer", arg_profile, arg_out, url,
		    (char *)NULL);
		_exit(127);
	}
	for (ticks = 0; (w = waitpid(pid, &status, WNOHANG)) == 0; ticks++) {
		if (ticks >= CHROMIUM_SECONDS * 20) {
			kill(-pid, SIGKILL);
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			signal(SIGCHLD, old_chld);
			seci_err_set(err, SECI_EXIT_CANTCREAT, "-o pdf: Chromium "
			    "took over %d s; given up", CHROMIUM_SECONDS);
			goto done;
		}
		nanosleep(&nap, NULL);
	}
	signal(SIGCHLD, old_chld);
	/* What it left behind in its group (a renderer) goes too. */
	kill(-pid, SIGKILL);
	if (w < 0) {
		seci_err_set(err, SECI_EXIT_CANTCREAT, "-o pdf: lost Chromium: "
		    "%s", strerror(errno));
		goto done;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		seci_err_set(err, SECI_EXIT_CANTCREAT, "-o pdf: %s could not "
		    "print the PDF (%s %d)", bin, WIFEXITED(status) ? "exit" :
		    "signal", WIFEXITED(status) ? WEXITSTATUS(status) :
		    WTERMSIG(status));
		goto done;
	}
	if (stat(s->result, &st) < 0 || st.st_size < 5) {
		seci_err_set(err, SECI_EXIT_CANTCREAT, "-o pdf: %s made no "
		    "PDF", bin);
		goto done;
	}
	rc = 0;
done:
	free(profile);
	free(arg_out);
	free(arg_profile);
	free(url);
	return rc;
}

/* Copy the file made to out. */
static int
copy(const char *made, FILE *out, struct seci_err *err)
{
	FILE *in = fopen(made, "rb");
	char buf[65536];
	size_t n;

	if (in == NULL)
		return seci_err_set(err, SECI_EXIT_CANTCREAT, "cannot read "
		    "'%s': %s", made, strerror(errno));
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			break;
	if (ferror(in) || fflush(out) != 0 || ferror(out)) {
		fclose(in);
		return seci_err_set(err, SECI_EXIT_IOERR, "write error: %s",
		    strerror(errno ? errno : EIO));
	}
	fclose(in);
	return 0;
}

int
seci_sink_finish(struct seci_sink *s, struct seci_err *err)
{
	const char *made = NULL;
	int rc = 0;

	if (s->saved_stdout >= 0) {
		if (fflush(stdout) != 0 || ferror(stdout))
			rc = seci_err_set(err, SECI_EXIT_IOERR, "write error: "
			    "%s", strerror(errno ? errno : EIO));
		dup2(s->saved_stdout, STDOUT_FILENO);
		close(s->saved_stdout);
		s->saved_stdout = -1;
	}
#ifdef HAVE_XLSXWRITER
	if (s->made == MADE_XLSX) {
		/* A command that printed no rows (an ID, a summary) gives
		 * what it printed; beside a workbook, that goes to stderr. */
		if (seci_xlsx_nsheets(s->xlsx) == 0) {
			made = s->text;
		} else {
			made = s->work;
			if (rc == 0 && copy(s->text, stderr, err) < 0)
				rc = -1;
		}
		if (seci_xlsx_close(s->xlsx, err) < 0)
			rc = -1;
		s->xlsx = NULL;
	}
#endif
	if (rc == 0 && s->made == MADE_PDF && print_pdf(s, err) < 0)
		rc = -1;
	if (s->made == MADE_PDF)
		made = s->result;
	if (rc == 0 && made && copy(made, s->file ? seci_file_stream(s->file) :
	    stdout, err) < 0)
		rc = -1;
	if (rc == 0 && s->file && fsync(fileno(seci_file_stream(s->file))) < 0)
		rc = seci_err_set(err, SECI_EXIT_IOERR, "write error: %s",
		    strerror(errno));
	return rc;
}

int
seci_sink_publish(struct seci_sink *s, struct seci_err *err)
{
	int rc = 0;

	if (s == NULL)
		return 0;
	if (s->file) {
		rc = seci_file_commit(s->file, err);
		s->file = NULL;
	}
	sink_free(s);
	return rc;
}

void
seci_sink_abort(struct seci_sink *s)
{
	if (s == NULL)
		return;
	if (s->saved_stdout >= 0) {
		/* What the command printed is dropped, not sent on. */
		fflush(stdout);
		dup2(s->saved_stdout, STDOUT_FILENO);
		close(s->saved_stdout);
		s->saved_stdout = -1;
	}
#ifdef HAVE_XLSXWRITER
	if (s->xlsx) {
		struct seci_err e = SECI_ERR_INIT;

		seci_xlsx_close(s->xlsx, &e);
	}
#endif
	seci_file_abort(s->file);
	sink_free(s);
}
