//! Key material for oktakeys, pure (no I/O, no network): public JWKs and JWKS, PEM keys
//! and certificates, Okta's rules for them, RFC 7638 thumbprints, key generation, JWS
//! signing and verification, DPoP proofs, JWE (RFC 7516) for encrypted access tokens, and the [`secret::Secret`] that carries them.
//!
//! Modules: `jwk` (public JWKs, thumbprints), `pem` (public keys from PEM), `armor` (PEM
//! framing), `asn1` (what a DER blob holds), `keys` (signing and verifying keys, and the one
//! private-key reader), `generate`, `private_out` (encrypted PEM, private JWK), `jws`, `jwe`, `dpop`, `secret`, `error`.

mod armor;
mod asn1;
pub mod dpop;
mod error;
pub mod generate;
pub mod jwe;
pub mod jwk;
pub mod jws;
pub mod keys;
pub mod pem;
pub mod private_out;
pub mod secret;

pub use error::{Error, Result};
