// Independent JWE implementation for the interop checks: Node's `jose` package (pinned in
// package.json). Run by run.sh; every mode reads/writes JSON.
//
//   node jose.mjs genkey PREFIX            PREFIX.{private,public}.{pem,jwk.json} (RSA 2048)
//   node jose.mjs cases KID                the 18 alg x enc cases to encrypt (no tokens)
//   node jose.mjs encrypt PUBLIC_JWK KID   the 18 cases, encrypted by jose
//   node jose.mjs decrypt PRIVATE_JWK      stdin: cases with "token" (made elsewhere);
//                                          prints PASS/FAIL lines after decrypting with jose
//   node jose.mjs negatives PUBLIC_JWK OTHER_PUBLIC_JWK KID
//                                          tokens the Rust side must refuse, with the error kind
//   node jose.mjs check                    stdin: jwe_tool decrypt output; PASS/FAIL lines
import { readFileSync, writeFileSync } from 'node:fs';
import { constants, createCipheriv, createPrivateKey, createPublicKey, createSecretKey, generateKeyPairSync, publicEncrypt, randomBytes } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { CompactEncrypt, compactDecrypt, base64url } from 'jose';

process.noDeprecation = true; // jose warns that RSA1_5 is deprecated: we use it only to be refused

const ALGS = ['RSA-OAEP-256', 'RSA-OAEP-384', 'RSA-OAEP-512'];
const ENCS = ['A128GCM', 'A192GCM', 'A256GCM', 'A128CBC-HS256', 'A192CBC-HS384', 'A256CBC-HS512'];
const DECRYPT_ERROR = 'the token does not decrypt with this key';

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const stdinJson = () => JSON.parse(readFileSync(0, 'utf8'));
const publicKey = (path) => createPublicKey({ key: readJson(path), format: 'jwk' });
const privateKey = (path) => createPrivateKey({ key: readJson(path), format: 'jwk' });
const b64json = (obj) => base64url.encode(JSON.stringify(obj));

// A stand-in for an Okta access token: a signed JWT (the signature is random bytes here).
function nestedJwt(kid, alg, enc) {
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'RS256', kid: 'signing-key', typ: 'JWT' };
  const claims = {
    ver: 1, jti: `AT.${base64url.encode(randomBytes(12))}`, iss: 'https://sandbox.example/oauth2/default',
    aud: 'api://default', iat: now, exp: now + 3600, cid: '0oa-client', scp: ['read'],
    sub: `${alg}/${enc}/${kid}`, note: 'ünïcödé ✓',
  };
  return `${b64json(header)}.${b64json(claims)}.${base64url.encode(randomBytes(256))}`;
}

function cases(kid) {
  return ALGS.flatMap((alg) => ENCS.map((enc) => ({ name: `${alg} ${enc}`, alg, enc, kid, plaintext: nestedJwt(kid, alg, enc) })));
}

async function jweOf(plaintext, key, header, options) {
  return new CompactEncrypt(new TextEncoder().encode(plaintext)).setProtectedHeader(header).encrypt(key, options);
}

// A genuine "zip": "DEF" token (RSA-OAEP-256, A256GCM) built from Node's primitives, since jose 5
// cannot make one: an implementation that ignored "zip" would "decrypt" it to deflated bytes.
function deflatedJwe(plaintext, key, kid) {
  const header = b64json({ alg: 'RSA-OAEP-256', enc: 'A256GCM', zip: 'DEF', kid, cty: 'JWT' });
  const cek = randomBytes(32);
  const iv = randomBytes(12);
  const ek = publicEncrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, cek);
  const cipher = createCipheriv('aes-256-gcm', cek, iv);
  cipher.setAAD(Buffer.from(header, 'ascii'));
  const ct = Buffer.concat([cipher.update(deflateRawSync(Buffer.from(plaintext))), cipher.final()]);
  return [header, ek, iv, ct, cipher.getAuthTag()].map((p) => (typeof p === 'string' ? p : base64url.encode(p))).join('.');
}

// Flips one bit of the decoded part `i` of a compact token.
function flip(token, i, at = 0) {
  const parts = token.split('.');
  const raw = Buffer.from(base64url.decode(parts[i]));
  raw[at < 0 ? raw.length + at : at] ^= 1;
  parts[i] = base64url.encode(raw);
  return parts.join('.');
}

function result(ok, name, why) {
  console.log(ok ? `PASS ${name}` : `FAIL ${name}: ${why}`);
}

