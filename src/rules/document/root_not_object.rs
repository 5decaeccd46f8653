//! SL003 `root-not-object`: raised while reading the document (see `rules/SL003.md`).

use crate::rules::{Check, Rule};
use crate::diagnostic::Severity;

pub const RULE: Rule = Rule {
    code: "SL003",
    name: "root-not-object",
    severity: Severity::Error,
    summary: "The document is not an object (a mapping) of request members",
    doc: include_str!("../../../rules/SL003.md"),
    check: Check::Parse,
};
