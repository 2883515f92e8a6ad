#!/bin/sh
# Install the Debian packages gk's build and tests need: the union of every
# stage's debian-packages list, or of the lists given as arguments.  Run as root (or through sudo).
set -eu
cd "$(dirname "$0")/.."
# With arguments: only those lists (make bench-deps).
[ $# -gt 0 ] || set -- common/debian-packages fetch/debian-packages extract/debian-packages \
  transform/debian-packages load/debian-packages tests/debian-packages
pkgs=$(cat "$@" |
  sed 's/#.*//' | tr -s ' \n' '\n' | sort -u)
sudo=
[ "$(id -u)" -eq 0 ] || sudo=sudo
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $pkgs
