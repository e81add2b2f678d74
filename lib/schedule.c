/* schedule.c - the reporting schedule and its runs. */
#include "config.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "clock.h"
#include "file.h"
#include "report.h"
#include "schedule.h"
#include "seci_priv.h"

int
seci_schedule_add(struct seci_db *db, const struct seci_schedule *s,
    struct seci_err *err)
{
	const struct seci_report_kind *k = seci_report_kind(s->report);
	char day[SECI_DATE_BUFSZ], fmt[16], kinds[256];
	sqlite3_stmt *st;

	if (s->name == NULL || *s->name == '\0' || strchr(s->name, '/') ||
	    s->name[0] == '.' || strlen(s->name) > 64)
		return seci_err_set(err, SECI_EXIT_USAGE, "bad schedule name "
		    "'%s': it names files, so 1 to 64 characters, no '/' and "
		    "no leading '.'",
		    s->name ? s->name : "");
	if (k == NULL)
		return seci_err_set(err, SECI_EXIT_USAGE, "unknown report '%s' "
		    "(%s)", s->report, seci_report_kind_names(kinds,
		    sizeof(kinds), ", "));
	if (strcmp(s->every, "month") && strcmp(s->every, "quarter") &&
	    strcmp(s->every, "year"))
		return seci_err_set(err, SECI_EXIT_USAGE, "--every: month, "
		    "quarter or year");
	if (s->day < 1 || s->day > 28)
		return seci_err_set(err, SECI_EXIT_USAGE, "--day: '%d' is not a "
		    "day from 1 to 28", s->day);
	snprintf(fmt, sizeof(fmt), "%.*s", (int)strcspn(k->formats, ","),
	    k->formats);
	if (s->format)
		snprintf(fmt, sizeof(fmt), "%s", s->format);
	if (!seci_report_format_ok(k, fmt))
		return seci_err_set(err, SECI_EXIT_USAGE, "format '%s' is not "
		    "one of %s", fmt, k->formats);
	st = seci_db_stmt(db, "INSERT INTO report_schedule (name, report, "
	    "every, day, format, start) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT "
	    "DO NOTHING", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, s->name);
	seci_db_bind_text(st, 2, s->report);
	seci_db_bind_text(st, 3, s->every);
	sqlite3_bind_int(st, 4, s->day);
	seci_db_bind_text(st, 5, fmt);
	seci_db_bind_text(st, 6, seci_date_format(s->start, day));
	if (seci_db_exec_stmt(db, st, err) < 0)
		return -1;
	if (sqlite3_changes(db->h) == 0)
		return seci_err_set(err, SECI_EXIT_DATA, "schedule '%s' exists "
		    "already", s->name);
	return seci_audit_added(db, "report_schedule", "name", s->name, err);
}

int
seci_schedule_remove(struct seci_db *db, const char *name,
    struct seci_err *err)
{
	struct seci_audit_change c;
	sqlite3_stmt *st;

	if (seci_audit_begin(db, &c, "report_schedule", "name", name, err) < 0)
		return -1;
	if (c.before == NULL)
		return seci_err_set(err, SECI_EXIT_DATA, "no schedule '%s'",
		    name);
	st = seci_db_stmt(db, "DELETE FROM report_schedule WHERE name = ?",
	    err);
	if (st == NULL) {
		seci_audit_cancel(&c);
		return -1;
	}
	seci_db_bind_text(st, 1, name);
	if (seci_db_exec_stmt(db, st, err) < 0) {
		seci_audit_cancel(&c);
		return -1;
	}
	return seci_audit_end(db, &c, err);
}

int
seci_schedule_list(struct seci_db *db, const struct seci_out_opts *oo,
    struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "name", SECI_COL_TEXT, 0 }, { "report", SECI_COL_TEXT, 0 },
		{ "every", SECI_COL_TEXT, 0 }, { "day", SECI_COL_INT, 0 },
		{ "format", SECI_COL_TEXT, 0 }, { "start", SECI_COL_TEXT, 0 },
		{ "last_period", SECI_COL_TEXT, 0 },
	};
	sqlite3_stmt *st;

	st = seci_db_stmt(db, "SELECT name, report, every, day, format, start, "
	    "(SELECT max(period) FROM report_run WHERE schedule = s.name) FROM "
	    "report_schedule s ORDER BY name", err);
	if (st == NULL)
		return -1;
	return seci_db_print(db, st, cols, 7, oo, err);
}

struct period {
	char name[16];		/* 2026-11, 2026-Q4, 2026 */
	seci_day first, last, due;
};

