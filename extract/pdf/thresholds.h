/*
 * thresholds.h: every geometric threshold of the PDF reader, named once,
 * with its unit and the reason for its value.  Units: pt (1/72 in, the
 * page's units), em (the font size of the text concerned), or a share (of
 * a page, a side, a colour channel).  Each has a unit test that builds a
 * page just inside and just outside it (tests/unit/test_extract_pdf_*.c).
 *
 * Limits on what a document may cost are in common/bounds.h.
 */
#ifndef GK_EXTRACT_PDF_THRESHOLDS_H
#define GK_EXTRACT_PDF_THRESHOLDS_H

/* ---- drawing: what is a ruling (device.c) ---- */

/* A filled rectangle thinner than this is one ruling (a border drawn as a
 * thin box); a thicker one is a shaded cell, whose four edges are rulings.
 * Borders are 0.1-2 pt; the thinnest shaded cell holds a line of text. */
#define RULE_THIN		2.5f	/* pt */
/* A segment whose ends differ by less than this in y (x) is horizontal
 * (vertical): rulings are drawn on the axes, rounded to a hundredth. */
#define AXIS_TOL		0.5f	/* pt */
/* Shorter segments are dots, ticks, or the corners of boxes, not rules. */
#define MIN_RULE		1.0f	/* pt */
/* A filled rectangle over this share of the page is its background. */
#define BACKGROUND_SHARE	0.5f	/* share of the page area */
/* Alpha below this is not seen; a colour within this of white is white. */
#define INK_MIN			0.05f	/* share of a colour channel */
/* A ruling lying this far outside the clip is still drawn: a clip is
 * often the cell's box itself, and the border lies on its edge. */
#define CLIP_SLACK		1.0f	/* pt */
/* The middle of a glyph lies this far above its baseline: where a
 * character is when it is put in a cell or tested against a clip. */
#define CHAR_MIDDLE_EM		0.3f	/* em */

/* ---- the text layer: is it the document's text (store.c, format_pdf.c) ---- */

/* A text layer with over this share of its characters without Unicode
 * (U+FFFD, private use, control characters: fonts without ToUnicode, or
 * mapped to glyph numbers) is not the text: the pages are read as images.
 * Rewriters that drop the maps leave 30-100 %; a text with symbol-font
 * bullets a few %. */
#define UNMAPPED_SHARE		0.25f	/* share of the characters */
/* A character that is narrow in every font (ASCII but digits, a Latin
 * letter) set this wide is a glyph of another character: an ideograph
 * given a wrong Unicode (a rewriter's ToUnicode ranges shifted, an
 * identity map of glyph numbers), or a box drawn for a glyph the font
 * lacks.  Real Latin glyphs reach 0.95-1.0 em (% @ W), and a CID font
 * without widths sets every glyph at 1 em, so one is no sign: their share
 * is (WIDE_GLYPH_SHARE). */
#define WIDE_GLYPH_EM		0.9f	/* em */
/* A text layer with over this share of its characters narrow ones set
 * wide is not the text.  Text layers read: at most 0.5 %, 1-2 % for
 * TrueType subsets embedded without widths (% - . : /); rewrites with
 * shifted maps: 11-75 %. */
#define WIDE_GLYPH_SHARE	0.05f	/* share of the characters */
/* A text layer of a Chinese report whose characters other than ASCII
 * are under this share CJK ideographs is not the text (a glyph number
 * read as a Latin-1 letter).  Text layers read: 58-87 % of all their
 * characters; ASCII text (a Latin report, a test's Helvetica) is no sign. */
#define HAN_SHARE		0.10f	/* share of the characters but ASCII */
/* The decision is made once the pages read so far hold this many
 * characters (or at the end): the pages before it are held, not laid out. */
#define TEXT_SAMPLE		400	/* characters */

/* ---- text: lines, spaces, pieces (text.c, align.c, loose.c) ---- */

/* A wide character (a CJK ideograph, full-width punctuation) is drawn one
 * em wide: a font whose glyph boxes are narrower (a subset whose widths
 * were lost: 0 or half an em, the pen still moving on by the PDF's width)
 * would leave a gap after each glyph that reads as a cell gap. */
