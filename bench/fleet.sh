#!/usr/bin/env bash
# Benchmark (not a test): many servers at once. Starts `oktakeys sandbox serve` (release
# build) holding 50 authorization servers with 100 ms of latency and measures with
# hyperfine, in one run, `keys list --all-auth-servers` and `keys rotate --all-auth-servers`
# at --parallel 1 and at the default (8), `plan` with nothing to change and `apply`
# rotating every server (policy files: all_active); then `keys list --all-auth-servers` against a
# sandbox rate limit of 600 requests a minute with --max-api-capacity 50 (RATE_RUNS runs
# back to back, their mean).
#
# For each: the median (the rate-limited row: the mean), the requests one run makes (counted from the -v log: one line per
# request), and the ratio of the median to its bound: requests × latency ÷ parallelism, or
# for the rate-limited row requests ÷ 300 per minute (50% of 600). Goal: the default within
# 1.5× of its bound (apply: 1.3×). Usage: bench/fleet.sh   (RUNS=5 bench/fleet.sh for more
# runs; BASELINE_BIN=/path/to/an/older/oktakeys adds its apply row to the same run)
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
RATE_RUNS=${RATE_RUNS:-12}
SERVERS=50
LATENCY_MS=100

if ! command -v hyperfine >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "bench: installing hyperfine (apt-get install -y hyperfine)" >&2
        apt-get install -y hyperfine >/dev/null
    else
        echo "bench: hyperfine is missing; install it with: sudo apt-get install -y hyperfine" >&2
        exit 1
    fi
fi
command -v python3 >/dev/null || { echo "bench: python3 is needed" >&2; exit 1; }

echo "bench: cargo build --release" >&2
cargo build --release --quiet
BIN=$PWD/target/release/oktakeys

TMP=$(mktemp -d)
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$TMP"
}
trap cleanup EXIT
export HOME=$TMP XDG_CONFIG_HOME=$TMP/.config
unset OKTAKEYS_PROFILE OKTAKEYS_CONFIG HTTPS_PROXY HTTP_PROXY ALL_PROXY https_proxy http_proxy all_proxy
TOKEN="00bench$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"

# The seed: `default` and 49 more servers, each with one ACTIVE key.
args=()
for i in $(seq -w 1 $((SERVERS - 1))); do args+=(--auth-server "ausBench$i"); done
"$BIN" sandbox reset --state "$TMP/seed.json" "${args[@]}" >/dev/null 2>&1
"$BIN" keys generate --kid bench-new --private-key-out "$TMP/new.pem" >"$TMP/new.json" 2>/dev/null

# serve NAME EXTRA-ARGS…: a sandbox on a free port with its own copy of the seed; sets BASE.
serve() {
    local name=$1; shift
    cp "$TMP/seed.json" "$TMP/$name.json"
    OKTAKEYS_SANDBOX_TOKEN=$TOKEN "$BIN" sandbox serve --addr 127.0.0.1:0 \
        --state "$TMP/$name.json" --latency "$LATENCY_MS" "$@" >"$TMP/$name.url" 2>"$TMP/$name.log" &
    PIDS+=($!)
    for _ in $(seq 100); do [ -s "$TMP/$name.url" ] && break; sleep 0.05; done
    BASE=$(head -n1 "$TMP/$name.url")
    [ -n "$BASE" ] || { echo "bench: the sandbox did not start:" >&2; cat "$TMP/$name.log" >&2; exit 1; }
}

export OKTA_API_TOKEN=$TOKEN
# Warm the seed: the sandbox makes each server's signing key (an RSA key generation) on
# first use and keeps it in the state. Done once here, so that no measured run pays ~50 ms
# of key generation per server in the sandbox: the runs measure oktakeys and the latency.
serve warm --rate-limit 1000000
OKTA_ORG_URL=$BASE "$BIN" servers list -o id >/dev/null
kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true
cp "$TMP/warm.json" "$TMP/seed.json"

# A rate limit far above what is used: these rows measure the parallelism only.
serve fast --rate-limit 1000000
export OKTA_ORG_URL=$BASE
RESET="cp $TMP/seed.json $TMP/fast.json"
LIST="$BIN keys list --all-auth-servers -o id"
ROTATE="$BIN keys rotate --all-auth-servers --jwk $TMP/new.json --yes -q"
# The policy rows: plan with nothing to change (the seeded keys are new), and apply
# rotating every server (rotate_after = "0s"; the key generated and handed to a command).
cat > "$TMP/plan.toml" <<'TOML'
[defaults]
rotate_after = "90d"
private_key_command = "cat > /dev/null"
[[servers]]
all_active = true
TOML
sed 's/rotate_after = "90d"/rotate_after = "0s"\nkey_bits = 2048/' "$TMP/plan.toml" > "$TMP/apply.toml"
PLAN="$BIN plan --file $TMP/plan.toml --detailed-exitcode"
APPLY="$BIN apply --file $TMP/apply.toml --yes -q"

