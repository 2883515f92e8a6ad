/*
 * bounds.h: every input limit of gk and its default, in one place.
 * Hitting a limit is an `error` record, never a crash.
 */
#ifndef GK_BOUNDS_H
#define GK_BOUNDS_H

#define GK_MAX_LINE		(4u << 20)	/* one stream record */
#define GK_MAX_FILE		(64u << 20)	/* one document read from disk */
#define GK_MAX_DOWNLOAD		(64u << 20)	/* one body fetched over HTTP */
#define GK_MAX_UNZIPPED		(128u << 20)	/* one part inside a zip */
#define GK_MAX_PAGES		500		/* pages of a PDF */
#define GK_MAX_CELLS		200000		/* cells of one document */
#define GK_MAX_SHEETS		1024		/* sheets of one workbook */
#define GK_MAX_TABLE_ROWS	5000		/* rows of one table */
#define GK_MAX_TABLE_COLS	256		/* columns of one table */
#define GK_MAX_TEXT		(1u << 20)	/* text of one para or cell */
#define GK_MAX_DEPTH		256		/* nesting of markup */
#define GK_MAX_ELEMENTS		250000		/* elements of one HTML page or
						 * XML part: ~80 MB of tree */
/* One PDF (extract/pdf/): what MuPDF may hold and spend, what a page may draw */
#define GK_MAX_PDF_MEMORY	(192u << 20)	/* bytes MuPDF holds at once */
#define GK_MAX_PDF_SECONDS	5.0		/* CPU seconds of MuPDF work on a
						   document (an OCR page: each) */
#define GK_MAX_PAGE_CHARS	200000		/* characters drawn on a page */
#define GK_MAX_PAGE_PATHS	100000		/* paths drawn on a page */
#define GK_MAX_PAGE_RULES	20000		/* ruling segments of a page */
#define GK_MAX_PDF_NESTING	256		/* clips, groups, forms nested */

#endif
