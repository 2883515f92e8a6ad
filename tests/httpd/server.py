#!/usr/bin/env python3
"""Test HTTP server for gk-fetch: serves a folder on 127.0.0.1 (a free port,
written to --port-file) with ETag / Last-Modified / 304, gzip, keep-alive,
and faults chosen by the file name's prefix:

  slow-      body dribbled in 8 pieces over ~0.8 s     (must succeed)
  hang-      headers, then silence for 10 s            (timeout)
  e500-      500 the first time, then the file
  r429-      429 with Retry-After: 1 the first time, then the file
  reset1-    connection reset the first time, then the file
  resetall-  connection reset every time               (network)
  badlen-    Content-Length 1000 bytes too long        (truncated)
  huge-      a 50 MB body with Content-Length          (too_big)
  hugechunked-  a 50 MB chunked body, no length        (too_big)
  moved-     302 to the same name without the prefix
  offsite-   302 to http://evil.example.org/           (off_host)
  /faults/ndbg/old/X   301 to /faults/ndbg/202204/X

Hostile servers, made on the fly under /hostile/ (HOSTILE below; the
listing /hostile/index.shtml links every one of them; tests/site/HOSTILE.tsv
says what gk-fetch must record):

  gzipbomb.pdf     the --bomb file (gzip of zeros) as gzip Content-Encoding
  endless.pdf      a chunked body without end
  trickle-slow.pdf a body at 300 B/s (slowloris)
  trickle-fast.pdf a body at 3 KB/s: never a stall, never done
  loop-a.pdf       302 to loop-b.pdf, which 302s back to loop-a.pdf
  self.pdf         302 to itself; self/t20240101_7000001.shtml too
  tofile.pdf       302 to file:///etc/passwd
  toip.pdf         302 to http://10.1.2.3/x.pdf (a private address)
  tolocal.pdf      302 to http://localhost:PORT/hostile/ok-9.pdf (an
                   allowed name that resolves to a private address)
  tohost.pdf       302 to http://evil.example.org/x.pdf
  bigheaders.pdf   1 MB of response headers (1,000 of 1 KB)
  bigheader.pdf    one response header of 1 MB
  ok-N.pdf         a small good PDF: the next document is read
  links-N.shtml    a listing page linking N pages from one <div>
  robots.shtml     a listing linking secret/a.pdf, late/b.pdf and ok-7.pdf
  (host e503-*)          503 for everything, robots.txt too
  (host robots-huge.*)   robots.txt of 20 MB: Disallow /secret/ first,
                         Disallow /late/ after 500 KiB
  (host robots-binary.*) robots.txt of binary bytes and NULs

Every request is logged to --log as "METHOD PATH STATUS", and to --timelog
(when given) as "HOST START_MS END_MS PATH SCHEME" (monotonic ms; HOST
without the port).  GET /robots.txt asked as host H answers robots-H.txt
when the folder has one (a per-host robots.txt).  GET /__stats answers
"max_inflight N requests N".  A path ending in / serves its folder's
index.shtml or index.html.  Every loop is bounded.

--vhosts DIR serves the Host header's own folder DIR/HOST when there is
one (several sites under their real names, reached with curl's
--connect-to), else --root.  --tls-cert/--tls-key/--tls-port-file serve
the same over TLS on a second port."""
import argparse, email.utils, gzip, hashlib, os, socket, ssl, struct, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

lock = threading.Lock()
seen = {}
HOSTILE = ['gzipbomb.pdf', 'ok-1.pdf', 'endless.pdf', 'ok-2.pdf',
           'trickle-slow.pdf', 'trickle-fast.pdf', 'ok-3.pdf', 'loop-a.pdf',
           'self.pdf', 'self/t20240101_7000001.shtml', 'ok-4.pdf', 'tofile.pdf',
           'toip.pdf', 'tolocal.pdf', 'tohost.pdf', 'ok-5.pdf',
           'bigheaders.pdf', 'bigheader.pdf', 'ok-6.pdf']
SMALL_PDF = (b'%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n'
             b'2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')
LIMIT_S = 120     # no hostile answer lasts longer than this
inflight = 0
max_inflight = 0
nreq = 0

