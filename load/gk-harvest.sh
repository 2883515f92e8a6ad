#!/bin/sh
# gk-harvest: the whole chain, for cron.
#
#   gk-harvest [-d data] [-j jobs] [-l log] [-w seconds] [-- gk-fetch arguments]
#   gk-harvest -h | --help | --version
#
#   gk-fetch ARGS | gk-extract | gk-transform | gk-load DATA
#
# gk-fetch's arguments default to "-c config/qingdao.conf --state DATA" (a
# crawl, its state and cache beside gk-load's delivered.tsv); give
# paths instead to load local files.  One harvest at a time per data folder
# (flock on DATA/.gk-harvest.lock, waiting -w seconds, default 0).  Every
# stage's messages go to the log (default DATA/harvest.log), framed by a
# start line and an end line with each stage's exit status.
#
# Exit status, for cron: 0 nothing to report (and nothing printed); 1 some
# documents failed (a summary on standard error, so cron mails it); 2 the
# run failed: a stage failed, was killed, or another harvest held the lock.
#
# gk-extract and gk-transform run on -j cores (default 2) through GNU
# parallel, split between the stream's groups (a report page and its
# documents): the output is the serial run's, byte for byte.
set -u
prog=gk-harvest
data=data log= wait=0 jobs=2

# The gk version: put in by make (bin/gk-harvest), else read from the
# VERSION file of the source tree this script is in.
version=@GK_VERSION@
case $version in
@*) version=$(cat "$(dirname "$0")/../VERSION" 2>/dev/null || echo unknown) ;;
esac

synopsis="usage: $prog [-d data] [-j jobs] [-l log] [-w seconds] [-- gk-fetch arguments]
       $prog -h | --help | --version"
usage() {
	if [ "$1" -eq 0 ]; then
		cat <<EOF
$synopsis
Run gk-fetch | gk-extract | gk-transform | gk-load DATA under a lock, every
stage's messages into a log; print nothing when all went well (for cron).

  -d data         the data folder (default data)
  -h, --help      print this help and exit
  -j jobs         run gk-extract and gk-transform on this many cores
                  (GNU parallel; default 2; 1: one process each)
  -l log          the log file (default DATA/harvest.log)
  -w seconds      wait this long for another harvest's lock (default 0)
      --version   print the version and exit
EOF
		exit 0
	fi
	echo "$synopsis" >&2
	echo "Try '$prog --help' for more." >&2
	exit 2
}
case ${1:-} in
--help) usage 0 ;;
--version) echo "$prog (gk) $version"; exit 0 ;;
esac
while getopts d:hj:l:w: opt; do
	case $opt in
	d) data=$OPTARG ;;
	h) usage 0 ;;
	j) jobs=$OPTARG ;;
	l) log=$OPTARG ;;
	w) wait=$OPTARG ;;
	*) usage 2 ;;
	esac
