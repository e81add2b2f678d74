/* Unit tests: lib/out.c */
#include "config.h"

#include "seci.h"
#include "tap.h"

static const struct seci_col cols[] = {
	{ "party", SECI_COL_TEXT, 0 }, { "amount", SECI_COL_MONEY, 0 },
	{ "pct", SECI_COL_PCT, 0 }, { "n", SECI_COL_INT, 0 },
};

static char *
render(enum seci_format f, int header)
{
	struct seci_err err = SECI_ERR_INIT;
	struct seci_out_opts o = { .format = f, .header = header, .decimals = 2 };
	struct seci_cell c[4];
	struct seci_out *out;
	char *buf = NULL;
	size_t len = 0;

	o.fp = open_memstream(&buf, &len);
	out = seci_out_begin(&o, cols, 4, &err);
	c[0] = seci_cell_text("AL");
	c[1] = seci_cell_int(7692308);
	c[2] = seci_cell_int(425);
	c[3] = seci_cell_int(3);
	seci_out_row(out, c, &err);
	c[0] = seci_cell_text("Say \"x\", y\tz");
	c[1] = seci_cell_int(-1);
	c[2] = seci_cell_null();
	c[3] = seci_cell_int(12);
	seci_out_row(out, c, &err);
	c[0] = seci_cell_text("total");
	c[1] = seci_cell_int(7692307);
	c[2] = seci_cell_null();
	c[3] = seci_cell_int(15);
	seci_out_total(out, c, &err);
	seci_out_end(out, &err);
	fclose(o.fp);
	return buf;
}

/* A staff-like listing: name for everyone, birth date and a grade
 * count restricted to hr (and the director). */
static char *
restricted(enum seci_format f, unsigned roles)
{
	static const struct seci_col rcols[] = {
		{ "name", SECI_COL_TEXT, 0 },
		{ "birth_date", SECI_COL_TEXT, SECI_ROLE_HR },
		{ "cases", SECI_COL_INT, SECI_ROLE_HR },
	};
	struct seci_err err = SECI_ERR_INIT;
	struct seci_out_opts o = { .format = f, .header = 1, .decimals = 2,
	    .roles = roles };
	struct seci_cell c[3];
	struct seci_out *out;
	char *buf = NULL;
	size_t len = 0;

	o.fp = open_memstream(&buf, &len);
	out = seci_out_begin(&o, rcols, 3, &err);
	c[0] = seci_cell_text("Ana Pop");
	c[1] = seci_cell_text("1980-02-29");
	c[2] = seci_cell_int(2);
	seci_out_row(out, c, &err);
	seci_out_end(out, &err);
	fclose(o.fp);
	return buf;
}

static void
restricted_fields(void)
{
	char *s;

	s = restricted(SECI_FMT_CSV, SECI_ROLE_FINANCE | SECI_ROLE_VIEWER);
	is_str(s, "name,birth_date,cases\nAna Pop,restricted,restricted\n",
	    "csv: restricted columns hidden from finance");
	free(s);
	s = restricted(SECI_FMT_TSV, SECI_ROLE_AUDITOR);
	is_str(s, "name\tbirth_date\tcases\nAna Pop\trestricted\t"
	    "restricted\n", "tsv: and from the auditor");
	free(s);
	s = restricted(SECI_FMT_JSON, SECI_ROLE_PLANNING);
	is_str(s, "[\n{\"name\":\"Ana Pop\",\"birth_date\":\"restricted\","
	    "\"cases\":\"restricted\"}\n]\n", "json: a string, even in "
	    "place of a number");
	free(s);
	s = restricted(SECI_FMT_TABLE, 0);
	ok(strstr(s, "Ana Pop  restricted  restricted") != NULL &&
	    strstr(s, "1980") == NULL, "table: a reader without roles sees "
	    "no value");
	free(s);
	s = restricted(SECI_FMT_CSV, SECI_ROLE_HR);
	is_str(s, "name,birth_date,cases\nAna Pop,1980-02-29,2\n", "hr sees "
	    "them");
	free(s);
	s = restricted(SECI_FMT_JSON, SECI_ROLE_DIRECTOR);
	is_str(s, "[\n{\"name\":\"Ana Pop\",\"birth_date\":\"1980-02-29\","
	    "\"cases\":2}\n]\n", "the director sees them");
	free(s);
}

int
main(void)
{
	struct seci_err err = SECI_ERR_INIT;
	struct seci_out_opts o = { .format = SECI_FMT_CSV, .header = 1,
	    .decimals = 2 };
	enum seci_format f;
	char *s;

	s = render(SECI_FMT_CSV, 1);
	is_str(s, "party,amount,pct,n\nAL,76923.08,42.5,3\n"
	    "\"Say \"\"x\"\", y\tz\",-0.01,,12\n", "csv: header, quoting, "
	    "no total row");
	free(s);
	s = render(SECI_FMT_CSV, 0);
	ok(strncmp(s, "AL,", 3) == 0, "--no-header");
	free(s);
	s = render(SECI_FMT_TSV, 1);
	is_str(s, "party\tamount\tpct\tn\nAL\t76923.08\t42.5\t3\n"
	    "Say \"x\", y\\tz\t-0.01\t\t12\n", "tsv escapes tabs");
	free(s);
	s = render(SECI_FMT_JSON, 1);
	is_str(s, "[\n{\"party\":\"AL\",\"amount\":\"76923.08\",\"pct\":42.5,"
	    "\"n\":3},\n{\"party\":\"Say \\\"x\\\", y\\tz\",\"amount\":"
	    "\"-0.01\",\"pct\":null,\"n\":12}\n]\n", "json: amounts as "
	    "strings, null");
	free(s);
	s = render(SECI_FMT_TABLE, 1);
	is_str(s,
	    "party            amount   pct   n\n"
	    "------------  ---------  ----  --\n"
	    "AL            76,923.08  42.5   3\n"
	    "Say \"x\", y?z      -0.01        12\n"
	    "------------  ---------  ----  --\n"
	    "total         76,923.07        15\n",
	    "table: aligned, grouped, total row, a control character "
	    "shown as '?'");
	free(s);

	ok(seci_format_parse("json", &f) == 0 && f == SECI_FMT_JSON,
	    "format names");
	ok(seci_format_parse("xml", &f) == -1, "unknown format");

	/* An empty JSON result is still an array. */
	{
		char *buf = NULL;
		size_t len = 0;
		struct seci_out *out;

		o.format = SECI_FMT_JSON;
		o.fp = open_memstream(&buf, &len);
		out = seci_out_begin(&o, cols, 4, &err);
		seci_out_end(out, &err);
		fclose(o.fp);
		is_str(buf, "[]\n", "empty json array");
		free(buf);
	}
	/* A full disk is an error, not silence. */
	{
		struct seci_cell c[4] = { { 0, 0, "x" }, { 0, 1, NULL },
		    { 0, 1, NULL }, { 0, 1, NULL } };
		struct seci_out *out;
		int i, rc = 0;

		o.format = SECI_FMT_CSV;
		o.fp = fopen("/dev/full", "w");
		if (o.fp == NULL) {
			ok(1, "# SKIP no /dev/full");
		} else {
			out = seci_out_begin(&o, cols, 4, &err);
			for (i = 0; i < 10000; i++)
				seci_out_row(out, c, &err);
			rc = seci_out_end(out, &err);
			ok(rc == -1 && err.code == SECI_EXIT_IOERR,
			    "/dev/full: write error reported: %s", err.msg);
			fclose(o.fp);
		}
	}
	restricted_fields();
	return done_testing();
}
