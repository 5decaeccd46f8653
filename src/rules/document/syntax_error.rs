//! SL001 `syntax-error`: raised while reading the document (see `rules/SL001.md`).

use crate::rules::{Check, Rule};
use crate::diagnostic::Severity;

pub const RULE: Rule = Rule {
    code: "SL001",
    name: "syntax-error",
    severity: Severity::Error,
    summary: "The file is not valid JSON or YAML (or exceeds a resource bound)",
    doc: include_str!("../../../rules/SL001.md"),
    check: Check::Parse,
};
