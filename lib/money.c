/* money.c - exact parsing, formatting and splitting of amounts. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "money.h"

static const struct {
	const char *code;
	int decimals;
} currency_exceptions[] = {
	{ "BHD", 3 }, { "BIF", 0 }, { "CLF", 4 }, { "CLP", 0 }, { "DJF", 0 },
	{ "GNF", 0 }, { "IQD", 3 }, { "ISK", 0 }, { "JOD", 3 }, { "JPY", 0 },
	{ "KMF", 0 }, { "KRW", 0 }, { "KWD", 3 }, { "LYD", 3 }, { "OMR", 3 },
	{ "PYG", 0 }, { "RWF", 0 }, { "TND", 3 }, { "UGX", 0 }, { "UYI", 0 },
	{ "VND", 0 }, { "VUV", 0 }, { "XAF", 0 }, { "XOF", 0 }, { "XPF", 0 },
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
	/* The table is in code order: a binary search, since imports ask
	 * once or twice per row. */
	for (lo = 0, hi = sizeof(currency_exceptions) /
	    sizeof(currency_exceptions[0]); lo < hi;) {
		size_t mid = lo + (hi - lo) / 2;
		int c = memcmp(code, currency_exceptions[mid].code, 3);

		if (c == 0)
			return currency_exceptions[mid].decimals;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 2;
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
			return bad(err, s, *p == 'e' || *p == 'E' ?
			    "exponents are not amounts" : "not a number");
		}
	}
	if (grouped && ngroup != 3)
		return bad(err, s, ngroup == 0 ? "ends in a separator" :
		    "misplaced thousands separator");
	if (ndigits == 0)
		return bad(err, s, "no digits before the decimal mark");

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
