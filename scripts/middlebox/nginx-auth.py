#!/usr/bin/python3
"""nginx mail proxy's auth_http service for scripts/test-middleboxes.sh (nginx's auth protocol:
https://nginx.org/en/docs/mail/ngx_mail_auth_http_module.html#protocol).

Accepts the test user with its password (AUTH PLAIN/LOGIN) and every unauthenticated session
(`smtp_auth none`: nginx asks at MAIL FROM); names the backend from the X-Backend header nginx
sends (`auth_http_header X-Backend 127.0.0.1:2525`). Standard library only.
Usage: nginx-auth.py HOST PORT USER PASSWORD
"""
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote

HOST, PORT, USER, PASSWORD = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]


class Auth(BaseHTTPRequestHandler):
    def do_GET(self):
        method = self.headers.get("Auth-Method", "")
        user = unquote(self.headers.get("Auth-User", ""))
        password = unquote(self.headers.get("Auth-Pass", ""))
        backend = self.headers.get("X-Backend", "127.0.0.1:2525")
        host, _, port = backend.rpartition(":")
        self.send_response(200)
        if method == "none" or (user == USER and password == PASSWORD):
            self.send_header("Auth-Status", "OK")
            self.send_header("Auth-Server", host)
            self.send_header("Auth-Port", port)
        else:
            self.send_header("Auth-Status", "Invalid login or password")
            self.send_header("Auth-Wait", "0")
            self.send_header("Auth-Error-Code", "535 5.7.8")
        self.end_headers()

    def log_message(self, fmt, *args):
        sys.stderr.write("nginx-auth: %s %s\n" % (self.headers.get("Auth-Method", "-"), fmt % args))


ThreadingHTTPServer((HOST, PORT), Auth).serve_forever()
