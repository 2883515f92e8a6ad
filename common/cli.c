/*
 * cli.c: --version, -q and the end of standard output, alike in every gk
 * program.
 */
#include <sys/stat.h>

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "log.h"

#ifndef GK_VERSION
#define GK_VERSION "unknown"
#endif

#ifndef GK_DATADIR
#define GK_DATADIR "/usr/local/share/gk"
#endif

static int quiet;

const char *
gk_config_file(const char *name, char *buf, size_t size)
{
	if ((size_t)snprintf(buf, size, "config/%s", name) < size &&
	    access(buf, R_OK) == 0)
		return buf;
	if ((size_t)snprintf(buf, size, "%s/%s", GK_DATADIR, name) < size &&
	    access(buf, R_OK) == 0)
		return buf;
	return NULL;
}

const char *
gk_version(void)
{
	return GK_VERSION;
}

void
gk_print_version(void)
{
	printf("%s (gk) %s\n", gk_progname(), gk_version());
	gk_stdout_close(stdout);
	exit(GK_EXIT_OK);
}

void
gk_usage(int help, const char *synopsis, const char *summary,
    const char *options)
{
	if (!help) {
		fputs(synopsis, stderr);
		fprintf(stderr, "Try '%s --help' for more.\n", gk_progname());
		exit(GK_EXIT_RUN);
	}
	printf("%s%s\n%s", synopsis, summary, options);
	gk_stdout_close(stdout);
	exit(GK_EXIT_OK);
}

void
gk_set_quiet(int q)
{
	quiet = q;
	if (q)
		gk_set_verbose(0);
}

int
gk_quiet(void)
{
	return quiet;
}

void
gk_exit_if_epipe(int err)
{
	struct sigaction sa;

	if (err != EPIPE)
		return;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_DFL;
	sigaction(SIGPIPE, &sa, NULL);
	raise(SIGPIPE);
	_exit(GK_EXIT_RUN);	/* SIGPIPE blocked: still quiet */
}

/*
 * Whether fd is a pipe whose reader has gone: the write end of such a pipe
 * polls POLLERR.  An earlier write may have failed with EPIPE and errno
 * been overwritten since; this asks the pipe itself.
 */
static int
reader_gone(int fd)
{
	struct pollfd p;
	struct stat sb;

	if (fstat(fd, &sb) == -1 || !S_ISFIFO(sb.st_mode))
		return 0;
	p.fd = fd;
	p.events = POLLOUT;
	p.revents = 0;
	return poll(&p, 1, 0) == 1 && (p.revents & POLLERR) != 0;
}

void
gk_stdout_failed(FILE *fp, int err)
{
	if (err == 0 && reader_gone(fileno(fp)))
		err = EPIPE;
	gk_exit_if_epipe(err);
	if (err != 0)
		gk_fatal("stdout", "write error: %s", strerror(err));
	gk_fatal("stdout", "write error");
}

void
gk_stdout_close(FILE *fp)
{
	errno = 0;
	if (fflush(fp) != EOF && !ferror(fp))
		return;
	gk_stdout_failed(fp, errno);
}
