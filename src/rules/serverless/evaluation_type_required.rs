//! SL901 `evaluation-type-required` (see `rules/SL901.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::schema::unknown_key::misspelt;
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL901",
    name: "evaluation-type-required",
    severity: Severity::Error,
    summary: "A serverless Evaluation job without ServerlessJobConfig.EvaluationType",
    doc: include_str!("../../../rules/SL901.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(config) = cx.request.serverless_job_config.as_ref() else {
        return;
    };
    if config.job_type.as_deref() != Some("Evaluation")
        || cx.has("/ServerlessJobConfig/EvaluationType")
        || misspelt(cx, "/ServerlessJobConfig/EvaluationType")
    {
        return;
    }
    out.push(
        cx.diagnostic(
            &RULE,
            "/ServerlessJobConfig/JobType",
            Target::Value,
            "ServerlessJobConfig.JobType is Evaluation, but EvaluationType is not set",
        )
        .with_help("add ServerlessJobConfig.EvaluationType: LLMAJEvaluation (an LLM as a judge), CustomScorerEvaluation or BenchmarkEvaluation"),
    );
}
