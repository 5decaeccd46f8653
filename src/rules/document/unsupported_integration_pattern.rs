//! SL020 `unsupported-integration-pattern`: raised while finding the requests in a state machine
//! (`src/extract/state_machine.rs`; see `rules/SL020.md`).

use crate::diagnostic::Severity;
use crate::rules::{Check, Rule};

pub const RULE: Rule = Rule {
    code: "SL020",
    name: "unsupported-integration-pattern",
    severity: Severity::Error,
    summary: "A Step Functions training task with an integration pattern SageMaker does not support (.waitForTaskToken; .sync on the AWS SDK integration)",
    doc: include_str!("../../../rules/SL020.md"),
    check: Check::Parse,
};
