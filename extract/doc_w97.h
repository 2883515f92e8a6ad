/*
 * doc_w97.h: the Word 97-2003 binary format (MS-DOC) inside its OLE2
 * streams: the FIB, the piece table, and paragraph properties (in-table,
 * row end, table depth, the row's cell boundaries and merge flags).
 *
 * The reader knows nothing of OLE2 (format_doc.c opens the container with
 * libgsf) nor of cells and grids: it walks the main text paragraph by
 * paragraph and hands each one, with its properties, to a callback.
 * Every offset and count read from the file is checked against the size of
 * the stream it points into.
 */
#ifndef GK_EXTRACT_DOC_W97_H
#define GK_EXTRACT_DOC_W97_H

#include <stddef.h>
#include <stdint.h>

#include "common/err.h"

#define W97_MAX_ITC	64	/* cells in a row's TAP (Word allows 63) */

/* TC80 flags (tcgrf) of a cell in sprmTDefTable. */
#define W97_TC_FIRSTMERGED	0x0001
#define W97_TC_MERGED		0x0002
#define W97_TC_VERTMERGE	0x0020
#define W97_TC_VERTRESTART	0x0040

struct w97_stream {
	const unsigned char *p;
	size_t len;
};

struct w97_fib {
	unsigned nfib;
	unsigned flags;		/* FibBase bits at 0x0A */
	uint32_t ccptext;	/* CPs of the main document text */
	uint32_t fcclx, lcbclx;
	uint32_t fcbtepapx, lcbbtepapx;
};

#define W97_F_COMPLEX		0x0004
#define W97_F_ENCRYPTED		0x0100
#define W97_F_1TABLE		0x0200
#define W97_F_OBFUSCATED	0x8000

/* The table properties of a row (on its row-end paragraph). */
struct w97_tap {
	int itc;			/* cells */
	int16_t dxa[W97_MAX_ITC + 1];	/* cell boundaries, twips */
	uint16_t tcgrf[W97_MAX_ITC];	/* TC80 flags */
};

struct w97_para {
	const uint16_t *text;	/* UTF-16 code units, the mark last */
	size_t len;
	int intable;		/* sprmPFInTable */
	int ttp;		/* sprmPFTtp: the row-end mark */
	int itap;		/* table depth (sprmPItap), 1 when only fInTable */
	int inner_cell;		/* sprmPFInnerTableCell */
	int inner_ttp;		/* sprmPFInnerTtp */
	int has_tap;
	struct w97_tap tap;
};

typedef int (*w97_para_fn)(void *arg, const struct w97_para *);

/*
 * Read the FIB of the WordDocument stream.  GK_E_UNSUPPORTED for Word 6/95
 * and older, GK_E_ENCRYPTED for a password-protected file, GK_E_CORRUPT
 * (or GK_E_TRUNCATED) otherwise; msg gets a sentence.
 */
enum gk_err w97_fib_read(const struct w97_stream *wd, struct w97_fib *,
    char *msg, size_t msglen);

/* "0Table" or "1Table". */
const char *w97_table_name(const struct w97_fib *);

/*
 * Walk the main text: fn is called once per paragraph in text order and
 * stops the walk by returning nonzero (the walk then returns GK_E_OK: the
 * callback keeps its own failure).  data may be empty (no Data stream).
 */
enum gk_err w97_walk(const struct w97_fib *, const struct w97_stream *wd,
    const struct w97_stream *tbl, const struct w97_stream *data,
    w97_para_fn fn, void *arg, char *msg, size_t msglen);

#endif
