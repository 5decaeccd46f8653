//! SL211 `builtin-instance-class` (see `rules/SL211.md`).

use super::builtin::{self, Class};
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{instance_types, Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL211",
    name: "builtin-instance-class",
    severity: Severity::Error,
    summary: "A GPU-only built-in algorithm on an instance type without NVIDIA GPUs",
    doc: include_str!("../../../rules/SL211.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(algorithm) = builtin::of(cx).filter(|a| a.class == Class::Gpu) else {
        return;
    };
    for (at, t) in instance_types(cx) {
        if builtin::has_gpu(t) {
            continue;
        }
        out.push(
            cx.diagnostic(
                &RULE,
                at,
                Target::Value,
                format!(
                    "{} has no NVIDIA GPU, but the built-in {} algorithm trains on GPU instances only",
                    t.name, algorithm.name
                ),
            )
            .with_help("use a GPU instance type (ml.p3, ml.g4dn, ml.g5, ...)"),
        );
    }
}
