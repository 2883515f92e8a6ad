/*
 * url.c: URL normalisation and resolution (RFC 3986 sections 5 and 6).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "url.h"

struct parts {
	char scheme[16];
	char host[256];
	char port[8];
	const char *path;	/* points into a copy owned by the caller */
	size_t pathlen;
	const char *query;	/* after '?', NULL when none */
	size_t querylen;
	int has_authority;
};

static int
is_unreserved(int c)
{
	return isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Append one byte to out, canonically escaped. */
static int
put(char *out, size_t outsz, size_t *n, int c, int keep_reserved)
{
	static const char hx[] = "0123456789ABCDEF";

	if (is_unreserved(c) || (keep_reserved && c > 0x20 && c < 0x7f &&
	    strchr("!$&'()*+,;=:@/?", c) != NULL)) {
		if (*n + 1 >= outsz)
			return -1;
		out[(*n)++] = (char)c;
		return 0;
	}
	if (*n + 3 >= outsz)
		return -1;
	out[(*n)++] = '%';
	out[(*n)++] = hx[(c >> 4) & 15];
	out[(*n)++] = hx[c & 15];
	return 0;
}

/*
 * Copy s[0..len) escaping canonically: %xx of an unreserved character is
 * decoded, any other %xx kept with upper-case hex, reserved characters kept
 * as they are (they may carry meaning), everything else escaped.
 */
static int
put_escaped(char *out, size_t outsz, size_t *n, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		int c = (unsigned char)s[i];

		if (c == '%' && i + 2 < len && hexval(s[i + 1]) >= 0 &&
		    hexval(s[i + 2]) >= 0) {
			/* decoded if unreserved, else re-escaped upper-case */
			c = hexval(s[i + 1]) * 16 + hexval(s[i + 2]);
			i += 2;
			if (put(out, outsz, n, c, 0) == -1)
				return -1;
			continue;
		}
		if (put(out, outsz, n, c, 1) == -1)
			return -1;
	}
	return 0;
}

/* Remove "." and ".." segments (RFC 3986 5.2.4) from path[0..len). */
static size_t
remove_dots(const char *in, size_t len, char *out)
{
	size_t i = 0, o = 0;

	while (i < len) {
		if (len - i >= 3 && strncmp(in + i, "../", 3) == 0)
			i += 3;
		else if (len - i >= 2 && strncmp(in + i, "./", 2) == 0)
			i += 2;
		else if (len - i >= 3 && strncmp(in + i, "/./", 3) == 0)
			i += 2;
		else if (len - i == 2 && strncmp(in + i, "/.", 2) == 0) {
			out[o++] = '/';
			i += 2;
		} else if ((len - i >= 4 && strncmp(in + i, "/../", 4) == 0) ||
		    (len - i == 3 && strncmp(in + i, "/..", 3) == 0)) {
			i += 3;
			if (i == len) {
				/* "/.." at the end: keep a trailing slash */
				while (o > 0 && out[--o] != '/')
					;
				out[o++] = '/';
				continue;
			}
			while (o > 0 && out[--o] != '/')
				;
		} else if ((len - i == 1 && in[i] == '.') ||
		    (len - i == 2 && strncmp(in + i, "..", 2) == 0))
			i = len;
		else {
			do
				out[o++] = in[i++];
			while (i < len && in[i] != '/');
		}
	}
	return o;
}

