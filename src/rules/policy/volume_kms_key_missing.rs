//! PL003 `volume-kms-key-missing` (see `rules/PL003.md`).

use super::serverless;
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::facts::Storage;
use crate::rules::resources::job_instance_types;
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "PL003",
    name: "volume-kms-key-missing",
    severity: Severity::Error,
    summary: "An EBS-backed instance type without ResourceConfig.VolumeKmsKeyId",
    doc: include_str!("../../../rules/PL003.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if serverless(cx) || cx.has("/ResourceConfig/VolumeKmsKeyId") {
        return;
    }
    // Every type the job may run on (groups and preferences included) must be EBS-backed: one
    // with NVMe storage cannot take a key at all (SL501), so the policy cannot be met.
    let types: Vec<_> = job_instance_types(cx).collect();
    if types.iter().any(|(_, t)| t.storage != Storage::EbsOnly) {
        return;
    }
    let Some((at, t)) = types.into_iter().next() else {
        return;
    };
    out.push(
        cx.diagnostic(
            &RULE,
            at,
            Target::Value,
            format!(
                "{} stores the job's data on an EBS volume, and ResourceConfig has no VolumeKmsKeyId: the volume is encrypted with an AWS managed key, not your customer managed key",
                t.name
            ),
        )
        .with_help("set ResourceConfig.VolumeKmsKeyId to the ID or ARN of your KMS key"),
    );
}