/* Period number n of a kind (months since year 0, quarters, years). */
static void
period_of(const char *every, int n, int day, struct period *p)
{
	int y, m, months = every[0] == 'm' ? 1 : every[0] == 'q' ? 3 : 12;

	y = n * months / 12;
	m = n * months % 12 + 1;
	p->first = seci_date_from_ymd(y, m, 1);
	p->last = seci_date_add_months(p->first, months) - 1;
	/* Due on the day'th day after the period ends. */
	p->due = p->last + day;
	if (months == 1)
		snprintf(p->name, sizeof(p->name), "%04d-%02d", y, m);
	else if (months == 3)
		snprintf(p->name, sizeof(p->name), "%04d-Q%d", y, (m - 1) / 3 + 1);
	else
		snprintf(p->name, sizeof(p->name), "%04d", y);
}

static int
period_index(const char *every, seci_day day)
{
	int y, m, d;

	seci_date_ymd(day, &y, &m, &d);
	if (every[0] == 'm')
		return y * 12 + m - 1;
	if (every[0] == 'q')
		return y * 4 + (m - 1) / 3;
	return y;
}

struct sched {
	char name[128], report[32], every[16], format[8];
	int day;
	seci_day start;
};

static int
fill_sched(sqlite3_stmt *st, void *item)
{
	struct seci_err ignore = SECI_ERR_INIT;
	struct sched *s = item;

	seci_db_col_text(st, 0, s->name, sizeof(s->name));
	seci_db_col_text(st, 1, s->report, sizeof(s->report));
	seci_db_col_text(st, 2, s->every, sizeof(s->every));
	s->day = sqlite3_column_int(st, 3);
	seci_db_col_text(st, 4, s->format, sizeof(s->format));
	seci_date_parse((const char *)sqlite3_column_text(st, 5), NULL,
	    &s->start, &ignore);
	return 0;
}

static int
load_schedules(struct seci_db *db, struct sched **out, size_t *n,
    struct seci_err *err)
{
	sqlite3_stmt *st;

	*out = NULL;
	*n = 0;
	st = seci_db_stmt(db, "SELECT name, report, every, day, format, start "
	    "FROM report_schedule ORDER BY name", err);
	if (st == NULL)
		return -1;
	return seci_db_rows(db, st, sizeof(**out), fill_sched, out, n,
	    "schedule", err);
}

/* The path a period's report was produced at, or "" (buf). */
static int
produced(struct seci_db *db, const char *schedule, const char *period,
    char *buf, size_t size, struct seci_err *err)
{
	sqlite3_stmt *st;
	int rc;

	buf[0] = '\0';
	st = seci_db_stmt(db, "SELECT path FROM report_run WHERE schedule = ? "
	    "AND period = ?", err);
	if (st == NULL)
		return -1;
	seci_db_bind_text(st, 1, schedule);
	seci_db_bind_text(st, 2, period);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		snprintf(buf, size, "%s", (const char *)sqlite3_column_text(st,
		    0));
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return seci_db_fail(db, rc, "schedule", err);
	return 0;
}

int
seci_schedule_due(struct seci_db *db, seci_day as_of,
    const struct seci_out_opts *oo, struct seci_err *err)
{
	static const struct seci_col cols[] = {
		{ "schedule", SECI_COL_TEXT, 0 }, { "report", SECI_COL_TEXT, 0 },
		{ "period", SECI_COL_TEXT, 0 }, { "due", SECI_COL_TEXT, 0 },
		{ "produced", SECI_COL_TEXT, 0 },
	};
	struct sched *s = NULL;
	struct seci_out *o = NULL;
	struct seci_cell c[5];
	struct period p;
	char due[SECI_DATE_BUFSZ], path[4096];
	size_t n, i;
	int k, rc = -1;

	if (load_schedules(db, &s, &n, err) < 0 ||
	    (o = seci_out_begin(oo, cols, 5, err)) == NULL)
		goto out;
	for (i = 0; i < n; i++)
		for (k = period_index(s[i].every, s[i].start); ; k++) {
			period_of(s[i].every, k, s[i].day, &p);
			if (p.due > as_of)
				break;
			if (produced(db, s[i].name, p.name, path, sizeof(path),
			    err) < 0)
				goto out;
			c[0] = seci_cell_text(s[i].name);
			c[1] = seci_cell_text(s[i].report);
			c[2] = seci_cell_text(p.name);
			c[3] = seci_cell_text(seci_date_format(p.due, due));
			c[4] = seci_cell_text(path);
			if (seci_out_row(o, c, err) < 0)
				goto out;
		}
	rc = seci_out_end(o, err);
	o = NULL;
out:
	seci_out_abort(o);
	free(s);
	return rc;
}

