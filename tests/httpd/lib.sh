# Sourced by tests/e2e/fetch_*.sh: start tests/httpd/server.py on a free
# port of 127.0.0.1 and stop it on exit.  Sets PORT, BASE, SRVLOG, TMPD,
# TIMELOG (HOST START_MS END_MS PATH SCHEME per request, server-side).
# With SRV_VHOSTS=DIR set before, the server answers for the hosts of DIR
# by their names, over TLS too (tests/httpd/test-cert.pem) on TLSPORT.
# With SRV_ARGS set, those arguments are added (--bomb FILE).
# The system's python3 first: a pyenv shim costs seconds per start on a
# loaded machine, and the server needs nothing beyond the standard library.
PY=${GK_PYTHON:-}
[ -n "$PY" ] || { [ -x /usr/bin/python3 ] && PY=/usr/bin/python3; }
[ -n "$PY" ] || PY=$(command -v python3) || { echo "python3 not found: the test server needs it"; exit 77; }
TMPD=$(mktemp -d)
SRVLOG=$TMPD/server.log
TIMELOG=$TMPD/times.log
srv_pid=
cleanup() {
	[ -n "$srv_pid" ] && kill "$srv_pid" 2>/dev/null && wait "$srv_pid" 2>/dev/null
	rm -rf "$TMPD"
}
trap cleanup EXIT
if [ -n "${SRV_VHOSTS:-}" ]; then
	"$PY" tests/httpd/server.py --root tests/site/www --port-file "$TMPD/port" --log "$SRVLOG" --timelog "$TIMELOG" \
	    --vhosts "$SRV_VHOSTS" --tls-cert tests/httpd/test-cert.pem --tls-key tests/httpd/test-key.pem \
	    --tls-port-file "$TMPD/tlsport" &
else
	# shellcheck disable=SC2086
	"$PY" tests/httpd/server.py --root tests/site/www --port-file "$TMPD/port" --log "$SRVLOG" --timelog "$TIMELOG" ${SRV_ARGS:-} &
fi
srv_pid=$!
i=0
while [ ! -s "$TMPD/port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
[ -s "$TMPD/port" ] || { echo "test server did not start"; exit 1; }
PORT=$(cat "$TMPD/port")
TLSPORT=$(cat "$TMPD/tlsport" 2>/dev/null)
BASE=http://127.0.0.1:$PORT
