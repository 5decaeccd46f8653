//! SL208 `network-isolation-unsupported` (see `rules/SL208.md`).

use super::image_ref;
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL208",
    name: "network-isolation-unsupported",
    severity: Severity::Error,
    summary: "EnableNetworkIsolation with the built-in Semantic Segmentation algorithm, which does not support it",
    doc: include_str!("../../../rules/SL208.md"),
    check: Check::Request(check),
};

/// The repository of the built-in algorithm's image in every region's algorithm registry.
pub const REPOSITORY: &str = "semantic-segmentation";

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if cx.request.enable_network_isolation != Some(true) {
        return;
    }
    let Some(image) = cx
        .request
        .algorithm_specification
        .as_ref()
        .and_then(|a| a.training_image.as_deref())
    else {
        return;
    };
    if image_ref::parse(image).map(|r| r.repository) != Ok(REPOSITORY) {
        return;
    }
    out.push(
        cx.diagnostic(
            &RULE,
            "/EnableNetworkIsolation",
            Target::Value,
            format!(
                "EnableNetworkIsolation is true, but TrainingImage is the built-in Semantic Segmentation algorithm (repository `{REPOSITORY}`), which does not support network isolation"
            ),
        )
        .with_help("remove EnableNetworkIsolation (or set it to false); to keep the job off the internet, run it in a VPC without internet access (VpcConfig)"),
    );
}
