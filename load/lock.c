/*
 * lock.c: flock(2) on a lock file beside the data.  flock is released by
 * the kernel when the holder dies, so a kill -9 never leaves a stale lock;
 * the pid written into the file is only there to help a person.
 */
#include <sys/file.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "common/log.h"
#include "lock.h"

#define LOCKNAME ".gk-load.lock"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
lock_take(const char *dir, double wait)
{
	char path[4096], pid[32];
	struct timespec nap = { 0, 50 * 1000 * 1000 };
	double start = now();
	int fd, n, told = 0;

	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, LOCKNAME) >=
	    sizeof(path)) {
		gk_warn(dir, "path too long");
		return -1;
	}
	if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644)) == -1) {
		gk_warn(path, "%s", strerror(errno));
		return -1;
	}
	while (flock(fd, LOCK_EX | LOCK_NB) == -1) {
		if (errno != EWOULDBLOCK && errno != EINTR) {
			gk_warn(path, "%s", strerror(errno));
			close(fd);
			return -1;
		}
		if (now() - start >= wait) {
			n = (int)pread(fd, pid, sizeof(pid) - 1, 0);
			pid[n > 0 ? n : 0] = '\0';
			pid[strcspn(pid, "\n")] = '\0';
			/* Only a live process: the holder may not be gk-load. */
			if (pid[0] == '\0' || kill((pid_t)atol(pid), 0) == -1)
				pid[0] = '\0';
			gk_warn(path, "locked by another gk-load%s%s%s; "
			    "gave up after %g s (-w sets the wait)",
			    pid[0] ? " (pid " : "", pid, pid[0] ? ")" : "",
			    wait);
			close(fd);
			return -1;
		}
		if (!told && gk_verbose()) {
			gk_warn(path, "waiting for another gk-load");
			told = 1;
		}
		nanosleep(&nap, NULL);
	}
	n = snprintf(pid, sizeof(pid), "%ld\n", (long)getpid());
	if (ftruncate(fd, 0) == -1 || pwrite(fd, pid, (size_t)n, 0) != n)
		gk_debug("%s: cannot note the pid", path);
	return fd;
}

void
lock_release(int fd)
{
	if (fd < 0)
		return;
	if (ftruncate(fd, 0) == -1)
		gk_debug("cannot clear the lock file");
	close(fd);
}
