//! SL021 `parameters-in-jsonata-state`: raised while finding the requests in a state machine
//! (`src/extract/state_machine.rs`; see `rules/SL021.md`).

use crate::diagnostic::Severity;
use crate::rules::{Check, Rule};

pub const RULE: Rule = Rule {
    code: "SL021",
    name: "parameters-in-jsonata-state",
    severity: Severity::Error,
    summary: "A JSONata Step Functions training task with Parameters (JSONata states take Arguments)",
    doc: include_str!("../../../rules/SL021.md"),
    check: Check::Parse,
};
