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
# paths instead to load local files.  gk-extract keeps what it read in
# DATA/extract-cache (--cache): bytes read on an earlier night are not read
# again.  One harvest at a time per data folder (flock on
# DATA/.gk-harvest.lock, waiting -w seconds, default 0).  Every stage's
# messages go to the log (default DATA/harvest.log), framed by a start line
# and an end line with each stage's exit status; past GK_HARVEST_LOG_BYTES
# (default 1 MiB) it is rotated (LOG.1 ... LOG.4 kept).
#
# Exit status, for cron: 0 nothing to report (and nothing printed), also
# when documents failed that had failed so before (gk-load's judgement:
# the same document and code in errors.tsv); 1 a new failure (gk-load
# exited 1: the new ones on standard error, so cron mails them); 2 the run
# failed: a stage exited 2 (a whole-site outage included) or was killed,
# or another harvest held the lock: one line saying why.
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
# A crawl without --changed-only streams every document it knows (the
# whole site): then the extract cache's entries no document used are no
# document's any more.
crawl=0
for a in "$@"; do
	case $a in
	-c|--config|--config=*|-c?*|--start|--start=*) crawl=1 ;;
	--changed-only) crawl=0; break ;;
	--) break ;;
	esac
done
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

# The log does not grow without bound: past its size it becomes LOG.1
# (LOG.1 LOG.2, ..., the oldest, LOG.4, dropped), under the lock.
logmax=${GK_HARVEST_LOG_BYTES:-1048576}
case $logmax in ''|*[!0-9]*) logmax=1048576 ;; esac
if [ "$(wc -c <"$log")" -gt "$logmax" ]; then
	for i in 3 2 1; do
		[ -f "$log.$i" ] && mv -f "$log.$i" "$log.$((i + 1))"
	done
	mv -f "$log" "$log.1" && : >"$log"
fi

# The extract cache's entries used tonight are touched; after a night
# that streamed the whole site, those older than this stamp are no
# document's any more (or of another build of gk-extract).
xcache=$data/extract-cache
touch -d "@$(($(date +%s) - 1))" "$run/stamp" 2>/dev/null || : >"$run/stamp"
# The failures known before tonight, to name the new ones.
cp "$data/errors.tsv" "$run/errors.before" 2>/dev/null || : >"$run/errors.before"
start=$(date -u +%FT%TZ)
echo "$start $prog: start: gk-fetch $*" >>"$log"

# A filter stage on $jobs cores: GNU parallel cuts the stream only before
# a `group` record and keeps the order (-k).  Its exit status counts the
# jobs that failed, so the stage's is taken from the job log: the worst
# job's, "killed" when a job died of a signal.
fan() {		# fan STAGE BLOCK [ARG...]
	s=$1 b=$2
	shift 2
	if [ "$jobs" -gt 1 ] && command -v parallel >/dev/null 2>&1; then
		parallel --will-cite --pipe --recstart "$(printf 'group\t')" -k \
		    -j "$jobs" --block "$b" --joblog "$run/$s.jobs" "${bin}gk-$s" "$@"
	else
		"${bin}gk-$s" "$@"
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
# gk-fetch's records are kept, for delivered.tsv (below).
{ "${bin}gk-fetch" "$@" 2>>"$log"; echo $? >"$run/fetch"; } | tee "$run/fetched" |
    { fan extract 8k --cache "$xcache" 2>>"$log"; echo $? >"$run/extract"; } |
    { fan transform 4M 2>>"$log"; echo $? >"$run/transform"; } |
    { "${bin}gk-load" "$data" 2>>"$log"; echo $? >"$run/load"; }

# A stage that exited 2 or was killed fails the run; documents that
# failed (stages exiting 1) are gk-load's to judge: its exit 1 says a
# failure is new.
# lastline STAGE: the stage's last message of this run, not its summary
lastline() {
	awk -v s="$start $prog: start" -v p="gk-$1: " '
	    index($0, s) == 1 { r = 1; w = ""; next }
	    r && index($0, p) == 1 && $0 !~ /^gk-[a-z]+: (interrupted: )?[0-9]+ documents[ :(]/ { w = $0 }
	    END { print w }' "$log"
}
status=0 summary= why=
for s in fetch extract transform load; do
	case $s in
	extract|transform) rc=$(jobstatus "$s" 2>/dev/null) ;;
	*) rc=$(cat "$run/$s" 2>/dev/null) ;;
	esac
	: "${rc:=killed}"
	# gk's programs exit 0, 1 or 2: above 128 the shell says a signal
	case $rc in
	*[!0-9]*) ;;
	*) [ "$rc" -gt 128 ] && [ -z "$why" ] &&
	    why="gk-$s was killed by signal $((rc - 128)) ($(kill -l $((rc - 128)) 2>/dev/null))"
	   [ "$rc" -gt 128 ] && rc=killed ;;
	esac
	summary="$summary $s=$rc"
	case $rc in
	0) ;;
	1) [ $s = load ] && [ $status -lt 1 ] && status=1 ;;
	*)
		# why, in one line: the stage's last message of this run
		# (not its summary line)
		[ -n "$why" ] || why=$(lastline "$s")
		[ -n "$why" ] || why="gk-$s exited $rc"
		status=2
		;;
	esac
