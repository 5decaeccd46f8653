//! SL207 `private-registry-without-vpc` (see `rules/SL207.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::schema::unknown_key::misspelt;
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL207",
    name: "private-registry-without-vpc",
    severity: Severity::Error,
    summary: "TrainingRepositoryAccessMode is Vpc, but the request has no VpcConfig",
    doc: include_str!("../../../rules/SL207.md"),
    check: Check::Request(check),
};

const AT: &str = "/AlgorithmSpecification/TrainingImageConfig/TrainingRepositoryAccessMode";

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let mode = cx
        .request
        .algorithm_specification
        .as_ref()
        .and_then(|a| a.training_image_config.as_ref())
        .and_then(|c| c.training_repository_access_mode.as_deref());
    if mode != Some("Vpc") || cx.has("/VpcConfig") || misspelt(cx, "/VpcConfig") {
        return;
    }
    out.push(
        cx.diagnostic(
            &RULE,
            AT,
            Target::Value,
            "TrainingRepositoryAccessMode is Vpc, but the request has no VpcConfig: SageMaker reaches a private Docker registry only through the subnets and security groups of VpcConfig",
        )
        .with_help("add VpcConfig with subnets from which the registry is reachable and a security group it admits, or set TrainingRepositoryAccessMode to Platform for an image in Amazon ECR"),
    );
}
