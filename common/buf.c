/*
 * buf.c: bounded growable buffer.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "zh.h"

void
gk_buf_init(struct gk_buf *b, size_t max)
{
	b->p = NULL;
	b->len = b->cap = 0;
	b->max = max;
}

void
gk_buf_free(struct gk_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

void
gk_buf_reset(struct gk_buf *b)
{
	b->len = 0;
	if (b->p != NULL)
		b->p[0] = '\0';
}

static int
grow(struct gk_buf *b, size_t n)
{
	size_t need, cap;
	char *p;

	if (n > b->max || b->len > b->max - n)
		return -1;
	need = b->len + n + 1;
	if (need <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > (size_t)-1 / 2 ? need : cap * 2;
	if ((p = realloc(b->p, cap)) == NULL)
		return -1;
	b->p = p;
	b->cap = cap;
	return 0;
}

int
gk_buf_add(struct gk_buf *b, const void *data, size_t n)
{
	if (grow(b, n) == -1)
		return -1;
	if (n > 0)
		memcpy(b->p + b->len, data, n);
	b->len += n;
	b->p[b->len] = '\0';
	return 0;
}

int
gk_buf_adds(struct gk_buf *b, const char *s)
{
	return gk_buf_add(b, s, strlen(s));
}

int
gk_buf_addc(struct gk_buf *b, char c)
{
	return gk_buf_add(b, &c, 1);
}

int
gk_buf_add_cp(struct gk_buf *b, unsigned long cp)
{
	char u[4];
	size_t n = cp > 0x10FFFF ? 0 : zh_put(u, sizeof u, (unsigned)cp);

	if (n == 0)
		n = zh_put(u, sizeof u, 0xFFFD);
	return gk_buf_add(b, u, n);
}

int
gk_buf_printf(struct gk_buf *b, const char *fmt, ...)
{
	va_list ap;
	char small[256];
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return -1;
	if ((size_t)n < sizeof(small))
		return gk_buf_add(b, small, (size_t)n);
	if (grow(b, (size_t)n) == -1)
		return -1;
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return 0;
}

const char *
gk_buf_str(const struct gk_buf *b)
{
	return b->p != NULL ? b->p : "";
}

int
gk_buf_read_file(struct gk_buf *b, const char *path)
{
	char chunk[65536];
	FILE *fp;
	size_t n;
	int rc = 0;

	if ((fp = fopen(path, "rb")) == NULL)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		if (gk_buf_add(b, chunk, n) == -1) {
			rc = n > b->max || b->len > b->max - n ? -2 : -1;
			if (rc == -1)
				errno = ENOMEM;
			break;
		}
	}
	if (rc == 0 && ferror(fp)) {
		rc = -1;
		if (errno == 0)
			errno = EIO;
	}
	fclose(fp);
	return rc;
}
