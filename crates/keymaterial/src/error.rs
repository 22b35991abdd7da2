//! The key-material error: what is wrong with a key, in words for the person who gave it.
//! Exit codes and flag names are the CLI's business (it maps each variant).

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// A key (file, JWK, PEM) that cannot be used; the message names its source and
    /// never holds key material.
    #[error("{0}")]
    KeyFile(String),

    /// A modulus size `generate::generate` does not offer.
    #[error("RSA keys are generated with 2048, 3072 or 4096 bits, not {0}")]
    UnsupportedBits(usize),

    /// The OS random source or an encoder failed.
    #[error("{0}")]
    Internal(String),
}
