#!/bin/sh
# The committed sample of the producer matrix (tests/matrix/sample/, made by
# `make matrix-sample`): report pages printed by every PDF producer of
# Debian 12, ruled, unruled and one <p> per cell, on A4, Letter and A4
# landscape, and Word files.  Every file must score at least its line of
# tests/matrix/sample/expected.tsv (values right, false checks, perfect
# stays perfect).  The files read by OCR are in matrix_scans.sh.
exec sh tests/matrix/check-sample.sh text
