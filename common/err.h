/*
 * err.h: the error codes written in the CODE field of `error` records.
 * The names are stable (scripts grep for them); README.md lists them and a
 * test checks that the list and this enum agree.
 */
#ifndef GK_ERR_H
#define GK_ERR_H

enum gk_err {
	GK_E_OK = 0,
	GK_E_OPEN,		/* open_failed: the file cannot be opened or read */
	GK_E_TOO_BIG,		/* too_big: over a byte limit */
	GK_E_TOO_MANY,		/* too_many: over a count limit (pages, cells, rows) */
	GK_E_CORRUPT,		/* corrupt: the file is damaged */
	GK_E_TRUNCATED,		/* truncated: the file ends early */
	GK_E_ENCRYPTED,		/* encrypted: the file needs a password */
	GK_E_UNSUPPORTED,	/* unsupported: a format gk does not read */
	GK_E_ENCODING,		/* encoding: text in an unknown or broken encoding */
	GK_E_NO_TEXT,		/* no_text: nothing readable in the document */
	GK_E_NO_TEMPLATE,	/* no_template: the tables match no template */
	GK_E_BAD_RECORD,	/* bad_record: a malformed line in the stream */
	GK_E_HTTP,		/* http: the server answered with an error status */
	GK_E_TIMEOUT,		/* timeout: the transfer took too long or stalled */
	GK_E_NETWORK,		/* network: the connection broke (reset, TLS, nothing received) */
	GK_E_ROBOTS,		/* robots: robots.txt disallows the URL */
	GK_E_OFF_HOST,		/* off_host: the URL or a redirect leaves the allowed hosts */
	GK_E_OCR,		/* ocr_failed: a page image could not be read */
	GK_E_NOMEM,		/* out_of_memory */
	GK_E_INTERNAL,		/* internal: a library failed in a way it should not */
	GK_E_UNREACHABLE,	/* unreachable: connection refused or no route (the network or the host is down) */
	GK_E_DNS,		/* dns: the host name did not resolve */
	GK_E_SERVER,		/* server_error: the server answered 5xx */
	GK_E_REDIRECT_LOOP,	/* redirect_loop: a redirect leads back to a URL of its own chain */
	GK_E_LAST		/* not a code: the count */
};

/* The stable CODE name, e.g. "too_big". */
const char *gk_errname(enum gk_err);
/* One sentence for people. */
const char *gk_strerror(enum gk_err);

#endif
