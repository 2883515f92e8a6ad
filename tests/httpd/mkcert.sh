#!/bin/sh
# mkcert.sh: the test server's TLS certificate (tests/httpd/server.py
# --tls-cert/--tls-key) for the https hosts of the family test site
# (tests/site/family): self-signed, EC P-256, valid for 100 years.  Only
# the tests trust it (gk-fetch's ca-file).  Run from tests/httpd/; the
# output is kept in the repository so that the tests need no openssl.
set -eu
hosts="www.xihaian.gov.cn"
san=
for h in $hosts; do san="${san:+$san,}DNS:$h"; done
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
    -keyout test-key.pem -out test-cert.pem -days 36500 \
    -subj "/CN=gk test server" -addext "subjectAltName=$san" \
    -addext "basicConstraints=critical,CA:TRUE"
