/* date.c - strict calendar dates. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "date.h"

static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
seci_date_days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (m < 1 || m > 12)
		return 0;
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

int
seci_date_valid(int y, int m, int d)
{
	return y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= seci_date_days_in_month(y, m);
}

/* Days from civil, after the well-known era-based algorithm. */
seci_day
seci_date_from_ymd(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (seci_day)(era * 146097 + doe - 719468);
}

void
seci_date_ymd(seci_day day, int *y, int *m, int *d)
{
	int z = day + 719468, era, doe, yoe, doy, mp;

	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

static int
digits(const char **p, int min, int max, int *out)
{
	int n = 0, v = 0;

	while (n < max && isdigit((unsigned char)**p)) {
		v = v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	if (n < min)
		return -1;
	*out = v;
	return 0;
}

int
seci_date_parse(const char *s, const char *fmt, seci_day *out,
    struct seci_err *err)
{
	const char *base = fmt ? fmt : "%Y-%m-%d", *p = s, *f = base;
	int y = -1, m = -1, d = -1, ok = 1, adjacent = 0;

	if (s == NULL || *s == '\0')
		return seci_err_set(err, SECI_EXIT_DATA, "empty date");
	for (; *f && ok; f++) {
		if (*f != '%') {
			ok = *p == *f;
			p += ok;
			adjacent = 0;
			continue;
		}
		/* Two conversions with no separator between them. */
		adjacent = f - base >= 2 && f[-2] == '%';
		switch (*++f) {
		case 'Y':
			ok = digits(&p, 4, 4, &y) == 0;
			break;
		case 'y':
			ok = digits(&p, 2, 2, &y) == 0;
			y += 2000;
			break;
		case 'm':
			/* One digit only where a separator follows: in
			 * %Y%m%d, 2024112 must not read as 2024-11-02. */
			ok = digits(&p, fmt && f[1] != '%' && !adjacent ? 1 :
			    2, 2, &m) == 0;
			break;
		case 'd':
		case 'e':
			ok = digits(&p, fmt && f[1] != '%' && !adjacent ? 1 :
			    2, 2, &d) == 0;
			break;
		case '%':
			ok = *p == '%';
			p += ok;
			break;
		default:
			return seci_err_set(err, SECI_EXIT_CONFIG,
			    "date format '%s': unsupported conversion", fmt);
		}
	}
	if (!ok || *p != '\0' || y < 0 || m < 0 || d < 0)
		return seci_err_set(err, SECI_EXIT_DATA,
		    "bad date '%.40s': expected %s", s,
		    fmt ? fmt : "YYYY-MM-DD");
	if (y < 1900)
		return seci_err_set(err, SECI_EXIT_DATA,
		    "bad date '%.40s': years before 1900 are not accepted", s);
	if (!seci_date_valid(y, m, d))
		return seci_err_set(err, SECI_EXIT_DATA,
		    "bad date '%.40s': no such day", s);
	*out = seci_date_from_ymd(y, m, d);
	return 0;
}

int
seci_date_format_valid(const char *fmt)
{
	int y = 0, m = 0, d = 0;

	for (; *fmt; fmt++) {
		if (*fmt != '%')
			continue;
		switch (*++fmt) {
		case 'Y': case 'y': y++; break;
		case 'm': m++; break;
		case 'd': case 'e': d++; break;
		case '%': break;
		default: return 0;
		}
	}
	return y == 1 && m == 1 && d == 1;
}

char *
seci_date_format(seci_day day, char *buf)
{
	int y, m, d;

	/* By hand, not snprintf: imports format a date per row. */
	seci_date_ymd(day, &y, &m, &d);
	buf[0] = (char)('0' + y / 1000 % 10);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + d / 10);
	buf[9] = (char)('0' + d % 10);
	buf[10] = '\0';
	return buf;
}

seci_day
seci_date_add_months(seci_day day, int n)
{
	int y, m, d, dim, months;

	seci_date_ymd(day, &y, &m, &d);
	months = y * 12 + (m - 1) + n;
	y = months / 12;
	m = months % 12 + 1;
	dim = seci_date_days_in_month(y, m);
	return seci_date_from_ymd(y, m, d > dim ? dim : d);
}
