//! SL501 `volume-kms-on-local-storage` (see `rules/SL501.md`).

use super::{job_instance_types, tuning_instances, TUNING_RESOURCES};
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::facts::{InstanceType, Storage};
use crate::rules::serverless::is_serverless;
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL501",
    name: "volume-kms-on-local-storage",
    severity: Severity::Error,
    summary: "VolumeKmsKeyId on an instance type with local NVMe storage",
    doc: include_str!("../../../rules/SL501.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // A serverless job's compute is chosen by SageMaker, not by these instance types.
    if cx.has("/ResourceConfig/VolumeKmsKeyId") && !is_serverless(cx) {
        let nvme = job_instance_types(cx).filter_map(|(_, t)| nvme(t));
        report(cx, out, "/ResourceConfig/VolumeKmsKeyId", nvme);
    }
    // A tuning job definition's HyperParameterTuningResourceConfig: its own instance type and
    // each of its InstanceConfigs share the one key.
    let at = format!("{TUNING_RESOURCES}/VolumeKmsKeyId");
    if cx.has(&at) {
        let nvme = tuning_instances(cx).into_iter().filter_map(|i| nvme(i.t));
        report(cx, out, &at, nvme);
    }
}

fn nvme(t: &'static InstanceType) -> Option<&'static str> {
    (t.storage == Storage::Nvme).then_some(t.name)
}

/// One diagnostic at the key `at`, naming every NVMe type once (a heterogeneous cluster may have
/// several NVMe instance groups, some of the same type).
fn report(
    cx: &Context<'_>,
    out: &mut Vec<Diagnostic>,
    at: &str,
    nvme: impl Iterator<Item = &'static str>,
) {
    let mut names: Vec<&str> = Vec::new();
    for name in nvme {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    let (list, verb) = match names.as_slice() {
        [] => return,
        [one] => (one.to_string(), "it has"),
        [init @ .., last] => (format!("{} and {last}", init.join(", ")), "they have"),
    };
    out.push(
        cx.diagnostic(
            &RULE,
            at,
            Target::Key,
            format!(
                "VolumeKmsKeyId cannot be used with {list}: {verb} local NVMe storage and no EBS volume to encrypt"
            ),
        )
        .with_help("remove VolumeKmsKeyId (the instance store is encrypted by the instance's hardware), or use only EBS-only instance types")
        .with_fix(crate::fix::remove_member(cx.source, cx.root, at)),
    );
}
