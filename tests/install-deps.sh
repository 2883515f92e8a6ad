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
# Another apt (unattended-upgrades, a second session) may hold the lock:
# wait for it (GK_APT_WAIT seconds, default 600) rather than fail at once.
# The install waits by DPkg::Lock::Timeout; apt-get update's lists lock has
# no such option, so it is tried again until the same deadline.
wait=${GK_APT_WAIT:-600}
lock="-o DPkg::Lock::Timeout=$wait"
end=$(($(date +%s) + wait))
# shellcheck disable=SC2086
until $sudo apt-get $lock update -qq; do
	[ "$(date +%s)" -lt "$end" ] || { echo "install-deps: apt-get update failed (lock held for ${wait} s?)" >&2; exit 1; }
	echo "install-deps: apt is busy; trying again in 10 s" >&2
	sleep 10
done
# shellcheck disable=SC2086
$sudo apt-get $lock install -y -qq --no-install-recommends $pkgs
