/*
 * yaml.h - a YAML document read into a small tree (over libyaml), with the
 * line of every node, for config files, budget documents, plans and bank
 * profiles.  Scalars keep their exact text: an amount "1234.50" stays a
 * string and is parsed by seci_money_parse(), never through a double.
 */
#ifndef SECI_YAML_H
#define SECI_YAML_H

#include <stdio.h>

#include "err.h"

enum seci_yaml_kind { SECI_YAML_SCALAR, SECI_YAML_SEQ, SECI_YAML_MAP };

#define SECI_YAML_SCALAR_MAX (4u << 20)	/* bytes in one value */

struct seci_yaml {
	enum seci_yaml_kind kind;
	unsigned long line;
	char *key;		/* set on the values of a mapping */
	unsigned long key_line;	/* the line of that key */
	char *value;		/* scalars only */
	int plain_null;		/* an unquoted ~, null or empty scalar */
	struct seci_yaml *child;	/* first item or entry */
	struct seci_yaml *next;		/* next sibling */
};

/*
 * Read the first document of fp.  Syntax errors, aliases, duplicate
 * mapping keys and mapping keys that are not scalars are reported as
 * "NAME:LINE: problem" with the given exit code.  An empty document gives
 * an empty mapping.  Free the result with seci_yaml_free().
 */
struct seci_yaml *seci_yaml_load(FILE *fp, const char *name, int errcode,
    struct seci_err *err);
void seci_yaml_free(struct seci_yaml *node);

/* The value of key in a mapping, or NULL (borrowed). */
const struct seci_yaml *seci_yaml_get(const struct seci_yaml *map,
    const char *key);

#endif
