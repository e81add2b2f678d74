/* Unit tests: lib/yaml.c */
#include "config.h"

#include "seci.h"
#include "tap.h"

static struct seci_yaml *
load(const char *text, struct seci_err *err)
{
	FILE *fp = fmemopen((void *)text, strlen(text), "r");
	struct seci_yaml *y;

	err->code = 0;
	y = seci_yaml_load(fp, "b.yaml", SECI_EXIT_DATA, err);
	fclose(fp);
	return y;
}

int
main(void)
{
	struct seci_err err = SECI_ERR_INIT;
	const struct seci_yaml *ch, *line;
	struct seci_yaml *y;

	y = load("year: 2027\ncurrency: EUR\nchapters:\n  - code: \"1\"\n"
	    "    lines:\n      - {code: \"1.1\", amount: 1234.50}\n"
	    "      - code: \"1.2\"\n        amount: \"99.99\"\n", &err);
	ok(y != NULL, "budget-like document loads");
	is_str(seci_yaml_get(y, "year")->value, "2027", "scalar");
	ch = seci_yaml_get(y, "chapters");
	ok(ch && ch->kind == SECI_YAML_SEQ && ch->child &&
	    ch->child->kind == SECI_YAML_MAP, "sequence of mappings");
	line = seci_yaml_get(ch->child, "lines")->child;
	is_str(seci_yaml_get(line, "amount")->value, "1234.50",
	    "a number keeps its exact text (no floating point)");
	is_int(line->line, 6, "flow mapping on line 6");
	is_int(seci_yaml_get(line->next, "amount")->line, 8,
	    "line numbers of nested values");
	ok(seci_yaml_get(y, "nothing") == NULL, "missing key");
	seci_yaml_free(y);

	y = load("a: ~\nb: ''\nc:\n", &err);
	ok(y && seci_yaml_get(y, "a")->plain_null &&
	    !seci_yaml_get(y, "b")->plain_null &&
	    seci_yaml_get(y, "c")->plain_null, "null forms vs an empty string");
	seci_yaml_free(y);

	y = load("", &err);
	ok(y && y->kind == SECI_YAML_MAP && y->child == NULL,
	    "empty document is an empty mapping");
	seci_yaml_free(y);

	ok(load("a: 1\na: 2\n", &err) == NULL && err.code == SECI_EXIT_DATA &&
	    strstr(err.msg, "b.yaml:2: key 'a' appears twice"),
	    "duplicate key: %s", err.msg);
	ok(load("a: [1, 2\n", &err) == NULL && strstr(err.msg, "b.yaml:"),
	    "syntax error with file and line: %s", err.msg);
	ok(load("- 1\n- 2\n", &err) == NULL &&
	    strstr(err.msg, "expected a mapping"), "top level must be a "
	    "mapping: %s", err.msg);
	ok(load("a: &x 1\nb: *x\n", &err) == NULL &&
	    strstr(err.msg, "b.yaml:2: aliases"), "aliases refused: %s",
	    err.msg);
	{
		char *deep = malloc(20000);
		int i;

		strcpy(deep, "a: ");
		for (i = 0; i < 5000; i++)
			strcat(deep + 3 + i, "[");
		ok(load(deep, &err) == NULL && strstr(err.msg, "nested too "
		    "deeply"), "deep nesting is an error, not a crash: %s",
		    err.msg);
		free(deep);
	}
	/* "\0" in a value or key would cut it short without a word. */
	ok(load("name: \"a\\0b\"\n", &err) == NULL &&
	    strstr(err.msg, "b.yaml:1: a value holds a NUL") != NULL,
	    "a NUL in a value is refused: %s", err.msg);
	ok(load("\"a\\0b\": 1\n", &err) == NULL &&
	    err.code == SECI_EXIT_DATA, "a NUL in a key is refused: %s",
	    err.msg);
	ok(load("a: 1\n---\nb: 2\n", &err) == NULL &&
	    strstr(err.msg, "b.yaml:2: a second YAML document") != NULL,
	    "a second document is refused, not ignored: %s", err.msg);
	ok(load("a: 1\nb: 2\nc: \"x\xffy\"\n", &err) == NULL &&
	    strstr(err.msg, "b.yaml:3: ") != NULL, "invalid UTF-8 at its "
	    "line: %s", err.msg);
	{
		char big[40000];
		size_t i, n = 0;

		/* Past the first chunk the reader is given. */
		for (i = 0; i < 3000; i++)
			n += (size_t)snprintf(big + n, sizeof(big) - n,
			    "k%04zu: value\n", i);
		snprintf(big + n, sizeof(big) - n, "bad: \"\x01\"\n");
		ok(load(big, &err) == NULL && strstr(err.msg, "b.yaml:3001: ") !=
		    NULL, "a control character on line 3001: %s", err.msg);
	}
	y = load("---\na: 1\n...\n", &err);
	ok(y != NULL, "one document with its markers loads");
	seci_yaml_free(y);
	return done_testing();
}
