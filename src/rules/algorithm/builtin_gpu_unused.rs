//! SL212 `builtin-gpu-unused` (see `rules/SL212.md`).

use super::builtin::{self, Class};
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{instance_types, Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL212",
    name: "builtin-gpu-unused",
    severity: Severity::Warning,
    summary: "A CPU-only built-in algorithm (LDA, Random Cut Forest) on a GPU instance type",
    doc: include_str!("../../../rules/SL212.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(algorithm) = builtin::of(cx).filter(|a| a.class == Class::Cpu) else {
        return;
    };
    for (at, t) in instance_types(cx) {
        if !builtin::has_gpu(t) {
            continue;
        }
        out.push(
            cx.diagnostic(
                &RULE,
                at,
                Target::Value,
                format!(
                    "{} is a GPU instance type, but the built-in {} algorithm trains on CPUs: the GPUs are paid for and not used",
                    t.name, algorithm.name
                ),
            )
            .with_help("use a CPU instance type (ml.m5, ml.c5, ml.r5, ...)"),
        );
    }
}
