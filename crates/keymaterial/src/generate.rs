//! New RSA key pairs for `keys generate` and `keys rotate --generate`.

use pkcs8::{EncodePrivateKey, LineEnding};
use rsa::traits::PublicKeyParts;

use crate::error::{Error, Result};
use crate::jwk::PublicKey;
use crate::pem::rsa_public_key;
use crate::secret::Secret;

/// The modulus sizes `keys generate` offers.
pub const GENERATE_BITS: [usize; 3] = [2048, 3072, 4096];

/// Create an RSA key pair (exponent 65537) from the operating system's random source.
/// Returns the private key as PKCS#8 PEM and the public key (without kid).
pub fn generate(bits: usize) -> Result<(Secret, PublicKey)> {
    if !GENERATE_BITS.contains(&bits) {
        return Err(Error::UnsupportedBits(bits));
    }
    let private = rsa::PrivateKey::new(&mut getrandom::SysRng, bits)
        .map_err(|e| Error::Internal(format!("RSA key generation failed: {e}")))?;
    let pem = private
        .to_pkcs8_pem(LineEnding::LF)
        .map_err(|e| Error::Internal(format!("cannot encode the private key: {e}")))?;
    let secret = Secret::new(pem.as_str());
    let public = private.to_public_key();
    let n = public.n().to_be_bytes();
    let e = public.e().to_be_bytes();
    let key = rsa_public_key(&n, &e).map_err(Error::Internal)?;
    Ok((secret, key))
}
