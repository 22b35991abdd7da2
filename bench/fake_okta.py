#!/usr/bin/env python3
"""A stand-in for Okta's list endpoint, for bench/run.sh when the sandbox is not built in.

Answers GET .../resourceservercredentials/keys with two keys (HTTP/1.1, keep-alive),
everything else with 404. Prints its base URL on stdout, like `oktakeys sandbox serve`.
Usage: fake_okta.py TOKEN
"""
import http.server
import json
import sys

TOKEN = sys.argv[1]
N = "u" + "A" * 341  # a 2048-bit-sized base64url modulus
KEYS = json.dumps([
    {"id": "apk2f4zrZbs8nUa7p0g4", "kid": "2026-11-enc", "kty": "RSA", "alg": "RSA-OAEP-256",
     "use": "enc", "e": "AQAB", "n": N, "status": "ACTIVE",
     "created": "2026-11-01T10:00:00.000Z", "lastUpdated": "2026-11-01T10:00:00.000Z", "_links": {}},
    {"id": "apk33a45xfjbDfg6D0g5", "kid": "2026-05-enc", "kty": "RSA", "alg": "RSA-OAEP-256",
     "use": "enc", "e": "AQAB", "n": N, "status": "INACTIVE",
     "created": "2026-05-01T10:00:00.000Z", "lastUpdated": "2026-05-01T10:00:00.000Z", "_links": {}},
]).encode()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        if self.headers.get("Authorization") != "SSWS " + TOKEN:
            self.answer(401, b'{"errorCode":"E0000011","errorSummary":"Invalid token provided"}')
        elif self.path.endswith("/resourceservercredentials/keys"):
            self.answer(200, KEYS)
        else:
            self.answer(404, b'{"errorCode":"E0000007","errorSummary":"Not found"}')

    def answer(self, status, body):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Okta-Request-Id", "bench")
        self.send_header("X-Rate-Limit-Remaining", "999")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(f"http://127.0.0.1:{server.server_address[1]}", flush=True)
server.serve_forever()
