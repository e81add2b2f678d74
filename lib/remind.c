/* remind.c - reminder letters from a template. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "admin.h"
#include "contrib.h"
#include "file.h"
#include "partystatement.h"
#include "remind.h"
#include "seci_priv.h"

static char *
slurp(const char *path, struct seci_err *err)
{
	FILE *fp = fopen(path, "r");
	char *buf = NULL;
	size_t len = 0;
	FILE *out;
	int c;

	if (fp == NULL) {
		seci_err_set(err, SECI_EXIT_NOINPUT, "cannot open template "
		    "'%s': %s", path, strerror(errno));
		return NULL;
	}
	if ((out = open_memstream(&buf, &len)) == NULL) {
		fclose(fp);
		seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
		return NULL;
	}
	while ((c = getc(fp)) != EOF)
		putc(c, out);
	fclose(fp);
	fclose(out);
	return buf;
}

/* The letter: template with each {{key}} replaced. */
static void
fill(FILE *out, const char *tpl, const char *const *keys,
    const char *const *vals, size_t n)
{
	const char *p = tpl, *q, *e;
	size_t i, kl;

	while ((q = strstr(p, "{{")) != NULL) {
		fwrite(p, 1, (size_t)(q - p), out);
		e = strstr(q, "}}");
		if (e == NULL) {
			p = q;	/* the rest, "{{" and all, as it is */
			break;
		}
		kl = (size_t)(e - q - 2);
		for (i = 0; i < n; i++)
			if (strlen(keys[i]) == kl &&
			    strncmp(q + 2, keys[i], kl) == 0)
				break;
		if (i < n)
			fputs(vals[i], out);
		else
			fwrite(q, 1, (size_t)(e - q + 2), out);
		p = e + 2;
	}
	fputs(p, out);
}


struct remind {
	struct seci_db *db;
	const char *tpl, *outdir;
	FILE *out;
	char org[256], date[SECI_DATE_BUFSZ];
	seci_day as_of;
	int letters;
};

/* The letter's table of what is overdue, year by year (caller frees). */
static char *
details(const struct remind *r, const struct seci_position *v)
{
	char a[SECI_MONEY_BUFSZ], o[SECI_MONEY_BUFSZ], d[SECI_DATE_BUFSZ];
	char *buf = NULL;
	size_t len = 0, k;
	FILE *det = open_memstream(&buf, &len);

	if (det == NULL)
		return NULL;
	for (k = 0; k < v->na; k++) {
		const struct seci_assessed *x = &v->a[k];

		if (x->received == x->amount || r->as_of <= x->due)
			continue;
		fprintf(det, "  %d  assessed %14s  due %s  outstanding %14s  "
		    "(%lld days overdue)\n", x->year, seci_money_format(
		    x->amount, r->db->decimals, ',', a), seci_date_format(x->due,
		    d), seci_money_format(x->amount - x->received,
		    r->db->decimals, ',', o), (long long)(r->as_of - x->due));
	}
	fclose(det);
	return buf;
}

/* The Party's statement of account for the year of the letter, as a
 * table (caller frees). */
static char *
statement(const struct remind *r, const char *party, struct seci_err *err)
{
	struct seci_out_opts o;
	char *buf = NULL;
	size_t len = 0;
	int y, m, d, rc;

	memset(&o, 0, sizeof(o));
	if ((o.fp = open_memstream(&buf, &len)) == NULL) {
		seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
		return NULL;
	}
	o.format = SECI_FMT_TABLE;
	o.header = 1;
	o.decimals = r->db->decimals;
	seci_date_ymd(r->as_of, &y, &m, &d);
	rc = seci_soa(r->db, party, y, r->as_of, &o, err);
	fclose(o.fp);
	if (rc < 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

static int
letter(void *arg, const struct seci_position *v, struct seci_err *err)
{
	static const char *const keys[] = { "org", "date", "party", "name",
	    "currency", "total_overdue", "details", "statement" };
	struct remind *r = arg;
	struct seci_file *f = NULL;
	char total[SECI_MONEY_BUFSZ], path[4096];
	const char *vals[8];
	char *det, *soa;
	int rc = 0;

	if (v->overdue <= 0)
		return 0;
	if ((soa = statement(r, v->code, err)) == NULL)
		return -1;
	if ((det = details(r, v)) == NULL) {
		free(soa);
		return seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
	}
	vals[0] = r->org;
	vals[1] = r->date;
	vals[2] = v->code;
	vals[3] = v->name;
	vals[4] = r->db->currency;
	vals[5] = seci_money_format(v->overdue, r->db->decimals, ',', total);
	vals[6] = det;
	vals[7] = soa;
	if (r->outdir) {
		snprintf(path, sizeof(path), "%s/%s.txt", r->outdir, v->code);
		if ((f = seci_file_create(path, SECI_FILE_REPLACE, err)) == NULL)
			rc = -1;
		else {
			fill(seci_file_stream(f), r->tpl, keys, vals, 8);
			rc = seci_file_commit(f, err);
		}
		if (rc == 0)
			fprintf(r->out, "%s\n", path);
	} else {
		if (r->letters > 0)
			putc('\f', r->out);
		fill(r->out, r->tpl, keys, vals, 8);
	}
	free(det);
	free(soa);
	r->letters += rc == 0;
	return rc;
}

int
seci_contrib_remind(struct seci_db *db, seci_day as_of, const char *template,
    const char *outdir, FILE *out, int *letters, struct seci_err *err)
{
	struct remind r;
	char *tpl;
	int rc;

	memset(&r, 0, sizeof(r));
	*letters = 0;
	if ((tpl = slurp(template, err)) == NULL)
		return -1;
	if (outdir && seci_file_outdir(outdir, err) < 0) {
		free(tpl);
		return -1;
	}
	r.db = db;
	r.tpl = tpl;
	r.outdir = outdir;
	r.out = out;
	r.as_of = as_of;
	seci_date_format(as_of, r.date);
	rc = seci_admin_org(db, r.org, sizeof(r.org), err) < 0 ? -1 :
	    seci_contrib_positions(db, as_of, 2, letter, &r, err);
	*letters = r.letters;
	free(tpl);
	return rc;
}