# requests COMMAND…: how many requests one run makes (the -v log has one line each).
requests() {
    "$@" -v 2>&1 >/dev/null | grep -cE '^(GET|POST|PUT|DELETE) http.* in [0-9]+ ms' || true
}
eval "$RESET"; N_LIST=$(requests $LIST --parallel 1)
eval "$RESET"; N_ROTATE=$(requests $ROTATE --parallel 1)
eval "$RESET"; N_PLAN=$(requests $PLAN --parallel 1)
eval "$RESET"; N_APPLY=$(requests $APPLY --parallel 1)
eval "$RESET"
[ "$N_LIST" -gt "$SERVERS" ] && [ "$N_ROTATE" -gt "$SERVERS" ] &&
    [ "$N_PLAN" -gt "$SERVERS" ] && [ "$N_APPLY" -le "$N_ROTATE" ] ||
    { echo "bench: unexpected request counts ($N_LIST, $N_ROTATE, $N_PLAN, $N_APPLY)" >&2; exit 1; }

hyperfine -N --style basic --runs "$RUNS" --export-json "$TMP/fleet.json" \
    -n "list --parallel 1" "$LIST --parallel 1" \
    -n "list (default 8)" "$LIST" \
    --prepare "$RESET" \
    -n "rotate --parallel 1" "$ROTATE --parallel 1" \
    -n "rotate (default 8)" "$ROTATE" \
    -n "plan, nothing to change (default 8)" "$PLAN" \
    -n "apply, rotating each (default 8)" "$APPLY" \
    ${BASELINE_BIN:+-n "apply, rotating each, BASELINE_BIN (default 8)" "${APPLY/#$BIN/$BASELINE_BIN}"} >&2

# The rate-limited row: 600 requests a minute, oktakeys keeps to half of it (RATE_RUNS=0
# skips it).
RATED_TOTAL=0
if [ "$RATE_RUNS" -gt 0 ]; then
serve rated --rate-limit 600 --rate-limit-window 60
RATED="$BIN keys list --all-auth-servers -o id --max-api-capacity 50"
# Back to back, as a job would: a loop (not hyperfine) so that a failed run shows its stderr.
start=$(date +%s.%N)
for run in $(seq "$RATE_RUNS"); do
    OKTA_ORG_URL=$BASE $RATED >/dev/null 2>"$TMP/rated.err" ||
        { echo "bench: rate-limited run $run failed:" >&2; cat "$TMP/rated.err" >&2; exit 1; }
done
RATED_TOTAL=$(python3 -c "import sys; print(float(sys.argv[2]) - float(sys.argv[1]))" "$start" "$(date +%s.%N)")
if grep -q '429' "$TMP/rated.err"; then echo "bench: the sandbox answered 429" >&2; fi
fi

python3 - "$TMP/fleet.json" "$RATED_TOTAL" "$N_LIST" "$N_ROTATE" "$LATENCY_MS" "$SERVERS" "$RATE_RUNS" "$N_PLAN" "$N_APPLY" <<'PY'
import json, sys
fleet = json.load(open(sys.argv[1]))["results"]
rated_total = float(sys.argv[2])
n_list, n_rotate, latency, servers, rate_runs, n_plan, n_apply = map(int, sys.argv[3:])
print(f"{servers} servers, {latency} ms latency per request")
print(f"{'command':<50} {'median':>8} {'requests':>9} {'bound':>8} {'ratio':>6}")
for r in fleet:
    n = {"list": n_list, "rotate": n_rotate, "plan,": n_plan, "apply,": n_apply}[r["command"].split()[0]]
    parallel = 1 if "--parallel 1" in r["command"] else 8
    bound = n * latency / 1000 / parallel
    print(f"{r['command']:<50} {r['median']:>7.2f}s {n:>9} {bound:>7.2f}s {r['median'] / bound:>6.2f}")
# The bound is the rate: requests ÷ 300 a minute; the runs go back to back, so the mean
# (total ÷ runs) is what compares, the first window's allowance included.
if rate_runs == 0:
    sys.exit(0)
bound = n_list / 300 * 60
mean = rated_total / rate_runs
name = f"list, 600/min, --max-api-capacity 50 (mean of {rate_runs})"
print(f"{name:<50} {mean:>7.2f}s {n_list:>9} {bound:>7.2f}s {mean / bound:>6.2f}")
PY
