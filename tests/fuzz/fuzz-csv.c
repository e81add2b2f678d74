/* fuzz-csv.c - the CSV reader, with wanted columns and a footer rule,
 * read in one thread or ahead in two. */
#include "fuzz.h"

/* In the reading thread: the row's line and field count, for row() to
 * find again. */
static void
prepare(void *arg, const struct seci_csv_row *r, void *prep)
{
	unsigned long *p = prep;

	(void)arg;
	p[0] = r->line;
	p[1] = r->nfields;
}

static int
row(void *arg, const struct seci_csv_row *r, struct seci_err *err)
{
	const unsigned long *p = r->prep;
	size_t i, *n = arg;

	(void)err;
	if (p[0] != r->line || p[1] != r->nfields)
		abort();	/* another row's prepared bytes */
	for (i = 0; i < r->nfields; i++)
		*n += strlen(r->field[i]) == r->len[i];
	return r->line % 7 == 0;	/* some rows bad, as a caller finds */
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct seci_csv_col cols[] = { { "date", 1, 0 },
	    { "amount", 0, 0 }, { "ref", 0, 3 } };
	struct seci_csv_opts o;
	struct seci_err err = SECI_ERR_INIT;
	FILE *fp = fuzz_stream(data, size);
	size_t n = 0;

	if (fp == NULL)
		return 0;
	memset(&o, 0, sizeof(o));
	if (size > 0 && data[0] == ';')
		o.delim = ';';
	o.cols = size > 1 && data[1] == 'c' ? cols : NULL;
	o.ncols = o.cols ? 3 : 0;
	o.stop_at = "total";
	o.prepare = prepare;
	o.prep_size = 2 * sizeof(unsigned long);
	o.ahead = size > 2 && data[2] == 'a';
	seci_csv_read(fp, "f.csv", &o, row, &n, NULL, &err);
	fclose(fp);
	return 0;
}
