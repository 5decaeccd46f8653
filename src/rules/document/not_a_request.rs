//! SL005 `not-a-request`: raised while reading the document (see `rules/SL005.md`).

use crate::diagnostic::Severity;
use crate::rules::{Check, Rule};

pub const RULE: Rule = Rule {
    code: "SL005",
    name: "not-a-request",
    severity: Severity::Info,
    summary:
        "A file named explicitly is not a CreateTrainingJob request; it is not checked further",
    doc: include_str!("../../../rules/SL005.md"),
    check: Check::Parse,
};
