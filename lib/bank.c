/* bank.c - bank account numbers. */
#include "config.h"

#include <ctype.h>
#include <string.h>

#include "bank.h"

char *
seci_bank_account_normalise(const char *in, char *out, size_t size)
{
	const unsigned char *p = (const unsigned char *)in;
	size_t n = 0;

	for (; *p && n + 1 < size; p++) {
		if (isspace(*p))
			continue;
		/* U+00A0 and U+202F, the no-break spaces of many exports. */
		if (p[0] == 0xc2 && p[1] == 0xa0) {
			p++;
			continue;
		}
		if (p[0] == 0xe2 && p[1] == 0x80 && p[2] == 0xaf) {
			p += 2;
			continue;
		}
		out[n++] = (char)toupper(*p);
	}
	out[n] = '\0';
	return out;
}
