/* Unit tests: lib/money.c */
#include "config.h"

#include "seci.h"
#include "tap.h"

static seci_money
parse2(const char *s, int *rc)
{
	struct seci_err err = SECI_ERR_INIT;
	seci_money v = 0;

	*rc = seci_money_parse(s, 2, '.', &v, &err);
	return v;
}

static void
test_money__parse_good(void)
{
	int rc;

	is_int(parse2("1234.56", &rc), 123456, "1234.56 is 123456 cents");
	is_int(parse2("-0.01", &rc), -1, "-0.01 is -1 cent");
	is_int(parse2("-12.5", &rc), -1250, "-12.5 is -1250 cents");
	is_int(parse2("+3", &rc), 300, "+3 is 300 cents");
	is_int(parse2("  7.00 ", &rc), 700, "blanks around are ignored");
	is_int(parse2("1,234,567.89", &rc), 123456789,
	    "comma thousands groups with a '.' decimal mark");
	/* The bound is 10^15 minor units: 9 999 999 999 999.99 passes. */
	is_int(parse2("9999999999999.99", &rc), INT64_C(999999999999999),
	    "largest amount");
	is_int(parse2("-9,999,999,999,999.99", &rc),
	    -INT64_C(999999999999999), "smallest amount");
}

static void
test_money__parse_rejects(void)
{
	static const char *const bad[] = { "12.345", "1e9", "1E9", "1,5", "",
	    "   ", "92233720368547758.08", "9223372036854775807",
	    "10000000000000.00", "-10000000000000", "92233720368547758.07",
	    "12.",
	    ".5", "12a", "--1", "1 23", "1,23,456", "0x10", "NaN", "1.2.3",
	    "12,345.6.7", "1,234,", "-", "1,234 567", "1 234'567.00", NULL };
	struct seci_err err = SECI_ERR_INIT;
	seci_money v;
	int i;

	for (i = 0; bad[i]; i++) {
		err.code = 0;
		ok(seci_money_parse(bad[i], 2, '.', &v, &err) == -1 &&
		    err.code == SECI_EXIT_DATA, "'%s' is refused", bad[i]);
	}
	err.code = 0;
	seci_money_parse("12.345", 2, '.', &v, &err);
	ok(strstr(err.msg, "12.345") && strstr(err.msg, "more than 2"),
	    "message names the text and the decimals: %s", err.msg);
	ok(seci_money_parse(NULL, 2, '.', &v, &err) == -1, "NULL refused");
	seci_money_parse("10000000000000", 2, '.', &v, &err);
	ok(strstr(err.msg, "limit is 9999999999999.99") != NULL,
	    "the bound is named: %s", err.msg);
	/* Each says what is wrong. */
	seci_money_parse("10 EUR", 2, '.', &v, &err);
	ok(strstr(err.msg, "text after the number") != NULL,
	    "a currency after it is not called an exponent: %s", err.msg);
	seci_money_parse("1e9", 2, '.', &v, &err);
	ok(strstr(err.msg, "exponents are not amounts") != NULL,
	    "an exponent is: %s", err.msg);
	seci_money_parse("-", 2, '.', &v, &err);
	ok(strstr(err.msg, "'-': no digits") != NULL &&
	    strstr(err.msg, "decimal mark") == NULL, "a lone sign has no "
	    "digits, no decimal mark: %s", err.msg);
	err.code = 0;
	ok(seci_money_parse_lenient("10000000000000", 2, &v, &err) == -1 &&
	    err.code == SECI_EXIT_DATA, "configured amounts have the bound");
}

static void
test_money__parse_decimal_comma(void)
{
	struct seci_err err = SECI_ERR_INIT;
	seci_money v = 0;

	ok(seci_money_parse("1 234,56", 2, ',', &v, &err) == 0 &&
	    v == 123456, "'1 234,56' with decimal ','");
	ok(seci_money_parse("1.234,56", 2, ',', &v, &err) == 0 &&
	    v == 123456, "'1.234,56' with decimal ','");
	ok(seci_money_parse("1\xc2\xa0" "234,5", 2, ',', &v, &err) == 0 &&
	    v == 123450, "no-break space thousands separator");
	ok(seci_money_parse("1234.56", 2, ',', &v, &err) == -1,
	    "'1234.56' refused when the decimal mark is ','");
	ok(seci_money_parse("5", 0, '.', &v, &err) == 0 && v == 5,
	    "no decimals (JPY)");
	ok(seci_money_parse("5.5", 0, '.', &v, &err) == -1,
	    "decimals refused for JPY");
	ok(seci_money_parse("1.005", 3, '.', &v, &err) == 0 && v == 1005,
	    "three decimals (KWD)");
}

