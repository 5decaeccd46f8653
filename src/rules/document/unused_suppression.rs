//! SL010 `unused-suppression`: raised when suppression comments are applied (see
//! `src/suppress.rs` and `rules/SL010.md`).

use crate::diagnostic::Severity;
use crate::rules::{Check, Rule};

pub const RULE: Rule = Rule {
    code: "SL010",
    name: "unused-suppression",
    severity: Severity::Warning,
    summary: "A `# sagelint: ignore` comment that suppresses nothing, or names an unknown rule",
    doc: include_str!("../../../rules/SL010.md"),
    check: Check::Parse,
};
