//! SL503 `ebs-volume-size-required` (see `rules/SL503.md`).

use crate::rules::{instance_types, Check, Context, Rule};
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::facts::Storage;

pub const RULE: Rule = Rule {
    code: "SL503",
    name: "ebs-volume-size-required",
    severity: Severity::Error,
    summary: "An EBS-only instance type without ResourceConfig.VolumeSizeInGB",
    doc: include_str!("../../../rules/SL503.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if cx.has("/ResourceConfig/VolumeSizeInGB") {
        return;
    }
    // In a heterogeneous cluster the one size must also fit every NVMe group's instance store.
    let cap = instance_types(cx)
        .filter(|(_, t)| t.storage == Storage::Nvme)
        .min_by_key(|(_, t)| t.local_storage_gb)
        .map(|(_, t)| t);
    let help = match cap {
        Some(t) => format!(
            "set ResourceConfig.VolumeSizeInGB to the size of the EBS volume for data and checkpoints, at most {} (the local storage of {})",
            t.local_storage_gb, t.name
        ),
        None => "set ResourceConfig.VolumeSizeInGB (e.g. 30) to the size of the EBS volume for data and checkpoints".to_string(),
    };
    for (at, t) in instance_types(cx).filter(|(_, t)| t.storage == Storage::EbsOnly) {
        out.push(
            cx.diagnostic(
                &RULE,
                at,
                Target::Value,
                format!(
                    "{} has no local instance storage, so ResourceConfig needs VolumeSizeInGB",
                    t.name
                ),
            )
            .with_help(help.clone()),
        );
    }
}
