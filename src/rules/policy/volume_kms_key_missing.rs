//! PL003 `volume-kms-key-missing` (see `rules/PL003.md`).

use super::serverless;
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::facts::Storage;
use crate::facts::InstanceType;
use crate::rules::resources::{job_instance_types, tuning_instances, TUNING_RESOURCES};
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
    if !serverless(cx) && !cx.has("/ResourceConfig/VolumeKmsKeyId") {
        report(cx, out, "ResourceConfig", job_instance_types(cx).collect());
    }
    // A tuning job definition's instance configurations share one key.
    if !cx.has(&format!("{TUNING_RESOURCES}/VolumeKmsKeyId")) {
        let types = tuning_instances(cx)
            .into_iter()
            .map(|i| (i.type_at, i.t))
            .collect();
        report(cx, out, "HyperParameterTuningResourceConfig", types);
    }
}

/// The finding for the resources of `member` (its instance types), which has no key.
fn report(
    cx: &Context<'_>,
    out: &mut Vec<Diagnostic>,
    member: &str,
    types: Vec<(String, &'static InstanceType)>,
) {
    // Every type the job may run on (groups and preferences included) must be EBS-backed: one
    // with NVMe storage cannot take a key at all (SL501), so the policy cannot be met.
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
                "{} stores the job's data on an EBS volume, and {member} has no VolumeKmsKeyId: the volume is encrypted with an AWS managed key, not your customer managed key",
                t.name
            ),
        )
        .with_help(format!("set {member}.VolumeKmsKeyId to the ID or ARN of your KMS key")),
    );
}
