/* yaml.c - YAML into a tree of nodes. */
#include "config.h"

#include <sys/stat.h>

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "yaml.h"

#define MAX_DEPTH 64
#define CHUNK 16384

/* The input as libyaml reads it, remembering where lines start in the
 * latest chunk: its reader's errors (a NUL, invalid UTF-8) give a byte
 * offset, not a line. */
struct input {
	FILE *fp;
	size_t start;		/* offset of chunk[0] in the file */
	size_t len;
	unsigned long lines;	/* newlines before chunk[0] */
	unsigned char chunk[CHUNK];
};

struct builder {
	yaml_parser_t parser;
	struct input in;
	const char *name;
	int errcode;
	int depth;
	struct seci_err *err;
};

static int
read_input(void *arg, unsigned char *buf, size_t size, size_t *n)
{
	struct input *in = arg;
	size_t i;

	for (i = 0; i < in->len; i++)
		in->lines += in->chunk[i] == '\n';
	in->start += in->len;
	if (size > CHUNK)
		size = CHUNK;
	in->len = fread(in->chunk, 1, size, in->fp);
	if (in->len == 0 && ferror(in->fp))
		return 0;
	memcpy(buf, in->chunk, in->len);
	*n = in->len;
	return 1;
}

/* The line of byte offset off, when it is in the latest chunk. */
static unsigned long
line_of(const struct input *in, size_t off)
{
	unsigned long line = in->lines + 1;
	size_t i;

	if (off < in->start)
		return line;
	for (i = 0; i < in->len && in->start + i < off; i++)
		line += in->chunk[i] == '\n';
	return line;
}

static struct seci_yaml *
node_new(enum seci_yaml_kind kind, unsigned long line)
{
	struct seci_yaml *n = calloc(1, sizeof(*n));

	if (n != NULL) {
		n->kind = kind;
		n->line = line;
	}
	return n;
}

void
seci_yaml_free(struct seci_yaml *node)
{
	struct seci_yaml *next;

	while (node != NULL) {
		next = node->next;
		seci_yaml_free(node->child);
		free(node->key);
		free(node->value);
		free(node);
		node = next;
	}
}

static int
next_event(struct builder *b, yaml_event_t *ev)
{
	if (!yaml_parser_parse(&b->parser, ev))
		return seci_err_set(b->err, b->errcode, "%s:%lu: %s%s%s",
		    b->name, b->parser.error == YAML_READER_ERROR ?
		    line_of(&b->in, b->parser.problem_offset) :
		    (unsigned long)b->parser.problem_mark.line + 1,
		    b->parser.problem ? b->parser.problem : "syntax error",
		    b->parser.context ? " " : "",
		    b->parser.context ? b->parser.context : "");
	return 0;
}

static struct seci_yaml *parse_node(struct builder *b, yaml_event_t *ev);

/* Parse items until the end event of the collection started by ev. */
static int
parse_items(struct builder *b, struct seci_yaml *coll)
{
	struct seci_yaml **tail = &coll->child, *item, *k;
	yaml_event_t ev;
	yaml_event_type_t end = coll->kind == SECI_YAML_MAP ?
	    YAML_MAPPING_END_EVENT : YAML_SEQUENCE_END_EVENT;

	for (;;) {
		if (next_event(b, &ev) < 0)
			return -1;
		if (ev.type == end) {
			yaml_event_delete(&ev);
			return 0;
		}
		if (coll->kind == SECI_YAML_MAP) {
			if (ev.type != YAML_SCALAR_EVENT ||
			    strlen((char *)ev.data.scalar.value) !=
			    ev.data.scalar.length) {
				seci_err_set(b->err, b->errcode, "%s:%lu: a "
				    "mapping key must be text, not a list, a "
				    "mapping or a NUL character",
				    b->name,
				    (unsigned long)ev.start_mark.line + 1);
				yaml_event_delete(&ev);
				return -1;
			}
			for (k = coll->child; k != NULL; k = k->next)
				if (strcmp(k->key,
				    (char *)ev.data.scalar.value) == 0) {
					seci_err_set(b->err, b->errcode,
					    "%s:%lu: key '%s' appears twice",
					    b->name, (unsigned long)
					    ev.start_mark.line + 1, k->key);
					yaml_event_delete(&ev);
					return -1;
				}
			char *key = strdup((char *)ev.data.scalar.value);
			unsigned long kline = (unsigned long)
			    ev.start_mark.line + 1;
			yaml_event_delete(&ev);
			if (key == NULL || next_event(b, &ev) < 0) {
				free(key);
				return -1;
			}
			item = parse_node(b, &ev);
			if (item == NULL) {
				free(key);
				return -1;
			}
			item->key = key;
			item->key_line = kline;
		} else {
			if ((item = parse_node(b, &ev)) == NULL)
				return -1;
		}
		*tail = item;
		tail = &item->next;
	}
}

