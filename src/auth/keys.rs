//! Compatibility path: the signing and verifying keys live in the key-material crate.

pub use keymaterial::keys::*;

/// The test keys of `tests/fixtures`, for the service app's unit tests.
#[cfg(test)]
pub(crate) mod tests {
    pub const RSA_PKCS1: &str = include_str!("../../tests/fixtures/service-app-rsa.pkcs1.pem");
    pub const RSA_PUBLIC: &str = include_str!("../../tests/fixtures/service-app-rsa.pub.pem");
    pub const EC_PUBLIC: &str = include_str!("../../tests/fixtures/service-app-ec.pub.pem");
}
