//! PL002 `inter-container-encryption-disabled` (see `rules/PL002.md`).

use super::flag;
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "PL002",
    name: "inter-container-encryption-disabled",
    severity: Severity::Error,
    summary: "A multi-instance job without EnableInterContainerTrafficEncryption",
    doc: include_str!("../../../rules/PL002.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    use crate::rules::resources::{total_instances, tuning_instance_count};
    // (A tuning definition's instance configurations: the most instances any of them asks for.)
    let instances = total_instances(cx).or_else(|| tuning_instance_count(cx));
    let Some(n) = instances.filter(|n| *n > 1) else {
        return;
    };
    let Ok(value) = flag(
        cx,
        "/EnableInterContainerTrafficEncryption",
        cx.request.enable_inter_container_traffic_encryption,
    ) else {
        return;
    };
    let d = match value {
        Some(true) => return,
        Some(false) => cx.diagnostic(
            &RULE,
            "/EnableInterContainerTrafficEncryption",
            Target::Value,
            format!("EnableInterContainerTrafficEncryption is false on a job of {n} instances: traffic between the training containers is not encrypted"),
        ),
        None => cx.diagnostic(
            &RULE,
            "",
            Target::Key,
            format!("EnableInterContainerTrafficEncryption is not set (default false) on a job of {n} instances: traffic between the training containers is not encrypted"),
        ),
    };
    out.push(d.with_help("set EnableInterContainerTrafficEncryption: true (distributed training takes longer with it)"));
}
