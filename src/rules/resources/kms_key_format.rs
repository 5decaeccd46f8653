//! SL506 `kms-key-format` (see `rules/SL506.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{quote_for_message, Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL506",
    name: "kms-key-format",
    severity: Severity::Error,
    summary: "A KMS key in a form its field does not take (VolumeKmsKeyId: key ID or key ARN only)",
    doc: include_str!("../../../rules/SL506.md"),
    check: Check::Request(check),
};

/// The ways a KMS key can be named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    KeyId,
    KeyArn,
    AliasName,
    AliasArn,
}

impl Form {
    fn describe(self) -> &'static str {
        match self {
            Form::KeyId => "a key ID",
            Form::KeyArn => "a key ARN",
            Form::AliasName => "an alias name",
            Form::AliasArn => "an alias ARN",
        }
    }
}

/// The forms `OutputDataConfig.KmsKeyId` takes.
const OUTPUT_FORMS: &[Form] = &[Form::KeyId, Form::KeyArn, Form::AliasName, Form::AliasArn];
/// The forms `ResourceConfig.VolumeKmsKeyId` takes.
const VOLUME_FORMS: &[Form] = &[Form::KeyId, Form::KeyArn];

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let request = cx.request;
    let fields = [
        (
            "/OutputDataConfig/KmsKeyId",
            "OutputDataConfig.KmsKeyId",
            request
                .output_data_config
                .as_ref()
                .and_then(|o| o.kms_key_id.as_deref()),
            OUTPUT_FORMS,
            "a key ID, a key ARN, an alias name (alias/<name>) or an alias ARN",
        ),
        (
            "/ResourceConfig/VolumeKmsKeyId",
            "ResourceConfig.VolumeKmsKeyId",
            request
                .resource_config
                .as_ref()
                .and_then(|r| r.volume_kms_key_id.as_deref()),
            VOLUME_FORMS,
            "only a key ID or a key ARN",
        ),
        (
            "/HyperParameterTuningResourceConfig/VolumeKmsKeyId",
            "HyperParameterTuningResourceConfig.VolumeKmsKeyId",
            cx.definition
                .and_then(|d| d.hyper_parameter_tuning_resource_config.as_ref())
                .and_then(|r| r.volume_kms_key_id.as_deref()),
            VOLUME_FORMS,
            "only a key ID or a key ARN",
        ),
    ];
    for (at, name, value, allowed, allowed_text) in fields {
        let Some(value) = value else {
            continue;
        };
        // Empty is unset; characters outside the model's pattern are reported by SL104.
        if value.is_empty() || !model_charset(value) {
            continue;
        }
        let form = form_of(value);
        if form.is_some_and(|f| allowed.contains(&f)) {
            continue;
        }
        let found = match form {
            Some(f) => format!("is {}", f.describe()),
            None => "is not a KMS key ID, key ARN, alias name or alias ARN".to_string(),
        };
        let help = match form {
            Some(Form::AliasName | Form::AliasArn) => format!(
                "use the key ID or key ARN the alias points to (`aws kms describe-key --key-id {}` prints both)",
                quote_for_message(value)
            ),
            _ if allowed.contains(&Form::AliasName) => "use a key ID (1234abcd-12ab-34cd-56ef-1234567890ab), a key ARN (arn:aws:kms:<region>:<account>:key/<key-id>), an alias name (alias/<name>) or an alias ARN (arn:aws:kms:<region>:<account>:alias/<name>)".to_string(),
            _ => "use a key ID (1234abcd-12ab-34cd-56ef-1234567890ab) or a key ARN (arn:aws:kms:<region>:<account>:key/<key-id>)".to_string(),
        };
        out.push(
            cx.diagnostic(
                &RULE,
                at,
                Target::Value,
                format!(
                    "{name} `{}` {found}; it takes {allowed_text}",
                    quote_for_message(value)
                ),
            )
            .with_help(help),
        );
    }
}

/// The model's `KmsKeyId` pattern, `[a-zA-Z0-9:/_-]*`.
fn model_charset(s: &str) -> bool {
    s.bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b':' | b'/' | b'_' | b'-'))
}

/// Which form `s` has, if any.
fn form_of(s: &str) -> Option<Form> {
    if is_key_id(s) {
        return Some(Form::KeyId);
    }
    if let Some(name) = s.strip_prefix("alias/") {
        return is_alias_name(name).then_some(Form::AliasName);
    }
    // arn:<partition>:kms:<region>:<account>:key/<key-id> or …:alias/<name>
    let mut parts = s.splitn(6, ':');
    let (Some("arn"), Some(partition), Some("kms"), Some(region), Some(account), Some(resource)) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return None;
    };
    let partition_ok = partition == "aws"
        || partition.strip_prefix("aws-").is_some_and(|rest| {
            !rest.is_empty()
                && rest
                    .split('-')
                    .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()))
        });
    let region_ok = !region.is_empty()
        && region
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    let account_ok = account.len() == 12 && account.bytes().all(|b| b.is_ascii_digit());
    if !(partition_ok && region_ok && account_ok) {
        return None;
    }
    if let Some(id) = resource.strip_prefix("key/") {
        is_key_id(id).then_some(Form::KeyArn)
    } else if let Some(name) = resource.strip_prefix("alias/") {
        is_alias_name(name).then_some(Form::AliasArn)
    } else {
        None
    }
}

/// A key ID: a UUID (`1234abcd-12ab-34cd-56ef-1234567890ab`) or a multi-Region key ID
/// (`mrk-` and 32 hex digits).
fn is_key_id(s: &str) -> bool {
    let hex = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_hexdigit());
    if let Some(rest) = s.strip_prefix("mrk-") {
        return hex(rest, 32);
    }
    let groups: Vec<&str> = s.split('-').collect();
    matches!(groups.as_slice(), [a, b, c, d, e]
        if hex(a, 8) && hex(b, 4) && hex(c, 4) && hex(d, 4) && hex(e, 12))
}

/// An alias name after `alias/`: letters, digits, `/`, `_` and `-`.
fn is_alias_name(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'_' | b'-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        let cases = [
            ("1234abcd-12ab-34cd-56ef-1234567890ab", Some(Form::KeyId)),
            ("mrk-1234abcd12ab34cd56ef1234567890ab", Some(Form::KeyId)),
            (
                "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                Some(Form::KeyArn),
            ),
            (
                "arn:aws-cn:kms:cn-north-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab",
                Some(Form::KeyArn),
            ),
            (
                "arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                Some(Form::KeyArn),
            ),
            ("alias/ExampleAlias", Some(Form::AliasName)),
            ("alias/aws/s3", Some(Form::AliasName)),
            (
                "arn:aws:kms:us-west-2:111122223333:alias/ExampleAlias",
                Some(Form::AliasArn),
            ),
            // Not KMS keys at all.
            ("my-key", None),
            ("alias/", None),
            ("1234abcd-12ab-34cd-56ef", None),
            ("arn:aws:kms:us-west-2:111122223333:key/my-key", None),
            ("arn:aws:kms:us-west-2:1111:key/1234abcd-12ab-34cd-56ef-1234567890ab", None),
            ("arn:aws:s3:::my-bucket", None),
            ("arn:aws:iam::111122223333:role/KmsRole", None),
            ("arn:aws:kms:us-west-2:111122223333:alias/", None),
        ];
        for (s, want) in cases {
            assert_eq!(form_of(s), want, "{s}");
        }
    }
}
