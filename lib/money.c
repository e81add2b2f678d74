/* money.c - exact parsing, formatting and splitting of amounts. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "money.h"

/* The active codes of ISO 4217 that are money (not metals, funds units
 * or test codes), in code order, with their minor units. */
static const struct {
	const char *code;
	int decimals;
} currencies[] = {
	{ "AED", 2 }, { "AFN", 2 }, { "ALL", 2 }, { "AMD", 2 }, { "AOA", 2 },
	{ "ARS", 2 }, { "AUD", 2 }, { "AWG", 2 }, { "AZN", 2 }, { "BAM", 2 },
	{ "BBD", 2 }, { "BDT", 2 }, { "BGN", 2 }, { "BHD", 3 }, { "BIF", 0 },
	{ "BMD", 2 }, { "BND", 2 }, { "BOB", 2 }, { "BOV", 2 }, { "BRL", 2 },
	{ "BSD", 2 }, { "BTN", 2 }, { "BWP", 2 }, { "BYN", 2 }, { "BZD", 2 },
	{ "CAD", 2 }, { "CDF", 2 }, { "CHE", 2 }, { "CHF", 2 }, { "CHW", 2 },
	{ "CLF", 4 }, { "CLP", 0 }, { "CNY", 2 }, { "COP", 2 }, { "COU", 2 },
	{ "CRC", 2 }, { "CUP", 2 }, { "CVE", 2 }, { "CZK", 2 }, { "DJF", 0 },
	{ "DKK", 2 }, { "DOP", 2 }, { "DZD", 2 }, { "EGP", 2 }, { "ERN", 2 },
	{ "ETB", 2 }, { "EUR", 2 }, { "FJD", 2 }, { "FKP", 2 }, { "GBP", 2 },
	{ "GEL", 2 }, { "GHS", 2 }, { "GIP", 2 }, { "GMD", 2 }, { "GNF", 0 },
	{ "GTQ", 2 }, { "GYD", 2 }, { "HKD", 2 }, { "HNL", 2 }, { "HTG", 2 },
	{ "HUF", 2 }, { "IDR", 2 }, { "ILS", 2 }, { "INR", 2 }, { "IQD", 3 },
	{ "IRR", 2 }, { "ISK", 0 }, { "JMD", 2 }, { "JOD", 3 }, { "JPY", 0 },
	{ "KES", 2 }, { "KGS", 2 }, { "KHR", 2 }, { "KMF", 0 }, { "KPW", 2 },
	{ "KRW", 0 }, { "KWD", 3 }, { "KYD", 2 }, { "KZT", 2 }, { "LAK", 2 },
	{ "LBP", 2 }, { "LKR", 2 }, { "LRD", 2 }, { "LSL", 2 }, { "LYD", 3 },
	{ "MAD", 2 }, { "MDL", 2 }, { "MGA", 2 }, { "MKD", 2 }, { "MMK", 2 },
	{ "MNT", 2 }, { "MOP", 2 }, { "MRU", 2 }, { "MUR", 2 }, { "MVR", 2 },
	{ "MWK", 2 }, { "MXN", 2 }, { "MXV", 2 }, { "MYR", 2 }, { "MZN", 2 },
	{ "NAD", 2 }, { "NGN", 2 }, { "NIO", 2 }, { "NOK", 2 }, { "NPR", 2 },
	{ "NZD", 2 }, { "OMR", 3 }, { "PAB", 2 }, { "PEN", 2 }, { "PGK", 2 },
	{ "PHP", 2 }, { "PKR", 2 }, { "PLN", 2 }, { "PYG", 0 }, { "QAR", 2 },
	{ "RON", 2 }, { "RSD", 2 }, { "RUB", 2 }, { "RWF", 0 }, { "SAR", 2 },
	{ "SBD", 2 }, { "SCR", 2 }, { "SDG", 2 }, { "SEK", 2 }, { "SGD", 2 },
	{ "SHP", 2 }, { "SLE", 2 }, { "SOS", 2 }, { "SRD", 2 }, { "SSP", 2 },
	{ "STN", 2 }, { "SVC", 2 }, { "SYP", 2 }, { "SZL", 2 }, { "THB", 2 },
	{ "TJS", 2 }, { "TMT", 2 }, { "TND", 3 }, { "TOP", 2 }, { "TRY", 2 },
	{ "TTD", 2 }, { "TWD", 2 }, { "TZS", 2 }, { "UAH", 2 }, { "UGX", 0 },
	{ "USD", 2 }, { "USN", 2 }, { "UYI", 0 }, { "UYU", 2 }, { "UYW", 4 },
	{ "UZS", 2 }, { "VED", 2 }, { "VES", 2 }, { "VND", 0 }, { "VUV", 0 },
	{ "WST", 2 }, { "XAF", 0 }, { "XCD", 2 }, { "XCG", 2 }, { "XDR", 2 },
	{ "XOF", 0 }, { "XPF", 0 }, { "YER", 2 }, { "ZAR", 2 }, { "ZMW", 2 },
	{ "ZWG", 2 },
};

