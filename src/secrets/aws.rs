//! AWS secret access keys and session tokens, which have no prefix.
//!
//! A secret access key is 40 characters of base64 and a session token is a
//! long base64 blob, so they are recognised from context: the key name
//! (`aws_secret_access_key`, `AWS_SESSION_TOKEN`), an assignment inside the
//! value (`--aws_secret_access_key=…`), or, for a standalone 40-character
//! string, a shape random base64 has and names, paths and hex digests lack.

use std::sync::LazyLock;

use regex::Regex;

use super::entropy::{self, Classes};
use super::placeholder::{contains_ci, is_path_like, is_token_lookalike, strip_quotes};
use super::SecretKind;

/// `aws_secret_access_key = …` / `AWS_SESSION_TOKEN: …` inside a value.
#[allow(clippy::expect_used)] // constant pattern, exercised by the tests
static ASSIGNMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i)aws[_.-]?(?:secret[_.-]?access[_.-]?key["']?\s*[:=]\s*["']?(?P<k>[A-Za-z0-9/+]{40})(?:$|[^A-Za-z0-9/+=])|session[_.-]?token["']?\s*[:=]\s*["']?(?P<t>[A-Za-z0-9/+=]{64,}))"#,
    )
    .expect("valid AWS assignment regex")
});

/// Entropy floor for a standalone 40-character secret key; random base64 of
/// that length scores about 4.7–5.0, paths and names well below.
const STANDALONE_MIN_ENTROPY: f64 = 4.2;

/// An AWS secret access key or session token in `value`; `words` are the
/// split key name when the key names a secret (see [`super::named`]).
pub(super) fn find<'v>(words: Option<&[String]>, value: &'v str) -> Option<(SecretKind, &'v str)> {
    if contains_ci(value, "aws") && (contains_ci(value, "secret") || contains_ci(value, "session"))
    {
        for c in ASSIGNMENT.captures_iter(value) {
            if let Some(m) = c.name("k").filter(|m| !is_token_lookalike(m.as_str())) {
                return Some((SecretKind::AwsSecretAccessKey, m.as_str()));
            }
            if let Some(m) = c.name("t").filter(|m| !is_token_lookalike(m.as_str())) {
                return Some((SecretKind::AwsSessionToken, m.as_str()));
            }
        }
    }
    let v = strip_quotes(value);
    let has = |w: &str| words.is_some_and(|ws| ws.iter().any(|x| x.contains(w)));
    if has("session") && has("token") && is_session_token(v) {
        return Some((SecretKind::AwsSessionToken, v));
    }
    // Mixed case: base64, not a hex digest (hex under a secret name is
    // still reported, as a secret-named value).
    let mixed_case = |c: Classes| c.lower && c.upper;
    if has("secret") && is_secret_key_shape(v) && mixed_case(Classes::of(v)) {
        return Some((SecretKind::AwsSecretAccessKey, v));
    }
    if is_standalone_secret_key(v) {
        return Some((SecretKind::AwsSecretAccessKey, v));
    }
    None
}

/// 40 characters of the base64 alphabet, not filler, not a path.
fn is_secret_key_shape(v: &str) -> bool {
    v.len() == 40
        && v.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'/' || b == b'+')
        && !is_token_lookalike(v)
        && !is_path_like(v)
}

/// A long base64 blob with mixed classes, as STS issues.
fn is_session_token(v: &str) -> bool {
    v.len() >= 64
        && v.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'+' | b'='))
        && Classes::of(v).alnum_count() == 3
        && !is_token_lookalike(v)
}

/// A 40-character string with no context that is still almost surely a
/// secret key: upper, lower, digits and `/` or `+`, high entropy, and no
/// path-like segment (an all-lowercase word between slashes).
fn is_standalone_secret_key(v: &str) -> bool {
    let c = Classes::of(v);
    is_secret_key_shape(v)
        && c.alnum_count() == 3
        && c.other
        && entropy::shannon(v) >= STANDALONE_MIN_ENTROPY
        && !v
            .split(['/', '+'])
            .any(|seg| seg.len() >= 4 && seg.bytes().all(|b| b.is_ascii_lowercase()))
}