static void
test_money__format(void)
{
	char buf[SECI_MONEY_BUFSZ];

	is_str(seci_money_format(123456, 2, 0, buf), "1234.56", "plain");
	is_str(seci_money_format(-1, 2, 0, buf), "-0.01", "minus a cent");
	is_str(seci_money_format(0, 2, 0, buf), "0.00", "zero");
	is_str(seci_money_format(100000000, 2, ',', buf), "1,000,000.00",
	    "grouped");
	is_str(seci_money_format(-12345678, 2, ',', buf), "-123,456.78",
	    "grouped negative");
	is_str(seci_money_format(INT64_MIN, 2, 0, buf),
	    "-92233720368547758.08", "INT64_MIN");
	is_str(seci_money_format(5, 0, 0, buf), "5", "no decimals");
	is_str(seci_money_format(7, 3, 0, buf), "0.007", "three decimals");
}

static void
test_money__roundtrip(void)
{
	char buf[SECI_MONEY_BUFSZ];
	struct seci_err err = SECI_ERR_INIT;
	seci_money v, back;
	int i, good = 1;

	srand(7);
	for (i = 0; i < 10000 && good; i++) {
		v = (((int64_t)rand() << 31 | rand()) % SECI_MONEY_MAX) *
		    (rand() % 2 ? 1 : -1);
		seci_money_format(v, 2, i % 2 ? ',' : 0, buf);
		good = seci_money_parse(buf, 2, '.', &back, &err) == 0 &&
		    back == v;
	}
	ok(good, "format then parse gives the same amount, 10000 cases");
}

static void
test_money__overflow(void)
{
	struct seci_err err = SECI_ERR_INIT;
	seci_money v;

	ok(seci_money_add(INT64_MAX, 1, &v, &err) == -1, "add overflows");
	ok(seci_money_sub(INT64_MIN, 1, &v, &err) == -1, "sub overflows");
	ok(seci_money_add(-5, 7, &v, &err) == 0 && v == 2, "add");
}

static void
test_money__split(void)
{
	struct seci_err err = SECI_ERR_INIT;
	int64_t w[13], key[3] = { 3333, 3333, 3334 };
	seci_money s[13], sum;
	int i, n9 = 0, n7 = 0;

	for (i = 0; i < 13; i++)
		w[i] = 1;
	ok(seci_money_split(100000000, w, 13, s, &err) == 0, "split");
	/* 1,000,000.00 / 13 = 76,923.0769...: 12 * 7,692,307 = 99,999,991
	 * cents are given by the floors, 9 left over: the first nine by
	 * code get 76,923.08, the last four 76,923.07. */
	for (i = 0, sum = 0; i < 13; i++) {
		sum += s[i];
		n9 += s[i] == 7692308;
		n7 += s[i] == 7692307;
	}
	is_int(sum, 100000000, "13 equal shares add up to 1,000,000.00");
	is_int(n9, 9, "nine shares of 76,923.08");
	is_int(n7, 4, "four shares of 76,923.07");
	ok(s[0] == 7692308 && s[8] == 7692308 && s[9] == 7692307,
	    "ties go to the lower index (party code order)");

	/* 100.00 by 33.33/33.33/33.34 %: 3333, 3333, 3334 exactly. */
	ok(seci_money_split(10000, key, 3, s, &err) == 0 && s[0] == 3333 &&
	    s[1] == 3333 && s[2] == 3334, "percentage key");
	/* 0.10 over 3 equal: 3, 3, 3 floors + 1 to the first. */
	for (i = 0; i < 3; i++)
		w[i] = 1;
	ok(seci_money_split(10, w, 3, s, &err) == 0 && s[0] == 4 &&
	    s[1] == 3 && s[2] == 3, "0.10 over three: 0.04, 0.03, 0.03");
	ok(seci_money_split(-1, w, 3, s, &err) == -1, "negative total");
	w[0] = w[1] = w[2] = 0;
	ok(seci_money_split(10, w, 3, s, &err) == -1, "all weights zero");
}

