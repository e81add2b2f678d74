/* Unit tests: lib/conf.c */
#include "config.h"

#include <unistd.h>

#include "seci.h"
#include "tap.h"

static char reports[2048];

static void
collect(void *arg, enum seci_level level, const char *msg)
{
	size_t n = strlen(reports);

	snprintf(reports + n, sizeof(reports) - n, "%s\n", msg);
}

static const char *
write_tmp(const char *text)
{
	static char path[64];
	FILE *fp;

	snprintf(path, sizeof(path), "/tmp/seci-conf-%d.yaml", (int)getpid());
	fp = fopen(path, "w");
	fputs(text, fp);
	fclose(fp);
	return path;
}

static int
load(struct seci_conf *c, const char *text, struct seci_err *err)
{
	err->code = 0;
	reports[0] = '\0';
	return seci_conf_load(c, write_tmp(text), err);
}

int
main(void)
{
	struct seci_err err = SECI_ERR_INIT;
	struct seci_conf def, c;
	char path[4096];
	const char *top = getenv("top_srcdir");
	int i, same;

	err.report = collect;
	unsetenv("SECI_CONFIG");
	setenv("XDG_CONFIG_HOME", "/nonexistent", 1);
	ok(seci_conf_load(&def, NULL, &err) == 0 && def.file == NULL,
	    "no file: built-in defaults");
	is_str(def.currency, "EUR", "default currency EUR");
	is_int(def.transfer_limit_pct, 10, "default transfer limit 10%%");
	is_str(def.approval_threshold, "5000.00", "default approval "
	    "threshold 5000.00");
	is_int(def.arrears_rule_years, 2, "default arrears rule 2 years");
	is_str(def.declaration_due, "03-31", "default declaration due");
	is_str(def.disciplinary_measures[0], "written censure",
	    "first disciplinary measure");
	ok(def.database == NULL, "no database configured");

	/* share/seci.yaml documents exactly the built-in defaults. */
	snprintf(path, sizeof(path), "%s/share/seci.yaml", top ? top : "..");
	err.code = 0;
	if (seci_conf_load(&c, path, &err) == 0) {
		same = strcmp(c.currency, def.currency) == 0 &&
		    strcmp(c.organisation, def.organisation) == 0 &&
		    c.busy_timeout_ms == def.busy_timeout_ms &&
		    c.transfer_limit_pct == def.transfer_limit_pct &&
		    strcmp(c.approval_threshold, def.approval_threshold) == 0 &&
		    c.arrears_rule_years == def.arrears_rule_years &&
		    strcmp(c.contribution_due, def.contribution_due) == 0 &&
		    strcmp(c.observer_fee, def.observer_fee) == 0 &&
		    c.training_min_hours == def.training_min_hours &&
		    strcmp(c.declaration_due, def.declaration_due) == 0 &&
		    strcmp(c.gift_threshold, def.gift_threshold) == 0 &&
		    (c.database == NULL) == (def.database == NULL);
		for (i = 0; same && def.disciplinary_measures[i]; i++)
			same = c.disciplinary_measures[i] &&
			    strcmp(c.disciplinary_measures[i],
			    def.disciplinary_measures[i]) == 0;
		ok(same && reports[0] == '\0', "share/seci.yaml matches the "
		    "built-in defaults, no warnings");
		seci_conf_release(&c);
	} else {
		ok(0, "share/seci.yaml loads: %s", err.msg);
	}

	ok(load(&c, "currency: JPY\napproval_threshold: 5000\n"
	    "transfer_limit_pct: 15\ndatabase: /srv/seci.db\n"
	    "disciplinary_measures: [reprimand, dismissal]\n", &err) == 0 &&
	    strcmp(c.currency, "JPY") == 0 && c.transfer_limit_pct == 15 &&
	    strcmp(c.database, "/srv/seci.db") == 0 &&
	    strcmp(c.disciplinary_measures[1], "dismissal") == 0 &&
	    c.disciplinary_measures[2] == NULL, "values override defaults");
	seci_conf_release(&c);
	ok(load(&c, "currency: JPY\napproval_threshold: 5000.50\n", &err) ==
	    -1 && err.code == SECI_EXIT_CONFIG &&
	    strstr(err.msg, ":2: 'approval_threshold'"),
	    "amount checked against the currency's decimals: %s", err.msg);
	seci_conf_release(&c);
	ok(load(&c, "colour: blue\n", &err) == 0 &&
	    strstr(reports, ":1: unknown key 'colour'"), "unknown key warns: "
	    "%s", reports);
	seci_conf_release(&c);
	ok(load(&c, "transfer_limit_pct: 150\n", &err) == -1 &&
	    err.code == SECI_EXIT_CONFIG && strstr(err.msg, ":1:"),
	    "out of range: %s", err.msg);
	seci_conf_release(&c);
	ok(load(&c, "declaration_due: 02-30\n", &err) == -1,
	    "impossible MM-DD refused");
	seci_conf_release(&c);
	ok(load(&c, "currency: [EUR]\n", &err) == -1 &&
	    strstr(err.msg, "single value"), "list where a value belongs");
	seci_conf_release(&c);
	ok(load(&c, "a: b: c\n", &err) == -1 && err.code == SECI_EXIT_CONFIG,
	    "bad YAML is a config error: %s", err.msg);
	seci_conf_release(&c);
	err.code = 0;
	ok(seci_conf_load(&c, "/nonexistent/seci.yaml", &err) == -1 &&
	    err.code == SECI_EXIT_CONFIG, "a named config file must exist");
	seci_conf_release(&c);

	setenv("SECI_CONFIG", write_tmp("organisation: From Env\n"), 1);
	err.code = 0;
	ok(seci_conf_load(&c, NULL, &err) == 0 &&
	    strcmp(c.organisation, "From Env") == 0, "SECI_CONFIG is read");
	seci_conf_release(&c);
	unsetenv("SECI_CONFIG");
	unlink(write_tmp(""));
	seci_conf_release(&def);
	return done_testing();
}
