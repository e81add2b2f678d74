/* fuzz-conf.c - the configuration file: YAML, then each key's checks. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[64];
	struct seci_err err = SECI_ERR_INIT;
	struct seci_conf conf;
	FILE *fp;

	if (path[0] == '\0') {
		int fd;

		snprintf(path, sizeof(path), "/tmp/seci-fuzz-conf.XXXXXX");
		if ((fd = mkstemp(path)) < 0)
			abort();
		close(fd);
	}
	if ((fp = fopen(path, "w")) == NULL)
		abort();
	if (size && fwrite(data, 1, size, fp) != size)
		abort();
	fclose(fp);
	memset(&conf, 0, sizeof(conf));
	seci_conf_load(&conf, path, &err);
	seci_conf_release(&conf);
	return 0;
}
