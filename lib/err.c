/* err.c - error records and reports. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "err.h"

int
seci_err_setv(struct seci_err *err, int code, const char *fmt, va_list ap)
{
	if (err == NULL)
		return -1;
	err->code = code;
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	return -1;
}

int
seci_err_set(struct seci_err *err, int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	seci_err_setv(err, code, fmt, ap);
	va_end(ap);
	return -1;
}

int
seci_err_prefix(struct seci_err *err, int code, const char *fmt, ...)
{
	char prefix[256], old[sizeof(err->msg)];
	va_list ap;

	if (err == NULL)
		return -1;
	va_start(ap, fmt);
	vsnprintf(prefix, sizeof(prefix), fmt, ap);
	va_end(ap);
	memcpy(old, err->msg, sizeof(old));
	if (snprintf(err->msg, sizeof(err->msg), "%s: %s", prefix, old) < 0)
		err->msg[0] = '\0';
	if (code)
		err->code = code;
	return -1;
}

int
seci_err_report(struct seci_err *err, enum seci_level level,
    const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	if (err == NULL)
		return level == SECI_ERROR ? -1 : 0;
	if (level == SECI_ERROR)
		err->nerrors++;
	else
		err->nwarnings++;
	if (err->report != NULL) {
		va_start(ap, fmt);
		vsnprintf(buf, sizeof(buf), fmt, ap);
		va_end(ap);
		err->report(err->report_arg, level, buf);
	}
	return level == SECI_ERROR ? -1 : 0;
}

void
seci_err_clear(struct seci_err *err)
{
	err->code = 0;
	err->msg[0] = '\0';
}
