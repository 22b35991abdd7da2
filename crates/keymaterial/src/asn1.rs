//! What a DER blob holds: the algorithm OIDs oktakeys tells apart, their names for
//! messages, and the structure behind a wrong PEM label.

use der::Decode;
use der::asn1::UintRef;
use pkcs8::{ObjectIdentifier, PrivateKeyInfoRef};
use spki::SubjectPublicKeyInfoRef;
use x509_cert::certificate::{CertificateInner, Raw};

pub(crate) const OID_RSA_ENCRYPTION: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
pub(crate) const OID_RSASSA_PSS: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.10");
pub(crate) const OID_EC_PUBLIC_KEY: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");

/// Both OIDs an RSA key is found under (`rsaEncryption`, `RSASSA-PSS`).
pub(crate) fn is_rsa(oid: ObjectIdentifier) -> bool {
    oid == OID_RSA_ENCRYPTION || oid == OID_RSASSA_PSS
}

/// The structure a DER blob really holds, as its PEM label, when it is not the declared one.
fn sniff_label(der: &[u8]) -> Option<&'static str> {
    if SubjectPublicKeyInfoRef::from_der(der).is_ok() {
        Some("PUBLIC KEY")
    } else if pkcs1::RsaPublicKey::<UintRef<'_>>::from_der(der).is_ok() {
        Some("RSA PUBLIC KEY")
    } else if CertificateInner::<Raw>::from_der(der).is_ok() {
        Some("CERTIFICATE")
    } else if PrivateKeyInfoRef::from_der(der).is_ok() {
        Some("PRIVATE KEY")
    } else if pkcs1::RsaPrivateKey::<UintRef<'_>>::from_der(der).is_ok() {
        Some("RSA PRIVATE KEY")
    } else {
        None
    }
}

pub(crate) fn structure_error(
    label: &str,
    what: &str,
    der: &[u8],
    err: &dyn std::fmt::Display,
) -> String {
    match sniff_label(der) {
        Some(actual) if actual != label => format!(
            "the PEM block is labelled `{label}` but holds what is labelled `{actual}`; \
             correct the BEGIN and END lines to `{actual}`"
        ),
        _ => format!(
            "the `{label}` PEM block does not hold {what} ({err}); the file is truncated or damaged"
        ),
    }
}

/// The algorithm's name for messages: "EC P-256 (elliptic curve)", "Ed25519", …
pub(crate) fn algorithm_name(algorithm: &spki::AlgorithmIdentifierRef<'_>) -> String {
    let oid = algorithm.oid.to_string();
    let name = match oid.as_str() {
        "1.2.840.10045.2.1" => {
            let curve = algorithm
                .parameters
                .and_then(|p| p.decode_as::<ObjectIdentifier>().ok())
                .map(|c| match c.to_string().as_str() {
                    "1.2.840.10045.3.1.7" => " P-256".to_string(),
                    "1.3.132.0.34" => " P-384".to_string(),
                    "1.3.132.0.35" => " P-521".to_string(),
                    "1.3.132.0.10" => " secp256k1".to_string(),
                    other => format!(" (curve {other})"),
                })
                .unwrap_or_default();
            return format!("EC{curve} (elliptic curve)");
        }
        "1.3.101.112" => "Ed25519",
        "1.3.101.113" => "Ed448",
        "1.3.101.110" => "X25519",
        "1.3.101.111" => "X448",
        "1.2.840.10040.4.1" => "DSA",
        "1.2.840.113549.1.3.1" | "1.2.840.10046.2.1" => "Diffie-Hellman",
        _ => return format!("algorithm {oid}"),
    };
    name.to_string()
}