/* Build the node that starts with ev (consumed). */
static struct seci_yaml *
parse_node(struct builder *b, yaml_event_t *ev)
{
	struct seci_yaml *n = NULL;
	enum seci_yaml_kind kind;
	unsigned long line = (unsigned long)ev->start_mark.line + 1;

	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		if (ev->data.scalar.length > SECI_YAML_SCALAR_MAX ||
		    strlen((char *)ev->data.scalar.value) !=
		    ev->data.scalar.length) {
			/* "\0" would cut the value short without a word */
			seci_err_set(b->err, b->errcode, "%s:%lu: %s", b->name,
			    line, ev->data.scalar.length > SECI_YAML_SCALAR_MAX ?
			    "value longer than 4 MiB" : "a value holds a NUL "
			    "character");
			yaml_event_delete(ev);
			return NULL;
		}
		n = node_new(SECI_YAML_SCALAR, line);
		if (n == NULL || (n->value = strdup((char *)
		    ev->data.scalar.value)) == NULL)
			break;
		if (ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
		    (strcmp(n->value, "") == 0 || strcmp(n->value, "~") == 0 ||
		    strcmp(n->value, "null") == 0))
			n->plain_null = 1;
		yaml_event_delete(ev);
		return n;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		kind = ev->type == YAML_MAPPING_START_EVENT ? SECI_YAML_MAP :
		    SECI_YAML_SEQ;
		yaml_event_delete(ev);
		if (b->depth >= MAX_DEPTH) {
			seci_err_set(b->err, b->errcode, "%s:%lu: nested too "
			    "deeply", b->name, line);
			return NULL;
		}
		n = node_new(kind, line);
		b->depth++;
		if (n != NULL && parse_items(b, n) < 0) {
			seci_yaml_free(n);
			return NULL;
		}
		b->depth--;
		return n;
	case YAML_ALIAS_EVENT:
		seci_err_set(b->err, b->errcode, "%s:%lu: aliases are not "
		    "supported", b->name, line);
		yaml_event_delete(ev);
		return NULL;
	default:
		seci_err_set(b->err, b->errcode, "%s:%lu: unexpected YAML "
		    "event", b->name, line);
		yaml_event_delete(ev);
		return NULL;
	}
	yaml_event_delete(ev);
	seci_yaml_free(n);
	seci_err_set(b->err, SECI_EXIT_SOFTWARE, "out of memory");
	return NULL;
}

struct seci_yaml *
seci_yaml_load(FILE *fp, const char *name, int errcode, struct seci_err *err)
{
	struct builder b;
	struct seci_yaml *root = NULL;
	yaml_event_t ev;
	struct stat st;
	int ended = 0;

	if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		seci_err_set(err, errcode, "%s: is a directory", name);
		return NULL;
	}
	b.name = name;
	b.errcode = errcode;
	b.depth = 0;
	b.err = err;
	if (!yaml_parser_initialize(&b.parser)) {
		seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
		return NULL;
	}
	memset(&b.in, 0, offsetof(struct input, chunk));
	b.in.fp = fp;
	yaml_parser_set_input(&b.parser, read_input, &b.in);
	for (;;) {
		if (next_event(&b, &ev) < 0)
			break;
		if (ev.type == YAML_STREAM_START_EVENT ||
		    ev.type == YAML_DOCUMENT_START_EVENT) {
			yaml_event_delete(&ev);
			continue;
		}
		if (ev.type == YAML_STREAM_END_EVENT) {
			yaml_event_delete(&ev);
			root = node_new(SECI_YAML_MAP, 1);
			ended = 1;
			break;
		}
		root = parse_node(&b, &ev);
		break;
	}
	/* One document: a second one is an error, not left unread. */
	while (root != NULL && !ended) {
		if (next_event(&b, &ev) < 0) {
			seci_yaml_free(root);
			root = NULL;
			break;
		}
		if (ev.type == YAML_STREAM_END_EVENT) {
			yaml_event_delete(&ev);
			break;
		}
		if (ev.type == YAML_DOCUMENT_START_EVENT) {
			seci_err_set(err, errcode, "%s:%lu: a second YAML "
			    "document; a file holds one", name,
			    (unsigned long)ev.start_mark.line + 1);
			yaml_event_delete(&ev);
			seci_yaml_free(root);
			root = NULL;
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&b.parser);
	if (root != NULL && root->kind != SECI_YAML_MAP) {
		seci_err_set(err, errcode, "%s:%lu: expected a mapping of "
		    "keys to values", name, root->line);
		seci_yaml_free(root);
		return NULL;
	}
	if (root == NULL && err != NULL && err->code == 0)
		seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
	return root;
}

const struct seci_yaml *
seci_yaml_get(const struct seci_yaml *map, const char *key)
{
	const struct seci_yaml *n;

	if (map == NULL || map->kind != SECI_YAML_MAP)
		return NULL;
	for (n = map->child; n != NULL; n = n->next)
		if (strcmp(n->key, key) == 0)
			return n;
	return NULL;
}
