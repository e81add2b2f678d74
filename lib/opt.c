/* opt.c - typed option tables. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opt.h"

struct argp_option *
seci_opt_argp(const struct seci_opt *opts, int base)
{
	struct argp_option *a;
	size_t n = 0, i;

	while (opts && opts[n].name)
		n++;
	if ((a = calloc(n + 1, sizeof(*a))) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		a[i].name = opts[i].name;
		a[i].key = base + (int)i;
		a[i].arg = opts[i].type == SECI_OPT_FLAG ? NULL : opts[i].arg;
		a[i].doc = opts[i].doc;
	}
	return a;
}

error_t
seci_opt_store(const struct seci_opt *opts, int base, int key, char *arg,
    struct argp_state *state)
{
	struct seci_val *v;
	size_t i;

	for (i = 0; opts && opts[i].name; i++)
		if (base + (int)i == key)
			break;
	if (opts == NULL || opts[i].name == NULL)
		return ARGP_ERR_UNKNOWN;
	v = opts[i].val;
	if (opts[i].type == SECI_OPT_LIST) {
		if (v->nlist == SECI_OPT_LIST_MAX) {
			argp_error(state, "at most %d --%s", SECI_OPT_LIST_MAX,
			    opts[i].name);
			return EINVAL;	/* under ARGP_NO_EXIT */
		}
		v->list[v->nlist++] = arg;
		if (v->text == NULL)
			v->text = arg;
	} else {
		v->text = opts[i].type == SECI_OPT_FLAG ? "" : arg;
	}
	v->given = 1;
	return 0;
}

/* Append o's values to err's message: "a, b or c". */
static int
enum_list(const struct seci_opt *o, struct seci_err *err)
{
	size_t k, len = strlen(err->msg);

	for (k = 0; o->values[k] && len < sizeof(err->msg); k++)
		len += (size_t)snprintf(err->msg + len, sizeof(err->msg) - len,
		    "%s%s", k == 0 ? "" : o->values[k + 1] ? ", " : " or ",
		    o->values[k]);
	return -1;
}

static int
convert(const struct seci_opt *o, int decimals, struct seci_err *err)
{
	struct seci_val *v = o->val;
	char *end;
	size_t k;

	switch (o->type) {
	case SECI_OPT_MONEY:
		if (seci_money_parse(v->text, decimals, '.', &v->money,
		    err) < 0)
			return seci_err_prefix(err, SECI_EXIT_USAGE, "--%s",
			    o->name);
		return 0;
	case SECI_OPT_DATE:
		if (seci_date_parse(v->text, NULL, &v->date, err) < 0)
			return seci_err_prefix(err, SECI_EXIT_USAGE, "--%s",
			    o->name);
		return 0;
	case SECI_OPT_INT:
		errno = 0;
		v->num = strtol(v->text, &end, 10);
		if (*end || end == v->text || errno)
			return seci_err_set(err, SECI_EXIT_USAGE, "--%s: '%s' "
			    "is not a whole number", o->name, v->text);
		return 0;
	case SECI_OPT_ENUM:
		for (k = 0; o->values[k]; k++)
			if (strcmp(o->values[k], v->text) == 0) {
				v->num = (long)k;
				return 0;
			}
		seci_err_set(err, SECI_EXIT_USAGE, "--%s: '%s' is not one of ",
		    o->name, v->text);
		return enum_list(o, err);
	default:
		return 0;
	}
}

/* A date of record more than a year after as_of is most likely a typo
 * (2031 for 2021): it needs the table's --force. */
static int
far_date(const struct seci_opt *opts, const struct seci_opt *o,
    seci_day as_of, struct seci_err *err)
{
	char a[SECI_DATE_BUFSZ];
	size_t i;

	if (o->type != SECI_OPT_DATE || !(o->flags & SECI_OPT_RECORD) ||
	    !o->val->given || o->val->date <= seci_date_add_months(as_of, 12))
		return 0;
	for (i = 0; opts[i].name; i++)
		if (strcmp(opts[i].name, "force") == 0 && opts[i].val->given)
			return 0;
	return seci_err_set(err, SECI_EXIT_DATA, "--%s %s is more than a year "
	    "after --as-of (%s); give --force if it is right", o->name,
	    o->val->text, seci_date_format(as_of, a));
}

