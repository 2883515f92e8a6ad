#!/bin/sh
# The scans of the committed matrix sample (and the PDFs whose text has no
# Unicode mapping, which only OCR reads): every value must be flagged ocr
# and each file must score at least its line of
# tests/matrix/sample/expected.tsv.  Few files: OCR costs seconds a page.
[ -f /usr/share/tesseract-ocr/5/tessdata/chi_sim.traineddata ] ||
    [ -f /usr/share/tesseract-ocr/4.00/tessdata/chi_sim.traineddata ] ||
    { echo "no chi_sim language data (Debian tesseract-ocr-chi-sim)"; exit 77; }
exec sh tests/matrix/check-sample.sh ocr