#define WIDE_CHAR_EM		1.0f	/* em */
/* ... unless the next character follows within this of its box: then the
 * box is its advance (a font set narrow: its last glyph of the line too,
 * when the one before it was so followed). */
#define ADVANCE_TOL		0.05f	/* em */

/* Baselines closer than this are one line.  Lines of one paragraph are
 * 1.2-2 em apart; subscripts and a cell's text set off its neighbour's
 * baseline stay well inside. */
#define SAME_LINE_EM		0.45f	/* em */
/* A gap between two characters wider than this is a space. */
#define SPACE_EM		0.3f	/* em */
/* Gaps under CELL_GAP_EM this close to the gap before or after them are
 * tracking, not spaces: glyphs narrower than the advances they were set
 * with (a TrueType subset rewritten without its widths: 2 0 2 0) leave
 * one gap after every glyph.  Widths of different glyphs differ by more. */
#define TRACK_TOL		0.03f	/* em */
/* Two digits of one figure are set this close (their boxes touch); a
 * wider gap between two, on a line whose other digits touch, parts two
 * figures (align.c digit_gap). */
#define TIGHT_DIGIT_EM		0.1f	/* em */
/* The same character drawn again less than this share of its width to
 * the right is a fake bold (drawn twice, shifted): one character.  A
 * share of the glyph, not of the em: "ll" in a Latin font is 0.2 em on. */
#define DUP_SHARE		0.3f	/* share of the glyph's width */
/* A gap wider than this parts two cells of a table without rulings:
 * CJK text has no spaces, and Latin word spaces are ~0.25-0.33 em. */
#define CELL_GAP_EM		0.45f	/* em */
/* One gap this wide (or two over CELL_GAP_EM) makes a line of cells. */
#define WIDE_GAP_EM		1.5f	/* em */
/* A line this close (baseline to baseline) to a line of cells is in its
 * table: the rest of a wrapped label, a row of blank figures. */
#define NEAR_EM			2.2f	/* em */
/* A line ending this far short of the right margin does not run on. */
#define RAGGED_EM		1.5f	/* em */

/* ---- ruled tables (table.c) ---- */

/* Rulings this close are on one line (a border drawn once per cell). */
#define RULE_SAME_LINE		1.0f	/* pt */
/* Rulings on one line join when their ends are this close. */
#define RULE_JOIN		2.0f	/* pt */
/* A horizontal and a vertical ruling this close touch (one table). */
#define RULE_TOUCH		2.5f	/* pt */
/* Grid lines closer than this are one: no text row fits between (a row
 * cut by a page break is redrawn a few points lower in some columns). */
#define GRID_MERGE		4.0f	/* pt */
/* A box side drawn over less than this share of its length is open: the
 * box and its neighbour are one merged cell. */
#define BORDER_SHARE		0.5f	/* share of the side */

/* ---- pages and page breaks (layout.c) ---- */

/* Column lines of two parts of a table this close are one. */
#define COLUMN_SAME		3.0f	/* pt */
/* A page number sits in the top or bottom margin: these shares of the
 * page height. */
#define MARGIN_TOP		0.08f	/* share of the page height */
#define MARGIN_BOTTOM		0.12f	/* share of the page height */
/* A bare number there (4, no dashes, no 第/页) is the page's only when its
 * gap to the body is over this many times the body's own line pitch next
 * to it: a figure on a page of one paragraph per cell follows at the
 * page's pitch (1.0), or after one blank cell's empty paragraph (2.0). */
#define FOLIO_PITCH		2.5f	/* share of the line pitch */
/* A glyph's top lies this far above its baseline (CJK: ~0.88 em). */
#define GLYPH_TOP_EM		0.85f	/* em */
/* A glyph is across a table's bottom edge when its top is this far inside
 * it (above the edge). */
#define EDGE_INSIDE		0.5f	/* pt */
/* Running text: a line continues the paragraph above when its font size
 * is within this of the line above ... */
#define PARA_SIZE		1.0f	/* pt */
/* ... it starts no further right than this from the text's left edge ... */
#define PARA_INDENT_EM		3.0f	/* em */
/* ... and its baseline is this close below (NEAR_EM). */
/* A blank paragraph seen as its gap (a page of one paragraph per cell):
 * the gap between two cells' lines is m > 1 times the page's pitch (the
 * median such gap) within this share of it ... */