static void
test_money__split_random(void)
{
	struct seci_err err = SECI_ERR_INIT;
	int64_t w[40];
	seci_money s[40], sum, total;
	int c, i, n, exact = 1, fair = 1;

	srand(42);
	for (c = 0; c < 10000; c++) {
		n = 1 + rand() % 40;
		total = ((int64_t)rand() << 20) + rand();
		for (i = 0; i < n; i++)
			w[i] = rand() % 100000;
		w[rand() % n] += 1;
		if (seci_money_split(total, w, (size_t)n, s, &err) < 0) {
			exact = 0;
			break;
		}
		__int128 wsum = 0;

		for (i = 0; i < n; i++)
			wsum += w[i];
		for (i = 0, sum = 0; i < n; i++) {
			__int128 exactq = (__int128)total * w[i];

			sum += s[i];
			/* each share is the floor or the floor + 1 */
			if ((__int128)s[i] * wsum > exactq + wsum ||
			    ((__int128)s[i] + 1) * wsum <= exactq)
				fair = 0;
		}
		if (sum != total)
			exact = 0;
	}
	ok(exact, "10000 random splits add up exactly");
	ok(fair, "every share within one unit of its exact quota");
}

static void
test_money__pct(void)
{
	is_int(seci_money_pct10(425, 1000), 425, "42.5%%");
	is_int(seci_money_pct10(1, 3), 333, "33.3%%");
	is_int(seci_money_pct10(2, 3), 667, "66.7%% rounds half up");
	is_int(seci_money_pct10(1, 0), 0, "0 when the whole is 0");
	is_int(seci_money_pct10(-1, 3), -333, "negative");
}

static void
test_money__lenient(void)
{
	struct seci_err err = SECI_ERR_INIT;
	seci_money v = 0;

	ok(seci_money_parse_lenient("5000.00", 0, &v, &err) == 0 && v == 5000,
	    "5000.00 for a currency without decimals: 5000");
	ok(seci_money_parse_lenient("5000.50", 0, &v, &err) == -1,
	    "5000.50 is still refused there");
	ok(seci_money_parse_lenient("12.3", 2, &v, &err) == 0 && v == 1230,
	    "12.3 with 2 decimals");
}

static void
test_money__currency(void)
{
	is_int(seci_currency_decimals("EUR"), 2, "EUR has 2 decimals");
	is_int(seci_currency_decimals("JPY"), 0, "JPY has none");
	is_int(seci_currency_decimals("KWD"), 3, "KWD has 3");
	is_int(seci_currency_decimals("BHD"), 3, "BHD has 3");
	is_int(seci_currency_decimals("AED"), 2, "AED, first of the table");
	is_int(seci_currency_decimals("ZWG"), 2, "ZWG, last of the table");
	is_int(seci_currency_decimals("CLF"), 4, "CLF has 4");
	is_int(seci_currency_decimals("UYI"), 0, "UYI has none");
	is_int(seci_currency_decimals("AAA"), -1, "before the table: none");
	is_int(seci_currency_decimals("ZZZ"), -1, "after the table: none");
	is_int(seci_currency_decimals("ABC"), -1, "ABC is no currency");
	is_int(seci_currency_decimals("HRK"), -1, "the kuna is withdrawn");
	is_int(seci_currency_decimals("XAU"), -1, "gold is not money here");
	is_int(seci_currency_decimals("eur"), -1, "lower case refused");
	is_int(seci_currency_decimals("EURO"), -1, "four letters refused");
}

int
main(void)
{
	test_money__parse_good();
	test_money__parse_rejects();
	test_money__parse_decimal_comma();
	test_money__format();
	test_money__roundtrip();
	test_money__overflow();
	test_money__split();
	test_money__split_random();
	test_money__pct();
	test_money__lenient();
	test_money__currency();
	return done_testing();
}