const [mode, ...args] = process.argv.slice(2);
switch (mode) {
  case 'genkey': {
    const [prefix] = args;
    const { privateKey: priv, publicKey: pub } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(`${prefix}.private.pem`, priv.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(`${prefix}.public.pem`, pub.export({ type: 'spki', format: 'pem' }));
    writeFileSync(`${prefix}.private.jwk.json`, JSON.stringify(priv.export({ format: 'jwk' })));
    writeFileSync(`${prefix}.public.jwk.json`, JSON.stringify(pub.export({ format: 'jwk' })));
    break;
  }
  case 'cases': {
    console.log(JSON.stringify(cases(args[0])));
    break;
  }
  case 'encrypt': {
    const [jwk, kid] = args;
    const key = publicKey(jwk);
    const out = [];
    for (const c of cases(kid)) {
      out.push({ ...c, token: await jweOf(c.plaintext, key, { alg: c.alg, enc: c.enc, kid, cty: 'JWT' }) });
    }
    console.log(JSON.stringify(out));
    break;
  }
  case 'decrypt': {
    const key = privateKey(args[0]);
    for (const c of stdinJson()) {
      const name = `Rust->jose ${c.name}`;
      if (!c.token) { result(false, name, `no token: ${c.error}`); continue; }
      try {
        const { plaintext, protectedHeader: h } = await compactDecrypt(c.token, key);
        const text = new TextDecoder().decode(plaintext);
        const want = { alg: c.alg, enc: c.enc, kid: c.kid, cty: 'JWT' };
        const bad = Object.entries(want).filter(([k, v]) => h[k] !== v).map(([k]) => k);
        if (text !== c.plaintext) result(false, name, 'plaintext differs');
        else if (bad.length) result(false, name, `header ${bad.join(', ')} differs: ${JSON.stringify(h)}`);
        else result(true, name);
      } catch (e) {
        result(false, name, `jose: ${e.code ?? ''} ${e.message}`);
      }
    }
    break;
  }
  case 'negatives': {
    const [jwk, otherJwk, kid] = args;
    const key = publicKey(jwk);
    const other = publicKey(otherJwk);
    const plaintext = nestedJwt(kid, 'neg', 'neg');
    const out = [];
    const add = (name, token, expect) => out.push({ name, token, expect });
    for (const enc of ['A256GCM', 'A128CBC-HS256', 'A256CBC-HS512']) {
      const token = await jweOf(plaintext, key, { alg: 'RSA-OAEP-256', enc, kid, cty: 'JWT' });
      add(`tampered tag (first bit), ${enc}`, flip(token, 4, 0), 'Decrypt');
      add(`tampered tag (last bit), ${enc}`, flip(token, 4, -1), 'Decrypt');
      add(`tampered ciphertext, ${enc}`, flip(token, 3, 0), 'Decrypt');
      add(`tampered IV, ${enc}`, flip(token, 2, 0), 'Decrypt');
      add(`tampered encrypted key, ${enc}`, flip(token, 1, 5), 'Decrypt');
      add(`token for another key, ${enc}`, await jweOf(plaintext, other, { alg: 'RSA-OAEP-256', enc, kid, cty: 'JWT' }), 'Decrypt');
    }
    for (const alg of ['RSA-OAEP-384', 'RSA-OAEP-512']) {
      add(`token for another key, ${alg}`, await jweOf(plaintext, other, { alg, enc: 'A256GCM', kid }), 'Decrypt');
    }
    for (const enc of ['A256GCM', 'A128CBC-HS256']) {
      add(`RSA1_5 ${enc} (made by jose)`, await jweOf(plaintext, key, { alg: 'RSA1_5', enc, kid }), 'UnsupportedAlg:RSA1_5');
      add(`RSA-OAEP (SHA-1) ${enc} (made by jose)`, await jweOf(plaintext, key, { alg: 'RSA-OAEP', enc, kid }), 'UnsupportedAlg:RSA-OAEP');
    }
    add('dir A256GCM (made by jose)', await jweOf(plaintext, createSecretKey(randomBytes(32)), { alg: 'dir', enc: 'A256GCM' }), 'UnsupportedAlg:dir');
    add('A128KW A128GCM (made by jose)', await jweOf(plaintext, createSecretKey(randomBytes(16)), { alg: 'A128KW', enc: 'A128GCM' }), 'UnsupportedAlg:A128KW');
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    add('ECDH-ES A256GCM (made by jose)', await jweOf(plaintext, ec, { alg: 'ECDH-ES', enc: 'A256GCM' }), 'UnsupportedAlg:ECDH-ES');
    add('zip DEF (made with node:crypto and zlib: jose 5 has no zip)', deflatedJwe(plaintext, key, kid), 'Compressed');
    add('crit (made by jose)', await jweOf(plaintext, key, { alg: 'RSA-OAEP-256', enc: 'A256GCM', crit: ['exp'], exp: 1 }, { crit: { exp: true } }), 'Critical');
    console.log(JSON.stringify(out));
    break;
  }
  case 'check': {
    for (const c of stdinJson()) {
      const r = c.result;
      if (c.expect === undefined) {
        const name = `jose->Rust ${c.name}`;
        if (!r.ok) result(false, name, `${r.kind}: ${r.error}`);
        else if (r.plaintext !== c.plaintext) result(false, name, 'plaintext differs');
        else if (r.header.alg !== c.alg || r.header.enc !== c.enc || r.header.kid !== c.kid || r.header.cty !== 'JWT') result(false, name, `header ${JSON.stringify(r.header)}`);
        else result(true, name);
      } else {
        const name = `refused: ${c.name}`;
        const [kind, alg] = c.expect.split(':');
        if (r.ok) result(false, name, 'it decrypted');
        else if (r.kind !== kind) result(false, name, `${r.kind} (${r.error}), expected ${kind}`);
        else if (kind === 'Decrypt' && r.error !== DECRYPT_ERROR) result(false, name, `message ${JSON.stringify(r.error)}`);
        else if (alg && !r.error.includes(JSON.stringify(alg))) result(false, name, `message does not name ${alg}: ${r.error}`);
        else result(true, name);
      }
    }
    break;
  }
  default:
    console.error(`unknown mode ${mode}`);
    process.exit(2);
}
