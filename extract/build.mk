# gk-extract: libxml2 for HTML and OOXML, libarchive for the zip of a .docx.
# Helpers adding a format append their pkg-config names here.
extract_PKGS := libxml-2.0:libxml2-dev libarchive:libarchive-dev libgsf-1:libgsf-1-dev
# MuPDF (format_pdf.c, format_ocr.c): Debian ships it static only and its .pc
# lists no dependencies, so the whole link line is spelled out.  Static
# archives only pull in what a binary uses: tests that do not touch the PDF
# code stay small.
extract_LIBS += -lmupdf -lmupdf-third -lmujs -lgumbo -lopenjp2 -ljbig2dec -ljpeg -lz -lm -lfreetype -lharfbuzz
# Tesseract + Leptonica (format_ocr.c: scanned PDFs); chi_sim is the language data.
extract_PKGS += tesseract:libtesseract-dev lept:libleptonica-dev