done
# Delivery: when gk-extract, gk-transform and gk-load all ended (0 or 1),
# gk-load wrote the load that holds every document of gk-fetch's stream
# (read, or failed for good): DATA/delivered.tsv gets a line (URL, SHA-256,
# run) for each whose bytes it did not list yet, synced, and gk-fetch
# sends the others again the next night (fetch/NOTES.md, *Delivery*).  It
# is rewritten, one line per URL, when it holds twice the lines it needs.
delivered=0
case " $summary " in
*" extract="[01]" transform="[01]" load="[01]" "*)
	dl=$data/delivered.tsv
	: >>"$dl"
	awk -F'\t' -v OFS='\t' -v run="$start" '
	    FILENAME != ARGV[2] { if (NF >= 2) last[$1] = $2; next }
	    $1 == "doc" && NF >= 13 && $13 != "failed" && $6 != "" && last[$3] != $6 {
		last[$3] = $6; print $3, $6, run }' "$dl" "$run/fetched" >"$run/delivered.new"
	delivered=$(wc -l <"$run/delivered.new")
	if [ "$delivered" -gt 0 ]; then
		cat "$run/delivered.new" >>"$dl" && sync "$dl" 2>/dev/null
	fi
	if [ "$(wc -l <"$dl")" -gt $((2 * $(cut -f1 "$dl" | sort -u | wc -l) + 100)) ]; then
		awk -F'\t' '{ last[$1] = $0 } END { for (u in last) print last[u] }' "$dl" | sort >"$dl.tmp" &&
		    sync "$dl.tmp" 2>/dev/null && mv -f "$dl.tmp" "$dl"
	fi
	;;
esac
# The new failures: in errors.tsv now, not before tonight (the same
# document and code).
new=$run/errors.new
: >"$new"
if [ -f "$data/errors.tsv" ]; then
	awk -F'\t' 'FNR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	    NR == FNR { k[$c["doc"] "\t" $c["code"]] = 1; next }
	    !(($c["doc"] "\t" $c["code"]) in k) { print "  " $c["code"] ": " $c["message"] }' \
	    "$run/errors.before" "$data/errors.tsv" >"$new" 2>/dev/null
	# an empty before file has no header: every row is new
	[ -s "$run/errors.before" ] || awk -F'\t' 'FNR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	    { print "  " $c["code"] ": " $c["message"] }' "$data/errors.tsv" >"$new" 2>/dev/null
fi
ndoc=0
[ -f "$data/errors.tsv" ] && ndoc=$(($(wc -l <"$data/errors.tsv") - 1))
nnew=$(wc -l <"$new")
# Housekeeping: the extract cache's entries no document used tonight, after
# a night that streamed every known document (the crawl's, not local files).
pruned=0
if [ $status -lt 2 ] && [ $crawl -eq 1 ] && [ -d "$xcache" ]; then
	pruned=$(find "$xcache" -type f ! -newer "$run/stamp" -print -delete 2>/dev/null | wc -l)
	find "$xcache" -mindepth 1 -type d -empty -delete 2>/dev/null
fi
kept=0
[ -d "$xcache" ] && kept=$(find "$xcache" -type f | wc -l)
echo "$(date -u +%FT%TZ) $prog: end: exit $status;$summary; errors.tsv: $ndoc documents, $nnew new; delivered: $delivered; extract cache: $kept entries, $pruned pruned" >>"$log"
case $status in
0) ;;
1)
	if [ "$nnew" -eq 0 ]; then
		# gk-load's exit 1 without a new row: malformed records
		echo "$prog: gk-load exited 1: $(lastline load); log: $log" >&2
	else
		echo "$prog: $nnew new failures ($ndoc documents in $data/errors.tsv); log: $log" >&2
		head -n 20 "$new" >&2
		[ "$nnew" -le 20 ] || echo "  ... and $((nnew - 20)) more" >&2
	fi
	;;
*) echo "$prog: the run failed:$summary: $why; log: $log" >&2 ;;
esac
exit $status
