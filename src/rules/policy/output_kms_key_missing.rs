//! PL004 `output-kms-key-missing` (see `rules/PL004.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "PL004",
    name: "output-kms-key-missing",
    severity: Severity::Error,
    summary: "OutputDataConfig without KmsKeyId: the model artifacts are not encrypted with your key",
    doc: include_str!("../../../rules/PL004.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(output) = &cx.request.output_data_config else {
        return;
    };
    if cx.has("/OutputDataConfig/KmsKeyId") {
        return;
    }
    // S3 Express One Zone directory buckets take no KMS key (SL507): nothing to ask for.
    if output
        .s3_output_path
        .as_deref()
        .is_some_and(crate::rules::resources::kms_key_on_express_one_zone::is_directory_bucket)
    {
        return;
    }
    out.push(
        cx.diagnostic(
            &RULE,
            "/OutputDataConfig",
            Target::Key,
            "OutputDataConfig has no KmsKeyId: the model artifacts are encrypted with the S3 default (SSE-S3 or the bucket's default key), not your customer managed key",
        )
        .with_help("set OutputDataConfig.KmsKeyId to the ID, ARN or alias of your KMS key"),
    );
}
