//! Credential sources
