/* fuzz-csv.c - the CSV reader, with wanted columns and a footer rule. */
#include "fuzz.h"

static int
row(void *arg, const struct seci_csv_row *r, struct seci_err *err)
{
	size_t i, *n = arg;

	(void)err;
	for (i = 0; i < r->nfields; i++)
		*n += strlen(r->field[i]) == r->len[i];
	return 0;
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
	seci_csv_read(fp, "f.csv", &o, row, &n, NULL, &err);
	fclose(fp);
	return 0;
}