/* Trim ASCII whitespace at both ends; drop tabs and newlines inside. */
static char *
clean_copy(const char *s)
{
	size_t len, i, o;
	char *c;

	while (*s != '\0' && (unsigned char)*s <= 0x20)
		s++;
	len = strlen(s);
	while (len > 0 && (unsigned char)s[len - 1] <= 0x20)
		len--;
	if ((c = malloc(len + 1)) == NULL)
		return NULL;
	for (i = o = 0; i < len; i++)
		if (s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			c[o++] = s[i];
	c[o] = '\0';
	return c;
}

/* Split an absolute URL.  s is modified (fragment cut). */
static int
split(char *s, struct parts *p)
{
	char *c, *auth, *end, *h;
	size_t n;

	memset(p, 0, sizeof(*p));
	if ((c = strchr(s, '#')) != NULL)
		*c = '\0';
	for (n = 0; isalnum((unsigned char)s[n]) || s[n] == '+' ||
	    s[n] == '-' || s[n] == '.'; n++)
		;
	if (n == 0 || n >= sizeof(p->scheme) || s[n] != ':' ||
	    !isalpha((unsigned char)s[0]))
		return -1;
	for (size_t i = 0; i < n; i++)
		p->scheme[i] = (char)tolower((unsigned char)s[i]);
	s += n + 1;
	if (strcmp(p->scheme, "http") != 0 && strcmp(p->scheme, "https") != 0 &&
	    strcmp(p->scheme, "file") != 0)
		return -1;
	if (strncmp(s, "//", 2) == 0) {
		p->has_authority = 1;
		auth = s + 2;
		end = auth + strcspn(auth, "/?");
		s = end;
		/* userinfo is dropped: gk never sends credentials */
		for (h = end; h > auth; h--)
			if (h[-1] == '@')
				break;
		if (*h == '[') {
			char *rb = memchr(h, ']', (size_t)(end - h));

			if (rb == NULL)
				return -1;
			n = (size_t)(rb + 1 - h);
			c = rb + 1;
		} else {
			c = memchr(h, ':', (size_t)(end - h));
			n = (size_t)((c != NULL ? c : end) - h);
		}
		if (n >= sizeof(p->host))
			return -1;
		for (size_t i = 0; i < n; i++) {
			int ch = (unsigned char)h[i];

			if (ch <= 0x20 || ch == '%' || ch == '\\' || ch == '<' ||
			    ch == '>' || ch == '"')
				return -1;
			p->host[i] = (char)tolower(ch);
		}
		p->host[n] = '\0';
		while (n > 0 && p->host[n - 1] == '.')
			p->host[--n] = '\0';
		if (c != NULL && c < end && *c == ':') {
			size_t pl = (size_t)(end - c - 1);
			long v;

			if (pl >= sizeof(p->port))
				return -1;
			for (size_t i = 0; i < pl; i++)
				if (!isdigit((unsigned char)c[1 + i]))
					return -1;
			memcpy(p->port, c + 1, pl);
			p->port[pl] = '\0';
			v = pl ? strtol(p->port, NULL, 10) : 0;
			if (v > 65535)
				return -1;
			if (pl == 0 || (v == 80 && strcmp(p->scheme, "http") == 0) ||
			    (v == 443 && strcmp(p->scheme, "https") == 0))
				p->port[0] = '\0';
			else
				snprintf(p->port, sizeof(p->port), "%u", (unsigned)v & 0xffff);
		}
		if (strcmp(p->scheme, "file") == 0) {
			if (strcmp(p->host, "localhost") == 0)
				p->host[0] = '\0';
			if (p->host[0] != '\0' || p->port[0] != '\0')
				return -1;
		} else if (p->host[0] == '\0')
			return -1;
	} else if (strcmp(p->scheme, "file") != 0)
		return -1;
	p->path = s;
	p->pathlen = strcspn(s, "?");
	if (s[p->pathlen] == '?') {
		p->query = s + p->pathlen + 1;
		p->querylen = strlen(p->query);
	}
	return 0;
}

static int
build(const struct parts *p, char *out, size_t outsz)
{
	char *dots;
	size_t n = 0, dl;
	int w;

	w = snprintf(out, outsz, "%s://%s%s%s", p->scheme, p->host,
	    p->port[0] ? ":" : "", p->port);
	if (w < 0 || (size_t)w >= outsz)
		return -1;
	n = (size_t)w;
	if ((dots = malloc(p->pathlen + 2)) == NULL)
		return -1;
	dl = remove_dots(p->path, p->pathlen, dots);
	if (dl == 0 || dots[0] != '/') {
		memmove(dots + 1, dots, dl);
		dots[0] = '/';
		dl++;
	}
	if (put_escaped(out, outsz, &n, dots, dl) == -1) {
		free(dots);
		return -1;
	}
	free(dots);
	if (p->query != NULL) {
		if (n + 1 >= outsz)
			return -1;
		out[n++] = '?';
		if (put_escaped(out, outsz, &n, p->query, p->querylen) == -1)
			return -1;
	}
	out[n] = '\0';
	return 0;
}

int
url_normalize(const char *in, char *out, size_t outsz)
{
	struct parts p;
	char *s;
	int rc;

	if ((s = clean_copy(in)) == NULL)
		return -1;
	rc = split(s, &p) == -1 ? -1 : build(&p, out, outsz);
	free(s);
	return rc;
}

static int
has_scheme(const char *s)
{
	size_t n;

	if (!isalpha((unsigned char)s[0]))
		return 0;
	for (n = 0; isalnum((unsigned char)s[n]) || s[n] == '+' ||
	    s[n] == '-' || s[n] == '.'; n++)
		;
	return s[n] == ':';
}

int
url_resolve(const char *base, const char *ref, char *out, size_t outsz)
{
	char nb[URL_MAX], *r, *joined = NULL;
	const char *bp;
	size_t plen, rl;
	int rc = -1;

	if ((r = clean_copy(ref)) == NULL)
		return -1;
	if (has_scheme(r)) {
		rc = url_normalize(r, out, outsz);
		goto done;
	}
	if (url_normalize(base, nb, sizeof(nb)) == -1)
		goto done;
	bp = url_path(nb);
	rl = strlen(r);
	if ((joined = malloc(strlen(nb) + rl + 2)) == NULL)
		goto done;
	if (strncmp(r, "//", 2) == 0)
		sprintf(joined, "%.*s%s", (int)(strchr(nb, ':') - nb + 1), nb, r);
	else if (r[0] == '/')
		sprintf(joined, "%.*s%s", (int)(bp - nb), nb, r);
	else if (r[0] == '\0' || r[0] == '#')
		sprintf(joined, "%s", nb);
	else if (r[0] == '?')
		sprintf(joined, "%.*s%s", (int)(bp - nb + strcspn(bp, "?")), nb,
		    r);
	else {
		plen = strcspn(bp, "?");
		while (plen > 0 && bp[plen - 1] != '/')
			plen--;
		sprintf(joined, "%.*s%s", (int)(bp - nb + plen), nb, r);
	}
	rc = url_normalize(joined, out, outsz);
done:
	free(joined);
	free(r);
	return rc;
}

int
url_scheme(const char *url, char *out, size_t outsz)
{
	size_t n = strcspn(url, ":");

	if (url[n] != ':' || n >= outsz)
		return -1;
	memcpy(out, url, n);
	out[n] = '\0';
	return 0;
}

int
url_host(const char *url, char *out, size_t outsz)
{
	const char *h = strstr(url, "://"), *e;
	size_t n;

	if (h == NULL)
		return -1;
	h += 3;
	if (*h == '[')
		e = strchr(h, ']') ? strchr(h, ']') + 1 : h + strlen(h);
	else
		e = h + strcspn(h, ":/?");
	n = (size_t)(e - h);
	if (n >= outsz)
		return -1;
	memcpy(out, h, n);
	out[n] = '\0';
	return 0;
}

const char *
url_path(const char *url)
{
	const char *h = strstr(url, "://");

	if (h == NULL)
		return url + strlen(url);
	h += 3;
	return h + strcspn(h, "/?");
}

int
url_host_is_ip(const char *host)
{
	const char *last, *p;

	if (host[0] == '[')
		return 1;
	/* WHATWG's "ends in a number": 10.0.0.1, 2130706433, 0x7f.1 */
	last = strrchr(host, '.') ? strrchr(host, '.') + 1 : host;
	if (*last == '\0')
		return 0;
	if (last[0] == '0' && (last[1] == 'x' || last[1] == 'X')) {
		for (p = last + 2; *p != '\0'; p++)
			if (!isxdigit((unsigned char)*p))
				return 0;
		return 1;
	}
	for (p = last; *p != '\0'; p++)
		if (!isdigit((unsigned char)*p))
			return 0;
	return 1;
}

int
url_file_path(const char *url, char *out, size_t outsz)
{
	const char *p;
	size_t n = 0;

	if (strncmp(url, "file://", 7) != 0)
		return -1;
	for (p = url_path(url); *p != '\0' && *p != '?'; p++) {
		int c = (unsigned char)*p;

		if (c == '%' && hexval(p[1]) >= 0 && hexval(p[2]) >= 0) {
			c = hexval(p[1]) * 16 + hexval(p[2]);
			p += 2;
		}
		if (c == 0 || n + 1 >= outsz)
			return -1;
		out[n++] = (char)c;
	}
	out[n] = '\0';
	return 0;
}

uint32_t
url_hash(const char *url)
{
	uint32_t h = 2166136261u;

	while (*url != '\0')
		h = (h ^ (unsigned char)*url++) * 16777619u;
	return h;
}
