/*
 * cli.h: what every gk program does the same way at its command line:
 * --version, -q, and the end of standard output (a reader that went away
 * is a quiet exit, any other write error one line and status 2).
 */
#ifndef GK_CLI_H
#define GK_CLI_H

#include <stdio.h>

/* The gk version, from the VERSION file, baked in at build time. */
const char *gk_version(void);
/* "gk-load (gk) 0.1.0" on standard output, then exit 0. */
void gk_print_version(void) __attribute__((noreturn));
/*
 * The usage of a program.  help: synopsis and the options on standard
 * output, exit 0 (-h, --help).  Else the synopsis and a hint on standard
 * error, exit 2 (a wrong option or argument).
 */
void gk_usage(int help, const char *synopsis, const char *summary,
    const char *options) __attribute__((noreturn));
/*
 * A config file by name ("agency-aliases.tsv"): config/NAME in the
 * current folder when it is there, else the installed copy under the
 * DATADIR gk was built for (make install).  NULL when neither is.
 */
const char *gk_config_file(const char *name, char *buf, size_t size);
/* -q: no progress line, no -v lines (warnings and errors stay). */
void gk_set_quiet(int);
int gk_quiet(void);

/*
 * Flush fp (standard output).  When its reader has gone away (EPIPE), die
 * of SIGPIPE like any filter in a pipe: quietly.  Any other write error is
 * one line and exit 2.
 */
void gk_stdout_close(FILE *fp);
/* The quiet death of a write to a closed pipe (err is errno). */
void gk_exit_if_epipe(int err);
/* A write to fp failed with errno err: gk_stdout_close's verdict. */
void gk_stdout_failed(FILE *fp, int err) __attribute__((noreturn));

#endif
