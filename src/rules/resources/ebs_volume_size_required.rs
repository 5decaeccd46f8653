//! SL503 `ebs-volume-size-required` (see `rules/SL503.md`).

use super::job_instance_types;
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::facts::Storage;
use crate::rules::schema::unknown_key::misspelt;
use crate::rules::serverless::is_serverless;
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL503",
    name: "ebs-volume-size-required",
    severity: Severity::Error,
    summary: "An EBS-only instance type without ResourceConfig.VolumeSizeInGB (or with 0)",
    doc: include_str!("../../../rules/SL503.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    const AT: &str = "/ResourceConfig/VolumeSizeInGB";
    // A serverless job's volume is sized by SageMaker and cannot be set (SL902).
    if is_serverless(cx) {
        return;
    }
    let size = cx
        .request
        .resource_config
        .as_ref()
        .and_then(|r| r.volume_size_in_gb);
    // 0 is the model's minimum, but it is no volume at all.
    let zero = size == Some(0);
    if (cx.has(AT) && !zero) || misspelt(cx, AT) {
        return;
    }
    // In a heterogeneous cluster the one size must also fit every NVMe group's instance store.
    let cap = job_instance_types(cx)
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
    if zero {
        // One diagnostic at the 0, naming every EBS-only type once.
        let mut names: Vec<&str> = Vec::new();
        for (_, t) in job_instance_types(cx).filter(|(_, t)| t.storage == Storage::EbsOnly) {
            if !names.contains(&t.name) {
                names.push(t.name);
            }
        }
        let (list, has, needs) = match names.as_slice() {
            [] => return,
            [one] => (one.to_string(), "has", "needs"),
            [init @ .., last] => (format!("{} and {last}", init.join(", ")), "have", "need"),
        };
        out.push(
            cx.diagnostic(
                &RULE,
                AT,
                Target::Value,
                format!("VolumeSizeInGB is 0, but {list} {has} no local instance storage and {needs} an EBS volume of at least 1 GB"),
            )
            .with_help(help),
        );
        return;
    }
    for (at, t) in job_instance_types(cx).filter(|(_, t)| t.storage == Storage::EbsOnly) {
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
