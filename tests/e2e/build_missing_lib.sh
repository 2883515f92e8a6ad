#!/bin/sh
# A missing library stops the build with one line naming the Debian package
# to install (pkg-config made blind by an empty search path).
set -u
out=$(PKG_CONFIG_LIBDIR=/nonexistent PKG_CONFIG_PATH= make -n all 2>&1)
echo "$out"
n=$(printf '%s\n' "$out" | grep -c 'not found: install the Debian package')
[ "$n" -eq 1 ] || { echo "want exactly one line naming a package, got $n"; exit 1; }
printf '%s\n' "$out" | grep -q 'libssl-dev\|libcmocka-dev\|libcurl4-openssl-dev\|libxml2-dev'
