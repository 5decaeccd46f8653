//! SL004 `multiple-documents`: raised while reading the document (see `rules/SL004.md`).

use crate::rules::{Check, Rule};
use crate::diagnostic::Severity;

pub const RULE: Rule = Rule {
    code: "SL004",
    name: "multiple-documents",
    severity: Severity::Error,
    summary: "A YAML file holds more than one document",
    doc: include_str!("../../../rules/SL004.md"),
    check: Check::Parse,
};
