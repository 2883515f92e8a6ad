/*
 * err.c: names and sentences of the error codes.  Switches, not tables, so
 * that the compiler (-Wswitch) catches a code without a name.
 */
#include "err.h"

const char *
gk_errname(enum gk_err e)
{
	switch (e) {
	case GK_E_OK: return "ok";
	case GK_E_OPEN: return "open_failed";
	case GK_E_TOO_BIG: return "too_big";
	case GK_E_TOO_MANY: return "too_many";
	case GK_E_CORRUPT: return "corrupt";
	case GK_E_TRUNCATED: return "truncated";
	case GK_E_ENCRYPTED: return "encrypted";
	case GK_E_UNSUPPORTED: return "unsupported";
	case GK_E_ENCODING: return "encoding";
	case GK_E_NO_TEXT: return "no_text";
	case GK_E_NO_TEMPLATE: return "no_template";
	case GK_E_BAD_RECORD: return "bad_record";
	case GK_E_HTTP: return "http";
	case GK_E_TIMEOUT: return "timeout";
	case GK_E_NETWORK: return "network";
	case GK_E_ROBOTS: return "robots";
	case GK_E_OFF_HOST: return "off_host";
	case GK_E_OCR: return "ocr_failed";
	case GK_E_NOMEM: return "out_of_memory";
	case GK_E_INTERNAL: return "internal";
	case GK_E_UNREACHABLE: return "unreachable";
	case GK_E_DNS: return "dns";
	case GK_E_SERVER: return "server_error";
	case GK_E_REDIRECT_LOOP: return "redirect_loop";
	case GK_E_LAST: break;
	}
	return "unknown";
}

const char *
gk_strerror(enum gk_err e)
{
	switch (e) {
	case GK_E_OK: return "no error";
	case GK_E_OPEN: return "cannot open or read the file";
	case GK_E_TOO_BIG: return "larger than the limit";
	case GK_E_TOO_MANY: return "more parts than the limit allows";
	case GK_E_CORRUPT: return "the file is damaged";
	case GK_E_TRUNCATED: return "the file ends early";
	case GK_E_ENCRYPTED: return "the file is encrypted";
	case GK_E_UNSUPPORTED: return "a format gk does not read";
	case GK_E_ENCODING: return "text in an unknown or broken encoding";
	case GK_E_NO_TEXT: return "nothing readable in the document";
	case GK_E_NO_TEMPLATE: return "the tables match no report template";
	case GK_E_BAD_RECORD: return "a malformed record in the stream";
	case GK_E_HTTP: return "the server answered with an error status";
	case GK_E_TIMEOUT: return "the transfer timed out";
	case GK_E_NETWORK: return "the connection broke";
	case GK_E_ROBOTS: return "robots.txt disallows the URL";
	case GK_E_OFF_HOST: return "the URL leaves the allowed hosts";
	case GK_E_OCR: return "a page image could not be read";
	case GK_E_NOMEM: return "out of memory";
	case GK_E_INTERNAL: return "internal error";
	case GK_E_UNREACHABLE: return "the host did not answer (connection refused or no route)";
	case GK_E_DNS: return "the host name did not resolve";
	case GK_E_SERVER: return "the server answered with a 5xx status";
	case GK_E_REDIRECT_LOOP: return "the redirects lead back to a URL already visited";
	case GK_E_LAST: break;
	}
	return "unknown error";
}
