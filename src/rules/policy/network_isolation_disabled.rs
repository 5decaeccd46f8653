//! PL001 `network-isolation-disabled` (see `rules/PL001.md`).

use super::flag;
use crate::diagnostic::{Diagnostic, Severity, Target};
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
    let Ok(value) = flag(
        cx,
        "/EnableNetworkIsolation",
        cx.request.enable_network_isolation,
    ) else {
        return;
    };
    let d = match value {
        Some(true) => return,
        Some(false) => cx.diagnostic(
            &RULE,
            "/EnableNetworkIsolation",
            Target::Value,
            "EnableNetworkIsolation is false: the training container can make outbound network calls",
        ),
        None => cx.diagnostic(
            &RULE,
            "",
            Target::Key,
            "EnableNetworkIsolation is not set (default false): the training container can make outbound network calls",
        ),
    };
    out.push(d.with_help("set EnableNetworkIsolation: true (SageMaker still downloads the input and uploads the output for the container)"));
}