int
seci_currency_decimals(const char *code)
{
	size_t i, lo, hi;

	if (code == NULL || strlen(code) != 3)
		return -1;
	for (i = 0; i < 3; i++)
		if (code[i] < 'A' || code[i] > 'Z')
			return -1;
	/* A binary search, since imports ask once or twice per row. */
	for (lo = 0, hi = sizeof(currencies) / sizeof(currencies[0]);
	    lo < hi;) {
		size_t mid = lo + (hi - lo) / 2;
		int c = memcmp(code, currencies[mid].code, 3);

		if (c == 0)
			return currencies[mid].decimals;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

/* Length of a thousands separator at s, or 0. */
static size_t
group_sep_len(const char *s, char decimal_mark)
{
	const unsigned char *u = (const unsigned char *)s;

	if (*s == ' ' || *s == '\'')
		return 1;
	if ((*s == ',' || *s == '.') && *s != decimal_mark)
		return 1;
	if (u[0] == 0xc2 && u[1] == 0xa0)		/* U+00A0 */
		return 2;
	if (u[0] == 0xe2 && u[1] == 0x80 && u[2] == 0xaf)	/* U+202F */
		return 3;
	return 0;
}

static int
bad(struct seci_err *err, const char *s, const char *why)
{
	return seci_err_set(err, SECI_EXIT_DATA, "bad amount '%.40s': %s",
	    s, why);
}

/* The number itself; seci_money_parse adds the bound of real amounts. */
static int
parse(const char *s, int decimals, char decimal_mark, seci_money *out,
    struct seci_err *err)
{
	const char *p = s, *end, *sep = NULL;
	uint64_t mag = 0, limit;
	int neg = 0, ndigits = 0, ngroup = 0, grouped = 0, nfrac = 0;
	size_t sl, seplen = 0;

	if (s == NULL)
		return bad(err, "", "empty");
	while (*p == ' ' || *p == '\t')
		p++;
	end = p + strlen(p);
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	if (p == end)
		return bad(err, s, "empty");
	if (*p == '-' || *p == '+') {
		neg = *p == '-';
		p++;
	}
	limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;

	/* Integer part, with optional thousands separators. */
	while (p < end) {
		if (isdigit((unsigned char)*p)) {
			if (mag > (UINT64_MAX - 9) / 10)
				return bad(err, s, "too large");
			mag = mag * 10 + (uint64_t)(*p - '0');
			ndigits++;
			ngroup++;
			p++;
		} else if (*p == decimal_mark) {
			break;
		} else if (ndigits > 0 && (sl = group_sep_len(p,
		    decimal_mark)) > 0) {
			if ((grouped && ngroup != 3) || ngroup > 3)
				return bad(err, s, "misplaced thousands "
				    "separator");
			/* One kind of separator: "1,234 567" is no number. */
			if (sep && (sl != seplen || memcmp(sep, p, sl) != 0))
				return bad(err, s, "mixed thousands "
				    "separators");
			sep = p;
			seplen = sl;
			grouped = 1;
			ngroup = 0;
			p += sl;
		} else {
			return bad(err, s, ndigits > 0 && (*p == 'e' ||
			    *p == 'E') && p + 1 < end && (isdigit((unsigned
			    char)p[1]) || p[1] == '+' || p[1] == '-') ?
			    "exponents are not amounts" : ndigits > 0 &&
			    (*p == ' ' || isalpha((unsigned char)*p)) ?
			    "text after the number (a currency goes in its "
			    "own column)" : "not a number");
		}
	}
	if (grouped && ngroup != 3)
		return bad(err, s, ngroup == 0 ? "ends in a separator" :
		    "misplaced thousands separator");
	if (ndigits == 0)
		return bad(err, s, p == end ? "no digits" :
		    "no digits before the decimal mark");

	/* Fraction. */
	if (p < end && *p == decimal_mark) {
		p++;
		if (p == end)
			return bad(err, s, "no digits after the decimal mark");
		while (p < end) {
			if (!isdigit((unsigned char)*p))
				return bad(err, s, *p == 'e' || *p == 'E' ?
				    "exponents are not amounts" :
				    "not a number");
			if (nfrac == decimals) {
				char why[64];

				snprintf(why, sizeof(why), "more than %d "
				    "decimal place%s", decimals,
				    decimals == 1 ? "" : "s");
				return bad(err, s, why);
			}
			if (mag > (UINT64_MAX - 9) / 10)
				return bad(err, s, "too large");
			mag = mag * 10 + (uint64_t)(*p - '0');
			nfrac++;
			p++;
		}
	}
	for (; nfrac < decimals; nfrac++) {
		if (mag > UINT64_MAX / 10)
			return bad(err, s, "too large");
		mag *= 10;
	}
	if (mag > limit)
		return bad(err, s, "too large");
	*out = neg ? (seci_money)(0 - mag) : (seci_money)mag;
	return 0;
}

static int
bounded(const char *s, int decimals, seci_money v, seci_money *out,
    struct seci_err *err)
{
	char lim[SECI_MONEY_BUFSZ], why[SECI_MONEY_BUFSZ + 32];

	if (v >= SECI_MONEY_MAX || v <= -SECI_MONEY_MAX) {
		seci_money_format(SECI_MONEY_MAX - 1, decimals, 0, lim);
		snprintf(why, sizeof(why), "too large (the limit is %s)", lim);
		return bad(err, s, why);
	}
	*out = v;
	return 0;
}

int
seci_decimal_parse(const char *s, int decimals, char decimal_mark,
    int64_t *out, struct seci_err *err)
{
	return parse(s, decimals, decimal_mark, out, err);
}

int
seci_money_parse(const char *s, int decimals, char decimal_mark,
    seci_money *out, struct seci_err *err)
{
	seci_money v;

	if (parse(s, decimals, decimal_mark, &v, err) < 0)
		return -1;
	return bounded(s, decimals, v, out, err);
}

int
seci_money_parse_lenient(const char *s, int decimals, seci_money *out,
    struct seci_err *err)
{
	seci_money wide;
	int64_t scale = 1;
	int i;

	if (decimals >= 6)
		return seci_money_parse(s, decimals, '.', out, err);
	for (i = decimals; i < 6; i++)
		scale *= 10;
	if (parse(s, 6, '.', &wide, err) < 0)
		return -1;
	if (wide % scale != 0)
		return seci_err_set(err, SECI_EXIT_DATA, "bad amount '%.40s': "
		    "more than %d decimal place%s", s, decimals,
		    decimals == 1 ? "" : "s");
	return bounded(s, decimals, wide / scale, out, err);
}

char *
seci_money_format(seci_money v, int decimals, char group, char *buf)
{
	char tmp[SECI_MONEY_BUFSZ];
	uint64_t mag = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	int n = 0, i;
	char *p = buf;

	/* Digits, least significant first. */
	do {
		tmp[n++] = (char)('0' + mag % 10);
		mag /= 10;
	} while (mag > 0 || n <= decimals);
	if (v < 0)
		*p++ = '-';
	for (i = n - 1; i >= decimals; i--) {
		*p++ = tmp[i];
		if (group && i > decimals && (i - decimals) % 3 == 0)
			*p++ = group;
	}
	if (decimals > 0) {
		*p++ = '.';
		for (i = decimals - 1; i >= 0; i--)
			*p++ = tmp[i];
	}
	*p = '\0';
	return buf;
}

int
seci_money_add(seci_money a, seci_money b, seci_money *out,
    struct seci_err *err)
{
	if (__builtin_add_overflow(a, b, out))
		return seci_err_set(err, SECI_EXIT_DATA, "amount overflow");
	return 0;
}

int
seci_money_sub(seci_money a, seci_money b, seci_money *out,
    struct seci_err *err)
{
	if (__builtin_sub_overflow(a, b, out))
		return seci_err_set(err, SECI_EXIT_DATA, "amount overflow");
	return 0;
}

struct remainder {
	unsigned __int128 rem;
	size_t idx;
};

static int
cmp_remainder(const void *a, const void *b)
{
	const struct remainder *x = a, *y = b;

	if (x->rem != y->rem)
		return x->rem > y->rem ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

int
seci_money_split(seci_money total, const int64_t *weights, size_t n,
    seci_money *shares, struct seci_err *err)
{
	unsigned __int128 wsum = 0, q;
	struct remainder *r;
	seci_money given = 0, left;
	size_t i;

	if (total < 0)
		return seci_err_set(err, SECI_EXIT_DATA,
		    "cannot split a negative total");
	for (i = 0; i < n; i++) {
		if (weights[i] < 0)
			return seci_err_set(err, SECI_EXIT_DATA,
			    "negative weight");
		wsum += (unsigned __int128)weights[i];
	}
	if (n == 0 || wsum == 0)
		return seci_err_set(err, SECI_EXIT_DATA,
		    "nothing to split over");
	if ((r = calloc(n, sizeof(*r))) == NULL)
		return seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
	for (i = 0; i < n; i++) {
		q = (unsigned __int128)total * (unsigned __int128)weights[i];
		shares[i] = (seci_money)(q / wsum);
		r[i].rem = q % wsum;
		r[i].idx = i;
		given += shares[i];
	}
	/* Fewer than n units are left: each floor lost less than one. */
	left = total - given;
	qsort(r, n, sizeof(*r), cmp_remainder);
	for (i = 0; left > 0; i++, left--)
		shares[r[i].idx]++;
	free(r);
	return 0;
}

int64_t
seci_money_pct10(seci_money part, seci_money whole)
{
	__int128 num, q;

	if (whole == 0)
		return 0;
	num = (__int128)part * 1000;
	q = num / whole;
	/* Round half away from zero on the remainder. */
	if (2 * (num % whole < 0 ? -(num % whole) : num % whole) >=
	    (whole < 0 ? -(__int128)whole : (__int128)whole))
		q += ((num < 0) != (whole < 0)) ? -1 : 1;
	return (int64_t)q;
}
