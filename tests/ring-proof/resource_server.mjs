// A resource server with Node `jose` (npm, pinned in crates/keymaterial/interop): it loads
// the key ring (a private JWKS), re-reads it whenever the file changes, and decrypts a
// continuous stream of access tokens from the sandbox's token endpoint until STOP exists.
// Prints {"lib":…,"ok":N,"failed":M} at the end; each failure on stderr.
//   RING=ring.json ISSUER=http://…/oauth2/default CLIENT_ID=… CLIENT_SECRET=… STOP=file node resource_server.mjs
import fs from 'node:fs';
import { compactDecrypt, decodeProtectedHeader, importJWK } from 'jose';

const { RING, ISSUER, CLIENT_ID, CLIENT_SECRET, STOP } = process.env;

// --- the ring: re-read when the file changes (it is replaced whole, by a rename) ---
let stamp = '';
let keys = new Map(); // kid -> imported private key
async function loadRing() {
  const st = fs.statSync(RING, { bigint: true });
  const now = `${st.ino}:${st.mtimeNs}:${st.size}`;
  if (now === stamp) return;
  const jwks = JSON.parse(fs.readFileSync(RING, 'utf8'));
  const next = new Map();
  for (const jwk of jwks.keys) next.set(jwk.kid, await importJWK(jwk, jwk.alg ?? 'RSA-OAEP-256'));
  keys = next;
  stamp = now;
}

async function decrypt(token) {
  await loadRing();
  const { kid } = decodeProtectedHeader(token);
  const key = keys.get(kid);
  if (!key) throw new Error(`kid ${kid} is not in the ring`);
  const { plaintext } = await compactDecrypt(token, key);
  return new TextDecoder().decode(plaintext);
}
// --- end of the ring ---

async function mint() {
  const body = new URLSearchParams({
    grant_type: 'client_credentials', scope: 'api:read',
    client_id: CLIENT_ID, client_secret: CLIENT_SECRET,
  });
  const res = await fetch(`${ISSUER}/v1/token`, { method: 'POST', body });
  if (!res.ok) throw new Error(`token endpoint: ${res.status} ${await res.text()}`);
  return (await res.json()).access_token;
}

let ok = 0, failed = 0;
while (!fs.existsSync(STOP)) {
  let token;
  try { token = await mint(); } catch (e) { console.error(`mint: ${e.message}`); await new Promise(r => setTimeout(r, 200)); continue; }
  try {
    const jwt = await decrypt(token);
    if (jwt.split('.').length !== 3) throw new Error('the plaintext is not a JWT');
    ok++;
  } catch (e) {
    failed++;
    console.error(`FAIL jose: ${e.message}`);
  }
  await new Promise(r => setTimeout(r, 10)); // a steady stream, leaving the sandbox's rate limit to the rotations
}
console.log(JSON.stringify({ lib: 'jose', ok, failed }));
