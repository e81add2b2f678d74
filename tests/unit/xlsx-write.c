/*
 * xlsx-write FILE: a workbook of hard cases for tests/0020-xlsx.sh to read
 * back with openpyxl: sheet names that are too long (in UTF-8, or not
 * UTF-8 at all), taken, or hold characters a sheet name may not; text
 * that reads as a number or a date, and text that only looks like one.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "err.h"
#include "xlsx.h"

int
main(int argc, char **argv)
{
	static const char *const cells[] = {
		"-1,234.50", "12.5%", "0.001", "1,23", "1,2345.00", "1e9",
		"12.", ".5", "2026-02-28", "2027-02-30", "1899-12-31", "- 5",
		"007", "0,123", "-0.00", "1234567890123456", "999999999999999",
		"bell\a, not UTF-8 \xff", "",
	};
	char junk[401];
	static const char *const names[] = { "text", "figure" };
	struct seci_err err = SECI_ERR_INIT;
	struct seci_xlsx *x;
	size_t i;

	if (argc != 2)
		return 64;
	/* Not UTF-8 at all: 400 continuation bytes. */
	memset(junk, 0x80, 400);
	junk[400] = '\0';
	if ((x = seci_xlsx_open(argv[1], NULL, &err)) == NULL)
		return 1;
	/* 40 bytes: cut to 31 without splitting the 2-byte characters. */
	if (seci_xlsx_sheet(x, "Situa\xc8\x9bia contribu\xc8\x9biilor "
	    "\xc8\x99i arier\xc4\x83", NULL, 0, &err) < 0 ||
	    seci_xlsx_sheet(x, "Same", NULL, 0, &err) < 0 ||
	    seci_xlsx_sheet(x, "Same", NULL, 0, &err) < 0 ||
	    seci_xlsx_sheet(x, "a/b:c[d]*e?f\\g'", NULL, 0, &err) < 0 ||
	    seci_xlsx_sheet(x, junk, NULL, 0, &err) < 0 ||
	    seci_xlsx_sheet(x, "cells", NULL, 0, &err) < 0)
		return 1;
	seci_xlsx_header(x, names, 2);
	for (i = 0; i < sizeof(cells) / sizeof(cells[0]); i++) {
		seci_xlsx_text(x, 0, cells[i], 0);
		seci_xlsx_cell(x, 1, cells[i], 1, 0);
		seci_xlsx_next_row(x);
	}
	return seci_xlsx_close(x, &err) < 0;
}