int
seci_opt_finish(const struct seci_opt *opts, const char *cmd, int decimals,
    seci_day as_of, struct seci_err *err)
{
	size_t i;

	for (i = 0; opts && opts[i].name; i++) {
		struct seci_val *v = opts[i].val;

		if (!v->given && (opts[i].flags & SECI_OPT_REQUIRED))
			return seci_err_set(err, SECI_EXIT_USAGE, "%s: --%s is "
			    "required", cmd, opts[i].name);
		if (!v->given && opts[i].type == SECI_OPT_DATE &&
		    (opts[i].flags & SECI_OPT_ASOF))
			v->date = as_of;
		if (v->given && (convert(&opts[i], decimals, err) < 0 ||
		    far_date(opts, &opts[i], as_of, err) < 0))
			return -1;
		if (v->given && (opts[i].flags & SECI_OPT_NONNEG) &&
		    (opts[i].type == SECI_OPT_MONEY ? v->money < 0 : v->num < 0))
			return seci_err_set(err, SECI_EXIT_USAGE, "--%s: '%s' is "
			    "negative", opts[i].name, v->text);
	}
	return 0;
}

seci_day
seci_opt_record_date(const struct seci_opt *opts, seci_day as_of)
{
	size_t i;

	for (i = 0; opts && opts[i].name; i++)
		if ((opts[i].flags & SECI_OPT_RECORD) && (opts[i].val->given ||
		    (opts[i].flags & SECI_OPT_ASOF)))
			return opts[i].val->date;
	return as_of;
}

int
seci_opt_flagged(const struct seci_opt *opts, const char *arg,
    unsigned flag, int *inline_value)
{
	size_t i, n;
	const char *eq;

	if (strncmp(arg, "--", 2) != 0 || arg[2] == '\0')
		return 0;
	arg += 2;
	eq = strchr(arg, '=');
	n = eq ? (size_t)(eq - arg) : strlen(arg);
	/* argp takes any unambiguous abbreviation. */
	for (i = 0; opts && opts[i].name; i++)
		if ((opts[i].flags & flag) && n <= strlen(opts[i].name) &&
		    strncmp(arg, opts[i].name, n) == 0) {
			*inline_value = eq != NULL;
			return 1;
		}
	return 0;
}

/* One word, shell-quoted when it needs to be. */
static void
quote(FILE *fp, const char *w)
{
	const char *p;

	if (w[0] != '\0' && strspn(w, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ"
	    "KLMNOPQRSTUVWXYZ0123456789-_./=:,@+%") == strlen(w)) {
		fputs(w, fp);
		return;
	}
	putc('\'', fp);
	for (p = w; *p; p++)
		if (*p == '\'')
			fputs("'\\''", fp);
		else
			putc(*p, fp);
	putc('\'', fp);
}

char *
seci_opt_command_line(const struct seci_opt *opts, int argc, char **argv)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	int i, inl, hide = 0;

	if (fp == NULL)
		return NULL;
	for (i = 0; i < argc; i++) {
		if (i)
			putc(' ', fp);
		if (hide) {
			/* The value of a personal option: never in clear. */
			fputs(SECI_OPT_HIDDEN, fp);
			hide = 0;
		} else if (i > 0 && seci_opt_flagged(opts, argv[i],
		    SECI_OPT_PERSONAL, &inl)) {
			if (inl) {
				fprintf(fp, "%.*s=", (int)strcspn(argv[i], "="),
				    argv[i]);
				fputs(SECI_OPT_HIDDEN, fp);
			} else {
				quote(fp, argv[i]);
				hide = 1;
			}
		} else {
			quote(fp, argv[i]);
		}
	}
	if (fclose(fp) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}
