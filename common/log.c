/*
 * log.c: stderr messages in the "prog: file: reason" form.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "log.h"
#include "progress.h"

static const char *progname = "gk";
static int verbose = -1;

void
gk_log_init(const char *name)
{
	const char *p;

	for (p = name; *p != '\0'; p++)
		if (*p == '/' && p[1] != '\0')
			name = p + 1;
	progname = name;
}

const char *
gk_progname(void)
{
	return progname;
}

static void vwarn(const char *, const char *, va_list)
    __attribute__((format(printf, 2, 0)));

static void
vwarn(const char *what, const char *fmt, va_list ap)
{
	gk_progress_clear();
	fprintf(stderr, "%s: ", progname);
	if (what != NULL)
		fprintf(stderr, "%s: ", what);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
gk_warn(const char *what, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(what, fmt, ap);
	va_end(ap);
}

void
gk_fatal(const char *what, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(what, fmt, ap);
	va_end(ap);
	exit(GK_EXIT_RUN);
}

void
gk_set_verbose(int v)
{
	verbose = v;
}

int
gk_verbose(void)
{
	if (verbose < 0) {
		const char *e = getenv("GK_VERBOSE");
		verbose = e != NULL && *e != '\0' && *e != '0';
	}
	return verbose;
}

void
gk_debug(const char *fmt, ...)
{
	va_list ap;

	if (!gk_verbose())
		return;
	va_start(ap, fmt);
	vwarn(NULL, fmt, ap);
	va_end(ap);
}
