//! YAML input through parsing, every rule and every output format.

#![no_main]

use libfuzzer_sys::fuzz_target;
use sagelint::Format;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::check(data, "job.yaml", Format::Yaml);
});
