//! Content encryption for JWE (RFC 7518 §5): AES-GCM (§5.3) and AES-CBC with HMAC-SHA-2 (§5.2).
//!
//! Only composition lives here; every primitive comes from a RustCrypto crate (`aes-gcm`,
//! `aes` + `cbc`, `hmac` + `sha2`). Decryption failures carry no detail ([`Failed`]): the caller
//! turns every one of them into the same error, so nothing tells a bad tag from a bad padding.

use aes::cipher::block_padding::Pkcs7;
use aes::cipher::{BlockModeDecrypt, BlockModeEncrypt, KeyIvInit};
use aes::{Aes128, Aes192, Aes256};
use aes_gcm::AesGcm;
use aes_gcm::aead::{AeadInOut, KeyInit, Nonce, Tag};
use aes_gcm::aes::cipher::consts::U12;
use hmac::{Hmac, Mac};
use sha2::{Sha256, Sha384, Sha512};
use zeroize::Zeroizing;

use super::ContentEnc;

type Aes128Gcm = AesGcm<Aes128, U12>;
type Aes192Gcm = AesGcm<Aes192, U12>;
type Aes256Gcm = AesGcm<Aes256, U12>;

/// Decryption failed (wrong key, bad tag, bad padding, wrong lengths). Deliberately opaque.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Failed;

/// Ciphertext and authentication tag.
pub(crate) struct Sealed {
    pub(crate) ciphertext: Vec<u8>,
    pub(crate) tag: Vec<u8>,
}

impl ContentEnc {
    /// Length of the content-encryption key in bytes.
    pub const fn cek_len(self) -> usize {
        match self {
            Self::A128Gcm => 16,
            Self::A192Gcm => 24,
            Self::A256Gcm => 32,
            Self::A128CbcHs256 => 32,
            Self::A192CbcHs384 => 48,
            Self::A256CbcHs512 => 64,
        }
    }

    /// Length of the initialization vector in bytes.
    pub const fn iv_len(self) -> usize {
        match self {
            Self::A128Gcm | Self::A192Gcm | Self::A256Gcm => 12,
            Self::A128CbcHs256 | Self::A192CbcHs384 | Self::A256CbcHs512 => 16,
        }
    }

    /// Length of the authentication tag in bytes.
    pub const fn tag_len(self) -> usize {
        match self {
            Self::A128Gcm | Self::A192Gcm | Self::A256Gcm => 16,
            // RFC 7518 §5.2.3–5.2.5: T_LEN is half the HMAC output, which is also half the key.
            Self::A128CbcHs256 => 16,
            Self::A192CbcHs384 => 24,
            Self::A256CbcHs512 => 32,
        }
    }

    const fn is_cbc(self) -> bool {
        matches!(
            self,
            Self::A128CbcHs256 | Self::A192CbcHs384 | Self::A256CbcHs512
        )
    }
}

/// Encrypts `plaintext` with `cek` and `iv`, authenticating `aad`.
///
/// `cek` and `iv` must have the lengths `enc` needs (the callers make them); a wrong length is a
/// [`Failed`] rather than a panic.
pub(crate) fn seal(
    enc: ContentEnc,
    cek: &[u8],
    iv: &[u8],
    aad: &[u8],
    plaintext: &[u8],
) -> Result<Sealed, Failed> {
    if cek.len() != enc.cek_len() || iv.len() != enc.iv_len() {
        return Err(Failed);
    }
    match enc {
        ContentEnc::A128Gcm => gcm_seal::<Aes128Gcm>(cek, iv, aad, plaintext),
        ContentEnc::A192Gcm => gcm_seal::<Aes192Gcm>(cek, iv, aad, plaintext),
        ContentEnc::A256Gcm => gcm_seal::<Aes256Gcm>(cek, iv, aad, plaintext),
        ContentEnc::A128CbcHs256 => {
            cbc_hs_seal::<Hmac<Sha256>, cbc::Encryptor<Aes128>>(cek, iv, aad, plaintext)
        }
        ContentEnc::A192CbcHs384 => {
            cbc_hs_seal::<Hmac<Sha384>, cbc::Encryptor<Aes192>>(cek, iv, aad, plaintext)
        }
        ContentEnc::A256CbcHs512 => {
            cbc_hs_seal::<Hmac<Sha512>, cbc::Encryptor<Aes256>>(cek, iv, aad, plaintext)
        }
    }
}

