//! The resource server's key ring: one standard private JWKS per authorization server
//! holding the private half of every key whose tokens may still arrive (the next key
//! before its activation, the current one, the previous ones until their last token has
//! expired), kept in step with Okta by `keys rotate --ring` and checked by `keys ring`.
//!
//! - `jwks`: the ring itself (parse, write, insert, remove; never printed);
//! - `store`: where it lives (a file, atomically replaced, optionally encrypted at rest);
//! - `status`: the ring against Okta's keys and the one retirement rule (`rotate::roles`).

mod jwks;
mod status;
mod store;

pub(crate) use jwks::{DEFAULT_ALG, Ring, RingKey};
pub(crate) use status::{Held, Status, status};
pub(crate) use store::{Location, Store};