/* Write one report for a period into fp. */
static int
produce(struct seci_db *db, const struct sched *s, const struct period *p,
    long rule_years, FILE *fp, struct seci_err *err)
{
	const struct seci_report_kind *k = seci_report_kind(s->report);
	struct seci_report_args a;
	int y, m, d;

	if (k == NULL)
		return seci_err_set(err, SECI_EXIT_DATA, "unknown report '%s'",
		    s->report);
	seci_date_ymd(p->last, &y, &m, &d);
	memset(&a, 0, sizeof(a));
	a.year = y;
	a.month = seci_date_from_ymd(y, m, 1);
	a.as_of = p->last;
	a.rule_years = rule_years;
	a.out.header = 1;
	a.out.fp = fp;
	return seci_report_make(db, k, s->format, &a, err);
}

static int
record_run(struct seci_db *db, const struct sched *s, const struct period *p,
    const char *path, const char *sha, struct seci_err *err)
{
	struct seci_audit_change c;
	char now[SECI_TIME_BUFSZ], key[160];
	sqlite3_stmt *st;

	snprintf(key, sizeof(key), "%s/%s", s->name, p->name);
	if (seci_audit_begin(db, &c, "report_run", "schedule/period", key,
	    err) < 0)
		return -1;
	st = seci_db_stmt(db, "INSERT INTO report_run (schedule, period, path, "
	    "sha256, produced) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO "
	    "UPDATE SET path = ?3, sha256 = ?4, produced = ?5", err);
	if (st == NULL) {
		seci_audit_cancel(&c);
		return -1;
	}
	seci_db_bind_text(st, 1, s->name);
	seci_db_bind_text(st, 2, p->name);
	seci_db_bind_text(st, 3, path);
	seci_db_bind_text(st, 4, sha);
	seci_db_bind_text(st, 5, seci_clock_now(now));
	if (seci_db_exec_stmt(db, st, err) < 0) {
		seci_audit_cancel(&c);
		return -1;
	}
	return seci_audit_end(db, &c, err);
}

/* Produce one period's report into outdir; its path into path. */
static int
run_one(struct seci_db *db, const struct sched *s, const struct period *p,
    const char *outdir, long rule_years, char *path, size_t size,
    struct seci_err *err)
{
	struct seci_file *f;
	char sha[65];

	snprintf(path, size, "%s/%s-%s.%s", outdir, s->name, p->name,
	    strcmp(s->format, "text") == 0 ? "txt" : s->format);
	/* Written whole beside it, then renamed: a reader never sees half a
	 * report. */
	if ((f = seci_file_create(path, SECI_FILE_REPLACE, err)) == NULL)
		return -1;
	/* The digest of the bytes written, taken before the file has its
	 * name: nothing can change them in between. */
	if (produce(db, s, p, rule_years, seci_file_stream(f), err) < 0 ||
	    seci_file_digest(f, sha, err) < 0) {
		seci_file_abort(f);
		return -1;
	}
	if (seci_file_commit(f, err) < 0)
		return -1;
	return record_run(db, s, p, path, sha, err);
}

int
seci_schedule_run_due(struct seci_db *db, seci_day as_of, const char *outdir,
    int force, long rule_years, FILE *out, struct seci_err *err)
{
	struct sched *s = NULL;
	struct period p;
	char path[4096], done[4096];
	size_t n, i;
	int k, last, failed = 0;

	if (seci_file_outdir(outdir, err) < 0)
		return -1;
	if (load_schedules(db, &s, &n, err) < 0) {
		free(s);
		return -1;
	}
	for (i = 0; i < n; i++) {
		/* The last period due; nothing if even the first is not. */
		for (last = -1, k = period_index(s[i].every, s[i].start); ;
		    k++) {
			period_of(s[i].every, k, s[i].day, &p);
			if (p.due > as_of)
				break;
			last = k;
		}
		for (k = period_index(s[i].every, s[i].start); k <= last; k++) {
			period_of(s[i].every, k, s[i].day, &p);
			if (produced(db, s[i].name, p.name, done, sizeof(done),
			    err) < 0)
				goto fail;
			if (done[0] && !(force && k == last))
				continue;
			if (run_one(db, &s[i], &p, outdir, rule_years, path,
			    sizeof(path), err) < 0) {
				/* A database error ends the run; a report
				 * that cannot be made is told and skipped,
				 * so one schedule never blocks the others. */
				if (err->code == SECI_EXIT_BUSY ||
				    err->code == SECI_EXIT_SOFTWARE)
					goto fail;
				seci_err_report(err, SECI_ERROR, "schedule %s, "
				    "%s: %s", s[i].name, p.name, err->msg);
				seci_err_clear(err);
				failed++;
				break;
			}
			fprintf(out, "%s\n", path);
		}
	}
	free(s);
	return failed;
fail:
	free(s);
	return -1;
}
