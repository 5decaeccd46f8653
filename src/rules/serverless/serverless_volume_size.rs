//! SL902 `serverless-volume-size` (see `rules/SL902.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL902",
    name: "serverless-volume-size",
    severity: Severity::Error,
    summary: "ResourceConfig.VolumeSizeInGB on a serverless job (SageMaker chooses the size)",
    doc: include_str!("../../../rules/SL902.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    const AT: &str = "/ResourceConfig/VolumeSizeInGB";
    if !super::is_serverless(cx) || !cx.has(AT) {
        return;
    }
    let what = match cx
        .request
        .resource_config
        .as_ref()
        .and_then(|r| r.volume_size_in_gb)
    {
        Some(size) => format!("VolumeSizeInGB is {size}"),
        None => "VolumeSizeInGB is set".to_string(),
    };
    out.push(
        cx.diagnostic(
            &RULE,
            AT,
            Target::Key,
            format!("{what}, but this is a serverless job (ServerlessJobConfig is set): SageMaker selects its volume size, which cannot be customized"),
        )
        .with_help("remove ResourceConfig.VolumeSizeInGB")
        .with_fix(crate::fix::remove_member(cx.source, cx.root, AT)),
    );
}
