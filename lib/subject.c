/*
 * subject.c - the subject-access export.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "staff.h"
#include "subject.h"
#include "seci_priv.h"

#define MAXCOLS 7

struct section {
	const char *name;
	const char *sql;		/* ?1: the staff member */
	struct seci_col cols[MAXCOLS];
	int ncols;
};

/* The rows of the person's own tables that an audit record may name. */
#define OWN(t, where) "(a.tbl = '" t "' AND a.key IN (SELECT CAST(id AS " \
	"TEXT) FROM " t " WHERE " where "))"

static const struct section sections[] = {
	{ "training", "SELECT t.id, t.title, t.date, printf('%d.%d', "
	    "t.tenths / 10, t.tenths % 10) FROM training t JOIN "
	    "training_participant p ON p.training = t.id WHERE p.staff = ?1 "
	    "ORDER BY t.date, t.id", { { "id", SECI_COL_INT, 0 },
	    { "title", SECI_COL_TEXT, 0 }, { "date", SECI_COL_TEXT, 0 },
	    { "hours", SECI_COL_DECIMAL, 0 } }, 4 },
	{ "cases", "SELECT id, stage, allegation, opened, measure FROM "
	    "discipline_case WHERE staff = ?1 ORDER BY id",
	    { { "id", SECI_COL_INT, 0 }, { "stage", SECI_COL_TEXT, 0 },
	    { "allegation", SECI_COL_TEXT, 0 }, { "opened", SECI_COL_TEXT, 0 },
	    { "measure", SECI_COL_TEXT, 0 } }, 5 },
	{ "case_steps", "SELECT s.case_id, s.date, s.stage, s.note, s.measure "
	    "FROM discipline_step s JOIN discipline_case c ON c.id = s.case_id "
	    "WHERE c.staff = ?1 ORDER BY s.case_id, s.id",
	    { { "case", SECI_COL_INT, 0 }, { "date", SECI_COL_TEXT, 0 },
	    { "stage", SECI_COL_TEXT, 0 }, { "note", SECI_COL_TEXT, 0 },
	    { "measure", SECI_COL_TEXT, 0 } }, 5 },
	{ "declarations", "SELECT id, year, kind, text, date FROM "
	    "ethics_declaration WHERE staff = ?1 ORDER BY year, id",
	    { { "id", SECI_COL_INT, 0 }, { "year", SECI_COL_INT, 0 },
	    { "kind", SECI_COL_TEXT, 0 }, { "text", SECI_COL_TEXT, 0 },
	    { "date", SECI_COL_TEXT, 0 } }, 5 },
	{ "gifts", "SELECT id, date, source, value, description FROM gift "
	    "WHERE staff = ?1 ORDER BY date, id", { { "id", SECI_COL_INT, 0 },
	    { "date", SECI_COL_TEXT, 0 }, { "source", SECI_COL_TEXT, 0 },
	    { "value", SECI_COL_MONEY, 0 },
	    { "description", SECI_COL_TEXT, 0 } }, 5 },
	{ "candidacies", "SELECT id, vacancy, stage, (SELECT min(date) FROM "
	    "candidate_step WHERE candidate = c.id) FROM candidate c WHERE "
	    "staff = ?1 ORDER BY id",
	    { { "id", SECI_COL_INT, 0 }, { "vacancy", SECI_COL_INT, 0 },
	    { "stage", SECI_COL_TEXT, 0 }, { "applied", SECI_COL_TEXT, 0 } },
	    4 },
	{ "audit", "SELECT a.id, a.time, a.login, a.tool, a.tbl, a.key, CASE "
	    "WHEN a.scheme = 2 AND a.salt IS NULL THEN 'redacted' ELSE 'ok' "
	    "END FROM audit a WHERE (a.tbl = 'staff' AND a.key = CAST(?1 AS "
	    "TEXT)) OR (a.tbl = 'read' AND a.key = 'staff/' || ?1) OR "
	    OWN("candidate", "staff = ?1") " OR "
	    OWN("discipline_case", "staff = ?1") " OR "
	    OWN("ethics_declaration", "staff = ?1") " OR "
	    OWN("gift", "staff = ?1") " ORDER BY a.id",
	    { { "id", SECI_COL_INT, 0 }, { "time", SECI_COL_TEXT, 0 },
	    { "login", SECI_COL_TEXT, 0 }, { "tool", SECI_COL_TEXT, 0 },
	    { "table", SECI_COL_TEXT, 0 }, { "key", SECI_COL_TEXT, 0 },
	    { "status", SECI_COL_TEXT, 0 } }, 7 },
};
#define NSECTIONS (sizeof(sections) / sizeof(sections[0]))

static void
heading(const struct seci_out_opts *oo, const char *name, int first)
{
	if (oo->format == SECI_FMT_JSON)
		fprintf(oo->fp, "%s\"%s\":", first ? "{" : ",\n", name);
	else
		fprintf(oo->fp, "%s%s\n", first ? "" : "\n", name);
}

int
seci_subject(struct seci_db *db, int64_t id, const struct seci_out_opts *oo,
    struct seci_err *err)
{
	sqlite3_stmt *st;
	size_t i;

	/* The record's part records the read. */
	heading(oo, "staff", 1);
	if (seci_staff_show(db, id, oo->roles, oo, err) < 0)
		return -1;
	for (i = 0; i < NSECTIONS; i++) {
		heading(oo, sections[i].name, 0);
		if ((st = seci_db_stmt(db, sections[i].sql, err)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, id);
		if (seci_db_print(db, st, sections[i].cols, sections[i].ncols,
		    oo, err) < 0)
			return -1;
	}
	if (oo->format == SECI_FMT_JSON)
		fputs("}\n", oo->fp);
	return 0;
}
