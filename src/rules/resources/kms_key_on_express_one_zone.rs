//! SL507 `kms-key-on-express-one-zone` (see `rules/SL507.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{quote_for_message, Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL507",
    name: "kms-key-on-express-one-zone",
    severity: Severity::Error,
    summary: "OutputDataConfig.KmsKeyId with an S3 Express One Zone output bucket",
    doc: include_str!("../../../rules/SL507.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(output) = cx.request.output_data_config.as_ref() else {
        return;
    };
    if !cx.has("/OutputDataConfig/KmsKeyId") {
        return;
    }
    let Some(bucket) = output.s3_output_path.as_deref().and_then(directory_bucket) else {
        return;
    };
    out.push(
        cx.diagnostic(
            &RULE,
            "/OutputDataConfig/KmsKeyId",
            Target::Key,
            format!(
                "OutputDataConfig.KmsKeyId cannot be used with the S3 Express One Zone bucket `{}`: KMS keys are not supported there, and the output is encrypted with Amazon S3 managed keys (SSE-S3)",
                quote_for_message(bucket)
            ),
        )
        .with_help("remove OutputDataConfig.KmsKeyId, or write the output to a general purpose bucket if it must be encrypted with your KMS key"),
    );
}

/// The bucket of an S3 URI (`s3://bucket/key` or an `https://` URL, virtual-hosted or
/// path-style) when it is an S3 Express One Zone directory bucket: its name ends in `--x-s3`.
/// Whether an S3 URI is in an S3 Express One Zone directory bucket (which takes no KMS key).
pub(crate) fn is_directory_bucket(uri: &str) -> bool {
    directory_bucket(uri).is_some()
}

fn directory_bucket(uri: &str) -> Option<&str> {
    let bucket = if let Some(rest) = uri.strip_prefix("s3://") {
        rest.split('/').next()?
    } else {
        let rest = uri.strip_prefix("https://")?;
        let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
        let first_label = host.split('.').next().unwrap_or_default();
        if first_label.ends_with("--x-s3") {
            first_label
        } else {
            path.split('/').next()?
        }
    };
    bucket.ends_with("--x-s3").then_some(bucket)
}

#[cfg(test)]
mod tests {
    use super::directory_bucket;

    #[test]
    fn directory_buckets() {
        let express = "training-out--usw2-az1--x-s3";
        assert_eq!(
            directory_bucket("s3://training-out--usw2-az1--x-s3/model/"),
            Some(express)
        );
        assert_eq!(
            directory_bucket("s3://training-out--usw2-az1--x-s3"),
            Some(express)
        );
        assert_eq!(
            directory_bucket(
                "https://training-out--usw2-az1--x-s3.s3express-usw2-az1.us-west-2.amazonaws.com/model"
            ),
            Some(express)
        );
        assert_eq!(
            directory_bucket("https://s3.us-west-2.amazonaws.com/training-out--usw2-az1--x-s3/m"),
            Some(express)
        );
        assert_eq!(directory_bucket("s3://my-bucket/output--x-s3"), None);
        assert_eq!(directory_bucket("s3://my-bucket/output"), None);
        assert_eq!(
            directory_bucket("https://s3.amazonaws.com/my-bucket/x"),
            None
        );
    }
}
