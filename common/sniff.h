/*
 * sniff.h: a document's TYPE from its bytes, never from its name.
 */
#ifndef GK_SNIFF_H
#define GK_SNIFF_H

#include <stddef.h>

/*
 * One of "html", "docx", "doc", "pdf", "xlsx", "xls", "wps", "other".
 * Looks at the whole buffer when it must (a zip's member names sit in its
 * central directory at the end; an OLE2 file's stream names in its directory).
 */
const char *gk_sniff(const unsigned char *p, size_t n);

#endif
