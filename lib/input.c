/* input.c - input files: a path or stdin, and another encoding read as
 * UTF-8. */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "input.h"

FILE *
seci_input_open(const char *path, const char **name, struct seci_err *err)
{
	struct stat st;
	FILE *fp;

	if (path == NULL || strcmp(path, "-") == 0) {
		*name = "<stdin>";
		if (path == NULL && isatty(STDIN_FILENO)) {
			seci_err_set(err, SECI_EXIT_USAGE, "no input file "
			    "given and stdin is a terminal; name a FILE or "
			    "pipe data in");
			return NULL;
		}
		return stdin;
	}
	*name = path;
	if ((fp = fopen(path, "r")) == NULL) {
		seci_err_set(err, SECI_EXIT_NOINPUT, "cannot open '%s': %s", path,
		    strerror(errno));
		return NULL;
	}
	if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(fp);
		seci_err_set(err, SECI_EXIT_NOINPUT, "cannot read '%s': "
		    "Is a directory", path);
		return NULL;
	}
	return fp;
}

void
seci_input_close(FILE *fp)
{
	if (fp != NULL && fp != stdin)
		fclose(fp);
}

/* ---- reading another encoding ------------------------------------------ */

struct recode {
	int failed;		/* a bad byte was met: no more reading */
	FILE *in;
	iconv_t cd;
	const char *name, *encoding;
	struct seci_err *err;
	void (*on_bytes)(void *arg, const void *buf, size_t n);
	void *bytes_arg;
	char raw[1 << 15];
	size_t have;		/* bytes of raw not yet converted */
	unsigned long line;	/* of the output, for messages */
	int eof;
};

static ssize_t
recode_read(void *cookie, char *buf, size_t size)
{
	struct recode *c = cookie;
	char *in, *out = buf;
	size_t inleft, outleft = size, n, k;

	if (c->failed) {
		errno = EILSEQ;
		return -1;
	}
	while (outleft == size) {
		if (!c->eof && c->have < sizeof(c->raw)) {
			n = fread(c->raw + c->have, 1, sizeof(c->raw) - c->have,
			    c->in);
			if (n > 0 && c->on_bytes)
				c->on_bytes(c->bytes_arg, c->raw + c->have, n);
			c->have += n;
			if (n == 0)
				c->eof = 1;
			if (ferror(c->in))
				return -1;
		}
		if (c->have == 0)
			return 0;
		in = c->raw;
		inleft = c->have;
		if (iconv(c->cd, &in, &inleft, &out, &outleft) == (size_t)-1 &&
		    errno != E2BIG && !(errno == EINVAL && !c->eof)) {
			for (k = 0; k < size - outleft; k++)
				c->line += buf[k] == '\n';
			seci_err_report(c->err, SECI_ERROR, "%s:%lu: byte 0x%02x "
			    "is not %s", c->name, c->line + 1,
			    (unsigned char)*in, c->encoding);
			c->failed = 1;
			errno = EILSEQ;
			return -1;
		}
		memmove(c->raw, in, inleft);
		c->have = inleft;
	}
	for (k = 0; k < size - outleft; k++)
		c->line += buf[k] == '\n';
	return (ssize_t)(size - outleft);
}

static int
recode_close(void *cookie)
{
	struct recode *c = cookie;

	iconv_close(c->cd);
	free(c);
	return 0;
}

FILE *
seci_input_recode(FILE *fp, const char *encoding, const char *name,
    void (*on_bytes)(void *arg, const void *buf, size_t n), void *bytes_arg,
    struct seci_err *err)
{
	cookie_io_functions_t io = { recode_read, NULL, NULL, recode_close };
	struct recode *c = calloc(1, sizeof(*c));
	FILE *out;

	if (c == NULL) {
		seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
		return NULL;
	}
	if ((c->cd = iconv_open("UTF-8", encoding)) == (iconv_t)-1) {
		free(c);
		seci_err_set(err, SECI_EXIT_CONFIG, "unknown encoding '%s' "
		    "(iconv names such as windows-1250, ISO-8859-2)", encoding);
		return NULL;
	}
	c->in = fp;
	c->name = name;
	c->encoding = encoding;
	c->err = err;
	c->on_bytes = on_bytes;
	c->bytes_arg = bytes_arg;
	if ((out = fopencookie(c, "r", io)) == NULL) {
		recode_close(c);
		seci_err_set(err, SECI_EXIT_SOFTWARE, "out of memory");
	}
	return out;
}
