/*
 * ole.h: the OLE2 container (Compound File Binary) of .doc and .xls files,
 * through libgsf, shared by format_doc.c and format_xls.c.
 */
#ifndef GK_EXTRACT_OLE_H
#define GK_EXTRACT_OLE_H

#include <stddef.h>

#include <gsf/gsf-infile.h>

#include "common/err.h"
#include "format.h"

/*
 * Open d's bytes as an OLE2 container (libgsf's messages go to gk_debug).
 * NULL on failure, with the code (truncated, corrupt, out_of_memory) and a
 * sentence in the sink.  Release with g_object_unref.
 */
GsfInfile *gk_ole_open(const struct gk_doc *, struct gk_sink *);

/*
 * A whole stream of the root storage into a malloc'd *buf (free it).
 * Returns 1, 0 when the stream is absent, -1 when it cannot be read or is
 * larger than GK_MAX_FILE.
 */
int gk_ole_stream(GsfInfile *, const char *name, unsigned char **buf,
    size_t *len);

/*
 * When the container or a stream cannot be read, tell a file cut short
 * (truncated: a sector that the FAT marks as in use, or a FAT sector, lies
 * past the end) from a damaged one (corrupt).
 */
enum gk_err gk_ole_damage(const struct gk_doc *);

#endif
