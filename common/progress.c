/*
 * progress.c: the progress line of progress.h.
 */
#include <sys/ioctl.h>
#include <sys/stat.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "log.h"
#include "progress.h"

#define REDRAW_MS 200

static struct {
	int on, drawn;
	const char *unit;
	unsigned long done, total;
	FILE *in;
	long long insize;
	double t0, last;
	char extra[256], detail[256];
} P;

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

void
gk_progress_begin(const char *unit)
{
	const char *term = getenv("TERM");

	memset(&P, 0, sizeof(P));
	P.unit = unit;
	P.t0 = now();
	P.on = !gk_quiet() && isatty(STDERR_FILENO) &&
	    (term == NULL || strcmp(term, "dumb") != 0);
}

int
gk_progress_on(void)
{
	return P.on;
}

void
gk_progress_input(FILE *in)
{
	struct stat sb;

	if (fstat(fileno(in), &sb) == 0 && S_ISREG(sb.st_mode) &&
	    sb.st_size > 0) {
		P.in = in;
		P.insize = (long long)sb.st_size;
	}
}

unsigned long
gk_progress_count(FILE *in, const char *prefix)
{
	char buf[65536 + 64];
	size_t plen = strlen(prefix), keep = 0;
	unsigned long n = 0;
	off_t off = 0;
	ssize_t r;
	char *p, *end;
	int bol = 1;

	if (!P.on || P.in != in || plen == 0 || plen > 63)
		return 0;
	/* buf holds the last plen bytes of the block before, then a block */
	while ((r = pread(fileno(in), buf + keep, sizeof(buf) - 64, off)) > 0) {
		off += r;
		end = buf + keep + r;
		for (p = buf; p + plen <= end; p++) {
			if (bol && memcmp(p, prefix, plen) == 0)
				n++;
			bol = *p == '\n';
		}
		/* a line start in the last plen bytes: look at it again */
		keep = (size_t)(end - p);
		memmove(buf, p, keep);
	}
	return n;
}

static int
columns(void)
{
	struct winsize ws;

	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20)
		return ws.ws_col;
	return 80;
}

static void
clock_text(char *out, size_t n, double s)
{
	long t = (long)(s + 0.5);

	if (t >= 3600)
		snprintf(out, n, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60,
		    t % 60);
	else
		snprintf(out, n, "%ld:%02ld", t / 60, t % 60);
}

/*
 * Append s to line, cut so that the whole stays within width columns (a
 * character of two or more bytes counts as two columns: CJK).
 */
static void
put(char *line, size_t size, int *cols, int width, const char *s)
{
	size_t len = strlen(line), k;
	const unsigned char *p = (const unsigned char *)s;

	while (*p != '\0' && len + 4 < size) {
		int w = *p < 0x80 ? 1 : 2;

		for (k = 1; (p[k] & 0xC0) == 0x80; k++)
			continue;
		if (*cols + w > width)
			break;
		memcpy(line + len, p, k);
		len += k;
		p += k;
		*cols += w;
	}
	line[len] = '\0';
}

static void
draw(void)
{
	char line[1024], buf[256], left[32];
	double el = now() - P.t0, frac = -1, rate;
	int cols = 0, width = columns() - 1;
	long long pos;

	line[0] = '\0';
	put(line, sizeof(line), &cols, width, gk_progname());
	put(line, sizeof(line), &cols, width, ": ");
	if (P.total > 0) {
		snprintf(buf, sizeof(buf), "%lu/%lu %s (%d%%)", P.done, P.total,
		    P.unit, (int)(100.0 * P.done / P.total));
		frac = (double)P.done / P.total;
	} else {
		snprintf(buf, sizeof(buf), "%lu %s", P.done, P.unit);
		if (P.in != NULL && (pos = ftello(P.in)) >= 0) {
			frac = (double)pos / (double)P.insize;
			if (frac > 1)
				frac = 1;
			snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf),
			    " (%d%% of the input)", (int)(100 * frac));
		}
	}
	put(line, sizeof(line), &cols, width, buf);
	rate = el > 0.5 ? P.done / el : 0;
	if (rate > 0) {
		snprintf(buf, sizeof(buf), rate >= 10 ? ", %.0f/s" :
		    ", %.1f/s", rate);
		put(line, sizeof(line), &cols, width, buf);
	}
	if (frac > 0.01 && frac < 1 && el > 1) {
		clock_text(left, sizeof(left), el / frac - el);
		snprintf(buf, sizeof(buf), ", %s left", left);
	} else {
		clock_text(left, sizeof(left), el);
		snprintf(buf, sizeof(buf), ", %s", left);
	}
	put(line, sizeof(line), &cols, width, buf);
	if (P.extra[0] != '\0') {
		put(line, sizeof(line), &cols, width, ", ");
		put(line, sizeof(line), &cols, width, P.extra);
	}
	if (P.detail[0] != '\0') {
		put(line, sizeof(line), &cols, width, " \xc2\xb7 ");
		put(line, sizeof(line), &cols, width, P.detail);
	}
	fprintf(stderr, "\r%s\033[K", line);
	fflush(stderr);
	P.drawn = 1;
	P.last = now();
}

void
gk_progress_update(unsigned long done, unsigned long total, const char *extra)
{
	if (!P.on)
		return;
	P.done = done;
	P.total = total;
	snprintf(P.extra, sizeof(P.extra), "%s", extra != NULL ? extra : "");
	if (now() - P.last >= REDRAW_MS / 1000.0)
		draw();
}

void
gk_progress_detail(const char *fmt, ...)
{
	va_list ap;

	if (!P.on)
		return;
	if (fmt == NULL) {
		P.detail[0] = '\0';
		return;
	}
	va_start(ap, fmt);
	vsnprintf(P.detail, sizeof(P.detail), fmt, ap);
	va_end(ap);
	/* a page of a scan takes seconds: show every one */
	draw();
}

void
gk_progress_clear(void)
{
	if (!P.on || !P.drawn)
		return;
	fputs("\r\033[K", stderr);
	P.drawn = 0;
	P.last = 0;	/* draw again at the next update */
}

void
gk_progress_end(void)
{
	gk_progress_clear();
	P.on = 0;
}
