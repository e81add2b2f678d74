/* fuzz-yaml.c - the YAML reader. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct seci_err err = SECI_ERR_INIT;
	FILE *fp = fuzz_stream(data, size);
	struct seci_yaml *y;

	if (fp == NULL)
		return 0;
	y = seci_yaml_load(fp, "f.yaml", SECI_EXIT_DATA, &err);
	seci_yaml_free(y);
	fclose(fp);
	return 0;
}
