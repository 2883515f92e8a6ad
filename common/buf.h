/*
 * buf.h: a growable byte buffer whose maximum is fixed when it is made
 * (curl's dynbuf).  Growing past the maximum is an error, never a crash.
 */
#ifndef GK_BUF_H
#define GK_BUF_H

#include <stddef.h>

struct gk_buf {
	char *p;		/* always NUL-terminated when non-NULL */
	size_t len, cap, max;
};

void gk_buf_init(struct gk_buf *, size_t max);
void gk_buf_free(struct gk_buf *);
void gk_buf_reset(struct gk_buf *);
/* 0, or -1 when the maximum would be passed or memory ran out. */
int gk_buf_add(struct gk_buf *, const void *, size_t);
int gk_buf_adds(struct gk_buf *, const char *);
int gk_buf_addc(struct gk_buf *, char);
/* A code point as UTF-8 (common/zh.c's encoder); a surrogate or a value
 * past U+10FFFF is written as U+FFFD. */
int gk_buf_add_cp(struct gk_buf *, unsigned long cp);
int gk_buf_printf(struct gk_buf *, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The contents as a string ("" when empty). */
const char *gk_buf_str(const struct gk_buf *);

/*
 * Read a whole file into b.  Returns 0; -1 with errno set when it cannot be
 * read; -2 when it is larger than b's maximum.
 */
int gk_buf_read_file(struct gk_buf *b, const char *path);

#endif
