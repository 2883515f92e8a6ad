/*
 * lock.h: one gk-load at a time per data folder (flock on DIR/.gk-load.lock).
 */
#ifndef GK_LOAD_LOCK_H
#define GK_LOAD_LOCK_H

/*
 * Take the lock, waiting up to wait seconds (0: try once).  Returns the
 * locked descriptor, or -1 after a message.  The lock goes with the process:
 * a gk-load killed at any moment leaves it free.
 */
int lock_take(const char *dir, double wait);
void lock_release(int fd);

#endif
