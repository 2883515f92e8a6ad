/*
 * sched.c: the re-check schedule of known documents (sched.h).
 */
#include <stdio.h>
#include <string.h>

#include "sched.h"
#include "url.h"

#define DAY 86400

time_t
sched_date(const char *s)
{
	struct tm tm;
	int n = 0;

	memset(&tm, 0, sizeof(tm));
	if (sscanf(s, "%4d-%2d-%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
	    &n) != 3 || s[n] != '\0' || tm.tm_year < 1970 ||
	    tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 ||
	    tm.tm_mday > 31)
		return 0;
	tm.tm_year -= 1900;
	tm.tm_mon--;
	return timegm(&tm);
}

int
sched_due(const struct sched *s, const char *url, const char *published,
    time_t first, time_t checked, time_t now)
{
	time_t born = sched_date(published), day = now / DAY;
	long cycle = s->cycle_days > 0 ? s->cycle_days : 1;

	if (born == 0 || born > now)
		born = first;
	if (checked <= 0 || born <= 0 || now - born < (time_t)s->recent_days *
	    DAY)
		return 1;
	if (cycle == 1 || now - checked >= 2 * cycle * DAY)
		return 1;
	/* its night of the cycle, and not yet checked that night */
	return (long)(day % cycle) == (long)(url_hash(url) % (unsigned long)cycle) &&
	    checked < day * DAY;
}
