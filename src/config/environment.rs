//! Reading environment variables, through a trait so tests resolve settings without
//! touching the process environment.

use std::collections::BTreeMap;

/// Read access to the environment, so tests can resolve settings without touching it.
pub trait Environment {
    fn var(&self, name: &str) -> Option<String>;
}

/// The process environment. Empty values count as unset.
pub struct ProcessEnv;

impl Environment for ProcessEnv {
    fn var(&self, name: &str) -> Option<String> {
        std::env::var(name).ok().filter(|v| !v.is_empty())
    }
}

impl Environment for BTreeMap<&str, &str> {
    fn var(&self, name: &str) -> Option<String> {
        self.get(name)
            .filter(|v| !v.is_empty())
            .map(|v| v.to_string())
    }
}
