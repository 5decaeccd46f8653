//! SL501 `volume-kms-on-local-storage` (see `rules/SL501.md`).

use super::job_instance_types;
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::facts::Storage;
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
    if !cx.has("/ResourceConfig/VolumeKmsKeyId") || is_serverless(cx) {
        return;
    }
    // One diagnostic at the one key, naming every NVMe type once (a heterogeneous cluster may
    // have several NVMe instance groups, some of the same type).
    let mut names: Vec<&str> = Vec::new();
    for (_, t) in job_instance_types(cx).filter(|(_, t)| t.storage == Storage::Nvme) {
        if !names.contains(&t.name) {
            names.push(t.name);
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
            "/ResourceConfig/VolumeKmsKeyId",
            Target::Key,
            format!(
                "VolumeKmsKeyId cannot be used with {list}: {verb} local NVMe storage and no EBS volume to encrypt"
            ),
        )
        .with_help("remove VolumeKmsKeyId (the instance store is encrypted by the instance's hardware), or use only EBS-only instance types")
        .with_fix(crate::fix::remove_member(cx.source, cx.root, "/ResourceConfig/VolumeKmsKeyId")),
    );
}
