//! PL001 `network-isolation-disabled` (see `rules/PL001.md`).

use super::not_enabled;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "PL001",
    name: "network-isolation-disabled",
    severity: Severity::Error,
    summary: "EnableNetworkIsolation is not true: the training container can reach the network",
    doc: include_str!("../../../rules/PL001.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // An algorithm that cannot run isolated (SL208): the policy cannot be met, only excepted.
    if crate::rules::algorithm::builtin::without_network_isolation(cx) {
        return;
    }
    let member = ("EnableNetworkIsolation", cx.request.enable_network_isolation);
    let consequence = "the training container can make outbound network calls";
    let Some(d) = not_enabled(cx, &RULE, member, "", consequence) else {
        return;
    };
    out.push(d.with_help("set EnableNetworkIsolation: true (SageMaker still downloads the input and uploads the output for the container)"));
}
