/*
 * fuzz.h - what the libFuzzer harnesses share: the input as a stream, and
 * one initialised database per process in which each input runs inside
 * a transaction that is rolled back.
 */
#ifndef SECI_FUZZ_H
#define SECI_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "seci.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The input as a read-only stream (NULL for an empty one). */
static FILE *
fuzz_stream(const uint8_t *data, size_t size)
{
	return size ? fmemopen((void *)data, size, "r") : NULL;
}

static char fuzz_dir[64];
static char fuzz_path[96];

static void
fuzz_cleanup(void)
{
	char p[128];

	snprintf(p, sizeof(p), "rm -rf '%s'", fuzz_dir);
	if (system(p) != 0)
		return;
}

/* An initialised database with a 2026 budget, made once. */
static __attribute__((unused)) struct seci_db *
fuzz_db(void)
{
	static struct seci_db *db;
	static const char budget[] = "year: 2026\ncurrency: EUR\nchapters:\n"
	    "  - code: A\n    name: A\n    lines:\n      - {code: A1, name: "
	    "Staff, kind: staff, amount: \"1000.00\"}\n      - {code: \"2.2\", "
	    "name: Ops, kind: operational, amount: \"500.00\"}\n";
	struct seci_err err = SECI_ERR_INIT;
	FILE *fp;
	int y;

	if (db != NULL)
		return db;
	snprintf(fuzz_dir, sizeof(fuzz_dir), "/tmp/seci-fuzz.XXXXXX");
	if (mkdtemp(fuzz_dir) == NULL)
		abort();
	atexit(fuzz_cleanup);
	snprintf(fuzz_path, sizeof(fuzz_path), "%s/f.db", fuzz_dir);
	if ((db = seci_db_create(fuzz_path, 1000, &err)) == NULL)
		abort();
	seci_db_set_actor(db, "boss", "fuzz", "fuzz");
	fp = fmemopen((void *)budget, sizeof(budget) - 1, "r");
	if (seci_admin_init(db, "Fuzz", "EUR", "boss", &err) < 0 ||
	    seci_budget_load(db, fp, "b.yaml", 0, 2026, 1, &y, &err) < 0 ||
	    seci_db_commit(db, &err) < 0 || seci_db_publish(db, &err) < 0) {
		fprintf(stderr, "fuzz setup: %s\n", err.msg);
		abort();
	}
	fclose(fp);
	seci_db_close(db);
	if ((db = seci_db_open(fuzz_path, 1000, &err)) == NULL)
		abort();
	seci_db_set_actor(db, "boss", "fuzz", "fuzz");
	return db;
}

#endif
