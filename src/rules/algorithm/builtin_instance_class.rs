//! SL211 `builtin-instance-class` (see `rules/SL211.md`).

use super::builtin::{self, Class};
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{instance_types, Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL211",
    name: "builtin-instance-class",
    severity: Severity::Error,
    summary: "A GPU-only built-in algorithm on an instance without NVIDIA GPUs, or a CPU-only one on a GPU instance",
    doc: include_str!("../../../rules/SL211.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(algorithm) = builtin::of(cx) else {
        return;
    };
    for (at, t) in instance_types(cx) {
        let gpu = builtin::has_gpu(t);
        let (message, help) = match algorithm.class {
            Class::Gpu if !gpu => (
                format!(
                    "{} has no NVIDIA GPU, but the built-in {} algorithm trains on GPU instances only",
                    t.name, algorithm.name
                ),
                "use a GPU instance type (ml.p3, ml.g4dn, ml.g5, ml.p4d, ...)",
            ),
            Class::Cpu if gpu => (
                format!(
                    "{} is a GPU instance, but the built-in {} algorithm trains on CPU instances only",
                    t.name, algorithm.name
                ),
                "use a CPU instance type (ml.m5, ml.c5, ml.r5, ...)",
            ),
            _ => continue,
        };
        out.push(
            cx.diagnostic(&RULE, at, Target::Value, message)
                .with_help(help),
        );
    }
}
