/* fuzz-parse.c - the money and date parsers: what parses formats back
 * to the same value. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct seci_err err = SECI_ERR_INIT;
	char s[128], buf[64], again[SECI_DATE_BUFSZ];
	seci_money m, m2;
	seci_day d, d2;
	int dec;

	if (size == 0 || size >= sizeof(s))
		return 0;
	dec = data[0] % 5;
	memcpy(s, data + 1, size - 1);
	s[size - 1] = '\0';
	if (seci_money_parse(s, dec, data[0] & 0x80 ? ',' : '.', &m,
	    &err) == 0) {
		seci_money_format(m, dec, 0, buf);
		if (data[0] & 0x80)
			for (char *p = buf; *p; p++)
				if (*p == '.')
					*p = ',';
		if (seci_money_parse(buf, dec, data[0] & 0x80 ? ',' : '.', &m2,
		    &err) < 0 || m2 != m)
			abort();
	}
	if (seci_date_parse(s, NULL, &d, &err) == 0) {
		seci_date_format(d, again);
		if (seci_date_parse(again, NULL, &d2, &err) < 0 || d2 != d)
			abort();
	}
	seci_date_parse(s, "%d.%m.%Y", &d, &err);
	return 0;
}
