//! SL502 `volume-size-exceeds-local-storage` (see `rules/SL502.md`).

use super::job_instance_types;
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::facts::Storage;
use crate::rules::serverless::is_serverless;
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL502",
    name: "volume-size-exceeds-local-storage",
    severity: Severity::Error,
    summary: "VolumeSizeInGB above the local storage of an NVMe instance type",
    doc: include_str!("../../../rules/SL502.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // A tuning job definition's HyperParameterTuningResourceConfig: each instance configuration
    // has its own volume size.
    for i in super::tuning_instances(cx) {
        let Some(size) = i.size.filter(|s| *s > 0) else {
            continue;
        };
        if i.t.storage == Storage::Nvme && size as u64 > i.t.local_storage_gb {
            out.push(
                cx.diagnostic(
                    &RULE,
                    i.size_at,
                    Target::Value,
                    format!(
                        "VolumeSizeInGB is {size}, but {} has {} GB of local storage",
                        i.t.name, i.t.local_storage_gb
                    ),
                )
                .with_help(format!(
                    "the storage of {} is fixed to its instance store: use at most {}",
                    i.t.name, i.t.local_storage_gb
                )),
            );
        }
    }
    let Some(size) = cx
        .request
        .resource_config
        .as_ref()
        .and_then(|r| r.volume_size_in_gb)
    else {
        return;
    };
    // On a serverless job the size cannot be set at all (SL902).
    if is_serverless(cx) {
        return;
    }
    // The EBS-only types of a heterogeneous cluster still need the volume size.
    let needs_size = job_instance_types(cx).any(|(_, t)| t.storage == Storage::EbsOnly);
    let mut seen: Vec<&str> = Vec::new();
    for (_, t) in job_instance_types(cx).filter(|(_, t)| t.storage == Storage::Nvme) {
        if seen.contains(&t.name) {
            continue;
        }
        seen.push(t.name);
        if size > 0 && size as u64 > t.local_storage_gb {
            let help = if needs_size {
                format!(
                    "the storage of {} is fixed to its instance store: lower VolumeSizeInGB to at most {} (the EBS-only instance types still need it)",
                    t.name, t.local_storage_gb
                )
            } else {
                format!(
                    "the storage of {} is fixed to its instance store: use at most {} or remove VolumeSizeInGB",
                    t.name, t.local_storage_gb
                )
            };
            out.push(
                cx.diagnostic(
                    &RULE,
                    "/ResourceConfig/VolumeSizeInGB",
                    Target::Value,
                    format!(
                        "VolumeSizeInGB is {size}, but {} has {} GB of local storage",
                        t.name, t.local_storage_gb
                    ),
                )
                .with_help(help),
            );
        }
    }
}
