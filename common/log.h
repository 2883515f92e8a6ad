/*
 * log.h: messages on standard error, never on standard output.
 * Lines read "prog: file: reason", as OpenBSD's warn(3) writes them.
 */
#ifndef GK_LOG_H
#define GK_LOG_H

/* Exit statuses of every gk program (DESIGN.md). */
enum gk_exit {
	GK_EXIT_OK = 0,		/* all good */
	GK_EXIT_DOCS = 1,	/* some documents failed */
	GK_EXIT_RUN = 2		/* the run itself failed */
};

void gk_log_init(const char *progname);
const char *gk_progname(void);
/* "prog: what: message"; what may be NULL. */
void gk_warn(const char *what, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* gk_warn, then exit(GK_EXIT_RUN). */
void gk_fatal(const char *what, const char *fmt, ...)
    __attribute__((format(printf, 2, 3), noreturn));
/* Only when GK_VERBOSE is set in the environment or -v was given. */
void gk_debug(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void gk_set_verbose(int);
int gk_verbose(void);

#endif
