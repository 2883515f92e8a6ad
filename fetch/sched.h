/*
 * sched.h: when a known document is asked for again.  A report rarely
 * changes once it is a month old: documents published (or, without a
 * date, first seen) within the last recent-days days are checked on every
 * run; older ones once every cycle-days days, each on the night its URL's
 * hash gives, so that the checks of the old ones spread evenly over the
 * nights; one not checked for twice the cycle (nights missed) is checked
 * at once.
 */
#ifndef GK_FETCH_SCHED_H
#define GK_FETCH_SCHED_H

#include <time.h>

struct sched {
	int recent_days;	/* recheck-recent-days */
	int cycle_days;		/* recheck-cycle-days: 1 = every run */
};

/*
 * 1 when the document at url is due at now: published is "YYYY-MM-DD" or
 * "", first the time it was first seen, checked the last time it was
 * checked (0: never).
 */
int sched_due(const struct sched *, const char *url, const char *published,
    time_t first, time_t checked, time_t now);
/* "YYYY-MM-DD" at 00:00 UTC; 0 when s is not such a date. */
time_t sched_date(const char *s);

#endif