/// Checks the tag and decrypts. Every failure is the same [`Failed`].
pub(crate) fn open(
    enc: ContentEnc,
    cek: &[u8],
    iv: &[u8],
    aad: &[u8],
    ciphertext: &[u8],
    tag: &[u8],
) -> Result<Zeroizing<Vec<u8>>, Failed> {
    if cek.len() != enc.cek_len() || iv.len() != enc.iv_len() || tag.len() != enc.tag_len() {
        return Err(Failed);
    }
    if enc.is_cbc() && (ciphertext.is_empty() || !ciphertext.len().is_multiple_of(16)) {
        return Err(Failed);
    }
    match enc {
        ContentEnc::A128Gcm => gcm_open::<Aes128Gcm>(cek, iv, aad, ciphertext, tag),
        ContentEnc::A192Gcm => gcm_open::<Aes192Gcm>(cek, iv, aad, ciphertext, tag),
        ContentEnc::A256Gcm => gcm_open::<Aes256Gcm>(cek, iv, aad, ciphertext, tag),
        ContentEnc::A128CbcHs256 => {
            cbc_hs_open::<Hmac<Sha256>, cbc::Decryptor<Aes128>>(cek, iv, aad, ciphertext, tag)
        }
        ContentEnc::A192CbcHs384 => {
            cbc_hs_open::<Hmac<Sha384>, cbc::Decryptor<Aes192>>(cek, iv, aad, ciphertext, tag)
        }
        ContentEnc::A256CbcHs512 => {
            cbc_hs_open::<Hmac<Sha512>, cbc::Decryptor<Aes256>>(cek, iv, aad, ciphertext, tag)
        }
    }
}

fn gcm_seal<A: AeadInOut + KeyInit>(
    cek: &[u8],
    iv: &[u8],
    aad: &[u8],
    plaintext: &[u8],
) -> Result<Sealed, Failed> {
    let cipher = A::new_from_slice(cek).map_err(|_| Failed)?;
    let nonce = Nonce::<A>::try_from(iv).map_err(|_| Failed)?;
    let mut buf = plaintext.to_vec();
    let tag = cipher
        .encrypt_inout_detached(&nonce, aad, buf.as_mut_slice().into())
        .map_err(|_| Failed)?;
    Ok(Sealed {
        ciphertext: buf,
        tag: tag.to_vec(),
    })
}

fn gcm_open<A: AeadInOut + KeyInit>(
    cek: &[u8],
    iv: &[u8],
    aad: &[u8],
    ciphertext: &[u8],
    tag: &[u8],
) -> Result<Zeroizing<Vec<u8>>, Failed> {
    let cipher = A::new_from_slice(cek).map_err(|_| Failed)?;
    let nonce = Nonce::<A>::try_from(iv).map_err(|_| Failed)?;
    let tag = Tag::<A>::try_from(tag).map_err(|_| Failed)?;
    let mut buf = Zeroizing::new(ciphertext.to_vec());
    // aes-gcm checks the tag (in constant time) before it decrypts anything into `buf`.
    cipher
        .decrypt_inout_detached(&nonce, aad, buf.as_mut_slice().into(), &tag)
        .map_err(|_| Failed)?;
    Ok(buf)
}

/// RFC 7518 §5.2.2.1: MAC over AAD || IV || ciphertext || AL, AL = AAD length in bits, 64-bit BE.
fn cbc_hs_mac<M: Mac + KeyInit>(
    mac_key: &[u8],
    iv: &[u8],
    aad: &[u8],
    ciphertext: &[u8],
) -> Result<M, Failed> {
    let aad_bits = u64::try_from(aad.len())
        .ok()
        .and_then(|len| len.checked_mul(8))
        .ok_or(Failed)?;
    let mut mac = <M as KeyInit>::new_from_slice(mac_key).map_err(|_| Failed)?;
    mac.update(aad);
    mac.update(iv);
    mac.update(ciphertext);
    mac.update(&aad_bits.to_be_bytes());
    Ok(mac)
}

