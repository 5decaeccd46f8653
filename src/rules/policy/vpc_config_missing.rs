//! PL005 `vpc-config-missing` (see `rules/PL005.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "PL005",
    name: "vpc-config-missing",
    severity: Severity::Error,
    summary: "No VpcConfig: the training job does not run in your VPC",
    doc: include_str!("../../../rules/PL005.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if cx.has("/VpcConfig") {
        return;
    }
    out.push(
        cx.diagnostic(
            &RULE,
            "",
            Target::Key,
            "the request has no VpcConfig: the training containers run in a network SageMaker manages, not in your VPC",
        )
        .with_help("add VpcConfig with the private subnets and security groups the job may use"),
    );
}
