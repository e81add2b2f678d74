/* fuzz-budget.c - the budget loader, YAML and CSV, into a database. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct seci_db *db = fuzz_db();
	struct seci_err err = SECI_ERR_INIT;
	FILE *fp = fuzz_stream(data, size);
	int y;

	if (fp == NULL)
		return 0;
	if (seci_db_begin(db, 1, &err) == 0) {
		seci_budget_load(db, fp, "f.yaml", size > 0 && data[0] == 'y',
		    2027, 0, &y, &err);
		seci_db_rollback(db);
	}
	fclose(fp);
	return 0;
}
