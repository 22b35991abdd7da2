#!/usr/bin/env bash
# Cross-checks the Rust JWE module (through examples/jwe_tool.rs) against Node's `jose`:
#   jose -> Rust: all 18 alg x enc pairs decrypt to the right plaintext and header;
#   Rust -> jose: all 18 pairs;
#   refusals: tampered tag / ciphertext / IV / encrypted key, a token for another key, and
#   RSA1_5, RSA-OAEP (SHA-1), dir, A128KW, ECDH-ES, zip and crit tokens made by jose.
# Needs node (>= 20), npm and cargo. Exits non-zero on any failure; the last line is
# "N passed, M failed".
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
crate="$(dirname "$here")"
work="$(mktemp -d)"
touch "$work/results.txt"

# Always end with the summary line; a step that aborts the script counts as one failure.
summary() {
  local status=$? passed failed
  passed=$(grep -c '^PASS ' "$work/results.txt" || true)
  failed=$(grep -c '^FAIL ' "$work/results.txt" || true)
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    echo "FAIL run.sh aborted (exit $status) before all checks ran" >&2
    failed=1
  fi
  rm -rf "$work"
  echo "$passed passed, $failed failed"
  if [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi
  exit 0
}
trap summary EXIT

cd "$here"
npm ci --no-audit --no-fund --loglevel=error >"$work/npm.log" 2>&1 || {
  cat "$work/npm.log" >&2
  echo "npm ci failed" >&2
  exit 1
}

cargo build --quiet --manifest-path "$crate/Cargo.toml" --example jwe_tool
tool() { cargo run --quiet --manifest-path "$crate/Cargo.toml" --example jwe_tool -- "$@"; }

node jose.mjs genkey "$work/a"
node jose.mjs genkey "$work/b"

# jose -> Rust (private key given to Rust as PKCS#8 PEM).
node jose.mjs encrypt "$work/a.public.jwk.json" kid-a >"$work/j2r.json"
tool decrypt --key "$work/a.private.pem" <"$work/j2r.json" >"$work/j2r.out.json"
node jose.mjs check <"$work/j2r.out.json" | tee -a "$work/results.txt"

# Rust -> jose (public key given to Rust as a JWK; a second round with the SPKI PEM).
node jose.mjs cases kid-a >"$work/cases.json"
tool encrypt --key "$work/a.public.jwk.json" <"$work/cases.json" >"$work/r2j.json"
node jose.mjs decrypt "$work/a.private.jwk.json" <"$work/r2j.json" | tee -a "$work/results.txt"
tool encrypt --key "$work/a.public.pem" <"$work/cases.json" >"$work/r2j-pem.json"
node jose.mjs decrypt "$work/a.private.jwk.json" <"$work/r2j-pem.json" \
  | sed 's/^\(PASS\|FAIL\) Rust->jose /\1 Rust(PEM key)->jose /' | tee -a "$work/results.txt"

# Refusals (private key given to Rust as a JWK).
node jose.mjs negatives "$work/a.public.jwk.json" "$work/b.public.jwk.json" kid-a >"$work/neg.json"
tool decrypt --key "$work/a.private.jwk.json" <"$work/neg.json" >"$work/neg.out.json"
node jose.mjs check <"$work/neg.out.json" | tee -a "$work/results.txt"