class H(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    server_version = 'gk-test/1'
    # Buffered: a response's last bytes leave at the flush after do_GET
    # returns, so its end is stamped (and in-flight counted down) before
    # the client can have it all and ask again.  Unbuffered, a thread
    # descheduled between its last write and its stamp made the next
    # request on a loaded machine look as if it came while this one ran.
    # Trickles flush each piece themselves; big bodies leave as the
    # buffer fills.
    wbufsize = 1 << 16

    def log_message(self, fmt, *args):
        pass

    def handle(self):
        # headers and body go out in two writes: without this, Nagle and
        # delayed ACKs add 40 ms to every response
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            super().handle()
        except (ConnectionResetError, BrokenPipeError):
            pass

    def note(self, status):
        with open(self.server.logpath, 'a') as f:
            f.write('%s %s %s\n' % (self.command, self.path, status))

    def send(self, status, body=b'', headers=()):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        if self.command != 'HEAD':
            self.wfile.write(body)
        self.note(status)

    def reset(self):
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
        self.close_connection = True
        self.note('reset')

    def host(self):
        h = self.headers.get('Host', '')
        return h.rsplit(':', 1)[0] if h.count(':') == 1 else h

    def do_GET(self):
        global inflight, max_inflight, nreq
        t0 = time.monotonic()
        with lock:
            inflight += 1
            nreq += 1
            max_inflight = max(max_inflight, inflight)
        try:
            self.handle_get()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        finally:
            with lock:
                inflight -= 1
                if self.server.timelog:
                    with open(self.server.timelog, 'a') as f:
                        f.write('%s %.1f %.1f %s %s\n' % (self.host(), t0 * 1000,
                                time.monotonic() * 1000, self.path,
                                self.server.scheme))

    def first(self):
        with lock:
            n = seen.get(self.path, 0)
            seen[self.path] = n + 1
        return n == 0

    def stream(self, headers, pieces, pause=0.0):
        """Headers, then the pieces one by one (bounded by LIMIT_S)."""
        self.send_response(200)
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.note(200)
        self.close_connection = True
        t0 = last = time.monotonic()
        gap = 0.0
        try:
            for p in pieces:
                if time.monotonic() - t0 > LIMIT_S:
                    break
                self.wfile.write(p)
                self.wfile.flush()
                now = time.monotonic()
                gap, last = max(gap, now - last), now
                if pause:
                    time.sleep(pause)
        finally:
            # the longest wait between two pieces as this server sent them:
            # a starved server (a loaded machine) stalls a body it meant
            # to keep flowing, and a test can tell that from the client
            with open(self.server.logpath, 'a') as f:
                f.write('GAP %s %d\n' % (self.path, gap * 1000))

    def hostile(self, name):
        host = self.host()
        if name == 'index.shtml':
            body = ''.join('<li><a href="%s">%s</a></li>' % (n, n) for n in HOSTILE)
            body = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>hostile</title>'
                    '</head><body><ul class="list">%s</ul></body></html>' % body).encode()
            return self.send(200, body, [('Content-Type', 'text/html; charset=utf-8')])
        if name == 'robots.shtml':
            body = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>robots</title></head>'
                    '<body><ul><li><a href="secret/a.pdf">a</a></li><li><a href="late/b.pdf">b</a></li>'
                    '<li><a href="ok-7.pdf">ok</a></li></ul></body></html>').encode()
            return self.send(200, body, [('Content-Type', 'text/html; charset=utf-8')])
        if name.startswith('links-') and name.endswith('.shtml'):
            n = min(int(name[6:-6] or 0), 1000000)
            body = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>links</title></head>'
                    '<body><div>' + ''.join('<a href="x/%d.html">%d</a>' % (i, i) for i in range(n)) +
                    '</div></body></html>').encode()
            return self.send(200, body, [('Content-Type', 'text/html; charset=utf-8')])
        if name.startswith('ok-') or name == 'secret/a.pdf' or name == 'late/b.pdf':
            return self.send(200, SMALL_PDF, [('Content-Type', 'application/pdf')])
        if name == 'gzipbomb.pdf' and self.server.bomb:
            # gzip of zeros made by the test (--bomb): a few MB that inflate
            # to hundreds
            with open(self.server.bomb, 'rb') as f:
                body = f.read()
            return self.send(200, body, [('Content-Type', 'application/pdf'),
                                         ('Content-Encoding', 'gzip')])
        if name == 'endless.pdf':
            chunk = b'%x\r\n%s\r\n' % (65536, b'\0' * 65536)
            return self.stream([('Content-Type', 'application/pdf'), ('Transfer-Encoding', 'chunked')],
                               iter(lambda: chunk, None))
        if name.startswith('trickle-'):
            rate = 300 if name == 'trickle-slow.pdf' else 3000
            return self.stream([('Content-Type', 'application/pdf'), ('Content-Length', str(2 << 20))],
                               iter(lambda: b'\0' * (rate // 10), None), 0.1)
        moves = {'loop-a.pdf': 'loop-b.pdf', 'loop-b.pdf': 'loop-a.pdf', 'self.pdf': 'self.pdf',
                 'self/t20240101_7000001.shtml': 't20240101_7000001.shtml',
                 'tofile.pdf': 'file:///etc/passwd', 'toip.pdf': 'http://10.1.2.3/x.pdf',
                 'tolocal.pdf': 'http://localhost:%d/hostile/ok-9.pdf' % self.server.server_address[1],
                 'tohost.pdf': 'http://evil.example.org/x.pdf'}
        if name in moves:
            return self.send(302, b'', [('Location', moves[name])])
        if name == 'bigheaders.pdf' or name == 'bigheader.pdf':
            self.send_response(200)
            if name == 'bigheaders.pdf':
                for i in range(1000):
                    self.send_header('X-Junk-%d' % i, 'j' * 1000)
            else:
                self.send_header('X-Junk', 'j' * (1 << 20))
            self.send_header('Content-Length', str(len(SMALL_PDF)))
            self.end_headers()
            self.wfile.write(SMALL_PDF)
            self.close_connection = True
            return self.note(200)
        return self.send(404, b'not found', [('Content-Type', 'text/plain')])

    def robots(self):
        """The robots.txt of the hostile hosts, or None."""
        host = self.host()
        if host.startswith('robots-huge.'):
            pad = b'# ' + b'x' * 97 + b'\n'
            head = b'User-agent: *\nDisallow: /hostile/secret/\n'
            tail = b'Disallow: /hostile/late/\n'
            return self.stream([('Content-Type', 'text/plain'), ('Content-Length',
                                 str(len(head) + 200000 * len(pad) + len(tail)))],
                               iter([head] + [pad * 1000] * 200 + [tail]))
        if host.startswith('robots-binary.'):
            junk = bytes((i * 7919 + 13) % 256 for i in range(65536))
            return self.send(200, junk + b'\0\0Disallow: /\0' + junk, [('Content-Type', 'text/plain')])
        return None

    def handle_get(self):
        path = self.path.split('?')[0]
        if self.host().startswith('e503-'):
            # a whole host answering 503 (robots.txt too): a site down
            return self.send(503, b'down for maintenance', [('Content-Type', 'text/plain')])
        if path == '/robots.txt' and self.host().startswith(('robots-huge.', 'robots-binary.')):
            return self.robots()
        if path.startswith('/hostile/'):
            return self.hostile(path[len('/hostile/'):])
        if path == '/__stats':
            # not counted as a crawl request
            with lock:
                body = ('max_inflight %d requests %d\n' % (max_inflight, nreq - 1)).encode()
            return self.send(200, body, [('Content-Type', 'text/plain')])
        name = os.path.basename(path)
        if path.startswith('/faults/ndbg/old/'):
            return self.send(301, b'', [('Location', '/faults/ndbg/202204/' + name)])
        if name.startswith('moved-'):
            return self.send(302, b'', [('Location', name[len('moved-'):])])
        if name.startswith('offsite-'):
            return self.send(302, b'', [('Location', 'http://evil.example.org/' + name)])
        if name.startswith('e500-') and self.first():
            return self.send(500, b'oops', [('Content-Type', 'text/plain')])
        if name.startswith('r429-') and self.first():
            return self.send(429, b'slow down', [('Retry-After', '1')])
        if (name.startswith('reset1-') and self.first()) or name.startswith('resetall-'):
            return self.reset()
        if name.startswith('huge'):
            total, chunk = 50 << 20, b'\0' * 65536
            self.send_response(200)
            self.send_header('Content-Type', 'application/pdf')
            chunked = name.startswith('hugechunked-')
            if chunked:
                self.send_header('Transfer-Encoding', 'chunked')
            else:
                self.send_header('Content-Length', str(total))
            self.end_headers()
            self.note(200)
            self.close_connection = True
            for _ in range(total // len(chunk)):
                if chunked:
                    self.wfile.write(b'%x\r\n' % len(chunk) + chunk + b'\r\n')
                else:
                    self.wfile.write(chunk)
            return
        root = self.server.root
        h = self.host().lower()
        if self.server.vhosts and h and '/' not in h and not h.startswith('.') and \
                os.path.isdir(os.path.join(self.server.vhosts, h)):
            root = os.path.realpath(os.path.join(self.server.vhosts, h))
        elif path == '/robots.txt':
            own = os.path.join(root, 'robots-%s.txt' % self.host())
            if '/' not in self.host() and os.path.isfile(own):
                path = '/' + os.path.basename(own)
        fs = os.path.realpath(os.path.join(root, path.lstrip('/')))
        if path.endswith('/') and os.path.isdir(fs):
            for index in ('index.shtml', 'index.html'):
                if os.path.isfile(os.path.join(fs, index)):
                    fs = os.path.join(fs, index)
                    break
        if not fs.startswith(root + os.sep) or not os.path.isfile(fs):
            return self.send(404, b'not found', [('Content-Type', 'text/plain')])
        with open(fs, 'rb') as f:
            body = f.read()
        etag = '"%s"' % hashlib.sha1(body).hexdigest()
        lm = email.utils.formatdate(int(os.stat(fs).st_mtime), usegmt=True)
        ctype = 'application/octet-stream'
        if fs.endswith(('.shtml', '.html')):
            ctype = 'text/html; charset=utf-8'
            if b'charset=gb2312' in body[:1024]:
                ctype = 'text/html; charset=gb2312'
        elif fs.endswith('.txt'):
            ctype = 'text/plain'
        if self.headers.get('If-None-Match') == etag:
            return self.send(304, b'', [('ETag', etag)])
        hdrs = [('Content-Type', ctype), ('ETag', etag), ('Last-Modified', lm)]
        if ctype.startswith('text/html') and 'gzip' in self.headers.get('Accept-Encoding', ''):
            body = gzip.compress(body, mtime=0)
            hdrs.append(('Content-Encoding', 'gzip'))
        if name.startswith('slow-'):
            self.send_response(200)
            for k, v in hdrs:
                self.send_header(k, v)
            self.send_header('Content-Length', str(len(body)))
            self.end_headers()
            step = len(body) // 8 + 1
            for i in range(0, len(body), step):
                self.wfile.write(body[i:i + step])
                self.wfile.flush()
                time.sleep(0.1)
            return self.note(200)
        if name.startswith('hang-'):
            self.send_response(200)
            self.send_header('Content-Length', str(len(body)))
            self.end_headers()
            self.wfile.write(body[:100])
            self.wfile.flush()
            self.note('hang')
            time.sleep(10)
            self.close_connection = True
            return
        if name.startswith('badlen-'):
            self.send_response(200)
            self.send_header('Content-Length', str(len(body) + 1000))
            self.end_headers()
            self.wfile.write(body)
            self.close_connection = True
            return self.note('badlen')
        self.send(200, body, hdrs)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--root', required=True)
    ap.add_argument('--port-file', required=True)
    ap.add_argument('--log', required=True)
    ap.add_argument('--timelog')
    ap.add_argument('--vhosts')
    ap.add_argument('--tls-cert')
    ap.add_argument('--tls-key')
    ap.add_argument('--tls-port-file')
    ap.add_argument('--bomb')
    a = ap.parse_args()
    open(a.log, 'w').close()
    if a.timelog:
        open(a.timelog, 'w').close()

    # a backlog of 5 (socketserver's default) drops the connections of a
    # crawl of many hosts at once: SYN retried after a second
    ThreadingHTTPServer.request_queue_size = 128

    def make(scheme):
        srv = ThreadingHTTPServer(('127.0.0.1', 0), H)
        srv.daemon_threads = True
        srv.root = os.path.realpath(a.root)
        srv.vhosts = os.path.realpath(a.vhosts) if a.vhosts else None
        srv.logpath = a.log
        srv.timelog = a.timelog
        srv.scheme = scheme
        srv.bomb = a.bomb
        return srv

    def announce(srv, port_file):
        tmp = port_file + '.tmp'
        with open(tmp, 'w') as f:
            f.write('%d\n' % srv.server_address[1])
        os.rename(tmp, port_file)

    srv = make('http')
    if a.tls_port_file:
        tls = make('https')
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(a.tls_cert, a.tls_key)
        tls.socket = ctx.wrap_socket(tls.socket, server_side=True)
        threading.Thread(target=tls.serve_forever, daemon=True).start()
        announce(tls, a.tls_port_file)
    announce(srv, a.port_file)
    srv.serve_forever()

if __name__ == '__main__':
    main()
