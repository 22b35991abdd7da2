#!/usr/bin/env bash
# Issue 18's proof: two resource servers, one with Node `jose` (npm, the pin in
# crates/keymaterial/interop) and one with Python `joserfc` (PyPI, pinned below), load the
# key ring (re-reading it when it changes) and decrypt a continuous stream of access tokens
# from `oktakeys sandbox serve`'s token endpoint, while
#   oktakeys keys rotate --ring FILE --generate --delete-old --yes
# runs three times, then once more killed (SIGKILL) at a random point and resumed with the
# command it printed. After each rotation the ring must be exactly the keys whose tokens may
# be alive (next/current/previous within retirement): `keys ring check -o json` says every
# needed key is in the ring and nothing else is. The last line is the summary.
#
#   bash tests/ring-proof/run.sh       # needs node (>= 20), npm, python3, PyPI and npm access
set -euo pipefail
cd "$(dirname "$0")/../.."
repo="$PWD"
JOSERFC_VERSION=1.8.0

venv="${OKTAKEYS_RING_PROOF_VENV:-target/ring-proof-venv}"
if ! "$venv/bin/python" -c "import joserfc" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "joserfc==$JOSERFC_VERSION"
fi
(cd crates/keymaterial/interop && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
cargo build --quiet
bin="$repo/target/debug/oktakeys"

work="$(mktemp -d)"
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work" "$repo/crates/keymaterial/interop/.ring-proof-rs.mjs"
}
trap cleanup EXIT

# A rate limit the token stream cannot exhaust: the rotations must not wait for a window.
OKTAKEYS_SANDBOX_TOKEN=00ringProofToken "$bin" sandbox serve --addr 127.0.0.1:0 --rate-limit 1000000 \
    --state "$work/state.json" >"$work/url" 2>"$work/sandbox.err" &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/url" ] && break; sleep 0.05; done
url="$(head -n1 "$work/url")"
[ -n "$url" ] || { cat "$work/sandbox.err"; exit 1; }
export HOME="$work" OKTA_ORG_URL="$url" OKTA_API_TOKEN=00ringProofToken
ring="$work/ring.json"
# The resource servers decrypt each token as it is minted, so a key is needed for 3 s after
# its deactivation at most: the rotations retire keys after that (the sandbox's own tokens
# live 5 min, its shortest rule; --token-lifetime says how long tokens live for this reader).
life=3s
rotate=("$bin" keys rotate --auth-server default --ring "$ring" --generate --bits 2048
        --delete-old --yes --token-lifetime "$life")

# The ring checked against Okta: every needed key in it, and nothing else (exactly).
check_exact() {
    local report
    report="$("$bin" keys ring check --auth-server default --ring "$ring" \
        --token-lifetime "$life" -o json 2>/dev/null)" || true
    local needed ringed
    needed="$(jq -r '.needed[].kid' <<<"$report" | sort | tr '\n' ' ')"
    ringed="$(jq -r '.keys[].kid' "$ring" | sort | tr '\n' ' ')"
    if [ "$(jq -r .ok <<<"$report")" = true ] && [ "$needed" = "$ringed" ]; then
        echo "   ring exact after $1: $ringed(needed: $needed)"
        exact=$((exact + 1))
    else
        echo "FAIL ring after $1: ring [$ringed] needed [$needed]: $report" >&2
        inexact=$((inexact + 1))
    fi
}
exact=0 inexact=0

echo "== setup: a first key into the ring, access-token encryption on"
"${rotate[@]}" 2>"$work/setup.err" >/dev/null || { cat "$work/setup.err"; exit 1; }
"$bin" servers encryption enable --auth-server default >/dev/null 2>&1
sleep 3.5   # the sandbox's seeded key (not in the ring) becomes retirable

echo "== the resource servers: Node jose $(node -p "require('$repo/crates/keymaterial/interop/node_modules/jose/package.json').version"), Python joserfc $JOSERFC_VERSION"
rs_env=(RING="$ring" ISSUER="$url/oauth2/default" CLIENT_ID=0oasandbox0client001
        CLIENT_SECRET=sandbox-client-secret-not-for-production-use STOP="$work/stop")
cp tests/ring-proof/resource_server.mjs crates/keymaterial/interop/.ring-proof-rs.mjs
env "${rs_env[@]}" node crates/keymaterial/interop/.ring-proof-rs.mjs \
    >"$work/node.out" 2>"$work/node.err" &
node_pid=$!; pids+=($node_pid)
env "${rs_env[@]}" "$venv/bin/python" tests/ring-proof/resource_server.py \
    >"$work/python.out" 2>"$work/python.err" &
py_pid=$!; pids+=($py_pid)
sleep 1

total_ms=0
for i in 1 2 3; do
    sleep 3.5   # the key before the previous one becomes retirable: this rotation deletes it
    start=$(date +%s%N)
    "${rotate[@]}" >/dev/null 2>"$work/rotate$i.err" || { cat "$work/rotate$i.err"; exit 1; }
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    total_ms=$((total_ms + ms))
    echo "== rotation $i ($ms ms)"
    check_exact "rotation $i"
done

sleep 3.5
kill_ms=$(( RANDOM % (total_ms / 3) + 1 ))
echo "== rotation 4, killed (SIGKILL) after $kill_ms ms, then resumed as it printed"
"${rotate[@]}" >/dev/null 2>"$work/rotate4.err" &
victim=$!
sleep "$(printf '%d.%03d' $((kill_ms / 1000)) $((kill_ms % 1000)))"
kill -9 "$victim" 2>/dev/null || true
wait "$victim" 2>/dev/null || true
resume="$(awk 'found { sub(/^ +/, ""); print; exit } /this command resumes it/ { found = 1 }' "$work/rotate4.err")"
if [ -z "$resume" ]; then
    echo "   killed before it printed a resume command: running the same command again"
    "${rotate[@]}" >/dev/null 2>"$work/resume.err" || { cat "$work/resume.err"; exit 1; }
else
    echo "   resume: $resume"
    PATH="$repo/target/debug:$PATH" sh -c "$resume" >/dev/null 2>"$work/resume.err" \
        || { cat "$work/resume.err"; exit 1; }
fi
check_exact "the killed rotation, resumed"
sleep 1

touch "$work/stop"
wait "$node_pid" "$py_pid" || true
rm -f crates/keymaterial/interop/.ring-proof-rs.mjs
grep -h "FAIL" "$work/node.err" "$work/python.err" >&2 || true
echo "   token endpoint refusals (429, retried): $(cat "$work/node.err" "$work/python.err" | grep -c "^mint" || true)"
node_ok=$(jq -r .ok "$work/node.out"); node_failed=$(jq -r .failed "$work/node.out")
py_ok=$(jq -r .ok "$work/python.out"); py_failed=$(jq -r .failed "$work/python.out")
echo "ring proof: $((node_ok + py_ok)) tokens decrypted (jose $node_ok, joserfc $py_ok), \
$((node_failed + py_failed)) failures, across 4 rotations (one killed after $kill_ms ms and \
resumed); ring exact after $exact of 4 rotations"
[ "$node_failed" -eq 0 ] && [ "$py_failed" -eq 0 ] && [ "$node_ok" -gt 0 ] && [ "$py_ok" -gt 0 ] \
    && [ "$exact" -eq 4 ] && [ "$inexact" -eq 0 ]
