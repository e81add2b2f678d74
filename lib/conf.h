/*
 * conf.h - the YAML configuration file.
 *
 * Search order: the --config path, else $SECI_CONFIG, else
 * $XDG_CONFIG_HOME/seci/seci.yaml (or ~/.config/seci/seci.yaml), else
 * /etc/seci/seci.yaml, else the built-in defaults, which share/seci.yaml
 * documents key by key.  A file named by --config or $SECI_CONFIG must
 * exist; the others are read when present.  An unknown key is a warning;
 * a bad value or bad YAML is SECI_EXIT_CONFIG with file:line.
 */
#ifndef SECI_CONF_H
#define SECI_CONF_H

#include "err.h"

struct seci_conf {
	char *file;			/* the file read, NULL if built-in */
	char *database;			/* NULL: none configured */
	char *organisation;
	char *group;			/* NULL: the database is one user's */
	char currency[4];
	long busy_timeout_ms;
	long transfer_limit_pct;
	char *approval_threshold;	/* decimal text, valid amount */
	long arrears_rule_years;
	char contribution_due[6];	/* MM-DD */
	char *observer_fee;		/* decimal text, valid amount */
	long training_min_hours;
	char declaration_due[6];	/* MM-DD */
	char *gift_threshold;		/* decimal text, valid amount */
	char **disciplinary_measures;	/* NULL-terminated */
	long candidate_retention_months;
	long staff_retention_years;
};

/* Fill conf with the built-in defaults, then the file found by the search
 * order (path may be NULL).  Release with seci_conf_release(). */
int seci_conf_load(struct seci_conf *conf, const char *path,
    struct seci_err *err);
void seci_conf_release(struct seci_conf *conf);

/* Where seci's shared data is (profiles/, templates/): $SECI_DATADIR, or
 * the package data directory it was installed with. */
const char *seci_conf_datadir(void);

#endif
