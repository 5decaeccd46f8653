//! SL101 `missing-required`: a member the service model marks required is absent, or one of the
//! members the documents require of every job that is not serverless (see `rules/SL101.md`).

use crate::rules::{describe, Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::schema::unknown_key::misspelt;
use crate::schema::Violation;

pub const RULE: Rule = Rule {
    code: "SL101",
    name: "missing-required",
    severity: Severity::Error,
    summary: "A required member is missing; the API rejects the request",
    doc: include_str!("../../../rules/SL101.md"),
    check: Check::Request(check),
};

/// Members the documents mark required (API reference "Required: Yes", the AWS CLI synopsis)
/// that the service model stopped requiring when serverless training jobs arrived: a job without
/// `ServerlessJobConfig` still needs them.
const REQUIRED_UNLESS_SERVERLESS: &[&str] = &[
    "AlgorithmSpecification",
    "ResourceConfig",
    "StoppingCondition",
];

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for e in cx.schema_errors {
        if let Violation::Required(member) = &e.violation {
            if misspelt(cx, &crate::pointer::join(&e.pointer, member)) {
                continue;
            }
            let d = cx.diagnostic(
                &RULE,
                e.pointer.as_str(),
                e.target,
                format!(
                    "missing required key `{member}` in {}",
                    describe::object(&e.pointer)
                ),
            );
            // A tuning job's training job definition has neither (and may have nothing else
            // that tells it from a request).
            let definition = cx.shape == crate::shape::Shape::TrainingJob
                && e.pointer.is_empty()
                && member == "TrainingJobName"
                && !cx.has("/HyperParameters");
            out.push(if definition {
                d.with_help("if this is one training job definition of a tuning job (what --training-job-definition reads), check it with --kind definition")
            } else {
                d
            });
        }
    }
    if cx.shape != crate::shape::Shape::TrainingJob || cx.has("/ServerlessJobConfig") {
        return;
    }
    for member in REQUIRED_UNLESS_SERVERLESS {
        let at = format!("/{member}");
        if !cx.has(&at) && !misspelt(cx, &at) {
            out.push(
                cx.diagnostic(
                    &RULE,
                    "",
                    Target::Key,
                    format!("missing required key `{member}` in the request"),
                )
                .with_help("every training job without a ServerlessJobConfig needs it"),
            );
        }
    }
}
