//! The CLI's one integration-test binary: each module tests one area through the built
//! binary (`common::TestEnv`), or the sandbox through its public API. To add a test
//! module, add `mod <area>;` below (the file name says what it tests) and use
//! `crate::common::*`.

mod common;

mod audit;
mod bounds;
mod completion;
mod config_commands;
mod config_resolution;
mod consistency;
mod doctor;
mod encryption;
mod error_reports;
mod first_run;
mod fleet;
mod generated;
mod hardening;
mod help_layout;
mod hints;
mod key_reading;
mod keys_add;
mod keys_commands;
mod keys_e2e;
mod keys_generate;
mod keys_rotate;
mod keys_rotate_e2e;
mod layout;
mod policy;
mod progress;
mod readme;
mod ring;
mod rotation;
mod sandbox_api;
mod sandbox_commands;
mod sandbox_profile;
mod sandbox_servers;
mod service_app_e2e;
mod tables;
mod transport_against_serve;
mod transport_faults;
mod transport_limits;
mod trust_profile;
mod trust_retirement;
