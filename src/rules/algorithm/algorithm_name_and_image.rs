//! SL203 `algorithm-name-and-image` (see `rules/SL203.md`).

use crate::rules::{Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Target};

pub const RULE: Rule = Rule {
    code: "SL203",
    name: "algorithm-name-and-image",
    severity: Severity::Error,
    summary: "AlgorithmSpecification needs exactly one of AlgorithmName and TrainingImage",
    doc: include_str!("../../../rules/SL203.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // Only an object written out: a specification known later (a placeholder, a Step Functions
    // path) has members no one can see yet, and one of another type is the schema's.
    let written = cx
        .root
        .get("AlgorithmSpecification")
        .is_some_and(|n| n.as_object().is_some());
    if !written {
        return;
    }
    let name = cx.has("/AlgorithmSpecification/AlgorithmName");
    let image = cx.has("/AlgorithmSpecification/TrainingImage");
    if name && image {
        out.push(
            cx.diagnostic(
                &RULE,
                "/AlgorithmSpecification/AlgorithmName",
                Target::Key,
                "AlgorithmName and TrainingImage are both set; they are mutually exclusive",
            )
            .with_help("remove one: keep TrainingImage to run a container image, or AlgorithmName to run an algorithm resource (yours or from AWS Marketplace)"),
        );
    } else if !name && !image && cx.request.serverless_job_config.is_none() {
        out.push(
            cx.diagnostic(
                &RULE,
                "/AlgorithmSpecification",
                Target::Key,
                "AlgorithmSpecification has neither TrainingImage nor AlgorithmName",
            )
            .with_help(
                "set TrainingImage to the ECR URI of the training container, or AlgorithmName",
            ),
        );
    }
}
