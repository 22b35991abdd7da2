#!/usr/bin/env bash
# Okta's official Python SDK (PyPI `okta`, unmodified) against `oktakeys sandbox serve`:
# the six key operations through a full rotation, Okta's error bodies, and the SDK's own
# rate-limit retry (429 → wait X-Rate-Limit-Reset − Date + 1 → retry), and the SDK as an
# OAuth 2.0 service app (private_key_jwt, with and without DPoP). Then Okta's official Node
# SDK (npm `@okta/okta-sdk-nodejs`, pinned in tests/sdk/node/package-lock.json) drives the
# authorization-server operations (list with paging, get, replace).
#
#   bash tests/sdk/run.sh            # builds the debug binary; needs python3, PyPI, node, npm
#
# Not part of `cargo test` (it needs Python, Node and downloads from PyPI and npm).
set -euo pipefail
cd "$(dirname "$0")/../.."

venv="${OKTAKEYS_SDK_VENV:-target/sdk-venv}"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet okta
fi
cargo build --quiet
work="$(mktemp -d)"
pid=""
cleanup() {
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

start() {
    OKTAKEYS_SANDBOX_TOKEN=00sdkTestToken target/debug/oktakeys sandbox serve \
        --addr 127.0.0.1:0 --state "$work/state.json" "$@" >"$work/url" 2>"$work/err" &
    pid=$!
    for _ in $(seq 100); do [ -s "$work/url" ] && break; sleep 0.05; done
    url="$(head -n1 "$work/url")"
    [ -n "$url" ] || { cat "$work/err"; exit 1; }
}
stop() { kill "$pid"; wait "$pid" || true; pid=""; rm -f "$work"/state.json*; : >"$work/url"; }

echo "== the six operations (okta $("$venv/bin/pip" show okta | sed -n 's/^Version: //p'))"
start
OKTA_CLIENT_ORGURL="$url" OKTA_CLIENT_TOKEN=00sdkTestToken "$venv/bin/python" tests/sdk/okta_python_sdk.py
stop

echo "== the SDK's retry after 429 (limit 1 per 2 s)"
start --rate-limit 1 --rate-limit-window 2
OKTA_CLIENT_ORGURL="$url" OKTA_CLIENT_TOKEN=00sdkTestToken "$venv/bin/python" tests/sdk/okta_python_sdk.py --rate-limited
stop

echo "== the SDK as an OAuth 2.0 service app (private_key_jwt, Bearer tokens)"
start --service-app "0oaSDK=tests/fixtures/service-app-rsa.pub.pem"
OKTA_CLIENT_ORGURL="$url" "$venv/bin/python" tests/sdk/okta_python_sdk_service_app.py
stop

echo "== the SDK as a service app with DPoP (nonce challenges at the token endpoint and the API)"
start --service-app "0oaSDK=tests/fixtures/service-app-rsa.pub.pem" --require-dpop
OKTA_CLIENT_ORGURL="$url" "$venv/bin/python" tests/sdk/okta_python_sdk_service_app.py --dpop
stop

echo "== Okta's Node SDK (npm, pinned): listAuthorizationServers (paged), getAuthorizationServer, replaceAuthorizationServer"
(cd tests/sdk/node && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
start --auth-server aus1 --auth-server aus2 --auth-server aus3 --auth-server aus4
OKTA_CLIENT_ORGURL="$url" OKTA_CLIENT_TOKEN=00sdkTestToken node tests/sdk/node/okta_node_sdk.mjs
stop
