# gk-extract: libxml2 for HTML and OOXML, libarchive for the zip of a .docx.
# Helpers adding a format append their pkg-config names here.
extract_PKGS := libxml-2.0:libxml2-dev libarchive:libarchive-dev libgsf-1:libgsf-1-dev
# MuPDF (format_pdf.c, format_ocr.c): Debian ships it static only and its .pc
# lists no dependencies, so the whole link line is spelled out.  Static
# archives only pull in what a binary uses: tests that do not touch the PDF
# code stay small.
extract_LIBS += -lmupdf -lmupdf-third -lmujs -lgumbo -lopenjp2 -ljbig2dec -ljpeg -lz -lm -lfreetype -lharfbuzz
# Tesseract + Leptonica (format_ocr.c: scanned PDFs); chi_sim is the language
# data.  Headers only: ocr_lib.c loads libtesseract with dlopen() when a
# document needs OCR, so its ~70 shared libraries (Leptonica, libgomp, curl,
# ICU, ...) stay out of the runs that need none.  The soname to load comes
# from the linker name's SONAME; GK_TESSERACT_LIB overrides it at run time.
extract_HDR_PKGS := tesseract:libtesseract-dev lept:libleptonica-dev
extract_TESS_SONAME := $(shell objdump -p "$$(pkg-config --variable=libdir \
  tesseract 2>/dev/null)/libtesseract.so" 2>/dev/null | sed -n 's/^ *SONAME *//p')
extract_CFLAGS += $(if $(extract_TESS_SONAME),-DGK_TESSERACT_SONAME='"$(extract_TESS_SONAME)"')
# The build id note (cache.c: gk-extract --cache keys its results by it, so
# that a gk built from other code reads every document again).
extract_LIBS += -Wl,--build-id=sha1