#define BLANK_PITCH_TOL		0.2f	/* share of the pitch */
/* ... the pitch measured over this many gaps at least ... */
#define BLANK_MIN_GAPS		4
/* ... and at most this many blanks in one gap (a row of 三 has 8 cells). */
#define BLANK_RUN		8
/* A table header carried over a page break is set this far above the next
 * page's first line (one zone with it); a carried label further, so that
 * it does not join the first row's figures. */
#define CARRY_HEADER_EM		2.0f	/* em */
#define CARRY_LABEL_EM		3.0f	/* em */

/* ---- tables without rulings (align.c) ---- */

/* A numbered label this close above a line of figures is their row's
 * label (a label wrapped around figures set in its middle). */
#define LABEL_JOIN_EM		2.6f	/* em */
/* A column gap is at least this wide. */
#define COLUMN_GAP		2.0f	/* pt */
/* Labels that run on into the figures' columns (a long label set on one
 * line over its cell's border, not wrapped) do not close the column
 * gaps of the other rows when they are in at most this share of the rows
 * with figures: the gaps stay, and the long label's row alone spans them.
 * A quarter: such labels are the few long ones (（二）部分公开（区分处理的，
 * 只计这一情形…）); more rows than that covering a gap is a layout of its
 * own, not an overflow. */
#define OVERRUN_SHARE		0.25f	/* share of the rows */
/* Lines between two lines of cells this close are in the table. */
#define FILL_EM			30.0f	/* em */
/* A line this far below the last row is not in the table. */
#define AFTER_EM		2.5f	/* em */
/* A line below the last row further than this share of the table's row
 * pitch (the median distance between two rows of figures) is after the
 * table: a label's rest is a line of its cell, set at the cell's leading,
 * which is at most the row pitch (1.0); the form's signature line under a
 * 统计表 comes 1.3-1.5 pitches below its last row. */
#define AFTER_PITCH		1.2f	/* share of the row pitch */
/* ... measured over this many distances at least. */
#define PITCH_MIN_ROWS		3
/* Header line b is the wrapped rest of header line a when this close. */
#define HEADER_WRAP_EM		1.6f	/* em */
/* A single piece off the zone's left edge by this much, and centred within
 * it, is a title. */
#define TITLE_EM		6.0f	/* em */
/* A unit alone with its label set lower by less than this is one row. */
#define UNIT_LOWER_EM		0.6f	/* em */
/* The centre of a line's text lies this far above its baseline. */
#define LINE_MIDDLE_EM		0.35f	/* em */
/* A row reaches this far above and below the centres of its lines. */
#define ROW_HALF_EM		0.7f	/* em */
/* Two rows are one when they overlap by over this share of the lower. */
#define ROW_OVERLAP		0.5f	/* share of the row's height */
/* A piece crosses a column line when it passes it by more than this. */
#define CROSS_TOL		0.5f	/* pt */
/* A figure piece this close (baseline to baseline) under a figure that
 * fills its column is the rest of that figure, wrapped in a narrow
 * column: a cell's lines are set 1.0-1.45 em apart. */
#define FIGURE_WRAP_EM		1.6f	/* em */
/* A header label's next line is this close under it (centre to centre):
 * a cell's lines are set 1.0-1.7 em apart (a word processor's import of
 * a .doc: 1.68 em between two lines of 社会 / 公益 / 组织); a header row
 * further down is another label (header_wraps). */
#define HEADER_RUN_EM		2.0f	/* em */
/* A figure may carry a short unit after its digits: at most this many
 * characters (9（件）, 3万元). */
#define FIGURE_UNIT_CHARS	4

/* ---- the block rules (loose.c) ---- */

/* Left edges this close are one column start ... */
#define EDGE_TOL		1.5f	/* pt */
/* ... when this many pieces start there. */
#define EDGE_MIN		3
/* At a column start, a gap over this already parts two cells. */
#define SMALL_GAP_EM		0.1f	/* em */
/* Edges or centres this close are aligned (a wrapped label). */
#define ALIGN_EM		0.6f	/* em */
/* The lines of a wrapped label are this close. */
#define WRAP_EM			1.8f	/* em */
/* A piece ending this close to the next piece of its row is full. */
#define FULL_EM			2.0f	/* em */

#endif
