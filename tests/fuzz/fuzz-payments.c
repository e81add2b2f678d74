/* fuzz-payments.c - a bank export through the generic profile, end to
 * end: matching, the ledger, the import record; rolled back. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct seci_profile *prof;
	struct seci_db *db = fuzz_db();
	struct seci_err err = SECI_ERR_INIT;
	struct seci_payment_import_opts o;
	struct seci_import_stats stats;
	FILE *fp = fuzz_stream(data, size);
	unsigned long skipped;

	if (fp == NULL)
		return 0;
	if (prof == NULL && (prof = seci_profile_load("generic", &err)) ==
	    NULL)
		abort();
	memset(&o, 0, sizeof(o));
	o.profile = prof;
	if (seci_db_begin(db, 1, &err) == 0) {
		seci_payment_import(db, fp, "f.csv", &o, &stats, &skipped, &err);
		seci_db_rollback(db);
	}
	fclose(fp);
	return 0;
}
