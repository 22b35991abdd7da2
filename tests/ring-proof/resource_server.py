"""A resource server with Python `joserfc` (PyPI, pinned in run.sh): it loads the key ring
(a private JWKS), re-reads it whenever the file changes, and decrypts a continuous stream of
access tokens from the sandbox's token endpoint until STOP exists. Prints
{"lib":…,"ok":N,"failed":M} at the end; each failure on stderr.
  RING=ring.json ISSUER=http://…/oauth2/default CLIENT_ID=… CLIENT_SECRET=… STOP=file python resource_server.py
"""
import json
import os
import sys
import time
import urllib.parse
import urllib.request

from joserfc import jwe
from joserfc.jwk import KeySet

RING, ISSUER, STOP = os.environ["RING"], os.environ["ISSUER"], os.environ["STOP"]


# --- the ring: re-read when the file changes (it is replaced whole, by a rename) ---
class Ring:
    def __init__(self, path):
        self.path, self.stamp, self.keys = path, None, None

    def current(self):
        st = os.stat(self.path)
        stamp = (st.st_ino, st.st_mtime_ns, st.st_size)
        if stamp != self.stamp:
            with open(self.path) as f:
                self.keys = KeySet.import_key_set(json.load(f))
            self.stamp = stamp
        return self.keys

    def decrypt(self, token):
        # joserfc picks the key of the token's kid from the key set; Okta's algorithms
        # must be allowed by name (joserfc's default list leaves RSA-OAEP-256 out).
        return jwe.decrypt_compact(
            token, self.current(), algorithms=["RSA-OAEP-256", "A256GCM"]
        ).plaintext
# --- end of the ring ---


def mint():
    body = urllib.parse.urlencode({
        "grant_type": "client_credentials", "scope": "api:read",
        "client_id": os.environ["CLIENT_ID"], "client_secret": os.environ["CLIENT_SECRET"],
    }).encode()
    with urllib.request.urlopen(f"{ISSUER}/v1/token", body) as res:
        return json.load(res)["access_token"]


ring, ok, failed = Ring(RING), 0, 0
while not os.path.exists(STOP):
    try:
        token = mint()
    except Exception as e:  # noqa: BLE001
        print(f"mint: {e}", file=sys.stderr)
        time.sleep(0.2)
        continue
    try:
        if ring.decrypt(token).count(b".") != 2:
            raise ValueError("the plaintext is not a JWT")
        ok += 1
    except Exception as e:  # noqa: BLE001
        failed += 1
        print(f"FAIL joserfc: {type(e).__name__}: {e}", file=sys.stderr)
    time.sleep(0.01)  # a steady stream, leaving the sandbox's rate limit to the rotations
print(json.dumps({"lib": "joserfc", "ok": ok, "failed": failed}))
