/*
 * sniff.h: a document's TYPE from its bytes, never from its name.
 */
#ifndef GK_SNIFF_H
#define GK_SNIFF_H

#include <stddef.h>

/*
 * One of "html", "docx", "doc", "pdf", "xlsx", "xls", "wps", "ofd", "other".
 * An OLE2 file is "doc" when its root holds a WordDocument stream (Word
 * 97-2003, and WPS Writer's .wps, which is the same format), "xls" for a
 * Workbook or Book stream (Excel BIFF, and WPS Spreadsheets' .et), "wps"
 * for WPS's own WpsCustomData alone.  A zip is "docx", "xlsx" or "ofd"
 * (OFD.xml, the entry of a GB/T 33190 fixed-layout document).  Looks at the
 * whole buffer when it must (a zip's member names sit in its central
 * directory at the end; an OLE2 file's stream names in its directory).
 */
const char *gk_sniff(const unsigned char *p, size_t n);

#endif