fn cbc_hs_seal<M: Mac + KeyInit, E: KeyIvInit + BlockModeEncrypt>(
    cek: &[u8],
    iv: &[u8],
    aad: &[u8],
    plaintext: &[u8],
) -> Result<Sealed, Failed> {
    // RFC 7518 §5.2.2.1: MAC_KEY is the first half of the key, ENC_KEY the second.
    let (mac_key, enc_key) = cek.split_at(cek.len() / 2);
    let ciphertext = E::new_from_slices(enc_key, iv)
        .map_err(|_| Failed)?
        .encrypt_padded_vec::<Pkcs7>(plaintext);
    let full = cbc_hs_mac::<M>(mac_key, iv, aad, &ciphertext)?
        .finalize()
        .into_bytes();
    // T is the first T_LEN = MAC_KEY_LEN octets of the HMAC output.
    let tag = full[..mac_key.len()].to_vec();
    Ok(Sealed { ciphertext, tag })
}

fn cbc_hs_open<M: Mac + KeyInit, D: KeyIvInit + BlockModeDecrypt>(
    cek: &[u8],
    iv: &[u8],
    aad: &[u8],
    ciphertext: &[u8],
    tag: &[u8],
) -> Result<Zeroizing<Vec<u8>>, Failed> {
    let (mac_key, enc_key) = cek.split_at(cek.len() / 2);
    // `verify_truncated_left` accepts any tag length up to the full output, so the exact length
    // is checked first (`open` already did; this keeps the function safe on its own).
    if tag.len() != mac_key.len() {
        return Err(Failed);
    }
    // The MAC is checked, in constant time, before anything is decrypted.
    cbc_hs_mac::<M>(mac_key, iv, aad, ciphertext)?
        .verify_truncated_left(tag)
        .map_err(|_| Failed)?;
    let mut buf = Zeroizing::new(ciphertext.to_vec());
    let len = D::new_from_slices(enc_key, iv)
        .map_err(|_| Failed)?
        .decrypt_padded::<Pkcs7>(buf.as_mut_slice())
        .map_err(|_| Failed)?
        .len();
    buf.truncate(len);
    Ok(buf)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn hex(s: &str) -> Vec<u8> {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(s.len().is_multiple_of(2), "odd hex length");
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex digit"))
            .collect()
    }

    fn check_vector(
        enc: ContentEnc,
        cek: &[u8],
        iv: &[u8],
        aad: &[u8],
        p: &[u8],
        e: &[u8],
        t: &[u8],
    ) {
        let sealed = seal(enc, cek, iv, aad, p).expect("seal");
        assert_eq!(sealed.ciphertext, e, "{enc:?} ciphertext");
        assert_eq!(sealed.tag, t, "{enc:?} tag");
        let opened = open(enc, cek, iv, aad, e, t).expect("open");
        assert_eq!(opened.as_slice(), p, "{enc:?} plaintext");
        // Any changed bit of the tag, the ciphertext, the IV or the AAD is refused.
        let mut bad = t.to_vec();
        bad[t.len() - 1] ^= 1;
        assert_eq!(open(enc, cek, iv, aad, e, &bad), Err(Failed));
        let mut bad = e.to_vec();
        bad[0] ^= 0x80;
        assert_eq!(open(enc, cek, iv, aad, &bad, t), Err(Failed));
        let mut bad = iv.to_vec();
        bad[0] ^= 1;
        assert_eq!(open(enc, cek, &bad, aad, e, t), Err(Failed));
        let mut bad = aad.to_vec();
        bad[0] ^= 1;
        assert_eq!(open(enc, cek, iv, &bad, e, t), Err(Failed));
        // A truncated tag is not the tag (`verify_truncated_left` alone would accept a prefix).
        assert_eq!(open(enc, cek, iv, aad, e, &t[..t.len() - 1]), Err(Failed));
        assert_eq!(open(enc, cek, iv, aad, e, &t[..1]), Err(Failed));
    }

    // RFC 7516 Appendix A.1.2 (CEK), A.1.4 (IV), A.1.5 (AAD), A.1.6 (ciphertext and tag). Byte
    // arrays as transcribed in authlib/joserfc tests/jwe/test_compact_examples.py (test_A1),
    // checked against the RFC's base64url forms (A.1.7: IV 48V1_ALb6US04U3b, tag
    // XFBoMYUZodetZdvTiFvSkQ) in `rfc7516_a1_compact_parts_match` in the parent module.
    pub(crate) const A1_CEK: [u8; 32] = [
        177, 161, 244, 128, 84, 143, 225, 115, 63, 180, 3, 255, 107, 154, 212, 246, 138, 7, 110,
        91, 112, 46, 34, 105, 47, 130, 203, 46, 122, 234, 64, 252,
    ];
    pub(crate) const A1_IV: [u8; 12] = [227, 197, 117, 252, 2, 219, 233, 68, 180, 225, 77, 219];
    pub(crate) const A1_AAD: &[u8] = &[
        101, 121, 74, 104, 98, 71, 99, 105, 79, 105, 74, 83, 85, 48, 69, 116, 84, 48, 70, 70, 85,
        67, 73, 115, 73, 109, 86, 117, 89, 121, 73, 54, 73, 107, 69, 121, 78, 84, 90, 72, 81, 48,
        48, 105, 102, 81,
    ];
    pub(crate) const A1_PLAINTEXT: &[u8] =
        b"The true sign of intelligence is not knowledge but imagination.";
    pub(crate) const A1_CIPHERTEXT: &[u8] = &[
        229, 236, 166, 241, 53, 191, 115, 196, 174, 43, 73, 109, 39, 122, 233, 96, 140, 206, 120,
        52, 51, 237, 48, 11, 190, 219, 186, 80, 111, 104, 50, 142, 47, 167, 59, 61, 181, 127, 196,
        21, 40, 82, 242, 32, 123, 143, 168, 226, 73, 216, 176, 144, 138, 247, 106, 60, 16, 205,
        160, 109, 64, 63, 192,
    ];
    pub(crate) const A1_TAG: [u8; 16] = [
        92, 80, 104, 49, 133, 25, 161, 215, 173, 101, 219, 211, 136, 91, 210, 145,
    ];

    #[test]
    fn rfc7516_a1_content_encryption_a256gcm() {
        assert_eq!(A1_AAD, b"eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ");
        check_vector(
            ContentEnc::A256Gcm,
            &A1_CEK,
            &A1_IV,
            A1_AAD,
            A1_PLAINTEXT,
            A1_CIPHERTEXT,
            &A1_TAG,
        );
    }

    // RFC 7516 Appendix A.2.2 (CEK), A.2.4 (IV), A.2.5 (AAD), A.2.6 (ciphertext, tag), same
    // source as A.1. A.3 (A128KW + A128CBC-HS256) uses the same CEK, IV, plaintext and therefore
    // ciphertext, with its own header as AAD and tag U0m_YmjN04DJvceFICbCVQ (A.3.7).
    const A2_CEK: [u8; 32] = [
        4, 211, 31, 197, 84, 157, 252, 254, 11, 100, 157, 250, 63, 170, 106, 206, 107, 124, 212,
        45, 111, 107, 9, 219, 200, 177, 0, 240, 143, 156, 44, 207,
    ];
    const A2_IV: [u8; 16] = [
        3, 22, 60, 12, 43, 67, 104, 105, 108, 108, 105, 99, 111, 116, 104, 101,
    ];
    const A2_PLAINTEXT: &[u8] = b"Live long and prosper.";
    const A2_CIPHERTEXT: [u8; 32] = [
        40, 57, 83, 181, 119, 33, 133, 148, 198, 185, 243, 24, 152, 230, 6, 75, 129, 223, 127, 19,
        210, 82, 183, 230, 168, 33, 215, 104, 143, 112, 56, 102,
    ];

    #[test]
    fn rfc7516_a2_content_encryption_a128cbc_hs256() {
        let aad = b"eyJhbGciOiJSU0ExXzUiLCJlbmMiOiJBMTI4Q0JDLUhTMjU2In0";
        let tag = [
            246, 17, 244, 190, 4, 95, 98, 3, 231, 0, 115, 157, 242, 203, 100, 191,
        ];
        check_vector(
            ContentEnc::A128CbcHs256,
            &A2_CEK,
            &A2_IV,
            aad,
            A2_PLAINTEXT,
            &A2_CIPHERTEXT,
            &tag,
        );
    }

    #[test]
    fn rfc7516_a3_content_encryption_a128cbc_hs256() {
        use base64::Engine as _;
        let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        // A.3.7 complete representation: header, IV, ciphertext and tag parts.
        let aad = b"eyJhbGciOiJBMTI4S1ciLCJlbmMiOiJBMTI4Q0JDLUhTMjU2In0";
        assert_eq!(b64.decode("AxY8DCtDaGlsbGljb3RoZQ").unwrap(), A2_IV);
        assert_eq!(
            b64.decode("KDlTtXchhZTGufMYmOYGS4HffxPSUrfmqCHXaI9wOGY")
                .unwrap(),
            A2_CIPHERTEXT
        );
        let tag = b64.decode("U0m_YmjN04DJvceFICbCVQ").unwrap();
        check_vector(
            ContentEnc::A128CbcHs256,
            &A2_CEK,
            &A2_IV,
            aad,
            A2_PLAINTEXT,
            &A2_CIPHERTEXT,
            &tag,
        );
    }

    // RFC 7518 Appendix B.1–B.3 (K, P, IV, A, E, T), hex as in the RFC; transcription taken from
    // dapr/kit's aescbcaead test (which cites draft-mcgrew-aead-aes-cbc-hmac-sha2-05 §5, the
    // same vectors) and cross-checked against a second transcription of RFC 7518 Appendix B.
    const B_P: &str = "41206369706865722073797374656d206d757374206e6f742062652072657175
        6972656420746f206265207365637265742c20616e64206974206d7573742062
        652061626c6520746f2066616c6c20696e746f207468652068616e6473206f66
        2074686520656e656d7920776974686f757420696e636f6e76656e69656e6365";
    const B_IV: &str = "1af38c2dc2b96ffdd86694092341bc04";
    const B_A: &str = "546865207365636f6e64207072696e6369706c65206f662041756775737465
        204b6572636b686f666673";

    fn check_b(enc: ContentEnc, k: &str, e: &str, t: &str) {
        let (k, e, t) = (hex(k), hex(e), hex(t));
        assert_eq!(k.len(), enc.cek_len());
        assert_eq!(t.len(), enc.tag_len());
        check_vector(enc, &k, &hex(B_IV), &hex(B_A), &hex(B_P), &e, &t);
    }

    #[test]
    fn rfc7518_b1_aes_128_cbc_hmac_sha_256() {
        check_b(
            ContentEnc::A128CbcHs256,
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
            "c80edfa32ddf39d5ef00c0b468834279a2e46a1b8049f792f76bfe54b903a9c9
             a94ac9b47ad2655c5f10f9aef71427e2fc6f9b3f399a221489f16362c7032336
             09d45ac69864e3321cf82935ac4096c86e133314c54019e8ca7980dfa4b9cf1b
             384c486f3a54c51078158ee5d79de59fbd34d848b3d69550a67646344427ade5
             4b8851ffb598f7f80074b9473c82e2db",
            "652c3fa36b0a7c5b3219fab3a30bc1c4",
        );
    }

    #[test]
    fn rfc7518_b2_aes_192_cbc_hmac_sha_384() {
        check_b(
            ContentEnc::A192CbcHs384,
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f
             202122232425262728292a2b2c2d2e2f",
            "ea65da6b59e61edb419be62d19712ae5d303eeb50052d0dfd6697f77224c8edb
             000d279bdc14c1072654bd30944230c657bed4ca0c9f4a8466f22b226d174621
             4bf8cfc2400add9f5126e479663fc90b3bed787a2f0ffcbf3904be2a641d5c21
             05bfe591bae23b1d7449e532eef60a9ac8bb6c6b01d35d49787bcd57ef484927
             f280adc91ac0c4e79c7b11efc60054e3",
            "8490ac0e58949bfe51875d733f93ac2075168039ccc733d7",
        );
    }

    #[test]
    fn rfc7518_b3_aes_256_cbc_hmac_sha_512() {
        check_b(
            ContentEnc::A256CbcHs512,
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f
             202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f",
            "4affaaadb78c31c5da4b1b590d10ffbd3dd8d5d302423526912da037ecbcc7bd
             822c301dd67c373bccb584ad3e9279c2e6d12a1374b77f077553df829410446b
             36ebd97066296ae6427ea75c2e0846a11a09ccf5370dc80bfecbad28c73f09b3
             a3b75e662a2594410ae496b2e2e6609e31e6e02cc837f053d21f37ff4f51950b
             be2638d09dd7a4930930806d0703b1f6",
            "4dd3b4c088a7f45c216839645b2012bf2e6269a8c56a816dbc1b267761955bc5",
        );
    }

    #[test]
    fn bad_pkcs7_padding_with_a_valid_mac_is_the_same_failure() {
        // Encrypt a block whose last byte is not valid PKCS#7 padding, then MAC it properly: the
        // MAC passes and the padding check must fail with the same opaque `Failed`.
        for enc in [
            ContentEnc::A128CbcHs256,
            ContentEnc::A192CbcHs384,
            ContentEnc::A256CbcHs512,
        ] {
            let cek: Vec<u8> = (0..enc.cek_len() as u8).collect();
            let iv = [7u8; 16];
            let aad = b"header";
            let (mac_key, enc_key) = cek.split_at(cek.len() / 2);
            let mut block = [0x41u8; 16];
            block[15] = 0; // padding byte 0 is never valid
            let ct = match enc {
                ContentEnc::A128CbcHs256 => cbc_raw::<cbc::Encryptor<Aes128>>(enc_key, &iv, block),
                ContentEnc::A192CbcHs384 => cbc_raw::<cbc::Encryptor<Aes192>>(enc_key, &iv, block),
                _ => cbc_raw::<cbc::Encryptor<Aes256>>(enc_key, &iv, block),
            };
            let tag = match enc {
                ContentEnc::A128CbcHs256 => mac_tag::<Hmac<Sha256>>(mac_key, &iv, aad, &ct),
                ContentEnc::A192CbcHs384 => mac_tag::<Hmac<Sha384>>(mac_key, &iv, aad, &ct),
                _ => mac_tag::<Hmac<Sha512>>(mac_key, &iv, aad, &ct),
            };
            assert_eq!(open(enc, &cek, &iv, aad, &ct, &tag), Err(Failed), "{enc:?}");
        }
    }

    fn cbc_raw<E: KeyIvInit + BlockModeEncrypt>(key: &[u8], iv: &[u8], block: [u8; 16]) -> Vec<u8> {
        let mut buf = block;
        E::new_from_slices(key, iv)
            .unwrap()
            .encrypt_padded::<aes::cipher::block_padding::NoPadding>(&mut buf, 16)
            .unwrap();
        buf.to_vec()
    }

    fn mac_tag<M: Mac + KeyInit>(key: &[u8], iv: &[u8], aad: &[u8], ct: &[u8]) -> Vec<u8> {
        let full = cbc_hs_mac::<M>(key, iv, aad, ct)
            .unwrap()
            .finalize()
            .into_bytes();
        full[..key.len()].to_vec()
    }

    #[test]
    fn wrong_lengths_fail_without_panicking() {
        for enc in ContentEnc::ALL {
            let cek = vec![1u8; enc.cek_len()];
            let iv = vec![2u8; enc.iv_len()];
            let s = seal(enc, &cek, &iv, b"a", b"plaintext").unwrap();
            assert_eq!(s.tag.len(), enc.tag_len());
            let ok = open(enc, &cek, &iv, b"a", &s.ciphertext, &s.tag).unwrap();
            assert_eq!(ok.as_slice(), b"plaintext");
            let short = &cek[..cek.len() - 1];
            let mut long = cek.clone();
            long.push(0);
            assert_eq!(
                open(enc, short, &iv, b"a", &s.ciphertext, &s.tag),
                Err(Failed)
            );
            assert_eq!(
                open(enc, &long, &iv, b"a", &s.ciphertext, &s.tag),
                Err(Failed)
            );
            assert_eq!(
                open(enc, &cek, &iv[1..], b"a", &s.ciphertext, &s.tag),
                Err(Failed)
            );
            assert!(seal(enc, short, &iv, b"a", b"p").is_err());
            assert!(seal(enc, &cek, &iv[1..], b"a", b"p").is_err());
            // Empty plaintext round-trips (GCM: empty ciphertext; CBC: one block of padding).
            let s = seal(enc, &cek, &iv, b"", b"").unwrap();
            assert_eq!(s.ciphertext.len(), if enc.is_cbc() { 16 } else { 0 });
            assert!(
                open(enc, &cek, &iv, b"", &s.ciphertext, &s.tag)
                    .unwrap()
                    .is_empty()
            );
            if enc.is_cbc() {
                // Not whole blocks.
                assert_eq!(
                    open(enc, &cek, &iv, b"", &s.ciphertext[1..], &s.tag),
                    Err(Failed)
                );
            }
        }
    }
}
