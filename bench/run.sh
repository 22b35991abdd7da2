#!/usr/bin/env bash
# Benchmark (not a test): build the release binary, start a local Okta-compatible server,
# and measure in one run
#   - `oktakeys keys list` against `curl` doing the same request (hyperfine: medians, ratio),
#   - peak RSS of `oktakeys keys list` (/usr/bin/time -v),
#   - the release binary's size,
#   - a rotation of one server (requests made, wall time), when `keys rotate` is built in.
# Targets: within 1.2x of curl's median, peak RSS <= 12 MiB, binary <= 12 MiB.
#
# The server is `oktakeys sandbox serve` when the binary has it, else bench/fake_okta.py
# (answers the list endpoint only). Usage: bench/run.sh   (RUNS=200 bench/run.sh for more)
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-100}
WARMUP=${WARMUP:-10}

# hyperfine and GNU time: install them if we can, else say how.
need() { # command package
    command -v "$1" >/dev/null 2>&1 && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "bench: installing $2 (apt-get install -y $2)" >&2
        apt-get install -y "$2" >/dev/null
    else
        echo "bench: $1 is missing; install it with: sudo apt-get install -y $2" >&2
        exit 1
    fi
}
need hyperfine hyperfine
need curl curl
need python3 python3
[ -x /usr/bin/time ] || need /usr/bin/time time

echo "bench: cargo build --release" >&2
cargo build --release --quiet
BIN=$PWD/target/release/oktakeys

TMP=$(mktemp -d)
SERVER_PID=
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$TMP"
}
trap cleanup EXIT

TOKEN="00bench$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
if "$BIN" sandbox serve --help >/dev/null 2>&1; then
    SERVER="oktakeys sandbox serve"
    OKTAKEYS_SANDBOX_TOKEN=$TOKEN "$BIN" sandbox serve --addr 127.0.0.1:0 \
        --state "$TMP/sandbox.json" --rate-limit 1000000 >"$TMP/url" 2>"$TMP/server.log" &
    SERVER_PID=$!
else
    SERVER="bench/fake_okta.py (the sandbox is not in this build)"
    python3 bench/fake_okta.py "$TOKEN" >"$TMP/url" 2>"$TMP/server.log" &
    SERVER_PID=$!
fi
for _ in $(seq 100); do [ -s "$TMP/url" ] && break; sleep 0.05; done
BASE=$(head -n1 "$TMP/url")
[ -n "$BASE" ] || { echo "bench: the server did not start:" >&2; cat "$TMP/server.log" >&2; exit 1; }

export OKTA_ORG_URL=$BASE OKTA_API_TOKEN=$TOKEN
unset OKTAKEYS_PROFILE OKTAKEYS_CONFIG HTTPS_PROXY HTTP_PROXY ALL_PROXY https_proxy http_proxy all_proxy
# No config file, no ~/.curlrc: flags and environment only, for both.
export HOME=$TMP XDG_CONFIG_HOME=$TMP/.config
LIST_URL="$BASE/api/v1/authorizationServers/default/resourceservercredentials/keys"
OKTAKEYS_CMD="$BIN keys list --auth-server default -o json"
CURL_CMD="curl -sS --fail -H 'Authorization: SSWS $TOKEN' -H 'Accept: application/json' $LIST_URL"

# Both must work before they are timed.
$OKTAKEYS_CMD >"$TMP/oktakeys.json"
eval "$CURL_CMD" >"$TMP/curl.json"
python3 - "$TMP/oktakeys.json" "$TMP/curl.json" <<'EOF'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
assert a == b, "oktakeys and curl disagree"
EOF

hyperfine -N --style basic --warmup "$WARMUP" --runs "$RUNS" --export-json "$TMP/hyperfine.json" \
    -n "oktakeys keys list" "$OKTAKEYS_CMD" \
    -n "curl" "$CURL_CMD" >&2

RSS_KB=0
for _ in 1 2 3 4 5; do
    kb=$(/usr/bin/time -v $OKTAKEYS_CMD 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}')
    if [ "$kb" -gt "$RSS_KB" ]; then RSS_KB=$kb; fi
done
SIZE=$(stat -c %s "$BIN")

ROTATION="skipped (needs the sandbox and \`keys rotate\`)"
if [ "${SERVER%% *}" = oktakeys ] && "$BIN" keys rotate --help >/dev/null 2>&1 \
    && "$BIN" keys generate --help >/dev/null 2>&1; then
    "$BIN" keys generate --kid bench-rotated --private-key-out "$TMP/new.pem" >"$TMP/new.jwk.json" 2>/dev/null
    start=$(date +%s%N)
    if "$BIN" -v keys rotate --auth-server default --jwk "$TMP/new.jwk.json" --yes \
        >/dev/null 2>"$TMP/rotate.log"; then
        end=$(date +%s%N)
        requests=$(grep -c ' → ' "$TMP/rotate.log" || true)
        ROTATION="$requests requests in $(( (end - start) / 1000000 )) ms"
    else
        ROTATION="failed: $(tail -n1 "$TMP/rotate.log")"
    fi
fi

python3 - "$TMP/hyperfine.json" "$RSS_KB" "$SIZE" "$SERVER" "$RUNS" "$ROTATION" <<'EOF'
import json, os, platform, sys
path, rss_kb, size, server, runs, rotation = sys.argv[1:]
results = {r["command"]: r for r in json.load(open(path))["results"]}
ok, curl = results["oktakeys keys list"]["median"], results["curl"]["median"]
ratio = ok / curl
rss = int(rss_kb) / 1024
size = int(size) / 1024 / 1024
def verdict(good): return "ok" if good else "MISSED"
print(f"oktakeys bench: {platform.machine()}, {os.cpu_count()} cores, server: {server}")
print(f"keys list, median of {runs} runs: oktakeys {ok*1000:.1f} ms, curl {curl*1000:.1f} ms, "
      f"ratio {ratio:.2f} (target <= 1.20: {verdict(ratio <= 1.2)})")
print(f"peak RSS, max of 5 runs:        {rss:.1f} MiB (target <= 12 MiB: {verdict(rss <= 12)})")
print(f"release binary:                 {size:.1f} MiB (target <= 12 MiB: {verdict(size <= 12)})")
print(f"rotation of one server:         {rotation}")
EOF
