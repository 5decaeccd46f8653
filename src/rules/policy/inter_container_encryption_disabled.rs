//! PL002 `inter-container-encryption-disabled` (see `rules/PL002.md`).

use super::not_enabled;
use crate::diagnostic::{Diagnostic, Severity};
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
    let member = (
        "EnableInterContainerTrafficEncryption",
        cx.request.enable_inter_container_traffic_encryption,
    );
    let context = format!(" on a job of {n} instances");
    let consequence = "traffic between the training containers is not encrypted";
    let Some(d) = not_enabled(cx, &RULE, member, &context, consequence) else {
        return;
    };
    out.push(d.with_help("set EnableInterContainerTrafficEncryption: true (distributed training takes longer with it)"));
}
