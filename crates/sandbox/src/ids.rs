//! Okta-shaped identifiers, tokens and timestamps.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
/// The alphabet of Okta's API tokens (base64url).
const TOKEN_CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Fill `buf` from the operating system's CSPRNG. Should the OS refuse (it does not on
/// any supported platform), fall back to std's randomly seeded hasher so the sandbox
/// still runs; these values guard a loopback test server, not production data.
fn fill_random(buf: &mut [u8]) {
    if getrandom::fill(buf).is_ok() {
        return;
    }
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let state = RandomState::new();
    for chunk in buf.chunks_mut(8) {
        let mut h = state.build_hasher();
        h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
        let bytes = h.finish().to_le_bytes();
        chunk.copy_from_slice(&bytes[..chunk.len()]);
    }
}

/// `len` characters drawn uniformly from `alphabet` (rejection sampling, no modulo bias).
fn random_from(alphabet: &[u8], len: usize) -> String {
    let limit = 256 - (256 % alphabet.len());
    let mut out = String::with_capacity(len);
    let mut buf = [0u8; 64];
    while out.len() < len {
        fill_random(&mut buf);
        for b in buf {
            if (b as usize) < limit && out.len() < len {
                out.push(alphabet[b as usize % alphabet.len()] as char);
            }
        }
    }
    out
}

/// A uniformly random index below `n` (`n` > 0).
pub(crate) fn random_below(n: usize) -> usize {
    let mut buf = [0u8; 8];
    fill_random(&mut buf);
    (u64::from_le_bytes(buf) % n.max(1) as u64) as usize
}

/// A key id as Okta makes them: `apk` and 17 alphanumerics.
pub(crate) fn key_id() -> String {
    format!("apk{}", random_from(ALNUM, 17))
}

/// A policy id as Okta makes them: `00p` and 17 alphanumerics.
pub(crate) fn policy_id() -> String {
    format!("00p{}", random_from(ALNUM, 17))
}

/// A policy rule id: `0pr` and 17 alphanumerics.
pub(crate) fn rule_id() -> String {
    format!("0pr{}", random_from(ALNUM, 17))
}

/// An access token's `jti`: `AT.` and 43 base64url characters, like Okta's.
pub(crate) fn token_jti() -> String {
    format!("AT.{}", random_from(TOKEN_CHARS, 43))
}

/// An opaque OAuth access token for a service app (Okta's are JWTs; clients must not look
/// inside, so an opaque one is as good).
pub(crate) fn access_token() -> String {
    format!("sbx.{}", random_from(TOKEN_CHARS, 43))
}

/// A DPoP nonce.
pub(crate) fn dpop_nonce() -> String {
    random_from(TOKEN_CHARS, 32)
}

/// An `errorId`, `oae` and 22 alphanumerics like Okta's.
pub(crate) fn error_id() -> String {
    format!("oae{}", random_from(ALNUM, 22))
}

/// An `X-Okta-Request-Id`: 27 alphanumerics.
pub(crate) fn request_id() -> String {
    random_from(ALNUM, 27)
}

/// An API token shaped like Okta's: `00` and 40 base64url characters.
pub fn api_token() -> String {
    format!("00{}", random_from(TOKEN_CHARS, 40))
}

/// Seconds since the Unix epoch.
pub(crate) fn epoch_secs(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Okta's timestamp format: UTC, whole seconds, `.000Z` (`2023-02-21T20:08:24.000Z`).
pub(crate) fn timestamp(t: SystemTime) -> String {
    let secs = epoch_secs(t);
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.000Z",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

/// Proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn timestamps_look_like_oktas() {
        let t = UNIX_EPOCH + Duration::from_secs(1_677_010_104);
        assert_eq!(timestamp(t), "2023-02-21T20:08:24.000Z");
        assert_eq!(timestamp(UNIX_EPOCH), "1970-01-01T00:00:00.000Z");
        // A leap day, and the last second of a year.
        let leap = UNIX_EPOCH + Duration::from_secs(951_782_400);
        assert_eq!(timestamp(leap), "2000-02-29T00:00:00.000Z");
        let eoy = UNIX_EPOCH + Duration::from_secs(1_703_980_799 + 86_400);
        assert_eq!(timestamp(eoy), "2023-12-31T23:59:59.000Z");
    }

    #[test]
    fn key_ids_are_apk_and_17_alphanumerics() {
        for _ in 0..100 {
            let id = key_id();
            assert_eq!(id.len(), 20);
            assert!(id.starts_with("apk"));
            assert!(id[3..].bytes().all(|b| b.is_ascii_alphanumeric()), "{id}");
        }
        assert_ne!(key_id(), key_id());
    }

    #[test]
    fn error_ids_request_ids_and_tokens_have_their_shapes() {
        let e = error_id();
        assert!(e.starts_with("oae") && e.len() == 25, "{e}");
        assert_eq!(request_id().len(), 27);
        let t = api_token();
        assert!(t.starts_with("00") && t.len() == 42, "{t}");
        assert!(t.bytes().all(|b| TOKEN_CHARS.contains(&b)));
        assert_ne!(api_token(), api_token());
    }
}
