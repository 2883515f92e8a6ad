#!/bin/sh
# embed.sh NAME FILE [NAME FILE]...: C arrays of the files' bytes, each
# NUL-terminated, on standard output: the built-in defaults of gk-fetch are
# config/qingdao.conf and config/agencies.tsv themselves (fetch/build.mk).
set -eu
echo "/* made by fetch/embed.sh from $*; do not edit */"
while [ $# -ge 2 ]; do
	echo "static const char $1[] = {"
	od -An -v -tx1 "$2" | awk '{ for (i = 1; i <= NF; i++) printf "0x%s,", $i; print "" }'
	echo "0x00 };"
	shift 2
done