done
shift $((OPTIND - 1))
case $jobs in
''|*[!0-9]*|0) echo "$prog: -j $jobs: not a number of jobs" >&2; usage 2 ;;
esac
# The crawl's config: ./config's, else the installed one (make install).
datadir=@GK_DATADIR@
if [ $# -eq 0 ]; then
	conf=config/qingdao.conf
	[ -f "$conf" ] || [ ! -f "$datadir/qingdao.conf" ] || conf=$datadir/qingdao.conf
	set -- -c "$conf" --state "$data"
fi
: "${log:=$data/harvest.log}"

# The programs: $GK_BIN, else beside this script, else on PATH.
if [ -n "${GK_BIN:-}" ]; then
	bin=$GK_BIN/
elif [ -x "$(dirname "$0")/gk-fetch" ]; then
	bin=$(dirname "$0")/
elif [ -x "$(dirname "$0")/../bin/gk-fetch" ]; then
	bin=$(dirname "$0")/../bin/
else
	bin=
fi

if ! mkdir -p "$data" 2>/dev/null || [ ! -w "$data" ]; then
	echo "$prog: $data: cannot write the data folder" >&2
	exit 2
fi
if ! : >>"$log" 2>/dev/null; then
	echo "$prog: $log: cannot write the log" >&2
	exit 2
fi
command -v flock >/dev/null || { echo "$prog: flock(1) not found (util-linux)" >&2; exit 2; }
exec 9>>"$data/.gk-harvest.lock"
if ! flock -w "$wait" 9; then
	echo "$prog: $data/.gk-harvest.lock: another harvest is still running" >&2
	echo "$(date -u +%FT%TZ) $prog: another harvest holds the lock; not run" >>"$log"
	exit 2
fi

run=$(mktemp -d "${TMPDIR:-/tmp}/gk-harvest.XXXXXX") || exit 2
trap 'rm -rf "$run"' EXIT
start=$(date -u +%FT%TZ)
echo "$start $prog: start: gk-fetch $*" >>"$log"

# A filter stage on $jobs cores: GNU parallel cuts the stream only before
# a `group` record and keeps the order (-k).  Its exit status counts the
# jobs that failed, so the stage's is taken from the job log: the worst
# job's, "killed" when a job died of a signal.
fan() {		# fan STAGE BLOCK
	if [ "$jobs" -gt 1 ] && command -v parallel >/dev/null 2>&1; then
		parallel --will-cite --pipe --recstart "$(printf 'group\t')" -k \
		    -j "$jobs" --block "$2" --joblog "$run/$1.jobs" "${bin}gk-$1"
	else
		"${bin}gk-$1"
	fi
}
jobstatus() {	# jobstatus STAGE: the stage's status from its job log
	[ -f "$run/$1.jobs" ] || { cat "$run/$1"; return; }
	awk -F'\t' 'NR > 1 { if ($7 + 0 > m) m = $7 + 0; if ($8 + 0 != 0) k = 1 }
	    END { print (k ? "killed" : m + 0) }' "$run/$1.jobs"
}
[ "$jobs" -gt 1 ] && ! command -v parallel >/dev/null 2>&1 &&
    echo "$(date -u +%FT%TZ) $prog: GNU parallel not found: one process a stage" >>"$log"

# Each stage writes its exit status to a file: a plain sh pipeline only
# gives the last one.  A document is a few hundred bytes of gk-fetch's
# stream, so gk-extract's blocks are small.
{ "${bin}gk-fetch" "$@" 2>>"$log"; echo $? >"$run/fetch"; } |
    { fan extract 8k 2>>"$log"; echo $? >"$run/extract"; } |
    { fan transform 4M 2>>"$log"; echo $? >"$run/transform"; } |
    { "${bin}gk-load" "$data" 2>>"$log"; echo $? >"$run/load"; }

status=0 summary=
for s in fetch extract transform load; do
	case $s in
	extract|transform) rc=$(jobstatus "$s" 2>/dev/null) ;;
	*) rc=$(cat "$run/$s" 2>/dev/null) ;;
	esac
	: "${rc:=killed}"
	summary="$summary $s=$rc"
	case $rc in
	0) ;;
	1) [ $status -lt 1 ] && status=1 ;;
	*) status=2 ;;
	esac
done
ndoc=0
[ -f "$data/errors.tsv" ] && ndoc=$(($(wc -l <"$data/errors.tsv") - 1))
echo "$(date -u +%FT%TZ) $prog: end: exit $status;$summary; errors.tsv: $ndoc documents" >>"$log"
case $status in
0) ;;
1) echo "$prog: some documents failed ($ndoc listed in $data/errors.tsv); log: $log" >&2 ;;
*) echo "$prog: the run failed:$summary; log: $log" >&2 ;;
esac
if [ $status -ne 0 ]; then
	# The messages of this run, for the mail.
	awk -v s="$start $prog: start" 'index($0, s) == 1 { p = 1 } p' "$log" | tail -n 30 >&2
fi
exit $status
